/* test_match.c — unit tests of check_facts.c (stage 5) through wc_bundle_check:
 * the whole ZTE fixtures (translations and related stories), and a bundle
 * checked twice.  Small bundles (changed, dropped and added facts, related
 * coverage, titles, verdicts) are cases in tests/cases/match.cases.  Uses
 * the shipped rules from the repository root. */
#include "unit.h"

#include <stdio.h>

/* ---- bundles ------------------------------------------------------------------------------- */

typedef struct {
	wc_role role;
	const char *lang, *path;
	const char *const *paras; /* one a line; NULL: read path */
	size_t n;
} version;

static wc_report *check(const version *v, size_t nv)
{
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	for (size_t i = 0; i < nv; i++) {
		int rc;
		if (v[i].paras) {
			char *text = unit_join_lines(v[i].paras, v[i].n);
			rc = wc_bundle_add_text(b, v[i].role, v[i].lang, v[i].path, text, strlen(text), d);
			free(text);
		} else {
			rc = wc_bundle_add_file(b, v[i].role, v[i].lang, v[i].path, d);
		}
		if (rc != WC_OK) {
			wc_diags_print(d, stderr);
			fail_msg("cannot add %s: %s", v[i].path, wc_strerror(rc));
		}
	}
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	if (!r || err != WC_OK || wc_diags_count(d)) {
		wc_diags_print(d, stderr);
		fail_msg("wc_bundle_check failed: %s", wc_strerror(err));
	}
	wc_bundle_free(b);
	wc_diags_free(d);
	return r;
}

static void dump(const wc_report *r)
{
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		print_message("  %s %s %s:%zu:%zu expected=%s found=%s rule=%s: %s\n", f->check,
		              wc_severity_name(f->severity), f->path, f->line, f->column,
		              f->expected ? f->expected : "-", f->found ? f->found : "-",
		              f->rule ? f->rule : "-", f->message);
	}
}

static bool is_fact_check(const wc_finding *f)
{
	return strncmp(f->check, "fact.", 5) == 0;
}

static size_t count(const wc_report *r, const char *check, const char *path)
{
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		n += strcmp(f->check, check) == 0 && (!path || strcmp(f->path, path) == 0);
	}
	return n;
}

/* ---- the story ----------------------------------------------------------------------------- */

static const char *const EN[] = {
	"China on Monday hailed President Donald Trump\xE2\x80\x99s offer to help ZTE.",
	"ZTE, which employs 80,000 people, said last week its major operations had ceased.",
	"The company was banned for seven years from buying American technology.",
	"ZTE pleaded guilty in March last year and was hit with $1.2 billion in fines.",
	"Vice Premier Liu He will be in Washington for trade talks from Tuesday until Saturday.",
	"The Washington Post reported late Sunday that the White House is discussing a deal.",
	"The company sold 46 million smartphones in 2017, its annual report said.",
	"There is an intense rivalry in fields such as artificial intelligence and 5G.",
};

static const char *const DA[] = {
	"Kina roste mandag præsident Donald Trumps tilbud om at hjælpe ZTE.",
	"ZTE, der beskæftiger 80.000 mennesker, sagde i sidste uge, at driften var ophørt.",
	"Firmaet blev forbudt i syv år at købe amerikansk teknologi.",
	"ZTE erkendte sig skyldig i marts sidste år og blev ramt med bøder på 1,2 milliarder dollar.",
	"Vicepremier Liu He vil være i Washington til handelsforhandlinger fra tirsdag til lørdag.",
	"Washington Post rapporterede sent søndag, at Det Hvide Hus diskuterer en aftale.",
	"Firmaet solgte 46 millioner smartphones i 2017, oplyste årsrapporten.",
	"Der er en intens rivalisering på områder som kunstig intelligens og 5G.",
};

#define N 8

/* The real related stories agree with the source (ACCEPTANCE.md). */
static void test_related_fixtures(void **state)
{
	(void)state;
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", NULL, 0},
		{WC_ROLE_RELATED, "en", "fixtures/zte/zte-washington.en.txt", NULL, 0},
		{WC_ROLE_RELATED, "en", "fixtures/zte/zte-other-agency.en.txt", NULL, 0},
	};
	wc_report *r = check(v, 3);
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (f->version > 0 && f->severity >= WC_WARNING) {
			dump(r);
			fail_msg("related story: %s %s:%zu: %s", f->check, f->path, f->line, f->message);
		}
	}
	assert_int_equal(count(r, "fact.missing", NULL), 0);
	assert_int_equal(count(r, "fact.mismatch", NULL), 0);
	wc_report_free(r);
}

/* Checking a bundle twice gives the same report: the stages do not pile up
 * facts (or findings) from the first run. */
static void test_check_twice(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[1] = "ZTE, der beskæftiger 80, 000 mennesker, sagde i sidste uge, at driften var ophørt.";
	da[7] = "Der er en intens rivalisering på områder som kunstig intelligens og 5G blandt 40 firmaer.";
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	char *en = unit_join_lines(EN, N), *dt = unit_join_lines(da, N);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_SOURCE, "en", "story.en.txt", en, strlen(en), d), WC_OK);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_TRANSLATION, "da", "story.da.txt", dt, strlen(dt), d), WC_OK);
	free(en);
	free(dt);
	int err;
	wc_report *r1 = wc_bundle_check(b, d, &err);
	assert_non_null(r1);
	wc_report *r2 = wc_bundle_check(b, d, &err);
	assert_non_null(r2);
	/* the first report is what the story holds */
	assert_int_equal(count(r1, "number.format", NULL), 1);
	assert_int_equal(count(r1, "fact.extra", NULL), 1);
	if (wc_report_count(r1) != wc_report_count(r2)) {
		print_message("first check:\n");
		dump(r1);
		print_message("second check:\n");
		dump(r2);
	}
	assert_int_equal(wc_report_count(r2), wc_report_count(r1));
	for (size_t i = 0; i < wc_report_count(r1); i++) {
		assert_string_equal(wc_report_get(r1, i)->check, wc_report_get(r2, i)->check);
		assert_int_equal(wc_report_get(r1, i)->line, wc_report_get(r2, i)->line);
	}
	wc_report_free(r1);
	wc_report_free(r2);
	wc_bundle_free(b);
	wc_diags_free(d);
}

/* ---- the real translations ------------------------------------------------------------------ */

static void test_zte_translations(void **state)
{
	(void)state;
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", NULL, 0},
		{WC_ROLE_TRANSLATION, "da", "fixtures/zte/zte.da.txt", NULL, 0},
		{WC_ROLE_TRANSLATION, "sv", "fixtures/zte/zte.sv.txt", NULL, 0},
	};
	wc_report *r = check(v, 3);
	const char *da = "fixtures/zte/zte.da.txt", *sv = "fixtures/zte/zte.sv.txt";
	/* Danish: every fact of the source is there */
	if (count(r, "fact.mismatch", da) || count(r, "fact.missing", da) || count(r, "fact.mismatch", sv))
		dump(r);
	assert_int_equal(count(r, "fact.mismatch", da), 0);
	assert_int_equal(count(r, "fact.missing", da), 0);
	/* Swedish: no mismatch; Tuesday and Saturday of source line 15 are
	 * missing on line 16, and Monday (source line 1) is never said */
	assert_int_equal(count(r, "fact.mismatch", sv), 0);
	bool tue = false, sat = false, mon = false;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (strcmp(f->check, "fact.missing") != 0 || strcmp(f->path, sv) != 0 || !f->expected)
			continue;
		tue |= strcmp(f->expected, "tuesday") == 0 && f->line == 16 && f->source_line == 15;
		sat |= strcmp(f->expected, "saturday") == 0 && f->line == 16 && f->source_line == 15;
		mon |= strcmp(f->expected, "monday") == 0 && f->source_line == 1;
	}
	if (!tue || !sat || !mon)
		dump(r);
	assert_true(tue && sat && mon);
	/* the employee count is matched in both despite "80, 000" */
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (is_fact_check(f) && ((f->expected && strcmp(f->expected, "80000") == 0) ||
		                         (f->found && strcmp(f->found, "80000") == 0)))
			fail_msg("the employee count was not matched: %s %s:%zu", f->check, f->path, f->line);
	}
	wc_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_related_fixtures),
		cmocka_unit_test(test_check_twice),
		cmocka_unit_test(test_zte_translations),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
