/*
 * compiled.h — the compiled form of one language's rules, shared by
 * rules_compile.c (which builds it) and extract.c (which runs it).
 */
#ifndef WC_COMPILED_H
#define WC_COMPILED_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

enum {
	M_DIGITS, M_NUMBER_WORDS, M_SCALE, M_NUMBER, M_CURRENCY, M_CURRENCY_SYMBOL, M_TIME_UNIT,
	M_WEEKDAY, M_MONTH, M_RELATIVE_DATE, M_TITLE, M_PLACE, M_NAME, M_COUNT
};
extern const char *const wc_macro_names[M_COUNT];

/* Named groups a rule pattern may use; the kind decides which it needs. */
enum { G_VALUE, G_UNIT, G_CUR, G_WD, G_MONTH, G_DAY, G_YEAR, G_REL, G_TITLE, G_NAME, G_TERM, G_COUNT };
#define G_MAX_OVECTOR 64

typedef struct {
	const wc_rule *rule;
	const wc_rule_pattern *pattern;
	pcre2_code *re;
	int group[G_COUNT];     /* group numbers, -1 when absent */
} wc_cpattern;

/* Read-only once built, so that threads may share one ruleset. */
struct wc_compiled {
	wc_cpattern *pats;
	size_t npats, pats_cap;
	char *macro[M_COUNT];
	unsigned match_limit, depth_limit;
	bool failed;
};
typedef struct wc_compiled wc_compiled;

/* What one extraction needs for itself: match data, limits, a JIT stack. */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
} wc_scratch;

void wc_scratch_init(wc_scratch *s, const wc_compiled *c);
void wc_scratch_fini(wc_scratch *s);

#endif
