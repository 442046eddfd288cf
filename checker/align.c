/*
 * align.c — stage 4: aligns the paragraphs of a translation (or related
 * story) to the source's.  Each paragraph gets a signature of anchors that
 * survive translation — normalized facts, term ids, capitalized names — and
 * a dynamic programme over the two sequences maximizes anchor similarity,
 * allowing dropped, added, merged (2:1) and split (1:2) paragraphs.  A second
 * pass pairs leftovers that moved out of order, as the Swedish ZTE version's
 * do; gaps left between pairs are then paired in order, by length where
 * their paragraphs hold no anchors (merges included).  Facts are then matched
 * within aligned paragraphs (check_facts.c).
 */
#include "align.h"

#include <stdlib.h>
#include <string.h>

/* Anchors are hashed to 64 bits: comparing them is most of the alignment's
 * work, and a collision between two anchors of one story is not a concern. */
typedef struct {
	uint64_t *keys; /* sorted, unique */
	size_t n, cap;
	size_t len;     /* code points */
} signature;

static uint64_t key_of(char kind, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ (unsigned char)kind;
	h *= 1099511628211ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void add_key(signature *s, uint64_t k)
{
	*WC_PUSH(s->keys, s->n, s->cap) = k;
}

static int by_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void finish(signature *s)
{
	if (s->n)
		qsort(s->keys, s->n, sizeof *s->keys, by_key);
	size_t w = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!w || s->keys[w - 1] != s->keys[i])
			s->keys[w++] = s->keys[i];
	s->n = w;
}

/* A name word's key, case-folded (ASCII without allocating). */
static void add_word_keys(signature *s, const char *w, size_t n)
{
	char buf[64];
	char *k = NULL;
	const char *f = w;
	bool ascii = n < sizeof buf;
	for (size_t i = 0; ascii && i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		ascii = c < 0x80;
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (ascii) {
		f = buf;
	} else {
		k = wc_casefold(w, n);
		f = k;
		n = strlen(k);
	}
	if (n > 3 && f[n - 1] == 's')
		add_key(s, key_of('w', f, n - 1));
	add_key(s, key_of('w', f, n));
	free(k);
}

/* Capitalized words after the first are mostly names in every language we
 * serve; the genitive is cut so that "Trumps" meets "Trump". */
static void add_name_words(signature *s, const char *t, size_t a, size_t b)
{
	size_t i = a;
	bool first = true;
	while (i < b) {
		size_t st = i;
		int32_t c = wc_utf8_next(t, b, &i);
		if (!wc_is_letter(c))
			continue;
		bool upper = wc_is_upper(c);
		size_t e = i;
		while (e < b) {
			size_t k = e;
			int32_t d = wc_utf8_next(t, b, &k);
			if (!wc_is_letter(d) && !wc_is_digit(d))
				break;
			e = k;
		}
		i = e;
		if (upper && !first && e - st >= 2)
			add_word_keys(s, t + st, e - st);
		first = false;
	}
}

/* Whether a paragraph quotes someone: quotations survive translation, and
 * tell a quote paragraph from the narrative one beside it. */
static bool has_quotation(const char *t, size_t a, size_t b)
{
	size_t i = a;
	while (i < b) {
		int32_t c = wc_utf8_next(t, b, &i);
		if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB)
			return true;
	}
	return false;
}

static void build_signatures(const wc_doc *d, signature *sig)
{
	for (size_t p = 0; p < d->npara; p++) {
		const wc_para *pa = &d->paras[p];
		sig[p].len = wc_utf8_count(d->text + pa->start, pa->end - pa->start);
		add_name_words(&sig[p], d->text, pa->start, pa->end);
		if (has_quotation(d->text, pa->start, pa->end))
			add_key(&sig[p], key_of('q', "", 0));
	}
	for (size_t i = 0; i < d->nfacts; i++) {
		const wc_xfact *f = &d->facts[i];
		signature *s = &sig[f->para];
		/* "a year", "today": so common, and so often dropped, that they tell
		 * nothing about which paragraph is which */
		if (f->weak)
			continue;
		/* the kind goes into the key: "2" the number is not "2" the code */
		uint64_t k = key_of((char)('A' + f->kind), f->value, strlen(f->value));
		add_key(s, k);
		if (f->name)
			add_key(s, key_of('w', f->name, strlen(f->name)));
	}
	for (size_t p = 0; p < d->npara; p++)
		finish(&sig[p]);
}

static size_t shared(const signature *a, const signature *b)
{
	size_t i = 0, j = 0, n = 0;
	while (i < a->n && j < b->n) {
		if (a->keys[i] == b->keys[j])
			n++, i++, j++;
		else if (a->keys[i] < b->keys[j])
			i++;
		else
			j++;
	}
	return n;
}

static double length_ratio(size_t a, size_t b)
{
	if (!a || !b)
		return 0;
	return a < b ? (double)a / (double)b : (double)b / (double)a;
}

/* Similarity in [0, 1] of source paragraphs (a, a2) and target (b, b2); the
 * second of each may be NULL.  Shared anchors weigh most; similar length
 * carries pairs with few anchors (headings, quotes), as in Gale and Church's
 * length-based alignment.  Paragraphs rich in anchors that share none are
 * different paragraphs, whatever their length. */
static double similarity_of(const signature *a, const signature *a2, const signature *b,
                            const signature *b2, size_t common)
{
	size_t na = a->n + (a2 ? a2->n : 0), nb = b->n + (b2 ? b2->n : 0);
	size_t la = a->len + (a2 ? a2->len : 0), lb = b->len + (b2 ? b2->len : 0);
	double len = length_ratio(la, lb);
	double dice = na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
	if (common == 0 && na >= 3 && nb >= 3)
		return 0;
	return 0.65 * dice + 0.35 * len;
}

static double similarity(const signature *a, const signature *a2, const signature *b,
                         const signature *b2)
{
	size_t common = shared(a, b) + (a2 ? shared(a2, b) : 0) + (b2 ? shared(a, b2) : 0);
	return similarity_of(a, a2, b, b2, common);
}

/* For paragraphs out of order only anchors count: length says nothing there. */
static double anchor_similarity(const signature *a, const signature *b)
{
	size_t common = shared(a, b);
	if (!a->n || !b->n)
		return 0;
	double dice = 2.0 * (double)common / (double)(a->n + b->n);
	return dice * (0.7 + 0.3 * length_ratio(a->len, b->len));
}

/* A pair earns its similarity above this floor, so that a chain of weak,
 * length-only pairs cannot outweigh fewer pairs that share anchors. */
#define MIN_SIM 0.3
/* A merge must explain its pair better than a 1:1 pair with one paragraph
 * left over, which it does when it is a real merge. */
#define MERGE_SIM 0.5
#define MOVED_SIM 0.4 /* an out-of-order pair must be clearly the same */

enum { STEP_NONE, STEP_SKIP_S, STEP_SKIP_T, STEP_11, STEP_21, STEP_12 };

/* The cells the dynamic programme fills: all of them for stories of up to
 * about a thousand paragraphs, else a band of half-width `half` around the
 * diagonal, so that time and memory grow with the paragraphs, not with their
 * square.  A paragraph moved further than the band is paired by pair_moved. */
typedef struct {
	size_t ns, nt, half, width;
	bool full;
} dp_band;

static size_t band_lo(const dp_band *b, size_t i)
{
	if (b->full)
		return 0;
	size_t c = (size_t)((double)i * (double)b->nt / (double)b->ns);
	return c > b->half ? c - b->half : 0;
}

static size_t band_hi(const dp_band *b, size_t i)
{
	if (b->full)
		return b->nt;
	size_t c = (size_t)((double)i * (double)b->nt / (double)b->ns);
	return c + b->half < b->nt ? c + b->half : b->nt;
}

/* The cell of (i, j), or SIZE_MAX outside the band. */
static size_t cell(const dp_band *b, size_t i, size_t j)
{
	size_t lo = band_lo(b, i);
	if (j < lo || j > band_hi(b, i))
		return SIZE_MAX;
	return i * b->width + (j - lo);
}

static double score_at(const double *score, const dp_band *b, size_t i, size_t j)
{
	size_t c = cell(b, i, j);
	return c == SIZE_MAX ? -1e300 : score[c];
}

/* The anchors S[i - 1] and T[j - 1] share, from the cell of (i, j) where the
 * fill has counted them already: each pair is counted once, though a cell's
 * 1:1, 2:1 and 1:2 steps all need it and its neighbours'. */
static size_t shared_at(const signature *S, const signature *T, const dp_band *b,
                        const uint32_t *count, size_t i, size_t j)
{
	size_t c = cell(b, i, j);
	return c == SIZE_MAX ? shared(&S[i - 1], &T[j - 1]) : count[c];
}

static void dp_fill(const signature *S, const signature *T, const dp_band *b, double *score,
                    unsigned char *step)
{
	uint32_t *count = wc_xcalloc((b->ns + 1) * b->width, sizeof *count);
	for (size_t i = 0; i <= b->ns; i++)
		for (size_t j = band_lo(b, i); j <= band_hi(b, i); j++) {
			if (!i && !j)
				continue;
			size_t c = cell(b, i, j);
			double best = -1;
			unsigned char how = STEP_NONE;
#define TRY(cond, val, st) do { if (cond) { double v_ = (val); if (v_ > best) { best = v_; how = (st); } } } while (0)
			TRY(i > 0, score_at(score, b, i - 1, j), STEP_SKIP_S);
			TRY(j > 0, score_at(score, b, i, j - 1), STEP_SKIP_T);
			if (i > 0 && j > 0) {
				size_t here = count[c] = (uint32_t)shared(&S[i - 1], &T[j - 1]);
				double s = similarity_of(&S[i - 1], NULL, &T[j - 1], NULL, here);
				TRY(s > MIN_SIM, score_at(score, b, i - 1, j - 1) + s - MIN_SIM, STEP_11);
				if (i > 1) {
					size_t up = shared_at(S, T, b, count, i - 1, j);
					s = similarity_of(&S[i - 2], &S[i - 1], &T[j - 1], NULL, here + up);
					TRY(s >= MERGE_SIM, score_at(score, b, i - 2, j - 1) + s - MIN_SIM - 0.05, STEP_21);
				}
				if (j > 1) {
					size_t left = shared_at(S, T, b, count, i, j - 1);
					s = similarity_of(&S[i - 1], NULL, &T[j - 2], &T[j - 1], here + left);
					TRY(s >= MERGE_SIM, score_at(score, b, i - 1, j - 2) + s - MIN_SIM - 0.05, STEP_12);
				}
			}
#undef TRY
			score[c] = best;
			step[c] = how;
		}
	free(count);
}

static void dp_align(const signature *S, const signature *T, const dp_band *b, wc_alignment *al)
{
	size_t ncells = (b->ns + 1) * b->width;
	double *score = wc_xcalloc(ncells, sizeof *score);
	unsigned char *step = wc_xcalloc(ncells, 1);
	dp_fill(S, T, b, score, step);
	for (size_t i = b->ns, j = b->nt; i || j;) {
		size_t c = cell(b, i, j);
		switch (c == SIZE_MAX ? STEP_NONE : step[c]) {
		case STEP_SKIP_S: i--; break;
		case STEP_SKIP_T: j--; break;
		case STEP_11:
			al->s2t[i - 1] = (int)(j - 1), al->t2s[j - 1] = (int)(i - 1);
			al->score[i - 1] = similarity(&S[i - 1], NULL, &T[j - 1], NULL);
			i--, j--;
			break;
		case STEP_21:
			al->s2t[i - 1] = al->s2t[i - 2] = (int)(j - 1);
			al->t2s[j - 1] = (int)(i - 2);
			al->score[i - 1] = al->score[i - 2] = similarity(&S[i - 2], &S[i - 1], &T[j - 1], NULL);
			i -= 2, j--;
			break;
		case STEP_12:
			al->s2t[i - 1] = (int)(j - 2);
			al->t2s[j - 1] = al->t2s[j - 2] = (int)(i - 1);
			al->score[i - 1] = similarity(&S[i - 1], NULL, &T[j - 2], &T[j - 1]);
			i--, j -= 2;
			break;
		default:
			i = j = 0;
		}
	}
	free(score);
	free(step);
}

typedef struct {
	uint64_t key;
	uint32_t j;
} posting;

typedef struct {
	double sim;
	uint32_t i, j;
} moved_pair;

static int by_posting(const void *a, const void *b)
{
	const posting *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

/* Strongest first; among equals the first source paragraph, then the first
 * target, as a scan over the pairs in order would pick them. */
static int by_strength(const void *a, const void *b)
{
	const moved_pair *x = a, *y = b;
	if (x->sim != y->sim)
		return x->sim > y->sim ? -1 : 1;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

/* The first posting of key, or n. */
static size_t first_posting(const posting *v, size_t n, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The leftover pairs that share an anchor and are similar enough: only they
 * can pass MOVED_SIM, and an index of the targets' anchors finds them
 * without trying every pair. */
static moved_pair *moved_candidates(const signature *S, size_t ns, const signature *T, size_t nt,
                                    const wc_alignment *al, size_t *count)
{
	posting *post = NULL;
	size_t np = 0, pcap = 0;
	for (size_t j = 0; j < nt; j++)
		for (size_t k = 0; al->t2s[j] < 0 && k < T[j].n; k++)
			*WC_PUSH(post, np, pcap) = (posting){T[j].keys[k], (uint32_t)j};
	if (np)
		qsort(post, np, sizeof *post, by_posting);
	size_t *seen = wc_xcalloc(nt, sizeof *seen); /* i + 1 of the last source that tried j */
	moved_pair *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < ns; i++) {
		for (size_t k = 0; al->s2t[i] < 0 && k < S[i].n; k++) {
			for (size_t p = first_posting(post, np, S[i].keys[k]); p < np && post[p].key == S[i].keys[k]; p++) {
				uint32_t j = post[p].j;
				if (seen[j] == i + 1)
					continue;
				seen[j] = i + 1;
				double sim = anchor_similarity(&S[i], &T[j]);
				if (sim > MOVED_SIM)
					*WC_PUSH(v, n, cap) = (moved_pair){sim, (uint32_t)i, j};
			}
		}
	}
	free(seen);
	free(post);
	*count = n;
	return v;
}

/* Paragraphs that moved: pair the best leftovers, strongest first.  The
 * similarities do not change as pairs are taken, so sorting the candidates
 * once and taking each whose two paragraphs are still free gives the pairs
 * that picking the best remaining pair again and again would. */
static void pair_moved(const signature *S, size_t ns, const signature *T, size_t nt, wc_alignment *al)
{
	size_t n;
	moved_pair *v = moved_candidates(S, ns, T, nt, al, &n);
	if (n)
		qsort(v, n, sizeof *v, by_strength);
	for (size_t k = 0; k < n; k++) {
		if (al->s2t[v[k].i] >= 0 || al->t2s[v[k].j] >= 0)
			continue;
		al->s2t[v[k].i] = (int)v[k].j;
		al->t2s[v[k].j] = (int)v[k].i;
		al->score[v[k].i] = v[k].sim;
	}
	free(v);
}

/* Source paragraphs left alone between neighbours that are aligned (or the
 * ends of the texts), facing as many translation paragraphs left alone there,
 * can have no other counterparts: they pair in order.  So a one-paragraph
 * version is aligned by definition, and so is a changed sentence between two
 * that pair.  Only gaps of a few paragraphs, and only in a text where a pair
 * is sure (or of one paragraph): two unrelated stories stay apart. */
#define MAX_GAP 8
#define WEAK_PAIR 0.45 /* a pair this alike may be a shift of one */

/* A weak 1:1 pair that skips a paragraph on each side, crosswise (s-1 and
 * t+1 alone, or s+1 and t-1), is more likely the alignment shifted by one
 * than a dropped and an added paragraph: undo it, and let the gap pair the
 * paragraphs in order. */
static void undo_shifted_pairs(size_t ns, size_t nt, wc_alignment *al)
{
	for (size_t i = 0; i < ns; i++) {
		int j = al->s2t[i];
		if (j < 0 || al->score[i] >= WEAK_PAIR || al->t2s[j] != (int)i)
			continue;
		bool left = i > 0 && al->s2t[i - 1] < 0 && (size_t)j + 1 < nt && al->t2s[j + 1] < 0;
		bool right = i + 1 < ns && al->s2t[i + 1] < 0 && j > 0 && al->t2s[j - 1] < 0;
		if (left || right) {
			al->t2s[j] = -1;
			al->s2t[i] = -1;
			al->score[i] = 0;
		}
	}
}

/* A weak pair (length alone, or an anchor or two) whose offset (target
 * paragraph less source paragraph) is neither that of the nearest sure pair
 * before it nor that of the nearest after it (the ends of the texts count as
 * sure) shifts the texts against what their anchors say: undo it, and let
 * the gap pair the paragraphs in order. */
static void undo_off_course_pairs(size_t ns, size_t nt, wc_alignment *al)
{
	long *before = wc_xmalloc((ns + 1) * sizeof *before);
	long off = 0;
	for (size_t i = 0; i < ns; i++) {
		before[i] = off;
		if (al->s2t[i] >= 0 && al->score[i] >= WEAK_PAIR)
			off = al->s2t[i] - (long)i;
	}
	off = (long)nt - (long)ns;
	for (size_t i = ns; i-- > 0;) {
		int j = al->s2t[i];
		bool sure = j >= 0 && al->score[i] >= WEAK_PAIR;
		if (sure) {
			off = j - (long)i;
			continue;
		}
		long o = j - (long)i;
		if (j >= 0 && al->t2s[j] == (int)i && o != before[i] && o != off) {
			al->t2s[j] = -1;
			al->s2t[i] = -1;
			al->score[i] = 0;
		}
	}
	free(before);
}

double wc_length_scale(const wc_doc *src, const wc_doc *tgt)
{
	double fs = src->loc ? src->loc->length_factor : 0, ft = tgt->loc ? tgt->loc->length_factor : 0;
	return fs > 0 && ft > 0 ? ft / fs : 1;
}

/* A source length in code points, as the translation would write it. */
static size_t scaled(size_t len, double len_scale)
{
	return (size_t)((double)len * len_scale + 0.5);
}

static size_t scaled_len(const signature *s, double len_scale)
{
	return scaled(s->len, len_scale);
}

/* More source paragraphs in a gap than translation paragraphs facing them,
 * with as much text (at least what the source's predicts, less half a
 * paragraph of the gap): the translator merged some, and the merges that
 * keep the lengths best say which (a 2:1 step where a 1:1 one would leave a
 * long paragraph against a short one).  Where the text falls short, a
 * paragraph is gone instead: check_version.c reports the gap. */
static void pair_merged_gap(const signature *S, size_t i, size_t g, const signature *T, size_t j,
                            size_t t, double len_scale, wc_alignment *al)
{
	double slen = 0, tlen = 0;
	for (size_t a = 0; a < g; a++)
		slen += (double)scaled_len(&S[i + a], len_scale);
	for (size_t b = 0; b < t; b++)
		tlen += (double)T[j + b].len;
	if (g > 2 * t || tlen < slen - 0.5 * slen / (double)g)
		return;
	/* f[a][b]: the best sum of length ratios pairing the first a source
	 * paragraphs with the first b translation paragraphs, each step 1:1 or 2:1 */
	double f[MAX_GAP + 1][MAX_GAP + 1];
	unsigned char how[MAX_GAP + 1][MAX_GAP + 1] = {{0}};
	for (size_t a = 0; a <= g; a++)
		for (size_t b = 0; b <= t; b++) {
			f[a][b] = a == 0 && b == 0 ? 0 : -1;
			if (a >= 1 && b >= 1 && f[a - 1][b - 1] >= 0) {
				double v = f[a - 1][b - 1] + length_ratio(scaled_len(&S[i + a - 1], len_scale), T[j + b - 1].len);
				if (v > f[a][b])
					f[a][b] = v, how[a][b] = 1;
			}
			if (a >= 2 && b >= 1 && f[a - 2][b - 1] >= 0) {
				size_t two = scaled_len(&S[i + a - 2], len_scale) + scaled_len(&S[i + a - 1], len_scale);
				double v = f[a - 2][b - 1] + length_ratio(two, T[j + b - 1].len);
				if (v > f[a][b])
					f[a][b] = v, how[a][b] = 2;
			}
		}
	if (f[g][t] < 0)
		return;
	for (size_t a = g, b = t; a > 0 && b > 0; b--) {
		size_t u = j + b - 1;
		if (how[a][b] == 1) {
			size_t s = i + a - 1;
			al->s2t[s] = (int)u, al->t2s[u] = (int)s;
			al->score[s] = similarity(&S[s], NULL, &T[u], NULL);
			a -= 1;
		} else {
			size_t s = i + a - 2;
			al->s2t[s] = al->s2t[s + 1] = (int)u, al->t2s[u] = (int)s;
			al->score[s] = al->score[s + 1] = similarity(&S[s], &S[s + 1], &T[u], NULL);
			a -= 2;
		}
	}
}

static void pair_gaps(const signature *S, size_t ns, const signature *T, size_t nt,
                      double len_scale, wc_alignment *al)
{
	bool any = ns == 1 && nt == 1;
	for (size_t i = 0; i < ns && !any; i++)
		any = al->s2t[i] >= 0 && al->score[i] >= WEAK_PAIR;
	if (!any)
		return;
	for (size_t i = 0; i < ns;) {
		if (al->s2t[i] >= 0) {
			i++;
			continue;
		}
		size_t k = i;
		while (k < ns && al->s2t[k] < 0)
			k++;
		long before = i > 0 ? al->s2t[i - 1] : -1;
		long after = k < ns ? al->s2t[k] : (long)nt;
		size_t gap = k - i, facing = after > before ? (size_t)(after - before - 1) : 0;
		bool free_between = after > before;
		for (long j = before + 1; free_between && j < after; j++)
			free_between = al->t2s[j] < 0;
		if (gap <= MAX_GAP && free_between && facing > 0 && facing < gap)
			pair_merged_gap(S, i, gap, T, (size_t)(before + 1), facing, len_scale, al);
		else if (gap <= MAX_GAP && free_between && facing == gap)
			for (size_t g = 0; g < gap; g++) {
				size_t s = i + g, t = (size_t)(before + 1) + g;
				al->s2t[s] = (int)t;
				al->t2s[t] = (int)s;
				al->score[s] = similarity(&S[s], NULL, &T[t], NULL);
			}
		i = k;
	}
}

/* A source paragraph left alone next to one whose counterpart is as long as
 * the two together (lengths scaled by the languages' length factors) is
 * merged into it, 2:1, as the programme pairs merges with anchors: a
 * translator joined two paragraphs that hold none ("This term derives ..."
 * with "Today, the only insects ...").  Only where the length says so
 * clearly: the pair alone fits badly, the two together well. */
#define MERGE_LEN_MIN 0.75 /* the length ratio of the two together, at least */
#define MERGE_LEN_GAIN 0.2 /* ... and this much better than the pair alone */

static bool merges_into(const signature *S, size_t p, size_t q, const signature *T, size_t t,
                        double len_scale)
{
	double alone = length_ratio(scaled(S[q].len, len_scale), T[t].len);
	double both = length_ratio(scaled(S[q].len + S[p].len, len_scale), T[t].len);
	return both >= MERGE_LEN_MIN && both >= alone + MERGE_LEN_GAIN;
}

static void absorb_merges(const signature *S, size_t ns, const signature *T, double len_scale,
                          wc_alignment *al)
{
	for (size_t p = 0; p < ns; p++) {
		if (al->s2t[p] >= 0)
			continue;
		/* the neighbour before, then after, paired 1:1 (its target has it alone) */
		for (int side = 0; side < 2 && al->s2t[p] < 0; side++) {
			if ((side == 0 && p == 0) || (side == 1 && p + 1 >= ns))
				continue;
			size_t q = side == 0 ? p - 1 : p + 1;
			int t = al->s2t[q];
			if (t < 0 || al->t2s[t] != (int)q || (q > 0 && al->s2t[q - 1] == t) ||
			    (q + 1 < ns && al->s2t[q + 1] == t) || !merges_into(S, p, q, T, (size_t)t, len_scale))
				continue;
			size_t first = side == 0 ? q : p;
			al->s2t[p] = t;
			al->t2s[t] = (int)first;
			al->score[p] = al->score[q] = similarity(&S[first], &S[first + 1], &T[t], NULL);
		}
	}
}

/* Up to this many cells the whole table is filled (the results of every
 * real story); beyond it a band of BAND_HALF paragraphs either side of the
 * diagonal, narrowed to keep within MAX_CELLS; a band that cannot be that
 * narrow (stories of very different lengths) aligns by position instead. */
#define FULL_CELLS 1100000u
#define BAND_HALF 256u
#define MAX_CELLS 16000000u

static bool choose_band(size_t ns, size_t nt, dp_band *b)
{
	*b = (dp_band){ns, nt, 0, nt + 1, true};
	if ((double)(ns + 1) * (double)(nt + 1) <= FULL_CELLS)
		return true;
	/* The band must overlap from one row to the next, or no path is left. */
	size_t slope = nt / ns + 2;
	size_t half = BAND_HALF;
	if ((double)(ns + 1) * (double)(2 * half + 1) > MAX_CELLS)
		half = (MAX_CELLS / (ns + 1) - 1) / 2;
	if (half < slope)
		half = slope;
	if ((double)(ns + 1) * (double)(2 * half + 1) > MAX_CELLS)
		return false;
	b->full = false;
	b->half = half;
	b->width = 2 * half + 1;
	return true;
}

/* A bilingual file (XLIFF) pairs its paragraphs itself, unit by unit: the
 * translator's tool made the pairs, nothing is guessed.  Units come in
 * order on both sides. */
static void align_units(const wc_doc *src, const wc_doc *tgt, wc_alignment *al)
{
	size_t j = 0;
	for (size_t i = 0; i < src->npara; i++) {
		while (j < tgt->npara && tgt->units[j] < src->units[i])
			j++;
		if (j < tgt->npara && tgt->units[j] == src->units[i] && src->units[i]) {
			al->s2t[i] = (int)j;
			al->t2s[j] = (int)i;
			al->score[i] = 1;
		}
	}
}

void wc_align_docs(const wc_doc *src, const wc_doc *tgt, wc_alignment *al)
{
	size_t ns = src->npara, nt = tgt->npara;
	al->ns = ns;
	al->nt = nt;
	al->s2t = wc_xmalloc((ns ? ns : 1) * sizeof *al->s2t);
	al->t2s = wc_xmalloc((nt ? nt : 1) * sizeof *al->t2s);
	al->score = wc_xcalloc(ns ? ns : 1, sizeof *al->score);
	for (size_t i = 0; i < ns; i++)
		al->s2t[i] = -1;
	for (size_t j = 0; j < nt; j++)
		al->t2s[j] = -1;
	if (!ns || !nt)
		return;
	if (src->units && tgt->units) {
		align_units(src, tgt, al);
		return;
	}
	dp_band band;
	if (!choose_band(ns, nt, &band)) {
		for (size_t i = 0; i < ns && i < nt; i++)
			al->s2t[i] = (int)i, al->t2s[i] = (int)i, al->score[i] = 0;
		return;
	}
	signature *S = wc_xcalloc(ns, sizeof *S), *T = wc_xcalloc(nt, sizeof *T);
	build_signatures(src, S);
	build_signatures(tgt, T);
	dp_align(S, T, &band, al);
	pair_moved(S, ns, T, nt, al);
	undo_shifted_pairs(ns, nt, al);
	undo_off_course_pairs(ns, nt, al);
	double len_scale = wc_length_scale(src, tgt);
	pair_gaps(S, ns, T, nt, len_scale, al);
	absorb_merges(S, ns, T, len_scale, al);
	for (size_t i = 0; i < ns; i++)
		free(S[i].keys);
	for (size_t j = 0; j < nt; j++)
		free(T[j].keys);
	free(S);
	free(T);
}

void wc_alignment_free(wc_alignment *al)
{
	free(al->s2t);
	free(al->t2s);
	free(al->score);
	al->s2t = al->t2s = NULL;
	al->score = NULL;
}
