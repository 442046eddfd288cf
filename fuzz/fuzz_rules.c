/*
 * fuzz_rules.c — libFuzzer harness for stage 1: the YAML reader and the rule,
 * locale and term loaders, then compiling and running what they loaded.
 *
 * The first byte picks what the rest is:
 *   0  any YAML: wc_yaml_parse, then every node's line and column helpers;
 *   1  a locale file, loaded as a user rule directory (--rules) on top of the
 *      built-in rules; every language it defines is compiled;
 *   2  a fact rule file, the same way; en, da or sv is compiled;
 *   3  a term file, the same way.
 * The examples the fuzzed file carries run through the extractor, as
 * `wirecheck rules test` runs them.  The built-in rules are read from disk
 * for every input, like the CLI does, because loading changes a ruleset;
 * to keep that quick, only the locales of en, da and sv are read (a private
 * copy of the rule directory made of symbolic links).
 */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "fuzz_common.h"
#include "yaml_tree.h"
#include "rules.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmp_root;          /* a private directory, removed at exit */
static char *tmp_file[4];       /* the fuzzed file of each mode */
static char *base_dir;          /* the built-in rules, en, da and sv only */

static const char *const base_links[] = {
	"facts", "terms", "locales/en.yaml", "locales/da.yaml", "locales/sv.yaml",
	"locales/cldr/en.yaml", "locales/cldr/da.yaml", "locales/cldr/sv.yaml", NULL};

static void remove_base(void)
{
	for (const char *const *l = base_links; *l; l++) {
		char *p = wc_xasprintf("%s/%s", base_dir, *l);
		unlink(p);
		free(p);
	}
	char *p = wc_xasprintf("%s/locales/cldr", base_dir);
	rmdir(p);
	*strrchr(p, '/') = '\0';
	rmdir(p);
	free(p);
	rmdir(base_dir);
	free(base_dir);
}

static void make_base(void)
{
	char real[4096];
	if (!realpath(fuzz_rules_dir(), real)) {
		perror(fuzz_rules_dir());
		abort();
	}
	base_dir = wc_xasprintf("%s/base", tmp_root);
	char *cldr = wc_xasprintf("%s/locales/cldr", base_dir);
	char *loc = wc_xasprintf("%s/locales", base_dir);
	if (mkdir(base_dir, 0700) || mkdir(loc, 0700) || mkdir(cldr, 0700)) {
		perror("fuzz_rules: mkdir");
		abort();
	}
	free(cldr);
	free(loc);
	for (const char *const *l = base_links; *l; l++) {
		char *from = wc_xasprintf("%s/%s", real, *l), *to = wc_xasprintf("%s/%s", base_dir, *l);
		if (symlink(from, to) != 0) {
			perror(to);
			abort();
		}
		free(from);
		free(to);
	}
}

static void remove_tmp(void)
{
	remove_base();
	for (int m = 1; m <= 3; m++) {
		if (!tmp_file[m])
			continue;
		unlink(tmp_file[m]);
		char *dir = wc_xstrdup(tmp_file[m]);
		*strrchr(dir, '/') = '\0';
		rmdir(dir);
		*strrchr(dir, '/') = '\0';
		rmdir(dir);
		free(dir);
		free(tmp_file[m]);
	}
	rmdir(tmp_root);
	free(tmp_root);
}

static void setup(void)
{
	static const char *const sub[4] = {NULL, "locales", "facts", "terms"};
	const char *base = getenv("TMPDIR");
	char *templ = wc_xasprintf("%s/wc-fuzz-rules.XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(templ)) {
		perror("fuzz_rules: mkdtemp");
		abort();
	}
	tmp_root = templ;
	for (int m = 1; m <= 3; m++) {
		char *dir = wc_xasprintf("%s/m%d", tmp_root, m);
		char *subdir = wc_xasprintf("%s/%s", dir, sub[m]);
		if (mkdir(dir, 0700) != 0 || mkdir(subdir, 0700) != 0) {
			perror("fuzz_rules: mkdir");
			abort();
		}
		tmp_file[m] = wc_xasprintf("%s/fuzz.yaml", subdir);
		free(dir);
		free(subdir);
	}
	make_base();
	atexit(remove_tmp);
}

static void walk(const wc_ydoc *doc, const wc_ynode *n, int depth)
{
	if (!n)
		return;
	FUZZ_ASSERT(depth <= 66);
	FUZZ_ASSERT(n->line >= 1 && n->column >= 1);
	if (n->type == WC_Y_SCALAR) {
		FUZZ_ASSERT(n->value);
		char *line = wc_ydoc_line(doc, n->line);
		size_t len = strlen(n->value);
		/* What rules_compile.c does with a PCRE2 error offset. */
		for (size_t off = 0; off <= len; off += len / 4 + 1)
			(void)wc_yaml_value_column(line, n->column, n->quoted, off, n->value);
		(void)wc_yaml_value_column(line, n->column, n->quoted, len, n->value);
		free(line);
		return;
	}
	size_t items = n->type == WC_Y_MAP ? 2 * n->n : n->n;
	for (size_t i = 0; i < items; i++)
		walk(doc, n->items[i], depth + 1);
	if (n->type == WC_Y_MAP && n->n)
		(void)wc_ymap_get(n, n->items[0]->value ? n->items[0]->value : "");
}

static void check_diags(const wc_diags *d)
{
	for (size_t i = 0; i < wc_diags_count(d); i++) {
		const wc_diag *g = wc_diags_get(d, i);
		FUZZ_ASSERT(g->file && g->message);
		FUZZ_ASSERT(!strchr(g->message, '\n'));
		FUZZ_ASSERT(g->line >= 0 && g->column >= 0);
	}
	FILE *null = fopen("/dev/null", "w");
	wc_diags_print(d, null);
	fclose(null);
}

static int write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t k = fwrite(data, 1, size, f);
	return fclose(f) == 0 && k == size ? 0 : -1;
}

/* Runs the examples of the fuzzed file, as `rules test` does. */
static void run_examples(wc_ruleset *rs, const char *path, wc_diags *d)
{
	size_t run = 0;
	for (size_t i = 0; i < rs->nexamples && run < 8; i++) {
		const wc_example *e = &rs->examples[i];
		if (strcmp(e->file, path) != 0 || !e->lang || !e->text || !e->value)
			continue;
		run++;
		wc_facts *fl = wc_extract(rs, e->lang, e->file, e->text, strlen(e->text), d);
		for (size_t k = 0; k < wc_facts_count(fl); k++) {
			const wc_fact *f = wc_facts_get(fl, k);
			FUZZ_ASSERT(f->start <= f->end && f->end <= strlen(e->text));
		}
		wc_facts_free(fl);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!tmp_root)
		setup();
	int mode = data[0] & 3;
	int lang_pick = (data[0] >> 2) % 3;
	data++, size--;
	wc_diags *d = wc_diags_new();
	if (mode == 0) {
		wc_ydoc *doc = wc_yaml_parse("fuzz.yaml", (const char *)data, size, d);
		FUZZ_ASSERT(doc || wc_diags_count(d) > 0);
		if (doc)
			walk(doc, doc->root, 0);
		wc_yaml_free(doc);
		check_diags(d);
		wc_diags_free(d);
		return 0;
	}
	if (write_file(tmp_file[mode], data, size) != 0) {
		perror("fuzz_rules: write");
		abort();
	}
	wc_ruleset *rs = wc_ruleset_new();
	wc_ruleset_set_lazy_jit(rs, 1); /* as the CLI loads rules */
	/* Quick to give up: fuzzed patterns may backtrack badly, and a hang
	 * found that way is a limit doing its work, not a bug. */
	wc_ruleset_set_match_limit(rs, 20000);
	int rc = wc_ruleset_load_dir(rs, base_dir, d);
	FUZZ_ASSERT(rc == 0);
	char *dir = wc_xstrdup(tmp_file[mode]);
	*strrchr(dir, '/') = '\0';
	*strrchr(dir, '/') = '\0';
	rc = wc_ruleset_load_dir(rs, dir, d);
	free(dir);
	FUZZ_ASSERT(rc == 0 || wc_diags_count(d) > 0);
	if (rc == 0) {
		/* Compile what the fuzzed file touched; a compile error is a
		 * diagnostic, never a crash. */
		size_t compiled = 0;
		for (size_t i = 0; i < wc_ruleset_lang_count(rs) && compiled < 3; i++) {
			wc_locale *loc = wc_ruleset_locale(rs, wc_ruleset_lang(rs, i));
			bool fuzzed = false;
			for (size_t k = 0; k < loc->files.n; k++)
				fuzzed |= strcmp(loc->files.v[k], tmp_file[mode]) == 0;
			if (fuzzed && wc_ruleset_prepare(rs, loc->lang, d) == 0)
				compiled++;
		}
		if (mode != 1)
			(void)wc_ruleset_prepare(rs, fuzz_langs[lang_pick], d);
		run_examples(rs, tmp_file[mode], d);
	}
	check_diags(d);
	wc_ruleset_free(rs);
	wc_diags_free(d);
	return 0;
}
