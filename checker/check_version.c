/*
 * check_version.c — stage 5, whole-version verdicts on a translation: no text
 * at all (version.empty), too little of the source (version.coverage), another
 * language or the source itself (version.language), and, paragraph by
 * paragraph, a source paragraph the alignment leaves without a counterpart
 * (paragraph.missing) or a counterpart much shorter than it
 * (paragraph.short).  It reads what the earlier stages left: the alignment,
 * the facts' matched flags (check_facts.c) and the quote.missing findings
 * (check_quotes.c).  Related coverage is never checked for omissions, so it
 * gets none of these.
 */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* Enough evidence for version.coverage: below this many source paragraphs,
 * or facts and quotations, a short story's omissions are left to the
 * one-by-one findings (fact.missing, quote.missing). */
#define COVERAGE_MIN_PARAS 4
#define COVERAGE_MIN_ITEMS 5

/* version.language fires only when the identifier is sure of another
 * language (margin over the runner-up) and the language given scores at
 * most this share of the best.  Measured (docs/checks-and-matching.md,
 * "Whole-version checks"): a text tagged with a sibling language scores
 * 0.20-0.36 of the best for es, fr, it, pt among themselves and 0.23-0.33
 * for sv, da among the Nordic ones, which are the mistakes to catch; a
 * Danish text tagged nb scores 0.60, too close to call, and is left alone;
 * no correct text of DEMETR or the fixtures is identified as another
 * language at all. */
#define LANGUAGE_MIN_CONFIDENCE 0.5
#define LANGUAGE_MAX_GIVEN_SHARE 0.45

/* paragraph.short: a paragraph pair whose length ratio, corrected for the
 * two languages' length factors, is below SHORT_RATIO (one sentence) or
 * SHORT_RATIO_MULTI (two or more: their lengths vary less together, and only
 * they can lose a whole sentence); source paragraphs shorter than
 * SHORT_MIN_LEN code points (headlines, datelines) vary too much to judge.
 * Measured on DEMETR and the fixtures (docs/checks-and-matching.md, "Whole-version checks"). */
#define SHORT_RATIO 0.6
#define SHORT_RATIO_MULTI 0.72
#define SHORT_MIN_LEN 100
/* The expected length follows the translation's own (own_length_scale). */
#define OWN_SCALE_GROUPS 5
#define OWN_SCALE_MIN 0.8
#define OWN_SCALE_MAX 1.4

enum { EXCERPT_MAX = 60 }; /* code points of a source paragraph quoted in a message */

/* ---- decisions ------------------------------------------------------------------ */

/* Titles and place names are matched per story, not fact by fact (check_facts.c
 * leaves their source flags alone), so they carry no per-fact evidence. */
static bool counts_for_coverage(const wc_xfact *f)
{
	return !wc_kind_per_story(f->kind);
}

size_t wc_coverage_facts(const wc_doc *src, size_t *carried)
{
	size_t n = 0;
	*carried = 0;
	for (size_t i = 0; i < src->nfacts; i++) {
		const wc_xfact *f = &src->facts[i];
		if (!counts_for_coverage(f))
			continue;
		n++;
		*carried += f->matched != WC_MATCH_NONE;
	}
	return n;
}

static bool share_below(size_t kept, size_t all, size_t enough, double min)
{
	return all >= enough && (double)kept < min * (double)all;
}

bool wc_coverage_too_low(const wc_coverage *c, double min)
{
	if (!(min > 0))
		return false;
	return share_below(c->paras_kept, c->paras, COVERAGE_MIN_PARAS, min) ||
	       share_below(c->items_kept, c->items, COVERAGE_MIN_ITEMS, min);
}

bool wc_language_differs(int rc, const wc_langid *id, const char *given)
{
	if (rc != WC_OK || !id->lang || !given || strcmp(id->lang, given) == 0)
		return false;
	return id->confidence >= LANGUAGE_MIN_CONFIDENCE &&
	       id->given_score <= LANGUAGE_MAX_GIVEN_SHARE * id->best_score;
}

static bool closing_mark(int32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0xAB;
}

static bool opening_mark(int32_t c)
{
	return c == '"' || c == '\'' || c == 0x201C || c == 0x201E || c == 0x2018 || c == 0xAB || c == 0xBB;
}

/* Where a sentence ends at s[i] (a '.', '!', '?' or '…' just read, the word
 * before it word_len letters long, capitalized or not): closing marks, white
 * space, opening marks, then a capital or a digit.  A period after a
 * capitalized word of one or two letters is taken for an abbreviation
 * ("Mr.", "U.S.", "George W. Bush"). */
static bool sentence_ends(const char *s, size_t n, size_t i, int32_t mark, size_t word_len,
                          bool capital)
{
	if (mark == '.' && word_len < 3 && (capital || word_len == 0))
		return false;
	int32_t c = -1;
	while (i < n && closing_mark(c = wc_utf8_next(s, n, &i)))
		;
	if (!wc_is_space(c))
		return false;
	while (i < n && (wc_is_space(c = wc_utf8_next(s, n, &i)) || opening_mark(c)))
		;
	return wc_is_upper(c) || wc_is_digit(c);
}

size_t wc_count_sentences(const char *s, size_t n)
{
	size_t count = 1, word = 0;
	bool capital = false;
	for (size_t i = 0; i < n;) {
		int32_t c = wc_utf8_next(s, n, &i);
		if (c == '.' || c == '!' || c == '?' || c == 0x2026)
			count += sentence_ends(s, n, i, c, word, capital);
		if (!wc_is_letter(c) && !wc_is_digit(c)) {
			word = 0;
			continue;
		}
		if (word++ == 0)
			capital = wc_is_upper(c);
	}
	return count;
}

bool wc_paragraph_too_short(size_t src_len, size_t sentences, size_t tgt_len, double src_factor,
                            double tgt_factor)
{
	if (src_len < SHORT_MIN_LEN || !(src_factor > 0) || !(tgt_factor > 0))
		return false;
	double expected = (double)src_len * tgt_factor / src_factor;
	return (double)tgt_len < (sentences > 1 ? SHORT_RATIO_MULTI : SHORT_RATIO) * expected;
}

/* ---- helpers -------------------------------------------------------------------- */

static size_t para_len(const wc_doc *d, size_t p)
{
	return wc_utf8_count(d->text + d->paras[p].start, d->paras[p].end - d->paras[p].start);
}

/* The first EXCERPT_MAX code points of a source paragraph ("…" where cut). */
static char *para_excerpt(const wc_doc *d, size_t p)
{
	size_t i = d->paras[p].start, end = d->paras[p].end;
	for (int n = 0; i < end && n < EXCERPT_MAX; n++)
		wc_utf8_next(d->text, end, &i);
	return wc_xasprintf("%.*s%s", (int)(i - d->paras[p].start), d->text + d->paras[p].start,
	                    i < end ? "…" : "");
}

static size_t quotes_missing(const wc_doc *tgt, const wc_findings *fs)
{
	size_t n = 0;
	for (size_t i = 0; i < fs->n; i++)
		n += fs->v[i].doc == tgt && fs->v[i].check == WC_CHECK_QUOTE_MISSING;
	return n;
}

static wc_coverage measure(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                           const wc_findings *fs)
{
	wc_coverage c = {.paras = src->npara};
	for (size_t p = 0; p < src->npara && p < al->ns; p++)
		c.paras_kept += al->s2t[p] >= 0;
	size_t carried;
	c.items = wc_coverage_facts(src, &carried) + src->nquotations;
	size_t lost = quotes_missing(tgt, fs);
	c.items_kept = carried + (src->nquotations > lost ? src->nquotations - lost : 0);
	return c;
}

/* ---- whole-version checks ------------------------------------------------------- */

static bool check_coverage(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                           double min, wc_findings *fs)
{
	wc_coverage c = measure(src, tgt, al, fs);
	if (!wc_coverage_too_low(&c, min))
		return false;
	double ps = c.paras ? (double)c.paras_kept / (double)c.paras : 1;
	double is = c.items ? (double)c.items_kept / (double)c.items : 1;
	char *expected = wc_xasprintf("%.2f", min);
	char *found = wc_xasprintf("%.2f", ps < is ? ps : is);
	wc_emit(fs, WC_CHECK_VERSION_COVERAGE, -1, tgt, 0, 0, NULL, 0, expected, found, NULL,
	        "the translation carries %zu of the source's %zu paragraphs (%.2f) and %zu of its %zu "
	        "facts and quotations (%.2f), less than the %.2f required (--min-coverage): cut off, "
	        "or another story?", c.paras_kept, c.paras, ps, c.items_kept, c.items, is, min);
	free(expected);
	free(found);
	return true;
}

static bool check_language(const wc_ruleset *rs, const wc_doc *src, const wc_doc *tgt,
                           wc_findings *fs)
{
	if (tgt->len == src->len && memcmp(tgt->text, src->text, src->len) == 0) {
		wc_emit(fs, WC_CHECK_VERSION_LANGUAGE, -1, tgt, 0, 0, src, 0, NULL, NULL, NULL,
		        "the translation is identical to its source %s", src->path);
		return true;
	}
	wc_langid id;
	int rc = wc_langid_scores(rs, tgt->text, tgt->len, tgt->loc->lang, &id);
	if (!wc_language_differs(rc, &id, tgt->loc->lang))
		return false;
	bool untranslated = strcmp(id.lang, src->loc->lang) == 0;
	wc_emit(fs, WC_CHECK_VERSION_LANGUAGE, -1, tgt, 0, 0, NULL, 0, tgt->loc->lang, id.lang, NULL,
	        "the text reads as %s (confidence %.2f), not %s as given%s", id.lang, id.confidence,
	        tgt->loc->lang, untranslated ? ": the source's language, an untranslated copy?" : "");
	return true;
}

/* ---- paragraph checks ----------------------------------------------------------- */

/* Where each source paragraph stands against the translation, worked out once
 * so that a document of a million paragraphs costs linear time. */
typedef struct {
	size_t ns, nt;
	long *prev, *next;      /* per source paragraph: the nearest aligned source paragraph
	                           before it (-1 if none) and after it (ns if none) */
	size_t *unpaired;       /* nt + 1 prefix counts of unpaired translation paragraphs */
	long *next_unpaired;    /* nt + 1: the first unpaired one at or after j, or -1 */
} layout;

static void layout_init(layout *l, const wc_alignment *al)
{
	size_t ns = l->ns = al->ns, nt = l->nt = al->nt;
	l->prev = wc_xmalloc((ns ? ns : 1) * sizeof *l->prev);
	l->next = wc_xmalloc((ns ? ns : 1) * sizeof *l->next);
	long last = -1;
	for (size_t p = 0; p < ns; p++) {
		l->prev[p] = last;
		if (al->s2t[p] >= 0)
			last = (long)p;
	}
	last = (long)ns;
	for (size_t p = ns; p-- > 0;) {
		l->next[p] = last;
		if (al->s2t[p] >= 0)
			last = (long)p;
	}
	l->unpaired = wc_xcalloc(nt + 1, sizeof *l->unpaired);
	l->next_unpaired = wc_xmalloc((nt + 1) * sizeof *l->next_unpaired);
	for (size_t j = 0; j < nt; j++)
		l->unpaired[j + 1] = l->unpaired[j] + (al->t2s[j] < 0);
	l->next_unpaired[nt] = -1;
	for (size_t j = nt; j-- > 0;)
		l->next_unpaired[j] = al->t2s[j] < 0 ? (long)j : l->next_unpaired[j + 1];
}

static void layout_free(layout *l)
{
	free(l->prev);
	free(l->next);
	free(l->unpaired);
	free(l->next_unpaired);
}

typedef struct {
	size_t sources;   /* unaligned source paragraphs between the same neighbours */
	size_t targets;   /* unpaired translation paragraphs in their place */
	long target;      /* the first of those, or -1 */
	long first;       /* the first of the source paragraphs */
	long lo, hi;      /* the translation paragraphs between the neighbours' counterparts */
} gap;

/* The gap around unaligned source paragraph p: the source paragraphs between
 * its nearest aligned neighbours, and the translation paragraphs between
 * those neighbours' counterparts (in either order: paragraphs move). */
static gap gap_of(const layout *l, const wc_alignment *al, size_t p)
{
	long a = l->prev[p], b = l->next[p];
	long before = a >= 0 ? al->s2t[a] : -1, after = b < (long)l->ns ? al->s2t[b] : (long)l->nt;
	long lo = (before < after ? before : after) + 1, hi = before < after ? after : before;
	gap g = {(size_t)(b - a - 1), 0, -1, a + 1, lo, hi};
	if (lo < hi) {
		g.targets = l->unpaired[hi] - l->unpaired[lo];
		g.target = g.targets ? l->next_unpaired[lo] : -1;
	}
	return g;
}

/* Where a finding about source paragraph p stands in the translation, as
 * fact.missing places it: the paragraph aligned to p or to the nearest
 * aligned source paragraph before it, else the first. */
static size_t target_offset(const layout *l, const wc_doc *tgt, const wc_alignment *al, size_t p)
{
	long s = al->s2t[p] >= 0 ? (long)p : l->prev[p];
	if (s >= 0 && (size_t)al->s2t[s] < tgt->npara)
		return tgt->paras[al->s2t[s]].start;
	return tgt->npara ? tgt->paras[0].start : 0;
}

/* The code points of the translation's unpaired paragraphs in gap g. */
static size_t unpaired_len(const wc_doc *tgt, const wc_alignment *al, const gap *g)
{
	size_t n = 0;
	for (long j = g->lo; j < g->hi && j < (long)tgt->npara; j++)
		if (al->t2s[j] < 0)
			n += para_len(tgt, (size_t)j);
	return n;
}

/* A gap of more source paragraphs than translation paragraphs in their
 * place, none of which the alignment could pair (no anchors, lengths too
 * unlike: sentences of the same length class), is a paragraph dropped when
 * the translation's text there also falls short: by at least half of what
 * the paragraphs it lacks would take (from the average of the gap's, and the
 * two languages' length factors).  Which of them is gone, length alone
 * cannot tell, so the finding names the gap.  A translation that merged two
 * paragraphs keeps their length, and gets none. */
static void check_short_gap(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                            const gap *g, const layout *l, wc_findings *fs)
{
	size_t lacking = g->sources - g->targets, slen = 0;
	for (size_t k = 0; k < g->sources; k++)
		slen += para_len(src, (size_t)g->first + k);
	double expected = (double)slen * wc_length_scale(src, tgt), lacked = expected * (double)lacking / (double)g->sources;
	size_t tlen = unpaired_len(tgt, al, g);
	if ((double)tlen > expected - 0.5 * lacked)
		return;
	size_t p = (size_t)g->first, last = p + g->sources - 1;
	size_t at = target_offset(l, tgt, al, p);
	wc_emit(fs, WC_CHECK_PARAGRAPH_MISSING, -1, tgt, at, at, src, src->paras[p].start, NULL, NULL,
	        NULL, "%zu of the %zu source paragraphs of lines %zu-%zu %s no counterpart: the translation "
	        "has %zu paragraph%s in their place, with %.2f of the length expected", lacking,
	        g->sources, src->paras[p].line, src->paras[last].line, lacking == 1 ? "has" : "have",
	        g->targets, g->targets == 1 ? "" : "s", expected > 0 ? (double)tlen / expected : 0);
}

/* An unaligned source paragraph is reported only when the translation holds
 * no unpaired paragraph where it would stand.  Otherwise it is most likely
 * there, only too unlike to pair (a three-word subheading shares no anchor
 * and too little length, a paragraph that lost most of its text), and
 * calling it missing would be a guess, unless the gap holds fewer
 * paragraphs and less text than the source's (check_short_gap). */
static void check_missing_paragraphs(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                                     const layout *l, wc_findings *fs)
{
	for (size_t p = 0; p < src->npara && p < al->ns; p++) {
		if (al->s2t[p] >= 0)
			continue;
		gap g = gap_of(l, al, p);
		if (g.targets > 0) {
			if ((long)p == g.first && g.targets < g.sources)
				check_short_gap(src, tgt, al, &g, l, fs);
			continue;
		}
		size_t at = target_offset(l, tgt, al, p);
		char *ex = para_excerpt(src, p);
		wc_emit(fs, WC_CHECK_PARAGRAPH_MISSING, -1, tgt, at, at, src, src->paras[p].start, ex,
		        NULL, NULL, "source paragraph of line %zu (%zu characters) has no counterpart in "
		        "the translation", src->paras[p].line, para_len(src, p));
		free(ex);
	}
}

/* A pair as the alignment makes it, by translation paragraph t: every source
 * paragraph aligned to t (a merge) and every translation paragraph aligned to
 * one of those (a split), their lengths and sentences summed, and the
 * group's first source paragraph. */
typedef struct {
	size_t slen, sentences, tlen, first;
} group;

static size_t sentences_of(const wc_doc *d, size_t p)
{
	return wc_count_sentences(d->text + d->paras[p].start, d->paras[p].end - d->paras[p].start);
}

static group *groups_of(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al)
{
	group *g = wc_xcalloc(al->nt + 1, sizeof *g);
	size_t *tlen_of_src = wc_xcalloc(al->ns + 1, sizeof *tlen_of_src);
	for (size_t j = 0; j < al->nt; j++) {
		g[j].first = SIZE_MAX;
		if (al->t2s[j] >= 0)
			tlen_of_src[al->t2s[j]] += para_len(tgt, j);
	}
	for (size_t p = 0; p < al->ns; p++) {
		if (al->s2t[p] < 0)
			continue;
		group *x = &g[al->s2t[p]];
		x->slen += para_len(src, p);
		x->sentences += sentences_of(src, p);
		x->tlen += tlen_of_src[p];
		if (x->first == SIZE_MAX)
			x->first = p;
	}
	free(tlen_of_src);
	return g;
}

/* The pair to judge for source paragraph p, or false.  One unaligned source
 * paragraph with one unpaired translation paragraph in its place is a pair
 * the alignment could not make, as when the translation kept too little. */
static bool pair_of(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al, const layout *l,
                    const group *groups, size_t p, group *out, size_t *t)
{
	if (al->s2t[p] >= 0) {
		*t = (size_t)al->s2t[p];
		*out = groups[*t];
		return out->first == p;
	}
	gap g = gap_of(l, al, p);
	if (g.sources != 1 || g.targets != 1)
		return false;
	*t = (size_t)g.target;
	*out = (group){para_len(src, p), sentences_of(src, p), para_len(tgt, *t), p};
	return true;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* How long this translation runs against what the two languages' length
 * factors predict: the median ratio of its paragraph groups long enough to
 * judge, within [OWN_SCALE_MIN, OWN_SCALE_MAX]; 1 with fewer than
 * OWN_SCALE_GROUPS of them.  A translator who writes a fifth longer than the
 * factor would hide a dropped sentence, one who condenses would be told of
 * sentences that are there; the median is the translation's own measure,
 * and a few short paragraphs do not move it. */
static double own_length_scale(const group *g, size_t nt, double fs_, double ft)
{
	double *r = wc_xcalloc(nt + 1, sizeof *r);
	size_t n = 0;
	for (size_t j = 0; j < nt; j++)
		if (g[j].first != SIZE_MAX && g[j].slen >= SHORT_MIN_LEN)
			r[n++] = (double)g[j].tlen / ((double)g[j].slen * ft / fs_);
	double m = 1;
	if (n >= OWN_SCALE_GROUPS) {
		qsort(r, n, sizeof *r, by_value);
		m = n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
		m = m < OWN_SCALE_MIN ? OWN_SCALE_MIN : m > OWN_SCALE_MAX ? OWN_SCALE_MAX : m;
	}
	free(r);
	return m;
}

static void check_short_paragraphs(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al,
                                   const layout *l, wc_findings *fs)
{
	double fs_ = src->loc->length_factor, ft = tgt->loc->length_factor;
	if (!(fs_ > 0) || !(ft > 0))
		return;
	group *groups = groups_of(src, tgt, al);
	ft *= own_length_scale(groups, al->nt, fs_, ft);
	for (size_t p = 0; p < src->npara && p < al->ns; p++) {
		group x;
		size_t t;
		if (!pair_of(src, tgt, al, l, groups, p, &x, &t) || t >= tgt->npara ||
		    !wc_paragraph_too_short(x.slen, x.sentences, x.tlen, fs_, ft))
			continue;
		size_t at = tgt->paras[t].start;
		double ratio = (double)x.tlen / ((double)x.slen * ft / fs_);
		wc_emit(fs, WC_CHECK_PARAGRAPH_SHORT, -1, tgt, at, at, src, src->paras[p].start, NULL, NULL,
		        NULL, "this paragraph has %zu characters where source line %zu has %zu: %.2f of the "
		        "length expected in %s (below %.2f); a sentence may be missing", x.tlen,
		        src->paras[p].line, x.slen, ratio, tgt->loc->lang,
		        x.sentences > 1 ? SHORT_RATIO_MULTI : SHORT_RATIO);
	}
	free(groups);
}

void wc_check_version(const wc_ruleset *rs, const wc_doc *src, const wc_doc *tgt,
                      const wc_alignment *al, double min_coverage, wc_findings *fs)
{
	/* Related coverage carries what it likes; a source without text has
	 * nothing to carry. */
	if (tgt->role != WC_ROLE_TRANSLATION || src->npara == 0)
		return;
	if (tgt->npara == 0) {
		wc_emit(fs, WC_CHECK_VERSION_EMPTY, -1, tgt, 0, 0, NULL, 0, NULL, NULL, NULL,
		        "the translation has no text: it is empty or holds only white space");
		return;
	}
	bool whole = check_language(rs, src, tgt, fs);
	whole |= check_coverage(src, tgt, al, min_coverage, fs);
	/* A version that is wrong as a whole gets that one verdict, not a
	 * finding for every paragraph as well. */
	if (whole)
		return;
	layout l;
	layout_init(&l, al);
	check_missing_paragraphs(src, tgt, al, &l, fs);
	check_short_paragraphs(src, tgt, al, &l, fs);
	layout_free(&l);
}
