/*
 * report_html.c — the reporting stage: one self-contained HTML page for
 * editors.
 *
 * Top: the story, a verdict card per version under the gate, counts per
 * check.  Body: each translation side by side with the source, paragraph by
 * paragraph as aligned (wc_report_paragraph: a translation paragraph names
 * its source paragraph), with the findings next to the paragraph they are
 * about.  A source paragraph the translation lacks is a gap row that shows
 * the source's text; a translation paragraph the source lacks is a row with
 * a gap on the source side.  Facts are marked in every version: matched,
 * mismatched and unmatched each have their own underline, icon and label,
 * so colour is never the only signal.  Related coverage and a source with
 * findings of its own get a single-column view.
 *
 * The page needs nothing from outside: inline CSS, a Content-Security-Policy
 * that forbids every fetch, system fonts.  A little inline script adds the
 * severity/check filters; without it the page shows everything.  Every byte
 * of input goes through wc_xml_text(), so a story holding <script> reads as
 * text.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define LEDE_WIDTH 240   /* code points of the source's first paragraph shown as the story */

typedef struct {
	FILE *out;
	const wc_report *r;
	const wc_report_options *opt;
	const char **checks;  /* registry names, then any unknown names findings use */
	size_t nchecks, checks_cap;
	struct buckets *facts; /* per version: its facts by paragraph, built when first needed */
} page;

static void put(page *pg, const char *s)
{
	fputs(s, pg->out);
}

static void esc(page *pg, const char *s)
{
	wc_xml_str(pg->out, s);
}

static void esc_n(page *pg, const char *s, size_t n)
{
	wc_xml_text(pg->out, s, n);
}

/* ---- grouping ------------------------------------------------------------------------ */

/* Items 0..n-1 grouped by key (0..nkeys-1; other keys are left out), each
 * group in item order: group k is item[first[k]] .. item[first[k + 1] - 1].
 * Keeps the page linear in the size of the report. */
typedef struct buckets {
	size_t *first, *item;
	size_t nkeys;
} buckets;

static void buckets_init(buckets *b, const long *key, size_t n, size_t nkeys)
{
	b->nkeys = nkeys;
	b->first = wc_xcalloc(nkeys + 2, sizeof *b->first);
	b->item = wc_xcalloc(n ? n : 1, sizeof *b->item);
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0 && (size_t)key[i] < nkeys)
			b->first[key[i] + 2]++;
	for (size_t k = 2; k < nkeys + 2; k++)
		b->first[k] += b->first[k - 1];
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0 && (size_t)key[i] < nkeys)
			b->item[b->first[key[i] + 1]++] = i;
}

static size_t bucket_size(const buckets *b, size_t k)
{
	return b && k < b->nkeys ? b->first[k + 1] - b->first[k] : 0;
}

static size_t bucket_item(const buckets *b, size_t k, size_t j)
{
	return b->item[b->first[k] + j];
}

static void buckets_free(buckets *b)
{
	free(b->first);
	free(b->item);
}

/* ---- names and small pieces ------------------------------------------------------ */

static const char *language_name(const char *lang)
{
	static const char *const names[][2] = {
		{"en", "English"}, {"da", "Danish"}, {"sv", "Swedish"}, {"nb", "Norwegian"},
		{"de", "German"}, {"fr", "French"}, {"es", "Spanish"}, {"pt", "Portuguese"},
		{"it", "Italian"}, {"nl", "Dutch"}, {"fi", "Finnish"}, {"pl", "Polish"},
	};
	/* a BCP 47 tag (pt-BR) is named by its base language */
	size_t n = lang ? strcspn(lang, "-_") : 0;
	for (size_t i = 0; lang && i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i][0]) == n && strncmp(names[i][0], lang, n) == 0)
			return names[i][1];
	return NULL;
}

static const char *sev_class(wc_severity s)
{
	return s == WC_ERROR ? "error" : s == WC_WARNING ? "warning" : "info";
}

static const char *sev_icon(wc_severity s)
{
	return s == WC_ERROR ? "\xE2\x9C\x96" : s == WC_WARNING ? "\xE2\x96\xB2" : "\xE2\x84\xB9"; /* ✖ ▲ ℹ */
}

static int fails(const page *pg, size_t v)
{
	return wc_report_version_fails(pg->r, v, pg->opt->fail_on);
}

static void put_language(page *pg, const wc_version *v)
{
	const char *name = language_name(v->lang);
	if (name) {
		put(pg, name);
		put(pg, " (");
		esc(pg, v->lang);
		put(pg, ")");
	} else {
		esc(pg, v->lang);
	}
}

static void put_counts(page *pg, size_t e, size_t w, size_t i)
{
	fprintf(pg->out, "%zu error%s, %zu warning%s, %zu info", e, e == 1 ? "" : "s", w,
	        w == 1 ? "" : "s", i);
}

static void put_verdict(page *pg, size_t v)
{
	if (fails(pg, v))
		put(pg, "<span class=\"verdict fail\"><span aria-hidden=\"true\">\xE2\x9C\x96</span> FAIL</span>");
	else
		put(pg, "<span class=\"verdict pass\"><span aria-hidden=\"true\">\xE2\x9C\x94</span> PASS</span>");
}

/* The file name without its folders, for headings (the full path is beside it). */
static const char *base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s && s[1] ? s + 1 : path ? path : "";
}

/* ---- checks and counts ------------------------------------------------------------- */

static void collect_checks(page *pg)
{
	for (size_t i = 0; i < wc_check_count(); i++)
		*WC_PUSH(pg->checks, pg->nchecks, pg->checks_cap) = wc_check_name(i);
	for (size_t k = 0; k < pg->r->nfindings; k++) {
		const char *c = pg->r->findings[k].check;
		size_t i = 0;
		while (i < pg->nchecks && strcmp(pg->checks[i], c) != 0)
			i++;
		if (i == pg->nchecks)
			*WC_PUSH(pg->checks, pg->nchecks, pg->checks_cap) = c;
	}
}

static size_t count_check(const page *pg, const char *check, long version)
{
	size_t n = 0;
	for (size_t k = 0; k < pg->r->nfindings; k++)
		if (strcmp(pg->r->findings[k].check, check) == 0 &&
		    (version < 0 || pg->r->findings[k].version == (size_t)version))
			n++;
	return n;
}

static size_t count_severity(const page *pg, wc_severity s)
{
	size_t n = 0;
	for (size_t k = 0; k < pg->r->nfindings; k++)
		n += pg->r->findings[k].severity == s;
	return n;
}

static const char *check_description(const char *check)
{
	for (size_t i = 0; i < wc_check_count(); i++)
		if (strcmp(wc_check_name(i), check) == 0)
			return wc_check_description(i);
	return NULL;
}

/* ---- head: style and script -------------------------------------------------------- */

static const char css[] =
	":root{--ink:#1d2125;--muted:#5c6670;--line:#d5dae0;--paper:#fff;--wash:#f4f6f8;"
	"--err:#b3261e;--err-bg:#fdecea;--warn:#8a5a00;--warn-bg:#fff4d6;--info:#0b57a4;--info-bg:#e8f1fb;"
	"--ok:#1e6b34;--ok-bg:#e4f4e8;--bad:#b3261e;--bad-bg:#fde0dd;--miss:#8a5a00;--miss-bg:#fff0c2}\n"
	"*{box-sizing:border-box}[hidden]{display:none!important}\n"
	"html{-webkit-text-size-adjust:100%}\n"
	"body{margin:0;background:var(--wash);color:var(--ink);"
	"font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"DejaVu Sans\",sans-serif}\n"
	"main,header.top{max-width:1500px;margin:0 auto;padding:0 24px}\n"
	"header.top{padding-top:20px}\n"
	"h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:0}h3{font-size:15px;margin:18px 0 6px}\n"
	".meta{color:var(--muted);margin:0 0 12px}\n"
	".lede{margin:0 0 18px;padding:10px 14px;background:var(--paper);border-left:4px solid var(--ink);"
	"font-family:Georgia,\"Times New Roman\",\"DejaVu Serif\",serif;font-size:16px}\n"
	".lede .label{display:block;font:600 12px/1.4 system-ui,\"DejaVu Sans\",sans-serif;"
	"text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}\n"
	".cards{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 8px;padding:0;list-style:none}\n"
	".card{flex:1 1 260px;max-width:360px;background:var(--paper);border:1px solid var(--line);"
	"border-top:6px solid var(--ok);border-radius:6px;padding:10px 14px}\n"
	".card.fail{border-top-color:var(--err)}\n"
	".card a{color:inherit;text-decoration:none}.card a:hover .file{text-decoration:underline}\n"
	".card .file{display:block;font-weight:600;overflow-wrap:anywhere}\n"
	".card .role{color:var(--muted);font-size:13px}\n"
	".verdict{display:inline-block;font-weight:700;padding:1px 8px;border-radius:4px;font-size:13px;"
	"letter-spacing:.04em}\n"
	".verdict.pass{background:var(--ok-bg);color:var(--ok);border:1px solid var(--ok)}\n"
	".verdict.fail{background:var(--err-bg);color:var(--err);border:1px solid var(--err)}\n"
	".sevcounts{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px;padding:0;list-style:none}\n"
	".sc{font-size:13px;padding:0 7px;border-radius:10px;background:var(--wash);color:var(--muted)}\n"
	".sc.error.n{background:var(--err-bg);color:var(--err);font-weight:600}\n"
	".sc.warning.n{background:var(--warn-bg);color:var(--warn);font-weight:600}\n"
	".sc.info.n{background:var(--info-bg);color:var(--info);font-weight:600}\n"
	".totals{font-weight:600;margin:10px 0 4px}\n"
	"table{border-collapse:collapse}\n"
	".bycheck{background:var(--paper);border:1px solid var(--line);font-size:14px;margin:4px 0 20px}\n"
	".bycheck th,.bycheck td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}\n"
	".bycheck td.n,.bycheck th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	".bycheck td.zero{color:#aab}\n"
	".bycheck .desc{color:var(--muted)}.bycheck td.check{white-space:nowrap}\n"
	".bycheck th .role{font-weight:400;color:var(--muted);font-size:12px}\n"
	".blocking{background:var(--paper);border:1px solid var(--err);border-left:6px solid var(--err);"
	"border-radius:4px;padding:8px 14px;margin:12px 0}\n"
	".blocking h2{font-size:16px;color:var(--err);margin:0 0 4px}\n"
	".blocking ul{margin:0;padding-left:20px}.blocking li{margin:2px 0}\n"
	".blocking a{color:inherit}\n"
	"code,.check{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.88em}\n"
	"#filters{position:sticky;top:0;z-index:5;background:var(--ink);color:#fff;padding:8px 24px;"
	"display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;font-size:14px}\n"
	"#filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}\n"
	"#filters legend{float:left;font-weight:700;margin-right:6px}\n"
	"#filters label{white-space:nowrap;cursor:pointer}\n"
	"#filters output{margin-left:auto;color:#cfd6dd}\n"
	".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:14px 0 6px;font-size:13px;color:var(--muted)}.legend mark{color:var(--ink)}\n"
	"section.version{margin:26px 0 0}\n"
	".vhead{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 14px;padding:10px 0;"
	"border-bottom:2px solid var(--ink)}\n"
	".vhead .path{color:var(--muted);font-size:14px;overflow-wrap:anywhere}\n"
	"table.side{width:100%;table-layout:fixed;background:var(--paper);border:1px solid var(--line)}\n"
	"table.side col.text{width:36%}table.side col.fnd{width:28%}\n"
	"table.single col.text{width:62%}table.single col.fnd{width:38%}\n"
	"table.side th{background:#e9edf1;text-align:left;font-size:13px;"
	"padding:6px 10px;border-bottom:1px solid var(--line);font-weight:600}\n"
	"table.side td{vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}\n"
	"table.side td+td{border-left:1px solid var(--line)}\n"
	"td.text{font-family:Georgia,\"Times New Roman\",\"DejaVu Serif\",serif;font-size:15px;line-height:1.6;"
	"overflow-wrap:break-word;hyphens:auto}\n"
	".para{position:relative;padding-left:30px}\n"
	".para+.para{margin-top:8px}\n"
	".ln{position:absolute;left:0;top:.2em;width:24px;text-align:right;color:#8a939c;"
	"font:12px/1.4 system-ui,\"DejaVu Sans\",sans-serif}\n"
	"tr.has-error td.text{background:#fffafa}\n"
	".absent{display:flex;gap:8px;align-items:center;min-height:100%;padding:8px 10px;"
	"border:2px dashed #b9c1c9;border-radius:4px;color:var(--muted);font:italic 14px/1.4 system-ui,"
	"\"DejaVu Sans\",sans-serif;background:repeating-linear-gradient(135deg,#f6f7f9 0 8px,#eef0f3 8px 16px)}\n"
	"tr.gap td.src .para{color:#3b434b;border-left:3px solid var(--miss);padding-left:27px}\n"
	".tag{display:inline-block;font:600 11px/1.5 system-ui,\"DejaVu Sans\",sans-serif;"
	"padding:0 5px;border-radius:3px;background:var(--wash);color:var(--muted);margin-left:4px;"
	"vertical-align:1px}\n"
	".tag.moved{background:#eceaf6;color:#4b3f8f}\n"
	"mark.fact{background:none;color:inherit;padding:0 1px;border-radius:2px;"
	"text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}\n"
	"mark.f-ok{background:var(--ok-bg);text-decoration-style:solid;text-decoration-color:var(--ok)}\n"
	"mark.f-bad{background:var(--bad-bg);text-decoration-style:double;text-decoration-color:var(--bad);"
	"text-decoration-thickness:3px}\n"
	"mark.f-miss,mark.f-extra{background:var(--miss-bg);text-decoration-style:dashed;"
	"text-decoration-color:var(--miss)}\n"
	"mark.f-plain{text-decoration-style:dotted;text-decoration-color:#7a838c}\n"
	".fi{font:700 10px/1 system-ui,\"DejaVu Sans\",sans-serif;vertical-align:super;margin-left:1px}\n"
	".f-ok .fi{color:var(--ok)}.f-bad .fi{color:var(--bad)}.f-miss .fi,.f-extra .fi{color:var(--miss)}\n"
	".fl{font:600 10px/1 system-ui,\"DejaVu Sans\",sans-serif;vertical-align:super;margin-left:2px;"
	"text-transform:uppercase;letter-spacing:.03em}\n"
	".f-bad .fl{color:var(--bad)}.f-miss .fl,.f-extra .fl{color:var(--miss)}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
	"a.pin{display:inline-block;font:700 11px/1.45 system-ui,\"DejaVu Sans\",sans-serif;"
	"padding:0 4px;margin:0 2px;border-radius:8px;text-decoration:none;vertical-align:1px;border:1px solid}\n"
	"a.pin.error{color:var(--err);background:var(--err-bg)}\n"
	"a.pin.warning{color:var(--warn);background:var(--warn-bg)}\n"
	"a.pin.info{color:var(--info);background:var(--info-bg)}\n"
	"td.fnd{font-size:13.5px;line-height:1.45}\n"
	".finding{border-left:4px solid;padding:4px 8px;margin:0 0 8px;border-radius:0 4px 4px 0}\n"
	".finding:target{outline:2px solid var(--ink)}\n"
	".finding.error{border-color:var(--err);background:var(--err-bg)}\n"
	".finding.warning{border-color:#d49a00;background:var(--warn-bg)}\n"
	".finding.info{border-color:var(--info);background:var(--info-bg)}\n"
	".finding p{margin:0}\n"
	".fhead{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}\n"
	".sev{font-weight:700;text-transform:uppercase;font-size:.85em;letter-spacing:.04em}\n"
	".error .sev{color:var(--err)}.warning .sev{color:var(--warn)}.info .sev{color:var(--info)}\n"
	".where{color:var(--muted);font-size:.9em;margin-left:auto}\n"
	".msg{margin:2px 0}\n"
	".vals{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:3px 0 0}\n"
	".vals dt{color:var(--muted)}.vals dd{margin:0;overflow-wrap:anywhere}\n"
	".vals dd.none{color:var(--muted);font-style:italic}\n"
	".ref{color:var(--muted);font-size:.93em;margin-top:2px!important}\n"
	".nofind{color:#9aa3ab;font-size:13px}\n"
	"details.text>summary{cursor:pointer;color:var(--muted);margin:8px 0}\n"
	".unplaced{margin:10px 0}\n"
	"footer{max-width:1500px;margin:30px auto;padding:0 24px;color:var(--muted);font-size:13px}\n"
	".scroll{max-width:100%;overflow-x:auto}\n"
	/* A phone: one column, the cells of a row one under the other, each with
	 * its heading; words wrap whole (only a word wider than the screen, as a
	 * URL, breaks), and nothing is wider than the screen. */
	"@media screen and (max-width:700px){\n"
	"main,header.top,footer{padding:0 10px}#filters{padding:8px 10px}\n"
	".card{flex-basis:100%;max-width:none}\n"
	"table.side,table.side tbody,table.side tr,table.side td{display:block;width:100%}\n"
	"table.side colgroup,table.side thead{display:none}\n"
	"table.side td+td{border-left:0;border-top:1px dashed var(--line)}\n"
	"table.side td[data-label]::before{content:attr(data-label);display:block;"
	"font:600 11px/1.6 system-ui,\"DejaVu Sans\",sans-serif;text-transform:uppercase;"
	"letter-spacing:.05em;color:var(--muted)}\n"
	"table.side tr{border-bottom:2px solid var(--line)}\n"
	"td.text{hyphens:manual}\n"
	".where{margin-left:0}\n"
	".bycheck .desc{display:none}\n"
	"}\n"
	"@media print{\n"
	"@page{size:A4 landscape;margin:10mm}\n"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{background:#fff;font-size:8.5pt}\n"
	"main,header.top,footer{max-width:none;padding:0}\n"
	"#filters,.noprint{display:none!important}\n"
	".lede{font-size:9.5pt}\n"
	".cards{gap:6px}.card{flex-basis:200px;padding:4px 8px;break-inside:avoid}\n"
	"section.version{break-before:page;margin:0}section.version.related{break-before:auto;margin-top:12pt}\n"
	
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid}\n"
	"td.text{font-size:9pt;line-height:1.4}td.fnd{font-size:8pt}\n"
	"table.side td{padding:4px 6px}\n"
	"a{color:inherit;text-decoration:none}\n"
	"details.text>summary{display:none}\n"
	"}\n";

/* Filters: unhides the form (without the script the page shows everything),
 * then hides the findings and markers of unticked severities and checks.
 * No data from the report is in here. */
static const char js[] =
	"(function(){\n"
	"var form=document.getElementById('filters');\n"
	"if(!form||!document.querySelectorAll)return;\n"
	"form.hidden=false;\n"
	"function ticked(name){var m={};var l=form.querySelectorAll('input[name=\"'+name+'\"]');"
	"for(var i=0;i<l.length;i++)m[l[i].value]=l[i].checked;return m;}\n"
	"function apply(){\n"
	"var sev=ticked('sev'),chk=ticked('check'),only=document.getElementById('only').checked;\n"
	"var shown=0,all=0,l=document.querySelectorAll('[data-sev]');\n"
	"for(var i=0;i<l.length;i++){var e=l[i];var on=!!(sev[e.getAttribute('data-sev')]&&chk[e.getAttribute('data-check')]);"
	"e.hidden=!on;if(e.classList.contains('finding')){all++;if(on)shown++;}}\n"
	"var rows=document.querySelectorAll('tr.row');\n"
	"for(var j=0;j<rows.length;j++)rows[j].hidden=only&&!rows[j].querySelector('.finding:not([hidden])');\n"
	"document.getElementById('shown').textContent='showing '+shown+' of '+all+' findings';\n"
	"}\n"
	"form.addEventListener('change',apply);apply();\n"
	"})();\n";

static void write_head(page *pg)
{
	put(pg, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
	        "<meta name=\"referrer\" content=\"no-referrer\">\n"
	        "<meta name=\"generator\" content=\"wirecheck " WC_VERSION "\">\n<title>wirecheck: ");
	put(pg, wc_report_fails(pg->r, pg->opt->fail_on) ? "FAIL" : "PASS");
	if (pg->r->nversions) {
		put(pg, " \xE2\x80\x94 ");
		esc(pg, base_name(pg->r->versions[0].path));
	}
	put(pg, "</title>\n<style>\n");
	put(pg, css);
	put(pg, "</style>\n</head>\n<body>\n");
}

/* ---- top: story, verdicts, counts ------------------------------------------------------ */

/* The first paragraph of the source, cut at a word boundary. */
static void write_lede(page *pg)
{
	if (wc_report_paragraph_count(pg->r, 0) == 0)
		return;
	size_t len;
	const char *text = wc_report_version_text(pg->r, 0, &len);
	const wc_paragraph *p = wc_report_paragraph(pg->r, 0, 0);
	if (!text || p->end > len || p->start >= p->end)
		return;
	size_t i = p->start, cut = p->end, seen = 0, last_space = 0;
	while (i < p->end) {
		if (seen == LEDE_WIDTH) {
			cut = last_space > p->start ? last_space : i;
			break;
		}
		size_t at = i;
		int32_t c = wc_utf8_next(text, p->end, &i);
		if (c == ' ')
			last_space = at;
		seen++;
	}
	put(pg, "<blockquote class=\"lede\" lang=\"");
	esc(pg, pg->r->versions[0].lang);
	put(pg, "\"><span class=\"label\">The story</span>");
	esc_n(pg, text + p->start, cut - p->start);
	if (cut < p->end)
		put(pg, " \xE2\x80\xA6");
	put(pg, "</blockquote>\n");
}

static void write_card(page *pg, size_t v)
{
	const wc_version *ver = &pg->r->versions[v];
	fprintf(pg->out, "<li class=\"card %s\"><a href=\"#v%zu\">", fails(pg, v) ? "fail" : "pass", v);
	put_verdict(pg, v);
	put(pg, " <span class=\"role\">");
	put_language(pg, ver);
	fprintf(pg->out, " \xC2\xB7 %s</span><span class=\"file\">", wc_role_name(ver->role));
	esc(pg, ver->path);
	put(pg, "</span></a><ul class=\"sevcounts\">");
	fprintf(pg->out, "<li class=\"sc error%s\">\xE2\x9C\x96 %zu error%s</li>", ver->errors ? " n" : "",
	        ver->errors, ver->errors == 1 ? "" : "s");
	fprintf(pg->out, "<li class=\"sc warning%s\">\xE2\x96\xB2 %zu warning%s</li>",
	        ver->warnings ? " n" : "", ver->warnings, ver->warnings == 1 ? "" : "s");
	fprintf(pg->out, "<li class=\"sc info%s\">\xE2\x84\xB9 %zu info</li>", ver->infos ? " n" : "",
	        ver->infos);
	put(pg, "</ul></li>\n");
}

static void write_totals(page *pg)
{
	wc_totals t;
	wc_report_totals(pg->r, pg->opt->fail_on, &t);
	/* "against the source": the cards above show the source too */
	fprintf(pg->out, "<p class=\"totals\" id=\"totals\">%zu version%s checked against the source: %zu failed, %zu passed%s \xE2\x80\x94 ",
	        t.checked, t.checked == 1 ? "" : "s", t.failed, t.checked - t.failed,
	        t.source_fails ? wc_source_fails_phrase : "");
	put_counts(pg, t.errors, t.warnings, t.infos);
	put(pg, "</p>\n");
}

static void write_by_check(page *pg)
{
	const wc_report *r = pg->r;
	put(pg, "<h3>Findings per check</h3>\n");
	if (r->nfindings == 0) {
		put(pg, "<p>No check found anything.</p>\n");
		return;
	}
	put(pg, "<div class=\"scroll\"><table class=\"bycheck\"><thead><tr><th>check</th><th>what it means</th>");
	for (size_t v = 0; v < r->nversions; v++) {
		fprintf(pg->out, "<th class=\"n\" title=\"%s: ", wc_role_name(r->versions[v].role));
		esc(pg, r->versions[v].path);
		put(pg, "\">");
		esc(pg, base_name(r->versions[v].path));
		fprintf(pg->out, "<br><span class=\"role\">%s</span></th>", wc_role_name(r->versions[v].role));
	}
	put(pg, "<th class=\"n\">total</th></tr></thead>\n<tbody>\n");
	size_t silent = 0;
	for (size_t c = 0; c < pg->nchecks; c++) {
		size_t total = count_check(pg, pg->checks[c], -1);
		if (!total) {
			silent++;
			continue;
		}
		put(pg, "<tr><td class=\"check\">");
		esc(pg, pg->checks[c]);
		put(pg, "</td><td class=\"desc\">");
		esc(pg, check_description(pg->checks[c]));
		put(pg, "</td>");
		for (size_t v = 0; v < r->nversions; v++) {
			size_t n = count_check(pg, pg->checks[c], (long)v);
			fprintf(pg->out, "<td class=\"n%s\">%zu</td>", n ? "" : " zero", n);
		}
		fprintf(pg->out, "<td class=\"n\"><b>%zu</b></td></tr>\n", total);
	}
	put(pg, "</tbody></table></div>\n");
	if (silent)
		fprintf(pg->out, "<p class=\"meta\">%zu other check%s found nothing.</p>\n", silent,
		        silent == 1 ? "" : "s");
}

/* What fails the gate, with links: the first thing an editor must fix. */
static void write_blocking(page *pg)
{
	const wc_report *r = pg->r;
	size_t n = 0;
	for (size_t k = 0; k < r->nfindings; k++)
		n += wc_report_blocks(&r->findings[k], pg->opt->fail_on);
	if (!n)
		return;
	fprintf(pg->out, "<div class=\"blocking\" role=\"note\"><h2>%s</h2>\n<ul>\n",
	        n == 1 ? "This finding fails the gate" : "These findings fail the gate");
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		if (!wc_report_blocks(f, pg->opt->fail_on))
			continue;
		/* the number is the finding's marker in the text, not a count */
		fprintf(pg->out, "<li><a href=\"#f%zu\">%s %s, finding\xC2\xA0#%zu</a> <span class=\"check\">",
		        k + 1, sev_icon(f->severity), wc_severity_name(f->severity), k + 1);
		esc(pg, f->check);
		put(pg, "</span> in ");
		esc(pg, f->path);
		fprintf(pg->out, ", line %zu: ", f->line);
		esc(pg, f->message);
		put(pg, "</li>\n");
	}
	put(pg, "</ul></div>\n");
}

static void write_top(page *pg)
{
	const wc_report *r = pg->r;
	put(pg, "<header class=\"top\">\n<h1>wirecheck report ");
	fprintf(pg->out, "<span class=\"verdict %s\">", wc_report_fails(r, pg->opt->fail_on) ? "fail" : "pass");
	put(pg, wc_report_fails(r, pg->opt->fail_on) ? "\xE2\x9C\x96 FAIL" : "\xE2\x9C\x94 PASS");
	put(pg, "</span></h1>\n<p class=\"meta\">");
	if (r->nversions) {
		put(pg, "Source: <b>");
		esc(pg, r->versions[0].path);
		put(pg, "</b>, ");
		put_language(pg, &r->versions[0]);
		put(pg, " \xC2\xB7 ");
	}
	if (pg->opt->fail_on >= WC_NEVER)
		put(pg, "gate: none, no finding fails a version");
	else
		fprintf(pg->out, "gate: a finding at <b>%s</b> or above fails a version",
		        wc_severity_name(pg->opt->fail_on));
	put(pg, " \xC2\xB7 wirecheck " WC_VERSION "</p>\n");
	write_lede(pg);
	put(pg, "<h2 class=\"vh\">Verdicts</h2>\n<ul class=\"cards\">\n");
	for (size_t v = 0; v < r->nversions; v++)
		write_card(pg, v);
	put(pg, "</ul>\n");
	write_totals(pg);
	write_blocking(pg);
	write_by_check(pg);
	put(pg, "</header>\n");
}

/* ---- filters ------------------------------------------------------------------------ */

static void write_filters(page *pg)
{
	if (pg->r->nfindings == 0)
		return;
	put(pg, "<form id=\"filters\" hidden aria-label=\"Filter the findings\">\n"
	        "<fieldset><legend>Severity</legend>\n");
	for (int s = WC_ERROR; s >= WC_INFO; s--) {
		size_t n = count_severity(pg, (wc_severity)s);
		fprintf(pg->out, "<label><input type=\"checkbox\" name=\"sev\" value=\"%s\" checked> %s %s (%zu)</label>\n",
		        wc_severity_name((wc_severity)s), sev_icon((wc_severity)s), wc_severity_name((wc_severity)s), n);
	}
	put(pg, "</fieldset>\n<fieldset><legend>Check</legend>\n");
	for (size_t c = 0; c < pg->nchecks; c++) {
		size_t n = count_check(pg, pg->checks[c], -1);
		if (!n)
			continue;
		put(pg, "<label><input type=\"checkbox\" name=\"check\" value=\"");
		esc(pg, pg->checks[c]);
		put(pg, "\" checked> <span class=\"check\">");
		esc(pg, pg->checks[c]);
		fprintf(pg->out, "</span> (%zu)</label>\n", n);
	}
	put(pg, "</fieldset>\n<label><input type=\"checkbox\" id=\"only\"> only paragraphs with findings</label>\n"
	        "<output id=\"shown\"></output>\n</form>\n");
}

/* The text of the first fact of a translation (or, for WC_FACT_UNCHECKED,
 * of related coverage) with status st: the legend shows the story's own
 * facts, so that an editor never looks for a sample that is not there.
 * NULL when the report has none. */
static const char *legend_sample(const wc_report *r, wc_fact_status st)
{
	for (size_t v = 1; v < r->nversions; v++) {
		bool related = r->versions[v].role == WC_ROLE_RELATED;
		for (size_t k = 0; k < wc_report_fact_count(r, v); k++) {
			const wc_report_fact *f = wc_report_fact_get(r, v, k);
			if (st == WC_FACT_UNCHECKED ? related : !related && f->status == st)
				return f->fact.text;
		}
	}
	return NULL;
}

static void write_sample(page *pg, const char *cls, wc_fact_status st, const char *icon,
                         const char *label, const char *what)
{
	const char *text = legend_sample(pg->r, st);
	put(pg, "<span><mark class=\"fact ");
	put(pg, cls);
	put(pg, "\">");
	esc(pg, text ? text : "fact");
	if (icon) {
		put(pg, "<span class=\"fi\" aria-hidden=\"true\">");
		put(pg, icon);
		put(pg, "</span>");
	}
	if (label) {
		put(pg, "<span class=\"fl\">");
		put(pg, label);
		put(pg, "</span>");
	}
	put(pg, "</mark> ");
	put(pg, what);
	put(pg, "</span>");
}

static void write_legend(page *pg)
{
	put(pg, "<div class=\"legend\" aria-label=\"How facts are marked\"><span><b>Facts:</b></span>");
	write_sample(pg, "f-ok", WC_FACT_MATCHED, "\xE2\x9C\x93", NULL, "matched (solid underline, \xE2\x9C\x93)");
	write_sample(pg, "f-bad", WC_FACT_MISMATCHED, "\xE2\x9C\x97", "mismatch",
	             "different value (double underline, \xE2\x9C\x97)");
	write_sample(pg, "f-miss", WC_FACT_UNMATCHED, "?", "missing", "no counterpart (dashed underline, ?)");
	write_sample(pg, "f-plain", WC_FACT_UNCHECKED, NULL, NULL, "found, not compared (dotted)");
	put(pg, "<span><b>Findings:</b> <a class=\"pin error\">\xE2\x9C\x96 1</a> error "
	        "<a class=\"pin warning\">\xE2\x96\xB2 2</a> warning <a class=\"pin info\">\xE2\x84\xB9 3</a> info: "
	        "the number leads to the finding</span></div>\n");
}

/* ---- facts in a paragraph ------------------------------------------------------------- */

enum { ST_PLAIN, ST_OK, ST_BAD, ST_MISS, ST_EXTRA };

typedef struct {
	size_t start, end;
	int status;
	const wc_report_fact *f;
} span;

typedef struct {
	size_t at;           /* byte offset where the marker stands */
	size_t number;       /* the finding's number in the page */
	const wc_finding *f;
} pin;

static int span_priority(int status)
{
	return status == ST_BAD ? 3 : status == ST_MISS || status == ST_EXTRA ? 2 : status == ST_OK ? 1 : 0;
}

static int by_start(const void *a, const void *b)
{
	const span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end ? 1 : 0;
}

/* Keeps spans that do not overlap, preferring the one with a problem. */
static size_t drop_overlaps(span *s, size_t n)
{
	if (n)
		qsort(s, n, sizeof *s, by_start);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && s[i].start < s[k - 1].end) {
			if (span_priority(s[i].status) > span_priority(s[k - 1].status))
				s[k - 1] = s[i];
			continue;
		}
		s[k++] = s[i];
	}
	return k;
}

static void write_span(page *pg, const char *text, const span *s)
{
	static const char *const cls[] = {"f-plain", "f-ok", "f-bad", "f-miss", "f-extra"};
	static const char *const icon[] = {"", "\xE2\x9C\x93", "\xE2\x9C\x97", "?", "?"};
	static const char *const label[] = {"fact, not compared", "matched", "mismatch",
	                                    "missing in the translation", "not in the source"};
	static const char *const tag[] = {NULL, NULL, "mismatch", "missing", "not in source"};
	const wc_fact *f = &s->f->fact;
	fprintf(pg->out, "<mark class=\"fact %s\" data-kind=\"", cls[s->status]);
	esc(pg, f->kind);
	put(pg, "\" title=\"");
	put(pg, label[s->status]);
	put(pg, ": ");
	esc(pg, f->kind);
	put(pg, " ");
	esc(pg, f->value);
	if (f->unit) {
		put(pg, " ");
		esc(pg, f->unit);
	}
	put(pg, "\">");
	esc_n(pg, text + s->start, s->end - s->start);
	if (*icon[s->status])
		fprintf(pg->out, "<span class=\"fi\" aria-hidden=\"true\">%s</span>", icon[s->status]);
	if (tag[s->status])
		fprintf(pg->out, "<span class=\"fl\">%s</span>", tag[s->status]);
	else
		fprintf(pg->out, "<span class=\"vh\"> (%s)</span>", label[s->status]);
	put(pg, "</mark>");
}

static void write_pin(page *pg, const pin *p)
{
	fprintf(pg->out, "<a class=\"pin %s\" href=\"#f%zu\" data-sev=\"%s\" data-check=\"",
	        sev_class(p->f->severity), p->number, wc_severity_name(p->f->severity));
	esc(pg, p->f->check);
	fprintf(pg->out, "\" title=\"%s: ", wc_severity_name(p->f->severity));
	esc(pg, p->f->check);
	fprintf(pg->out, "\">%s\xC2\xA0%zu</a>", sev_icon(p->f->severity), p->number);
}

/* Writes text[start, end) with its fact spans marked and the finding markers
 * in place.  Both lists are sorted; a marker that falls inside a span goes
 * before it. */
static void write_marked(page *pg, const char *text, size_t start, size_t end,
                         const span *spans, size_t nspans, const pin *pins, size_t npins)
{
	size_t pos = start, s = 0, p = 0;
	while (pos < end || p < npins) {
		size_t next_span = s < nspans ? spans[s].start : end;
		size_t next_pin = p < npins ? pins[p].at : (size_t)-1;
		if (next_pin < pos)
			next_pin = pos;
		if (p < npins && next_pin <= next_span) {
			esc_n(pg, text + pos, next_pin - pos);
			pos = next_pin;
			write_pin(pg, &pins[p++]);
			continue;
		}
		if (s < nspans) {
			esc_n(pg, text + pos, next_span - pos);
			write_span(pg, text, &spans[s]);
			pos = spans[s++].end;
			continue;
		}
		esc_n(pg, text + pos, end - pos);
		pos = end;
		if (p >= npins)
			break;
	}
}

/* ---- per-version facts, paragraphs and findings ---------------------------------------- */

typedef struct {
	size_t line, column;
	int bad;             /* a fact.mismatch names it; otherwise a fact.missing */
} src_ref;

typedef struct {
	size_t v;            /* the version */
	const char *text;
	size_t len, npara;
	long *finding_para;  /* per finding of the report: its paragraph here, or -1 */
	src_ref *refs;       /* source facts this version's findings name */
	size_t nrefs, refs_cap;
} vview;

static int by_ref(const void *a, const void *b)
{
	const src_ref *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->column < y->column ? -1 : x->column > y->column ? 1 : 0;
}

/* The paragraph holding byte offset off: the last one starting at or before it. */
static long para_at(const wc_report *r, size_t v, size_t off)
{
	size_t lo = 0, hi = wc_report_paragraph_count(r, v);
	if (hi == 0)
		return -1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (wc_report_paragraph(r, v, mid)->start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

/* The source paragraph that holds line (paragraphs may span lines): the
 * last one starting on or before it. */
static long source_para_of_line(const wc_report *r, size_t line)
{
	size_t lo = 0, hi = wc_report_paragraph_count(r, 0);
	if (hi == 0 || wc_report_paragraph(r, 0, 0)->line > line)
		return -1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (wc_report_paragraph(r, 0, mid)->line <= line)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

static void vview_init(vview *vv, const wc_report *r, size_t v)
{
	memset(vv, 0, sizeof *vv);
	vv->v = v;
	vv->text = wc_report_version_text(r, v, &vv->len);
	vv->npara = vv->text ? wc_report_paragraph_count(r, v) : 0;
	vv->finding_para = wc_xcalloc(r->nfindings ? r->nfindings : 1, sizeof *vv->finding_para);
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		vv->finding_para[k] = f->version == v && vv->npara ? para_at(r, v, f->start) : -1;
		if (f->version == v && f->has_source_ref && v > 0 &&
		    (strcmp(f->check, "fact.missing") == 0 || strcmp(f->check, "fact.mismatch") == 0)) {
			src_ref *s = WC_PUSH(vv->refs, vv->nrefs, vv->refs_cap);
			s->line = f->source_line;
			s->column = f->source_column;
			s->bad = strcmp(f->check, "fact.mismatch") == 0;
		}
	}
	if (vv->nrefs)
		qsort(vv->refs, vv->nrefs, sizeof *vv->refs, by_ref);
}

static void vview_fini(vview *vv)
{
	free(vv->finding_para);
	free(vv->refs);
}

/* How a source fact fares in the translation vv: named by a finding or not. */
static int source_status(const vview *vv, const wc_fact *f)
{
	src_ref key = {f->line, f->column, 0};
	const src_ref *hit = vv->nrefs ? bsearch(&key, vv->refs, vv->nrefs, sizeof *vv->refs, by_ref) : NULL;
	if (!hit)
		return ST_OK;
	/* bsearch finds any equal entry; a mismatch among them wins. */
	for (const src_ref *s = hit; s >= vv->refs && by_ref(s, &key) == 0; s--)
		if (s->bad)
			return ST_BAD;
	for (const src_ref *s = hit; s < vv->refs + vv->nrefs && by_ref(s, &key) == 0; s++)
		if (s->bad)
			return ST_BAD;
	return ST_MISS;
}

static int own_status(const wc_report *r, size_t v, wc_fact_status st)
{
	switch (st) {
	case WC_FACT_MATCHED: return ST_OK;
	case WC_FACT_MISMATCHED: return ST_BAD;
	case WC_FACT_UNMATCHED:
		/* Related coverage is never checked for omissions or additions. */
		return r->versions[v].role == WC_ROLE_RELATED ? ST_PLAIN : ST_EXTRA;
	default: return ST_PLAIN;
	}
}

/* The facts of version v by paragraph. */
static const buckets *facts_of(page *pg, size_t v)
{
	const wc_report *r = pg->r;
	if (!pg->facts)
		pg->facts = wc_xcalloc(r->nversions ? r->nversions : 1, sizeof *pg->facts);
	buckets *b = &pg->facts[v];
	if (!b->first) {
		size_t n = wc_report_fact_count(r, v);
		long *key = wc_xcalloc(n ? n : 1, sizeof *key);
		for (size_t k = 0; k < n; k++)
			key[k] = (long)wc_report_fact_get(r, v, k)->para;
		buckets_init(b, key, n, wc_report_paragraph_count(r, v));
		free(key);
	}
	return b;
}

static int by_place(const void *a, const void *b)
{
	const pin *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number ? 1 : 0;
}

/* Writes paragraph p of version v with its facts marked and, from pins (the
 * report's findings by paragraph, or NULL), a marker where each finding
 * starts.  against: the translation whose view of the source's facts to show
 * (source paragraphs in a side-by-side view), or NULL for each fact's own
 * status. */
static void write_para(page *pg, size_t v, size_t p, const vview *against, const buckets *pins_of)
{
	const wc_report *r = pg->r;
	size_t len;
	const char *text = wc_report_version_text(r, v, &len);
	const wc_paragraph *para = wc_report_paragraph(r, v, p);
	size_t start = para->start < len ? para->start : len;
	size_t end = para->end < len ? para->end : len;
	if (end < start)
		end = start;

	const buckets *fb = facts_of(pg, v);
	size_t nspans = 0;
	span *spans = wc_xcalloc(bucket_size(fb, p) + 1, sizeof *spans);
	for (size_t j = 0; j < bucket_size(fb, p); j++) {
		const wc_report_fact *rf = wc_report_fact_get(r, v, bucket_item(fb, p, j));
		if (rf->fact.start < start || rf->fact.end > end || rf->fact.start >= rf->fact.end)
			continue;
		span *sp = &spans[nspans++];
		sp->start = rf->fact.start;
		sp->end = rf->fact.end;
		sp->f = rf;
		sp->status = against ? source_status(against, &rf->fact) : own_status(r, v, rf->status);
	}
	nspans = drop_overlaps(spans, nspans);

	size_t npins = bucket_size(pins_of, p);
	pin *pins = wc_xcalloc(npins + 1, sizeof *pins);
	for (size_t j = 0; j < npins; j++) {
		size_t k = bucket_item(pins_of, p, j);
		const wc_finding *f = &r->findings[k];
		pins[j].at = f->start < start ? start : f->start > end ? end : f->start;
		pins[j].number = k + 1;
		pins[j].f = f;
	}
	if (npins)
		qsort(pins, npins, sizeof *pins, by_place);
	/* A marker that falls inside a fact goes before it. */
	for (size_t i = 0, k = 0; i < npins; i++) {
		while (k < nspans && spans[k].end <= pins[i].at)
			k++;
		if (k < nspans && spans[k].start < pins[i].at)
			pins[i].at = spans[k].start;
	}

	fprintf(pg->out, "<div class=\"para\"><span class=\"ln\" title=\"line %zu\">%zu</span>", para->line, para->line);
	write_marked(pg, text, start, end, spans, nspans, pins, npins);
	put(pg, "</div>");
	free(spans);
	free(pins);
}

static void write_finding(page *pg, const wc_finding *f, size_t number, int show_source_snippet)
{
	fprintf(pg->out, "<div class=\"finding %s\" id=\"f%zu\" data-sev=\"%s\" data-check=\"",
	        sev_class(f->severity), number, wc_severity_name(f->severity));
	esc(pg, f->check);
	fprintf(pg->out, "\"><p class=\"fhead\"><span class=\"sev\">%s %s\xC2\xA0%zu</span> <span class=\"check\">",
	        sev_icon(f->severity), wc_severity_name(f->severity), number);
	esc(pg, f->check);
	fprintf(pg->out, "</span><span class=\"where\">line %zu:%zu</span></p>\n<p class=\"msg\">", f->line, f->column);
	esc(pg, f->message);
	put(pg, "</p>");
	if (f->expected || f->found) {
		put(pg, "<dl class=\"vals\"><dt>expected</dt>");
		put(pg, f->expected ? "<dd>" : "<dd class=\"none\">");
		esc(pg, f->expected ? f->expected : "(none)");
		put(pg, f->found ? "</dd><dt>found</dt><dd>" : "</dd><dt>found</dt><dd class=\"none\">");
		esc(pg, f->found ? f->found : "(none)");
		put(pg, "</dd></dl>");
	}
	if (f->has_source_ref) {
		fprintf(pg->out, "<p class=\"ref\">source: line %zu:%zu", f->source_line, f->source_column);
		if (show_source_snippet && f->source_snippet) {
			put(pg, " \xE2\x80\x94 <q>");
			size_t n = strcspn(f->source_snippet, "\r\n");
			esc_n(pg, f->source_snippet, n);
			put(pg, "</q>");
		}
		put(pg, "</p>");
	}
	put(pg, "</div>\n");
}

/* ---- side by side ------------------------------------------------------------------------- */

enum { ROW_PAIR, ROW_GAP, ROW_ADDED };

typedef struct {
	int kind;
	long src;            /* source paragraph, -1 for ROW_ADDED */
	size_t first, count; /* translation paragraphs, as a range into an index list */
	int moved;
} row;

typedef struct {
	row *rows;
	size_t nrows, rows_cap;
	size_t *tgt;         /* translation paragraph indices the rows point into */
	size_t ntgt, tgt_cap;
} layout;

/* Rows in the source's order: each source paragraph with the translation
 * paragraphs aligned to it (or a gap), and after it the translation
 * paragraphs the source lacks that follow those in the translation. */
static void build_layout(const wc_report *r, size_t v, layout *lo)
{
	size_t ns = wc_report_paragraph_count(r, 0), nt = wc_report_paragraph_count(r, v);
	long *src_of = wc_xcalloc(nt ? nt : 1, sizeof *src_of);
	long *anchor = wc_xcalloc(nt ? nt : 1, sizeof *anchor); /* added paragraphs: the source paragraph + 1 they follow */
	long last = -1;
	for (size_t t = 0; t < nt; t++) {
		long s = wc_report_paragraph(r, v, t)->source_para;
		src_of[t] = s >= 0 && (size_t)s < ns ? s : -1;
		anchor[t] = src_of[t] < 0 ? last + 1 : -1;
		if (src_of[t] >= 0)
			last = src_of[t];
	}
	buckets aligned, added;
	buckets_init(&aligned, src_of, nt, ns);
	buckets_init(&added, anchor, nt, ns + 1);
	for (size_t s = 0; s <= ns; s++) {
		if (s > 0) {
			row *rw = WC_PUSH(lo->rows, lo->nrows, lo->rows_cap);
			rw->src = (long)s - 1;
			rw->first = lo->ntgt;
			rw->count = bucket_size(&aligned, s - 1);
			rw->kind = rw->count ? ROW_PAIR : ROW_GAP;
			rw->moved = 0;
			for (size_t j = 0; j < rw->count; j++)
				*WC_PUSH(lo->tgt, lo->ntgt, lo->tgt_cap) = bucket_item(&aligned, s - 1, j);
		}
		for (size_t j = 0; j < bucket_size(&added, s); j++) {
			row *rw = WC_PUSH(lo->rows, lo->nrows, lo->rows_cap);
			rw->kind = ROW_ADDED;
			rw->src = -1;
			rw->first = lo->ntgt;
			rw->count = 1;
			rw->moved = 0;
			*WC_PUSH(lo->tgt, lo->ntgt, lo->tgt_cap) = bucket_item(&added, s, j);
		}
	}
	/* A row whose translation paragraph comes before one already shown was
	 * moved: the translation tells it earlier than the source does. */
	long shown = -1;
	for (size_t i = 0; i < lo->nrows; i++) {
		row *rw = &lo->rows[i];
		if (!rw->count)
			continue;
		long t = (long)lo->tgt[rw->first];
		if (t < shown)
			rw->moved = 1;
		else
			shown = t;
	}
	buckets_free(&aligned);
	buckets_free(&added);
	free(src_of);
	free(anchor);
}

static void layout_free(layout *lo)
{
	free(lo->rows);
	free(lo->tgt);
}

static void write_absent(page *pg, const char *what)
{
	fprintf(pg->out, "<div class=\"absent\"><span aria-hidden=\"true\">\xE2\x8A\x98</span> %s</div>", what);
}

/* The findings in group i of placed (the report's findings by row or paragraph). */
static void write_placed_findings(page *pg, const buckets *placed, size_t i, int show_source_snippet)
{
	for (size_t j = 0; j < bucket_size(placed, i); j++) {
		size_t k = bucket_item(placed, i, j);
		write_finding(pg, &pg->r->findings[k], k + 1, show_source_snippet);
	}
	if (!bucket_size(placed, i))
		put(pg, "<span class=\"nofind\">no findings</span>");
}

static int group_has_error(const wc_report *r, const buckets *placed, size_t i)
{
	for (size_t j = 0; j < bucket_size(placed, i); j++)
		if (r->findings[bucket_item(placed, i, j)].severity >= WC_ERROR)
			return 1;
	return 0;
}

static void write_version_head(page *pg, size_t v, const char *what)
{
	const wc_version *ver = &pg->r->versions[v];
	fprintf(pg->out, "<section class=\"version %s\" id=\"v%zu\" aria-labelledby=\"h%zu\">\n"
	        "<div class=\"vhead\"><h2 id=\"h%zu\">", wc_role_name(ver->role), v, v, v);
	const char *name = language_name(ver->lang);
	if (ver->role == WC_ROLE_TRANSLATION) {
		if (name)
			put(pg, name);
		else
			esc(pg, ver->lang);
		fprintf(pg->out, " %s</h2>", what);
	} else {
		fprintf(pg->out, "%s \xC2\xB7 ", what);
		put_language(pg, ver);
		put(pg, "</h2>");
	}
	put_verdict(pg, v);
	put(pg, "<span>");
	put_counts(pg, ver->errors, ver->warnings, ver->infos);
	put(pg, "</span><span class=\"path\">");
	esc(pg, ver->path);
	put(pg, "</span></div>\n");
}

static void write_text_th(page *pg, const char *role, size_t v)
{
	const wc_version *ver = &pg->r->versions[v];
	fprintf(pg->out, "<th scope=\"col\">%s \xC2\xB7 ", role);
	put_language(pg, ver);
	put(pg, " \xC2\xB7 ");
	esc(pg, base_name(ver->path));
	put(pg, "</th>");
}

/* Findings that have no paragraph to stand by (an empty text, a hand-built
 * report without texts).  placed: each finding's row or paragraph, or -1. */
static void write_unplaced(page *pg, size_t v, const long *placed)
{
	const wc_report *r = pg->r;
	int any = 0;
	for (size_t k = 0; k < r->nfindings; k++) {
		if (r->findings[k].version != v || placed[k] >= 0)
			continue;
		if (!any)
			put(pg, "<div class=\"unplaced\"><h3>Findings without a paragraph</h3>\n");
		any = 1;
		write_finding(pg, &r->findings[k], k + 1, 1);
	}
	if (any)
		put(pg, "</div>\n");
}

static void write_pair(page *pg, size_t v)
{
	const wc_report *r = pg->r;
	vview vv;
	vview_init(&vv, r, v);
	write_version_head(pg, v, "translation");

	layout lo = {0};
	build_layout(r, v, &lo);
	size_t ns = wc_report_paragraph_count(r, 0);
	long *gap_row = wc_xcalloc(ns ? ns : 1, sizeof *gap_row);
	long *tgt_row = wc_xcalloc(vv.npara ? vv.npara : 1, sizeof *tgt_row);
	for (size_t s = 0; s < ns; s++)
		gap_row[s] = -1;
	for (size_t i = 0; i < lo.nrows; i++) {
		if (lo.rows[i].kind == ROW_GAP)
			gap_row[lo.rows[i].src] = (long)i;
		for (size_t j = 0; j < lo.rows[i].count; j++)
			tgt_row[lo.tgt[lo.rows[i].first + j]] = (long)i;
	}
	/* A finding about a source paragraph the translation lacks stands in that
	 * paragraph's gap row (and gets no marker in the translation's text);
	 * every other one by the translation paragraph that holds it. */
	long *row_of = wc_xcalloc(r->nfindings ? r->nfindings : 1, sizeof *row_of);
	long *pin_para = wc_xcalloc(r->nfindings ? r->nfindings : 1, sizeof *pin_para);
	for (size_t k = 0; k < r->nfindings; k++) {
		const wc_finding *f = &r->findings[k];
		long sp = f->version == v && f->has_source_ref && ns ? source_para_of_line(r, f->source_line) : -1;
		pin_para[k] = vv.finding_para[k];
		if (sp >= 0 && gap_row[sp] >= 0) {
			row_of[k] = gap_row[sp];
			pin_para[k] = -1;
		} else {
			row_of[k] = vv.finding_para[k] >= 0 ? tgt_row[vv.finding_para[k]] : -1;
		}
	}

	buckets rows, pins;
	buckets_init(&rows, row_of, r->nfindings, lo.nrows);
	buckets_init(&pins, pin_para, r->nfindings, vv.npara);
	if (lo.nrows) {
		put(pg, "<table class=\"side pair\"><colgroup><col class=\"text\"><col class=\"text\"><col class=\"fnd\"></colgroup>\n<thead><tr>");
		write_text_th(pg, "Source", 0);
		write_text_th(pg, "Translation", v);
		put(pg, "<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < lo.nrows; i++) {
			const row *rw = &lo.rows[i];
			static const char *const kind[] = {"pair", "gap", "added"};
			fprintf(pg->out, "<tr class=\"row %s%s\" id=\"v%zu-r%zu\">", kind[rw->kind],
			        group_has_error(r, &rows, i) ? " has-error" : "", v, i);
			put(pg, "<td class=\"text src\" data-label=\"Source\" lang=\"");
			esc(pg, r->versions[0].lang);
			put(pg, "\">");
			if (rw->src >= 0)
				write_para(pg, 0, (size_t)rw->src, &vv, NULL);
			else
				write_absent(pg, "Not in the source: the translation adds this paragraph");
			put(pg, "</td><td class=\"text tgt\" data-label=\"Translation\" lang=\"");
			esc(pg, r->versions[v].lang);
			put(pg, "\">");
			if (rw->kind == ROW_GAP)
				write_absent(pg, "Not in the translation: this source paragraph was dropped");
			for (size_t j = 0; j < rw->count; j++) {
				if (rw->moved && j == 0)
					put(pg, "<span class=\"tag moved\" title=\"the translation tells this earlier than the source\">\xE2\x86\x95 moved</span>");
				write_para(pg, v, lo.tgt[rw->first + j], NULL, &pins);
			}
			put(pg, "</td><td class=\"fnd\" data-label=\"Findings\">");
			write_placed_findings(pg, &rows, i, 0);
			put(pg, "</td></tr>\n");
		}
		put(pg, "</tbody></table>\n");
	}
	write_unplaced(pg, v, row_of);
	put(pg, "</section>\n");
	buckets_free(&rows);
	buckets_free(&pins);
	free(row_of);
	free(pin_para);
	free(gap_row);
	free(tgt_row);
	layout_free(&lo);
	vview_fini(&vv);
}

/* One column of text and its findings: the source when it has findings of
 * its own, and related coverage. */
static void write_single(page *pg, size_t v)
{
	const wc_report *r = pg->r;
	const wc_version *ver = &r->versions[v];
	vview vv;
	vview_init(&vv, r, v);
	size_t nf = ver->errors + ver->warnings + ver->infos;
	write_version_head(pg, v, v == 0 ? "Source" : "Related coverage");
	if (v > 0)
		put(pg, "<p class=\"meta\">Independent coverage of the same story: checked for contradictions only.</p>\n");
	buckets paras;
	buckets_init(&paras, vv.finding_para, r->nfindings, vv.npara);
	if (vv.npara) {
		fprintf(pg->out, "<details class=\"text\"%s><summary>The text, %zu paragraph%s, facts marked</summary>\n",
		        nf ? " open" : "", vv.npara, vv.npara == 1 ? "" : "s");
		put(pg, "<table class=\"side single\"><colgroup><col class=\"text\"><col class=\"fnd\"></colgroup>\n<thead><tr>");
		write_text_th(pg, v == 0 ? "Source" : "Related", v);
		put(pg, "<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
		for (size_t p = 0; p < vv.npara; p++) {
			fprintf(pg->out, "<tr class=\"row\" id=\"v%zu-p%zu\"><td class=\"text\" lang=\"", v, p);
			esc(pg, ver->lang);
			put(pg, "\">");
			write_para(pg, v, p, NULL, &paras);
			put(pg, "</td><td class=\"fnd\" data-label=\"Findings\">");
			write_placed_findings(pg, &paras, p, 1);
			put(pg, "</td></tr>\n");
		}
		put(pg, "</tbody></table>\n</details>\n");
	}
	write_unplaced(pg, v, vv.finding_para);
	put(pg, "</section>\n");
	buckets_free(&paras);
	vview_fini(&vv);
}

int wc_report_write_html(const wc_report *r, const wc_report_options *opt, FILE *out)
{
	page pg = {out, r, opt, NULL, 0, 0, NULL};
	collect_checks(&pg);
	write_head(&pg);
	write_top(&pg);
	write_filters(&pg);
	put(&pg, "<main>\n");
	if (r->nversions > 1 || r->nfindings)
		write_legend(&pg);
	const wc_version *src = r->nversions ? &r->versions[0] : NULL;
	if (src && src->errors + src->warnings + src->infos)
		write_single(&pg, 0);
	for (size_t v = 1; v < r->nversions; v++)
		if (r->versions[v].role != WC_ROLE_RELATED)
			write_pair(&pg, v);
	for (size_t v = 1; v < r->nversions; v++)
		if (r->versions[v].role == WC_ROLE_RELATED)
			write_single(&pg, v);
	put(&pg, "</main>\n<footer>Made by wirecheck " WC_VERSION
	         ". Every fact and finding is the checker's reading; the texts are quoted as they were read.</footer>\n");
	put(&pg, "<script>\n");
	put(&pg, js);
	put(&pg, "</script>\n</body>\n</html>\n");
	for (size_t v = 0; pg.facts && v < r->nversions; v++)
		buckets_free(&pg.facts[v]);
	free(pg.facts);
	free(pg.checks);
	return fflush(out) != 0 || ferror(out) ? WC_EIO : WC_OK;
}
