/*
 * report_markdown.c — the reporting stage: Markdown, for merge-request and
 * pull-request comments.
 *
 * Compact on purpose: a headline with the run's verdict, one table row per
 * version, the totals line, the findings that fail the gate in full view,
 * then every finding, a table per version, folded in <details> (GitHub and
 * GitLab both render it).  Everything taken from the input is escaped, so
 * that article text cannot break a table (|), start emphasis or a link,
 * inject HTML, render as maths ($), or mention a user (@name).
 */
#include "report.h"

#include <string.h>

static const char check_mark[] = "\xE2\x9C\x85";   /* ✅ */
static const char cross_mark[] = "\xE2\x9D\x8C";   /* ❌ */
static const char em_dash[] = "\xE2\x80\x94";      /* — */

/* Escapes s for Markdown inline text inside a table cell or list item. */
static void put_md(FILE *out, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t at = i;
		int32_t c = wc_utf8_next(s, n, &i);
		if (c == '\n' || c == '\r' || c == '\t')
			fputc(' ', out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c >= 0 && c < 0x80 && c != 0 && strchr("\\`*_[]|#~@$", (int)c))
			fprintf(out, "\\%c", (char)c);
		else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(s + at, 1, i - at, out);
	}
}

/* A check name as code when it is safe as a code span, escaped text otherwise. */
static void put_code(FILE *out, const char *s)
{
	if (s && !strpbrk(s, "`|\n\r<&")) {
		fprintf(out, "`%s`", s);
		return;
	}
	put_md(out, s);
}

static const char *severity_icon(wc_severity s)
{
	switch (s) {
	case WC_ERROR: return "\xF0\x9F\x9F\xA5";   /* 🟥 */
	case WC_WARNING: return "\xF0\x9F\x9F\xA7"; /* 🟧 */
	default: return "\xF0\x9F\x9F\xA6";         /* 🟦 */
	}
}

static void put_counts(FILE *out, size_t errors, size_t warnings, size_t infos)
{
	fprintf(out, "%zu error%s, %zu warning%s, %zu info", errors, errors == 1 ? "" : "s",
	        warnings, warnings == 1 ? "" : "s", infos);
}

static void write_summary(FILE *out, const wc_report *r, const wc_report_options *opt)
{
	wc_totals t;
	wc_report_totals(r, opt->fail_on, &t);
	int fails = wc_report_fails(r, opt->fail_on);
	fprintf(out, "### %s wirecheck: %s\n\n", fails ? cross_mark : check_mark, fails ? "FAIL" : "PASS");
	if (opt->fail_on >= WC_NEVER)
		fputs("Gate: none (`--fail-on never`): no finding fails a version.\n\n", out);
	else
		fprintf(out, "Gate: a finding at **%s** or above fails a version.\n\n",
		        wc_severity_name(opt->fail_on));
	fputs("| verdict | version | lang | role | errors | warnings | info |\n", out);
	fputs("|---|---|---|---|--:|--:|--:|\n", out);
	for (size_t i = 0; i < r->nversions; i++) {
		const wc_version *v = &r->versions[i];
		int f = wc_report_version_fails(r, i, opt->fail_on);
		fprintf(out, "| %s %s | ", f ? cross_mark : check_mark, f ? "**FAIL**" : "pass");
		put_md(out, v->path);
		fputs(" | ", out);
		put_md(out, v->lang);
		fprintf(out, " | %s | %zu | %zu | %zu |\n", wc_role_name(v->role), v->errors,
		        v->warnings, v->infos);
	}
	fprintf(out, "\n**%zu version%s checked: %zu failed, %zu passed%s %s ", t.checked,
	        t.checked == 1 ? "" : "s", t.failed, t.checked - t.failed,
	        t.source_fails ? wc_source_fails_phrase : "", em_dash);
	put_counts(out, t.errors, t.warnings, t.infos);
	fputs("**\n", out);
}

static void write_blocking(FILE *out, const wc_report *r, const wc_report_options *opt)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nfindings; k++)
		n += wc_report_blocks(&r->findings[k], opt->fail_on);
	if (!n)
		return;
	fputs(n == 1 ? "\n#### The finding that fails the gate\n\n" : "\n#### Findings that fail the gate\n\n", out);
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		if (!wc_report_blocks(f, opt->fail_on))
			continue;
		fprintf(out, "- %s **%s** ", severity_icon(f->severity), wc_severity_name(f->severity));
		put_code(out, f->check);
		fputs(" ", out);
		put_md(out, f->path);
		fprintf(out, ":%zu:%zu %s ", f->line, f->column, em_dash);
		put_md(out, f->message);
		if (f->expected) {
			fputs(" (expected: ", out);
			put_md(out, f->expected);
			fputs("; found: ", out);
			put_md(out, f->found ? f->found : "(none)");
			fputs(")", out);
		} else if (f->found) {
			fputs(" (found: ", out);
			put_md(out, f->found);
			fputs(")", out);
		}
		fputc('\n', out);
	}
}

static void write_version_findings(FILE *out, const wc_report *r, size_t v,
                                   const wc_report_options *opt)
{
	const wc_version *ver = &r->versions[v];
	size_t shown = 0;
	for (size_t k = 0; k < r->nfindings; k++)
		shown += r->findings[k].version == v && wc_report_shown(opt, &r->findings[k]);
	if (!shown)
		return;
	fputs("\n#### ", out);
	put_md(out, ver->path);
	fputs(" (", out);
	put_md(out, ver->lang);
	fprintf(out, ", %s): ", wc_role_name(ver->role));
	put_counts(out, ver->errors, ver->warnings, ver->infos);
	fputs("\n\n| line | severity | check | message | expected | found |\n", out);
	fputs("|--:|---|---|---|---|---|\n", out);
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		if (f->version != v || !wc_report_shown(opt, f))
			continue;
		fprintf(out, "| %zu:%zu | %s %s | ", f->line, f->column, severity_icon(f->severity),
		        wc_severity_name(f->severity));
		put_code(out, f->check);
		fputs(" | ", out);
		put_md(out, f->message);
		fputs(" | ", out);
		put_md(out, f->expected);
		fputs(" | ", out);
		put_md(out, f->found);
		fputs(" |\n", out);
	}
}

int wc_report_write_markdown(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	write_summary(out, r, opt);
	write_blocking(out, r, opt);
	size_t hidden = wc_report_hidden(r, opt), shown = r->nfindings - hidden;
	if (shown) {
		if (hidden)
			fprintf(out, "\n<details><summary>%zu finding%s at %s or above (%zu below not shown)"
			        "</summary>\n", shown, shown == 1 ? "" : "s",
			        wc_severity_name(opt->min_severity), hidden);
		else
			fprintf(out, "\n<details><summary>All %zu finding%s</summary>\n", shown,
			        shown == 1 ? "" : "s");
		for (size_t v = 0; v < r->nversions; v++)
			write_version_findings(out, r, v, opt);
		fputs("\n</details>\n", out);
	}
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
