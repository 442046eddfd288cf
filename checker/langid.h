/*
 * langid.h — language identification by stop words (langid.c): the index
 * built once per ruleset and the scores behind wc_identify_language.
 */
#ifndef WC_LANGID_H
#define WC_LANGID_H

#include "base.h"

/* langid.c: (re)builds rs->stopwords once the locales are loaded, so that
 * identifying a text does not sort them again (threads share them). */
void wc_langid_index(wc_ruleset *rs);
void wc_langid_index_free(wc_ruleset *rs);

typedef struct {
	const char *lang;       /* the best language (borrowed from the ruleset), or NULL */
	double confidence;      /* (best − second) / best */
	double best_score;      /* the best language's stop-word score */
	double given_score;     /* the score of the language asked about (0 if none) */
} wc_langid;

/* Scores text against every locale; given (may be NULL) names a language
 * whose score is wanted as well.  Returns 0 when the best language is decided,
 * WC_ELANG when wc_identify_language would refuse. */
int wc_langid_scores(const wc_ruleset *rs, const char *text, size_t len, const char *given,
                     wc_langid *out);

#endif
