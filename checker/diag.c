/*
 * diag.c — the list of problems found in user input (rule files, texts).
 * The library collects; only the CLI prints.
 */
#include "internal.h"

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

void wc_diags_print(const wc_diags *d, FILE *out)
{
	for (size_t i = 0; d && i < d->n; i++) {
		const wc_diag *g = &d->v[i];
		if (g->file[0] && g->line > 0)
			fprintf(out, "%s:%d:%d: error: %s\n", g->file, g->line, g->column, g->message);
		else if (g->file[0])
			fprintf(out, "%s: error: %s\n", g->file, g->message);
		else
			fprintf(out, "wirecheck: error: %s\n", g->message);
		if (g->excerpt && g->column > 0) {
			fprintf(out, "  %s\n  ", g->excerpt);
			/* The caret goes under the column, counted in code points. */
			size_t cp = 0;
			for (const char *p = g->excerpt; *p && cp + 1 < (size_t)g->column; p++) {
				if (((unsigned char)*p & 0xC0) == 0x80)
					continue;
				fputc(*p == '\t' ? '\t' : ' ', out);
				cp++;
			}
			fputs("^\n", out);
		}
	}
}
