/* test_number.c — unit tests of number.c: wc_parse_number / wc_parse_number_ex
 * with the shipped en/da/sv locales (rules/ loaded from the repository root,
 * where the tests run), and the person-name keys wc_name_key /
 * wc_names_compatible. */
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

/* s in lang parses to want (a decimal string) with the given garbled flag. */
static void expect_num(const char *lang, const char *s, const char *want, bool want_garbled)
{
	bool garbled = !want_garbled;
	char *v = wc_parse_number(loc(lang), s, strlen(s), &garbled);
	if (!v)
		fail_msg("%s: '%s' did not parse (want %s)", lang, s, want);
	if (strcmp(v, want) != 0) {
		print_message("%s: '%s' -> '%s', want '%s'\n", lang, s, v, want);
		free(v);
		fail();
	}
	free(v);
	if (garbled != want_garbled)
		fail_msg("%s: '%s': garbled = %d, want %d", lang, s, garbled, want_garbled);
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

/* wc_parse_number_ex: value plus the words/scaled flags. */
static void expect_ex(const char *lang, const char *s, const char *want, bool want_words,
                      bool want_scaled)
{
	bool garbled, words = !want_words, scaled = !want_scaled;
	char *v = wc_parse_number_ex(loc(lang), s, strlen(s), &garbled, &words, &scaled);
	if (!v)
		fail_msg("%s: '%s' did not parse (want %s)", lang, s, want);
	bool ok = strcmp(v, want) == 0;
	if (!ok)
		print_message("%s: '%s' -> '%s', want '%s'\n", lang, s, v, want);
	free(v);
	assert_true(ok);
	if (words != want_words || scaled != want_scaled)
		fail_msg("%s: '%s': words=%d scaled=%d, want words=%d scaled=%d", lang, s, words, scaled,
		         want_words, want_scaled);
}

/* ---- digits with the locale's grouping ------------------------------------------ */

static void test_grouping_en(void **state)
{
	(void)state;
	expect_num("en", "80,000", "80000", false);
	expect_num("en", "1,234,567", "1234567", false);
	expect_num("en", "80", "80", false);
	expect_num("en", "2018", "2018", false);
	/* en accepts a no-break space as a group too (group_also) */
	expect_num("en", "80\u00a0000", "80000", false);
}

static void test_grouping_da(void **state)
{
	(void)state;
	expect_num("da", "80.000", "80000", false);
	expect_num("da", "1.234.567", "1234567", false);
	expect_num("da", "80 000", "80000", false);
}

static void test_grouping_sv(void **state)
{
	(void)state;
	expect_num("sv", "80 000", "80000", false);
	expect_num("sv", "80\u00a0000", "80000", false);
	expect_num("sv", "80\u202f000", "80000", false);
	expect_num("sv", "1 234 567", "1234567", false);
}

static void test_decimals(void **state)
{
	(void)state;
	expect_num("en", "1.2", "1.2", false);
	expect_num("en", "1,000.50", "1000.5", false);
	expect_num("en", "0.05", "0.05", false);
	expect_num("da", "1,2", "1.2", false);
	expect_num("da", "1.000,25", "1000.25", false);
	expect_num("sv", "1,2", "1.2", false);
	expect_num("sv", "3,75", "3.75", false);
	/* A full stop after a number ends the sentence; it is not a decimal point. */
	expect_num("en", "80,000.", "80000", false);
}

/* ---- garbled and foreign forms ---------------------------------------------------- */

static void test_garbled_comma_space(void **state)
{
	(void)state;
	expect_num("en", "80, 000", "80000", true);
	expect_num("da", "80, 000", "80000", true);
	expect_num("sv", "80, 000", "80000", true);
	expect_num("sv", "1, 200, 000", "1200000", true);
	expect_num("da", "80,\u00a0000", "80000", true);
}

static void test_foreign_grouping(void **state)
{
	(void)state;
	/* English grouping in Danish: eighty thousand, not eighty with three decimals. */
	expect_num("da", "80,000", "80000", true);
	expect_num("sv", "80,000", "80000", true);
	/* ... but with a scale word it is a decimal: 1,500 milliarder = 1.5e9 */
	expect_num("da", "1,500 milliarder", "1500000000", false);
	/* Danish grouping in Swedish and English is foreign: flagged, same value. */
	expect_num("sv", "80.000", "80000", true);
	expect_num("en", "1.234.567", "1234567", true);
	/* Not a group of three: "80,0000" is nothing sensible */
	expect_not_num("en", "80,0000,0");
}

/* ---- scale words --------------------------------------------------------------------- */

static void test_scales(void **state)
{
	(void)state;
	expect_num("da", "1,2 milliarder", "1200000000", false);
	expect_num("da", "2,5 mia.", "2500000000", false);
	expect_num("da", "2,5 mia", "2500000000", false);
	expect_num("da", "1,2\u00a0milliarder", "1200000000", false);
	expect_num("da", "3 mio.", "3000000", false);
	expect_num("sv", "1,2 miljarder", "1200000000", false);
	expect_num("en", "1.2 billion", "1200000000", false);
	expect_num("en", "1.2bn", "1200000000", false);
	expect_num("en", "1,200 million", "1200000000", false);
	expect_num("en", "0.05 billion", "50000000", false);
	expect_num("en", "seven million", "7000000", false);
	expect_ex("en", "1.2 billion", "1200000000", false, true);
	expect_ex("da", "2,5 mia.", "2500000000", false, true);
	expect_ex("en", "80,000", "80000", false, false);
}

/* ---- number words -------------------------------------------------------------------- */

static void test_words(void **state)
{
	(void)state;
	expect_num("en", "seven", "7", false);
	expect_num("en", "Seven", "7", false);
	expect_num("da", "syv", "7", false);
	expect_num("sv", "sju", "7", false);
	expect_num("da", "femogtyve", "25", false);
	expect_num("da", "halvtreds", "50", false);
	expect_num("da", "syvoghalvfjerds", "77", false);
	expect_num("da", "toogtyve", "22", false);
	expect_num("sv", "tjugofem", "25", false);
	expect_num("sv", "åttio", "80", false);
	expect_num("en", "twenty-five", "25", false);
	expect_num("en", "twenty five", "25", false);
	expect_num("en", "one hundred and five", "105", false);
	expect_num("en", "two thousand five hundred", "2500", false);
	expect_num("da", "et hundrede og fem", "105", false);
	expect_ex("da", "syv", "7", true, false);
	expect_ex("en", "seven million", "7000000", true, true);
}

/* "dozen" multiplies: two dozen is 24, not 2 + 12. */
static void test_dozen(void **state)
{
	(void)state;
	expect_num("en", "dozen", "12", false);
	expect_num("en", "two dozen", "24", false);
	expect_num("en", "three dozen", "36", false);
	expect_num("da", "to dusin", "24", false);
	expect_num("sv", "två dussin", "24", false);
}

/* Joiners and multi-token forms across languages. */
static void test_joined_words(void **state)
{
	(void)state;
	expect_num("es", "treinta y cinco", "35", false);
	expect_num("fr", "vingt-et-un", "21", false);
	expect_num("fr", "quatre-vingt-dix", "90", false);
	expect_num("de", "fünfundzwanzig", "25", false);
	expect_num("es", "30 mil millones", "30000000000", false);
	/* two numbers joined by "and" are not one number */
	expect_not_num("en", "two and three");
	expect_not_num("es", "dos y tres");
}

static void test_not_numbers(void **state)
{
	(void)state;
	expect_not_num("en", "");
	expect_not_num("en", "   ");
	expect_not_num("en", ".");
	expect_not_num("en", "hello");
	expect_not_num("en", "ZTE");
	expect_not_num("en", "12abc");
	expect_not_num("en", "80,");
	expect_not_num("en", "seven dwarfs");
	expect_not_num("da", "hund");
	expect_not_num("sv", "Kina");
	expect_not_num("en", "billion");
	expect_not_num("da", "og");
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

/* ---- names ------------------------------------------------------------------------------ */

/* Name a in language la and name b in lb: one person? */
static bool compat2(const char *la, const char *a, const char *lb, const char *b)
{
	char *ka = wc_name_key(loc(la), a, strlen(a));
	char *kb = wc_name_key(loc(lb), b, strlen(b));
	bool r = wc_names_compatible(loc(la), ka, loc(lb), kb);
	bool r2 = wc_names_compatible(loc(lb), kb, loc(la), ka);
	free(ka);
	free(kb);
	assert_int_equal(r, r2); /* symmetric */
	return r;
}

static bool compat(const char *lang, const char *a, const char *b)
{
	return compat2(lang, a, lang, b);
}

static void test_name_key(void **state)
{
	(void)state;
	char *k = wc_name_key(loc("en"), "George W. Bush", strlen("George W. Bush"));
	assert_string_equal(k, "george w bush");
	free(k);
	k = wc_name_key(loc("en"), "Donald Trump’s", strlen("Donald Trump’s"));
	assert_string_equal(k, "donald trump");
	free(k);
	k = wc_name_key(loc("en"), "Trump's", strlen("Trump's"));
	assert_string_equal(k, "trump");
	free(k);
	k = wc_name_key(loc("sv"), "USA:s", strlen("USA:s"));
	assert_string_equal(k, "usa");
	free(k);
	k = wc_name_key(loc("da"), "Liu He ", strlen("Liu He "));
	assert_string_equal(k, "liu he");
	free(k);
}

static void test_names_compatible(void **state)
{
	(void)state;
	assert_true(compat("da", "Donald Trumps", "Donald Trump"));
	assert_true(compat("en", "Donald Trump’s", "Donald Trump"));
	assert_true(compat("en", "Xi", "Xi Jinping"));
	assert_true(compat("en", "George W Bush", "George W. Bush"));
	assert_true(compat("en", "LIU HE", "Liu He"));
	assert_false(compat("en", "Lu Kang", "Liu He"));
	assert_false(compat("en", "Xi Jinping", "Li Keqiang"));
	assert_false(compat("en", "Donald Trump", "Donald Tusk"));
	assert_false(compat("en", "Chuck Schumer", "Adam Schiff"));

	/* case endings of the locales (genitive: and name_endings:) */
	assert_true(compat2("en", "Donald Trump", "pl", "Donalda Trumpa"));
	assert_true(compat2("en", "Donald Trump", "pl", "Donaldem Trumpem"));
	assert_true(compat2("en", "Theresa May", "pl", "Theresy May"));
	assert_true(compat2("en", "Xi Jinping", "pl", "Xi Jinpinga"));
	assert_true(compat2("en", "Donald Trump", "fi", "Donald Trumpin"));
	assert_true(compat2("en", "Donald Trump", "fi", "Trumpille"));
	assert_true(compat2("en", "Barack Obama", "fi", "Barack Obaman"));
	assert_false(compat2("en", "Donald Trump", "pl", "Donalda Tuska"));
	assert_false(compat2("en", "Donald Trump", "fi", "Donald Tuskin"));
	/* a stem keeps three letters: "Lin" is not "Li" */
	assert_false(compat2("en", "Li", "fi", "Lin"));
	/* no ending of English turns one name into another */
	assert_false(compat2("en", "Mark", "en", "Marka"));
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
		{{-12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12},
		 17, true, 2218611106740436992},                    /* 12^17 */
		{{-12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12, -12},
		 18, false, 0},                                     /* 12^18 */
		{{9, 1000000000000000000, 2, 100000000000000000}, 4, true, 9200000000000000000},
		{{9, 1000000000000000000, 3, 100000000000000000}, 4, false, 0}, /* 9.3 x 10^18 */
		{{9, 1000000000000000000, 5, 100000000000000000, 8, 10000000000000000}, 6, false, 0},
		{{INT64_MIN}, 1, false, 0},                         /* a multiplier that cannot negate */
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

/* Number words through the parser: values at the edge of the range parse,
 * past it are no number; long compounds and long runs end quickly. */
static void test_words_range(void **state)
{
	(void)state;
	expect_ex("en", "one hundred hundred hundred hundred hundred hundred hundred hundred hundred",
	          "1000000000000000000", true, false);
	expect_not_num("en", "one hundred hundred hundred hundred hundred hundred hundred hundred "
	                     "hundred hundred");
	expect_not_num("en", "one dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen "
	                     "dozen dozen dozen dozen dozen dozen dozen");
	expect_ex("de", "neunzehnhundertneunundneunzig", "1999", true, false);
	expect_ex("de", "fünfundzwanzig", "25", true, false);
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
		cmocka_unit_test(test_grouping_en),
		cmocka_unit_test(test_grouping_da),
		cmocka_unit_test(test_grouping_sv),
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_garbled_comma_space),
		cmocka_unit_test(test_foreign_grouping),
		cmocka_unit_test(test_scales),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_dozen),
		cmocka_unit_test(test_joined_words),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_huge_number),
		cmocka_unit_test(test_length_bounds),
		cmocka_unit_test(test_compose_overflow),
		cmocka_unit_test(test_words_range),
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_names_compatible),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup_strict, unit_rules_teardown);
}
