/* cli.c — the case modes run against the wirecheck command: each case's
 * inputs are written to a temporary directory, the command runs on them
 * (`extract`, `check --format json`, `rules lint`), and its JSON output or
 * its diagnostics become the same lines as lib.c gives.  The number and
 * name modes have no command and are skipped. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *binary;

void cli_init(const char *wirecheck)
{
	binary = wirecheck;
}

/* What one run of the command gave. */
typedef struct {
	int status;          /* exit status, or -1 if it did not exit */
	char *out, *err;
} cli_result;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	wc_buf b = {0};
	wc_buf_add(&b, "", 0);
	char chunk[4096];
	size_t n;
	while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wc_buf_add(&b, chunk, n);
	if (f)
		fclose(f);
	return wc_buf_take(&b);
}

static void redirect(const char *path, int fd)
{
	int f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (f < 0 || dup2(f, fd) < 0)
		_exit(127);
	close(f);
}

/* Runs the binary with args (NULL-terminated, args[0] the command) and
 * WIRECHECK_RULES=rules; output goes through files in dir. */
static cli_result run(const char *dir, const char *rules, char **args)
{
	char *out = wc_xasprintf("%s/.stdout", dir), *err = wc_xasprintf("%s/.stderr", dir);
	cli_result r = {-1, NULL, NULL};
	pid_t pid = fork();
	if (pid == 0) {
		redirect(out, 1);
		redirect(err, 2);
		setenv("WIRECHECK_RULES", rules, 1);
		execv(binary, args);
		_exit(127);
	}
	int st;
	if (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st))
		r.status = WEXITSTATUS(st);
	r.out = slurp(out);
	r.err = slurp(err);
	unlink(out);
	unlink(err);
	free(out);
	free(err);
	return r;
}

static void result_free(cli_result *r)
{
	free(r->out);
	free(r->err);
}

/* Exit 2 gives the diagnostics; another status than want is a failure. */
static bool expect_status(const cli_result *r, int want, const char *dir, wc_strlist *got)
{
	if (r->status == 2) {
		case_add_lines(got, r->err, dir);
		return false;
	}
	if (r->status != want) {
		case_add_owned(got, wc_xasprintf("wirecheck exited with %d: %s", r->status, r->err));
		return false;
	}
	return true;
}

/* ---- reading the JSON the command writes ---- */

static const char *str(const wc_json_doc *doc, const wc_json_node *obj, const char *key)
{
	const wc_json_node *v = wc_json_get(doc, obj, key);
	return v && v->type == WC_JSON_STRING ? v->s : NULL;
}

static size_t num(const wc_json_doc *doc, const wc_json_node *obj, const char *key)
{
	const wc_json_node *v = obj ? wc_json_get(doc, obj, key) : NULL;
	if (!v || v->type != WC_JSON_NUMBER)
		return 0;
	char *s = wc_xstrndup(v->s, v->len);
	size_t n = (size_t)strtoull(s, NULL, 10);
	free(s);
	return n;
}

/* One JSON Lines fact of `wirecheck extract` as a fact line. */
static void add_fact(wc_strlist *got, char *json, size_t len)
{
	wc_json_doc doc = {0};
	if (wc_json_parse(&doc, json, len) != 0) {
		wc_strlist_add(got, "extract wrote a line that is no JSON");
	} else {
		const wc_json_node *o = &doc.v[0];
		case_add_owned(got, case_fact_line(num(&doc, o, "line"), num(&doc, o, "column"), str(&doc, o, "kind"),
		                                   str(&doc, o, "text"), str(&doc, o, "value"), str(&doc, o, "unit"),
		                                   str(&doc, o, "rule")));
	}
	wc_json_free(&doc);
}

static void add_facts(wc_strlist *got, char *out)
{
	for (char *s = out; *s;) {
		size_t n = strcspn(s, "\n");
		if (n)
			add_fact(got, s, n);
		s += n + (s[n] == '\n');
	}
}

/* One finding of the JSON report as a finding line, with dir/ taken off its path. */
static void add_finding(wc_strlist *got, const wc_json_doc *doc, const wc_json_node *o, const char *dir)
{
	const char *path = str(doc, o, "path");
	size_t dl = strlen(dir);
	if (path && strncmp(path, dir, dl) == 0 && path[dl] == '/')
		path += dl + 1;
	const wc_json_node *src = wc_json_get(doc, o, "source_ref");
	const char *sev = str(doc, o, "severity");
	wc_finding f = {
		.check = str(doc, o, "check"), .path = path, .line = num(doc, o, "line"),
		.column = num(doc, o, "column"), .severity = (wc_severity)wc_severity_parse(sev ? sev : ""),
		.expected = str(doc, o, "expected"), .found = str(doc, o, "found"), .rule = str(doc, o, "rule"),
		.has_source_ref = src && src->type == WC_JSON_OBJECT,
		.source_line = num(doc, src, "line"), .source_column = num(doc, src, "column"),
	};
	case_add_owned(got, case_finding_line(&f));
}

static void add_findings(wc_strlist *got, char *out, const char *dir)
{
	wc_json_doc doc = {0};
	const wc_json_node *fs = NULL;
	if (wc_json_parse(&doc, out, strlen(out)) == 0)
		fs = wc_json_get(&doc, &doc.v[0], "findings");
	if (!fs || fs->type != WC_JSON_ARRAY)
		wc_strlist_add(got, "check wrote no JSON report with findings");
	for (const wc_json_node *f = fs ? wc_json_child(&doc, fs) : NULL; f; f = wc_json_next(&doc, f))
		add_finding(got, &doc, f, dir);
	wc_json_free(&doc);
}

/* ---- the modes ---- */

static int cli_extract(const case_t *c, wc_strlist *got)
{
	if (c->mode.n != 2 || c->nparts != 1)
		return 1; /* lib.c says what is wrong with it */
	char *dir = case_tmpdir(), *path = wc_xasprintf("%s/text", dir);
	size_t len;
	char *text = case_text(&c->parts[0], true, &len);
	case_write(dir, "text", text, len);
	char *args[] = {"wirecheck", "extract", "--lang", c->mode.v[1], path, NULL};
	cli_result r = run(dir, "rules", args);
	if (expect_status(&r, 0, dir, got))
		add_facts(got, r.out);
	result_free(&r);
	free(text);
	free(path);
	case_rmdir(dir);
	free(dir);
	return 0;
}

/* "--source LANG:dir/NAME", "LANG:dir/NAME" or "--related LANG:dir/NAME" for each version. */
static void version_args(const case_t *c, const char *dir, wc_strlist *args)
{
	for (size_t i = 0; i < c->nparts; i++) {
		const case_part *p = &c->parts[i];
		int role = case_role(p->words.v[0]);
		if (role != WC_ROLE_TRANSLATION)
			wc_strlist_add(args, role == WC_ROLE_SOURCE ? "--source" : "--related");
		char *a = wc_xasprintf("%s:%s/%s", p->words.v[1], dir, case_version_name(p));
		wc_strlist_add(args, a);
		free(a);
		size_t len;
		char *text = case_file_text(p, &len);
		case_write(dir, case_version_name(p), text, len);
		free(text);
	}
}

static int cli_check(const case_t *c, wc_strlist *got)
{
	for (size_t i = 0; i < c->nparts; i++)
		if (c->parts[i].words.n < 2 || case_role(c->parts[i].words.v[0]) < 0)
			return 1;
	char *dir = case_tmpdir();
	wc_strlist args = {0};
	/* --source-only: a case may be a source alone, checked for its own text. */
	static const char *const head[] = {"wirecheck", "check", "--format", "json", "--fail-on", "never",
	                                   "--source-only"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		wc_strlist_add(&args, head[i]);
	version_args(c, dir, &args);
	char **argv = wc_xcalloc(args.n + 1, sizeof *argv);
	memcpy(argv, args.v, args.n * sizeof *argv);
	cli_result r = run(dir, "rules", argv);
	if (expect_status(&r, 0, dir, got))
		add_findings(got, r.out, dir);
	result_free(&r);
	free(argv);
	wc_strlist_free(&args);
	case_rmdir(dir);
	free(dir);
	return 0;
}

/* `wirecheck rules lint`: with "shipped", the built-in rules are rules/ and
 * the case's directory is added; without, the case's directory is the
 * built-in rules. */
static int cli_rules(const case_t *c, wc_strlist *got)
{
	bool with_shipped;
	char *dir = case_rules_mode(c, &with_shipped) ? case_write_rule_files(c) : NULL;
	if (!dir)
		return 1;
	char *args[] = {"wirecheck", "rules", "lint", with_shipped ? dir : NULL, NULL};
	cli_result r = run(dir, with_shipped ? "rules" : dir, args);
	expect_status(&r, 0, dir, got);
	result_free(&r);
	case_rmdir(dir);
	free(dir);
	return 0;
}

int cli_run(const case_t *c, wc_strlist *got)
{
	if (strcmp(c->mode.v[0], "extract") == 0)
		return cli_extract(c, got);
	if (strcmp(c->mode.v[0], "check") == 0)
		return cli_check(c, got);
	if (strcmp(c->mode.v[0], "rules") == 0)
		return cli_rules(c, got);
	return 1;
}
