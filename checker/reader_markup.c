/*
 * reader_markup.c — what the readers of markup (reader_html.c, reader_xml.c,
 * reader_xliff.c, reader_ninjs.c) share: the text sink that turns the text
 * a parser reports into segments of the input (reader.h), the checks every
 * markup input passes before a parser sees it, and language tags.
 *
 * Positions.  libxml2 keeps no byte offsets in its tree, so the readers
 * parse with SAX and ask the parser, at each text callback, how far into
 * the input it is (xmlByteConsumed).  The text of a callback is then placed
 * in the input: text copied from the input ends there (or one character
 * further, where the parser reports a full buffer before stepping over its
 * last character; or starts there, where XML reports a run of plain
 * characters before stepping over it), and is a segment of the input's own
 * bytes; text that is
 * not in the input as such (an entity or character reference decoded, a
 * line end normalized) is a segment of its own text, positioned at the
 * reference it came from.  What cannot be placed either way is positioned
 * at the end of the text before it.
 */
#include "reader_markup.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A character is at most 4 bytes: how far a callback's text may end past
 * the parser's position. */
#define LAST_CHAR_MAX 4
#define CDATA_END 3

void wc_textsink_init(wc_textsink *t, const wc_reader_input *in, bool collapse)
{
	memset(t, 0, sizeof *t);
	t->in = in;
	t->collapse = collapse;
	t->brk = true;
}

void wc_textsink_free(wc_textsink *t)
{
	free(t->segs);
	free(t->text_at);
	wc_buf_free(&t->texts);
	memset(t, 0, sizeof *t);
}

void wc_textsink_break(wc_textsink *t)
{
	t->brk = true;
}

void wc_textsink_unit(wc_textsink *t, size_t unit)
{
	t->brk = true;
	t->unit = unit;
}

static void push(wc_textsink *t, size_t start, size_t end, const char *text, size_t len)
{
	size_t cap = t->cap;
	wc_segment *g = WC_PUSH(t->segs, t->nsegs, t->cap);
	if (t->cap != cap)
		t->text_at = wc_xrealloc(t->text_at, t->cap * sizeof *t->text_at);
	*g = (wc_segment){.start = start, .end = end, .flags = t->brk ? WC_SEG_PARA : 0,
	                  .unit = t->brk ? t->unit : 0};
	t->brk = false;
	t->text_at[t->nsegs - 1] = SIZE_MAX;
	if (text) {
		t->text_at[t->nsegs - 1] = t->texts.len;
		g->len = len;
		wc_buf_add(&t->texts, text, len);
	}
	if (end > t->cur)
		t->cur = end;
}

void wc_textsink_add(wc_textsink *t, size_t start, size_t end, const char *s, size_t n)
{
	push(t, start, end, s, n);
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Bytes of the input [start, end) as segments; with collapse, a run of
 * white space other than one space becomes one space, as a browser shows it. */
static void push_bytes(wc_textsink *t, size_t start, size_t end)
{
	if (!t->collapse) {
		push(t, start, end, NULL, 0);
		return;
	}
	const char *s = t->in->bytes;
	size_t i = start;
	while (i < end) {
		size_t j = i;
		if (!is_ws(s[i])) {
			while (j < end && !is_ws(s[j]))
				j++;
			push(t, i, j, NULL, 0);
		} else {
			while (j < end && is_ws(s[j]))
				j++;
			if (j - i == 1 && s[i] == ' ')
				push(t, i, j, NULL, 0);
			else
				push(t, i, j, " ", 1);
		}
		i = j;
	}
}

/* Where text s[0..n), reported at input offset now, is the input's own
 * bytes: the offset they start at, or SIZE_MAX. */
static size_t verbatim_at(const wc_textsink *t, const char *s, size_t n, size_t now)
{
	const char *b = t->in->bytes;
	/* XML reports a CDATA section after its "]]>". */
	size_t e = now > CDATA_END ? now - CDATA_END : 0;
	for (; e <= now + LAST_CHAR_MAX && e <= t->in->len; e++)
		if (e >= n && e - n >= t->cur && memcmp(b + e - n, s, n) == 0)
			return e - n;
	/* XML's fast path reports a run of plain characters before it steps
	 * over them. */
	if (now >= t->cur && now + n <= t->in->len && memcmp(b + now, s, n) == 0)
		return now;
	return SIZE_MAX;
}

/* Whether s[0..n) is the input's bytes from *start up to end once its
 * carriage returns are dropped (XML reads a line end as one line feed),
 * matched backwards from end. */
static bool crlf_ends_at(const wc_textsink *t, const char *s, size_t n, size_t end, size_t *start)
{
	const char *b = t->in->bytes;
	size_t i = end, k = n;
	while (k > 0 && i > t->cur) {
		if (b[i - 1] == s[k - 1]) {
			i--, k--;
			continue;
		}
		if (b[i - 1] != '\r')
			return false;
		bool crlf = i < end && b[i] == '\n'; /* its line feed is matched already */
		if (!crlf && s[k - 1] != '\n')
			return false;
		k -= !crlf; /* a CR alone was read as a line feed */
		i--;
	}
	*start = i;
	return k == 0;
}

/* Text read with its line ends normalized: in the input from the end of
 * the text before it up to about now (a CR is white space, which the sink
 * collapses anyway, so the input's bytes can stand for the text). */
static bool place_crlf(wc_textsink *t, const char *s, size_t n, size_t now)
{
	if (!t->collapse || !memchr(s, '\n', n))
		return false;
	size_t from = now > CDATA_END ? now - CDATA_END : 0, start;
	for (size_t e = from; e <= now + LAST_CHAR_MAX && e <= t->in->len; e++)
		if (e >= t->cur && crlf_ends_at(t, s, n, e, &start)) {
			push_bytes(t, start, e);
			return true;
		}
	/* reported before the parser stepped over it: from now on */
	size_t i = now, k = 0;
	const char *b = t->in->bytes;
	while (k < n && i < t->in->len && now >= t->cur) {
		if (b[i] == s[k]) {
			i++, k++;
			continue;
		}
		if (b[i] != '\r')
			return false;
		bool crlf = i + 1 < t->in->len && b[i + 1] == '\n';
		if (!crlf && s[k] != '\n')
			return false;
		k += !crlf;
		i++;
	}
	if (k < n || now < t->cur)
		return false;
	push_bytes(t, now, i);
	return true;
}

void wc_textsink_text(wc_textsink *t, const char *s, size_t n, size_t now)
{
	if (!n)
		return;
	if (now > t->in->len)
		now = t->in->len;
	size_t at = verbatim_at(t, s, n, now);
	if (at != SIZE_MAX) {
		push_bytes(t, at, at + n);
		return;
	}
	if (place_crlf(t, s, n, now))
		return;
	/* Decoded text: the reference it came from is the last '&' before the
	 * parser's position; otherwise the end of the text before it. */
	size_t from = t->cur < now ? t->cur : now;
	const char *amp = NULL;
	for (size_t i = now; i > from; i--)
		if (t->in->bytes[i - 1] == '&') {
			amp = t->in->bytes + i - 1;
			break;
		}
	size_t start = amp ? (size_t)(amp - t->in->bytes) : from;
	if (t->collapse && n && is_ws(s[0])) {
		size_t k = 0;
		while (k < n && is_ws(s[k]))
			k++;
		if (k == n) {
			push(t, start, now > start ? now : start, " ", 1);
			return;
		}
	}
	push(t, start, now > start ? now : start, s, n);
}

void wc_textsink_seal(wc_textsink *t)
{
	for (size_t i = 0; i < t->nsegs; i++)
		if (t->text_at[i] != SIZE_MAX)
			t->segs[i].text = t->texts.s + t->text_at[i];
}

bool wc_textsink_blank(const wc_textsink *t)
{
	for (size_t i = 0; i < t->nsegs; i++) {
		const wc_segment *g = &t->segs[i];
		const char *s = g->text ? t->texts.s + t->text_at[i] : t->in->bytes + g->start;
		size_t n = g->text ? g->len : g->end - g->start;
		for (size_t k = 0; k < n; k++)
			if (!is_ws(s[k]))
				return false;
	}
	return true;
}

/* ---- elements ---------------------------------------------------------------------- */

/* Elements that end a paragraph: HTML's blocks, NITF's headlines and blocks. */
static const char *const blocks[] = {
	"address", "article", "aside", "block", "blockquote", "body", "br", "caption", "dd",
	"details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
	"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hl1", "hl2", "hr", "html", "li",
	"main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
	"thead", "tr", "ul",
};

/* What a browser does not show as text. */
static const char *const hidden[] = {
	"head", "noscript", "script", "style", "template", "title",
};

static bool listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(name, list[i]) == 0)
			return true;
	return false;
}

bool wc_markup_is_block(const char *name)
{
	return listed(blocks, sizeof blocks / sizeof *blocks, name);
}

bool wc_markup_is_hidden(const char *name)
{
	return listed(hidden, sizeof hidden / sizeof *hidden, name);
}

/* ---- before a parser ---------------------------------------------------------------- */

int wc_markup_validate(const wc_reader_input *in, const char *what)
{
	const char *nul = memchr(in->bytes, '\0', in->len);
	if (nul) {
		wc_reader_diag(in, SIZE_MAX, "NUL byte at byte offset %zu: not %s", (size_t)(nul - in->bytes),
		               what);
		return WC_EINPUT;
	}
	size_t bad = wc_utf8_invalid_at(in->bytes, in->len);
	if (bad != (size_t)-1) {
		/* The parsers would read it as Latin-1 and lose every position. */
		wc_reader_diag(in, bad, "invalid UTF-8 at byte offset %zu (byte 0x%02X): %s is read as UTF-8 only",
		               bad, (unsigned char)in->bytes[bad], what);
		return WC_EINPUT;
	}
	if (in->len > (size_t)INT_MAX) {
		wc_reader_diag(in, SIZE_MAX, "larger than 2 GiB: too big to read as %s", what);
		return WC_EINPUT;
	}
	return WC_OK;
}

/* ---- languages ------------------------------------------------------------------------ */

char *wc_markup_lang(const char *tag)
{
	if (!tag)
		return NULL;
	while (is_ws(*tag))
		tag++;
	size_t n = 0;
	while (n < 8 && ((tag[n] | 32) >= 'a' && (tag[n] | 32) <= 'z'))
		n++;
	if (n < 2 || n > 3 || (tag[n] && tag[n] != '-' && tag[n] != '_' && !is_ws(tag[n])))
		return NULL;
	char *l = wc_xstrndup(tag, n);
	for (size_t i = 0; i < n; i++)
		l[i] = (char)(l[i] | 32);
	return l;
}

const char *wc_markup_version_lang(const wc_reader_input *in, const char *found)
{
	return in->lang ? in->lang : found;
}

/* ---- libxml2 ---------------------------------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

void wc_markup_init(void)
{
	/* Once, before any thread parses: libxml2 is thread-safe after it. */
	pthread_once(&xml_once, xml_init);
}

void wc_markup_force_utf8(xmlParserCtxtPtr c)
{
	xmlCharEncodingHandlerPtr u = xmlFindCharEncodingHandler("UTF-8");
	if (u)
		xmlSwitchToEncoding(c, u);
	if (c->input && !c->input->encoding)
		c->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
}

size_t wc_markup_offset(xmlParserCtxtPtr c)
{
	/* xmlByteConsumed would convert the rest of the input back at every
	 * call; UTF-8 to UTF-8 moves no byte, so the buffer's offset is the
	 * input's. */
	xmlParserInputPtr in = c->input;
	if (!in || !in->cur || !in->base)
		return 0;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* ---- XML ------------------------------------------------------------------------------- */

static void xml_error(void *user, xmlErrorPtr e)
{
	wc_xml_base *x = user;
	if (x->failed || !e || e->level < XML_ERR_FATAL)
		return;
	x->failed = true;
	char msg[256];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	wc_reader_diag(x->in, x->ctxt ? wc_markup_offset(x->ctxt) : SIZE_MAX, "malformed %s: %s", x->what,
	               msg);
}

/* A DTD's entity declarations are refused: no entity is expanded but the
 * five XML predefines and character references, so there is no external
 * entity to fetch (XXE) and no entity to multiply (billion laughs). */
static void xml_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                            const xmlChar *system_id, xmlChar *content)
{
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	wc_xml_base *x = user;
	if (x->failed)
		return;
	x->failed = true;
	wc_reader_diag(x->in, wc_markup_offset(x->ctxt),
	               "the %s document declares the entity '%s': entity declarations are not read",
	               x->what, (const char *)name);
	xmlStopParser(x->ctxt);
}

/* A reference to an entity the document does not declare, which libxml2
 * lets through when there is an external DTD (never read here): refused,
 * rather than its text silently dropped. */
static void xml_reference(void *user, const xmlChar *name)
{
	wc_xml_base *x = user;
	if (x->failed)
		return;
	x->failed = true;
	wc_reader_diag(x->in, wc_markup_offset(x->ctxt),
	               "malformed %s: the entity '&%s;' is not declared (a DTD is never read)", x->what,
	               (const char *)name);
	xmlStopParser(x->ctxt);
}

static void sax_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                      int nb_ns, const xmlChar **ns, int nb_atts, int nb_def, const xmlChar **atts)
{
	(void)prefix;
	(void)uri;
	(void)nb_ns;
	(void)ns;
	(void)nb_def;
	wc_xml_base *x = ctx;
	x->h->start(ctx, (const char *)local, atts, nb_atts);
}

static void sax_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	(void)prefix;
	(void)uri;
	wc_xml_base *x = ctx;
	x->h->end(ctx, (const char *)local);
}

static void sax_text(void *ctx, const xmlChar *s, int len)
{
	wc_xml_base *x = ctx;
	if (len > 0)
		x->h->text(ctx, (const char *)s, (size_t)len);
}

int wc_xml_parse(wc_xml_base *x)
{
	int rc = wc_markup_validate(x->in, x->what);
	if (rc < 0)
		return rc;
	if (!x->in->len) {
		wc_reader_diag(x->in, SIZE_MAX, "malformed %s: the file is empty", x->what);
		return WC_EINPUT;
	}
	wc_markup_init();
	xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(x->in->bytes, (int)x->in->len);
	if (!c) {
		wc_reader_diag(x->in, SIZE_MAX, "the XML parser cannot start");
		return WC_EINPUT;
	}
	/* No network, no DTD loaded, no entity substituted, the default limits
	 * (depth 256, entity amplification) kept: no XML_PARSE_HUGE. */
	xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSAXHandler *sax = c->sax;
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = sax_start;
	sax->endElementNs = sax_end;
	sax->characters = sax_text;
	sax->ignorableWhitespace = sax_text;
	sax->serror = xml_error;
	sax->entityDecl = xml_entity_decl;
	sax->reference = xml_reference;
	c->userData = x;
	x->ctxt = c;
	wc_markup_force_utf8(c);
	xmlParseDocument(c);
	bool bad = x->failed || !c->wellFormed;
	if (bad && !x->failed)
		wc_reader_diag(x->in, wc_markup_offset(c), "malformed %s", x->what);
	if (c->myDoc)
		xmlFreeDoc(c->myDoc);
	c->myDoc = NULL;
	xmlFreeParserCtxt(c);
	x->ctxt = NULL;
	return bad ? WC_EINPUT : WC_OK;
}

const char *wc_xml_attr(const xmlChar **atts, int nb, const char *name, const char *uri, char *buf,
                        size_t size)
{
	/* SAX2 attributes: localname, prefix, URI, value, end; five a row. */
	for (int i = 0; i < nb; i++) {
		const xmlChar **a = atts + 5 * i;
		if (strcmp((const char *)a[0], name) != 0)
			continue;
		if (uri && (!a[2] || strcmp((const char *)a[2], uri) != 0))
			continue;
		if (!uri && a[2])
			continue;
		size_t n = (size_t)(a[4] - a[3]);
		if (n >= size)
			n = size - 1;
		memcpy(buf, a[3], n);
		buf[n] = '\0';
		return buf;
	}
	return NULL;
}
