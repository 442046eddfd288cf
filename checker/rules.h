/*
 * rules.h — a loaded ruleset: locales (rules_load.c), fact kinds, rules and
 * concepts (ruleset.c), and the compiled form's lifetime (rules_compile.c).
 */
#ifndef WC_RULES_H
#define WC_RULES_H

#include "lexicon.h"
#include "words.h"

#include <stdatomic.h>

/* ---- locale ------------------------------------------------------------------- */

typedef struct { int32_t open, close; } wc_quote_pair;

typedef struct wc_locale {
	char *lang, *name;
	wc_strlist files;           /* the files that defined it */
	wc_strlist unread;          /* its files not read yet: read at its first use (rules_load.c) */
	atomic_bool has_unread;     /* unread holds files (threads look without the lock) */
	bool read_failed;           /* one of them did not load */
	char *decimal, *group;      /* separators (UTF-8) */
	wc_strlist group_also;      /* other accepted group separators */
	wc_quote_pair quotes[2];    /* [0] primary, [1] secondary (CLDR) */
	wc_quote_pair *quotes_also; /* further pairs accepted in this language */
	size_t nquotes_also, quotes_also_cap;
	bool quote_continuation;    /* an unclosed quote may continue in the next paragraph */
	int32_t quotes_spaced[4];   /* marks set off from the quotation by a space (fr « ») */
	size_t nquotes_spaced;
	/* The word lists: weekdays, months, number_words, time_units, … (one
	 * line each in macros.def, which says where each comes from). */
#define WC_LEXICON(field, key, cls, loader, canon) wc_lexicon field;
#include "macros.def"
	wc_strlist minus;           /* words that make the number after them negative */
	wc_strlist maybe_minus;     /* words that may ("moins 5") or may not ("au moins 5") */
	wc_strlist home_places;     /* the countries the language is at home in (territory-se) */
	wc_strlist stopwords;       /* frequent words, for language identification */
	wc_strlist genitive;        /* suffixes a name may take: "s", "’s", ":s" */
	wc_strlist articles;        /* "a", "an": one before a unit, a weak fact; no number word */
	wc_strlist weak_words;      /* number words that are weak facts: "twice", "zweimal" */
	wc_strlist name_endings;    /* case endings on a person's name: pl "Trumpa", fi "Trumpin" */
	wc_strlist colon_suffixes;  /* "USA:s": endings that follow a colon */
	wc_strlist repeat_ok;       /* words that may stand twice ("had had") */
	bool repeat_ok_after_comma; /* ... only right after a comma (de ", die die") */
	wc_strlist not_names;       /* capitalised words that are no names ("Chinese") */
	wc_strlist definite_articles; /* and joined to a preposition ("del", "du"): check_names.c */
	wc_strlist inflect_from;    /* place_inflections: an ending of a place's one-word form ... */
	wc_strlist inflect_to;      /* ... and what a case puts in its place ("Praga": "ga" → "dze") */
	wc_strlist weigh_words;     /* "weighed": after them a pound is a weight, no money */
	wc_strlist plural_endings;  /* "s", "es": a plural of a listed word is a common word */
	wc_strlist demonym_endings; /* en "ian", "ese": a capitalised word of a people, no name */
	wc_lexicon name_stops;      /* stop words, articles, not_names, hashed (rules_compile.c) */
	int bare_word_min;          /* smallest number word that is a fact on its own */
	bool months_case_sensitive;
	bool weekdays_case_sensitive; /* es "Plácido Domingo" is no Sunday */
	bool nouns_capitalised;     /* de: a capitalised word alone is no evidence of a name */
	bool names_keep_capitals;   /* en: a name translated keeps capitals (no "handelsministeriet") */
	bool capitals_mark_names;   /* es: a capital inside a sentence marks a name, no common noun */
	wc_words words;             /* the language's word list, if installed (words.c) */
	bool words_lemmas_only;     /* es: the list lacks inflected forms (word_list_lemmas_only) */
	double length_factor;       /* text length relative to English's (measured); 0 = unknown */
	struct wc_compiled *compiled; /* rules_compile.c */
	atomic_bool prepared;         /* compiled is whole (threads look without the lock) */
} wc_locale;

/* Number-word values of fractions (numbers.fractions, halves, mixed): the
 * mark plus a code, above any count.  A code below WC_FRACTION_HALF is a
 * denominator; WC_FRACTION_MIXED + n is n and a half. */
#define WC_FRACTION_MARK (INT64_C(1) << 60)
#define WC_FRACTION_HALF 100       /* "half", "demi": a half of what precedes */
#define WC_FRACTION_HALF_ADD 101   /* "einhalb", "ënhalf": a half added to it */
#define WC_FRACTION_MIXED 1000     /* "anderthalb" = WC_FRACTION_MIXED + 1 */
#define WC_FRACTION_UNIT 2000      /* "a third of" = WC_FRACTION_UNIT + 3: one part of d */

/* ---- rules -------------------------------------------------------------------- */

/* The fact kinds, one line each in kinds.def (name, normaliser, scope, rank). */
enum { WC_OCCURRENCE, WC_STORY };

typedef enum {
#define WC_KIND(e, name, norm, scope, rank) WC_K_##e,
#include "kinds.def"
#undef WC_KIND
	WC_K_COUNT
} wc_kind;

/* Titles and places are matched once per story, not fact by fact. */
static inline bool wc_kind_per_story(wc_kind k)
{
	switch (k) {
#define WC_KIND(e, name, norm, scope, rank) case WC_K_##e: return scope == WC_STORY;
#include "kinds.def"
#undef WC_KIND
	default: return false;
	}
}

const char *wc_kind_name(wc_kind k);
int wc_kind_parse(const char *s);
/* "number, money, …": every kind name, for messages. */
const char *wc_kind_list(void);

typedef struct {
	char *lang;             /* or "*" */
	char *pattern;          /* before macro expansion */
	int line, column;       /* where it stands in its file */
	int quoted;             /* its YAML quoting, to map offsets back to columns */
	char *source_line;      /* the file's line, for excerpts */
} wc_rule_pattern;

typedef struct {
	char *lang, *text, *value, *unit;
	char *kind;             /* locale examples: the kind of fact expected */
	const char *rule;       /* rule examples: the rule's id (owned by the rule) */
	char *file;
	int line;
} wc_example;

typedef struct wc_rule {
	char *id;
	wc_kind kind;
	wc_severity severity;
	char *description;
	bool generic;           /* a generic extractor, not a keyed fact */
	char *file;
	int line;
	wc_rule_pattern *patterns;
	size_t npatterns, patterns_cap;
	size_t index;
} wc_rule;

typedef struct {
	char *id;
	char *kind;             /* "title", "place", "org" */
	char *broader;          /* a wider concept it may be rendered as, or NULL */
	wc_strlist langs, forms; /* parallel: forms[i] is written in langs[i] */
	/* Beginnings of the adjectives of a place that do not begin with a form
	 * of it (es "estadounidense", de "französisch"), parallel as above: a
	 * translation that writes one carries the place. */
	wc_strlist adjective_langs, adjectives;
} wc_concept;

struct wc_ruleset {
	wc_locale **locales;
	size_t nlocales, locales_cap;
	wc_rule **rules;
	size_t nrules, rules_cap;
	wc_concept *concepts;
	size_t nconcepts, concepts_cap;
	wc_example *examples;
	size_t nexamples, examples_cap;
	unsigned match_limit, depth_limit;
	char *words_dir;        /* where LANG.words lists are (wc_ruleset_words_dir) */
	char *cache_dir;        /* compiled patterns kept here (wc_ruleset_set_cache_dir), or NULL */
	bool lazy_jit;          /* JIT at a language's first extraction, not at its prepare */
	bool lazy_locales;      /* locale files of the next folder read at first use */
	bool jit_small_texts;   /* ... whatever the size of that text (batch), not only a large one */
	struct wc_stopword *stopwords; /* every locale's stop words, sorted (langid.c) */
	size_t nstopwords;
	size_t *stopword_hash;  /* word → its first entry + 1, open addressing */
	size_t stopword_mask;
};

/* The locale of lang (a code or a tag), its files read first if they were
 * left for later (rules_load.c); NULL if there is none. */
wc_locale *wc_ruleset_locale(const wc_ruleset *rs, const char *lang);
/* The same, as far as it is read: for the loader. */
wc_locale *wc_ruleset_find_locale(const wc_ruleset *rs, const char *lang);
/* Reads the files of loc left for later, once; their errors go to diags, or
 * to standard error when diags is NULL.  WC_ERULES if one did not load. */
int wc_locale_read(wc_ruleset *rs, wc_locale *loc, wc_diags *diags);
const wc_concept *wc_ruleset_concept(const wc_ruleset *rs, const char *id);
/* Whether two concept ids may name the same thing (equal, or one broader). */
bool wc_concepts_compatible(const wc_ruleset *rs, const char *a, const char *b);
void wc_locale_free(wc_locale *loc);
void wc_compiled_free(struct wc_compiled *c);
void wc_compiled_set_limits(struct wc_compiled *c, unsigned match_limit, unsigned depth_limit);

/* "january" … "december", NULL; "monday" … "sunday", NULL (rules_load.c). */
extern const char *const wc_month_ids[];
/* The names of the units of measurement (units.def; extract.c). */
extern const char *const wc_unit_ids[];
extern const char *const wc_weekday_ids[];
extern const char *const wc_clock_ids[];

#endif
