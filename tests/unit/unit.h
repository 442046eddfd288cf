/* unit.h — what every cmocka unit test includes. */
#ifndef WC_UNIT_H
#define WC_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include "findings.h"
#include "reader.h"

/* support.c: the helpers the tests share.  Paths are relative to the
 * repository root, where the tests run; what returns char * is the caller's. */
/* Everything left to read from f (a file or a pipe). */
char *unit_read_all(FILE *f, size_t *len);
/* The whole file at path; fails the test if it cannot be read. */
char *unit_slurp(const char *path, size_t *len);
/* The shipped rules/ in a new ruleset, or NULL (diagnostics printed). */
wc_ruleset *unit_load_rules(void);
/* The lines, each ended by a newline: a text of one paragraph a line. */
char *unit_join_lines(const char *const *lines, size_t n);

/* ---- the shipped rules as a cmocka group fixture ---- */
/* The rules of the running group, loaded by unit_rules_setup. */
extern wc_ruleset *unit_rules;
/* Group setup: loads unit_rules; the group fails if rules/ does not load. */
int unit_rules_setup(void **state);
/* Group setup as above, but a warning while loading fails the group too. */
int unit_rules_setup_strict(void **state);
/* Group teardown: frees unit_rules. */
int unit_rules_teardown(void **state);

/* ---- hand-made locales; docs prepared by the real reader path ---- */
/* Frees a locale a test filled by hand (lang, quote pairs, word lists). */
void unit_locale_free(wc_locale *loc);
/* A doc of text in loc as a plain-text file of it is prepared (wc_doc_init:
 * NFC, paragraphs by lines); fails the test if the text does not prepare. */
wc_doc *unit_doc_new(const wc_locale *loc, const char *text, size_t len);
/* unit_doc_new of a NUL-terminated text. */
wc_doc *unit_doc_str(const wc_locale *loc, const char *text);
/* unit_doc_new of the file at path. */
wc_doc *unit_doc_load(const wc_locale *loc, const char *path);
/* A doc whose whole text is one paragraph (a wrapped paragraph), read
 * through the reader interface by a one-segment reader. */
wc_doc *unit_doc_paragraph(const wc_locale *loc, const char *text);
/* Frees a doc of unit_doc_new or unit_doc_paragraph. */
void unit_doc_free(wc_doc *doc);
/* The line of the paragraph that holds byte offset. */
size_t unit_line_of(const wc_doc *doc, size_t offset);

/* ---- raw findings expected by check and line ---- */
/* One expected finding: its check (WC_CHECK_*) and line. */
typedef struct {
	int check;
	size_t line;
} unit_want;
/* Fails unless the findings are exactly w[0..n) in any order (and prints them). */
void unit_expect_findings(const wc_findings *fs, const unit_want *w, size_t n);
#define UNIT_EXPECT(fs, ...) do { \
		const unit_want w_[] = {__VA_ARGS__}; \
		unit_expect_findings((fs), w_, sizeof w_ / sizeof *w_); \
	} while (0)
#define UNIT_EXPECT_NONE(fs) unit_expect_findings((fs), NULL, 0)

/* ---- one check run on a hand-made doc ---- */
/* A hand-made locale, a doc in it and a check's findings; all owned. */
typedef struct {
	wc_locale *loc;
	wc_doc *doc;
	wc_findings fs;
} unit_run;
/* A check as check_*.c define them. */
typedef void (*unit_check_fn)(wc_doc *doc, wc_findings *fs);
/* check run on text in loc; the run takes loc. */
unit_run unit_run_text(wc_locale *loc, const char *text, unit_check_fn check);
/* check run on the file at path in loc; the run takes loc. */
unit_run unit_run_file(wc_locale *loc, const char *path, unit_check_fn check);
/* Frees the run's findings, doc and locale. */
void unit_run_free(unit_run *r);
#endif
