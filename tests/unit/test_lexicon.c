/* test_lexicon.c — unit tests of wc_lex_regex (lexicon.c): a long list of
 * forms is written grouped by first character, and the grouped alternation
 * must find what the flat one finds, longest form first, in either case
 * mode, with forms that differ only in case, share prefixes, hold spaces
 * or characters outside ASCII. */
#include "unit.h"
#include "lexicon.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Enough forms to be grouped (LEX_GROUP_MIN), and the hard ones among them. */
static const char *const FORMS[] = {
	"euro", "Euro", "euros", "Europa", "e", "EUR", "dollar", "dollars", "US dollar", "US dollars",
	"dólar", "dólares", "Ölpreis", "öl", "złoty", "złotych", "Zloty", "Nordrhein-Westfalen", "New York", "new york city",
	"new", "yen", "yuan", "$", "US$", "€", "kr.", "kroner", "krone", "rand", "real", "reais",
};
enum { NFORMS = sizeof FORMS / sizeof *FORMS };

/* The alternation as a whole word (as lex_macro uses it), compiled. */
static pcre2_code *compile(const char *alt, bool caseless)
{
	char *src = wc_xasprintf("(?%s:%s)(?![\\p{L}\\p{N}])", caseless ? "i" : "-i", alt);
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED,
	                               &err, &off, NULL);
	free(src);
	assert_non_null(re);
	return re;
}

/* The length of the anchored match at the start of s, or -1. */
static int match_len(const pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	int n = rc < 0 ? -1 : (int)(pcre2_get_ovector_pointer(md)[1]);
	pcre2_match_data_free(md);
	return n;
}

/* The flat alternation the grouped one replaces: longest form first. */
static char *flat_regex(void)
{
	wc_lexicon one = {0};
	wc_buf b = {0};
	wc_buf_puts(&b, "(?:");
	const char *sorted[NFORMS];
	memcpy(sorted, FORMS, sizeof sorted);
	for (size_t i = 0; i < NFORMS; i++)
		for (size_t j = i + 1; j < NFORMS; j++)
			if (strlen(sorted[j]) > strlen(sorted[i])) {
				const char *t = sorted[i];
				sorted[i] = sorted[j], sorted[j] = t;
			}
	for (size_t i = 0; i < NFORMS; i++) {
		/* each form escaped as the lexicon escapes it, one at a time */
		wc_lex_add(&one, sorted[i], NULL, 0);
		char *r = wc_lex_regex(&one, false);
		if (i)
			wc_buf_putc(&b, '|');
		wc_buf_puts(&b, r);
		free(r);
		wc_lex_free(&one);
	}
	wc_buf_putc(&b, ')');
	return wc_buf_take(&b);
}

static void test_grouped_matches_flat(void **state)
{
	(void)state;
	wc_lexicon lx = {0};
	for (size_t i = 0; i < NFORMS; i++)
		wc_lex_add(&lx, FORMS[i], NULL, 0);
	char *grouped = wc_lex_regex(&lx, false), *flat = flat_regex();
	assert_non_null(strstr(grouped, "(?=")); /* it was grouped */
	static const char *const subjects[] = {
		"euros 5", "Euro-zone", "EURO", "Europa League", "e 5", "EUR 5", "dollars", "US dollars 5",
		"US  dollar", "dólares", "DÓLAR", "Ölpreis", "ÖL", "złotych", "ZŁOTY", "zloty",
		"New York City hall", "new york city", "New Yorker", "yen.", "$5", "US$5", "€5", "kr. 500",
		"kroner", "krone's", "rand", "reais", "realm", "x", "",
	};
	for (int ci = 0; ci < 2; ci++) {
		pcre2_code *g = compile(grouped, ci), *f = compile(flat, ci);
		for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++) {
			int want = match_len(f, subjects[i]), got = match_len(g, subjects[i]);
			if (want != got)
				print_error("'%s' (%s): flat %d, grouped %d\n", subjects[i], ci ? "caseless" : "as written",
				            want, got);
			assert_int_equal(got, want);
		}
		pcre2_code_free(g);
		pcre2_code_free(f);
	}
	free(grouped);
	free(flat);
	wc_lex_free(&lx);
}

/* A short list stays one flat alternation. */
static void test_short_list_flat(void **state)
{
	(void)state;
	wc_lexicon lx = {0};
	wc_lex_add(&lx, "km", NULL, 0);
	wc_lex_add(&lx, "kilometre", NULL, 0);
	char *r = wc_lex_regex(&lx, false);
	assert_string_equal(r, "(?:kilometre|km)");
	free(r);
	wc_lex_free(&lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grouped_matches_flat),
		cmocka_unit_test(test_short_list_flat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
