/*
 * report.c — stage 6, first half: turns the raw findings (byte offsets in
 * prepared text) into the public report: lines and columns in the files as
 * read, the snippets the reporters show, counts per version, in a stable
 * order.  The report owns copies of everything, so it outlives the bundle.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *keep(wc_report *r, char *s)
{
	if (s)
		*WC_PUSH(r->strings, r->nstrings, r->strings_cap) = s;
	return s;
}

static const char *keep_copy(wc_report *r, const char *s)
{
	return s ? keep(r, wc_xstrdup(s)) : NULL;
}

static const char *check_name(int check)
{
	return wc_check_name((size_t)check);
}

static void count(wc_version *v, wc_severity s)
{
	if (s == WC_ERROR)
		v->errors++;
	else if (s == WC_WARNING)
		v->warnings++;
	else
		v->infos++;
}

static int by_place(const void *a, const void *b)
{
	const wc_finding *x = a, *y = b;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	int c = strcmp(x->check, y->check);
	if (c)
		return c;
	return strcmp(x->message, y->message);
}

wc_report *wc_report_build(wc_doc *docs, size_t ndocs, const wc_findings *fs)
{
	wc_report *r = wc_xcalloc(1, sizeof *r);
	r->versions = wc_xcalloc(ndocs, sizeof *r->versions);
	r->nversions = ndocs;
	for (size_t i = 0; i < ndocs; i++) {
		r->versions[i].path = keep_copy(r, docs[i].path);
		r->versions[i].lang = keep_copy(r, docs[i].loc->lang);
		r->versions[i].role = docs[i].role;
	}
	r->findings = wc_xcalloc(fs->n ? fs->n : 1, sizeof *r->findings);
	for (size_t i = 0; i < fs->n; i++) {
		const wc_raw_finding *raw = &fs->v[i];
		wc_finding *f = &r->findings[r->nfindings++];
		const wc_doc *d = raw->doc;
		f->check = check_name(raw->check);
		f->severity = raw->severity;
		f->version = d->index;
		f->path = r->versions[d->index].path;
		f->lang = r->versions[d->index].lang;
		wc_doc_position(d, raw->start, &f->line, &f->column);
		wc_doc_position(d, raw->end, &f->end_line, &f->end_column);
		f->start = wc_doc_orig_offset(d, raw->start);
		f->end = wc_doc_orig_offset(d, raw->end);
		f->message = keep_copy(r, raw->message);
		f->expected = keep_copy(r, raw->expected);
		f->found = keep_copy(r, raw->found);
		f->rule = keep_copy(r, raw->rule);
		f->snippet = keep(r, wc_doc_line_text(d, raw->start));
		if (raw->src) {
			f->has_source_ref = 1;
			f->source_path = r->versions[raw->src->index].path;
			wc_doc_position(raw->src, raw->src_start, &f->source_line, &f->source_column);
			f->source_snippet = keep(r, wc_doc_line_text(raw->src, raw->src_start));
		}
		count(&r->versions[d->index], f->severity);
	}
	qsort(r->findings, r->nfindings, sizeof *r->findings, by_place);
	return r;
}
