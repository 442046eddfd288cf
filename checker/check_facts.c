/*
 * check_facts.c — stage 5: matches the facts of a translation (or related story)
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
#include "facts.h"
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* Facts of one doc grouped by paragraph: facts are in text order, so the
 * facts of paragraph p are first[p] .. first[p + 1] - 1. */
typedef struct {
	size_t *first;
} para_index;

/* A person named with a title, once per (name, title) in a doc. */
typedef struct {
	const wc_xfact *f;      /* first fact naming them so */
} person;

/* The people of a doc, indexed by the stems of their name words: two names
 * that can be one person share a word, spelled alike once an ending is cut
 * (wc_names_compatible), so only people who share a stem are ever compared,
 * and 20,000 people cost linear time, not quadratic. */
typedef struct {
	size_t person, next;    /* next: entry index + 1 in the same chain, 0 ends it */
	uint64_t key;
} people_key;

typedef struct {
	person *v;
	size_t n, cap;
	people_key *e;
	size_t ne, ecap;
	size_t *head;           /* chain heads: entry index + 1 */
	size_t hmask;
	unsigned *seen;         /* per person: the lookup that last visited it */
	unsigned lookup;
	const wc_strlist *ends[4]; /* the endings of both languages that stems cut */
} people;

typedef struct {
	const wc_ruleset *rs;
	wc_doc *src, *tgt;
	const wc_alignment *al;
	wc_findings *fs;
	bool related;
	para_index sp, tp;
	size_t *want;           /* source paragraph → where its counterpart is (target paragraph) */
	size_t *by_value;       /* target occurrence facts, sorted by kind/value/unit, then position */
	size_t nby_value;
	size_t *skip_up, *skip_down; /* by_value positions: where the next unmatched one may be */
	people src_people, tgt_people;
	char *tgt_folded;       /* the translation without accents, once a place asks (or NULL) */
} matcher;

static bool is_entity(const wc_xfact *f)
{
	return wc_kind_per_story(f->kind);
}

static bool streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_value(const wc_xfact *a, const wc_xfact *b)
{
	return a->kind == b->kind && streq(a->value, b->value) && streq(a->unit, b->unit);
}

/* Dates compare only within their part (weekday with weekday ...), and
 * identifiers within theirs (a URL with a URL, a code with a code). */
static bool comparable(const wc_xfact *a, const wc_xfact *b)
{
	if (a->kind != b->kind)
		return false;
	return (a->kind != WC_K_DATE && a->kind != WC_K_CODE) || streq(a->unit, b->unit);
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

/* ---- indexes ------------------------------------------------------------------------ */

static void index_paragraphs(const wc_doc *d, para_index *ix)
{
	ix->first = wc_xcalloc(d->npara + 1, sizeof *ix->first);
	size_t f = 0;
	for (size_t p = 0; p <= d->npara; p++) {
		while (f < d->nfacts && d->facts[f].para < p)
			f++;
		ix->first[p] = f;
	}
}

/* Where each source paragraph's counterpart is, or would be: its aligned
 * paragraph, else that of the nearest aligned paragraph before it. */
static void find_wanted(matcher *m)
{
	m->want = wc_xcalloc(m->src->npara + 1, sizeof *m->want);
	size_t last = 0;
	for (size_t p = 0; p < m->src->npara; p++) {
		if (m->al->s2t[p] >= 0)
			last = (size_t)m->al->s2t[p];
		m->want[p] = last;
	}
}

/* The facts of paragraph q of the other doc (index oix) that fact i, of
 * paragraph p of its own doc (index ix), is compared with one by one: all
 * of them, or in a paragraph of more than 2 * PAIR_WINDOW facts the
 * PAIR_WINDOW either side of where i's place in its own paragraph falls.
 * Prose has a few dozen facts a paragraph; a list of thousands (hostile
 * input) would cost the square of its length. */
#define PAIR_WINDOW 64

static void paired_range(const para_index *ix, size_t p, size_t i, const para_index *oix, size_t q,
                         size_t *lo, size_t *hi)
{
	size_t b0 = oix->first[q], b1 = oix->first[q + 1], nb = b1 - b0;
	*lo = b0, *hi = b1;
	if (nb <= 2 * PAIR_WINDOW)
		return;
	size_t a0 = ix->first[p], na = ix->first[p + 1] - a0;
	size_t centre = b0 + (size_t)((double)(i - a0) / (double)(na ? na : 1) * (double)nb);
	*lo = centre > b0 + PAIR_WINDOW ? centre - PAIR_WINDOW : b0;
	*hi = centre + PAIR_WINDOW < b1 ? centre + PAIR_WINDOW : b1;
}

static size_t target_offset(const matcher *m, size_t src_para)
{
	if (!m->tgt->npara)
		return 0;
	return m->tgt->paras[m->want[src_para]].start;
}

static size_t distance(const matcher *m, size_t sp, size_t tp)
{
	size_t want = m->want[sp];
	return tp > want ? tp - want : want - tp;
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return a ? 1 : b ? -1 : 0;
	return strcmp(a, b);
}

static int cmp_value(const wc_xfact *a, const wc_xfact *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = cmp_str(a->value, b->value);
	return c ? c : cmp_str(a->unit, b->unit);
}

static _Thread_local const wc_doc *sort_doc; /* qsort has no context argument in C11 */

static int by_value_then_position(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = cmp_value(&sort_doc->facts[i], &sort_doc->facts[j]);
	return c ? c : (i < j ? -1 : i > j);
}

static void index_values(matcher *m)
{
	m->by_value = wc_xcalloc(m->tgt->nfacts + 1, sizeof *m->by_value);
	for (size_t j = 0; j < m->tgt->nfacts; j++)
		if (!is_entity(&m->tgt->facts[j]))
			m->by_value[m->nby_value++] = j;
	sort_doc = m->tgt;
	if (m->nby_value)
		qsort(m->by_value, m->nby_value, sizeof *m->by_value, by_value_then_position);
	m->skip_up = wc_xcalloc(m->nby_value + 1, sizeof *m->skip_up);
	m->skip_down = wc_xcalloc(m->nby_value + 1, sizeof *m->skip_down);
	for (size_t k = 0; k < m->nby_value; k++) {
		m->skip_up[k] = k;
		m->skip_down[k] = k + 1;
	}
}

/* First position in by_value whose fact is not less than f, or of f's value
 * and not before paragraph para. */
static size_t lower_bound(const matcher *m, const wc_xfact *f, size_t para)
{
	size_t lo = 0, hi = m->nby_value;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const wc_xfact *t = &m->tgt->facts[m->by_value[mid]];
		int c = cmp_value(t, f);
		if (c < 0 || (c == 0 && t->para < para))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool taken(const matcher *m, size_t k)
{
	return m->tgt->facts[m->by_value[k]].matched != 0;
}

/* The first by_value position from k on (k_up) or back from k (down) whose
 * fact is unmatched, SIZE_MAX if none.  Matched facts stay matched, so the
 * skips are shortened as they are walked (path compression): a run of 320,000
 * equal values costs linear time, not quadratic. */
static size_t unmatched_up(matcher *m, size_t k)
{
	size_t r = k;
	while (r < m->nby_value && taken(m, r))
		r = m->skip_up[r] > r ? m->skip_up[r] : r + 1;
	while (k < r && k < m->nby_value) {
		size_t next = m->skip_up[k] > k ? m->skip_up[k] : k + 1;
		m->skip_up[k] = r;
		k = next;
	}
	return r < m->nby_value ? r : SIZE_MAX;
}

static size_t unmatched_down(matcher *m, size_t k)
{
	if (k == SIZE_MAX)
		return SIZE_MAX;
	/* positions are shifted by one so that 0 can mean "none below" */
	size_t r = k + 1;
	while (r > 0 && taken(m, r - 1))
		r = m->skip_down[r - 1] < r ? m->skip_down[r - 1] : r - 1;
	for (size_t q = k + 1; q > r;) {
		size_t next = m->skip_down[q - 1] < q ? m->skip_down[q - 1] : q - 1;
		m->skip_down[q - 1] = r;
		q = next;
	}
	return r > 0 ? r - 1 : SIZE_MAX;
}

static void link(wc_xfact *a, wc_xfact *b, int how)
{
	a->matched = how;
	b->matched = how;
}

/* An unmatched fact equal to s in target paragraph tp, or NULL. */
static wc_xfact *equal_in(matcher *m, const wc_xfact *s, size_t tp)
{
	size_t k = unmatched_up(m, lower_bound(m, s, tp));
	if (k == SIZE_MAX)
		return NULL;
	wc_xfact *t = &m->tgt->facts[m->by_value[k]];
	return same_value(s, t) && t->para == tp ? t : NULL;
}

/* Within the target paragraphs aligned to the fact's paragraph: its pair,
 * and the paragraph after it when the source paragraph was split in two. */
static void match_equal_in_aligned(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		int own = m->al->s2t[s->para];
		if (is_entity(s) || s->matched || own < 0)
			continue;
		size_t q = (size_t)own;
		wc_xfact *t = equal_in(m, s, q);
		if (!t && q + 1 < m->tgt->npara && m->al->t2s[q + 1] == (int)s->para)
			t = equal_in(m, s, q + 1);
		if (t)
			link(s, t, WC_MATCH_EQUAL);
	}
}

/* The nearest unmatched equal fact, by paragraph distance from where the
 * source fact's counterpart would be: the first one at or after that paragraph
 * and the last one before it are the only candidates. */
static void match_equal_anywhere(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (is_entity(s) || s->matched || !m->nby_value)
			continue;
		size_t at = lower_bound(m, s, m->want[s->para]);
		size_t up = unmatched_up(m, at);
		size_t down = unmatched_down(m, at ? at - 1 : SIZE_MAX);
		wc_xfact *best = NULL;
		size_t bestd = SIZE_MAX;
		size_t cand[2] = {up, down};
		for (int c = 0; c < 2; c++) {
			if (cand[c] == SIZE_MAX)
				continue;
			wc_xfact *t = &m->tgt->facts[m->by_value[cand[c]]];
			size_t d = distance(m, s->para, t->para);
			if (same_value(s, t) && (d < bestd || (d == bestd && c == 1)))
				bestd = d, best = t;
		}
		if (best)
			link(s, best, WC_MATCH_EQUAL);
	}
}

/* ---- dates written with more or less detail --------------------------------------- */

/* A month date's value is "MONTH [DAY] [YEAR]" (extract.c). */
typedef struct {
	size_t month_len;
	long day, year;
} date_parts;

static date_parts parts_of(const char *v)
{
	date_parts p = {strcspn(v, " "), 0, 0};
	for (const char *q = v + p.month_len; *q == ' ';) {
		char *end;
		long n = strtol(q + 1, &end, 10);
		if (end == q + 1)
			break;
		if (n > 31)
			p.year = n;
		else
			p.day = n;
		q = end;
	}
	return p;
}

/* "March" and "mars 2013", "May 5" and "5 maj 2018": one date told with
 * more detail on one side; nothing in them disagrees. */
static bool dates_agree(const wc_xfact *a, const wc_xfact *b)
{
	if (a->kind != WC_K_DATE || b->kind != WC_K_DATE || !streq(a->unit, "month") ||
	    !streq(b->unit, "month"))
		return false;
	date_parts x = parts_of(a->value), y = parts_of(b->value);
	return x.month_len == y.month_len && memcmp(a->value, b->value, x.month_len) == 0 &&
	       (!x.day || !y.day || x.day == y.day) && (!x.year || !y.year || x.year == y.year);
}

/* The zones the time rule reads (rules/facts/core.yaml), east of UTC in
 * minutes: "16:00 CET" is "15:00 UTC". */
static bool zone_offset(const char *zone, int *minutes)
{
	static const struct {
		const char *name;
		int offset;
	} zones[] = {{"UTC", 0},    {"BST", 60},   {"CET", 60},   {"CEST", 120},
	             {"EST", -300}, {"EDT", -240}, {"PST", -480}, {"PDT", -420}};
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (streq(zone, zones[i].name)) {
			*minutes = zones[i].offset;
			return true;
		}
	return false;
}

static int clock_minutes(const char *hhmm)
{
	return atoi(hhmm) * 60 + atoi(hhmm + 3);
}

/* "15:00" and "15.00 UTC": one time, its zone told on one side only; "16:00
 * CET" and "15:00 GMT": one time in two zones. */
static bool times_agree(const wc_xfact *a, const wc_xfact *b)
{
	if (a->kind != WC_K_TIME || b->kind != WC_K_TIME)
		return false;
	if (!a->unit || !b->unit)
		return streq(a->value, b->value);
	int za, zb;
	if (!zone_offset(a->unit, &za) || !zone_offset(b->unit, &zb))
		return false;
	int day = 24 * 60;
	return ((clock_minutes(a->value) - za - clock_minutes(b->value) + zb) % day + day) % day == 0;
}

/* ---- measures converted ------------------------------------------------------------ */

/* How far a conversion may stray beyond the rounding when the translation
 * writes at most two significant digits: a desk's "about" ("60 miles" = "95
 * km"; "3 miles" = "5 km" is rounding). */
#define ABOUT_SHARE 0.05

/* A measure as the agreement reads it: its value and what its last written
 * digit is worth, both in the SI unit, and the number as written. */
typedef struct {
	double v, step, written;
	bool temperature;
} quantity;

static quantity quantity_of(const wc_xfact *f)
{
	return (quantity){atof(f->value), f->step, f->written, streq(f->unit, "°C") || streq(f->unit, "°")};
}

/* Whether a / b is a power of ten: one unit, or metric units of one
 * dimension ("2.5 tonnes" and "2500 kg"), no conversion to round. */
static bool ten_apart(double a, double b)
{
	double r = a > b ? a / b : b / a;
	while (r >= 10 * (1 - 1e-9))
		r /= 10;
	return r < 1 + 1e-9;
}

/* Significant digits of a number as written, from its value and what its
 * last digit is worth (trailing zeros of a whole number are a rounding):
 * "16" 2, "1500" 2, "2.25" 3. */
static int significant_digits(double v, double step)
{
	double a = v < 0 ? -v : v;
	int n = 0;
	for (double t = step; t <= a * (1 + 1e-9) && n < 20; t *= 10)
		n++;
	return n;
}

/* What t's last digit is worth, but no more than s's leading digit in t's
 * unit: "100 mph" may be 96 mph rounded to the hundred, not 62 ("100 km/h"
 * is no "100 mph").  (Temperatures are written to the degree: extract.c.) */
static double rounding_step(double sv, const quantity *t)
{
	if (t->temperature || t->written == 0 || t->v == 0)
		return t->step;
	double factor = t->v / t->written, su = sv / factor, lead = 1;
	su = su < 0 ? -su : su;
	while (su >= lead * 10)
		lead *= 10;
	while (su > 0 && su < lead && lead > 1e-12)
		lead /= 10;
	lead *= factor < 0 ? -factor : factor;
	return lead < t->step ? lead : t->step;
}

/* t is s converted into another unit of its dimension: s's value rounded at
 * the precision t is written to, or (t written to two digits or fewer, not a
 * temperature) within ABOUT_SHARE of it.  "6 inches" = "15 cm", "100 km/h" =
 * "62 mph", "75 °F" = "24 °C", "10 miles" = "16 km"; not "15 miles" = "15
 * km", "10 miles" = "18 km".  One unit on both sides, or metric units of one
 * dimension, must give one value. */
static bool converted(const quantity *s, const quantity *t)
{
	if (s->v == t->v)
		return true;
	if (s->step <= 0 || t->step <= 0 || ten_apart(s->step, t->step))
		return false;
	double d = s->v > t->v ? s->v - t->v : t->v - s->v;
	if (d <= rounding_step(s->v, t) / 2 * (1 + 1e-9))
		return true;
	return !t->temperature && t->v != 0 && significant_digits(t->v, t->step) <= 2 &&
	       d <= ABOUT_SHARE * (t->v < 0 ? -t->v : t->v);
}

/* The readings of a degree of no stated scale ("minus 15 degrees", "15
 * Grad"): Celsius (as it is), or Fahrenheit in Celsius ("75 degrees" = "24
 * °C"). */
static quantity as_fahrenheit(quantity q)
{
	return (quantity){(q.written - 32) * 5 / 9, q.step * 5 / 9, q.written, true};
}

/* t, a measure of the translation, is the source's measure s: the same
 * value, or s converted as the journalist rounds (converted).  A degree of
 * no stated scale against a Celsius temperature is read both ways. */
static bool measures_agree(const wc_xfact *s, const wc_xfact *t)
{
	if (s->kind != WC_K_MEASURE || t->kind != WC_K_MEASURE)
		return false;
	quantity a = quantity_of(s), b = quantity_of(t);
	bool gs = streq(s->unit, "°"), gt = streq(t->unit, "°");
	if (gs != gt) {
		if (!streq(gs ? t->unit : s->unit, "°C"))
			return false;
		quantity f = as_fahrenheit(gs ? a : b);
		return converted(&a, &b) || (gs ? converted(&f, &b) : converted(&a, &f));
	}
	return streq(s->unit, t->unit) && converted(&a, &b);
}

/* "last year", "this year", "next year": a translator may write the year. */
static bool is_relative_year(const wc_xfact *f)
{
	return f->kind == WC_K_DATE && streq(f->unit, "relative") && f->value &&
	       strlen(f->value) > 5 && strcmp(f->value + strlen(f->value) - 5, "-year") == 0;
}

/* A year written out in paragraph para of d: a month date with its year or a
 * number that reads as a year. */
static bool states_a_year(const wc_doc *d, const para_index *ix, size_t para)
{
	for (size_t j = ix->first[para]; j < ix->first[para + 1]; j++) {
		const wc_xfact *f = &d->facts[j];
		if (f->kind == WC_K_DATE && streq(f->unit, "month") && parts_of(f->value).year)
			return true;
		if (f->kind == WC_K_NUMBER && !f->unit) {
			long n = atol(f->value);
			if (n >= 1900 && n <= 2100 && !strchr(f->value, '.'))
				return true;
		}
	}
	return false;
}

/* Within aligned paragraphs, a date or a time told with more or less detail
 * is the same date or time, a measure converted into another unit the same
 * measure, and a relative year stands for the year the other side writes. */
static void match_dates_in_aligned(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		int tp = m->al->s2t[s->para];
		if (s->matched || tp < 0 ||
		    (s->kind != WC_K_DATE && s->kind != WC_K_TIME && s->kind != WC_K_MEASURE))
			continue;
		if (is_relative_year(s)) {
			if (states_a_year(m->tgt, &m->tp, (size_t)tp))
				s->matched = WC_MATCH_EQUAL;
			continue;
		}
		size_t lo, hi;
		paired_range(&m->sp, s->para, i, &m->tp, (size_t)tp, &lo, &hi);
		for (size_t j = lo; j < hi && !s->matched; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (!t->matched && (dates_agree(s, t) || times_agree(s, t) || measures_agree(s, t)))
				link(s, t, WC_MATCH_EQUAL);
		}
	}
	for (size_t j = 0; j < m->tgt->nfacts; j++) {
		wc_xfact *t = &m->tgt->facts[j];
		int sp = m->al->t2s[t->para];
		if (!t->matched && sp >= 0 && is_relative_year(t) && states_a_year(m->src, &m->sp, (size_t)sp))
			t->matched = WC_MATCH_EQUAL;
	}
}

/* ---- kinds that meet ------------------------------------------------------------------ */

/* A translation may change the form of a fact and keep its value: "59 anni"
 * (a duration) is "Jones, 59," (a number), "503 Millionen" is "$503 million"
 * when the currency is said elsewhere, "nell'agosto del 2011" (a year) is
 * "August 2011" (a date), and "Monday" is "May 5 2018" when that was a
 * Monday.  docs/checks-and-matching.md lists these. */

static bool is_plain_number(const wc_xfact *f)
{
	return f->kind == WC_K_NUMBER && !f->unit;
}

/* A number that reads as a year: a whole number from 1000 to 2100. */
static long year_of_number(const wc_xfact *f)
{
	if (!is_plain_number(f) || strchr(f->value, '.'))
		return 0;
	long n = atol(f->value);
	return n >= 1000 && n <= 2100 ? n : 0;
}

static bool is_month_date(const wc_xfact *f)
{
	return f->kind == WC_K_DATE && streq(f->unit, "month");
}

/* Whether date f names year y: a month date with that year, or the year. */
static bool date_names_year(const wc_xfact *f, long y)
{
	if (f->kind != WC_K_DATE || !f->value)
		return false;
	if (streq(f->unit, "year") || streq(f->unit, "decade"))
		return atol(f->value) == y;
	return is_month_date(f) && parts_of(f->value).year == y;
}

static bool is_decade_or_year(const wc_xfact *f)
{
	return f->kind == WC_K_DATE && (streq(f->unit, "decade") || streq(f->unit, "year"));
}

static bool date_names_day(const wc_xfact *f, const char *day)
{
	return is_month_date(f) && strchr(day, '.') == NULL && parts_of(f->value).day == atol(day) &&
	       atol(day) > 0;
}

/* 0 = Sunday .. 6 = Saturday, for a day of the Gregorian calendar. */
static int weekday_number(long y, int mon, long d)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	if (mon < 3)
		y--;
	return (int)((y + y / 4 - y / 100 + y / 400 + t[mon - 1] + d) % 7);
}

static bool weekday_of_date(const wc_xfact *wd, const wc_xfact *f)
{
	static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday",
	                                   "thursday", "friday", "saturday"};
	if (wd->kind != WC_K_DATE || !streq(wd->unit, "weekday") || !is_month_date(f))
		return false;
	date_parts p = parts_of(f->value);
	int mon = 0;
	for (int k = 0; k < 12 && !mon; k++)
		if (strlen(wc_month_ids[k]) == p.month_len && !memcmp(wc_month_ids[k], f->value, p.month_len))
			mon = k + 1;
	if (!mon || !p.day || !p.year)
		return false;
	return strcmp(days[weekday_number(p.year, mon, p.day)], wd->value) == 0;
}

/* Half the step of the last digit a number is written to: 30 → 5, 33 → 0.5,
 * 33.3 → 0.05.  A journalist's rounding stays within it. */
static double half_step(const char *v)
{
	return wc_digit_step(v) / 2;
}

/* A fraction and the percentage it rounds to at the precision the
 * percentage is written to: "jedna trzecia" = "thirty percent" (33.3 to the
 * ten), "two-thirds" = "67 percent", but not "35 percent". */
static bool share_as_written(const wc_xfact *frac, const wc_xfact *pct)
{
	if (!is_plain_number(frac) || pct->kind != WC_K_NUMBER || !streq(pct->unit, "percent"))
		return false;
	double f = atof(frac->value) * 100, p = atof(pct->value);
	double d = f > p ? f - p : p - f;
	return f > 0 && f < 100 && strchr(frac->value, '.') && d <= half_step(pct->value) + 1e-9;
}

/* A part against the ordinal word of its denominator, which a language
 * reads as the ordinal it also is where it has no count before it: de "um
 * ein Fünftel" (0.2), nb "en femtedel", es "una quinta parte" against en
 * "by a fifth", fr "d'un cinquième", it "di un quinto" (weak ordinals 5:
 * "a fifth term" is no part). */
static bool part_as_ordinal(const wc_xfact *part, const wc_xfact *ord)
{
	if (!is_plain_number(part) || ord->kind != WC_K_NUMBER || !ord->weak ||
	    !streq(ord->unit, "ordinal"))
		return false;
	double f = atof(part->value), n = atof(ord->value), d = f * n - 1;
	return f > 0 && f < 1 && n >= 2 && d < 0.01 && d > -0.01;
}

/* Money written in a subunit ("34 cents"): extract.c keeps its count. */
static bool in_subunit(const wc_xfact *f)
{
	return f->kind == WC_K_MONEY && f->written != 0;
}

/* Facts of different kinds (or parts of a date) with one value, a before b in
 * the table. */
static bool meet_ordered(const wc_xfact *a, const wc_xfact *b)
{
	if (share_as_written(a, b) || part_as_ordinal(a, b))
		return true;
	/* "cinque" of "cinque penny" against "five pence": a subunit's count */
	if (is_plain_number(a) && in_subunit(b) && atof(a->value) == b->written)
		return true;
	/* a number with a unit the other side's locale may not read ("5,1
	 * prosenttiin") meets the bare number; two units that differ do not
	 * ("0.3 percentage points" is no "0,3 Prozent") */
	if (is_plain_number(a) && (b->kind == WC_K_DURATION || b->kind == WC_K_MONEY ||
	                           (b->kind == WC_K_NUMBER && b->unit)))
		return streq(a->value, b->value);
	/* "100" of "100 to 250 meters" against "100 m" */
	if (is_plain_number(a) && b->kind == WC_K_MEASURE)
		return atof(a->value) == b->written;
	long y = year_of_number(a);
	if (y && date_names_year(b, y))
		return true;
	if (is_plain_number(a) && date_names_day(b, a->value))
		return true;
	return weekday_of_date(a, b);
}

/* XXX: a currency the text leaves unnamed ("34 cents", "10 pesos"). */
static bool names_no_currency(const wc_xfact *f)
{
	return f->kind == WC_K_MONEY && streq(f->unit, "XXX");
}

/* "34 cents" is "0,34 Dollar", "10 pesos" "10 pesos mexicanos": the
 * currency one side leaves unnamed is the one the other names.  Two
 * subunits are no such pair: "50 cent" is never "50 pence". */
static bool unnamed_currency_meets(const wc_xfact *a, const wc_xfact *b)
{
	return a->kind == WC_K_MONEY && b->kind == WC_K_MONEY &&
	       names_no_currency(a) != names_no_currency(b) && streq(a->value, b->value) &&
	       !(in_subunit(a) && in_subunit(b));
}

/* One value but for the sign, where one side's sign is unknown: "de moins
 * 5 à moins 15 degrés" (French has no sure minus word) and "from minus 5". */
static bool either_sign(const wc_xfact *a, const wc_xfact *b)
{
	if (!(a->sign_unsure || b->sign_unsure) || a->kind != b->kind || !streq(a->unit, b->unit))
		return false;
	const char *x = a->value[0] == '-' ? a->value + 1 : a->value;
	const char *y = b->value[0] == '-' ? b->value + 1 : b->value;
	return strcmp(x, y) == 0;
}

static bool meet(const wc_xfact *a, const wc_xfact *b)
{
	if (either_sign(a, b))
		return true;
	bool other_unit = a->kind == WC_K_NUMBER && b->kind == WC_K_NUMBER && !streq(a->unit, b->unit);
	if (unnamed_currency_meets(a, b))
		return true;
	return (!comparable(a, b) || other_unit) && (meet_ordered(a, b) || meet_ordered(b, a));
}

/* A date carries its year and its day: the one date may answer a number on
 * the other side as well as the date it matched. */
static bool covers(const wc_xfact *date, const wc_xfact *number)
{
	long y = year_of_number(number);
	return is_month_date(date) && ((y && date_names_year(date, y)) ||
	                               (is_plain_number(number) && date_names_day(date, number->value)));
}

/* Within aligned paragraphs, facts of kinds that meet and one value match. */
static void match_kinds_that_meet(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		int tp = m->al->s2t[s->para];
		if (s->matched || tp < 0 || is_entity(s))
			continue;
		size_t lo, hi;
		paired_range(&m->sp, s->para, i, &m->tp, (size_t)tp, &lo, &hi);
		for (size_t j = lo; j < hi && !s->matched; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (is_entity(t))
				continue;
			if (!t->matched && meet(s, t))
				link(s, t, WC_MATCH_EQUAL);
		}
	}
}

/* A measure and its conversion in brackets, one side only: "6 inches (15
 * cm)" = "15 Zentimeter". */
static bool converts(const wc_xfact *a, const wc_xfact *b)
{
	return measures_agree(a, b) || measures_agree(b, a);
}

/* What is still left over after the mismatches may be the year or the day of
 * a date matched already ("nell'agosto del 2011" = "August 2011"), or a
 * measure's conversion that one side leaves out: the
 * leftovers of doc a against the dates of b in the paragraph a2b aligns. */
static void cover_leftovers(wc_doc *a, const para_index *aix, const int *a2b, const wc_doc *b,
                            const para_index *bix)
{
	for (size_t i = 0; i < a->nfacts; i++) {
		wc_xfact *f = &a->facts[i];
		int q = a2b[f->para];
		if (f->matched || q < 0 || is_entity(f))
			continue;
		size_t lo, hi;
		paired_range(aix, f->para, i, bix, (size_t)q, &lo, &hi);
		for (size_t j = lo; j < hi && !f->matched; j++)
			if (b->facts[j].matched == WC_MATCH_EQUAL &&
			    (covers(&b->facts[j], f) || converts(&b->facts[j], f)))
				f->matched = WC_MATCH_EQUAL;
	}
}

static void match_covered(matcher *m)
{
	cover_leftovers(m->src, &m->sp, m->al->s2t, m->tgt, &m->tp);
	cover_leftovers(m->tgt, &m->tp, m->al->t2s, m->src, &m->sp);
}

/* A share told as a fraction on one side and a percentage on the other, the
 * two within five points but not at the percentage's precision ("a third"
 * for "35 percent"): worth a look, not a gate. */
static bool share_rounded(const wc_xfact *s, const wc_xfact *t)
{
	if (s->kind != WC_K_NUMBER || t->kind != WC_K_NUMBER)
		return false;
	const wc_xfact *frac = !s->unit ? s : t, *pct = frac == s ? t : s;
	if (frac->unit || !streq(pct->unit, "percent"))
		return false;
	double f = atof(frac->value), p = atof(pct->value);
	return f > 0 && f < 1 && f * 100 - p <= 5 && p - f * 100 <= 5;
}

static void report_mismatch(matcher *m, wc_xfact *s, wc_xfact *t, const char *why)
{
	char *st = describe(m->src, s), *tt = describe(m->tgt, t);
	char *sv = value_text(s), *tv = value_text(t);
	const wc_rule *r = !s->rule->generic ? s->rule : t->rule;
	/* A share rounded from a fraction to a percentage ("a third" for "35
	 * percent") is worth a look, not a gate.  Percent for percentage points
	 * is not: "0,3 Prozent" for "0.3 percentage points" is another fact. */
	int sev = share_rounded(s, t) ? WC_WARNING : (int)r->severity;
	wc_emit(m->fs, WC_CHECK_FACT_MISMATCH, sev, m->tgt, t->start, t->end, m->src,
	        s->start, sv, tv, r->id, "%s: source has '%s' (%s), %s has '%s' (%s)", why, st, sv,
	        m->related ? "related story" : "translation", tt, tv);
	free(st), free(tt), free(sv), free(tv);
	link(s, t, WC_MATCH_DIFFERENT);
}

/* ---- what is left over: changed or dropped ------------------------------------------- */

/* Only a pair this alike is sure enough to call two different values of one
 * kind a mismatch rather than one fact dropped and another added ... */
#define SURE_PAIR 0.45

/* ... or a pair the alignment cannot have placed otherwise: one-to-one
 * between neighbours that pair one-to-one too (or the ends of the texts),
 * as every paragraph of a one-paragraph version is. */
static bool sure_pair(const matcher *m, size_t p)
{
	int tp = m->al->s2t[p];
	if (tp < 0)
		return false;
	if (m->al->score[p] >= SURE_PAIR)
		return true;
	if (tp + 1 < (int)m->tgt->npara && m->al->t2s[tp + 1] == (int)p)
		return false; /* split in two */
	bool before = p == 0 ? tp == 0 : m->al->s2t[p - 1] == tp - 1;
	bool after = p + 1 == m->src->npara ? (size_t)tp + 1 == m->tgt->npara
	                                    : m->al->s2t[p + 1] == tp + 1;
	return before && after;
}

/* What it costs to read s → t as one fact with a changed value, or < 0 when
 * they cannot be one fact.  Same kind is cheaper than kinds that meet; then
 * values close to each other, then the same place in the order of the
 * leftovers. */
static bool is_percent_unit(const char *unit)
{
	return streq(unit, "percent") || streq(unit, "percentage-point");
}

static double kind_cost(const wc_xfact *s, const wc_xfact *t)
{
	/* Two weak facts are mostly no counts ("Otto Ritter", "Three Gorges"),
	 * but two ordinals in words are ("tenth" → "zum elften Mal"), and so
	 * are two of percent ("one percentage point" → "één procent"). */
	bool percents = is_percent_unit(s->unit) && is_percent_unit(t->unit);
	/* ... and so are two currencies of one ("per dollar" → "za euro") */
	bool monies = s->kind == WC_K_MONEY && t->kind == WC_K_MONEY && s->weak && t->weak;
	if (s->weak && t->weak && !(streq(s->unit, "ordinal") && streq(t->unit, "ordinal")) && !percents &&
	    !monies)
		return -1;
	if (s->kind == t->kind) {
		if (!comparable(s, t))
			return -1;
		/* "a year" against "two years": only against a count of that unit */
		if ((s->weak || t->weak) && !streq(s->unit, t->unit) && !percents && !monies)
			return -1;
		return s->weak || t->weak ? 0.5 : 0;
	}
	if (s->weak || t->weak)
		return -1;
	if ((is_plain_number(s) && (t->kind == WC_K_DURATION || t->kind == WC_K_MONEY ||
	                            t->kind == WC_K_MEASURE)) ||
	    (is_plain_number(t) && (s->kind == WC_K_DURATION || s->kind == WC_K_MONEY ||
	                            s->kind == WC_K_MEASURE)))
		return 1;
	/* "the 1980s" against "les années 1981" */
	if ((year_of_number(s) && is_decade_or_year(t)) || (year_of_number(t) && is_decade_or_year(s)))
		return 1;
	return -1;
}

static double value_distance(const wc_xfact *s, const wc_xfact *t)
{
	if (s->kind == WC_K_DATE || t->kind == WC_K_DATE || s->kind == WC_K_TIME || s->kind == WC_K_CODE)
		return 0.5;
	double a = atof(s->value), b = atof(t->value);
	/* a measure against a bare number: the number as written ("15 km" → "16") */
	if ((s->kind == WC_K_MEASURE) != (t->kind == WC_K_MEASURE)) {
		a = s->kind == WC_K_MEASURE ? s->written : a;
		b = t->kind == WC_K_MEASURE ? t->written : b;
	}
	double big = a > b ? a : b, small = a > b ? b : a;
	return big <= 0 ? 0.5 : 1 - small / big;
}

typedef struct {
	wc_xfact *s, *t;
	double cost;
} leftover_pair;

static int by_cost(const void *x, const void *y)
{
	const leftover_pair *a = x, *b = y;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	return a->s->start != b->s->start ? (a->s->start < b->s->start ? -1 : 1)
	                                  : (a->t->start < b->t->start ? -1 : a->t->start > b->t->start);
}

/* The leftovers of one side's paragraph (and the paragraph after it when the
 * other side split it in two), in text order. */
static size_t leftovers(wc_doc *d, const para_index *ix, size_t para, wc_xfact **out, size_t max)
{
	size_t n = 0;
	for (size_t j = ix->first[para]; j < ix->first[para + 1]; j++) {
		wc_xfact *f = &d->facts[j];
		if (f->matched || is_entity(f))
			continue;
		if (n == max)
			return SIZE_MAX;
		out[n++] = f;
	}
	return n;
}

/* A paragraph with more leftovers than this on one side is not paired: the
 * assignment would guess, and cost the square of it. */
#define MAX_LEFTOVERS 24

/* In a surely aligned paragraph pair, the leftovers of the two sides are
 * paired by an assignment of least cost (greedy over the pairs sorted by
 * cost), and each pair is a mismatch. */
static void assign_leftovers(matcher *m, size_t p)
{
	wc_xfact *S[MAX_LEFTOVERS], *T[MAX_LEFTOVERS];
	size_t ns = leftovers(m->src, &m->sp, p, S, MAX_LEFTOVERS);
	size_t nt = leftovers(m->tgt, &m->tp, (size_t)m->al->s2t[p], T, MAX_LEFTOVERS);
	if (ns == SIZE_MAX || nt == SIZE_MAX || !ns || !nt)
		return;
	leftover_pair v[MAX_LEFTOVERS * MAX_LEFTOVERS];
	size_t n = 0;
	for (size_t i = 0; i < ns; i++)
		for (size_t j = 0; j < nt; j++) {
			double k = kind_cost(S[i], T[j]);
			if (k < 0)
				continue;
			double order = (double)i / (double)ns - (double)j / (double)nt;
			v[n++] = (leftover_pair){S[i], T[j],
			                         k + value_distance(S[i], T[j]) + (order < 0 ? -order : order)};
		}
	if (n)
		qsort(v, n, sizeof *v, by_cost);
	for (size_t k = 0; k < n; k++)
		if (!v[k].s->matched && !v[k].t->matched)
			report_mismatch(m, v[k].s, v[k].t, "value differs");
}

/* In a pair the alignment is less sure of, only one leftover on each side,
 * of one kind or of kinds that meet (14 → "15 ans"), and nothing else left
 * over, says which fact changed. */
static void pair_lone_leftovers(matcher *m, size_t p)
{
	wc_xfact *S[2], *T[2];
	size_t ns = leftovers(m->src, &m->sp, p, S, 2);
	size_t nt = leftovers(m->tgt, &m->tp, (size_t)m->al->s2t[p], T, 2);
	if (ns == 1 && nt == 1 && kind_cost(S[0], T[0]) >= 0)
		report_mismatch(m, S[0], T[0], "value differs");
}

static void mismatch_in_aligned(matcher *m)
{
	for (size_t p = 0; p < m->src->npara; p++) {
		if (sure_pair(m, p))
			assign_leftovers(m, p);
		else if (m->al->s2t[p] >= 0)
			pair_lone_leftovers(m, p);
	}
}

/* A keyed fact (employees, fine ...) is the same fact wherever it stands. */
static void mismatch_keyed(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (s->rule->generic || is_entity(s))
			continue;
		for (size_t j = 0; j < m->tgt->nfacts && !s->matched; j++) {
			wc_xfact *t = &m->tgt->facts[j];
			if (t->rule != s->rule || is_entity(t))
				continue;
			if (!same_value(s, t) && !t->matched)
				report_mismatch(m, s, t, s->rule->description ? s->rule->description : s->rule->id);
		}
	}
}

static void report_leftovers(matcher *m)
{
	for (size_t i = 0; i < m->src->nfacts; i++) {
		wc_xfact *s = &m->src->facts[i];
		if (s->matched || is_entity(s) || s->weak)
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
		if (t->matched || is_entity(t) || t->weak)
			continue;
		char *tt = describe(m->tgt, t), *tv = value_text(t);
		wc_emit(m->fs, WC_CHECK_FACT_EXTRA, -1, m->tgt, t->start, t->end, NULL, 0, NULL, tv,
		        t->rule->id, "%s '%s' (%s) has no counterpart in the source",
		        wc_kind_name(t->kind), tt, tv);
		free(tt), free(tv);
	}
}

/* ---- entities ------------------------------------------------------------------------ */

/* Place names of a doc, once each (the first occurrence), sorted by concept. */
typedef struct {
	const wc_xfact **v;
	size_t n;
} concept_set;

static int by_concept(const void *a, const void *b)
{
	const wc_xfact *x = *(const wc_xfact *const *)a, *y = *(const wc_xfact *const *)b;
	int c = strcmp(x->value, y->value);
	return c ? c : (x->start < y->start ? -1 : x->start > y->start);
}

static concept_set concepts_of(const wc_doc *d)
{
	concept_set cs = {wc_xcalloc(d->nfacts + 1, sizeof *cs.v), 0};
	for (size_t j = 0; j < d->nfacts; j++)
		if (d->facts[j].kind == WC_K_ENTITY)
			cs.v[cs.n++] = &d->facts[j];
	if (cs.n)
		qsort(cs.v, cs.n, sizeof *cs.v, by_concept);
	size_t w = 0;
	for (size_t i = 0; i < cs.n; i++)
		if (!w || strcmp(cs.v[w - 1]->value, cs.v[i]->value) != 0)
			cs.v[w++] = cs.v[i];
	cs.n = w;
	return cs;
}

static bool has_concept(const concept_set *cs, const char *concept)
{
	size_t lo = 0, hi = cs->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(cs->v[mid]->value, concept);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- entities written in other forms ------------------------------------------------- */

/* Whether text[at] starts a word: no letter or digit just before it. */
static bool starts_word(const char *t, size_t at)
{
	if (!at)
		return true;
	size_t prev;
	int32_t c = wc_utf8_prev(t, at, &prev);
	return !wc_is_letter(c) && !wc_is_digit(c);
}

/* Whether the doc has a word that begins with form[0..n) (its first letter in
 * either case): "Washingtoner", "US-Präsident", "Paryża" carry the place,
 * "presidente" the title.  A form under four bytes must end its word or meet
 * a hyphen or a capital, so that "EU" does not stand in "Europe". */
/* ASCII letters in either case ("Prime minister", "Prime Minister"), the rest
 * byte for byte. */
static bool same_letters(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x != y && !(x < 0x80 && wc_is_letter(x) && (x ^ 32) == y))
			return false;
	}
	return true;
}

typedef struct {
	const char *text;
	size_t len;
} text_view;

static bool word_starts_at(const text_view *d, size_t at, const char *form, size_t n)
{
	if (!same_letters(d->text + at + 1, form + 1, n - 1) || !starts_word(d->text, at))
		return false;
	if (n >= 4 || at + n == d->len)
		return true;
	size_t k = at + n;
	int32_t c = wc_utf8_next(d->text, d->len, &k);
	return !wc_is_letter(c) || c == '-' || wc_is_upper(c);
}

static bool has_word_starting(const text_view *d, const char *form, size_t n)
{
	if (n == 0 || n > d->len)
		return false;
	char first[2] = {form[0], form[0]};
	if (wc_is_letter((unsigned char)form[0]) && (unsigned char)form[0] < 0x80)
		first[1] = (char)(form[0] ^ 32); /* the other case */
	for (int v = 0; v < (first[1] != first[0] ? 2 : 1); v++) {
		const char *end = d->text + d->len - n + 1;
		for (const char *p = d->text; p < end && (p = memchr(p, first[v], (size_t)(end - p)));
		     p++)
			if (word_starts_at(d, (size_t)(p - d->text), form, n))
				return true;
	}
	return false;
}

/* The form, or the form less its last letter when it is long enough to
 * inflect ("Paryż" → "Paryża"), or less two where it is longer still and
 * its last consonant may change in inflection (fi "Helsinki" →
 * "Helsingissä"), begins a word of the doc. */
static bool has_stem(const text_view *d, const char *form, size_t n)
{
	if (has_word_starting(d, form, n))
		return true;
	if (n < 5)
		return false;
	size_t last, before;
	wc_utf8_prev(form, n, &last);
	if (has_word_starting(d, form, last))
		return true;
	if (n < 8)
		return false;
	wc_utf8_prev(form, last, &before);
	return has_word_starting(d, form, before);
}

/* The source wrote s; without a genitive ending ("Japan's" → "Japan"). */
static size_t surface_length(const char *t, size_t n)
{
	static const char *const endings[] = {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"};
	for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
		size_t k = strlen(endings[i]);
		if (n > k && memcmp(t + n - k, endings[i], k) == 0)
			return n - k;
	}
	return n;
}

static text_view view_of(const wc_doc *d)
{
	return (text_view){d->text, d->len};
}

static bool has_folded_stem(const text_view *folded, const char *form, size_t n)
{
	char *f = wc_fold_marks(form, n);
	bool yes = has_stem(folded, f, strlen(f));
	free(f);
	return yes;
}

/* The translation writes an adjective of the place that the termbase lists
 * ("norcoreano" for North Korea): a word begins with one, accents aside. */
static bool adjective_carried(const matcher *m, const wc_xfact *s, const text_view *folded)
{
	const wc_concept *k = wc_ruleset_concept(m->rs, s->value);
	const char *lang = m->tgt->loc->lang;
	for (size_t i = 0; k && lang && i < k->adjectives.n; i++) {
		if (strcmp(k->adjective_langs.v[i], lang) != 0)
			continue;
		char *f = wc_fold_marks(k->adjectives.v[i], strlen(k->adjectives.v[i]));
		bool yes = has_word_starting(folded, f, strlen(f));
		free(f);
		if (yes)
			return true;
	}
	return false;
}

/* A place the translation names in another form than the termbase lists:
 * in a compound or an adjective that begins with a form of it, inflected, or
 * as the source wrote it (inside an untranslated name: "Brussels Airlines");
 * last, with accents and case set aside ("japonés" begins with "Japón"). */
static bool place_carried_loosely(matcher *m, const wc_xfact *s)
{
	text_view tv = view_of(m->tgt);
	const char *surface = m->src->text + s->start;
	size_t n = surface_length(surface, s->end - s->start);
	if (has_stem(&tv, surface, n))
		return true;
	const wc_lexicon *lx = &m->tgt->loc->names;
	for (size_t i = 0; i < lx->n; i++)
		if (strcmp(lx->items[i].canon, s->value) == 0 &&
		    has_stem(&tv, lx->items[i].form, strlen(lx->items[i].form)))
			return true;
	if (!m->tgt_folded)
		m->tgt_folded = wc_fold_marks(m->tgt->text, m->tgt->len);
	text_view folded = {m->tgt_folded, strlen(m->tgt_folded)};
	if (has_folded_stem(&folded, surface, n))
		return true;
	for (size_t i = 0; i < lx->n; i++)
		if (strcmp(lx->items[i].canon, s->value) == 0 &&
		    has_folded_stem(&folded, lx->items[i].form, strlen(lx->items[i].form)))
			return true;
	return adjective_carried(m, s, &folded);
}

/* A title the translation gives in apposition or with words between title
 * and name ("Lee Hsien Loong, dem Premierminister Singapurs", "el presidente
 * anfitrión, Ollanta Humala"), which the title patterns do not read: the
 * person's surname and a compatible title both stand in the translation. */
static bool title_given_loosely(const matcher *m, const wc_xfact *s)
{
	const char *name = s->unit ? s->unit : "";
	const char *last = strrchr(name, ' ');
	last = last ? last + 1 : name;
	text_view tv = view_of(m->tgt);
	if (!has_stem(&tv, last, strlen(last)))
		return false;
	const wc_lexicon *lx = &m->tgt->loc->titles;
	for (size_t i = 0; i < lx->n; i++)
		if (wc_concepts_compatible(m->rs, s->value, lx->items[i].canon) &&
		    has_word_starting(&tv, lx->items[i].form, strlen(lx->items[i].form)))
			return true;
	return false;
}

/* Whether only spaces and a genitive ending stand in t[s..e): "Spain's
 * King", "US President". */
static bool genitive_gap(const char *t, size_t s, size_t e)
{
	if (e < s || e - s > 5)
		return false;
	for (size_t i = s; i < e; i++)
		if (t[i] != ' ' && t[i] != '\'' && t[i] != 's' && (unsigned char)t[i] < 0x80)
			return false;
	return true;
}

/* Whether the place p stands as a title's country: right before the title
 * ("US President Joe Biden", "Spain's King Felipe VI") or between title and
 * name ("prezydenta USA Donalda Trumpa").  A translation may leave it to
 * the title ("el rey Felipe VI"). */
static bool titles_country(const wc_doc *d, const wc_xfact *p)
{
	/* facts are in the order of the text: the title is a neighbour */
	enum { NEAR = 4 };
	size_t k = (size_t)(p - d->facts);
	for (size_t i = k > NEAR ? k - NEAR : 0; i < d->nfacts && i <= k + NEAR; i++) {
		const wc_xfact *t = &d->facts[i];
		if (t->kind == WC_K_TITLE && t->para == p->para &&
		    ((p->start >= t->start && p->end <= t->end) || genitive_gap(d->text, p->end, t->start)))
			return true;
	}
	return false;
}

/* Whether the place p is written with a genitive ending before a word in
 * lower case: "Sweden's central bank", "Norway's oil fund". */
static bool genitive_before_noun(const wc_doc *d, const wc_xfact *p)
{
	const char *t = d->text;
	size_t e = p->end, pe = d->paras[p->para].end;
	/* "'s" or "’s", not the bare apostrophe surface_length also cuts */
	if (t[e - 1] != 's' || surface_length(t + p->start, e - p->start) == e - p->start || e + 1 >= pe ||
	    t[e] != ' ')
		return false;
	size_t at = e + 1;
	return wc_is_lower(wc_utf8_next(t, pe, &at));
}

/* Whether every mention of the concept in d is a title's country, or a
 * country of the translation's own language before a noun it qualifies
 * ("Sweden's central bank" → "Riksbanken": locale key home_places). */
static bool only_qualifier(const wc_doc *d, const char *concept, const wc_locale *to)
{
	bool home = wc_strlist_has_fold(&to->home_places, concept, strlen(concept));
	for (size_t i = 0; i < d->nfacts; i++) {
		const wc_xfact *f = &d->facts[i];
		if (is_entity(f) && f->kind != WC_K_TITLE && streq(f->value, concept) && !titles_country(d, f) &&
		    !(home && genitive_before_noun(d, f)))
			return false;
	}
	return true;
}

static void match_names(matcher *m)
{
	concept_set src = concepts_of(m->src), tgt = concepts_of(m->tgt);
	for (size_t i = 0; i < src.n; i++) {
		const wc_xfact *s = src.v[i];
		if (has_concept(&tgt, s->value) || place_carried_loosely(m, s))
			continue;
		char *st = describe(m->src, s);
		size_t at = target_offset(m, s->para);
		if (only_qualifier(m->src, s->value, m->tgt->loc))
			wc_emit(m->fs, WC_CHECK_FACT_MISSING, WC_INFO, m->tgt, at, at, m->src, s->start, s->value, NULL,
			        s->rule->id, "the source names '%s' (%s) only to qualify a title or a noun; the "
			        "translation does not", st, s->value);
		else
			wc_emit(m->fs, WC_CHECK_FACT_MISSING, -1, m->tgt, at, at, m->src, s->start, s->value, NULL,
			        s->rule->id, "the source names '%s' (%s); the translation never does", st, s->value);
		free(st);
	}
	for (size_t j = 0; j < tgt.n; j++) {
		const wc_xfact *t = tgt.v[j];
		if (has_concept(&src, t->value))
			continue;
		char *tt = describe(m->tgt, t);
		wc_emit(m->fs, WC_CHECK_FACT_EXTRA, -1, m->tgt, t->start, t->end, NULL, 0, NULL, t->value,
		        t->rule->id, "the translation names '%s' (%s); the source does not", tt, t->value);
		free(tt);
	}
	free(src.v);
	free(tgt.v);
}

static uint64_t word_key(const char *w, size_t n)
{
	return wc_hash_bytes(w, n);
}

/* Calls fn(ctx, key) for every stem of every word of a name key ("xi
 * jinping"): the word, and the word less each ending of the two languages'
 * genitive: and name_endings: lists that leaves three bytes or more.  Two
 * words are one spelling of a name word exactly when their stems meet (as
 * wc_names_compatible reads them), so people are found by their stems. */
static void each_word_key(const people *P, const char *name, void (*fn)(void *, uint64_t),
                          void *ctx)
{
	for (const char *p = name ? name : ""; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t n = (size_t)(e - p);
		if (n)
			fn(ctx, word_key(p, n));
		for (size_t l = 0; n && l < 4; l++) {
			const wc_strlist *ends = P->ends[l];
			for (size_t i = 0; ends && i < ends->n; i++) {
				size_t k = strlen(ends->v[i]);
				if (n >= k + 3 && memcmp(e - k, ends->v[i], k) == 0)
					fn(ctx, word_key(p, n - k));
			}
		}
		p = e;
	}
}

typedef struct {
	people *P;
	size_t person;
} key_add;

static void add_key_of(void *ctx, uint64_t key)
{
	key_add *a = ctx;
	people *P = a->P;
	people_key *k = WC_PUSH(P->e, P->ne, P->ecap);
	size_t h = (size_t)(key * 0x9E3779B97F4A7C15ull >> 17) & P->hmask;
	*k = (people_key){a->person, P->head[h], key};
	P->head[h] = P->ne;
}

/* The people sharing a name word with `name`, each once, in no order. */
typedef struct {
	people *P;
	size_t *v;
	size_t n, cap;
} candidates;

static void collect_key(void *ctx, uint64_t key)
{
	candidates *c = ctx;
	people *P = c->P;
	size_t h = (size_t)(key * 0x9E3779B97F4A7C15ull >> 17) & P->hmask;
	for (size_t e = P->head[h]; e; e = P->e[e - 1].next) {
		const people_key *k = &P->e[e - 1];
		if (k->key != key || P->seen[k->person] == P->lookup)
			continue;
		P->seen[k->person] = P->lookup;
		*WC_PUSH(c->v, c->n, c->cap) = k->person;
	}
}

static void candidates_of(people *P, const char *name, candidates *c)
{
	c->P = P;
	c->n = 0;
	if (++P->lookup == 0) { /* wrapped: forget every visit */
		memset(P->seen, 0, (P->n + 1) * sizeof *P->seen);
		P->lookup = 1;
	}
	each_word_key(P, name, collect_key, c);
}

/* The people a doc names with a title: one entry per person and title, the
 * first fact that names them so ("Xi" and "Xi Jinping" are one person).
 * other is the language of the doc they will be compared with. */
static void people_of(const wc_doc *d, const wc_locale *other, people *P)
{
	size_t titles = 0;
	for (size_t j = 0; j < d->nfacts; j++)
		titles += d->facts[j].kind == WC_K_TITLE;
	size_t hcap = 16;
	while (hcap < 8 * titles)
		hcap *= 2;
	*P = (people){0};
	P->ends[0] = d->loc ? &d->loc->genitive : NULL;
	P->ends[1] = d->loc ? &d->loc->name_endings : NULL;
	P->ends[2] = other ? &other->genitive : NULL;
	P->ends[3] = other ? &other->name_endings : NULL;
	P->head = wc_xcalloc(hcap, sizeof *P->head);
	P->hmask = hcap - 1;
	P->seen = wc_xcalloc(titles + 1, sizeof *P->seen);
	candidates c = {0};
	for (size_t j = 0; j < d->nfacts; j++) {
		const wc_xfact *f = &d->facts[j];
		if (f->kind != WC_K_TITLE)
			continue;
		bool known = false;
		candidates_of(P, f->name, &c);
		for (size_t k = 0; k < c.n && !known; k++)
			known = strcmp(P->v[c.v[k]].f->value, f->value) == 0 &&
			        wc_names_compatible(d->loc, P->v[c.v[k]].f->name, d->loc, f->name);
		if (known)
			continue;
		WC_PUSH(P->v, P->n, P->cap)->f = f;
		key_add a = {P, P->n - 1};
		each_word_key(P, f->name, add_key_of, &a);
	}
	free(c.v);
}

static void people_free(people *P)
{
	free(P->v);
	free(P->e);
	free(P->head);
	free(P->seen);
}

/* Whether a doc (its people) gives the person of title fact f a title
 * compatible with f's, and whether it names the person with a title at all;
 * *other is the first person so named with another title. */
static void person_in(const matcher *m, people *P, const wc_xfact *f, bool *named,
                      bool *same_title, const wc_xfact **other)
{
	*named = *same_title = false;
	*other = NULL;
	candidates c = {0};
	candidates_of(P, f->name, &c);
	size_t first_other = SIZE_MAX;
	for (size_t k = 0; k < c.n; k++) {
		const wc_xfact *t = P->v[c.v[k]].f;
		if (!wc_names_compatible(m->src->loc, f->name, m->tgt->loc, t->name))
			continue;
		*named = true;
		if (wc_concepts_compatible(m->rs, f->value, t->value))
			*same_title = true;
		else if (c.v[k] < first_other)
			first_other = c.v[k];
	}
	if (first_other != SIZE_MAX)
		*other = P->v[first_other].f;
	free(c.v);
}

static void match_titles(matcher *m)
{
	for (size_t i = 0; i < m->src_people.n; i++) {
		wc_xfact *s = (wc_xfact *)m->src_people.v[i].f;
		bool named, same;
		const wc_xfact *other;
		person_in(m, &m->tgt_people, s, &named, &same, &other);
		if (same)
			continue;
		if (named && other) {
			/* Only a contradiction if the source never gives the person
			 * the translation's title either (people hold several). */
			bool src_named, src_same;
			const wc_xfact *src_other;
			person_in(m, &m->src_people, other, &src_named, &src_same, &src_other);
			if (!src_same)
				report_mismatch(m, s, (wc_xfact *)other, "title differs");
		} else if (!m->related && !title_given_loosely(m, s)) {
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
	concept_set src = concepts_of(m->src);
	for (size_t j = 0; j < m->tgt->nfacts; j++) {
		wc_xfact *t = &m->tgt->facts[j];
		if (t->matched == WC_MATCH_DIFFERENT)
			continue;
		if (t->kind == WC_K_ENTITY) {
			t->matched = has_concept(&src, t->value) ? WC_MATCH_EQUAL : WC_MATCH_NONE;
		} else if (t->kind == WC_K_TITLE) {
			bool named, same;
			const wc_xfact *other;
			person_in(m, &m->src_people, t, &named, &same, &other);
			t->matched = same ? WC_MATCH_EQUAL : WC_MATCH_NONE;
		}
	}
	free(src.v);
}

void wc_match_facts(const wc_ruleset *rs, wc_doc *src, wc_doc *tgt, const wc_alignment *al,
                    wc_findings *fs)
{
	matcher m = {.rs = rs, .src = src, .tgt = tgt, .al = al, .fs = fs,
	             .related = tgt->role == WC_ROLE_RELATED};
	for (size_t i = 0; i < src->nfacts; i++)
		src->facts[i].matched = 0;
	for (size_t j = 0; j < tgt->nfacts; j++)
		tgt->facts[j].matched = 0;
	index_paragraphs(src, &m.sp);
	index_paragraphs(tgt, &m.tp);
	find_wanted(&m);
	index_values(&m);
	people_of(src, tgt->loc, &m.src_people);
	people_of(tgt, src->loc, &m.tgt_people);
	/* Every way a fact can be carried within its aligned paragraph comes
	 * before an equal value anywhere: "14 years" changed to "15 ans" must not
	 * take the "14 ans" that carries "at 14" three paragraphs on. */
	match_equal_in_aligned(&m);
	match_dates_in_aligned(&m);
	match_kinds_that_meet(&m);
	match_equal_anywhere(&m);
	mismatch_keyed(&m);
	match_titles(&m);
	if (!m.related) {
		mismatch_in_aligned(&m);
		match_covered(&m);
		report_leftovers(&m);
		match_names(&m);
		wc_match_people(src, tgt, al, fs);
	}
	mark_entities(&m);
	free(m.sp.first);
	free(m.tp.first);
	free(m.want);
	free(m.by_value);
	free(m.skip_up);
	free(m.skip_down);
	free(m.tgt_folded);
	people_free(&m.src_people);
	people_free(&m.tgt_people);
}
