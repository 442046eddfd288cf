/*
 * text.c — stage 2: prepares a version's text from the segment map its
 * reader made (reader.h; plain text is one segment, reader_text.c has
 * validated it).  Normalizes the segments to NFC so that "ö" is one code
 * point whatever the source wrote, keeps a map back to the bytes as read,
 * and splits paragraphs (plain text: one per line, or blank-line separated
 * blocks of wrapped lines, both occur; other readers: at their segments).
 */
#include "doc.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_newline(char c)
{
	return c == '\n' || c == '\r';
}

/* Offsets where the lines of s start; \r\n, \n and \r all end a line. */
static void find_lines(wc_doc *doc)
{
	size_t cap = 0;
	*WC_PUSH(doc->line_starts, doc->nlines, cap) = 0;
	for (size_t i = 0; i < doc->orig_len; i++) {
		char c = doc->orig[i];
		if (c == '\r' && i + 1 < doc->orig_len && doc->orig[i + 1] == '\n')
			i++;
		if (c == '\n' || c == '\r')
			*WC_PUSH(doc->line_starts, doc->nlines, cap) = i + 1;
	}
}

static char *nfc(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (k < 0)
		return NULL;
	*outlen = (size_t)k;
	return (char *)out;
}

/* Canonical ordering sorts a run of combining marks in time quadratic in
 * its length (utf8proc sorts by exchanges), so a run is normalized in pieces
 * of at most this many marks, as Unicode's stream-safe text format (UAX #15)
 * bounds them at 30.  No written language comes near it. */
#define WC_MAX_MARK_RUN 30

static bool is_mark(int32_t c)
{
	return c >= 0x300 && utf8proc_get_property(c)->combining_class != 0;
}

/* Where the chunk of s[0 .. n) starting at st ends: before the next ASCII
 * character, or before the mark that would make the chunk's run of marks
 * too long. */
static size_t chunk_end(const char *s, size_t n, size_t st)
{
	size_t i = st + 1, run = 0;
	while (i < n && (unsigned char)s[i] >= 0x80) {
		size_t k = i;
		int32_t c = wc_utf8_next(s, n, &k);
		if (c < 0) {
			i++; /* an invalid byte: the chunk fails NFC and is repaired */
			run = 0;
			continue;
		}
		if (!is_mark(c))
			run = 0;
		else if (++run > WC_MAX_MARK_RUN)
			break;
		i = k;
	}
	return i;
}

/* The text being composed and its map back to the input's bytes. */
typedef struct {
	wc_buf out;
	size_t *map;
	size_t n, cap;
} composer;

static void put(composer *c, const char *bytes, size_t nb, size_t orig)
{
	wc_buf_add(&c->out, bytes, nb);
	for (size_t k = 0; k < nb; k++)
		*WC_PUSH(c->map, c->n, c->cap) = orig;
}

/* How the bytes put_normalized appends map back to the input. */
typedef enum {
	MAP_BYTES,      /* what NFC left as it was to its own byte; what it changed to
	                 * the first character it changed */
	MAP_START       /* all to the start: the text is not the input's bytes (an entity) */
} map_mode;

/* Appends out[0 .. m), the NFC of the input bytes in[0 .. n) at input offset
 * at, mapped as MAP_BYTES says: the bytes both begin with and those both end
 * with (whole characters) map to themselves, the rest to the first changed
 * character of the input. */
static void put_aligned(composer *c, const char *in, size_t n, const char *out, size_t m, size_t at)
{
	size_t pre = 0, suf = 0;
	while (pre < n && pre < m && in[pre] == out[pre])
		pre++;
	while (pre > 0 && pre < n && ((unsigned char)in[pre] & 0xC0) == 0x80)
		pre--;
	while (suf < n - pre && suf < m - pre && in[n - 1 - suf] == out[m - 1 - suf])
		suf++;
	while (suf > 0 && ((unsigned char)in[n - suf] & 0xC0) == 0x80)
		suf--;
	wc_buf_add(&c->out, out, m);
	for (size_t k = 0; k < m; k++)
		*WC_PUSH(c->map, c->n, c->cap) = at + (k < pre ? k : k < m - suf ? pre : n - (m - k));
}

/* Appends s[0 .. n), at input offset base, normalized chunk by chunk and
 * mapped as mode says.  A chunk ends before an ASCII character: no
 * canonical composition has an ASCII character as its second part, so NFC
 * never joins across that boundary (splitting at every starter would break
 * Hangul jamo, which compose although they are all starters).  A chunk also
 * ends inside a run of more than WC_MAX_MARK_RUN combining marks: such a run
 * is ordered piece by piece, which keeps the time linear. */
static void put_normalized(composer *c, const char *s, size_t n, size_t base, map_mode mode)
{
	size_t i = 0;
	while (i < n) {
		size_t st = i;
		i = chunk_end(s, n, st);
		size_t len;
		char *chunk = nfc(s + st, i - st, &len);
		if (chunk) {
			if (mode == MAP_BYTES)
				put_aligned(c, s + st, i - st, chunk, len, base + st);
			else
				put(c, chunk, len, base);
			free(chunk);
			continue;
		}
		/* Invalid bytes (only with --replace-invalid): each becomes U+FFFD,
		 * the valid characters around them stay as they are. */
		for (size_t j = st; j < i;) {
			size_t cs = j;
			int32_t ch = wc_utf8_next(s, i, &j);
			size_t at = base + (mode == MAP_START ? 0 : cs);
			if (ch < 0)
				put(c, "\xEF\xBF\xBD", 3, at);
			else
				put(c, s + cs, j - cs, at);
		}
	}
}

/* The text and its map become the doc's; end is where the text ends in the
 * input (the map's entry for offset doc->len). */
static void finish_composing(wc_doc *doc, composer *c, size_t end)
{
	*WC_PUSH(c->map, c->n, c->cap) = end;
	doc->map = c->map;
	doc->len = c->out.len;
	doc->text = wc_buf_take(&c->out);
}

static int normalize_with_map(wc_doc *doc, size_t from)
{
	composer c = {0};
	put_normalized(&c, doc->orig + from, doc->orig_len - from, from, MAP_BYTES);
	finish_composing(doc, &c, doc->orig_len);
	return 0;
}

/* Whether NFC leaves the text as it is, decided without normalizing: every
 * character is below U+0300 (nothing there composes or decomposes under NFC),
 * or has no canonical decomposition, no combining class and no part in
 * compositions.  Conjoining Hangul jamo compose algorithmically: never inert. */
static bool nfc_inert(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int32_t c = wc_utf8_next(s, n, &i);
		if (c < 0x300)
			continue;
		if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
		    (c >= 0xAC00 && c <= 0xD7FF))
			return false;
		const utf8proc_property_t *p = utf8proc_get_property(c);
		if (p->combining_class || p->comb_index != UINT16_MAX || p->comp_exclusion ||
		    (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0))
			return false;
	}
	return true;
}

/* Whether some run of combining marks is longer than WC_MAX_MARK_RUN (then
 * the text is normalized in chunks, never in one piece). */
static bool has_long_mark_run(const char *s, size_t n)
{
	size_t i = 0, run = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			run = 0;
			continue;
		}
		int32_t c = wc_utf8_next(s, n, &i);
		if (!is_mark(c))
			run = 0;
		else if (++run > WC_MAX_MARK_RUN)
			return true;
	}
	return false;
}

static int normalize(wc_doc *doc, size_t from, bool has_invalid)
{
	if (has_invalid)
		return normalize_with_map(doc, from);
	if (nfc_inert(doc->orig + from, doc->orig_len - from)) {
		doc->len = doc->orig_len - from;
		/* The text is the bytes as read: share them (orig is padded for
		 * PCRE2 already) instead of holding a second copy. */
		doc->text = doc->orig + from;
		doc->text_is_orig = true;
		if (from) {
			/* offsets shift by the byte order mark */
			doc->map = wc_xmalloc((doc->len + 1) * sizeof *doc->map);
			for (size_t k = 0; k <= doc->len; k++)
				doc->map[k] = k + from;
		}
		return 0;
	}
	if (has_long_mark_run(doc->orig + from, doc->orig_len - from))
		return normalize_with_map(doc, from);
	size_t len;
	char *t = nfc(doc->orig + from, doc->orig_len - from, &len);
	if (!t)
		return -1;
	if (from == 0 && len == doc->orig_len && memcmp(t, doc->orig, len) == 0) {
		doc->text = t;
		doc->len = len;
		return 0;
	}
	free(t);
	return normalize_with_map(doc, from);
}

/* ---- paragraphs -------------------------------------------------------------------- */

typedef struct {
	size_t start, end;   /* text offsets, end excludes the line break */
	bool blank;
} line_span;

static bool blank(const char *s, size_t a, size_t b)
{
	size_t i = a;
	while (i < b)
		if (!wc_is_space(wc_utf8_next(s, b, &i)))
			return false;
	return true;
}

static line_span *text_lines(const wc_doc *doc, size_t *count)
{
	line_span *v = NULL;
	size_t n = 0, cap = 0, i = 0;
	while (i <= doc->len) {
		size_t st = i;
		while (i < doc->len && !is_newline(doc->text[i]))
			i++;
		line_span *l = WC_PUSH(v, n, cap);
		l->start = st;
		l->end = i;
		l->blank = blank(doc->text, st, i);
		if (i >= doc->len)
			break;
		i += doc->text[i] == '\r' && i + 1 < doc->len && doc->text[i + 1] == '\n' ? 2 : 1;
	}
	*count = n;
	return v;
}

/* Blank-line separated blocks are wrapped paragraphs when most blocks span
 * several lines; otherwise every line is a paragraph (ZTE's 004 mixes both). */
static bool blocks_are_wrapped(const line_span *l, size_t n)
{
	size_t blocks = 0, multi = 0;
	for (size_t i = 0; i < n;) {
		if (l[i].blank) {
			i++;
			continue;
		}
		size_t k = i;
		while (k < n && !l[k].blank)
			k++;
		blocks++;
		multi += k - i > 1;
		i = k;
	}
	return blocks > 1 && multi * 2 > blocks;
}

static void add_para(wc_doc *doc, size_t start, size_t end)
{
	while (start < end) {
		size_t j = start;
		if (!wc_is_space(wc_utf8_next(doc->text, end, &j)))
			break;
		start = j;
	}
	while (end > start) {
		size_t st;
		if (!wc_is_space(wc_utf8_prev(doc->text, end, &st)))
			break;
		end = st;
	}
	wc_para *p = WC_PUSH(doc->paras, doc->npara, doc->paras_cap);
	p->start = start;
	p->end = end;
	size_t col;
	wc_doc_position(doc, start, &p->line, &col);
}

static void split_paragraphs(wc_doc *doc)
{
	size_t n;
	line_span *l = text_lines(doc, &n);
	bool wrapped = blocks_are_wrapped(l, n);
	for (size_t i = 0; i < n;) {
		if (l[i].blank) {
			i++;
			continue;
		}
		size_t k = i + 1;
		while (wrapped && k < n && !l[k].blank)
			k++;
		add_para(doc, l[i].start, l[k - 1].end);
		i = k;
	}
	free(l);
}

/* PCRE2's JIT reads the subject with 16-byte vector loads that may run past
 * its end; zero padding keeps those reads inside the allocation. */
#define SUBJECT_PADDING 64

static void pad_text(wc_doc *doc)
{
	if (doc->text_is_orig)
		return;
	doc->text = wc_xrealloc(doc->text, doc->len + SUBJECT_PADDING);
	memset(doc->text + doc->len, 0, SUBJECT_PADDING);
}

/* ---- positions ---------------------------------------------------------------------- */

/* Columns on very long lines.  Counting code points from the start of the
 * line at every position would be quadratic on a 50 MB paragraph, so a text
 * keeps the count from its start at every COL_STEP bytes (wc_utf8_count() is
 * additive: it counts the bytes that start a character). */
#define COL_STEP 4096

static void mark_columns(wc_doc *doc)
{
	if (doc->orig_len <= 4 * COL_STEP)
		return;
	doc->ncol_marks = doc->orig_len / COL_STEP + 1;
	doc->col_marks = wc_xmalloc(doc->ncol_marks * sizeof *doc->col_marks);
	doc->col_marks[0] = 0;
	for (size_t k = 1; k < doc->ncol_marks; k++)
		doc->col_marks[k] = doc->col_marks[k - 1] +
		                    wc_utf8_count(doc->orig + (k - 1) * COL_STEP, COL_STEP);
}

/* Code points in doc->orig[0 .. o). */
static size_t code_points_to(const wc_doc *doc, size_t o)
{
	size_t k = o / COL_STEP;
	return doc->col_marks[k] + wc_utf8_count(doc->orig + k * COL_STEP, o - k * COL_STEP);
}

/* ---- the doc -------------------------------------------------------------------------- */

/* The doc's own copy of the input, padded for PCRE2 as its text may be. */
static void doc_start(wc_doc *doc, const wc_reader_input *in, const wc_locale *loc, wc_role role)
{
	memset(doc, 0, sizeof *doc);
	doc->path = wc_xstrdup(in->path);
	doc->loc = loc;
	doc->role = role;
	doc->orig = wc_xmalloc(in->len + SUBJECT_PADDING);
	if (in->len)
		memcpy(doc->orig, in->bytes, in->len);
	memset(doc->orig + in->len, 0, SUBJECT_PADDING);
	doc->orig_len = in->len;
}

/* A text range of the composed text: a paragraph before trimming. */
typedef struct {
	size_t start, end;
} span;

/* The text of several segments (or one that is not all of the rest of the
 * input): each normalized on its own, paragraphs (WC_PARAS_SEGMENTS) joined
 * by a line break that maps to the end of the paragraph before it (so that a
 * finding ending with its paragraph ends there, not in the markup after it).  *spans receives
 * the paragraphs' text ranges. */
static void compose(wc_doc *doc, const wc_segmap *v, span **spans, size_t *nspans)
{
	size_t *units = NULL, ucap = 0, nunits = 0;
	composer c = {0};
	size_t cap = 0, end = doc->orig_len;
	for (size_t i = 0; i < v->nsegs; i++) {
		const wc_segment *g = &v->segs[i];
		bool starts = i == 0 || (v->paras == WC_PARAS_SEGMENTS && (g->flags & WC_SEG_PARA));
		if (starts && i > 0) {
			(*spans)[*nspans - 1].end = c.out.len;
			put(&c, "\n", 1, end);
		}
		if (starts) {
			*WC_PUSH(*spans, *nspans, cap) = (span){c.out.len, 0};
			if (g->unit || units) {
				while (nunits + 1 < *nspans)
					*WC_PUSH(units, nunits, ucap) = 0;
				*WC_PUSH(units, nunits, ucap) = g->unit;
			}
		}
		if (g->text)
			put_normalized(&c, g->text, g->len, g->start, MAP_START);
		else
			put_normalized(&c, doc->orig + g->start, g->end - g->start, g->start, MAP_BYTES);
		end = g->end;
	}
	if (*nspans)
		(*spans)[*nspans - 1].end = c.out.len;
	finish_composing(doc, &c, end);
	if (units)
		while (nunits < *nspans)
			*WC_PUSH(units, nunits, ucap) = 0;
	doc->units = units; /* per span until segment_paragraphs keeps the paragraphs' */
}

/* Whether the version is all of the input from its one segment on, the
 * bytes as read: plain text, prepared on the fast paths of normalize(). */
static bool rest_of_input(const wc_doc *doc, const wc_segmap *v)
{
	return v->nsegs == 1 && !v->segs[0].text && v->segs[0].end == doc->orig_len;
}

static void segment_paragraphs(wc_doc *doc, const span *spans, size_t n)
{
	size_t *span_units = doc->units;
	for (size_t i = 0; i < n; i++)
		if (!blank(doc->text, spans[i].start, spans[i].end)) {
			if (span_units)
				span_units[doc->npara] = span_units[i]; /* never ahead of i */
			add_para(doc, spans[i].start, spans[i].end);
		}
}

static void copy_notes(wc_doc *doc, const wc_segmap *v)
{
	if (!v->nnotes)
		return;
	doc->notes = wc_xmalloc(v->nnotes * sizeof *doc->notes);
	for (size_t i = 0; i < v->nnotes; i++) {
		doc->notes[i] = v->notes[i];
		doc->notes[i].code = wc_xstrdup(v->notes[i].code);
	}
	doc->nnotes = v->nnotes;
}

int wc_doc_init_segmap(wc_doc *doc, const wc_reader_input *in, const wc_segmap *v,
                       const wc_locale *loc)
{
	doc_start(doc, in, loc, v->role);
	find_lines(doc);
	mark_columns(doc);
	span *spans = NULL;
	size_t nspans = 0;
	if (!rest_of_input(doc, v))
		compose(doc, v, &spans, &nspans);
	else if (normalize(doc, v->segs[0].start, v->has_invalid) < 0) {
		wc_diags_add(in->diags, in->path, 0, 0, NULL, "text cannot be normalized to NFC");
		return WC_EINPUT;
	} else if (v->paras == WC_PARAS_SEGMENTS) {
		nspans = 1;
		spans = wc_xmalloc(sizeof *spans);
		spans[0] = (span){0, doc->len};
	}
	pad_text(doc);
	copy_notes(doc, v);
	if (v->paras == WC_PARAS_LINES)
		split_paragraphs(doc);
	else
		segment_paragraphs(doc, spans, nspans);
	free(spans);
	return WC_OK;
}

typedef struct {
	wc_doc *doc;
	const wc_reader_input *in;
	const wc_locale *loc;
	size_t versions;
} one_doc;

static int init_one(void *ctx, const wc_segmap *v)
{
	one_doc *o = ctx;
	if (o->versions++) {
		wc_reader_diag(o->in, SIZE_MAX, "holds more than one version, where one is read");
		return WC_EUSAGE;
	}
	return wc_doc_init_segmap(o->doc, o->in, v, o->loc);
}

int wc_doc_read(wc_doc *doc, const wc_reader_input *in, wc_reader_fn read, const wc_locale *loc)
{
	one_doc o = {doc, in, loc, 0};
	/* A doc the reader refused is empty, and still to be freed with wc_doc_fini. */
	memset(doc, 0, sizeof *doc);
	return read(in, init_one, &o);
}

int wc_doc_init(wc_doc *doc, const char *path, const wc_locale *loc, wc_role role,
                const char *bytes, size_t len, wc_diags *diags)
{
	return wc_doc_init_ex(doc, path, loc, role, bytes, len, 0, diags);
}

int wc_doc_init_ex(wc_doc *doc, const char *path, const wc_locale *loc, wc_role role,
                   const char *bytes, size_t len, unsigned flags, wc_diags *diags)
{
	wc_reader_input in = {path, bytes, len, loc ? loc->lang : NULL, role, flags, diags};
	return wc_doc_read(doc, &in, wc_read_plain_text, loc);
}

void wc_bytes_position(const char *bytes, size_t len, size_t offset, size_t *line, size_t *column)
{
	wc_doc d = {.orig = (char *)bytes, .orig_len = len};
	find_lines(&d);
	wc_doc_position(&d, offset, line, column);
	free(d.line_starts);
}

void wc_doc_clear_results(wc_doc *doc)
{
	for (size_t i = 0; i < doc->nfacts; i++) {
		free(doc->facts[i].value);
		free(doc->facts[i].unit);
		free(doc->facts[i].name);
	}
	doc->nfacts = 0;
	doc->nquotations = 0;
	free(doc->aligned_to);
	doc->aligned_to = NULL;
}

void wc_doc_fini(wc_doc *doc)
{
	wc_doc_clear_results(doc);
	free(doc->path);
	free(doc->tag);
	free(doc->orig);
	if (!doc->text_is_orig)
		free(doc->text);
	free(doc->map);
	free(doc->line_starts);
	free(doc->col_marks);
	free(doc->paras);
	free(doc->units);
	for (size_t i = 0; i < doc->nnotes; i++)
		free(doc->notes[i].code);
	free(doc->notes);
	free(doc->facts);
	free(doc->quotations);
	wc_name_keys_free(doc->name_keys);
	memset(doc, 0, sizeof *doc);
}

size_t wc_doc_orig_offset(const wc_doc *doc, size_t offset)
{
	if (!doc->map)
		return offset;
	return offset <= doc->len ? doc->map[offset] : doc->orig_len;
}

static bool starts_with_bom(const wc_doc *doc)
{
	return doc->orig_len >= 3 && memcmp(doc->orig, "\xEF\xBB\xBF", 3) == 0;
}

void wc_doc_position(const wc_doc *doc, size_t offset, size_t *line, size_t *column)
{
	size_t o = wc_doc_orig_offset(doc, offset);
	size_t lo = 0, hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (doc->line_starts[mid] <= o)
			lo = mid;
		else
			hi = mid;
	}
	*line = lo + 1;
	size_t ls = doc->nlines ? doc->line_starts[lo] : 0;
	/* A byte order mark is no column of the first line. */
	if (ls == 0 && o >= 3 && starts_with_bom(doc))
		ls = 3;
	if (o - ls > 4 * COL_STEP && doc->col_marks)
		*column = code_points_to(doc, o) - code_points_to(doc, ls) + 1;
	else
		*column = wc_utf8_count(doc->orig + ls, o - ls) + 1;
}

size_t wc_doc_para_at(const wc_doc *doc, size_t offset)
{
	size_t lo = 0, hi = doc->npara;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (doc->paras[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The part of offset's line around it: a line may be a 50 MB paragraph, and
 * a report holds one snippet per finding. */
#define SNIPPET_REACH 300

char *wc_doc_snippet(const wc_doc *doc, size_t offset, size_t *column)
{
	size_t line, col;
	wc_doc_position(doc, offset, &line, &col);
	size_t o = wc_doc_orig_offset(doc, offset);
	size_t ls = doc->line_starts[line - 1], le = o;
	/* the line's end, looked for no further than the snippet reaches */
	while (le < doc->orig_len && le - o <= SNIPPET_REACH && !is_newline(doc->orig[le]))
		le++;
	size_t from = o - ls > SNIPPET_REACH ? o - SNIPPET_REACH : ls;
	size_t to = le - o > SNIPPET_REACH ? o + SNIPPET_REACH : le;
	/* never cut a character in two */
	while (from < o && ((unsigned char)doc->orig[from] & 0xC0) == 0x80)
		from++;
	while (to > o && to < le && ((unsigned char)doc->orig[to] & 0xC0) == 0x80)
		to--;
	wc_buf b = {0};
	if (from > ls)
		wc_buf_puts(&b, "\xE2\x80\xA6");
	wc_buf_add(&b, doc->orig + from, to - from);
	if (to < le)
		wc_buf_puts(&b, "\xE2\x80\xA6");
	*column = wc_utf8_count(doc->orig + from, o - from) + 1 + (from > ls);
	return wc_buf_take(&b);
}

char *wc_doc_line_text(const wc_doc *doc, size_t offset)
{
	size_t line, col;
	wc_doc_position(doc, offset, &line, &col);
	size_t st = doc->line_starts[line - 1], e = st;
	while (e < doc->orig_len && !is_newline(doc->orig[e]))
		e++;
	return wc_xstrndup(doc->orig + st, e - st);
}
