/*
 * alloc.c — memory allocation and growable buffers.
 * Out of memory is the one failure wirecheck does not recover from: it aborts
 * here with a message, so no other function carries an OOM branch.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "wirecheck: out of memory (%zu bytes)\n", n);
	abort();
}

void *wc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *wc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *wc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *wc_xstrdup(const char *s)
{
	return wc_xstrndup(s, strlen(s));
}

char *wc_xstrndup(const char *s, size_t n)
{
	char *p = wc_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wc_xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char probe[1];
	/* Measured into a one-byte buffer: GCC's UBSan build warns on NULL. */
	int n = vsnprintf(probe, sizeof probe, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *p = wc_xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *wc_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = wc_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void wc_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
	void **p = pp;
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / elem)
		oom(SIZE_MAX);
	*p = wc_xrealloc(*p, c * elem);
	*cap = c;
}

void wc_buf_add(wc_buf *b, const char *s, size_t n)
{
	wc_grow(&b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void wc_buf_puts(wc_buf *b, const char *s)
{
	wc_buf_add(b, s, strlen(s));
}

void wc_buf_putc(wc_buf *b, char c)
{
	wc_buf_add(b, &c, 1);
}

void wc_buf_printf(wc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = wc_xvasprintf(fmt, ap);
	va_end(ap);
	wc_buf_puts(b, s);
	free(s);
}

char *wc_buf_take(wc_buf *b)
{
	char *s = b->s ? b->s : wc_xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void wc_buf_free(wc_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void wc_strlist_add(wc_strlist *l, const char *s)
{
	*WC_PUSH(l->v, l->n, l->cap) = wc_xstrdup(s);
}

bool wc_strlist_has_fold(const wc_strlist *l, const char *s, size_t n)
{
	char *k = wc_casefold(s, n);
	bool found = false;
	for (size_t i = 0; i < l->n && !found; i++) {
		char *e = wc_casefold(l->v[i], strlen(l->v[i]));
		found = strcmp(e, k) == 0;
		free(e);
	}
	free(k);
	return found;
}

void wc_strlist_free(wc_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
