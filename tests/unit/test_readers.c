/* test_readers.c — unit tests of the markup readers (reader_html.c,
 * reader_xml.c, reader_xliff.c, reader_ninjs.c, reader_markup.c): how a
 * format is told, and, case by case, the paragraphs a reader makes of a
 * small document and where their text stands in it. */
#include "unit.h"

/* ---- telling the format -------------------------------------------------------------------- */

static void test_detect(void **state)
{
	(void)state;
	static const struct {
		const char *path, *bytes;
		wc_input_format want;
	} cases[] = {
		{"a.txt", "<p>a tag in a story</p>", WC_INPUT_TEXT},
		{"a.da", "ZTE sagde det.", WC_INPUT_TEXT},
		{"a.da", "<p>ZTE sagde det.</p>", WC_INPUT_HTML},
		{"a", "\xEF\xBB\xBF  <!DOCTYPE html><html lang=da>", WC_INPUT_HTML},
		{"a", "<!-- CMS --><article><p>x</p>", WC_INPUT_HTML},
		{"a.html", "ZTE, plain", WC_INPUT_HTML},
		{"a.xml", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">", WC_INPUT_XLIFF},
		{"a", "<?xml version=\"1.0\"?><!-- x --><newsItem xmlns=\"x\">", WC_INPUT_NEWSML},
		{"a", "<nitf:nitf xmlns:nitf=\"x\">", WC_INPUT_NITF},
		{"a.xlf", "<x>unknown root</x>", WC_INPUT_XLIFF},
		{"a.sdlxliff", "", WC_INPUT_XLIFF},
		{"a.json", "{\"uri\": \"u\", \"body_html\": \"<p>x</p>\"}", WC_INPUT_NINJS},
		{"a.json", "{\"id\": 1}", WC_INPUT_TEXT},
		{"a.ninjs", "", WC_INPUT_NINJS},
		{NULL, "{ \"headlines\": []}", WC_INPUT_NINJS},
		{NULL, "<x>", WC_INPUT_TEXT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_input_format got = wc_input_format_detect(cases[i].path, cases[i].bytes, strlen(cases[i].bytes));
		if (got != cases[i].want)
			fail_msg("%s %s: %s, want %s", cases[i].path ? cases[i].path : "(no name)", cases[i].bytes,
			         wc_input_format_name(got), wc_input_format_name(cases[i].want));
	}
	for (int f = WC_INPUT_TEXT; f <= WC_INPUT_XLIFF; f++)
		assert_int_equal(wc_input_format_parse(wc_input_format_name((wc_input_format)f)), f);
}

/* ---- paragraphs and positions -------------------------------------------------------------- */

/* What a reader made of one input: each version's paragraphs, "|" between
 * them, and where (line:column in the input) each paragraph starts. */
typedef struct {
	const wc_reader_input *in;
	wc_buf text, where, langs;
} outcome;

static int collect(void *ctx, const wc_segmap *v)
{
	outcome *o = ctx;
	wc_doc d;
	int rc = wc_doc_init_segmap(&d, o->in, v, NULL);
	if (o->langs.len)
		wc_buf_puts(&o->langs, " ");
	wc_buf_puts(&o->langs, v->lang ? v->lang : "-");
	if (o->text.len) {
		wc_buf_puts(&o->text, " || ");
		wc_buf_puts(&o->where, " || ");
	}
	for (size_t p = 0; rc >= 0 && p < d.npara; p++) {
		size_t line, col;
		wc_doc_position(&d, d.paras[p].start, &line, &col);
		wc_buf_printf(&o->text, "%s%.*s", p ? "|" : "", (int)(d.paras[p].end - d.paras[p].start),
		              d.text + d.paras[p].start);
		wc_buf_printf(&o->where, "%s%zu:%zu", p ? " " : "", line, col);
	}
	wc_doc_fini(&d);
	return rc;
}

static void test_paragraphs(void **state)
{
	(void)state;
	static const struct {
		wc_input_format f;
		const char *bytes, *text, *where, *langs;
	} cases[] = {
		/* HTML: blocks, dropped elements, entities, white space, <br> */
		{WC_INPUT_HTML,
		 "<html lang=\"da-DK\"><head><title>T</title><script>var x = \"<p>\";</script></head>\n"
		 "<body><h1>Rubrik</h1><p>A &amp; B,\n   &ldquo;C&rdquo;</p><!-- c --><p>D<br>E</p></body></html>",
		 "Rubrik|A & B, “C”|D|E", "2:11 2:25 3:36 3:41", "da"},
		{WC_INPUT_HTML, "<p>ZTE employs <b>80,000 people.<p>It said</i> so.</div>",
		 "ZTE employs 80,000 people.|It said so.", "1:4 1:36", "-"},
		{WC_INPUT_HTML, "<ul><li>one</li><li>two<template><p>no</p></template></li></ul><td>three",
		 "one|two|three", "1:9 1:21 1:68", "-"},
		{WC_INPUT_HTML, "", "", "", "-"},
		/* NewsML-G2 and NITF: the text containers only */
		{WC_INPUT_NEWSML,
		 "<newsItem xml:lang=\"sv\"><contentMeta><headline>Rubrik</headline><slugline>no</slugline>"
		 "</contentMeta><contentSet><inlineXML><html><body><p>Ett &#8220;två&#8221;</p></body></html>"
		 "</inlineXML></contentSet></newsItem>",
		 "Rubrik|Ett “två”", "1:48 1:140", "sv"},
		{WC_INPUT_NITF,
		 "<nitf><head><title>no</title></head><body xml:lang=\"de\"><body.head><hedline><hl1>Eins</hl1>"
		 "<hl2>Zwei</hl2></hedline><byline>no</byline></body.head><body.content><p><![CDATA[Drei & vier]]></p>"
		 "</body.content></body></nitf>",
		 "Eins|Zwei|Drei & vier", "1:82 1:97 1:174", "de"},
		/* XLIFF: source then target, a unit a paragraph, codes out of the text */
		{WC_INPUT_XLIFF,
		 "<xliff version=\"1.2\"><file source-language=\"en-US\" target-language=\"nb\"><body>\n"
		 "<trans-unit id=\"1\"><source>Say <g id=\"1\">hi</g><ph id=\"2\">&lt;br&gt;</ph></source>\n"
		 "<target>Si <g id=\"1\">hei</g><ph id=\"2\">&lt;br&gt;</ph></target>\n"
		 "<alt-trans><source>Say hi</source><target>Hallo</target></alt-trans></trans-unit>\n"
		 "<trans-unit id=\"2\"><source>Bye</source><target>Ha det</target></trans-unit></body></file></xliff>",
		 "Say hi|Bye || Si hei|Ha det", "2:28 5:28 || 3:9 5:48", "en nb"},
		{WC_INPUT_XLIFF,
		 "<xliff version=\"2.0\" srcLang=\"fr\" trgLang=\"es\"><file id=\"f\"><unit id=\"u\">"
		 "<segment><source>Un.</source><target>Uno.</target></segment><ignorable><source> </source>"
		 "<target> </target></ignorable><segment><source>Deux <pc id=\"1\">x</pc></source>"
		 "<target>Dos <pc id=\"1\">x</pc></target></segment></unit></file></xliff>",
		 "Un. Deux x || Uno. Dos x", "1:91 || 1:111", "fr es"},
		/* ninjs: headline, then the body; escapes positioned where they stand */
		{WC_INPUT_NINJS,
		 "{\"language\": \"fi\", \"headline\": \"Otsikko\",\n"
		 " \"body_html\": \"<p>Yksi \\\"kaksi\\\"</p>\\n<p>Kolme\\u00e4</p>\"}",
		 "Otsikko|Yksi \"kaksi\"|Kolmeä", "1:33 2:19 2:42", "fi"},
		{WC_INPUT_NINJS,
		 "{\"headlines\": [{\"role\": \"sub\", \"value\": \"B\"}, {\"role\": \"main\", \"value\": \"A\"}],"
		 " \"bodies\": [{\"contenttype\": \"text/plain\", \"value\": \"one\\ntwo\"}]}",
		 "A|one|two", "1:74 1:131 1:136", "-"},
	};
	size_t failed = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_diags *d = wc_diags_new();
		wc_reader_input in = {"t", cases[i].bytes, strlen(cases[i].bytes), NULL, WC_ROLE_TRANSLATION, 0, d};
		outcome o = {.in = &in};
		int rc = wc_reader_for(cases[i].f)(&in, collect, &o);
		if (rc < 0 || strcmp(o.text.s ? o.text.s : "", cases[i].text) != 0 ||
		    strcmp(o.where.s ? o.where.s : "", cases[i].where) != 0 ||
		    strcmp(o.langs.s ? o.langs.s : "", cases[i].langs) != 0)
			print_message("case %zu: rc %d, text [%s] at [%s], languages [%s]; want [%s] at [%s], [%s]\n",
			              i, rc, o.text.s, o.where.s, o.langs.s, cases[i].text, cases[i].where,
			              cases[i].langs), failed++;
		wc_buf_free(&o.text);
		wc_buf_free(&o.where);
		wc_buf_free(&o.langs);
		wc_diags_free(d);
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
