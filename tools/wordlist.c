/* wordlist — a Debian word list (/usr/share/dict/LANGUAGE, one word a line)
 * in the form wirecheck looks words up in (checker/words.c): every word
 * case-folded as wirecheck folds, sorted by bytes, one line "KEY\tFLAGS",
 * where FLAGS is 'l' (the list has the word in lower case: a common word),
 * 'c' (only with capitals: a name, or a German noun) or 'b' (both).
 *
 *   wordlist [--latin1] IN OUT
 *
 * --latin1 reads IN as ISO-8859-1 (wswedish and wnorwegian are).  OUT is
 * written to a temporary file beside it and renamed into place.  Lines that
 * are not valid UTF-8, or hold a space or a tab, are skipped: a word list
 * may carry a stray phrase, never a word wirecheck could meet. */
#include "base.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *key;
	char flag;
} entry;

static int by_key(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

/* ISO-8859-1 to UTF-8: every byte is its own code point. */
static char *latin1_to_utf8(const char *s, size_t n, size_t *out_n)
{
	char *r = wc_xmalloc(2 * n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			r[k++] = (char)c;
		} else {
			r[k++] = (char)(0xC0 | (c >> 6));
			r[k++] = (char)(0x80 | (c & 0x3F));
		}
	}
	r[k] = '\0';
	*out_n = k;
	return r;
}

static bool usable(const char *w, size_t n)
{
	return n > 0 && !memchr(w, ' ', n) && !memchr(w, '\t', n) && wc_utf8_invalid_at(w, n) == (size_t)-1;
}

static void add(entry **v, size_t *nv, size_t *cap, const char *w, size_t n)
{
	if (!usable(w, n))
		return;
	size_t i = 0;
	bool capital = wc_is_upper(wc_utf8_next(w, n, &i));
	entry *e = WC_PUSH(*v, *nv, *cap);
	e->key = wc_casefold(w, n);
	e->flag = capital ? 'c' : 'l';
}

/* Writes the entries, equal keys merged into one line. */
static bool write_list(FILE *f, entry *v, size_t nv)
{
	for (size_t i = 0; i < nv;) {
		size_t j = i;
		bool lower = false, capital = false;
		for (; j < nv && strcmp(v[j].key, v[i].key) == 0; j++) {
			lower |= v[j].flag == 'l';
			capital |= v[j].flag == 'c';
		}
		if (fprintf(f, "%s\t%c\n", v[i].key, lower && capital ? 'b' : lower ? 'l' : 'c') < 0)
			return false;
		i = j;
	}
	return true;
}

int main(int argc, char **argv)
{
	bool latin1 = argc == 4 && strcmp(argv[1], "--latin1") == 0;
	if (argc != 3 + latin1) {
		fprintf(stderr, "usage: wordlist [--latin1] IN OUT\n");
		return 2;
	}
	const char *in = argv[1 + latin1], *out = argv[2 + latin1];
	FILE *f = fopen(in, "rb");
	if (!f) {
		fprintf(stderr, "%s: error: %s\n", in, strerror(errno));
		return 2;
	}
	entry *v = NULL;
	size_t nv = 0, cap = 0, lcap = 0;
	char *line = NULL;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (latin1) {
			size_t un;
			char *u = latin1_to_utf8(line, (size_t)len, &un);
			add(&v, &nv, &cap, u, un);
			free(u);
		} else {
			add(&v, &nv, &cap, line, (size_t)len);
		}
	}
	free(line);
	fclose(f);
	qsort(v, nv, sizeof *v, by_key);
	char *tmp = wc_xasprintf("%s.tmp", out);
	FILE *o = fopen(tmp, "wb");
	bool ok = o && write_list(o, v, nv);
	ok = (o && fclose(o) == 0) && ok;
	if (ok && rename(tmp, out) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "%s: error: cannot write: %s\n", out, strerror(errno));
		remove(tmp);
	}
	free(tmp);
	for (size_t i = 0; i < nv; i++)
		free(v[i].key);
	free(v);
	return ok ? 0 : 2;
}
