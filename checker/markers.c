/* markers.c — suppressions written into the copy itself (issue 16): where
 * the format has comments or notes, an editor marks a finding reviewed at
 * the place it stands, and it is suppressed as a baseline entry is.
 *
 *   HTML, NewsML-G2, NITF:  <!-- wirecheck-disable-next CHECK [CHECK ...] -->
 *       the findings of those checks from the comment to the end of the
 *       next block element (</p>, </li>, </h1> ... </h6>, </blockquote>,
 *       </td>, </th>, </figcaption>, </dd>, </dt>), or of the file;
 *   XLIFF:  <note>wirecheck-disable CHECK [CHECK ...]</note>
 *       the findings of those checks in the note's unit (<unit>, <trans-unit>).
 *
 * Markers are found in the bytes of the file as read, where the findings'
 * start offsets point; a check name that is none matches nothing. */
#include "project.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
	size_t from, to;        /* byte range of the file the marker covers */
	const char *names;      /* its check names, space separated, up to names_end */
	const char *names_end;
} marker;

/* The first case-insensitive occurrence of needle in [from, len) of s, or len. */
static size_t find_ci(const char *s, size_t len, size_t from, const char *needle)
{
	size_t n = strlen(needle);
	/* the first byte with its case bit set, as a cheap test before the
	 * comparison: most texts hold no marker, and are read through */
	unsigned char first = (unsigned char)needle[0] | 0x20;
	for (size_t i = from; i + n <= len; i++)
		if (((unsigned char)s[i] | 0x20) == first && strncasecmp(s + i, needle, n) == 0)
			return i;
	return len;
}

/* The tags that bound what a marker covers, found in one pass over the
 * file (so that a file of many markers costs no more than one of few):
 * the ends of the closing tags of block elements, the starts of XLIFF
 * units and the ends of their closing tags, each in file order. */
typedef struct {
	size_t *v;
	size_t n, cap;
} offsets;

typedef struct {
	offsets block_ends, unit_starts, unit_ends;
} bounds;

static bool tag_at(const char *s, size_t len, size_t i, const char *tag)
{
	size_t n = strlen(tag);
	return i + n <= len && strncasecmp(s + i, tag, n) == 0;
}

static void find_bounds(const char *s, size_t len, bounds *b)
{
	static const char *const closers[] = {"</p>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>",
	                                      "</h6>", "</blockquote>", "</td>", "</th>", "</figcaption>",
	                                      "</dd>", "</dt>"};
	for (const char *p = memchr(s, '<', len); p; p = memchr(p + 1, '<', len - (size_t)(p + 1 - s))) {
		size_t i = (size_t)(p - s);
		for (size_t k = 0; k < sizeof closers / sizeof *closers; k++)
			if (tag_at(s, len, i, closers[k]))
				*WC_PUSH(b->block_ends.v, b->block_ends.n, b->block_ends.cap) = i + strlen(closers[k]);
		if (tag_at(s, len, i, "<unit") || tag_at(s, len, i, "<trans-unit"))
			*WC_PUSH(b->unit_starts.v, b->unit_starts.n, b->unit_starts.cap) = i;
		if (tag_at(s, len, i, "</unit>") || tag_at(s, len, i, "</trans-unit>"))
			*WC_PUSH(b->unit_ends.v, b->unit_ends.n, b->unit_ends.cap) = i;
	}
}

/* How many offsets of o lie before at (o is in file order). */
static size_t count_before(const offsets *o, size_t at)
{
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->v[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first offset of o at or after at, or len. */
static size_t first_from(const offsets *o, size_t at, size_t len)
{
	size_t k = count_before(o, at);
	return k < o->n ? o->v[k] : len;
}

/* The last offset of o before at, or len. */
static size_t last_before(const offsets *o, size_t at, size_t len)
{
	size_t k = count_before(o, at);
	return k ? o->v[k - 1] : len;
}

/* Whether check is one of the names of m. */
static bool names_check(const marker *m, const char *check)
{
	size_t n = strlen(check);
	for (const char *p = m->names; p < m->names_end;) {
		while (p < m->names_end && strchr(" \t\r\n,", *p))
			p++;
		const char *e = p;
		while (e < m->names_end && !strchr(" \t\r\n,", *e))
			e++;
		if ((size_t)(e - p) == n && memcmp(p, check, n) == 0)
			return true;
		p = e;
	}
	return false;
}

static bool skip_blank(const char *s, size_t *i, size_t end)
{
	while (*i < end && strchr(" \t\r\n", s[*i]))
		(*i)++;
	return *i < end;
}

/* The markers of s: comments, then XLIFF notes. */
static marker *markers_of(const char *s, size_t len, const bounds *b, size_t *n)
{
	marker *v = NULL;
	size_t cap = 0;
	*n = 0;
	static const char next[] = "wirecheck-disable-next", note[] = "wirecheck-disable";
	for (size_t i = find_ci(s, len, 0, "<!--"); i < len;) {
		size_t end = find_ci(s, len, i + 4, "-->"), body = i + 4;
		if (end == len)
			break;
		if (skip_blank(s, &body, end) && end - body >= sizeof next - 1 &&
		    strncmp(s + body, next, sizeof next - 1) == 0)
			*WC_PUSH(v, *n, cap) = (marker){end + 3, first_from(&b->block_ends, end + 3, len),
			                                s + body + sizeof next - 1, s + end};
		i = find_ci(s, len, end + 3, "<!--");
	}
	for (size_t i = find_ci(s, len, 0, "<note"); i < len;) {
		size_t close = find_ci(s, len, i, "</note>");
		if (close == len)
			break;
		const char *gt = memchr(s + i, '>', close - i);
		size_t body = gt ? (size_t)(gt - s) + 1 : close;
		if (skip_blank(s, &body, close) && close - body >= sizeof note - 1 &&
		    strncmp(s + body, note, sizeof note - 1) == 0 &&
		    !(close - body >= sizeof next - 1 && strncmp(s + body, next, sizeof next - 1) == 0)) {
			size_t from = last_before(&b->unit_starts, i, len);
			if (from != len)
				*WC_PUSH(v, *n, cap) = (marker){from, first_from(&b->unit_ends, close, len),
				                                s + body + sizeof note - 1, s + close};
		}
		i = find_ci(s, len, close + 7, "<note");
	}
	return v;
}

static size_t apply_to_version(wc_report *r, size_t version)
{
	const wc_report_doc *d = &r->docs[version];
	if (!d->text || find_ci(d->text, d->len, 0, "wirecheck-disable") == d->len)
		return 0;
	bounds b = {0};
	find_bounds(d->text, d->len, &b);
	size_t n, marked = 0;
	marker *v = markers_of(d->text, d->len, &b, &n);
	free(b.block_ends.v), free(b.unit_starts.v), free(b.unit_ends.v);
	for (size_t i = 0; i < r->nfindings; i++) {
		wc_finding *f = &r->findings[i];
		for (size_t k = 0; f->version == version && !f->suppressed && k < n; k++)
			if (f->start >= v[k].from && f->start < v[k].to && names_check(&v[k], f->check)) {
				f->suppressed = 1;
				marked++;
			}
	}
	free(v);
	return marked;
}

size_t wc_report_apply_markers(wc_report *r)
{
	if (!r)
		return 0;
	size_t marked = 0;
	for (size_t i = 0; i < r->nversions; i++)
		marked += apply_to_version(r, i);
	if (marked)
		wc_report_recount(r);
	return marked;
}
