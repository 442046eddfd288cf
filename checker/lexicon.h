/*
 * lexicon.h — word forms → canonical values (lexicon.c): the number words,
 * months, currencies ... of a locale.
 */
#ifndef WC_LEXICON_H
#define WC_LEXICON_H

#include "base.h"

typedef struct {
	char *key;     /* case-folded form */
	char *form;    /* the form as written in the rule file */
	char *canon;   /* canonical value ("monday", "USD", "vice-premier") */
	int64_t num;   /* numeric value (number words, scale exponents) */
} wc_lex_item;

typedef struct {
	wc_lex_item *items;     /* in the order added */
	size_t n, cap;
	size_t *hash;           /* item index + 1 by case-folded key; hcap a power of two */
	size_t hcap;
	size_t maxlen;          /* the longest form or key, in bytes */
} wc_lexicon;

void wc_lex_add(wc_lexicon *lx, const char *form, const char *canon, int64_t num);
/* Finds s[0..n) case-insensitively; NULL if absent. */
const wc_lex_item *wc_lex_find(const wc_lexicon *lx, const char *s, size_t n);
/* A PCRE2 alternation of all forms (with symbols_only, only those with a
 * currency sign), longest first, escaped; "(?!)" if empty.  Caller frees. */
char *wc_lex_regex(const wc_lexicon *lx, bool symbols_only);
void wc_lex_free(wc_lexicon *lx);

#endif
