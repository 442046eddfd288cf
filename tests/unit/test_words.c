/* test_words.c — unit tests of words.c: look-ups in a word list as
 * tools/wordlist writes it (case-folded keys, sorted by bytes, a flag per
 * line), from its first line to its last, and lists it refuses. */
#include "unit.h"
#include "words.h"

#include <unistd.h>

/* A list file with the given bytes, in a temporary file; the caller
 * unlinks path. */
static void write_list(char *path, const char *bytes)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(bytes);
	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	close(fd);
}

static const char LIST[] = "berlin\tc\n"
                           "gross\tl\n"  /* "groß", folded */
                           "haus\tc\n"
                           "rose\tb\n"
                           "trump\tb\n"
                           "zürich\tc\n";

static void test_lookups(void **state)
{
	(void)state;
	static const struct {
		const char *word;
		unsigned flags;
	} cases[] = {
		{"berlin", WC_WORD_CAPITAL},                  /* the first line */
		{"Berlin", WC_WORD_CAPITAL},                  /* any case */
		{"BERLIN", WC_WORD_CAPITAL},
		{"Zürich", WC_WORD_CAPITAL},                  /* the last line, not ASCII */
		{"ZÜRICH", WC_WORD_CAPITAL},
		{"Rose", WC_WORD_LOWER | WC_WORD_CAPITAL},    /* both readings */
		{"groß", WC_WORD_LOWER},                      /* folded as the list is */
		{"GROSS", WC_WORD_LOWER},
		{"Haus", WC_WORD_CAPITAL},
		{"Hau", 0},                                   /* a prefix of a key is none */
		{"Hause", 0},                                 /* nor a key and more */
		{"aachen", 0},                                /* before the first */
		{"zzz", 0},                                   /* after the last */
		{"mitte", 0},                                 /* between two */
	};
	char path[] = "/tmp/wc-words-XXXXXX";
	write_list(path, LIST);
	wc_words w;
	assert_true(wc_words_open(&w, path));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (wc_words_find(&w, cases[i].word, strlen(cases[i].word)) != cases[i].flags)
			fail_msg("'%s': flags %u, want %u", cases[i].word,
			         wc_words_find(&w, cases[i].word, strlen(cases[i].word)), cases[i].flags);
	wc_words_close(&w);
	unlink(path);
}

/* A list that does not end in a newline, an empty one, or none at all is
 * refused, and a refused list finds nothing. */
static void test_refused(void **state)
{
	(void)state;
	static const char *const bad[] = {"berlin\tc", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char path[] = "/tmp/wc-words-XXXXXX";
		write_list(path, bad[i]);
		wc_words w;
		assert_false(wc_words_open(&w, path));
		assert_int_equal(wc_words_find(&w, "berlin", 6), 0);
		wc_words_close(&w);
		unlink(path);
	}
	wc_words w;
	assert_false(wc_words_open(&w, "no/such/list.words"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
