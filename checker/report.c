/*
 * report.c — stage 6, first half: turns the raw findings (byte offsets in
 * prepared text) into the public report: lines and columns in the files as
 * read, the snippets the reporters show, counts per version, in a stable
 * order.  The report owns copies of everything, so it outlives the bundle.
 */
#include "report.h"

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

static wc_fact_status status_of(const wc_doc *d, const wc_xfact *f)
{
	if (d->role == WC_ROLE_SOURCE)
		return WC_FACT_UNCHECKED;
	switch (f->matched) {
	case WC_MATCH_EQUAL: return WC_FACT_MATCHED;
	case WC_MATCH_DIFFERENT: return WC_FACT_MISMATCHED;
	default: return WC_FACT_UNMATCHED;
	}
}

/* Copies what side-by-side views need: text, aligned paragraphs, facts. */
static void keep_doc(wc_report *r, wc_report_doc *rd, const wc_doc *d)
{
	rd->text = wc_xstrndup(d->orig, d->orig_len);
	rd->len = d->orig_len;
	rd->npara = d->npara;
	rd->paras = wc_xcalloc(d->npara ? d->npara : 1, sizeof *rd->paras);
	for (size_t p = 0; p < d->npara; p++) {
		wc_paragraph *q = &rd->paras[p];
		q->line = d->paras[p].line;
		q->start = wc_doc_orig_offset(d, d->paras[p].start);
		q->end = wc_doc_orig_offset(d, d->paras[p].end);
		q->source_para = d->role == WC_ROLE_SOURCE ? (long)p : d->aligned_to ? d->aligned_to[p] : -1;
	}
	rd->nfacts = d->nfacts;
	rd->facts = wc_xcalloc(d->nfacts ? d->nfacts : 1, sizeof *rd->facts);
	for (size_t i = 0; i < d->nfacts; i++) {
		const wc_xfact *x = &d->facts[i];
		wc_report_fact *f = &rd->facts[i];
		f->fact.kind = wc_kind_name(x->kind);
		f->fact.text = keep(r, wc_xstrndup(d->text + x->start, x->end - x->start));
		f->fact.value = keep_copy(r, x->value);
		f->fact.unit = keep_copy(r, x->unit);
		f->fact.rule = keep_copy(r, x->rule->id);
		wc_doc_position(d, x->start, &f->fact.line, &f->fact.column);
		f->fact.start = wc_doc_orig_offset(d, x->start);
		f->fact.end = wc_doc_orig_offset(d, x->end);
		f->para = x->para;
		f->status = status_of(d, x);
	}
}

static void add_finding(wc_report *r, const wc_raw_finding *raw)
{
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
	f->snippet = keep(r, wc_doc_snippet(d, raw->start, &f->snippet_column));
	if (raw->src) {
		f->has_source_ref = 1;
		f->source_path = r->versions[raw->src->index].path;
		wc_doc_position(raw->src, raw->src_start, &f->source_line, &f->source_column);
		f->source_snippet = keep(r, wc_doc_snippet(raw->src, raw->src_start,
		                                           &f->source_snippet_column));
	}
	count(&r->versions[d->index], f->severity);
}

/* One finding for what a check left out on a version: under the check's own
 * name (so that filters and gates by check see it), with the highest severity
 * left out, where the first one left out was. */
static void add_left_out(wc_report *r, const wc_left_out *c, int check)
{
	wc_raw_finding raw = {0};
	raw.check = check;
	raw.severity = c->worst;
	raw.doc = c->doc;
	raw.start = raw.end = c->start;
	raw.message = wc_xasprintf("%zu more %s findings on this version are not shown (at most %d "
	                           "of one check per version)",
	                           c->left_out, check_name(check), WC_MAX_FINDINGS_PER_CHECK);
	add_finding(r, &raw);
	free(raw.message);
}

wc_report *wc_report_build(wc_doc *docs, size_t ndocs, const wc_findings *fs)
{
	wc_report *r = wc_xcalloc(1, sizeof *r);
	r->versions = wc_xcalloc(ndocs, sizeof *r->versions);
	r->docs = wc_xcalloc(ndocs ? ndocs : 1, sizeof *r->docs);
	r->nversions = ndocs;
	for (size_t i = 0; i < ndocs; i++)
		keep_doc(r, &r->docs[i], &docs[i]);
	for (size_t i = 0; i < ndocs; i++) {
		r->versions[i].path = keep_copy(r, docs[i].path);
		r->versions[i].lang = keep_copy(r, docs[i].tag ? docs[i].tag : docs[i].loc->lang);
		r->versions[i].role = docs[i].role;
	}
	size_t summaries = 0;
	for (size_t k = 0; k < fs->nper; k++)
		summaries += fs->per[k].left_out > 0;
	r->findings = wc_xcalloc(fs->n + summaries ? fs->n + summaries : 1, sizeof *r->findings);
	for (size_t i = 0; i < fs->n; i++)
		add_finding(r, &fs->v[i]);
	for (size_t k = 0; k < fs->nper; k++)
		if (fs->per[k].left_out)
			add_left_out(r, &fs->per[k], (int)(k % WC_CHECK_COUNT));
	qsort(r->findings, r->nfindings, sizeof *r->findings, by_place);
	return r;
}
