/* support.c — helpers shared by the unit tests (see unit.h). */
#include "unit.h"
#include "findings.h"

char *unit_read_all(FILE *f, size_t *len)
{
	wc_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wc_buf_add(&b, chunk, n);
	if (len)
		*len = b.len;
	return wc_buf_take(&b);
}

char *unit_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run the tests from the repository root)", path);
	char *s = unit_read_all(f, len);
	fclose(f);
	return s;
}

/* With strict, a warning while loading fails too: it may mean a locale loaded
 * in part, and tests of the locales' own tables must not run on that. */
static wc_ruleset *load_rules(bool strict)
{
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	if (wc_ruleset_load_dir(rs, "rules", d) != WC_OK || (strict && wc_diags_count(d))) {
		wc_diags_print(d, stderr);
		wc_ruleset_free(rs);
		rs = NULL;
	}
	wc_diags_free(d);
	return rs;
}

wc_ruleset *unit_load_rules(void)
{
	return load_rules(false);
}

char *unit_join_lines(const char *const *lines, size_t n)
{
	wc_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		wc_buf_puts(&b, lines[i]);
		wc_buf_putc(&b, '\n');
	}
	return wc_buf_take(&b);
}

/* ---- the shipped rules as a cmocka group fixture ---------------------------- */

wc_ruleset *unit_rules;

int unit_rules_setup(void **state)
{
	(void)state;
	unit_rules = load_rules(false);
	return unit_rules ? 0 : -1;
}

int unit_rules_setup_strict(void **state)
{
	(void)state;
	unit_rules = load_rules(true);
	return unit_rules ? 0 : -1;
}

int unit_rules_teardown(void **state)
{
	(void)state;
	wc_ruleset_free(unit_rules);
	unit_rules = NULL;
	return 0;
}

/* ---- hand-made locales and docs ------------------------------------------------ */

void unit_locale_free(wc_locale *loc)
{
	free(loc->lang);
	free(loc->quotes_also);
	free(loc->group);
	wc_strlist_free(&loc->group_also);
	wc_strlist_free(&loc->colon_suffixes);
	wc_strlist_free(&loc->repeat_ok);
	free(loc);
}

/* Fails the test when the text does not prepare. */
static wc_doc *prepared(wc_doc *doc, int rc, wc_diags *d)
{
	if (rc != WC_OK) {
		wc_diags_print(d, stderr);
		fail_msg("the test's text does not prepare: %s", wc_strerror(rc));
	}
	wc_diags_free(d);
	return doc;
}

wc_doc *unit_doc_new(const wc_locale *loc, const char *text, size_t len)
{
	wc_doc *doc = wc_xcalloc(1, sizeof *doc);
	wc_diags *d = wc_diags_new();
	return prepared(doc, wc_doc_init(doc, "test", loc, WC_ROLE_SOURCE, text, len, d), d);
}

wc_doc *unit_doc_str(const wc_locale *loc, const char *text)
{
	return unit_doc_new(loc, text, strlen(text));
}

wc_doc *unit_doc_load(const wc_locale *loc, const char *path)
{
	size_t len;
	char *text = unit_slurp(path, &len);
	wc_doc *doc = unit_doc_new(loc, text, len);
	free(text);
	return doc;
}

/* The reader of one paragraph: all of the text, lines and all. */
static int one_paragraph(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	wc_segment seg = {0, in->len, NULL, 0, WC_SEG_PARA, 0};
	wc_segmap v = {in->lang, in->role, &seg, 1, WC_PARAS_SEGMENTS, false, NULL, 0};
	return emit(ctx, &v);
}

wc_doc *unit_doc_paragraph(const wc_locale *loc, const char *text)
{
	wc_doc *doc = wc_xcalloc(1, sizeof *doc);
	wc_diags *d = wc_diags_new();
	wc_reader_input in = {"test", text, strlen(text), loc->lang, WC_ROLE_SOURCE, 0, d};
	return prepared(doc, wc_doc_read(doc, &in, one_paragraph, loc), d);
}

void unit_doc_free(wc_doc *doc)
{
	wc_doc_fini(doc);
	free(doc);
}

static size_t para_of(const wc_doc *doc, size_t offset)
{
	size_t p = 0;
	while (p + 1 < doc->npara && doc->paras[p + 1].start <= offset)
		p++;
	return p;
}

size_t unit_line_of(const wc_doc *doc, size_t offset)
{
	return doc->paras[para_of(doc, offset)].line;
}

/* ---- raw findings expected by check and line ------------------------------------ */

static void dump_findings(const wc_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		print_message("  finding: %s line %zu: %s [found %s]\n", wc_check_name((size_t)fs->v[i].check),
		              unit_line_of(fs->v[i].doc, fs->v[i].start), fs->v[i].message,
		              fs->v[i].found ? fs->v[i].found : "-");
}

/* Marks in used the finding that stands for each wanted one; fails on the
 * first that has none. */
static void find_wanted(const wc_findings *fs, const unit_want *w, size_t n, bool *used)
{
	for (size_t k = 0; k < n; k++) {
		bool hit = false;
		for (size_t i = 0; i < fs->n && !hit; i++) {
			const wc_raw_finding *f = &fs->v[i];
			if (!used[i] && f->check == w[k].check && unit_line_of(f->doc, f->start) == w[k].line)
				hit = used[i] = true;
		}
		if (!hit) {
			dump_findings(fs);
			fail_msg("missing %s on line %zu", wc_check_name((size_t)w[k].check), w[k].line);
		}
	}
}

void unit_expect_findings(const wc_findings *fs, const unit_want *w, size_t n)
{
	bool used[256] = {false};
	assert_true(fs->n <= 256);
	find_wanted(fs, w, n, used);
	for (size_t i = 0; i < fs->n; i++) {
		if (!used[i]) {
			dump_findings(fs);
			fail_msg("unexpected %s on line %zu: %s", wc_check_name((size_t)fs->v[i].check),
			         unit_line_of(fs->v[i].doc, fs->v[i].start), fs->v[i].message);
		}
	}
}

/* ---- one check run on a hand-made doc ------------------------------------------------ */

unit_run unit_run_text(wc_locale *loc, const char *text, unit_check_fn check)
{
	unit_run r = {loc, unit_doc_str(loc, text), {0}};
	check(r.doc, &r.fs);
	return r;
}

unit_run unit_run_file(wc_locale *loc, const char *path, unit_check_fn check)
{
	unit_run r = {loc, unit_doc_load(loc, path), {0}};
	check(r.doc, &r.fs);
	return r;
}

void unit_run_free(unit_run *r)
{
	wc_findings_free(&r->fs);
	unit_doc_free(r->doc);
	unit_locale_free(r->loc);
}
