/*
 * main.c — the wirecheck command: parses arguments into options, calls the
 * library, picks a reporter, maps the outcome to the exit code
 * (0 pass, 1 findings at or above the gate, 2 usage, input or rule error).
 */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "wirecheck.h"
#include "main_batch.h"
#include "main_config.h"
#include "main_util.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_PASS = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

typedef struct {
	const char *path, *lang;
	wc_role role;
} input;

typedef struct {
	input *inputs;
	size_t ninputs;
	const char **rule_dirs;
	size_t nrule_dirs;
	const char *output;
	const char *lang;        /* extract --lang */
	const char *stdin_name;  /* --stdin-filename: what "-" is called in reports */
	wc_format format;
	bool format_given;       /* -f; else the format -o's extension names */
	wc_severity fail_on;
	wc_severity min_severity; /* --min-severity: findings shown */
	int color;               /* -1 auto */
	int quiet;
	int source_only;         /* --source-only: no translation needed */
	int replace_invalid;
	size_t max_input;        /* --max-input-bytes; 0 = the default */
	double min_coverage;     /* -1: the library's default */
	wc_cli_project project;  /* --config, --no-config, --baseline and what they load (main_config.c) */
	int input_format;        /* --input-format; WC_INPUT_AUTO: each file's own */
} options;

static const char *const prog = wc_cli_prog;


static const char main_help[] =
	"usage: wirecheck COMMAND [ARGS]\n"
	"\n"
	"Checks that the translations of a news story carry the same facts as the\n"
	"source, and that their text is intact.\n"
	"\n"
	"commands:\n"
	"  check     check a story bundle (source, translations, related coverage)\n"
	"  batch     check a stream of bundles (JSON Lines), one report a line\n"
	"  extract   print the facts found in one text, as JSON Lines\n"
	"  rules     lint the rule files, or run the examples they carry\n"
	"  config    print the configuration in effect (.wirecheck.yaml) and its origins\n"
	"  baseline  write the findings of a check as a baseline of accepted findings\n"
	"\n"
	"  wirecheck COMMAND --help    help on a command\n"
	"  wirecheck --version         print the version\n"
	"\n"
	"exit status: 0 no finding at or above the gate, 1 findings at or above\n"
	"the gate, 2 usage, input or rule error.  See wirecheck(1).\n";

static const char check_help[] =
	"usage: wirecheck check [OPTIONS] --source FILE [TRANSLATION...] [--related FILE]...\n"
	"       wirecheck check [OPTIONS] DIR     (a folder of STORY.LANG.txt: check DIR --help)\n"
	"\n"
	"Extracts the facts of every version, aligns each translation to the source\n"
	"paragraph by paragraph, and reports facts that differ, go missing or appear,\n"
	"broken quotation marks, garbled numbers and doubled words.  Related coverage\n"
	"is checked for contradictions only.\n"
	"\n"
	"A file's language comes from LANG:PATH (da:story.txt), else from a .LANG.\n"
	"infix in its name (zte.da.txt).  '-' reads standard input.\n"
	"\n"
	"options:\n"
	"  -s, --source FILE        the version the others are checked against\n"
	"  -r, --related FILE       independent coverage of the same story (repeatable)\n"
	"      --source-only        check the source's own text, with no translation\n"
	"  -f, --format FORMAT      text (default), json, html, sarif, junit or markdown,\n"
	"                           any case (-fjson, -f JSON); without it, the extension\n"
	"                           of -o names it (.html .json .sarif .xml .md)\n"
	"      --input-format FMT   read every file as text, html, newsml, nitf, ninjs or xliff\n"
	"                           (default: from its content, else its extension)\n"
	"  -o, --output FILE        write the report to FILE (atomically) instead of stdout\n"
	"      --stdin-filename NAME  the name of '-' in reports (its .LANG. infix\n"
	"                           gives the language)\n"
	"      --fail-on SEVERITY   error (default), warning, info or never\n"
	"      --min-coverage SHARE a translation carrying less of its source fails\n"
	"                           version.coverage (default 0.5; 0 turns it off)\n"
	"      --rules DIR          add a rule directory (repeatable)\n"
	"      --config FILE        read this configuration instead of the nearest .wirecheck.yaml\n"
	"      --no-config          read no configuration file\n"
	"      --baseline FILE      findings in this baseline (`wirecheck baseline`) are\n"
	"                           suppressed: they do not fail the gate\n"
	"      --show-suppressed    text format: list the suppressed findings too\n"
	"      --color WHEN         auto (default), always or never; NO_COLOR is honoured\n"
	"      --min-severity LEVEL list only findings at LEVEL (error, warning, info) or\n"
	"                           above in text and markdown; counts and gate keep all\n"
	"  -q, --quiet              text format: only the findings that fail the gate\n"
	"                           and the verdict line\n"
	"      --replace-invalid    check texts with invalid UTF-8 anyway, reading bad bytes as U+FFFD\n"
	"      --max-input-bytes N  refuse an input file larger than N bytes (K, M, G: KiB, MiB,\n"
	"                           GiB; default 128M)\n"
	"  -h, --help               show this help\n";

static const char extract_help[] =
	"usage: wirecheck extract --lang LANG [OPTIONS] FILE\n"
	"\n"
	"Prints the facts found in FILE as JSON Lines, one fact a line:\n"
	"{\"kind\",\"text\",\"value\",\"unit\",\"line\",\"column\",\"start\",\"end\",\"rule\"}.\n"
	"The language may also come from LANG:FILE or a .LANG. infix.\n"
	"\n"
	"options:\n"
	"  -l, --lang LANG      language of the text\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"      --stdin-filename NAME  the name of '-' in messages (and its language)\n"
	"      --rules DIR      add a rule directory (repeatable)\n"
	"      --max-input-bytes N  refuse a FILE larger than N bytes (K, M, G; default 128M)\n"
	"  -h, --help           show this help\n";

static const char rules_help[] =
	"usage: wirecheck rules lint [DIR...]\n"
	"       wirecheck rules test [DIR...]\n"
	"\n"
	"lint  loads the built-in rules plus each DIR, compiles every language, and\n"
	"      reports each problem as file:line:column.\n"
	"test  does the same, then runs every `examples:` entry of the rule and\n"
	"      locale files through the extractor.\n"
	"\n"
	"Exit status 0 when all is well, 2 otherwise.\n";

/* ---- languages from file names ---------------------------------------------------------- */


/* "da:story.txt" → da; "zte.da.txt" → da; "pt-BR:x.txt", "x.pt_br.txt" →
 * pt-BR (BCP 47 tags, any case); else NULL.  *path gets the file. */
static char *lang_of(const char *arg, const char **path)
{
	const char *colon = strchr(arg, ':');
	if (colon && wc_cli_is_lang_code(arg, (size_t)(colon - arg))) {
		*path = colon + 1;
		return wc_cli_lang_tag(arg, (size_t)(colon - arg));
	}
	*path = arg;
	const char *base = strrchr(arg, '/');
	base = base ? base + 1 : arg;
	/* The last infix that is a language: STORY.LANG.txt, so that a story
	 * named like a tag (zte.new-york.en.txt) is no language.  An XLIFF
	 * file's name gives none: "zte.en-da.xlf" names a pair, and the file
	 * says which language each side is in. */
	size_t blen = strlen(base);
	if ((blen > 4 && strcmp(base + blen - 4, ".xlf") == 0) || (blen > 6 && strcmp(base + blen - 6, ".xliff") == 0))
		return NULL;
	const char *found = NULL, *found_end = NULL;
	for (const char *p = strchr(base, '.'); p; p = strchr(p + 1, '.')) {
		const char *e = strchr(p + 1, '.');
		if (e && wc_cli_is_lang_code(p + 1, (size_t)(e - p - 1)))
			found = p + 1, found_end = e;
	}
	return found ? wc_cli_lang_tag(found, (size_t)(found_end - found)) : NULL;
}

/* ---- rules ---------------------------------------------------------------------------------- */

/* lazy: the built-in locales are read as the versions' languages need them
 * (check, extract, batch); `rules lint` and `rules test` read all at once. */
static wc_ruleset *load_rules_as(const char *const *extra, size_t nextra, wc_diags *diags, bool lazy)
{
	char *dir = wc_cli_builtin_rules();
	if (!dir) {
		fprintf(stderr, "%s: error: cannot find the built-in rules; set WIRECHECK_RULES=DIR\n", prog);
		return NULL;
	}
	wc_ruleset *rs = wc_ruleset_new();
	/* One thread here: JIT only pays off for large texts. */
	wc_ruleset_set_lazy_jit(rs, 1);
	char *cache = wc_cli_cache_dir();
	wc_ruleset_set_cache_dir(rs, cache);
	free(cache);
	/* those of a --rules folder are read at once, so that their errors show now */
	wc_ruleset_set_lazy_locales(rs, lazy);
	int bad = wc_ruleset_load_dir(rs, dir, diags) < 0;
	wc_ruleset_set_lazy_locales(rs, 0);
	free(dir);
	for (size_t i = 0; i < nextra; i++)
		bad |= wc_ruleset_load_dir(rs, extra[i], diags) < 0;
	if (bad) {
		wc_diags_print(diags, stderr);
		wc_ruleset_free(rs);
		return NULL;
	}
	return rs;
}

static wc_ruleset *load_rules(const char *const *extra, size_t nextra, wc_diags *diags)
{
	return load_rules_as(extra, nextra, diags, true);
}

/* ---- argument parsing ------------------------------------------------------------------------------ */

static void add_input(options *o, const char *path, wc_role role)
{
	o->inputs = realloc(o->inputs, (o->ninputs + 1) * sizeof *o->inputs);
	if (!o->inputs)
		abort();
	o->inputs[o->ninputs++] = (input){path, NULL, role};
}

/* Every option, for "did you mean". */
static const char *const check_known[] = {
	"--source", "--related", "--source-only", "--format", "--output", "--fail-on", "--min-severity",
	"--min-coverage", "--rules", "--color", "--quiet", "--replace-invalid", "--max-input-bytes",
	"--stdin-filename", "--help", "--source-lang", "--jobs", NULL};
static const char *const extract_known[] = {
	"--lang", "--output", "--rules", "--max-input-bytes", "--stdin-filename", "--help", NULL};

/* Every format for check. */
#define CHECK_FORMATS 0x3fu
static const char check_format_names[] = "text, json, html, sarif, junit, markdown";

/* Returns 0, 1 for --help shown, or -1 on a usage error. */
static int parse_options(int argc, char **argv, options *o, const char *help, bool is_check)
{
	bool only_files = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			add_input(o, a, WC_ROLE_TRANSLATION);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = true;
		} else if (wc_cli_opt_is(a, "-h", "--help")) {
			fputs(help, stdout);
			return 1;
		} else if (is_check && wc_cli_opt_val(a, "-s", "--source")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--source")))
				return -1;
			add_input(o, v, WC_ROLE_SOURCE);
		} else if (is_check && wc_cli_opt_val(a, "-r", "--related")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--related")))
				return -1;
			add_input(o, v, WC_ROLE_RELATED);
		} else if (!is_check && wc_cli_opt_val(a, "-l", "--lang")) {
			if (!(o->lang = wc_cli_take_value(argc, argv, &i, "--lang")))
				return -1;
		} else if (is_check && wc_cli_opt_val(a, "-f", "--format")) {
			if (wc_cli_take_format(argc, argv, &i, CHECK_FORMATS, check_format_names, &o->format) < 0)
				return -1;
			o->format_given = true;
		} else if (wc_cli_opt_is(a, NULL, "--stdin-filename")) {
			if (!(o->stdin_name = wc_cli_take_value(argc, argv, &i, "--stdin-filename")))
				return -1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--input-format")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--input-format")))
				return -1;
			if ((o->input_format = wc_input_format_parse(v)) < 0) {
				wc_cli_usage_error("unknown input format '%s' (text, html, newsml, nitf, ninjs, xliff)", v);
				return -1;
			}
		} else if (wc_cli_opt_val(a, "-o", "--output")) {
			if (!(o->output = wc_cli_take_value(argc, argv, &i, "--output")))
				return -1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--fail-on")) {
			if (wc_cli_take_severity(argc, argv, &i, &o->fail_on) < 0)
				return -1;
			o->project.fail_on_given = true;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--min-severity")) {
			if (wc_cli_take_min_severity(argc, argv, &i, &o->min_severity) < 0)
				return -1;
		} else if (is_check && wc_cli_project_option(argc, argv, &i, &o->project)) {
			if (o->project.bad)
				return -1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--min-coverage")) {
			if (wc_cli_take_share(argc, argv, &i, &o->min_coverage) < 0)
				return -1;
		} else if (wc_cli_opt_is(a, NULL, "--rules")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--rules")))
				return -1;
			wc_cli_add_rule_dir(&o->rule_dirs, &o->nrule_dirs, v);
		} else if (wc_cli_opt_is(a, NULL, "--max-input-bytes")) {
			if (wc_cli_take_size(argc, argv, &i, &o->max_input) < 0)
				return -1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--replace-invalid")) {
			o->replace_invalid = 1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--source-only")) {
			o->source_only = 1;
		} else if (is_check && wc_cli_opt_is(a, "-q", "--quiet")) {
			o->quiet = 1;
		} else if (is_check && wc_cli_opt_is(a, NULL, "--color")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--color")))
				return -1;
			if ((o->color = wc_cli_parse_color(v)) == -2)
				return -1;
		} else {
			wc_cli_unknown_option(a, is_check ? check_known : extract_known);
			return -1;
		}
	}
	/* -o report.html writes HTML: the file's extension names the format. */
	if (is_check && !o->format_given && o->output)
		wc_cli_format_of_path(o->output, &o->format);
	return 0;
}

static void free_options(options *o)
{
	free(o->inputs);
	free(o->rule_dirs);
	wc_cli_project_free(&o->project);
}

/* ---- commands ------------------------------------------------------------------------------------------ */

/* What "-" is called: --stdin-filename, if given. */
static const char *name_of(const input *in, const options *o)
{
	return strcmp(in->path, "-") == 0 && o->stdin_name ? o->stdin_name : in->path;
}

/* The language from LANG:PATH or a .LANG. infix (of --stdin-filename for
 * "-"); NULL leaves it to be identified from the text once the rules are
 * loaded. */
static void resolve_lang(input *in, char **owned, const options *o)
{
	const char *path, *ignored;
	*owned = lang_of(in->path, &path);
	in->path = path;
	if (!*owned && strcmp(path, "-") == 0 && o->stdin_name)
		*owned = lang_of(o->stdin_name, &ignored);
	in->lang = *owned;
}

static int read_all(const char *path, const options *o, char **text, size_t *len);

/* Whether two inputs are one file: by device and inode (so links and
 * ./a = a count), "-" for standard input, else by name. */
static bool same_input(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return true;
	struct stat sa, sb;
	return strcmp(a, "-") && strcmp(b, "-") && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A translation (or related story) given twice would be checked, and
 * counted, twice: refused.  The source given as a translation too stays
 * allowed: that is an untranslated copy, which version.language reports. */
static int refuse_twice(const options *o)
{
	for (size_t i = 0; i < o->ninputs; i++)
		for (size_t k = 0; k < i; k++)
			if (o->inputs[k].role != WC_ROLE_SOURCE && o->inputs[i].role != WC_ROLE_SOURCE &&
			    same_input(o->inputs[k].path, o->inputs[i].path)) {
				wc_cli_say("%s: error: given twice (as %s and as %s): each version is checked "
				           "and counted once; give it once", o->inputs[i].path,
				           wc_role_name(o->inputs[k].role), wc_role_name(o->inputs[i].role));
				return -1;
			}
	return 0;
}

/* A source with nothing to check against it is an incomplete bundle, not a
 * pass, unless --source-only asks for the source's own text alone.  A lone
 * file that is no source is the bundle's to judge: an XLIFF file holds the
 * source and its translation, any other lacks a source. */
static int refuse_alone(const options *o)
{
	if (o->source_only || o->ninputs > 1 || o->inputs[0].role != WC_ROLE_SOURCE)
		return 0;
	wc_cli_usage_error("%s: error: a source with nothing to check against it: give a TRANSLATION "
	                   "or --related FILE (--source-only checks the source's own text)",
	                   o->inputs[0].path);
	return -1;
}

/* Opens the report's sink, which must not be one of the files the run reads. */
static int open_sink(wc_sink *out, const options *o)
{
	const char **paths = malloc((o->ninputs + 1) * sizeof *paths);
	if (!paths)
		abort();
	for (size_t i = 0; i < o->ninputs; i++)
		paths[i] = o->inputs[i].path;
	int rc = wc_cli_open_sink(out, o->output, paths, o->ninputs, o->rule_dirs, o->nrule_dirs);
	free(paths);
	return rc;
}

/* A file without a language tag: its language is identified from its text
 * (stop words), reported, and refused when the evidence is thin. */
static int identify(const wc_ruleset *rs, const char *path, const char *text, size_t len,
                    const char **lang)
{
	double conf = 0;
	int rc = wc_identify_language(rs, text, len, lang, &conf);
	if (rc < 0) {
		wc_cli_say("%s: cannot tell the language (best guess %s, confidence %.2f): write it as "
		           "LANG:%s (e.g. da:%s) or name the file STORY.LANG.txt",
		           path, *lang ? *lang : "none", conf, path, path);
		return -1;
	}
	wc_cli_say("%s: language identified as %s (confidence %.2f)", path, *lang, conf);
	return 0;
}

/* Adds an input to the bundle, identifying its language when it has no tag.
 * Returns 0, -1 after printing an error, -2 with the error in diags. */
static int add_input_file(const wc_ruleset *rs, wc_bundle *b, input *in, const options *o,
                          wc_diags *diags)
{
	wc_input_format fmt = (wc_input_format)o->input_format;
	const char *name = name_of(in, o);
	if (in->lang && name == in->path)
		return wc_bundle_add_file_ex(b, in->role, in->lang, in->path, fmt, diags) < 0 ? -2 : 0;
	char *text;
	size_t len;
	if (read_all(in->path, o, &text, &len) < 0)
		return -1;
	if (fmt == WC_INPUT_AUTO)
		fmt = wc_input_format_detect(name, text, len);
	/* A document in markup names its language, or the library identifies
	 * it from the text without the markup. */
	int rc = in->lang || fmt != WC_INPUT_TEXT ? 0 : identify(rs, name, text, len, &in->lang);
	if (rc == 0 && wc_bundle_add_text_ex(b, in->role, in->lang, name, text, len, fmt, diags) < 0)
		rc = -2;
	free(text);
	return rc;
}

/* `check`, or `baseline` (write_baseline): the same run, whose findings are
 * written as a baseline instead of a report. */
static int cmd_check(int argc, char **argv, bool write_baseline)
{
	/* `check DIR`: the folder mode (main_batch.c); -1 when it is not that. */
	int dir_rc = write_baseline ? -1 : wc_cli_check_dir(argc, argv, load_rules);
	if (dir_rc >= 0)
		return dir_rc;
	options o = {.format = WC_FORMAT_TEXT, .fail_on = WC_ERROR, .color = -1, .min_coverage = -1,
	             .project.write_baseline = write_baseline, .input_format = WC_INPUT_AUTO};
	int rc = parse_options(argc, argv, &o, write_baseline ? wc_cli_baseline_help : check_help, true);
	if (rc) {
		free_options(&o);
		return rc > 0 ? EXIT_PASS : EXIT_TROUBLE;
	}
	size_t sources = 0;
	for (size_t i = 0; i < o.ninputs; i++)
		sources += o.inputs[i].role == WC_ROLE_SOURCE;
	/* None may be right: a bilingual file (XLIFF) holds its own source. */
	if (sources > 1) {
		wc_cli_usage_error("%s", "give exactly one --source");
		free_options(&o);
		return EXIT_TROUBLE;
	}
	if (wc_cli_project_load(&o.project, &o.fail_on, &o.rule_dirs, &o.nrule_dirs, &o.output) < 0) {
		free_options(&o);
		return EXIT_TROUBLE;
	}
	int exit_code = EXIT_TROUBLE;
	char **langs = calloc(o.ninputs + 1, sizeof *langs);
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = NULL;
	wc_bundle *b = NULL;
	wc_report *r = NULL;
	wc_sink out = {0};
	if (!langs)
		abort();
	for (size_t i = 0; i < o.ninputs; i++)
		resolve_lang(&o.inputs[i], &langs[i], &o);
	if (refuse_twice(&o) < 0 || open_sink(&out, &o) < 0)
		goto done;
	if (!(rs = load_rules(o.rule_dirs, o.nrule_dirs, diags)))
		goto fail;
	b = wc_bundle_new(rs);
	wc_bundle_set_replace_invalid(b, o.replace_invalid);
	wc_bundle_set_max_input(b, o.max_input);
	if (o.min_coverage >= 0)
		wc_bundle_set_min_coverage(b, o.min_coverage);
	for (size_t i = 0; i < o.ninputs; i++) {
		int added = add_input_file(rs, b, &o.inputs[i], &o, diags);
		if (added == -1)
			goto fail;
		if (added < 0)
			goto fail_diags;
	}
	/* After the rules and inputs: their errors come first, as they always did. */
	if (refuse_alone(&o) < 0)
		goto fail;
	int err;
	if (!(r = wc_bundle_check(b, diags, &err)) || wc_cli_project_apply(&o.project, rs, r, diags) < 0)
		goto fail_diags;
	int color = o.color;
	if (color < 0)
		color = !o.output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	wc_report_options ro = {.fail_on = o.fail_on, .color = color, .quiet = o.quiet,
	                        .show_suppressed = o.project.show_suppressed, .min_severity = o.min_severity};
	bool ok = (write_baseline ? wc_baseline_write(r, out.f)
	                          : wc_report_write(r, o.format, &ro, out.f)) == 0;
	if (wc_sink_close(&out, ok) < 0 || !ok)
		goto done;
	exit_code = write_baseline ? EXIT_PASS : wc_report_fails(r, o.fail_on) ? EXIT_FINDINGS : EXIT_PASS;
	goto done;
fail_diags:
	wc_diags_print(diags, stderr);
fail:
	wc_sink_close(&out, false);
done:
	wc_report_free(r);
	wc_bundle_free(b);
	wc_ruleset_free(rs);
	wc_diags_free(diags);
	for (size_t i = 0; i < o.ninputs; i++)
		free(langs[i]);
	free(langs);
	free_options(&o);
	return exit_code;
}

/* Reads an input that wc_bundle_add_file cannot take directly (its language
 * is not known yet, or it is extract's); prints the error. */
static int read_all(const char *path, const options *o, char **text, size_t *len)
{
	wc_diags *diags = wc_diags_new();
	int rc = wc_read_file(path, o->max_input, o->replace_invalid, text, len, diags);
	wc_diags_print(diags, stderr);
	wc_diags_free(diags);
	return rc < 0 ? -1 : 0;
}

static int cmd_extract(int argc, char **argv)
{
	options o = {0};
	int rc = parse_options(argc, argv, &o, extract_help, false);
	if (rc) {
		free_options(&o);
		return rc > 0 ? EXIT_PASS : EXIT_TROUBLE;
	}
	if (o.ninputs != 1) {
		wc_cli_usage_error("%s", "extract takes one FILE");
		free_options(&o);
		return EXIT_TROUBLE;
	}
	int exit_code = EXIT_TROUBLE;
	char *lang_owned = NULL, *text = NULL;
	size_t len = 0;
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = NULL;
	wc_facts *facts = NULL;
	wc_sink out = {0};
	input *in = &o.inputs[0];
	if (o.lang) {
		const char *path;
		lang_owned = lang_of(in->path, &path);
		in->path = path;
		in->lang = o.lang;
	} else {
		resolve_lang(in, &lang_owned, &o);
	}
	if (open_sink(&out, &o) < 0)
		goto done;
	if (read_all(in->path, &o, &text, &len) < 0) {
		wc_sink_close(&out, false);
		goto done;
	}
	if (!(rs = load_rules(o.rule_dirs, o.nrule_dirs, diags))) {
		wc_sink_close(&out, false);
		goto done;
	}
	if (!in->lang && identify(rs, name_of(in, &o), text, len, &in->lang) < 0) {
		wc_sink_close(&out, false);
		goto done;
	}
	if (!(facts = wc_extract(rs, in->lang, name_of(in, &o), text, len, diags))) {
		wc_diags_print(diags, stderr);
		wc_sink_close(&out, false);
		goto done;
	}
	bool ok = wc_facts_write_jsonl(facts, out.f) == 0;
	if (wc_sink_close(&out, ok) == 0 && ok)
		exit_code = EXIT_PASS;
done:
	wc_facts_free(facts);
	wc_ruleset_free(rs);
	wc_diags_free(diags);
	free(text);
	free(lang_owned);
	free_options(&o);
	return exit_code;
}

static int cmd_rules(int argc, char **argv)
{
	if (argc < 2 || wc_cli_opt_is(argv[1], "-h", "--help")) {
		fputs(rules_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_TROUBLE : EXIT_PASS;
	}
	bool test = strcmp(argv[1], "test") == 0;
	if (!test && strcmp(argv[1], "lint") != 0) {
		wc_cli_usage_error("unknown rules command '%s' (lint, test)", argv[1]);
		return EXIT_TROUBLE;
	}
	for (int i = 2; i < argc; i++)
		if (wc_cli_opt_is(argv[i], "-h", "--help")) {
			fputs(rules_help, stdout);
			return EXIT_PASS;
		}
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = load_rules_as((const char *const *)argv + 2, (size_t)(argc - 2), diags, false);
	int exit_code = EXIT_TROUBLE;
	if (!rs)
		goto done;
	int bad = 0;
	for (size_t i = 0; i < wc_ruleset_lang_count(rs); i++)
		bad |= wc_ruleset_prepare(rs, wc_ruleset_lang(rs, i), diags) < 0;
	size_t run = 0, before = wc_diags_count(diags);
	if (!bad && test)
		bad |= wc_ruleset_test(rs, diags, &run) < 0;
	size_t failed = wc_diags_count(diags) - before;
	wc_diags_print(diags, stderr);
	if (test)
		printf("rules test: %zu examples in %zu languages: %zu passed, %zu failed\n", run,
		       wc_ruleset_lang_count(rs), run - failed, failed);
	else
		printf("rules lint: %zu languages: %s\n", wc_ruleset_lang_count(rs),
		       bad ? "problems found" : "ok");
	exit_code = bad ? EXIT_TROUBLE : EXIT_PASS;
done:
	wc_ruleset_free(rs);
	wc_diags_free(diags);
	return exit_code;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(main_help, stderr);
		return EXIT_TROUBLE;
	}
	const char *cmd = argv[1];
	if (wc_cli_opt_is(cmd, "-h", "--help")) {
		fputs(main_help, stdout);
		return EXIT_PASS;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("wirecheck %s\n", WC_VERSION);
		return EXIT_PASS;
	}
	static const char *const commands[] = {"check", "batch", "extract", "rules"};
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(cmd, commands[i]) == 0)
			wc_cli_command = commands[i];
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 1, argv + 1, false);
	if (strcmp(cmd, "baseline") == 0)
		return cmd_check(argc - 1, argv + 1, true);
	if (strcmp(cmd, "batch") == 0)
		return wc_cli_batch(argc - 1, argv + 1, load_rules);
	if (strcmp(cmd, "extract") == 0)
		return cmd_extract(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 1, argv + 1);
	if (strcmp(cmd, "config") == 0)
		return wc_cli_config(argc - 1, argv + 1, load_rules);
	static const char *const names[] = {"check", "batch", "extract", "rules", "baseline", "config", NULL};
	const char *best = wc_closest(cmd, names, 2);
	char fmt[96];
	if (best)
		snprintf(fmt, sizeof fmt, "unknown command '%%s' (did you mean '%s'?)", best);
	else
		snprintf(fmt, sizeof fmt, "unknown command '%%s' (baseline, batch, check, config, extract, rules)");
	wc_cli_usage_error(fmt, cmd);
	return EXIT_TROUBLE;
}
