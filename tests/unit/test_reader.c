/* test_reader.c — unit tests of the reader layer (reader.h): the plain-text
 * reader's segment map, and the interface itself through a tiny bilingual
 * format read by a fake reader in this file: one buffer yields two versions,
 * and every finding names a line:column of that buffer. */
#include "unit.h"

#define assert_prefix_ok(s, want) assert_memory_equal((s), (want), strlen(want))

/* Where needle first occurs in s[0 .. n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* ---- the plain-text reader ------------------------------------------------------------ */

/* What the plain-text reader emitted (one version at most). */
typedef struct {
	size_t calls;
	wc_segmap v;
	wc_segment seg;
	char lang[8];
} captured;

static int capture(void *ctx, const wc_segmap *v)
{
	captured *c = ctx;
	c->calls++;
	c->v = *v;
	assert_int_equal(v->nsegs, 1);
	c->seg = v->segs[0];
	snprintf(c->lang, sizeof c->lang, "%s", v->lang);
	return WC_OK;
}

static void test_plain_text_map(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		unsigned flags;
		int rc;
		size_t start;           /* the segment's start; its end is always the input's */
		bool has_invalid;
		int line, column;       /* the diagnostic's position, when rc < 0 */
		const char *message;
	} cases[] = {
		{"One line.\nTwo.\n", 0, WC_OK, 0, false, 0, 0, NULL},
		{"\xEF\xBB\xBFWith a byte order mark.\n", 0, WC_OK, 3, false, 0, 0, NULL},
		{"", 0, WC_OK, 0, false, 0, 0, NULL},
		{"Good\nBad \xC3\x28 here\n", 0, WC_EINPUT, 0, false, 2, 5, "invalid UTF-8 at byte offset 9"},
		{"\xEF\xBB\xBF\xFF", 0, WC_EINPUT, 0, false, 1, 1, "invalid UTF-8 at byte offset 3"},
		{"Good\nBad \xC3\x28 here\n", WC_DOC_REPLACE_INVALID, WC_OK, 0, true, 0, 0, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_diags *d = wc_diags_new();
		captured c = {0};
		size_t len = strlen(cases[i].bytes);
		wc_reader_input in = {"in.txt", cases[i].bytes, len, "da", WC_ROLE_TRANSLATION,
		                      cases[i].flags, d};
		int rc = wc_read_plain_text(&in, capture, &c);
		assert_int_equal(rc, cases[i].rc);
		if (rc < 0) {
			assert_int_equal(c.calls, 0);
			assert_int_equal(wc_diags_count(d), 1);
			const wc_diag *g = wc_diags_get(d, 0);
			assert_int_equal(g->line, cases[i].line);
			assert_int_equal(g->column, cases[i].column);
			assert_prefix_ok(g->message, cases[i].message);
		} else {
			assert_int_equal(c.calls, 1);
			assert_string_equal(c.lang, "da");
			assert_int_equal(c.v.role, WC_ROLE_TRANSLATION);
			assert_int_equal(c.v.paras, WC_PARAS_LINES);
			assert_int_equal(c.seg.start, cases[i].start);
			assert_int_equal(c.seg.end, len);
			assert_null(c.seg.text);
			assert_int_equal(c.v.has_invalid, cases[i].has_invalid);
		}
		wc_diags_free(d);
	}
}

/* A NUL byte is no text, and has no line to name. */
static void test_plain_text_nul(void **state)
{
	(void)state;
	const char bytes[] = "ab\0cd";
	wc_diags *d = wc_diags_new();
	captured c = {0};
	wc_reader_input in = {"nul.txt", bytes, sizeof bytes - 1, "en", WC_ROLE_SOURCE,
	                      WC_DOC_REPLACE_INVALID, d};
	assert_int_equal(wc_read_plain_text(&in, capture, &c), WC_EINPUT);
	assert_int_equal(c.calls, 0);
	const wc_diag *g = wc_diags_get(d, 0);
	assert_int_equal(g->line, 0);
	assert_string_equal(g->message, "NUL byte at byte offset 2: not a text file");
	wc_diags_free(d);
}

static void test_format_names(void **state)
{
	(void)state;
	assert_int_equal(wc_input_format_parse("text"), WC_INPUT_TEXT);
	assert_int_equal(wc_input_format_parse("docx"), -1);
	assert_int_equal(wc_input_format_parse(NULL), -1);
	assert_string_equal(wc_input_format_name(WC_INPUT_TEXT), "text");
	assert_null(wc_input_format_name((wc_input_format)17));
	assert_true(wc_reader_for(WC_INPUT_TEXT) == wc_read_plain_text);
	assert_null(wc_reader_for((wc_input_format)17));

	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_bundle_add_text_ex(b, WC_ROLE_SOURCE, "en", "a.txt", "x", 1,
	                                       (wc_input_format)17, d), WC_EUSAGE);
	assert_int_equal(wc_bundle_add_file_ex(b, WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt",
	                                       (wc_input_format)17, d), WC_EUSAGE);
	assert_int_equal(wc_diags_count(d), 2);
	assert_string_equal(wc_diags_get(d, 0)->message, "unknown input format 17 (the formats: text, html, newsml, nitf, ninjs, xliff)");
	assert_string_equal(wc_diags_get(d, 1)->file, "fixtures/zte/zte.en.txt");
	assert_int_equal(wc_bundle_add_file_ex(b, WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt",
	                                       WC_INPUT_TEXT, d), WC_OK);
	wc_diags_free(d);
	wc_bundle_free(b);
}

/* ---- composing segments is preparing the text they make ------------------------------------- */

/* Plain text cut into one segment a line (each ending after its line
 * break), paragraphs by lines: the composing path of text.c. */
static int lines_as_segments(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	wc_segment *segs = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0, st = 0; i < in->len; i++)
		if (in->bytes[i] == '\n' || i + 1 == in->len) {
			*WC_PUSH(segs, n, cap) = (wc_segment){st, i + 1, NULL, 0, 0, 0};
			st = i + 1;
		}
	wc_segmap v = {in->lang, in->role, segs, n, WC_PARAS_LINES, false, NULL, 0};
	int rc = emit(ctx, &v);
	free(segs);
	return rc;
}

/* The same text through both paths: the same prepared text, the same
 * paragraphs, and every ASCII character (where a chunk of NFC starts) at
 * the same line:column.  Only there: where NFC changes a plain text, a
 * non-ASCII character after an ASCII one takes that one's position on the
 * plain path (MAP_CHUNKS in text.c), and its own when composed. */
static void expect_same_doc(const char *name, const char *bytes, size_t len)
{
	const wc_locale *en = wc_ruleset_locale(unit_rules, "en");
	wc_doc a, b;
	assert_int_equal(wc_doc_init(&a, name, en, WC_ROLE_SOURCE, bytes, len, NULL), WC_OK);
	wc_reader_input in = {name, bytes, len, "en", WC_ROLE_SOURCE, 0, NULL};
	assert_int_equal(wc_doc_read(&b, &in, lines_as_segments, en), WC_OK);
	if (a.len != b.len || memcmp(a.text, b.text, a.len) != 0)
		fail_msg("%s: the composed text differs", name);
	assert_int_equal(a.npara, b.npara);
	for (size_t p = 0; p < a.npara; p++) {
		assert_int_equal(a.paras[p].start, b.paras[p].start);
		assert_int_equal(a.paras[p].end, b.paras[p].end);
		if ((unsigned char)a.text[a.paras[p].start] < 0x80)
			assert_int_equal(a.paras[p].line, b.paras[p].line);
	}
	for (size_t o = 0; o < a.len; o++) {
		if ((unsigned char)a.text[o] >= 0x80)
			continue;
		size_t la, ca, lb, cb;
		wc_doc_position(&a, o, &la, &ca);
		wc_doc_position(&b, o, &lb, &cb);
		if (la != lb || ca != cb)
			fail_msg("%s: offset %zu at %zu:%zu, composed at %zu:%zu", name, o, la, ca, lb, cb);
	}
	wc_doc_fini(&a);
	wc_doc_fini(&b);
}

static void test_composed_as_prepared(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"Plain ASCII.\nTwo lines.\n",
		"Blocks of\nwrapped lines.\n\nAnother block\nof two.\n\nAnd a third\none.\n",
		"CRLF line.\r\n\r\nOld Mac\rline.\r\n",
		"Decomposed: so\xCC\x88ndag, Cafe\xCC\x81.\n\xCC\x81 a mark after a line break.\n",
		"Hangul jamo: \xE1\x84\x80\xE1\x85\xA1 end.\n",
		"\xE2\x80\x9CQuoted\xE2\x80\x9D and \xC2\xA0spaced\xE2\x80\x83.\n  \n\xE3\x80\x80Last",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		char name[32];
		snprintf(name, sizeof name, "text %zu", i);
		expect_same_doc(name, texts[i], strlen(texts[i]));
	}
	size_t len;
	char *zte = unit_slurp("fixtures/zte/zte.da.txt", &len);
	expect_same_doc("zte.da.txt", zte, len);
	free(zte);
}

/* ---- a fake bilingual reader ------------------------------------------------------------ */

/* The fake format: units <xx>text</xx> in any layout, xx a language; the
 * first language is the version the file was added as, the second its
 * translation.  Each unit is a paragraph; "&amp;" in a unit is "&", a
 * segment of its own whose text is not its bytes. */
#define FAKE_SEGS 16

typedef struct {
	char lang[3];
	wc_segment segs[FAKE_SEGS];
	size_t n;
} fake_version;

static void fake_segment(fake_version *v, size_t start, size_t end, const char *text, unsigned flags)
{
	assert_true(v->n < FAKE_SEGS);
	v->segs[v->n++] = (wc_segment){start, end, text, text ? strlen(text) : 0, flags, 0};
}

/* The segments of the unit text in[st .. end): runs of bytes, "&amp;" decoded. */
static void fake_unit(fake_version *v, const char *s, size_t st, size_t end)
{
	unsigned flags = WC_SEG_PARA;
	for (size_t i = st; i < end;) {
		const char *amp = find(s + i, end - i, "&amp;");
		size_t run_end = amp ? (size_t)(amp - s) : end;
		if (run_end > i)
			fake_segment(v, i, run_end, NULL, flags);
		if (amp)
			fake_segment(v, run_end, run_end + 5, "&", run_end > i ? 0 : flags);
		flags = 0;
		i = amp ? run_end + 5 : end;
	}
}

static fake_version *fake_version_of(fake_version *v, size_t *nv, const char *lang)
{
	for (size_t k = 0; k < *nv; k++)
		if (memcmp(v[k].lang, lang, 2) == 0)
			return &v[k];
	assert_true(*nv < 2);
	memcpy(v[*nv].lang, lang, 2);
	return &v[(*nv)++];
}

static int fake_read(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	fake_version v[2] = {0};
	size_t nv = 0;
	const char *s = in->bytes;
	for (size_t i = 0; i < in->len;) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		const char *close = i + 4 <= in->len && s[i + 3] == '>'
		                    ? find(s + i + 4, in->len - i - 4, "</") : NULL;
		if (!close) {
			wc_reader_diag(in, i, "a unit is <xx>text</xx>");
			return WC_EINPUT;
		}
		fake_unit(fake_version_of(v, &nv, s + i + 1), s, i + 4, (size_t)(close - s));
		i = (size_t)(close - s) + 5;
	}
	for (size_t k = 0; k < nv; k++) {
		wc_segmap m = {v[k].lang, k ? WC_ROLE_TRANSLATION : in->role, v[k].segs, v[k].n,
		               WC_PARAS_SEGMENTS, false, NULL, 0};
		int rc = emit(ctx, &m);
		if (rc < 0)
			return rc;
	}
	return WC_OK;
}

/* Lines 1 and 3 are the English version, 2 and 4 the Danish; the Danish has
 * another number before the entity, another weekday after it, and leaves a
 * quotation open. */
static const char bilingual[] =
	"<en>ZTE paid 80,000 dollars on Monday &amp; Tuesday.</en>\n"
	"<da>ZTE betalte 90.000 dollar mandag &amp; onsdag.</da>\n"
	"<en>He said \xE2\x80\x9Cthe ban is unfair.\xE2\x80\x9D</en>\n"
	"<da>Han sagde \xE2\x80\x9C" "forbuddet er uretf\xC3\xA6rdigt.</da>\n";

/* The doc of one version: its text is the units joined, its positions the
 * buffer's. */
typedef struct {
	const wc_reader_input *in;
	wc_doc docs[2];
	size_t n;
} fake_docs;

static int fake_doc(void *ctx, const wc_segmap *v)
{
	fake_docs *f = ctx;
	return wc_doc_init_segmap(&f->docs[f->n++], f->in, v, wc_ruleset_locale(unit_rules, v->lang));
}

static void test_fake_reader_docs(void **state)
{
	(void)state;
	assert_int_equal(wc_ruleset_prepare(unit_rules, "da", NULL), WC_OK);
	assert_int_equal(wc_ruleset_prepare(unit_rules, "en", NULL), WC_OK);
	wc_reader_input in = {"story.bi", bilingual, sizeof bilingual - 1, "en", WC_ROLE_SOURCE, 0, NULL};
	fake_docs f = {&in, {{0}}, 0};
	assert_int_equal(fake_read(&in, fake_doc, &f), WC_OK);
	assert_int_equal(f.n, 2);
	wc_doc *en = &f.docs[0], *da = &f.docs[1];
	assert_string_equal(en->text, "ZTE paid 80,000 dollars on Monday & Tuesday.\n"
	                              "He said \xE2\x80\x9Cthe ban is unfair.\xE2\x80\x9D");
	assert_int_equal(en->role, WC_ROLE_SOURCE);
	assert_int_equal(da->role, WC_ROLE_TRANSLATION);
	assert_int_equal(en->npara, 2);
	assert_int_equal(da->npara, 2);
	assert_int_equal(en->paras[1].line, 3);
	assert_int_equal(da->paras[0].line, 2);
	assert_int_equal(da->paras[1].line, 4);
	/* "&" stands for "&amp;": it maps to the entity's first byte, and the
	 * text after it to its own bytes again */
	const char *amp = strchr(da->text, '&');
	size_t line, col;
	wc_doc_position(da, (size_t)(amp - da->text), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 38);
	wc_doc_position(da, (size_t)(amp - da->text) + 2, &line, &col);
	assert_int_equal(col, 44);
	/* the doc holds the whole buffer: its lines are the file's */
	char *l = wc_doc_line_text(da, da->paras[1].start);
	assert_string_equal(l, "<da>Han sagde \xE2\x80\x9C" "forbuddet er uretf\xC3\xA6rdigt.</da>");
	free(l);
	wc_doc_fini(en);
	wc_doc_fini(da);
}

static const wc_finding *finding(const wc_report *r, const char *check, size_t version)
{
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (strcmp(f->check, check) == 0 && f->version == version)
			return f;
	}
	fail_msg("no %s in version %zu", check, version);
	return NULL;
}

/* The whole pipeline on two versions read from one buffer. */
static void test_fake_reader_bundle(void **state)
{
	(void)state;
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_bundle_add_read(b, WC_ROLE_SOURCE, "en", "story.bi", bilingual,
	                                    sizeof bilingual - 1, fake_read, d), WC_OK);
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	assert_non_null(r);
	assert_int_equal(wc_report_version_count(r), 2);
	const wc_version *v0 = wc_report_version(r, 0), *v1 = wc_report_version(r, 1);
	assert_string_equal(v0->path, "story.bi");
	assert_string_equal(v0->lang, "en");
	assert_int_equal(v0->role, WC_ROLE_SOURCE);
	assert_string_equal(v1->path, "story.bi");
	assert_string_equal(v1->lang, "da");
	assert_int_equal(v1->role, WC_ROLE_TRANSLATION);
	static const struct {
		const char *check;
		size_t line, column;
		const char *found;
	} want[] = {
		{"fact.mismatch", 2, 17, NULL},        /* 90.000, before the entity */
		{"quote.unbalanced", 4, 15, NULL},     /* the “ of the last unit */
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const wc_finding *f = finding(r, want[i].check, 1);
		if (f->line != want[i].line || f->column != want[i].column)
			fail_msg("%s at %zu:%zu, want %zu:%zu", f->check, f->line, f->column, want[i].line,
			         want[i].column);
		assert_prefix_ok(f->snippet, "<da>");
	}
	/* onsdag, after the entity, is where the file has it */
	bool weekday = false;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		weekday |= f->found && strstr(f->found, "wednesday") && f->line == 2 && f->column == 44;
	}
	assert_true(weekday);
	assert_int_equal(wc_report_paragraph(r, 1, 1)->line, 4);
	wc_report_free(r);
	wc_diags_free(d);
	wc_bundle_free(b);
}

/* Where one version is read (wc_doc_read), a second one is refused. */
static void test_one_version_only(void **state)
{
	(void)state;
	wc_diags *d = wc_diags_new();
	wc_reader_input in = {"story.bi", bilingual, sizeof bilingual - 1, "en", WC_ROLE_SOURCE, 0, d};
	wc_doc doc;
	assert_int_equal(wc_doc_read(&doc, &in, fake_read, wc_ruleset_locale(unit_rules, "en")),
	                 WC_EUSAGE);
	assert_int_equal(wc_diags_count(d), 1);
	assert_string_equal(wc_diags_get(d, 0)->message, "holds more than one version, where one is read");
	assert_int_equal(doc.npara, 2); /* the first version was read */
	wc_doc_fini(&doc);
	wc_diags_free(d);
}

/* A reader's error names the line and column of the input. */
static void test_fake_reader_error(void **state)
{
	(void)state;
	const char *bad = "<en>Fine.</en>\n  <da>never closed\n";
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_bundle_add_read(b, WC_ROLE_SOURCE, "en", "bad.bi", bad, strlen(bad),
	                                    fake_read, d), WC_EINPUT);
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = wc_diags_get(d, 0);
	assert_string_equal(g->file, "bad.bi");
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 3);
	assert_string_equal(g->message, "a unit is <xx>text</xx>");
	wc_diags_free(d);
	wc_bundle_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_map),
		cmocka_unit_test(test_plain_text_nul),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_composed_as_prepared),
		cmocka_unit_test(test_fake_reader_docs),
		cmocka_unit_test(test_fake_reader_bundle),
		cmocka_unit_test(test_one_version_only),
		cmocka_unit_test(test_fake_reader_error),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
