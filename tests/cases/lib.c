/* lib.c — the case modes run against libwirecheck: the public API where it
 * reaches (wc_extract, bundles, rule loading), the internal parsers for the
 * number and name modes, which have no public entry point. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shipped rules, shared by every case that does not load its own. */
static wc_ruleset *shipped;

bool lib_init(void)
{
	shipped = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	bool ok = wc_ruleset_load_dir(shipped, "rules", d) == WC_OK && wc_diags_count(d) == 0;
	if (!ok)
		wc_diags_print(d, stderr);
	wc_diags_free(d);
	return ok;
}

void lib_fini(void)
{
	wc_ruleset_free(shipped);
	shipped = NULL;
}

/* The diagnostics as wc_diags_print writes them (what the CLI prints). */
static void add_diags(wc_strlist *got, const wc_diags *d, const char *dir)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	wc_diags_print(d, f);
	fclose(f);
	case_add_lines(got, text, dir);
	free(text);
}

static int malformed(wc_strlist *got, const char *why)
{
	wc_strlist_add(got, why);
	return -1;
}

/* ---- extract LANG ---- */

static int run_extract(const case_t *c, wc_strlist *got)
{
	if (c->mode.n != 2 || c->nparts != 1)
		return malformed(got, "extract takes a language and one text");
	size_t len;
	char *text = case_text(&c->parts[0], true, &len);
	wc_diags *d = wc_diags_new();
	wc_facts *f = wc_extract(shipped, c->mode.v[1], "text", text, len, d);
	for (size_t i = 0; f && i < wc_facts_count(f); i++) {
		const wc_fact *x = wc_facts_get(f, i);
		case_add_owned(got, case_fact_line(x->line, x->column, x->kind, x->text, x->value, x->unit, x->rule));
	}
	if (!f)
		add_diags(got, d, NULL);
	wc_facts_free(f);
	wc_diags_free(d);
	free(text);
	return 0;
}

/* ---- number LANG, name-key LANG, names LANG LANG ---- */

static wc_locale *locale(const char *lang)
{
	return wc_ruleset_locale(shipped, lang);
}

static int run_number(const case_t *c, wc_strlist *got)
{
	if (c->mode.n != 2 || c->nparts != 1 || !locale(c->mode.v[1]))
		return malformed(got, "number takes a language of rules/ and one text");
	size_t len;
	char *s = case_text(&c->parts[0], true, &len);
	bool garbled = false, words = false, scaled = false;
	char *v = wc_parse_number_ex(locale(c->mode.v[1]), s, len, &garbled, &words, &scaled);
	case_add_owned(got, v ? wc_xasprintf("%s%s%s%s", v, garbled ? " garbled" : "", words ? " words" : "",
	                                     scaled ? " scaled" : "")
	                      : wc_xstrdup("none"));
	free(v);
	free(s);
	return 0;
}

static int run_name_key(const case_t *c, wc_strlist *got)
{
	if (c->mode.n != 2 || c->nparts != 1 || !locale(c->mode.v[1]))
		return malformed(got, "name-key takes a language of rules/ and one name");
	size_t len;
	char *s = case_text(&c->parts[0], true, &len);
	char *k = wc_name_key(locale(c->mode.v[1]), s, len);
	wc_strlist_add(got, k ? k : "none");
	free(k);
	free(s);
	return 0;
}

/* Two names, one a line: the same person or not, asked both ways round. */
static int run_names(const case_t *c, wc_strlist *got)
{
	size_t len;
	char *s = c->nparts == 1 ? case_text(&c->parts[0], true, &len) : NULL;
	char *nl = s ? strchr(s, '\n') : NULL;
	if (c->mode.n != 3 || !nl || strchr(nl + 1, '\n') || !locale(c->mode.v[1]) || !locale(c->mode.v[2])) {
		free(s);
		return malformed(got, "names takes two languages of rules/ and two names, one a line");
	}
	*nl = '\0';
	wc_locale *la = locale(c->mode.v[1]), *lb = locale(c->mode.v[2]);
	char *ka = wc_name_key(la, s, strlen(s)), *kb = wc_name_key(lb, nl + 1, strlen(nl + 1));
	bool ab = wc_names_compatible(la, ka, lb, kb), ba = wc_names_compatible(lb, kb, la, ka);
	wc_strlist_add(got, ab != ba ? "asymmetric" : ab ? "same" : "different");
	free(ka);
	free(kb);
	free(s);
	return 0;
}

/* ---- check: versions after ">>> ROLE LANG [NAME]" ---- */

static bool valid_versions(const case_t *c)
{
	for (size_t i = 0; i < c->nparts; i++)
		if (c->parts[i].words.n < 2 || c->parts[i].words.n > 3 || case_role(c->parts[i].words.v[0]) < 0)
			return false;
	return c->nparts > 0;
}

static int run_check(const case_t *c, wc_strlist *got)
{
	if (c->mode.n != 1 || !valid_versions(c))
		return malformed(got, "check takes versions, each after '>>> ROLE LANG [NAME]'");
	wc_bundle *b = wc_bundle_new(shipped);
	wc_diags *d = wc_diags_new();
	int rc = WC_OK;
	for (size_t i = 0; i < c->nparts && rc == WC_OK; i++) {
		const case_part *p = &c->parts[i];
		size_t len;
		char *text = case_file_text(p, &len);
		rc = wc_bundle_add_text(b, (wc_role)case_role(p->words.v[0]), p->words.v[1], case_version_name(p),
		                        text, len, d);
		free(text);
	}
	int err = WC_OK;
	wc_report *r = rc == WC_OK ? wc_bundle_check(b, d, &err) : NULL;
	for (size_t i = 0; r && i < wc_report_count(r); i++)
		case_add_owned(got, case_finding_line(wc_report_get(r, i)));
	if (!r)
		add_diags(got, d, NULL);
	wc_report_free(r);
	wc_bundle_free(b);
	wc_diags_free(d);
	return 0;
}

/* ---- rules [shipped]: files after ">>> PATH", linted as `wirecheck rules lint` does ---- */

static int run_rules(const case_t *c, wc_strlist *got)
{
	bool with_shipped;
	char *dir = case_rules_mode(c, &with_shipped) ? case_write_rule_files(c) : NULL;
	if (!dir)
		return malformed(got, "rules [shipped] takes files, each after '>>> PATH'");
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	bool bad = with_shipped && wc_ruleset_load_dir(rs, "rules", d) < 0;
	bad |= wc_ruleset_load_dir(rs, dir, d) < 0;
	for (size_t i = 0; !bad && i < wc_ruleset_lang_count(rs); i++)
		wc_ruleset_prepare(rs, wc_ruleset_lang(rs, i), d);
	add_diags(got, d, dir);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	case_rmdir(dir);
	free(dir);
	return 0;
}

int lib_run(const case_t *c, wc_strlist *got)
{
	static const struct {
		const char *mode;
		case_runner run;
	} modes[] = {
		{"extract", run_extract}, {"number", run_number}, {"name-key", run_name_key},
		{"names", run_names},     {"check", run_check},   {"rules", run_rules},
	};
	for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
		if (strcmp(c->mode.v[0], modes[i].mode) == 0)
			return modes[i].run(c, got);
	return malformed(got, "unknown mode (extract, number, name-key, names, check, rules)");
}
