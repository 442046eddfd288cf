/*
 * test_report.c — the reporting stage: names, verdicts under each gate, the
 * text format line by line, the JSON format read back with jq, JSON Lines
 * facts, and write errors.  The reports are built by hand, so these tests
 * need nothing of the pipeline before report.c.
 */
#include "unit.h"
#include "report.h"
#include "facts.h"

#include <unistd.h>

/* ---- building a report by hand ----------------------------------------------- */

static char *own(wc_report *r, const char *s)
{
	if (!s)
		return NULL;
	char *p = wc_xstrdup(s);
	*WC_PUSH(r->strings, r->nstrings, r->strings_cap) = p;
	return p;
}

static void add_version(wc_report *r, const char *path, const char *lang, wc_role role)
{
	r->versions = wc_xrealloc(r->versions, (r->nversions + 1) * sizeof *r->versions);
	wc_version *v = &r->versions[r->nversions++];
	memset(v, 0, sizeof *v);
	v->path = own(r, path);
	v->lang = own(r, lang);
	v->role = role;
}

typedef struct {
	const char *check;
	wc_severity severity;
	size_t version, line, column;
	const char *message, *expected, *found, *rule, *snippet;
	int has_source_ref;
	size_t source_line, source_column;
	const char *source_snippet;
} finding_spec;

/* Copies a spec into the report, as report.c would: strings owned by the
 * report, path and lang from the version, counts kept per version. */
static void add_finding(wc_report *r, const finding_spec *s)
{
	r->findings = wc_xrealloc(r->findings, (r->nfindings + 1) * sizeof *r->findings);
	wc_finding *f = &r->findings[r->nfindings++];
	wc_version *v = &r->versions[s->version];
	memset(f, 0, sizeof *f);
	f->check = own(r, s->check);
	f->severity = s->severity;
	f->version = s->version;
	f->path = v->path;
	f->lang = v->lang;
	f->line = f->end_line = s->line;
	f->column = s->column;
	f->end_column = s->column + 4;
	f->start = 10 * s->line;
	f->end = f->start + 7;
	f->message = own(r, s->message);
	f->expected = own(r, s->expected);
	f->found = own(r, s->found);
	f->rule = own(r, s->rule);
	f->snippet = own(r, s->snippet);
	f->has_source_ref = s->has_source_ref;
	if (s->has_source_ref) {
		f->source_path = r->versions[0].path;
		f->source_line = s->source_line;
		f->source_column = s->source_column;
		f->source_snippet = own(r, s->source_snippet);
	}
	v->errors += s->severity == WC_ERROR;
	v->warnings += s->severity == WC_WARNING;
	v->infos += s->severity == WC_INFO;
}

/* 20 groups of 10 code points, "Aæ3456789 " to "Tæ3456789 ": 200 code
 * points, 220 bytes, and every cut shows which group it starts at. */
static char *long_line(void)
{
	wc_buf b = {0};
	for (int g = 0; g < 20; g++)
		wc_buf_printf(&b, "%c\xC3\xA6" "3456789 ", 'A' + g);
	return wc_buf_take(&b);
}

static wc_report *empty_report(void)
{
	wc_report *r = wc_xcalloc(1, sizeof *r);
	add_version(r, "fix/zte.en.txt", "en", WC_ROLE_SOURCE);
	return r;
}

/* A source, two translations and related coverage; findings on each, in the
 * order report.c sorts them (version, then position). */
static wc_report *sample_report(void)
{
	wc_report *r = empty_report();
	add_version(r, "fix/zte.da.txt", "da", WC_ROLE_TRANSLATION);
	add_version(r, "fix/zte.sv.txt", "sv", WC_ROLE_TRANSLATION);
	add_version(r, "fix/zte-\xC3\xA5land.en.txt", "en", WC_ROLE_RELATED);
	char *line = long_line();
	const finding_spec specs[] = {
		{.check = "text.punct-spacing", .severity = WC_INFO, .version = 0, .line = 2,
		 .column = 5, .message = "no space after \xE2\x80\x9C:\xE2\x80\x9D in running text",
		 .snippet = "Kina:roste mandag\n"},
		{.check = "text.repeated-word", .severity = WC_WARNING, .version = 1, .line = 3,
		 .column = 172, .message = "word written twice: \"amerikanske\"",
		 .found = "amerikanske amerikanske",
		 .snippet = "med amerikanske amerikanske embedsm\xC3\xA6nd"},
		{.check = "quote.detached", .severity = WC_WARNING, .version = 1, .line = 4,
		 .column = 101, .message = "closing mark \\\" stands after the space",
		 .snippet = line, .has_source_ref = 1, .source_line = 4, .source_column = 12,
		 .source_snippet = "\xE2\x80\x9CWe are in close touch,\xE2\x80\x9D said Lu."},
		{.check = "quote.unbalanced", .severity = WC_ERROR, .version = 2, .line = 25,
		 .column = 1, .message = "quotation opened\tand never\x01 closed\n",
		 .snippet = "\"V\xC3\xA5ra underr\xC3\xA4ttelsetj\xC3\xA4nster har varnat, sa Adam Schiff.",
		 .has_source_ref = 1, .source_line = 20, .source_column = 3},
		{.check = "number.format", .severity = WC_WARNING, .version = 2, .line = 8,
		 .column = 40, .message = "garbled number \xE2\x80\x9C" "80, 000\xE2\x80\x9D",
		 .expected = "80000", .found = "80, 000", .rule = "number.grouped",
		 .snippet = "med 80, 000 anst\xC3\xA4llda"},
		{.check = "fact.extra", .severity = WC_INFO, .version = 3, .line = 1, .column = 1,
		 .message = "<script>alert(\"x\")</script>", .found = "5G", .rule = "code.generic"},
	};
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
		add_finding(r, &specs[i]);
	free(line);
	return r;
}

/* ---- capturing output ---------------------------------------------------------- */

typedef int (*report_fn)(const wc_report *, const wc_report_options *, FILE *);

/* Writes r in fmt to memory; returns the text (caller frees) and *rc. */
static char *render(const wc_report *r, wc_format fmt, wc_severity gate, int color, int *rc)
{
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	assert_non_null(out);
	wc_report_options opt = {.fail_on = gate, .color = color};
	*rc = wc_report_write(r, fmt, &opt, out);
	fclose(out);
	return s;
}

static char *render_ok(const wc_report *r, wc_format fmt, wc_severity gate, int color)
{
	int rc;
	char *s = render(r, fmt, gate, color, &rc);
	assert_int_equal(rc, WC_OK);
	return s;
}

static char *write_temp(const char *text)
{
	char *path = wc_xstrdup("/tmp/wc-test-report-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Runs `jq <flags> '<filter>' path`; returns its output and *status. */
static char *run_jq(const char *flags, const char *filter, const char *path, int *status)
{
	assert_null(strchr(filter, '\''));
	char *cmd = wc_xasprintf("jq %s '%s' %s 2>&1", flags, filter, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	wc_buf b = {0};
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, p)) > 0)
		wc_buf_add(&b, chunk, k);
	*status = pclose(p);
	free(cmd);
	return wc_buf_take(&b);
}

/* jq -r filter on the JSON in path must print exactly want (plus newline). */
static void assert_jq(const char *path, const char *filter, const char *want)
{
	int status;
	char *got = run_jq("-r", filter, path, &status);
	char *want_line = wc_xasprintf("%s\n", want);
	if (strcmp(got, want_line) != 0)
		print_error("jq '%s': got [%s], want [%s]\n", filter, got, want_line);
	assert_int_equal(status, 0);
	assert_string_equal(got, want_line);
	free(got);
	free(want_line);
}

static void assert_jq_valid(const char *path)
{
	int status;
	char *got = run_jq("-e", ".", path, &status);
	if (status != 0)
		print_error("jq rejected the JSON: %s\n", got);
	assert_int_equal(status, 0);
	free(got);
}

/* ---- names --------------------------------------------------------------------- */

static void test_names(void **state)
{
	(void)state;
	const char *sev[] = {"info", "warning", "error", "never"};
	for (int i = 0; i < 4; i++) {
		assert_string_equal(wc_severity_name((wc_severity)i), sev[i]);
		assert_int_equal(wc_severity_parse(sev[i]), i);
	}
	assert_int_equal(wc_severity_parse("fatal"), -1);
	assert_int_equal(wc_severity_parse("Error"), -1);
	assert_int_equal(wc_severity_parse(""), -1);
	assert_int_equal(wc_severity_parse(NULL), -1);
	assert_string_equal(wc_role_name(WC_ROLE_SOURCE), "source");
	assert_string_equal(wc_role_name(WC_ROLE_TRANSLATION), "translation");
	assert_string_equal(wc_role_name(WC_ROLE_RELATED), "related");
	assert_int_equal(wc_format_parse("text"), WC_FORMAT_TEXT);
	assert_int_equal(wc_format_parse("json"), WC_FORMAT_JSON);
	assert_int_equal(wc_format_parse("html"), WC_FORMAT_HTML);
	assert_int_equal(wc_format_parse("sarif"), WC_FORMAT_SARIF);
	assert_int_equal(wc_format_parse("junit"), WC_FORMAT_JUNIT);
	assert_int_equal(wc_format_parse("markdown"), WC_FORMAT_MARKDOWN);
	assert_int_equal(wc_format_parse("xml"), -1);
	assert_int_equal(wc_format_parse("md"), -1);
	assert_int_equal(wc_format_parse("HTML"), -1);
	assert_int_equal(wc_format_parse(NULL), -1);
}

/* ---- access and verdicts --------------------------------------------------------- */

static void test_access(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	assert_int_equal(wc_report_version_count(r), 4);
	assert_int_equal(wc_report_count(r), 6);
	assert_string_equal(wc_report_version(r, 2)->path, "fix/zte.sv.txt");
	assert_null(wc_report_version(r, 4));
	assert_string_equal(wc_report_get(r, 4)->check, "number.format");
	assert_null(wc_report_get(r, 6));
	assert_int_equal(wc_report_version_count(NULL), 0);
	assert_int_equal(wc_report_count(NULL), 0);
	assert_null(wc_report_get(NULL, 0));
	wc_report_free(r);
	wc_report_free(NULL);
}

/* Fail flags of versions 0..3 under gate, as a string like "0010". */
static void assert_verdicts(const wc_report *r, wc_severity gate, const char *want, int run_fails)
{
	char got[8] = {0};
	for (size_t i = 0; i < 4; i++)
		got[i] = wc_report_version_fails(r, i, gate) ? '1' : '0';
	assert_string_equal(got, want);
	assert_int_equal(wc_report_fails(r, gate), run_fails);
}

static void test_verdicts(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	assert_verdicts(r, WC_ERROR, "0010", 1);
	assert_verdicts(r, WC_WARNING, "0110", 1);
	assert_verdicts(r, WC_INFO, "1111", 1);
	assert_verdicts(r, WC_NEVER, "0000", 0);
	/* Without the error, the default gate lets the run pass. */
	r->findings[3].severity = WC_WARNING;
	assert_verdicts(r, WC_ERROR, "0000", 0);
	assert_verdicts(r, WC_WARNING, "0110", 1);
	wc_report_free(r);
	wc_report *e = empty_report();
	assert_int_equal(wc_report_fails(e, WC_INFO), 0);
	wc_report_free(e);
	assert_int_equal(wc_report_fails(NULL, WC_INFO), 0);
}

/* ---- text ------------------------------------------------------------------------ */

static const char sample_text[] =
	"fix/zte.en.txt:2:5: info: no space after \xE2\x80\x9C:\xE2\x80\x9D in running text [text.punct-spacing]\n"
	"  text:     Kina:roste mandag\n"
	"                ^~~~\n"
	"fix/zte.da.txt:3:172: warning: word written twice: \"amerikanske\" [text.repeated-word]\n"
	"  text:     med amerikanske amerikanske embedsm\xC3\xA6nd\n"
	"fix/zte.da.txt:4:101: warning: closing mark \\\" stands after the space [quote.detached]\n"
	"  text:     \xE2\x80\xA6H\xC3\xA6" "3456789 I\xC3\xA6" "3456789 J\xC3\xA6" "3456789 K\xC3\xA6" "3456789 "
	"L\xC3\xA6" "3456789 M\xC3\xA6" "3456789 N\xC3\xA6" "3456789 O\xC3\xA6" "3456789 "
	"P\xC3\xA6" "3456789 Q\xC3\xA6" "3456789 \xE2\x80\xA6\n"
	"                                           ^~~~\n"
	"  source:   fix/zte.en.txt:4: \xE2\x80\x9CWe are in close touch,\xE2\x80\x9D said Lu.\n"
	"fix/zte.sv.txt:25:1: error: quotation opened\\tand never\\x01 closed\\n [quote.unbalanced]\n"
	"  text:     \"V\xC3\xA5ra underr\xC3\xA4ttelsetj\xC3\xA4nster har varnat, sa Adam Schiff.\n"
	"            ^~~~\n"
	"  source:   fix/zte.en.txt:20:3\n"
	"fix/zte.sv.txt:8:40: warning: garbled number \xE2\x80\x9C" "80, 000\xE2\x80\x9D [number.format]\n"
	"  text:     med 80, 000 anst\xC3\xA4llda\n"
	"  expected: 80000; found: 80, 000\n"
	"fix/zte-\xC3\xA5land.en.txt:1:1: info: <script>alert(\"x\")</script> [fact.extra]\n"
	"  expected: (none); found: 5G\n"
	"\n"
	"fix/zte.en.txt (en, source): PASS \xE2\x80\x94 0 errors, 0 warnings, 1 info\n"
	"fix/zte.da.txt (da, translation): PASS \xE2\x80\x94 0 errors, 2 warnings, 0 info\n"
	"fix/zte.sv.txt (sv, translation): FAIL \xE2\x80\x94 1 error, 1 warning, 0 info\n"
	"fix/zte-\xC3\xA5land.en.txt (en, related): PASS \xE2\x80\x94 0 errors, 0 warnings, 1 info\n"
	"This finding fails the gate (--fail-on error):\n"
	"fix/zte.sv.txt:25:1: error: quotation opened\\tand never\\x01 closed\\n [quote.unbalanced]\n"
	"3 versions checked: 1 failed, 2 passed \xE2\x80\x94 1 error, 3 warnings, 2 info\n";

static void test_text_exact(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *got = render_ok(r, WC_FORMAT_TEXT, WC_ERROR, 0);
	assert_string_equal(got, sample_text);
	free(got);
	wc_report_free(r);
}

/* The summary lines under other gates (the findings do not change). */
static void test_text_gates(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *got = render_ok(r, WC_FORMAT_TEXT, WC_WARNING, 0);
	assert_non_null(strstr(got, "\nfix/zte.da.txt (da, translation): FAIL \xE2\x80\x94 0 errors, 2 warnings, 0 info\n"));
	assert_non_null(strstr(got, "\n3 versions checked: 2 failed, 1 passed \xE2\x80\x94 1 error, 3 warnings, 2 info\n"));
	free(got);
	got = render_ok(r, WC_FORMAT_TEXT, WC_NEVER, 0);
	assert_null(strstr(got, "FAIL"));
	assert_non_null(strstr(got, "\n3 versions checked: 0 failed, 3 passed"));
	free(got);
	got = render_ok(r, WC_FORMAT_TEXT, WC_INFO, 0);
	assert_non_null(strstr(got, "\nfix/zte.en.txt (en, source): FAIL"));
	assert_non_null(strstr(got, "\n3 versions checked: 3 failed, 0 passed; the source fails the gate"));
	free(got);
	wc_report_free(r);
}

static void test_text_empty(void **state)
{
	(void)state;
	wc_report *r = empty_report();
	add_version(r, "da:-", "da", WC_ROLE_TRANSLATION);
	char *got = render_ok(r, WC_FORMAT_TEXT, WC_ERROR, 0);
	assert_string_equal(got,
		"fix/zte.en.txt (en, source): PASS \xE2\x80\x94 0 errors, 0 warnings, 0 info\n"
		"da:- (da, translation): PASS \xE2\x80\x94 0 errors, 0 warnings, 0 info\n"
		"1 version checked: 0 failed, 1 passed \xE2\x80\x94 0 errors, 0 warnings, 0 info\n");
	free(got);
	wc_report_free(r);
}

static void test_text_color(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *got = render_ok(r, WC_FORMAT_TEXT, WC_ERROR, 1);
	assert_non_null(strstr(got,
		"fix/zte.en.txt:2:5: \033[36minfo\033[0m: no space after \xE2\x80\x9C:\xE2\x80\x9D in running text \033[2m[text.punct-spacing]\033[0m\n"));
	assert_non_null(strstr(got,
		"fix/zte.da.txt:3:172: \033[1;33mwarning\033[0m: word written twice: \"amerikanske\" \033[2m[text.repeated-word]\033[0m\n"));
	assert_non_null(strstr(got, "fix/zte.sv.txt:25:1: \033[1;31merror\033[0m: quotation"));
	assert_non_null(strstr(got, "fix/zte.sv.txt (sv, translation): \033[1;31mFAIL\033[0m \xE2\x80\x94"));
	assert_non_null(strstr(got, "fix/zte.da.txt (da, translation): \033[32mPASS\033[0m \xE2\x80\x94"));
	free(got);
	wc_report_free(r);
}

/* --quiet: the findings that fail the gate and the verdict line, painted
 * only when colour is on. */
static char *render_view(const wc_report *r, wc_severity gate, int color, int quiet, wc_severity min)
{
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	assert_non_null(out);
	wc_report_options opt = {.fail_on = gate, .color = color, .quiet = quiet, .min_severity = min};
	assert_int_equal(wc_report_write(r, WC_FORMAT_TEXT, &opt, out), WC_OK);
	fclose(out);
	return s;
}

static char *render_quiet(const wc_report *r, wc_severity gate, int color)
{
	return render_view(r, gate, color, 1, WC_INFO);
}

#define SV25 "fix/zte.sv.txt:25:1: error: quotation opened\\tand never\\x01 closed\\n [quote.unbalanced]\n"

static void test_text_quiet(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *got = render_quiet(r, WC_ERROR, 0);
	assert_string_equal(got, SV25 "3 versions checked: 1 failed, 2 passed \xE2\x80\x94 1 error, 3 warnings, 2 info\n");
	free(got);
	got = render_quiet(r, WC_WARNING, 0);
	assert_string_equal(got,
		"fix/zte.da.txt:3:172: warning: word written twice: \"amerikanske\" [text.repeated-word]\n"
		"fix/zte.da.txt:4:101: warning: closing mark \\\" stands after the space [quote.detached]\n"
		SV25
		"fix/zte.sv.txt:8:40: warning: garbled number \xE2\x80\x9C" "80, 000\xE2\x80\x9D [number.format]\n"
		"3 versions checked: 2 failed, 1 passed \xE2\x80\x94 1 error, 3 warnings, 2 info\n");
	free(got);
	got = render_quiet(r, WC_ERROR, 1);
	assert_non_null(strstr(got, "\n3 versions checked: \033[1;31m1 failed\033[0m, \033[32m2 passed\033[0m \xE2\x80\x94 "
	                            "\033[1;31m1 error\033[0m, \033[1;33m3 warnings\033[0m, \033[36m2 info\033[0m\n"));
	free(got);
	/* Nothing to paint: zeros stay plain; no gate, no finding listed. */
	got = render_quiet(r, WC_NEVER, 1);
	const char *plain = "3 versions checked: 0 failed, \033[32m3 passed\033[0m";
	assert_true(strncmp(got, plain, strlen(plain)) == 0);
	free(got);
	wc_report_free(r);
	r = empty_report();
	add_version(r, "da:-", "da", WC_ROLE_TRANSLATION);
	got = render_quiet(r, WC_ERROR, 1);
	assert_string_equal(got, "1 version checked: 0 failed, \033[32m1 passed\033[0m \xE2\x80\x94 0 errors, 0 warnings, 0 info\n");
	free(got);
	wc_report_free(r);
	/* The source's own findings count, and the line says that the source
	 * fails: it never contradicts the exit status. */
	r = empty_report();
	add_finding(r, &(finding_spec){.check = "quote.unbalanced", .severity = WC_ERROR, .line = 1,
	                               .column = 1, .message = "m"});
	got = render_quiet(r, WC_ERROR, 0);
	assert_string_equal(got, "fix/zte.en.txt:1:1: error: m [quote.unbalanced]\n"
	                         "0 versions checked: 0 failed, 0 passed; the source fails the gate \xE2\x80\x94 "
	                         "1 error, 0 warnings, 0 info\n");
	free(got);
	got = render_quiet(r, WC_NEVER, 0);
	assert_string_equal(got, "0 versions checked: 0 failed, 0 passed \xE2\x80\x94 1 error, 0 warnings, 0 info\n");
	free(got);
	wc_report_free(r);
}

/* --min-severity: the listing keeps the findings at the level or above; the
 * counts, verdicts and the repeat of what fails the gate do not change. */
static void test_text_min_severity(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *all = render_view(r, WC_ERROR, 0, 0, WC_INFO);
	char *errors = render_view(r, WC_ERROR, 0, 0, WC_ERROR);
	char *warnings = render_view(r, WC_ERROR, 0, 0, WC_WARNING);
	assert_true(strncmp(errors, SV25 "  text:     \"V\xC3\xA5ra", strlen(SV25) + 17) == 0);
	assert_null(strstr(errors, "[text.repeated-word]"));
	assert_non_null(strstr(errors, "\n(5 findings below error not shown: --min-severity error)\n"
	                               "This finding fails the gate (--fail-on error):\n" SV25
	                               "3 versions checked: 1 failed, 2 passed \xE2\x80\x94 1 error, 3 warnings, 2 info\n"));
	assert_non_null(strstr(warnings, "[text.repeated-word]"));
	assert_null(strstr(warnings, "[fact.extra]"));
	assert_non_null(strstr(warnings, "(2 findings below warning not shown: --min-severity warning)\n"));
	assert_null(strstr(all, "not shown"));
	free(all);
	free(errors);
	free(warnings);
	wc_report_free(r);
}

/* The "found:" line of a report holding one finding on line at column. */
static char *found_line(const char *line, size_t column)
{
	wc_report *r = empty_report();
	add_finding(r, &(finding_spec){.check = "text.repeated-word", .severity = WC_WARNING,
	                               .line = 1, .column = column, .message = "m", .snippet = line});
	char *got = render_ok(r, WC_FORMAT_TEXT, WC_ERROR, 0);
	wc_report_free(r);
	char *start = strstr(got, "  text:     ");
	assert_non_null(start);
	start += strlen("  text:     ");
	char *s = wc_xstrndup(start, strcspn(start, "\n"));
	free(got);
	return s;
}

#define GROUP(c) c "\xC3\xA6" "3456789 "
#define ELLIPSIS "\xE2\x80\xA6"

static void test_text_snippets(void **state)
{
	(void)state;
	char *line = long_line();
	char *got = found_line(line, 5);
	assert_string_equal(got, GROUP("A") GROUP("B") GROUP("C") GROUP("D") GROUP("E")
	                         GROUP("F") GROUP("G") GROUP("H") GROUP("I") GROUP("J") ELLIPSIS);
	free(got);
	got = found_line(line, 195);
	assert_string_equal(got, ELLIPSIS GROUP("K") GROUP("L") GROUP("M") GROUP("N") GROUP("O")
	                         GROUP("P") GROUP("Q") GROUP("R") GROUP("S") GROUP("T"));
	free(got);
	/* Column 33 lies in group D; 30 code points before it the cut falls
	 * right after the two-byte æ of group A, not inside it. */
	got = found_line(line, 33);
	assert_string_equal(got, ELLIPSIS "3456789 " GROUP("B") GROUP("C") GROUP("D") GROUP("E")
	                         GROUP("F") GROUP("G") GROUP("H") GROUP("I") GROUP("J") "K\xC3\xA6" ELLIPSIS);
	free(got);
	/* 100 code points fit whole; 101 do not.  A group is 11 bytes, so code
	 * point 100 starts at byte 110 and code point 101 at byte 111. */
	line[110] = '\0';
	got = found_line(line, 100);
	assert_int_equal(wc_utf8_count(got, strlen(got)), 100);
	assert_null(strstr(got, ELLIPSIS));
	free(got);
	free(line);
	line = long_line();
	line[111] = '\0';
	got = found_line(line, 101);
	assert_string_equal(got, ELLIPSIS "\xC3\xA6" "3456789 " GROUP("B") GROUP("C") GROUP("D")
	                         GROUP("E") GROUP("F") GROUP("G") GROUP("H") GROUP("I") GROUP("J") "K");
	free(got);
	free(line);
	/* Control characters and invalid bytes cannot reach the terminal: they
	 * are escaped; a tab of the text is a space. */
	got = found_line("a\033[2Jb\x7f" "c\xC2\x85" "d\xff" "e\tf\r\n", 1);
	assert_string_equal(got, "a\\x1b[2Jb\\x7f" "c\\u0085" "d\\xff" "e f");
	free(got);
	got = found_line("\x80x", 1);
	assert_string_equal(got, "\\x80x");
	free(got);
}

/* ---- JSON ------------------------------------------------------------------------- */

static void test_json_str(void **state)
{
	(void)state;
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	wc_json_str(out, "a\"b\\c/\x01\n\t\x1f\x7f \xC3\xA6\xE2\x80\xA6 \xE2\x80\xA8 \xff<script>");
	fputc(' ', out);
	wc_json_str(out, NULL);
	fputc(' ', out);
	wc_json_str(out, "");
	fclose(out);
	assert_string_equal(s, "\"a\\\"b\\\\c/\\u0001\\u000a\\u0009\\u001f\\u007f \xC3\xA6\xE2\x80\xA6 \\u2028 \\ufffd<script>\" null \"\"");
	free(s);
}

static void test_json_layout(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *got = render_ok(r, WC_FORMAT_JSON, WC_ERROR, 0);
	const char *head = "{\n  \"wirecheck\": 1,\n  \"source\": {\"path\": \"fix/zte.en.txt\", "
	                   "\"lang\": \"en\", \"verdict\": \"pass\", "
	                   "\"counts\": {\"error\": 0, \"warning\": 0, \"info\": 1}},\n";
	assert_true(strncmp(got, head, strlen(head)) == 0);
	assert_non_null(strstr(got, "\n  \"versions\": [\n    {\"path\": \"fix/zte.da.txt\", \"lang\": \"da\", "
	                            "\"role\": \"translation\", \"verdict\": \"pass\", "
	                            "\"counts\": {\"error\": 0, \"warning\": 2, \"info\": 0}},\n"));
	assert_non_null(strstr(got, "\n  \"findings\": [\n    {\n      \"check\": \"text.punct-spacing\", "));
	assert_non_null(strstr(got, "\"message\": \"quotation opened\\u0009and never\\u0001 closed\\u000a\""));
	/* The added fields come after the findings, the first ones stay first. */
	assert_non_null(strstr(got, "\n  ],\n  \"tool\": \"wirecheck\",\n  \"version\": \"" WC_VERSION "\",\n"
	                            "  \"gate\": {\"fail_on\": \"error\", \"verdict\": \"fail\", \"failing_findings\": 1},\n"
	                            "  \"totals\": {\"checked\": 3, \"failed\": 1, \"passed\": 2, \"source_fails\": false, "
	                            "\"error\": 1, \"warning\": 3, \"info\": 2}"));
	free(got);
	/* Colour never leaks into JSON. */
	got = render_ok(r, WC_FORMAT_JSON, WC_ERROR, 1);
	assert_null(strchr(got, '\033'));
	free(got);
	wc_report_free(r);
}

static void test_json_values(void **state)
{
	(void)state;
	wc_report *r = sample_report();
	char *json = render_ok(r, WC_FORMAT_JSON, WC_ERROR, 0);
	char *path = write_temp(json);
	assert_jq_valid(path);
	assert_jq(path, "keys_unsorted | join(\",\")", "wirecheck,source,versions,findings,tool,version,gate,totals,alignment");
	assert_jq(path, "[.gate.fail_on, .gate.verdict, .gate.failing_findings] | @tsv", "error\tfail\t1");
	assert_jq(path, ".wirecheck", "1");
	assert_jq(path, ".source | keys_unsorted | join(\",\")", "path,lang,verdict,counts");
	assert_jq(path, ".source | [.path, .lang, .verdict, .counts.error, .counts.warning, .counts.info] | @tsv",
	          "fix/zte.en.txt\ten\tpass\t0\t0\t1");
	assert_jq(path, ".versions | length", "3");
	assert_jq(path, ".versions[0] | keys_unsorted | join(\",\")", "path,lang,role,verdict,counts");
	assert_jq(path, "[.versions[] | .role] | join(\",\")", "translation,translation,related");
	assert_jq(path, "[.versions[] | .verdict] | join(\",\")", "pass,fail,pass");
	assert_jq(path, ".versions[1].counts | [.error, .warning, .info] | @tsv", "1\t1\t0");
	assert_jq(path, ".versions[2].path", "fix/zte-\xC3\xA5land.en.txt");
	assert_jq(path, ".findings | length", "6");
	assert_jq(path, ".findings[0] | keys_unsorted | join(\",\")",
	          "check,severity,path,lang,line,column,end_line,end_column,start,end,"
	          "message,expected,found,rule,source_ref");
	assert_jq(path, "[.findings[] | .severity] | join(\",\")", "info,warning,warning,error,warning,info");
	assert_jq(path, ".findings[1] | [.expected, .rule, .source_ref] | map(. == null) | all", "true");
	assert_jq(path, ".findings[1].found", "amerikanske amerikanske");
	assert_jq(path, ".findings[2].message", "closing mark \\\" stands after the space");
	assert_jq(path, ".findings[2] | [.line, .column, .end_line, .end_column, .start, .end] | @tsv",
	          "4\t101\t4\t105\t40\t47");
	assert_jq(path, ".findings[2].source_ref | [.path, .line, .column] | @tsv", "fix/zte.en.txt\t4\t12");
	assert_jq(path, ".findings[3].message", "quotation opened\tand never\x01 closed\n");
	assert_jq(path, ".findings[3].source_ref.line", "20");
	assert_jq(path, ".findings[4] | [.path, .lang, .expected, .found, .rule] | @tsv",
	          "fix/zte.sv.txt\tsv\t80000\t80, 000\tnumber.grouped");
	assert_jq(path, ".findings[5].message", "<script>alert(\"x\")</script>");
	assert_jq(path, ".findings[5].path", "fix/zte-\xC3\xA5land.en.txt");
	unlink(path);
	free(path);
	free(json);

	json = render_ok(r, WC_FORMAT_JSON, WC_WARNING, 0);
	path = write_temp(json);
	assert_jq(path, "[.source.verdict, (.versions[] | .verdict)] | join(\",\")", "pass,fail,fail,pass");
	unlink(path);
	free(path);
	free(json);
	json = render_ok(r, WC_FORMAT_JSON, WC_NEVER, 0);
	path = write_temp(json);
	assert_jq(path, "[.source.verdict, (.versions[] | .verdict)] | join(\",\")", "pass,pass,pass,pass");
	unlink(path);
	free(path);
	free(json);
	wc_report_free(r);
}

static void test_json_empty(void **state)
{
	(void)state;
	wc_report *r = empty_report();
	char *json = render_ok(r, WC_FORMAT_JSON, WC_ERROR, 0);
	char *path = write_temp(json);
	assert_jq_valid(path);
	assert_jq(path, ".versions == [] and .findings == [] and .source.verdict == \"pass\"", "true");
	unlink(path);
	free(path);
	free(json);
	wc_report_free(r);
	r = wc_xcalloc(1, sizeof *r);
	json = render_ok(r, WC_FORMAT_JSON, WC_ERROR, 0);
	path = write_temp(json);
	assert_jq(path, ".source == null and .versions == []", "true");
	unlink(path);
	free(path);
	free(json);
	wc_report_free(r);
}

/* ---- facts --------------------------------------------------------------------------- */

static char *own_fact(wc_facts *f, const char *s)
{
	if (!s)
		return NULL;
	char *p = wc_xstrdup(s);
	*WC_PUSH(f->owned, f->nowned, f->owned_cap) = p;
	return p;
}

static void add_fact(wc_facts *f, const char *kind, const char *text, const char *value,
                     const char *unit, const char *rule, size_t line, size_t column,
                     size_t start, size_t end)
{
	wc_fact *x = WC_PUSH(f->v, f->n, f->cap);
	x->kind = own_fact(f, kind);
	x->text = own_fact(f, text);
	x->value = own_fact(f, value);
	x->unit = own_fact(f, unit);
	x->rule = own_fact(f, rule);
	x->line = line;
	x->column = column;
	x->start = start;
	x->end = end;
	x->weak = 0;
}

static void test_facts_jsonl(void **state)
{
	(void)state;
	wc_facts *f = wc_xcalloc(1, sizeof *f);
	add_fact(f, "money", "1,2 milliarder dollar", "1200000000", "USD", "money.scaled", 6, 12, 300, 322);
	add_fact(f, "number", "80, 000", "80000", NULL, "number.grouped", 5, 40, 210, 217);
	add_fact(f, "name", "\"Liu\" \\ He\x02", "liu he", NULL, NULL, 1, 1, 0, 12);
	assert_int_equal(wc_facts_count(f), 3);
	assert_string_equal(wc_facts_get(f, 1)->value, "80000");
	assert_null(wc_facts_get(f, 3));
	assert_int_equal(wc_facts_count(NULL), 0);

	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	assert_int_equal(wc_facts_write_jsonl(f, out), WC_OK);
	fclose(out);
	assert_string_equal(s,
		"{\"kind\":\"money\",\"text\":\"1,2 milliarder dollar\",\"value\":\"1200000000\",\"unit\":\"USD\","
		"\"line\":6,\"column\":12,\"start\":300,\"end\":322,\"rule\":\"money.scaled\"}\n"
		"{\"kind\":\"number\",\"text\":\"80, 000\",\"value\":\"80000\",\"unit\":null,"
		"\"line\":5,\"column\":40,\"start\":210,\"end\":217,\"rule\":\"number.grouped\"}\n"
		"{\"kind\":\"name\",\"text\":\"\\\"Liu\\\" \\\\ He\\u0002\",\"value\":\"liu he\",\"unit\":null,"
		"\"line\":1,\"column\":1,\"start\":0,\"end\":12,\"rule\":null}\n");
	char *path = write_temp(s);
	int status;
	char *got = run_jq("-e -c", "[.kind, .unit, .line]", path, &status);
	assert_int_equal(status, 0);
	assert_string_equal(got, "[\"money\",\"USD\",6]\n[\"number\",null,5]\n[\"name\",null,1]\n");
	free(got);
	unlink(path);
	free(path);
	free(s);
	wc_facts_free(f);
	wc_facts_free(NULL);
}

/* ---- errors ---------------------------------------------------------------------------- */

static void test_write_errors(void **state)
{
	(void)state;
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	wc_report *r = sample_report();
	wc_report_options opt = {.fail_on = WC_ERROR};
	assert_int_equal(wc_report_write(r, WC_FORMAT_TEXT, &opt, full), WC_EIO);
	clearerr(full);
	assert_int_equal(wc_report_write(r, WC_FORMAT_JSON, &opt, full), WC_EIO);
	clearerr(full);
	for (int fmt = WC_FORMAT_HTML; fmt <= WC_FORMAT_MARKDOWN; fmt++) {
		assert_int_equal(wc_report_write(r, (wc_format)fmt, &opt, full), WC_EIO);
		clearerr(full);
	}
	opt.quiet = 1;
	assert_int_equal(wc_report_write(r, WC_FORMAT_TEXT, &opt, full), WC_EIO);
	clearerr(full);
	opt.quiet = 0;
	wc_facts *f = wc_xcalloc(1, sizeof *f);
	add_fact(f, "number", "7", "7", NULL, "number.digits", 1, 1, 0, 1);
	assert_int_equal(wc_facts_write_jsonl(f, full), WC_EIO);
	fclose(full);
	wc_facts_free(f);

	/* A NULL options pointer means the defaults; an unknown format is refused. */
	int rc;
	char *got = render(r, (wc_format)7, WC_ERROR, 0, &rc);
	assert_int_equal(rc, WC_EUSAGE);
	free(got);
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	assert_int_equal(wc_report_write(r, WC_FORMAT_TEXT, NULL, out), WC_OK);
	fclose(out);
	assert_string_equal(s, sample_text);
	free(s);
	wc_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_text_exact),
		cmocka_unit_test(test_text_min_severity),
		cmocka_unit_test(test_text_gates),
		cmocka_unit_test(test_text_empty),
		cmocka_unit_test(test_text_color),
		cmocka_unit_test(test_text_quiet),
		cmocka_unit_test(test_text_snippets),
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_json_layout),
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_facts_jsonl),
		cmocka_unit_test(test_write_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
