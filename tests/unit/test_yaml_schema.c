/* test_yaml_schema.c — unit tests of the YAML schema helpers of yaml.c
 * (wc_ycheck_keys, wc_yscalar, wc_yboolean, wc_yinteger), used directly on a
 * parsed tree as any loader other than rules_load.c would. */
#include "unit.h"
#include "yaml_tree.h"

/* One top-level map and what the helpers say of it: the diagnostics as
 * "line:column: message", joined by newlines ("" = none). */
typedef struct {
	const char *yaml;
	const char *expect;
} schema_case;

static const char *const allowed[] = {"lang", "name", "flag", "count", NULL};

/* Checks the keys of the map, then reads flag as a boolean, count as an
 * integer and name as a string; the values read go into out. */
static char *run_schema(const char *yaml, bool *flag, long long *count, const char **name)
{
	wc_diags *d = wc_diags_new();
	wc_ydoc *doc = wc_yaml_parse("t.yaml", yaml, strlen(yaml), d);
	assert_non_null(doc);
	wc_yschema ys = {doc, d, 0};
	wc_ycheck_keys(&ys, doc->root, allowed);
	const wc_ynode *n;
	if ((n = wc_ymap_get(doc->root, "flag")))
		wc_yboolean(&ys, n, "flag", flag);
	if ((n = wc_ymap_get(doc->root, "count")))
		wc_yinteger(&ys, n, "count", count);
	*name = wc_yscalar(&ys, wc_ymap_get(doc->root, "name"), "name");
	*name = *name ? wc_xstrdup(*name) : NULL;
	assert_int_equal((size_t)ys.errors, wc_diags_count(d));
	wc_buf b = {0};
	for (size_t i = 0; i < wc_diags_count(d); i++) {
		const wc_diag *g = wc_diags_get(d, i);
		wc_buf_printf(&b, "%s%d:%d: %s", i ? "\n" : "", g->line, g->column, g->message);
	}
	wc_yaml_free(doc);
	wc_diags_free(d);
	return wc_buf_take(&b);
}

static void test_schema_errors(void **state)
{
	(void)state;
	static const schema_case cases[] = {
		{"lang: da\nname: x\n", ""},
		{"lang: da\nnmae: x\n", "2:1: unknown key 'nmae' (did you mean 'name'?)"},
		{"lang: da\nwholly_unknown: x\n", "2:1: unknown key 'wholly_unknown'"},
		{"lang: da\nlang: sv\n", "2:1: duplicate key 'lang'"},
		{"flag: maybe\n", "1:7: flag must be true or false, not 'maybe'"},
		{"flag: [true]\n", "1:7: flag must be a string"},
		{"count: 12x\n", "1:8: count must be a whole number, not '12x'"},
		{"count: ''\n", "1:8: count must be a whole number, not ''"},
		{"count: 99999999999999999999\n", "1:8: count must be a whole number, not '99999999999999999999'"},
		{"name: {a: b}\n", "1:7: name must be a string"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool flag = false;
		long long count = 0;
		const char *name;
		char *got = run_schema(cases[i].yaml, &flag, &count, &name);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("case %zu (%s): got \"%s\", want \"%s\"", i, cases[i].yaml, got, cases[i].expect);
		free(got);
		free((char *)name);
	}
}

static void test_schema_values(void **state)
{
	(void)state;
	static const struct {
		const char *yaml;
		bool flag;
		long long count;
		const char *name; /* NULL: absent */
	} cases[] = {
		{"flag: true\ncount: 7\nname: x\n", true, 7, "x"},
		{"flag: yes\ncount: -12\n", true, -12, NULL},
		{"flag: no\ncount: 0\nname: 'Ny'\n", false, 0, "Ny"},
		{"flag: false\n", false, 0, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool flag = !cases[i].flag;
		long long count = 0;
		const char *name;
		char *got = run_schema(cases[i].yaml, &flag, &count, &name);
		assert_string_equal(got, "");
		assert_int_equal(flag, cases[i].flag);
		assert_int_equal(count, cases[i].count);
		if (cases[i].name)
			assert_string_equal(name, cases[i].name);
		else
			assert_null(name);
		free(got);
		free((char *)name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_errors),
		cmocka_unit_test(test_schema_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
