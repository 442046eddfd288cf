/*
 * fuzz_extract.c — libFuzzer harness for stages 2 and 3 and a version's own
 * checks: text preparation (UTF-8, NUL, BOM, line ends, NFC with its offset
 * map, paragraphs), fact extraction with the built-in rules, and the quote,
 * text and number checks of one version.
 *
 * The first byte picks the language (en, da, sv: byte % 3) and, with bit
 * 0x04, --replace-invalid; the rest is the text.  Valid text also goes
 * through the public wc_extract() and the JSON Lines writer.
 */
#include "fuzz_common.h"
#include "facts.h"
#include "checks.h"

static void check_doc(const wc_doc *doc, const wc_findings *fs)
{
	FUZZ_ASSERT(doc->text && doc->text[doc->len] == '\0');
	for (size_t p = 0; p < doc->npara; p++) {
		const wc_para *q = &doc->paras[p];
		FUZZ_ASSERT(q->start <= q->end && q->end <= doc->len);
		FUZZ_ASSERT(p == 0 || doc->paras[p - 1].end <= q->start);
		FUZZ_ASSERT(q->line >= 1 && q->line <= doc->nlines);
	}
	for (size_t i = 0; i < doc->nfacts; i++) {
		const wc_xfact *f = &doc->facts[i];
		FUZZ_ASSERT(f->start <= f->end && f->end <= doc->len);
		FUZZ_ASSERT(f->value && f->rule && f->para < doc->npara);
		size_t line, col;
		wc_doc_position(doc, f->start, &line, &col);
		FUZZ_ASSERT(line >= 1 && line <= doc->nlines && col >= 1);
		FUZZ_ASSERT(wc_doc_orig_offset(doc, f->start) <= wc_doc_orig_offset(doc, f->end));
		FUZZ_ASSERT(wc_doc_orig_offset(doc, f->end) <= doc->orig_len);
	}
	for (size_t i = 0; i < doc->nquotations; i++) {
		const wc_quotation *q = &doc->quotations[i];
		FUZZ_ASSERT(q->open < doc->len && q->para < doc->npara);
		FUZZ_ASSERT(q->close == SIZE_MAX || (q->close > q->open && q->close < doc->len));
	}
	for (size_t i = 0; i < fs->n; i++) {
		const wc_raw_finding *f = &fs->v[i];
		FUZZ_ASSERT(f->doc == doc && f->message);
		FUZZ_ASSERT(f->start <= f->end && f->end <= doc->len);
		char *line = wc_doc_line_text(doc, f->start);
		free(line);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	wc_ruleset *rs = fuzz_rules();
	const char *lang = fuzz_langs[data[0] % 3];
	unsigned flags = data[0] & 4 ? WC_DOC_REPLACE_INVALID : 0;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	wc_diags *d = wc_diags_new();

	wc_doc doc;
	wc_findings fs = {0};
	int rc = wc_doc_init_ex(&doc, "fuzz.txt", wc_ruleset_locale(rs, lang), WC_ROLE_TRANSLATION,
	                        text, len, flags, d);
	if (rc == 0) {
		FUZZ_ASSERT(wc_extract_doc(rs, &doc, &fs, d) == 0);
		wc_check_quotes(&doc, &fs);
		wc_check_text(&doc, &fs);
		wc_check_numbers(&doc, &fs);
		check_doc(&doc, &fs);
	} else {
		FUZZ_ASSERT(wc_diags_count(d) > 0);
	}
	wc_findings_free(&fs);
	wc_doc_fini(&doc);

	if (!flags) {
		wc_facts *fl = wc_extract(rs, lang, "fuzz.txt", text, len, d);
		FUZZ_ASSERT((fl != NULL) == (rc == 0));
		for (size_t i = 0; i < wc_facts_count(fl); i++) {
			const wc_fact *f = wc_facts_get(fl, i);
			FUZZ_ASSERT(f->start <= f->end && f->end <= len);
			FUZZ_ASSERT(f->line >= 1 && f->column >= 1);
		}
		FILE *null = fopen("/dev/null", "w");
		FUZZ_ASSERT(null);
		wc_facts_write_jsonl(fl, null);
		fclose(null);
		wc_facts_free(fl);
	}
	wc_diags_free(d);
	return 0;
}
