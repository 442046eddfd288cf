/*
 * report_json.c — the reporting stage: the JSON format, for tools and CI.
 *
 * The schema is a contract ("wirecheck": 1): fields may be added, never
 * renamed or removed.  versions[0] of the report is the source and is written
 * as "source"; "versions" holds the translations and related coverage.
 * Pretty-printed with two-space indentation so that a person can read it too.
 */
#include "report.h"

#include <stdlib.h>

/* ---- small field writers: `sep` is what comes before the key ---------------- */

static void put_str(FILE *out, const char *sep, const char *key, const char *value)
{
	fprintf(out, "%s\"%s\": ", sep, key);
	wc_json_str(out, value);
}

static void put_num(FILE *out, const char *sep, const char *key, size_t value)
{
	fprintf(out, "%s\"%s\": %zu", sep, key, value);
}

static const char *verdict(const wc_report *r, size_t i, const wc_report_options *opt)
{
	return wc_report_version_fails(r, i, opt->fail_on) ? "fail" : "pass";
}

/* "verdict" and "counts", shared by the source and the other versions. */
static void put_outcome(FILE *out, const wc_report *r, size_t i, const wc_report_options *opt)
{
	const wc_version *v = &r->versions[i];
	put_str(out, ", ", "verdict", verdict(r, i, opt));
	fputs(", \"counts\": {", out);
	put_num(out, "", "error", v->errors);
	put_num(out, ", ", "warning", v->warnings);
	put_num(out, ", ", "info", v->infos);
	fputc('}', out);
}

static void write_source(FILE *out, const wc_report *r, const wc_report_options *opt)
{
	if (r->nversions == 0) {
		fputs("  \"source\": null,\n", out);
		return;
	}
	const wc_version *v = &r->versions[0];
	put_str(out, "  \"source\": {", "path", v->path);
	put_str(out, ", ", "lang", v->lang);
	put_outcome(out, r, 0, opt);
	fputs("},\n", out);
}

static void write_versions(FILE *out, const wc_report *r, const wc_report_options *opt)
{
	fputs("  \"versions\": [", out);
	for (size_t i = 1; i < r->nversions; i++) {
		const wc_version *v = &r->versions[i];
		fputs(i > 1 ? ",\n    {" : "\n    {", out);
		put_str(out, "", "path", v->path);
		put_str(out, ", ", "lang", v->lang);
		put_str(out, ", ", "role", wc_role_name(v->role));
		put_outcome(out, r, i, opt);
		fputc('}', out);
	}
	fputs(r->nversions > 1 ? "\n  ],\n" : "],\n", out);
}

static void write_source_ref(FILE *out, const wc_finding *f)
{
	fputs(",\n      \"source_ref\": ", out);
	if (!f->has_source_ref) {
		fputs("null", out);
		return;
	}
	put_str(out, "{", "path", f->source_path);
	put_num(out, ", ", "line", f->source_line);
	put_num(out, ", ", "column", f->source_column);
	fputc('}', out);
}

/* One finding over a few lines: what and where, the message, the values. */
static void write_finding(FILE *out, const wc_finding *f)
{
	put_str(out, "    {\n      ", "check", f->check);
	put_str(out, ", ", "severity", wc_severity_name(f->severity));
	put_str(out, ", ", "path", f->path);
	put_str(out, ", ", "lang", f->lang);
	put_num(out, ",\n      ", "line", f->line);
	put_num(out, ", ", "column", f->column);
	put_num(out, ", ", "end_line", f->end_line);
	put_num(out, ", ", "end_column", f->end_column);
	put_num(out, ", ", "start", f->start);
	put_num(out, ", ", "end", f->end);
	put_str(out, ",\n      ", "message", f->message);
	put_str(out, ",\n      ", "expected", f->expected);
	put_str(out, ", ", "found", f->found);
	put_str(out, ", ", "rule", f->rule);
	if (f->suppressed)
		fputs(", \"suppressed\": true", out);
	write_source_ref(out, f);
	fputs("\n    }", out);
}

static void write_findings(FILE *out, const wc_report *r)
{
	fputs("  \"findings\": [", out);
	for (size_t i = 0; i < r->nfindings; i++) {
		fputs(i ? ",\n" : "\n", out);
		write_finding(out, &r->findings[i]);
	}
	fputs(r->nfindings ? "\n  ],\n" : "],\n", out);
}

/* The gate and the verdict line's totals, as the text report's last line
 * has them: a pipeline reads the run's verdict without recounting. */
static void write_gate(FILE *out, const wc_report *r, const wc_report_options *opt)
{
	wc_totals t;
	wc_report_totals(r, opt->fail_on, &t);
	put_str(out, "  \"gate\": {", "fail_on", wc_severity_name(opt->fail_on));
	put_str(out, ", ", "verdict", wc_report_fails(r, opt->fail_on) ? "fail" : "pass");
	put_num(out, ", ", "failing_findings", t.blocking);
	fputs("},\n  \"totals\": {", out);
	put_num(out, "", "checked", t.checked);
	put_num(out, ", ", "failed", t.failed);
	put_num(out, ", ", "passed", t.checked - t.failed);
	fprintf(out, ", \"source_fails\": %s", t.source_fails ? "true" : "false");
	put_num(out, ", ", "error", t.errors);
	put_num(out, ", ", "warning", t.warnings);
	put_num(out, ", ", "info", t.infos);
	fputs("}", out);
}

/* One version's alignment: its paragraphs paired with the source's (1-based
 * paragraph numbers and their first lines), the source paragraphs no
 * paragraph of it carries ("dropped"), and its paragraphs without a source
 * paragraph ("added"). */
static void write_aligned(FILE *out, const wc_report *r, size_t v)
{
	size_t ns = wc_report_paragraph_count(r, 0), nv = wc_report_paragraph_count(r, v);
	char *carried = wc_xcalloc(ns ? ns : 1, 1);
	put_str(out, "    {", "path", r->versions[v].path);
	put_str(out, ", ", "role", wc_role_name(r->versions[v].role));
	fputs(",\n     \"pairs\": [", out);
	size_t n = 0;
	for (size_t p = 0; p < nv; p++) {
		const wc_paragraph *q = wc_report_paragraph(r, v, p);
		const wc_paragraph *s = q->source_para >= 0 ? wc_report_paragraph(r, 0, (size_t)q->source_para) : NULL;
		if (!s)
			continue;
		carried[q->source_para] = 1;
		fprintf(out, "%s{\"source\": %ld, \"source_line\": %zu, \"paragraph\": %zu, \"line\": %zu}",
		        n++ ? ", " : "", q->source_para + 1, s->line, p + 1, q->line);
	}
	fputs("],\n     \"dropped\": [", out);
	n = 0;
	for (size_t p = 0; p < ns; p++)
		if (!carried[p])
			fprintf(out, "%s{\"source\": %zu, \"source_line\": %zu}", n++ ? ", " : "", p + 1,
			        wc_report_paragraph(r, 0, p)->line);
	fputs("],\n     \"added\": [", out);
	n = 0;
	for (size_t p = 0; p < nv; p++) {
		const wc_paragraph *q = wc_report_paragraph(r, v, p);
		if (q->source_para < 0 || (size_t)q->source_para >= ns)
			fprintf(out, "%s{\"paragraph\": %zu, \"line\": %zu}", n++ ? ", " : "", p + 1, q->line);
	}
	fputs("]}", out);
	free(carried);
}

static void write_alignment(FILE *out, const wc_report *r)
{
	fputs(",\n  \"alignment\": [", out);
	for (size_t v = 1; v < r->nversions; v++) {
		fputs(v > 1 ? ",\n" : "\n", out);
		write_aligned(out, r, v);
	}
	fputs(r->nversions > 1 ? "\n  ]" : "]", out);
}

int wc_report_write_json(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	fputs("{\n  \"wirecheck\": 1,\n", out);
	write_source(out, r, opt);
	write_versions(out, r, opt);
	write_findings(out, r);
	/* Added fields come after the first ones, which stay where they were. */
	fputs("  \"tool\": \"wirecheck\",\n  \"version\": \"" WC_VERSION "\",\n", out);
	write_gate(out, r, opt);
	write_alignment(out, r);
	fputs("\n}\n", out);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
