/*
 * findings.h — the checks of checks.def and the findings they emit
 * (findings.c), with the cap on findings per check and version.
 */
#ifndef WC_FINDINGS_H
#define WC_FINDINGS_H

#include "doc.h"

/* The versions a check runs on (a mask of roles), and the stage of the
 * pipeline it runs in: the columns of checks.def that bundle.c dispatches by. */
#define WC_ON_SOURCE (1u << WC_ROLE_SOURCE)
#define WC_ON_TRANSLATION (1u << WC_ROLE_TRANSLATION)
#define WC_ON_RELATED (1u << WC_ROLE_RELATED)
enum { WC_STAGE_EXTRACT, WC_STAGE_TEXT, WC_STAGE_PAIR };

enum {
#define WC_CHECK(e, name, sev, roles, stage, pass, desc) WC_CHECK_##e,
#include "checks.def"
#undef WC_CHECK
	WC_CHECK_COUNT
};

typedef struct {
	int check;
	wc_severity severity;
	const wc_doc *doc;
	size_t start, end;
	char *message, *expected, *found;
	const char *rule;
	const wc_doc *src;      /* NULL when there is no source counterpart */
	size_t src_start;
} wc_raw_finding;

/* At most this many findings of one check on one version are kept; the rest
 * are counted, and the report says how many in one summary finding.  A text
 * of a million repeated words must not cost a million findings' memory. */
#define WC_MAX_FINDINGS_PER_CHECK 1000

/* What was left out of one check on one version. */
typedef struct {
	size_t kept, left_out;
	const wc_doc *doc;
	size_t start;           /* where the first finding left out is */
	wc_severity worst;      /* the highest severity left out */
} wc_left_out;

typedef struct wc_findings {
	wc_raw_finding *v;
	size_t n, cap;
	wc_left_out *per;       /* [version index * WC_CHECK_COUNT + check] */
	size_t nper;
} wc_findings;

/* Appends a finding, or counts it as left out once its check has
 * WC_MAX_FINDINGS_PER_CHECK on the version.  severity < 0 takes the check's
 * default.  expected, found and rule may be NULL; src may be NULL.  The
 * strings are copied. */
void wc_emit(wc_findings *fs, int check, int severity, const wc_doc *doc,
             size_t start, size_t end, const wc_doc *src, size_t src_start,
             const char *expected, const char *found, const char *rule,
             const char *fmt, ...) WC_PRINTF(12, 13);
void wc_findings_free(wc_findings *fs);
/* Whether the check of this name runs on a version of this role; a name the
 * registry does not know (a hand-built report's) runs on every role. */
bool wc_check_runs_on(const char *name, wc_role role);

#endif
