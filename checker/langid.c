/*
 * langid.c — language identification for texts that come without a language
 * tag.  Each locale lists its most frequent function words (`stopwords:`);
 * the text's words are looked up in all the lists at once, and a word shared
 * by k languages counts 1/k for each of them, so that the words that tell
 * close languages apart (Danish af/efter/mig, Norwegian av/etter/meg,
 * Swedish och/inte/att) decide between them.  The answer is the best-scoring
 * language; its confidence is the margin over the runner-up.  Too little
 * text, too few function words, or too thin a margin is a refusal
 * (WC_ELANG), never a guess presented as an answer.
 */
#include "rules.h"
#include "langid.h"

#include <stdlib.h>
#include <string.h>

/* Enough evidence to decide; the rest of a long text adds nothing. */
#define LANGID_MAX_WORDS 20000
/* Function words of the winning language needed before any answer. */
#define LANGID_MIN_HITS 5
/* Share of the text's words that must be function words of the winner:
 * running text in any of the languages is 30–50 %; a language without a
 * locale that merely shares a few short words scores far less. */
#define LANGID_MIN_COVERAGE 0.15
/* Margin (best − second) / best below which the two are too close to call. */
#define LANGID_MIN_MARGIN 0.10

typedef struct wc_stopword {
	char *word;     /* case-folded */
	size_t loc;     /* index into rs->locales */
} stopword;

static int by_word(const void *a, const void *b)
{
	const stopword *x = a, *y = b;
	int c = strcmp(x->word, y->word);
	if (c)
		return c;
	return x->loc < y->loc ? -1 : x->loc > y->loc;
}

/* All stop words of all locales, sorted by word; a word listed twice by one
 * locale counts once. */
static stopword *collect(const wc_ruleset *rs, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < rs->nlocales; i++)
		total += rs->locales[i]->stopwords.n;
	stopword *v = wc_xcalloc(total ? total : 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < rs->nlocales; i++) {
		const wc_strlist *l = &rs->locales[i]->stopwords;
		for (size_t j = 0; j < l->n; j++) {
			v[k].word = wc_casefold(l->v[j], strlen(l->v[j]));
			v[k].loc = i;
			k++;
		}
	}
	qsort(v, k, sizeof *v, by_word);
	size_t out = 0;
	for (size_t i = 0; i < k; i++) {
		if (out && strcmp(v[out - 1].word, v[i].word) == 0 && v[out - 1].loc == v[i].loc) {
			free(v[i].word);
			continue;
		}
		v[out++] = v[i];
	}
	*n = out;
	return v;
}

static void free_stopwords(stopword *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(v[k].word);
	free(v);
}

static size_t word_hash(const char *w)
{
	uint64_t h = wc_hash_bytes(w, strlen(w));
	return (size_t)(h ^ (h >> 29));
}

void wc_langid_index(wc_ruleset *rs)
{
	wc_langid_index_free(rs);
	rs->stopwords = collect(rs, &rs->nstopwords);
	size_t cap = 64;
	while (cap < 2 * rs->nstopwords)
		cap *= 2;
	rs->stopword_hash = wc_xcalloc(cap, sizeof *rs->stopword_hash);
	rs->stopword_mask = cap - 1;
	for (size_t k = 0; k < rs->nstopwords; k++) {
		if (k && strcmp(rs->stopwords[k - 1].word, rs->stopwords[k].word) == 0)
			continue; /* the first entry of a word stands for all */
		size_t i = word_hash(rs->stopwords[k].word) & rs->stopword_mask;
		while (rs->stopword_hash[i])
			i = (i + 1) & rs->stopword_mask;
		rs->stopword_hash[i] = k + 1;
	}
}

void wc_langid_index_free(wc_ruleset *rs)
{
	free_stopwords(rs->stopwords, rs->nstopwords);
	free(rs->stopword_hash);
	rs->stopwords = NULL;
	rs->stopword_hash = NULL;
	rs->nstopwords = 0;
}

/* First entry for word through the ruleset's hash, or NULL. */
static const stopword *find_hashed(const wc_ruleset *rs, const char *word)
{
	for (size_t i = word_hash(word) & rs->stopword_mask; rs->stopword_hash[i];
	     i = (i + 1) & rs->stopword_mask) {
		const stopword *e = &rs->stopwords[rs->stopword_hash[i] - 1];
		if (strcmp(e->word, word) == 0)
			return e;
	}
	return NULL;
}

/* First entry for word, or NULL. */
static const stopword *find_first(const stopword *v, size_t n, const char *word)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].word, word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(v[lo].word, word) == 0 ? &v[lo] : NULL;
}

/* The scores of every locale for text: score[l] adds 1/k for each word that
 * k locales list, hits[l] counts those words; *words counts all words. */
static void score_text(const wc_ruleset *rs, const char *text, size_t len, double *score,
                       size_t *hits, size_t *words)
{
	/* a ruleset made without wc_ruleset_load_dir has no index: make one here */
	size_t nsw = rs->nstopwords;
	stopword *own = NULL, *sw = rs->stopwords;
	if (!sw)
		sw = own = collect(rs, &nsw);
	size_t i = 0;
	*words = 0;
	while (i < len && *words < LANGID_MAX_WORDS) {
		size_t start = i;
		int32_t c = wc_utf8_next(text, len, &i);
		if (c < 0 || !wc_is_letter(c))
			continue;
		size_t end = i;
		while (end < len) {
			size_t next = end;
			int32_t d = wc_utf8_next(text, len, &next);
			if (d < 0 || !wc_is_letter(d))
				break;
			end = next;
		}
		i = end;
		(*words)++;
		/* most words are short and ASCII: fold them without allocating */
		char buf[32], *w = buf;
		size_t n = end - start;
		bool ascii = n < sizeof buf;
		for (size_t k = 0; ascii && k < n; k++) {
			unsigned char b = (unsigned char)text[start + k];
			ascii = b < 0x80;
			buf[k] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
		}
		if (ascii)
			buf[n] = '\0';
		else
			w = wc_casefold(text + start, n);
		const stopword *e = own ? find_first(sw, nsw, w) : find_hashed(rs, w);
		if (e) {
			size_t k = 0;
			for (const stopword *p = e; p < sw + nsw && strcmp(p->word, w) == 0; p++)
				k++;
			for (const stopword *p = e; p < e + k; p++) {
				score[p->loc] += 1.0 / (double)k;
				hits[p->loc]++;
			}
		}
		if (w != buf)
			free(w);
	}
	if (own)
		free_stopwords(own, nsw);
}

int wc_langid_scores(const wc_ruleset *rs, const char *text, size_t len, const char *given,
                     wc_langid *out)
{
	memset(out, 0, sizeof *out);
	if (!rs || !text || rs->nlocales == 0)
		return WC_ELANG;
	double *score = wc_xcalloc(rs->nlocales, sizeof *score);
	size_t *hits = wc_xcalloc(rs->nlocales, sizeof *hits);
	size_t words;
	score_text(rs, text, len, score, hits, &words);
	size_t best = SIZE_MAX, second = SIZE_MAX;
	for (size_t l = 0; l < rs->nlocales; l++) {
		if (given && strcmp(rs->locales[l]->lang, given) == 0)
			out->given_score = score[l];
		if (score[l] <= 0)
			continue;
		if (best == SIZE_MAX || score[l] > score[best]) {
			second = best;
			best = l;
		} else if (second == SIZE_MAX || score[l] > score[second]) {
			second = l;
		}
	}
	int rc = WC_ELANG;
	if (best != SIZE_MAX) {
		double s2 = second == SIZE_MAX ? 0 : score[second];
		out->lang = rs->locales[best]->lang;
		out->best_score = score[best];
		out->confidence = (score[best] - s2) / score[best];
		bool enough = hits[best] >= LANGID_MIN_HITS &&
		              (double)hits[best] >= LANGID_MIN_COVERAGE * (double)words;
		if (enough && out->confidence >= LANGID_MIN_MARGIN)
			rc = WC_OK;
	}
	free(score);
	free(hits);
	return rc;
}

int wc_identify_language(const wc_ruleset *rs, const char *text, size_t len,
                         const char **lang, double *confidence)
{
	wc_langid id;
	int rc = wc_langid_scores(rs, text, len, NULL, &id);
	if (lang)
		*lang = id.lang;
	if (confidence)
		*confidence = id.confidence;
	return rc;
}
