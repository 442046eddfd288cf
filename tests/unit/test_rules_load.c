/* test_rules_load.c — unit tests of stage 1 (rules_load.c, yaml.c,
 * rules_compile.c): the shipped rules load cleanly; broken rule files give
 * diagnostics with file, line and column.  Temporary rule directories are
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

/* The diagnostic whose message contains what; fails if there is none. */
static const wc_diag *find_diag(const wc_diags *d, const char *what)
{
	for (size_t i = 0; i < wc_diags_count(d); i++)
		if (strstr(wc_diags_get(d, i)->message, what))
			return wc_diags_get(d, i);
	dump(d);
	fail_msg("no diagnostic containing '%s'", what);
	return NULL;
}

static void expect_at(const wc_diag *g, const char *file, int line, int column)
{
	if (strcmp(g->file, file) != 0 || g->line != line || g->column != column)
		fail_msg("diagnostic '%s' at %s:%d:%d, want %s:%d:%d", g->message, g->file, g->line,
		         g->column, file, line, column);
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
	/* the hand-written and CLDR halves of a locale are merged */
	const wc_locale *da = wc_ruleset_locale(rs, "da");
	assert_non_null(da);
	assert_string_equal(da->decimal, ",");
	assert_string_equal(da->group, ".");
	assert_int_equal(da->files.n, 2);
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

/* ---- broken files ------------------------------------------------------------------------- */

static void test_broken_yaml(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	/* "patterns" is indented one column less than its siblings */
	const char *bad = tmp_write(&t, "facts/bad.yaml",
	                            "rules:\n"
	                            "  - id: x\n"
	                            "    kind: number\n"
	                            "   patterns: {}\n");
	/* an unclosed flow sequence */
	const char *bad2 = tmp_write(&t, "facts/bad2.yaml", "rules:\n  - id: y\n    kind: [number\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	const wc_diag *g = find_diag(d, "YAML syntax error");
	expect_at(g, bad, 4, 4);
	assert_non_null(g->excerpt);
	assert_string_equal(g->excerpt, "   patterns: {}");
	/* both files are reported: loading goes on after a bad file */
	bool second = false;
	for (size_t i = 0; i < wc_diags_count(d); i++)
		second |= strcmp(wc_diags_get(d, i)->file, bad2) == 0 && wc_diags_get(d, i)->line > 0;
	if (!second)
		dump(d);
	assert_true(second);
	assert_int_equal(wc_diags_count(d), 2);
	/* the good locale file still loaded */
	assert_non_null(wc_ruleset_locale(rs, "xx"));
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_wrong_type(void **state)
{
	(void)state;
	tmp_open(&t);
	const char *loc = tmp_write(&t, "locales/xx.yaml",
	                            "lang: xx\n"
	                            "numbers:\n"
	                            "  decimal: \".\"\n"
	                            "  group: [\",\", \".\"]\n"
	                            "  words:\n"
	                            "    one: uno\n");
	const char *facts = tmp_write(&t, "facts/f.yaml",
	                              "rules:\n"
	                              "  - id: r\n"
	                              "    kind: number\n"
	                              "    patterns: '\\d+'\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	expect_at(find_diag(d, "numbers.group must be a string"), loc, 4, 10);
	expect_at(find_diag(d, "must be a whole number, not 'uno'"), loc, 6, 10);
	expect_at(find_diag(d, "patterns must be a map"), facts, 4, 15);
	assert_int_equal(wc_diags_count(d), 3);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_unknown_key(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *facts = tmp_write(&t, "facts/f.yaml",
	                              "rules:\n"
	                              "  - id: r\n"
	                              "    kind: number\n"
	                              "    severty: error\n"
	                              "    zzzzzzzzzz: 1\n"
	                              "    patterns:\n"
	                              "      xx: ['(?<value>\\d+)']\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	const wc_diag *g = find_diag(d, "unknown key 'severty'");
	expect_at(g, facts, 4, 5);
	assert_non_null(strstr(g->message, "did you mean 'severity'?"));
	assert_string_equal(g->excerpt, "    severty: error");
	/* nothing near: no suggestion */
	g = find_diag(d, "unknown key 'zzzzzzzzzz'");
	expect_at(g, facts, 5, 5);
	assert_null(strstr(g->message, "did you mean"));
	assert_int_equal(wc_diags_count(d), 2);
	/* the rule itself still loads, so later problems are found too */
	assert_int_equal(rs->nrules, 1);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_duplicate_rule_id(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *a = tmp_write(&t, "facts/a.yaml",
	                          "rules:\n"
	                          "  - id: staff\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      xx: ['(?<value>\\d+) staff']\n");
	const char *b = tmp_write(&t, "facts/b.yaml",
	                          "# the same id again, in another file\n"
	                          "rules:\n"
	                          "  - id: other\n"
	                          "    kind: number\n"
	                          "    patterns: {xx: ['x']}\n"
	                          "  - id:   staff\n"
	                          "    kind: number\n"
	                          "    patterns: {xx: ['(?<value>\\d+) workers']}\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	const wc_diag *g = find_diag(d, "duplicate rule id 'staff'");
	expect_at(g, b, 6, 11);
	char *first = wc_xasprintf("first in %s:2", a);
	assert_non_null(strstr(g->message, first));
	free(first);
	assert_int_equal(wc_diags_count(d), 1);
	assert_int_equal(rs->nrules, 2);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_duplicate_key(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "rules:\n"
	                          "  - id: r\n"
	                          "    kind: number\n"
	                          "    kind: money\n"
	                          "    patterns: {xx: ['x']}\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	expect_at(find_diag(d, "duplicate key 'kind'"), f, 4, 5);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_alias_refused(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "base: &x\n"
	                          "  - id: r\n"
	                          "    kind: number\n"
	                          "    patterns: {xx: ['x']}\n"
	                          "rules: *x\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	const wc_diag *g = find_diag(d, "aliases");
	expect_at(g, f, 5, 8);
	assert_int_equal(wc_diags_count(d), 1);
	assert_int_equal(rs->nrules, 0);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* A billion-laughs file is refused at the first alias, quickly. */
static void test_alias_bomb(void **state)
{
	(void)state;
	tmp_open(&t);
	wc_buf b = {0};
	wc_buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 10; i++)
		wc_buf_printf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i,
		              i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	const char *f = tmp_write(&t, "locales/bomb.yaml", b.s);
	wc_buf_free(&b);
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	expect_at(find_diag(d, "aliases"), f, 2, 10);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* ---- patterns: compiled per language ---------------------------------------------------------- */

static void test_regex_does_not_compile(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "rules:\n"
	                          "  - id: broken\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      xx:\n"
	                          "        - '(?<value>\\d+)'\n"
	                          "        - 'ab)cd'\n");
	wc_ruleset *rs;
	wc_diags *d;
	/* loading does not compile: the file is fine as YAML and as a rule */
	assert_int_equal(load(t.root, &rs, &d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = find_diag(d, "regex does not compile");
	/* PCRE2's own words, and the rule */
	assert_non_null(strstr(g->message, "unmatched closing parenthesis"));
	assert_non_null(strstr(g->message, "'broken'"));
	/* line 7; the quote is column 11, ')' is column 14 */
	expect_at(g, f, 7, 14);
	/* a failed language stays failed, without repeating the diagnostics */
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	/* and extraction refuses it */
	wc_facts *facts = wc_extract(rs, "xx", "t.txt", "12 ab", 5, d);
	assert_null(facts);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* The column of a compile error points at the offending character whether
 * the pattern is written quoted or plain. */
static void test_regex_error_column_plain_scalar(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "rules:\n"
	                          "  - id: plain\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      xx:\n"
	                          "        - ab)cd\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_OK);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	/* "ab)cd" starts at column 11: ')' is column 13 */
	expect_at(find_diag(d, "unmatched closing parenthesis"), f, 6, 13);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* ... and when a double-quoted pattern holds an escape ("\\d" is two
 * characters in the file, one in the pattern). */
static void test_regex_error_column_escaped_scalar(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "rules:\n"
	                          "  - id: escaped\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      xx:\n"
	                          "        - \"x\\\\d)\"\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_OK);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	/* the line is:  - "x\\d)"  with the quote at column 11: x 12, \\ 13-14,
	 * d 15, ) 16 */
	expect_at(find_diag(d, "unmatched closing parenthesis"), f, 6, 16);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

static void test_unknown_macro(void **state)
{
	(void)state;
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", minimal_locale);
	const char *f = tmp_write(&t, "facts/f.yaml",
	                          "rules:\n"
	                          "  - id: typo\n"
	                          "    kind: number\n"
	                          "    patterns:\n"
	                          "      xx: ['(?<value>{numbr}) staff', '(?<value>\\d{1,3}) ok']\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_OK);
	assert_int_equal(wc_ruleset_prepare(rs, "xx", d), WC_ERULES);
	/* one diagnostic: {1,3} is a quantifier, not a macro */
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = find_diag(d, "unknown macro");
	assert_non_null(strstr(g->message, "{numbr}"));
	/* '[' at column 11, the quote at 12, '{' at offset 9 of the pattern:
	 * column 22 */
	expect_at(g, f, 5, 22);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
}

/* A user's directory adds to the shipped rules: a rule for a language that
 * has no locale can be loaded, but preparing that language fails. */
/* length_factor: a number from 0.5 to 2.0, set once per language. */
static void test_length_factor(void **state)
{
	(void)state;
	static const struct {
		const char *value, *error; /* error NULL: loads, and the factor is value */
	} cases[] = {
		{"1.12", NULL},
		{"0.5", NULL},
		{"2", NULL},
		{"0.4", "length_factor must be a number from 0.5 to 2.0"},
		{"2.5", "length_factor must be a number from 0.5 to 2.0"},
		{"long", "length_factor must be a number from 0.5 to 2.0 (English is 1.0), not 'long'"},
		{"1.1x", "not '1.1x'"},
		{"[1.1]", "length_factor must be a string"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tmp_open(&t);
		char *text = wc_xasprintf("%slength_factor: %s\n", minimal_locale, cases[i].value);
		const char *loc = tmp_write(&t, "locales/xx.yaml", text);
		free(text);
		wc_ruleset *rs;
		wc_diags *d;
		int rc = load(t.root, &rs, &d);
		if (cases[i].error) {
			assert_int_equal(rc, WC_ERULES);
			expect_at(find_diag(d, cases[i].error), loc, 6, 16);
		} else {
			assert_int_equal(rc, WC_OK);
			assert_true(wc_ruleset_locale(rs, "xx")->length_factor == strtod(cases[i].value, NULL));
		}
		wc_diags_free(d);
		wc_ruleset_free(rs);
		tmp_close(&t);
	}
	/* a second file of the language may not set it again */
	tmp_open(&t);
	tmp_write(&t, "locales/xx.yaml", "lang: xx\nlength_factor: 1.1\n");
	const char *second = tmp_write(&t, "locales/xy.yaml", "lang: xx\nlength_factor: 1.2\n");
	wc_ruleset *rs;
	wc_diags *d;
	assert_int_equal(load(t.root, &rs, &d), WC_ERULES);
	expect_at(find_diag(d, "length_factor is already set (to 1.1)"), second, 2, 16);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	tmp_close(&t);
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
	const char *f = tmp_write(&t, "facts/mine.yaml",
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
	assert_int_equal(wc_ruleset_load_dir(rs, t.root, d), WC_ERULES);
	assert_int_equal(wc_diags_count(d), 1);
	const wc_diag *g = find_diag(d, "duplicate rule id 'employees'");
	expect_at(g, f, 6, 9);
	assert_non_null(strstr(g->message, "rules/facts/business.yaml"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_shipped_rules, cleanup),
		cmocka_unit_test_teardown(test_not_a_directory, cleanup),
		cmocka_unit_test_teardown(test_broken_yaml, cleanup),
		cmocka_unit_test_teardown(test_wrong_type, cleanup),
		cmocka_unit_test_teardown(test_unknown_key, cleanup),
		cmocka_unit_test_teardown(test_duplicate_rule_id, cleanup),
		cmocka_unit_test_teardown(test_duplicate_key, cleanup),
		cmocka_unit_test_teardown(test_alias_refused, cleanup),
		cmocka_unit_test_teardown(test_alias_bomb, cleanup),
		cmocka_unit_test_teardown(test_regex_does_not_compile, cleanup),
		cmocka_unit_test_teardown(test_regex_error_column_plain_scalar, cleanup),
		cmocka_unit_test_teardown(test_regex_error_column_escaped_scalar, cleanup),
		cmocka_unit_test_teardown(test_unknown_macro, cleanup),
		cmocka_unit_test_teardown(test_length_factor, cleanup),
		cmocka_unit_test_teardown(test_locale_less_language, cleanup),
		cmocka_unit_test_teardown(test_user_dir_adds, cleanup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
