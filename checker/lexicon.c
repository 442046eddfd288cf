/*
 * lexicon.c — word forms mapped to canonical values (weekday names, number
 * words, currency symbols, term forms).  Built once at load time; looked up
 * case-insensitively while values are normalized, and turned into regex
 * alternations for the pattern macros.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

static uint64_t hash_key(const char *k)
{
	return wc_hash_bytes(k, strlen(k));
}

/* The slot of key in the lexicon's hash (open addressing over item index + 1). */
static size_t *slot_of(const wc_lexicon *lx, const char *key)
{
	size_t mask = lx->hcap - 1;
	for (size_t i = hash_key(key) & mask;; i = (i + 1) & mask) {
		size_t *sl = &lx->hash[i];
		if (!*sl || strcmp(lx->items[*sl - 1].key, key) == 0)
			return sl;
	}
}

static void rehash(wc_lexicon *lx)
{
	free(lx->hash);
	lx->hcap = lx->hcap ? lx->hcap * 2 : 64;
	lx->hash = wc_xcalloc(lx->hcap, sizeof *lx->hash);
	for (size_t i = 0; i < lx->n; i++) {
		size_t *sl = slot_of(lx, lx->items[i].key);
		if (!*sl)
			*sl = i + 1;
	}
}

/* The length of the white space at s (ASCII blanks, no-break and thin
 * spaces), 0 if none. */
static size_t space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89))
		return 3;
	return 0;
}

/* The key of a form: case-folded, each run of white space one space.  The
 * patterns let any run of white space stand between the words of a form
 * ("neste  år"), so the lookup must see them as the form's one space. */
static char *squeeze_spaces(char *k)
{
	char *w = k;
	for (const char *r = k; *r;) {
		size_t sp = space_at(r);
		if (!sp) {
			*w++ = *r++;
			continue;
		}
		while ((sp = space_at(r)))
			r += sp;
		*w++ = ' ';
	}
	*w = '\0';
	return k;
}

static char *key_of(const char *s, size_t n)
{
	return squeeze_spaces(wc_casefold(s, n));
}

/* Forms are found through a hash of their case-folded keys: lookups happen
 * while loading (before every add) and while extracting, and both must stay
 * cheap for lexicons of hundreds of thousands of forms.  The first form of a
 * key wins; the loader reports a second one with another value. */
void wc_lex_add(wc_lexicon *lx, const char *form, const char *canon, int64_t num)
{
	wc_lex_item *it = WC_PUSH(lx->items, lx->n, lx->cap);
	it->key = key_of(form, strlen(form));
	it->form = wc_xstrdup(form);
	it->canon = wc_xstrdup(canon ? canon : form);
	it->num = num;
	size_t kl = strlen(it->key), fl = strlen(form);
	if (kl > lx->maxlen)
		lx->maxlen = kl;
	if (fl > lx->maxlen)
		lx->maxlen = fl;
	if ((lx->n + 1) * 2 > lx->hcap) {
		rehash(lx);
		return;
	}
	size_t *sl = slot_of(lx, it->key);
	if (!*sl)
		*sl = lx->n;
}

const wc_lex_item *wc_lex_find(const wc_lexicon *lx, const char *s, size_t n)
{
	if (!lx->n || !n)
		return NULL;
	/* A short ASCII word, the common case, is folded on the stack: the
	 * names check looks up each capitalised word in a dozen lexicons. */
	char small[64];
	bool ascii = n < sizeof small && wc_fold_ascii_to(s, n, small);
	char *k = ascii ? squeeze_spaces(small) : key_of(s, n);
	size_t *sl = slot_of(lx, k);
	if (!ascii)
		free(k);
	return *sl ? &lx->items[*sl - 1] : NULL;
}

static int longest_first(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);
	if (lx != ly)
		return lx < ly ? 1 : -1;
	return strcmp(x, y);
}

static void add_escaped(wc_buf *b, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}#-/", *s))
			wc_buf_putc(b, '\\');
		if (*s == ' ') {
			/* Any run of white space (incl. no-break space) between words. */
			wc_buf_puts(b, "\\s+");
			while (s[1] == ' ')
				s++;
			continue;
		}
		wc_buf_putc(b, *s);
	}
}

/* A currency sign ($, €, £ ...) in the form: "US$" is a prefix symbol. */
static bool has_currency_sign(const char *s)
{
	size_t i = 0, n = strlen(s);
	while (i < n)
		if (wc_is_currency_sign(wc_utf8_next(s, n, &i)))
			return true;
	return false;
}

/* Alternations shorter than this are written flat; longer ones grouped by
 * their first two characters, so that a failed attempt tests a few dozen
 * characters rather than every form (the place names and currencies are
 * thousands of forms, tried at every capitalised word or number). */
enum { LEX_GROUP_MIN = 24 };

/* The code point at position k (in code points) of s, lower-cased, or -1
 * past its end; a space stands for any white space (add_escaped). */
static int32_t folded_at(const char *s, int k)
{
	size_t i = 0, n = strlen(s);
	int32_t c = -1;
	for (int j = 0; j <= k; j++) {
		if (i >= n)
			return -1;
		c = wc_utf8_next(s, n, &i);
		if (c < 0)
			return -1;
	}
	return c == ' ' ? ' ' : utf8proc_tolower(c);
}

/* A class that holds c in every case the forms or PCRE2 may write it. */
static void add_class(wc_buf *b, int32_t c)
{
	if (c == ' ') {
		wc_buf_puts(b, "\\s");
		return;
	}
	int32_t up = utf8proc_toupper(c), title = utf8proc_totitle(c);
	char tmp[48];
	if (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
		snprintf(tmp, sizeof tmp, c == up ? "%c" : "[%c%c]", (char)c, (char)up);
	} else if (c == up && c == title) {
		snprintf(tmp, sizeof tmp, "\\x{%X}", (unsigned)c);
	} else {
		snprintf(tmp, sizeof tmp, "[\\x{%X}\\x{%X}\\x{%X}]", (unsigned)c, (unsigned)up, (unsigned)title);
	}
	wc_buf_puts(b, tmp);
}

static void add_flat(wc_buf *b, const char *const *forms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			wc_buf_putc(b, '|');
		add_escaped(b, forms[i]);
	}
}

/* forms[0..n) share their folded code points before position k; each run
 * of one folded code point at k becomes a branch behind a lookahead for it
 * (the runs are disjoint, so their order does not matter), and forms that
 * end before k come last, as the shortest.  Within a run the forms keep
 * their order, longest first, so the first to match is the one the flat
 * alternation would have found. */
static void add_grouped(wc_buf *b, const char **forms, size_t n, int k)
{
	const char **rest = wc_xcalloc(n, sizeof *rest), **run = wc_xcalloc(n, sizeof *run);
	bool *done = wc_xcalloc(n, sizeof *done);
	size_t nrest = 0, branches = 0;
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		int32_t c = folded_at(forms[i], k);
		if (c < 0) {
			rest[nrest++] = forms[i];
			continue;
		}
		size_t nrun = 0;
		for (size_t j = i; j < n; j++)
			if (!done[j] && folded_at(forms[j], k) == c) {
				run[nrun++] = forms[j];
				done[j] = true;
			}
		if (branches++)
			wc_buf_putc(b, '|');
		wc_buf_puts(b, "(?=");
		for (int j = 0; j < k; j++)
			wc_buf_putc(b, '.');
		add_class(b, c);
		wc_buf_puts(b, ")(?:");
		add_flat(b, run, nrun);
		wc_buf_putc(b, ')');
	}
	if (nrest) {
		if (branches)
			wc_buf_putc(b, '|');
		add_flat(b, rest, nrest);
	}
	free(rest), free(run), free(done);
}

char *wc_lex_regex(const wc_lexicon *lx, bool symbols_only)
{
	const char **forms = wc_xcalloc(lx->n + 1, sizeof *forms);
	size_t n = 0;
	for (size_t i = 0; i < lx->n; i++)
		if (!symbols_only || has_currency_sign(lx->items[i].form))
			forms[n++] = lx->items[i].form;
	if (!n) {
		free(forms);
		return wc_xstrdup("(?!)");
	}
	qsort(forms, n, sizeof *forms, longest_first);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (!u || strcmp(forms[i], forms[u - 1]) != 0)
			forms[u++] = forms[i];
	wc_buf b = {0};
	wc_buf_puts(&b, "(?:");
	if (u >= LEX_GROUP_MIN)
		add_grouped(&b, forms, u, 0);
	else
		add_flat(&b, forms, u);
	wc_buf_putc(&b, ')');
	free(forms);
	return wc_buf_take(&b);
}

void wc_lex_free(wc_lexicon *lx)
{
	for (size_t i = 0; i < lx->n; i++) {
		free(lx->items[i].key);
		free(lx->items[i].form);
		free(lx->items[i].canon);
	}
	free(lx->items);
	free(lx->hash);
	lx->items = NULL;
	lx->hash = NULL;
	lx->n = lx->cap = lx->hcap = 0;
}
