/*
 * lexicon.c — word forms mapped to canonical values (weekday names, number
 * words, currency symbols, term forms).  Built once at load time; looked up
 * case-insensitively while values are normalized, and turned into regex
 * alternations for the pattern macros.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int by_key(const void *a, const void *b)
{
	const wc_lex_item *x = a, *y = b;
	return strcmp(x->key, y->key);
}

/* A sorted lexicon stays sorted: the loader looks up before each add, and
 * sorting again after every add would make loading quadratic. */
void wc_lex_add(wc_lexicon *lx, const char *form, const char *canon, int64_t num)
{
	wc_lex_item item = {wc_casefold(form, strlen(form)), wc_xstrdup(form),
	                    wc_xstrdup(canon ? canon : form), num};
	size_t at = lx->n;
	if (lx->sorted) {
		size_t lo = 0, hi = lx->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (by_key(&lx->items[mid], &item) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		at = lo;
	}
	WC_PUSH(lx->items, lx->n, lx->cap);
	memmove(&lx->items[at + 1], &lx->items[at], (lx->n - 1 - at) * sizeof *lx->items);
	lx->items[at] = item;
}

const wc_lex_item *wc_lex_find(wc_lexicon *lx, const char *s, size_t n)
{
	if (!lx->n)
		return NULL;
	if (!lx->sorted) {
		/* Stable for equal keys would matter if two canonical values shared a
		 * form; the loader rejects that, so plain qsort is enough. */
		qsort(lx->items, lx->n, sizeof *lx->items, by_key);
		lx->sorted = true;
	}
	if (!n)
		return NULL;
	char *k = wc_casefold(s, n);
	wc_lex_item probe = {.key = k};
	const wc_lex_item *it = bsearch(&probe, lx->items, lx->n, sizeof *lx->items, by_key);
	free(k);
	return it;
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
	lx->items = NULL;
	lx->n = lx->cap = 0;
}
