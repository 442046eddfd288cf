/*
 * ruleset.c — the wc_ruleset object: lifetime, lookups, and the small
 * name tables (kinds, severities) shared by the loader and the reports.
 */
#include "rules.h"
#include "langid.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[WC_K_COUNT] = {
#define WC_KIND(e, name, norm, scope, rank) name,
#include "kinds.def"
#undef WC_KIND
};

/* Each name with ", " before it; the list starts past the first. */
static const char kind_list[] = ""
#define WC_KIND(e, name, norm, scope, rank) ", " name
#include "kinds.def"
#undef WC_KIND
	;

const char *wc_kind_list(void)
{
	return kind_list + 2;
}

const char *wc_kind_name(wc_kind k)
{
	return k < WC_K_COUNT ? kind_names[k] : "?";
}

int wc_kind_parse(const char *s)
{
	for (int k = 0; k < WC_K_COUNT; k++)
		if (strcmp(kind_names[k], s) == 0)
			return k;
	return -1;
}

const char *wc_strerror(int code)
{
	switch (code) {
	case WC_OK: return "success";
	case WC_EIO: return "input/output error";
	case WC_EINPUT: return "invalid input text";
	case WC_ERULES: return "invalid rule or locale file";
	case WC_ELANG: return "no locale for this language";
	case WC_EUSAGE: return "invalid call";
	default: return "unknown error";
	}
}

wc_ruleset *wc_ruleset_new(void)
{
	wc_ruleset *rs = wc_xcalloc(1, sizeof *rs);
	/* Bounds for hostile user patterns such as (a+)+$: generous for real
	 * rules, small enough to give up within milliseconds. */
	rs->match_limit = 1000000;
	rs->depth_limit = 10000;
	return rs;
}

void wc_ruleset_set_lazy_jit(wc_ruleset *rs, int on)
{
	rs->lazy_jit = on != 0;
}

void wc_ruleset_set_lazy_locales(wc_ruleset *rs, int on)
{
	rs->lazy_locales = on != 0;
}

void wc_ruleset_set_words_dir(wc_ruleset *rs, const char *dir)
{
	free(rs->words_dir);
	rs->words_dir = dir ? wc_xstrdup(dir) : NULL;
}

void wc_ruleset_set_cache_dir(wc_ruleset *rs, const char *dir)
{
	free(rs->cache_dir);
	rs->cache_dir = dir && *dir ? wc_xstrdup(dir) : NULL;
}

void wc_ruleset_set_match_limit(wc_ruleset *rs, unsigned limit)
{
	rs->match_limit = limit ? limit : 1000000;
	/* Languages compiled already take the new limit too. */
	for (size_t i = 0; i < rs->nlocales; i++)
		wc_compiled_set_limits(rs->locales[i]->compiled, rs->match_limit, rs->depth_limit);
}

void wc_locale_free(wc_locale *loc)
{
	if (!loc)
		return;
	wc_compiled_free(loc->compiled);
	free(loc->lang);
	free(loc->name);
	free(loc->decimal);
	free(loc->group);
	wc_strlist_free(&loc->files);
	wc_strlist_free(&loc->group_also);
	free(loc->quotes_also);
#define WC_LEXICON(field, key, cls, loader, canon) wc_lex_free(&loc->field);
#include "macros.def"
	wc_strlist_free(&loc->genitive);
	wc_strlist_free(&loc->articles);
	wc_strlist_free(&loc->weak_words);
	wc_strlist_free(&loc->minus);
	wc_strlist_free(&loc->maybe_minus);
	wc_strlist_free(&loc->home_places);
	wc_strlist_free(&loc->name_endings);
	wc_strlist_free(&loc->stopwords);
	wc_strlist_free(&loc->unread);
	wc_strlist_free(&loc->colon_suffixes);
	wc_strlist_free(&loc->repeat_ok);
	wc_strlist_free(&loc->not_names);
	wc_strlist_free(&loc->inflect_from);
	wc_strlist_free(&loc->inflect_to);
	wc_strlist_free(&loc->definite_articles);
	wc_strlist_free(&loc->weigh_words);
	wc_strlist_free(&loc->plural_endings);
	wc_strlist_free(&loc->demonym_endings);
	wc_lex_free(&loc->name_stops);
	wc_words_close(&loc->words);
	free(loc);
}

static void rule_free(wc_rule *r)
{
	for (size_t i = 0; i < r->npatterns; i++) {
		free(r->patterns[i].lang);
		free(r->patterns[i].pattern);
		free(r->patterns[i].source_line);
	}
	free(r->patterns);
	free(r->id);
	free(r->description);
	free(r->file);
	free(r);
}

void wc_ruleset_free(wc_ruleset *rs)
{
	if (!rs)
		return;
	wc_langid_index_free(rs);
	for (size_t i = 0; i < rs->nlocales; i++)
		wc_locale_free(rs->locales[i]);
	free(rs->locales);
	for (size_t i = 0; i < rs->nrules; i++)
		rule_free(rs->rules[i]);
	free(rs->rules);
	for (size_t i = 0; i < rs->nconcepts; i++) {
		wc_concept *c = &rs->concepts[i];
		free(c->id);
		free(c->kind);
		free(c->broader);
		wc_strlist_free(&c->langs);
		wc_strlist_free(&c->forms);
		wc_strlist_free(&c->adjective_langs);
		wc_strlist_free(&c->adjectives);
	}
	free(rs->concepts);
	free(rs->words_dir);
	free(rs->cache_dir);
	for (size_t i = 0; i < rs->nexamples; i++) {
		wc_example *e = &rs->examples[i];
		free(e->lang);
		free(e->text);
		free(e->value);
		free(e->unit);
		free(e->kind);
		free(e->file);
	}
	free(rs->examples);
	free(rs);
}

/* A language code, or a BCP 47 tag (pt-BR, da_DK, EN-us): a tag selects the
 * locale of its base language, in any case. */
wc_locale *wc_ruleset_locale(const wc_ruleset *rs, const char *lang)
{
	wc_locale *loc = wc_ruleset_find_locale(rs, lang);
	if (loc && atomic_load_explicit(&loc->has_unread, memory_order_acquire))
		wc_locale_read((wc_ruleset *)rs, loc, NULL);
	return loc;
}

wc_locale *wc_ruleset_find_locale(const wc_ruleset *rs, const char *lang)
{
	for (size_t i = 0; lang && i < rs->nlocales; i++)
		if (strcmp(rs->locales[i]->lang, lang) == 0)
			return rs->locales[i];
	size_t n = lang ? strcspn(lang, "-_") : 0;
	for (size_t i = 0; n && i < rs->nlocales; i++)
		if (strlen(rs->locales[i]->lang) == n && strncasecmp(rs->locales[i]->lang, lang, n) == 0)
			return rs->locales[i];
	return NULL;
}

size_t wc_ruleset_lang_count(const wc_ruleset *rs)
{
	return rs ? rs->nlocales : 0;
}

const char *wc_ruleset_lang(const wc_ruleset *rs, size_t i)
{
	return rs && i < rs->nlocales ? rs->locales[i]->lang : NULL;
}

const wc_concept *wc_ruleset_concept(const wc_ruleset *rs, const char *id)
{
	for (size_t i = 0; id && i < rs->nconcepts; i++)
		if (strcmp(rs->concepts[i].id, id) == 0)
			return &rs->concepts[i];
	return NULL;
}

/* Walks up the broader chain of a (bounded: cycles in user data end it). */
static bool is_within(const wc_ruleset *rs, const char *a, const char *b)
{
	for (int hops = 0; a && hops < 8; hops++) {
		if (strcmp(a, b) == 0)
			return true;
		const wc_concept *c = wc_ruleset_concept(rs, a);
		a = c ? c->broader : NULL;
	}
	return false;
}

bool wc_concepts_compatible(const wc_ruleset *rs, const char *a, const char *b)
{
	return is_within(rs, a, b) || is_within(rs, b, a);
}
