/*
 * rules_compile.c — stage 1, second half: turns the loaded rules of one
 * language into PCRE2 programs.  Macros such as {number} or {weekday} are
 * expanded from that language's locale, every pattern is compiled once with
 * UTF+UCP and JIT, and the terms of the termbase become the locale's title
 * and name lexicons.  Extraction (extract.c) then only runs the programs.
 */
#include "yaml_tree.h"
#include "compiled.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- macros ------------------------------------------------------------------------ */

static void add_sep_alternatives(wc_buf *b, const wc_locale *loc)
{
	wc_strlist seps = {0};
	if (loc->group)
		wc_strlist_add(&seps, loc->group);
	for (size_t i = 0; i < loc->group_also.n; i++)
		wc_strlist_add(&seps, loc->group_also.v[i]);
	wc_lexicon lx = {0};
	for (size_t i = 0; i < seps.n; i++)
		wc_lex_add(&lx, seps.v[i], NULL, 0);
	char *alt = wc_lex_regex(&lx, false);
	/* A plain space in the list means "one space"; lexicon regexes widen a
	 * space to \s+, which would let "2018 500" read as one number. */
	for (char *p; (p = strstr(alt, "\\s+"));)
		memmove(p + 1, p + 3, strlen(p + 3) + 1), p[0] = ' ';
	wc_buf_puts(b, alt);
	free(alt);
	wc_lex_free(&lx);
	wc_strlist_free(&seps);
}

static char *escaped(const char *s)
{
	wc_buf b = {0};
	for (; s && *s; s++) {
		if (strchr("\\^$.|?*+()[]{}", *s))
			wc_buf_putc(&b, '\\');
		wc_buf_putc(&b, *s);
	}
	return wc_buf_take(&b);
}

/* Digits as this language writes them, plus the garbled and foreign forms that
 * number.c recognizes and check_numbers.c reports. */
static char *digits_regex(const wc_locale *loc)
{
	char *dec = escaped(loc->decimal ? loc->decimal : ".");
	wc_buf b = {0};
	/* Grouped digits; not inside a run of bare numbers ("27 30 35 15 15 122",
	 * a score table), where a space separates numbers, not groups. */
	wc_buf_puts(&b, "(?:(?<!\\d[ \\x{A0}])\\d{1,3}(?:");
	add_sep_alternatives(&b, loc);
	wc_buf_printf(&b, "\\d{3})+(?:%s\\d+)?(?![ \\x{A0}]\\d)", dec);
	wc_buf_puts(&b, "|\\d{1,3}(?:,[ \\x{A0}]\\d{3})+(?!\\d)");
	wc_buf_puts(&b, "|\\d{1,3}(?:[.,]\\d{3}){2,}(?!\\d)");
	wc_buf_printf(&b, "|\\d+(?:%s\\d+)?)", dec);
	free(dec);
	return wc_buf_take(&b);
}

/* Number words and their compounds (femogtyve = fem + og + tyve).  Each
 * morpheme must end where a joiner, another morpheme or the word ends: "ti"
 * in "timer" is no number, and must not swallow the "fem" before it.  The
 * morphemes themselves are a subroutine (number_word_define), called. */
#define WC_NUMBER_WORD_GROUP "wc_number_word"
#define WC_NUMBER_WORD_CALL "(?&" WC_NUMBER_WORD_GROUP ")"

static char *words_regex(const wc_locale *loc)
{
	if (!loc->number_words.n)
		return wc_xstrdup("(?!)");
	const char *m = WC_NUMBER_WORD_CALL;
	char *j = loc->joiners.n ? wc_lex_regex(&loc->joiners, false) : wc_xstrdup("(?!)");
	char *w = wc_xasprintf("%s(?=%s|%s|(?!\\p{L}))", m, j, m);
	/* The callout ends the run of words once the match is
	 * WC_NUMBER_WORDS_MAX_BYTES long (see number_span_callout): "two two two
	 * …" would otherwise be matched to its end again from every word. */
	char *r = wc_xasprintf("(?i:(?<!\\p{L})%s(?:(?C%d)%s?%s)*+(?!\\p{L}))", w, WC_CALLOUT_NUMBER_SPAN,
	                       j, w);
	free(j);
	free(w);
	return r;
}

/* Appended to a pattern that calls it: at the end, a DEFINE group takes the
 * last group number, so that the pattern's own groups keep theirs (and its
 * branch-reset groups stay aligned). */
static char *number_word_define(const wc_locale *loc)
{
	if (!loc->number_words.n)
		return NULL;
	char *m = wc_lex_regex(&loc->number_words, false);
	char *r = wc_xasprintf("(?(DEFINE)(?<" WC_NUMBER_WORD_GROUP ">(?i:%s)))", m);
	free(m);
	return r;
}

static char *bounded(const char *alt, bool caseless)
{
	return wc_xasprintf("(?<![\\p{L}\\p{N}])(?%s:%s)(?![\\p{L}\\p{N}])", caseless ? "i" : "-i", alt);
}

/* An all-capital form of two or more letters is an acronym ("US", "EU",
 * "CEO"); matched without regard to case it would find the pronoun "us". */
static bool is_acronym(const char *form)
{
	size_t i = 0, n = strlen(form), letters = 0;
	while (i < n) {
		int32_t c = wc_utf8_next(form, n, &i);
		if (wc_is_lower(c))
			return false;
		letters += wc_is_upper(c);
	}
	return letters >= 2;
}

/* Forms split in two alternations: acronyms as written, the rest caseless
 * (or as written when the language says so). */
static char *forms_regex(const wc_lexicon *lx, bool caseless)
{
	wc_lexicon acr = {0}, rest = {0};
	for (size_t i = 0; i < lx->n; i++)
		wc_lex_add(is_acronym(lx->items[i].form) ? &acr : &rest, lx->items[i].form, NULL, 0);
	char *a = wc_lex_regex(&acr, false), *r = wc_lex_regex(&rest, false);
	char *out = wc_xasprintf("(?:(?-i:%s)|(?%s:%s))", a, caseless ? "i" : "-i", r);
	wc_lex_free(&acr);
	wc_lex_free(&rest);
	free(a);
	free(r);
	return out;
}

/* Whole words of the lexicon; a form that opens with a sign may stand right
 * after a digit ("20€", "3,5 M€"), a word may not ("5m" is no "m"). */
static char *lex_macro(const wc_lexicon *lx, bool caseless)
{
	char *alt = forms_regex(lx, caseless);
	char *r = wc_xasprintf("(?:(?<![\\p{L}\\p{N}])|(?=[^\\p{L}\\p{N}\\s]))%s(?![\\p{L}\\p{N}])", alt);
	free(alt);
	return r;
}

static bool starts_letter(int32_t c)
{
	return wc_is_letter(c);
}

static bool starts_upper(int32_t c)
{
	return wc_is_upper(c);
}

/* The forms of lx whose first code point passes first_is into yes, the
 * others into no. */
static void split_forms(const wc_lexicon *lx, bool (*first_is)(int32_t), wc_lexicon *yes, wc_lexicon *no)
{
	for (size_t i = 0; i < lx->n; i++) {
		const char *f = lx->items[i].form;
		size_t k = 0;
		wc_lex_add(first_is(wc_utf8_next(f, strlen(f), &k)) ? yes : no, f, NULL, 0);
	}
}

/* Units after a number: words as whole words, signs ("%") right after the
 * digits too ("5%"). */
static char *unit_macro(const wc_lexicon *lx)
{
	wc_lexicon words = {0}, signs = {0};
	split_forms(lx, starts_letter, &words, &signs);
	char *w = lex_macro(&words, true), *s = wc_lex_regex(&signs, false);
	char *r = wc_xasprintf("(?:%s|%s)", s, w);
	wc_lex_free(&words);
	wc_lex_free(&signs);
	free(w);
	free(s);
	return r;
}

/* Day and month names.  An abbreviation with a dot ("Sat.", "man.", "jul.")
 * ends sentences as an ordinary word too ("They sat.", Danish "gør man."), so
 * it counts only as written and when a date follows ("Jan. 5", "man. 5."). */
static char *calendar_macro(const wc_lexicon *lx, bool caseless)
{
	wc_lexicon full = {0}, abbr = {0};
	for (size_t i = 0; i < lx->n; i++) {
		const char *f = lx->items[i].form;
		size_t n = strlen(f);
		wc_lex_add(n > 1 && f[n - 1] == '.' ? &abbr : &full, f, NULL, 0);
	}
	char *a = forms_regex(&full, caseless), *b = wc_lex_regex(&abbr, false);
	char *r = wc_xasprintf("(?<![\\p{L}\\p{N}])(?:%s(?![\\p{L}\\p{N}])|(?-i:%s)(?=\\s*\\d))", a, b);
	wc_lex_free(&full);
	wc_lex_free(&abbr);
	free(a);
	free(b);
	return r;
}

/* Terms may carry a genitive ending: "Pekings", "Trump’s", "USA:s". */
/* A place's form that begins with a capital is matched as written: in every
 * language a name is capitalised and the words it shares are not ("polska
 * obrona" is Polish defence, "Polska" Poland; "la mujer suiza").  A
 * translation that writes the adjective still carries the place
 * (check_facts.c compares without regard to case). */
static char *capitalised_forms_regex(const wc_lexicon *lx)
{
	wc_lexicon cap = {0}, rest = {0};
	split_forms(lx, starts_upper, &cap, &rest);
	char *a = wc_lex_regex(&cap, false), *r = forms_regex(&rest, true);
	char *out = wc_xasprintf("(?:(?-i:%s)|%s)", a, r);
	wc_lex_free(&cap);
	wc_lex_free(&rest);
	free(a);
	free(r);
	return out;
}

static char *term_macro(const wc_locale *loc, const wc_lexicon *lx)
{
	char *alt = capitalised_forms_regex(lx);
	wc_lexicon gen = {0};
	for (size_t i = 0; i < loc->genitive.n; i++)
		wc_lex_add(&gen, loc->genitive.v[i], NULL, 0);
	char *g = wc_lex_regex(&gen, false);
	char *r = wc_xasprintf("(?<![\\p{L}\\p{N}])%s(?:%s)?(?![\\p{L}\\p{N}])", alt, g);
	wc_lex_free(&gen);
	free(alt);
	free(g);
	return r;
}

/* ---- the builders of macros.def ---------------------------------------------------- */

static char *digits_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)lx;
	return digits_regex(loc);
}

static char *words_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)lx;
	return words_regex(loc);
}

static char *scale_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)loc;
	char *scale = wc_lex_regex(lx, false);
	char *r = bounded(scale, true);
	free(scale);
	return r;
}

/* Digits or number words, and a scale word after them ("1.2 billion"),
 * with a half of it after that ("un million et demi"). */
static char *number_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	char *scale = wc_lex_regex(lx, false);
	char *half = loc->half_after.n ? wc_lex_regex(&loc->half_after, false) : NULL;
	char *after = half ? wc_xasprintf("(?:\\s(?i:%s)(?!\\p{L}))?", half) : wc_xstrdup("");
	char *r = wc_xasprintf("(?<![\\p{L}\\p{N}.,_@#])(?:%s|%s)(?:\\s?(?i:%s)%s)?(?![\\p{L}\\p{N}_])",
	                       c->macro[M_DIGITS], c->macro[M_NUMBER_WORDS], scale, after);
	free(scale);
	free(half);
	free(after);
	return r;
}

/* Whole words of the lexicon, without regard to case (acronyms aside). */
static char *word_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)loc;
	return lex_macro(lx, true);
}

static char *symbol_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)loc;
	char *sym = wc_lex_regex(lx, true);
	char *r = wc_xasprintf("(?:%s)", sym);
	free(sym);
	return r;
}

static char *weekday_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c;
	return calendar_macro(lx, !loc->weekdays_case_sensitive);
}

static char *month_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c;
	return calendar_macro(lx, !loc->months_case_sensitive);
}

static char *place_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c;
	return term_macro(loc, lx);
}

/* A person's name: capitalized words, initials with a dot ("George W.
 * Bush"); possessive quantifiers keep it linear. */
static char *person_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)loc, (void)lx;
	return wc_xstrdup(
		"(?-i:\\p{Lu}[\\p{L}’'\\-]*+(?:[ \\x{A0}](?:\\p{Lu}\\.|\\p{Lu}[\\p{L}’'\\-]*+)){0,3}+)");
}

static char *percent_macro(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)
{
	(void)c, (void)loc;
	return unit_macro(lx);
}

/* The forms of lx whose canonical form is one of the roles given, as whole
 * words without regard to case; a pattern that cannot match when the
 * language has none. */
static char *role_macro(const wc_lexicon *lx, const char *role, const char *also)
{
	wc_lexicon sub = {0};
	for (size_t i = 0; i < lx->n; i++)
		if (!strcmp(lx->items[i].canon, role) || (also && !strcmp(lx->items[i].canon, also)))
			wc_lex_add(&sub, lx->items[i].form, NULL, 0);
	char *r = sub.n ? lex_macro(&sub, true) : wc_xstrdup("(?!)");
	wc_lex_free(&sub);
	return r;
}

/* The builders of the clock macros (macros.def): each the words of one
 * role of `clock:` (two for the parts of the day). */
#define CLOCK_ROLE_MACRO(fn, role, also)                                                    \
	static char *fn(const wc_compiled *c, const wc_locale *loc, const wc_lexicon *lx)   \
	{                                                                                   \
		(void)c, (void)loc;                                                         \
		return role_macro(lx, role, also);                                          \
	}
CLOCK_ROLE_MACRO(clock_word_macro, "word", NULL)
CLOCK_ROLE_MACRO(clock_at_macro, "at", NULL)
CLOCK_ROLE_MACRO(clock_after_macro, "after", NULL)
CLOCK_ROLE_MACRO(clock_hours_macro, "hours", NULL)
CLOCK_ROLE_MACRO(clock_half_macro, "half", NULL)
CLOCK_ROLE_MACRO(daypart_macro, "am", "pm")
#undef CLOCK_ROLE_MACRO

/* In the order of macros.def, so that {number} finds {digits} built. */
static void build_macros(wc_compiled *c, const wc_locale *loc)
{
#define LEX(field) (&loc->field)
#define NO_LEX NULL
#define WC_MACRO(e, name, lex, cls, build) c->macro[M_##e] = build(c, loc, lex);
#include "macros.def"
#undef LEX
#undef NO_LEX
	c->number_word_define = number_word_define(loc);
}

const char *const wc_macro_names[M_COUNT] = {
#define WC_MACRO(e, name, lex, cls, build) name,
#include "macros.def"
};

/* Expands {macro} references.  Returns NULL and sets *bad to the offset of an
 * unknown macro.  Quantifiers such as {1,3} contain no letters and pass. */
static char *expand(const wc_compiled *c, const char *pat, size_t *bad)
{
	wc_buf b = {0};
	for (const char *p = pat; *p;) {
		if (*p == '\\' && p[1]) {
			wc_buf_add(&b, p, 2);
			p += 2;
			continue;
		}
		if (*p == '{') {
			const char *e = p + 1;
			while ((*e >= 'a' && *e <= 'z') || *e == '_')
				e++;
			if (*e == '}' && e > p + 1) {
				size_t n = (size_t)(e - p - 1);
				int m = -1;
				for (int i = 0; i < M_COUNT; i++)
					if (strlen(wc_macro_names[i]) == n && !strncmp(wc_macro_names[i], p + 1, n))
						m = i;
				if (m < 0) {
					*bad = (size_t)(p - pat);
					wc_buf_free(&b);
					return NULL;
				}
				wc_buf_puts(&b, c->macro[m]);
				p = e + 1;
				continue;
			}
		}
		wc_buf_putc(&b, *p++);
	}
	if (c->number_word_define && b.len && strstr(b.s, WC_NUMBER_WORD_CALL))
		wc_buf_puts(&b, c->number_word_define);
	return wc_buf_take(&b);
}

/* ---- compiling ----------------------------------------------------------------------- */

static const char *const group_names[G_COUNT] = {
#define WC_GROUP(e, name) name,
#include "macros.def"
};

/* A pattern of the language, expanded, before it is compiled. */
typedef struct {
	const wc_rule *rule;
	const wc_rule_pattern *pattern;
	wc_cache_src src;
	pcre2_code *code;
} pending;

static bool expand_pattern(wc_compiled *c, const wc_rule *r, const wc_rule_pattern *p,
                           const char *lang, pending *out, wc_diags *diags)
{
	size_t bad = 0;
	char *src = expand(c, p->pattern, &bad);
	if (!src) {
		wc_diags_add(diags, r->file, p->line,
		             wc_yaml_value_column(p->source_line, p->column, p->quoted, bad, p->pattern),
		             p->source_line, "rule '%s' (%s): unknown macro in pattern '%s'", r->id, lang,
		             p->pattern);
		return false;
	}
	/* Compiled once, in the form it will run in. */
	bool scan = !wc_pattern_has_known_start(p->pattern);
	*out = (pending){r, p, {src, PCRE2_UTF | PCRE2_UCP | (scan ? 0 : PCRE2_ANCHORED)}, NULL};
	return true;
}

static bool compile_source(pending *q, const char *lang, wc_diags *diags)
{
	int errcode;
	PCRE2_SIZE erroff;
	q->code = pcre2_compile((PCRE2_SPTR)q->src.text, PCRE2_ZERO_TERMINATED, q->src.options,
	                        &errcode, &erroff, NULL);
	if (q->code)
		return true;
	const wc_rule *r = q->rule;
	const wc_rule_pattern *p = q->pattern;
	PCRE2_UCHAR msg[256];
	pcre2_get_error_message(errcode, msg, sizeof msg);
	/* The offset is in the expanded pattern; it equals the written one
	 * up to the first macro, which is where most typos are. */
	size_t off = erroff < strlen(p->pattern) ? erroff : strlen(p->pattern);
	wc_diags_add(diags, r->file, p->line,
	             wc_yaml_value_column(p->source_line, p->column, p->quoted, off, p->pattern),
	             p->source_line, "rule '%s' (%s): regex does not compile: %s (at offset %zu)",
	             r->id, lang, (char *)msg, (size_t)erroff);
	return false;
}

static void add_compiled(wc_compiled *c, const pending *q)
{
	pcre2_code *re = q->code;
	bool scan = !(q->src.options & PCRE2_ANCHORED);
	wc_cpattern *cp = WC_PUSH(c->pats, c->npats, c->pats_cap);
	memset(cp, 0, sizeof *cp);
	cp->rule = q->rule;
	cp->scan = scan;
	if (scan)
		cp->re = re;
	else
		cp->anchored = re;
	cp->pattern = q->pattern;
	/* The match data is sized for the pattern with the most groups, so that
	 * a group of any number has its pair in the ovector. */
	uint32_t ncap = 0;
	if (pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &ncap) == 0 && ncap > c->max_captures)
		c->max_captures = ncap;
	for (int g = 0; g < G_COUNT; g++) {
		int n = pcre2_substring_number_from_name(re, (PCRE2_SPTR)group_names[g]);
		cp->group[g] = n > 0 ? n : -1;
	}
}

/* The patterns that apply to lang, expanded: a language's own patterns of a
 * rule replace its "*" ones.  False if one does not expand. */
static bool expand_all(wc_compiled *c, const wc_ruleset *rs, const char *lang, pending **out,
                       size_t *n, wc_diags *diags)
{
	size_t cap = 0;
	bool ok = true;
	for (size_t i = 0; i < rs->nrules; i++) {
		const wc_rule *r = rs->rules[i];
		bool has_own = false;
		for (size_t j = 0; j < r->npatterns; j++)
			has_own |= strcmp(r->patterns[j].lang, lang) == 0;
		for (size_t j = 0; j < r->npatterns; j++) {
			const char *pl = r->patterns[j].lang;
			if (strcmp(pl, lang) != 0 && (has_own || strcmp(pl, "*") != 0))
				continue;
			pending q;
			if (!expand_pattern(c, r, &r->patterns[j], lang, &q, diags))
				ok = false;
			else
				*WC_PUSH(*out, *n, cap) = q;
		}
	}
	return ok;
}

/* Every pattern of lang compiled, from the cache when it has them. */
static bool compile_all(wc_compiled *c, const wc_ruleset *rs, const char *lang, wc_diags *diags)
{
	pending *q = NULL;
	size_t n = 0;
	bool ok = expand_all(c, rs, lang, &q, &n, diags);
	wc_cache_src *src = wc_xcalloc(n ? n : 1, sizeof *src);
	pcre2_code **codes = wc_xcalloc(n ? n : 1, sizeof *codes);
	for (size_t i = 0; i < n; i++)
		src[i] = q[i].src;
	bool cached = ok && wc_cache_load(rs->cache_dir, lang, src, n, codes);
	for (size_t i = 0; i < n; i++) {
		if (cached)
			q[i].code = codes[i];
		else if (compile_source(&q[i], lang, diags))
			codes[i] = q[i].code;
		else
			ok = false;
	}
	if (ok && !cached)
		wc_cache_store(rs->cache_dir, lang, src, n, codes);
	for (size_t i = 0; i < n; i++) {
		if (q[i].code)
			add_compiled(c, &q[i]);
		free((char *)q[i].src.text);
	}
	free(codes);
	free(src);
	free(q);
	return ok;
}

/* A form that names two concepts would be read as the first one only; that
 * is fine when one is broader than the other, and an error otherwise. */
static bool add_term_form(const wc_ruleset *rs, const wc_locale *loc, wc_lexicon *lx,
                          const char *form, const char *id, bool place, wc_diags *diags)
{
	const wc_lex_item *old = wc_lex_find(lx, form, strlen(form));
	if (!old) {
		wc_lex_add(lx, form, id, 0);
	} else if (!wc_concepts_compatible(rs, old->canon, id)) {
		if (place)
			wc_diags_add(diags, "", 0, 0, NULL,
			             "places: the %s form '%s' of '%s' also names '%s'; drop it from one of them",
			             loc->lang, form, id, old->canon);
		else
			wc_diags_add(diags, "", 0, 0, NULL,
			             "terms: the %s form '%s' names both '%s' and '%s'; give one of them "
			             "'broader:' the other, or drop the form from one",
			             loc->lang, form, old->canon, id);
		return false;
	}
	return true;
}

/* Whether form is one capitalised word, as the names of places whose
 * cases place_inflections gives are. */
static bool one_capitalised_word(const char *form)
{
	size_t at = 0;
	return wc_is_upper(wc_utf8_next(form, strlen(form), &at)) && !strpbrk(form, " -'.");
}

/* The length of the longest ending of place_inflections that form (of len
 * bytes) ends in, with a letter or more before it; 0 for none. */
static size_t inflected_ending(const wc_locale *loc, const char *form, size_t len)
{
	size_t best = 0;
	for (size_t k = 0; k < loc->inflect_from.n; k++) {
		size_t fl = strlen(loc->inflect_from.v[k]);
		if (fl > best && len > fl + 1 && strcmp(form + len - fl, loc->inflect_from.v[k]) == 0)
			best = fl;
	}
	return best;
}

/* The case forms of each one-word name in lx that the locale's
 * place_inflections give for its longest ending ("Praga": "ga" → "Pradze",
 * "Pragi", "Pragę"; "Polska": "ska" → "Polsce", not the adjective
 * "Polskie" that "a" would give), for the same concept; a form already
 * there, of any concept, stays as it is. */
static void add_inflected_forms(const wc_locale *loc, wc_lexicon *lx)
{
	size_t n = lx->n;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lx->items[i].form);
		size_t fl = one_capitalised_word(lx->items[i].form) ? inflected_ending(loc, lx->items[i].form, len) : 0;
		for (size_t k = 0; fl && k < loc->inflect_from.n; k++) {
			/* wc_lex_add may move the items: read the form anew each time */
			const char *form = lx->items[i].form;
			if (strlen(loc->inflect_from.v[k]) != fl || strcmp(form + len - fl, loc->inflect_from.v[k]) != 0)
				continue;
			char *f = wc_xasprintf("%.*s%s", (int)(len - fl), form, loc->inflect_to.v[k]);
			if (!wc_lex_find(lx, f, strlen(f)))
				wc_lex_add(lx, f, lx->items[i].canon, 0);
			free(f);
		}
	}
}

/* Each name of lx that begins with a definite article of the locale and a
 * capital after it ("El Vaticano", "La Habana", "Le Caire", as CLDR gives
 * them) also without the article, for the same concept: running text writes
 * the article in lower case or joins it to a preposition ("en el
 * Vaticano", "au Caire"), and a capitalised form is matched as written. */
static void add_forms_without_article(const wc_locale *loc, wc_lexicon *lx)
{
	size_t n = lx->n;
	for (size_t i = 0; i < n; i++) {
		const char *form = lx->items[i].form, *sp = strchr(form, ' ');
		size_t at = 0;
		if (!sp || !wc_strlist_has_fold(&loc->definite_articles, form, (size_t)(sp - form)) ||
		    !wc_is_upper(wc_utf8_next(sp + 1, strlen(sp + 1), &at)) || wc_lex_find(lx, sp + 1, strlen(sp + 1)))
			continue;
		char *rest = wc_xstrdup(sp + 1); /* wc_lex_add may move the items */
		wc_lex_add(lx, rest, lx->items[i].canon, 0);
		free(rest);
	}
}

/* The termbase's concepts in this language, then the places of the
 * locale's own files (CLDR's countries and cities, cldr/LANG.places.yaml,
 * read with the locale: a check does not read every language's names of
 * every country). */
static bool build_term_lexicons(wc_ruleset *rs, wc_locale *loc, wc_diags *diags)
{
	bool ok = true;
	for (size_t i = 0; i < rs->nconcepts; i++) {
		const wc_concept *k = &rs->concepts[i];
		wc_lexicon *lx = strcmp(k->kind, "title") == 0   ? &loc->titles
		                 : strcmp(k->kind, "given") == 0 ? &loc->given_names
		                                                 : &loc->names;
		for (size_t j = 0; j < k->forms.n; j++)
			if (strcmp(k->langs.v[j], loc->lang) == 0)
				ok &= add_term_form(rs, loc, lx, k->forms.v[j], k->id, false, diags);
	}
	for (size_t i = 0; i < loc->places.n; i++)
		ok &= add_term_form(rs, loc, &loc->names, loc->places.items[i].form,
		                    loc->places.items[i].canon, true, diags);
	add_forms_without_article(loc, &loc->names);
	add_inflected_forms(loc, &loc->names);
	return ok;
}

void wc_ruleset_jit(wc_ruleset *rs, const char *lang)
{
	wc_locale *loc = wc_ruleset_locale(rs, lang);
	if (loc)
		wc_compiled_jit(loc->compiled);
}

/* Threads that share a ruleset may ask for the same language's machine code
 * at once: one compiles it under the lock, the others wait for it, and no
 * thread matches a pattern of the language before it is there (the acquire
 * load pairs with the release store). */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

void wc_compiled_jit(wc_compiled *c)
{
	if (!c || atomic_load_explicit(&c->jitted, memory_order_acquire))
		return;
	pthread_mutex_lock(&jit_lock);
	if (!atomic_load_explicit(&c->jitted, memory_order_relaxed)) {
		/* pcre2_jit_compile changes the pattern it compiles: no thread may
		 * be matching it interpreted (wc_compiled_pin) while it does. */
		pthread_rwlock_wrlock(&c->jit_rw);
		/* Only the form each pattern runs in; the interpreter where the
		 * platform has no JIT (pcre2_jit_compile then fails harmlessly). */
		for (size_t i = 0; i < c->npats; i++) {
			wc_cpattern *cp = &c->pats[i];
			cp->jit = pcre2_jit_compile(cp->scan ? cp->re : cp->anchored, PCRE2_JIT_COMPLETE) == 0;
		}
		atomic_store_explicit(&c->jitted, true, memory_order_release);
		pthread_rwlock_unlock(&c->jit_rw);
	}
	pthread_mutex_unlock(&jit_lock);
}

/* Once the machine code is there the patterns never change again, and
 * nothing needs holding. */
bool wc_compiled_pin(const wc_compiled *c)
{
	if (atomic_load_explicit(&c->jitted, memory_order_acquire))
		return false;
	pthread_rwlock_rdlock((pthread_rwlock_t *)&c->jit_rw);
	return true;
}

void wc_compiled_unpin(const wc_compiled *c)
{
	pthread_rwlock_unlock((pthread_rwlock_t *)&c->jit_rw);
}

/* Generic extractors run before keyed rules, so that a keyed rule finds the
 * generic fact it refines already in place. */
static int generic_first(const void *a, const void *b)
{
	const wc_cpattern *x = a, *y = b;
	if (x->rule->generic != y->rule->generic)
		return x->rule->generic ? -1 : 1;
	if (x->rule->index != y->rule->index)
		return x->rule->index < y->rule->index ? -1 : 1;
	return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static pthread_mutex_t prepare_lock = PTHREAD_MUTEX_INITIALIZER;
static void compile_locale(wc_ruleset *rs, wc_locale *loc, const char *lang, wc_diags *diags);

int wc_ruleset_prepare(wc_ruleset *rs, const char *lang, wc_diags *diags)
{
	wc_locale *loc = wc_ruleset_find_locale(rs, lang);
	if (loc && wc_locale_read(rs, loc, diags) < 0)
		return WC_ERULES;
	if (!loc) {
		/* a tag's locale is its language's: "xx-YY" wants xx.yaml */
		int base = lang ? (int)strcspn(lang, "-_") : 4;
		wc_diags_add(diags, "", 0, 0, NULL,
		             "no locale for language '%s': expected a file rules/locales/%.*s.yaml with 'lang: %.*s'",
		             lang ? lang : "?", base, lang ? lang : "LANG", base, lang ? lang : "LANG");
		return WC_ELANG;
	}
	if (!atomic_load_explicit(&loc->prepared, memory_order_acquire)) {
		/* Threads sharing a ruleset may prepare one language at once: one
		 * compiles it, the others wait and find it whole. */
		pthread_mutex_lock(&prepare_lock);
		if (!loc->compiled)
			compile_locale(rs, loc, lang, diags);
		atomic_store_explicit(&loc->prepared, true, memory_order_release);
		pthread_mutex_unlock(&prepare_lock);
	}
	return loc->compiled->failed ? WC_ERULES : WC_OK;
}

static void compile_locale(wc_ruleset *rs, wc_locale *loc, const char *lang, wc_diags *diags)
{
	wc_compiled *c = wc_xcalloc(1, sizeof *c);
	pthread_rwlock_init(&c->jit_rw, NULL);
	loc->compiled = c;
	if (rs->words_dir) {
		char *p = wc_xasprintf("%s/%s.words", rs->words_dir, lang);
		wc_words_open(&loc->words, p);
		free(p);
	}
	/* the words check_names.c looks up once per capitalised word */
	const wc_strlist *stops[] = {&loc->stopwords, &loc->articles, &loc->not_names};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < stops[k]->n; i++)
			if (!wc_lex_find(&loc->name_stops, stops[k]->v[i], strlen(stops[k]->v[i])))
				wc_lex_add(&loc->name_stops, stops[k]->v[i], NULL, 0);
	if (!build_term_lexicons(rs, loc, diags))
		c->failed = true;
	build_macros(c, loc);
	if (!compile_all(c, rs, lang, diags))
		c->failed = true;
	if (c->npats)
		qsort(c->pats, c->npats, sizeof *c->pats, generic_first);
	wc_triggers_build(c, loc);
	if (!rs->lazy_jit)
		wc_compiled_jit(c);
	wc_compiled_set_limits(c, rs->match_limit, rs->depth_limit);
}

void wc_compiled_set_limits(wc_compiled *c, unsigned match_limit, unsigned depth_limit)
{
	if (!c)
		return;
	c->match_limit = match_limit;
	c->depth_limit = depth_limit;
}

/* A number in words is never longer than this: a match that reaches it stops
 * taking words there, so that one match costs the same on any input. */
static int number_span_callout(pcre2_callout_block *cb, void *data)
{
	(void)data;
	if (cb->callout_number != WC_CALLOUT_NUMBER_SPAN)
		return 0;
	return cb->current_position - cb->start_match > WC_NUMBER_WORDS_MAX_BYTES;
}

void wc_scratch_init(wc_scratch *s, const wc_compiled *c)
{
	/* one pair for the whole match, one per group */
	s->md = pcre2_match_data_create(c->max_captures + 1, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	if (!s->md || !s->mctx) {
		fprintf(stderr, "wirecheck: out of memory (PCRE2 match data)\n");
		abort();
	}
	pcre2_set_match_limit(s->mctx, c->match_limit);
	pcre2_set_depth_limit(s->mctx, c->depth_limit);
	pcre2_set_callout(s->mctx, number_span_callout, NULL);
	/* The default 32 KiB JIT stack is too small for long paragraphs. */
	s->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (s->jit)
		pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
}

void wc_scratch_fini(wc_scratch *s)
{
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_jit_stack_free(s->jit);
}

void wc_compiled_free(wc_compiled *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->npats; i++) {
		pcre2_code_free(c->pats[i].re);
		pcre2_code_free(c->pats[i].anchored);
	}
	free(c->pats);
	for (int i = 0; i < M_COUNT; i++)
		free(c->macro[i]);
	free(c->number_word_define);
	wc_triggers_free(c);
	pthread_rwlock_destroy(&c->jit_rw);
	free(c);
}
