/*
 * words.h — a language's word list (words.c): Debian's list of its words,
 * case-folded and sorted by tools/wordlist, mapped read-only and searched in
 * place, so that even Polish's four million forms cost no start-up time.
 */
#ifndef WC_WORDS_H
#define WC_WORDS_H

#include "base.h"

typedef struct {
	const char *data;       /* "KEY\tFLAG\n" lines, sorted by KEY's bytes; NULL = no list */
	size_t len;
} wc_words;

enum {
	WC_WORD_LOWER = 1,      /* listed in lower case: a common word */
	WC_WORD_CAPITAL = 2,    /* listed with a capital: a name, or a German noun */
};

/* Maps the list at path; false (and w empty) if it is absent or malformed. */
bool wc_words_open(wc_words *w, const char *path);
void wc_words_close(wc_words *w);
/* The WC_WORD_* flags of s[0..n) (any case), 0 if unlisted or no list. */
unsigned wc_words_find(const wc_words *w, const char *s, size_t n);

#endif
