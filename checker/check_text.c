/*
 * check_text.c — check stage: typing slips in one text, independent of the
 * source.
 *
 * Runs on a prepared wc_doc and reports, paragraph by paragraph:
 *   text.repeated-word   `amerikanske amerikanske`
 *   text.hyphen-spacing  `ZTE -spørgsmålet` (a space before a compound hyphen)
 *   text.punct-spacing   `ZTE:kompromiss`, `tweeted.But` (no space after)
 * Each test is narrow on purpose: numbers (`80,000`, `10:30`), abbreviations
 * (`U.S.`), URLs, codes (`FX:USDJPY`), suspended compounds (`fiber- og`) and
 * the Swedish colon genitive (`USA:s`) are correct text and must stay quiet.
 */
#include "checks.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One paragraph and what every test needs alongside it. */
typedef struct {
	const wc_doc *doc;
	const wc_locale *loc;
	wc_findings *fs;
	const char *s;
	size_t start, end;
} tscan;

static const wc_locale no_locale;

static int32_t cp_before(const tscan *t, size_t at)
{
	size_t st;
	return at > t->start ? wc_utf8_prev(t->s, at, &st) : -1;
}

static int32_t cp_at(const tscan *t, size_t at, size_t *next)
{
	size_t i = at;
	int32_t c = at < t->end ? wc_utf8_next(t->s, t->end, &i) : -1;
	if (next)
		*next = i;
	return c;
}

static bool is_word_char(int32_t c)
{
	return wc_is_letter(c) || wc_is_digit(c);
}

/* Start of the run of word characters (and hyphens, when with_hyphen) that
 * ends at at. */
static size_t word_start(const tscan *t, size_t at, bool with_hyphen)
{
	size_t st;
	while (at > t->start) {
		int32_t c = wc_utf8_prev(t->s, at, &st);
		if (!is_word_char(c) && !(with_hyphen && (c == '-' || c == 0x2010)))
			break;
		at = st;
	}
	return at;
}

static size_t word_end(const tscan *t, size_t at, bool with_hyphen)
{
	size_t next;
	while (at < t->end) {
		int32_t c = cp_at(t, at, &next);
		if (!is_word_char(c) && !(with_hyphen && (c == '-' || c == 0x2010)))
			break;
		at = next;
	}
	return at;
}

/* Text from a to b with the bytes [cut, cut_end) replaced by ins. */
static char *splice(const char *s, size_t a, size_t b, size_t cut, size_t cut_end,
                    const char *ins)
{
	wc_buf buf = {0};
	wc_buf_add(&buf, s + a, cut - a);
	wc_buf_puts(&buf, ins);
	wc_buf_add(&buf, s + cut_end, b - cut_end);
	return wc_buf_take(&buf);
}

/* ---- text.repeated-word ---------------------------------------------------- */

/* A run of non-space characters, with its word: the run without the
 * punctuation around it. */
typedef enum { TOK_OTHER, TOK_WORD, TOK_NUMBER } token_kind;

typedef struct {
	size_t start, end;       /* the run */
	size_t wstart, wend;     /* the word inside it */
	token_kind kind;         /* TOK_WORD: letters, at least two, maybe joined by
	                          * hyphens or apostrophes ("on-site", "Kidawa-Błońska");
	                          * TOK_NUMBER: digits, maybe joined by . , : / – -
	                          * ("1995", "2015–2019") */
	size_t digits;           /* of a number: its digits */
} token;

static bool is_joiner(int32_t c, bool number)
{
	if (c == '-' || c == 0x2010 || c == 0x2013)
		return true;
	return number ? (c == '.' || c == ',' || c == ':' || c == '/') : (c == '\'' || c == 0x2019);
}

/* What the word of a token is: letters, digits, or neither. */
static token_kind kind_of(const tscan *t, token *tk)
{
	size_t i = tk->wstart, letters = 0, digits = 0;
	bool joined = false;    /* the last character was a joiner */
	while (i < tk->wend) {
		int32_t c = cp_at(t, i, &i);
		if (wc_is_letter(c) && !digits) {
			letters++;
			joined = false;
		} else if (wc_is_digit(c) && !letters) {
			digits++;
			joined = false;
		} else if (!joined && is_joiner(c, digits > 0) && (letters || digits)) {
			joined = true;
		} else {
			return TOK_OTHER;
		}
	}
	tk->digits = digits;
	if (joined)
		return TOK_OTHER;
	/* a word of one lower-case letter is a word too: "i i", "o o", "y y" */
	if (letters == 1 && !wc_is_lower(cp_at(t, tk->wstart, NULL)))
		return TOK_OTHER;
	return letters >= 1 ? TOK_WORD : digits ? TOK_NUMBER : TOK_OTHER;
}

static bool next_token(const tscan *t, size_t *pos, token *tk)
{
	size_t i = *pos, next;
	while (i < t->end && wc_is_space(cp_at(t, i, &next)))
		i = next;
	if (i >= t->end)
		return false;
	tk->start = i;
	while (i < t->end && !wc_is_space(cp_at(t, i, &next)))
		i = next;
	tk->end = *pos = i;

	size_t a = tk->start, b = tk->end, st;
	while (a < b && !is_word_char(cp_at(t, a, &next)))
		a = next;
	while (b > a && !is_word_char(wc_utf8_prev(t->s, b, &st)))
		b = st;
	tk->wstart = a;
	tk->wend = b;
	tk->kind = kind_of(t, tk);
	return true;
}

static bool is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static bool same_word(const tscan *t, const token *a, const token *b)
{
	const char *p = t->s + a->wstart, *q = t->s + b->wstart;
	size_t np = a->wend - a->wstart, nq = b->wend - b->wstart;
	/* Most pairs of neighbouring words differ in their first letter; case
	 * folding (which allocates) is for the few that might be equal. */
	if (np == nq && memcmp(p, q, np) == 0)
		return true;
	if ((unsigned char)p[0] < 0x80 && (unsigned char)q[0] < 0x80 &&
	    ((p[0] | 32) != (q[0] | 32)))
		return false;
	if (is_ascii(p, np) && is_ascii(q, nq))
		return np == nq && strncasecmp(p, q, np) == 0;
	char *x = wc_casefold(t->s + a->wstart, a->wend - a->wstart);
	char *y = wc_casefold(t->s + b->wstart, b->wend - b->wstart);
	bool same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* "(15:00 UTC) UTC).": the same run twice, closing brackets the only
 * punctuation of the first (the second may end a sentence after them). */
static bool same_bracketed_run(const tscan *t, const token *a, const token *b)
{
	size_t n = a->end - a->start;
	if (a->wend == a->end || a->wstart != a->start || b->wstart != b->start ||
	    n > b->end - b->start || memcmp(t->s + a->start, t->s + b->start, n) != 0)
		return false;
	for (size_t i = a->wend; i < a->end; i++)
		if (t->s[i] != ')' && t->s[i] != ']')
			return false;
	return true;
}

/* Whether the locale groups digits with a space of some width (fr U+202F,
 * sv U+00A0, and plain spaces in running text): "1 000 000" is no repeated
 * "000". */
static bool is_space_separator(const char *sep)
{
	size_t i = 0;
	return sep && sep[0] && wc_is_space(wc_utf8_next(sep, strlen(sep), &i)) && !sep[i];
}

static bool groups_with_space(const wc_locale *loc)
{
	if (is_space_separator(loc->group))
		return true;
	for (size_t i = 0; i < loc->group_also.n; i++)
		if (is_space_separator(loc->group_also.v[i]))
			return true;
	return false;
}

/* Two words or numbers in a row with nothing but white space between them:
 * no punctuation after the first (`said, said` is fine) or before the
 * second, unless both are the same run closing a bracket. */
/* Whether a comma ends the text before the run at `at` (spaces aside): a
 * German relative clause always opens after one ("Frauen, die die Polizei"). */
static bool after_comma(const tscan *t, size_t at)
{
	while (at > t->start) {
		size_t before;
		int32_t c = wc_utf8_prev(t->s, at, &before);
		if (c != ' ' && c != 0xA0)
			return c == ',';
		at = before;
	}
	return false;
}

static bool is_repetition(const tscan *t, const token *a, const token *b)
{
	if (a->kind == TOK_OTHER || a->kind != b->kind)
		return false;
	if ((a->wend != a->end || b->wstart != b->start) && !same_bracketed_run(t, a, b))
		return false;
	if (!same_word(t, a, b))
		return false;
	if (a->kind == TOK_NUMBER)
		return !(a->digits == 3 && a->wend - a->wstart == 3 && groups_with_space(t->loc));
	if (!wc_strlist_has_fold(&t->loc->repeat_ok, t->s + a->wstart, a->wend - a->wstart))
		return true;
	return t->loc->repeat_ok_after_comma && !after_comma(t, a->start);
}

static void check_repeated_words(const tscan *t)
{
	size_t pos = t->start;
	token prev = {0}, cur = {0};
	bool have_prev = false;
	while (next_token(t, &pos, &cur)) {
		if (have_prev && is_repetition(t, &prev, &cur)) {
			char *found = wc_xstrndup(t->s + prev.wstart, cur.wend - prev.wstart);
			char *word = wc_xstrndup(t->s + cur.wstart, cur.wend - cur.wstart);
			wc_emit(t->fs, WC_CHECK_TEXT_REPEATED_WORD, -1, t->doc, prev.wstart, cur.wend,
			        NULL, 0, word, found, NULL, "the word \"%s\" is written twice in a row",
			        word);
			free(word);
			free(found);
		}
		prev = cur;
		have_prev = true;
	}
}

/* ---- text.hyphen-spacing ------------------------------------------------------ */

static bool is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010;
}

/* A space within a line: a line break before a hyphen (wrapped text, a
 * list item) is no slip. */
static bool is_inline_space(int32_t c)
{
	return c == ' ' || c == 0xA0 || c == 0x202F;
}

/* `ZTE -spørgsmålet`: letter, exactly one space, hyphen, letter.  A hyphen
 * with a space after it is a dash or a suspended compound (`fiber- og`). */
static bool is_spaced_hyphen(const tscan *t, size_t at, size_t *space_at)
{
	size_t after;
	if (!is_hyphen(cp_at(t, at, &after)) || !wc_is_letter(cp_at(t, after, NULL)))
		return false;
	if (at <= t->start || !is_inline_space(wc_utf8_prev(t->s, at, space_at)))
		return false;
	return wc_is_letter(cp_before(t, *space_at));
}

static void check_hyphen_spacing(const tscan *t)
{
	size_t i = t->start, next, space_at;
	while (i < t->end) {
		size_t at = i;
		cp_at(t, i, &next);
		i = next;
		if (!is_spaced_hyphen(t, at, &space_at))
			continue;
		size_t a = word_start(t, space_at, false), b = word_end(t, next, true);
		char *found = wc_xstrndup(t->s + a, b - a);
		char *expected = splice(t->s, a, b, space_at, at, "");
		wc_emit(t->fs, WC_CHECK_TEXT_HYPHEN_SPACING, -1, t->doc, space_at, next, NULL, 0,
		        expected, found, NULL, "space before the hyphen of a compound: %s", found);
		free(expected);
		free(found);
	}
}

/* ---- text.punct-spacing ------------------------------------------------------- */

static bool has_bytes(const char *s, size_t a, size_t b, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = a; i + n <= b; i++)
		if (memcmp(s + i, needle, n) == 0)
			return true;
	return false;
}

/* URLs and mail addresses hold punctuation without spaces by design. */
static bool is_address(const tscan *t, size_t a, size_t b)
{
	return has_bytes(t->s, a, b, "://") || has_bytes(t->s, a, b, "@") ||
	       has_bytes(t->s, a, b, "www.");
}

/* `;` or `,` glued to a letter; digits (`80,000`) are numbers. */
static bool comma_glued(const tscan *t, size_t at, size_t after)
{
	int32_t b = cp_before(t, at);
	return b >= 0 && !wc_is_space(b) && wc_is_letter(cp_at(t, after, NULL));
}

/* `ZTE:kompromiss`; not `USA:s` (a locale's colon ending), `10:30` or
 * `FX:USDJPY` (upper case after the colon is a code). */
static bool colon_glued(const tscan *t, size_t at, size_t after)
{
	if (!is_word_char(cp_before(t, at)) || !wc_is_lower(cp_at(t, after, NULL)))
		return false;
	size_t next, e = after;
	while (e < t->end && wc_is_letter(cp_at(t, e, &next)))
		e = next;
	return !wc_strlist_has_fold(&t->loc->colon_suffixes, t->s + after, e - after);
}

/* `tweeted.But`: a sentence end glued to the next sentence.  Requiring
 * lower case before and upper+lower after spares `U.S.` and `e.g.`. */
static bool stop_glued(const tscan *t, size_t at, size_t after)
{
	size_t next;
	if (!wc_is_lower(cp_before(t, at)) || !wc_is_upper(cp_at(t, after, &next)))
		return false;
	return wc_is_lower(cp_at(t, next, NULL));
}

static bool is_glued_punct(const tscan *t, int32_t c, size_t at, size_t after)
{
	switch (c) {
	case ',': case ';':
		return comma_glued(t, at, after);
	case ':':
		return colon_glued(t, at, after);
	case '.': case '!': case '?':
		return stop_glued(t, at, after);
	default:
		return false;
	}
}

static void report_punct(const tscan *t, int32_t c, size_t at, size_t after)
{
	size_t letter_end;
	cp_at(t, after, &letter_end);
	size_t a = word_start(t, at, false), b = word_end(t, after, false);
	char *found = wc_xstrndup(t->s + a, b - a);
	char ins[3] = {(char)c, ' ', '\0'};
	char *expected = splice(t->s, a, b, at, after, ins);
	wc_emit(t->fs, WC_CHECK_TEXT_PUNCT_SPACING, -1, t->doc, at, letter_end, NULL, 0,
	        expected, found, NULL, "no space after '%c': %s", (char)c, found);
	free(expected);
	free(found);
}

/* Token by token, so that whether a token is an address is decided once
 * (a long run of glued commas must not be rescanned at each comma). */
static void check_punct_spacing(const tscan *t)
{
	size_t pos = t->start, next;
	token tk;
	while (next_token(t, &pos, &tk)) {
		if (is_address(t, tk.start, tk.end))
			continue;
		for (size_t i = tk.start; i < tk.end; i = next) {
			int32_t c = cp_at(t, i, &next);
			if (is_glued_punct(t, c, i, next))
				report_punct(t, c, i, next);
		}
	}
}

void wc_check_text(const wc_doc *doc, wc_findings *fs)
{
	for (size_t p = 0; p < doc->npara; p++) {
		tscan t = {doc, doc->loc ? doc->loc : &no_locale, fs, doc->text,
		           doc->paras[p].start, doc->paras[p].end};
		check_repeated_words(&t);
		check_hyphen_spacing(&t);
		check_punct_spacing(&t);
	}
}
