/*
 * main_config.c — the project's settings for the wirecheck CLI: which
 * configuration file a run reads (--config, --no-config, else the nearest
 * .wirecheck.yaml), how it meets the command line (the command line wins),
 * and `wirecheck config`, which prints every setting in effect with its
 * origin: a file:line:column, the command line, or the default.  And the
 * baseline a run applies (--baseline, the file's baseline:), or writes
 * (`wirecheck baseline`).
 */
#include "main_config.h"
#include "main_util.h"

#include <stdlib.h>
#include <string.h>

enum { EXIT_PASS = 0, EXIT_TROUBLE = 2 };

static const char config_help[] =
	"usage: wirecheck config [--config FILE | --no-config] [--fail-on SEVERITY] [--rules DIR]...\n"
	"\n"
	"Prints the configuration a `wirecheck check` run here would use: the\n"
	"file (--config FILE, else .wirecheck.yaml in the current directory or its\n"
	"nearest parent), the gate, the rule directories, and each check's\n"
	"severity, with where each value comes from.  A bad file is reported as\n"
	"file:line:column, exit status 2.\n"
	"\n"
	"options:\n"
	"      --config FILE        read FILE instead of looking for .wirecheck.yaml\n"
	"      --no-config          read no configuration file\n"
	"      --fail-on SEVERITY   as for check: wins over the file's fail-on\n"
	"      --rules DIR          as for check: after the file's rules (repeatable)\n"
	"  -h, --help               show this help\n";

const char wc_cli_baseline_help[] =
	"usage: wirecheck baseline [CHECK OPTIONS] --source FILE [TRANSLATION...] [-o FILE]\n"
	"\n"
	"Runs the check as `wirecheck check` does, with the same options and the\n"
	"same configuration, and writes its findings as a baseline: a JSON file\n"
	"with a fingerprint per finding (the check, the file's name, the text\n"
	"around the finding; not its line).  Later checks that read the baseline\n"
	"(--baseline FILE, or baseline: in .wirecheck.yaml) mark the findings it\n"
	"holds as suppressed: they no longer fail the gate.\n"
	"\n"
	"options: those of `wirecheck check --help`, and\n"
	"  -o, --output FILE        write the baseline to FILE (default: the baseline:\n"
	"                           of .wirecheck.yaml, else standard output)\n"
	"\n"
	"Exit status 0 when the baseline is written, 2 otherwise.\n";

int wc_cli_project_option(int argc, char **argv, int *i, wc_cli_project *p)
{
	const char *a = argv[*i];
	if (wc_cli_opt_is(a, NULL, "--config")) {
		if (!(p->config_path = wc_cli_take_value(argc, argv, i, "--config")))
			p->bad = true;
		return 1;
	}
	if (wc_cli_opt_is(a, NULL, "--no-config")) {
		p->no_config = true;
		return 1;
	}
	if (wc_cli_opt_is(a, NULL, "--baseline")) {
		if (!(p->baseline_path = wc_cli_take_value(argc, argv, i, "--baseline")))
			p->bad = true;
		return 1;
	}
	if (wc_cli_opt_is(a, NULL, "--show-suppressed")) {
		p->show_suppressed = true;
		return 1;
	}
	return 0;
}

/* The baseline the run applies: --baseline, else the configuration's. */
static int load_baseline(wc_cli_project *p)
{
	wc_config_place at;
	const char *path = p->baseline_path ? p->baseline_path : wc_config_baseline(p->config, &at);
	if (!path)
		return 0;
	wc_diags *diags = wc_diags_new();
	p->baseline = wc_baseline_load(path, diags);
	wc_diags_print(diags, stderr);
	wc_diags_free(diags);
	if (!p->baseline && !p->baseline_path)
		fprintf(stderr, "%s:%d:%d: note: the baseline named here; `wirecheck baseline` writes it\n",
		        wc_config_path(p->config), at.line, at.column);
	return p->baseline ? 0 : -1;
}

int wc_cli_project_load(wc_cli_project *p, wc_severity *fail_on, const char ***dirs, size_t *ndirs,
                        const char **output)
{
	if (p->config_path && p->no_config) {
		wc_cli_usage_error("%s", "--config and --no-config exclude each other");
		return -1;
	}
	const char *path = p->config_path;
	if (!path && !p->no_config)
		path = p->found = wc_config_find(".");
	if (path) {
		wc_diags *diags = wc_diags_new();
		p->config = wc_config_load(path, diags);
		wc_diags_print(diags, stderr);
		wc_diags_free(diags);
		if (!p->config)
			return -1;
	}
	if (!p->fail_on_given)
		wc_config_fail_on(p->config, fail_on, NULL);
	size_t nfile = wc_config_rule_dir_count(p->config), n = 0;
	p->rule_dirs = malloc((nfile + *ndirs + 1) * sizeof *p->rule_dirs);
	if (!p->rule_dirs)
		abort();
	for (size_t i = 0; i < nfile; i++)
		p->rule_dirs[n++] = wc_config_rule_dir(p->config, i, NULL);
	for (size_t i = 0; i < *ndirs; i++)
		p->rule_dirs[n++] = (*dirs)[i];
	/* The options own the array they free: give them this one. */
	free(*dirs);
	*dirs = p->rule_dirs;
	*ndirs = n;
	p->rule_dirs = NULL;
	if (p->write_baseline) {
		if (!*output)
			*output = p->baseline_path ? p->baseline_path : wc_config_baseline(p->config, NULL);
		return 0;
	}
	return load_baseline(p);
}

int wc_cli_project_apply(wc_cli_project *p, const wc_ruleset *rs, wc_report *r, wc_diags *diags)
{
	if (wc_config_check_langs(p->config, rs, diags) < 0)
		return -1;
	wc_report_apply_config(r, p->config);
	wc_report_apply_baseline(r, p->baseline);
	return 0;
}

void wc_cli_project_free(wc_cli_project *p)
{
	wc_config_free(p->config);
	wc_baseline_free(p->baseline);
	p->baseline = NULL;
	free(p->found);
	free(p->rule_dirs);
	p->config = NULL;
	p->found = NULL;
	p->rule_dirs = NULL;
}

/* ---- wirecheck config ------------------------------------------------------------------- */

/* "  # FILE:LINE:COLUMN" after a value the file set, and a note. */
static void put_origin(const wc_config *c, wc_config_place at, const char *note)
{
	printf("  # %s:%d:%d%s\n", wc_config_path(c), at.line, at.column, note);
}

static void put_langs(const wc_config_check *s)
{
	fputs("[", stdout);
	for (size_t k = 0; k < s->nlangs; k++)
		printf("%s%s", k ? ", " : "", s->langs[k]);
	fputs("]", stdout);
}

static const char *severity_word(int s)
{
	return s < 0 ? "off" : wc_severity_name((wc_severity)s);
}

/* What the other languages get. */
static char *note_default(const char *dflt)
{
	size_t n = strlen(dflt) + 40;
	char *s = malloc(n);
	if (!s)
		abort();
	snprintf(s, n, "; other languages: %s (default)", dflt);
	return s;
}

static void put_check(const wc_config *c, size_t i)
{
	const char *name = wc_check_name(i);
	const char *dflt = wc_severity_name(wc_check_default_severity(i));
	for (size_t k = 0; k < wc_config_check_count(c); k++) {
		const wc_config_check *s = wc_config_check_get(c, k);
		if (strcmp(s->check, name) != 0)
			continue;
		if (!s->nlangs) {
			printf("  %s: %s", name, severity_word(s->severity));
			put_origin(c, s->at, "");
		} else {
			printf("  %s: {severity: %s, langs: ", name, severity_word(s->severity));
			put_langs(s);
			char *note = note_default(dflt);
			fputs("}", stdout);
			put_origin(c, s->at, note);
			free(note);
		}
		return;
	}
	printf("  %s: %s  # default\n", name, dflt);
}

static void put_settings(const wc_cli_project *p, wc_severity fail_on, const char *const *cli_dirs,
                         size_t ncli)
{
	const wc_config *c = p->config;
	if (c)
		printf("# configuration file: %s%s\n", wc_config_path(c),
		       p->found ? " (the nearest .wirecheck.yaml)" : " (--config)");
	else
		printf("# configuration file: none%s\n", p->no_config ? " (--no-config)" : " found");
	wc_severity file_gate;
	wc_config_place at;
	printf("fail-on: %s", wc_severity_name(fail_on));
	if (p->fail_on_given)
		printf("  # command line\n");
	else if (wc_config_fail_on(c, &file_gate, &at))
		put_origin(c, at, "");
	else
		printf("  # default\n");
	printf("rules:\n");
	char *builtin = wc_cli_builtin_rules();
	printf("  - %s  # built in\n", builtin ? builtin : "(not found)");
	free(builtin);
	for (size_t i = 0; i < wc_config_rule_dir_count(c); i++) {
		printf("  - %s", wc_config_rule_dir(c, i, &at));
		put_origin(c, at, "");
	}
	for (size_t i = 0; i < ncli; i++)
		printf("  - %s  # command line\n", cli_dirs[i]);
	const char *baseline = wc_config_baseline(c, &at);
	if (p->baseline_path)
		printf("baseline: %s  # command line\n", p->baseline_path);
	else if (baseline) {
		printf("baseline: %s", baseline);
		put_origin(c, at, "");
	} else
		printf("baseline: none  # default\n");
	printf("checks:\n");
	for (size_t i = 0; i < wc_check_count(); i++)
		put_check(c, i);
}

int wc_cli_config(int argc, char **argv, wc_cli_load_rules_fn *load_rules)
{
	wc_cli_project p = {0};
	wc_severity fail_on = WC_ERROR;
	const char **dirs = NULL;
	size_t ndirs = 0;
	int rc = EXIT_TROUBLE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (wc_cli_opt_is(a, "-h", "--help")) {
			fputs(config_help, stdout);
			free(dirs);
			return EXIT_PASS;
		} else if (wc_cli_project_option(argc, argv, &i, &p)) {
			if (p.bad)
				goto done;
		} else if (wc_cli_opt_is(a, NULL, "--fail-on")) {
			if (wc_cli_take_severity(argc, argv, &i, &fail_on) < 0)
				goto done;
			p.fail_on_given = true;
		} else if (wc_cli_opt_is(a, NULL, "--rules")) {
			if (!(v = wc_cli_take_value(argc, argv, &i, "--rules")))
				goto done;
			wc_cli_add_rule_dir(&dirs, &ndirs, v);
		} else {
			wc_cli_usage_error("unknown option '%s'", a);
			goto done;
		}
	}
	size_t ncli = ndirs;
	/* `config` shows the baseline's name; it need not exist yet. */
	const char *no_output = "";
	p.write_baseline = true;
	if (wc_cli_project_load(&p, &fail_on, &dirs, &ndirs, &no_output) < 0)
		goto done;
	/* The languages the file names are checked against the rules' locales. */
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = load_rules(dirs, ndirs, diags);
	int bad = !rs || wc_config_check_langs(p.config, rs, diags) < 0;
	wc_diags_print(diags, stderr);
	wc_diags_free(diags);
	wc_ruleset_free(rs);
	if (!bad) {
		put_settings(&p, fail_on, dirs + (ndirs - ncli), ncli);
		rc = fflush(stdout) == 0 ? EXIT_PASS : EXIT_TROUBLE;
	}
done:
	wc_cli_project_free(&p);
	free(dirs);
	return rc;
}
