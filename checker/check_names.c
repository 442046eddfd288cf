/* check_names.c — people and organisations carried across: the names a text
 * gives outside the termbase (fact.mismatch, fact.missing, fact.extra with
 * rule "name").
 *
 * A name is a run of capitalised words that is not a sentence's first word
 * alone, or an acronym; a word inside a fact the rules found (a place, a
 * titled person, a code) or that the locale knows as something else (a
 * stop word, weekday, month, title, number, currency, unit, or one of its
 * `not_names:`) is none.  Where a language capitalises its nouns (de,
 * `nouns_capitalised: true`), a sentence's first word never starts one and a
 * single word is none.
 *
 * A name is carried when one of its words, spelled as a key that survives
 * translation (case and accents aside, a few transliteration pairs merged,
 * an inflectional ending of up to three letters cut), stands anywhere in the
 * other version.  In an aligned paragraph pair, source names not carried
 * are paired in order with translation names the source never gives: a pair
 * whose words are cognates (a third of the key or less differs) is one name
 * translated; any other pair is a changed name, fact.mismatch.  Names are
 * read from capitals, not known, so only a full name changed into another
 * (two words or more on each side) is a warning; the rest is info, and a
 * name without a counterpart is no finding (see match_para). */
#include "checks.h"
#include "findings.h"
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	size_t start, end;      /* the whole name */
	size_t para;
	size_t words;
	bool acronym;
	bool carried;
} name_run;

typedef struct {
	name_run *v;
	size_t n, cap;
} name_runs;

/* The keys of a version's capitalised words, as 64-bit hashes in an open
 * addressing set: memory grows with the distinct names, not the text. */
typedef struct {
	uint64_t *v;            /* 0 = empty */
	size_t n, cap;          /* cap a power of two, or 0 */
} key_set;

/* ---- keys that survive translation -------------------------------------------------- */

/* Folded (case and accents aside), then a few spellings merged that
 * transliterations and languages tell apart: Netanjahu/Netanyahu,
 * Söder/Soeder, Selenskyj/Zelensky, Kaczyński/Kachinsky.  Doubled letters
 * become one. */
static char *name_key(const char *s, size_t n)
{
	static const struct {
		const char *from, *to;
		unsigned char len;
	} pairs[] = {{"sch", "sh", 3}, {"ae", "a", 2},   {"oe", "o", 2},  {"ue", "u", 2},
	             {"ck", "k", 2},   {"ph", "f", 2},   {"cz", "tsh", 2}, {"sz", "sh", 2},
	             {"ch", "k", 2},   {"c", "k", 1},    {"w", "v", 1},   {"j", "y", 1},
	             {"z", "s", 1},    {"\xe2\x80\x99", "", 3}, {"'", "", 1}, {"-", "", 1}};
	char *f = wc_fold_marks(s, n);
	size_t len = strlen(f), o = 0;
	char *out = wc_xmalloc(2 * len + 1);
	for (size_t i = 0; i < len;) {
		const char *put = NULL;
		size_t adv = 1;
		/* only these first bytes start a pair */
		if (strchr("saoucpwjz'-\xe2", f[i]))
			for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
				if (f[i] == pairs[k].from[0] && i + pairs[k].len <= len &&
				    memcmp(f + i, pairs[k].from, pairs[k].len) == 0) {
					put = pairs[k].to;
					adv = pairs[k].len;
					break;
				}
		const char *p = put ? put : f + i, *pe = put ? put + strlen(put) : f + i + 1;
		for (; p < pe; p++)
			if (!o || out[o - 1] != *p)
				out[o++] = *p;
		i += adv;
	}
	out[o] = '\0';
	free(f);
	return out;
}

/* An ending of up to three letters may be cut from a key of which four or
 * more remain: Trumpa, Putinin, Morawieckiego. */
#define NAME_STEM_MIN 4
#define NAME_ENDING_MAX 3

static uint64_t key_hash(const char *k, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 1099511628211u;
	return h ? h : 1;
}

static void set_put(key_set *ks, uint64_t h)
{
	if (2 * (ks->n + 1) > ks->cap) {
		key_set big = {wc_xcalloc(ks->cap ? 2 * ks->cap : 64, sizeof *big.v), 0,
		               ks->cap ? 2 * ks->cap : 64};
		for (size_t i = 0; i < ks->cap; i++)
			if (ks->v[i])
				set_put(&big, ks->v[i]);
		free(ks->v);
		*ks = big;
	}
	size_t i = h & (ks->cap - 1);
	while (ks->v[i] && ks->v[i] != h)
		i = (i + 1) & (ks->cap - 1);
	if (!ks->v[i]) {
		ks->v[i] = h;
		ks->n++;
	}
}

static bool set_has(const key_set *ks, uint64_t h)
{
	if (!ks->cap)
		return false;
	size_t i = h & (ks->cap - 1);
	while (ks->v[i]) {
		if (ks->v[i] == h)
			return true;
		i = (i + 1) & (ks->cap - 1);
	}
	return false;
}

/* A key with up to three letters cut, where four or more remain. */
static void keys_add(key_set *ks, const char *key)
{
	size_t n = strlen(key);
	for (size_t cut = 0; cut <= NAME_ENDING_MAX && (cut == 0 || n - cut >= NAME_STEM_MIN); cut++)
		set_put(ks, key_hash(key, n - cut));
}

static bool keys_have(const key_set *ks, const char *key)
{
	size_t n = strlen(key);
	for (size_t cut = 0; cut <= NAME_ENDING_MAX && (cut == 0 || n - cut >= NAME_STEM_MIN); cut++)
		if (set_has(ks, key_hash(key, n - cut)))
			return true;
	return false;
}

/* ---- words ---------------------------------------------------------------------------- */

/* The end of the word at i: letters, with an apostrophe or hyphen inside. */
static size_t word_end(const char *t, size_t n, size_t i)
{
	size_t e = i;
	for (;;) {
		size_t at = e;
		int32_t c = wc_utf8_next(t, n, &at);
		if (wc_is_letter(c)) {
			e = at;
			continue;
		}
		size_t after = at;
		if ((c == '-' || c == '\'' || c == 0x2019) && after < n &&
		    wc_is_letter(wc_utf8_next(t, n, &after)))
			e = at;
		else
			return e;
	}
}

static bool all_upper(const char *t, size_t s, size_t e)
{
	size_t letters = 0;
	for (size_t i = s; i < e;) {
		int32_t c = wc_utf8_next(t, e, &i);
		if (wc_is_lower(c))
			return false;
		letters += wc_is_letter(c);
	}
	return letters >= 2;
}

static bool in_lexicon(const wc_lexicon *lx, const char *w, size_t n)
{
	if (wc_lex_find(lx, w, n))
		return true;
	/* a genitive or case ending on a known word: "Singapurs", "Euros" */
	for (size_t k = 1; k <= 3 && k + 2 < n; k++)
		if (wc_lex_find(lx, w, n - k))
			return true;
	return false;
}

/* A capitalised word that the locale knows as something other than a name. */
static bool known_word(const wc_locale *loc, const char *w, size_t n)
{
	return wc_lex_find(&loc->name_stops, w, n) || wc_lex_find(&loc->weekdays, w, n) ||
	       wc_lex_find(&loc->months, w, n) || wc_lex_find(&loc->number_words, w, n) ||
	       wc_lex_find(&loc->ordinals, w, n) || wc_lex_find(&loc->time_units, w, n) ||
	       in_lexicon(&loc->titles, w, n) || in_lexicon(&loc->names, w, n) ||
	       in_lexicon(&loc->currencies, w, n);
}

/* Whether the period at dot ends a short capitalised abbreviation ("Mr.",
 * "U.S.", "Inc.") rather than a sentence. */
static bool abbreviation_before(const char *t, size_t ps, size_t dot)
{
	size_t i = dot, letters = 0;
	int32_t first = -1;
	while (i > ps) {
		size_t st;
		int32_t c = wc_utf8_prev(t, i, &st);
		if (!wc_is_letter(c) && c != '.')
			break;
		if (wc_is_letter(c)) {
			letters++;
			first = c;
		}
		i = st;
	}
	return letters >= 1 && letters <= 3 && wc_is_upper(first);
}

/* Whether the word at s is the first of its sentence: nothing but marks
 * back to the paragraph's start or to . ! ? … : */
static bool sentence_starts_at(const char *t, size_t ps, size_t s)
{
	size_t i = s;
	while (i > ps) {
		size_t st;
		int32_t c = wc_utf8_prev(t, i, &st);
		if (wc_is_letter(c) || wc_is_digit(c))
			return false;
		if (c == '!' || c == '?' || c == 0x2026 || c == ':')
			return true;
		if (c == '.')
			return !abbreviation_before(t, ps, st);
		i = st;
	}
	return true;
}

/* Calls each for every word of [s, e); stops when it returns false. */
typedef bool (*word_fn)(const char *t, size_t s, size_t e, void *arg);

static void each_word(const char *t, size_t s, size_t e, word_fn each, void *arg)
{
	for (size_t i = s; i < e;) {
		size_t at = i;
		if (!wc_is_letter(wc_utf8_next(t, e, &at))) {
			i = at;
			continue;
		}
		size_t we = word_end(t, e, i);
		if (!each(t, i, we, arg))
			return;
		i = we;
	}
}

/* Whether offset at lies inside a fact the rules found (a place, a title
 * and its person, a code, a date ...): those are checked as such.  Facts are
 * in text order. */
static bool inside_fact(const wc_doc *d, size_t at)
{
	size_t lo = 0, hi = d->nfacts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->facts[mid].start <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* the facts that start at or before at; overlapping ones are few */
	for (size_t k = lo; k-- > 0 && lo - k <= 4;)
		if (at < d->facts[k].end)
			return true;
	return false;
}

/* The names of paragraph p of d, in order, into out (cleared first). */
static void names_of_para(const wc_doc *d, size_t p, name_runs *out)
{
	const char *t = d->text;
	size_t ps = d->paras[p].start, pe = d->paras[p].end;
	name_run cur = {0};
	bool open = false, cur_initial = false;
	size_t last_end = ps;
	out->n = 0;
	for (size_t i = ps; i < pe;) {
		size_t at = i;
		int32_t c = wc_utf8_next(t, pe, &at);
		if (!wc_is_letter(c)) {
			i = at;
			continue;
		}
		size_t e = word_end(t, pe, i);
		bool cand = wc_is_upper(c) && e - i >= 2 && !inside_fact(d, i) && !known_word(d->loc, t + i, e - i);
		/* a run goes on over one space between capitalised words */
		bool joins = open && cand && i == last_end + 1 && t[last_end] == ' ';
		if (open && !joins) {
			/* a sentence's first word alone is no evidence of a name */
			if (!(cur_initial && cur.words == 1 && !cur.acronym))
				*WC_PUSH(out->v, out->n, out->cap) = cur;
			open = false;
		}
		if (cand && !open) {
			cur = (name_run){i, e, p, 1, all_upper(t, i, e), false};
			cur_initial = sentence_starts_at(t, ps, i);
			/* where every noun has a capital, a sentence's first word may be
			 * any word: "Tunesische Netzbürger" is no name */
			open = !(cur_initial && d->loc->nouns_capitalised && !cur.acronym);
		} else if (cand) {
			cur.end = e;
			cur.words++;
			cur.acronym = false;
		}
		last_end = e;
		i = e;
	}
	if (open && !(cur_initial && cur.words == 1 && !cur.acronym))
		*WC_PUSH(out->v, out->n, out->cap) = cur;
}

/* Calls each for the word [s, e) and, when it has hyphens, for each of its
 * parts: "Android-operativsystemet" carries "Android". */
static bool each_part(const char *t, size_t s, size_t e, word_fn each, void *arg)
{
	if (!each(t, s, e, arg))
		return false;
	const char *h = memchr(t + s, '-', e - s);
	if (!h)
		return true;
	for (size_t a = s; a < e;) {
		const char *q = memchr(t + a, '-', e - a);
		size_t b = q ? (size_t)(q - t) : e;
		if (!each(t, a, b, arg))
			return false;
		a = b + 1;
	}
	return true;
}

static bool add_one_key(const char *t, size_t s, size_t e, void *arg)
{
	char *k = name_key(t + s, e - s);
	keys_add(arg, k);
	free(k);
	return true;
}

static bool add_key(const char *t, size_t s, size_t e, void *arg)
{
	return each_part(t, s, e, add_one_key, arg);
}

/* The keys of every capitalised word of d: names keep their capital in
 * every language, so the other version's names are looked up here. */
static void keys_of(const wc_doc *d, key_set *ks)
{
	for (size_t i = 0; i < d->len;) {
		size_t at = i;
		int32_t c = wc_utf8_next(d->text, d->len, &at);
		if (!wc_is_letter(c)) {
			i = at;
			continue;
		}
		size_t e = word_end(d->text, d->len, i);
		if (wc_is_upper(c))
			add_key(d->text, i, e, ks);
		i = e;
	}
}

typedef struct {
	const key_set *other;
	bool hit;
} carry;

static bool one_carried(const char *t, size_t s, size_t e, void *arg)
{
	carry *c = arg;
	char *k = name_key(t + s, e - s);
	c->hit = keys_have(c->other, k);
	free(k);
	return !c->hit;
}

static bool word_carried(const char *t, size_t s, size_t e, void *arg)
{
	return each_part(t, s, e, one_carried, arg);
}

/* Whether a word of the name stands (as its key) in the other version. */
static bool carried(const wc_doc *d, const name_run *r, const key_set *other)
{
	carry c = {other, false};
	each_word(d->text, r->start, r->end, word_carried, &c);
	return c.hit;
}

/* A single capitalised word is no evidence of a name of its own: English
 * capitalises its adjectives of peoples ("Chinese firms"), German every
 * noun.  It counts only against a name that stands in its place. */
static bool evidence_of_name(const wc_doc *d, const name_run *r)
{
	(void)d;
	return r->words > 1 || r->acronym;
}

/* Where the language capitalises every noun, a single word is no name even
 * against another. */
static bool may_pair(const wc_doc *d, const name_run *r)
{
	return r->words > 1 || r->acronym || !d->loc->nouns_capitalised;
}

static char *run_text(const wc_doc *d, const name_run *r)
{
	return wc_xstrndup(d->text + r->start, r->end - r->start);
}

/* Levenshtein distance of two short keys (at most 63 bytes compared). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), row[64];
	n = n > 63 ? 63 : n;
	m = m > 63 ? 63 : m;
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

typedef struct {
	const wc_doc *d;
	char *keys[8];
	size_t n;
} run_keys;

static bool collect_key(const char *t, size_t s, size_t e, void *arg)
{
	run_keys *rk = arg;
	if (rk->n < 8 && e - s >= NAME_STEM_MIN)
		rk->keys[rk->n++] = name_key(t + s, e - s);
	return true;
}

/* A name translated rather than changed: a word of one is the other's in
 * another language's spelling ("Organización Mundial" and "World Health
 * Organization", "Equipo Nacional" and "National Team"): at most a third
 * of the longer key differs. */
static bool cognates(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	run_keys a = {sd, {0}, 0}, b = {td, {0}, 0};
	each_word(sd->text, s->start, s->end, collect_key, &a);
	each_word(td->text, t->start, t->end, collect_key, &b);
	bool hit = false;
	for (size_t i = 0; i < a.n && !hit; i++)
		for (size_t j = 0; j < b.n && !hit; j++) {
			size_t la = strlen(a.keys[i]), lb = strlen(b.keys[j]);
			hit = 3 * edit_distance(a.keys[i], b.keys[j]) <= (la > lb ? la : lb);
		}
	for (size_t i = 0; i < a.n; i++)
		free(a.keys[i]);
	for (size_t j = 0; j < b.n; j++)
		free(b.keys[j]);
	return hit;
}

/* A changed name is a warning only where both sides name someone in full
 * (two words or more: "Donald Trump" → "Erwin Huber"); a single word or an
 * acronym is info, as names are guessed from capitals: "Trump" may be an
 * adjective's capital, "ONZ" the translation of "UN". */
static int name_severity(const name_run *s, const name_run *t)
{
	return s->words > 1 && t->words > 1 ? WC_WARNING : WC_INFO;
}

/* The source paragraph's names that the translation does not carry, against
 * those of the aligned paragraph that the source never gives, in order;
 * *used counts the translation's names taken so. */
static void match_para(const wc_doc *src, const wc_doc *tgt, size_t p, size_t tp, const key_set *sk,
                       const key_set *tk, name_runs *sn, name_runs *tn, size_t *used, wc_findings *fs)
{
	names_of_para(src, p, sn);
	names_of_para(tgt, tp, tn);
	size_t j = 0, skip = *used;
	for (size_t i = 0; i < sn->n; i++) {
		name_run *s = &sn->v[i];
		if (carried(src, s, tk) || !may_pair(src, s))
			continue;
		while (j < tn->n && (carried(tgt, &tn->v[j], sk) || !may_pair(tgt, &tn->v[j]) ||
		                     (skip && skip--)))
			j++;
		char *sv = run_text(src, s);
		if (j < tn->n && cognates(src, s, tgt, &tn->v[j])) {
			j++;
			(*used)++;
		} else if (j < tn->n) {
			char *tv = run_text(tgt, &tn->v[j]);
			wc_emit(fs, WC_CHECK_FACT_MISMATCH, name_severity(s, &tn->v[j]), tgt, tn->v[j].start, tn->v[j].end, src,
			        s->start, sv, tv, "name", "name differs: source has '%s', translation has '%s'", sv,
			        tv);
			free(tv);
			j++;
			(*used)++;
		}
		/* A name without a counterpart is not reported: "Commerce
		 * Department" is "handelsministeriet", a name of common words that
		 * is translated, and capitals cannot tell it from a person. */
		free(sv);
	}
}

/* The translation's names of paragraph tp that the source never gives and
 * no mismatch took: fact.extra. */
static void extras_of_para(const wc_doc *tgt, size_t tp, const key_set *sk, size_t used, name_runs *tn,
                           wc_findings *fs)
{
	names_of_para(tgt, tp, tn);
	for (size_t j = 0; j < tn->n; j++) {
		name_run *t = &tn->v[j];
		if (carried(tgt, t, sk) || !may_pair(tgt, t) || (used && used--))
			continue;
		if (!evidence_of_name(tgt, t))
			continue;
		char *tv = run_text(tgt, t);
		wc_emit(fs, WC_CHECK_FACT_EXTRA, -1, tgt, t->start, t->end, NULL, 0, NULL, tv, "name",
		        "the translation names '%s'; the source does not", tv);
		free(tv);
	}
}

void wc_match_people(const wc_doc *src, const wc_doc *tgt, const wc_alignment *al, wc_findings *fs)
{
	if (!src->npara || !tgt->npara)
		return;
	key_set sk = {0}, tk = {0};
	keys_of(src, &sk);
	keys_of(tgt, &tk);
	name_runs sn = {0}, tn = {0};
	size_t *used = wc_xcalloc(tgt->npara, sizeof *used);
	for (size_t p = 0; p < src->npara; p++)
		if (al->s2t[p] >= 0)
			match_para(src, tgt, p, (size_t)al->s2t[p], &sk, &tk, &sn, &tn, &used[al->s2t[p]], fs);
	/* an unaligned paragraph's names are the alignment's to report */
	for (size_t tp = 0; tp < tgt->npara; tp++)
		if (al->t2s[tp] >= 0)
			extras_of_para(tgt, tp, &sk, used[tp], &tn, fs);
	free(used);
	free(sn.v), free(tn.v);
	free(sk.v), free(tk.v);
}
