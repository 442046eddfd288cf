/*
 * person.c — stage 3 and 5 helper: people's names as keys that compare
 * across languages ("Trumps", "Trumpa" and "Trump" are one person), for the
 * titles extract.c finds and check_facts.c matches.
 */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

static bool strip_suffix(char *w, size_t *len, const char *suf)
{
	size_t k = strlen(suf);
	if (*len > k + 1 && memcmp(w + *len - k, suf, k) == 0) {
		*len -= k;
		w[*len] = '\0';
		return true;
	}
	return false;
}

char *wc_name_key(const wc_locale *loc, const char *s, size_t n)
{
	wc_buf b = {0};
	for (size_t i = 0; i < n; i++)
		if (s[i] != '.')
			wc_buf_putc(&b, s[i]);
	char *folded = wc_casefold(b.s ? b.s : "", b.len);
	wc_buf_free(&b);
	size_t len = strlen(folded);
	while (len && folded[len - 1] == ' ')
		folded[--len] = '\0';
	/* The genitive goes on the last word: "Donald Trumps", "Trump’s". */
	static const char *const apostrophes[] = {"’s", "'s", "’", "'", ":s"};
	for (size_t i = 0; i < 5; i++)
		if (strip_suffix(folded, &len, apostrophes[i]))
			return folded;
	(void)loc;
	return folded;
}

/* The stem of a name word once one of the endings is cut.  A stem keeps at
 * least three bytes, so that short names ("Xi", "Lu") are never cut away. */
static bool cut_ending(const char *w, size_t n, const wc_strlist *ends, size_t i, size_t *stem)
{
	size_t k = strlen(ends->v[i]);
	if (n < k + 3 || memcmp(w + n - k, ends->v[i], k) != 0)
		return false;
	*stem = n - k;
	return true;
}

/* Two spellings of one name word.  Names inflect: the Nordic and German
 * genitive adds "s" (Trumps), Polish and Finnish add case endings ("Trumpa",
 * "Trumpin") or replace the last vowel ("Theresa" → "Theresy").  Each
 * locale lists its endings (`genitive:` and `name_endings:`); a word matches
 * when cutting at most one ending from each side leaves the same stem. */
typedef struct {
	const wc_strlist *ends[4];
} name_endings;

static bool word_eq(const char *a, size_t la, const char *b, size_t lb, const name_endings *ne)
{
	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	size_t sa[65], sb[65], na = 0, nb = 0;
	sa[na++] = la;
	sb[nb++] = lb;
	for (size_t l = 0; l < 4; l++) {
		const wc_strlist *e = ne->ends[l];
		for (size_t i = 0; e && i < e->n; i++) {
			if (na < 65 && cut_ending(a, la, e, i, &sa[na]))
				na++;
			if (nb < 65 && cut_ending(b, lb, e, i, &sb[nb]))
				nb++;
		}
	}
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (sa[i] == sb[j] && memcmp(a, b, sa[i]) == 0)
				return true;
	return false;
}

/* Words of a are all words of b. */
static bool words_within(const char *a, const char *b, const name_endings *ne)
{
	for (const char *p = a; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		bool found = false;
		for (const char *q = b; *q && !found;) {
			while (*q == ' ')
				q++;
			const char *f = q;
			while (*f && *f != ' ')
				f++;
			found = f > q && word_eq(p, (size_t)(e - p), q, (size_t)(f - q), ne);
			q = f;
		}
		if (!found)
			return false;
		p = e;
	}
	return true;
}

bool wc_names_compatible(const wc_locale *la, const char *a, const wc_locale *lb, const char *b)
{
	name_endings ne = {{la ? &la->genitive : NULL, la ? &la->name_endings : NULL,
	                    lb ? &lb->genitive : NULL, lb ? &lb->name_endings : NULL}};
	return words_within(a, b, &ne) || words_within(b, a, &ne);
}
