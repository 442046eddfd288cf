/*
 * json_read.c — the input stage of `wirecheck batch`: a small, strict JSON
 * reader for one JSON Lines record (RFC 8259; no comments, no trailing
 * commas, no bare control characters, escapes checked, surrogates paired,
 * UTF-8 validated).  It parses in place: strings are decoded into the line's
 * own bytes, so a record of any size costs its line plus a node array.
 * batch.c turns the nodes into a bundle.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	wc_json_doc *doc;
	char *s;
	size_t n, i;
	int depth;
} parser;

static int fail(parser *p, size_t at, const char *what)
{
	if (!p->doc->error[0]) {
		p->doc->error_column = at + 1;
		snprintf(p->doc->error, sizeof p->doc->error, "%s", what);
	}
	return -1;
}

static void skip_ws(parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
	                       p->s[p->i] == '\r'))
		p->i++;
}

static size_t add_node(parser *p, wc_json_type t, size_t at)
{
	wc_json_doc *d = p->doc;
	wc_json_node *node = WC_PUSH(d->v, d->n, d->cap);
	memset(node, 0, sizeof *node);
	node->type = t;
	node->column = at + 1;
	return d->n - 1;
}

static int hex4(parser *p, size_t at, unsigned *out)
{
	if (p->n - at < 4)
		return fail(p, at, "a \\u escape needs four hex digits");
	unsigned v = 0;
	for (size_t k = 0; k < 4; k++) {
		char c = p->s[at + k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return fail(p, at + k, "a \\u escape needs four hex digits");
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *w, unsigned c)
{
	if (c < 0x80) {
		w[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		w[0] = (char)(0xC0 | (c >> 6));
		w[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		w[0] = (char)(0xE0 | (c >> 12));
		w[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		w[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	w[0] = (char)(0xF0 | (c >> 18));
	w[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	w[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	w[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Decodes the string that starts at the opening quote p->i into the same
 * bytes (the decoded form is never longer than the written one, and the
 * closing quote leaves room for a NUL), and leaves p->i after the close. */
static int string(parser *p, size_t node)
{
	size_t open = p->i++;
	char *w = p->s + p->i;
	for (;;) {
		if (p->i >= p->n)
			return fail(p, open, "a string is not closed");
		/* Runs of plain bytes are the common case: move them in one go. */
		size_t run = p->i;
		while (run < p->n && p->s[run] != '"' && p->s[run] != '\\' &&
		       (unsigned char)p->s[run] >= 0x20)
			run++;
		if (run > p->i) {
			if (w != p->s + p->i)
				memmove(w, p->s + p->i, run - p->i);
			w += run - p->i;
			p->i = run;
			continue;
		}
		char c = p->s[p->i];
		if (c == '"')
			break;
		if ((unsigned char)c < 0x20)
			return fail(p, p->i, "a control character in a string must be escaped");
		/* a backslash */
		size_t esc = p->i;
		if (++p->i >= p->n)
			return fail(p, esc, "a string is not closed");
		char e = p->s[p->i++];
		switch (e) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '/': *w++ = '/'; break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u': {
			unsigned u;
			if (hex4(p, p->i, &u) < 0)
				return -1;
			p->i += 4;
			if (u >= 0xDC00 && u <= 0xDFFF)
				return fail(p, esc, "a low surrogate escape without a high one before it");
			if (u >= 0xD800 && u <= 0xDBFF) {
				unsigned lo;
				if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					return fail(p, esc, "a high surrogate escape without a low one after it");
				if (hex4(p, p->i + 2, &lo) < 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, esc, "a high surrogate escape without a low one after it");
				p->i += 6;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			w += put_utf8(w, u);
			break;
		}
		default:
			return fail(p, esc, "an unknown escape in a string");
		}
	}
	wc_json_node *nd = &p->doc->v[node];
	nd->s = p->s + open + 1;
	nd->len = (size_t)(w - nd->s);
	p->i++; /* the closing quote */
	*w = '\0';
	return 0;
}

static bool digit(const parser *p, size_t i)
{
	return i < p->n && p->s[i] >= '0' && p->s[i] <= '9';
}

static int number(parser *p, size_t node)
{
	size_t at = p->i;
	if (p->s[p->i] == '-')
		p->i++;
	if (!digit(p, p->i))
		return fail(p, at, "a number needs a digit");
	if (p->s[p->i] == '0') {
		p->i++;
		if (digit(p, p->i))
			return fail(p, at, "a number cannot start with 0");
	} else {
		while (digit(p, p->i))
			p->i++;
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!digit(p, p->i))
			return fail(p, p->i, "a digit must follow the decimal point");
		while (digit(p, p->i))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!digit(p, p->i))
			return fail(p, p->i, "an exponent needs a digit");
		while (digit(p, p->i))
			p->i++;
	}
	p->doc->v[node].s = p->s + at;
	p->doc->v[node].len = p->i - at;
	return 0;
}

static int value(parser *p);

/* Arrays and objects: children follow their parent in the node array;
 * `next` links each child (each key, for objects) to its next sibling. */
static int container(parser *p, size_t node, bool object)
{
	char close = object ? '}' : ']';
	size_t open = p->i++;
	if (++p->depth > WC_JSON_MAX_DEPTH)
		return fail(p, open, "nested too deeply");
	size_t prev = 0, count = 0;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return 0;
	}
	for (;;) {
		skip_ws(p);
		size_t child = p->doc->n;
		if (object) {
			if (p->i >= p->n || p->s[p->i] != '"')
				return fail(p, p->i, count ? "expected a key in quotes after ','"
				                           : "expected a key in quotes or '}'");
			size_t k = add_node(p, WC_JSON_STRING, p->i);
			if (string(p, k) < 0)
				return -1;
			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return fail(p, p->i, "expected ':' after an object key");
			p->i++;
			skip_ws(p);
		}
		if (value(p) < 0)
			return -1;
		if (count)
			p->doc->v[prev].next = child;
		prev = child;
		count++;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			skip_ws(p);
			if (p->i < p->n && p->s[p->i] == close)
				return fail(p, p->i, "a trailing comma");
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			break;
		}
		if (p->i >= p->n)
			return fail(p, open, object ? "an object is not closed" : "an array is not closed");
		return fail(p, p->i, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
	p->doc->v[node].n = count;
	p->depth--;
	return 0;
}

static int literal(parser *p, const char *word, wc_json_type t)
{
	size_t k = strlen(word);
	if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
		return fail(p, p->i, "expected a value");
	add_node(p, t, p->i);
	p->i += k;
	return 0;
}

static int value(parser *p)
{
	if (p->i >= p->n)
		return fail(p, p->i, "expected a value");
	char c = p->s[p->i];
	switch (c) {
	case '{':
		return container(p, add_node(p, WC_JSON_OBJECT, p->i), true);
	case '[':
		return container(p, add_node(p, WC_JSON_ARRAY, p->i), false);
	case '"':
		return string(p, add_node(p, WC_JSON_STRING, p->i));
	case 't':
		return literal(p, "true", WC_JSON_TRUE);
	case 'f':
		return literal(p, "false", WC_JSON_FALSE);
	case 'n':
		return literal(p, "null", WC_JSON_NULL);
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return number(p, add_node(p, WC_JSON_NUMBER, p->i));
		return fail(p, p->i, "expected a value");
	}
}

int wc_json_parse(wc_json_doc *doc, char *buf, size_t len)
{
	doc->n = 0;
	doc->error[0] = '\0';
	doc->error_column = 0;
	size_t bad = wc_utf8_invalid_at(buf, len);
	parser p = {doc, buf, len, 0, 0};
	if (bad != (size_t)-1)
		return fail(&p, bad, "invalid UTF-8");
	skip_ws(&p);
	if (value(&p) < 0)
		return -1;
	skip_ws(&p);
	if (p.i < p.n)
		return fail(&p, p.i, "more text after the JSON value");
	return 0;
}

void wc_json_free(wc_json_doc *doc)
{
	free(doc->v);
	doc->v = NULL;
	doc->n = doc->cap = 0;
}

const wc_json_node *wc_json_child(const wc_json_doc *doc, const wc_json_node *n)
{
	(void)doc;
	if (!n || (n->type != WC_JSON_ARRAY && n->type != WC_JSON_OBJECT) || !n->n)
		return NULL;
	return n + 1; /* children follow their parent */
}

const wc_json_node *wc_json_next(const wc_json_doc *doc, const wc_json_node *n)
{
	return n && n->next ? &doc->v[n->next] : NULL;
}

const wc_json_node *wc_json_get(const wc_json_doc *doc, const wc_json_node *obj, const char *key)
{
	if (!obj || obj->type != WC_JSON_OBJECT)
		return NULL;
	size_t k = strlen(key);
	for (const wc_json_node *m = wc_json_child(doc, obj); m; m = wc_json_next(doc, m))
		if (m->len == k && memcmp(m->s, key, k) == 0)
			return m + 1;
	return NULL;
}

const char *wc_json_type_name(wc_json_type t)
{
	static const char *const names[] = {"null", "false", "true", "a number", "a string",
	                                    "an array", "an object"};
	return (unsigned)t <= WC_JSON_OBJECT ? names[t] : "?";
}
