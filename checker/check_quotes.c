/*
 * check_quotes.c — check stage: quotation marks.
 *
 * Runs on a prepared wc_doc (paragraphs split, text NFC).  For each paragraph
 * it finds the quote marks, pairs them, records the double quotations in
 * doc->quotations (match and quote.missing read them later) and reports
 * quote.unbalanced, quote.detached and quote.style.  wc_check_quote_missing()
 * then compares the quotations of the source with the aligned translation.
 *
 * Double marks (" “ ” „ ‟ « ») are paired by order of appearance: translators
 * and machine translation garble their shapes (`detaljerne, "sagde`), so the
 * shape of a double mark says little about its role.  Single marks (' ‘ ’ ‚
 * ‹ ›) double as apostrophes, so they pair only when their shapes say so and
 * a lone single mark is never reported.
 */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* ---- marks ------------------------------------------------------------------ */

typedef struct {
	size_t at, end;         /* bytes of the mark */
	int32_t cp;
} qmark;

typedef struct {
	qmark *v;
	size_t n, cap;
} qmarks;

typedef struct {
	qmark open, close;
} qpair;

typedef struct {
	qpair *v;
	size_t n, cap;
} qpairs;

/* One paragraph of a doc: the bounds every neighbour lookup must respect. */
typedef struct {
	const char *s;
	size_t start, end;
} span;

static const wc_locale no_locale;

static const wc_locale *locale_of(const wc_doc *doc)
{
	return doc->loc ? doc->loc : &no_locale;
}

static span para_span(const wc_doc *doc, size_t p)
{
	span sp = {doc->text, doc->paras[p].start, doc->paras[p].end};
	return sp;
}

static bool is_double_mark(int32_t c, const wc_locale *loc)
{
	switch (c) {
	case 0x22: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0xAB: case 0xBB:
		return true;
	default:
		/* A locale whose primary marks are something else (「」) still
		 * pairs them like double marks. */
		return c > 0 && (c == loc->quotes[0].open || c == loc->quotes[0].close);
	}
}

static bool is_single_mark(int32_t c)
{
	switch (c) {
	case 0x27: case 0x2018: case 0x2019: case 0x201A: case 0x2039: case 0x203A:
		return true;
	default:
		return false;
	}
}

static bool is_apostrophe_shape(int32_t c)
{
	return c == 0x27 || c == 0x2019 || c == 0x2018;
}

static bool is_straight(int32_t c)
{
	return c == 0x22 || c == 0x27;
}

/* The code point before at, or -1 at the start of the paragraph. */
static int32_t cp_before(span sp, size_t at)
{
	size_t st;
	return at > sp.start ? wc_utf8_prev(sp.s, at, &st) : -1;
}

/* The code point at at, or -1 at the end of the paragraph. */
static int32_t cp_at(span sp, size_t at)
{
	size_t i = at;
	return at < sp.end ? wc_utf8_next(sp.s, sp.end, &i) : -1;
}

static bool is_word_char(int32_t c)
{
	return wc_is_letter(c) || wc_is_digit(c);
}

static bool is_punct(int32_t c)
{
	return c >= 0 && !is_word_char(c) && !wc_is_space(c);
}

/* Characters after which a quotation may open without a space: brackets,
 * dashes, slashes and other quote marks. */
static bool opens_before(int32_t c, const wc_locale *loc)
{
	switch (c) {
	case '(': case '[': case '{': case '-': case '/':
	case 0x2013: case 0x2014:
		return true;
	default:
		return is_double_mark(c, loc);
	}
}

static bool is_apostrophe(span sp, const qmark *m)
{
	return is_apostrophe_shape(m->cp) && is_word_char(cp_before(sp, m->at)) &&
	       is_word_char(cp_at(sp, m->end));
}

static bool single_opening_shaped(span sp, const qmark *m, const wc_locale *loc)
{
	int32_t b = cp_before(sp, m->at);
	return (b < 0 || wc_is_space(b) || opens_before(b, loc)) && wc_is_letter(cp_at(sp, m->end));
}

static bool single_closing_shaped(span sp, const qmark *m)
{
	int32_t b = cp_before(sp, m->at), a = cp_at(sp, m->end);
	bool after_ok = a < 0 || wc_is_space(a) || is_punct(a);
	return b >= 0 && !wc_is_space(b) && after_ok;
}

/* A double mark that can only be a closing mark: glued to the text before it,
 * followed by a space, punctuation or the end. */
static bool double_closing_only(span sp, const qmark *m, const wc_locale *loc)
{
	int32_t b = cp_before(sp, m->at), a = cp_at(sp, m->end);
	if (b < 0 || wc_is_space(b) || opens_before(b, loc))
		return false;
	return a < 0 || wc_is_space(a) || is_punct(a);
}

static bool double_opening_only(span sp, const qmark *m, const wc_locale *loc)
{
	int32_t b = cp_before(sp, m->at), a = cp_at(sp, m->end);
	if (!(b < 0 || wc_is_space(b) || opens_before(b, loc)))
		return false;
	return a >= 0 && !wc_is_space(a);
}

static void collect_double_marks(span sp, const wc_locale *loc, qmarks *out)
{
	size_t i = sp.start;
	while (i < sp.end) {
		size_t at = i;
		int32_t c = wc_utf8_next(sp.s, sp.end, &i);
		if (is_double_mark(c, loc))
			*WC_PUSH(out->v, out->n, out->cap) = (qmark){at, i, c};
	}
}

static bool locale_opens_with(const wc_locale *loc, int32_t c)
{
	if (loc->quotes[0].open == c || loc->quotes[1].open == c)
		return true;
	for (size_t i = 0; i < loc->nquotes_also; i++)
		if (loc->quotes_also[i].open == c)
			return true;
	return false;
}

/* Pairs single marks whose shapes agree: an opening-shaped mark followed by
 * a closing-shaped one.  Apostrophes and possessives (`countries' trade`)
 * are skipped; a mark that fits nothing is left alone. */
static void collect_single_pairs(span sp, const wc_locale *loc, qpairs *out)
{
	bool open = false;
	qmark o = {0, 0, 0};
	size_t i = sp.start;
	while (i < sp.end) {
		size_t at = i;
		int32_t c = wc_utf8_next(sp.s, sp.end, &i);
		if (!is_single_mark(c) || is_double_mark(c, loc))
			continue;
		qmark m = {at, i, c};
		if (is_apostrophe(sp, &m))
			continue;
		if (single_opening_shaped(sp, &m, loc)) {
			/* ’ before a word is an elision (’90s, rock ’n’ roll) unless
			 * the language opens quotations with it (Swedish ’…’). */
			if (m.cp == 0x2019 && !locale_opens_with(loc, m.cp))
				continue;
			o = m;
			open = true;
		} else if (open && single_closing_shaped(sp, &m)) {
			*WC_PUSH(out->v, out->n, out->cap) = (qpair){o, m};
			open = false;
		}
	}
}

/* ---- text for messages ---------------------------------------------------- */

static void put_cp(wc_buf *b, int32_t c)
{
	char u[4];
	size_t n;
	uint32_t v = (uint32_t)c;
	if (v < 0x80) {
		u[0] = (char)v;
		n = 1;
	} else if (v < 0x800) {
		u[0] = (char)(0xC0 | (v >> 6));
		u[1] = (char)(0x80 | (v & 0x3F));
		n = 2;
	} else if (v < 0x10000) {
		u[0] = (char)(0xE0 | (v >> 12));
		u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		u[2] = (char)(0x80 | (v & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (v >> 18));
		u[1] = (char)(0x80 | ((v >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((v >> 6) & 0x3F));
		u[3] = (char)(0x80 | (v & 0x3F));
		n = 4;
	}
	wc_buf_add(b, u, n);
}

static char *cp_string(int32_t c)
{
	wc_buf b = {0};
	put_cp(&b, c);
	return wc_buf_take(&b);
}

static char *pair_string(int32_t open, int32_t close)
{
	wc_buf b = {0};
	put_cp(&b, open);
	wc_buf_puts(&b, "…");
	put_cp(&b, close);
	return wc_buf_take(&b);
}

enum { CONTEXT_MAX = 32 };   /* code points of a neighbouring word shown */

/* Spaces within a line: the excerpt stops at a line break, so that it stays
 * on one line in a wrapped paragraph. */
static bool is_inline_space(int32_t c)
{
	return wc_is_space(c) && c != '\n' && c != '\r';
}

/* Start of the word before at: the spaces next to the mark, then up to the
 * next space (at most CONTEXT_MAX code points), so that the excerpt reads
 * `detaljerne, "sagde`. */
static size_t context_start(span sp, size_t at)
{
	size_t i = at, st;
	int taken = 0;
	while (i > sp.start && is_inline_space(wc_utf8_prev(sp.s, i, &st)))
		i = st;
	while (i > sp.start && taken < CONTEXT_MAX) {
		if (wc_is_space(wc_utf8_prev(sp.s, i, &st)))
			break;
		i = st;
		taken++;
	}
	return i;
}

static size_t context_end(span sp, size_t end)
{
	size_t i = end, next;
	int taken = 0;
	while (i < sp.end) {
		next = i;
		if (!is_inline_space(wc_utf8_next(sp.s, sp.end, &next)))
			break;
		i = next;
	}
	while (i < sp.end && taken < CONTEXT_MAX) {
		next = i;
		if (wc_is_space(wc_utf8_next(sp.s, sp.end, &next)))
			break;
		i = next;
		taken++;
	}
	return i;
}

static char *mark_context(span sp, const qmark *m)
{
	size_t a = context_start(sp, m->at), b = context_end(sp, m->end);
	return wc_xstrndup(sp.s + a, b - a);
}

/* ---- quote.detached, quote.style, quote.unbalanced ------------------------------ */

/* What the checks of one paragraph share. */
typedef struct {
	wc_doc *doc;
	const wc_locale *loc;
	wc_findings *fs;
	span sp;
	size_t para;
} qscan;

static bool takes_space_inside(const wc_locale *loc, int32_t mark)
{
	for (size_t i = 0; i < loc->nquotes_spaced; i++)
		if (loc->quotes_spaced[i] == mark)
			return true;
	return false;
}

static void check_detached(const qscan *q, const qmark *m, bool opening)
{
	int32_t c = opening ? cp_at(q->sp, m->end) : cp_before(q->sp, m->at);
	if (c < 0 || !wc_is_space(c) || takes_space_inside(q->loc, m->cp))
		return;
	char *found = mark_context(q->sp, m);
	char *mark = cp_string(m->cp);
	if (opening)
		wc_emit(q->fs, WC_CHECK_QUOTE_DETACHED, -1, q->doc, m->at, m->end, NULL, 0, NULL,
		        found, NULL,
		        "opening quote mark %s stands before a space: detached from the quotation",
		        mark);
	else
		wc_emit(q->fs, WC_CHECK_QUOTE_DETACHED, -1, q->doc, m->at, m->end, NULL, 0, NULL,
		        found, NULL,
		        "closing quote mark %s stands after a space: detached from the quotation",
		        mark);
	free(mark);
	free(found);
}

/* Typographic pairs that some language uses; anything else is a mix-up. */
static const wc_quote_pair known_pairs[] = {
	{0x201C, 0x201D}, {0x201E, 0x201C}, {0x201E, 0x201D}, {0x201D, 0x201D},
	{0xAB, 0xBB}, {0xBB, 0xAB}, {0xBB, 0xBB},
	{0x2018, 0x2019}, {0x201A, 0x2018}, {0x2019, 0x2019},
	{0x2039, 0x203A}, {0x203A, 0x2039}, {0x203A, 0x203A},
};

static bool pair_listed(const wc_quote_pair *v, size_t n, int32_t open, int32_t close)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].open == open && v[i].close == close)
			return true;
	return false;
}

static bool locale_accepts(const wc_locale *loc, int32_t open, int32_t close)
{
	if (is_straight(open) && is_straight(close))
		return true;   /* plain ASCII quotes are fine in every language */
	return pair_listed(loc->quotes, 2, open, close) ||
	       pair_listed(loc->quotes_also, loc->nquotes_also, open, close);
}

static char *expected_pair(const wc_locale *loc, bool single)
{
	const wc_quote_pair *e = &loc->quotes[single ? 1 : 0];
	return e->open > 0 && e->close > 0 ? pair_string(e->open, e->close) : NULL;
}

static void check_style(const qscan *q, const qpair *p, bool single)
{
	int32_t o = p->open.cp, c = p->close.cp;
	if (locale_accepts(q->loc, o, c))
		return;
	char *found = pair_string(o, c);
	char *expected = expected_pair(q->loc, single);
	size_t at = p->open.at, end = p->close.end;
	if (is_straight(o) != is_straight(c)) {
		char *om = cp_string(o), *cm = cp_string(c);
		wc_emit(q->fs, WC_CHECK_QUOTE_STYLE, -1, q->doc, at, end, NULL, 0, expected, found,
		        NULL, "quotation opened with %s and closed with %s: straight and "
		        "typographic marks mixed", om, cm);
		free(om);
		free(cm);
	} else if (pair_listed(known_pairs, sizeof known_pairs / sizeof *known_pairs, o, c)) {
		wc_emit(q->fs, WC_CHECK_QUOTE_STYLE, -1, q->doc, at, end, NULL, 0, expected, found,
		        NULL, "quote marks %s are not used in %s", found,
		        q->loc->lang ? q->loc->lang : "this language");
	} else {
		wc_emit(q->fs, WC_CHECK_QUOTE_STYLE, -1, q->doc, at, end, NULL, 0, expected, found,
		        NULL, "quote marks %s do not form a pair", found);
	}
	free(expected);
	free(found);
}

static void record_quotation(const qscan *q, size_t open, size_t close)
{
	wc_doc *d = q->doc;
	*WC_PUSH(d->quotations, d->nquotations, d->quotations_cap) =
		(wc_quotation){open, close, q->para, false};
}

static void mark_broken(const qscan *q)
{
	q->doc->quotations[q->doc->nquotations - 1].broken = true;
}

static bool is_blank(span sp)
{
	size_t i = sp.start;
	while (i < sp.end)
		if (!wc_is_space(wc_utf8_next(sp.s, sp.end, &i)))
			return false;
	return true;
}

/* English wire style leaves a quotation open at the end of a paragraph and
 * opens it again at the start of the next one. */
static bool continues_in_next_para(const qscan *q)
{
	if (!q->loc->quote_continuation)
		return false;
	size_t p = q->para + 1;
	while (p < q->doc->npara && is_blank(para_span(q->doc, p)))
		p++;
	if (p >= q->doc->npara)
		return false;
	span next = para_span(q->doc, p);
	size_t i = next.start;
	int32_t c;
	do
		c = i < next.end ? wc_utf8_next(next.s, next.end, &i) : -1;
	while (c >= 0 && wc_is_space(c));
	return is_double_mark(c, q->loc);
}

static void check_unpaired(const qscan *q, const qmark *m, bool closing)
{
	record_quotation(q, m->at, SIZE_MAX);
	char *mark = cp_string(m->cp);
	char *found = mark_context(q->sp, m);
	if (closing) {
		mark_broken(q);
		wc_emit(q->fs, WC_CHECK_QUOTE_UNBALANCED, -1, q->doc, m->at, m->end, NULL, 0, NULL,
		        found, NULL, "closing quote mark %s has no opening mark in this paragraph",
		        mark);
	} else {
		check_detached(q, m, true);
		if (!continues_in_next_para(q)) {
			mark_broken(q);
			wc_emit(q->fs, WC_CHECK_QUOTE_UNBALANCED, -1, q->doc, m->at, m->end, NULL, 0,
			        NULL, found, NULL,
			        "quotation opened with %s is never closed in this paragraph", mark);
		}
	}
	free(found);
	free(mark);
}

static void check_pair(const qscan *q, const qpair *p)
{
	record_quotation(q, p->open.at, p->close.at);
	check_detached(q, &p->open, true);
	check_detached(q, &p->close, false);
	check_style(q, p, false);
}

/* With an odd number of marks, order alone would leave the last mark
 * unpaired.  When the first mark is plainly a closing one (`rest," he said`)
 * and the last is not plainly an opening one, the first is the stray. */
static bool first_mark_is_stray(const qscan *q, const qmarks *m)
{
	return double_closing_only(q->sp, &m->v[0], q->loc) &&
	       !double_opening_only(q->sp, &m->v[m->n - 1], q->loc);
}

static void check_double_marks(const qscan *q, const qmarks *m)
{
	size_t stray = SIZE_MAX;
	bool stray_closes = false;
	if (m->n % 2) {
		stray_closes = first_mark_is_stray(q, m);
		stray = stray_closes ? 0 : m->n - 1;
	}
	bool opening = true;
	qmark open = {0, 0, 0};
	for (size_t k = 0; k < m->n; k++) {
		if (k == stray) {
			check_unpaired(q, &m->v[k], stray_closes);
		} else if (opening) {
			open = m->v[k];
			opening = false;
		} else {
			check_pair(q, &(qpair){open, m->v[k]});
			opening = true;
		}
	}
}

static void check_paragraph(wc_doc *doc, size_t p, wc_findings *fs)
{
	qscan q = {doc, locale_of(doc), fs, para_span(doc, p), p};
	qmarks marks = {0};
	collect_double_marks(q.sp, q.loc, &marks);
	check_double_marks(&q, &marks);
	free(marks.v);

	qpairs singles = {0};
	collect_single_pairs(q.sp, q.loc, &singles);
	for (size_t k = 0; k < singles.n; k++)
		check_style(&q, &singles.v[k], true);
	free(singles.v);
}

void wc_check_quotes(wc_doc *doc, wc_findings *fs)
{
	/* Start afresh so that running the stage twice does not list a quotation
	 * twice. */
	doc->nquotations = 0;
	for (size_t p = 0; p < doc->npara; p++)
		check_paragraph(doc, p, fs);
}

/* ---- quote.missing ---------------------------------------------------------------- */

/* The first quotation of paragraph p or after it: quotations are recorded
 * paragraph by paragraph, in order. */
static size_t first_quotation_of(const wc_doc *doc, size_t p)
{
	size_t lo = 0, hi = doc->nquotations;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (doc->quotations[mid].para < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool para_has_quotation(const wc_doc *doc, size_t p)
{
	size_t i = first_quotation_of(doc, p);
	if (i < doc->nquotations && doc->quotations[i].para == p)
		return true;
	/* A translator may render a quotation with single marks. */
	qpairs singles = {0};
	collect_single_pairs(para_span(doc, p), locale_of(doc), &singles);
	bool any = singles.n > 0;
	free(singles.v);
	return any;
}

/* Where a finding about source paragraph p goes in the translation: the
 * aligned paragraph, else the one aligned to the nearest source paragraph
 * before p, else the first. */
static size_t missing_location(const wc_doc *tgt, const wc_alignment *al, size_t p)
{
	for (size_t s = p + 1; s-- > 0;) {
		int t = s < al->ns ? al->s2t[s] : -1;
		if (t >= 0 && (size_t)t < tgt->npara)
			return tgt->paras[t].start;
	}
	return tgt->npara ? tgt->paras[0].start : 0;
}

enum { EXCERPT_MAX = 60 };   /* code points of a quotation shown as expected */

static char *quotation_excerpt(const wc_doc *doc, const wc_quotation *qt)
{
	size_t end = qt->para < doc->npara ? doc->paras[qt->para].end : doc->len;
	if (qt->close != SIZE_MAX) {
		end = qt->close;
		wc_utf8_next(doc->text, doc->len, &end);
	}
	size_t i = qt->open;
	for (int n = 0; i < end && n < EXCERPT_MAX; n++)
		wc_utf8_next(doc->text, end, &i);
	char *s = wc_xstrndup(doc->text + qt->open, i - qt->open);
	if (i >= end)
		return s;
	char *cut = wc_xasprintf("%s…", s);
	free(s);
	return cut;
}

static void report_missing(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                           const wc_quotation *qt, bool aligned, wc_findings *fs)
{
	size_t at = missing_location(tgt, al, qt->para);
	size_t src_line = qt->para < src->npara ? src->paras[qt->para].line : 0;
	char *expected = quotation_excerpt(src, qt);
	if (aligned)
		wc_emit(fs, WC_CHECK_QUOTE_MISSING, -1, tgt, at, at, src, qt->open, expected, NULL,
		        NULL, "the quotation of source line %zu has no counterpart: this paragraph "
		        "holds no quotation", src_line);
	else
		wc_emit(fs, WC_CHECK_QUOTE_MISSING, -1, tgt, at, at, src, qt->open, expected, NULL,
		        NULL, "the quotation of source line %zu has no counterpart: its paragraph "
		        "is not in the translation", src_line);
	free(expected);
}

/* Words in [s, e): runs of letters or digits. */
static size_t count_words(const char *t, size_t s, size_t e)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = s; i < e;) {
		int32_t c = wc_utf8_next(t, e, &i);
		bool w = is_word_char(c);
		n += w && !in;
		in = w;
	}
	return n;
}

/* Marks around a title, a name or a term ("Die Simpsons", "Rz", "Black Lives
 * Matter", "El derecho a las armas") are not speech, and a translation may
 * drop them.  Speech has the punctuation of a sentence inside its marks, or
 * runs on for more words than a title does. */
enum { TITLE_WORDS_MAX = 7 };

static bool is_speech(const wc_doc *doc, const wc_quotation *qt)
{
	if (qt->broken)
		return false; /* the source's own fault, reported there */
	if (qt->close == SIZE_MAX)
		return true; /* it goes on in the next paragraph */
	size_t s = qt->open, e = qt->close;
	wc_utf8_next(doc->text, e, &s);
	for (size_t i = s; i < e;) {
		int32_t c = wc_utf8_next(doc->text, e, &i);
		if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == 0x2026)
			return true;
	}
	return count_words(doc->text, s, e) > TITLE_WORDS_MAX;
}

void wc_check_quote_missing(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                            wc_findings *fs)
{
	/* per translation paragraph: 0 not looked at yet, 1 has a quotation, 2 none;
	 * a paragraph is scanned once however many source quotations ask */
	unsigned char *has = wc_xcalloc(tgt->npara + 1, 1);
	for (size_t i = 0; i < src->nquotations; i++) {
		const wc_quotation *qt = &src->quotations[i];
		if (!is_speech(src, qt))
			continue;
		int t = qt->para < al->ns ? al->s2t[qt->para] : -1;
		bool aligned = t >= 0 && (size_t)t < tgt->npara;
		if (aligned && !has[t])
			has[t] = para_has_quotation(tgt, (size_t)t) ? 1 : 2;
		if (aligned && has[t] == 1)
			continue;
		report_missing(src, tgt, al, qt, aligned, fs);
	}
	free(has);
}

/* ---- defects as in the source ------------------------------------------------------ */

static bool para_has_open_quotation(const wc_doc *doc, size_t p)
{
	for (size_t i = first_quotation_of(doc, p); i < doc->nquotations && doc->quotations[i].para == p; i++)
		if (doc->quotations[i].broken)
			return true;
	return false;
}

/* The source paragraphs that hold a quote.style finding of their own. */
static unsigned char *source_paras_with_style(const wc_doc *src, const wc_findings *fs)
{
	unsigned char *has = wc_xcalloc(src->npara + 1, 1);
	for (size_t k = 0; k < fs->n; k++) {
		const wc_raw_finding *f = &fs->v[k];
		if (f->check == WC_CHECK_QUOTE_STYLE && f->doc == src && src->npara)
			has[wc_doc_para_at(src, f->start)] = 1;
	}
	return has;
}

static void mark_as_in_source(wc_raw_finding *f, const wc_doc *src, size_t sp)
{
	char *m = wc_xasprintf("%s, as in the source (line %zu)", f->message, src->paras[sp].line);
	free(f->message);
	f->message = m;
	f->severity = WC_INFO;
	f->src = src;
	f->src_start = src->paras[sp].start;
}

void wc_quote_defects_as_in_source(const wc_doc *src, const wc_doc *tgt,
                                   const wc_alignment *al, wc_findings *fs)
{
	if (!tgt->npara || !src->npara)
		return;
	unsigned char *broken = wc_xcalloc(src->npara + 1, 1); /* 0 unknown, 1 yes, 2 no */
	unsigned char *styled = NULL;
	for (size_t k = 0; k < fs->n; k++) {
		wc_raw_finding *f = &fs->v[k];
		bool unbalanced = f->check == WC_CHECK_QUOTE_UNBALANCED;
		if ((!unbalanced && f->check != WC_CHECK_QUOTE_STYLE) || f->doc != tgt)
			continue;
		int sp = al->t2s[wc_doc_para_at(tgt, f->start)];
		if (sp < 0)
			continue;
		bool carried;
		if (unbalanced) {
			if (!broken[sp])
				broken[sp] = para_has_open_quotation(src, (size_t)sp) ? 1 : 2;
			carried = broken[sp] == 1;
		} else {
			if (!styled)
				styled = source_paras_with_style(src, fs);
			carried = styled[sp];
		}
		if (carried)
			mark_as_in_source(f, src, (size_t)sp);
	}
	free(broken);
	free(styled);
}
