/*
 * reader_html.c — the HTML reader (WC_INPUT_HTML): one version, read with
 * libxml2's HTML parser, which takes any HTML as browsers do (an unclosed
 * <b>, a stray </p>, a missing <body> are repaired, never refused).  The
 * parser's SAX events drive it: block elements (p, h1-h6, li, blockquote,
 * td, figcaption, div ...) and <br> end a paragraph; what a reader does not
 * see (head, script, style, template, noscript, comments) is dropped;
 * entities come decoded; white space is collapsed as a browser shows it.
 * The lang (or xml:lang) of <html>, or of <body> when it has one, is the
 * version's language when it was added without one.  Each text is placed in
 * the input by the text sink (reader_markup.c), so that positions are
 * line:column of the HTML file.
 */
#include "reader_markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>


typedef struct {
	htmlParserCtxtPtr ctxt;
	wc_textsink *sink;
	size_t hidden;          /* depth inside hidden elements */
	char *lang;             /* from <html> or <body> */
} html_state;

static size_t now(const html_state *h)
{
	return wc_markup_offset(h->ctxt);
}

static void take_lang(html_state *h, const xmlChar **atts)
{
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *a = (const char *)atts[i];
		if (strcasecmp(a, "lang") != 0 && strcasecmp(a, "xml:lang") != 0)
			continue;
		char *l = wc_markup_lang((const char *)atts[i + 1]);
		if (l) {
			free(h->lang);
			h->lang = l;
			return;
		}
	}
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	html_state *h = ctx;
	if (wc_markup_is_hidden((const char *)name)) {
		h->hidden++;
		return;
	}
	if (!xmlStrcasecmp(name, (const xmlChar *)"html") || !xmlStrcasecmp(name, (const xmlChar *)"body"))
		take_lang(h, atts);
	if (wc_markup_is_block((const char *)name))
		wc_textsink_break(h->sink);
}

static void on_end(void *ctx, const xmlChar *name)
{
	html_state *h = ctx;
	if (wc_markup_is_hidden((const char *)name)) {
		if (h->hidden)
			h->hidden--;
		return;
	}
	if (wc_markup_is_block((const char *)name))
		wc_textsink_break(h->sink);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
	html_state *h = ctx;
	if (!h->hidden && len > 0)
		wc_textsink_text(h->sink, (const char *)s, (size_t)len, now(h));
}

/* Script and style bodies, which the parser hands on as CDATA. */
static void on_cdata(void *ctx, const xmlChar *s, int len)
{
	(void)ctx;
	(void)s;
	(void)len;
}

static void sax_setup(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof *sax);
	sax->startElement = on_start;
	sax->endElement = on_end;
	sax->characters = on_text;
	sax->ignorableWhitespace = on_text;
	sax->cdataBlock = on_cdata;
}

int wc_html_read_into(const wc_reader_input *in, wc_textsink *sink, char **lang)
{
	*lang = NULL;
	if (!in->len)
		return WC_OK;
	wc_markup_init();
	htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(in->bytes, (int)in->len);
	if (!c) {
		wc_reader_diag(in, SIZE_MAX, "the HTML parser cannot start");
		return WC_EINPUT;
	}
	html_state h = {.ctxt = c, .sink = sink};
	sax_setup((xmlSAXHandler *)c->sax);
	c->userData = &h;
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                      HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | HTML_PARSE_NOIMPLIED);
	/* UTF-8, whatever a <meta charset> says: the bytes were checked, and a
	 * converter would move every offset. */
	wc_markup_force_utf8(c);
	htmlParseDocument(c);
	if (c->myDoc)
		xmlFreeDoc(c->myDoc);
	c->myDoc = NULL;
	htmlFreeParserCtxt(c);
	*lang = h.lang;
	return WC_OK;
}

int wc_read_html(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	int rc = wc_markup_validate(in, "HTML");
	if (rc < 0)
		return rc;
	wc_textsink sink;
	wc_textsink_init(&sink, in, true);
	char *lang;
	rc = wc_html_read_into(in, &sink, &lang);
	if (rc >= 0) {
		wc_textsink_seal(&sink);
		wc_segmap v = {wc_markup_version_lang(in, lang), in->role, sink.segs, sink.nsegs,
		               WC_PARAS_SEGMENTS, false, NULL, 0};
		rc = emit(ctx, &v);
	}
	wc_textsink_free(&sink);
	free(lang);
	return rc;
}
