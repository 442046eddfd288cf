/*
 * compiled.h — the compiled form of one language's rules, shared by
 * rules_compile.c (which builds it) and extract.c (which runs it).
 */
#ifndef WC_COMPILED_H
#define WC_COMPILED_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>

#include "rules.h"

/* The macros of rule patterns ({number}), one line each in macros.def. */
enum {
#define WC_MACRO(e, name, lex, cls, build) M_##e,
#include "macros.def"
	M_COUNT
};
extern const char *const wc_macro_names[M_COUNT];

/* The callout number of the macro {number_words}, and the longest match it
 * lets a run of number words make (bytes from the start of the match). */
#define WC_CALLOUT_NUMBER_SPAN 201
#define WC_NUMBER_WORDS_MAX_BYTES 256

/* Named groups a rule pattern may use (macros.def); the kind decides which
 * it needs. */
enum {
#define WC_GROUP(e, name) G_##e,
#include "macros.def"
	G_COUNT
};

typedef struct {
	const wc_rule *rule;
	const wc_rule_pattern *pattern;
	pcre2_code *re;         /* scanning patterns: the pattern as written */
	pcre2_code *anchored;   /* triggered patterns: anchored at compile time, as
	                         * JIT does not take PCRE2_ANCHORED at match time */
	int group[G_COUNT];     /* group numbers, -1 when absent */
	bool scan;              /* start unknown: scan the paragraph (triggers.c) */
	bool jit;               /* compiled to machine code: pcre2_jit_match may run it */
	uint32_t start_classes; /* T_* classes of the tokens it may start with */
} wc_cpattern;

/* Token classes a pattern may start with (triggers.c). */
enum {
	T_DIGIT = 1u << 0, T_UPPER = 1u << 1, T_SYMBOL = 1u << 2, T_NUMWORD = 1u << 3,
	T_SCALE = 1u << 4, T_CURRENCY = 1u << 5, T_UNIT = 1u << 6, T_WEEKDAY = 1u << 7,
	T_MONTH = 1u << 8, T_RELATIVE = 1u << 9, T_TITLE = 1u << 10, T_PLACE = 1u << 11,
	T_ORDINAL = 1u << 12, T_DECADE = 1u << 13, T_CLOCK = 1u << 14
};
#define WC_T_COUNT 15

/* A word of the trigger table: its classes and the patterns that start with
 * it literally. */
typedef struct {
	char *key;
	size_t len;
	uint32_t classes;
	uint32_t *pats;
	size_t npats, pats_cap;
} wc_trigger;

#define WC_MAX_SYMBOLS 64

/* The genitive endings of a language the token triggers know (triggers.c). */
enum { WC_MAX_GENITIVES = 8 };

/* Read-only once built, so that threads may share one ruleset. */
struct wc_compiled {
	wc_cpattern *pats;
	size_t npats, pats_cap;
	char *macro[M_COUNT];
	/* The one number word, defined once at the end of each pattern that
	 * reads number words (WC_NUMBER_WORD_CALL) instead of four times in
	 * every {number}: a quarter of the compiling and JIT of a language. */
	char *number_word_define;
	unsigned match_limit, depth_limit;
	uint32_t max_captures;  /* the most capture groups of any pattern: sizes the match data */
	bool failed;
	atomic_bool jitted;     /* set once the machine code is there (wc_compiled_jit) */
	/* Until then, an extraction that runs the patterns interpreted holds it
	 * for reading, and JIT (which changes the patterns) for writing. */
	pthread_rwlock_t jit_rw;
	wc_trigger *table;      /* open addressing, tcap a power of two */
	size_t tcap, tcount;
	/* For each token class, the triggered (not scanning) patterns that may
	 * start with it, in pattern order: a token of one class tries only
	 * those, not every pattern. */
	uint32_t *by_class[WC_T_COUNT];
	size_t nby_class[WC_T_COUNT];
	/* the locale's genitive: endings, which a place may take, and their lengths */
	const char *genitive[WC_MAX_GENITIVES];
	size_t genitive_len[WC_MAX_GENITIVES], ngenitive;
	int32_t symbols[WC_MAX_SYMBOLS];
	uint32_t symbol_class[WC_MAX_SYMBOLS];
	size_t nsymbols;
};
typedef struct wc_compiled wc_compiled;

typedef void (*wc_trigger_fn)(void *ctx, size_t pos, uint32_t classes, const wc_trigger *lit);
void wc_triggers_build(wc_compiled *c, const wc_locale *loc);
/* Whether the tokens a pattern may start with can be worked out from its
 * source (then it runs anchored at triggers; otherwise it scans). */
bool wc_pattern_has_known_start(const char *pattern);
void wc_triggers_free(wc_compiled *c);
/* Calls fn at each token start of text[start..end) with its classes. */
void wc_triggers_scan(const wc_compiled *c, const char *text, size_t start, size_t end,
                      wc_trigger_fn fn, void *ctx);

/* What one extraction needs for itself: match data, limits, a JIT stack. */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
} wc_scratch;

void wc_scratch_init(wc_scratch *s, const wc_compiled *c);
/* Compiles the patterns to machine code (once). */
void wc_compiled_jit(wc_compiled *c);
/* Before an extraction that runs c's patterns as they are: true when it must
 * call wc_compiled_unpin after, for another thread may JIT them meanwhile. */
bool wc_compiled_pin(const wc_compiled *c);
void wc_compiled_unpin(const wc_compiled *c);
/* Texts at least this long repay JIT compiling under lazy JIT. */
#define WC_JIT_WORTH_BYTES (64 * 1024)
void wc_scratch_fini(wc_scratch *s);

/* One pattern as compiled: its expanded source and pcre2_compile options. */
typedef struct {
	const char *text;
	uint32_t options;
} wc_cache_src;
/* Fills codes[0..n) from DIR's cache file of lang when that file was made
 * from exactly these sources by this PCRE2 (rules_cache.c); false otherwise,
 * codes untouched. */
bool wc_cache_load(const char *dir, const char *lang, const wc_cache_src *src, size_t n,
                   pcre2_code **codes);
/* Writes codes[0..n), compiled from src, as lang's cache file in DIR
 * (made if missing); a failure leaves no file and is no error. */
void wc_cache_store(const char *dir, const char *lang, const wc_cache_src *src, size_t n,
                    pcre2_code *const *codes);

#endif
