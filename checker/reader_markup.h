/*
 * reader_markup.h — the shared part of the markup readers
 * (reader_markup.c): a text sink that turns the text a parser reports into
 * segments of the input, validation, language tags.
 */
#ifndef WC_READER_MARKUP_H
#define WC_READER_MARKUP_H

#include "reader.h"

#include <libxml/parser.h>
#include <limits.h>

typedef struct {
	const wc_reader_input *in;
	wc_segment *segs;
	size_t nsegs, cap;
	size_t *text_at;        /* per segment: its text's offset in texts, SIZE_MAX = bytes */
	wc_buf texts;           /* decoded texts, pointed to by wc_textsink_seal */
	size_t cur;             /* the end of the text placed last */
	bool brk;               /* the next text starts a paragraph */
	bool collapse;          /* white space as HTML shows it */
	size_t unit;            /* given to the next paragraph (wc_segment.unit) */
} wc_textsink;

void wc_textsink_init(wc_textsink *t, const wc_reader_input *in, bool collapse);
void wc_textsink_free(wc_textsink *t);
/* The next text starts a paragraph. */
void wc_textsink_break(wc_textsink *t);
/* The next text starts a paragraph, of unit (1-based) of a bilingual file. */
void wc_textsink_unit(wc_textsink *t, size_t unit);
/* Text s[0..n) a parser reported with its position at input offset now. */
void wc_textsink_text(wc_textsink *t, const char *s, size_t n, size_t now);
/* A segment of the input [start, end), its own bytes (text NULL) or text
 * s[0..n) positioned there. */
void wc_textsink_add(wc_textsink *t, size_t start, size_t end, const char *s, size_t n);
/* Points the segments at their texts: call once, after the last text. */
void wc_textsink_seal(wc_textsink *t);
/* Whether all the text is white space (or there is none). */
bool wc_textsink_blank(const wc_textsink *t);

/* Elements that end a paragraph (p, h1, li, td, hl1 ...), and elements
 * whose text no reader sees (head, script, style, template ...); names
 * compared without case. */
bool wc_markup_is_block(const char *name);
bool wc_markup_is_hidden(const char *name);

/* No NUL byte, valid UTF-8 (what names the format in the message: "HTML"). */
int wc_markup_validate(const wc_reader_input *in, const char *what);

/* The language code of a tag ("en-GB" -> "en"), newly allocated; NULL
 * for no tag or one that is no language code. */
char *wc_markup_lang(const char *tag);
/* The language of a version: the one it was added with, else found. */
const char *wc_markup_version_lang(const wc_reader_input *in, const char *found);

/* libxml2 set up, once per process (any thread may call it). */
void wc_markup_init(void);
/* The parser reads its input as UTF-8, whatever the input declares. */
void wc_markup_force_utf8(xmlParserCtxtPtr c);
/* How far into the input the parser is, in bytes. */
size_t wc_markup_offset(xmlParserCtxtPtr c);

/* reader_html.c: the text of the HTML in->bytes (valid UTF-8, checked)
 * into sink; *lang gets the language of <html>/<body> (caller frees) or
 * NULL. */
int wc_html_read_into(const wc_reader_input *in, wc_textsink *sink, char **lang);

/* ---- XML: what every XML reader shares ---- */

#define WC_XML_NS "http://www.w3.org/XML/1998/namespace"

/* What an XML reader does with the parser's events; ctx is its state. */
typedef struct {
	void (*start)(void *ctx, const char *name, const xmlChar **atts, int nb_atts);
	void (*end)(void *ctx, const char *name);
	void (*text)(void *ctx, const char *s, size_t n);
} wc_xml_handlers;

/* The first member of an XML reader's state (its SAX user data). */
typedef struct {
	const wc_reader_input *in;
	const char *what;       /* the format in messages: "XLIFF", "NITF" ... */
	const wc_xml_handlers *h;
	xmlParserCtxtPtr ctxt;  /* while parsing */
	bool failed;            /* a diagnostic was given */
} wc_xml_base;

/* Parses x->in, calling x->h for its elements (by local name) and text:
 * validation, no network, no DTD, no entity but the predefined ones,
 * libxml2's depth and size limits.  A malformed document is WC_EINPUT with
 * a diagnostic at its line:column. */
int wc_xml_parse(wc_xml_base *x);
/* The value of a SAX2 attribute (name in namespace uri, NULL = none),
 * copied into buf (cut at size); NULL when it is absent. */
const char *wc_xml_attr(const xmlChar **atts, int nb, const char *name, const char *uri, char *buf,
                        size_t size);

#endif
