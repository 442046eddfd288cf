/*
 * report_sarif.c — the reporting stage: SARIF 2.1.0, for code-scanning
 * dashboards and editors that read static-analysis results.
 *
 * One run; tool.driver names wirecheck and carries one rule per registered
 * check (checks.def), so that ruleIndex is the check's index.  Each finding
 * becomes a result with its level (info is SARIF's "note"), its message, and
 * a region in lines and columns.  Columns are code points, which SARIF must
 * be told (run.columnKind), since its default is UTF-16 code units.  Every
 * version is an artifact; paths become URIs relative to the working
 * directory, percent-encoded.
 */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *level(wc_severity s)
{
	switch (s) {
	case WC_ERROR: return "error";
	case WC_WARNING: return "warning";
	default: return "note";
	}
}

/* ---- URIs ------------------------------------------------------------------- */

static int unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

/* Percent-encodes everything but unreserved characters and '/': a ':' in
 * "da:-" would otherwise read as a URI scheme, and non-ASCII bytes are not
 * allowed in a URI. */
static void put_encoded(wc_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (unreserved(c) || c == '/')
			wc_buf_putc(b, (char)c);
		else
			wc_buf_printf(b, "%%%02X", c);
	}
}

/* A relative path stays relative (to the working directory, where the run
 * happened); an absolute one inside the working directory becomes relative,
 * any other absolute one a file: URI.  Caller frees. */
static char *path_uri(const char *path, const char *cwd)
{
	wc_buf b = {0};
	size_t n = cwd ? strlen(cwd) : 0;
	if (path[0] != '/') {
		put_encoded(&b, path);
	} else if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/' && path[n + 1]) {
		put_encoded(&b, path + n + 1);
	} else {
		wc_buf_puts(&b, "file://");
		put_encoded(&b, path);
	}
	return wc_buf_take(&b);
}

/* ---- the parts ----------------------------------------------------------------- */

static void put_key_str(FILE *out, const char *sep, const char *key, const char *value)
{
	fprintf(out, "%s\"%s\": ", sep, key);
	wc_json_str(out, value);
}

static void write_rules(FILE *out)
{
	fputs("          \"rules\": [", out);
	for (size_t i = 0; i < wc_check_count(); i++) {
		fputs(i ? ",\n            {" : "\n            {", out);
		put_key_str(out, "", "id", wc_check_name(i));
		fputs(", \"shortDescription\": {", out);
		put_key_str(out, "", "text", wc_check_description(i));
		fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
		        level(wc_check_default_severity(i)));
	}
	fputs("\n          ]\n", out);
}

static void write_tool(FILE *out)
{
	fputs("      \"tool\": {\n        \"driver\": {\n", out);
	fputs("          \"name\": \"wirecheck\",\n", out);
	fputs("          \"version\": \"" WC_VERSION "\",\n", out);
	fputs("          \"semanticVersion\": \"" WC_VERSION "\",\n", out);
	write_rules(out);
	fputs("        }\n      },\n", out);
}

static void write_artifacts(FILE *out, const wc_report *r, char **uris,
                            const wc_report_options *opt)
{
	fputs("      \"artifacts\": [", out);
	for (size_t i = 0; i < r->nversions; i++) {
		const wc_version *v = &r->versions[i];
		fputs(i ? ",\n        {" : "\n        {", out);
		put_key_str(out, "\"location\": {", "uri", uris[i]);
		fputs("}, \"roles\": [\"analysisTarget\"], \"mimeType\": \"text/plain\", "
		      "\"encoding\": \"UTF-8\",\n         \"properties\": {", out);
		put_key_str(out, "", "lang", v->lang);
		put_key_str(out, ", ", "role", wc_role_name(v->role));
		put_key_str(out, ", ", "verdict",
		            wc_report_version_fails(r, i, opt->fail_on) ? "fail" : "pass");
		fprintf(out, ", \"errors\": %zu, \"warnings\": %zu, \"infos\": %zu}}",
		        v->errors, v->warnings, v->infos);
	}
	fputs(r->nversions ? "\n      ],\n" : "],\n", out);
}

/* A check name the registry does not know (a hand-built report) keeps its
 * ruleId but gets no ruleIndex. */
static long rule_index(const char *check)
{
	for (size_t i = 0; i < wc_check_count(); i++)
		if (strcmp(wc_check_name(i), check) == 0)
			return (long)i;
	return -1;
}

/* SARIF lines and columns start at 1; a region without a line is left out. */
static void write_region(FILE *out, size_t line, size_t column, size_t end_line, size_t end_column)
{
	if (line < 1)
		return;
	fprintf(out, ", \"region\": {\"startLine\": %zu", line);
	if (column >= 1)
		fprintf(out, ", \"startColumn\": %zu", column);
	if (end_line >= line) {
		fprintf(out, ", \"endLine\": %zu", end_line);
		if (end_column >= 1 && column >= 1 && (end_line > line || end_column >= column))
			fprintf(out, ", \"endColumn\": %zu", end_column);
	}
	fputc('}', out);
}

/* The message a viewer shows on its own: the values belong in it.  "expected:
 * (none)" only where the source has a value to compare with. */
static void write_message(FILE *out, const wc_finding *f)
{
	wc_buf b = {0};
	wc_buf_puts(&b, f->message ? f->message : f->check);
	if (f->expected)
		wc_buf_printf(&b, " (expected: %s; found: %s)", f->expected, f->found ? f->found : "(none)");
	else if (f->found)
		wc_buf_printf(&b, " (found: %s)", f->found);
	put_key_str(out, "\"message\": {", "text", b.s);
	fputs("}", out);
	wc_buf_free(&b);
}

static size_t version_of_path(const wc_report *r, const char *path)
{
	for (size_t i = 0; path && i < r->nversions; i++)
		if (r->versions[i].path && strcmp(r->versions[i].path, path) == 0)
			return i;
	return 0;
}

/* bundle: the id of the bundle the result is of, in a stream (or NULL);
 * with_index: whether the run's artifacts are written, for "index". */
static void write_result(FILE *out, const wc_report *r, const wc_finding *f, char **uris,
                         const char *bundle, int with_index)
{
	put_key_str(out, "        {", "ruleId", f->check);
	long ri = rule_index(f->check);
	if (ri >= 0)
		fprintf(out, ", \"ruleIndex\": %ld", ri);
	fprintf(out, ", \"level\": \"%s\",\n         ", level(f->severity));
	write_message(out, f);
	size_t v = f->version < r->nversions ? f->version : 0;
	fputs(",\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {", out);
	put_key_str(out, "", "uri", uris[v]);
	if (with_index)
		fprintf(out, ", \"index\": %zu", v);
	fputc('}', out);
	write_region(out, f->line, f->column, f->end_line, f->end_column);
	fputs("}}]", out);
	if (f->has_source_ref) {
		size_t s = version_of_path(r, f->source_path);
		fputs(",\n         \"relatedLocations\": [{\"id\": 1, \"message\": {\"text\": "
		      "\"the source's counterpart\"}, \"physicalLocation\": {\"artifactLocation\": {", out);
		put_key_str(out, "", "uri", uris[s]);
		if (with_index)
			fprintf(out, ", \"index\": %zu", s);
		fputc('}', out);
		write_region(out, f->source_line, f->source_column, 0, 0);
		fputs("}}]", out);
	}
	/* With a baseline, each result says whether it is in it (SARIF 3.27.24, 3.35). */
	if (r->baselined)
		fprintf(out, ",\n         \"baselineState\": \"%s\"", f->suppressed ? "unchanged" : "new");
	if (f->suppressed)
		fputs(",\n         \"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
		      "\"justification\": \"in the wirecheck baseline\"}]", out);
	fputs(",\n         \"properties\": {", out);
	if (bundle)
		put_key_str(out, "", "bundle", bundle);
	put_key_str(out, bundle ? ", " : "", "lang", f->lang);
	put_key_str(out, ", ", "role", v < r->nversions ? wc_role_name(r->versions[v].role) : NULL);
	if (f->expected)
		put_key_str(out, ", ", "expected", f->expected);
	if (f->found)
		put_key_str(out, ", ", "found", f->found);
	if (f->rule)
		put_key_str(out, ", ", "rule", f->rule);
	fputs("}}", out);
}

static void write_results(FILE *out, const wc_report *r, char **uris)
{
	fputs("      \"results\": [", out);
	for (size_t i = 0; i < r->nfindings && r->nversions; i++) {
		fputs(i ? ",\n" : "\n", out);
		write_result(out, r, &r->findings[i], uris, NULL, 1);
	}
	fputs(r->nfindings && r->nversions ? "\n      ],\n" : "],\n", out);
}

static char **uris_of(const wc_report *r)
{
	char cwd[PATH_MAX];
	const char *here = getcwd(cwd, sizeof cwd);
	char **uris = wc_xcalloc(r->nversions ? r->nversions : 1, sizeof *uris);
	for (size_t i = 0; i < r->nversions; i++)
		uris[i] = path_uri(r->versions[i].path ? r->versions[i].path : "-", here);
	return uris;
}

static void uris_free(const wc_report *r, char **uris)
{
	for (size_t i = 0; i < r->nversions; i++)
		free(uris[i]);
	free(uris);
}

/* The log up to the run's results: the same for one bundle and a stream. */
static void write_head(FILE *out)
{
	fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n", out);
	fputs("  \"runs\": [\n    {\n", out);
	write_tool(out);
	fputs("      \"columnKind\": \"unicodeCodePoints\",\n", out);
}

int wc_report_write_sarif(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	char **uris = uris_of(r);
	write_head(out);
	write_artifacts(out, r, uris, opt);
	write_results(out, r, uris);
	fputs("      \"properties\": {", out);
	put_key_str(out, "", "gate", wc_severity_name(opt->fail_on));
	fprintf(out, ", \"failed\": %s}\n", wc_report_fails(r, opt->fail_on) ? "true" : "false");
	fputs("    }\n  ]\n}\n", out);
	uris_free(r, uris);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}

/* ---- a stream of bundles: one log, one run ------------------------------------- */

/* The artifacts of a stream are not known before its end, so results name
 * their files by URI only (SARIF's index is optional), and each says its
 * bundle in properties.bundle. */
int wc_sarif_stream_begin(FILE *out)
{
	write_head(out);
	fputs("      \"results\": [", out);
	return ferror(out) ? WC_EIO : WC_OK;
}

void wc_sarif_stream_results(const wc_report *r, const char *bundle, FILE *out)
{
	char **uris = uris_of(r);
	for (size_t i = 0; i < r->nfindings && r->nversions; i++) {
		fputs(",\n", out);
		write_result(out, r, &r->findings[i], uris, bundle, 0);
	}
	uris_free(r, uris);
}

/* A bundle that could not be checked: an error result without a location,
 * so that a dashboard shows it where the findings are. */
void wc_sarif_stream_error(const char *bundle, size_t line, const char *error, FILE *out)
{
	wc_buf b = {0};
	wc_buf_printf(&b, "%s%s%s", bundle ? bundle : "", bundle ? ": " : "", error);
	put_key_str(out, ",\n        {", "ruleId", "bundle.error");
	fputs(", \"level\": \"error\", \"kind\": \"fail\",\n         ", out);
	put_key_str(out, "\"message\": {", "text", b.s);
	fputs("},\n         \"properties\": {", out);
	if (bundle)
		put_key_str(out, "", "bundle", bundle);
	fprintf(out, "%s\"line\": %zu}}", bundle ? ", " : "", line);
	wc_buf_free(&b);
}

int wc_sarif_stream_end(FILE *out, wc_severity gate, const wc_batch_stats *st)
{
	fputs("\n      ],\n      \"properties\": {", out);
	put_key_str(out, "", "gate", wc_severity_name(gate));
	fprintf(out, ", \"failed\": %s, \"bundles\": %zu, \"bundles_failed\": %zu, "
	        "\"bundles_not_checked\": %zu}\n    }\n  ]\n}\n",
	        st->failed || st->errors ? "true" : "false", st->done, st->failed, st->errors);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
