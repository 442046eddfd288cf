/*
 * diag.c — the list of problems found in user input (rule files, texts).
 * The library collects; only the CLI prints.
 */
#include "escape.h"

#include <stdlib.h>
#include <string.h>

struct wc_diags {
	wc_diag *v;
	size_t n, cap;
};

wc_diags *wc_diags_new(void)
{
	return wc_xcalloc(1, sizeof(wc_diags));
}

void wc_diags_free(wc_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free((char *)d->v[i].file);
		free((char *)d->v[i].message);
		free((char *)d->v[i].excerpt);
	}
	free(d->v);
	free(d);
}

size_t wc_diags_count(const wc_diags *d)
{
	return d ? d->n : 0;
}

const wc_diag *wc_diags_get(const wc_diags *d, size_t i)
{
	return d && i < d->n ? &d->v[i] : NULL;
}

void wc_diags_add(wc_diags *d, const char *file, int line, int column,
                  const char *excerpt, const char *fmt, ...)
{
	if (!d)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = wc_xvasprintf(fmt, ap);
	va_end(ap);
	/* One line per diagnostic, whatever the message carried in. */
	for (char *p = msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	wc_diag *g = WC_PUSH(d->v, d->n, d->cap);
	g->file = wc_xstrdup(file ? file : "");
	g->line = line;
	g->column = column;
	g->message = msg;
	g->excerpt = excerpt ? wc_xstrdup(excerpt) : NULL;
}

static void put_esc(FILE *out, const char *s)
{
	wc_put_escaped(out, s, strlen(s), 0);
}

/* File names, messages and excerpts come from the input: they are escaped
 * (report_write.c), so that a diagnostic stays one line. */
void wc_diags_print(const wc_diags *d, FILE *out)
{
	for (size_t i = 0; d && i < d->n; i++) {
		const wc_diag *g = &d->v[i];
		if (g->file[0]) {
			put_esc(out, g->file);
			if (g->line > 0)
				fprintf(out, ":%d:%d", g->line, g->column);
			fputs(": error: ", out);
		} else {
			fputs("wirecheck: error: ", out);
		}
		put_esc(out, g->message);
		fputc('\n', out);
		if (g->excerpt && g->column > 0) {
			size_t n = strlen(g->excerpt);
			fputs("  ", out);
			wc_put_escaped(out, g->excerpt, n, WC_ESC_KEEP_TAB);
			fputs("\n  ", out);
			/* The caret goes under the column, counted in code points, each
			 * as wide as it was written. */
			size_t cp = 0;
			for (size_t k = 0; k < n && cp + 1 < (size_t)g->column; cp++) {
				bool tab = g->excerpt[k] == '\t';
				for (size_t w = wc_escaped_width(g->excerpt, n, &k); w > 0; w--)
					fputc(tab ? '\t' : ' ', out);
			}
			fputs("^\n", out);
		}
	}
}
