/*
 * test_report_formats.c — the editors' and tools' formats (HTML, SARIF,
 * JUnit, Markdown) on reports built by hand: a source, a translation that
 * drops one paragraph, adds one and gets one value wrong, and related
 * coverage, with texts, aligned paragraphs and facts, so that nothing of the
 * pipeline before report.c is needed.  SARIF is read back with jq, JUnit
 * with xmllint; the HTML is searched for what an editor must see.
 */
#include "unit.h"
#include "report.h"

#include <unistd.h>

/* ---- building a report by hand ----------------------------------------------------- */

static const char *own(wc_report *r, const char *s)
{
	if (!s)
		return NULL;
	char *p = wc_xstrdup(s);
	*WC_PUSH(r->strings, r->nstrings, r->strings_cap) = p;
	return p;
}

/* Adds a version whose text is given as paragraphs, one a line; src_para[p]
 * is the aligned source paragraph of paragraph p (ignored for the source). */
static void add_version(wc_report *r, const char *path, const char *lang, wc_role role,
                        const char *const *paras, size_t npara, const long *src_para)
{
	size_t v = r->nversions++;
	r->versions = wc_xrealloc(r->versions, r->nversions * sizeof *r->versions);
	r->docs = wc_xrealloc(r->docs, r->nversions * sizeof *r->docs);
	memset(&r->versions[v], 0, sizeof r->versions[v]);
	memset(&r->docs[v], 0, sizeof r->docs[v]);
	r->versions[v].path = own(r, path);
	r->versions[v].lang = own(r, lang);
	r->versions[v].role = role;
	wc_buf b = {0};
	wc_report_doc *d = &r->docs[v];
	d->paras = wc_xcalloc(npara ? npara : 1, sizeof *d->paras);
	d->npara = npara;
	for (size_t p = 0; p < npara; p++) {
		d->paras[p].line = p + 1;
		d->paras[p].start = b.len;
		wc_buf_puts(&b, paras[p]);
		d->paras[p].end = b.len;
		d->paras[p].source_para = role == WC_ROLE_SOURCE ? (long)p : src_para[p];
		wc_buf_putc(&b, '\n');
	}
	d->len = b.len;
	d->text = wc_buf_take(&b);
}

/* Line and column (code points) of byte offset off in version v. */
static void position(const wc_report *r, size_t v, size_t off, size_t *line, size_t *column)
{
	const wc_report_doc *d = &r->docs[v];
	size_t p = 0;
	while (p + 1 < d->npara && d->paras[p + 1].start <= off)
		p++;
	*line = d->paras[p].line;
	*column = wc_utf8_count(d->text + d->paras[p].start, off - d->paras[p].start) + 1;
}

static size_t offset_of(const wc_report *r, size_t v, const char *needle)
{
	const char *at = strstr(r->docs[v].text, needle);
	assert_non_null(at);
	return (size_t)(at - r->docs[v].text);
}

static void add_fact(wc_report *r, size_t v, const char *text, const char *kind, const char *value,
                     const char *unit, wc_fact_status status)
{
	wc_report_doc *d = &r->docs[v];
	d->facts = wc_xrealloc(d->facts, (d->nfacts + 1) * sizeof *d->facts);
	wc_report_fact *f = &d->facts[d->nfacts++];
	memset(f, 0, sizeof *f);
	f->fact.start = offset_of(r, v, text);
	f->fact.end = f->fact.start + strlen(text);
	f->fact.kind = own(r, kind);
	f->fact.text = own(r, text);
	f->fact.value = own(r, value);
	f->fact.unit = own(r, unit);
	f->fact.rule = own(r, kind);
	position(r, v, f->fact.start, &f->fact.line, &f->fact.column);
	f->para = (size_t)(f->fact.line - 1);
	f->status = status;
}

typedef struct {
	const char *check;
	wc_severity severity;
	size_t version;
	const char *at;          /* the text the finding covers */
	const char *message, *expected, *found;
	const char *source_at;   /* its counterpart in the source, or NULL */
} spec;

static void add_finding(wc_report *r, const spec *s)
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
	f->start = offset_of(r, s->version, s->at);
	f->end = f->start + strlen(s->at);
	position(r, s->version, f->start, &f->line, &f->column);
	position(r, s->version, f->end, &f->end_line, &f->end_column);
	f->message = own(r, s->message);
	f->expected = own(r, s->expected);
	f->found = own(r, s->found);
	if (s->source_at) {
		f->has_source_ref = 1;
		f->source_path = r->versions[0].path;
		position(r, 0, offset_of(r, 0, s->source_at), &f->source_line, &f->source_column);
	}
	v->errors += s->severity == WC_ERROR;
	v->warnings += s->severity == WC_WARNING;
	v->infos += s->severity == WC_INFO;
}

static const char *const src_paras[] = {
	"Beijing on Monday: ZTE, which employs 80,000 people, was banned.",
	"\"We are in close touch,\" said Lu <b>Kang</b>.",
	"The fine was $1.2 billion.",
};
static const char *const da_paras[] = {
	"Peking mandag: ZTE, som besk\xC3\xA6" "ftiger 80, 000 mennesker <script>alert(1)</script>, blev forbudt.",
	"B\xC3\xB8" "den var 1,3 milliarder dollar.",
	"Ekstra | *afsnit* fra 2018.",
};
static const long da_align[] = {0, 2, -1};
static const char *const rel_paras[] = {"Related: ZTE has 80,000 workers since 1985."};
static const long rel_align[] = {0};

/* The story: the Danish translation drops source paragraph 2 (the quotation),
 * gets the fine wrong, and adds a paragraph of its own. */
static wc_report *story(void)
{
	wc_report *r = wc_xcalloc(1, sizeof *r);
	add_version(r, "fix/zte.en.txt", "en", WC_ROLE_SOURCE, src_paras, 3, NULL);
	add_version(r, "fix/zte.da.txt", "da", WC_ROLE_TRANSLATION, da_paras, 3, da_align);
	add_version(r, "fix/zte-rel.en.txt", "en", WC_ROLE_RELATED, rel_paras, 1, rel_align);
	add_fact(r, 0, "Monday", "date", "monday", "weekday", WC_FACT_UNCHECKED);
	add_fact(r, 0, "80,000", "number", "80000", NULL, WC_FACT_UNCHECKED);
	add_fact(r, 0, "$1.2 billion", "money", "1200000000", "USD", WC_FACT_UNCHECKED);
	add_fact(r, 1, "mandag", "date", "monday", "weekday", WC_FACT_MATCHED);
	add_fact(r, 1, "80, 000", "number", "80000", NULL, WC_FACT_MATCHED);
	add_fact(r, 1, "1,3 milliarder dollar", "money", "1300000000", "USD", WC_FACT_MISMATCHED);
	add_fact(r, 1, "2018", "number", "2018", NULL, WC_FACT_UNMATCHED);
	add_fact(r, 2, "80,000", "number", "80000", NULL, WC_FACT_MATCHED);
	add_fact(r, 2, "1985", "number", "1985", NULL, WC_FACT_UNMATCHED);
	const spec specs[] = {
		{"number.format", WC_WARNING, 1, "80, 000", "number '80, 000' is garbled", NULL, "80, 000", NULL},
		{"quote.missing", WC_WARNING, 1, "Peking", "the quotation of source line 2 has no counterpart",
		 "\"We are in close touch,\" said Lu", NULL, "\"We are"},
		{"text.punct-spacing", WC_INFO, 1, "<script>", "<script>alert(1)</script> | *x* & @you", NULL,
		 "<script>", NULL},
		{"fact.mismatch", WC_ERROR, 1, "1,3 milliarder dollar", "the fine differs", "1200000000",
		 "1300000000", "$1.2 billion"},
		{"fact.extra", WC_INFO, 1, "2018", "number '2018' has no counterpart in the source", NULL,
		 "2018", NULL},
	};
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
		add_finding(r, &specs[i]);
	return r;
}

/* ---- running things -------------------------------------------------------------------- */

static char *render(const wc_report *r, wc_format fmt, wc_severity gate)
{
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	assert_non_null(out);
	wc_report_options opt = {.fail_on = gate, .color = 1};
	assert_int_equal(wc_report_write(r, fmt, &opt, out), WC_OK);
	fclose(out);
	return s;
}

static char *write_temp(const char *text)
{
	char *path = wc_xstrdup("/tmp/wc-test-formats-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	wc_buf b = {0};
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, p)) > 0)
		wc_buf_add(&b, chunk, k);
	*status = pclose(p);
	return wc_buf_take(&b);
}

/* `tool 'query' path` must print want (plus a newline). */
static void assert_query(const char *tool, const char *path, const char *query, const char *want)
{
	assert_null(strchr(query, '\''));
	char *cmd = wc_xasprintf("%s '%s' %s 2>&1", tool, query, path);
	int status;
	char *got = run(cmd, &status);
	char *want_line = wc_xasprintf("%s\n", want);
	if (strcmp(got, want_line) != 0)
		print_error("%s: got [%s], want [%s]\n", cmd, got, want_line);
	assert_int_equal(status, 0);
	assert_string_equal(got, want_line);
	free(cmd);
	free(got);
	free(want_line);
}

static void assert_jq(const char *path, const char *filter, const char *want)
{
	assert_query("jq -r", path, filter, want);
}

static void assert_xpath(const char *path, const char *xpath, const char *want)
{
	char *q = wc_xasprintf("concat(%s, \"\")", xpath);
	char *cmd = wc_xasprintf("xmllint --xpath '%s' %s 2>&1", q, path);
	int status;
	char *got = run(cmd, &status);
	char *want_line = wc_xasprintf("%s\n", want);
	if (strcmp(got, want_line) != 0)
		print_error("xpath %s: got [%s], want [%s]\n", xpath, got, want_line);
	assert_string_equal(got, want_line);
	free(q);
	free(cmd);
	free(got);
	free(want_line);
}

static size_t occurrences(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The part of html from the first occurrence of start to the next end. */
static char *between(const char *html, const char *start, const char *end)
{
	const char *a = strstr(html, start);
	if (!a)
		print_error("no [%s]\n", start);
	assert_non_null(a);
	const char *b = strstr(a, end);
	assert_non_null(b);
	return wc_xstrndup(a, (size_t)(b - a));
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		print_error("missing: %s\n", needle);
	assert_non_null(strstr(hay, needle));
}

/* ---- HTML ------------------------------------------------------------------------------------ */

static void assert_balanced(const char *html, const char *open, const char *close)
{
	size_t a = occurrences(html, open), b = occurrences(html, close);
	if (a != b)
		print_error("%zu %s but %zu %s\n", a, open, b, close);
	assert_int_equal(a, b);
}

static void test_html_page(void **state)
{
	(void)state;
	wc_report *r = story();
	char *html = render(r, WC_FORMAT_HTML, WC_ERROR);
	assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
	assert_has(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
	assert_has(html, "<title>wirecheck: FAIL \xE2\x80\x94 zte.en.txt</title>");
	/* Self-contained: one inline script, nothing to fetch. */
	assert_int_equal(occurrences(html, "<script"), 1);
	assert_null(strstr(html, " src="));
	assert_null(strstr(html, "<link"));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "http:"));
	assert_null(strstr(html, "https:"));
	assert_has(html, "@media print{\n@page{size:A4 landscape;");
	const char *pairs[][2] = {{"<tr", "</tr>"}, {"<td", "</td>"}, {"<div", "</div>"},
	                          {"<mark", "</mark>"}, {"<table", "</table>"}, {"<section", "</section>"},
	                          {"<p ", "</p>"}, {"<details", "</details>"}, {"<dl", "</dl>"}};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		assert_balanced(html, pairs[i][0], pairs[i][1]);
	/* Top: the story, a verdict per version, counts per check. */
	assert_has(html, "<span class=\"label\">The story</span>Beijing on Monday: ZTE, which employs 80,000 people, was banned.</blockquote>");
	assert_has(html, "<li class=\"card pass\"><a href=\"#v0\">");
	assert_has(html, "<li class=\"card fail\"><a href=\"#v1\">");
	assert_has(html, "<li class=\"card pass\"><a href=\"#v2\">");
	assert_has(html, "<li class=\"sc error n\">\xE2\x9C\x96 1 error</li><li class=\"sc warning n\">\xE2\x96\xB2 2 warnings</li><li class=\"sc info n\">\xE2\x84\xB9 2 info</li>");
	assert_has(html, "<p class=\"totals\" id=\"totals\">2 versions checked against the source: 1 failed, 1 passed \xE2\x80\x94 1 error, 2 warnings, 2 info</p>");
	assert_has(html, "<tr><td class=\"check\">fact.mismatch</td><td class=\"desc\">a fact has a different value in the translation than in the source</td><td class=\"n zero\">0</td><td class=\"n\">1</td><td class=\"n zero\">0</td><td class=\"n\"><b>1</b></td></tr>");
	/* five checks have findings in the story; the registry's others are listed as quiet */
	char *quiet = wc_xasprintf("<p class=\"meta\">%zu other checks found nothing.</p>", wc_check_count() - 5);
	assert_has(html, quiet);
	free(quiet);
	char *blocking = between(html, "<div class=\"blocking\"", "</div>");
	assert_has(blocking, "This finding fails the gate");
	assert_has(blocking, "<a href=\"#f4\">\xE2\x9C\x96 error, finding\xC2\xA0#4</a> <span class=\"check\">fact.mismatch</span> in fix/zte.da.txt, line 2: the fine differs");
	free(blocking);
	/* Filters for the script to reveal. */
	assert_has(html, "<form id=\"filters\" hidden");
	assert_has(html, "<input type=\"checkbox\" name=\"sev\" value=\"error\" checked> \xE2\x9C\x96 error (1)");
	assert_has(html, "<input type=\"checkbox\" name=\"check\" value=\"quote.missing\" checked>");
	free(html);
	wc_report_free(r);
}

static void test_html_side_by_side(void **state)
{
	(void)state;
	wc_report *r = story();
	char *html = render(r, WC_FORMAT_HTML, WC_ERROR);
	char *sec = between(html, "<section class=\"version translation\" id=\"v1\"", "</section>");
	/* Row order: source 0 with da 0, the gap for source 1, source 2 with
	 * da 1, then the paragraph the translation adds. */
	const char *a = strstr(sec, "<tr class=\"row pair has-error\""), *p = strstr(sec, "<tr class=\"row pair\"");
	const char *g = strstr(sec, "<tr class=\"row gap\""), *x = strstr(sec, "<tr class=\"row added\"");
	assert_non_null(a);
	assert_non_null(p);
	assert_non_null(g);
	assert_non_null(x);
	assert_true(p < g && g < a && a < x);
	assert_int_equal(occurrences(sec, "<tr class=\"row"), 4);

	/* The gap shows the source's text, escaped, and holds the finding about it. */
	char *gap = between(g, "<tr", "</tr>");
	assert_has(gap, "&quot;We are in close touch,&quot; said Lu &lt;b&gt;Kang&lt;/b&gt;.");
	assert_has(gap, "Not in the translation: this source paragraph was dropped");
	assert_has(gap, "data-check=\"quote.missing\"");
	assert_has(gap, "<dt>expected</dt><dd>&quot;We are in close touch,&quot; said Lu</dd><dt>found</dt><dd class=\"none\">(none)</dd>");
	assert_has(gap, "<p class=\"ref\">source: line 2:1</p>");
	free(gap);

	/* The first pair: facts matched on both sides, the garbled number's
	 * marker before its fact, article markup as text. */
	char *first = between(p, "<tr", "</tr>");
	assert_has(first, "<mark class=\"fact f-ok\" data-kind=\"date\" title=\"matched: date monday weekday\">Monday<span class=\"fi\" aria-hidden=\"true\">\xE2\x9C\x93</span><span class=\"vh\"> (matched)</span></mark>");
	assert_has(first, "<a class=\"pin warning\" href=\"#f1\" data-sev=\"warning\" data-check=\"number.format\" title=\"warning: number.format\">\xE2\x96\xB2\xC2\xA0" "1</a><mark class=\"fact f-ok\" data-kind=\"number\" title=\"matched: number 80000\">80, 000");
	assert_has(first, "mennesker <a class=\"pin info\" href=\"#f3\"");
	assert_has(first, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_null(strstr(first, "<script>"));
	assert_has(first, "<p class=\"msg\">&lt;script&gt;alert(1)&lt;/script&gt; | *x* &amp; @you</p>");
	assert_has(first, "<td class=\"text src\" data-label=\"Source\" lang=\"en\">");
	assert_has(first, "<td class=\"text tgt\" data-label=\"Translation\" lang=\"da\">");
	assert_null(strstr(first, "quote.missing")); /* it stands in the gap, not here */
	free(first);

	/* The mismatch: a double-underlined, labelled fact on both sides. */
	char *bad = between(a, "<tr", "</tr>");
	assert_has(bad, "<mark class=\"fact f-bad\" data-kind=\"money\" title=\"mismatch: money 1200000000 USD\">$1.2 billion<span class=\"fi\" aria-hidden=\"true\">\xE2\x9C\x97</span><span class=\"fl\">mismatch</span></mark>");
	assert_has(bad, "<mark class=\"fact f-bad\" data-kind=\"money\" title=\"mismatch: money 1300000000 USD\">1,3 milliarder dollar");
	assert_has(bad, "<div class=\"finding error\" id=\"f4\" data-sev=\"error\" data-check=\"fact.mismatch\">");
	assert_has(bad, "<dt>expected</dt><dd>1200000000</dd><dt>found</dt><dd>1300000000</dd>");
	free(bad);

	/* The added paragraph: a gap on the source side, its fact unmatched. */
	char *added = between(x, "<tr", "</tr>");
	assert_has(added, "Not in the source: the translation adds this paragraph");
	assert_has(added, "Ekstra | *afsnit* fra <a class=\"pin info\" href=\"#f5\"");
	assert_has(added, "<mark class=\"fact f-extra\" data-kind=\"number\" title=\"not in the source: number 2018\">2018<span class=\"fi\" aria-hidden=\"true\">?</span><span class=\"fl\">not in source</span></mark>");
	free(added);
	free(sec);

	/* Related coverage: its own column; an unmatched fact is not a problem there. */
	char *rel = between(html, "<section class=\"version related\" id=\"v2\"", "</section>");
	assert_has(rel, "Related coverage \xC2\xB7 English (en)");
	assert_has(rel, "<details class=\"text\"><summary>");
	assert_has(rel, "<mark class=\"fact f-plain\" data-kind=\"number\" title=\"fact, not compared: number 1985\">1985");
	assert_has(rel, "<mark class=\"fact f-ok\" data-kind=\"number\" title=\"matched: number 80000\">80,000");
	free(rel);
	/* A source without findings of its own gets no section. */
	assert_null(strstr(html, "id=\"v0\" aria-labelledby"));
	free(html);
	wc_report_free(r);
}

/* A report without texts (as test_report.c builds them) still lists every
 * finding; so does an empty report. */
static void test_html_without_texts(void **state)
{
	(void)state;
	wc_report *r = wc_xcalloc(1, sizeof *r);
	char *html = render(r, WC_FORMAT_HTML, WC_ERROR);
	assert_has(html, "<title>wirecheck: PASS</title>");
	assert_has(html, "No check found anything.");
	assert_has(html, "</html>\n");
	free(html);
	wc_report_free(r);

	r = story();
	for (size_t v = 0; v < r->nversions; v++) {
		free(r->docs[v].text);
		free(r->docs[v].paras);
		free(r->docs[v].facts);
	}
	free(r->docs);
	r->docs = NULL;
	html = render(r, WC_FORMAT_HTML, WC_WARNING);
	assert_int_equal(occurrences(html, "<h3>Findings without a paragraph</h3>"), 1);
	assert_int_equal(occurrences(html, "<div class=\"finding "), 5);
	assert_has(html, "These findings fail the gate");
	assert_has(html, "<p class=\"ref\">source: line 2:1</p>");
	free(html);
	wc_report_free(r);
}

/* Bytes that are not text become U+FFFD; the page stays one document. */
static void test_html_stray_bytes(void **state)
{
	(void)state;
	wc_report *r = story();
	r->findings[0].message = own(r, "bad\xff byte\x01 and \xE2\x80\xA8 sep");
	char *html = render(r, WC_FORMAT_HTML, WC_ERROR);
	assert_has(html, "<p class=\"msg\">bad\xEF\xBF\xBD byte\xEF\xBF\xBD and \xE2\x80\xA8 sep</p>");
	free(html);
	wc_report_free(r);
}

/* ---- SARIF ------------------------------------------------------------------------------------- */

static void test_sarif(void **state)
{
	(void)state;
	wc_report *r = story();
	/* A path that needs encoding, and a check the registry does not know. */
	r->versions[2].path = own(r, "fix/zte \xC3\xA5|land.en.txt");
	add_finding(r, &(spec){"custom.check", WC_INFO, 2, "Related", "a check of its own", NULL, NULL, NULL});
	r->findings[5].path = r->versions[2].path;
	char *json = render(r, WC_FORMAT_SARIF, WC_ERROR);
	assert_null(strchr(json, '\033'));
	char *path = write_temp(json);
	assert_jq(path, "[.version, .[\"$schema\"]] | join(\" \")", "2.1.0 https://json.schemastore.org/sarif-2.1.0.json");
	assert_jq(path, ".runs | length", "1");
	assert_jq(path, ".runs[0].tool.driver | [.name, .version] | join(\" \")", "wirecheck " WC_VERSION);
	char *nrules = wc_xasprintf("%zu", wc_check_count());
	assert_jq(path, ".runs[0].tool.driver.rules | length", nrules);
	free(nrules);
	assert_jq(path, ".runs[0].tool.driver.rules[2] | [.id, .defaultConfiguration.level, .shortDescription.text] | join(\"|\")",
	          "fact.extra|note|a translation fact has no counterpart in the source");
	assert_jq(path, ".runs[0].columnKind", "unicodeCodePoints");
	assert_jq(path, "[.runs[0].artifacts[].location.uri] | join(\",\")",
	          "fix/zte.en.txt,fix/zte.da.txt,fix/zte%20%C3%A5%7Cland.en.txt");
	assert_jq(path, "[.runs[0].results[] | .level] | join(\",\")", "warning,warning,note,error,note,note");
	assert_jq(path, "[.runs[0].results[] | .ruleIndex // \"-\"] | map(tostring) | join(\",\")", "3,7,10,0,2,-");
	assert_jq(path, ".runs[0].results[5] | [.ruleId, .locations[0].physicalLocation.artifactLocation.uri] | join(\" \")",
	          "custom.check fix/zte%20%C3%A5%7Cland.en.txt");
	/* The mismatch: region in code points, the values, the source's place. */
	assert_jq(path, ".runs[0].results[3].locations[0].physicalLocation | [.artifactLocation.uri, .artifactLocation.index, .region.startLine, .region.startColumn, .region.endLine, .region.endColumn] | map(tostring) | join(\" \")",
	          "fix/zte.da.txt 1 2 11 2 32");
	assert_jq(path, ".runs[0].results[3].message.text", "the fine differs (expected: 1200000000; found: 1300000000)");
	assert_jq(path, ".runs[0].results[3].properties | [.expected, .found, .lang, .role] | join(\" \")",
	          "1200000000 1300000000 da translation");
	assert_jq(path, ".runs[0].results[3].relatedLocations[0].physicalLocation | [.artifactLocation.uri, .region.startLine, .region.startColumn] | map(tostring) | join(\" \")",
	          "fix/zte.en.txt 3 14");
	assert_jq(path, ".runs[0].results[2].message.text", "<script>alert(1)</script> | *x* & @you (found: <script>)");
	assert_jq(path, "[.runs[0].artifacts[].properties.verdict] | join(\",\")", "pass,fail,pass");
	assert_jq(path, ".runs[0].properties | [.gate, .failed] | map(tostring) | join(\" \")", "error true");
	unlink(path);
	free(path);
	free(json);
	wc_report_free(r);

	/* An empty report is a valid log with no results. */
	r = wc_xcalloc(1, sizeof *r);
	json = render(r, WC_FORMAT_SARIF, WC_NEVER);
	path = write_temp(json);
	assert_jq(path, "[(.runs[0].results | length), (.runs[0].artifacts | length), .runs[0].properties.failed] | map(tostring) | join(\" \")",
	          "0 0 false");
	unlink(path);
	free(path);
	free(json);
	wc_report_free(r);
}

/* ---- JUnit ------------------------------------------------------------------------------------- */

static void test_junit(void **state)
{
	(void)state;
	wc_report *r = story();
	r->findings[0].message = own(r, "bad\x01 byte & <tag> \"q\"");
	add_finding(r, &(spec){"custom.check", WC_WARNING, 2, "Related", "a check of its own", NULL, NULL, NULL});
	char *xml = render(r, WC_FORMAT_JUNIT, WC_ERROR);
	char *path = write_temp(xml);
	char *cmd = wc_xasprintf("xmllint --noout %s 2>&1", path);
	int status;
	char *got = run(cmd, &status);
	if (status)
		print_error("xmllint: %s\n", got);
	assert_int_equal(status, 0);
	free(got);
	free(cmd);
	assert_true(strncmp(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wirecheck\"", 67) == 0);
	assert_xpath(path, "count(/testsuites/testsuite)", "3");
	/* a testcase per registered check and the custom one, in each of 3 suites */
	char *ntests = wc_xasprintf("%zu", 3 * (wc_check_count() + 1));
	assert_xpath(path, "/testsuites/@tests", ntests);
	free(ntests);
	assert_xpath(path, "/testsuites/@failures", "1");
	assert_xpath(path, "/testsuites/testsuite[2]/@name", "fix/zte.da.txt (da, translation)");
	assert_xpath(path, "/testsuites/testsuite[2]/@failures", "1");
	assert_xpath(path, "/testsuites/testsuite[2]/testcase[failure]/@name", "fact.mismatch");
	assert_xpath(path, "/testsuites/testsuite[2]/testcase[failure]/failure/@message", "line 2:11: the fine differs");
	assert_xpath(path, "/testsuites/testsuite[2]/testcase[failure]/failure",
	             "fix/zte.da.txt:2:11: error: the fine differs\n  expected: 1200000000; found: 1300000000\n  source: fix/zte.en.txt:3:14\n");
	assert_xpath(path, "/testsuites/testsuite[2]/testcase[@name = \"number.format\"]/system-out",
	             "fix/zte.da.txt:1:37: warning: bad\xEF\xBF\xBD byte & <tag> \"q\"\n  found: 80, 000\n");
	assert_xpath(path, "/testsuites/testsuite[2]/properties/property[@name = \"verdict\"]/@value", "fail");
	/* Source: the checks against a source skipped (fact.* 3, quote.missing, version.* 3,
	 * paragraph.* 2, markup.mismatch); related: all but fact.mismatch and rule.limit. */
	assert_xpath(path, "count(/testsuites/testsuite[1]/testcase[skipped])", "10");
	assert_xpath(path, "/testsuites/testsuite[1]/@skipped", "10");
	char *nrel = wc_xasprintf("%zu", wc_check_count() - 2);
	assert_xpath(path, "count(/testsuites/testsuite[3]/testcase[skipped])", nrel);
	free(nrel);
	/* A check the registry does not know is listed where it has findings. */
	assert_xpath(path, "count(//testcase[@name = \"custom.check\"])", "3");
	assert_xpath(path, "/testsuites/testsuite[3]/testcase[@name = \"custom.check\"]/system-out",
	             "fix/zte-rel.en.txt:1:1: warning: a check of its own\n");
	unlink(path);
	free(path);
	free(xml);

	/* The gate decides what fails. */
	xml = render(r, WC_FORMAT_JUNIT, WC_INFO);
	path = write_temp(xml);
	assert_xpath(path, "/testsuites/@failures", "6");
	assert_xpath(path, "/testsuites/testsuite[2]/testcase[@name = \"number.format\"]/failure/@type", "number.format");
	unlink(path);
	free(path);
	free(xml);
	xml = render(r, WC_FORMAT_JUNIT, WC_NEVER);
	assert_null(strstr(xml, "<failure"));
	free(xml);
	wc_report_free(r);
}

/* ---- Markdown ---------------------------------------------------------------------------------- */

static void test_markdown(void **state)
{
	(void)state;
	wc_report *r = story();
	r->versions[2].path = own(r, "fix/a|b_*c*`d`.en.txt");
	char *md = render(r, WC_FORMAT_MARKDOWN, WC_ERROR);
	assert_null(strchr(md, '\033'));
	const char *head =
		"### \xE2\x9D\x8C wirecheck: FAIL\n\n"
		"Gate: a finding at **error** or above fails a version.\n\n"
		"| verdict | version | lang | role | errors | warnings | info |\n"
		"|---|---|---|---|--:|--:|--:|\n"
		"| \xE2\x9C\x85 pass | fix/zte.en.txt | en | source | 0 | 0 | 0 |\n"
		"| \xE2\x9D\x8C **FAIL** | fix/zte.da.txt | da | translation | 1 | 2 | 2 |\n"
		"| \xE2\x9C\x85 pass | fix/a\\|b\\_\\*c\\*\\`d\\`.en.txt | en | related | 0 | 0 | 0 |\n"
		"\n**2 versions checked: 1 failed, 1 passed \xE2\x80\x94 1 error, 2 warnings, 2 info**\n"
		"\n#### The finding that fails the gate\n\n"
		"- \xF0\x9F\x9F\xA5 **error** `fact.mismatch` fix/zte.da.txt:2:11 \xE2\x80\x94 the fine differs (expected: 1200000000; found: 1300000000)\n"
		"\n<details><summary>All 5 findings</summary>\n"
		"\n#### fix/zte.da.txt (da, translation): 1 error, 2 warnings, 2 info\n\n"
		"| line | severity | check | message | expected | found |\n"
		"|--:|---|---|---|---|---|\n";
	assert_true(strncmp(md, head, strlen(head)) == 0);
	assert_has(md, "| 1:37 | \xF0\x9F\x9F\xA7 warning | `number.format` | number '80, 000' is garbled |  | 80, 000 |\n");
	assert_has(md, "| 1:55 | \xF0\x9F\x9F\xA6 info | `text.punct-spacing` | &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* &amp; \\@you |  | &lt;script&gt; |\n");
	assert_has(md, "| 1:1 | \xF0\x9F\x9F\xA7 warning | `quote.missing` | the quotation of source line 2 has no counterpart | \"We are in close touch,\" said Lu |  |\n");
	size_t n = strlen(md);
	assert_true(n > 12 && strcmp(md + n - 12, "\n</details>\n") == 0);
	/* The related version has no findings: no table of its own. */
	assert_int_equal(occurrences(md, "\n#### "), 2);
	free(md);

	/* Line breaks, control bytes and maths cannot break a row. */
	r->findings[0].message = own(r, "two\nlines\tand\x01 $x$ ~y~ [l](u) #1");
	r->findings[0].check = own(r, "odd|check");
	md = render(r, WC_FORMAT_MARKDOWN, WC_NEVER);
	assert_has(md, "| 1:37 | \xF0\x9F\x9F\xA7 warning | odd\\|check | two lines and\xEF\xBF\xBD \\$x\\$ \\~y\\~ \\[l\\](u) \\#1 |  | 80, 000 |\n");
	assert_has(md, "### \xE2\x9C\x85 wirecheck: PASS\n\nGate: none");
	assert_null(strstr(md, "fails the gate"));
	free(md);
	wc_report_free(r);

	r = wc_xcalloc(1, sizeof *r);
	md = render(r, WC_FORMAT_MARKDOWN, WC_ERROR);
	assert_null(strstr(md, "<details>"));
	assert_has(md, "**0 versions checked: 0 failed, 0 passed");
	free(md);
	wc_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_page),
		cmocka_unit_test(test_html_side_by_side),
		cmocka_unit_test(test_html_without_texts),
		cmocka_unit_test(test_html_stray_bytes),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_junit),
		cmocka_unit_test(test_markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
