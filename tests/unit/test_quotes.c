/* test_quotes.c — unit tests of check_quotes.c: quote.unbalanced,
 * quote.detached, quote.style, quote.missing and doc->quotations.
 * Docs are built by hand (paragraph = non-blank line), so that the test does
 * not depend on the text-preparation stage; fixtures are read from the repo
 * root, where the tests run. */
#include "unit.h"
#include "checks.h"

/* ---- hand-made locales (the docs are support.c's unit_doc_*) ------------ */

static void add_also(wc_locale *loc, int32_t open, int32_t close)
{
	*WC_PUSH(loc->quotes_also, loc->nquotes_also, loc->quotes_also_cap) =
		(wc_quote_pair){open, close};
}

/* Quote marks as in CLDR (primary, secondary); the extra pairs and flags are
 * what a locale file would add. */
static wc_locale *locale_new(const char *lang)
{
	wc_locale *loc = wc_xcalloc(1, sizeof *loc);
	loc->lang = wc_xstrdup(lang);
	if (strcmp(lang, "sv") == 0) {
		loc->quotes[0] = (wc_quote_pair){0x201D, 0x201D};    /* ”…” */
		loc->quotes[1] = (wc_quote_pair){0x2019, 0x2019};    /* ’…’ */
		add_also(loc, 0xBB, 0xBB);                           /* »…» */
		wc_strlist_add(&loc->colon_suffixes, "s");
		wc_strlist_add(&loc->colon_suffixes, "n");
	} else {
		loc->quotes[0] = (wc_quote_pair){0x201C, 0x201D};    /* “…” */
		loc->quotes[1] = (wc_quote_pair){0x2018, 0x2019};    /* ‘…’ */
	}
	if (strcmp(lang, "da") == 0) {
		add_also(loc, 0xBB, 0xAB);                           /* »…« */
		add_also(loc, 0x201E, 0x201C);                       /* „…“ */
	}
	loc->quote_continuation = strcmp(lang, "en") == 0;
	return loc;
}

/* Short names for UNIT_EXPECT's {check, line} pairs. */
enum {
	UNB = WC_CHECK_QUOTE_UNBALANCED,
	DET = WC_CHECK_QUOTE_DETACHED,
	STY = WC_CHECK_QUOTE_STYLE,
	MIS = WC_CHECK_QUOTE_MISSING
};

/* wc_check_quotes run on text, or on a fixture, in lang. */
static unit_run run_text(const char *lang, const char *text)
{
	return unit_run_text(locale_new(lang), text, wc_check_quotes);
}

static unit_run run_file(const char *lang, const char *path)
{
	return unit_run_file(locale_new(lang), path, wc_check_quotes);
}

static const char *mark_at(const wc_doc *doc, size_t offset)
{
	return doc->text + offset;
}

/* ---- fixtures: ACCEPTANCE.md ------------------------------------------------ */

static void test_en_source_clean(void **state)
{
	(void)state;
	unit_run r = run_file("en", "fixtures/zte/zte.en.txt");
	UNIT_EXPECT_NONE(&r.fs);
	/* Lines 4 5 7 8 10 16 25 26 30 31(2): eleven double quotations, all
	 * closed; the single ‘threat’ of line 22 is not recorded. */
	assert_int_equal(r.doc->nquotations, 11);
	for (size_t i = 0; i < r.doc->nquotations; i++) {
		const wc_quotation *q = &r.doc->quotations[i];
		assert_true(q->close != SIZE_MAX && q->close > q->open);
		assert_memory_equal(mark_at(r.doc, q->open), "“", strlen("“"));
		assert_memory_equal(mark_at(r.doc, q->close), "”", strlen("”"));
	}
	assert_int_equal(r.doc->paras[r.doc->quotations[10].para].line, 31);
	assert_int_equal(r.doc->paras[r.doc->quotations[9].para].line, 31);
	unit_run_free(&r);
}

static void test_related_clean(void **state)
{
	(void)state;
	unit_run a = run_file("en", "fixtures/zte/zte-washington.en.txt");
	UNIT_EXPECT_NONE(&a.fs);
	assert_true(a.doc->nquotations >= 8);
	unit_run b = run_file("en", "fixtures/zte/zte-other-agency.en.txt");
	UNIT_EXPECT_NONE(&b.fs);
	assert_true(b.doc->nquotations >= 6);
	unit_run_free(&a);
	unit_run_free(&b);
}

static void test_da_fixture(void **state)
{
	(void)state;
	unit_run r = run_file("da", "fixtures/zte/zte.da.txt");
	UNIT_EXPECT(&r.fs,
	       {DET, 4},                 /* detaljerne, "sagde */
	       {DET, 7}, {STY, 7},       /* "… hurtig, ”Trump */
	       {DET, 16},                /* konsultationer, "Sagde */
	       {DET, 25}, {DET, 26}, {DET, 30},
	       {DET, 31}, {DET, 31}, {DET, 31}); /* lande, "tweetede han." Men … sig! " */
	unit_run_free(&r);
}

static void test_da_line7_style_and_detached(void **state)
{
	(void)state;
	unit_run r = run_file("da", "fixtures/zte/zte.da.txt");
	size_t nstyle = 0;
	for (size_t i = 0; i < r.fs.n; i++) {
		const wc_raw_finding *f = &r.fs.v[i];
		if (unit_line_of(r.doc, f->start) != 7)
			continue;
		if (f->check == STY) {
			nstyle++;
			assert_string_equal(f->found, "\"…”");
			assert_string_equal(f->expected, "“…”");
			assert_memory_equal(mark_at(r.doc, f->start), "\"Kinas", 6);
		} else {
			assert_int_equal(f->check, DET);
			assert_string_equal(f->found, "hurtig, ”Trump");
			assert_memory_equal(mark_at(r.doc, f->start), "”Trump", strlen("”Trump"));
			assert_int_equal(f->end - f->start, strlen("”"));
			assert_non_null(strstr(f->message, "closing quote mark ” stands after a space"));
		}
	}
	assert_int_equal(nstyle, 1);
	unit_run_free(&r);
}

static void test_da_detached_found(void **state)
{
	(void)state;
	unit_run r = run_file("da", "fixtures/zte/zte.da.txt");
	bool seen = false;
	for (size_t i = 0; i < r.fs.n; i++)
		if (unit_line_of(r.doc, r.fs.v[i].start) == 4) {
			assert_string_equal(r.fs.v[i].found, "detaljerne, \"sagde");
			seen = true;
		} else if (unit_line_of(r.doc, r.fs.v[i].start) == 25) {
			assert_string_equal(r.fs.v[i].found, "cybersikkerhedstrussel, \"sagde");
		}
	assert_true(seen);
	unit_run_free(&r);
}

static void test_da_line22_single_quotes(void **state)
{
	(void)state;
	unit_run r = run_text("da", "Cybersikkerhed 'trussel'");
	UNIT_EXPECT_NONE(&r.fs);
	assert_int_equal(r.doc->nquotations, 0);
	unit_run_free(&r);
}

static void test_sv_fixture(void **state)
{
	(void)state;
	unit_run r = run_file("sv", "fixtures/zte/zte.sv.txt");
	UNIT_EXPECT(&r.fs,
	       {DET, 4},                 /* snabb, " sa Trump */
	       {UNB, 25},                /* the Schiff quotation is never closed */
	       {DET, 26}, {DET, 30}, {DET, 31});
	unit_run_free(&r);
}

static void test_sv_line25_unbalanced_recorded(void **state)
{
	(void)state;
	unit_run r = run_file("sv", "fixtures/zte/zte.sv.txt");
	bool seen = false;
	for (size_t i = 0; i < r.doc->nquotations; i++) {
		const wc_quotation *q = &r.doc->quotations[i];
		if (r.doc->paras[q->para].line != 25)
			continue;
		assert_int_equal(q->close, SIZE_MAX);
		assert_int_equal(q->open, r.doc->paras[q->para].start);
		seen = true;
	}
	assert_true(seen);
	unit_run_free(&r);
}

/* ---- synthetic cases --------------------------------------------------------- */

static void test_apostrophes_are_not_quotes(void **state)
{
	(void)state;
	unit_run r = run_text("en", "Trump’s offer, ZTE's fate and the countries' trade relations, "
	                       "the ’90s and rock ’n’ roll.");
	UNIT_EXPECT_NONE(&r.fs);
	assert_int_equal(r.doc->nquotations, 0);
	unit_run_free(&r);
}

static void test_guillemets_both_directions(void **state)
{
	(void)state;
	/* Paired by order whichever way they point: Danish »…« is accepted;
	 * «…» pairs too, but is not a Danish style. */
	unit_run r = run_text("da", "Han sagde »nej« i går.\n»Det er slut«, sagde han.\nHan sagde «ja».");
	UNIT_EXPECT(&r.fs, {STY, 3});
	assert_string_equal(r.fs.v[0].found, "«…»");
	assert_non_null(strstr(r.fs.v[0].message, "not used in da"));
	assert_int_equal(r.doc->nquotations, 3);
	unit_run_free(&r);

	/* English has no guillemets at all. */
	r = run_text("en", "He said «no» today.");
	UNIT_EXPECT(&r.fs, {STY, 1});
	assert_non_null(strstr(r.fs.v[0].message, "not used in en"));
	assert_string_equal(r.fs.v[0].expected, "“…”");
	unit_run_free(&r);
}

static void test_low_high_pairs(void **state)
{
	(void)state;
	unit_run r = run_text("da", "Han sagde „nej“ i går.");
	UNIT_EXPECT_NONE(&r.fs);
	unit_run_free(&r);

	r = run_text("en", "He said „no“ and „yes” today.");
	UNIT_EXPECT(&r.fs, {STY, 1}, {STY, 1});
	unit_run_free(&r);

	/* Swedish ”…” is its own style; “…” is not Swedish. */
	r = run_text("sv", "Han sa ”nej” och “ja” i går.");
	UNIT_EXPECT(&r.fs, {STY, 1});
	assert_string_equal(r.fs.v[0].found, "“…”");
	assert_string_equal(r.fs.v[0].expected, "”…”");
	unit_run_free(&r);
}

static void test_style_mixed_and_garbled(void **state)
{
	(void)state;
	unit_run r = run_text("en", "He said \"no” today.\nShe said ”no“ today.\nThey said \"yes\" today.");
	UNIT_EXPECT(&r.fs, {STY, 1}, {STY, 2});
	assert_non_null(strstr(r.fs.v[0].message, "mixed"));
	assert_non_null(strstr(r.fs.v[1].message, "do not form a pair"));
	unit_run_free(&r);

	/* Single pairs: ‘…’ is English, '…’ mixes styles, '…' is fine. */
	r = run_text("en", "A ‘threat’ here, a 'threat’ there, a 'threat' everywhere.");
	UNIT_EXPECT(&r.fs, {STY, 1});
	assert_string_equal(r.fs.v[0].found, "'…’");
	assert_string_equal(r.fs.v[0].expected, "‘…’");
	unit_run_free(&r);
}

static void test_detached_each_mark(void **state)
{
	(void)state;
	unit_run r = run_text("da", "\" Hej \" sagde han.\n\"Hej\" sagde han.\nHan sagde: \"Nu! \"");
	UNIT_EXPECT(&r.fs, {DET, 1}, {DET, 1}, {DET, 3});
	assert_non_null(strstr(r.fs.v[0].message, "opening quote mark \" stands before a space"));
	assert_non_null(strstr(r.fs.v[1].message, "closing quote mark \" stands after a space"));
	assert_string_equal(r.fs.v[2].found, "\"Nu! \"");
	unit_run_free(&r);
}

static void test_order_pairing_ignores_shapes(void **state)
{
	(void)state;
	/* ” opens and “ closes: pairs by order, and the pair is flagged as
	 * garbled, not as two unbalanced quotations. */
	unit_run r = run_text("en", "He said ”no“ and left.");
	UNIT_EXPECT(&r.fs, {STY, 1});
	assert_int_equal(r.doc->nquotations, 1);
	assert_int_equal(r.doc->quotations[0].open, strlen("He said "));
	unit_run_free(&r);
}

static void test_continuation(void **state)
{
	(void)state;
	const char *text = "“Too many jobs in China lost.\n"
	                   "“Commerce has been instructed to get it done!” he said.\n"
	                   "“No more.\n"
	                   "And then nothing.";
	unit_run r = run_text("en", text);
	/* Line 1 continues in line 2; line 3 does not continue. */
	UNIT_EXPECT(&r.fs, {UNB, 3});
	assert_int_equal(r.doc->nquotations, 3);
	assert_int_equal(r.doc->quotations[0].close, SIZE_MAX);
	assert_int_equal(r.doc->quotations[0].para, 0);
	assert_true(r.doc->quotations[1].close != SIZE_MAX);
	unit_run_free(&r);

	/* Without the locale flag an open quotation is an error, even when the
	 * next paragraph opens one (sv line 25 in the fixture). */
	r = run_text("sv", text);
	UNIT_EXPECT(&r.fs, {UNB, 1}, {UNB, 3}, {STY, 2});
	unit_run_free(&r);
}

static void test_continuation_skips_blank_lines(void **state)
{
	(void)state;
	unit_run r = run_text("en", "“Too many jobs lost.\n\n   \n“More to come,” he said.");
	UNIT_EXPECT_NONE(&r.fs);
	unit_run_free(&r);
}

static void test_stray_closing_mark(void **state)
{
	(void)state;
	unit_run r = run_text("da", "resten af det,\" sagde han. \"Nu går vi.\"");
	UNIT_EXPECT(&r.fs, {UNB, 1});
	assert_non_null(strstr(r.fs.v[0].message, "no opening mark"));
	assert_int_equal(r.fs.v[0].start, strlen("resten af det,"));
	assert_int_equal(r.doc->nquotations, 2);
	unit_run_free(&r);

	/* A stray opening mark can be detached as well. */
	r = run_text("da", "Han sagde: \" Nej");
	UNIT_EXPECT(&r.fs, {DET, 1}, {UNB, 1});
	unit_run_free(&r);

	/* An odd count whose first mark opens: the last one is the stray. */
	r = run_text("da", "\"Ja,\" sagde han. \"Nej");
	UNIT_EXPECT(&r.fs, {UNB, 1});
	assert_int_equal(r.fs.v[0].start, strlen("\"Ja,\" sagde han. "));
	assert_non_null(strstr(r.fs.v[0].message, "never closed"));
	unit_run_free(&r);
}

static void test_found_stays_on_its_line(void **state)
{
	(void)state;
	/* A wrapped paragraph: one paragraph over two lines. */
	unit_run r = {locale_new("da"), NULL, {0}};
	r.doc = unit_doc_paragraph(r.loc, "\"Det er slut,\n\" sagde han.");
	wc_check_quotes(r.doc, &r.fs);
	UNIT_EXPECT(&r.fs, {DET, 1});
	assert_string_equal(r.fs.v[0].found, "\" sagde");
	unit_run_free(&r);
}

static void test_quotes_per_paragraph(void **state)
{
	(void)state;
	/* A mark never pairs across a paragraph break. */
	unit_run r = run_text("da", "Han sagde \"nej\nog \"ja\" i går.");
	UNIT_EXPECT(&r.fs, {UNB, 1});
	unit_run_free(&r);
}

static void test_rerun_resets_quotations(void **state)
{
	(void)state;
	unit_run r = run_text("en", "“One” and “two”.");
	assert_int_equal(r.doc->nquotations, 2);
	wc_check_quotes(r.doc, &r.fs);
	assert_int_equal(r.doc->nquotations, 2);
	unit_run_free(&r);
}

static void test_locale_primary_marks_pair(void **state)
{
	(void)state;
	wc_locale *loc = locale_new("en");
	loc->quotes[0] = (wc_quote_pair){0x300C, 0x300D};   /* 「」 */
	wc_doc *doc = unit_doc_str(loc, "他说「好」。\n他说「好。");
	wc_findings fs = {0};
	wc_check_quotes(doc, &fs);
	UNIT_EXPECT(&fs, {UNB, 2});
	assert_int_equal(doc->nquotations, 2);
	wc_findings_free(&fs);
	unit_doc_free(doc);
	unit_locale_free(loc);
}

/* ---- quote.missing ---------------------------------------------------------- */

typedef struct {
	wc_locale *sl, *tl;
	wc_doc *src, *tgt;
	wc_alignment al;
	wc_findings fs;
} pairrun;

static pairrun pair_new(wc_locale *sl, wc_doc *src, wc_locale *tl, wc_doc *tgt,
                        const int *s2t)
{
	pairrun p = {sl, tl, src, tgt, {0}, {0}};
	p.al.ns = src->npara;
	p.al.nt = tgt->npara;
	p.al.s2t = wc_xcalloc(p.al.ns, sizeof(int));
	p.al.t2s = wc_xcalloc(p.al.nt, sizeof(int));
	for (size_t t = 0; t < p.al.nt; t++)
		p.al.t2s[t] = -1;
	for (size_t s = 0; s < p.al.ns; s++) {
		p.al.s2t[s] = s2t[s];
		if (s2t[s] >= 0)
			p.al.t2s[s2t[s]] = (int)s;
	}
	wc_findings scratch = {0};
	wc_check_quotes(src, &scratch);
	wc_check_quotes(tgt, &scratch);
	wc_findings_free(&scratch);
	wc_check_quote_missing(src, tgt, &p.al, &p.fs);
	return p;
}

static void pair_free(pairrun *p)
{
	wc_findings_free(&p->fs);
	free(p->al.s2t);
	free(p->al.t2s);
	unit_doc_free(p->src);
	unit_doc_free(p->tgt);
	unit_locale_free(p->sl);
	unit_locale_free(p->tl);
}

static void test_missing_synthetic(void **state)
{
	(void)state;
	wc_locale *sl = locale_new("en"), *tl = locale_new("da");
	wc_doc *src = unit_doc_str(sl,
		"“We highly commend the positive remark from the US on the ZTE issue,” Lu said.\n" /* 0 */
		"No quotation here.\n"                                                             /* 1 */
		"“Short,” he said.\n"                                                              /* 2 */
		"“Dropped,” he said.\n"                                                            /* 3 */
		"“Kept,” he said.\n"                                                               /* 4 */
		"“Single,” he said.");                                                             /* 5 */
	wc_doc *tgt = unit_doc_str(tl,
		"Vi roser bemærkningen, sagde Lu.\n"      /* 0 ← 0: no quotation */
		"Ingen citat her.\n"                      /* 1 ← 1 */
		"\"Kort,\" sagde han.\n"                  /* 2 ← 2 */
		"\"Beholdt,\" sagde han.\n"               /* 3 ← 4 */
		"'Enkelt,' sagde han.");                  /* 4 ← 5: single marks count */
	const int s2t[] = {0, 1, 2, -1, 3, 4};
	pairrun p = pair_new(sl, src, tl, tgt, s2t);
	UNIT_EXPECT(&p.fs, {MIS, 1}, {MIS, 3});

	const wc_raw_finding *f = &p.fs.v[0];
	assert_ptr_equal(f->doc, tgt);
	assert_ptr_equal(f->src, src);
	assert_int_equal(f->start, tgt->paras[0].start);
	assert_int_equal(f->src_start, src->quotations[0].open);
	assert_null(f->found);
	/* Cut at 60 code points, on a character boundary. */
	assert_string_equal(f->expected,
	                    "“We highly commend the positive remark from the US on the ZT…");

	/* Source paragraph 3 is not aligned: reported at the target paragraph
	 * of source paragraph 2, the nearest aligned one before it. */
	f = &p.fs.v[1];
	assert_int_equal(f->start, tgt->paras[2].start);
	assert_string_equal(f->expected, "“Dropped,”");
	assert_int_equal(f->src_start, src->paras[3].start);
	assert_non_null(strstr(f->message, "not in the translation"));
	pair_free(&p);
}

static void test_missing_unaligned_first(void **state)
{
	(void)state;
	wc_locale *sl = locale_new("en"), *tl = locale_new("sv");
	wc_doc *src = unit_doc_str(sl, "“One,” he said. “Two,” she said.\nPlain text.");
	wc_doc *tgt = unit_doc_str(tl, "Inledning.\nVanlig text.");
	const int s2t[] = {-1, 1};
	pairrun p = pair_new(sl, src, tl, tgt, s2t);
	/* One finding per source quotation, both at the first paragraph. */
	UNIT_EXPECT(&p.fs, {MIS, 1}, {MIS, 1});
	assert_string_equal(p.fs.v[1].expected, "“Two,”");
	pair_free(&p);
}

static void test_missing_unclosed_source(void **state)
{
	(void)state;
	wc_locale *sl = locale_new("sv"), *tl = locale_new("da");
	wc_doc *src = unit_doc_str(sl, "\"Open and never closed");
	wc_doc *tgt = unit_doc_str(tl, "Intet citat.");
	const int s2t[] = {0};
	/* The source's quote.unbalanced reports it; a broken quotation (a
	 * fragment cut from a longer one) is not one the translation must keep. */
	pairrun p = pair_new(sl, src, tl, tgt, s2t);
	UNIT_EXPECT_NONE(&p.fs);
	pair_free(&p);
}

/* The Swedish translation drops the two Lu Kang paragraphs (source 4, 16).
 * The alignment is made by hand from the content. */
static void test_missing_sv_fixture(void **state)
{
	(void)state;
	wc_locale *sl = locale_new("en"), *tl = locale_new("sv");
	wc_doc *src = unit_doc_load(sl, "fixtures/zte/zte.en.txt");
	wc_doc *tgt = unit_doc_load(tl, "fixtures/zte/zte.sv.txt");
	assert_int_equal(src->npara, 31);
	assert_int_equal(tgt->npara, 32);
	/* source line → target line, 0 = none */
	static const int lines[31] = {
		0, 2, 0, 0, 8, 9, 4, 5, 6, 7, 10, 11, 12, 13, 16, 0, 14, 15, 17, 18,
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
	int s2t[31];
	for (size_t i = 0; i < 31; i++)
		s2t[i] = lines[i] - 1;
	pairrun p = pair_new(sl, src, tl, tgt, s2t);
	UNIT_EXPECT(&p.fs, {MIS, 2}, {MIS, 16});
	assert_int_equal(unit_line_of(src, p.fs.v[0].src_start), 4);
	assert_int_equal(unit_line_of(src, p.fs.v[1].src_start), 16);
	pair_free(&p);
}

static void test_missing_da_fixture_none(void **state)
{
	(void)state;
	wc_locale *sl = locale_new("en"), *tl = locale_new("da");
	wc_doc *src = unit_doc_load(sl, "fixtures/zte/zte.en.txt");
	wc_doc *tgt = unit_doc_load(tl, "fixtures/zte/zte.da.txt");
	int s2t[31];
	for (int i = 0; i < 31; i++)
		s2t[i] = i;
	pairrun p = pair_new(sl, src, tl, tgt, s2t);
	UNIT_EXPECT_NONE(&p.fs);
	pair_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_en_source_clean),
		cmocka_unit_test(test_related_clean),
		cmocka_unit_test(test_da_fixture),
		cmocka_unit_test(test_da_line7_style_and_detached),
		cmocka_unit_test(test_da_detached_found),
		cmocka_unit_test(test_da_line22_single_quotes),
		cmocka_unit_test(test_sv_fixture),
		cmocka_unit_test(test_sv_line25_unbalanced_recorded),
		cmocka_unit_test(test_apostrophes_are_not_quotes),
		cmocka_unit_test(test_guillemets_both_directions),
		cmocka_unit_test(test_low_high_pairs),
		cmocka_unit_test(test_style_mixed_and_garbled),
		cmocka_unit_test(test_detached_each_mark),
		cmocka_unit_test(test_order_pairing_ignores_shapes),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_continuation_skips_blank_lines),
		cmocka_unit_test(test_stray_closing_mark),
		cmocka_unit_test(test_quotes_per_paragraph),
		cmocka_unit_test(test_found_stays_on_its_line),
		cmocka_unit_test(test_rerun_resets_quotations),
		cmocka_unit_test(test_locale_primary_marks_pair),
		cmocka_unit_test(test_missing_synthetic),
		cmocka_unit_test(test_missing_unaligned_first),
		cmocka_unit_test(test_missing_unclosed_source),
		cmocka_unit_test(test_missing_sv_fixture),
		cmocka_unit_test(test_missing_da_fixture_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
