/* test_langid.c — language identification from the locales' stop words, on
 * real published text: the ZTE story in English, Danish and Swedish, and the
 * news sentences of the evaluation set (tests/eval/sets.tsv). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static void expect_lang(const char *path, const char *want, double min_conf)
{
	size_t len;
	char *text = unit_slurp(path, &len);
	const char *lang = NULL;
	double conf = -1;
	int rc = wc_identify_language(unit_rules, text, len, &lang, &conf);
	if (rc != WC_OK || !lang || strcmp(lang, want) != 0 || conf < min_conf)
		fail_msg("%s: expected %s (confidence >= %.2f), got rc=%d %s %.3f", path, want, min_conf,
		         rc, lang ? lang : "(none)", conf);
	free(text);
}

static void zte_files(void **state)
{
	(void)state;
	expect_lang("fixtures/zte/zte.en.txt", "en", 0.5);
	expect_lang("fixtures/zte/zte-washington.en.txt", "en", 0.5);
	expect_lang("fixtures/zte/zte-other-agency.en.txt", "en", 0.5);
	/* Danish against Norwegian Bokmål is the close call. */
	expect_lang("fixtures/zte/zte.da.txt", "da", 0.25);
	expect_lang("fixtures/zte/zte.sv.txt", "sv", 0.4);
}

/* Paragraph by paragraph (lines lo..hi, 1-based; hi 0 for the end): an
 * answer may be a refusal, never a wrong language. */
static void paragraphs_never_wrong(const char *path, const char *want, size_t lo, size_t hi,
                                   size_t min_answered)
{
	size_t len;
	char *text = unit_slurp(path, &len);
	size_t answered = 0, total = 0, line = 0;
	for (char *p = text, *end = text + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		line++;
		if (nl > p && line >= lo && (hi == 0 || line <= hi)) {
			const char *lang;
			double conf;
			total++;
			if (wc_identify_language(unit_rules, p, (size_t)(nl - p), &lang, &conf) == WC_OK) {
				if (strcmp(lang, want) != 0)
					fail_msg("%s:%zu: \"%.60s…\" taken for %s (%.2f)", path, line, p, lang, conf);
				answered++;
			}
		}
		p = nl + 1;
	}
	if (answered < min_answered)
		fail_msg("%s: only %zu of %zu paragraphs identified", path, answered, total);
	free(text);
}

static void zte_paragraphs(void **state)
{
	(void)state;
	paragraphs_never_wrong("fixtures/zte/zte.en.txt", "en", 1, 0, 25);
	paragraphs_never_wrong("fixtures/zte/zte.da.txt", "da", 1, 0, 20);
	paragraphs_never_wrong("fixtures/zte/zte.sv.txt", "sv", 1, 0, 20);
}

/* Every text of the evaluation set (tests/eval/sets.tsv: lang, text, labels,
 * lines, source), whole and paragraph by paragraph. */
static void eval_texts(void **state)
{
	(void)state;
	char *sets = unit_slurp("tests/eval/sets.tsv", NULL);
	size_t checked = 0;
	for (char *line = strtok(sets, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || !line[0])
			continue;
		char *col[5] = {0};
		size_t n = 0;
		for (char *p = line; n < 5; n++) {
			col[n] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		assert_true(n >= 3);
		size_t lo = 1, hi = 0;
		if (strcmp(col[3], "*") != 0)
			assert_int_equal(sscanf(col[3], "%zu-%zu", &lo, &hi), 2);
		if (lo == 1 && hi == 0)
			expect_lang(col[1], col[0], 0.2);
		paragraphs_never_wrong(col[1], col[0], lo, hi, 1);
		checked++;
	}
	assert_true(checked >= 5);
	free(sets);
}

static void refuses_without_evidence(void **state)
{
	(void)state;
	const char *lang = "x";
	double conf = 1;
	assert_int_equal(wc_identify_language(unit_rules, "", 0, &lang, &conf), WC_ELANG);
	assert_null(lang);
	assert_true(conf == 0);
	const char *codes = "ZTE 5G G7 2018 80,000";
	assert_int_equal(wc_identify_language(unit_rules, codes, strlen(codes), &lang, &conf), WC_ELANG);
	assert_null(lang);
	/* Two function words are not enough to tell anything. */
	const char *short_text = "Trump og Xi";
	assert_int_equal(wc_identify_language(unit_rules, short_text, strlen(short_text), &lang, &conf),
	                 WC_ELANG);
	/* Names, with "He" and "de" among them: no language's function words. */
	const char *names = "Xi Jinping, Liu He, Lu Kang, Chuck Schumer, Wilbur Ross, Adam Schiff, Donald "
	                    "Trump, Cheng Xiaohe, Mike Pompeo, Steven Mnuchin, Luis de Guindos";
	assert_int_equal(wc_identify_language(unit_rules, names, strlen(names), &lang, &conf), WC_ELANG);
	/* NULL out-parameters are allowed. */
	const char *en = "The fate of ZTE has become a key part of the talks between the two sides, "
	                 "and officials said that it was not clear when they would meet again.";
	assert_int_equal(wc_identify_language(unit_rules, en, strlen(en), NULL, NULL), WC_OK);
	assert_int_equal(wc_identify_language(NULL, en, strlen(en), &lang, &conf), WC_ELANG);
}

/* Invalid UTF-8 and stray bytes are skipped, not read past. */
static void hostile_bytes(void **state)
{
	(void)state;
	const char bad[] = "the \xff\xfe of \xc3 and \xe2\x80 to the in a that is was";
	const char *lang;
	double conf;
	int rc = wc_identify_language(unit_rules, bad, sizeof bad - 1, &lang, &conf);
	assert_true(rc == WC_OK || rc == WC_ELANG);
	if (rc == WC_OK)
		assert_string_equal(lang, "en");
}

/* wc_casefold and wc_fold_marks fold most Latin letters without utf8proc's
 * map (the stop-word lookup and the names check fold every word): each must
 * give what the map gives, code point by code point, and for words that mix
 * them (a combining mark, Greek, the long s). */
static const struct {
	const char *name;
	char *(*fold)(const char *, size_t);
	int flags;
} folds[] = {
	{"wc_casefold", wc_casefold, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE},
	{"wc_fold_marks", wc_fold_marks,
	 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_STABLE},
};

static char *map_fold(const char *s, int flags)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &out,
	                                  (utf8proc_option_t)flags);
	assert_true(k >= 0);
	return (char *)out;
}

static void folds_as_utf8proc(void **state)
{
	(void)state;
	static const char *const words[] = {"\xC3\x85RET", "Stra\xC3\x9F" "e", "\xC5\x81\xC3\xB3" "d\xC5\xBA",
	                                    "E\xCC\x81t\xC3\xA9", "\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91",
	                                    "\xC5\xBF" "ein", "K\xC3\xB8" "benhavn", "\xC5\x89" "-\xC4\xB2s", ""};
	for (size_t f = 0; f < sizeof folds / sizeof *folds; f++) {
		for (int32_t c = 0x20; c < 0x300; c++) {
			char in[8] = {0};
			utf8proc_encode_char(c, (utf8proc_uint8_t *)in);
			char *got = folds[f].fold(in, strlen(in)), *want = map_fold(in, folds[f].flags);
			if (strcmp(got, want) != 0)
				fail_msg("%s: U+%04X folds to '%s', utf8proc to '%s'", folds[f].name, (unsigned)c, got,
				         want);
			free(got);
			free(want);
		}
		for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
			char *got = folds[f].fold(words[i], strlen(words[i]));
			char *want = map_fold(words[i], folds[f].flags);
			if (strcmp(got, want) != 0)
				fail_msg("%s: '%s' folds to '%s', utf8proc to '%s'", folds[f].name, words[i], got, want);
			free(got);
			free(want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zte_files),
		cmocka_unit_test(zte_paragraphs),
		cmocka_unit_test(eval_texts),
		cmocka_unit_test(refuses_without_evidence),
		cmocka_unit_test(hostile_bytes),
		cmocka_unit_test(folds_as_utf8proc),
	};
	return cmocka_run_group_tests_name("langid", tests, unit_rules_setup, unit_rules_teardown);
}
