/* test_project.c — the project's settings (config.c) and baselines
 * (baseline.c) on reports the real pipeline builds from small bundles: which
 * edits keep a finding's fingerprint and which change it, check settings by
 * language, a baseline written, read back and applied (entries written twice
 * suppress two findings, not three), and the did-you-mean of yaml.c. */
#include "unit.h"
#include "yaml_tree.h"

#include <unistd.h>

static const char source[] =
	"The American officials met on Monday in Washington to discuss the trade talks.\n"
	"The talks went on for seven years, a spokesman for the ministry said.\n";
static const char danish[] =
	"De amerikanske amerikanske embedsmænd mødtes mandag i Washington for at drøfte handelsforhandlingerne.\n"
	"Forhandlingerne varede syv år, sagde en talsmand for ministeriet.\n";

static wc_report *check(const char *path, const char *text)
{
	wc_diags *d = wc_diags_new();
	wc_bundle *b = wc_bundle_new(unit_rules);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_SOURCE, "en", "story.en.txt", source,
	                                    strlen(source), d), 0);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_TRANSLATION, "da", path, text, strlen(text), d), 0);
	int err = 0;
	wc_report *r = wc_bundle_check(b, d, &err);
	assert_non_null(r);
	wc_bundle_free(b);
	wc_diags_free(d);
	return r;
}

/* The fingerprint of the first finding of check, or "" if there is none. */
static void fingerprint_of(const wc_report *r, const char *check_name, char out[17])
{
	out[0] = '\0';
	for (size_t i = 0; i < wc_report_count(r); i++)
		if (strcmp(wc_report_get(r, i)->check, check_name) == 0) {
			wc_report_fingerprint(r, i, out);
			return;
		}
}

static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	return wc_xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

static void test_fingerprints(void **state)
{
	(void)state;
	static const struct {
		const char *why, *path, *from, *to;
		bool same;
	} cases[] = {
		{"unchanged, checked again", "story.da.txt", "", "", true},
		{"another folder", "desk/b/story.da.txt", "", "", true},
		{"a line inserted above: every line moves", "story.da.txt", "De ", "\nDe ", true},
		{"white space doubled next to it", "story.da.txt", "embedsmænd mødtes", "embedsmænd  mødtes", true},
		{"an edit in the next line", "story.da.txt", "syv år", "syv lange år", true},
		{"an edit 60 bytes after it, in its line", "story.da.txt", "for at drøfte", "for at diskutere", true},
		{"another file name", "story2.da.txt", "", "", false},
		{"an edit right after it", "story.da.txt", "embedsmænd", "diplomater", false},
		{"an edit right before it", "story.da.txt", "De amerikanske", "Disse amerikanske", false},
	};
	wc_report *base = check("story.da.txt", danish);
	char want[17], got[17];
	fingerprint_of(base, "text.repeated-word", want);
	assert_int_equal(strlen(want), 16);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = *cases[i].from ? replaced(danish, cases[i].from, cases[i].to) : wc_xstrdup(danish);
		wc_report *r = check(cases[i].path, text);
		fingerprint_of(r, "text.repeated-word", got);
		if ((strcmp(got, want) == 0) != cases[i].same)
			fail_msg("case %zu (%s): fingerprint %s, base %s", i, cases[i].why, got, want);
		wc_report_free(r);
		free(text);
	}
	wc_report_free(base);
}

/* ---- check settings ---------------------------------------------------------------- */

static wc_config *config_of(const char *yaml)
{
	char path[] = "/tmp/wc-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, yaml, strlen(yaml)), (ssize_t)strlen(yaml));
	close(fd);
	wc_diags *d = wc_diags_new();
	wc_config *c = wc_config_load(path, d);
	if (!c)
		wc_diags_print(d, stderr);
	wc_diags_free(d);
	unlink(path);
	assert_non_null(c);
	return c;
}

static void test_check_settings(void **state)
{
	(void)state;
	static const struct {
		const char *yaml;
		int count;           /* text.repeated-word findings left */
		int severity;        /* theirs */
		size_t da_errors;    /* the Danish version's errors */
	} cases[] = {
		{"fail-on: info\n", 1, WC_WARNING, 0},
		{"checks:\n  text.repeated-word: error\n", 1, WC_ERROR, 1},
		{"checks:\n  text.repeated-word: info\n", 1, WC_INFO, 0},
		{"checks:\n  text.repeated-word: off\n", 0, -1, 0},
		{"checks:\n  text.repeated-word: {severity: off, langs: [da]}\n", 0, -1, 0},
		{"checks:\n  text.repeated-word: {severity: off, langs: [sv, nb]}\n", 1, WC_WARNING, 0},
		{"checks:\n  text.repeated-word: {severity: error, langs: da}\n", 1, WC_ERROR, 1},
		{"checks:\n  quote.style: off\n", 1, WC_WARNING, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_report *r = check("story.da.txt", danish);
		wc_config *c = config_of(cases[i].yaml);
		wc_report_apply_config(r, c);
		int n = 0, sev = -1;
		for (size_t k = 0; k < wc_report_count(r); k++)
			if (strcmp(wc_report_get(r, k)->check, "text.repeated-word") == 0)
				n++, sev = (int)wc_report_get(r, k)->severity;
		if (n != cases[i].count || sev != cases[i].severity ||
		    wc_report_version(r, 1)->errors != cases[i].da_errors)
			fail_msg("case %zu (%s): %d findings at %d, %zu errors", i, cases[i].yaml, n, sev,
			         wc_report_version(r, 1)->errors);
		assert_int_equal(wc_report_fails(r, WC_ERROR), cases[i].da_errors > 0);
		wc_config_free(c);
		wc_report_free(r);
	}
}

/* ---- baselines ------------------------------------------------------------------------ */

static wc_baseline *baseline_of(const wc_report *r)
{
	char path[] = "/tmp/wc-baseline-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_int_equal(wc_baseline_write(r, f), 0);
	fclose(f);
	wc_diags *d = wc_diags_new();
	wc_baseline *b = wc_baseline_load(path, d);
	wc_diags_free(d);
	unlink(path);
	assert_non_null(b);
	return b;
}

static size_t count_repeated(const wc_report *r, int suppressed)
{
	size_t n = 0;
	for (size_t k = 0; k < wc_report_count(r); k++) {
		const wc_finding *f = wc_report_get(r, k);
		n += strcmp(f->check, "text.repeated-word") == 0 && f->suppressed == suppressed;
	}
	return n;
}

/* The same doubled word in the same words on two lines: one fingerprint, two
 * entries; a third such line is one finding more than the baseline holds. */
static void test_baseline_counts(void **state)
{
	(void)state;
	const char *line = "Han sagde det det samme.\n";
	char *two = wc_xasprintf("%s%s%s", danish, line, line);
	char *three = wc_xasprintf("%s%s", two, line);
	wc_report *r = check("story.da.txt", two);
	assert_int_equal(count_repeated(r, 0), 3);
	wc_baseline *b = baseline_of(r);
	assert_int_equal(wc_baseline_count(b), wc_report_count(r));
	assert_int_equal(wc_report_has_baseline(r), 0);
	assert_int_equal(wc_report_apply_baseline(r, b), wc_report_count(r));
	assert_int_equal(wc_report_has_baseline(r), 1);
	assert_int_equal(count_repeated(r, 1), 3);
	assert_int_equal(wc_report_version(r, 1)->warnings, 0);
	assert_int_equal(wc_report_version(r, 1)->suppressed, wc_report_count(r));
	assert_false(wc_report_fails(r, WC_INFO));
	wc_report_free(r);

	r = check("story.da.txt", three);
	wc_report_apply_baseline(r, b);
	assert_int_equal(count_repeated(r, 1), 3);
	assert_int_equal(count_repeated(r, 0), 1);
	assert_true(wc_report_fails(r, WC_WARNING));
	wc_report_free(r);
	wc_baseline_free(b);
	free(two);
	free(three);
}

static void test_nearest(void **state)
{
	(void)state;
	static const char *const words[] = {"fail-on", "rules", "checks", "baseline", NULL};
	static const struct {
		const char *word, *want;
	} cases[] = {
		{"fail_on", "fail-on"}, {"rule", "rules"}, {"check", "checks"}, {"base-line", "baseline"},
		{"Checks", "checks"}, {"severity", NULL}, {"", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *got = wc_ynearest(cases[i].word, words);
		if (cases[i].want ? !got || strcmp(got, cases[i].want) : got != NULL)
			fail_msg("'%s': got %s, want %s", cases[i].word, got ? got : "NULL",
			         cases[i].want ? cases[i].want : "NULL");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fingerprints),
		cmocka_unit_test(test_check_settings),
		cmocka_unit_test(test_baseline_counts),
		cmocka_unit_test(test_nearest),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
