/*
 * reader_ninjs.c — the IPTC ninjs reader (WC_INPUT_NINJS): one version from
 * a ninjs 1.x or 2.x JSON document, parsed by wirecheck's own strict JSON
 * reader (json_read.c: RFC 8259, depth 64, the batch reader's; no Debian
 * JSON library keeps the byte offsets of strings, which positions need).
 *
 *   headline    "headline" (1.x) or the first of "headlines" (2.x, the one
 *               with role "main" when there is one): the first paragraph;
 *   body        "body_html" (1.x) or a "bodies" entry of contenttype
 *               text/html (2.x): HTML, read by the HTML reader; else
 *               "body_text" or a text/plain entry: a paragraph a line;
 *   language    "language".
 *
 * Positions: each string is decoded with a map from its bytes to the bytes
 * of the file, escapes (\", \n, \u00e9) included, so that the text of a
 * string, and the text of the HTML inside it, is placed where it stands in
 * the JSON file: a run without escapes as the file's own bytes, an escape
 * as the character it stands for, at the escape.
 */
#include "json.h"
#include "reader_markup.h"

#include <stdlib.h>
#include <string.h>

/* A JSON string's decoded bytes, each with the bytes of the file it comes
 * from: [start[k], end[k]) (an escape: all its bytes share them). */
typedef struct {
	const char *s;
	size_t len;
	size_t *start, *end;
} json_text;

static size_t hex_at(const char *p)
{
	size_t u = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		u = u * 16 + (size_t)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
	}
	return u;
}

/* Bytes of the escape at raw[i] (a backslash) in the file, and of what it
 * decodes to. */
static void escape_size(const char *raw, size_t i, size_t *in, size_t *out)
{
	if (raw[i + 1] != 'u') {
		*in = 2;
		*out = 1;
		return;
	}
	size_t u = hex_at(raw + i + 2);
	if (u >= 0xD800 && u <= 0xDBFF) {
		*in = 12;
		*out = 4;
	} else {
		*in = 6;
		*out = u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
	}
}

/* The map of a string node: the file's bytes from just after its quote.
 * json_read.c validated the escapes. */
static void map_string(json_text *t, const wc_json_node *n, const char *raw)
{
	t->s = n->s;
	t->len = n->len;
	t->start = wc_xmalloc((n->len + 1) * sizeof *t->start);
	t->end = wc_xmalloc((n->len + 1) * sizeof *t->end);
	size_t i = n->column, k = 0; /* column - 1 is the quote */
	while (k < n->len) {
		size_t in = 1, out = 1;
		if (raw[i] == '\\')
			escape_size(raw, i, &in, &out);
		/* A plain byte is its own (a multi-byte character too, byte by
		 * byte); the bytes an escape decodes to share the escape. */
		for (size_t j = 0; j < out && k < n->len; j++, k++) {
			t->start[k] = i;
			t->end[k] = i + in;
		}
		i += in;
	}
	t->start[n->len] = t->end[n->len] = i;
}

static void json_text_free(json_text *t)
{
	free(t->start);
	free(t->end);
}

static bool plain(const json_text *t, size_t k)
{
	return t->end[k] - t->start[k] == 1;
}

/* The decoded bytes [a, b) of t, as segments of the file into out. */
static void put_bytes(wc_textsink *out, const json_text *t, size_t a, size_t b)
{
	size_t k = a;
	while (k < b) {
		size_t j = k + 1;
		if (plain(t, k)) {
			while (j < b && plain(t, j) && t->start[j] == t->start[j - 1] + 1)
				j++;
			wc_textsink_add(out, t->start[k], t->start[j - 1] + 1, NULL, 0);
		} else {
			while (j < b && t->start[j] == t->start[k])
				j++;
			wc_textsink_add(out, t->start[k], t->end[k], t->s + k, j - k);
		}
		k = j;
	}
}

/* The segments of tmp, made of t's decoded bytes, into out. */
static void transfer(wc_textsink *out, const json_text *t, const wc_textsink *tmp)
{
	for (size_t i = 0; i < tmp->nsegs; i++) {
		const wc_segment *g = &tmp->segs[i];
		if (g->flags & WC_SEG_PARA)
			wc_textsink_break(out);
		if (!g->text) {
			put_bytes(out, t, g->start, g->end);
			continue;
		}
		size_t a = t->start[g->start];
		size_t b = g->end > g->start ? t->end[g->end - 1] : a;
		wc_textsink_add(out, a, b, g->text, g->len);
	}
}

/* A string read as plain text: a paragraph a line. */
static void add_text(wc_textsink *out, const json_text *t)
{
	size_t k = 0;
	while (k < t->len) {
		size_t e = k;
		while (e < t->len && t->s[e] != '\n')
			e++;
		wc_textsink_break(out);
		put_bytes(out, t, k, e);
		k = e + 1;
	}
	wc_textsink_break(out);
}

/* A string read as HTML, through the HTML reader on its decoded bytes. */
static int add_html(wc_textsink *out, const json_text *t, const wc_reader_input *in, char **lang)
{
	wc_reader_input sub = *in;
	sub.bytes = t->s;
	sub.len = t->len;
	wc_textsink tmp;
	wc_textsink_init(&tmp, &sub, true);
	char *l = NULL;
	int rc = wc_html_read_into(&sub, &tmp, &l);
	if (rc >= 0) {
		wc_textsink_seal(&tmp);
		wc_textsink_break(out);
		transfer(out, t, &tmp);
		wc_textsink_break(out);
	}
	if (l && !*lang)
		*lang = l;
	else
		free(l);
	wc_textsink_free(&tmp);
	return rc;
}

typedef struct {
	const wc_json_node *headline, *html, *text, *language;
} ninjs_parts;

static const wc_json_node *string_member(const wc_json_doc *d, const wc_json_node *obj, const char *key)
{
	const wc_json_node *v = wc_json_get(d, obj, key);
	return v && v->type == WC_JSON_STRING ? v : NULL;
}

/* ninjs 2.x: "headlines" and "bodies", arrays of {"role", "value", ...}. */
static void parts_2x(const wc_json_doc *d, const wc_json_node *top, ninjs_parts *p)
{
	const wc_json_node *hs = wc_json_get(d, top, "headlines");
	for (const wc_json_node *h = hs && hs->type == WC_JSON_ARRAY ? wc_json_child(d, hs) : NULL; h;
	     h = wc_json_next(d, h)) {
		const wc_json_node *v = h->type == WC_JSON_OBJECT ? string_member(d, h, "value") : NULL;
		const wc_json_node *role = h->type == WC_JSON_OBJECT ? string_member(d, h, "role") : NULL;
		if (v && (!p->headline || (role && strcmp(role->s, "main") == 0)))
			p->headline = v;
	}
	const wc_json_node *bs = wc_json_get(d, top, "bodies");
	for (const wc_json_node *b = bs && bs->type == WC_JSON_ARRAY ? wc_json_child(d, bs) : NULL; b;
	     b = wc_json_next(d, b)) {
		const wc_json_node *v = b->type == WC_JSON_OBJECT ? string_member(d, b, "value") : NULL;
		const wc_json_node *ct = b->type == WC_JSON_OBJECT ? string_member(d, b, "contenttype") : NULL;
		if (!v)
			continue;
		if (ct && strstr(ct->s, "html")) {
			if (!p->html)
				p->html = v;
		} else if (!p->text) {
			p->text = v;
		}
	}
}

static int read_parts(const wc_reader_input *in, const wc_json_doc *d, wc_textsink *out, char **lang)
{
	const wc_json_node *top = &d->v[0];
	if (top->type != WC_JSON_OBJECT) {
		wc_reader_diag(in, top->column - 1, "not ninjs: the document is %s, not an object",
		               wc_json_type_name(top->type));
		return WC_EINPUT;
	}
	ninjs_parts p = {string_member(d, top, "headline"), string_member(d, top, "body_html"),
	                 string_member(d, top, "body_text"), string_member(d, top, "language")};
	parts_2x(d, top, &p);
	const wc_json_node *parts[] = {p.headline, p.html ? p.html : p.text};
	for (size_t i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		if (memchr(parts[i]->s, '\0', parts[i]->len)) {
			wc_reader_diag(in, parts[i]->column - 1, "a \\u0000 in a ninjs string: not text");
			return WC_EINPUT;
		}
		json_text t;
		map_string(&t, parts[i], in->bytes);
		int rc = WC_OK;
		if (parts[i] == p.html)
			rc = add_html(out, &t, in, lang);
		else
			add_text(out, &t);
		json_text_free(&t);
		if (rc < 0)
			return rc;
	}
	if (p.language) {
		free(*lang);
		*lang = wc_markup_lang(p.language->s);
	}
	return WC_OK;
}

int wc_read_ninjs(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	int rc = wc_markup_validate(in, "ninjs");
	if (rc < 0)
		return rc;
	char *buf = wc_xmalloc(in->len + 1);
	memcpy(buf, in->bytes, in->len);
	buf[in->len] = '\0';
	wc_json_doc d = {0};
	if (wc_json_parse(&d, buf, in->len) < 0) {
		wc_reader_diag(in, d.error_column ? d.error_column - 1 : SIZE_MAX, "malformed ninjs (JSON): %s",
		               d.error);
		wc_json_free(&d);
		free(buf);
		return WC_EINPUT;
	}
	wc_textsink out;
	wc_textsink_init(&out, in, true);
	char *lang = NULL;
	rc = read_parts(in, &d, &out, &lang);
	if (rc >= 0) {
		wc_textsink_seal(&out);
		wc_segmap v = {wc_markup_version_lang(in, lang), in->role, out.segs, out.nsegs,
		               WC_PARAS_SEGMENTS, false, NULL, 0};
		rc = emit(ctx, &v);
	}
	wc_textsink_free(&out);
	free(lang);
	wc_json_free(&d);
	free(buf);
	return rc;
}
