/* test_triggers.c — unit tests of the start analysis (triggers.c): a pattern
 * whose first token is known runs only at the tokens it can start with; one
 * whose start is unknown scans every paragraph, which costs a short text
 * several times its extraction (a number rule that began with an
 * alternation of lookarounds made the ZTE story's extraction 3x slower).
 * The shipped rules keep to an allowed list of scanning rules. */
#include "unit.h"
#include "compiled.h"
#include "rules.h"

/* Rules that may scan: their patterns start with a character class (a
 * Roman numeral, four digits of a time, "@" or "#", a URL). */
static const char *const MAY_SCAN[] = {"time", "code", "century", "decade", NULL};

static bool may_scan(const char *id)
{
	for (size_t i = 0; MAY_SCAN[i]; i++)
		if (strcmp(MAY_SCAN[i], id) == 0)
			return true;
	return false;
}

static void test_starts_known(void **state)
{
	(void)state;
	static const struct {
		const char *pattern;
		bool known;
	} cases[] = {
		{"(?<!\\d:)(?!(?<=\\d[.,])\\d{2})(?<value>{number})", true},
		{"(?!(?<=\\d:)(?!\\d(?!\\d|[.,:]\\d)))(?<value>{number})", true},
		{"(?:(?<!\\d:)|(?=\\d))(?<value>{number})", false},
		{"(?<every>(?i:hver|hvert))\\s+(?<ord>{ordinal_word})", true},
		{"(?i:bøder|bøde)\\s+på", true},
		{"(?i:bøder?|bøde)\\s+på", false},
		{"\\b(?<century>[IVXL]{1,6})\\s+secolo\\b", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (wc_pattern_has_known_start(cases[i].pattern) != cases[i].known)
			fail_msg("'%s': known start expected %d", cases[i].pattern, cases[i].known);
}

static void test_shipped_rules_scan_only_where_allowed(void **state)
{
	(void)state;
	wc_diags *d = wc_diags_new();
	for (size_t i = 0; i < wc_ruleset_lang_count(unit_rules); i++) {
		const char *lang = wc_ruleset_lang(unit_rules, i);
		assert_int_equal(wc_ruleset_prepare(unit_rules, lang, d), WC_OK);
		const wc_compiled *c = wc_ruleset_locale(unit_rules, lang)->compiled;
		for (size_t j = 0; j < c->npats; j++)
			if (c->pats[j].scan && !may_scan(c->pats[j].rule->id))
				fail_msg("%s: a pattern of rule '%s' scans every paragraph (its start is unknown): %s",
				         lang, c->pats[j].rule->id, c->pats[j].pattern->pattern);
	}
	wc_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_known),
		cmocka_unit_test(test_shipped_rules_scan_only_where_allowed),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
