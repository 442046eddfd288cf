/*
 * report.h — the report built from findings (report.c) and its writers
 * (report_*.c).
 */
#ifndef WC_REPORT_H
#define WC_REPORT_H

#include "escape.h"
#include "findings.h"

typedef struct {
	char *text;             /* the file as read */
	size_t len;
	wc_paragraph *paras;
	size_t npara;
	wc_report_fact *facts;
	size_t nfacts;
} wc_report_doc;

struct wc_report {
	wc_version *versions;
	wc_report_doc *docs;    /* parallel to versions */
	size_t nversions;
	wc_finding *findings;
	size_t nfindings;
	char **strings;         /* every string the report owns */
	size_t nstrings, strings_cap;
	int baselined;          /* a baseline was applied (baseline.c) */
};

wc_report *wc_report_build(wc_doc *docs, size_t ndocs, const wc_findings *fs);

/* What the verdict line counts: the versions checked against the source (not
 * the source), how many fail under the gate, whether the source fails too,
 * the findings of every version (the source's included) and how many of them
 * fail the gate.  Every format prints the same line from it. */
typedef struct {
	size_t checked, failed, errors, warnings, infos, blocking;
	int source_fails;
} wc_totals;
void wc_report_totals(const wc_report *r, wc_severity gate, wc_totals *t);
/* "; the source fails the gate": what the verdict line adds when it does. */
extern const char wc_source_fails_phrase[];
/* Whether a finding is shown under opt's --min-severity. */
int wc_report_shown(const wc_report_options *opt, const wc_finding *f);
/* Whether f fails the gate: at or above it and not suppressed. */
int wc_report_blocks(const wc_finding *f, wc_severity gate);
/* How many findings --min-severity leaves out. */
size_t wc_report_hidden(const wc_report *r, const wc_report_options *opt);

int wc_report_write_text(const wc_report *r, const wc_report_options *opt, FILE *out);
int wc_report_write_json(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_html.c: one self-contained page for editors: verdicts, counts, and
 * each translation side by side with the source, facts and findings marked. */
int wc_report_write_html(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_sarif.c: SARIF 2.1.0, one run, a rule per check. */
int wc_report_write_sarif(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_junit.c: JUnit XML, a testsuite per version and a testcase per check. */
int wc_report_write_junit(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_sarif.c, a stream of bundles: each result (or error) is written
 * with a comma before it, which the batch writer leaves out for the first
 * one of the stream, after wc_sarif_stream_begin's "results": [. */
void wc_sarif_stream_results(const wc_report *r, const char *bundle, FILE *out);
void wc_sarif_stream_error(const char *bundle, size_t line, const char *error, FILE *out);
/* report_junit.c, a stream of bundles: the suites of each bundle (named
 * "ID: PATH (LANG, ROLE)"), or one suite in error for a bundle that could not
 * be checked, between wc_junit_stream_begin and _end. */
void wc_junit_stream_report(const wc_report *r, const wc_report_options *opt, const char *bundle,
                            FILE *out);
void wc_junit_stream_error(const char *bundle, size_t line, const char *error, FILE *out);
/* report_markdown.c: a summary table and the findings, for merge requests. */
int wc_report_write_markdown(const wc_report *r, const wc_report_options *opt, FILE *out);

#endif
