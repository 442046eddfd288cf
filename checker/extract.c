/*
 * extract.c — stage 3: runs the compiled rules of a version's language over
 * each paragraph and turns the matches into normalized facts (numbers as
 * decimal strings, money with ISO currency, durations with unit, dates as
 * canonical names, titles as term ids plus the person's name).  Overlapping
 * matches are resolved here: the wider fact wins, and a keyed rule (e.g.
 * "employees") lends its id to the generic fact it covers; a keyed match
 * with no generic fact under it is dropped.
 */
#include "facts.h"
#include "findings.h"
#include "compiled.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
	const wc_cpattern *cp;
	const char *text;
	PCRE2_SIZE *ov;
	uint32_t npairs;        /* pairs in ov */
} match_view;

static bool group_span(const match_view *m, int g, size_t *s, size_t *e)
{
	int n = m->cp->group[g];
	if (n < 0 || (uint32_t)n >= m->npairs || m->ov[2 * n] == PCRE2_UNSET)
		return false;
	*s = m->ov[2 * n];
	*e = m->ov[2 * n + 1];
	return true;
}

static const wc_lex_item *group_lookup(const match_view *m, int g, wc_lexicon *lx)
{
	size_t s, e;
	if (!group_span(m, g, &s, &e))
		return NULL;
	const wc_lex_item *it = wc_lex_find(lx, m->text + s, e - s);
	if (!it) {
		/* A genitive ending on a term ("Pekings"): try without it. */
		for (size_t k = 1; k <= 3 && k < e - s && !it; k++)
			it = wc_lex_find(lx, m->text + s, e - s - k);
	}
	return it;
}

typedef struct {
	wc_xfact f;
	size_t mstart, mend;  /* the whole match, for overlap resolution */
} candidate;

/* Where the last word of [s, e) starts once the space or hyphen before it
 * is cut off, or s. */
static size_t cut_last_word(const char *t, size_t s, size_t e)
{
	while (e > s && t[e - 1] != ' ' && t[e - 1] != '-')
		e--;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '-'))
		e--;
	return e;
}

/* No number in words runs longer than this many words ("one hundred and
 * twenty-three thousand four hundred and fifty-six" has eleven): a longer
 * match ("two two two …") is cut to its first words before the number is
 * looked for word by word, so that each match costs the same whatever its
 * length. */
#define WC_NUMBER_MAX_WORDS 32

/* Where the first max words of [s, e) end. */
static size_t first_words(const char *t, size_t s, size_t e, size_t max)
{
	size_t i = s, words = 0;
	while (i < e) {
		while (i < e && (t[i] == ' ' || t[i] == '-'))
			i++;
		if (i == e || words == max)
			break;
		while (i < e && t[i] != ' ' && t[i] != '-')
			i++;
		words++;
	}
	while (i > s && (t[i - 1] == ' ' || t[i - 1] == '-'))
		i--;
	return i;
}

/* An article that counts one before a unit ("a year"): the locale's
 * numbers.articles, which are no number words, so that they trigger only the
 * patterns that name them. */
static bool is_article(const wc_locale *loc, const char *s, size_t n)
{
	for (size_t i = 0; i < loc->articles.n; i++) {
		const char *a = loc->articles.v[i];
		size_t k = strlen(a);
		if (k == n && (k == 0 || (s[0] | 32) == (a[0] | 32)) && memcmp(s + 1, a + 1, k - 1) == 0)
			return true;
	}
	return false;
}

/* A capitalised word right after text[e] ("Otto Ritter", "Seven Sisters",
 * "Two Chinese firms"): text is NUL-terminated. */
static bool capitalised_word_after(const char *text, size_t e)
{
	if (text[e] != ' ' || !text[e + 1])
		return false;
	size_t i = e + 1, n = e + 1;
	while (n < e + 5 && text[n])
		n++;
	return wc_is_upper(wc_utf8_next(text, n, &i));
}

/* Where a word of words that stands, a space apart, right before text[at]
 * begins (any case), or at when none does. */
static size_t word_before(const wc_strlist *words, const char *text, size_t at)
{
	for (size_t i = 0; i < words->n; i++) {
		size_t k = strlen(words->v[i]);
		if (at < k + 1 || text[at - 1] != ' ' || strncasecmp(text + at - 1 - k, words->v[i], k))
			continue;
		size_t w = at - 1 - k;
		if (w == 0 || !wc_is_letter((unsigned char)text[w - 1]))
			return w;
	}
	return at;
}

/* Where the minus sign of the number at text[at] begins, or at when it has
 * none: "-0.3", "−15" (U+2212) after a space, a bracket or the start, not
 * the hyphen of a range ("10-15") or a compound; or a minus word of the
 * locale ("minus 15", "moins 3"). */
static size_t sign_start(const wc_locale *loc, const char *text, size_t at)
{
	if (at >= 1 && text[at - 1] == '-' && (at == 1 || strchr(" ([\n", text[at - 2])))
		return at - 1;
	if (at >= 3 && !memcmp(text + at - 3, "\xE2\x88\x92", 3) &&
	    (at == 3 || strchr(" ([\n", text[at - 4])))
		return at - 3;
	return word_before(&loc->minus, text, at);
}

/* A negative number keeps its sign: "-0.3 percent" against "0.3 percent" is
 * a mismatch; one after a word of the locale's maybe_minus: has either ("de
 * moins 5 à moins 15 degrés", where "au moins 5" is at least five). */
static void keep_sign(const wc_locale *loc, const char *text, candidate *c)
{
	size_t st = sign_start(loc, text, c->f.start);
	if (st == c->f.start && c->f.value[0] != '-')
		c->f.sign_unsure = word_before(&loc->maybe_minus, text, c->f.start) != c->f.start;
	if (st == c->f.start || c->f.value[0] == '-')
		return;
	char *v = wc_xasprintf("-%s", c->f.value);
	free(c->f.value);
	c->f.value = v;
	c->f.start = st;
	if (c->mstart > st)
		c->mstart = st;
}

/* value + 0.5, for a whole number: "2" → "2.5". */
static void add_half(char **value)
{
	if (strchr(*value, '.') || strchr(*value, 'e'))
		return;
	char *v = wc_xasprintf("%s.5", *value);
	free(*value);
	*value = v;
}

static bool normalize_number(wc_locale *loc, const match_view *m, candidate *c, bool need_scale_for_words)
{
	size_t s, e;
	if (!group_span(m, G_VALUE, &s, &e))
		return false;
	bool garbled, words, scaled;
	char *v = need_scale_for_words ? wc_parse_number_ex(loc, m->text + s, e - s, &garbled, &words, &scaled)
	                               : wc_parse_number_before_unit(loc, m->text + s, e - s, &garbled,
	                                                             &words, &scaled);
	if (!v && !need_scale_for_words && is_article(loc, m->text + s, e - s)) {
		c->f.weak = true;
		c->f.value = wc_xstrdup("1");
		return true;
	}
	if (!v && need_scale_for_words) {
		/* "two and three", "fire-fem": two numbers that the word pattern
		 * took as one.  The first is this fact; the trigger at the next
		 * word finds the other. */
		size_t k = first_words(m->text, s, e, WC_NUMBER_MAX_WORDS);
		if (k < e)
			v = wc_parse_number_ex(loc, m->text + s, k - s, &garbled, &words, &scaled);
		while (!v && (k = cut_last_word(m->text, s, k)) > s)
			v = wc_parse_number_ex(loc, m->text + s, k - s, &garbled, &words, &scaled);
		if (!v)
			return false;
		c->f.end = c->mend = k;
	}
	if (!v)
		return false;
	/* "en"/"one" is mostly an article or a pronoun: a bare number word is a
	 * fact only from bare_word_min on. */
	bool article = words && !scaled && strtoll(v, NULL, 10) < loc->bare_word_min &&
	               strchr(v, '.') == NULL;
	if (need_scale_for_words && article) {
		free(v);
		return false;
	}
	/* Before a unit ("a year", "einem Jahr", "un jour") the word is still
	 * mostly an article: the fact is weak (check_facts.c).  So is a capitalised
	 * number word before a capitalised word: as often part of a name ("Otto
	 * Ritter", "Three Gorges") as a count ("Two Chinese firms"); not when
	 * its last word is in lower case ("A third of Italians"). */
	size_t vs = s, ls = c->f.end;
	while (ls > s && m->text[ls - 1] != ' ' && m->text[ls - 1] != '-')
		ls--;
	int32_t first = wc_utf8_next(m->text, e, &vs), last = wc_utf8_next(m->text, e, &ls);
	c->f.weak = article || (words && wc_is_upper(first) && wc_is_upper(last) &&
	                        capitalised_word_after(m->text, c->f.end));
	/* "twice", "zweimal": a count against another count ("drie keer"), but
	 * as often said without one ("doppelt so", "el doble") */
	c->f.weak |= words && loc->weak_words.n && wc_strlist_has_fold(&loc->weak_words, m->text + s, e - s);
	c->f.value = v;
	c->f.garbled = garbled;
	return true;
}

/* The digits of text[s, e) as a number: a group may stand right before more
 * digits ("0140 GMT"), so atoi alone would read past it. */
static int span_int(const char *text, size_t s, size_t e)
{
	int n = 0;
	for (size_t i = s; i < e && i < s + 6 && text[i] >= '0' && text[i] <= '9'; i++)
		n = n * 10 + (text[i] - '0');
	return n;
}

/* A number a locale writes as a word of lexicon lx ("twentieth",
 * "ersten"; "twenties"): the number its canonical form gives, 0 if none. */
static int word_number(const wc_lexicon *lx, const char *s, size_t n)
{
	const wc_lex_item *it = wc_lex_find(lx, s, n);
	return it && it->canon ? atoi(it->canon) : 0;
}

/* A day of the month in digits or as an ordinal word ("am ersten November"). */
static int day_number(const wc_locale *loc, const char *s, size_t n)
{
	if (n && s[0] >= '0' && s[0] <= '9')
		return atoi(s);
	int w = word_number(&loc->ordinals, s, n);
	return w <= 31 ? w : 0;
}

/* "XV", "xiv", "15" or "twentieth": a century's number, 0 if it is none. */
static int century_number(const wc_locale *loc, const char *s, size_t n)
{
	if (n && s[0] >= '0' && s[0] <= '9')
		return span_int(s, 0, n);
	/* "twentieth", or a cardinal as es/pt write it: "siglo veinte" */
	int w = word_number(&loc->ordinals, s, n);
	if (!w)
		w = word_number(&loc->number_words, s, n);
	if (w)
		return w <= 30 ? w : 0;
	int total = 0, prev = 0;
	for (size_t i = n; i-- > 0;) {
		int v = 0;
		switch (s[i] | 32) {
		case 'i': v = 1; break;
		case 'v': v = 5; break;
		case 'x': v = 10; break;
		case 'l': v = 50; break;
		case 'c': v = 100; break;
		default: return 0;
		}
		total += v < prev ? -v : v;
		if (v > prev)
			prev = v;
	}
	return total <= 30 ? total : 0;
}

/* The hour of a time, in digits or in words ("acht Uhr abends", "five
 * o'clock"); -1 when the words are no whole number. */
static int hour_of(const wc_locale *loc, const char *text, size_t s, size_t e)
{
	if (text[s] >= '0' && text[s] <= '9')
		return span_int(text, s, e);
	bool garbled = false;
	char *v = wc_parse_number(loc, text + s, e - s, &garbled);
	int h = v && !garbled && !strchr(v, '.') && strlen(v) <= 2 ? atoi(v) : -1;
	free(v);
	return h;
}

/* A time of day in 24-hour form, with its zone when one is given:
 * "8:30 p.m." = "20:30", "0140 GMT" = "01:40 UTC". */
static bool normalize_time(wc_locale *loc, const match_view *m, candidate *c)
{
	size_t s, e;
	if (!group_span(m, G_HOUR, &s, &e))
		return false;
	int h = hour_of(loc, m->text, s, e), min = 0;
	if (h < 0)
		return false;
	if (group_span(m, G_MINUTE, &s, &e))
		min = span_int(m->text, s, e);
	if (group_span(m, G_HALF, &s, &e)) {
		/* "half vier", "halb vier": half an hour before four */
		if (h < 1 || h > 12)
			return false;
		h -= 1, min = 30;
	}
	const wc_lex_item *part;
	if (group_span(m, G_AMPM, &s, &e)) {
		if (h < 1 || h > 12)
			return false;
		bool pm = (m->text[s] | 32) == 'p';
		h = pm ? (h % 12) + 12 : h % 12;
	} else if ((part = group_lookup(m, G_DAYPART, &loc->clock)) && h >= 1 && h <= 12) {
		/* "a las 6 de la tarde" = 18:00; "20 Uhr abends" says it twice */
		h = strcmp(part->canon, "pm") == 0 ? (h % 12) + 12 : h % 12;
	}
	if (h > 24 || min > 59)
		return false;
	c->f.value = wc_xasprintf("%02d:%02d", h, min);
	/* the zone is the unit: "15:00" and "15:00 UTC" may be one time told
	 * with more detail (check_facts.c) */
	if (group_span(m, G_ZONE, &s, &e)) {
		bool gmt = (e - s == 3 && !memcmp(m->text + s, "GMT", 3));
		c->f.unit = gmt ? wc_xstrdup("UTC") : wc_xstrndup(m->text + s, e - s);
	}
	return true;
}

/* A decade by its first year: "1980s", "années 80" (a two-digit decade is of
 * the 1900s unless a century is named: "50ern des 19. Jahrhunderts"). */
static bool normalize_decade(const wc_locale *loc, const match_view *m, candidate *c)
{
	size_t s, e;
	if (!group_span(m, G_DECADE, &s, &e))
		return false;
	/* "1980", "80", or a decade in words ("twenties", "dwudzieste") */
	bool digits = m->text[s] >= '0' && m->text[s] <= '9';
	int d = digits ? span_int(m->text, s, e) : word_number(&loc->decades, m->text + s, e - s);
	if (!digits && d < 1)
		return false;
	if (d < 100) {
		size_t cs, ce;
		int century = group_span(m, G_CENTURY, &cs, &ce) ? century_number(loc, m->text + cs, ce - cs) : 20;
		if (century < 1)
			return false;
		d += (century - 1) * 100;
	}
	c->f.value = wc_xasprintf("%d", d);
	c->f.unit = wc_xstrdup("decade");
	return true;
}

static bool normalize_date(wc_locale *loc, const match_view *m, candidate *c)
{
	size_t cs, ce;
	if (m->cp->group[G_DECADE] >= 0)
		return normalize_decade(loc, m, c);
	/* "1400-talet": the century of the years 1400 to 1499, the 15th; in
	 * words the hundreds of the 1000s, as Italian names its centuries
	 * ("il Quattrocento", 400: the 1400s) */
	if (group_span(m, G_HUNDREDS, &cs, &ce)) {
		int h = span_int(m->text, cs, ce);
		if (m->text[cs] < '0' || m->text[cs] > '9') {
			bool garbled = false;
			char *v = wc_parse_number(loc, m->text + cs, ce - cs, &garbled);
			int n = v && !garbled ? atoi(v) : 0;
			free(v);
			if (n < 100 || n > 900 || n % 100)
				return false;
			h = 10 + n / 100;
		}
		c->f.value = wc_xasprintf("%d", h + 1);
		c->f.unit = wc_xstrdup("century");
		return true;
	}
	if (group_span(m, G_CENTURY, &cs, &ce)) {
		int n = century_number(loc, m->text + cs, ce - cs);
		if (n < 1)
			return false;
		c->f.value = wc_xasprintf("%d", n);
		c->f.unit = wc_xstrdup("century");
		return true;
	}
	const wc_lex_item *it;
	size_t s, e;
	if ((it = group_lookup(m, G_WD, &loc->weekdays))) {
		c->f.value = wc_xstrdup(it->canon);
		c->f.unit = wc_xstrdup("weekday");
	} else if ((it = group_lookup(m, G_MONTH, &loc->months))) {
		wc_buf b = {0};
		wc_buf_puts(&b, it->canon);
		if (group_span(m, G_DAY, &s, &e)) {
			int day = day_number(loc, m->text + s, e - s);
			if (day < 1) {   /* a word that is no day of this locale */
				wc_buf_free(&b);
				return false;
			}
			wc_buf_printf(&b, " %d", day);
		}
		if (group_span(m, G_YEAR, &s, &e))
			wc_buf_printf(&b, " %.*s", (int)(e - s), m->text + s);
		c->f.value = wc_buf_take(&b);
		c->f.unit = wc_xstrdup("month");
	} else if (group_span(m, G_MNUM, &s, &e)) {
		/* a date in digits ("09.12.2012", "2018-05-14"): month by number */
		int mon = atoi(m->text + s), day = 0;
		if (group_span(m, G_DAY, &s, &e))
			day = atoi(m->text + s);
		if (mon < 1 || mon > 12 || day < 1 || day > 31 || !group_span(m, G_YEAR, &s, &e))
			return false;
		c->f.value = wc_xasprintf("%s %d %.*s", wc_month_ids[mon - 1], day, (int)(e - s), m->text + s);
		c->f.unit = wc_xstrdup("month");
	} else if ((it = group_lookup(m, G_REL, &loc->relative))) {
		c->f.value = wc_xstrdup(it->canon);
		c->f.unit = wc_xstrdup("relative");
		/* "today" is as often "nowadays" ("computers in use today"), and
		 * translations drop or reword it: it matches, but is not required. */
		c->f.weak = strcmp(it->canon, "today") == 0;
	} else if (group_span(m, G_YEAR, &s, &e)) {
		c->f.value = wc_xstrndup(m->text + s, e - s);
		c->f.unit = wc_xstrdup("year");
	} else
		return false;
	return true;
}

/* "2.500" → "2.5", "3.0" → "3": a decimal without the zeros after its last
 * digit, as the number parser writes values. */
static void trim_decimal_zeros(char *s)
{
	size_t len = strlen(s);
	if (!strchr(s, '.'))
		return;
	while (s[len - 1] == '0')
		s[--len] = '\0';
	if (s[len - 1] == '.')
		s[--len] = '\0';
}

/* The decimal string v times 10^places, written as the number parser
 * writes values: no leading or trailing zeros, no dot without decimals.
 * Shifting the dot of the string keeps it exact ("0.34", not 0.34000001). */
static char *shift_decimal(const char *v, int places)
{
	wc_buf d = {0};
	int point = -1;  /* digits before the dot */
	for (const char *p = v; *p; p++) {
		if (*p == '.')
			point = (int)d.len;
		else
			wc_buf_putc(&d, *p);
	}
	char *digits = wc_buf_take(&d);
	int n = (int)strlen(digits);
	point = (point < 0 ? n : point) + places;
	wc_buf b = {0};
	if (point <= 0)
		wc_buf_putc(&b, '0');
	for (int i = point < 0 ? point : 0; i < (point > n ? point : n); i++) {
		if (i == point)
			wc_buf_putc(&b, '.');
		wc_buf_putc(&b, i >= 0 && i < n ? digits[i] : '0');
	}
	free(digits);
	char *s = wc_buf_take(&b);
	trim_decimal_zeros(s);
	size_t lead = 0;  /* "0034" → "34", but "0.34" stays */
	while (s[lead] == '0' && s[lead + 1] && s[lead + 1] != '.')
		lead++;
	char *out = wc_xstrdup(s + lead);
	free(s);
	return out;
}

static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* Whether the word after text[e] and its space is a subunit ("cents"). */
static bool subunit_at(wc_locale *loc, const char *text, size_t e)
{
	size_t s = e + 1, i = s;
	while (text[i] && text[i] != ' ' && text[i] != ',' && text[i] != '.' && text[i] != '\n')
		i++;
	const wc_lex_item *it = wc_lex_find(&loc->currencies, text + s, i - s);
	return it && strchr(it->canon, '/');
}

/* Whether the currency group is also a number word of the language (fr
 * "cents": "deux cents" is 200). */
static bool currency_is_number_word(wc_locale *loc, const match_view *m)
{
	size_t s, e;
	return group_span(m, G_CUR, &s, &e) && wc_lex_find(&loc->number_words, m->text + s, e - s);
}

/* The hundredths of "3 dollars 50 cents" (the minor group, a subunit named
 * after it) or "3 euros 50", "deux euros cinquante" (the cents group, none
 * named: two digits or a number word of 10 to 99), as two digits; NULL
 * when they are none.  Number words count with a subunit only ("um real e
 * cinquenta centavos"). */
static char *hundredths(wc_locale *loc, const match_view *m)
{
	size_t s, e;
	bool cents = group_span(m, G_CENTS, &s, &e);
	if (!cents && !(group_span(m, G_MINOR, &s, &e) && subunit_at(loc, m->text, e)))
		return NULL;
	const char *t = m->text + s;
	size_t n = e - s;
	if (has_digit(t, n))
		return n == 2 || (n == 1 && !cents) ? wc_xasprintf("%s%.*s", n == 1 ? "0" : "", (int)n, t) : NULL;
	bool garbled;
	char *v = wc_parse_number(loc, t, n, &garbled);
	long x = v && !garbled && !strchr(v, '.') ? strtol(v, NULL, 10) : 0;
	free(v);
	return x >= (cents ? 10 : 1) && x <= 99 ? wc_xasprintf("%02ld", x) : NULL;
}

/* An amount in units of its currency.  A subunit ("34 cents", "50 pence":
 * canonical "XXX/100", "GBP/100") is a hundredth; where its name is also a
 * number word it counts only in digits: fr "deux cents" is 200, "34 cents"
 * 0.34, but en "fifteen cents" is 0.15.  "€5m" has its scale as unit
 * ("m", a million, in money only: "5m" is five metres elsewhere), and "3
 * dollars 50 cents" its cents as minor. */
/* How many words before an amount a verb of weighing may stand ("weighed
 * more than 30 pounds"). */
enum { WEIGH_WORDS_BEFORE = 3 };

static bool is_weigh_word(const wc_locale *loc, const char *w, size_t n)
{
	for (size_t i = 0; i < loc->weigh_words.n; i++)
		if (strlen(loc->weigh_words.v[i]) == n && memcmp(loc->weigh_words.v[i], w, n) == 0)
			return true;
	return false;
}

/* "weighed 30 pounds", "woog 544 pond": a currency word that is also a unit
 * of mass is the unit after a verb of weighing (the locale's weigh_words:);
 * the measure rule then reads it. */
static bool weighed_not_paid(const wc_locale *loc, const match_view *m)
{
	size_t s, e;
	if (!loc->weigh_words.n || !group_span(m, G_CUR, &s, &e) || !wc_lex_find(&loc->units, m->text + s, e - s))
		return false;
	size_t p = m->ov[0];
	for (int k = 0; k < WEIGH_WORDS_BEFORE && p > 0; k++) {
		while (p > 0 && m->text[p - 1] == ' ')
			p--;
		size_t we = p;
		while (p > 0 && m->text[p - 1] != ' ' && m->text[p - 1] != '\n')
			p--;
		if (we == p)
			break;
		if (is_weigh_word(loc, m->text + p, we - p))
			return true;
	}
	return false;
}

/* "per dollar", "za euro": one of the currency, weak (rule money-per); not a
 * subunit ("per cent" is percent). */
static bool normalize_money_per(const wc_lex_item *it, candidate *c)
{
	if (strchr(it->canon, '/'))
		return false;
	c->f.value = wc_xstrdup("1");
	c->f.unit = wc_xstrdup(it->canon);
	c->f.weak = true;
	return true;
}

static bool normalize_money(wc_locale *loc, const match_view *m, candidate *c)
{
	const wc_lex_item *it = group_lookup(m, G_CUR, &loc->currencies);
	size_t s, e;
	if (it && group_span(m, G_PER, &s, &e))
		return normalize_money_per(it, c);
	if (!it || weighed_not_paid(loc, m) || !normalize_number(loc, m, c, false))
		return false;
	const char *slash = strchr(it->canon, '/');
	int places = 0;
	if (slash) {
		/* "34 cents et 50 pence" is two amounts, not 34 cents and 50 */
		if (!group_span(m, G_VALUE, &s, &e) ||
		    (!has_digit(m->text + s, e - s) && currency_is_number_word(loc, m)) ||
		    group_span(m, G_MINOR, &s, &e) || group_span(m, G_CENTS, &s, &e))
			return false;
		places = -2;
	}
	/* The unit group holds a scale: "m" of "€5m", "mdd", or a scale word
	 * the amount takes from elsewhere ("a million dollars", the first end
	 * of "$5-10 million") */
	if (group_span(m, G_UNIT, &s, &e)) {
		const wc_lex_item *sc = group_lookup(m, G_UNIT, &loc->scales);
		places += sc ? (int)sc->num : m->text[s] == 'k' ? 3 : 6;
	}
	char *minor = NULL;
	if ((group_span(m, G_MINOR, &s, &e) || group_span(m, G_CENTS, &s, &e)) &&
	    (strchr(c->f.value, '.') || !(minor = hundredths(loc, m))))
		return false;
	char *v = c->f.value;
	c->f.value = minor ? wc_xasprintf("%s.%s", v, minor) : wc_xstrdup(v);
	free(minor);
	free(v);
	v = c->f.value;
	if (slash)
		c->f.written = atof(v); /* "cinque penny" may meet a bare "five" */
	c->f.value = shift_decimal(v, places);
	free(v);
	c->f.unit = slash ? wc_xstrndup(it->canon, (size_t)(slash - it->canon)) : wc_xstrdup(it->canon);
	return true;
}

/* A character of the name of an e-mail address (ASCII, as most are). */
static bool local_part_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("._%+-", ch));
}

/* An identifier, compared exactly.  A URL keeps its case (a path is
 * case-sensitive); an e-mail address, @handle or #hashtag is case-folded, and
 * its kind is its unit, so that only like compares with like.  A code or
 * model name is case-folded without its hyphens and spaces: "MH-17" is
 * "MH17", "B 33" "B33". */
/* A coordinate ("30° 17′ 02″"), by its degrees, minutes and seconds as
 * numbers: "30:17:2".  The hemisphere's letter is left out (the languages
 * write it N, Ö, O, V ...), and so is how the marks are written. */
static char *coordinate_value(const char *t, size_t n)
{
	wc_buf b = {0};
	for (size_t i = 0; i < n;) {
		if (t[i] < '0' || t[i] > '9') {
			i++;
			continue;
		}
		char run[32];
		size_t k = 0;
		while (i < n && k + 1 < sizeof run &&
		       ((t[i] >= '0' && t[i] <= '9') || ((t[i] == '.' || t[i] == ',') && i + 1 < n && t[i + 1] >= '0' && t[i + 1] <= '9')))
			run[k++] = t[i] == ',' ? '.' : t[i], i++;
		run[k] = '\0';
		wc_buf_printf(&b, "%s%g", b.len ? ":" : "", atof(run));
	}
	return wc_buf_take(&b);
}

static bool has_degree_sign(const char *t, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xB0)
			return true;
	return false;
}

static bool normalize_code(wc_locale *loc, const match_view *m, candidate *c)
{
	(void)loc;
	size_t s, e;
	if (!group_span(m, G_VALUE, &s, &e))
		return false;
	const char *t = m->text + s;
	size_t n = e - s;
	const char *at = memchr(t, '@', n);
	bool url = n > 4 && memcmp(t, "www.", 4) == 0;
	for (size_t i = 0; i + 3 <= n && !url; i++)
		url = memcmp(t + i, "://", 3) == 0;
	if (url) {
		c->f.value = wc_xstrndup(t, n);
		c->f.unit = wc_xstrdup("url");
		return true;
	}
	if (t[0] == '@' && s > 0 && local_part_char(m->text[s - 1])) {
		/* an e-mail address, matched from its "@": take in the name */
		while (s > 0 && local_part_char(m->text[s - 1]))
			s--;
		c->f.start = c->mstart = s;
		t = m->text + s;
		n = e - s;
		at = memchr(t, '@', n);
	}
	if (has_degree_sign(t, n)) { /* the coordinate pattern */
		c->f.value = coordinate_value(t, n);
		c->f.unit = wc_xstrdup("coordinate");
		return true;
	}
	c->f.value = wc_casefold(t, n);
	if (at || t[0] == '#') {
		c->f.unit = wc_xstrdup(t[0] == '#' ? "hashtag" : at == t ? "handle" : "email");
		return true;
	}
	char *w = c->f.value;
	for (const char *r = c->f.value; *r; r++) {
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0)
			r++; /* a no-break space */
		else if (*r != '-' && *r != ' ')
			*w++ = *r;
	}
	*w = '\0';
	return true;
}


/* ---- measures ------------------------------------------------------------------ */

typedef struct {
	const char *name, *dim;
	double factor, offset;
} unit_def;

static const unit_def units[] = {
#define WC_UNIT(name, dim, factor, offset) {name, dim, factor, offset},
#include "units.def"
#undef WC_UNIT
};

/* The canonical names of units: (the keys locale files may give forms of) */
const char *const wc_unit_ids[] = {
#define WC_UNIT(name, dim, factor, offset) name,
#include "units.def"
#undef WC_UNIT
	NULL};

static const unit_def *unit_named(const char *name)
{
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(units[i].name, name) == 0)
			return &units[i];
	return NULL;
}

/* The power of ten that factor is (1e-3 → -3), or INT_MIN for none. */
static int ten_power(double factor)
{
	for (int k = -9; k <= 15; k++) {
		double p = 1;
		for (int i = 0; i < (k < 0 ? -k : k); i++)
			p *= 10;
		p = k < 0 ? 1 / p : p;
		if (factor > p * (1 - 1e-12) && factor < p * (1 + 1e-12))
			return k;
	}
	return INT_MIN;
}

/* x to six significant digits, as the number parser writes values: no
 * exponent, no trailing zeros ("16093.4", "0.1524", "-15"). */
static char *six_digits(double x)
{
	double a = x < 0 ? -x : x;
	int before = 1;
	for (double t = 10; a >= t && before < 20; t *= 10)
		before++;
	int places = 6 - before;
	for (double t = 1; a > 0 && a < t && places < 12; t /= 10)
		places++;
	char *s = wc_xasprintf("%.*f", places < 0 ? 0 : places, x);
	trim_decimal_zeros(s);
	if (strcmp(s, "-0") == 0)
		memmove(s, s + 1, 2);
	return s;
}

/* A symbol of one or two characters is matched as its case says ("5G" is
 * no five grams, "5 MW" no milliwatts); longer forms and words in any case. */
static bool unit_case_fits(const wc_lex_item *it, const char *s, size_t n)
{
	if (n > 2 || memcmp(it->form, s, n) == 0)
		return true;
	for (const char *f = it->form; *f; f++)
		if (*f >= 'A' && *f <= 'Z')
			return true;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return false;
	return true;
}

/* A quantity in a unit: its value in the dimension's SI unit, exact for
 * the metric prefixes ("2,5 Tonnen" = 2500 kg), to six digits otherwise
 * ("6 inches" = 0.1524 m); the sign kept ("minus 15 degrees"). */
static bool normalize_measure(wc_locale *loc, const match_view *m, candidate *c)
{
	size_t s, e;
	if (!group_span(m, G_UNIT, &s, &e))
		return false;
	const wc_lex_item *it = wc_lex_find(&loc->units, m->text + s, e - s);
	const unit_def *u = it ? unit_named(it->canon) : NULL;
	if (!u || !unit_case_fits(it, m->text + s, e - s) || !normalize_number(loc, m, c, false))
		return false;
	keep_sign(loc, m->text, c);
	if (group_span(m, G_MINUS, &s, &e) && (!strcmp(u->dim, "°") || !strcmp(u->dim, "°C")) &&
	    c->f.value[0] != '-') {
		char *neg = wc_xasprintf("-%s", c->f.value);
		free(c->f.value);
		c->f.value = neg;
		c->f.sign_unsure = false; /* "moins 5 degrés": before a temperature, a sign */
		/* wider than the same match without it: "minus 15 degrees",
		 * "7 grados bajo cero" */
		if (s < c->f.start)
			c->f.start = c->mstart = s;
		else if (e > c->f.end)
			c->f.end = c->mend = e;
	}
	char *v = c->f.value;
	c->f.written = atof(v);
	/* a temperature is written to the degree: "100 °F" is no rounding to
	 * the hundred */
	bool temperature = memcmp(u->dim, "°", strlen("°")) == 0;
	c->f.step = (temperature && !strchr(v, '.') ? 1 : wc_digit_step(v)) * u->factor;
	int k = ten_power(u->factor);
	if (k != INT_MIN && u->offset == 0) {
		bool neg = v[0] == '-';
		char *abs = shift_decimal(v + neg, k);
		c->f.value = neg && strcmp(abs, "0") ? wc_xasprintf("-%s", abs) : wc_xstrdup(abs);
		free(abs);
	} else {
		c->f.value = six_digits(c->f.written * u->factor + u->offset);
	}
	free(v);
	c->f.unit = wc_xstrdup(u->dim);
	return true;
}

/* ---- one normaliser per kind (kinds.def) ------------------------------------- */

/* The least ordinal in words that is a fact on its own: "first" and "second"
 * are as often no count ("at first", it "secondo" = according to). */
#define WC_ORDINAL_WORD_MIN 3

/* An ordinal in words, alone ("the tenth time"): weak, as a translation may
 * well say it otherwise ("for the third time" = "erneut").  After a word of
 * "every" ("jeder Sechste", "hver tredje", "co trzeci") it is a count, one
 * in six, as "one in six" and "un sur six" are. */
static bool normalize_ordinal_word(wc_locale *loc, const match_view *m, candidate *c)
{
	size_t s, e;
	if (!group_span(m, G_ORD, &s, &e))
		return false;
	int n = word_number(&loc->ordinals, m->text + s, e - s);
	/* "first" and "second" count only before a noun the pattern names (its
	 * group unit: "the second quarter", "andra kvartalet"); alone they are
	 * as often "at first", "other" (sv andra, fi toinen), "according to" */
	size_t us, ue, i = s;
	if (n < 1 || (n < WC_ORDINAL_WORD_MIN && !group_span(m, G_UNIT, &us, &ue)))
		return false;
	/* A capitalised ordinal before a capitalised word is part of a name:
	 * "Third World", "Dritte Liga", "Derde Wereld". */
	if (wc_is_upper(wc_utf8_next(m->text, e, &i)) && capitalised_word_after(m->text, e))
		return false;
	c->f.value = wc_xasprintf("%d", n);
	if (group_span(m, G_EVERY, &us, &ue))
		return true;
	c->f.unit = wc_xstrdup("ordinal");
	c->f.weak = true;
	return true;
}

static bool normalize_number_fact(wc_locale *loc, const match_view *m, candidate *c)
{
	const wc_lex_item *it;
	size_t s, e;
	if (!group_span(m, G_VALUE, &s, &e))
		return normalize_ordinal_word(loc, m, c);
	/* Before a percent unit "one" counts as it does before any unit ("one
	 * percentage point", "één procentpunt"): a weak fact, not an article. */
	it = group_lookup(m, G_UNIT, &loc->percent);
	if (!normalize_number(loc, m, c, it == NULL))
		return false;
	/* "20th", "20.", "20e": an ordinal compares with ordinals */
	if (group_span(m, G_ORD, &s, &e))
		c->f.unit = wc_xstrdup("ordinal");
	else if (it)
		c->f.unit = wc_xstrdup(it->canon);
	else if (group_span(m, G_UNIT, &s, &e) && e - s == 1 && m->text[s] == 'm') {
		/* "2m residents": a million glued (rule number-million) */
		char *v = c->f.value;
		c->f.value = shift_decimal(v, 6);
		free(v);
	}
	keep_sign(loc, m->text, c);
	return true;
}

static bool normalize_duration(wc_locale *loc, const match_view *m, candidate *c)
{
	const wc_lex_item *it;
	size_t s, e;
	if (!(it = group_lookup(m, G_UNIT, &loc->time_units)) || !normalize_number(loc, m, c, false))
		return false;
	c->f.unit = wc_xstrdup(it->canon);
	/* "deux ans et demi", "dos años y medio": the half after the unit */
	if (group_span(m, G_HALF, &s, &e)) {
		add_half(&c->f.value);
		c->f.weak = false; /* "un an et demi" is no article */
	}
	return true;
}

static bool normalize_title(wc_locale *loc, const match_view *m, candidate *c)
{
	const wc_lex_item *it;
	size_t s, e;
	if (!(it = group_lookup(m, G_TITLE, &loc->titles)) || !group_span(m, G_NAME, &s, &e))
		return false;
	/* "dem Premierminister Singapurs": the title's country, not its person
	 * (who stands before it, in apposition) */
	if (group_lookup(m, G_NAME, &loc->names))
		return false;
	c->f.value = wc_xstrdup(it->canon);
	c->f.unit = wc_xstrndup(m->text + s, e - s);
	c->f.name = wc_name_key(loc, m->text + s, e - s);
	return true;
}

static bool normalize_entity(wc_locale *loc, const match_view *m, candidate *c)
{
	const wc_lex_item *it;
	if (!(it = group_lookup(m, G_TERM, &loc->names)))
		return false;
	c->f.value = wc_xstrdup(it->canon);
	return true;
}

static bool normalize_candidate(wc_locale *loc, const match_view *m, candidate *c)
{
	switch (m->cp->rule->kind) {
#define WC_KIND(e, name, norm, scope, rank) case WC_K_##e: return norm(loc, m, c);
#include "kinds.def"
#undef WC_KIND
	default:
		return false;
	}
}

static void candidate_free(candidate *c)
{
	free(c->f.value);
	free(c->f.unit);
	free(c->f.name);
}

typedef struct {
	candidate *v;
	size_t n, cap;
} candidates;

typedef struct {
	wc_scratch *sc;
	wc_doc *doc;
	size_t para;
	candidates *out;
	wc_findings *fs;
	const wc_compiled *c;
	size_t *next;           /* per pattern: no new match starts before this */
	bool *gave_up;          /* per pattern: hit a limit in this paragraph */
} run;

static void limit_hit(run *r, const wc_cpattern *cp, int rc)
{
	const wc_para *p = &r->doc->paras[r->para];
	PCRE2_UCHAR msg[160];
	pcre2_get_error_message(rc, msg, sizeof msg);
	if (r->fs)
		wc_emit(r->fs, WC_CHECK_RULE_LIMIT, -1, r->doc, p->start, p->end, NULL, 0, NULL, NULL,
		        cp->rule->id, "rule '%s' (%s:%d) gave up on this paragraph: %s; skipped",
		        cp->rule->id, cp->rule->file, cp->pattern->line, (char *)msg);
}

/* Records the match as a candidate fact.  Returns where the fact ends (a
 * number may take less than its match: "two" of "two and three"), or 0 when
 * the match does not normalize. */
static size_t take_match(run *r, const wc_cpattern *cp)
{
	wc_locale *loc = (wc_locale *)r->doc->loc;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->sc->md);
	match_view m = {cp, r->doc->text, ov, pcre2_get_ovector_count(r->sc->md)};
	candidate cand = {0};
	cand.f.kind = cp->rule->kind;
	cand.f.rule = cp->rule;
	cand.f.para = r->para;
	cand.mstart = ov[0];
	cand.mend = ov[1];
	size_t vs, ve;
	/* Keyed rules point at their value; generic ones at the whole match. */
	if (!cp->rule->generic && group_span(&m, G_VALUE, &vs, &ve)) {
		cand.f.start = vs;
		cand.f.end = ve;
	} else {
		cand.f.start = ov[0];
		cand.f.end = ov[1];
	}
	/* A keyed rule names a fact that a generic rule finds and normalizes
	 * (resolve() joins them), so it needs no value of its own. */
	if (!cp->rule->generic || normalize_candidate(loc, &m, &cand)) {
		*WC_PUSH(r->out->v, r->out->n, r->out->cap) = cand;
		return cand.mend;
	}
	candidate_free(&cand);
	return 0;
}

/* Patterns whose start is unknown: every match in the paragraph. */
static void scan_pattern(run *r, const wc_cpattern *cp)
{
	const wc_para *p = &r->doc->paras[r->para];
	size_t at = p->start;
	while (at <= p->end) {
		int rc = pcre2_match(cp->re, (PCRE2_SPTR)r->doc->text, p->end, at, PCRE2_NO_UTF_CHECK,
		                     r->sc->md, r->sc->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			limit_hit(r, cp, rc);
			break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->sc->md);
		size_t start = ov[0], end = ov[1], took = take_match(r, cp);
		if (took && took < end)
			end = took;
		at = end > start ? end : start + 1;
		/* never restart inside a UTF-8 sequence */
		while (at < p->end && ((unsigned char)r->doc->text[at] & 0xC0) == 0x80)
			at++;
	}
}

/* How far past its start an anchored attempt sees the text: PCRE2 looks for
 * a code unit the pattern requires ("m" of "€5m") up to the end of the
 * subject at every attempt, the square of a paragraph's length where it
 * has none (a paragraph of 40,000 numbers: four times the time at each
 * doubling).  No fact is a tenth as long; the window ends at a space,
 * which the end of the subject stands for in every pattern's lookahead, or
 * within a few bytes more at a code point's start. */
#define MATCH_WINDOW 16384

static size_t attempt_end(const char *text, size_t pos, size_t end)
{
	if (end - pos <= MATCH_WINDOW)
		return end;
	size_t e = pos + MATCH_WINDOW, most = e + 256 < end ? e + 256 : end;
	while (e < most && text[e] != ' ' && text[e] != '\n' && text[e] != '\t')
		e++;
	while (e < end && ((unsigned char)text[e] & 0xC0) == 0x80)
		e++;
	return e;
}

/* One pattern anchored at a token that may start it. */
static void try_at(run *r, size_t i, size_t pos)
{
	const wc_cpattern *cp = &r->c->pats[i];
	if (pos < r->next[i] || r->gave_up[i])
		return;
	const wc_para *p = &r->doc->paras[r->para];
	size_t seen = attempt_end(r->doc->text, pos, p->end);
	/* The text was validated once when it was read: checking the whole
	 * subject again at every token would make extraction quadratic. */
	/* pcre2_jit_match skips pcre2_match's checks, which cost as much as a
	 * failed anchored attempt itself. */
	int rc = cp->jit ? pcre2_jit_match(cp->anchored, (PCRE2_SPTR)r->doc->text, seen, pos,
	                                   PCRE2_NO_UTF_CHECK, r->sc->md, r->sc->mctx)
	                 : pcre2_match(cp->anchored, (PCRE2_SPTR)r->doc->text, seen, pos,
	                               PCRE2_NO_UTF_CHECK, r->sc->md, r->sc->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return;
	if (rc < 0) {
		r->gave_up[i] = true;
		limit_hit(r, cp, rc);
		return;
	}
	/* As a scan would, the next match of this pattern starts after this
	 * fact; a match that is no fact hides nothing. */
	size_t end = take_match(r, cp);
	if (end)
		r->next[i] = end > pos ? end : pos + 1;
}

static void at_token(void *ctx, size_t pos, uint32_t classes, const wc_trigger *lit)
{
	run *r = ctx;
	const wc_compiled *c = r->c;
	if (classes && !(classes & (classes - 1))) {
		/* one class, as most tokens have: its own list */
		int b = 0;
		while (!((classes >> b) & 1u))
			b++;
		for (size_t k = 0; k < c->nby_class[b]; k++)
			try_at(r, c->by_class[b][k], pos);
	} else if (classes) {
		for (size_t i = 0; i < c->npats; i++)
			if (!c->pats[i].scan && (c->pats[i].start_classes & classes))
				try_at(r, i, pos);
	}
	for (size_t k = 0; lit && k < lit->npats; k++)
		try_at(r, lit->pats[k], pos);
}

static void collect_paragraph(run *r)
{
	const wc_para *p = &r->doc->paras[r->para];
	for (size_t i = 0; i < r->c->npats; i++) {
		r->next[i] = 0;
		r->gave_up[i] = false;
		if (r->c->pats[i].scan)
			scan_pattern(r, &r->c->pats[i]);
	}
	wc_triggers_scan(r->c, r->doc->text, p->start, p->end, at_token, r);
}

static int kind_rank(wc_kind k)
{
	static const int rank[WC_K_COUNT] = {
#define WC_KIND(e, name, norm, scope, rank) [WC_K_##e] = rank,
#include "kinds.def"
#undef WC_KIND
	};
	return rank[k];
}

/* Wider matches first; among equals, the more specific kind, then the one
 * that knows its unit ("17h" of "17h et 18h GMT" is 17:00 UTC). */
static int by_preference(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	size_t lx = x->mend - x->mstart, ly = y->mend - y->mstart;
	if (x->f.rule->generic != y->f.rule->generic)
		return x->f.rule->generic ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (kind_rank(x->f.kind) != kind_rank(y->f.kind))
		return kind_rank(x->f.kind) - kind_rank(y->f.kind);
	if (!x->f.unit != !y->f.unit)
		return x->f.unit ? -1 : 1;
	return x->mstart < y->mstart ? -1 : x->mstart > y->mstart;
}

static int by_position(const void *a, const void *b)
{
	const wc_xfact *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static bool overlaps(size_t a, size_t b, size_t c, size_t d)
{
	return a < d && c < b;
}

static size_t span_start(const candidate *c)
{
	return c->mstart < c->f.start ? c->mstart : c->f.start;
}

static size_t span_end(const candidate *c)
{
	return c->mend > c->f.end ? c->mend : c->f.end;
}

static int by_span_start(const void *a, const void *b)
{
	size_t x = span_start(a), y = span_start(b);
	return x < y ? -1 : x > y;
}

/* A place inside a person's title stands as well: "prezydenta USA Donalda
 * Trumpa" names the United States as "US President Donald Trump" does. */
static bool nests(const candidate *c, const wc_xfact *f)
{
	return c->f.kind == WC_K_ENTITY && f->kind == WC_K_TITLE && c->f.start >= f->start &&
	       c->f.end <= f->end;
}

/* Accepts the candidates of one cluster in order of preference.  A keyed
 * candidate that covers an accepted generic fact of its kind names that
 * fact; otherwise it stands alone if it overlaps nothing. */
static void resolve_cluster(wc_doc *doc, candidate *v, size_t n)
{
	qsort(v, n, sizeof *v, by_preference);
	size_t first_new = doc->nfacts;
	for (size_t i = 0; i < n; i++) {
		candidate *c = &v[i];
		bool taken = false;
		for (size_t j = first_new; j < doc->nfacts && !taken; j++) {
			wc_xfact *f = &doc->facts[j];
			if (nests(c, f))
				continue;
			if (c->f.rule->generic) {
				taken = overlaps(c->mstart, c->mend, f->start, f->end);
			} else if (overlaps(c->f.start, c->f.end, f->start, f->end)) {
				taken = true;
				if (f->kind == c->f.kind && f->rule->generic)
					f->rule = c->f.rule;
			}
		}
		if (taken || !c->f.value) {
			candidate_free(c);
			continue;
		}
		*WC_PUSH(doc->facts, doc->nfacts, doc->facts_cap) = c->f;
	}
	/* a cluster may leave no fact, and the fact array may still be NULL */
	if (doc->nfacts > first_new)
		qsort(doc->facts + first_new, doc->nfacts - first_new, sizeof *doc->facts, by_position);
}

/* Overlaps are settled cluster by cluster (candidates whose spans chain into
 * one another), so that a paragraph of a million facts is not quadratic. */
static void resolve(wc_doc *doc, candidates *cs)
{
	if (!cs->n)
		return;
	qsort(cs->v, cs->n, sizeof *cs->v, by_span_start);
	for (size_t i = 0; i < cs->n;) {
		size_t end = span_end(&cs->v[i]), k = i + 1;
		while (k < cs->n && span_start(&cs->v[k]) < end) {
			if (span_end(&cs->v[k]) > end)
				end = span_end(&cs->v[k]);
			k++;
		}
		resolve_cluster(doc, cs->v + i, k - i);
		i = k;
	}
	cs->n = 0;
}

int wc_extract_doc(wc_ruleset *rs, wc_doc *doc, wc_findings *fs, wc_diags *diags)
{
	int rc = wc_ruleset_prepare(rs, doc->loc->lang, diags);
	if (rc < 0)
		return rc;
	wc_doc_clear_results(doc);
	const wc_compiled *c = doc->loc->compiled;
	if (rs->jit_small_texts || doc->len >= WC_JIT_WORTH_BYTES)
		wc_compiled_jit((wc_compiled *)c); /* once; threads wait for the one that compiles */
	bool pinned = wc_compiled_pin(c);
	wc_scratch sc;
	wc_scratch_init(&sc, c);
	candidates cs = {0};
	run r = {&sc, doc, 0, &cs, fs, c, wc_xcalloc(c->npats + 1, sizeof(size_t)),
	         wc_xcalloc(c->npats + 1, sizeof(bool))};
	for (size_t p = 0; p < doc->npara; p++) {
		r.para = p;
		collect_paragraph(&r);
		resolve(doc, &cs);
	}
	free(r.next);
	free(r.gave_up);
	free(cs.v);
	wc_scratch_fini(&sc);
	if (pinned)
		wc_compiled_unpin(c);
	return WC_OK;
}

/* ---- the public fact list ------------------------------------------------------------ */

static const char *own(wc_facts *fl, char *s)
{
	if (s)
		*WC_PUSH(fl->owned, fl->nowned, fl->owned_cap) = s;
	return s;
}

wc_facts *wc_extract(wc_ruleset *rs, const char *lang, const char *path, const char *text,
                     size_t len, wc_diags *diags)
{
	int rc = wc_ruleset_prepare(rs, lang, diags);
	if (rc < 0)
		return NULL;
	wc_doc doc;
	if (wc_doc_init(&doc, path, wc_ruleset_locale(rs, lang), WC_ROLE_SOURCE, text, len, diags) < 0 ||
	    wc_extract_doc(rs, &doc, NULL, diags) < 0) {
		wc_doc_fini(&doc);
		return NULL;
	}
	wc_facts *fl = wc_xcalloc(1, sizeof *fl);
	for (size_t i = 0; i < doc.nfacts; i++) {
		const wc_xfact *x = &doc.facts[i];
		wc_fact *f = WC_PUSH(fl->v, fl->n, fl->cap);
		f->kind = wc_kind_name(x->kind);
		f->text = own(fl, wc_xstrndup(doc.text + x->start, x->end - x->start));
		f->value = own(fl, wc_xstrdup(x->value));
		f->unit = x->unit ? own(fl, wc_xstrdup(x->unit)) : NULL;
		f->rule = own(fl, wc_xstrdup(x->rule->id));
		f->weak = x->weak;
		wc_doc_position(&doc, x->start, &f->line, &f->column);
		f->start = wc_doc_orig_offset(&doc, x->start);
		f->end = wc_doc_orig_offset(&doc, x->end);
	}
	wc_doc_fini(&doc);
	return fl;
}
