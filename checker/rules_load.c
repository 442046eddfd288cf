/*
 * rules_load.c — stage 1: loads rule directories into a wc_ruleset.
 *   locales/NAME.yaml, locales/cldr/NAME.yaml  → wc_locale (separators, quotes,
 *                                           number words, names of days ...)
 *   terms/NAME.yaml                         → wc_concept (names, exonyms, titles)
 *   facts/NAME.yaml                         → wc_rule (typed, with patterns)
 * Nothing is compiled here (rules_compile.c does that per language); every
 * problem becomes a diagnostic with file:line:column, and loading goes on.
 */
#include "yaml_tree.h"
#include "rules.h"
#include "langid.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Ids already taken, as indexes into the ruleset's rules or concepts: an
 * open-addressing hash, so that checking for duplicates stays linear in a
 * file of many thousands of rules. */
typedef struct {
	size_t *slot;           /* index + 1; 0 is a free slot */
	size_t cap, n;          /* cap is a power of two */
} id_index;

typedef struct {
	wc_yschema y;           /* the file being loaded, its diagnostics and errors */
	wc_ruleset *rs;
	id_index rule_ids, concept_ids;
	const char *lang;       /* a locale file read later: the language its name gave */
} loader;

#define FAIL(ld, node, ...) wc_yfail(&(ld)->y, (node), __VA_ARGS__)

/* ---- small helpers ----------------------------------------------------------- */

static uint64_t hash_id(const char *s)
{
	return wc_hash_bytes(s, strlen(s));
}

/* The index (+ 1) of the entry whose id is id, or 0; name(i) gives ids. */
static size_t id_find(const id_index *x, const char *id, const char *(*name)(const wc_ruleset *, size_t),
                      const wc_ruleset *rs)
{
	if (!x->cap)
		return 0;
	for (size_t i = hash_id(id) & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
		if (!x->slot[i])
			return 0;
		if (strcmp(name(rs, x->slot[i] - 1), id) == 0)
			return x->slot[i];
	}
}

static void id_add(id_index *x, size_t index, const char *(*name)(const wc_ruleset *, size_t),
                   const wc_ruleset *rs)
{
	if (2 * (x->n + 1) > x->cap) {
		id_index bigger = {wc_xcalloc(x->cap ? 2 * x->cap : 64, sizeof *x->slot), x->cap ? 2 * x->cap : 64, 0};
		for (size_t i = 0; i < x->cap; i++)
			if (x->slot[i])
				id_add(&bigger, x->slot[i] - 1, name, rs);
		free(x->slot);
		*x = bigger;
	}
	size_t i = hash_id(name(rs, index)) & (x->cap - 1);
	while (x->slot[i])
		i = (i + 1) & (x->cap - 1);
	x->slot[i] = index + 1;
	x->n++;
}

static const char *rule_id(const wc_ruleset *rs, size_t i)
{
	return rs->rules[i]->id;
}

static const char *concept_id(const wc_ruleset *rs, size_t i)
{
	return rs->concepts[i].id;
}

/* Calls fn for each string of a sequence (or a single string). */
static void each_string(loader *ld, const wc_ynode *n, const char *what,
                        void (*fn)(loader *, const wc_ynode *, void *), void *arg)
{
	if (!n)
		return;
	if (n->type == WC_Y_SCALAR) {
		fn(ld, n, arg);
		return;
	}
	if (n->type != WC_Y_SEQ) {
		FAIL(ld, n, "%s must be a list of strings", what);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		if (n->items[i]->type != WC_Y_SCALAR)
			FAIL(ld, n->items[i], "%s must be a list of strings", what);
		else
			fn(ld, n->items[i], arg);
	}
}

static void add_to_strlist(loader *ld, const wc_ynode *n, void *arg)
{
	(void)ld;
	wc_strlist_add(arg, n->value);
}

/* ---- locales ------------------------------------------------------------------- */

static wc_locale *locale_for(wc_ruleset *rs, const char *lang)
{
	wc_locale *loc = wc_ruleset_find_locale(rs, lang);
	if (loc)
		return loc;
	loc = wc_xcalloc(1, sizeof *loc);
	loc->lang = wc_xstrdup(lang);
	loc->bare_word_min = 2;
	*WC_PUSH(rs->locales, rs->nlocales, rs->locales_cap) = loc;
	return loc;
}

static void set_string(loader *ld, char **slot, const wc_ynode *n, const char *what)
{
	const char *v = wc_yscalar(&ld->y, n, what);
	if (!v)
		return;
	if (*slot) {
		FAIL(ld, n, "%s is already set (to '%s') by another file of this language", what, *slot);
		return;
	}
	*slot = wc_xstrdup(v);
}

static int32_t single_mark(loader *ld, const wc_ynode *n)
{
	const char *v = wc_yscalar(&ld->y, n, "a quote mark");
	if (!v)
		return -1;
	size_t i = 0, len = strlen(v);
	int32_t c = wc_utf8_next(v, len, &i);
	if (c < 0 || i != len) {
		FAIL(ld, n, "a quote mark must be one character, not '%s'", v);
		return -1;
	}
	return c;
}

static bool quote_pair(loader *ld, const wc_ynode *n, wc_quote_pair *out)
{
	if (!n || n->type != WC_Y_SEQ || n->n != 2) {
		FAIL(ld, n, "a quote pair is a list of two marks: [open, close]");
		return false;
	}
	int32_t o = single_mark(ld, n->items[0]), c = single_mark(ld, n->items[1]);
	if (o < 0 || c < 0)
		return false;
	out->open = o;
	out->close = c;
	return true;
}

static void load_quotes(loader *ld, wc_locale *loc, const wc_ynode *q)
{
	static const char *const keys[] = {"primary", "secondary", "also", "continue_across_paragraphs",
	                                   "spaced", NULL};
	wc_ycheck_keys(&ld->y, q, keys);
	const wc_ynode *n;
	if ((n = wc_ymap_get(q, "primary")))
		quote_pair(ld, n, &loc->quotes[0]);
	if ((n = wc_ymap_get(q, "secondary")))
		quote_pair(ld, n, &loc->quotes[1]);
	if ((n = wc_ymap_get(q, "also"))) {
		if (n->type != WC_Y_SEQ)
			FAIL(ld, n, "quotes.also must be a list of [open, close] pairs");
		for (size_t i = 0; n->type == WC_Y_SEQ && i < n->n; i++) {
			wc_quote_pair p;
			if (quote_pair(ld, n->items[i], &p))
				*WC_PUSH(loc->quotes_also, loc->nquotes_also, loc->quotes_also_cap) = p;
		}
	}
	if ((n = wc_ymap_get(q, "continue_across_paragraphs")))
		wc_yboolean(&ld->y, n, "continue_across_paragraphs", &loc->quote_continuation);
	if ((n = wc_ymap_get(q, "spaced"))) {
		if (n->type != WC_Y_SEQ || n->n > sizeof loc->quotes_spaced / sizeof *loc->quotes_spaced)
			FAIL(ld, n, "quotes.spaced must be a list of at most 4 marks");
		for (size_t i = 0; n->type == WC_Y_SEQ && i < n->n && i < 4; i++) {
			int32_t c = single_mark(ld, n->items[i]);
			if (c >= 0)
				loc->quotes_spaced[loc->nquotes_spaced++] = c;
		}
	}
}

typedef struct {
	wc_lexicon *lx;
	const char *canon;
	int64_t num;
} lex_target;

static void add_form(loader *ld, const wc_ynode *n, void *arg)
{
	lex_target *t = arg;
	if (!n->value[0]) {
		FAIL(ld, n, "an empty word form");
		return;
	}
	const wc_lex_item *old = wc_lex_find(t->lx, n->value, strlen(n->value));
	if (old && (strcmp(old->canon, t->canon) != 0 || old->num != t->num)) {
		FAIL(ld, n, "'%s' already stands for '%s'", n->value, old->canon);
		return;
	}
	if (!old)
		wc_lex_add(t->lx, n->value, t->canon, t->num);
}

/* A map canonical → [forms]; keys may be restricted to a fixed list. */
static void load_forms_map(loader *ld, wc_lexicon *lx, const wc_ynode *map, const char *what,
                           const char *const *canon_keys)
{
	if (map->type != WC_Y_MAP) {
		FAIL(ld, map, "%s must be a map of canonical name to a list of forms", what);
		return;
	}
	if (canon_keys)
		wc_ycheck_keys(&ld->y, map, canon_keys);
	for (size_t i = 0; i < map->n; i++) {
		lex_target t = {lx, map->items[2 * i]->value, 0};
		each_string(ld, map->items[2 * i + 1], what, add_form, &t);
	}
}

/* A map word → number (number words, scale exponents). */
static void load_number_map(loader *ld, wc_lexicon *lx, const wc_ynode *map, const char *what,
                            long long max)
{
	if (map->type != WC_Y_MAP) {
		FAIL(ld, map, "%s must be a map of word to number", what);
		return;
	}
	for (size_t i = 0; i < map->n; i++) {
		long long v;
		const wc_ynode *val = map->items[2 * i + 1];
		if (!wc_yinteger(&ld->y, val, what, &v))
			continue;
		if (v < 0 || v > max) {
			FAIL(ld, val, "%s: %lld is out of range (0..%lld)", what, v, max);
			continue;
		}
		lex_target t = {lx, map->items[2 * i]->value, v};
		char canon[32];
		snprintf(canon, sizeof canon, "%lld", v);
		t.canon = canon;
		add_form(ld, map->items[2 * i], &t);
	}
}

/* Words that multiply what precedes them ("two dozen" = 24); they join the
 * number words with a canonical value marked "*". */
static void load_multipliers(loader *ld, wc_lexicon *lx, const wc_ynode *map)
{
	if (map->type != WC_Y_MAP) {
		FAIL(ld, map, "numbers.multipliers must be a map of word to number");
		return;
	}
	for (size_t i = 0; i < map->n; i++) {
		long long v;
		if (!wc_yinteger(&ld->y, map->items[2 * i + 1], "numbers.multipliers", &v))
			continue;
		if (v < 2 || v > 1000000) {
			FAIL(ld, map->items[2 * i + 1], "numbers.multipliers: %lld is out of range (2..1000000)", v);
			continue;
		}
		char canon[32];
		snprintf(canon, sizeof canon, "*%lld", v);
		lex_target t = {lx, canon, v};
		add_form(ld, map->items[2 * i], &t);
	}
}

/* Fractions go into the number words with values above any count
 * (WC_FRACTION_MARK): denominators ("thirds": 3), halves ("half", "a
 * half"; "einhalb", which adds), and n and a half in one word ("anderthalb": 1). */
static void add_fraction_forms(loader *ld, wc_locale *loc, const wc_ynode *n, const char *what,
                               int64_t code, bool keyed, long long lo, long long hi)
{
	if (!n)
		return;
	if (keyed && n->type != WC_Y_MAP) {
		FAIL(ld, n, "%s must be a map of word to number", what);
		return;
	}
	if (!keyed) {
		lex_target t = {&loc->number_words, "~fraction", WC_FRACTION_MARK + code};
		each_string(ld, n, what, add_form, &t);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		long long v;
		if (!wc_yinteger(&ld->y, n->items[2 * i + 1], what, &v))
			continue;
		if (v < lo || v > hi) {
			FAIL(ld, n->items[2 * i + 1], "%s: %lld is out of range (%lld..%lld)", what, v, lo, hi);
			continue;
		}
		lex_target t = {&loc->number_words, "~fraction", WC_FRACTION_MARK + code + v};
		add_form(ld, n->items[2 * i], &t);
	}
}

static void load_fractions(loader *ld, wc_locale *loc, const wc_ynode *m)
{
	add_fraction_forms(ld, loc, wc_ymap_get(m, "fractions"), "numbers.fractions", 0, true, 2, 99);
	add_fraction_forms(ld, loc, wc_ymap_get(m, "halves"), "numbers.halves", WC_FRACTION_HALF,
	                   false, 0, 0);
	add_fraction_forms(ld, loc, wc_ymap_get(m, "halves_add"), "numbers.halves_add",
	                   WC_FRACTION_HALF_ADD, false, 0, 0);
	add_fraction_forms(ld, loc, wc_ymap_get(m, "mixed"), "numbers.mixed", WC_FRACTION_MIXED, true,
	                   1, 99);
	add_fraction_forms(ld, loc, wc_ymap_get(m, "unit_fractions"), "numbers.unit_fractions",
	                   WC_FRACTION_UNIT, true, 2, 99);
}

/* A list of forms without values under numbers: (what is "numbers.KEY"), into lx. */
static void load_number_forms(loader *ld, const wc_ynode *m, const char *what, wc_lexicon *lx)
{
	lex_target t = {lx, "", 0};
	each_string(ld, wc_ymap_get(m, what + strlen("numbers.")), what, add_form, &t);
}

static void load_numbers(loader *ld, wc_locale *loc, const wc_ynode *m)
{
	static const char *const keys[] = {"decimal", "group", "group_also", "words", "multipliers",
	                                   "joiners", "scales", "bare_word_min", "articles", "minus",
	                                   "maybe_minus", "below_zero",
	                                   "percent", "fractions", "halves", "halves_add", "mixed",
	                                   "unit_fractions", "weak", "half_after", NULL};
	wc_ycheck_keys(&ld->y, m, keys);
	each_string(ld, wc_ymap_get(m, "articles"), "numbers.articles", add_to_strlist, &loc->articles);
	each_string(ld, wc_ymap_get(m, "minus"), "numbers.minus", add_to_strlist, &loc->minus);
	each_string(ld, wc_ymap_get(m, "maybe_minus"), "numbers.maybe_minus", add_to_strlist, &loc->maybe_minus);
	const wc_ynode *n;
	if ((n = wc_ymap_get(m, "decimal")))
		set_string(ld, &loc->decimal, n, "numbers.decimal");
	if ((n = wc_ymap_get(m, "group")))
		set_string(ld, &loc->group, n, "numbers.group");
	each_string(ld, wc_ymap_get(m, "group_also"), "numbers.group_also", add_to_strlist, &loc->group_also);
	if ((n = wc_ymap_get(m, "words")))
		load_number_map(ld, &loc->number_words, n, "numbers.words", 1000000000000LL);
	if ((n = wc_ymap_get(m, "multipliers")))
		load_multipliers(ld, &loc->number_words, n);
	if ((n = wc_ymap_get(m, "weak"))) {
		/* number words of their own, remembered as weak (extract.c) */
		load_number_map(ld, &loc->number_words, n, "numbers.weak", 1000);
		for (size_t i = 0; n->type == WC_Y_MAP && i < n->n; i++)
			wc_strlist_add(&loc->weak_words, n->items[2 * i]->value);
	}
	load_fractions(ld, loc, m);
	if ((n = wc_ymap_get(m, "scales")))
		load_number_map(ld, &loc->scales, n, "numbers.scales (powers of ten)", 15);
	load_number_forms(ld, m, "numbers.below_zero", &loc->below_zero);
	load_number_forms(ld, m, "numbers.half_after", &loc->half_after);
	load_number_forms(ld, m, "numbers.joiners", &loc->joiners);
	static const char *const percent_units[] = {"percent", "percentage-point", NULL};
	if ((n = wc_ymap_get(m, "percent")))
		load_forms_map(ld, &loc->percent, n, "numbers.percent", percent_units);
	long long v;
	if ((n = wc_ymap_get(m, "bare_word_min")) && wc_yinteger(&ld->y, n, "bare_word_min", &v))
		loc->bare_word_min = (int)v;
}

static void load_text_section(loader *ld, wc_locale *loc, const wc_ynode *m)
{
	static const char *const keys[] = {"repeated_ok", "repeated_ok_after_comma", "colon_suffixes", NULL};
	wc_ycheck_keys(&ld->y, m, keys);
	each_string(ld, wc_ymap_get(m, "repeated_ok"), "text.repeated_ok", add_to_strlist, &loc->repeat_ok);
	const wc_ynode *n = wc_ymap_get(m, "repeated_ok_after_comma");
	if (n)
		wc_yboolean(&ld->y, n, "text.repeated_ok_after_comma", &loc->repeat_ok_after_comma);
	each_string(ld, wc_ymap_get(m, "colon_suffixes"), "text.colon_suffixes", add_to_strlist,
	            &loc->colon_suffixes);
}

/* length_factor: how long this language's text runs against English's (1.0),
 * in code points, as measured on parallel text; paragraph.short compares a
 * paragraph pair through the ratio of their languages' factors. */
static void load_length_factor(loader *ld, wc_locale *loc, const wc_ynode *n)
{
	const char *v = wc_yscalar(&ld->y, n, "length_factor");
	if (!v)
		return;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || *end || errno || !(x >= 0.5 && x <= 2.0)) {
		FAIL(ld, n, "length_factor must be a number from 0.5 to 2.0 (English is 1.0), not '%s'", v);
		return;
	}
	if (loc->length_factor > 0) {
		FAIL(ld, n, "length_factor is already set (to %g) by another file of this language",
		     loc->length_factor);
		return;
	}
	loc->length_factor = x;
}

static char *opt_scalar(loader *ld, const wc_ynode *m, const char *key)
{
	const char *v = wc_yscalar(&ld->y, wc_ymap_get(m, key), key);
	return v ? wc_xstrdup(v) : NULL;
}

static void load_examples(loader *ld, const wc_ynode *seq, const char *lang)
{
	static const char *const keys[] = {"lang", "text", "kind", "value", "unit", NULL};
	if (seq->type != WC_Y_SEQ) {
		FAIL(ld, seq, "examples must be a list");
		return;
	}
	for (size_t i = 0; i < seq->n; i++) {
		const wc_ynode *e = seq->items[i];
		if (e->type != WC_Y_MAP) {
			FAIL(ld, e, "an example is a map: {text: ..., value: ...}");
			continue;
		}
		wc_ycheck_keys(&ld->y, e, keys);
		wc_example *x = WC_PUSH(ld->rs->examples, ld->rs->nexamples, ld->rs->examples_cap);
		memset(x, 0, sizeof *x);
		x->lang = opt_scalar(ld, e, "lang");
		if (!x->lang && lang)
			x->lang = wc_xstrdup(lang);
		x->text = opt_scalar(ld, e, "text");
		x->value = opt_scalar(ld, e, "value");
		x->unit = opt_scalar(ld, e, "unit");
		char *kind = opt_scalar(ld, e, "kind");
		/* Only locale examples name the kind of fact they expect: a rule
		 * example's kind is its rule's. */
		if (kind && wc_kind_parse(kind) < 0)
			FAIL(ld, e, "unknown kind '%s'", kind);
		x->file = wc_xstrdup(ld->y.doc->path);
		x->line = e->line;
		if (!x->lang || !x->text || !x->value)
			FAIL(ld, e, "an example needs lang, text and value");
		x->kind = kind;
	}
}

/* The canonical month names: the keys of `months:` and the values of month
 * dates, in calendar order. */
const char *const wc_month_ids[] = {"january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november",
                                    "december", NULL};

const char *const wc_weekday_ids[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                      "saturday", "sunday", NULL};

/* The roles of the words of `clock:` (macros.def): before an hour alone or
 * with minutes, before one with minutes only, after it, after it where an
 * "at" word stands before ("à 20 heures": "20 heures" alone is a duration),
 * the parts of the day before and after noon, and the half hour before an
 * hour (nl "half vier", de "halb vier": 3.30). */
const char *const wc_clock_ids[] = {"word", "at", "after", "hours", "am", "pm", "half", NULL};

/* The lexicons a locale file holds as top-level maps: the WC_LEX_FORMS
 * lines of macros.def (the others are read with numbers: or from terms/). */
#define LEX_KEY_WC_LEX_FORMS(key) key,
#define LEX_KEY_WC_LEX_NUMBERS(key)
#define LEX_KEY_WC_LEX_TERMS(key)
#define LEX_LOAD_WC_LEX_FORMS(field, key, canon)                                                  \
	if ((n = wc_ymap_get(root, key)))                                                          \
		load_forms_map(ld, &loc->field, n, key, canon);
#define LEX_LOAD_WC_LEX_NUMBERS(field, key, canon)
#define LEX_LOAD_WC_LEX_TERMS(field, key, canon)

static void load_lexicons(loader *ld, wc_locale *loc, const wc_ynode *root)
{
	const wc_ynode *n;
#define WC_LEXICON(field, key, cls, loader, canon) LEX_LOAD_##loader(field, key, canon)
#include "macros.def"
}

/* place_inflections: {ENDING: [ENDING, ...]}: each pair an ending of a
 * place's form and the ending a case gives it in its stead. */
static void load_place_inflections(loader *ld, wc_locale *loc, const wc_ynode *n)
{
	if (n->type != WC_Y_MAP) {
		FAIL(ld, n, "place_inflections must map an ending to the endings that replace it");
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const wc_ynode *from = n->items[2 * i], *to = n->items[2 * i + 1];
		if (from->type != WC_Y_SCALAR || !*from->value) {
			FAIL(ld, from, "place_inflections: an ending must be a string of one letter or more");
			continue;
		}
		if (to->type != WC_Y_SEQ) {
			FAIL(ld, to, "place_inflections: '%s' must map to a list of endings", from->value);
			continue;
		}
		for (size_t j = 0; j < to->n; j++) {
			if (to->items[j]->type != WC_Y_SCALAR) {
				FAIL(ld, to->items[j], "place_inflections: an ending must be a string");
				continue;
			}
			wc_strlist_add(&loc->inflect_from, from->value);
			wc_strlist_add(&loc->inflect_to, to->items[j]->value);
		}
	}
}

static void load_locale(loader *ld, const wc_ynode *root)
{
	static const char *const keys[] = {"lang", "name", "numbers", "quotes",
#define WC_LEXICON(field, key, cls, loader, canon) LEX_KEY_##loader(key)
#include "macros.def"
	                                   "months_case_sensitive", "weekdays_case_sensitive",
	                                   "genitive", "name_endings", "text", "examples",
	                                   "stopwords", "length_factor", "nouns_capitalised",
	                                   "not_names", "weigh_words", "plural_endings", "demonym_endings",
	                                   "word_list_lemmas_only", "names_keep_capitals", "definite_articles",
	                                   "capitals_mark_names", "place_inflections", "home_places", NULL};
	wc_ycheck_keys(&ld->y, root, keys);
	const char *lang = wc_yscalar(&ld->y, wc_ymap_get(root, "lang"), "lang");
	if (!lang) {
		FAIL(ld, root, "a locale file needs 'lang:'");
		return;
	}
	if (ld->lang && strcmp(lang, ld->lang) != 0) {
		FAIL(ld, wc_ymap_get(root, "lang"), "this file is read for language '%s', as its name says, "
		     "but holds 'lang: %s'; rename it %s.yaml", ld->lang, lang, lang);
		return;
	}
	wc_locale *loc = locale_for(ld->rs, lang);
	/* what an earlier folder left for later comes first, as it would have */
	if (!ld->lang && atomic_load_explicit(&loc->has_unread, memory_order_acquire) &&
	    wc_locale_read(ld->rs, loc, ld->y.diags) < 0)
		ld->y.errors++;
	wc_strlist_add(&loc->files, ld->y.doc->path);
	const wc_ynode *n;
	if ((n = wc_ymap_get(root, "name")))
		set_string(ld, &loc->name, n, "name");
	if ((n = wc_ymap_get(root, "numbers")))
		load_numbers(ld, loc, n);
	if ((n = wc_ymap_get(root, "quotes")))
		load_quotes(ld, loc, n);
	load_lexicons(ld, loc, root);
	if ((n = wc_ymap_get(root, "months_case_sensitive")))
		wc_yboolean(&ld->y, n, "months_case_sensitive", &loc->months_case_sensitive);
	if ((n = wc_ymap_get(root, "weekdays_case_sensitive")))
		wc_yboolean(&ld->y, n, "weekdays_case_sensitive", &loc->weekdays_case_sensitive);
	each_string(ld, wc_ymap_get(root, "genitive"), "genitive", add_to_strlist, &loc->genitive);
	each_string(ld, wc_ymap_get(root, "name_endings"), "name_endings", add_to_strlist, &loc->name_endings);
	each_string(ld, wc_ymap_get(root, "stopwords"), "stopwords", add_to_strlist, &loc->stopwords);
	each_string(ld, wc_ymap_get(root, "not_names"), "not_names", add_to_strlist, &loc->not_names);
	each_string(ld, wc_ymap_get(root, "home_places"), "home_places", add_to_strlist, &loc->home_places);
	each_string(ld, wc_ymap_get(root, "definite_articles"), "definite_articles", add_to_strlist,
	            &loc->definite_articles);
	each_string(ld, wc_ymap_get(root, "weigh_words"), "weigh_words", add_to_strlist, &loc->weigh_words);
	each_string(ld, wc_ymap_get(root, "plural_endings"), "plural_endings", add_to_strlist,
	            &loc->plural_endings);
	each_string(ld, wc_ymap_get(root, "demonym_endings"), "demonym_endings", add_to_strlist,
	            &loc->demonym_endings);
	if ((n = wc_ymap_get(root, "word_list_lemmas_only")))
		wc_yboolean(&ld->y, n, "word_list_lemmas_only", &loc->words_lemmas_only);
	if ((n = wc_ymap_get(root, "nouns_capitalised")))
		wc_yboolean(&ld->y, n, "nouns_capitalised", &loc->nouns_capitalised);
	if ((n = wc_ymap_get(root, "capitals_mark_names")))
		wc_yboolean(&ld->y, n, "capitals_mark_names", &loc->capitals_mark_names);
	if ((n = wc_ymap_get(root, "names_keep_capitals")))
		wc_yboolean(&ld->y, n, "names_keep_capitals", &loc->names_keep_capitals);
	if ((n = wc_ymap_get(root, "place_inflections")))
		load_place_inflections(ld, loc, n);
	if ((n = wc_ymap_get(root, "text")))
		load_text_section(ld, loc, n);
	if ((n = wc_ymap_get(root, "length_factor")))
		load_length_factor(ld, loc, n);
	if ((n = wc_ymap_get(root, "examples")))
		load_examples(ld, n, lang);
}

/* langid/stopwords.yaml: each language's stop words, read at once even where
 * its locale is read later, so that language identification knows them all. */
static void load_stopwords(loader *ld, const wc_ynode *root)
{
	static const char *const keys[] = {"stopwords", NULL};
	wc_ycheck_keys(&ld->y, root, keys);
	const wc_ynode *m = wc_ymap_get(root, "stopwords");
	if (!m || m->type != WC_Y_MAP) {
		FAIL(ld, m ? m : root, "stopwords must be a map of language to a list of words");
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		const char *lang = wc_yscalar(&ld->y, m->items[2 * i], "stopwords");
		if (lang)
			each_string(ld, m->items[2 * i + 1], "stopwords", add_to_strlist,
			            &locale_for(ld->rs, lang)->stopwords);
	}
}

/* Threads that share a ruleset may use a language whose files are unread at
 * once: one reads them under the lock, the others wait. */
static pthread_mutex_t read_lock = PTHREAD_MUTEX_INITIALIZER;

typedef void (*file_loader)(loader *, const wc_ynode *);
static void load_file(loader *ld, const char *path, file_loader fn);

int wc_locale_read(wc_ruleset *rs, wc_locale *loc, wc_diags *diags)
{
	pthread_mutex_lock(&read_lock);
	if (atomic_load_explicit(&loc->has_unread, memory_order_relaxed)) {
		wc_diags *own = diags ? NULL : wc_diags_new();
		loader ld = {.y.diags = diags ? diags : own, .rs = rs, .lang = loc->lang};
		wc_strlist files = loc->unread;
		loc->unread = (wc_strlist){0};
		for (size_t i = 0; i < files.n; i++)
			load_file(&ld, files.v[i], load_locale);
		wc_strlist_free(&files);
		loc->read_failed |= ld.y.errors > 0;
		atomic_store_explicit(&loc->has_unread, false, memory_order_release);
		if (own) {
			wc_diags_print(own, stderr);
			wc_diags_free(own);
		}
	}
	pthread_mutex_unlock(&read_lock);
	return loc->read_failed ? WC_ERULES : WC_OK;
}

/* The language a locale file's name gives: "da" of da.yaml and
 * da.units.yaml; NULL when the name is no language code (it is read now). */
static char *lang_of_name(const char *name)
{
	size_t n = strcspn(name, ".");
	if (n < 2 || n > 3)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (name[i] < 'a' || name[i] > 'z')
			return NULL;
	return wc_xstrndup(name, n);
}

/* ---- terms ---------------------------------------------------------------------- */

/* A map of language to a list of strings, into two parallel lists. */
static void load_forms_by_language(loader *ld, const wc_ynode *map, const char *what,
                                   wc_strlist *langs, wc_strlist *forms)
{
	for (size_t i = 0; i < map->n; i++) {
		wc_strlist tmp = {0};
		each_string(ld, map->items[2 * i + 1], what, add_to_strlist, &tmp);
		for (size_t j = 0; j < tmp.n; j++) {
			wc_strlist_add(langs, map->items[2 * i]->value);
			wc_strlist_add(forms, tmp.v[j]);
		}
		wc_strlist_free(&tmp);
	}
}

static void load_concept(loader *ld, const wc_ynode *c)
{
	static const char *const keys[] = {"id", "kind", "broader", "forms", "adjectives", "note", NULL};
	if (c->type != WC_Y_MAP) {
		FAIL(ld, c, "a concept is a map: {id, kind, forms}");
		return;
	}
	wc_ycheck_keys(&ld->y, c, keys);
	const char *id = wc_yscalar(&ld->y, wc_ymap_get(c, "id"), "id");
	const char *kind = wc_yscalar(&ld->y, wc_ymap_get(c, "kind"), "kind");
	const wc_ynode *forms = wc_ymap_get(c, "forms");
	if (!id || !kind || !forms) {
		FAIL(ld, c, "a concept needs id, kind and forms");
		return;
	}
	/* a term ("GDP", "VAT") is matched as an org is: by its forms; a given
	 * name is no fact, only one name in several spellings */
	if (strcmp(kind, "title") && strcmp(kind, "place") && strcmp(kind, "org") && strcmp(kind, "term") &&
	    strcmp(kind, "given")) {
		FAIL(ld, wc_ymap_get(c, "kind"), "concept kind must be title, place, org, term or given, not '%s'",
		     kind);
		return;
	}
	if (id_find(&ld->concept_ids, id, concept_id, ld->rs)) {
		FAIL(ld, c, "duplicate concept id '%s'", id);
		return;
	}
	if (forms->type != WC_Y_MAP) {
		FAIL(ld, forms, "forms must be a map of language to a list of forms");
		return;
	}
	wc_concept *k = WC_PUSH(ld->rs->concepts, ld->rs->nconcepts, ld->rs->concepts_cap);
	memset(k, 0, sizeof *k);
	k->id = wc_xstrdup(id);
	id_add(&ld->concept_ids, ld->rs->nconcepts - 1, concept_id, ld->rs);
	k->kind = wc_xstrdup(kind);
	const char *broader = wc_yscalar(&ld->y, wc_ymap_get(c, "broader"), "broader");
	k->broader = broader ? wc_xstrdup(broader) : NULL;
	load_forms_by_language(ld, forms, "forms", &k->langs, &k->forms);
	const wc_ynode *adj = wc_ymap_get(c, "adjectives");
	if (adj && adj->type != WC_Y_MAP)
		FAIL(ld, adj, "adjectives must be a map of language to a list of word beginnings");
	else if (adj)
		load_forms_by_language(ld, adj, "adjectives", &k->adjective_langs, &k->adjectives);
}

static void load_terms(loader *ld, const wc_ynode *root)
{
	static const char *const keys[] = {"concepts", NULL};
	wc_ycheck_keys(&ld->y, root, keys);
	const wc_ynode *seq = wc_ymap_get(root, "concepts");
	if (!seq || seq->type != WC_Y_SEQ) {
		FAIL(ld, seq ? seq : root, "a terms file needs 'concepts:', a list");
		return;
	}
	for (size_t i = 0; i < seq->n; i++)
		load_concept(ld, seq->items[i]);
}

/* ---- fact rules ------------------------------------------------------------------ */

static void add_pattern(loader *ld, wc_rule *r, const char *lang, const wc_ynode *n)
{
	wc_rule_pattern *p = WC_PUSH(r->patterns, r->npatterns, r->patterns_cap);
	p->lang = wc_xstrdup(lang);
	p->pattern = wc_xstrdup(n->value);
	p->line = n->line;
	p->column = n->column;
	p->quoted = n->quoted;
	p->source_line = wc_ydoc_line(ld->y.doc, n->line);
}

/* The patterns of one key of `patterns:`.  A key may name several languages
 * that write the thing alike ("de da nb": day.month.year dates). */
static void add_patterns(loader *ld, wc_rule *r, const char *key, const wc_ynode *list)
{
	if (list->type != WC_Y_SCALAR && list->type != WC_Y_SEQ) {
		FAIL(ld, list, "patterns of '%s' must be a list of strings", key);
		return;
	}
	for (size_t j = 0; list->type == WC_Y_SEQ && j < list->n; j++)
		if (list->items[j]->type != WC_Y_SCALAR)
			FAIL(ld, list->items[j], "a pattern must be a string");
	for (const char *k = key; *k;) {
		size_t n = strcspn(k, " ");
		if (n) {
			char *lang = wc_xstrndup(k, n);
			if (list->type == WC_Y_SCALAR)
				add_pattern(ld, r, lang, list);
			for (size_t j = 0; list->type == WC_Y_SEQ && j < list->n; j++)
				if (list->items[j]->type == WC_Y_SCALAR)
					add_pattern(ld, r, lang, list->items[j]);
			free(lang);
		}
		k += n + (k[n] == ' ');
	}
}

static void load_rule(loader *ld, const wc_ynode *m)
{
	static const char *const keys[] = {"id", "kind", "severity", "description", "generic",
	                                   "patterns", "examples", NULL};
	if (m->type != WC_Y_MAP) {
		FAIL(ld, m, "a rule is a map: {id, kind, patterns}");
		return;
	}
	wc_ycheck_keys(&ld->y, m, keys);
	const char *id = wc_yscalar(&ld->y, wc_ymap_get(m, "id"), "id");
	const char *kind = wc_yscalar(&ld->y, wc_ymap_get(m, "kind"), "kind");
	const wc_ynode *pats = wc_ymap_get(m, "patterns");
	if (!id || !kind || !pats) {
		FAIL(ld, m, "a rule needs id, kind and patterns");
		return;
	}
	int k = wc_kind_parse(kind);
	if (k < 0) {
		FAIL(ld, wc_ymap_get(m, "kind"),
		     "unknown kind '%s' (%s)", kind, wc_kind_list());
		return;
	}
	size_t dup = id_find(&ld->rule_ids, id, rule_id, ld->rs);
	if (dup) {
		FAIL(ld, wc_ymap_get(m, "id"), "duplicate rule id '%s' (first in %s:%d)", id,
		     ld->rs->rules[dup - 1]->file, ld->rs->rules[dup - 1]->line);
		return;
	}
	if (pats->type != WC_Y_MAP) {
		FAIL(ld, pats, "patterns must be a map of language (or \"*\") to a list of regexes");
		return;
	}
	wc_rule *r = wc_xcalloc(1, sizeof *r);
	r->id = wc_xstrdup(id);
	r->kind = (wc_kind)k;
	r->severity = WC_ERROR;
	r->file = wc_xstrdup(ld->y.doc->path);
	r->line = m->line;
	r->index = ld->rs->nrules;
	const wc_ynode *n;
	if ((n = wc_ymap_get(m, "severity"))) {
		const char *s = wc_yscalar(&ld->y, n, "severity");
		int sv = s ? wc_severity_parse(s) : -1;
		if (s && (sv < 0 || sv == WC_NEVER))
			FAIL(ld, n, "severity must be error, warning or info, not '%s'", s);
		else if (s)
			r->severity = (wc_severity)sv;
	}
	r->description = opt_scalar(ld, m, "description");
	if ((n = wc_ymap_get(m, "generic")))
		wc_yboolean(&ld->y, n, "generic", &r->generic);
	for (size_t i = 0; i < pats->n; i++)
		add_patterns(ld, r, pats->items[2 * i]->value, pats->items[2 * i + 1]);
	*WC_PUSH(ld->rs->rules, ld->rs->nrules, ld->rs->rules_cap) = r;
	id_add(&ld->rule_ids, ld->rs->nrules - 1, rule_id, ld->rs);
	if ((n = wc_ymap_get(m, "examples"))) {
		size_t first = ld->rs->nexamples;
		load_examples(ld, n, NULL);
		for (size_t i = first; i < ld->rs->nexamples; i++)
			ld->rs->examples[i].rule = r->id;
	}
}

static void load_facts(loader *ld, const wc_ynode *root)
{
	static const char *const keys[] = {"rules", NULL};
	wc_ycheck_keys(&ld->y, root, keys);
	const wc_ynode *seq = wc_ymap_get(root, "rules");
	if (!seq || seq->type != WC_Y_SEQ) {
		FAIL(ld, seq ? seq : root, "a fact rule file needs 'rules:', a list");
		return;
	}
	for (size_t i = 0; i < seq->n; i++)
		load_rule(ld, seq->items[i]);
}

/* ---- files and directories --------------------------------------------------------- */

static void load_file(loader *ld, const char *path, file_loader fn)
{
	ld->y.doc = wc_yaml_load_cached(path, ld->rs->cache_dir, ld->y.diags);
	if (!ld->y.doc) {
		ld->y.errors++;
		return;
	}
	if (!ld->y.doc->root || ld->y.doc->root->type != WC_Y_MAP) {
		wc_ynode top = {.line = 1, .column = 1};
		FAIL(ld, ld->y.doc->root ? ld->y.doc->root : &top, "expected a map at the top of the file");
	} else {
		fn(ld, ld->y.doc->root);
	}
	wc_yaml_free(ld->y.doc);
	ld->y.doc = NULL;
}

static int yaml_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
}

/* Returns how many rule files the folder holds.  Locale files are left for
 * their language's first use where the ruleset says so. */
static size_t load_folder(loader *ld, const char *dir, file_loader fn)
{
	struct dirent **names;
	int n = scandir(dir, &names, yaml_name, alphasort);
	if (n < 0)
		return 0; /* each folder is optional */
	for (int i = 0; i < n; i++) {
		char *path = wc_xasprintf("%s/%s", dir, names[i]->d_name);
		char *lang = fn == load_locale && ld->rs->lazy_locales ? lang_of_name(names[i]->d_name) : NULL;
		if (lang) {
			wc_locale *loc = locale_for(ld->rs, lang);
			wc_strlist_add(&loc->unread, path);
			atomic_store_explicit(&loc->has_unread, true, memory_order_release);
		} else {
			load_file(ld, path, fn);
		}
		free(lang);
		free(path);
		free(names[i]);
	}
	free(names);
	return (size_t)n;
}

/* The word lists beside the first rule folder: DIR/words where the rules
 * are installed, DIR/../build/words in the source tree. */
static void default_words_dir(wc_ruleset *rs, const char *dir)
{
	static const char *const tries[] = {"%s/words", "%s/../build/words"};
	for (size_t i = 0; i < sizeof tries / sizeof *tries && !rs->words_dir; i++) {
		char *p = wc_xasprintf(tries[i], dir);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rs->words_dir = p;
		else
			free(p);
	}
}

int wc_ruleset_load_dir(wc_ruleset *rs, const char *dir, wc_diags *diags)
{
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		wc_diags_add(diags, dir, 0, 0, NULL, "not a rule directory: %s",
		             stat(dir, &st) != 0 ? strerror(errno) : "not a directory");
		return WC_ERULES;
	}
	if (!rs->words_dir)
		default_words_dir(rs, dir);
	loader ld = {.y.diags = diags, .rs = rs};
	for (size_t i = 0; i < rs->nrules; i++)
		id_add(&ld.rule_ids, i, rule_id, rs);
	for (size_t i = 0; i < rs->nconcepts; i++)
		id_add(&ld.concept_ids, i, concept_id, rs);
	static const struct {
		const char *sub;
		file_loader fn;
	} folders[] = {{"locales/cldr", load_locale}, {"locales", load_locale}, {"langid", load_stopwords},
	               {"terms", load_terms}, {"facts", load_facts}};
	size_t files = 0;
	for (size_t i = 0; i < sizeof folders / sizeof *folders; i++) {
		char *p = wc_xasprintf("%s/%s", dir, folders[i].sub);
		files += load_folder(&ld, p, folders[i].fn);
		free(p);
	}
	/* A folder of YAML files at its top (or of nothing) is a mistake that
	 * would otherwise load no rule at all, silently. */
	if (!files) {
		wc_diags_add(diags, dir, 0, 0, NULL,
		             "no rule files found (expected %s/facts/*.yaml, %s/locales/*.yaml or "
		             "%s/terms/*.yaml)", dir, dir, dir);
		ld.y.errors++;
	}
	free(ld.rule_ids.slot);
	free(ld.concept_ids.slot);
	wc_langid_index(rs);
	return ld.y.errors ? WC_ERULES : WC_OK;
}
