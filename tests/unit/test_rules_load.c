/* test_rules_load.c — unit tests of stage 1 (rules_load.c, yaml.c,
 * rules_compile.c): the shipped rules load cleanly; what loads past a broken
 * file; the API of loading and compiling.  The diagnostics of broken files,
 * with file, line and column, are in tests/cases/rules-load.cases.  Temporary rule directories are
 * written under a mkdtemp() directory and removed afterwards. */
#include "unit.h"
#include "rules.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temporary rule directories ----------------------------------------------- */

typedef struct {
	char root[64];
	wc_strlist made; /* files and directories, in creation order */
	bool open;
} tmpdir;

static void tmp_open(tmpdir *t)
{
	memset(t, 0, sizeof *t);
	const char *base = getenv("TMPDIR");
	snprintf(t->root, sizeof t->root, "%s/wc-rules-XXXXXX", base && *base && strlen(base) < 40 ? base : "/tmp");
	if (!mkdtemp(t->root))
		fail_msg("mkdtemp: %s", strerror(errno));
	t->open = true;
}

/* Writes root/rel (creating its folders) and returns the full path, owned by t. */
static const char *tmp_write(tmpdir *t, const char *rel, const char *content)
{
	char *path = wc_xasprintf("%s/%s", t->root, rel);
	for (char *p = path + strlen(t->root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(path, 0700) == 0)
			wc_strlist_add(&t->made, path);
		else if (errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		*p = '/';
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		fail_msg("cannot write %s", path);
	fputs(content, f);
	fclose(f);
	wc_strlist_add(&t->made, path);
	free(path);
	return t->made.v[t->made.n - 1];
}

static void tmp_close(tmpdir *t)
{
	if (!t->open)
		return;
	t->open = false;
	for (size_t i = t->made.n; i-- > 0;) {
		struct stat st;
		if (stat(t->made.v[i], &st) == 0 && S_ISDIR(st.st_mode))
			rmdir(t->made.v[i]);
		else
			unlink(t->made.v[i]);
	}
	wc_strlist_free(&t->made);
	if (rmdir(t->root) != 0)
		fail_msg("temporary directory %s not removed: %s", t->root, strerror(errno));
}

/* The test's temporary directory; the teardown removes it even when the
 * test failed half-way. */
static tmpdir t;

static int cleanup(void **state)
{
	(void)state;
	tmp_close(&t);
	return 0;
}

/* ---- helpers ------------------------------------------------------------------------ */

static void dump(const wc_diags *d)
{
	for (size_t i = 0; i < wc_diags_count(d); i++) {
		const wc_diag *g = wc_diags_get(d, i);
		print_message("  diag: %s:%d:%d: %s\n", g->file, g->line, g->column, g->message);
	}
}

/* Loads dir into a fresh ruleset; returns the load's result code. */
static int load(const char *dir, wc_ruleset **rs, wc_diags **d)
{
	*rs = wc_ruleset_new();
	*d = wc_diags_new();
	return wc_ruleset_load_dir(*rs, dir, *d);
}

static const char *const minimal_locale = "lang: xx\nname: Test\nnumbers:\n  decimal: \".\"\n  group: \",\"\n";

/* ---- the shipped rules ----------------------------------------------------------------- */

static void test_shipped_rules(void **state)
{
	(void)state;
	wc_ruleset *rs;
	wc_diags *d;
	int rc = load("rules", &rs, &d);
	if (rc != WC_OK || wc_diags_count(d))
		dump(d);
	assert_int_equal(rc, WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	static const char *const langs[] = {"da", "de", "en", "es", "fi", "fr",
	                                    "it", "nb", "nl", "pl", "pt", "sv"};
	assert_int_equal(wc_ruleset_lang_count(rs), 12);
	for (size_t i = 0; i < 12; i++) {
		bool found = false;
		for (size_t k = 0; k < wc_ruleset_lang_count(rs); k++)
			found |= strcmp(wc_ruleset_lang(rs, k), langs[i]) == 0;
		if (!found)
			fail_msg("language %s not loaded", langs[i]);
		/* every language compiles */
		assert_int_equal(wc_ruleset_prepare(rs, langs[i], d), WC_OK);
	}
	assert_null(wc_ruleset_lang(rs, 12));
	assert_int_equal(wc_diags_count(d), 0);
	/* the hand-written and CLDR halves of a locale are merged (and CLDR's
	 * units and places, files of their own; its places are names, by id) */
	const wc_locale *da = wc_ruleset_locale(rs, "da");
	assert_non_null(da);
	assert_string_equal(da->decimal, ",");
	assert_string_equal(da->group, ".");
	assert_int_equal(da->files.n, 4);
	assert_non_null(wc_lex_find(&da->units, "kilometer", 9));
	const wc_lex_item *spain = wc_lex_find(&da->names, "Spanien", 7);
	assert_non_null(spain);
	assert_string_equal(spain->canon, "territory-es");
	assert_true(da->number_words.n > 20);
	/* the shipped rules and their examples */
	bool has_employees = false, has_fine = false, has_ban = false;
	for (size_t i = 0; i < rs->nrules; i++) {
		has_employees |= strcmp(rs->rules[i]->id, "employees") == 0;
		has_fine |= strcmp(rs->rules[i]->id, "fine") == 0;
		has_ban |= strcmp(rs->rules[i]->id, "ban-duration") == 0;
	}
	assert_true(has_employees && has_fine && has_ban);
	size_t run = 0;
	rc = wc_ruleset_test(rs, d, &run);
	if (wc_diags_count(d))
		dump(d);
	assert_int_equal(rc, WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	assert_true(run >= 40);
	wc_diags_free(d);
	wc_ruleset_free(rs);
}

static void test_not_a_directory(void **state)
{
	(void)state;
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load("rules/does-not-exist", &rs, &d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	assert_string_equal(wc_diags_get(d, 0)->file, "rules/does-not-exist");
	wc_diags_free(d);
	wc_ruleset_free(rs);
}

/* ---- what loads past a bad file or rule ---------------------------------------------------- */

/* The diagnostics of broken files are in tests/cases/rules-load.cases; here,
 * what is loaded all the same: loading goes on past a bad file, keeps a rule
 * that has an unknown key and drops the second rule of an id. */
static void test_loading_goes_on(void **state)
{
	(void)state;
	static const struct {
		const char *facts; /* facts/f.yaml beside a good locale xx */
		size_t rules, diags;
	} cases[] = {
		{"rules:\n  - id: x\n    kind: number\n   patterns: {}\n", 0, 1},
		{"rules:\n  - id: r\n    kind: number\n    severty: error\n    patterns:\n      xx: ['\\d+']\n", 1, 1},
		{"rules:\n  - id: a\n    kind: number\n    patterns: {xx: ['x']}\n"
		 "  - id: a\n    kind: number\n    patterns: {xx: ['y']}\n", 1, 1},
		{"base: &x\n  - id: r\n    kind: number\n    patterns: {xx: ['x']}\nrules: *x\n", 0, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tmp_open(&t);
		tmp_write(&t, "locales/xx.yaml", minimal_locale);
		tmp_write(&t, "facts/f.yaml", cases[i].facts);
		wc_ruleset *rs;
		wc_diags *d;
		assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
		if (wc_diags_count(d) != cases[i].diags || rs->nrules != cases[i].rules) {
			dump(d);
			fail_msg("case %zu: %zu rules, %zu diagnostics; want %zu, %zu", i, rs->nrules,
			         wc_diags_count(d), cases[i].rules, cases[i].diags);
		}
		assert_non_null(wc_ruleset_locale(rs, "xx"));
		wc_diags_free(d);
		wc_ruleset_free(rs);
		tmp_close(&t);
	}
}

/* ---- patterns: compiled per language ---------------------------------------------------------- */

/* Loading does not compile; a language that fails to compile stays failed,
 * without repeating its diagnostics, and extraction refuses it. */
static void test_regex_does_not_compile(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	tmp_write(&t, "facts/f.yaml", "rules:\n  - id: broken\n    kind: number\n    patterns:\n      xx: ['ab)cd']\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	assert_null(wc_extract(rs, "xx", "t.txt", "12 ab", 5, d));
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* length_factor: the values accepted are the factor set (the refused ones
 * are cases in rules-load.cases). */
static void test_length_factor(void **state)
{
	(void)state;
	static const char *const values[] = {"1.12", "0.5", "2"};
	for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
		tmp_open(&t);
		char *text = wc_xasprintf("%slength_factor: %s\n", minimal_locale, values[i]);
		tmp_write(&t, "locales/xx.yaml", text);
		free(text);
		wc_ruleset *rs;
		wc_diags *d;
		assert_int_equal(load(t.root, &rs, &d), WC_OK);
		assert_true(wc_ruleset_locale(rs, "xx")->length_factor == strtod(values[i], NULL));
		wc_diags_free(d);
		wc_ruleset_free(rs);
		tmp_close(&t);
	}
}

static void test_locale_less_language(void **state)
{
	(void)state;
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load("rules", &rs, &d), WC_OK);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ELANG);
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = wc_diags_get(d, 0);
	assert_non_null(strstr(g->message, "rules/locales/xx.yaml"));
	assert_non_null(strstr(g->message, "'xx'"));
	/* the public entry points say the same */
	assert_null(wc_extract(rs, "tlh", "t.txt", "qaStaHvIS", 9, d));
	assert_non_null(strstr(wc_diags_get(d, 1)->message, "rules/locales/tlh.yaml"));
	wc_bundle *b = wc_bundle_new(rs);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_SOURCE, "zz", "z.txt", "x", 1, d), WC_ELANG);
	assert_non_null(strstr(wc_diags_get(d, 2)->message, "rules/locales/zz.yaml"));
	wc_bundle_free(b);
	assert_int_equal(wc_ruleset_prepare(rs, NULL, d), WC_ELANG);
	wc_diags_free(d);
	wc_ruleset_free(rs);
}

/* A second directory adds to the first; a rule id the shipped rules have
 * is a duplicate. */
static void test_user_dir_adds(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "facts/mine.yaml",
	                          "rules:\n"
	                          "  - id: layoffs\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      en: ['(?<value>{number})\\s+(?:jobs|workers)\\s+cut']\n"
	                          "  - id: employees\n"
	                          "    kind: number\n"
	                          "    patterns: {en: ['x']}\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load("rules", &rs, &d), WC_OK);
	size_t before = rs->nrules;
	/* its diagnostic is a case ("rules shipped" in rules-load.cases) */
	assert_int_equal(wc_ruleset_load_dir(rs, t.root, d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	assert_int_equal(rs->nrules, before + 1);
	/* the new rule works */
	const char *text = "The company said 1,500 jobs cut this year.";
	wc_facts *facts = wc_extract(rs, "en", "t.txt", text, strlen(text), d);
	assert_non_null(facts);
	bool found = false;
	for (size_t i = 0; i < wc_facts_count(facts); i++) {
		const wc_fact *x = wc_facts_get(facts, i);
		if (strcmp(x->rule, "layoffs") == 0 && strcmp(x->value, "1500") == 0)
			found = true;
	}
	assert_true(found);
	wc_facts_free(facts);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* Locale files left for later: the unread one is no error until its
 * language is used, its stop words count at once, and a file whose name is
 * another language than its lang: is refused when it is read. */
static void test_lazy_locales(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/aa.yaml", "lang: aa\nnumbers:\n  decimal: \".\"\n  group: \",\"\n");
	tmp_write(&t, "locales/bb.yaml", "lang: bb\nnumbers:\n  group: [\",\"]\n");
	tmp_write(&t, "locales/cc.yaml", "lang: dd\n");
	tmp_write(&t, "langid/stopwords.yaml",
	          "stopwords:\n  aa: [ka, lo, mi, ne, su]\n  bb: [pa, te, ro, vu, zi]\n");
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	wc_ruleset_set_lazy_locales(rs, 1);
	assert_int_equal(wc_ruleset_load_dir(rs, t.root, d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	assert_int_equal(wc_ruleset_lang_count(rs), 3);
	/* language identification knows bb, whose locale file is unread */
	const char *text = "pa te ro vu zi pa te ro vu zi pa te ro vu zi", *lang = NULL;
	double conf;
	assert_int_equal(wc_identify_language(rs, text, strlen(text), &lang, &conf), WC_OK);
	assert_string_equal(lang, "bb");
	assert_int_equal(wc_ruleset_prepare(rs, "aa", d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	/* bb's error shows where bb is first used, with its file */
	assert_int_equal(wc_ruleset_prepare(rs, "bb", d), WC_ERULES);
	assert_true(wc_diags_count(d) >= 1);
	assert_non_null(strstr(wc_diags_get(d, 0)->file, "locales/bb.yaml"));
	assert_non_null(strstr(wc_diags_get(d, 0)->message, "numbers.group"));
	/* and again: read once, still failed */
	assert_int_equal(wc_ruleset_prepare(rs, "bb", d), WC_ERULES);
	size_t before = wc_diags_count(d);
	assert_int_equal(wc_ruleset_prepare(rs, "cc", d), WC_ERULES);
	assert_true(wc_diags_count(d) > before);
	assert_non_null(strstr(wc_diags_get(d, before)->message, "rename it dd.yaml"));
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_shipped_rules, cleanup),
		cmocka_unit_test_teardown(test_not_a_directory, cleanup),
		cmocka_unit_test_teardown(test_loading_goes_on, cleanup),
		cmocka_unit_test_teardown(test_regex_does_not_compile, cleanup),
		cmocka_unit_test_teardown(test_length_factor, cleanup),
		cmocka_unit_test_teardown(test_locale_less_language, cleanup),
		cmocka_unit_test_teardown(test_user_dir_adds, cleanup),
		cmocka_unit_test_teardown(test_lazy_locales, cleanup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
