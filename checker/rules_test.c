/*
 * rules_test.c — `wirecheck rules test`: runs the examples embedded in rule
 * and locale files through the real extractor, so that every rule carries
 * its own regression tests.
 */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

/* A generic rule's fact may carry a keyed rule's id that refined it
 * ("fined $1.2 billion" is money, named by the rule "fine"): for generic
 * rules the kind is what counts. */
static bool fact_fits(const wc_ruleset *rs, const wc_example *e, const wc_fact *f)
{
	const wc_rule *r = NULL;
	for (size_t i = 0; e->rule && i < rs->nrules; i++)
		if (strcmp(rs->rules[i]->id, e->rule) == 0)
			r = rs->rules[i];
	if (r && r->generic && strcmp(f->kind, wc_kind_name(r->kind)) != 0)
		return false;
	if (r && !r->generic && strcmp(f->rule, e->rule) != 0)
		return false;
	if (e->kind && strcmp(f->kind, e->kind) != 0)
		return false;
	if (strcmp(f->value, e->value) != 0)
		return false;
	return !e->unit || (f->unit && strcmp(f->unit, e->unit) == 0);
}

static char *found_list(const wc_facts *fl)
{
	wc_buf b = {0};
	for (size_t i = 0; i < fl->n; i++)
		wc_buf_printf(&b, "%s%s %s=%s%s%s", i ? ", " : "", fl->v[i].rule, fl->v[i].kind,
		              fl->v[i].value, fl->v[i].unit ? "/" : "", fl->v[i].unit ? fl->v[i].unit : "");
	if (!fl->n)
		wc_buf_puts(&b, "nothing");
	return wc_buf_take(&b);
}

int wc_ruleset_test(wc_ruleset *rs, wc_diags *diags, size_t *run)
{
	int failed = 0;
	*run = 0;
	for (size_t i = 0; i < rs->nexamples; i++) {
		const wc_example *e = &rs->examples[i];
		if (!e->lang || !e->text || !e->value)
			continue; /* the loader reported it */
		(*run)++;
		wc_facts *fl = wc_extract(rs, e->lang, e->file, e->text, strlen(e->text), diags);
		if (!fl) {
			failed++;
			continue;
		}
		bool ok = false;
		for (size_t k = 0; k < fl->n && !ok; k++)
			ok = fact_fits(rs, e, &fl->v[k]);
		if (!ok) {
			char *got = found_list(fl);
			wc_diags_add(diags, e->file, e->line, 1, NULL,
			             "example failed (%s): \"%s\" should give %s%s%s%s%s; found %s", e->lang,
			             e->text, e->rule ? e->rule : (e->kind ? e->kind : "a fact"), " = ", e->value,
			             e->unit ? " " : "", e->unit ? e->unit : "", got);
			free(got);
			failed++;
		}
		wc_facts_free(fl);
	}
	return failed ? WC_ERULES : WC_OK;
}
