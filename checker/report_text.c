/*
 * report_text.c — the reporting stage: the text format, for people.
 *
 * Compiler-style lines (`path:line:col: severity: message [check]`) that
 * editors and terminals can jump to, each followed by the line it is about
 * and, when the finding has one, its counterpart in the source; then a
 * summary with one verdict per version, the findings that fail the gate
 * once more (one line each), and the totals.  With --quiet only those
 * findings and the totals line, the run's verdict, are written;
 * --min-severity leaves the findings below it out of the listing.
 *
 * Everything printed from the input (paths, messages, snippets) goes through
 * put_clean() (escaped), so that a control character in wire copy cannot
 * move the cursor, recolour the terminal or forge a line.
 */
#include "report.h"

#include <string.h>
#include <utf8proc.h>

#define SNIPPET_WIDTH 100  /* code points of a line shown at most */
#define SNIPPET_BEFORE 30  /* of which before the column: findings run rightwards */

#define ANSI_RESET "\033[0m"
#define ANSI_ERROR "\033[1;31m"
#define ANSI_WARNING "\033[1;33m"
#define ANSI_INFO "\033[36m"
#define ANSI_DIM "\033[2m"
#define ANSI_PASS "\033[32m"

static const char ellipsis[] = "\xE2\x80\xA6";      /* … */

typedef struct {
	FILE *out;
	int color;
} writer;

/* ---- clean output --------------------------------------------------------- */

/* Control characters and invalid bytes are escaped (report_write.c): a
 * finding stays one line, and wire copy cannot drive the terminal. */
static void put_clean_n(FILE *out, const char *s, size_t n)
{
	wc_put_escaped(out, s, n, 0);
}

static void put_clean(FILE *out, const char *s)
{
	if (s)
		put_clean_n(out, s, strlen(s));
}

static void put_painted(const writer *w, const char *ansi, const char *text)
{
	if (w->color)
		fputs(ansi, w->out);
	put_clean(w->out, text);
	if (w->color)
		fputs(ANSI_RESET, w->out);
}

static const char *severity_ansi(wc_severity s)
{
	switch (s) {
	case WC_ERROR:
		return ANSI_ERROR;
	case WC_WARNING:
		return ANSI_WARNING;
	default:
		return ANSI_INFO;
	}
}

/* ---- snippets ----------------------------------------------------------------- */

/* Byte offset of code point k, counting code points as wc_utf8_count() does
 * (every byte that is not a continuation byte starts one), so that the cut
 * never falls inside a character. */
static size_t code_point_offset(const char *s, size_t n, size_t k)
{
	if (k == 0)
		return 0;
	size_t i = 0;
	for (size_t seen = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (seen++ == k)
			break;
	}
	return i;
}

static size_t without_line_break(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n;
}

/* The code points [first, last) of a line that a snippet shows. */
static void snippet_window(const char *line, size_t n, size_t column, size_t *first, size_t *last,
                           size_t *total)
{
	*total = wc_utf8_count(line, n);
	*first = 0;
	*last = *total;
	if (*total > SNIPPET_WIDTH) {
		size_t at = column ? column - 1 : 0;
		*first = at > SNIPPET_BEFORE ? at - SNIPPET_BEFORE : 0;
		if (*first > *total - SNIPPET_WIDTH)
			*first = *total - SNIPPET_WIDTH;
		*last = *first + SNIPPET_WIDTH;
	}
}

/* Shows at most SNIPPET_WIDTH code points of line around column (1-based),
 * with "…" where the line was cut. */
static void put_snippet(FILE *out, const char *line, size_t column)
{
	size_t n = without_line_break(line), total, first, last;
	snippet_window(line, n, column, &first, &last, &total);
	size_t from = code_point_offset(line, n, first), to = code_point_offset(line, n, last);
	if (first > 0)
		fputs(ellipsis, out);
	/* A tab of the text shows as a space: it is text, not a forged line. */
	wc_put_escaped(out, line + from, to - from, WC_ESC_TAB_SPACE);
	if (last < total)
		fputs(ellipsis, out);
}

/* The columns a terminal gives s[from..to) as put_snippet writes it: an
 * escape its length, a tab one (it shows as a space), a wide character two,
 * a combining mark none (utf8proc's charwidth). */
static size_t display_width(const char *s, size_t from, size_t to)
{
	size_t w = 0;
	for (size_t i = from; i < to;) {
		size_t at = i;
		int32_t c = wc_utf8_next(s, to, &i);
		if (c == '\t') {
			w++;
		} else if (c < 0 || wc_is_control(c)) {
			size_t k = at;
			w += wc_escaped_width(s, to, &k);
		} else {
			int cw = utf8proc_charwidth(c);
			w += cw > 0 ? (size_t)cw : 0;
		}
	}
	return w;
}

/* The caret line under a snippet, as clang and rustc draw it: '^' under the
 * finding's first character, '~' under the rest of its span on that line
 * (columns [column, end), 1-based, end exclusive; end <= column: one caret).
 * indent is what precedes the snippet on its line. */
static void put_caret(const writer *w, const char *line, size_t column, size_t end,
                      size_t indent, wc_severity s)
{
	size_t n = without_line_break(line), total, first, last;
	snippet_window(line, n, column, &first, &last, &total);
	size_t at = column ? column - 1 : 0, stop = end > column ? end - 1 : at + 1;
	if (at < first || at > last)
		return;
	if (stop > last)
		stop = last;
	size_t from = code_point_offset(line, n, first), start = code_point_offset(line, n, at),
	       to = code_point_offset(line, n, stop);
	size_t pad = indent + (first > 0) + display_width(line, from, start);
	size_t span = display_width(line, start, to);
	fprintf(w->out, "%*s", (int)pad, "");
	if (w->color)
		fputs(severity_ansi(s), w->out);
	fputc('^', w->out);
	for (size_t k = 1; k < span; k++)
		fputc('~', w->out);
	if (w->color)
		fputs(ANSI_RESET, w->out);
	fputc('\n', w->out);
}

/* ---- findings ------------------------------------------------------------------ */

static void write_headline(const writer *w, const wc_finding *f)
{
	put_clean(w->out, f->path);
	fprintf(w->out, ":%zu:%zu: ", f->line, f->column);
	put_painted(w, severity_ansi(f->severity), wc_severity_name(f->severity));
	if (f->suppressed)
		fputs(" (suppressed)", w->out);
	fputs(": ", w->out);
	put_clean(w->out, f->message);
	fputc(' ', w->out);
	if (w->color)
		fputs(ANSI_DIM, w->out);
	fputc('[', w->out);
	put_clean(w->out, f->check);
	fputc(']', w->out);
	if (w->color)
		fputs(ANSI_RESET, w->out);
	fputc('\n', w->out);
}

static void write_source_ref(FILE *out, const wc_finding *f)
{
	fputs("  source:   ", out);
	put_clean(out, f->source_path);
	if (f->source_snippet) {
		fprintf(out, ":%zu: ", f->source_line);
		put_snippet(out, f->source_snippet,
		            f->source_snippet_column ? f->source_snippet_column : f->source_column);
	} else {
		fprintf(out, ":%zu:%zu", f->source_line, f->source_column);
	}
	fputc('\n', out);
}

/* Both values are shown when the source gives one: "(none)" is information
 * too (a fact the source has and the translation lacks). */
static void write_values(FILE *out, const wc_finding *f)
{
	fputs("  expected: ", out);
	put_clean(out, f->expected ? f->expected : "(none)");
	fputs("; found: ", out);
	put_clean(out, f->found ? f->found : "(none)");
	fputc('\n', out);
}

static void write_finding(const writer *w, const wc_finding *f)
{
	write_headline(w, f);
	if (f->snippet) {
		static const char label[] = "  text:     ";
		size_t col = f->snippet_column ? f->snippet_column : f->column;
		/* the span in snippet columns: to its end on this line, else to the line's end */
		size_t end = f->end_line == f->line && f->end_column > f->column
		                 ? col + (f->end_column - f->column) : f->end_line > f->line ? SIZE_MAX : col;
		fputs(label, w->out);
		put_snippet(w->out, f->snippet, col);
		fputc('\n', w->out);
		put_caret(w, f->snippet, col, end, sizeof label - 1, f->severity);
	}
	if (f->has_source_ref)
		write_source_ref(w->out, f);
	/* A found value alone repeats what the text line shows. */
	if (f->expected || (f->found && !f->snippet))
		write_values(w->out, f);
}

/* ---- summary ------------------------------------------------------------------- */

static void write_counts(FILE *out, size_t errors, size_t warnings, size_t infos)
{
	fprintf(out, "%zu error%s, %zu warning%s, %zu info", errors, errors == 1 ? "" : "s",
	        warnings, warnings == 1 ? "" : "s", infos);
}

static void write_version_line(const writer *w, const wc_report *r, size_t i,
                               const wc_report_options *opt)
{
	const wc_version *v = &r->versions[i];
	int fails = wc_report_version_fails(r, i, opt->fail_on);
	put_clean(w->out, v->path);
	fputs(" (", w->out);
	put_clean(w->out, v->lang);
	fprintf(w->out, ", %s): ", wc_role_name(v->role));
	put_painted(w, fails ? ANSI_ERROR : ANSI_PASS, fails ? "FAIL" : "PASS");
	fputs(" \xE2\x80\x94 ", w->out); /* — */
	write_counts(w->out, v->errors, v->warnings, v->infos);
	fputc('\n', w->out);
}

/* A count, painted when it is not zero and colour is on. */
static void put_count(const writer *w, const char *ansi, size_t n, const char *one, const char *many)
{
	if (w->color && n)
		fputs(ansi, w->out);
	fprintf(w->out, "%zu %s", n, n == 1 ? one : many);
	if (w->color && n)
		fputs(ANSI_RESET, w->out);
}

/* The totals count what was checked against the source, and the findings
 * of every version, the source's too: the line never contradicts the exit
 * status.  This is the verdict line, the last line of every text report. */
static void write_totals(const writer *w, const wc_report *r, const wc_report_options *opt)
{
	wc_totals t;
	wc_report_totals(r, opt->fail_on, &t);
	fprintf(w->out, "%zu version%s checked: ", t.checked, t.checked == 1 ? "" : "s");
	put_count(w, ANSI_ERROR, t.failed, "failed", "failed");
	fputs(", ", w->out);
	put_count(w, ANSI_PASS, t.checked - t.failed, "passed", "passed");
	if (t.source_fails)
		put_painted(w, ANSI_ERROR, wc_source_fails_phrase);
	fputs(" \xE2\x80\x94 ", w->out); /* — */
	put_count(w, ANSI_ERROR, t.errors, "error", "errors");
	fputs(", ", w->out);
	put_count(w, ANSI_WARNING, t.warnings, "warning", "warnings");
	fputs(", ", w->out);
	put_count(w, ANSI_INFO, t.infos, "info", "info");
	size_t suppressed = 0;
	for (size_t i = 0; i < r->nversions; i++)
		suppressed += r->versions[i].suppressed;
	if (suppressed)
		fprintf(w->out, " (%zu suppressed)", suppressed);
	fputc('\n', w->out);
}

/* The findings that fail the gate, repeated one line each above the verdict
 * line (clang's "N errors generated", ESLint's summary): however long the
 * report, what must be fixed is at its end.  --quiet keeps only these. */
static void write_blocking(const writer *w, const wc_report *r, const wc_report_options *opt)
{
	wc_totals t;
	wc_report_totals(r, opt->fail_on, &t);
	if (!t.blocking)
		return;
	if (!opt->quiet)
		fprintf(w->out, "%s fail%s the gate (--fail-on %s):\n",
		        t.blocking == 1 ? "This finding" : "These findings", t.blocking == 1 ? "s" : "",
		        wc_severity_name(opt->fail_on));
	for (size_t i = 0; i < r->nfindings; i++)
		if (wc_report_blocks(&r->findings[i], opt->fail_on))
			write_headline(w, &r->findings[i]);
}

/* A note of what --min-severity hides, so that counts and lines agree. */
static void write_hidden(const writer *w, const wc_report *r, const wc_report_options *opt)
{
	size_t hidden = wc_report_hidden(r, opt);
	if (hidden)
		fprintf(w->out, "(%zu finding%s below %s not shown: --min-severity %s)\n", hidden,
		        hidden == 1 ? "" : "s", wc_severity_name(opt->min_severity),
		        wc_severity_name(opt->min_severity));
}

int wc_report_write_text(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	writer w = {out, opt->color};
	if (!opt->quiet) {
		size_t shown = 0;
		for (size_t i = 0; i < r->nfindings; i++)
			if (wc_report_shown(opt, &r->findings[i]) &&
			    (!r->findings[i].suppressed || opt->show_suppressed)) {
				write_finding(&w, &r->findings[i]);
				shown++;
			}
		if (shown)
			fputc('\n', out);
		for (size_t i = 0; i < r->nversions; i++)
			write_version_line(&w, r, i, opt);
		write_hidden(&w, r, opt);
	}
	write_blocking(&w, r, opt);
	write_totals(&w, r, opt);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
