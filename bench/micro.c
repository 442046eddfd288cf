/*
 * micro.c — in-process timings for `make bench` (bench/run prints them):
 *
 *   micro startup RULES LANG...|all  load the rules and compile LANG..., median ms
 *   micro zte RULES DIR              the ZTE bundle end to end (add, check, JSON
 *                                    report), rules already compiled, median ms
 *   micro extract RULES LANG FILE N  extraction alone over FILE, N times: MB/s
 *
 * Each prints one line of JSON.
 */
#include "wirecheck.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, by_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t cap = 1 << 16, n = 0, k;
	char *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0)
		if ((n += k) == cap)
			buf = realloc(buf, cap *= 2);
	fclose(f);
	if (!buf)
		abort();
	*len = n;
	return buf;
}

/* As the command line loads the built-in rules: a language's locale files
 * are read when it is prepared, its compiled patterns kept in
 * $WIRECHECK_CACHE when that is set (not "off"). */
static wc_ruleset *load(const char *dir)
{
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	wc_ruleset_set_lazy_locales(rs, 1);
	const char *cache = getenv("WIRECHECK_CACHE");
	if (cache && strcmp(cache, "off") != 0)
		wc_ruleset_set_cache_dir(rs, cache);
	if (wc_ruleset_load_dir(rs, dir, d) < 0) {
		wc_diags_print(d, stderr);
		exit(2);
	}
	wc_diags_free(d);
	return rs;
}

static int startup(const char *rules, int nlang, char **langs)
{
	enum { RUNS = 30 };
	double t[RUNS];
	bool all = nlang == 1 && strcmp(langs[0], "all") == 0;
	size_t compiled = 0;
	for (int r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		wc_ruleset *rs = load(rules);
		wc_diags *d = wc_diags_new();
		size_t n = all ? wc_ruleset_lang_count(rs) : (size_t)nlang;
		for (size_t i = 0; i < n; i++)
			if (wc_ruleset_prepare(rs, all ? wc_ruleset_lang(rs, i) : langs[i], d) < 0) {
				wc_diags_print(d, stderr);
				return 2;
			}
		compiled = n;
		t[r] = now_ms() - t0;
		wc_diags_free(d);
		wc_ruleset_free(rs);
	}
	printf("{\"startup_ms\": %.3f, \"langs\": %zu}\n", median(t, RUNS), compiled);
	return 0;
}

static int zte(const char *rules, const char *dir)
{
	static const struct { wc_role role; const char *lang, *name; } files[] = {
		{WC_ROLE_SOURCE, "en", "zte.en.txt"},
		{WC_ROLE_TRANSLATION, "da", "zte.da.txt"},
		{WC_ROLE_TRANSLATION, "sv", "zte.sv.txt"},
		{WC_ROLE_RELATED, "en", "zte-washington.en.txt"},
		{WC_ROLE_RELATED, "en", "zte-other-agency.en.txt"},
	};
	enum { N = 5, RUNS = 50 };
	char *text[N], path[N][512];
	size_t len[N], bytes = 0;
	for (int i = 0; i < N; i++) {
		snprintf(path[i], sizeof path[i], "%s/%s", dir, files[i].name);
		text[i] = slurp(path[i], &len[i]);
		bytes += len[i];
	}
	wc_ruleset *rs = load(rules);
	wc_diags *d = wc_diags_new();
	for (int i = 0; i < N; i++)
		wc_ruleset_prepare(rs, files[i].lang, d);
	double t[RUNS];
	for (int r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		wc_bundle *b = wc_bundle_new(rs);
		for (int i = 0; i < N; i++)
			wc_bundle_add_text(b, files[i].role, files[i].lang, path[i], text[i], len[i], d);
		int err;
		wc_report *rep = wc_bundle_check(b, d, &err);
		char *s = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&s, &n);
		wc_report_options ro = {.fail_on = WC_ERROR};
		wc_report_write(rep, WC_FORMAT_JSON, &ro, m);
		fclose(m);
		t[r] = now_ms() - t0;
		free(s);
		wc_report_free(rep);
		wc_bundle_free(b);
	}
	printf("{\"zte_ms\": %.3f, \"bytes\": %zu}\n", median(t, RUNS), bytes);
	for (int i = 0; i < N; i++)
		free(text[i]);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	return 0;
}

static int extract(const char *rules, const char *lang, const char *file, int reps)
{
	size_t len;
	char *text = slurp(file, &len);
	wc_ruleset *rs = load(rules);
	wc_diags *d = wc_diags_new();
	wc_ruleset_prepare(rs, lang, d);
	size_t facts = 0, numbers = 0;
	double best = 0;
	for (int r = 0; r < reps; r++) {
		double t0 = now_ms();
		wc_facts *f = wc_extract(rs, lang, file, text, len, d);
		double dt = now_ms() - t0;
		if (!f) {
			wc_diags_print(d, stderr);
			return 2;
		}
		facts = wc_facts_count(f);
		numbers = 0;
		for (size_t i = 0; i < facts; i++)
			numbers += strcmp(wc_facts_get(f, i)->kind, "number") == 0 ||
			           strcmp(wc_facts_get(f, i)->kind, "money") == 0;
		wc_facts_free(f);
		if (!r || dt < best)
			best = dt;
	}
	printf("{\"extract_mb_s\": %.3f, \"ms\": %.3f, \"bytes\": %zu, \"facts\": %zu, \"numbers\": %zu}\n",
	       (double)len / 1e6 / (best / 1e3), best, len, facts, numbers);
	free(text);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "startup") == 0)
		return startup(argv[2], argc - 3, argv + 3);
	if (argc == 4 && strcmp(argv[1], "zte") == 0)
		return zte(argv[2], argv[3]);
	if (argc == 6 && strcmp(argv[1], "extract") == 0)
		return extract(argv[2], argv[3], argv[4], atoi(argv[5]));
	fputs("usage: micro startup RULES LANG... | zte RULES DIR | extract RULES LANG FILE N\n", stderr);
	return 2;
}
