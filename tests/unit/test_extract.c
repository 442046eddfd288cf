/* test_extract.c — unit tests of extract.c (stage 3) with the shipped rules:
 * the facts of whole fixtures stand at the bytes, lines and columns they
 * claim; the API's error paths; a catastrophic user pattern gives up
 * (rule.limit) instead of hanging.  Sentence by sentence, what is extracted
 * is in tests/cases/extract.*.cases.  Runs from the repository root. */
#include "unit.h"
#include "facts.h"
#include "findings.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static wc_facts *extract(const char *lang, const char *text)
{
	wc_diags *d = wc_diags_new();
	wc_facts *f = wc_extract(unit_rules, lang, "test.txt", text, strlen(text), d);
	if (!f || wc_diags_count(d)) {
		wc_diags_print(d, stderr);
		fail_msg("wc_extract failed");
	}
	wc_diags_free(d);
	return f;
}

static void dump(const wc_facts *f)
{
	for (size_t i = 0; i < wc_facts_count(f); i++) {
		const wc_fact *x = wc_facts_get(f, i);
		print_message("  fact: %s '%s' = %s [%s] rule %s at %zu:%zu (%zu-%zu)\n", x->kind, x->text,
		              x->value, x->unit ? x->unit : "-", x->rule, x->line, x->column, x->start, x->end);
	}
}

/* The fact written as text; fails if absent. */
static const wc_fact *fact_at(const wc_facts *f, const char *text)
{
	for (size_t i = 0; i < wc_facts_count(f); i++)
		if (strcmp(wc_facts_get(f, i)->text, text) == 0)
			return wc_facts_get(f, i);
	dump(f);
	fail_msg("no fact written '%s'", text);
	return NULL;
}

/* A fact written text has exactly this kind, value, unit (NULL = none) and rule. */
static const wc_fact *expect_fact(const wc_facts *f, const char *text, const char *kind,
                                  const char *value, const char *unit, const char *rule)
{
	const wc_fact *x = fact_at(f, text);
	bool ok = strcmp(x->kind, kind) == 0 && strcmp(x->value, value) == 0 &&
	          (unit ? x->unit && strcmp(x->unit, unit) == 0 : x->unit == NULL) &&
	          strcmp(x->rule, rule) == 0;
	if (!ok) {
		dump(f);
		fail_msg("'%s': got %s %s [%s] rule %s, want %s %s [%s] rule %s", text, x->kind, x->value,
		         x->unit ? x->unit : "-", x->rule, kind, value, unit ? unit : "-", rule);
	}
	return x;
}

static bool has_value(const wc_facts *f, const char *kind, const char *value)
{
	for (size_t i = 0; i < wc_facts_count(f); i++)
		if (strcmp(wc_facts_get(f, i)->kind, kind) == 0 && strcmp(wc_facts_get(f, i)->value, value) == 0)
			return true;
	return false;
}

/* ---- positions --------------------------------------------------------------------------------- */

/* Independently of the library: line, column (code points) and the bytes
 * of every fact agree with the file as read. */
static void check_positions(const char *path, const char *lang, size_t *checked)
{
	size_t len;
	char *bytes = unit_slurp(path, &len);
	wc_facts *f = extract(lang, bytes);
	for (size_t i = 0; i < wc_facts_count(f); i++) {
		const wc_fact *x = wc_facts_get(f, i);
		assert_true(x->start < x->end && x->end <= len);
		if (x->end - x->start != strlen(x->text) || memcmp(bytes + x->start, x->text, strlen(x->text)))
			fail_msg("%s: fact '%s' does not stand at bytes %zu-%zu", path, x->text, x->start, x->end);
		size_t line = 1, ls = 0;
		for (size_t k = 0; k < x->start; k++)
			if (bytes[k] == '\n')
				line++, ls = k + 1;
		size_t col = 1;
		for (size_t k = ls; k < x->start; k++)
			col += ((unsigned char)bytes[k] & 0xC0) != 0x80;
		if (x->line != line || x->column != col)
			fail_msg("%s: fact '%s' at %zu:%zu, want %zu:%zu", path, x->text, x->line, x->column, line, col);
		(*checked)++;
	}
	wc_facts_free(f);
	free(bytes);
}

static void test_positions(void **state)
{
	(void)state;
	size_t len;
	char *bytes = unit_slurp("fixtures/zte/zte.da.txt", &len);
	wc_facts *f = extract("da", bytes);
	/* line 5: "ZTE, der beskæftiger 80, 000 mennesker": the æ is two bytes */
	const wc_fact *x = expect_fact(f, "80, 000", "number", "80000", NULL, "employees");
	const char *at = strstr(bytes, "80, 000");
	assert_int_equal(x->line, 5);
	assert_int_equal(x->column, 22);
	assert_int_equal(x->start, (size_t)(at - bytes));
	assert_int_equal(x->end, (size_t)(at - bytes) + 7);
	/* line 15: "Kinas øverste økonomiske embedsmand, Vicepremier Liu He" */
	x = expect_fact(f, "Vicepremier Liu He", "title", "vice-premier", "Liu He", "title");
	assert_int_equal(x->line, 15);
	assert_int_equal(x->column, 38);
	at = strstr(bytes, "Vicepremier Liu He");
	assert_int_equal(x->start, (size_t)(at - bytes));
	assert_int_equal(x->end - x->start, strlen("Vicepremier Liu He"));
	/* "syv år": 7 bytes, 6 code points */
	x = expect_fact(f, "syv år", "duration", "7", "year", "ban-duration");
	assert_int_equal(x->end - x->start, 7);
	wc_facts_free(f);
	free(bytes);

	size_t checked = 0;
	check_positions("fixtures/zte/zte.da.txt", "da", &checked);
	check_positions("fixtures/zte/zte.sv.txt", "sv", &checked);
	check_positions("fixtures/zte/zte.en.txt", "en", &checked);
	assert_true(checked > 100);
}

/* Whole fixtures: what ACCEPTANCE.md relies on is found at the right lines. */
static void test_fixture_facts(void **state)
{
	(void)state;
	size_t len;
	char *bytes = unit_slurp("fixtures/zte/zte.sv.txt", &len);
	wc_facts *f = extract("sv", bytes);
	const wc_fact *x = expect_fact(f, "80, 000", "number", "80000", NULL, "employees");
	assert_int_equal(x->line, 8);
	x = expect_fact(f, "1,2 miljarder dollar", "money", "1200000000", "USD", "fine");
	assert_int_equal(x->line, 11);
	x = expect_fact(f, "fredagen", "date", "friday", "weekday", "weekday");
	assert_int_equal(x->line, 17);
	x = expect_fact(f, "söndags", "date", "sunday", "weekday", "weekday");
	assert_int_equal(x->line, 30);
	x = expect_fact(f, "2018", "number", "2018", NULL, "number");
	assert_int_equal(x->line, 32);
	/* the Swedish version never says Monday */
	assert_false(has_value(f, "date", "monday"));
	/* "USA:s" stands four times and is a place each time */
	size_t usa = 0;
	for (size_t i = 0; i < wc_facts_count(f); i++)
		usa += strcmp(wc_facts_get(f, i)->text, "USA:s") == 0 &&
		       strcmp(wc_facts_get(f, i)->value, "united-states") == 0;
	assert_int_equal(usa, 4);
	wc_facts_free(f);
	free(bytes);

	bytes = unit_slurp("fixtures/zte/zte.en.txt", &len);
	f = extract("en", bytes);
	x = expect_fact(f, "Senate Minority Leader Chuck Schumer", "title", "senate-minority-leader",
	                "Chuck Schumer", "title");
	assert_int_equal(x->line, 10);
	x = expect_fact(f, "$1.2 billion", "money", "1200000000", "USD", "fine");
	assert_int_equal(x->line, 12);
	/* the credit line of the English source carries no year */
	assert_false(has_value(f, "number", "2018"));
	/* Sunday: lines 7, 17 and 30 */
	size_t sundays = 0;
	for (size_t i = 0; i < wc_facts_count(f); i++)
		sundays += strcmp(wc_facts_get(f, i)->value, "sunday") == 0;
	assert_int_equal(sundays, 3);
	wc_facts_free(f);
	free(bytes);
}

/* ---- bad input ------------------------------------------------------------------------------ */

static void test_bad_input(void **state)
{
	(void)state;
	/* invalid UTF-8 is a case (extract.en.cases); one diagnostic each */
	wc_diags *d = wc_diags_new();
	assert_null(wc_extract(unit_rules, "en", "bad.txt", "80,000 \xFF", 8, d));
	assert_int_equal(wc_diags_count(d), 1);
	assert_null(wc_extract(unit_rules, "xx", "x.txt", "80,000", 6, d));
	assert_int_equal(wc_diags_count(d), 2);
	wc_diags_free(d);
	/* the text need not be NUL-terminated */
	const char buf[] = "It employs 80,000 people and 90,000 more";
	d = wc_diags_new();
	wc_facts *f = wc_extract(unit_rules, "en", "t.txt", buf, strlen("It employs 80,000 people"), d);
	assert_non_null(f);
	assert_int_equal(wc_facts_count(f), 1);
	expect_fact(f, "80,000", "number", "80000", NULL, "employees");
	wc_facts_free(f);
	wc_diags_free(d);
}

/* ---- hostile patterns ------------------------------------------------------------------------- */

/* A user rule (a+)+$ backtracks exponentially on "aaa…ab": with a small
 * match limit it gives up on that paragraph (rule.limit), and the
 * other rules and paragraphs still work. */
static void test_catastrophic_pattern(void **state)
{
	(void)state;
	char dir[] = "/tmp/wc-extract-XXXXXX";
	if (!mkdtemp(dir))
		fail_msg("mkdtemp: %s", strerror(errno));
	char *facts = wc_xasprintf("%s/facts", dir);
	char *file = wc_xasprintf("%s/evil.yaml", facts);
	assert_int_equal(mkdir(facts, 0700), 0);
	FILE *fp = fopen(file, "wb");
	assert_non_null(fp);
	fputs("rules:\n"
	      "  - id: evil\n"
	      "    kind: number\n"
	      "    patterns:\n"
	      "      en: ['(a+)+$']\n", fp);
	fclose(fp);
	wc_ruleset *r = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_ruleset_load_dir(r, "rules", d), WC_OK);
	assert_int_equal(wc_ruleset_load_dir(r, dir, d), WC_OK);
	unlink(file);
	rmdir(facts);
	rmdir(dir);
	free(file);
	free(facts);
	wc_ruleset_set_match_limit(r, 10000);

	wc_buf text = {0};
	wc_buf_puts(&text, "ZTE, which employs 80,000 people, said so.\n");
	for (int i = 0; i < 5000; i++)
		wc_buf_putc(&text, 'a');
	wc_buf_puts(&text, "b\nTrump tweeted on Sunday.\n");

	wc_doc doc;
	assert_int_equal(wc_doc_init(&doc, "evil.txt", wc_ruleset_locale(r, "en"), WC_ROLE_SOURCE, text.s,
	                             text.len, d), WC_OK);
	assert_int_equal(doc.npara, 3);
	wc_findings fs = {0};
	assert_int_equal(wc_extract_doc(r, &doc, &fs, d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	/* exactly one rule.limit, for the rule and the paragraph of a's */
	size_t limits = 0;
	for (size_t i = 0; i < fs.n; i++) {
		const wc_raw_finding *x = &fs.v[i];
		if (x->check != WC_CHECK_RULE_LIMIT)
			continue;
		limits++;
		assert_non_null(x->rule);
		assert_string_equal(x->rule, "evil");
		assert_int_equal(wc_doc_para_at(&doc, x->start), 1);
		assert_non_null(strstr(x->message, "evil"));
		assert_int_equal(x->severity, WC_WARNING);
	}
	if (limits != 1)
		for (size_t i = 0; i < fs.n; i++)
			print_message("  finding: %s\n", fs.v[i].message);
	assert_int_equal(limits, 1);
	/* the other paragraphs are extracted as usual */
	bool employees = false, sunday = false;
	for (size_t i = 0; i < doc.nfacts; i++) {
		employees |= strcmp(doc.facts[i].rule->id, "employees") == 0 &&
		             strcmp(doc.facts[i].value, "80000") == 0;
		sunday |= strcmp(doc.facts[i].value, "sunday") == 0 && doc.facts[i].para == 2;
	}
	assert_true(employees);
	assert_true(sunday);
	wc_findings_free(&fs);
	wc_doc_fini(&doc);
	wc_buf_free(&text);
	wc_diags_free(d);
	wc_ruleset_free(r);
}

/* The limit is the one set: with a limit of one step even the shipped rules
 * give up, each with its own rule.limit. */
static size_t limits_for(wc_ruleset *r, const char *text)
{
	wc_diags *d = wc_diags_new();
	wc_doc doc;
	assert_int_equal(wc_doc_init(&doc, "t.txt", wc_ruleset_locale(r, "en"), WC_ROLE_SOURCE, text,
	                             strlen(text), d), WC_OK);
	wc_findings fs = {0};
	assert_int_equal(wc_extract_doc(r, &doc, &fs, d), WC_OK);
	size_t n = 0;
	for (size_t i = 0; i < fs.n; i++)
		n += fs.v[i].check == WC_CHECK_RULE_LIMIT;
	wc_findings_free(&fs);
	wc_doc_fini(&doc);
	wc_diags_free(d);
	return n;
}

static void test_match_limit_honoured(void **state)
{
	(void)state;
	const char *text = "ZTE, which employs 80,000 people, was fined $1.2 billion.";
	wc_ruleset *r = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_ruleset_load_dir(r, "rules", d), WC_OK);
	wc_ruleset_set_match_limit(r, 1);
	assert_true(limits_for(r, text) >= 3);
	wc_ruleset_free(r);
	/* the default is generous: the shipped rules never hit it on real text */
	r = wc_ruleset_new();
	assert_int_equal(wc_ruleset_load_dir(r, "rules", d), WC_OK);
	assert_int_equal(limits_for(r, text), 0);
	wc_ruleset_free(r);
	wc_diags_free(d);
}

/* Setting the limit after a language was prepared (wc_extract and
 * wc_bundle_add_text prepare it) still applies to later extractions. */
static void test_match_limit_after_prepare(void **state)
{
	(void)state;
	const char *text = "ZTE, which employs 80,000 people, was fined $1.2 billion.";
	wc_ruleset *r = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_ruleset_load_dir(r, "rules", d), WC_OK);
	assert_int_equal(wc_ruleset_prepare(r, "en", d), WC_OK);
	wc_ruleset_set_match_limit(r, 1);
	assert_true(limits_for(r, text) >= 3);
	wc_ruleset_free(r);
	wc_diags_free(d);
}

/* Threads sharing a ruleset: they prepare a language at once, and, under
 * lazy JIT, one thread's long text makes the machine code while the others
 * extract short texts with the patterns interpreted; each gets the facts one
 * thread alone gets (and under ThreadSanitizer, no race: one prepares while
 * the others wait, the JIT waits for the interpreted runs). */
typedef struct {
	wc_ruleset *rs;
	const char *text;
	int rounds;
	size_t facts; /* per round; SIZE_MAX when a round differed */
} extract_job;

static void *extract_rounds(void *arg)
{
	extract_job *j = arg;
	for (int k = 0; k < j->rounds; k++) {
		wc_diags *d = wc_diags_new();
		wc_facts *f = wc_extract(j->rs, "en", "t.txt", j->text, strlen(j->text), d);
		size_t n = f ? wc_facts_count(f) : SIZE_MAX;
		if (k == 0)
			j->facts = n;
		else if (n != j->facts)
			j->facts = SIZE_MAX;
		wc_facts_free(f);
		wc_diags_free(d);
	}
	return NULL;
}

static void test_lazy_jit_threads(void **state)
{
	(void)state;
	const char *line = "ZTE, which employs 80,000 people, was fined $1.2 billion on March 7, 2017.\n";
	size_t n = strlen(line), copies = 70 * 1024 / n + 1;
	char *big = wc_xmalloc(n * copies + 1);
	for (size_t i = 0; i < copies; i++)
		memcpy(big + i * n, line, n);
	big[n * copies] = '\0';
	wc_facts *one = extract("en", line);
	size_t want = wc_facts_count(one);
	wc_facts_free(one);
	assert_true(want >= 3);
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	wc_ruleset_set_lazy_jit(rs, 1);
	assert_int_equal(wc_ruleset_load_dir(rs, "rules", d), WC_OK);
	/* shared unprepared: the threads prepare en at once */
	extract_job jobs[4] = {{rs, big, 1, 0}, {rs, line, 40, 0}, {rs, line, 40, 0}, {rs, line, 40, 0}};
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, extract_rounds, &jobs[i]), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(jobs[0].facts, want * copies);
	for (int i = 1; i < 4; i++)
		assert_int_equal(jobs[i].facts, want);
	wc_diags_free(d);
	wc_ruleset_free(rs);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_fixture_facts),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_catastrophic_pattern),
		cmocka_unit_test(test_match_limit_honoured),
		cmocka_unit_test(test_match_limit_after_prepare),
		cmocka_unit_test(test_lazy_jit_threads),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
