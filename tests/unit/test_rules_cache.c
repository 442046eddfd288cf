/* test_rules_cache.c — unit tests of the compiled-pattern cache
 * (rules_cache.c): a language compiled once is read back from its file by
 * the next ruleset and extracts the same facts; a damaged, stale or foreign
 * file is compiled again, never used; a folder that cannot be written is no
 * error.  Each test works in its own mkdtemp() folder, removed afterwards. */
#include "unit.h"
#include "rules.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_back, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_damaged_file_compiled_again, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_other_rules_not_read, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, make_dir, remove_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
