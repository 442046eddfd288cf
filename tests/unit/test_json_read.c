/* test_json_read.c — unit tests of json_read.c, the strict JSON reader that
 * `wirecheck batch` parses each JSON Lines record with: in-place decoding,
 * the node layout, and every kind of malformed input (RFC 8259). */
#include "unit.h"
#include "json.h"

/* Parses a copy of s (kept in *buf for the nodes to point into). */
static int parse(wc_json_doc *d, const char *s, char **buf)
{
	*buf = wc_xstrdup(s);
	return wc_json_parse(d, *buf, strlen(s));
}

static void test_object_layout(void **state)
{
	(void)state;
	wc_json_doc d = {0};
	char *buf;
	assert_int_equal(parse(&d, " {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\"}, \"d\": []} ", &buf), 0);
	const wc_json_node *root = &d.v[0];
	assert_int_equal(root->type, WC_JSON_OBJECT);
	assert_int_equal(root->n, 3);
	const wc_json_node *a = wc_json_get(&d, root, "a");
	assert_non_null(a);
	assert_int_equal(a->type, WC_JSON_ARRAY);
	assert_int_equal(a->n, 5);
	const wc_json_node *e = wc_json_child(&d, a);
	assert_int_equal(e->type, WC_JSON_NUMBER);
	assert_int_equal(e->len, 1);
	assert_memory_equal(e->s, "1", 1);
	e = wc_json_next(&d, e);
	assert_int_equal(e->len, 6);
	assert_memory_equal(e->s, "-2.5e3", 6);
	e = wc_json_next(&d, e);
	assert_int_equal(e->type, WC_JSON_TRUE);
	e = wc_json_next(&d, e);
	assert_int_equal(e->type, WC_JSON_FALSE);
	e = wc_json_next(&d, e);
	assert_int_equal(e->type, WC_JSON_NULL);
	assert_null(wc_json_next(&d, e));
	const wc_json_node *b = wc_json_get(&d, root, "b");
	assert_int_equal(b->type, WC_JSON_OBJECT);
	const wc_json_node *c = wc_json_get(&d, b, "c");
	assert_string_equal(c->s, "x");
	const wc_json_node *dd = wc_json_get(&d, root, "d");
	assert_int_equal(dd->type, WC_JSON_ARRAY);
	assert_null(wc_json_child(&d, dd));
	assert_null(wc_json_get(&d, root, "zz"));
	assert_null(wc_json_get(&d, a, "a")); /* not an object */
	wc_json_free(&d);
	free(buf);
}

static void test_string_escapes(void **state)
{
	(void)state;
	wc_json_doc d = {0};
	char *buf;
	assert_int_equal(parse(&d, "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00 æ\"", &buf), 0);
	const wc_json_node *s = &d.v[0];
	assert_int_equal(s->type, WC_JSON_STRING);
	const char want[] = "a\"b\\c/d\b\f\n\r\t \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA6";
	assert_int_equal(s->len, sizeof want - 1);
	assert_memory_equal(s->s, want, sizeof want - 1);
	assert_int_equal(s->s[s->len], '\0');
	wc_json_free(&d);
	free(buf);
	/* \u0000 is a valid escape; the length keeps it. */
	assert_int_equal(parse(&d, "[\"a\\u0000b\", \"\"]", &buf), 0);
	assert_int_equal(d.v[1].len, 3);
	assert_memory_equal(d.v[1].s, "a\0b", 3);
	assert_int_equal(d.v[2].len, 0);
	assert_string_equal(d.v[2].s, "");
	wc_json_free(&d);
	free(buf);
}

static void test_duplicate_keys_first_wins(void **state)
{
	(void)state;
	wc_json_doc d = {0};
	char *buf;
	assert_int_equal(parse(&d, "{\"k\": 1, \"k\": 2}", &buf), 0);
	const wc_json_node *k = wc_json_get(&d, &d.v[0], "k");
	assert_memory_equal(k->s, "1", 1);
	wc_json_free(&d);
	free(buf);
}

/* Malformed texts and the column each error points at. */
static void test_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t column;
		const char *error;
	} cases[] = {
		{"", 1, "expected a value"},
		{"   ", 4, "expected a value"},
		{"{\"a\": 1,}", 9, "a trailing comma"},
		{"[1, 2,]", 7, "a trailing comma"},
		{"{\"a\" 1}", 6, "expected ':' after an object key"},
		{"{a: 1}", 2, "expected a key in quotes or '}'"},
		{"{\"a\": 1 \"b\": 2}", 9, "expected ',' or '}'"},
		{"[1 2]", 4, "expected ',' or ']'"},
		{"{\"a\": 1", 1, "an object is not closed"},
		{"[1", 1, "an array is not closed"},
		{"\"abc", 1, "a string is not closed"},
		{"\"a\tb\"", 3, "a control character in a string must be escaped"},
		{"\"\\x\"", 2, "an unknown escape in a string"},
		{"\"\\u12G4\"", 6, "a \\u escape needs four hex digits"},
		{"\"\\u12\"", 4, "a \\u escape needs four hex digits"},
		{"\"\\ud83d\"", 2, "a high surrogate escape without a low one after it"},
		{"\"\\ud83d\\u0041\"", 2, "a high surrogate escape without a low one after it"},
		{"\"\\ude00\"", 2, "a low surrogate escape without a high one before it"},
		{"01", 1, "a number cannot start with 0"},
		{"-", 1, "a number needs a digit"},
		{"1.", 3, "a digit must follow the decimal point"},
		{"1e+", 4, "an exponent needs a digit"},
		{"+1", 1, "expected a value"},
		{"tru", 1, "expected a value"},
		{"nul", 1, "expected a value"},
		{"{} x", 4, "more text after the JSON value"},
		{"{}{}", 3, "more text after the JSON value"},
		{"\"\xC3\x28\"", 2, "invalid UTF-8"},
		{"'a'", 1, "expected a value"},
		{"{\"a\": 1} // c", 10, "more text after the JSON value"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_json_doc d = {0};
		char *buf;
		int rc = parse(&d, cases[i].text, &buf);
		if (rc != -1 || d.error_column != cases[i].column || strcmp(d.error, cases[i].error) != 0)
			fail_msg("'%s': rc %d, column %zu, '%s'; want column %zu, '%s'", cases[i].text, rc,
			         d.error_column, d.error, cases[i].column, cases[i].error);
		wc_json_free(&d);
		free(buf);
	}
}

static void test_depth_limit(void **state)
{
	(void)state;
	char deep[2 * (WC_JSON_MAX_DEPTH + 1) + 1], ok[2 * WC_JSON_MAX_DEPTH + 1];
	for (int i = 0; i <= WC_JSON_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * (WC_JSON_MAX_DEPTH + 1) - 1 - i] = ']';
	}
	deep[2 * (WC_JSON_MAX_DEPTH + 1)] = '\0';
	memcpy(ok, deep + 1, 2 * WC_JSON_MAX_DEPTH);
	ok[2 * WC_JSON_MAX_DEPTH] = '\0';
	wc_json_doc d = {0};
	char *buf;
	assert_int_equal(parse(&d, ok, &buf), 0);
	free(buf);
	assert_int_equal(parse(&d, deep, &buf), -1);
	assert_string_equal(d.error, "nested too deeply");
	free(buf);
	wc_json_free(&d);
}

/* A doc is reusable: a second parse starts from scratch. */
static void test_reuse(void **state)
{
	(void)state;
	wc_json_doc d = {0};
	char *b1, *b2;
	assert_int_equal(parse(&d, "[1,]", &b1), -1);
	assert_int_equal(parse(&d, "[1]", &b2), 0);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.error, "");
	wc_json_free(&d);
	free(b1);
	free(b2);
}

/* Not NUL-terminated input: the parser must stay inside len. */
static void test_bounds(void **state)
{
	(void)state;
	char *buf = wc_xmalloc(3);
	memcpy(buf, "[12", 3);
	wc_json_doc d = {0};
	assert_int_equal(wc_json_parse(&d, buf, 3), -1);
	assert_string_equal(d.error, "an array is not closed");
	memcpy(buf, "\"ab", 3);
	assert_int_equal(wc_json_parse(&d, buf, 3), -1);
	memcpy(buf, "\"\\u", 3);
	assert_int_equal(wc_json_parse(&d, buf, 3), -1);
	wc_json_free(&d);
	free(buf);
}

static void test_type_names(void **state)
{
	(void)state;
	assert_string_equal(wc_json_type_name(WC_JSON_OBJECT), "an object");
	assert_string_equal(wc_json_type_name(WC_JSON_STRING), "a string");
	assert_string_equal(wc_json_type_name(WC_JSON_NULL), "null");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_object_layout),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_duplicate_keys_first_wins),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_type_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
