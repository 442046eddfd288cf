/*
 * lexicon.c — word forms mapped to canonical values (weekday names, number
 * words, currency symbols, term forms).  Built once at load time; looked up
 * case-insensitively while values are normalized, and turned into regex
 * alternations for the pattern macros.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

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
static char *key_of(const char *s, size_t n)
{
	char *k = wc_casefold(s, n);
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
	char *k = key_of(s, n);
	size_t *sl = slot_of(lx, k);
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
	wc_buf b = {0};
	wc_buf_puts(&b, "(?:");
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(forms[i], forms[i - 1]) == 0)
			continue;
		if (i)
			wc_buf_putc(&b, '|');
		add_escaped(&b, forms[i]);
	}
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
