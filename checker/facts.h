/*
 * facts.h — fact extraction (extract.c), numbers as each language writes
 * them (number.c), people's names compared across languages (person.c),
 * and the public fact list.
 */
#ifndef WC_FACTS_H
#define WC_FACTS_H

#include "doc.h"

/* ---- extract.c ---------------------------------------------------------------- */

/* Fills doc->facts.  Limits hit become rule.limit findings when fs != NULL. */
struct wc_findings;
int wc_extract_doc(wc_ruleset *rs, wc_doc *doc, struct wc_findings *fs, wc_diags *diags);

/* ---- number.c ----------------------------------------------------------------- */

/* Parses a number as written in loc ("1,2", "80, 000", "syv",
 * "femogtyve", "1.2 billion") into a decimal string.  *garbled is set for
 * forms such as "80, 000".  NULL if it is not a number. */
char *wc_parse_number(const wc_locale *loc, const char *s, size_t n, bool *garbled);
/* The same, also telling whether it was written in words and with a scale word. */
char *wc_parse_number_ex(wc_locale *loc, const char *s, size_t n, bool *garbled, bool *words,
                         bool *scaled);
/* The same for a number a unit follows ("half an hour", "en halv timme"):
 * a half on its own is a count there. */
char *wc_parse_number_before_unit(wc_locale *loc, const char *s, size_t n, bool *garbled,
                                  bool *words, bool *scaled);
/* Adds up the values of a number in words, in order (multipliers such as
 * "dozen" negative: -12).  False when it is no number or its value would pass
 * INT64_MAX: checked arithmetic, never a wrapped value. */
bool wc_compose_number_words(const int64_t *vals, size_t nvals, int64_t *out);
/* What the last written digit of a decimal string (as the parser writes
 * them) is worth: "15" → 1, "2.5" → 0.1, "1500" → 100. */
double wc_digit_step(const char *v);

/* ---- person.c ----------------------------------------------------------------- */

/* Normalizes a person's name for comparison: drops dots, folds case, strips a
 * genitive ending.  Caller frees. */
char *wc_name_key(const wc_locale *loc, const char *s, size_t n);
/* Whether two name keys name the same person ("xi" ~ "xi jinping"). */
bool wc_names_compatible(const wc_locale *la, const char *a, const wc_locale *lb, const char *b);

/* The public fact list: wc_extract() fills it, wc_facts_write_jsonl() prints it. */
struct wc_facts {
	wc_fact *v;
	size_t n, cap;
	char **owned;           /* strings the list owns */
	size_t nowned, owned_cap;
};

#endif
