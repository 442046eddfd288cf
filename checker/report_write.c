/*
 * report_write.c — the reporting stage: what every output format shares.
 *
 * report.c builds a wc_report from the raw findings; this file answers
 * questions about it (counts, verdicts under a gate), frees it, and hands it
 * to the writer of the requested format (report_text.c, report_json.c,
 * report_html.c, report_sarif.c, report_junit.c, report_markdown.c).  It
 * also holds the string escapers those writers and the fact list share.
 */
#include "facts.h"
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ------------------------------------------------------------------ */

static const char *const severity_names[] = {"info", "warning", "error", "never"};
static const char *const role_names[] = {"source", "translation", "related"};
static const char *const format_names[] = {"text", "json", "html", "sarif", "junit", "markdown"};

static int name_index(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *wc_severity_name(wc_severity s)
{
	return (unsigned)s <= WC_NEVER ? severity_names[s] : "unknown";
}

int wc_severity_parse(const char *name)
{
	return name_index(severity_names, 4, name);
}

const char *wc_role_name(wc_role r)
{
	return (unsigned)r <= WC_ROLE_RELATED ? role_names[r] : "unknown";
}

int wc_format_parse(const char *name)
{
	return name_index(format_names, sizeof format_names / sizeof *format_names, name);
}

/* ---- report access ------------------------------------------------------------ */

size_t wc_report_version_count(const wc_report *r)
{
	return r ? r->nversions : 0;
}

const wc_version *wc_report_version(const wc_report *r, size_t i)
{
	return r && i < r->nversions ? &r->versions[i] : NULL;
}

size_t wc_report_count(const wc_report *r)
{
	return r ? r->nfindings : 0;
}

const wc_finding *wc_report_get(const wc_report *r, size_t i)
{
	return r && i < r->nfindings ? &r->findings[i] : NULL;
}

/* The findings decide, not the per-version counts: the counts are a summary
 * for display, and a gate must hold even for a hand-built report. */
int wc_report_version_fails(const wc_report *r, size_t i, wc_severity gate)
{
	if (!r || gate >= WC_NEVER)
		return 0;
	for (size_t k = 0; k < r->nfindings; k++)
		if (r->findings[k].version == i && r->findings[k].severity >= gate &&
		    !r->findings[k].suppressed)
			return 1;
	return 0;
}

/* The source counts too: a finding at or above the gate anywhere fails the
 * run, as the exit status documents. */
int wc_report_fails(const wc_report *r, wc_severity gate)
{
	for (size_t i = 0; i < wc_report_version_count(r); i++)
		if (wc_report_version_fails(r, i, gate))
			return 1;
	return 0;
}

void wc_report_free(wc_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nstrings; i++)
		free(r->strings[i]);
	free(r->strings);
	for (size_t i = 0; r->docs && i < r->nversions; i++) {
		free(r->docs[i].text);
		free(r->docs[i].paras);
		free(r->docs[i].facts);
	}
	free(r->docs);
	free(r->versions);
	free(r->findings);
	free(r);
}

const char *wc_report_version_text(const wc_report *r, size_t i, size_t *len)
{
	if (!r || !r->docs || i >= r->nversions) {
		*len = 0;
		return NULL;
	}
	*len = r->docs[i].len;
	return r->docs[i].text;
}

size_t wc_report_paragraph_count(const wc_report *r, size_t i)
{
	return r && r->docs && i < r->nversions ? r->docs[i].npara : 0;
}

const wc_paragraph *wc_report_paragraph(const wc_report *r, size_t i, size_t p)
{
	return p < wc_report_paragraph_count(r, i) ? &r->docs[i].paras[p] : NULL;
}

size_t wc_report_fact_count(const wc_report *r, size_t i)
{
	return r && r->docs && i < r->nversions ? r->docs[i].nfacts : 0;
}

const wc_report_fact *wc_report_fact_get(const wc_report *r, size_t i, size_t k)
{
	return k < wc_report_fact_count(r, i) ? &r->docs[i].facts[k] : NULL;
}

/* The counts hold every finding, the source's own too, so that the line
 * agrees with the exit status (wc_report_fails counts the source). */
void wc_report_totals(const wc_report *r, wc_severity gate, wc_totals *t)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < r->nversions; i++) {
		if (i > 0) {
			t->checked++;
			t->failed += wc_report_version_fails(r, i, gate) ? 1 : 0;
		}
		t->errors += r->versions[i].errors;
		t->warnings += r->versions[i].warnings;
		t->infos += r->versions[i].infos;
	}
	t->source_fails = r->nversions > 0 && wc_report_version_fails(r, 0, gate);
	for (size_t k = 0; k < r->nfindings; k++)
		t->blocking += wc_report_blocks(&r->findings[k], gate);
}

/* A finding that fails the gate: at or above it, and not suppressed by a
 * baseline (which does not count for the gate). */
int wc_report_blocks(const wc_finding *f, wc_severity gate)
{
	return gate < WC_NEVER && f->severity >= gate && !f->suppressed;
}

const char wc_source_fails_phrase[] = "; the source fails the gate";

int wc_report_shown(const wc_report_options *opt, const wc_finding *f)
{
	return f->severity >= opt->min_severity;
}

size_t wc_report_hidden(const wc_report *r, const wc_report_options *opt)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nfindings; k++)
		n += !wc_report_shown(opt, &r->findings[k]);
	return n;
}

int wc_report_write(const wc_report *r, wc_format fmt,
                    const wc_report_options *opt, FILE *out)
{
	static const wc_report_options defaults = {.fail_on = WC_ERROR};
	if (!r || !out)
		return WC_EUSAGE;
	if (!opt)
		opt = &defaults;
	switch (fmt) {
	case WC_FORMAT_TEXT:
		return wc_report_write_text(r, opt, out);
	case WC_FORMAT_JSON:
		return wc_report_write_json(r, opt, out);
	case WC_FORMAT_HTML:
		return wc_report_write_html(r, opt, out);
	case WC_FORMAT_SARIF:
		return wc_report_write_sarif(r, opt, out);
	case WC_FORMAT_JUNIT:
		return wc_report_write_junit(r, opt, out);
	case WC_FORMAT_MARKDOWN:
		return wc_report_write_markdown(r, opt, out);
	default:
		break;
	}
	return WC_EUSAGE;
}

/* ---- one-line text ------------------------------------------------------------- */

bool wc_is_control(int32_t c)
{
	return (c >= 0 && c < 0x20) || c == 0x7f || (c >= 0x80 && c < 0xa0);
}

/* The escape of control character c (or of the invalid byte b when c < 0)
 * into e; its length. */
static size_t escape_of(int32_t c, unsigned char b, char e[8])
{
	switch (c) {
	case '\n': return (size_t)snprintf(e, 8, "\\n");
	case '\r': return (size_t)snprintf(e, 8, "\\r");
	case '\t': return (size_t)snprintf(e, 8, "\\t");
	default: break;
	}
	if (c < 0)
		return (size_t)snprintf(e, 8, "\\x%02x", b);
	if (c < 0x80)
		return (size_t)snprintf(e, 8, "\\x%02x", (unsigned)c);
	return (size_t)snprintf(e, 8, "\\u%04x", (unsigned)c);
}

void wc_put_escaped(FILE *out, const char *s, size_t n, unsigned flags)
{
	size_t i = 0;
	while (i < n) {
		size_t at = i;
		int32_t c = wc_utf8_next(s, n, &i);
		char e[8];
		if (c == '\t' && (flags & WC_ESC_KEEP_TAB))
			fputc('\t', out);
		else if (c == '\t' && (flags & WC_ESC_TAB_SPACE))
			fputc(' ', out);
		else if (c < 0 || wc_is_control(c))
			fwrite(e, 1, escape_of(c, (unsigned char)s[at], e), out);
		else
			fwrite(s + at, 1, i - at, out);
	}
}

size_t wc_escaped_width(const char *s, size_t n, size_t *i)
{
	size_t at = *i;
	int32_t c = wc_utf8_next(s, n, i);
	char e[8];
	return c < 0 || (wc_is_control(c) && c != '\t') ? escape_of(c, (unsigned char)s[at], e) : 1;
}

char *wc_escape_controls(const char *s)
{
	char *r = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&r, &n);
	if (!f)
		wc_xmalloc(SIZE_MAX); /* aborts with the one out-of-memory message */
	if (s)
		wc_put_escaped(f, s, strlen(s), 0);
	fclose(f);
	return r;
}

/* ---- JSON strings ------------------------------------------------------------- */

static void json_escape_code_point(FILE *out, int32_t c)
{
	fprintf(out, "\\u%04x", (unsigned)c);
}

/* Texts are validated before they reach a report, but a hand-built report or
 * a path from the command line may still hold stray bytes; the output must be
 * valid JSON whatever comes in, so they become U+FFFD. */
void wc_json_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	size_t n = strlen(s), i = 0;
	fputc('"', out);
	while (i < n) {
		size_t at = i;
		int32_t c = wc_utf8_next(s, n, &i);
		if (c < 0)
			fputs("\\ufffd", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", (char)c);
		/* U+2028/2029 are valid JSON but end a line in JavaScript. */
		else if (wc_is_control(c) || c == 0x2028 || c == 0x2029)
			json_escape_code_point(out, c);
		else
			fwrite(s + at, 1, i - at, out);
	}
	fputc('"', out);
}

/* ---- HTML and XML strings ---------------------------------------------------- */

/* The same rule as for JSON: whatever comes in, the output must parse.  XML
 * 1.0 forbids most control characters even as references, and in HTML they
 * are parse errors, so they become U+FFFD like invalid bytes; tab and line
 * breaks stay (as references, so that attribute values keep them too). */
void wc_xml_text(FILE *out, const char *s, size_t n)
{
	size_t i = 0;
	while (s && i < n) {
		size_t at = i;
		int32_t c = wc_utf8_next(s, n, &i);
		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\t': case '\n': case '\r': fprintf(out, "&#%d;", (int)c); break;
		default:
			if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff)
				fputs("\xEF\xBF\xBD", out);
			else
				fwrite(s + at, 1, i - at, out);
		}
	}
}

void wc_xml_str(FILE *out, const char *s)
{
	if (s)
		wc_xml_text(out, s, strlen(s));
}

/* ---- facts ---------------------------------------------------------------------- */

void wc_facts_free(wc_facts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nowned; i++)
		free(f->owned[i]);
	free(f->owned);
	free(f->v);
	free(f);
}

size_t wc_facts_count(const wc_facts *f)
{
	return f ? f->n : 0;
}

const wc_fact *wc_facts_get(const wc_facts *f, size_t i)
{
	return f && i < f->n ? &f->v[i] : NULL;
}

static void json_key_str(FILE *out, const char *sep, const char *key, const char *value)
{
	fprintf(out, "%s\"%s\":", sep, key);
	wc_json_str(out, value);
}

static void write_fact_line(FILE *out, const wc_fact *x)
{
	json_key_str(out, "{", "kind", x->kind);
	json_key_str(out, ",", "text", x->text);
	json_key_str(out, ",", "value", x->value);
	json_key_str(out, ",", "unit", x->unit);
	fprintf(out, ",\"line\":%zu,\"column\":%zu,\"start\":%zu,\"end\":%zu",
	        x->line, x->column, x->start, x->end);
	json_key_str(out, ",", "rule", x->rule);
	if (x->weak)
		fputs(",\"weak\":true", out);
	fputs("}\n", out);
}

int wc_facts_write_jsonl(const wc_facts *f, FILE *out)
{
	for (size_t i = 0; i < wc_facts_count(f); i++)
		write_fact_line(out, &f->v[i]);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
