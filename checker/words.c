/* words.c — look-ups in a language's word list (see words.h).
 *
 * The file is searched by bisecting its bytes: from a middle byte back to
 * its line's start, compare that line's key, keep the half that can hold
 * the word.  Lines are short, so a look-up reads some twenty lines. */
#include "words.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

bool wc_words_open(wc_words *w, const char *path)
{
	*w = (wc_words){0};
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	void *p = MAP_FAILED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return false;
	/* every line, the last too, ends in a newline: the search relies on it */
	if (((const char *)p)[st.st_size - 1] != '\n') {
		munmap(p, (size_t)st.st_size);
		return false;
	}
	w->data = p;
	w->len = (size_t)st.st_size;
	return true;
}

void wc_words_close(wc_words *w)
{
	if (w->data)
		munmap((void *)w->data, w->len);
	*w = (wc_words){0};
}

static unsigned flags_of(char c)
{
	return c == 'b' ? WC_WORD_LOWER | WC_WORD_CAPITAL : c == 'l' ? WC_WORD_LOWER : c == 'c' ? WC_WORD_CAPITAL : 0;
}

/* Compares line [ls, le) 's key with key[0..kn): <0, 0, >0 as strcmp. */
static int compare_line(const char *d, size_t ls, size_t le, const char *key, size_t kn)
{
	const char *tab = memchr(d + ls, '\t', le - ls);
	size_t ln = tab ? (size_t)(tab - (d + ls)) : le - ls;
	int c = memcmp(d + ls, key, ln < kn ? ln : kn);
	if (c)
		return c;
	return ln < kn ? -1 : ln > kn ? 1 : 0;
}

static unsigned find_key(const wc_words *w, const char *key, size_t kn)
{
	const char *d = w->data;
	size_t lo = 0, hi = w->len; /* the word's line, if any, starts in [lo, hi) */
	while (lo < hi) {
		size_t ls = lo + (hi - lo) / 2;
		while (ls > lo && d[ls - 1] != '\n')
			ls--;
		const char *nl = memchr(d + ls, '\n', w->len - ls);
		size_t le = (size_t)(nl - d);
		int c = compare_line(d, ls, le, key, kn);
		if (c == 0)
			return le - ls >= 2 && d[le - 2] == '\t' ? flags_of(d[le - 1]) : 0;
		if (c < 0)
			lo = le + 1;
		else
			hi = ls;
	}
	return 0;
}

unsigned wc_words_find(const wc_words *w, const char *s, size_t n)
{
	if (!w->data || !n)
		return 0;
	/* ASCII, the common word, folds here without an allocation */
	char small[64];
	if (n < sizeof small && wc_fold_ascii_to(s, n, small))
		return find_key(w, small, n);
	char *key = wc_casefold(s, n);
	unsigned f = find_key(w, key, strlen(key));
	free(key);
	return f;
}
