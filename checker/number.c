/*
 * number.c — stage 3 helper: reads numbers as each language writes them and
 * turns them into exact decimal strings ("1,2 milliarder" → "1200000000",
 * "80, 000" → "80000", "femogtyve" → "25").  Exact decimal arithmetic on
 * digit strings: no floating point, no overflow, whatever the length.
 */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* value = digits × 10^exp */
typedef struct {
	wc_buf digits;
	long exp;
} decimal;

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return k && k <= n && memcmp(s, prefix, k) == 0;
}

/* Length of a separator at s (locale group, group_also, ASCII ". , '"). */
static size_t separator_len(const char *s, size_t n)
{
	if (n && (*s == '.' || *s == ',' || *s == ' ' || *s == '\''))
		return 1;
	/* U+00A0, U+202F, U+2009, U+2019 in UTF-8 */
	static const char *const wide[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x99"};
	for (size_t i = 0; i < 4; i++)
		if (starts_with(s, n, wide[i]))
			return strlen(wide[i]);
	return 0;
}

typedef struct {
	size_t start[64], len[64];  /* digit runs */
	size_t nruns;
	char sep[64][5];            /* separator before run i (i ≥ 1) */
} digit_runs;

static bool split_runs(const char *s, size_t n, digit_runs *r)
{
	size_t i = 0;
	r->nruns = 0;
	while (i < n) {
		if (r->nruns == 64)
			return false;
		size_t st = i;
		while (i < n && is_ascii_digit(s[i]))
			i++;
		if (i == st)
			return false;
		r->start[r->nruns] = st;
		r->len[r->nruns] = i - st;
		r->nruns++;
		if (i == n)
			break;
		if (r->nruns == 64)
			return false; /* more groups than any number has */
		size_t k = separator_len(s + i, n - i);
		/* ", " is one (garbled) separator */
		if (k == 1 && s[i] == ',' && i + 1 < n && s[i + 1] == ' ')
			k = 2;
		else if (k == 1 && s[i] == ',' && starts_with(s + i + 1, n - i - 1, "\xC2\xA0"))
			k = 3;
		if (!k || i + k >= n || k > 4)
			return false;
		memcpy(r->sep[r->nruns], s + i, k);
		r->sep[r->nruns][k] = '\0';
		i += k;
	}
	return r->nruns > 0;
}

static bool is_locale_group(const wc_locale *loc, const char *sep)
{
	if (loc->group && strcmp(sep, loc->group) == 0)
		return true;
	for (size_t i = 0; i < loc->group_also.n; i++)
		if (strcmp(sep, loc->group_also.v[i]) == 0)
			return true;
	return false;
}

static bool all_groups_of_three(const digit_runs *r, size_t upto)
{
	if (r->len[0] > 3)
		return false;
	for (size_t i = 1; i < upto; i++)
		if (r->len[i] != 3)
			return false;
	return true;
}

static bool same_separators(const digit_runs *r, size_t upto)
{
	for (size_t i = 2; i < upto; i++)
		if (strcmp(r->sep[i], r->sep[1]) != 0)
			return false;
	return true;
}

static void append_runs(decimal *d, const char *s, const digit_runs *r, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		wc_buf_add(&d->digits, s + r->start[i], r->len[i]);
}

/* Reads a digit string with separators.  Sets *garbled for "80, 000" and for
 * groupings foreign to the locale ("80,000" in Danish). */
static bool parse_digits(const wc_locale *loc, const char *s, size_t n, bool has_scale,
                         decimal *d, bool *garbled)
{
	digit_runs r;
	if (!split_runs(s, n, &r))
		return false;
	const char *dec = loc->decimal ? loc->decimal : ".";
	size_t last = r.nruns - 1;
	if (r.nruns == 1) {
		append_runs(d, s, &r, 0, 1);
		return true;
	}
	/* A final run after the decimal separator is a fraction, unless it is a
	 * three-digit group of a foreign grouping (handled below). */
	bool last_is_decimal = strcmp(r.sep[last], dec) == 0;
	if (strcmp(r.sep[1], ", ") == 0 || strcmp(r.sep[1], ",\xC2\xA0") == 0) {
		if (!all_groups_of_three(&r, r.nruns) || !same_separators(&r, r.nruns))
			return false;
		*garbled = true;
		append_runs(d, s, &r, 0, r.nruns);
		return true;
	}
	size_t int_runs = last_is_decimal ? last : r.nruns;
	if (int_runs > 1 && all_groups_of_three(&r, int_runs) && same_separators(&r, int_runs) &&
	    is_locale_group(loc, r.sep[1])) {
		append_runs(d, s, &r, 0, int_runs);
		if (last_is_decimal) {
			wc_buf_add(&d->digits, s + r.start[last], r.len[last]);
			d->exp = -(long)r.len[last];
		}
		return true;
	}
	if (r.nruns == 2 && last_is_decimal) {
		/* "80,000" in a comma-decimal language is far more often English
		 * grouping than eighty with three decimals; a scale word ("1,500
		 * milliarder") keeps it a decimal. */
		if (!has_scale && r.len[0] <= 3 && r.len[1] == 3 && s[r.start[0]] != '0' &&
		    strcmp(dec, ",") == 0) {
			*garbled = true;
			append_runs(d, s, &r, 0, 2);
			return true;
		}
		append_runs(d, s, &r, 0, 2);
		d->exp = -(long)r.len[1];
		return true;
	}
	if (all_groups_of_three(&r, r.nruns) && same_separators(&r, r.nruns)) {
		*garbled = true; /* a grouping this language does not use */
		append_runs(d, s, &r, 0, r.nruns);
		return true;
	}
	return false;
}

/* ---- number words ----------------------------------------------------------------- */

/* One word being split into number morphemes and joiners.  fail_at[pos] is
 * 1 + the fewest values held when the rest of the word from pos was found not
 * to split (0: not tried): holding more values leaves less room in vals, so it
 * fails then too.  Without this memo "neunzehnneunzehn…" (neun|zehn or
 * neunzehn, 33 times) is tried 2^33 ways. */
typedef struct {
	wc_locale *loc;
	const char *w;
	size_t n;
	size_t lim;              /* the longest morpheme or joiner a lookup may match */
	int64_t *vals;
	size_t *nvals;
	unsigned char *fail_at;
} segmenter;

static bool segment_from(segmenter *g, size_t pos)
{
	if (pos == g->n)
		return true;
	size_t held = *g->nvals, rest = g->n - pos;
	/* At pos 0 no joiner may come first, so fewer values do not mean more
	 * chances there; pos 0 is tried once anyway. */
	if (pos && g->fail_at[pos] && held + 1 >= g->fail_at[pos])
		return false;
	for (size_t k = rest < g->lim ? rest : g->lim; k > 0; k--) {
		const char *w = g->w + pos;
		const wc_lex_item *it = wc_lex_find(&g->loc->number_words, w, k);
		if (it && *g->nvals < 32) {
			/* multipliers ("dozen") are stored negative, see parse_words */
			g->vals[(*g->nvals)++] = it->canon[0] == '*' ? -it->num : it->num;
			if (segment_from(g, pos + k))
				return true;
			(*g->nvals)--;
		}
		if (*g->nvals > 0 && k < rest && wc_lex_find(&g->loc->joiners, w, k) &&
		    segment_from(g, pos + k))
			return true;
	}
	if (!g->fail_at[pos] || held + 1 < g->fail_at[pos])
		g->fail_at[pos] = (unsigned char)(held + 1);
	return false;
}

/* Splits one word into number morphemes and joiners ("femogtyve" = fem og
 * tyve) and adds its values; false if the word is not all number.  Longest
 * morpheme first, as the first split found is the one taken. */
static bool segment_word(wc_locale *loc, const char *w, size_t n, int64_t *vals, size_t *nvals)
{
	if (n == 0)
		return true;
	/* Case folding may shrink a form (the Kelvin sign folds to "k"), hence
	 * the slack on the longest form.  32 values, a joiner between each: a
	 * longer word is no number, and the recursion stays shallow. */
	size_t longest = loc->number_words.maxlen > loc->joiners.maxlen ? loc->number_words.maxlen
	                                                                  : loc->joiners.maxlen;
	if (!longest || n > 2 * 33 * longest)
		return false;
	unsigned char small[256];
	unsigned char *memo = n < sizeof small ? small : wc_xmalloc(n + 1);
	memset(memo, 0, n + 1);
	segmenter g = {loc, w, n, 4 * longest, vals, nvals, memo};
	bool ok = segment_from(&g, 0);
	if (memo != small)
		free(memo);
	return ok;
}

/* "and" in "one hundred and five": joiner forms carry their spaces. */
static bool is_joiner_word(const wc_locale *loc, const char *w, size_t n)
{
	for (size_t i = 0; i < loc->joiners.n; i++) {
		const char *k = loc->joiners.items[i].key;
		while (*k == ' ')
			k++;
		size_t kl = strlen(k);
		while (kl && k[kl - 1] == ' ')
			kl--;
		if (kl == n && strncasecmp(k, w, n) == 0)
			return true;
	}
	return false;
}

static bool is_separator(char c)
{
	return c == ' ' || c == '-';
}

/* End of the token starting at i. */
static size_t token_end(const char *s, size_t n, size_t i)
{
	while (i < n && !is_separator(s[i]))
		i++;
	return i;
}

/* A number word written as several tokens ("quatre-vingt-dix", "mil
 * millones"): the longest run of up to four tokens from st that is one form.
 * Returns its end, or 0. */
static size_t multi_token_form(wc_locale *loc, const char *s, size_t n, size_t st, int64_t *v)
{
	size_t ends[4], k = 0, i = st;
	while (k < 4 && i < n) {
		i = token_end(s, n, i);
		ends[k++] = i;
		if (i < n && is_separator(s[i]))
			i++;
	}
	for (size_t t = k; t >= 2; t--) {
		const wc_lex_item *it = wc_lex_find(&loc->number_words, s + st, ends[t - 1] - st);
		if (it && it->canon[0] != '*') {
			*v = it->num;
			return ends[t - 1];
		}
	}
	return 0;
}

/* Whether number word v may follow last in one number: after a hundred
 * anything below it, after tens a unit ("twenty-five", French "soixante et
 * onze" below twenty), a unit before tens in the languages that say so
 * ("femogtyve", "fünfundzwanzig").  "otte-fem" or "to tre" are two numbers
 * (a range, a list), not their sum. */
static bool adds_to(int64_t last, int64_t v)
{
	/* "hundred", and the hundreds of one word: es "doscientos", pl "dwieście" */
	if (last >= 100 && last < 1000 && last % 100 == 0)
		return v < 100;
	if (last >= 20 && last < 100 && last % 10 == 0)
		return v < 20;
	/* French "dix-sept", "dix-huit", "dix-neuf" (and "soixante-dix-sept") */
	if (last == 10)
		return v >= 7 && v <= 9;
	if (last > 0 && last < 10)
		return v >= 20 && v < 100 && v % 10 == 0;
	return false;
}

/* Adds up the values of one number in words ("two hundred and five
 * thousand").  Checked arithmetic: "hundred hundred hundred ..." grows past
 * 2^63, and a value beyond that range is no fact (false), not a wrapped one. */
bool wc_compose_number_words(const int64_t *vals, size_t nvals, int64_t *out)
{
	int64_t total = 0, cur = 0, last = 0;
	for (size_t k = 0; k < nvals; k++) {
		int64_t v = vals[k];
		if (v < 0) {
			/* "two dozen"; a multiplier alone is none: "Dutzende", "des
			 * douzaines" are vague, and "a dozen" is a form of its own */
			if (!cur || v == INT64_MIN || __builtin_mul_overflow(cur, -v, &cur))
				return false;
			last = -1;
		} else if (v == 100) {
			if (__builtin_mul_overflow(cur ? cur : 1, 100, &cur))
				return false;
			last = 100;
		} else if (v >= 1000) {
			int64_t part;
			if (__builtin_mul_overflow(cur ? cur : 1, v, &part) ||
			    __builtin_add_overflow(total, part, &total))
				return false;
			cur = last = 0;
		} else {
			if (cur && !adds_to(last, v))
				return false;
			if (__builtin_add_overflow(cur, v, &cur))
				return false;
			last = v;
		}
	}
	return !__builtin_add_overflow(total, cur, out);
}

/* Fractions in words ("two-thirds", "one and a half", "half a million",
 * "anderthalb"): numbers.fractions gives a denominator, numbers.halves and
 * numbers.mixed the halves (rules_load.c); their number-word values are
 * marks above any count. */
static bool is_fraction_mark(int64_t v)
{
	return v >= WC_FRACTION_MARK;
}

/* value × 1000, rounded: a fraction has at most three decimals. */
static bool fraction_value(const int64_t *vals, size_t nvals, bool joined, bool scaled,
                           int64_t *milli)
{
	int64_t mark = vals[nvals - 1], whole = 0;
	for (size_t k = 0; k + 1 < nvals; k++)
		if (is_fraction_mark(vals[k]))
			return false; /* only the last word may be a fraction */
	if (nvals > 1 && !wc_compose_number_words(vals, nvals - 1, &whole))
		return false;
	if (whole > INT64_MAX / 2000 - 1000)
		return false; /* the arithmetic below stays in range */
	int64_t code = mark - WC_FRACTION_MARK;
	if (code >= WC_FRACTION_UNIT) { /* "a third of": one part */
		if (nvals > 1)
			return false;
		int64_t den = code - WC_FRACTION_UNIT;
		*milli = (2000 + den) / (2 * den);
	} else if (code >= WC_FRACTION_MIXED) { /* "anderthalb", "półtora": n and a half */
		if (nvals > 1)
			return false;
		*milli = (code - WC_FRACTION_MIXED) * 1000 + 500;
	} else if (code == WC_FRACTION_HALF_ADD || (code == WC_FRACTION_HALF && joined)) {
		/* "one and a half", "zweieinhalb"; "half a million" alone */
		if (nvals == 1 && !scaled)
			return false; /* "half of the voters" is no count */
		*milli = whole * 1000 + 500;
	} else if (code == WC_FRACTION_HALF) {
		/* "one half", "un demi" (a half of one); "half a million" */
		if (nvals == 1 && !scaled)
			return false;
		*milli = (nvals > 1 ? whole : 1) * 500;
	} else {
		/* "two-thirds", "deux tiers"; a denominator alone is an ordinal */
		if (nvals == 1 || code < 2)
			return false;
		*milli = (whole * 1000 * 2 + code) / (2 * code);
	}
	return true;
}

static bool parse_words(wc_locale *loc, const char *s, size_t n, decimal *d, bool scaled)
{
	int64_t vals[32];
	size_t nvals = 0, joined_at = SIZE_MAX; /* a joiner stood before vals[joined_at] */
	bool half_only = false;                  /* that joiner allows only a half after it */
	size_t i = 0;
	while (i < n) {
		while (i < n && is_separator(s[i]))
			i++;
		size_t st = i, e;
		int64_t v;
		if (nvals < 32 && (e = multi_token_form(loc, s, n, st, &v))) {
			vals[nvals++] = v;
			i = e;
			continue;
		}
		i = token_end(s, n, st);
		if (i == st)
			break;
		if (segment_word(loc, s + st, i - st, vals, &nvals))
			continue;
		/* A joiner standing alone belongs after hundreds or a thousand
		 * ("one hundred and five") or after tens ("treinta y cinco",
		 * "vingt-et-un"); "two and three" is two numbers. */
		if (!is_joiner_word(loc, s + st, i - st) || nvals == 0)
			return false;
		joined_at = nvals;
		int64_t prev = vals[nvals - 1];
		bool hundreds = prev >= 100 && prev < 1000 && prev % 100 == 0; /* pt "trezentos e doze" */
		if (!hundreds && prev < 1000 && !(prev >= 20 && prev < 100 && prev % 10 == 0))
			half_only = true; /* "one and a half", but "two and three" is two numbers */
	}
	if (!nvals)
		return false;
	if (half_only && !(joined_at == nvals - 1 && vals[nvals - 1] == WC_FRACTION_MARK + WC_FRACTION_HALF))
		return false;
	if (is_fraction_mark(vals[nvals - 1]) ||
	    (nvals > 1 && is_fraction_mark(vals[nvals - 2]))) {
		int64_t milli;
		if (!fraction_value(vals, nvals, joined_at == nvals - 1, scaled, &milli))
			return false;
		char mb[32];
		snprintf(mb, sizeof mb, "%lld", (long long)milli);
		wc_buf_puts(&d->digits, mb);
		d->exp -= 3;
		return true;
	}
	for (size_t k = 0; k < nvals; k++)
		if (is_fraction_mark(vals[k]))
			return false;
	int64_t total = 0;
	if (!wc_compose_number_words(vals, nvals, &total))
		return false;
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)total);
	wc_buf_puts(&d->digits, buf);
	return true;
}

/* ---- scale words and output --------------------------------------------------------- */

/* Finds a scale word at the end of s[0..n); returns its exponent and sets *cut
 * to where the number before it ends. */
static int trailing_scale(wc_locale *loc, const char *s, size_t n, size_t *cut)
{
	/* Longest first ("mil millones" before "millones"); scale words are
	 * short, and looking further back would make long numbers quadratic. */
	for (size_t k = n < 48 ? n : 48; k-- > 0;) {
		size_t st = n - k - 1;
		bool boundary = st == 0 || s[st - 1] == ' ' || is_ascii_digit(s[st - 1]) ||
		                (unsigned char)s[st - 1] == 0xA0;
		if (!boundary)
			continue;
		const wc_lex_item *it = wc_lex_find(&loc->scales, s + st, n - st);
		if (it && st > 0) {
			size_t e = st;
			while (e > 0 && (s[e - 1] == ' ' || (unsigned char)s[e - 1] == 0xA0 ||
			                 (unsigned char)s[e - 1] == 0xC2))
				e--;
			*cut = e;
			return (int)it->num;
		}
	}
	*cut = n;
	return 0;
}

static char *decimal_string(decimal *d)
{
	const char *digs = d->digits.s ? d->digits.s : "0";
	while (*digs == '0' && digs[1])
		digs++;
	size_t nd = strlen(digs);
	long exp = d->exp;
	/* Absurd exponents only come from hostile input; keep them readable. */
	if (exp > 64 || exp < -64 || nd > 4096)
		return wc_xasprintf("%se%ld", digs, exp);
	wc_buf out = {0};
	if (exp >= 0) {
		if (strcmp(digs, "0") == 0)
			return wc_xstrdup("0");
		wc_buf_puts(&out, digs);
		for (long i = 0; i < exp; i++)
			wc_buf_putc(&out, '0');
		return wc_buf_take(&out);
	}
	size_t frac = (size_t)-exp;
	if (nd <= frac) {
		wc_buf_puts(&out, "0.");
		for (size_t i = nd; i < frac; i++)
			wc_buf_putc(&out, '0');
		wc_buf_puts(&out, digs);
	} else {
		wc_buf_add(&out, digs, nd - frac);
		wc_buf_putc(&out, '.');
		wc_buf_puts(&out, digs + nd - frac);
	}
	char *r = wc_buf_take(&out);
	size_t len = strlen(r);
	while (len && r[len - 1] == '0')
		r[--len] = '\0';
	if (len && r[len - 1] == '.')
		r[--len] = '\0';
	return r;
}

/* A half of the scale at the end of s[0..n) ("un million et demi", "two
 * million and a half"): sets *cut to where the number before it ends. */
static bool trailing_half(const wc_locale *loc, const char *s, size_t n, size_t *cut)
{
	if (!loc->half_after.n)
		return false;
	/* the forms are short: look back no further than the longest */
	size_t back = loc->half_after.maxlen + 8;
	for (size_t st = n; st-- > 1 && n - st <= back;)
		if (s[st - 1] == ' ' && wc_lex_find(&loc->half_after, s + st, n - st)) {
			size_t e = st;
			while (e > 0 && s[e - 1] == ' ')
				e--;
			*cut = e;
			return true;
		}
	return false;
}

/* v + half of its unit: of the scale (exp > 0: "un million et demi" =
 * 1.5 × 10^6), else of the largest power of a thousand it is a multiple of
 * ("a million and a half", where "a million" is a number word). */
static char *add_half_unit(char *v, int exp)
{
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end || n <= 0 || n > INT64_MAX / 100) {
		free(v);
		return NULL; /* "1.5 million and a half" is no number */
	}
	long long unit = 1;
	for (int i = 0; i < exp; i++)
		unit *= 10;
	if (exp == 0)
		while (n % (unit * 1000) == 0 && n >= unit * 1000)
			unit *= 1000;
	free(v);
	if (unit == 1)
		return wc_xasprintf("%lld.5", n);
	return wc_xasprintf("%lld", n + unit / 2);
}

static char *parse_number(wc_locale *loc, const char *s, size_t n, bool *garbled, bool *words,
                          bool *scaled, bool unit_follows);

static char *parse_number_with_half(wc_locale *loc, const char *s, size_t n, bool *garbled,
                                    bool *words, bool *scaled, bool unit_follows)
{
	while (n && s[n - 1] == ' ')
		n--;
	size_t cut;
	if (!trailing_half(loc, s, n, &cut))
		return parse_number(loc, s, n, garbled, words, scaled, unit_follows);
	char *v = parse_number(loc, s, cut, garbled, words, scaled, unit_follows);
	if (!v)
		return NULL;
	size_t sc;
	return add_half_unit(v, *scaled ? trailing_scale(loc, s, cut, &sc) : 0);
}

static char *parse_number(wc_locale *loc, const char *s, size_t n, bool *garbled, bool *words,
                          bool *scaled, bool unit_follows)
{
	*garbled = false;
	*words = false;
	while (n && s[n - 1] == ' ')
		n--;
	size_t cut;
	/* Number words that compose on their own come first: "mille cinq cents"
	 * is 1500, not (mille cinq) × cents. */
	if (n && !is_ascii_digit(s[0])) {
		size_t m = n > 1 && s[n - 1] == '.' ? n - 1 : n;
		decimal w = {0};
		if (parse_words(loc, s, m, &w, unit_follows)) {
			*words = true;
			*scaled = false;
			char *r = decimal_string(&w);
			wc_buf_free(&w.digits);
			return r;
		}
		wc_buf_free(&w.digits);
	}
	int exp = trailing_scale(loc, s, n, &cut);
	if (!exp) {
		/* a full stop after the number, not the dot of "mia." */
		if (n && s[n - 1] == '.')
			n--;
		cut = n;
	}
	*scaled = exp != 0;
	decimal d = {0};
	bool ok;
	if (cut && is_ascii_digit(s[0]))
		ok = parse_digits(loc, s, cut, exp != 0, &d, garbled);
	else {
		ok = cut && parse_words(loc, s, cut, &d, exp != 0 || unit_follows);
		*words = true;
	}
	if (!ok) {
		wc_buf_free(&d.digits);
		return NULL;
	}
	d.exp += exp;
	char *r = decimal_string(&d);
	wc_buf_free(&d.digits);
	return r;
}

char *wc_parse_number_ex(wc_locale *loc, const char *s, size_t n, bool *garbled, bool *words,
                         bool *scaled)
{
	return parse_number_with_half(loc, s, n, garbled, words, scaled, false);
}

char *wc_parse_number_before_unit(wc_locale *loc, const char *s, size_t n, bool *garbled,
                                  bool *words, bool *scaled)
{
	return parse_number_with_half(loc, s, n, garbled, words, scaled, true);
}

char *wc_parse_number(const wc_locale *loc, const char *s, size_t n, bool *garbled)
{
	bool words, scaled;
	/* Lookups sort the lexicons lazily, hence the cast; nothing visible changes. */
	return wc_parse_number_ex((wc_locale *)loc, s, n, garbled, &words, &scaled);
}

/* What the last written digit of the decimal string v is worth: "15" → 1,
 * "2.5" → 0.1, "1500" → 100 (the zeros that end a whole number are a
 * rounding, as a journalist writes "1500" for 1,480). */
double wc_digit_step(const char *v)
{
	double step = 1;
	const char *dot = strchr(v, '.');
	if (dot) {
		for (const char *d = dot + 1; *d; d++)
			step /= 10;
		return step;
	}
	for (size_t n = strlen(v); n > 1 && v[n - 1] == '0' && v[n - 2] != '-'; n--)
		step *= 10;
	return step;
}
