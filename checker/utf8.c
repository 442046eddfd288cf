/*
 * utf8.c — code point decoding and character classes (utf8proc).
 * Every stage that walks text by characters goes through these helpers, so
 * invalid bytes are handled in one place.
 */
#include "base.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int32_t wc_utf8_next_multibyte(const char *s, size_t n, size_t *i)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
	                                      (utf8proc_ssize_t)(n - *i), &c);
	if (k <= 0) {
		(*i)++;
		return -1;
	}
	*i += (size_t)k;
	return c;
}

int32_t wc_utf8_prev(const char *s, size_t i, size_t *start)
{
	if (i == 0) {
		*start = 0;
		return -1;
	}
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	size_t k = j;
	int32_t c = wc_utf8_next(s, i, &k);
	if (k != i) {
		*start = i - 1;
		return -1;
	}
	*start = j;
	return c;
}

size_t wc_utf8_invalid_at(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t at = i;
		if (wc_utf8_next(s, n, &i) < 0)
			return at;
	}
	return (size_t)-1;
}

static utf8proc_category_t cat(int32_t c)
{
	return c < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(c);
}

bool wc_is_letter_u(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return ((c | 32) >= 'a' && (c | 32) <= 'z');
	switch (cat(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
		return true;
	default:
		return false;
	}
}

bool wc_is_upper_u(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return c >= 'A' && c <= 'Z';
	return cat(c) == UTF8PROC_CATEGORY_LU || cat(c) == UTF8PROC_CATEGORY_LT;
}

bool wc_is_lower_u(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return c >= 'a' && c <= 'z';
	return cat(c) == UTF8PROC_CATEGORY_LL;
}

bool wc_is_digit_u(int32_t c)
{
	if (c >= 0 && c < 0x80)
		return c >= '0' && c <= '9';
	return cat(c) == UTF8PROC_CATEGORY_ND;
}

bool wc_is_currency_sign(int32_t c)
{
	return cat(c) == UTF8PROC_CATEGORY_SC;
}

bool wc_is_space_u(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return cat(c) == UTF8PROC_CATEGORY_ZS;
}

/* Most words of the twelve languages are ASCII and precomposed Latin-1 or
 * Latin Extended-A letters (å, ø, ł, ś, é, ü).  Their case folding is their
 * lower case, except ß, İ, ŉ and ſ, whose folds are other strings; combining
 * marks and everything else go through utf8proc.  Returns NULL when s has a
 * code point it does not cover. */
static char *casefold_latin(const char *s, size_t n)
{
	/* lower case never takes more bytes in this range */
	char *r = wc_xmalloc(n + 1), *o = r;
	for (size_t i = 0; i < n;) {
		int32_t c = wc_utf8_next(s, n, &i);
		if (c >= 0 && c < 0x80) {
			*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		if (c < 0xC0 || c > 0x17F || c == 0xD7 || c == 0xF7 || c == 0xDF || c == 0x130 ||
		    c == 0x149 || c == 0x17F) {
			free(r);
			return NULL;
		}
		o += utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)o);
	}
	*o = '\0';
	return r;
}

static bool all_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static void lower_ascii(const char *s, size_t n, char *out)
{
	for (size_t k = 0; k < n; k++)
		out[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
	out[n] = '\0';
}

bool wc_fold_ascii_to(const char *s, size_t n, char *out)
{
	if (!all_ascii(s, n))
		return false;
	lower_ascii(s, n, out);
	return true;
}

/* s[0..n) in lower case if it is all ASCII, else NULL, allocating nothing:
 * ASCII folds to its lower case, has no marks and nothing composes, so it
 * needs no utf8proc map, which costs more than the lookup it serves. */
static char *fold_ascii(const char *s, size_t n)
{
	if (!all_ascii(s, n))
		return NULL;
	char *r = wc_xmalloc(n + 1);
	lower_ascii(s, n, r);
	return r;
}

char *wc_casefold(const char *s, size_t n)
{
	char *ascii = fold_ascii(s, n);
	if (ascii)
		return ascii;
	char *quick = casefold_latin(s, n);
	if (quick)
		return quick;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
	                                  UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
	if (k < 0) {
		/* Invalid input never reaches here through the pipeline (texts are
		 * validated first); fall back to the bytes as they are. */
		return wc_xstrndup(s, n);
	}
	char *r = wc_xstrndup((const char *)out, (size_t)k);
	free(out);
	return r;
}

size_t wc_utf8_count(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* What utf8proc folds each letter of Latin-1 and Latin Extended-A to
 * (U+00C0..U+017F: "é" → "e", "ß" → "ss", "ø" stays), asked once.  Such a
 * letter is no combining mark and has none after it in an NFC text, so a
 * word of them and ASCII folds letter by letter to what utf8proc makes of
 * the whole word, at a tenth of the cost. */
#define LATIN_FIRST 0xC0
#define LATIN_LAST 0x17F
static char latin_folds[LATIN_LAST - LATIN_FIRST + 1][8];
static pthread_once_t latin_once = PTHREAD_ONCE_INIT;

static char *fold_marks_utf8proc(const char *s, size_t n);

static void make_latin_folds(void)
{
	for (int32_t c = LATIN_FIRST; c <= LATIN_LAST; c++) {
		utf8proc_uint8_t buf[4];
		utf8proc_ssize_t k = utf8proc_encode_char(c, buf);
		char *f = fold_marks_utf8proc((const char *)buf, (size_t)k);
		if (strlen(f) < sizeof latin_folds[0])
			strcpy(latin_folds[c - LATIN_FIRST], f);
		else /* none is this long; were one, such words go to utf8proc */
			latin_folds[c - LATIN_FIRST][0] = '\x01';
		free(f);
	}
}

static char *fold_marks_latin(const char *s, size_t n)
{
	pthread_once(&latin_once, make_latin_folds);
	wc_buf b = {0};
	for (size_t i = 0; i < n;) {
		int32_t c = wc_utf8_next(s, n, &i);
		if (c >= 0 && c < 0x80) {
			wc_buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			continue;
		}
		if (c < LATIN_FIRST || c > LATIN_LAST || latin_folds[c - LATIN_FIRST][0] == '\x01') {
			wc_buf_free(&b);
			return NULL;
		}
		wc_buf_puts(&b, latin_folds[c - LATIN_FIRST]);
	}
	return wc_buf_take(&b);
}

char *wc_fold_marks(const char *s, size_t n)
{
	char *ascii = fold_ascii(s, n);
	if (ascii)
		return ascii;
	char *latin = fold_marks_latin(s, n);
	return latin ? latin : fold_marks_utf8proc(s, n);
}

static char *fold_marks_utf8proc(const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
	                                  UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
	                                  UTF8PROC_STABLE);
	if (k < 0) /* texts are valid UTF-8 by now; fold nothing rather than fail */
		return wc_xstrndup(s, n);
	char *r = wc_xstrdup((const char *)out);
	free(out);
	return r;
}
