/* test_version.c — the whole-version checks (check_version.c): the decisions
 * of version.coverage, version.language and paragraph.short as tables of
 * cases, the sentence count they use, and the findings on the ZTE bundle
 * with a paragraph dropped, a sentence dropped, or the source pasted in. */
#include "unit.h"
#include "checks.h"

/* ---- version.coverage ------------------------------------------------------------ */

static void test_coverage_decision(void **state)
{
	(void)state;
	static const struct {
		size_t paras, paras_kept, items, items_kept;
		double min;
		bool fails;
		const char *why;
	} cases[] = {
		{31, 30, 31, 31, 0.5, false, "ZTE da: nearly everything"},
		{31, 27, 31, 22, 0.5, false, "ZTE sv, an earlier longer edition: 0.87 and 0.71"},
		{31, 10, 31, 14, 0.5, true, "ZTE da cut after its first third: paragraphs 0.32"},
		{6, 3, 17, 6, 0.5, true, "another story: paragraphs paired by length, but facts 0.35"},
		{31, 16, 31, 16, 0.5, false, "just over half of both"},
		{31, 15, 31, 31, 0.5, true, "most paragraphs gone, though the facts are there"},
		{3, 0, 4, 0, 0.5, false, "too short a story to judge: fact.missing says it"},
		{1, 0, 2, 0, 0.5, false, "one paragraph, two facts: reported one by one"},
		{4, 1, 0, 0, 0.5, true, "four paragraphs are enough to judge"},
		{2, 0, 5, 1, 0.5, true, "five facts and quotations are enough to judge"},
		{31, 10, 31, 14, 0.3, false, "a lower --min-coverage lets the cut version pass"},
		{31, 0, 31, 0, 0, false, "--min-coverage 0 turns the check off"},
		{31, 29, 31, 29, 1, true, "--min-coverage 1 asks for everything"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_coverage c = {cases[i].paras, cases[i].paras_kept, cases[i].items, cases[i].items_kept};
		if (wc_coverage_too_low(&c, cases[i].min) != cases[i].fails)
			fail_msg("case %zu (%s): want %s", i, cases[i].why, cases[i].fails ? "fail" : "pass");
	}
}

/* Only numbers, money, durations, dates and codes count, as matched. */
static void test_coverage_facts(void **state)
{
	(void)state;
	static const struct {
		wc_kind kind;
		int matched;
	} facts[] = {
		{WC_K_NUMBER, WC_MATCH_EQUAL}, {WC_K_MONEY, WC_MATCH_DIFFERENT}, {WC_K_DATE, WC_MATCH_NONE},
		{WC_K_TITLE, WC_MATCH_NONE},   {WC_K_ENTITY, WC_MATCH_EQUAL},    {WC_K_CODE, WC_MATCH_EQUAL},
	};
	wc_xfact v[sizeof facts / sizeof *facts];
	memset(v, 0, sizeof v);
	for (size_t i = 0; i < sizeof facts / sizeof *facts; i++)
		v[i].kind = facts[i].kind, v[i].matched = facts[i].matched;
	wc_doc d = {.facts = v, .nfacts = sizeof facts / sizeof *facts};
	size_t carried;
	assert_int_equal(wc_coverage_facts(&d, &carried), 4);
	assert_int_equal(carried, 3);
}

/* ---- version.language ---------------------------------------------------------------- */

static void test_language_decision(void **state)
{
	(void)state;
	static const struct {
		int rc;
		const char *best, *given;
		double confidence, best_score, given_score;
		bool differs;
		const char *why;
	} cases[] = {
		{WC_OK, "en", "da", 0.92, 50, 1, true, "the English source pasted as da"},
		{WC_OK, "de", "da", 0.91, 40, 3, true, "a German story given as da"},
		{WC_OK, "da", "da", 0.40, 30, 30, false, "Danish given as da"},
		{WC_ELANG, "en", "da", 0.05, 3, 0, false, "the identifier refuses: no finding"},
		{WC_OK, "da", "nb", 0.40, 30, 18, false, "Danish given as nb: the close call (0.60 of the best)"},
		{WC_OK, "sv", "da", 0.72, 30, 7, true, "Swedish given as da: sure, and da far behind"},
		{WC_OK, "es", "pt", 0.73, 30, 9, true, "Spanish given as pt: sure, pt at 0.30 of the best"},
		{WC_OK, "es", "fr", 0.69, 56.6, 17.4, true, "the Spanish GV given as fr: fr at 0.31"},
		{WC_OK, "da", "sv", 0.50, 30, 15, false, "a sibling at half the best: too close to call"},
		{WC_OK, "it", "en", 0.45, 30, 0, false, "not confident enough"},
		{WC_OK, NULL, "en", 0, 0, 0, false, "no language at all"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_langid id = {cases[i].best, cases[i].confidence, cases[i].best_score, cases[i].given_score};
		if (wc_language_differs(cases[i].rc, &id, cases[i].given) != cases[i].differs)
			fail_msg("case %zu (%s): want %s", i, cases[i].why, cases[i].differs ? "differs" : "no finding");
	}
}

/* On real text: every fixture with its own tag never differs, with another
 * language's tag it does, and the close Scandinavian tags do not. */
static void test_language_on_texts(void **state)
{
	(void)state;
	static const struct {
		const char *path, *given;
		bool differs;
	} cases[] = {
		{"fixtures/zte/zte.en.txt", "en", false},
		{"fixtures/zte/zte.da.txt", "da", false},
		{"fixtures/zte/zte.sv.txt", "sv", false},
		{"fixtures/gv-tunisia-police/tunisia-police.de.txt", "de", false},
		{"fixtures/gv-tunisia-police/tunisia-police.fr.txt", "fr", false},
		{"fixtures/gv-tunisia-police/tunisia-police.es.txt", "es", false},
		{"tests/eval/text/ud-ddt.da.txt", "da", false},
		{"tests/eval/text/ud-bokmaal-news.nb.txt", "nb", false},
		{"fixtures/zte/zte.en.txt", "da", true},
		{"fixtures/gv-tunisia-police/tunisia-police.en.txt", "de", true},
		{"fixtures/gv-tunisia-police/tunisia-police.de.txt", "da", true},
		{"fixtures/zte/zte.da.txt", "nb", false},
		{"fixtures/zte/zte.da.txt", "sv", false},
		{"tests/eval/text/ud-bokmaal-news.nb.txt", "da", false},
		/* a sibling Romance language: sure enough */
		{"fixtures/gv-tunisia-police/tunisia-police.es.txt", "fr", true},
		{"fixtures/gv-tunisia-police/tunisia-police.fr.txt", "it", true},
		{"tests/eval/text/ud-ancora.es.txt", "pt", true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		char *text = unit_slurp(cases[i].path, &len);
		wc_langid id;
		int rc = wc_langid_scores(unit_rules, text, len, cases[i].given, &id);
		if (wc_language_differs(rc, &id, cases[i].given) != cases[i].differs)
			fail_msg("%s given as %s: want %s (rc %d, %s %.2f, given/best %.2f)", cases[i].path,
			         cases[i].given, cases[i].differs ? "a finding" : "none", rc,
			         id.lang ? id.lang : "-", id.confidence,
			         id.best_score > 0 ? id.given_score / id.best_score : 0);
		free(text);
	}
}

/* ---- paragraph.short --------------------------------------------------------------- */

static void test_sentences(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t want;
	} cases[] = {
		{"One sentence only.", 1},
		{"ZTE said so. It employs 80,000 people.", 2},
		{"“We commend it,” Lu said. “Now we talk.” He left.", 3},
		{"Mr. Trump met U.S. officials in Washington.", 1},
		{"Is it over? No! It goes on… Then 2019 came.", 4},
		{"Prices rose 1.2 percent. in lower case no new sentence", 1},
		{"", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t got = wc_count_sentences(cases[i].text, strlen(cases[i].text));
		if (got != cases[i].want)
			fail_msg("\"%s\": %zu sentences, want %zu", cases[i].text, got, cases[i].want);
	}
}

static void test_short_decision(void **state)
{
	(void)state;
	static const struct {
		size_t src_len, sentences, tgt_len;
		double fs, ft;
		bool short_;
		const char *why;
	} cases[] = {
		{215, 1, 127, 1.0, 1.07, true, "ZTE sv line 16: 0.55 of what Swedish needs"},
		{215, 1, 160, 1.0, 1.07, false, "0.70 of one sentence: DEMETR's correct pairs go to 0.65"},
		{200, 2, 130, 1.0, 1.05, true, "two sentences, one lost: 0.62"},
		{200, 2, 160, 1.0, 1.05, false, "two sentences at 0.76: correct pairs go to 0.78"},
		{300, 3, 200, 1.12, 1.0, false, "German to English, three sentences at 0.75: kept"},
		{300, 3, 180, 1.12, 1.0, true, "German to English, three sentences at 0.67: one gone"},
		{90, 2, 20, 1.0, 1.0, false, "a short source paragraph is not judged"},
		{200, 2, 50, 1.0, 0, false, "a language without a measured factor is not judged"},
		{400, 1, 240, 1.15, 1.0, false, "French to English: 0.69 after the factor"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (wc_paragraph_too_short(cases[i].src_len, cases[i].sentences, cases[i].tgt_len, cases[i].fs,
		                           cases[i].ft) != cases[i].short_)
			fail_msg("case %zu (%s): want %s", i, cases[i].why, cases[i].short_ ? "short" : "not short");
}

/* ---- the bundle: ZTE with one thing changed --------------------------------------------- */

/* The lines of path, each with its newline. */
static size_t read_lines(const char *path, char ***lines)
{
	size_t len;
	char *text = unit_slurp(path, &len);
	size_t n = 0, cap = 0;
	*lines = NULL;
	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');
		size_t k = nl ? (size_t)(nl - p) + 1 : strlen(p);
		*WC_PUSH(*lines, n, cap) = wc_xstrndup(p, k);
		p += k;
	}
	free(text);
	return n;
}

typedef enum { KEEP, DROP_LINE, DROP_FIRST_SENTENCE } edit;

/* The Danish ZTE translation with line (1-based) dropped, or the first
 * sentence of that line cut. */
static char *edited_da(edit how, size_t line)
{
	char **lines;
	size_t n = read_lines("fixtures/zte/zte.da.txt", &lines);
	wc_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		const char *l = lines[i];
		if (i + 1 == line && how == DROP_LINE)
			l = "";
		else if (i + 1 == line && how == DROP_FIRST_SENTENCE)
			l = strstr(l, ". ") + 2;
		wc_buf_puts(&b, l);
		free(lines[i]);
	}
	free(lines);
	return wc_buf_take(&b);
}

typedef struct {
	const char *check;
	size_t line, source_line; /* 0: any */
} want;

static size_t count_findings(const wc_report *r, const char *check, size_t line, size_t source_line)
{
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (f->version == 1 && strcmp(f->check, check) == 0 && (!line || f->line == line) &&
		    (!source_line || (f->has_source_ref && f->source_line == source_line)))
			n++;
	}
	return n;
}

static wc_report *check_da(const char *text, const char *lang)
{
	wc_diags *d = wc_diags_new();
	wc_bundle *b = wc_bundle_new(unit_rules);
	assert_int_equal(wc_bundle_add_file(b, WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", d), 0);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_TRANSLATION, lang, "t.da.txt", text, strlen(text), d), 0);
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	assert_non_null(r);
	wc_bundle_free(b);
	wc_diags_free(d);
	return r;
}

static void test_zte_cases(void **state)
{
	(void)state;
	static const struct {
		edit how;
		size_t line;
		want yes;            /* a finding that must be there */
		const char *none[3]; /* checks that must not be there */
	} cases[] = {
		/* as published: none of the new checks */
		{KEEP, 0, {NULL, 0, 0}, {"paragraph.missing", "paragraph.short", "version.coverage"}},
		/* line 20 (the lobbyist) holds no fact and no quotation: only the paragraph
		 * check sees it go, on line 19 where it would have followed */
		{DROP_LINE, 20, {"paragraph.missing", 19, 20}, {"paragraph.short", "version.coverage", NULL}},
		/* line 12 has two sentences; without the first it is 0.37 of its length */
		{DROP_FIRST_SENTENCE, 12, {"paragraph.short", 12, 12}, {"paragraph.missing", "version.coverage", NULL}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = edited_da(cases[i].how, cases[i].line);
		wc_report *r = check_da(text, "da");
		if (cases[i].yes.check &&
		    count_findings(r, cases[i].yes.check, cases[i].yes.line, cases[i].yes.source_line) != 1)
			fail_msg("case %zu: want one %s on line %zu (source line %zu)", i, cases[i].yes.check,
			         cases[i].yes.line, cases[i].yes.source_line);
		for (size_t k = 0; k < 3 && cases[i].none[k]; k++)
			if (count_findings(r, cases[i].none[k], 0, 0))
				fail_msg("case %zu: unexpected %s", i, cases[i].none[k]);
		assert_false(count_findings(r, "version.language", 0, 0));
		wc_report_free(r);
		free(text);
	}
}

static void test_zte_whole_versions(void **state)
{
	(void)state;
	size_t len;
	char *en = unit_slurp("fixtures/zte/zte.en.txt", &len);
	char *de = unit_slurp("fixtures/gv-tunisia-police/tunisia-police.de.txt", &len);
	static const struct {
		int text; /* 0 empty, 1 blank lines, 2 the source, 3 the German GV story */
		const char *lang, *check;
	} cases[] = {
		{0, "da", "version.empty"},
		{1, "da", "version.empty"},
		{2, "da", "version.language"},
		{2, "en", "version.language"}, /* identical to the source */
		{3, "de", "version.coverage"},
		{3, "da", "version.language"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *t = cases[i].text == 0 ? "" : cases[i].text == 1 ? "\n  \n\n\t\n" :
		                cases[i].text == 2 ? en : de;
		wc_report *r = check_da(t, cases[i].lang);
		if (count_findings(r, cases[i].check, 0, 0) != 1 || !wc_report_version_fails(r, 1, WC_ERROR))
			fail_msg("case %zu: want one %s and the version failing", i, cases[i].check);
		if (cases[i].text < 2)
			assert_int_equal(wc_report_count(r), 1); /* nothing but version.empty */
		wc_report_free(r);
	}
	free(en);
	free(de);
}

/* Related coverage gets none of them, however little it carries. */
static void test_related_exempt(void **state)
{
	(void)state;
	wc_diags *d = wc_diags_new();
	wc_bundle *b = wc_bundle_new(unit_rules);
	assert_int_equal(wc_bundle_add_file(b, WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", d), 0);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_RELATED, "en", "r.en.txt", "", 0, d), 0);
	assert_int_equal(wc_bundle_add_file(b, WC_ROLE_RELATED, "de",
	                                    "fixtures/gv-tunisia-police/tunisia-police.de.txt", d), 0);
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const char *c = wc_report_get(r, i)->check;
		if (!strncmp(c, "version.", 8) || !strncmp(c, "paragraph.", 10))
			fail_msg("related coverage got %s", c);
	}
	wc_report_free(r);
	wc_bundle_free(b);
	wc_diags_free(d);
}

static void test_min_coverage_setter(void **state)
{
	(void)state;
	wc_bundle *b = wc_bundle_new(unit_rules);
	assert_int_equal(wc_bundle_set_min_coverage(b, 0), WC_OK);
	assert_int_equal(wc_bundle_set_min_coverage(b, 1), WC_OK);
	assert_int_equal(wc_bundle_set_min_coverage(b, 1.01), WC_EUSAGE);
	assert_int_equal(wc_bundle_set_min_coverage(b, -0.1), WC_EUSAGE);
	assert_int_equal(wc_bundle_set_min_coverage(b, 0.0 / 0.0), WC_EUSAGE);
	wc_bundle_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage_decision),
		cmocka_unit_test(test_coverage_facts),
		cmocka_unit_test(test_language_decision),
		cmocka_unit_test(test_language_on_texts),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_short_decision),
		cmocka_unit_test(test_zte_cases),
		cmocka_unit_test(test_zte_whole_versions),
		cmocka_unit_test(test_related_exempt),
		cmocka_unit_test(test_min_coverage_setter),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
