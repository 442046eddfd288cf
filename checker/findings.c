/*
 * findings.c — the raw findings list that every check appends to.
 * Checks record byte offsets in the prepared text; report.c turns them into
 * lines and columns, sorts them and counts them per version.
 */
#include "findings.h"

#include <stdlib.h>
#include <string.h>

/* Counts the finding against its check's allowance on its version; false
 * when that is spent (then it is only counted). */
static bool keep_finding(wc_findings *fs, int check, wc_severity sev, const wc_doc *doc,
                         size_t start)
{
	size_t slot = doc->index * WC_CHECK_COUNT + (size_t)check;
	if (slot >= fs->nper) {
		size_t n = fs->nper ? fs->nper : WC_CHECK_COUNT;
		while (n <= slot)
			n *= 2;
		fs->per = wc_xrealloc(fs->per, n * sizeof *fs->per);
		memset(fs->per + fs->nper, 0, (n - fs->nper) * sizeof *fs->per);
		fs->nper = n;
	}
	wc_left_out *c = &fs->per[slot];
	if (c->kept < WC_MAX_FINDINGS_PER_CHECK) {
		c->kept++;
		return true;
	}
	if (!c->left_out++) {
		c->doc = doc;
		c->start = start;
		c->worst = sev;
	} else if (sev > c->worst) {
		c->worst = sev;
	}
	return false;
}

void wc_emit(wc_findings *fs, int check, int severity, const wc_doc *doc,
             size_t start, size_t end, const wc_doc *src, size_t src_start,
             const char *expected, const char *found, const char *rule,
             const char *fmt, ...)
{
	static const wc_severity defaults[] = {
#define WC_CHECK(e, name, sev, roles, stage, pass, desc) sev,
#include "checks.def"
#undef WC_CHECK
	};
	wc_severity sev = severity < 0 ? defaults[check] : (wc_severity)severity;
	if (!keep_finding(fs, check, sev, doc, start))
		return;
	va_list ap;
	va_start(ap, fmt);
	wc_raw_finding *f = WC_PUSH(fs->v, fs->n, fs->cap);
	f->check = check;
	f->severity = sev;
	f->doc = doc;
	f->start = start;
	f->end = end < start ? start : end;
	f->src = src;
	f->src_start = src_start;
	f->expected = expected ? wc_xstrdup(expected) : NULL;
	f->found = found ? wc_xstrdup(found) : NULL;
	f->rule = rule;
	f->message = wc_xvasprintf(fmt, ap);
	va_end(ap);
}

void wc_findings_free(wc_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].message);
		free(fs->v[i].expected);
		free(fs->v[i].found);
	}
	free(fs->v);
	free(fs->per);
	fs->v = NULL;
	fs->per = NULL;
	fs->n = fs->cap = fs->nper = 0;
}

static const struct {
	const char *name;
	wc_severity severity;
	unsigned roles;
	const char *description;
} checks[] = {
#define WC_CHECK(e, name, sev, roles, stage, pass, desc) {name, sev, roles, desc},
#include "checks.def"
#undef WC_CHECK
};

size_t wc_check_count(void)
{
	return WC_CHECK_COUNT;
}

const char *wc_check_name(size_t i)
{
	return i < WC_CHECK_COUNT ? checks[i].name : NULL;
}

wc_severity wc_check_default_severity(size_t i)
{
	return i < WC_CHECK_COUNT ? checks[i].severity : WC_INFO;
}

const char *wc_check_description(size_t i)
{
	return i < WC_CHECK_COUNT ? checks[i].description : NULL;
}

bool wc_check_runs_on(const char *name, wc_role role)
{
	for (size_t i = 0; i < WC_CHECK_COUNT; i++)
		if (strcmp(checks[i].name, name) == 0)
			return (checks[i].roles & (1u << role)) != 0;
	return true;
}
