/*
 * triggers.c — stage 3 helper: lexical triggers, so that extraction does not
 * scan every paragraph once per rule.
 *
 * At compile time each pattern's possible first tokens are worked out from
 * its source: a macro ({number} may start with a digit or a number word,
 * {weekday} with a weekday form ...), \d, \p{Lu}, or literal words.  Word
 * forms of the locale's lexicons and the literal words go into one hash
 * table.  At run time a paragraph is tokenized once; each token start looks
 * up its word and runs, anchored there, only the patterns that may start
 * with it.  Patterns whose start cannot be worked out are scanned as before.
 */
#include "compiled.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- folding words to table keys ----------------------------------------------- */

/* Lower-cases s[0..n) into buf (cap bytes); returns the length, or 0 if it
 * does not fit.  Simple per-code-point lower case: the same function makes
 * the keys and the lookups, so they always agree. */
static size_t fold(const char *s, size_t n, char *buf, size_t cap)
{
	size_t o = 0, i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (o + 1 > cap)
				return 0;
			buf[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		int32_t c = wc_utf8_next(s, n, &i);
		if (c < 0)
			return 0;
		if (o + 4 > cap)
			return 0;
		o += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)buf + o);
	}
	return o;
}

/* "\x01" and the first two characters of a word: the key of the prefixes
 * of number words.  0 for a word of fewer than two characters. */
static size_t prefix_key(const char *w, size_t n, char *key)
{
	size_t i = 0;
	for (int k = 0; k < 2; k++) {
		if (i >= n || wc_utf8_next(w, n, &i) < 0)
			return 0;
	}
	key[0] = '\x01';
	memcpy(key + 1, w, i);
	return i + 1;
}

static uint64_t hash(const char *s, size_t n)
{
	return wc_hash_bytes(s, n);
}

/* ---- the table ------------------------------------------------------------------- */

static wc_trigger *slot(wc_trigger *t, size_t cap, const char *k, size_t n)
{
	size_t i = hash(k, n) & (cap - 1);
	while (t[i].key && (t[i].len != n || memcmp(t[i].key, k, n) != 0))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

static void grow_table(wc_compiled *c)
{
	size_t cap = c->tcap ? c->tcap * 2 : 256;
	wc_trigger *t = wc_xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < c->tcap; i++)
		if (c->table[i].key)
			*slot(t, cap, c->table[i].key, c->table[i].len) = c->table[i];
	free(c->table);
	c->table = t;
	c->tcap = cap;
}

static wc_trigger *entry(wc_compiled *c, const char *word, size_t n)
{
	char key[256];
	size_t k = fold(word, n, key, sizeof key);
	if (!k)
		return NULL;
	if ((c->tcount + 1) * 2 > c->tcap)
		grow_table(c);
	wc_trigger *e = slot(c->table, c->tcap, key, k);
	if (!e->key) {
		e->key = wc_xstrndup(key, k);
		e->len = k;
		c->tcount++;
	}
	return e;
}

static const wc_trigger *lookup(const wc_compiled *c, const char *word, size_t n)
{
	char key[256];
	size_t k = fold(word, n, key, sizeof key);
	if (!k || !c->tcap)
		return NULL;
	const wc_trigger *e = slot(c->table, c->tcap, key, k);
	return e->key ? e : NULL;
}

/* The first word of a form ("earlier" of "earlier this month"), or its first
 * character when it starts with a symbol ("$"). */
static void add_form(wc_compiled *c, const char *form, uint32_t cls)
{
	size_t n = strlen(form), i = 0;
	int32_t first = wc_utf8_next(form, n, &i);
	if (!wc_is_letter(first)) {
		if (!wc_is_digit(first) && first > 0 && c->nsymbols < WC_MAX_SYMBOLS) {
			c->symbols[c->nsymbols] = first;
			c->symbol_class[c->nsymbols++] = cls;
		}
		return;
	}
	size_t e = i;
	while (e < n) {
		size_t k = e;
		if (!wc_is_letter(wc_utf8_next(form, n, &k)))
			break;
		e = k;
	}
	wc_trigger *t = entry(c, form, e);
	if (t)
		t->classes |= cls;
}

static void add_lexicon(wc_compiled *c, const wc_lexicon *lx, uint32_t cls)
{
	for (size_t i = 0; cls && i < lx->n; i++)
		add_form(c, lx->items[i].form, cls);
}

/* ---- what a pattern may start with ------------------------------------------------ */

typedef struct {
	uint32_t classes;
	wc_strlist words;
	bool unknown;            /* could start anywhere: scan instead */
} start_set;

/* The classes a macro's match may start with (macros.def); 0 for an
 * unknown name or a macro whose start is not known. */
static uint32_t macro_class(const char *name, size_t n)
{
	static const uint32_t cls[M_COUNT] = {
#define WC_MACRO(e, mname, lex, mcls, build) [M_##e] = mcls,
#include "macros.def"
	};
	for (size_t i = 0; i < M_COUNT; i++)
		if (strlen(wc_macro_names[i]) == n && strncmp(wc_macro_names[i], name, n) == 0)
			return cls[i];
	return 0;
}

/* End of the group that opens at p ('('), or NULL. */
static const char *group_end(const char *p, const char *end)
{
	int depth = 0;
	bool in_class = false;
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			continue;
		}
		if (in_class) {
			in_class = *p != ']';
			continue;
		}
		if (*p == '[')
			in_class = true;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return NULL;
}

/* Whether the element ending at p is followed by a quantifier that allows
 * zero repetitions; *after receives where the next element starts. */
static bool optional_quantifier(const char *p, const char *end, const char **after)
{
	bool opt = false;
	if (p < end && (*p == '?' || *p == '*')) {
		opt = true;
		p++;
	} else if (p < end && *p == '+') {
		p++;
	} else if (p + 1 < end && *p == '{' && p[1] >= '0' && p[1] <= '9') {
		opt = p[1] == '0' && (p[2] == ',' || p[2] == '}');
		while (p < end && *p != '}')
			p++;
		p++;
	}
	if (p < end && (*p == '?' || *p == '+'))
		p++; /* lazy or possessive */
	*after = p;
	return opt;
}

static void first_of_sequence(const char *p, const char *end, start_set *s, int depth);

/* Alternatives of a group body (top-level '|'), each a sequence. */
static void first_of_alternatives(const char *p, const char *end, start_set *s, int depth)
{
	const char *st = p;
	int level = 0;
	bool in_class = false;
	for (; p <= end; p++) {
		if (p < end && *p == '\\' && p + 1 < end) {
			p++;
			continue;
		}
		if (p < end && in_class) {
			in_class = *p != ']';
			continue;
		}
		if (p < end && *p == '[')
			in_class = true;
		else if (p < end && *p == '(')
			level++;
		else if (p < end && *p == ')')
			level--;
		else if (p == end || (*p == '|' && level == 0)) {
			first_of_sequence(st, p, s, depth + 1);
			st = p + 1;
		}
	}
}

static bool is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* Whether what follows a literal word at p cannot extend the token: white
 * space, a hyphen, a word boundary, the end, or the end of a group that is
 * itself followed by no letter. */
static bool ends_token(const char *p, const char *end)
{
	while (p < end && (*p == ')' || *p == '|')) {
		if (*p == '|') {
			/* the rest of this alternative is empty: look past the group */
			int level = 0;
			while (p < end && !(*p == ')' && level == 0)) {
				if (*p == '(')
					level++;
				else if (*p == ')')
					level--;
				p++;
			}
			continue;
		}
		p++;
	}
	if (p >= end)
		return true;
	if (*p == ' ' || *p == '-' || *p == '.' || *p == ',')
		return true;
	return p + 1 < end && *p == '\\' && (p[1] == 's' || p[1] == 'b' || p[1] == 'K');
}

static void first_of_sequence(const char *p, const char *end, start_set *s, int depth)
{
	if (depth > 16) {
		s->unknown = true;
		return;
	}
	while (p < end && !s->unknown) {
		const char *after;
		if (p + 1 < end && *p == '\\' && (p[1] == 'b' || p[1] == 'K' || p[1] == 'B')) {
			p += 2; /* zero width */
			continue;
		}
		if (*p == '^') {
			p++;
			continue;
		}
		if (*p == '(') {
			const char *close = group_end(p, end);
			if (!close) {
				s->unknown = true;
				return;
			}
			const char *body = p + 1;
			if (body[0] == '?') {
				if (body[1] == '=' || body[1] == '!' ||
				    (body[1] == '<' && (body[2] == '=' || body[2] == '!'))) {
					p = close + 1; /* a lookaround takes no characters */
					continue;
				}
				if (body[1] == '<' || body[1] == 'P') { /* named group */
					body = strchr(body, '>');
					if (!body || body > close) {
						s->unknown = true;
						return;
					}
					body++;
				} else {
					/* (?:  (?i:  (?-i:  (?>  (?|  or an option setting (?i) */
					const char *q = body + 1;
					while (q < close && (*q == '-' || (*q >= 'a' && *q <= 'z')))
						q++;
					if (q == close) { /* (?i) alone */
						p = close + 1;
						continue;
					}
					if (*q != ':' && *q != '>' && *q != '|') {
						s->unknown = true;
						return;
					}
					body = q + 1;
				}
			}
			first_of_alternatives(body, close, s, depth);
			if (!optional_quantifier(close + 1, end, &after))
				return;
			p = after;
			continue;
		}
		if (*p == '{') {
			const char *e = p + 1;
			while (e < end && ((*e >= 'a' && *e <= 'z') || *e == '_'))
				e++;
			uint32_t cls = e < end && *e == '}' ? macro_class(p + 1, (size_t)(e - p - 1)) : 0;
			if (!cls) {
				s->unknown = true;
				return;
			}
			s->classes |= cls;
			if (!optional_quantifier(e + 1, end, &after))
				return;
			p = after;
			continue;
		}
		if (p + 1 < end && *p == '\\' && p[1] == 'd') {
			s->classes |= T_DIGIT;
			if (!optional_quantifier(p + 2, end, &after))
				return;
			p = after;
			continue;
		}
		if (p + 5 < end && strncmp(p, "\\p{Lu}", 6) == 0) {
			s->classes |= T_UPPER;
			if (!optional_quantifier(p + 6, end, &after))
				return;
			p = after;
			continue;
		}
		if (is_word_char(*p)) {
			const char *e = p;
			while (e < end && is_word_char(*e))
				e++;
			/* The literal must be a whole token: "employs?" or "a+" would
			 * match other tokens than the word as written. */
			if (!ends_token(e, end)) {
				s->unknown = true;
				return;
			}
			char *w = wc_xstrndup(p, (size_t)(e - p));
			wc_strlist_add(&s->words, w);
			free(w);
			return;
		}
		s->unknown = true;
	}
	/* A sequence that may match nothing at all could start anywhere. */
	if (p >= end)
		s->unknown = true;
}

bool wc_pattern_has_known_start(const char *pattern)
{
	start_set s = {0};
	first_of_alternatives(pattern, pattern + strlen(pattern), &s, 0);
	wc_strlist_free(&s.words);
	return !s.unknown;
}

/* ---- building ------------------------------------------------------------------------ */

void wc_triggers_build(wc_compiled *c, const wc_locale *loc)
{
	for (size_t i = 0; i < loc->genitive.n && c->ngenitive < WC_MAX_GENITIVES; i++)
		if (*loc->genitive.v[i]) {
			c->genitive[c->ngenitive] = loc->genitive.v[i];
			c->genitive_len[c->ngenitive++] = strlen(loc->genitive.v[i]);
		}
	/* Every lexicon with a token class (macros.def). */
#define WC_LEXICON(field, key, cls, loader, canon) add_lexicon(c, &loc->field, cls);
#include "macros.def"
	/* The clock words that open a time ("klockan", "a las", "half"), not
	 * those after one ("in the morning"), whose first words stand everywhere. */
	for (size_t i = 0; i < loc->clock.n; i++)
		if (!strcmp(loc->clock.items[i].canon, "word") || !strcmp(loc->clock.items[i].canon, "at") ||
		    !strcmp(loc->clock.items[i].canon, "half"))
			add_form(c, loc->clock.items[i].form, T_CLOCK);
	/* Number words glue into compounds (femogtyve, fünfundzwanzig): a word
	 * whose first two letters begin a number word may be one.  Those
	 * prefixes go into the table under a mark no word starts with. */
	for (size_t i = 0; i < loc->number_words.n; i++) {
		/* a fraction ends a compound ("zweieinhalb"), never begins one */
		if (loc->number_words.items[i].canon && loc->number_words.items[i].canon[0] == '~')
			continue;
		const char *form = loc->number_words.items[i].form;
		char key[16];
		size_t k = prefix_key(form, strlen(form), key);
		wc_trigger *t = k ? entry(c, key, k) : NULL;
		if (t)
			t->classes |= T_NUMWORD;
		/* the whole word, under a second mark: a compound begins with one */
		char whole[256];
		size_t n = strlen(form);
		if (n + 1 < sizeof whole && !strchr(form, ' ')) {
			whole[0] = '\x02';
			memcpy(whole + 1, form, n);
			if ((t = entry(c, whole, n + 1)))
				t->classes |= T_NUMWORD;
		}
	}
	for (size_t i = 0; i < c->npats; i++) {
		wc_cpattern *cp = &c->pats[i];
		start_set s = {0};
		const char *pat = cp->pattern->pattern;
		first_of_alternatives(pat, pat + strlen(pat), &s, 0);
		/* cp->scan was decided with the same analysis when it was compiled */
		cp->start_classes = s.classes;
		for (size_t w = 0; !s.unknown && w < s.words.n; w++) {
			wc_trigger *t = entry(c, s.words.v[w], strlen(s.words.v[w]));
			if (!t) {
				cp->scan = true;
				continue;
			}
			*WC_PUSH(t->pats, t->npats, t->pats_cap) = (uint32_t)i;
		}
		wc_strlist_free(&s.words);
	}
	for (int b = 0; b < WC_T_COUNT; b++) {
		size_t cap = 0;
		for (size_t i = 0; i < c->npats; i++)
			if (!c->pats[i].scan && (c->pats[i].start_classes & (1u << b)))
				*WC_PUSH(c->by_class[b], c->nby_class[b], cap) = (uint32_t)i;
	}
}

void wc_triggers_free(wc_compiled *c)
{
	for (size_t i = 0; i < c->tcap; i++) {
		free(c->table[i].key);
		free(c->table[i].pats);
	}
	free(c->table);
	for (int b = 0; b < WC_T_COUNT; b++)
		free(c->by_class[b]);
}

/* ---- scanning --------------------------------------------------------------------------- */

static uint32_t symbol_class(const wc_compiled *c, int32_t cp)
{
	uint32_t cls = 0;
	for (size_t i = 0; i < c->nsymbols; i++)
		if (c->symbols[i] == cp)
			cls |= c->symbol_class[i];
	return cls ? cls | T_SYMBOL : 0;
}

/* Whether w begins with a whole number word ("fünfundzwanzig", "femogtyve",
 * "zweijährige"): the two letters of prefix_key alone are too many words
 * ("the", "for", "on" of three, four, one), each a try of every pattern that
 * starts with a number. */
static bool begins_with_number_word(const wc_compiled *c, const char *w, size_t n)
{
	char key[64];
	if (n + 1 > sizeof key)
		n = sizeof key - 1;
	key[0] = '\x02';
	memcpy(key + 1, w, n);
	for (size_t j = n; j >= 2; j--) {
		if (j < n && ((unsigned char)w[j] & 0xC0) == 0x80)
			continue; /* inside a character */
		const wc_trigger *t = lookup(c, key, j + 1);
		if (t && (t->classes & T_NUMWORD))
			return true;
	}
	return false;
}

/* The place and title classes of w less a genitive ending: "Pekings",
 * "Trumps", and the locale's genitive: endings, as the place macro reads
 * them ("Rzymie", "Rzymu": Rzym; "Lontoon": Lontoo). */
static uint32_t genitive_classes(const wc_compiled *c, const char *w, size_t n)
{
	uint32_t cls = 0;
	if (n > 2 && w[n - 1] == 's') {
		const wc_trigger *g = lookup(c, w, n - 1);
		if (g)
			cls |= g->classes & (T_PLACE | T_TITLE);
	}
	for (size_t i = 0; i < c->ngenitive && !cls; i++) {
		size_t k = c->genitive_len[i];
		/* the last byte first: most words end in none of the endings */
		if (n > k + 1 && w[n - 1] == c->genitive[i][k - 1] && memcmp(w + n - k, c->genitive[i], k) == 0) {
			const wc_trigger *g = lookup(c, w, n - k);
			if (g)
				cls |= g->classes & (T_PLACE | T_TITLE);
		}
	}
	return cls;
}

/* Classes of a word that starts a token, and its literal-word patterns. */
static uint32_t word_classes(const wc_compiled *c, const char *w, size_t n, const wc_trigger **lit)
{
	const wc_trigger *t = lookup(c, w, n);
	*lit = t;
	uint32_t cls = t ? t->classes : 0;
	if (!(cls & (T_PLACE | T_TITLE)))
		cls |= genitive_classes(c, w, n);
	if (!(cls & T_NUMWORD)) {
		char key[16];
		size_t k = prefix_key(w, n, key);
		const wc_trigger *p = k ? lookup(c, key, k) : NULL;
		if (p && (p->classes & T_NUMWORD) && begins_with_number_word(c, w, n))
			cls |= T_NUMWORD;
	}
	return cls;
}

void wc_triggers_scan(const wc_compiled *c, const char *text, size_t start, size_t end,
                      wc_trigger_fn fn, void *ctx)
{
	size_t i = start;
	bool in_word = false;
	while (i < end) {
		size_t at = i;
		unsigned char b = (unsigned char)text[i];
		int32_t cp = b < 0x80 ? (i++, (int32_t)b) : wc_utf8_next(text, end, &i);
		bool letter = b < 0x80 ? ((b | 32) >= 'a' && (b | 32) <= 'z') : wc_is_letter(cp);
		bool digit = b < 0x80 ? (b >= '0' && b <= '9') : wc_is_digit(cp);
		if (!letter && !digit) {
			in_word = false;
			if (b != ' ' && b > 0x20) {
				uint32_t cls = symbol_class(c, cp);
				if (cls)
					fn(ctx, at, cls, NULL);
			}
			continue;
		}
		if (in_word)
			continue;
		in_word = true;
		if (digit) {
			fn(ctx, at, T_DIGIT, NULL);
			continue;
		}
		size_t e = i;
		while (e < end) {
			size_t k = e;
			unsigned char d = (unsigned char)text[e];
			bool l = d < 0x80 ? ((d | 32) >= 'a' && (d | 32) <= 'z') : wc_is_letter(wc_utf8_next(text, end, &k));
			if (!l)
				break;
			e = d < 0x80 ? e + 1 : k;
		}
		const wc_trigger *lit;
		uint32_t cls = word_classes(c, text + at, e - at, &lit);
		if (b < 0x80 ? (b >= 'A' && b <= 'Z') : wc_is_upper(cp))
			cls |= T_UPPER;
		fn(ctx, at, cls, lit);
		i = e;
	}
}
