/* test_number.c — unit tests of number.c with the shipped locales (rules/
 * loaded from the repository root, where the tests run): hostile input
 * (10,000 digits, 65 digit groups, long word compounds), the length bound,
 * and wc_compose_number_words at the edges of int64_t.  What a number or a
 * name reads as is in tests/cases/number.cases and names.cases. */
#include "unit.h"
#include "facts.h"

#include <time.h>

static wc_locale *loc(const char *lang)
{
	wc_locale *l = wc_ruleset_locale(unit_rules, lang);
	if (!l)
		fail_msg("no locale '%s' in rules/", lang);
	return l;
}

static void expect_not_num(const char *lang, const char *s)
{
	bool garbled = false;
	char *v = wc_parse_number(loc(lang), s, strlen(s), &garbled);
	if (v) {
		print_message("%s: '%s' parsed as '%s', want NULL\n", lang, s, v);
		free(v);
		fail();
	}
}

/* A hostile 10,000-digit number is no crash, still gives a string that
 * carries the digits (no overflow, no float), and takes linear time: the
 * parser is reached by every digit run of a text, so quadratic work on one
 * long run stalls a whole check. */
static void test_huge_number(void **state)
{
	(void)state;
	size_t n = 10000;
	char *s = wc_xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('1' + i % 9);
	s[n] = '\0';
	bool garbled = true;
	char *v = wc_parse_number(loc("en"), s, n, &garbled);
	assert_non_null(v);
	assert_false(garbled);
	assert_true(strlen(v) >= n);
	assert_memory_equal(v, s, n);
	free(v);
	free(s);
}

/* The length n is honoured: the text need not end where the number does. */
static void test_length_bounds(void **state)
{
	(void)state;
	const char *s = "80,000 people";
	bool garbled = true;
	char *v = wc_parse_number(loc("en"), s, 6, &garbled);
	assert_non_null(v);
	assert_string_equal(v, "80000");
	free(v);
	v = wc_parse_number(loc("en"), "1.2 billion dollars", 11, &garbled);
	assert_non_null(v);
	assert_string_equal(v, "1200000000");
	free(v);
}

/* Digit groups up to the parser's limit and one past it: 64 runs are read,
 * 65 are refused, and neither writes past the parser's tables (run under
 * ASan: `make test-asan`). */
static void test_many_groups(void **state)
{
	(void)state;
	for (int groups = 60; groups <= 70; groups++) {
		wc_buf b = {0}, want = {0};
		wc_buf_puts(&b, "1");
		wc_buf_puts(&want, "1");
		for (int i = 0; i < groups; i++) {
			wc_buf_puts(&b, ".000");
			wc_buf_puts(&want, "000");
		}
		/* through extraction, where the {number} macro matches it whole:
		 * hostile input reaches the parser this way */
		wc_buf text = {0};
		wc_buf_printf(&text, "Han sagde %s kroner.", b.s);
		wc_diags *d = wc_diags_new();
		wc_facts *f = wc_extract(unit_rules, "da", "t.txt", text.s, text.len, d);
		assert_non_null(f);
		wc_facts_free(f);
		wc_diags_free(d);
		wc_buf_free(&text);
		/* and directly */
		bool garbled = true;
		char *v = wc_parse_number(loc("da"), b.s, b.len, &garbled);
		if (groups + 1 <= 64) {
			if (!v || strcmp(v, want.s) != 0)
				fail_msg("%d groups: got %s", groups, v ? v : "NULL");
			assert_false(garbled);
		} else if (v && strcmp(v, want.s) != 0) {
			fail_msg("%d groups: got a wrong value %s", groups, v);
		}
		free(v);
		wc_buf_free(&b);
		wc_buf_free(&want);
	}
}

/* wc_compose_number_words on the edges of int64_t: the largest values compose,
 * one step past them is no number (checked arithmetic, never a wrapped or
 * UB value; run under UBSan by `make test-asan`). */
static void test_compose_overflow(void **state)
{
	(void)state;
	static const struct {
		int64_t vals[24];
		size_t n;
		bool ok;
		int64_t want;
	} cases[] = {
		{{2, 100, 5}, 3, true, 205},                        /* two hundred five */
		{{2, -12}, 2, true, 24},                            /* two dozen */
		{{9, 100, 1000000000000000000}, 3, false, 0},       /* 900 x 10^18 > INT64_MAX */
		{{9, 1000000000000000000}, 2, true, 9000000000000000000},
		{{100, 100, 100, 100, 100, 100, 100, 100, 100}, 9, true, 1000000000000000000},
		{{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 10, false, 0},
		{{1, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12},
		 18, true, 2218611106740436992},                    /* one dozen ... dozen: 12^17 */
		{{1, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12},
		 19, false, 0},                                     /* 12^18 */
		{{-12}, 1, false, 0},                               /* "Dutzende": a multiplier alone */
		{{9, 1000000000000000000, 2, 100000000000000000}, 4, true, 9200000000000000000},
		{{9, 1000000000000000000, 3, 100000000000000000}, 4, false, 0}, /* 9.3 x 10^18 */
		{{9, 1000000000000000000, 5, 100000000000000000, 8, 10000000000000000}, 6, false, 0},
		{{2, INT64_MIN}, 2, false, 0},                      /* a multiplier that cannot negate */
		{{2, 2}, 2, false, 0},                              /* two two: two numbers */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int64_t got = -1;
		bool ok = wc_compose_number_words(cases[i].vals, cases[i].n, &got);
		if (ok != cases[i].ok || (ok && got != cases[i].want))
			fail_msg("case %zu: ok=%d value=%lld, want ok=%d value=%lld", i, ok, (long long)got,
			         cases[i].ok, (long long)cases[i].want);
	}
}

/* Long word compounds and long runs of number words are no number and end
 * quickly (the values at the edge of the range are in number.cases). */
static void test_words_range(void **state)
{
	(void)state;
	/* 33 x neunzehn: 2^33 splits without the memo; no number either way */
	wc_buf b = {0};
	for (int i = 0; i < 33; i++)
		wc_buf_puts(&b, "neunzehn");
	clock_t t0 = clock();
	expect_not_num("de", b.s);
	for (int i = 0; i < 1000; i++)
		wc_buf_puts(&b, "neunzehn");
	expect_not_num("de", b.s);
	wc_buf_free(&b);
	for (int i = 0; i < 2000; i++)
		wc_buf_puts(&b, "two ");
	expect_not_num("en", b.s);
	wc_buf_free(&b);
	/* a hang guard, not a benchmark: each takes microseconds */
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_huge_number),
		cmocka_unit_test(test_length_bounds),
		cmocka_unit_test(test_compose_overflow),
		cmocka_unit_test(test_words_range),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup_strict, unit_rules_teardown);
}
