/* test_rules_cache.c — unit tests of the compiled-pattern cache
 * (rules_cache.c): a language compiled once is read back from its file by
 * the next ruleset and extracts the same facts; a damaged, stale or foreign
 * file is compiled again, never used; a folder that cannot be written is no
 * error.  The same of the parsed rule files' trees (wc_yaml_load_cached).  Each test works in its own mkdtemp() folder, removed afterwards. */
#include "unit.h"
#include "rules.h"
#include "yaml_tree.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	const char *base = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/wc-cache-XXXXXX", base && *base && strlen(base) < 40 ? base : "/tmp");
	if (!mkdtemp(dir))
		fail_msg("mkdtemp: %s", strerror(errno));
	return 0;
}

/* Removes the files in path, then path (a folder of files only). */
static void remove_folder(const char *path)
{
	DIR *d = opendir(path);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char *p = wc_xasprintf("%s/%s", path, e->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static int remove_dir(void **state)
{
	(void)state;
	chmod(dir, 0700);
	remove_folder(dir);
	return 0;
}

/* The one cache file of lang in dir (its path, the caller's), or NULL. */
static char *cache_file(const char *lang)
{
	char *found = NULL;
	size_t n = strlen(lang);
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (strncmp(e->d_name, lang, n) == 0 && e->d_name[n] == '-' && len > 3 &&
		    strcmp(e->d_name + len - 3, ".re") == 0) {
			assert_null(found); /* one file a language */
			found = wc_xasprintf("%s/%s", dir, e->d_name);
		}
	}
	if (d)
		closedir(d);
	return found;
}

static ino_t inode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return st.st_ino;
}

static const char *const text =
	"The company said on Tuesday that 1,500 jobs would go by March 2025, "
	"a cut of 12 percent, and that it had paid $3.2 billion for the unit.";

/* The facts of text in en as "rule=value/unit" lines. */
static char *facts_of(wc_ruleset *rs)
{
	wc_diags *d = wc_diags_new();
	wc_facts *f = wc_extract(rs, "en", "t.txt", text, strlen(text), d);
	assert_non_null(f);
	wc_buf b = {0};
	for (size_t i = 0; i < wc_facts_count(f); i++) {
		const wc_fact *x = wc_facts_get(f, i);
		wc_buf_printf(&b, "%s=%s/%s@%zu\n", x->rule, x->value, x->unit ? x->unit : "", x->start);
	}
	wc_facts_free(f);
	wc_diags_free(d);
	assert_true(b.len > 0);
	return wc_buf_take(&b);
}

/* The shipped rules with the cache in dir (NULL: none), en's facts of text. */
static char *run_en(const char *cache)
{
	wc_ruleset *rs = unit_load_rules();
	assert_non_null(rs);
	wc_ruleset_set_cache_dir(rs, cache);
	char *facts = facts_of(rs);
	wc_ruleset_free(rs);
	return facts;
}

static void test_read_back(void **state)
{
	(void)state;
	char *plain = run_en(NULL);
	assert_null(cache_file("en"));
	char *first = run_en(dir);
	char *path = cache_file("en");
	assert_non_null(path);
	ino_t made = inode_of(path);
	char *second = run_en(dir);
	/* read, not written again: the same file */
	assert_int_equal(inode_of(path), made);
	assert_string_equal(first, plain);
	assert_string_equal(second, plain);
	free(path);
	free(plain);
	free(first);
	free(second);
}

/* Flips one byte at offset from the end of the file. */
static void damage(const char *path, long from_end)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, -from_end, SEEK_END), 0);
	int c = fgetc(f);
	assert_int_equal(fseek(f, -from_end, SEEK_END), 0);
	fputc(c ^ 0x5a, f);
	fclose(f);
}

static void truncate_to(const char *path, off_t len)
{
	assert_int_equal(truncate(path, len), 0);
}

static void test_damaged_file_compiled_again(void **state)
{
	(void)state;
	char *plain = run_en(NULL);
	free(run_en(dir));
	char *path = cache_file("en");
	assert_non_null(path);
	size_t good_len;
	char *good = unit_slurp(path, &good_len);
	/* a byte of the compiled code, of a source, of the header; cut short; empty */
	for (int k = 0; k < 5; k++) {
		if (k == 0)
			damage(path, 100);
		else if (k == 1)
			damage(path, (long)good_len - 200);
		else if (k == 2)
			damage(path, (long)good_len - 20);
		else
			truncate_to(path, k == 3 ? (off_t)good_len / 2 : 0);
		ino_t bad = inode_of(path);
		char *again = run_en(dir);
		assert_string_equal(again, plain);
		free(again);
		/* and written anew, whole */
		free(path);
		path = cache_file("en");
		assert_non_null(path);
		assert_true(inode_of(path) != bad);
		size_t len;
		char *now = unit_slurp(path, &len);
		assert_int_equal(len, good_len);
		assert_memory_equal(now, good, len);
		free(now);
	}
	free(good);
	free(path);
	free(plain);
}

/* A rule folder added on top changes what en compiles: the file of the
 * shipped rules is not used for it, and the language keeps one file. */
static void test_other_rules_not_read(void **state)
{
	(void)state;
	free(run_en(dir));
	char *shipped = cache_file("en");
	assert_non_null(shipped);
	char extra[128];
	snprintf(extra, sizeof extra, "%s-rules", dir);
	char *facts_dir = wc_xasprintf("%s/facts", extra);
	char *rule = wc_xasprintf("%s/mine.yaml", facts_dir);
	assert_int_equal(mkdir(extra, 0700), 0);
	assert_int_equal(mkdir(facts_dir, 0700), 0);
	FILE *f = fopen(rule, "w");
	assert_non_null(f);
	fputs("rules:\n  - id: layoffs\n    kind: number\n    patterns:\n"
	      "      en: ['(?<value>{number})\\s+jobs\\s+would\\s+go']\n", f);
	fclose(f);
	wc_ruleset *rs = unit_load_rules();
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_ruleset_load_dir(rs, extra, d), WC_OK);
	wc_ruleset_set_cache_dir(rs, dir);
	char *facts = facts_of(rs);
	assert_non_null(strstr(facts, "layoffs=1500/"));
	char *now = cache_file("en");
	assert_non_null(now);
	assert_string_not_equal(now, shipped);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	unlink(rule);
	rmdir(facts_dir);
	rmdir(extra);
	free(rule);
	free(facts_dir);
	free(facts);
	free(now);
	free(shipped);
}

static void test_unwritable_folder(void **state)
{
	(void)state;
	char *plain = run_en(NULL);
	/* the folder and its parent made as needed (~/.cache/wirecheck), not more */
	char *deep = wc_xasprintf("%s/a/b", dir);
	char *a = run_en(deep);
	assert_string_equal(a, plain);
	char *deeper = wc_xasprintf("%s/x/y/z", dir);
	char *x = wc_xasprintf("%s/x", dir);
	char *a2 = run_en(deeper);
	assert_string_equal(a2, plain);
	struct stat st;
	assert_int_equal(stat(x, &st), -1);
	free(a2);
	free(x);
	free(deeper);
	/* a file where a folder should be */
	char *file = wc_xasprintf("%s/a/file", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	char *under_file = wc_xasprintf("%s/sub", file);
	char *c = run_en(under_file);
	assert_string_equal(c, plain);
	if (geteuid() != 0) { /* root writes anywhere */
		assert_int_equal(chmod(dir, 0500), 0);
		char *b = run_en(dir);
		assert_string_equal(b, plain);
		assert_null(cache_file("en"));
		free(b);
		chmod(dir, 0700);
	}
	/* what the test made below dir, for remove_dir */
	remove_folder(deep);
	*strrchr(deep, '/') = '\0';
	remove_folder(deep);
	free(file);
	free(under_file);
	free(deep);
	free(a);
	free(c);
	free(plain);
}

/* ---- parsed rule files (wc_yaml_load_cached) ---------------------------------------- */

static const char *const yaml_text =
	"# a rule file\n"
	"rules:\n"
	"  - id: r\n"
	"    kind: number\n"
	"    patterns:\n"
	"      \"*\": ['\\d+', \"x{2}\"]\n"
	"    examples:\n"
	"      - {lang: en, text: \"5 and 6\", value: '5'}\n"
	"    empty: []\n"
	"    none: {}\n";

/* The one .yt file in dir, or NULL. */
static char *tree_file(void)
{
	char *found = NULL;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len > 3 && strcmp(e->d_name + len - 3, ".yt") == 0) {
			assert_null(found); /* one file a rule file */
			found = wc_xasprintf("%s/%s", dir, e->d_name);
		}
	}
	if (d)
		closedir(d);
	return found;
}

static void assert_same_tree(const wc_ynode *a, const wc_ynode *b)
{
	if (!a || !b) {
		assert_ptr_equal(a, b);
		return;
	}
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->quoted, b->quoted);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->column, b->column);
	assert_int_equal(a->n, b->n);
	if (a->value || b->value)
		assert_string_equal(a->value, b->value);
	size_t k = a->type == WC_Y_MAP ? 2 * a->n : a->type == WC_Y_SEQ ? a->n : 0;
	for (size_t i = 0; i < k; i++)
		assert_same_tree(a->items[i], b->items[i]);
}

static char *write_yaml(const char *body)
{
	char *path = wc_xasprintf("%s/r.yaml", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(body, f);
	fclose(f);
	return path;
}

/* The tree of path as parsed, and as the cache in sub gives it, the same. */
static void assert_cached_as_parsed(const char *path, const char *sub)
{
	wc_diags *d = wc_diags_new();
	wc_ydoc *parsed = wc_yaml_load(path, d), *cached = wc_yaml_load_cached(path, sub, d);
	assert_non_null(parsed);
	assert_non_null(cached);
	assert_int_equal(wc_diags_count(d), 0);
	assert_int_equal(parsed->len, cached->len);
	assert_memory_equal(parsed->text, cached->text, parsed->len);
	assert_same_tree(parsed->root, cached->root);
	wc_yaml_free(parsed);
	wc_yaml_free(cached);
	wc_diags_free(d);
}

/* A rule file's tree is written once and read back the same; a damaged file
 * is parsed again and written anew; an edited rule file is parsed, and its
 * old tree removed. */
static void test_yaml_tree_read_back(void **state)
{
	(void)state;
	char *path = write_yaml(yaml_text);
	assert_cached_as_parsed(path, dir);
	char *tree = tree_file();
	assert_non_null(tree);
	ino_t first = inode_of(tree);
	assert_cached_as_parsed(path, dir);
	assert_true(inode_of(tree) == first); /* read, not written again */
	size_t len;
	char *good = unit_slurp(tree, &len);
	for (int k = 0; k < 3; k++) {
		if (k < 2)
			damage(tree, k == 0 ? 5 : (long)len - 40);
		else
			truncate_to(tree, (off_t)len / 2);
		assert_cached_as_parsed(path, dir);
		size_t now_len;
		char *now = unit_slurp(tree, &now_len);
		assert_int_equal(now_len, len);
		assert_memory_equal(now, good, len);
		free(now);
	}
	free(write_yaml("rules: []\n"));
	assert_cached_as_parsed(path, dir);
	char *edited = tree_file();
	assert_non_null(edited);
	assert_string_not_equal(edited, tree);
	free(edited);
	free(good);
	free(tree);
	unlink(path);
	free(path);
}

/* A file that does not parse is reported as without a cache, and leaves
 * no tree behind. */
static void test_yaml_error_not_cached(void **state)
{
	(void)state;
	char *path = write_yaml("rules: [\n");
	wc_diags *a = wc_diags_new(), *b = wc_diags_new();
	assert_null(wc_yaml_load(path, a));
	assert_null(wc_yaml_load_cached(path, dir, b));
	assert_int_equal(wc_diags_count(a), wc_diags_count(b));
	assert_true(wc_diags_count(b) > 0);
	char *tree = tree_file();
	assert_null(tree);
	wc_diags_free(a);
	wc_diags_free(b);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_back, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_damaged_file_compiled_again, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_other_rules_not_read, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_yaml_tree_read_back, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_yaml_error_not_cached, make_dir, remove_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
