/*
 * main_batch.c — the many-bundle commands of the wirecheck CLI:
 *
 *   wirecheck batch [OPTIONS] [FILE|-]   JSON Lines in, one JSON report a line out
 *   wirecheck check [OPTIONS] DIR        a folder of STORY.LANG.txt files
 *
 * Both parse their arguments, load the rules through main.c, hand the input
 * to the batch engine (batch.c) and map its totals to the exit status: 2 if
 * any record could not be checked, else 1 if any bundle failed the gate,
 * else 0.  A progress line goes to standard error when it is a terminal.
 */
/* mkstemp, fsync, fchmod */
#define _XOPEN_SOURCE 700
#include "main_batch.h"
#include "main_util.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_PASS = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static const char *const prog = wc_cli_prog;

static const char batch_help[] =
	"usage: wirecheck batch [OPTIONS] [FILE|-]\n"
	"\n"
	"Checks a stream of story bundles, one JSON object a line (JSON Lines):\n"
	"  {\"id\": \"...\", \"source\": {\"lang\": \"en\", \"text\": \"...\"},\n"
	"   \"translations\": [{\"lang\": \"da\", \"text\": \"...\"}], \"related\": [...]}\n"
	"A version may give \"path\" (a file to read) instead of \"text\"; with a text,\n"
	"\"path\" names the version in the report (else ID/ROLE<n>.LANG).\n"
	"\n"
	"Writes one JSON report a line, in input order: the report of `check\n"
	"--format json` on one line, with \"id\" and \"line\" added.  A line that cannot\n"
	"be checked gives {\"line\": N, \"error\": \"...\"} and the run goes on.\n"
	"\n"
	"options:\n"
	"  -j, --jobs N           worker threads (default 1; 0 = one per core)\n"
	"  -f, --format FORMAT    json (default), text, sarif (one log: one run, the\n"
	"                         results of every bundle) or junit (one document); any\n"
	"                         case; else -o's extension names it\n"
	"  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
	"      --fail-on SEVERITY error (default), warning, info or never\n"
	"      --min-coverage SHARE  as for check (default 0.5; 0 turns it off)\n"
	"      --rules DIR        add a rule directory (repeatable)\n"
	"      --first-line N     number the first input line N (default 1), for split streams\n"
	"      --replace-invalid  check texts with invalid UTF-8 anyway, reading bad bytes as U+FFFD\n"
	"      --max-input-bytes N  refuse a record or a file larger than N bytes (K, M, G;\n"
	"                         default 128M): an error line for it, and the run goes on\n"
	"      --path-root DIR    read a \"path\" only if it resolves into DIR (default: the\n"
	"                         current directory; / allows any)\n"
	"      --min-severity LEVEL  text: list only findings at LEVEL or above\n"
	"  -q, --quiet            text format: the summary only, as check -q\n"
	"  -h, --help             show this help\n"
	"\n"
	"exit status: 2 if any line could not be checked, else 1 if any bundle\n"
	"failed the gate, else 0.\n";

static const char check_dir_help[] =
	"usage: wirecheck check [OPTIONS] DIR\n"
	"\n"
	"Checks a folder of STORY.LANG.txt files: the files of one STORY make a\n"
	"bundle, the --source-lang version is its source and the others are its\n"
	"translations.  STORY.source.LANG.txt is the story's source whatever its\n"
	"language; STORY.related.LANG.txt and STORY.related-NAME.LANG.txt are related\n"
	"coverage of STORY.  A story with a source and nothing else is an error.\n"
	"Reports come one after another (json: one a line, as `wirecheck batch`\n"
	"writes them).\n"
	"\n"
	"options:\n"
	"      --source-lang LANG the language of the sources (default en)\n"
	"  -j, --jobs N           worker threads (default 1; 0 = one per core)\n"
	"  -f, --format FORMAT    text (default), json, sarif or junit (one log for the\n"
	"                         folder)\n"
	"  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
	"      --fail-on SEVERITY error (default), warning, info or never\n"
	"      --min-coverage SHARE  as for check (default 0.5; 0 turns it off)\n"
	"      --rules DIR        add a rule directory (repeatable)\n"
	"      --color WHEN       auto (default), always or never\n"
	"      --min-severity LEVEL  text: list only findings at LEVEL or above\n"
	"  -q, --quiet            text format: the summary only, as check -q\n"
	"      --replace-invalid  check texts with invalid UTF-8 anyway\n"
	"      --max-input-bytes N  refuse a file larger than N bytes (K, M, G; default 128M)\n";

typedef struct {
	const char **rule_dirs;
	size_t nrule_dirs;
	const char *input;       /* batch: FILE or "-"; check: DIR */
	size_t ninputs;
	const char *output;
	const char *source_lang;
	wc_format format;
	bool format_given;
	wc_severity fail_on;
	wc_severity min_severity;
	long jobs;
	size_t first_line;
	int color;               /* -1 auto */
	int quiet;
	int replace_invalid;
	size_t max_input;        /* 0 = the default */
	const char *path_root;   /* batch; NULL = the current directory */
	double min_coverage;     /* -1: the library's default */
} options;




static bool parse_count(const char *s, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

/* Every option, for "did you mean". */
static const char *const batch_known[] = {
	"--jobs", "--format", "--output", "--fail-on", "--min-severity", "--min-coverage", "--rules",
	"--first-line", "--replace-invalid", "--max-input-bytes", "--path-root", "--quiet", "--help", NULL};
static const char *const dir_known[] = {
	"--source-lang", "--jobs", "--format", "--output", "--fail-on", "--min-severity",
	"--min-coverage", "--rules", "--color", "--quiet", "--replace-invalid", "--max-input-bytes",
	"--help", NULL};

/* The formats of the many-bundle commands: a report a bundle (text, json) or
 * one log for them all (sarif, junit). */
#define MANY_FORMATS ((1u << WC_FORMAT_TEXT) | (1u << WC_FORMAT_JSON) | (1u << WC_FORMAT_SARIF) | \
                      (1u << WC_FORMAT_JUNIT))
static const char many_format_names[] = "text, json, sarif or junit";

/* Returns 0, 1 when --help was shown, or -1 on a usage error. */
static int parse_options(int argc, char **argv, options *o, bool dir_mode)
{
	bool only_files = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			o->input = a;
			o->ninputs++;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = true;
		} else if (wc_cli_opt_is(a, "-h", "--help")) {
			fputs(dir_mode ? check_dir_help : batch_help, stdout);
			return 1;
		} else if (wc_cli_opt_is(a, "-j", "--jobs") || (a[1] == 'j' && a[2])) {
			/* -j N, -jN (as make has it), --jobs N, --jobs=N */
			if (a[1] == 'j' && a[2])
				v = a + 2;
			else if (!(v = wc_cli_take_value(argc, argv, &i, "--jobs")))
				return -1;
			if (!parse_count(v, 1024, &o->jobs)) {
				wc_cli_usage_error("--jobs takes a number from 0 to 1024, not '%s'", v);
				return -1;
			}
		} else if (wc_cli_opt_val(a, "-f", "--format")) {
			if (wc_cli_take_format(argc, argv, &i, MANY_FORMATS, many_format_names, &o->format) < 0)
				return -1;
			o->format_given = true;
		} else if (wc_cli_opt_val(a, "-o", "--output")) {
			if (!(o->output = wc_cli_take_value(argc, argv, &i, "--output")))
				return -1;
		} else if (wc_cli_opt_is(a, NULL, "--fail-on")) {
			if (wc_cli_take_severity(argc, argv, &i, &o->fail_on) < 0)
				return -1;
		} else if (wc_cli_opt_is(a, NULL, "--min-severity")) {
			if (wc_cli_take_min_severity(argc, argv, &i, &o->min_severity) < 0)
				return -1;
		} else if (wc_cli_opt_is(a, NULL, "--min-coverage")) {
			if (wc_cli_take_share(argc, argv, &i, &o->min_coverage) < 0)
				return -1;
		} else if (wc_cli_opt_is(a, NULL, "--rules")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--rules")))
				return -1;
			wc_cli_add_rule_dir(&o->rule_dirs, &o->nrule_dirs, v);
		} else if (!dir_mode && wc_cli_opt_is(a, NULL, "--first-line")) {
			long n;
			if (!(v = wc_cli_take_value(argc, argv, &i, "--first-line")))
				return -1;
			if (!parse_count(v, 1L << 40, &n) || n < 1) {
				wc_cli_usage_error("--first-line takes a line number, not '%s'", v);
				return -1;
			}
			o->first_line = (size_t)n;
		} else if (dir_mode && wc_cli_opt_is(a, NULL, "--source-lang")) {
			if (!(o->source_lang = wc_cli_take_value(argc, argv, &i, "--source-lang")))
				return -1;
		} else if (dir_mode && wc_cli_opt_is(a, NULL, "--color")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--color")))
				return -1;
			if ((o->color = wc_cli_parse_color(v)) == -2)
				return -1;
		} else if (wc_cli_opt_is(a, "-q", "--quiet")) {
			o->quiet = 1;
		} else if (wc_cli_opt_is(a, NULL, "--replace-invalid")) {
			o->replace_invalid = 1;
		} else if (wc_cli_opt_is(a, NULL, "--max-input-bytes")) {
			if (wc_cli_take_size(argc, argv, &i, &o->max_input) < 0)
				return -1;
		} else if (!dir_mode && wc_cli_opt_is(a, NULL, "--path-root")) {
			if (!(o->path_root = wc_cli_take_value(argc, argv, &i, "--path-root")))
				return -1;
		} else {
			wc_cli_unknown_option(a, dir_mode ? dir_known : batch_known);
			return -1;
		}
	}
	/* -o report.sarif: the extension names the format, if this command writes it. */
	wc_format by_ext;
	if (!o->format_given && o->output && wc_cli_format_of_path(o->output, &by_ext) == 0) {
		if (!(MANY_FORMATS & (1u << by_ext))) {
			wc_cli_usage_error("-o %s names a format this command does not write (text, json, "
			                   "sarif or junit): give -f FORMAT", o->output);
			return -1;
		}
		o->format = by_ext;
	}
	return 0;
}

/* ---- progress ---------------------------------------------------------------------------------- */

typedef struct {
	double start, last;
	unsigned long long total; /* input bytes, 0 when unknown */
	bool shown;
} progress;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(const wc_batch_stats *st, progress *p, bool final)
{
	double t = now(), dt = t - p->start;
	if (!final && t - p->last < 0.25)
		return;
	p->last = t;
	p->shown = true;
	if (dt <= 0)
		dt = 1e-9;
	double mbs = (double)st->bytes / 1e6 / dt;
	fprintf(stderr, "\r%s: %zu bundles, %.0f bundles/s, %.1f MB/s", prog, st->done,
	        (double)st->done / dt, mbs);
	if (p->total && !final && st->bytes > 0 && st->bytes < p->total) {
		double eta = (double)(p->total - st->bytes) / ((double)st->bytes / dt);
		fprintf(stderr, ", ETA %lu:%02lu", (unsigned long)eta / 60, (unsigned long)eta % 60);
	}
	if (st->failed || st->errors)
		fprintf(stderr, " (%zu failed, %zu errors)", st->failed, st->errors);
	fputs(final ? "\033[K\n" : "\033[K", stderr);
	fflush(stderr);
}

static void on_progress(const wc_batch_stats *st, void *ctx)
{
	show_progress(st, ctx, false);
}

/* ---- the shared run ----------------------------------------------------------------------------- */

static unsigned jobs_of(long jobs)
{
	if (jobs > 0)
		return (unsigned)jobs;
	if (jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		return n > 0 ? (unsigned)n : 1;
	}
	return 1;
}

typedef int feed_fn(wc_batch *b, void *ctx);

/* The grand total after the text reports of many bundles: how many were
 * checked, failed, passed, and could not be checked. */
static void write_grand_total(FILE *out, const wc_batch_stats *st, bool dir_mode)
{
	const char *what = dir_mode ? (st->done == 1 ? "story" : "stories")
	                            : (st->done == 1 ? "bundle" : "bundles");
	size_t checked = st->done - st->errors;
	fprintf(out, "%zu %s: %zu failed, %zu passed", st->done, what, st->failed, checked - st->failed);
	if (st->errors)
		fprintf(out, ", %zu not checked (errors)", st->errors);
	fputc('\n', out);
}

/* Loads the rules, runs feed() into a batch and maps the totals to the exit
 * status. */
static int run(const options *o, wc_cli_load_rules_fn *load_rules, feed_fn *feed, void *ctx,
               unsigned long long total, const char *const *inputs, size_t ninputs)
{
	int exit_code = EXIT_TROUBLE;
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = NULL;
	wc_batch *b = NULL;
	wc_sink out = {0};
	progress pr = {now(), 0, total, false};
	bool out_open = false;
	if (wc_cli_open_sink(&out, o->output, inputs, ninputs, o->rule_dirs, o->nrule_dirs) < 0)
		goto done;
	out_open = true;
	if (!(rs = load_rules(o->rule_dirs, o->nrule_dirs, diags)))
		goto done;
	int color = o->color;
	if (color < 0)
		color = !o->output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	wc_batch_options bo = {
		.threads = jobs_of(o->jobs),
		.format = o->format,
		.report = {.fail_on = o->fail_on, .color = o->format == WC_FORMAT_TEXT && color, .quiet = o->quiet,
		           .min_severity = o->min_severity},
		.replace_invalid = o->replace_invalid,
		.max_input = o->max_input,
		.path_root = o->path_root,
		/* the library's convention: 0 is its default, a negative value off */
		.min_coverage = o->min_coverage < 0 ? 0 : o->min_coverage == 0 ? -1 : o->min_coverage,
		.output = out.final,
		.progress = isatty(STDERR_FILENO) ? on_progress : NULL,
		.progress_ctx = &pr,
	};
	if (o->format == WC_FORMAT_SARIF)
		wc_sarif_stream_begin(out.f);
	else if (o->format == WC_FORMAT_JUNIT)
		wc_junit_stream_begin(out.f);
	if (!(b = wc_batch_new(rs, &bo, out.f, diags))) {
		wc_diags_print(diags, stderr);
		goto done;
	}
	int fed = feed(b, ctx);
	wc_batch_stats st;
	bool wrote = wc_batch_finish(b, &st) == 0;
	if (o->format == WC_FORMAT_SARIF)
		wrote &= wc_sarif_stream_end(out.f, o->fail_on, &st) == 0;
	else if (o->format == WC_FORMAT_JUNIT)
		wrote &= wc_junit_stream_end(out.f) == 0;
	else if (o->format == WC_FORMAT_TEXT)
		write_grand_total(out.f, &st, o->source_lang != NULL);
	if (pr.shown)
		show_progress(&st, &pr, true);
	out_open = false;
	/* A record read the target as its input: replacing it would lose it. */
	if (st.output_named)
		wc_cli_say("%s: error: a record of the stream names it as a \"path\"; the report is not "
		           "written over it", o->output);
	if (wc_sink_close(&out, wrote && fed == 0 && !st.output_named) < 0 || !wrote || fed < 0 ||
	    st.output_named)
		goto done;
	exit_code = st.errors ? EXIT_TROUBLE : st.failed ? EXIT_FINDINGS : EXIT_PASS;
done:
	if (out_open)
		wc_sink_close(&out, false);
	wc_batch_free(b);
	wc_ruleset_free(rs);
	wc_diags_free(diags);
	return exit_code;
}

/* ---- wirecheck batch ---------------------------------------------------------------------------- */

typedef struct {
	FILE *in;
	const char *path;
	size_t first_line;
} stream;

static int feed_stream(wc_batch *b, void *ctx)
{
	stream *s = ctx;
	if (wc_batch_read_jsonl(b, s->in, s->first_line) < 0) {
		wc_cli_say("%s: error: cannot read: %s", s->path, strerror(errno));
		return -1;
	}
	return 0;
}

int wc_cli_batch(int argc, char **argv, wc_cli_load_rules_fn *load_rules)
{
	options o = {.format = WC_FORMAT_JSON, .fail_on = WC_ERROR, .jobs = 1, .first_line = 1,
	             .color = 0, .min_coverage = -1};
	int rc = parse_options(argc, argv, &o, false);
	if (rc) {
		free(o.rule_dirs);
		return rc > 0 ? EXIT_PASS : EXIT_TROUBLE;
	}
	if (o.ninputs > 1) {
		wc_cli_usage_error("%s", "batch reads one FILE (or - for standard input)");
		free(o.rule_dirs);
		return EXIT_TROUBLE;
	}
	stream s = {stdin, o.input ? o.input : "-", o.first_line};
	if (strcmp(s.path, "-") != 0 && !(s.in = fopen(s.path, "rb"))) {
		wc_cli_say("%s: error: cannot open: %s", s.path, strerror(errno));
		free(o.rule_dirs);
		return EXIT_TROUBLE;
	}
	struct stat st;
	unsigned long long total = 0;
	if (fstat(fileno(s.in), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			wc_cli_say("%s: error: is a directory; `wirecheck check DIR` checks a folder", s.path);
			fclose(s.in);
			free(o.rule_dirs);
			return EXIT_TROUBLE;
		}
		if (S_ISREG(st.st_mode)) {
			off_t at = ftello(s.in);
			total = (unsigned long long)(st.st_size - (at > 0 ? at : 0));
		}
	}
	rc = run(&o, load_rules, feed_stream, &s, total, &s.path, 1);
	if (s.in != stdin)
		fclose(s.in);
	free(o.rule_dirs);
	return rc;
}

/* ---- wirecheck check DIR ------------------------------------------------------------------------ */

/* Whether argv asks for the folder mode: one argument that is a directory,
 * and neither --source nor --related.  (--help with a directory shows the
 * folder mode's help.) */
static bool is_dir_mode(int argc, char **argv)
{
	static const char *const with_value[] = {"-s", "--source", "-r", "--related", "-f", "--format",
	                                         "-o", "--output", "--fail-on", "--rules", "--color",
	                                         "--min-coverage", "--min-severity", "--source-lang", "-j", "--jobs",
	                                         "--max-input-bytes", "--stdin-filename", NULL};
	const char *positional = NULL;
	int npositional = 0;
	bool only_files = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			positional = a;
			npositional++;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = true;
			continue;
		}
		if (wc_cli_opt_val(a, "-s", "--source") || wc_cli_opt_val(a, "-r", "--related"))
			return false;
		for (size_t k = 0; with_value[k]; k++)
			if (strcmp(a, with_value[k]) == 0) {
				i++;
				break;
			}
	}
	struct stat st;
	return npositional == 1 && stat(positional, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A file of the folder: STORY.LANG.txt, or with a mark between the story and
 * the language: STORY.source.LANG.txt (the story's source, whatever
 * --source-lang says) or STORY.related.LANG.txt / STORY.related-NAME.LANG.txt
 * (related coverage of STORY). */
typedef enum { MARK_NONE, MARK_SOURCE, MARK_RELATED } mark;

typedef struct {
	char *story, *lang, *path;
	mark mark;
} entry;

typedef struct {
	entry *v;
	size_t n;
	const char *source_lang;
} folder;

/* Whether a file's language is --source-lang: the same tag, or (for a
 * --source-lang without subtags) the same base language, as en-US is en. */
static bool is_source_lang(const char *lang, const char *source_lang)
{
	if (strcmp(lang, source_lang) == 0)
		return true;
	size_t n = strlen(source_lang);
	return !strchr(source_lang, '-') && strncmp(lang, source_lang, n) == 0 && lang[n] == '-';
}

/* Where the entry goes in its story: the source first, translations by
 * language, related coverage last. */
static int rank(const entry *e, const char *source_lang)
{
	if (e->mark == MARK_RELATED)
		return 3;
	if (e->mark == MARK_SOURCE)
		return 0;
	return is_source_lang(e->lang, source_lang) ? 1 : 2;
}

/* Stories in byte order; in a story the source first, then by language. */
static const char *sort_source_lang;
static int by_story(const void *x, const void *y)
{
	const entry *a = x, *b = y;
	int c = strcmp(a->story, b->story);
	if (c)
		return c;
	int ra = rank(a, sort_source_lang), rb = rank(b, sort_source_lang);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	c = strcmp(a->lang, b->lang);
	return c ? c : strcmp(a->path, b->path);
}

/* The mark of "STORY.MARK" (the name without .LANG.txt) of n bytes: *story_len
 * gets the length of STORY. */
static mark mark_of(const char *name, size_t n, size_t *story_len)
{
	*story_len = n;
	const char *dot = NULL;
	for (const char *p = name + n; p-- > name;)
		if (*p == '.') {
			dot = p;
			break;
		}
	if (!dot || dot == name)
		return MARK_NONE;
	size_t m = (size_t)(name + n - dot - 1);
	const char *w = dot + 1;
	mark k = MARK_NONE;
	if (m == 6 && strncmp(w, "source", 6) == 0)
		k = MARK_SOURCE;
	else if ((m == 7 && strncmp(w, "related", 7) == 0) || (m > 8 && strncmp(w, "related-", 8) == 0))
		k = MARK_RELATED;
	if (k != MARK_NONE)
		*story_len = (size_t)(dot - name);
	return k;
}

static int read_folder(const char *dir, folder *f, unsigned long long *total)
{
	DIR *d = opendir(dir);
	if (!d) {
		wc_cli_say("%s: error: cannot open: %s", dir, strerror(errno));
		return -1;
	}
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *name = e->d_name;
		size_t n = strlen(name);
		if (name[0] == '.' || n < 5 || strcmp(name + n - 4, ".txt") != 0)
			continue;
		const char *dot = NULL;
		for (const char *p = name + n - 5; p > name; p--)
			if (*p == '.') {
				dot = p;
				break;
			}
		char *path = malloc(strlen(dir) + n + 2);
		if (!path)
			abort();
		sprintf(path, "%s/%s", dir, name);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (!dot || !wc_cli_is_lang_code(dot + 1, (size_t)(name + n - 4 - dot - 1))) {
			wc_cli_say("%s: skipped: not named STORY.LANG.txt", path);
			free(path);
			continue;
		}
		if (f->n == cap && !(f->v = realloc(f->v, (cap = cap ? 2 * cap : 16) * sizeof *f->v)))
			abort();
		entry *en = &f->v[f->n++];
		size_t story_len;
		en->mark = mark_of(name, (size_t)(dot - name), &story_len);
		en->story = strndup(name, story_len);
		en->lang = wc_cli_lang_tag(dot + 1, (size_t)(name + n - 4 - dot - 1));
		en->path = path;
		if (!en->story || !en->lang)
			abort();
		*total += (unsigned long long)st.st_size;
	}
	closedir(d);
	sort_source_lang = f->source_lang;
	if (f->n)
		qsort(f->v, f->n, sizeof *f->v, by_story);
	return 0;
}

/* The roles of one story's files, sorted by by_story: a file marked source is
 * the source; else the --source-lang version; related coverage as marked. */
static size_t story_files(const folder *f, size_t i, wc_batch_file *files)
{
	const char *story = f->v[i].story;
	bool marked = f->v[i].mark == MARK_SOURCE;
	size_t k = 0;
	for (; i < f->n && strcmp(f->v[i].story, story) == 0; i++, k++) {
		const entry *e = &f->v[i];
		wc_role role = WC_ROLE_TRANSLATION;
		if (e->mark == MARK_RELATED)
			role = WC_ROLE_RELATED;
		else if (e->mark == MARK_SOURCE || (!marked && is_source_lang(e->lang, f->source_lang)))
			role = WC_ROLE_SOURCE;
		files[k] = (wc_batch_file){role, e->lang, e->path};
	}
	return k;
}

static int feed_folder(wc_batch *b, void *ctx)
{
	folder *f = ctx;
	wc_batch_file *files = calloc(f->n ? f->n : 1, sizeof *files);
	if (!files)
		abort();
	for (size_t i = 0; i < f->n;) {
		const char *story = f->v[i].story;
		size_t k = story_files(f, i, files);
		wc_batch_add_files(b, story, files, k);
		i += k;
	}
	free(files);
	return 0;
}

int wc_cli_check_dir(int argc, char **argv, wc_cli_load_rules_fn *load_rules)
{
	if (!is_dir_mode(argc, argv))
		return -1;
	options o = {.format = WC_FORMAT_TEXT, .fail_on = WC_ERROR, .jobs = 1, .source_lang = "en",
	             .color = -1, .min_coverage = -1};
	int rc = parse_options(argc, argv, &o, true);
	if (rc) {
		free(o.rule_dirs);
		return rc > 0 ? EXIT_PASS : EXIT_TROUBLE;
	}
	if (!wc_cli_is_lang_code(o.source_lang, strlen(o.source_lang))) {
		wc_cli_usage_error("--source-lang takes a language code or a BCP 47 tag (en, pt-BR), not '%s'",
		                   o.source_lang);
		free(o.rule_dirs);
		return EXIT_TROUBLE;
	}
	char *source_lang = wc_cli_lang_tag(o.source_lang, strlen(o.source_lang));
	folder f = {NULL, 0, source_lang};
	unsigned long long total = 0;
	rc = EXIT_TROUBLE;
	if (read_folder(o.input, &f, &total) == 0) {
		if (!f.n)
			wc_cli_say("%s: error: no STORY.LANG.txt files", o.input);
		else {
			const char **paths = malloc(f.n * sizeof *paths);
			if (!paths)
				abort();
			for (size_t i = 0; i < f.n; i++)
				paths[i] = f.v[i].path;
			rc = run(&o, load_rules, feed_folder, &f, total, paths, f.n);
			free(paths);
		}
	}
	for (size_t i = 0; i < f.n; i++) {
		free(f.v[i].story);
		free(f.v[i].lang);
		free(f.v[i].path);
	}
	free(f.v);
	free(source_lang);
	free(o.rule_dirs);
	return rc;
}
