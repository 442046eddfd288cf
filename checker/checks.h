/*
 * checks.h — the checks: quotes (check_quotes.c), text (check_text.c),
 * numbers (check_numbers.c), facts (check_facts.c) and whole versions
 * (check_version.c).
 */
#ifndef WC_CHECKS_H
#define WC_CHECKS_H

#include "align.h"
#include "findings.h"
#include "langid.h"

/* What a pass of checks.def sees: the version it checks and, in the pair
 * stage, the source and their alignment. */
typedef struct {
	wc_ruleset *rs;
	wc_doc *doc;
	wc_doc *src;            /* WC_STAGE_PAIR only */
	const wc_alignment *al; /* WC_STAGE_PAIR only */
	bool empty;             /* doc is a translation without text */
	double min_coverage;
	wc_findings *fs;
	wc_diags *diags;
} wc_pass;

/* The passes named in checks.def; < 0 (a WC_E* code) stops the bundle. */
#define WC_CHECK(e, name, sev, roles, stage, pass, desc) int pass(const wc_pass *p);
#include "checks.def"
#undef WC_CHECK

/* check_quotes.c: pairs the quote marks of each paragraph (fills
 * doc->quotations) and reports quote.unbalanced, quote.detached, quote.style. */
void wc_check_quotes(wc_doc *doc, wc_findings *fs);
/* quote.missing: source quotations whose aligned paragraph has none. */
void wc_check_quote_missing(const wc_doc *src, const wc_doc *tgt,
                            const wc_alignment *al, wc_findings *fs);
/* A translation's quote.unbalanced whose aligned source paragraph leaves a
 * quotation open too (a quotation that spans paragraphs, a sentence cut from
 * one), or its quote.style where the source paragraph mixes marks as well, is
 * the source's, carried faithfully: info, pointing at the source. */
void wc_quote_defects_as_in_source(const wc_doc *src, const wc_doc *tgt,
                                   const wc_alignment *al, wc_findings *fs);
/* check_text.c: text.repeated-word, text.hyphen-spacing, text.punct-spacing. */
void wc_check_text(const wc_doc *doc, wc_findings *fs);
/* check_numbers.c: number.format for garbled and wrong-locale numbers. */
void wc_check_numbers(const wc_doc *doc, wc_findings *fs);
/* check_facts.c: fact.mismatch, fact.missing, fact.extra (contradictions only for
 * related coverage). */
void wc_match_facts(const wc_ruleset *rs, wc_doc *src, wc_doc *tgt,
                    const wc_alignment *al, wc_findings *fs);
/* check_names.c: the people and organisations a text names outside the
 * termbase, carried across (fact.missing, fact.mismatch at warning, fact.extra). */
void wc_match_people(wc_doc *src, wc_doc *tgt, const wc_alignment *al, wc_findings *fs);

/* ---- check_version.c: whole-version verdicts ---------------------------------- */

/* The default of --min-coverage: the share of its source a translation must
 * carry (see docs/checks-and-matching.md, "Whole-version checks", for the measurements). */
#define WC_MIN_COVERAGE_DEFAULT 0.5

/* How much of its source a translation carries. */
typedef struct {
	size_t paras, paras_kept;   /* source paragraphs; those the alignment pairs */
	size_t items, items_kept;   /* source facts and quotations; those carried */
} wc_coverage;

/* The source facts that count for coverage; *carried receives how many of
 * them the last wc_match_facts() matched. */
size_t wc_coverage_facts(const wc_doc *src, size_t *carried);
/* Whether c shows too little of the source: a share below min of the source's
 * paragraphs, or of its facts and quotations, each judged only when there are
 * enough of them to judge.  min <= 0 never fails. */
bool wc_coverage_too_low(const wc_coverage *c, double min);
/* Whether id (of a text tagged as given) says clearly that it is another
 * language: decided, and the given language scores far below the best. */
bool wc_language_differs(int rc, const wc_langid *id, const char *given);
/* The sentences of s[0..n): ends of sentences followed by a capital, not
 * counting a period after a one- or two-letter word ("Mr.", "U.S."). */
size_t wc_count_sentences(const char *s, size_t n);
/* Whether a target paragraph of tgt_len code points is much shorter than its
 * source of src_len code points and the given number of sentences: factors
 * are the languages' length_factor (0 = not measured: no verdict).  Short
 * source paragraphs get none either. */
bool wc_paragraph_too_short(size_t src_len, size_t sentences, size_t tgt_len, double src_factor,
                            double tgt_factor);
/* version.empty, version.coverage, version.language, paragraph.missing and
 * paragraph.short for one translation, right after its wc_match_facts() and
 * wc_check_quote_missing() (their results in the facts' matched flags and in
 * fs).  Related coverage gets none of them, nor does a translation of a
 * source without text. */
void wc_check_version(const wc_ruleset *rs, const wc_doc *src, const wc_doc *tgt,
                      const wc_alignment *al, double min_coverage, wc_findings *fs);

#endif
