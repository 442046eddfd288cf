/* test_text.c — unit tests of check_text.c: text.repeated-word,
 * text.hyphen-spacing and text.punct-spacing.
 * Docs are built by hand (paragraph = non-blank line), so that the test does
 * not depend on the text-preparation stage; fixtures are read from the repo
 * root, where the tests run. */
#include "unit.h"
#include "checks.h"

/* ---- hand-made locales (the docs are support.c's unit_doc_*) ------------ */

/* The lists a locale file would give; only what check_text.c reads. */
static wc_locale *locale_new(const char *lang)
{
	wc_locale *loc = wc_xcalloc(1, sizeof *loc);
	loc->lang = wc_xstrdup(lang);
	if (strcmp(lang, "sv") == 0) {
		wc_strlist_add(&loc->colon_suffixes, "s");
		wc_strlist_add(&loc->colon_suffixes, "n");
		wc_strlist_add(&loc->colon_suffixes, "en");
	}
	if (strcmp(lang, "en") == 0) {
		wc_strlist_add(&loc->repeat_ok, "had");
		wc_strlist_add(&loc->repeat_ok, "that");
	}
	if (strcmp(lang, "de") == 0) {
		wc_strlist_add(&loc->repeat_ok, "die");
		wc_strlist_add(&loc->repeat_ok, "den");
		loc->repeat_ok_after_comma = true;
	}
	/* CLDR's group separators, and the plain space the locale files accept */
	if (strcmp(lang, "fr") == 0)
		loc->group = wc_xstrdup("\xE2\x80\xAF");
	if (strcmp(lang, "sv") == 0 || strcmp(lang, "fr") == 0)
		wc_strlist_add(&loc->group_also, " ");
	return loc;
}

/* Short names for UNIT_EXPECT's {check, line} pairs. */
enum {
	REP = WC_CHECK_TEXT_REPEATED_WORD,
	HYP = WC_CHECK_TEXT_HYPHEN_SPACING,
	PUN = WC_CHECK_TEXT_PUNCT_SPACING
};

/* wc_check_text in the shape unit_run_* take; it leaves the doc as it is. */
static void check_text(wc_doc *doc, wc_findings *fs)
{
	wc_check_text(doc, fs);
}

/* wc_check_text run on text, or on a fixture, in lang. */
static unit_run run_text(const char *lang, const char *text)
{
	return unit_run_text(locale_new(lang), text, check_text);
}

static unit_run run_file(const char *lang, const char *path)
{
	return unit_run_file(locale_new(lang), path, check_text);
}

/* The finding covers exactly the bytes of what in the text. */
static void assert_at(const unit_run *r, size_t i, const char *what)
{
	const wc_raw_finding *f = &r->fs.v[i];
	assert_int_equal(f->end - f->start, strlen(what));
	assert_memory_equal(r->doc->text + f->start, what, strlen(what));
}

static void expect_clean(const char *lang, const char *text)
{
	unit_run r = run_text(lang, text);
	if (r.fs.n)
		print_message("  in: %s\n", text);
	UNIT_EXPECT_NONE(&r.fs);
	unit_run_free(&r);
}

/* ---- fixtures: ACCEPTANCE.md ------------------------------------------------ */

static void test_en_files_clean(void **state)
{
	(void)state;
	static const char *const files[] = {
		"fixtures/zte/zte.en.txt",
		"fixtures/zte/zte-washington.en.txt",
		"fixtures/zte/zte-other-agency.en.txt",
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		unit_run r = run_file("en", files[i]);
		assert_true(r.doc->npara > 10);
		UNIT_EXPECT_NONE(&r.fs);
		unit_run_free(&r);
	}
}

static void test_da_fixture(void **state)
{
	(void)state;
	/* Nothing about Android-operativsystemet (line 6), 'trussel' (22),
	 * © 2018 AFP (32) or the numbers. */
	unit_run r = run_file("da", "fixtures/zte/zte.da.txt");
	UNIT_EXPECT(&r.fs, {REP, 3}, {HYP, 4}, {HYP, 20}, {HYP, 23}, {HYP, 25});
	unit_run_free(&r);
}

static void test_da_found_and_location(void **state)
{
	(void)state;
	unit_run r = run_file("da", "fixtures/zte/zte.da.txt");
	for (size_t i = 0; i < r.fs.n; i++) {
		const wc_raw_finding *f = &r.fs.v[i];
		if (unit_line_of(r.doc, f->start) == 3) {
			assert_int_equal(f->check, REP);
			assert_at(&r, i, "amerikanske amerikanske");
			assert_string_equal(f->found, "amerikanske amerikanske");
			assert_string_equal(f->expected, "amerikanske");
		} else if (unit_line_of(r.doc, f->start) == 4) {
			assert_at(&r, i, " -");
			assert_string_equal(f->found, "ZTE -spørgsmålet");
			assert_string_equal(f->expected, "ZTE-spørgsmålet");
		} else if (unit_line_of(r.doc, f->start) == 23) {
			assert_string_equal(f->found, "smartphone -maker");
		}
	}
	unit_run_free(&r);
}

static void test_sv_fixture(void **state)
{
	(void)state;
	/* Nothing about USA:s (lines 1, 2, 18, 28), Trump-administrationen (18),
	 * ZTE-teknik (25) or 80, 000 (a number.format matter). */
	unit_run r = run_file("sv", "fixtures/zte/zte.sv.txt");
	UNIT_EXPECT(&r.fs, {PUN, 19});
	assert_at(&r, 0, ":k");
	assert_string_equal(r.fs.v[0].found, "ZTE:kompromiss");
	assert_string_equal(r.fs.v[0].expected, "ZTE: kompromiss");
	unit_run_free(&r);
}

static void test_da_lines_quiet(void **state)
{
	(void)state;
	expect_clean("da", "Dets fiberoptiske netværk afhænger af amerikanske komponenter, og dets "
	                   "billige smartphones drives af amerikanske chips og Android-operativsystemet.");
	expect_clean("da", "Cybersikkerhed 'trussel'");
	expect_clean("da", "© 2018 AFP");
	expect_clean("da", "ZTE, der beskæftiger 80, 000 mennesker, sagde i sidste uge.");
}

/* ---- text.repeated-word ---------------------------------------------------- */

static void test_repeated_word(void **state)
{
	(void)state;
	unit_run r = run_text("da", "med amerikanske amerikanske embedsmænd\nDet det er\nordet \"ordet ordet\" her");
	UNIT_EXPECT(&r.fs, {REP, 1}, {REP, 2}, {REP, 3});
	assert_at(&r, 1, "Det det");
	assert_at(&r, 2, "ordet ordet");
	unit_run_free(&r);
}

/* Numbers, words joined by hyphens or apostrophes, and a bracket's last
 * word count too. */
static void test_repeated_word_kinds(void **state)
{
	(void)state;
	static const struct {
		const char *lang, *text, *at;
	} cases[] = {
		{"en", "It opened in 2017 2017 in Paris.", "2017 2017"},
		{"da", "de 10 10 år", "10 10"},
		{"en", "between 2015–2019 2015–2019 prices rose", "2015–2019 2015–2019"},
		{"en", "said Kidawa-Błońska Kidawa-Błońska on Monday", "Kidawa-Błońska Kidawa-Błońska"},
		{"en", "an on-site on-site inspection", "on-site on-site"},
		{"da", "ZTE's ZTE's aftale", "ZTE's ZTE's"},
		{"en", "at 20:30 local time (15:00 UTC) UTC).", "UTC) UTC"},
		{"en", "a sale of 500 500 tonnes", "500 500"},
		/* one lower-case letter is a word: prepositions, articles, "and" */
		{"nb", "Broen åpnet i i 1998.", "i i"},
		{"pt", "aprovou o o orçamento", "o o"},
		{"pl", "mieszka w w Warszawie", "w w"},
		{"es", "Juan y y María", "y y"},
		{"en", "it is a a deal", "a a"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unit_run r = run_text(cases[i].lang, cases[i].text);
		UNIT_EXPECT(&r.fs, {REP, 1});
		assert_at(&r, 0, cases[i].at);
		unit_run_free(&r);
	}
}

static void test_repeated_word_not(void **state)
{
	(void)state;
	expect_clean("da", "han sagde, sagde han");          /* across punctuation */
	expect_clean("da", "ja. Ja, det er rigtigt");         /* across a sentence end */
	expect_clean("fr", "1 000 000 habitants");            /* digits grouped with a space */
	expect_clean("sv", "1 000 000 invånare");
	expect_clean("da", "de 10 år, 10 dage");
	expect_clean("en", "grades A A and B");               /* single capitals */
	expect_clean("da", "5G 5G");                          /* not letters only */
	expect_clean("da", "ZTE-teknologi teknologi");        /* part of a compound */
	expect_clean("da", "ZTE's ZTE");
	expect_clean("en", "on-site site");
	expect_clean("da", "A1 A1");
	expect_clean("da", "amerikanske\namerikanske");       /* across paragraphs */
}

static void test_repeated_word_ok_list(void **state)
{
	(void)state;
	/* en lists "had" and "that" (compared case-folded); "the" is not. */
	expect_clean("en", "He had had enough. That that is.");
	unit_run r = run_text("en", "He had had enough of the the deal.");
	UNIT_EXPECT(&r.fs, {REP, 1});
	assert_at(&r, 0, "the the");
	unit_run_free(&r);
	/* The list is per language. */
	r = run_text("da", "He had had enough.");
	UNIT_EXPECT(&r.fs, {REP, 1});
	unit_run_free(&r);
	/* German lists its articles only after a comma, where a relative
	 * clause opens */
	expect_clean("de", "Die Frauen, die die Polizei rief, kamen.");
	r = run_text("de", "Der Kanzler lehnte den den Vorschlag ab.");
	UNIT_EXPECT(&r.fs, {REP, 1});
	assert_at(&r, 0, "den den");
	unit_run_free(&r);
}

/* ---- text.hyphen-spacing ------------------------------------------------------ */

static void test_hyphen_spacing(void **state)
{
	(void)state;
	unit_run r = run_text("da", "Trump -administrationen\nden kinesiske smartphone -maker Huawei\n"
	                       "en hård \xe2\x80\x90linje");          /* U+2010 HYPHEN */
	UNIT_EXPECT(&r.fs, {HYP, 1}, {HYP, 2}, {HYP, 3});
	assert_at(&r, 0, " -");
	assert_string_equal(r.fs.v[0].expected, "Trump-administrationen");
	assert_at(&r, 2, " \xe2\x80\x90");
	unit_run_free(&r);
}

static void test_hyphen_spacing_not(void **state)
{
	(void)state;
	expect_clean("en", "- Security threat? -");
	expect_clean("en", "- 'Be cool' -");
	expect_clean("da", "fiber- og kobberkabler");      /* suspended compound */
	expect_clean("da", "Android-operativsystemet");
	expect_clean("en", "Beijing — China, 2017 – 2018, word —word, word –word");
	expect_clean("en", "minus -5 degrees");             /* a number */
	expect_clean("en", "two  -spaces");                 /* not exactly one space */
	expect_clean("en", "word - word");

	/* A wrapped paragraph: one paragraph over two lines. */
	unit_run r = {locale_new("en"), NULL, {0}};
	r.doc = unit_doc_paragraph(r.loc, "a list of\n-items wrapped in one paragraph");
	wc_check_text(r.doc, &r.fs);
	UNIT_EXPECT_NONE(&r.fs);
	unit_run_free(&r);

	r = run_text("da", "hård\xc2\xa0-linje");               /* NBSP is a space */
	UNIT_EXPECT(&r.fs, {HYP, 1});
	unit_run_free(&r);
}

/* ---- text.punct-spacing ------------------------------------------------------- */

static void test_punct_spacing(void **state)
{
	(void)state;
	unit_run r = run_text("sv", "genom sin attack mot ZTE:kompromiss, göra\nhe tweeted.But then\n"
	                       "a,b and a;b\nwow!Then why?Because");
	UNIT_EXPECT(&r.fs, {PUN, 1}, {PUN, 2}, {PUN, 3}, {PUN, 3}, {PUN, 4}, {PUN, 4});
	assert_at(&r, 1, ".B");
	assert_string_equal(r.fs.v[1].found, "tweeted.But");
	assert_string_equal(r.fs.v[1].expected, "tweeted. But");
	assert_at(&r, 2, ",b");
	assert_at(&r, 3, ";b");
	unit_run_free(&r);
}

static void test_punct_spacing_not(void **state)
{
	(void)state;
	expect_clean("en", "80,000 people at 10:30 on 1.2.2018, $1.2 billion");
	expect_clean("en", "Grafico Cross US Dollar vs Yen (FX:USDJPY)");
	expect_clean("en", "see http://example.com/a,b;c?Query=Yes and https://x.org/Page.Html");
	expect_clean("en", "mail lu.kang@example.com or www.example.com/News.Today");
	expect_clean("en", "the U.S. and e.g. the U.K., i.e. Ph.D. holders");
	expect_clean("en", "a novel by J.K.Rowling");        /* initials written tight */
	expect_clean("en", "ZTE Corp. get \"back into business.\"");
	expect_clean("en", "He said: yes, and then: no.");
	expect_clean("sv", "USA:s president, EU:n och SVT:en");
	expect_clean("sv", "Trump-administrationen om sätt att ändra USA:s ståndpunkt.");
}

static void test_colon_suffix_per_language(void **state)
{
	(void)state;
	/* USA:s is Swedish; English has no colon endings. */
	unit_run r = run_text("en", "USA:s president");
	UNIT_EXPECT(&r.fs, {PUN, 1});
	unit_run_free(&r);
	/* The whole word after the colon must be an ending: s is, sidan is not. */
	r = run_text("sv", "USA:sidan");
	UNIT_EXPECT(&r.fs, {PUN, 1});
	unit_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_en_files_clean),
		cmocka_unit_test(test_da_fixture),
		cmocka_unit_test(test_da_found_and_location),
		cmocka_unit_test(test_sv_fixture),
		cmocka_unit_test(test_da_lines_quiet),
		cmocka_unit_test(test_repeated_word),
		cmocka_unit_test(test_repeated_word_kinds),
		cmocka_unit_test(test_repeated_word_not),
		cmocka_unit_test(test_repeated_word_ok_list),
		cmocka_unit_test(test_hyphen_spacing),
		cmocka_unit_test(test_hyphen_spacing_not),
		cmocka_unit_test(test_punct_spacing),
		cmocka_unit_test(test_punct_spacing_not),
		cmocka_unit_test(test_colon_suffix_per_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
