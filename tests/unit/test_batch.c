/* test_batch.c — unit tests of batch.c: records into bundles (schema and its
 * errors), the compact report line, and the engine: input order kept with
 * several workers and a small window, -j 2 identical to -j 1, malformed lines
 * reported in place, blank lines skipped, bundles of files, statistics. */
#include "unit.h"
#include "batch.h"

#define assert_prefix(s, want) assert_memory_equal((s), (want), strlen(want))

/* ---- wc_json_compact --------------------------------------------------------------------- */

static void test_compact(void **state)
{
	(void)state;
	char s[] = "{\n  \"a b\": [1, 2],\n  \"c\": \"x \\\" y\\\\\", \"d\": \"\\\\\"\n}\n";
	size_t n = wc_json_compact(s, strlen(s));
	s[n] = '\0';
	assert_string_equal(s, "{\"a b\":[1,2],\"c\":\"x \\\" y\\\\\",\"d\":\"\\\\\"}");
}

/* ---- records ------------------------------------------------------------------------------- */

/* Builds the bundle of record text; returns it, and *error / *id. */
static wc_bundle *record(const char *text, char **id, char **error)
{
	char *buf = wc_xstrdup(text);
	wc_bundle *b = wc_batch_record_bundle(unit_rules, buf, strlen(buf), NULL, id, error);
	free(buf); /* the bundle holds copies */
	return b;
}

static void test_record_paths(void **state)
{
	(void)state;
	char *id, *error;
	wc_bundle *b = record("{\"id\": \"s1\", \"meta\": {\"any\": [1]},"
	                      " \"source\": {\"lang\": \"en\", \"text\": \"ZTE paid 80,000 dollars.\"},"
	                      " \"translations\": [{\"lang\": \"da\", \"text\": \"ZTE betalte 80.000 dollar.\"},"
	                      "   {\"lang\": \"sv\", \"text\": \"ZTE betalade 80 000 dollar.\", \"path\": \"x/zte.sv.txt\","
	                      "    \"format\": \"text\"}],"
	                      " \"related\": [{\"lang\": \"en\", \"text\": \"ZTE paid.\"}]}",
	                      &id, &error);
	assert_non_null(b);
	assert_null(error);
	assert_string_equal(id, "s1");
	wc_diags *d = wc_diags_new();
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	assert_non_null(r);
	assert_int_equal(wc_report_version_count(r), 4);
	assert_string_equal(wc_report_version(r, 0)->path, "s1/source1.en");
	assert_string_equal(wc_report_version(r, 1)->path, "s1/translation1.da");
	assert_string_equal(wc_report_version(r, 2)->path, "x/zte.sv.txt");
	assert_string_equal(wc_report_version(r, 3)->path, "s1/related1.en");
	assert_int_equal(wc_report_version(r, 3)->role, WC_ROLE_RELATED);
	wc_report_free(r);
	wc_diags_free(d);
	wc_bundle_free(b);
	free(id);
}

static void test_record_numeric_id_and_file(void **state)
{
	(void)state;
	char *id, *error;
	wc_bundle *b = record("{\"id\": 42, \"source\": {\"lang\": \"en\", \"path\": \"fixtures/zte/zte.en.txt\"}}",
	                      &id, &error);
	assert_non_null(b);
	assert_string_equal(id, "42");
	wc_diags *d = wc_diags_new();
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	assert_string_equal(wc_report_version(r, 0)->path, "fixtures/zte/zte.en.txt");
	wc_report_free(r);
	wc_diags_free(d);
	wc_bundle_free(b);
	free(id);
}

static void test_record_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *error;
		int has_id;
	} cases[] = {
		{"{\"id\": \"a\",}", "column 12: a trailing comma", 0},
		{"[]", "column 1: a record must be an object, not an array", 0},
		{"{\"source\": {\"lang\": \"en\", \"text\": \"x\"}}", "column 1: the record has no \"id\"", 0},
		{"{\"id\": \"\", \"source\": {}}", "column 8: \"id\" must be a non-empty string or a number", 0},
		{"{\"id\": true}", "column 8: \"id\" must be a non-empty string or a number", 0},
		{"{\"id\": \"a\"}", "column 1: the record has no \"source\"", 1},
		{"{\"id\": \"a\", \"sources\": 1}",
		 "column 13: unknown key \"sources\" (id, source, translations, related, meta)", 1},
		/* the id is read first: an error line names its record */
		{"{\"id\": \"a\", \"id\": \"b\"}", "column 13: \"id\" twice", 1},
		{"{\"id\": \"a\", \"source\": []}", "column 23: \"source\" must be an object, not an array", 1},
		{"{\"id\": \"a\", \"source\": {\"text\": \"x\"}}", "column 23: \"source\" has no \"lang\"", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\"}}",
		 "column 23: \"source\" has neither \"text\" nor \"path\"", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": 1, \"text\": \"x\"}}",
		 "column 32: \"source\" \"lang\" must be a string, not a number", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": 1}}",
		 "column 46: \"source\" \"text\" must be a string, not a number", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\", \"txt\": 1}}",
		 "column 51: \"source\" has an unknown key \"txt\" (lang, text, path, format, meta)", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\", \"format\": \"xml\"}}",
		 "column 61: \"source\" \"format\" \"xml\" is unknown (the formats: text, html, newsml, nitf, ninjs, xliff)", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\", \"format\": 1}}",
		 "column 61: \"source\" \"format\" must be a string, not a number", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\"}, \"translations\": [{\"lang\": \"da\", "
		 "\"text\": \"y\", \"format\": \"\"}]}",
		 "column 107: translations[0] \"format\" must be a non-empty string without NUL", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\"}, \"translations\": {}}",
		 "column 68: \"translations\" must be an array, not an object", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"x\"}, \"translations\": [{\"lang\": \"da\"}]}",
		 "column 69: translations[0] has neither \"text\" nor \"path\"", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"path\": \"-\"}}",
		 "column 46: \"source\" \"path\" cannot be \"-\" in a batch", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"xx\", \"text\": \"x\"}}",
		 "no locale for language 'xx'", 1},
		{"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"a\\u0000b\"}}",
		 "a/source1.en: NUL byte at byte offset 1", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *id, *error;
		wc_bundle *b = record(cases[i].text, &id, &error);
		/* The library's own messages (the last cases) are matched by their start. */
		if (b || !error || strncmp(error, cases[i].error, strlen(cases[i].error)) != 0 ||
		    !!id != cases[i].has_id)
			fail_msg("%s: got '%s' (id %s), want '%s'", cases[i].text, error ? error : "no error",
			         id ? id : "none", cases[i].error);
		free(error);
		free(id);
	}
}

/* ---- the engine ------------------------------------------------------------------------------ */

typedef struct {
	char *s;
	size_t n;
	wc_batch_stats st;
	size_t calls;
} run_out;

static void count_progress(const wc_batch_stats *st, void *ctx)
{
	run_out *o = ctx;
	o->calls++;
	assert_int_equal(st->done, o->calls);
}

/* Runs the JSON Lines text through a batch of `threads` workers and a
 * window of `window` bundles. */
static void run_batch(const char *jsonl, unsigned threads, size_t window, size_t max_bytes,
                      run_out *o)
{
	memset(o, 0, sizeof *o);
	FILE *out = open_memstream(&o->s, &o->n);
	FILE *in = fmemopen((void *)jsonl, strlen(jsonl), "r");
	assert_non_null(in);
	wc_batch_options opt = {.threads = threads, .window = window, .max_bytes = max_bytes,
	                        .format = WC_FORMAT_JSON, .report = {.fail_on = WC_ERROR},
	                        .progress = count_progress, .progress_ctx = o};
	wc_diags *d = wc_diags_new();
	wc_batch *b = wc_batch_new(unit_rules, &opt, out, d);
	assert_non_null(b);
	assert_int_equal(wc_batch_read_jsonl(b, in, 1), 0);
	assert_int_equal(wc_batch_finish(b, &o->st), 0);
	wc_batch_free(b);
	wc_diags_free(d);
	fclose(in);
	fclose(out);
}

/* Records of varied sizes (so that later ones often finish first), some
 * malformed, some blank, the last without a newline. */
static char *make_stream(size_t n)
{
	wc_buf b = {0};
	for (size_t i = 1; i <= n; i++) {
		if (i % 7 == 0) {
			wc_buf_printf(&b, "{\"id\": \"r%zu\", \"source\": \n", i);
			continue;
		}
		if (i % 11 == 0) {
			wc_buf_puts(&b, "   \n");
			continue;
		}
		wc_buf_printf(&b, "{\"id\": \"r%zu\", \"source\": {\"lang\": \"en\", \"text\": \"", i);
		for (size_t k = 0; k < (i * 37) % 23 + 1; k++)
			wc_buf_printf(&b, "The company paid %zu dollars on Monday, said \\\"Li Wei\\\". ", i * 1000 + k);
		wc_buf_printf(&b, "\"}, \"translations\": [{\"lang\": \"da\", \"text\": \"Selskabet betalte %zu dollar.\"}]}",
		              i % 5 == 0 ? i * 1000 + 1 : i * 1000);
		if (i < n)
			wc_buf_putc(&b, '\n');
	}
	return wc_buf_take(&b);
}

static void test_order_and_errors(void **state)
{
	(void)state;
	char *stream = make_stream(60);
	run_out one, two;
	run_batch(stream, 1, 0, 0, &one);
	run_batch(stream, 2, 3, 0, &two);
	/* -j 2 writes exactly what -j 1 writes */
	assert_int_equal(one.n, two.n);
	assert_memory_equal(one.s, two.s, one.n);
	/* one line per non-blank record, in input order, with its line number */
	size_t line = 0, records = 0, errors = 0;
	for (char *p = one.s; p < one.s + one.n; p = strchr(p, '\n') + 1) {
		do
			line++;
		while (line % 11 == 0);
		char want[128];
		if (line % 7 == 0) {
			snprintf(want, sizeof want, "{\"line\":%zu,\"error\":\"column ", line);
			errors++;
		} else {
			snprintf(want, sizeof want, "{\"id\":\"r%zu\",\"line\":%zu,\"wirecheck\":1,", line, line);
		}
		if (strncmp(p, want, strlen(want)) != 0)
			fail_msg("line %zu: '%.80s', want '%s'", line, p, want);
		records++;
	}
	assert_int_equal(line, 60);
	assert_int_equal(one.st.done, records);
	assert_int_equal(one.st.errors, errors);
	assert_int_equal(one.calls, records);
	assert_int_equal(two.st.errors, errors);
	assert_int_equal(two.st.failed, one.st.failed);
	/* bytes: every line read, blank ones aside */
	assert_true(one.st.bytes > 0 && one.st.bytes <= strlen(stream) + 1);
	free(one.s);
	free(two.s);
	free(stream);
}

/* A byte budget smaller than one record still lets every record through. */
static void test_tiny_budget(void **state)
{
	(void)state;
	char *stream = make_stream(20);
	run_out a, b;
	run_batch(stream, 2, 0, 1, &a);
	run_batch(stream, 1, 1, 0, &b);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.s, b.s, a.n);
	free(a.s);
	free(b.s);
	free(stream);
}

static void test_gate_counts(void **state)
{
	(void)state;
	const char *jsonl =
		"{\"id\": \"q\", \"source\": {\"lang\": \"en\", \"text\": \"He said \\\"yes.\"}}\n"
		"{\"id\": \"ok\", \"source\": {\"lang\": \"en\", \"text\": \"Fine.\"}}\n";
	run_out o;
	run_batch(jsonl, 2, 0, 0, &o);
	assert_int_equal(o.st.done, 2);
	assert_int_equal(o.st.failed, 1); /* quote.unbalanced is an error */
	assert_int_equal(o.st.errors, 0);
	assert_non_null(strstr(o.s, "{\"id\":\"q\",\"line\":1,"));
	assert_non_null(strstr(o.s, "\"check\":\"quote.unbalanced\""));
	free(o.s);
}

static void test_add_json_and_files(void **state)
{
	(void)state;
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	wc_batch_options opt = {.threads = 2, .format = WC_FORMAT_JSON, .report = {.fail_on = WC_ERROR}};
	wc_diags *d = wc_diags_new();
	wc_batch *b = wc_batch_new(unit_rules, &opt, out, d);
	const char rec[] = "{\"id\": \"x\", \"source\": {\"lang\": \"sv\", \"text\": \"Hej.\"}}trailing";
	assert_int_equal(wc_batch_add_json(b, rec, sizeof rec - 1 - 8, 9), WC_OK);
	wc_batch_file zte[] = {{WC_ROLE_TRANSLATION, "da", "fixtures/zte/zte.da.txt"},
	                       {WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt"}};
	assert_int_equal(wc_batch_add_files(b, "zte", zte, 2), WC_OK);
	wc_batch_file nosrc[] = {{WC_ROLE_TRANSLATION, "da", "fixtures/zte/zte.da.txt"}};
	assert_int_equal(wc_batch_add_files(b, "orphan", nosrc, 1), WC_OK);
	wc_batch_file missing[] = {{WC_ROLE_SOURCE, "en", "fixtures/zte/none.en.txt"}};
	assert_int_equal(wc_batch_add_files(b, "gone", missing, 1), WC_OK);
	wc_batch_stats st;
	assert_int_equal(wc_batch_finish(b, &st), WC_OK);
	assert_int_equal(wc_batch_add_json(b, rec, 3, 10), WC_EUSAGE); /* finished */
	wc_batch_free(b);
	wc_diags_free(d);
	fclose(out);
	assert_int_equal(st.done, 4);
	assert_int_equal(st.errors, 2);
	assert_int_equal(st.bytes, (sizeof rec - 1 - 8 + 1) + 4917 + 5225 + 5225);
	char *l2 = strchr(s, '\n') + 1, *l3 = strchr(l2, '\n') + 1, *l4 = strchr(l3, '\n') + 1;
	assert_prefix(s, "{\"id\":\"x\",\"line\":9,\"wirecheck\":1,");
	assert_prefix(l2, "{\"id\":\"zte\",\"line\":2,\"wirecheck\":1,\"source\":{\"path\":\"fixtures/zte/zte.en.txt\"");
	assert_prefix(l3, "{\"id\":\"orphan\",\"line\":3,\"error\":\"no source version");
	assert_prefix(l4, "{\"id\":\"gone\",\"line\":4,\"error\":\"fixtures/zte/none.en.txt: cannot open");
	free(s);
}

/* Text format: the reports one after another, errors as one line. */
static void test_text_format(void **state)
{
	(void)state;
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	wc_batch_options opt = {.threads = 1, .format = WC_FORMAT_TEXT, .report = {.fail_on = WC_ERROR}};
	wc_diags *d = wc_diags_new();
	wc_batch *b = wc_batch_new(unit_rules, &opt, out, d);
	const char *recs[] = {
		"{\"id\": \"a\", \"source\": {\"lang\": \"en\", \"text\": \"Fine.\"}, \"translations\": [{\"lang\": \"da\", \"text\": \"Fint.\"}]}",
		"nonsense",
	};
	for (size_t i = 0; i < 2; i++)
		wc_batch_add_json(b, recs[i], strlen(recs[i]), i + 1);
	wc_batch_free(b);
	wc_diags_free(d);
	fclose(out);
	/* the text report's own wording is report_text.c's: only its path is checked */
	if (!strstr(s, "a/translation1.da") || !strstr(s, "line 2: error: column 1: expected a value\n"))
		fail_msg("text output:\n%s", s);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_record_paths),
		cmocka_unit_test(test_record_numeric_id_and_file),
		cmocka_unit_test(test_record_errors),
		cmocka_unit_test(test_order_and_errors),
		cmocka_unit_test(test_tiny_budget),
		cmocka_unit_test(test_gate_counts),
		cmocka_unit_test(test_add_json_and_files),
		cmocka_unit_test(test_text_format),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
