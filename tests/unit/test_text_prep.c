/* test_text_prep.c — unit tests of text.c (stage 2): wc_doc_init validates
 * the bytes, normalizes to NFC with a map back to the bytes as read, and
 * splits paragraphs (one per line, or blank-line separated wrapped blocks).
 * Runs from the repository root (fixtures/ and rules/ by relative path). */
#include "unit.h"
#include "doc.h"

#include <stdio.h>
#include <utf8proc.h>

static const wc_locale *en(void)
{
	return wc_ruleset_locale(unit_rules, "en");
}

/* Initializes doc from bytes and asserts success with no diagnostic. */
static void init_ok(wc_doc *doc, const char *bytes, size_t len)
{
	wc_diags *d = wc_diags_new();
	int rc = wc_doc_init(doc, "mem.txt", en(), WC_ROLE_SOURCE, bytes, len, d);
	if (rc != WC_OK || wc_diags_count(d)) {
		wc_diags_print(d, stderr);
		wc_diags_free(d);
		fail_msg("wc_doc_init failed: %d", rc);
	}
	wc_diags_free(d);
}

static void init_str(wc_doc *doc, const char *s)
{
	init_ok(doc, s, strlen(s));
}

/* Paragraph i of doc is exactly want and starts on line. */
static void expect_para(const wc_doc *doc, size_t i, const char *want, size_t line)
{
	if (i >= doc->npara)
		fail_msg("no paragraph %zu (have %zu)", i, doc->npara);
	const wc_para *p = &doc->paras[i];
	size_t n = p->end - p->start;
	if (n != strlen(want) || memcmp(doc->text + p->start, want, n) != 0)
		fail_msg("paragraph %zu is '%.*s', want '%s'", i, (int)n, doc->text + p->start, want);
	if (p->line != line)
		fail_msg("paragraph %zu ('%s') on line %zu, want %zu", i, want, p->line, line);
}

/* ---- paragraphs ---------------------------------------------------------------------- */

static void test_one_para_per_line(void **state)
{
	(void)state;
	wc_doc doc;
	init_str(&doc, "First paragraph.\nSecond one, with 80,000.\nThird.\n");
	assert_int_equal(doc.npara, 3);
	expect_para(&doc, 0, "First paragraph.", 1);
	expect_para(&doc, 1, "Second one, with 80,000.", 2);
	expect_para(&doc, 2, "Third.", 3);
	wc_doc_fini(&doc);
	/* no final newline, surrounding white space trimmed, blank lines skipped */
	init_str(&doc, "  Alpha  \n\n\t\nBeta");
	assert_int_equal(doc.npara, 2);
	expect_para(&doc, 0, "Alpha", 1);
	expect_para(&doc, 1, "Beta", 4);
	wc_doc_fini(&doc);
}

/* Blank-line separated single lines (ZTE's 004): still one paragraph a line. */
static void test_blank_separated_single_lines(void **state)
{
	(void)state;
	wc_doc doc;
	init_str(&doc, "One.\n\nTwo.\n\nThree.\n\nFour a.\nFour b.\n");
	assert_int_equal(doc.npara, 5);
	expect_para(&doc, 0, "One.", 1);
	expect_para(&doc, 1, "Two.", 3);
	expect_para(&doc, 2, "Three.", 5);
	expect_para(&doc, 3, "Four a.", 7);
	expect_para(&doc, 4, "Four b.", 8);
	wc_doc_fini(&doc);
}

static void test_other_agency_fixture(void **state)
{
	(void)state;
	size_t len;
	char *bytes = unit_slurp("fixtures/zte/zte-other-agency.en.txt", &len);
	wc_doc doc;
	init_ok(&doc, bytes, len);
	/* 22 non-blank lines, each a paragraph: 20 single-line blocks, then the
	 * two-line boilerplate block (lines 39-40) split into two, then line 42. */
	size_t nonblank = 0;
	for (size_t i = 0, st = 0; i <= len; i++)
		if (i == len || bytes[i] == '\n') {
			nonblank += i > st;
			st = i + 1;
		}
	assert_int_equal(nonblank, 22);
	assert_int_equal(doc.npara, 22);
	for (size_t i = 0; i < 20; i++)
		assert_int_equal(doc.paras[i].line, 2 * i + 1);
	expect_para(&doc, 19, "Da Mar 2024 a Apr 2024 Clicca qui per i Grafici di US Dollar vs Yen", 39);
	expect_para(&doc, 20, "Grafico Cross US Dollar vs Yen (FX:USDJPY)", 40);
	expect_para(&doc, 21, "Da Apr 2023 a Apr 2024 Clicca qui per i Grafici di US Dollar vs Yen", 42);
	assert_int_equal(strncmp(doc.text + doc.paras[0].start, "Ahead of a second round", 23), 0);
	wc_doc_fini(&doc);
	free(bytes);
}

static void test_wrapped_blocks(void **state)
{
	(void)state;
	wc_doc doc;
	init_str(&doc,
	         "ZTE, which employs 80,000 people,\n"
	         "said last week its operations had ceased.\n"
	         "\n"
	         "Trump tweeted on Sunday.\n"
	         "\n"
	         "The Washington Post reported late\n"
	         "Sunday that the White House\n"
	         "is discussing a deal.\n");
	assert_int_equal(doc.npara, 3);
	expect_para(&doc, 0, "ZTE, which employs 80,000 people,\nsaid last week its operations had ceased.", 1);
	expect_para(&doc, 1, "Trump tweeted on Sunday.", 4);
	expect_para(&doc, 2, "The Washington Post reported late\nSunday that the White House\nis discussing a deal.", 6);
	/* an offset in the second line of a wrapped paragraph is on that line */
	const char *sunday = strstr(doc.text, "Sunday that");
	size_t line, col;
	wc_doc_position(&doc, (size_t)(sunday - doc.text), &line, &col);
	assert_int_equal(line, 7);
	assert_int_equal(col, 1);
	assert_int_equal(wc_doc_para_at(&doc, (size_t)(sunday - doc.text)), 2);
	wc_doc_fini(&doc);
}

/* ---- line ends ----------------------------------------------------------------------- */

static void expect_same_split(const char *lf, const char *other)
{
	wc_doc a, b;
	init_str(&a, lf);
	init_str(&b, other);
	assert_int_equal(a.npara, b.npara);
	for (size_t i = 0; i < a.npara; i++) {
		size_t na = a.paras[i].end - a.paras[i].start;
		size_t nb = b.paras[i].end - b.paras[i].start;
		/* wrapped paragraphs keep their inner line breaks; compare without them */
		wc_buf x = {0}, y = {0};
		for (size_t k = 0; k < na; k++)
			if (a.text[a.paras[i].start + k] != '\r' && a.text[a.paras[i].start + k] != '\n')
				wc_buf_putc(&x, a.text[a.paras[i].start + k]);
		for (size_t k = 0; k < nb; k++)
			if (b.text[b.paras[i].start + k] != '\r' && b.text[b.paras[i].start + k] != '\n')
				wc_buf_putc(&y, b.text[b.paras[i].start + k]);
		assert_string_equal(x.s ? x.s : "", y.s ? y.s : "");
		wc_buf_free(&x);
		wc_buf_free(&y);
		assert_int_equal(a.paras[i].line, b.paras[i].line);
	}
	wc_doc_fini(&a);
	wc_doc_fini(&b);
}

static void test_crlf_and_cr(void **state)
{
	(void)state;
	expect_same_split("Alpha one.\nBeta two.\n\nGamma three.\n",
	                  "Alpha one.\r\nBeta two.\r\n\r\nGamma three.\r\n");
	expect_same_split("Alpha one.\nBeta two.\n\nGamma three.\n",
	                  "Alpha one.\rBeta two.\r\rGamma three.\r");
	expect_same_split("A a\nA b\n\nB a\nB b\n\nC\n", "A a\r\nA b\r\n\r\nB a\r\nB b\r\n\r\nC\r\n");
	expect_same_split("A a\nA b\n\nB a\nB b\n\nC\n", "A a\rA b\r\rB a\rB b\r\rC\r");

	wc_doc doc;
	init_str(&doc, "Line one\r\nLine two has 80,000\r\nLine three\r\n");
	assert_int_equal(doc.npara, 3);
	expect_para(&doc, 1, "Line two has 80,000", 2);
	const char *num = strstr(doc.text, "80,000");
	size_t line, col;
	wc_doc_position(&doc, (size_t)(num - doc.text), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 14);
	wc_doc_position(&doc, doc.paras[2].start, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
	char *lt = wc_doc_line_text(&doc, (size_t)(num - doc.text));
	assert_string_equal(lt, "Line two has 80,000");
	free(lt);
	wc_doc_fini(&doc);

	init_str(&doc, "Line one\rLine two has 80,000\rLine three");
	assert_int_equal(doc.npara, 3);
	num = strstr(doc.text, "80,000");
	wc_doc_position(&doc, (size_t)(num - doc.text), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 14);
	expect_para(&doc, 2, "Line three", 3);
	wc_doc_fini(&doc);
}

/* ---- encoding ------------------------------------------------------------------------- */

static void test_bom_skipped(void **state)
{
	(void)state;
	wc_doc doc;
	init_str(&doc, "\xEF\xBB\xBFZTE employs 80,000 people.\nSecond line.\n");
	assert_int_equal(doc.npara, 2);
	expect_para(&doc, 0, "ZTE employs 80,000 people.", 1);
	expect_para(&doc, 1, "Second line.", 2);
	assert_null(strstr(doc.text, "\xEF\xBB\xBF"));
	/* byte offsets still count the BOM: they are offsets in the file as read */
	const char *num = strstr(doc.text, "80,000");
	assert_int_equal(wc_doc_orig_offset(&doc, (size_t)(num - doc.text)), 3 + 12);
	size_t line, col;
	wc_doc_position(&doc, doc.paras[1].start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	wc_doc_fini(&doc);
}

/* The BOM is no part of the text, so it is no column either: the first
 * character of the file is at 1:1, as editors and compilers count it. */
static void test_bom_column(void **state)
{
	(void)state;
	wc_doc doc;
	init_str(&doc, "\xEF\xBB\xBFZTE employs 80,000 people.\n");
	size_t line, col;
	wc_doc_position(&doc, doc.paras[0].start, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	const char *num = strstr(doc.text, "80,000");
	wc_doc_position(&doc, (size_t)(num - doc.text), &line, &col);
	assert_int_equal(col, 13);
	wc_doc_fini(&doc);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	const char bytes[] = "Good line\nBad \xC3\x28 here\n";
	wc_diags *d = wc_diags_new();
	wc_doc doc;
	int rc = wc_doc_init(&doc, "bad.txt", en(), WC_ROLE_TRANSLATION, bytes, sizeof bytes - 1, d);
	assert_int_equal(rc, WC_EINPUT);
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = wc_diags_get(d, 0);
	assert_string_equal(g->file, "bad.txt");
	assert_non_null(strstr(g->message, "byte offset 14"));
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 5);
	wc_doc_fini(&doc);
	wc_diags_free(d);

	/* a lone continuation byte, a truncated sequence at the end, an
	 * overlong encoding and a UTF-16 surrogate are all refused */
	static const struct {
		const char *s;
		size_t off;
	} bad[] = {
		{"abc\x80", 3}, {"abc\xE2\x80", 3}, {"\xC0\xAF", 0}, {"x\xED\xA0\x80y", 1}, {"ok\xFF", 2},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		d = wc_diags_new();
		rc = wc_doc_init(&doc, "bad.txt", en(), WC_ROLE_SOURCE, bad[i].s, strlen(bad[i].s), d);
		assert_int_equal(rc, WC_EINPUT);
		assert_int_equal(wc_diags_count(d), 1);
		char want[64];
		snprintf(want, sizeof want, "byte offset %zu", bad[i].off);
		if (!strstr(wc_diags_get(d, 0)->message, want))
			fail_msg("case %zu: '%s' does not name %s", i, wc_diags_get(d, 0)->message, want);
		wc_doc_fini(&doc);
		wc_diags_free(d);
	}
}

static void test_nul_byte(void **state)
{
	(void)state;
	const char bytes[] = "Text with a\0NUL byte\n";
	wc_diags *d = wc_diags_new();
	wc_doc doc;
	int rc = wc_doc_init(&doc, "nul.txt", en(), WC_ROLE_SOURCE, bytes, sizeof bytes - 1, d);
	assert_int_equal(rc, WC_EINPUT);
	assert_int_equal(wc_diags_count(d), 1);
	assert_string_equal(wc_diags_get(d, 0)->file, "nul.txt");
	assert_non_null(strstr(wc_diags_get(d, 0)->message, "NUL"));
	assert_non_null(strstr(wc_diags_get(d, 0)->message, "byte offset 11"));
	wc_doc_fini(&doc);
	wc_diags_free(d);
}

/* Decomposed "ö" (o + U+0308) becomes one code point; positions still name
 * the line and column of the file as read. */
static void test_nfd_normalized(void **state)
{
	(void)state;
	const char *nfd = "Første linje.\nSagde Trump på so\xCC\x88ndag, 80.000 mennesker.\n";
	wc_doc doc;
	init_str(&doc, nfd);
	assert_int_equal(doc.npara, 2);
	expect_para(&doc, 1, "Sagde Trump på söndag, 80.000 mennesker.", 2);
	assert_null(strstr(doc.text, "o\xCC\x88"));
	assert_non_null(strstr(doc.text, "s\xC3\xB6ndag"));
	/* "ndag": in the file as read, line 2 holds "Sagde Trump på so" + U+0308:
	 * 18 code points before it (the mark counts), so column 19. */
	const char *p = strstr(doc.text, "ndag");
	size_t line, col;
	wc_doc_position(&doc, (size_t)(p - doc.text), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 19);
	/* the number after it: byte offset in the original is one more than in
	 * the normalized text (o + U+0308 = 3 bytes, ö = 2) */
	const char *num = strstr(doc.text, "80.000");
	const char *onum = strstr(nfd, "80.000");
	assert_int_equal(wc_doc_orig_offset(&doc, (size_t)(num - doc.text)), (size_t)(onum - nfd));
	wc_doc_position(&doc, (size_t)(num - doc.text), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 25);
	/* the composed ö itself maps to where its base letter stood */
	const char *oe = strstr(doc.text, "\xC3\xB6");
	assert_int_equal(wc_doc_orig_offset(&doc, (size_t)(oe - doc.text)), (size_t)(strstr(nfd, "o\xCC\x88") - nfd));
	wc_doc_position(&doc, (size_t)(oe - doc.text), &line, &col);
	assert_int_equal(col, 17);
	/* line 1 ("Første", NFC already) is untouched */
	wc_doc_position(&doc, doc.paras[0].start + strlen("Første "), &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 8);
	wc_doc_fini(&doc);
}

/* The whole text is NFC, whatever composes: conjoining Hangul jamo compose
 * to a syllable although each jamo is a starter (combining class 0). */
static void test_nfc_whole_text(void **state)
{
	(void)state;
	const char *in = "Seoul: \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB (Han) and so\xCC\x88ndag.\n";
	utf8proc_uint8_t *want = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)strlen(in), &want,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(k > 0);
	wc_doc doc;
	init_str(&doc, in);
	assert_int_equal(doc.len, (size_t)k);
	assert_string_equal(doc.text, (const char *)want);
	free(want);
	wc_doc_fini(&doc);
}

static void test_empty_text(void **state)
{
	(void)state;
	wc_doc doc;
	init_ok(&doc, "", 0);
	assert_int_equal(doc.npara, 0);
	assert_int_equal(doc.len, 0);
	wc_doc_fini(&doc);
	init_str(&doc, "\n\n  \r\n\t\n");
	assert_int_equal(doc.npara, 0);
	wc_doc_fini(&doc);
	init_str(&doc, "\xEF\xBB\xBF");
	assert_int_equal(doc.npara, 0);
	wc_doc_fini(&doc);
	/* facts of an empty doc: none, and no crash */
	wc_diags *d = wc_diags_new();
	wc_facts *f = wc_extract(unit_rules, "en", "empty.txt", "", 0, d);
	assert_non_null(f);
	assert_int_equal(wc_facts_count(f), 0);
	wc_facts_free(f);
	wc_diags_free(d);
}

/* The text need not be NUL-terminated: only len bytes are read. */
static void test_length_honoured(void **state)
{
	(void)state;
	const char buf[] = "Alpha.\nBeta.\nGamma.";
	wc_doc doc;
	init_ok(&doc, buf, 12); /* "Alpha.\nBeta." */
	assert_int_equal(doc.npara, 2);
	expect_para(&doc, 1, "Beta.", 2);
	wc_doc_fini(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_para_per_line),
		cmocka_unit_test(test_blank_separated_single_lines),
		cmocka_unit_test(test_other_agency_fixture),
		cmocka_unit_test(test_wrapped_blocks),
		cmocka_unit_test(test_crlf_and_cr),
		cmocka_unit_test(test_bom_skipped),
		cmocka_unit_test(test_bom_column),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_nfd_normalized),
		cmocka_unit_test(test_nfc_whole_text),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_length_honoured),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
