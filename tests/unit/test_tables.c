/* test_tables.c — what the generated tables (kinds.def, macros.def,
 * checks.def) must keep giving: the kind names of rule files and reports,
 * which kinds are matched per story, a compiled macro and group for each
 * line, and the roles each check runs on (JUnit's skipped testcases). */
#include "unit.h"
#include "compiled.h"

static void test_kind_names(void **state)
{
	(void)state;
	static const char *const names[] = {"number", "money", "duration", "date", "time", "title", "name", "code",
	                                    "measure"};
	assert_int_equal(WC_K_COUNT, sizeof names / sizeof *names);
	for (int k = 0; k < WC_K_COUNT; k++) {
		assert_string_equal(wc_kind_name((wc_kind)k), names[k]);
		assert_int_equal(wc_kind_parse(names[k]), k);
	}
	assert_int_equal(wc_kind_parse("numbr"), -1);
	assert_string_equal(wc_kind_name(WC_K_COUNT), "?");
	assert_string_equal(wc_kind_list(), "number, money, duration, date, time, title, name, code, measure");
}

static void test_kinds_per_story(void **state)
{
	(void)state;
	for (int k = 0; k < WC_K_COUNT; k++)
		assert_int_equal(wc_kind_per_story((wc_kind)k), k == WC_K_TITLE || k == WC_K_ENTITY);
}

/* Every macro is built for every language, and a pattern that uses one
 * compiles; {percent} has no token class and so scans. */
static void test_macros_built(void **state)
{
	(void)state;
	wc_ruleset *rs = unit_rules;
	wc_diags *d = wc_diags_new();
	for (size_t i = 0; i < rs->nlocales; i++) {
		wc_locale *loc = rs->locales[i];
		assert_int_equal(wc_ruleset_prepare(rs, loc->lang, d), WC_OK);
		for (int m = 0; m < M_COUNT; m++)
			assert_non_null(loc->compiled->macro[m]);
	}
	assert_int_equal(wc_diags_count(d), 0);
	wc_diags_free(d);
	assert_string_equal(wc_macro_names[M_NUMBER], "number");
	assert_string_equal(wc_macro_names[M_PERCENT], "percent");
	assert_true(wc_pattern_has_known_start("{number}\\s+people"));
	assert_true(wc_pattern_has_known_start("(?<term>{place})"));
	assert_false(wc_pattern_has_known_start("{percent}"));
	assert_false(wc_pattern_has_known_start("{no_such_macro}"));
}

static void test_check_roles(void **state)
{
	(void)state;
	static const struct {
		const char *check;
		bool source, translation, related;
	} cases[] = {
		{"fact.mismatch", false, true, true},      {"fact.missing", false, true, false},
		{"fact.extra", false, true, false},        {"number.format", true, true, false},
		{"quote.unbalanced", true, true, false},   {"quote.detached", true, true, false},
		{"quote.style", true, true, false},        {"quote.missing", false, true, false},
		{"text.repeated-word", true, true, false}, {"text.hyphen-spacing", true, true, false},
		{"text.punct-spacing", true, true, false}, {"rule.limit", true, true, true},
		{"version.empty", false, true, false},     {"version.coverage", false, true, false},
		{"version.language", false, true, false},  {"paragraph.missing", false, true, false},
		{"paragraph.short", false, true, false},   {"markup.mismatch", false, true, false},
		{"made.up", true, true, true},
	};
	assert_int_equal(sizeof cases / sizeof *cases, WC_CHECK_COUNT + 1);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(wc_check_runs_on(cases[i].check, WC_ROLE_SOURCE), cases[i].source);
		assert_int_equal(wc_check_runs_on(cases[i].check, WC_ROLE_TRANSLATION), cases[i].translation);
		assert_int_equal(wc_check_runs_on(cases[i].check, WC_ROLE_RELATED), cases[i].related);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_kinds_per_story),
		cmocka_unit_test(test_macros_built),
		cmocka_unit_test(test_check_roles),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
