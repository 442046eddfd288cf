/*
 * fuzz_common.h — what the libFuzzer harnesses share: the built-in rules,
 * loaded once per process, the split of one fuzz input into several texts,
 * and the invariants every report must hold whatever the input.
 *
 * Each harness includes the internal headers of the stages below the public
 * API that it reaches (as the unit tests do).  A violated invariant aborts,
 * which libFuzzer records as a crash.
 */
#ifndef WC_FUZZ_COMMON_H
#define WC_FUZZ_COMMON_H

#include "wirecheck.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The rule directory: $WIRECHECK_RULES, else the one the Makefile names. */
#ifndef WC_FUZZ_RULES
#define WC_FUZZ_RULES "rules"
#endif

#define FUZZ_ASSERT(cond)                                                              \
	do {                                                                               \
		if (!(cond)) {                                                                 \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                                   \
		}                                                                              \
	} while (0)

static const char *const fuzz_langs[] = {"en", "da", "sv"};

static inline const char *fuzz_rules_dir(void)
{
	const char *env = getenv("WIRECHECK_RULES");
	return env && *env ? env : WC_FUZZ_RULES;
}

static wc_ruleset *fuzz_rules_rs;

/* At exit: the replays run under valgrind, which counts memory still
 * reachable at exit as an error. */
static inline void fuzz_rules_free(void)
{
	wc_ruleset_free(fuzz_rules_rs);
	fuzz_rules_rs = NULL;
}

/* The built-in rules with en, da and sv compiled, loaded on the first call.
 * The ruleset lives as long as the process: harnesses load rules once. */
static inline wc_ruleset *fuzz_rules(void)
{
	if (fuzz_rules_rs)
		return fuzz_rules_rs;
	wc_diags *d = wc_diags_new();
	wc_ruleset *rs = fuzz_rules_rs = wc_ruleset_new();
	atexit(fuzz_rules_free);
	int bad = wc_ruleset_load_dir(rs, fuzz_rules_dir(), d) < 0;
	for (size_t i = 0; i < sizeof fuzz_langs / sizeof *fuzz_langs; i++)
		bad |= wc_ruleset_prepare(rs, fuzz_langs[i], d) < 0;
	if (bad) {
		wc_diags_print(d, stderr);
		fprintf(stderr, "fuzz: cannot load the rules from %s (set WIRECHECK_RULES)\n",
		        fuzz_rules_dir());
		abort();
	}
	wc_diags_free(d);
	return rs;
}

/* Splits data at the ASCII record separator (0x1E) into at most max parts. */
#define FUZZ_SEP '\x1e'
static inline size_t fuzz_split(const uint8_t *data, size_t size, const char **part,
                                size_t *len, size_t max)
{
	size_t n = 0;
	const char *p = (const char *)data, *end = p + size;
	while (n < max) {
		const char *sep = n + 1 < max ? memchr(p, FUZZ_SEP, (size_t)(end - p)) : NULL;
		part[n] = p;
		len[n] = sep ? (size_t)(sep - p) : (size_t)(end - p);
		n++;
		if (!sep)
			break;
		p = sep + 1;
	}
	return n;
}

/* Lines in bytes[0..n): \r\n, \n and \r each end one. */
static inline size_t fuzz_count_lines(const char *s, size_t n)
{
	size_t lines = 1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			i++;
		if (s[i] == '\n' || s[i] == '\r')
			lines++;
	}
	return lines;
}

/* What every report must hold: positions inside the files as read, versions
 * that exist, strings where the API promises them. */
static inline void fuzz_check_report(const wc_report *r)
{
	size_t nv = wc_report_version_count(r);
	FUZZ_ASSERT(nv >= 1);
	for (size_t i = 0; i < nv; i++) {
		const wc_version *v = wc_report_version(r, i);
		FUZZ_ASSERT(v && v->path && v->lang);
		size_t len;
		const char *text = wc_report_version_text(r, i, &len);
		FUZZ_ASSERT(text || len == 0);
		size_t lines = fuzz_count_lines(text ? text : "", len);
		for (size_t p = 0; p < wc_report_paragraph_count(r, i); p++) {
			const wc_paragraph *q = wc_report_paragraph(r, i, p);
			FUZZ_ASSERT(q->start <= q->end && q->end <= len);
			FUZZ_ASSERT(q->line >= 1 && q->line <= lines);
			FUZZ_ASSERT(q->source_para >= -1);
			FUZZ_ASSERT(q->source_para < (long)wc_report_paragraph_count(r, 0));
		}
		for (size_t k = 0; k < wc_report_fact_count(r, i); k++) {
			const wc_report_fact *f = wc_report_fact_get(r, i, k);
			FUZZ_ASSERT(f->fact.kind && f->fact.text && f->fact.value && f->fact.rule);
			FUZZ_ASSERT(f->fact.start <= f->fact.end && f->fact.end <= len);
			FUZZ_ASSERT(f->fact.line >= 1 && f->fact.line <= lines && f->fact.column >= 1);
			FUZZ_ASSERT(f->para < wc_report_paragraph_count(r, i));
		}
	}
	for (size_t k = 0; k < wc_report_count(r); k++) {
		const wc_finding *f = wc_report_get(r, k);
		FUZZ_ASSERT(f->check && f->message && f->path && f->lang);
		FUZZ_ASSERT(f->version < nv);
		FUZZ_ASSERT(f->severity >= WC_INFO && f->severity <= WC_ERROR);
		size_t len;
		const char *text = wc_report_version_text(r, f->version, &len);
		size_t lines = fuzz_count_lines(text ? text : "", len);
		FUZZ_ASSERT(f->start <= f->end && f->end <= len);
		FUZZ_ASSERT(f->line >= 1 && f->line <= lines && f->column >= 1);
		FUZZ_ASSERT(f->end_line >= f->line && f->end_line <= lines && f->end_column >= 1);
		FUZZ_ASSERT(!f->has_source_ref || (f->source_path && f->source_line >= 1));
		FUZZ_ASSERT(strchr(f->message, '\n') == NULL);
	}
}

#endif
