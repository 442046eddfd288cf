/*
 * bundle.c — runs the pipeline over a story bundle: read each input into
 * its versions (reader.h) and prepare each version (text.c), extract its facts (extract.c), check its own text (check_*.c),
 * align each translation to the source (align.c), match facts and
 * quotations across versions (check_facts.c, check_quotes.c), judge each
 * translation as a whole (check_version.c), and hand the
 * findings to report.c.  Related coverage is checked for contradictions only.
 * Which pass runs on which version, and when, is checks.def's: the roles and
 * stage columns of the checks a pass emits.
 */
#include "facts.h"
#include "checks.h"
#include "report.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>

struct wc_bundle {
	wc_ruleset *rs;
	unsigned doc_flags;
	size_t max_input;       /* 0 = WC_MAX_INPUT_DEFAULT */
	double min_coverage;    /* version.coverage's threshold; 0 = off */
	wc_doc *docs;
	size_t ndocs, cap;
};

wc_bundle *wc_bundle_new(wc_ruleset *rs)
{
	wc_bundle *b = wc_xcalloc(1, sizeof *b);
	b->rs = rs;
	b->min_coverage = WC_MIN_COVERAGE_DEFAULT;
	return b;
}

int wc_bundle_set_min_coverage(wc_bundle *b, double share)
{
	if (!(share >= 0 && share <= 1))
		return WC_EUSAGE;
	b->min_coverage = share;
	return WC_OK;
}

void wc_bundle_set_replace_invalid(wc_bundle *b, int on)
{
	if (on)
		b->doc_flags |= WC_DOC_REPLACE_INVALID;
	else
		b->doc_flags &= ~WC_DOC_REPLACE_INVALID;
}

void wc_bundle_set_max_input(wc_bundle *b, size_t max)
{
	b->max_input = max;
}

void wc_bundle_free(wc_bundle *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ndocs; i++)
		wc_doc_fini(&b->docs[i]);
	free(b->docs);
	free(b);
}

/* Whether a version in lang with role may join: its language compiles, and
 * a bundle has one source. */
static int admit(wc_bundle *b, wc_role role, const char *lang, const char *path, wc_diags *diags)
{
	int rc = wc_ruleset_prepare(b->rs, lang, diags);
	if (rc < 0)
		return rc;
	if (role == WC_ROLE_SOURCE)
		for (size_t i = 0; i < b->ndocs; i++)
			if (b->docs[i].role == WC_ROLE_SOURCE) {
				wc_diags_add(diags, path, 0, 0, NULL, "a bundle has one source; %s is one already",
				             b->docs[i].path);
				return WC_EUSAGE;
			}
	return WC_OK;
}

typedef struct {
	wc_bundle *b;
	const wc_reader_input *in;
	bool admitted;          /* the input's own language and role: admitted before reading */
} adding;

static int add_version(void *ctx, const wc_segmap *v);

/* A version whose document names no language: identified from its text,
 * as prepared (the markup is no part of it). */
static int add_unnamed(adding *a, const wc_segmap *v)
{
	wc_doc d;
	int rc = wc_doc_init_segmap(&d, a->in, v, NULL);
	const char *lang = NULL;
	double conf = 0;
	if (rc >= 0 && wc_identify_language(a->b->rs, d.text, d.len, &lang, &conf) < 0) {
		wc_diags_add(a->in->diags, a->in->path, 0, 0, NULL,
		             "cannot tell the language (best guess %s, confidence %.2f): write it as LANG:%s "
		             "or give it in the document",
		             lang ? lang : "none", conf, a->in->path);
		rc = WC_ELANG;
	}
	wc_doc_fini(&d);
	if (rc < 0)
		return rc;
	wc_segmap named = *v;
	named.lang = lang;
	return add_version(a, &named);
}

/* The reader's emit: each version of the input becomes a doc of the bundle. */
static int add_version(void *ctx, const wc_segmap *v)
{
	adding *a = ctx;
	if (!v->lang)
		return add_unnamed(a, v);
	bool pre = a->admitted && a->in->lang && v->role == a->in->role &&
	           strcmp(v->lang, a->in->lang) == 0;
	a->admitted = false;
	int rc = pre ? WC_OK : admit(a->b, v->role, v->lang, a->in->path, a->in->diags);
	if (rc < 0)
		return rc;
	wc_doc d;
	rc = wc_doc_init_segmap(&d, a->in, v, wc_ruleset_locale(a->b->rs, v->lang));
	if (rc < 0) {
		wc_doc_fini(&d);
		return rc;
	}
	/* A BCP 47 tag selects its base language's locale; reports keep the tag. */
	if (v->lang && strcmp(v->lang, d.loc->lang) != 0)
		d.tag = wc_xstrdup(v->lang);
	*WC_PUSH(a->b->docs, a->b->ndocs, a->b->cap) = d;
	return WC_OK;
}

static int unknown_format(wc_input_format format, const char *path, wc_diags *diags)
{
	wc_buf names = {0};
	wc_input_format_list(&names);
	wc_diags_add(diags, path, 0, 0, NULL, "unknown input format %d (the formats: %s)", (int)format,
	             names.s);
	wc_buf_free(&names);
	return WC_EUSAGE;
}

int wc_bundle_add_read(wc_bundle *b, wc_role role, const char *lang, const char *path,
                       const char *bytes, size_t len, wc_reader_fn read, wc_diags *diags)
{
	/* Language and role first: a version that cannot join is refused before
	 * its bytes are looked at, whatever they hold.  Without a language, the
	 * reader's versions are admitted as they come. */
	int rc = lang ? admit(b, role, lang, path, diags) : WC_OK;
	if (rc < 0)
		return rc;
	wc_reader_input in = {path, bytes, len, lang, role, b->doc_flags, diags};
	adding a = {b, &in, true};
	return read(&in, add_version, &a);
}

int wc_bundle_add_text_ex(wc_bundle *b, wc_role role, const char *lang, const char *path,
                          const char *text, size_t len, wc_input_format format, wc_diags *diags)
{
	if (format == WC_INPUT_AUTO)
		format = wc_input_format_detect(path, text, len);
	wc_reader_fn read = wc_reader_for(format);
	if (!read)
		return unknown_format(format, path, diags);
	return wc_bundle_add_read(b, role, lang, path, text, len, read, diags);
}

int wc_bundle_add_text(wc_bundle *b, wc_role role, const char *lang, const char *path,
                       const char *text, size_t len, wc_diags *diags)
{
	return wc_bundle_add_text_ex(b, role, lang, path, text, len, WC_INPUT_TEXT, diags);
}

int wc_bundle_add_file(wc_bundle *b, wc_role role, const char *lang, const char *path,
                       wc_diags *diags)
{
	return wc_bundle_add_input(b, role, lang, path, path, WC_INPUT_TEXT, diags);
}

int wc_bundle_add_file_ex(wc_bundle *b, wc_role role, const char *lang, const char *path,
                          wc_input_format format, wc_diags *diags)
{
	return wc_bundle_add_input(b, role, lang, path, path, format, diags);
}

int wc_bundle_add_input(wc_bundle *b, wc_role role, const char *lang, const char *path,
                        const char *name, wc_input_format format, wc_diags *diags)
{
	if (format != WC_INPUT_AUTO && !wc_reader_for(format))
		return unknown_format(format, name, diags);
	wc_buf text = {0};
	unsigned flags = b->doc_flags & WC_DOC_REPLACE_INVALID ? WC_READ_KEEP_INVALID : 0;
	int rc = wc_read_input(path, name, b->max_input, flags, &text, diags);
	if (rc < 0)
		return rc;
	rc = wc_bundle_add_text_ex(b, role, lang, name, text.s ? text.s : "", text.len, format, diags);
	wc_buf_free(&text);
	return rc;
}

static wc_doc *source_of(wc_bundle *b)
{
	for (size_t i = 0; i < b->ndocs; i++)
		if (b->docs[i].role == WC_ROLE_SOURCE)
			return &b->docs[i];
	return NULL;
}

/* The source goes first: reports list it as version 0. */
static void put_source_first(wc_bundle *b)
{
	wc_doc *src = source_of(b);
	if (src != &b->docs[0]) {
		wc_doc tmp = *src;
		memmove(&b->docs[1], &b->docs[0], (size_t)(src - b->docs) * sizeof tmp);
		b->docs[0] = tmp;
	}
	for (size_t i = 0; i < b->ndocs; i++)
		b->docs[i].index = i;
}

/* ---- the passes of checks.def --------------------------------------------------- */

int wc_pass_extract(const wc_pass *p)
{
	return wc_extract_doc(p->rs, p->doc, p->fs, p->diags) < 0 ? WC_ERULES : WC_OK;
}

int wc_pass_quotes(const wc_pass *p)
{
	wc_check_quotes(p->doc, p->fs);
	return WC_OK;
}

int wc_pass_text(const wc_pass *p)
{
	wc_check_text(p->doc, p->fs);
	return WC_OK;
}

int wc_pass_numbers(const wc_pass *p)
{
	wc_check_numbers(p->doc, p->fs);
	return WC_OK;
}

/* A translation without text gets one finding (version.empty), not one for
 * every fact and quotation of the source. */
int wc_pass_facts(const wc_pass *p)
{
	if (!p->empty)
		wc_match_facts(p->rs, p->src, p->doc, p->al, p->fs);
	return WC_OK;
}

int wc_pass_quote_pairs(const wc_pass *p)
{
	if (!p->empty) {
		wc_check_quote_missing(p->src, p->doc, p->al, p->fs);
		wc_quote_defects_as_in_source(p->src, p->doc, p->al, p->fs);
	}
	return WC_OK;
}

int wc_pass_version(const wc_pass *p)
{
	wc_check_version(p->rs, p->src, p->doc, p->al, p->min_coverage, p->fs);
	return WC_OK;
}

static const struct {
	int stage;
	unsigned roles;
	int (*run)(const wc_pass *);
} registry[] = {
#define WC_CHECK(e, name, sev, roles, stage, pass, desc) {stage, roles, pass},
#include "checks.def"
#undef WC_CHECK
};

/* The roles a pass runs on: those of all its checks.  0 for any but the
 * first line of the pass, so that it runs once. */
static unsigned pass_roles(size_t i)
{
	unsigned roles = 0;
	for (size_t j = 0; j < WC_CHECK_COUNT; j++) {
		if (registry[j].run != registry[i].run)
			continue;
		if (j < i)
			return 0;
		roles |= registry[j].roles;
	}
	return roles;
}

/* Runs the passes of one stage on p->doc, in the order of checks.def. */
static int run_stage(int stage, const wc_pass *p)
{
	for (size_t i = 0; i < WC_CHECK_COUNT; i++) {
		if (registry[i].stage != stage || !(pass_roles(i) & (1u << p->doc->role)))
			continue;
		int rc = registry[i].run(p);
		if (rc < 0)
			return rc;
	}
	return WC_OK;
}

/* Every version's facts and own text first: the pairs need both sides'. */
static int check_versions(wc_bundle *b, wc_findings *fs, wc_diags *diags)
{
	for (size_t i = 0; i < b->ndocs; i++) {
		wc_pass p = {.rs = b->rs, .doc = &b->docs[i], .fs = fs, .diags = diags};
		int rc = run_stage(WC_STAGE_EXTRACT, &p);
		if (rc < 0)
			return rc;
		if ((rc = run_stage(WC_STAGE_TEXT, &p)) < 0)
			return rc;
	}
	return WC_OK;
}

static int check_pairs(wc_bundle *b, wc_findings *fs, wc_diags *diags)
{
	wc_doc *src = &b->docs[0];
	for (size_t i = 1; i < b->ndocs; i++) {
		wc_doc *d = &b->docs[i];
		wc_alignment al;
		wc_align_docs(src, d, &al);
		wc_pass p = {.rs = b->rs, .doc = d, .src = src, .al = &al,
		             .empty = d->role == WC_ROLE_TRANSLATION && d->npara == 0,
		             .min_coverage = b->min_coverage, .fs = fs, .diags = diags};
		int rc = run_stage(WC_STAGE_PAIR, &p);
		/* The report keeps the alignment for side-by-side views. */
		free(d->aligned_to);
		d->aligned_to = al.t2s;
		al.t2s = NULL;
		wc_alignment_free(&al);
		if (rc < 0)
			return rc;
	}
	return WC_OK;
}

wc_report *wc_bundle_check(wc_bundle *b, wc_diags *diags, int *err)
{
	*err = WC_OK;
	if (!source_of(b)) {
		wc_diags_add(diags, "", 0, 0, NULL, "no source version: give one with --source FILE");
		*err = WC_EUSAGE;
		return NULL;
	}
	put_source_first(b);
	wc_findings fs = {0};
	int rc = check_versions(b, &fs, diags);
	if (rc >= 0)
		rc = check_pairs(b, &fs, diags);
	if (rc < 0) {
		*err = rc;
		wc_findings_free(&fs);
		return NULL;
	}
	wc_report *r = wc_report_build(b->docs, b->ndocs, &fs);
	wc_findings_free(&fs);
	/* what an editor marked reviewed in the copy itself (markers.c) */
	wc_report_apply_markers(r);
	return r;
}
