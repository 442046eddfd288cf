/*
 * match.c — stage 5: matches the facts of a translation (or related story)
 * with the source's and reports what disagrees.
 *
 * Numbers, money, durations, dates and codes are occurrences: each source
 * fact wants one equal fact in the aligned paragraph, else anywhere in the
 * text (nearest first).  What is left over within an aligned pair, one fact
 * of a kind on each side, is a mismatch; the rest is missing or extra.
 * Titles and place names are entities: a translation need not repeat them as
 * often as the source, only carry each of them, and give each person the
 * same title.  Related coverage is independent: only contradictions count,
 * i.e. keyed facts (same rule id) and titles that disagree.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	const wc_ruleset *rs;
	wc_doc *src, *tgt;
	const wc_alignment *al;
	wc_findings *fs;
	bool related;
} matcher;

static bool is_entity(const wc_xfact *f)
{
	return f->kind == WC_K_TITLE || f->kind == WC_K_NAME;
}

static bool streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_value(const wc_xfact *a, const wc_xfact *b)
{
	return a->kind == b->kind && streq(a->value, b->value) && streq(a->unit, b->unit);
}

/* Dates compare only within their part (weekday with weekday ...). */
static bool comparable(const wc_xfact *a, const wc_xfact *b)
{
	if (a->kind != b->kind)
		return false;
	return a->kind != WC_K_DATE || streq(a->unit, b->unit);
}

static char *describe(const wc_doc *d, const wc_xfact *f)
{
	return wc_xasprintf("%.*s", (int)(f->end - f->start), d->text + f->start);
}

static char *value_text(const wc_xfact *f)
{
	if (f->kind == WC_K_TITLE)
		return wc_xasprintf("%s %s", f->value, f->unit ? f->unit : "");
	if (f->unit && f->kind != WC_K_DATE)
		return wc_xasprintf("%s %s", f->value, f->unit);
	return wc_xstrdup(f->value);
}

/* Where in the translation a source paragraph's counterpart is, or would be. */
static size_t target_offset(const matcher *m, size_t src_para)
{
	for (size_t p = src_para + 1; p-- > 0;) {
		int q = m->al->s2t[p];
		if (q >= 0)
			return m->tgt->paras[q].start;
	}
	return m->tgt->npara ? m->tgt->paras[0].start : 0;
}

static bool aligned(const matcher *m, size_t sp, size_t tp)
{
	return m->al->s2t[sp] == (int)tp || m->al->t2s[tp] == (int)sp;
}

/* Distance in paragraphs from where a source paragraph's counterpart is. */
static size_t distance(const matcher *m, size_t sp, size_t tp)
{
	size_t want = wc_doc_para_at(m->tgt, target_offset(m, sp));
	return tp > want ? tp - want : want - tp;
}

static void link(wc_xfact *a, wc_xfact *b, int how)
{
	a->matched = how;
	b->matched = how;
}

static void match_equal_in_aligned(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (is_entity(s) || s->matched)
			continue;
		for (size_t j = 0; j < m->tgt->nfacts; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (!t->matched && same_value(s, t) && aligned(m, s->para, t->para)) {
				link(s, t, WC_MATCH_EQUAL);
				break;
			}
		}
	}
}

static void match_equal_anywhere(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (is_entity(s) || s->matched)
			continue;
		wc_xfact *best = NULL;
		size_t bestd = SIZE_MAX;
		for (size_t j = 0; j < m->tgt->nfacts; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (t->matched || !same_value(s, t))
				continue;
			size_t d = distance(m, s->para, t->para);
			if (d < bestd)
				bestd = d, best = t;
		}
		if (best)
			link(s, best, WC_MATCH_EQUAL);
	}
}

static void report_mismatch(matcher *m, wc_xfact *s, wc_xfact *t, const char *why)
{
	char *st = describe(m->src, s), *tt = describe(m->tgt, t);
	char *sv = value_text(s), *tv = value_text(t);
	const wc_rule *r = !s->rule->generic ? s->rule : t->rule;
	wc_emit(m->fs, WC_CHECK_FACT_MISMATCH, (int)r->severity, m->tgt, t->start, t->end, m->src,
	        s->start, sv, tv, r->id, "%s: source has '%s' (%s), %s has '%s' (%s)", why, st, sv,
	        m->related ? "related story" : "translation", tt, tv);
	free(st), free(tt), free(sv), free(tv);
	link(s, t, WC_MATCH_DIFFERENT);
}

/* The one leftover fact of s's kind in target paragraph tp, or NULL if there
 * are none or several (then nothing says which one is the counterpart). */
static wc_xfact *only_leftover(wc_doc *d, const wc_xfact *like, size_t para)
{
	wc_xfact *found = NULL;
	for (size_t j = 0; j < d->nfacts; j++) {
		wc_xfact *t = &d->facts[j];
		if (t->matched || t->para != para || !comparable(like, t) || is_entity(t))
			continue;
		if (found)
			return NULL;
		found = t;
	}
	return found;
}

/* Only a pair this alike is sure enough to call two different values of one
 * kind a mismatch rather than one fact dropped and another added. */
#define SURE_PAIR 0.45

static void mismatch_in_aligned(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (is_entity(s) || s->matched)
			continue;
		int tp = m->al->s2t[s->para];
		if (tp < 0 || m->al->score[s->para] < SURE_PAIR)
			continue;
		wc_xfact *t = only_leftover(m->tgt, s, (size_t)tp);
		if (t && only_leftover(m->src, t, s->para) == s)
			report_mismatch(m, s, t, "value differs");
	}
}

/* A keyed fact (employees, fine ...) is the same fact wherever it stands. */
static void mismatch_keyed(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (s->rule->generic || is_entity(s))
			continue;
		for (size_t j = 0; j < m->tgt->nfacts; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (t->rule != s->rule || is_entity(t))
				continue;
			if (!same_value(s, t) && !t->matched && !s->matched)
				report_mismatch(m, s, t, s->rule->description ? s->rule->description : s->rule->id);
		}
	}
}

static void report_leftovers(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (s->matched || is_entity(s))
			continue;
		char *st = describe(m->src, s), *sv = value_text(s);
		size_t at = target_offset(m, s->para);
		wc_emit(m->fs, WC_CHECK_FACT_MISSING, -1, m->tgt, at, at, m->src, s->start, sv, NULL,
		        s->rule->id, "source %s '%s' (%s) has no counterpart in the translation",
		        wc_kind_name(s->kind), st, sv);
		free(st), free(sv);
	}
	for (size_t j = 0; j < m->tgt->nfacts; j++) {
		wc_xfact *t = &m->tgt->facts[j];
		if (t->matched || is_entity(t))
			continue;
		char *tt = describe(m->tgt, t), *tv = value_text(t);
		wc_emit(m->fs, WC_CHECK_FACT_EXTRA, -1, m->tgt, t->start, t->end, NULL, 0, NULL, tv,
		        t->rule->id, "%s '%s' (%s) has no counterpart in the source",
		        wc_kind_name(t->kind), tt, tv);
		free(tt), free(tv);
	}
}

/* ---- entities ------------------------------------------------------------------------ */

static bool doc_has_concept(const wc_doc *d, const char *concept)
{
	for (size_t j = 0; j < d->nfacts; j++)
		if (d->facts[j].kind == WC_K_NAME && strcmp(d->facts[j].value, concept) == 0)
			return true;
	return false;
}

static bool first_of_concept(const wc_doc *d, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (d->facts[k].kind == d->facts[i].kind && strcmp(d->facts[k].value, d->facts[i].value) == 0)
			return false;
	return true;
}

static void match_names(matcher *m)
{
	for (size_t i = 0; !m->related && i < m->src->nfacts; i++) {
		const wc_xfact *s = &m->src->facts[i];
		if (s->kind != WC_K_NAME || !first_of_concept(m->src, i) || doc_has_concept(m->tgt, s->value))
			continue;
		char *st = describe(m->src, s);
		size_t at = target_offset(m, s->para);
		wc_emit(m->fs, WC_CHECK_FACT_MISSING, -1, m->tgt, at, at, m->src, s->start, s->value, NULL,
		        s->rule->id, "the source names '%s' (%s); the translation never does", st, s->value);
		free(st);
	}
	for (size_t j = 0; !m->related && j < m->tgt->nfacts; j++) {
		const wc_xfact *t = &m->tgt->facts[j];
		if (t->kind != WC_K_NAME || !first_of_concept(m->tgt, j) || doc_has_concept(m->src, t->value))
			continue;
		char *tt = describe(m->tgt, t);
		wc_emit(m->fs, WC_CHECK_FACT_EXTRA, -1, m->tgt, t->start, t->end, NULL, 0, NULL, t->value,
		        t->rule->id, "the translation names '%s' (%s); the source does not", tt, t->value);
		free(tt);
	}
}

/* Whether d gives the person of title fact f a title compatible with f's, and
 * whether it names the person with a title at all. */
static void person_in(const matcher *m, const wc_doc *d, const wc_xfact *f, bool *named,
                      bool *same_title, const wc_xfact **other)
{
	*named = *same_title = false;
	*other = NULL;
	for (size_t j = 0; j < d->nfacts; j++) {
		const wc_xfact *t = &d->facts[j];
		if (t->kind != WC_K_TITLE || !wc_names_compatible(f->name, t->name))
			continue;
		*named = true;
		if (wc_concepts_compatible(m->rs, f->value, t->value))
			*same_title = true;
		else if (!*other)
			*other = t;
	}
}

static bool first_of_person(const wc_doc *d, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (d->facts[k].kind == WC_K_TITLE && wc_names_compatible(d->facts[k].name, d->facts[i].name) &&
		    strcmp(d->facts[k].value, d->facts[i].value) == 0)
			return false;
	return true;
}

static void match_titles(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (s->kind != WC_K_TITLE || !first_of_person(m->src, i))
			continue;
		bool named, same;
		const wc_xfact *other;
		person_in(m, m->tgt, s, &named, &same, &other);
		if (same)
			continue;
		if (named && other) {
			/* Only a contradiction if the source never gives the person
			 * the translation's title either (people hold several). */
			bool src_named, src_same;
			const wc_xfact *src_other;
			person_in(m, m->src, other, &src_named, &src_same, &src_other);
			if (!src_same)
				report_mismatch(m, s, (wc_xfact *)other, "title differs");
		} else if (!m->related) {
			char *st = describe(m->src, s), *sv = value_text(s);
			size_t at = target_offset(m, s->para);
			wc_emit(m->fs, WC_CHECK_FACT_MISSING, -1, m->tgt, at, at, m->src, s->start, sv, NULL,
			        s->rule->id, "the source calls %s '%s'; the translation never gives the title",
			        s->unit, st);
			free(st), free(sv);
		}
	}
}

/* Entities carry no counts; their status says whether the source has them. */
static void mark_entities(matcher *m)
{
	for (size_t j = 0; j < m->tgt->nfacts; j++) {
		wc_xfact *t = &m->tgt->facts[j];
		if (t->matched == WC_MATCH_DIFFERENT)
			continue;
		if (t->kind == WC_K_NAME) {
			t->matched = doc_has_concept(m->src, t->value) ? WC_MATCH_EQUAL : WC_MATCH_NONE;
		} else if (t->kind == WC_K_TITLE) {
			bool named, same;
			const wc_xfact *other;
			person_in(m, m->src, t, &named, &same, &other);
			t->matched = same ? WC_MATCH_EQUAL : WC_MATCH_NONE;
		}
	}
}

void wc_match_facts(const wc_ruleset *rs, wc_doc *src, wc_doc *tgt, const wc_alignment *al,
                    wc_findings *fs)
{
	matcher m = {rs, src, tgt, al, fs, tgt->role == WC_ROLE_RELATED};
	for (size_t i = 0; i < src->nfacts; i++)
		src->facts[i].matched = 0;
	for (size_t j = 0; j < tgt->nfacts; j++)
		tgt->facts[j].matched = 0;
	match_equal_in_aligned(&m);
	match_equal_anywhere(&m);
	mismatch_keyed(&m);
	match_titles(&m);
	if (!m.related) {
		mismatch_in_aligned(&m);
		report_leftovers(&m);
		match_names(&m);
	}
	mark_entities(&m);
}
