/*
 * base.h — what every stage of libwirecheck stands on: memory (alloc.c),
 * reading an input file (input.c), code points and the one hash (utf8.c),
 * diagnostics (diag.c).  Not installed; the CLI uses wirecheck.h only.
 *
 * Offsets are byte offsets into wc_doc.text (the NFC-normalized text, doc.h)
 * unless a name says otherwise; they become line/column only when a report
 * is built.
 */
#ifndef WC_BASE_H
#define WC_BASE_H

#include "wirecheck.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#define WC_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* ---- alloc.c: memory (OOM aborts here, nowhere else) and small buffers ---- */

void *wc_xmalloc(size_t n);
void *wc_xcalloc(size_t n, size_t size);
void *wc_xrealloc(void *p, size_t n);
char *wc_xstrdup(const char *s);
char *wc_xstrndup(const char *s, size_t n);
char *wc_xasprintf(const char *fmt, ...) WC_PRINTF(1, 2);
char *wc_xvasprintf(const char *fmt, va_list ap);

/* Grows *p (an array of elem-sized items with capacity *cap) to hold need. */
void wc_grow(void *pp, size_t *cap, size_t need, size_t elem);
#define WC_PUSH(arr, n, cap) \
	(wc_grow(&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

typedef struct {
	char *s;   /* always NUL-terminated once anything was added */
	size_t len, cap;
} wc_buf;

void wc_buf_add(wc_buf *b, const char *s, size_t n);
void wc_buf_puts(wc_buf *b, const char *s);
void wc_buf_putc(wc_buf *b, char c);
void wc_buf_printf(wc_buf *b, const char *fmt, ...) WC_PRINTF(2, 3);
/* Returns the string and leaves b empty; never NULL. */
char *wc_buf_take(wc_buf *b);
void wc_buf_free(wc_buf *b);

/* A list of strings it owns (alloc.c). */
typedef struct wc_strlist {
	char **v;
	size_t n, cap;
} wc_strlist;

void wc_strlist_add(wc_strlist *l, const char *s);
bool wc_strlist_has_fold(const wc_strlist *l, const char *s, size_t n);
void wc_strlist_free(wc_strlist *l);

/* ---- input.c: reading an input file ------------------------------------------ */

enum {
	WC_READ_KEEP_INVALID = 1, /* do not stop at invalid UTF-8 (--replace-invalid) */
	WC_READ_RULE_FILE = 2     /* a rule file: regular files only, never blocks on open */
};
/* Reads path ("-" = standard input) into out (empty on entry), in chunks, at
 * most max bytes (0 = WC_MAX_INPUT_DEFAULT).  Stops early, returning WC_OK,
 * after the first chunk that holds a NUL byte or invalid UTF-8: the caller's
 * validation reports it.  Errors name name (NULL = path) in diags: WC_EIO
 * (cannot open or read, a directory, a rule file that is not regular),
 * WC_EINPUT (larger than max); out is then freed. */
int wc_read_input(const char *path, const char *name, size_t max, unsigned flags, wc_buf *out,
                  wc_diags *diags);
/* The length of the longest prefix of s[0..n) that does not end inside a
 * UTF-8 sequence which more bytes could complete. */
size_t wc_utf8_complete_prefix(const char *s, size_t n);

/* ---- utf8.c: code points ---------------------------------------------------- */

/* Decodes the code point at s[*i] (bounds n) and advances *i; returns -1 on an
 * invalid sequence (advancing one byte).  Inline for ASCII: every stage walks
 * text through it. */
int32_t wc_utf8_next_multibyte(const char *s, size_t n, size_t *i);
/* FNV-1a over n more bytes from h: a basis, or the hash of what came before
 * (fingerprints and cache files hash several fields into one). */
static inline uint64_t wc_hash_more(uint64_t h, const void *s, size_t n)
{
	const unsigned char *p = s;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ull;
	return h;
}

/* FNV-1a over n bytes: the one hash of words, ids and keys in the tables. */
static inline uint64_t wc_hash_bytes(const char *s, size_t n)
{
	return wc_hash_more(1469598103934665603ull, s, n);
}

static inline int32_t wc_utf8_next(const char *s, size_t n, size_t *i)
{
	unsigned char b = (unsigned char)s[*i];
	if (b < 0x80) {
		(*i)++;
		return b;
	}
	return wc_utf8_next_multibyte(s, n, i);
}
/* Decodes the code point that ends just before s[i]; sets *start to its first
 * byte.  Returns -1 at the start of the string. */
int32_t wc_utf8_prev(const char *s, size_t i, size_t *start);
/* Offset of the first invalid byte, or (size_t)-1 if s is valid UTF-8. */
size_t wc_utf8_invalid_at(const char *s, size_t n);
/* s[0..n) case-folded without its accents ("Japón" → "japon"); caller frees. */
char *wc_fold_marks(const char *s, size_t n);
bool wc_is_letter_u(int32_t c);
bool wc_is_upper_u(int32_t c);
bool wc_is_lower_u(int32_t c);
bool wc_is_digit_u(int32_t c);
bool wc_is_space_u(int32_t c);
/* Character classes, ASCII answered inline, the rest by utf8proc. */
static inline bool wc_is_letter(int32_t c)
{
	return c >= 0 && c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : wc_is_letter_u(c);
}
static inline bool wc_is_upper(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= 'A' && c <= 'Z') : wc_is_upper_u(c);
}
static inline bool wc_is_lower(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= 'a' && c <= 'z') : wc_is_lower_u(c);
}
static inline bool wc_is_digit(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= '0' && c <= '9') : wc_is_digit_u(c);
}
/* Unicode white space, incl. NBSP */
static inline bool wc_is_space(int32_t c)
{
	return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : wc_is_space_u(c);
}
bool wc_is_currency_sign(int32_t c); /* $ € £ ¥ ... (category Sc) */
/* s[0..n) in lower case into out (room for n + 1 bytes) when it is all
 * ASCII, which then folds to exactly that; false (out unspecified) else. */
bool wc_fold_ascii_to(const char *s, size_t n, char *out);
/* Case-folded copy of s[0..n) (NFC), for dictionary keys. */
char *wc_casefold(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t wc_utf8_count(const char *s, size_t n);

/* ---- diag.c ------------------------------------------------------------------ */

void wc_diags_add(wc_diags *d, const char *file, int line, int column,
                  const char *excerpt, const char *fmt, ...) WC_PRINTF(6, 7);

#endif
