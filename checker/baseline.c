/*
 * baseline.c — findings a desk has reviewed and accepted: a fingerprint per
 * finding that survives moved lines and edits elsewhere (the check, the
 * file's name, the text around the finding and around its source
 * counterpart, white space collapsed), written as a JSON baseline file, read
 * back, and matched against a later report, whose matching findings become
 * suppressed: out of the gate and the counts, still in the report.
 */
#include "project.h"
#include "json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of text on each side of a finding that its fingerprint covers. */
#define CONTEXT_REACH 40

typedef struct {
	uint64_t fp;
	size_t count;           /* findings written with this fingerprint */
} entry;

struct wc_baseline {
	entry *v;
	size_t n, cap;
};

/* ---- fingerprints ----------------------------------------------------------------------- */

/* Hashes s[0..n) with each run of white space as one space, and none at
 * either end: re-wrapped or re-indented text is the same text. */
static uint64_t fnv_collapsed(uint64_t h, const char *s, size_t n)
{
	bool space = false, any = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = any;
			continue;
		}
		if (space)
			h = wc_hash_more(h, " ", 1);
		h = wc_hash_more(h, &c, 1);
		space = false;
		any = true;
	}
	return wc_hash_more(h, "", 1); /* a separator, so that fields cannot run together */
}

static bool is_break(char c)
{
	return c == '\n' || c == '\r';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The finding's bytes and up to CONTEXT_REACH on each side, within its line
 * and never cutting a character.  A run of blanks counts as one byte, as it
 * is hashed: white space added next to a finding must not move the window. */
static void context_of(const char *text, size_t len, size_t start, size_t end, size_t *from,
                       size_t *to)
{
	if (start > len)
		start = len;
	if (end < start || end > len)
		end = start;
	size_t a = start, b = end, used = 0;
	while (a > 0 && used < CONTEXT_REACH && !is_break(text[a - 1])) {
		a--;
		used += !(is_blank(text[a]) && a + 1 < len && is_blank(text[a + 1]));
	}
	while (a < start && ((unsigned char)text[a] & 0xC0) == 0x80)
		a++;
	for (used = 0; b < len && used < CONTEXT_REACH && !is_break(text[b]); b++)
		used += !(is_blank(text[b]) && b > 0 && is_blank(text[b - 1]));
	while (b > end && b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
		b--;
	*from = a;
	*to = b;
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path ? path : "";
}

static uint64_t fingerprint(const wc_report *r, const wc_finding *f)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = wc_hash_more(h, f->check, strlen(f->check) + 1);
	const char *name = base_name(f->path);
	h = wc_hash_more(h, name, strlen(name) + 1);
	size_t len = 0, from, to;
	const char *text = wc_report_version_text(r, f->version, &len);
	context_of(text ? text : "", text ? len : 0, f->start, f->end, &from, &to);
	h = fnv_collapsed(h, text ? text + from : "", to - from);
	if (f->source_snippet)
		h = fnv_collapsed(h, f->source_snippet, strlen(f->source_snippet));
	return h;
}

void wc_report_fingerprint(const wc_report *r, size_t i, char out[17])
{
	out[0] = '\0';
	if (r && i < r->nfindings)
		snprintf(out, 17, "%016llx", (unsigned long long)fingerprint(r, &r->findings[i]));
}

/* ---- writing ---------------------------------------------------------------------------- */

typedef struct {
	const wc_finding *f;
	const char *file;
	char fp[17];
} row;

static int by_file_line(const void *a, const void *b)
{
	const row *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->f->line != y->f->line)
		return x->f->line < y->f->line ? -1 : 1;
	if ((c = strcmp(x->f->check, y->f->check)))
		return c;
	return strcmp(x->fp, y->fp);
}

/* One finding a line, sorted by file and line, so that a reviewed change of
 * the baseline reads as a diff; only "fingerprint" counts when it is read. */
int wc_baseline_write(const wc_report *r, FILE *out)
{
	if (!r || !out)
		return WC_EUSAGE;
	row *rows = wc_xcalloc(r->nfindings ? r->nfindings : 1, sizeof *rows);
	for (size_t i = 0; i < r->nfindings; i++) {
		rows[i].f = &r->findings[i];
		rows[i].file = base_name(r->findings[i].path);
		wc_report_fingerprint(r, i, rows[i].fp);
	}
	qsort(rows, r->nfindings, sizeof *rows, by_file_line);
	fputs("{\"wirecheck-baseline\": 1,\n \"findings\": [", out);
	for (size_t i = 0; i < r->nfindings; i++) {
		fprintf(out, "%s\n  {\"fingerprint\": \"%s\", \"check\": ", i ? "," : "", rows[i].fp);
		wc_json_str(out, rows[i].f->check);
		fputs(", \"file\": ", out);
		wc_json_str(out, rows[i].file);
		fprintf(out, ", \"line\": %zu, \"message\": ", rows[i].f->line);
		wc_json_str(out, rows[i].f->message);
		fputc('}', out);
	}
	fputs(r->nfindings ? "\n ]}\n" : "]}\n", out);
	free(rows);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}

/* ---- reading ---------------------------------------------------------------------------- */

static int by_fp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	return x->fp < y->fp ? -1 : x->fp > y->fp;
}

/* The line and column of a byte offset, for diagnostics. */
static void where(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

static bool parse_fp(const wc_json_node *n, uint64_t *out)
{
	if (!n || n->type != WC_JSON_STRING || n->len != 16)
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < 16; i++) {
		char c = n->s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return true;
}

/* Reads the entries of a parsed baseline; the offset of the first bad node
 * (and why) otherwise. */
static const char *read_entries(wc_baseline *b, const wc_json_doc *doc, size_t *bad_at)
{
	const wc_json_node *top = &doc->v[0];
	*bad_at = top->column - 1;
	if (top->type != WC_JSON_OBJECT)
		return "a baseline is a JSON object";
	const wc_json_node *ver = wc_json_get(doc, top, "wirecheck-baseline");
	if (!ver || ver->type != WC_JSON_NUMBER || ver->len != 1 || ver->s[0] != '1')
		return "not a wirecheck baseline (no \"wirecheck-baseline\": 1)";
	const wc_json_node *list = wc_json_get(doc, top, "findings");
	if (!list || list->type != WC_JSON_ARRAY)
		return "\"findings\" must be an array";
	for (const wc_json_node *e = wc_json_child(doc, list); e; e = wc_json_next(doc, e)) {
		uint64_t fp;
		*bad_at = e->column - 1;
		if (e->type != WC_JSON_OBJECT || !parse_fp(wc_json_get(doc, e, "fingerprint"), &fp))
			return "each finding needs a \"fingerprint\" of 16 hex digits";
		*WC_PUSH(b->v, b->n, b->cap) = (entry){fp, 1};
	}
	return NULL;
}

/* Sorted, and a fingerprint written k times one entry of count k. */
static void merge_entries(wc_baseline *b)
{
	if (!b->n)
		return;  /* qsort of no array at all is undefined */
	qsort(b->v, b->n, sizeof *b->v, by_fp);
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (k && b->v[k - 1].fp == b->v[i].fp)
			b->v[k - 1].count++;
		else
			b->v[k++] = b->v[i];
	}
	b->n = k;
}

wc_baseline *wc_baseline_load(const char *path, wc_diags *diags)
{
	char *text;
	size_t len;
	if (wc_read_file(path, 0, 0, &text, &len, diags) < 0)
		return NULL;
	/* The JSON reader decodes strings in place: keep the text for messages. */
	char *copy = wc_xstrndup(text, len);
	wc_json_doc doc = {0};
	wc_baseline *b = wc_xcalloc(1, sizeof *b);
	const char *why = NULL;
	size_t bad_at = 0;
	if (wc_json_parse(&doc, copy, len) < 0) {
		why = doc.error;
		bad_at = doc.error_column ? doc.error_column - 1 : 0;
	} else {
		why = read_entries(b, &doc, &bad_at);
	}
	if (why) {
		int line, col;
		where(text, bad_at < len ? bad_at : len, &line, &col);
		wc_diags_add(diags, path, line, col, NULL, "%s", why);
		wc_baseline_free(b);
		b = NULL;
	} else {
		merge_entries(b);
	}
	wc_json_free(&doc);
	free(copy);
	free(text);
	return b;
}

void wc_baseline_free(wc_baseline *b)
{
	if (!b)
		return;
	free(b->v);
	free(b);
}

size_t wc_baseline_count(const wc_baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; b && i < b->n; i++)
		n += b->v[i].count;
	return n;
}

/* ---- applying ----------------------------------------------------------------------------- */

size_t wc_report_apply_baseline(wc_report *r, const wc_baseline *b)
{
	if (!r || !b)
		return 0;
	/* Each entry suppresses as many findings as it was written for: a second
	 * doubled word on the same spot is new. */
	size_t *left = wc_xcalloc(b->n ? b->n : 1, sizeof *left);
	for (size_t i = 0; i < b->n; i++)
		left[i] = b->v[i].count;
	size_t marked = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		entry key = {fingerprint(r, &r->findings[i]), 0};
		const entry *e = b->n ? bsearch(&key, b->v, b->n, sizeof *b->v, by_fp) : NULL;
		if (e && left[e - b->v]) {
			left[e - b->v]--;
			r->findings[i].suppressed = 1;
			marked++;
		}
	}
	free(left);
	r->baselined = 1;
	wc_report_recount(r);
	return marked;
}

int wc_report_has_baseline(const wc_report *r)
{
	return r && r->baselined;
}
