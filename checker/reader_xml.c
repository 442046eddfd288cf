/*
 * reader_xml.c — the readers of news XML: NewsML-G2 (WC_INPUT_NEWSML) and
 * NITF (WC_INPUT_NITF), one version each, parsed by libxml2 (SAX2) with
 * the limits of wc_xml_parse (reader_markup.c).  The text is that of a few
 * containers, everything else being metadata:
 *
 *   NewsML-G2   <headline> (of contentMeta) and the <inlineXML> content,
 *               which is XHTML (or NITF) in practice;
 *   NITF        <hedline> (hl1, hl2) and <body.content>.
 *
 * Within a container, block elements (p, h1-h6, li, hl1, block ...) end a
 * paragraph, white space is collapsed as in HTML, script and style are
 * dropped.  The language is the root's xml:lang, else the first xml:lang
 * on or inside a container, else the first anywhere (NITF's <body>), else
 * NewsML's <language tag="..."/>.
 */
#include "reader_markup.h"

#include <libxml/parserInternals.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *what;
	const char *const *containers;
	size_t ncontainers;
} xml_format;

static const char *const newsml_containers[] = {"headline", "inlineXML"};
static const char *const nitf_containers[] = {"hedline", "body.content"};

static const xml_format newsml = {"NewsML-G2", newsml_containers, 2};
static const xml_format nitf = {"NITF", nitf_containers, 2};

typedef struct {
	wc_xml_base base;       /* first: the SAX user data */
	const xml_format *f;
	wc_textsink sink;
	size_t depth;           /* of the element being read */
	size_t inside;          /* open containers */
	size_t hidden;          /* open hidden elements inside them */
	char *root_lang, *text_lang, *any_lang, *meta_lang;
} xml_state;

static bool is_container(const xml_state *x, const char *name)
{
	for (size_t i = 0; i < x->f->ncontainers; i++)
		if (strcmp(name, x->f->containers[i]) == 0)
			return true;
	return false;
}

static void keep_lang(char **slot, const char *tag)
{
	if (*slot || !tag)
		return;
	*slot = wc_markup_lang(tag);
}

static void on_start(void *ctx, const char *name, const xmlChar **atts, int nb_atts)
{
	xml_state *x = ctx;
	char buf[64];
	const char *lang = wc_xml_attr(atts, nb_atts, "lang", WC_XML_NS, buf, sizeof buf);
	if (x->depth++ == 0)
		keep_lang(&x->root_lang, lang);
	keep_lang(&x->any_lang, lang);
	if (strcmp(name, "language") == 0)
		keep_lang(&x->meta_lang, wc_xml_attr(atts, nb_atts, "tag", NULL, buf, sizeof buf));
	bool container = is_container(x, name);
	if (container)
		x->inside++;
	if (!x->inside)
		return;
	keep_lang(&x->text_lang, lang);
	if (x->hidden || wc_markup_is_hidden(name))
		x->hidden++;
	else if (container || wc_markup_is_block(name))
		wc_textsink_break(&x->sink);
}

static void on_end(void *ctx, const char *name)
{
	xml_state *x = ctx;
	x->depth--;
	if (!x->inside)
		return;
	if (x->hidden)
		x->hidden--;
	else if (wc_markup_is_block(name) || is_container(x, name))
		wc_textsink_break(&x->sink);
	if (is_container(x, name))
		x->inside--;
}

static void on_text(void *ctx, const char *s, size_t len)
{
	xml_state *x = ctx;
	if (x->inside && !x->hidden && len)
		wc_textsink_text(&x->sink, s, len, wc_markup_offset(x->base.ctxt));
}

static int read_news_xml(const wc_reader_input *in, const xml_format *f, wc_reader_emit emit,
                         void *ctx)
{
	static const wc_xml_handlers h = {on_start, on_end, on_text};
	xml_state x = {.base = {.in = in, .what = f->what, .h = &h}, .f = f};
	wc_textsink_init(&x.sink, in, true);
	int rc = wc_xml_parse(&x.base);
	if (rc >= 0) {
		wc_textsink_seal(&x.sink);
		const char *lang = x.root_lang  ? x.root_lang
		                   : x.text_lang ? x.text_lang
		                   : x.any_lang  ? x.any_lang
		                                 : x.meta_lang;
		wc_segmap v = {wc_markup_version_lang(in, lang), in->role, x.sink.segs, x.sink.nsegs,
		               WC_PARAS_SEGMENTS, false, NULL, 0};
		rc = emit(ctx, &v);
	}
	wc_textsink_free(&x.sink);
	free(x.root_lang);
	free(x.text_lang);
	free(x.any_lang);
	free(x.meta_lang);
	return rc;
}

int wc_read_newsml(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	return read_news_xml(in, &newsml, emit, ctx);
}

int wc_read_nitf(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	return read_news_xml(in, &nitf, emit, ctx);
}
