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
 * name without a counterpart is no finding (see match_para), unless
 * nothing in the translation can be it (plainly_dropped). */
#include "checks.h"
#include "findings.h"
#include "lexicon.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	size_t start, end;      /* the whole name */
	size_t para;
	size_t words;
	bool acronym;
	bool carried;
	bool sure;              /* a word of it is a name by the word list (sure_name) */
	bool listed_name;       /* ... and the list has it, with a capital only */
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
/* Writes the key of s[0..n) to out, of room for cap bytes (8n + 8 is
 * always enough: folding may triple a letter's bytes, "cz" becomes "tsh");
 * returns its length.  ASCII, the common case, is folded here without an
 * allocation. */
/* The spelling at f[i..len) merged into another, as name_key_to does:
 * sets *adv to the bytes it takes; NULL when f[i] stays as it is. */
static const char *merged_spelling(const char *f, size_t i, size_t len, size_t *adv)
{
	char next = i + 1 < len ? f[i + 1] : '\0';
	*adv = 2;
	switch (f[i]) {
	case 's':
		if (next == 'c' && i + 2 < len && f[i + 2] == 'h')
			return *adv = 3, "sh";
		return next == 'z' ? "sh" : NULL;
	case 'a':
	case 'o':
	case 'u':
		/* ae, oe, ue: ä, ö, ü written out */
		return next == 'e' ? (f[i] == 'a' ? "a" : f[i] == 'o' ? "o" : "u") : NULL;
	case 'c':
		if (next == 'k' || next == 'h')
			return "k";
		if (next == 'z')
			return "tsh";
		return *adv = 1, "k";
	case 'p':
		return next == 'h' ? "f" : NULL;
	case 'w':
		return *adv = 1, "v";
	case 'j':
		return *adv = 1, "y";
	case 'z':
		return *adv = 1, "s";
	case '\'':
	case '-':
		return *adv = 1, "";
	case '\xe2': /* ’ */
		if (i + 2 < len && f[i + 1] == '\x80' && f[i + 2] == '\x99')
			return *adv = 3, "";
		return NULL;
	default:
		return NULL;
	}
}

static size_t name_key_to(const char *s, size_t n, char *out, size_t cap)
{
	char small[128], *f = small;
	if (n >= sizeof small || !wc_fold_ascii_to(s, n, small))
		f = wc_fold_marks(s, n);
	size_t len = strlen(f), o = 0;
	for (size_t i = 0; i < len && o + 4 < cap;) {
		size_t adv;
		const char *put = merged_spelling(f, i, len, &adv);
		if (!put)
			adv = 1;
		const char *p = put ? put : f + i, *pe = put ? put + strlen(put) : f + i + 1;
		for (; p < pe; p++)
			if (!o || out[o - 1] != *p)
				out[o++] = *p;
		i += adv;
	}
	out[o] = '\0';
	if (f != small)
		free(f);
	return o;
}

static char *name_key(const char *s, size_t n)
{
	char *out = wc_xmalloc(8 * n + 8);
	name_key_to(s, n, out, 8 * n + 8);
	return out;
}

/* An ending of up to three letters may be cut from a key of which four or
 * more remain: Trumpa, Putinin, Morawieckiego. */
#define NAME_STEM_MIN 4
#define NAME_ENDING_MAX 3
/* A paragraph is read for its first NAMES_PER_PARA names, and at most
 * MISSING_PER_PARA of them without a counterpart are looked for word by
 * word in the translation's paragraph: names are paired with names and
 * sought among words, so more would cost the square of a paragraph's
 * length (a list of thousands of names, as hostile input writes it). */
#define NAMES_PER_PARA 64
#define MISSING_PER_PARA 16

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

/* The hashes of a key with up to three letters cut, where four or more
 * remain, in one pass: FNV-1a, whose hash of a prefix is a step of the
 * whole key's (0 stands for an empty slot, so it becomes 1).  Returns how
 * many. */
static size_t cut_hashes(const char *key, uint64_t out[NAME_ENDING_MAX + 1])
{
	size_t n = strlen(key), k = 0;
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (unsigned char)key[i]) * 1099511628211u;
		size_t len = i + 1;
		if (len == n || (len >= NAME_STEM_MIN && len + NAME_ENDING_MAX >= n))
			out[k++] = h ? h : 1;
	}
	return k;
}

static void keys_add(key_set *ks, const char *key)
{
	uint64_t h[NAME_ENDING_MAX + 1];
	/* a word of marks only folds to nothing, and gives none */
	for (size_t i = 0, k = cut_hashes(key, h); i < k; i++)
		set_put(ks, h[i]);
}

static bool keys_have(const key_set *ks, const char *key)
{
	uint64_t h[NAME_ENDING_MAX + 1];
	for (size_t i = 0, k = cut_hashes(key, h); i < k; i++)
		if (set_has(ks, h[i]))
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
	/* a genitive or case ending on a known word: "Singapurs", "Euros";
	 * four letters are left at least, so that "Nokia" is no "NOK" */
	for (size_t k = 1; k <= 3 && k + 4 <= n; k++)
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

/* The word-list flags of w, or of its stem where w carries one of the
 * locale's genitive or case endings and is unlisted itself ("Trumpa",
 * "Merkels"). */
static unsigned listed(const wc_locale *loc, const char *w, size_t n)
{
	unsigned f = wc_words_find(&loc->words, w, n);
	const wc_strlist *ends[] = {&loc->genitive, &loc->name_endings};
	for (size_t k = 0; k < 2 && !f; k++)
		for (size_t i = 0; i < ends[k]->n && !f; i++) {
			size_t el = strlen(ends[k]->v[i]);
			if (n >= el + NAME_STEM_MIN && memcmp(w + n - el, ends[k]->v[i], el) == 0)
				f = wc_words_find(&loc->words, w, n - el);
		}
	return f;
}

static bool ends_in(const wc_strlist *ends, const char *w, size_t n)
{
	for (size_t i = 0; i < ends->n; i++) {
		size_t el = strlen(ends->v[i]);
		if (n > el + 1 && memcmp(w + n - el, ends->v[i], el) == 0)
			return true;
	}
	return false;
}

/* Whether w is the plural of a common word where the list has only the
 * singular (Spanish's list: "Concursos Mercantiles"). */
static bool plural_of_word(const wc_locale *loc, const char *w, size_t n)
{
	for (size_t i = 0; i < loc->plural_endings.n; i++) {
		size_t el = strlen(loc->plural_endings.v[i]);
		if (n >= el + NAME_STEM_MIN && memcmp(w + n - el, loc->plural_endings.v[i], el) == 0 &&
		    (wc_words_find(&loc->words, w, n - el) & WC_WORD_LOWER))
			return true;
	}
	return false;
}

/* Whether w[0..i) is the stem of a listed verb ("Leit-" of leiten,
 * "Schreib-" of schreiben), which German compounds begin with. */
static bool verb_stem(const wc_locale *loc, const char *w, size_t i)
{
	char v[64];
	if (i < 3 || i + 3 > sizeof v)
		return false;
	memcpy(v, w, i);
	memcpy(v + i, "en", 3);
	return wc_words_find(&loc->words, v, i + 2) & WC_WORD_LOWER;
}

/* Whether w[0..i) can begin a compound: a listed word, or one and the
 * linking "s" ("Bundestags-"), or a verb's stem ("Leitzins"); "Kis-" of
 * "Kissinger" cannot. */
static bool compound_head(const wc_locale *loc, const char *w, size_t i)
{
	return wc_words_find(&loc->words, w, i) || (i > 3 && w[i - 1] == 's' && wc_words_find(&loc->words, w, i - 1)) ||
	       verb_stem(loc, w, i);
}

/* Whether an unlisted German word is a compound of a listed noun
 * ("Bundestagsabgeordnete" ends in "Abgeordnete"): a noun, no name. */
static bool compound_noun(const wc_locale *loc, const char *w, size_t n)
{
	for (size_t i = 3; i + 4 <= n; i++)
		/* the tail in any case: "Kriegsausgaben" ends in a word the list
		 * has as a verb's form only */
		if (((unsigned char)w[i] & 0xC0) != 0x80 && compound_head(loc, w, i) &&
		    wc_words_find(&loc->words, w + i, n - i))
			return true;
	return false;
}

/* Whether a sure name stands for one even as a sentence's first word: the
 * list has it with a capital only, or has no such word at all where it
 * lists every inflected form (Spanish's lists no verb's: "Hará falta"). */
static bool first_word_name(const wc_locale *loc, const char *w, size_t n)
{
	unsigned f = listed(loc, w, n);
	return f == WC_WORD_CAPITAL || (f == 0 && !loc->words_lemmas_only);
}

/* Whether the other version's language lists w with a capital only, and
 * capitalises no nouns: a German noun of the list that is a name there too
 * ("Washington", "Madrid"), not a noun ("Zimmermann" is neither). */
static bool listed_name_in(const wc_locale *other, const char *w, size_t n)
{
	return other && other->words.data && !other->nouns_capitalised &&
	       wc_words_find(&other->words, w, n) == WC_WORD_CAPITAL;
}

/* Whether the language's word list makes the capitalised word w a name:
 * it has no lower-case reading (it is no "Rose", no sentence's first
 * "Twelve"), and, where every noun has a capital, it is no listed noun and
 * no compound of one either.  Without a list, no word is sure. */
static bool sure_word(const wc_locale *loc, const wc_locale *other, const char *w, size_t n)
{
	if (!loc->words.data || ends_in(&loc->demonym_endings, w, n))
		return false;
	unsigned f = listed(loc, w, n);
	if (f & WC_WORD_LOWER || plural_of_word(loc, w, n))
		return false;
	if (!loc->nouns_capitalised)
		return true;
	if (f & WC_WORD_CAPITAL)
		return listed_name_in(other, w, n);
	return !compound_noun(loc, w, n);
}

/* sure_word of w or, when it has hyphens, of a capitalised part of it
 * other than an acronym: "English-only" and "WM-Punkte" are no names,
 * "Héma-Québec" is one. */
static bool sure_name(const wc_locale *loc, const wc_locale *other, const char *w, size_t n)
{
	const char *h = memchr(w, '-', n);
	if (!h)
		return sure_word(loc, other, w, n);
	for (size_t a = 0; a < n;) {
		const char *q = memchr(w + a, '-', n - a);
		size_t b = q ? (size_t)(q - w) : n;
		size_t at = a;
		/* an acronym before a hyphen abbreviates common words: "WM-Punkte" */
		if (b - a >= 2 && wc_is_upper(wc_utf8_next(w, b, &at)) && !all_upper(w, a, b) &&
		    !known_word(loc, w + a, b - a) &&
		    sure_word(loc, other, w + a, b - a))
			return true;
		a = b + 1;
	}
	return false;
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

/* Where the word at [s, e) begins with an elided article or preposition
 * ("L'élevage", "dell'Onu", "D'Alema"), the start of the word after it,
 * with *c its first letter; else s. */
static size_t after_elision(const char *t, size_t s, size_t e, int32_t *c)
{
	size_t i = s;
	for (int letters = 0; i < e && letters <= 4; letters++) {
		size_t at = i;
		int32_t ch = wc_utf8_next(t, e, &at);
		if (ch == '\'' || ch == 0x2019) {
			if (letters == 0 || at >= e)
				return s;
			size_t next = at;
			*c = wc_utf8_next(t, e, &next);
			return at;
		}
		if (!wc_is_letter(ch))
			return s;
		i = at;
	}
	return s;
}

/* A sentence's first word alone is no evidence of a name, unless the word
 * list says it is one ("Trump said ..."). */
static void keep_run(name_runs *out, const name_run *r, bool initial)
{
	if (out->n < NAMES_PER_PARA && !(initial && r->words == 1 && !r->acronym && !r->listed_name))
		*WC_PUSH(out->v, out->n, out->cap) = *r;
}

/* Where every noun has a capital, the nouns before a sure name are no part
 * of what is shown of it: "Firma Microsoft" is "Microsoft", "Netzbetreiber
 * Tennet" "Tennet".  Its count of words stays: a listed given name is a
 * noun too ("Jürgen Mistol"), and the run is a full name still. */
static void trim_nouns(const wc_doc *d, const wc_locale *other, name_run *r)
{
	if (!d->loc->nouns_capitalised || !r->sure)
		return;
	for (size_t left = r->words; left > 1; left--) {
		size_t e = word_end(d->text, r->end, r->start);
		if (sure_name(d->loc, other, d->text + r->start, e - r->start))
			return;
		size_t next = e;
		while (next < r->end && d->text[next] == ' ')
			next++;
		r->start = next;
	}
}

/* The names of paragraph p of d, in order, into out (cleared first). */
static void names_of_para(const wc_doc *d, size_t p, const wc_locale *other, name_runs *out)
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
		i = after_elision(t, i, e, &c);
		bool cand = wc_is_upper(c) && e - i >= 2 && !inside_fact(d, i) && !known_word(d->loc, t + i, e - i);
		/* a run goes on over one space between capitalised words */
		bool joins = open && cand && i == last_end + 1 && t[last_end] == ' ';
		if (open && !joins) {
			trim_nouns(d, other, &cur);
			keep_run(out, &cur, cur_initial);
			open = false;
		}
		bool sure = cand && sure_name(d->loc, other, t + i, e - i);
		if (cand && !open) {
			cur = (name_run){i, e, p, 1, all_upper(t, i, e), false, sure, sure && first_word_name(d->loc, t + i, e - i)};
			cur_initial = sentence_starts_at(t, ps, i);
			/* where every noun has a capital, a sentence's first word may be
			 * any word: "Tunesische Netzbürger" is no name, unless the word
			 * list says it is one */
			open = !(cur_initial && d->loc->nouns_capitalised && !cur.acronym && !cur.listed_name);
		} else if (cand) {
			cur.end = e;
			cur.words++;
			cur.acronym = false;
			cur.sure |= sure;
		}
		last_end = e;
		i = e;
	}
	if (open) {
		trim_nouns(d, other, &cur);
		keep_run(out, &cur, cur_initial);
	}
}

/* Each paragraph's names, found at first use and kept: a paragraph's
 * names are read for its pairs and again for its extras. */
typedef struct {
	const wc_doc *d;
	const wc_locale *other;     /* the other version's language (sure_word) */
	name_runs *paras;
	bool *done;
} name_cache;

static void cache_init(name_cache *c, const wc_doc *d, const wc_locale *other)
{
	*c = (name_cache){d, other, wc_xcalloc(d->npara, sizeof *c->paras), wc_xcalloc(d->npara, sizeof *c->done)};
}

static void cache_free(name_cache *c)
{
	for (size_t p = 0; p < c->d->npara; p++)
		free(c->paras[p].v);
	free(c->paras);
	free(c->done);
}

/* Paragraph p's names into out (cleared first), as fresh copies: the
 * matching marks them. */
static void names_from(name_cache *c, size_t p, name_runs *out)
{
	if (!c->done[p]) {
		names_of_para(c->d, p, c->other, &c->paras[p]);
		c->done[p] = true;
	}
	out->n = 0;
	for (size_t i = 0; i < c->paras[p].n; i++)
		*WC_PUSH(out->v, out->n, out->cap) = c->paras[p].v[i];
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
	char buf[1032];
	if (e - s > 128) {
		char *k = name_key(t + s, e - s);
		keys_add(arg, k);
		free(k);
	} else {
		name_key_to(t + s, e - s, buf, sizeof buf);
		keys_add(arg, buf);
	}
	return true;
}

static bool add_key(const char *t, size_t s, size_t e, void *arg)
{
	int32_t c;
	size_t after = after_elision(t, s, e, &c);
	if (after != s)
		each_part(t, after, e, add_one_key, arg);
	return each_part(t, s, e, add_one_key, arg);
}

/* The keys of every word of d, the other version's names are looked up
 * here: a name may lose its capital in translation ("Log" → "log"). */
/* An abbreviation written with dots ("K.o.", "U.S.") starting at s also
 * gives the key of its letters run together, as the acronym "KO" has. */
static void add_dotted_key(const char *t, size_t n, size_t s, key_set *ks)
{
	char letters[16];
	size_t k = 0, i = s;
	while (i + 1 < n && k < sizeof letters - 1 && ((unsigned char)t[i] < 0x80) &&
	       wc_is_letter((unsigned char)t[i]) && t[i + 1] == '.') {
		letters[k++] = t[i];
		i += 2;
	}
	if (k < 2)
		return;
	letters[k] = '\0';
	add_one_key(letters, 0, k, ks);
}

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
		add_key(d->text, i, e, ks);
		add_dotted_key(d->text, d->len, i, ks);
		i = e;
	}
}

typedef struct {
	const key_set *other;
	bool hit;
} carry;

/* A word of I, V and X alone ("III", "XVI"): the number of a king or a
 * pope, which carries nothing of the name before it ("Karol III" is no
 * "Frederick II"). */
static bool regnal_word(const char *t, size_t s, size_t e)
{
	if (e - s > 5)
		return false;
	for (size_t i = s; i < e; i++)
		if (t[i] != 'I' && t[i] != 'V' && t[i] != 'X')
			return false;
	return e > s;
}

static bool one_carried(const char *t, size_t s, size_t e, void *arg)
{
	carry *c = arg;
	if (regnal_word(t, s, e))
		return true;
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
 * against another, unless the word list is sure of it. */
static bool may_pair(const wc_doc *d, const name_run *r)
{
	return r->words > 1 || r->acronym || r->sure || !d->loc->nouns_capitalised;
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

static void sort_bytes(unsigned char *x, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && x[j - 1] > x[j]; j--) {
			unsigned char tmp = x[j];
			x[j] = x[j - 1];
			x[j - 1] = tmp;
		}
}

/* Whether two acronyms share all their letters but one, in any order: a
 * name translated word by word (OTAN and NATO, UE and EU, CEDH and ECHR). */
static bool same_letters(const char *a, size_t na, const char *b, size_t nb)
{
	if (na != nb || na > 16)
		return false;
	unsigned char x[16], y[16];
	memcpy(x, a, na);
	memcpy(y, b, nb);
	sort_bytes(x, na);
	sort_bytes(y, nb);
	size_t i = 0, k = 0, shared = 0;
	while (i < na && k < nb) {
		if (x[i] == y[k])
			shared++, i++, k++;
		else if (x[i] < y[k])
			i++;
		else
			k++;
	}
	return shared + (na > 2) >= na;
}

/* The keys of the words of r (four letters or more, eight at most). */
static run_keys keys_of_run(const wc_doc *d, const name_run *r)
{
	run_keys rk = {d, {0}, 0};
	each_word(d->text, r->start, r->end, collect_key, &rk);
	return rk;
}

static void run_keys_free(run_keys *rk)
{
	for (size_t i = 0; i < rk->n; i++)
		free(rk->keys[i]);
	rk->n = 0;
}

/* The given name the word t[s..e) is in its language, less a genitive
 * ending ("Piotra", "Peter's"), or NULL. */
static const wc_lex_item *given_name(const wc_locale *loc, const char *t, size_t s, size_t e)
{
	const wc_lex_item *it = wc_lex_find(&loc->given_names, t + s, e - s);
	for (size_t i = 0; !it && i < loc->genitive.n; i++) {
		size_t k = strlen(loc->genitive.v[i]);
		if (e - s > k + 2 && memcmp(t + e - k, loc->genitive.v[i], k) == 0)
			it = wc_lex_find(&loc->given_names, t + s, e - s - k);
	}
	return it;
}

typedef struct {
	const wc_locale *loc;
	const char *found[8];   /* the given names of the source's run */
	size_t n;
	bool hit;
} given_hunt;

static bool collect_given(const char *t, size_t s, size_t e, void *arg)
{
	given_hunt *h = arg;
	const wc_lex_item *it = given_name(h->loc, t, s, e);
	if (it && h->n < sizeof h->found / sizeof h->found[0])
		h->found[h->n++] = it->canon;
	return true;
}

static bool match_given(const char *t, size_t s, size_t e, void *arg)
{
	given_hunt *h = arg;
	const wc_lex_item *it = given_name(h->loc, t, s, e);
	for (size_t i = 0; it && i < h->n && !h->hit; i++)
		h->hit = strcmp(it->canon, h->found[i]) == 0;
	return !h->hit;
}

/* ... and the parts of a hyphenated word: "Saint-Étienne" */
static bool collect_given_parts(const char *t, size_t s, size_t e, void *arg)
{
	return each_part(t, s, e, collect_given, arg);
}

static bool match_given_parts(const char *t, size_t s, size_t e, void *arg)
{
	return each_part(t, s, e, match_given, arg);
}

/* Whether a word of each run is one given name as its language writes it
 * (terms/given-names.yaml): "San Pietro" and "St Peter's", "Carlo III" and
 * "Charles III", "Jana Pawła II" and "John Paul II", "Saint-Étienne" and "St
 * Stephen's". */
static bool same_given_name(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	if (!sd->loc->given_names.n || !td->loc->given_names.n)
		return false;
	given_hunt h = {sd->loc, {0}, 0, false};
	each_word(sd->text, s->start, s->end, collect_given_parts, &h);
	if (!h.n)
		return false;
	h.loc = td->loc;
	each_word(td->text, t->start, t->end, match_given_parts, &h);
	return h.hit;
}

/* A name translated rather than changed: a word of one is the other's in
 * another language's spelling ("Organización Mundial" and "World Health
 * Organization", "Equipo Nacional" and "National Team"): at most a third
 * of the longer key differs. */
static bool cognates(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	if (same_given_name(sd, s, td, t))
		return true;
	if (s->acronym && t->acronym && same_letters(sd->text + s->start, s->end - s->start,
	                                             td->text + t->start, t->end - t->start))
		return true;
	run_keys a = keys_of_run(sd, s), b = keys_of_run(td, t);
	bool hit = false;
	for (size_t i = 0; i < a.n && !hit; i++)
		for (size_t j = 0; j < b.n && !hit; j++) {
			size_t la = strlen(a.keys[i]), lb = strlen(b.keys[j]);
			size_t d = edit_distance(a.keys[i], b.keys[j]), most = la > lb ? la : lb;
			/* ... or half of it where they begin alike: Elżbieta, Elizabeth */
			hit = 3 * d <= most || (2 * d <= most && strncmp(a.keys[i], b.keys[j], 2) == 0);
		}
	run_keys_free(&a);
	run_keys_free(&b);
	return hit;
}

/* A changed name is a warning where the word lists are sure of both
 * ("Nokia" → "Huawei") or of a full name on either side ("Real Madrid" →
 * "Ocean", "Buras" → "Paul Chan Mo-po"): a name of two words or more that
 * no list reads as common words is no word translated.  Otherwise info,
 * as names guessed from capitals may be common words ("Senat" →
 * "Senate").  A side without a list (Finnish) is sure of nothing: there
 * the other side's list decides, and two full names ("Donald Trump" →
 * "Erwin Huber") are a warning, as they were before the lists. */
static int name_severity(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	/* sure is false on a side without a list */
	bool lists = sd->loc->words.data && td->loc->words.data;
	bool full_s = s->sure && s->words > 1, full_t = t->sure && t->words > 1;
	return (s->sure && t->sure) || full_s || full_t || (!lists && s->words > 1 && t->words > 1)
	               ? WC_WARNING
	               : WC_INFO;
}

/* Marks the source names the translation carries, as keys or as cognates
 * of a name of the aligned paragraph, and those names as taken: a name
 * translated ("Konstantynopola") is found before pairs are made in order,
 * which a common-word name ("Fashion Capital") would otherwise take. */
static void take_cognates(const wc_doc *src, name_runs *sn, const wc_doc *tgt, name_runs *tn)
{
	/* every pair: two source names may have one cognate ("Atlantic
	 * Hurricane" and "Atlantic Ocean" in "Oceanie Atlantyckim") */
	for (size_t i = 0; i < sn->n; i++)
		for (size_t j = 0; j < tn->n; j++)
			if (cognates(src, &sn->v[i], tgt, &tn->v[j]))
				sn->v[i].carried = tn->v[j].carried = true;
}

/* Whether a word of one name begins as a word of the other, as keys
 * (Konstantynopola and Constantinople: k). */
static bool same_initial(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	run_keys a = keys_of_run(sd, s), b = keys_of_run(td, t);
	bool hit = false;
	for (size_t i = 0; i < a.n; i++)
		for (size_t j = 0; j < b.n; j++)
			hit |= a.keys[i][0] == b.keys[j][0];
	run_keys_free(&a);
	run_keys_free(&b);
	return hit;
}

/* A search of a paragraph's words for one like a word of a name. */
typedef struct {
	run_keys *name;
	bool (*like)(const char *word_key, const char *name_key);
	bool hit;
} word_hunt;

static bool hunt_word(const char *t, size_t s, size_t e, void *arg)
{
	word_hunt *h = arg;
	if (e - s < NAME_STEM_MIN)
		return true;
	char *k = name_key(t + s, e - s);
	for (size_t i = 0; i < h->name->n && !h->hit; i++)
		h->hit = h->like(k, h->name->keys[i]);
	free(k);
	return !h->hit;
}

/* Whether a word of paragraph tp, four letters or more, is like a word of
 * the name s. */
static bool word_like_in(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp,
                         bool (*like)(const char *, const char *))
{
	run_keys a = keys_of_run(src, s);
	word_hunt h = {&a, like, false};
	each_word(tgt->text, tgt->paras[tp].start, tgt->paras[tp].end, hunt_word, &h);
	run_keys_free(&a);
	return h.hit;
}

static bool same_start(const char *word, const char *name)
{
	return strncmp(word, name, NAME_STEM_MIN) == 0;
}

/* Whether a word of the aligned paragraph begins as a word of the name s,
 * four letters or more: an adjective made of it ("texanischen" of Texas,
 * "amerikańska" of America). */
static bool adjective_of(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp)
{
	return word_like_in(src, s, tgt, tp, same_start);
}

/* The letters two words share at their start for one to be read as made of
 * the other where a language shortens a place in its adjective ("andina"
 * of the Andes). */
#define NAME_PREFIX_MIN 3

static bool same_prefix(const char *word, const char *name)
{
	return strlen(word) >= NAME_PREFIX_MIN && strncmp(word, name, NAME_PREFIX_MIN) == 0;
}

/* Whether a word of paragraph tp begins with the first three letters of a
 * word of the name s. */
static bool prefix_in(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp)
{
	return word_like_in(src, s, tgt, tp, same_prefix);
}

/* Whether the aligned paragraph has a name left over that the source never
 * gives, no pair took, and that begins as the source's name s: the name
 * written another way may stand there ("Neapel" for "Naples"). */
static bool spare_for(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp, const name_runs *tn,
                      const key_set *sk)
{
	for (size_t j = 0; j < tn->n; j++)
		if (!tn->v[j].carried && same_initial(src, s, tgt, &tn->v[j]) && !carried(tgt, &tn->v[j], sk))
			return true;
	return adjective_of(src, s, tgt, tp);
}

/* The source's names without a counterpart, where the word list is sure of
 * them ("Commerce Department" is "handelsministeriet", common words
 * translated) and nothing in the aligned paragraph may stand for them. */
static void report_missing(const wc_doc *src, const wc_doc *tgt, size_t tp, const name_run *v, size_t n,
                           const name_runs *tn, const key_set *sk, wc_findings *fs)
{
	for (size_t i = 0; i < n; i++) {
		if (spare_for(src, &v[i], tgt, tp, tn, sk))
			continue;
		char *sv = run_text(src, &v[i]);
		size_t at = tgt->paras[tp].start;
		wc_emit(fs, WC_CHECK_FACT_MISSING, WC_WARNING, tgt, at, at, src, v[i].start, sv, NULL, "name",
		        "the source names '%s'; the translation never does", sv);
		free(sv);
	}
}

/* A name the word list is sure of is not paired with a run of capitalised
 * words the translation's list reads as common words ("Obama" with
 * "English-only") where the pair would be only an info: it would hide the
 * dropped name, which is a warning. */
static bool unsure_stand_in(const wc_doc *src, const name_run *s, const wc_doc *tgt, const name_run *t)
{
	return s->sure && tgt->loc->words.data && !t->sure && name_severity(src, s, tgt, t) == WC_INFO;
}

/* The word before offset s in paragraph [ps, s), across spaces only: true
 * with its bounds in *ws, *we. */
static bool word_before(const char *t, size_t ps, size_t s, size_t *ws, size_t *we)
{
	size_t i = s;
	while (i > ps && t[i - 1] == ' ')
		i--;
	if (i == s)
		return false;
	size_t e = i;
	while (i > ps) {
		size_t st;
		int32_t c = wc_utf8_prev(t, i, &st);
		if (!wc_is_letter(c) && c != '-' && c != '\'' && c != 0x2019)
			break;
		i = st;
	}
	*ws = i, *we = e;
	return i < e;
}

/* The word after offset e in paragraph [e, pe), across spaces only. */
static bool word_after(const char *t, size_t pe, size_t e, size_t *ws, size_t *we)
{
	size_t i = e;
	while (i < pe && t[i] == ' ')
		i++;
	size_t at = i;
	if (i == e || i >= pe || !wc_is_letter(wc_utf8_next(t, pe, &at)))
		return false;
	*ws = i, *we = word_end(t, pe, i);
	return true;
}

/* Whether the word [s, e) of paragraph [ps, ...) has a capital and may be
 * part of a name (a place's too, "Nueva Jersey"; a number's or an
 * ordinal's, "Las Siete Hermanas", "Tweede Kamer"; a word of not_names:,
 * "Comercio e Industria"): no stop word or ordinal with a sentence's
 * capital ("Segundo Ramos": according to Ramos). */
static bool name_word_at(const wc_doc *d, size_t ps, size_t s, size_t e)
{
	const wc_locale *loc = d->loc;
	const char *w = d->text + s;
	size_t at = s;
	if (!wc_is_upper(wc_utf8_next(d->text, e, &at)))
		return false;
	if (!sentence_starts_at(d->text, ps, s))
		return true;
	return !wc_lex_find(&loc->ordinals, w, e - s) &&
	       (!wc_lex_find(&loc->name_stops, w, e - s) || wc_strlist_has_fold(&loc->not_names, w, e - s));
}

/* Whether a word next to the run, or one beyond a short lower-case word,
 * has a capital: the run is part of a longer name ("Cúpula de Hierro",
 * "Trasporti e Risorse", "Nueva Jersey" with a place), whose other part
 * stands for it. */
static bool part_of_longer_name(const wc_doc *d, const name_run *r)
{
	const char *t = d->text;
	size_t ps = d->paras[r->para].start, pe = d->paras[r->para].end, ws, we, ws2, we2;
	if (word_before(t, ps, r->start, &ws, &we) &&
	    (name_word_at(d, ps, ws, we) ||
	     (we - ws <= 3 && word_before(t, ps, ws, &ws2, &we2) && name_word_at(d, ps, ws2, we2))))
		return true;
	return word_after(t, pe, r->end, &ws, &we) &&
	       (name_word_at(d, ps, ws, we) ||
	        (we - ws <= 3 && word_after(t, pe, we, &ws2, &we2) && name_word_at(d, ps, ws2, we2)));
}

/* Whether the word at s follows a definite article of the language, or an
 * elided one ("l'État"): "el Gobierno", "la Fiscalía" name an institution
 * by a common noun, a person's name takes none ("Kolonko"). */
static bool after_article(const wc_doc *d, size_t para, size_t s)
{
	const char *t = d->text;
	size_t ps = d->paras[para].start, ws, we;
	if (s > ps && (t[s - 1] == '\'' || (s >= ps + 3 && memcmp(t + s - 3, "\xE2\x80\x99", 3) == 0)))
		return true;
	if (!word_before(t, ps, s, &ws, &we))
		return false;
	return wc_strlist_has_fold(&d->loc->definite_articles, t + ws, we - ws);
}

/* Whether the word at s begins a quotation: its capital is a sentence's
 * ("the campaign “Moi aussi …”"). */
static bool opens_quotation(const char *t, size_t ps, size_t s)
{
	size_t i = s;
	while (i > ps && t[i - 1] == ' ')
		i--;
	if (i == ps)
		return false;
	size_t st;
	int32_t c = wc_utf8_prev(t, i, &st);
	return c == '"' || c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x2018 || c == 0x201A || c == 0x2039 ||
	       c == 0x00BB;
}

/* A third of the longer key or less differs. */
static bool cognate_keys(const char *word, const char *name)
{
	size_t lw = strlen(word), ln = strlen(name), most = lw > ln ? lw : ln;
	return 3 * edit_distance(word, name) <= most;
}

/* Whether a word of paragraph tp, of any case, is a cognate of a word of
 * the name: "Equipo Nacional" translated as "the national team". */
static bool cognate_word_in(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp)
{
	return word_like_in(src, s, tgt, tp, cognate_keys);
}

/* A name the word list is unsure of ("Peña Nieto": peña, nieto; "Kolonko",
 * "Gaza") that nothing in the aligned paragraph can stand for is dropped
 * all the same, where capitals say enough: the source's language writes
 * its common nouns in lower case, institutions' too, and no ending joins
 * its articles to them (`capitals_mark_names`: es, fr, it, pt, pl; not
 * Swedish "Riksdagen", Danish "Folketinget", Finnish "Eduskunta"), so a
 * capital inside a sentence marks a name; the translation's language
 * keeps capitals on names it translates (`names_keep_capitals`: English
 * writes "the Aerospace Institute", Danish "luftfartsinstituttet"), and it
 * left no name over, no word that is a cognate of one of the name's, and
 * the name is no part of a longer one whose other part may stand for it.
 * A single word after a definite article ("el Gobierno": the government)
 * or at the start of a quotation is left out, and so is an acronym (a
 * Roman numeral, "siglo XV", is no name). */
static bool plainly_dropped(const wc_doc *src, const name_run *s, const wc_doc *tgt, size_t tp)
{
	return src->loc->capitals_mark_names && tgt->loc->names_keep_capitals && !s->acronym &&
	       !(s->words == 1 && (after_article(src, s->para, s->start) ||
	                           opens_quotation(src->text, src->paras[s->para].start, s->start))) &&
	       !part_of_longer_name(src, s) &&
	       !cognate_word_in(src, s, tgt, tp);
}

/* Whether the two names' keys begin with the same letter. */
static bool begin_alike(const wc_doc *sd, const name_run *s, const wc_doc *td, const name_run *t)
{
	char *a = name_key(sd->text + s->start, word_end(sd->text, s->end, s->start) - s->start);
	char *b = name_key(td->text + t->start, word_end(td->text, t->end, t->start) - t->start);
	bool alike = a[0] == b[0];
	free(a);
	free(b);
	return alike;
}

/* name_severity, and a warning where the source's name is one by its
 * capitals as plainly_dropped reads them, so that the capitalised name the
 * translation gives in its place, which begins unlike it, is another ("Peña
 * Nieto" → "Bazar", "Duda" → "Tusk" though tusk is a word too; not "Rz" →
 * "Rzeczpospolita", a short form written out). */
static int pair_severity(const wc_doc *src, const name_run *s, const wc_doc *tgt, const name_run *t)
{
	int sev = name_severity(src, s, tgt, t);
	if (sev == WC_INFO && !begin_alike(src, s, tgt, t) && plainly_dropped(src, s, tgt, t->para))
		sev = WC_WARNING;
	return sev;
}

/* The source paragraph's names that the translation does not carry, against
 * those of the aligned paragraph that the source never gives, in order;
 * *used counts the translation's names taken so. */
static void match_para(name_cache *sc, name_cache *tc, size_t p, size_t tp, const key_set *sk,
                       const key_set *tk, name_runs *sn, name_runs *tn, size_t *used, wc_findings *fs)
{
	const wc_doc *src = sc->d, *tgt = tc->d;
	names_from(sc, p, sn);
	names_from(tc, tp, tn);
	size_t j = 0, skip = *used, nmissing = 0;
	for (size_t i = 0; i < sn->n; i++)
		sn->v[i].carried = carried(src, &sn->v[i], tk);
	take_cognates(src, sn, tgt, tn);
	for (size_t i = 0; i < sn->n; i++) {
		name_run *s = &sn->v[i];
		if (s->carried || !may_pair(src, s))
			continue;
		while (j < tn->n && (tn->v[j].carried || carried(tgt, &tn->v[j], sk) || !may_pair(tgt, &tn->v[j]) ||
		                     (skip && skip--)))
			j++;
		char *sv = run_text(src, s);
		if (j < tn->n && !unsure_stand_in(src, s, tgt, &tn->v[j])) {
			char *tv = run_text(tgt, &tn->v[j]);
			wc_emit(fs, WC_CHECK_FACT_MISMATCH, pair_severity(src, s, tgt, &tn->v[j]), tgt, tn->v[j].start,
			        tn->v[j].end, src, s->start, sv, tv, "name",
			        "name differs: source has '%s', translation has '%s'", sv, tv);
			free(tv);
			tn->v[j++].carried = true;
			(*used)++;
		} else if (nmissing < MISSING_PER_PARA && (s->sure || plainly_dropped(src, s, tgt, tp))) {
			sn->v[nmissing++] = *s;
		}
		free(sv);
	}
	report_missing(src, tgt, tp, sn->v, nmissing, tn, sk, fs);
}

/* An acronym in the plural ("MPs", "NGOs"): a common noun's. */
static bool plural_acronym(const wc_doc *d, const name_run *r)
{
	return r->words == 1 && r->end - r->start >= 3 && d->text[r->end - 1] == 's' &&
	       all_upper(d->text, r->start, r->end - 1);
}

/* A name the translation gives that nothing in the aligned source
 * paragraph stands for ("Hamas" where the source says "la coalición",
 * "Microsoft" for "la Poste suédoise"): another name put in, where capitals
 * say enough.  As plainly_dropped reads them, the source writes its common
 * nouns in lower case and the translation keeps capitals on names; the name
 * has a word the word list knows only as a name (not "Foster Care" for
 * "pieczy zastępczej", nor "General Assembly"), is no acronym, in the
 * plural neither ("215 MPs" for "215 posłów"), opens no quotation, and no
 * word of the source paragraph, of any case, begins with the first three
 * letters of one of its words: neither a cognate ("mozazaury": Mosasaurus)
 * nor an adjective made of it (the Andes: "la cordillera andina"; the
 * Amazon: "amazónica"). */
static bool plainly_added(const wc_doc *src, size_t sp, const wc_doc *tgt, const name_run *t)
{
	return src->loc->capitals_mark_names && tgt->loc->names_keep_capitals && t->sure && !t->acronym &&
	       !plural_acronym(tgt, t) &&
	       !opens_quotation(tgt->text, tgt->paras[t->para].start, t->start) &&
	       !prefix_in(tgt, t, src, sp);
}

/* The translation's names of paragraph tp that the source never gives and
 * no mismatch took: fact.extra. */
static void extras_of_para(name_cache *sc, size_t sp, name_cache *tc, size_t tp, const key_set *sk,
                           size_t used, name_runs *sn, name_runs *tn, wc_findings *fs)
{
	const wc_doc *src = sc->d, *tgt = tc->d;
	names_from(sc, sp, sn);
	names_from(tc, tp, tn);
	take_cognates(src, sn, tgt, tn);
	for (size_t j = 0; j < tn->n; j++) {
		name_run *t = &tn->v[j];
		if (t->carried || carried(tgt, t, sk) || !may_pair(tgt, t) || (used && used--))
			continue;
		bool added = plainly_added(src, sp, tgt, t);
		if (!evidence_of_name(tgt, t) && !added)
			continue;
		char *tv = run_text(tgt, t);
		if (added)
			wc_emit(fs, WC_CHECK_FACT_EXTRA, WC_WARNING, tgt, t->start, t->end, NULL, 0, NULL, tv, "name",
			        "the translation names '%s'; nothing in the source stands for it", tv);
		else
			wc_emit(fs, WC_CHECK_FACT_EXTRA, -1, tgt, t->start, t->end, NULL, 0, NULL, tv, "name",
			        "the translation names '%s'; the source does not", tv);
		free(tv);
	}
}

struct wc_name_keys {
	key_set keys;
};

void wc_name_keys_free(struct wc_name_keys *k)
{
	if (k)
		free(k->keys.v);
	free(k);
}

/* A doc's keys depend on its text alone: made once, kept with it. */
static const key_set *doc_keys(wc_doc *d)
{
	if (!d->name_keys) {
		d->name_keys = wc_xcalloc(1, sizeof *d->name_keys);
		keys_of(d, &d->name_keys->keys);
	}
	return &d->name_keys->keys;
}

void wc_match_people(wc_doc *src, wc_doc *tgt, const wc_alignment *al, wc_findings *fs)
{
	if (!src->npara || !tgt->npara)
		return;
	const key_set *sk = doc_keys(src), *tk = doc_keys(tgt);
	name_runs sn = {0}, tn = {0};
	name_cache sc, tc;
	cache_init(&sc, src, tgt->loc);
	cache_init(&tc, tgt, src->loc);
	size_t *used = wc_xcalloc(tgt->npara, sizeof *used);
	for (size_t p = 0; p < src->npara; p++)
		if (al->s2t[p] >= 0)
			match_para(&sc, &tc, p, (size_t)al->s2t[p], sk, tk, &sn, &tn, &used[al->s2t[p]], fs);
	/* an unaligned paragraph's names are the alignment's to report */
	for (size_t tp = 0; tp < tgt->npara; tp++)
		if (al->t2s[tp] >= 0)
			extras_of_para(&sc, (size_t)al->t2s[tp], &tc, tp, sk, used[tp], &sn, &tn, fs);
	cache_free(&sc);
	cache_free(&tc);
	free(used);
	free(sn.v), free(tn.v);
}
