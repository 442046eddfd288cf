/*
 * reader.c — the reader layer's table: which reader reads which input format
 * (see reader.h), telling the format of an input from its first bytes or
 * its name, and diagnostics located in an input's bytes.
 */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	wc_reader_fn read;
} readers[] = {
	[WC_INPUT_TEXT] = {"text", wc_read_plain_text},
	[WC_INPUT_HTML] = {"html", wc_read_html},
	[WC_INPUT_NEWSML] = {"newsml", wc_read_newsml},
	[WC_INPUT_NITF] = {"nitf", wc_read_nitf},
	[WC_INPUT_NINJS] = {"ninjs", wc_read_ninjs},
	[WC_INPUT_XLIFF] = {"xliff", wc_read_xliff},
};

#define NREADERS (sizeof readers / sizeof *readers)

wc_reader_fn wc_reader_for(wc_input_format format)
{
	return (unsigned)format < NREADERS ? readers[format].read : NULL;
}

int wc_input_format_parse(const char *name)
{
	for (size_t i = 0; name && i < NREADERS; i++)
		if (readers[i].name && strcmp(name, readers[i].name) == 0)
			return (int)i;
	return -1;
}

const char *wc_input_format_name(wc_input_format format)
{
	return (unsigned)format < NREADERS ? readers[format].name : NULL;
}

void wc_input_format_list(wc_buf *b)
{
	for (size_t i = 0; i < NREADERS; i++)
		if (readers[i].name)
			wc_buf_printf(b, "%s%s", i ? ", " : "", readers[i].name);
}

/* ---- telling the format ---------------------------------------------------------------- */

/* How far the sniffer looks: the root element of an XML file comes after its
 * declaration, comments and a doctype, all short in practice. */
#define SNIFF_BYTES 4096

static const struct {
	const char *ext;
	wc_input_format format;
} extensions[] = {
	{"html", WC_INPUT_HTML}, {"htm", WC_INPUT_HTML}, {"xhtml", WC_INPUT_HTML},
	{"xlf", WC_INPUT_XLIFF}, {"xliff", WC_INPUT_XLIFF}, {"sdlxliff", WC_INPUT_XLIFF},
	{"mqxliff", WC_INPUT_XLIFF}, {"nitf", WC_INPUT_NITF}, {"newsml", WC_INPUT_NEWSML},
	{"ninjs", WC_INPUT_NINJS}, {"txt", WC_INPUT_TEXT},
};

/* Root elements of the XML formats (local names, case as written). */
static const struct {
	const char *root;
	wc_input_format format;
} roots[] = {
	{"xliff", WC_INPUT_XLIFF}, {"newsItem", WC_INPUT_NEWSML}, {"newsMessage", WC_INPUT_NEWSML},
	{"nitf", WC_INPUT_NITF}, {"html", WC_INPUT_HTML},
};

/* Tags an HTML fragment starts with. */
static const char *const html_tags[] = {
	"head", "body", "meta", "title", "p", "div", "article", "section", "main", "header", "h1",
	"h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "blockquote", "figure", "span",
	"a", "b", "i", "em", "strong", "br", "link", "script", "style",
};

static size_t skip_space(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* The offset after the first occurrence of what in s[i..n), or n. */
static size_t after(const char *s, size_t i, size_t n, const char *what)
{
	size_t w = strlen(what);
	for (; i + w <= n; i++)
		if (memcmp(s + i, what, w) == 0)
			return i + w;
	return n;
}

/* The name of the first element, past a declaration, comments, processing
 * instructions and a doctype; *html when a doctype says html. */
static size_t first_element(const char *s, size_t n, size_t *name_len, bool *html)
{
	size_t i = skip_space(s, 0, n);
	while (i + 1 < n && s[i] == '<') {
		if (s[i + 1] == '?')
			i = after(s, i, n, "?>");
		else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			i = after(s, i, n, "-->");
		else if (s[i + 1] == '!') {
			if (n - i >= 14 && strncasecmp(s + i, "<!doctype html", 14) == 0)
				*html = true;
			i = after(s, i, n, ">");
		} else {
			size_t k = i + 1;
			while (k < n && s[k] != '>' && s[k] != '/' && s[k] != ' ' && s[k] != '\t' &&
			       s[k] != '\n' && s[k] != '\r')
				k++;
			*name_len = k - i - 1;
			return i + 1;
		}
		i = skip_space(s, i, n);
	}
	*name_len = 0;
	return i;
}

/* A JSON object with a ninjs member near its start. */
static bool looks_ninjs(const char *s, size_t n)
{
	static const char *const members[] = {"\"body_html\"", "\"body_text\"", "\"headline\"",
	                                      "\"headlines\"", "\"uri\"", "\"bodies\""};
	for (size_t m = 0; m < sizeof members / sizeof *members; m++)
		if (after(s, 0, n, members[m]) < n)
			return true;
	return false;
}

static int sniff(const char *bytes, size_t len)
{
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, from = 0;
	if (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		from = 3;
	const char *s = bytes + from;
	n -= from;
	size_t i = skip_space(s, 0, n);
	if (i < n && s[i] == '{')
		return looks_ninjs(s, n) ? (int)WC_INPUT_NINJS : -1;
	if (i >= n || s[i] != '<')
		return -1;
	bool html = false;
	size_t name_len;
	size_t at = first_element(s, n, &name_len, &html);
	const char *name = s + at;
	const char *colon = memchr(name, ':', name_len);
	if (colon) { /* a prefixed root: its local name */
		name_len -= (size_t)(colon + 1 - name);
		name = colon + 1;
	}
	for (size_t r = 0; r < sizeof roots / sizeof *roots; r++)
		if (strlen(roots[r].root) == name_len && strncasecmp(name, roots[r].root, name_len) == 0)
			return (int)roots[r].format;
	/* A fragment of HTML: a doctype that says so, or a tag of HTML. */
	if (html)
		return (int)WC_INPUT_HTML;
	for (size_t t = 0; t < sizeof html_tags / sizeof *html_tags; t++)
		if (strlen(html_tags[t]) == name_len && strncasecmp(name, html_tags[t], name_len) == 0)
			return (int)WC_INPUT_HTML;
	return -1;
}

static int by_extension(const char *path)
{
	const char *base = path ? strrchr(path, '/') : NULL;
	base = base ? base + 1 : path;
	const char *dot = base ? strrchr(base, '.') : NULL;
	if (!dot)
		return -1;
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
		if (strcasecmp(dot + 1, extensions[i].ext) == 0)
			return (int)extensions[i].format;
	if (strcasecmp(dot + 1, "json") == 0 || strcasecmp(dot + 1, "xml") == 0)
		return -2; /* says only that the content tells */
	return -1;
}

wc_input_format wc_input_format_detect(const char *path, const char *bytes, size_t len)
{
	int ext = by_extension(path);
	/* A .txt file is text, whatever it starts with: a story may quote a tag. */
	if (ext == (int)WC_INPUT_TEXT)
		return WC_INPUT_TEXT;
	int f = bytes ? sniff(bytes, len) : -1;
	if (f >= 0 && wc_reader_for((wc_input_format)f))
		return (wc_input_format)f;
	if (ext >= 0 && wc_reader_for((wc_input_format)ext))
		return (wc_input_format)ext;
	return WC_INPUT_TEXT;
}

void wc_reader_diag(const wc_reader_input *in, size_t offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = wc_xvasprintf(fmt, ap);
	va_end(ap);
	size_t line = 0, col = 0;
	if (offset != SIZE_MAX)
		wc_bytes_position(in->bytes, in->len, offset, &line, &col);
	wc_diags_add(in->diags, in->path, (int)line, (int)col, NULL, "%s", msg);
	free(msg);
}
