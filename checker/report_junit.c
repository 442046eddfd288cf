/*
 * report_junit.c — the reporting stage: JUnit XML, for CI systems that show
 * test results (GitLab, Jenkins, GitHub actions that read JUnit).
 *
 * A testsuite per version (the source first, then translations and related
 * coverage), a testcase per registered check.  A testcase fails when the
 * version has a finding of that check at or above the gate, so the red in
 * CI is exactly what the exit status says; the failure carries those
 * findings, one compiler-style line each.  Findings below the gate are in the
 * testcase's system-out.  A check that never runs on a version of that role
 * (fact checks on the source, text checks on related coverage: the roles
 * column of checks.def) is a skipped testcase rather than a pass it did not earn.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* The checks to list: the registry's, then any name a (hand-built) report
 * holds that the registry does not know, so that no finding goes unlisted. */
typedef struct {
	const char **v;
	size_t n, cap;
} names;

static void collect_checks(const wc_report *r, names *ns)
{
	for (size_t i = 0; i < wc_check_count(); i++)
		*WC_PUSH(ns->v, ns->n, ns->cap) = wc_check_name(i);
	for (size_t k = 0; k < r->nfindings; k++) {
		size_t i = 0;
		while (i < ns->n && strcmp(ns->v[i], r->findings[k].check) != 0)
			i++;
		if (i == ns->n)
			*WC_PUSH(ns->v, ns->n, ns->cap) = r->findings[k].check;
	}
}

typedef struct {
	size_t tests, failures, skipped;
} tally;

typedef struct {
	size_t above, below;     /* findings at or above the gate, and below it */
	const wc_finding *first; /* the first one at or above */
} case_counts;

static case_counts count_case(const wc_report *r, size_t v, const char *check, wc_severity gate)
{
	case_counts c = {0, 0, NULL};
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		if (f->version != v || strcmp(f->check, check) != 0)
			continue;
		if (gate < WC_NEVER && f->severity >= gate && !f->suppressed) {
			if (!c.first)
				c.first = f;
			c.above++;
		} else {
			c.below++;
		}
	}
	return c;
}

static int skipped(const wc_report *r, size_t v, const char *check, case_counts c)
{
	return c.above + c.below == 0 && !wc_check_runs_on(check, r->versions[v].role);
}

static tally count_suite(const wc_report *r, size_t v, const names *ns, wc_severity gate)
{
	tally t = {0, 0, 0};
	for (size_t i = 0; i < ns->n; i++) {
		case_counts c = count_case(r, v, ns->v[i], gate);
		t.tests++;
		t.failures += c.above > 0;
		t.skipped += skipped(r, v, ns->v[i], c);
	}
	return t;
}

/* One finding as a line of text (escaped by the caller's context). */
static void write_finding_text(FILE *out, const wc_finding *f)
{
	wc_xml_str(out, f->path);
	fprintf(out, ":%zu:%zu: %s: ", f->line, f->column, wc_severity_name(f->severity));
	wc_xml_str(out, f->message);
	if (f->expected) {
		fputs("\n  expected: ", out);
		wc_xml_str(out, f->expected);
		fputs("; found: ", out);
		wc_xml_str(out, f->found ? f->found : "(none)");
	} else if (f->found) {
		fputs("\n  found: ", out);
		wc_xml_str(out, f->found);
	}
	if (f->has_source_ref) {
		fputs("\n  source: ", out);
		wc_xml_str(out, f->source_path);
		fprintf(out, ":%zu:%zu", f->source_line, f->source_column);
	}
	fputc('\n', out);
}

static void write_findings_of(FILE *out, const wc_report *r, size_t v, const char *check,
                              wc_severity gate, int above)
{
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		if (f->version != v || strcmp(f->check, check) != 0)
			continue;
		if ((gate < WC_NEVER && f->severity >= gate && !f->suppressed) == above)
			write_finding_text(out, f);
	}
}

static void write_case(FILE *out, const wc_report *r, size_t v, const char *check, wc_severity gate)
{
	case_counts c = count_case(r, v, check, gate);
	fputs("    <testcase classname=\"", out);
	wc_xml_str(out, r->versions[v].path);
	fputs("\" name=\"", out);
	wc_xml_str(out, check);
	fputs("\" time=\"0\"", out);
	if (c.above + c.below == 0) {
		if (skipped(r, v, check, c))
			fprintf(out, ">\n      <skipped message=\"not checked on %s\"/>\n    </testcase>\n",
			        r->versions[v].role == WC_ROLE_SOURCE ? "the source" : "related coverage");
		else
			fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (c.above) {
		fputs("      <failure type=\"", out);
		wc_xml_str(out, check);
		fputs("\" message=\"", out);
		if (c.above == 1) {
			fprintf(out, "line %zu:%zu: ", c.first->line, c.first->column);
			wc_xml_str(out, c.first->message);
		} else {
			fprintf(out, "%zu findings at or above %s", c.above, wc_severity_name(gate));
		}
		fputs("\">", out);
		write_findings_of(out, r, v, check, gate, 1);
		fputs("</failure>\n", out);
	}
	if (c.below) {
		fputs("      <system-out>", out);
		write_findings_of(out, r, v, check, gate, 0);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static void write_property(FILE *out, const char *name, const char *value)
{
	fprintf(out, "      <property name=\"%s\" value=\"", name);
	wc_xml_str(out, value);
	fputs("\"/>\n", out);
}

/* bundle: the id of the bundle in a stream, or NULL. */
static void write_suite(FILE *out, const wc_report *r, size_t v, const names *ns,
                        const wc_report_options *opt, const char *bundle)
{
	const wc_version *ver = &r->versions[v];
	tally t = count_suite(r, v, ns, opt->fail_on);
	fputs("  <testsuite name=\"", out);
	if (bundle) {
		wc_xml_str(out, bundle);
		fputs(": ", out);
	}
	wc_xml_str(out, ver->path);
	fputs(" (", out);
	wc_xml_str(out, ver->lang);
	fprintf(out, ", %s)\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
	        wc_role_name(ver->role), t.tests, t.failures, t.skipped);
	fputs("    <properties>\n", out);
	if (bundle)
		write_property(out, "bundle", bundle);
	write_property(out, "path", ver->path);
	write_property(out, "lang", ver->lang);
	write_property(out, "role", wc_role_name(ver->role));
	write_property(out, "gate", wc_severity_name(opt->fail_on));
	write_property(out, "verdict", wc_report_version_fails(r, v, opt->fail_on) ? "fail" : "pass");
	fputs("    </properties>\n", out);
	for (size_t i = 0; i < ns->n; i++)
		write_case(out, r, v, ns->v[i], opt->fail_on);
	fputs("  </testsuite>\n", out);
}

int wc_report_write_junit(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	names ns = {0};
	collect_checks(r, &ns);
	tally all = {0, 0, 0};
	for (size_t v = 0; v < r->nversions; v++) {
		tally t = count_suite(r, v, &ns, opt->fail_on);
		all.tests += t.tests;
		all.failures += t.failures;
		all.skipped += t.skipped;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites name=\"wirecheck\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	        "skipped=\"%zu\" time=\"0\">\n", all.tests, all.failures, all.skipped);
	for (size_t v = 0; v < r->nversions; v++)
		write_suite(out, r, v, &ns, opt, NULL);
	fputs("</testsuites>\n", out);
	free(ns.v);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}

/* ---- a stream of bundles: the suites of every bundle in one document ------------ */

int wc_junit_stream_begin(FILE *out)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wirecheck\">\n", out);
	return ferror(out) ? WC_EIO : WC_OK;
}

void wc_junit_stream_report(const wc_report *r, const wc_report_options *opt, const char *bundle,
                            FILE *out)
{
	names ns = {0};
	collect_checks(r, &ns);
	for (size_t v = 0; v < r->nversions; v++)
		write_suite(out, r, v, &ns, opt, bundle);
	free(ns.v);
}

/* A bundle that could not be checked: a suite of one test in error. */
void wc_junit_stream_error(const char *bundle, size_t line, const char *error, FILE *out)
{
	char at[32];
	snprintf(at, sizeof at, "line %zu", line);
	const char *name = bundle ? bundle : at;
	fputs("  <testsuite name=\"", out);
	wc_xml_str(out, name);
	fputs("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
	      "    <testcase classname=\"", out);
	wc_xml_str(out, name);
	fputs("\" name=\"bundle\" time=\"0\">\n      <error type=\"bundle.error\" message=\"", out);
	wc_xml_str(out, error);
	fputs("\"/>\n    </testcase>\n  </testsuite>\n", out);
}

int wc_junit_stream_end(FILE *out)
{
	fputs("</testsuites>\n", out);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
