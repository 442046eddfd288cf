/* driver.h — the case-file driver (tests/cases/README.md describes the
 * format).  driver.c reads case files and compares; lib.c runs a case
 * against libwirecheck, cli.c against the wirecheck binary.  Both give the
 * same output lines for the same case, so one expected section serves both. */
#ifndef WC_CASES_DRIVER_H
#define WC_CASES_DRIVER_H
#include "base.h"
#include "facts.h"
#include "json.h"
#include "rules.h"

/* One input of a case: the words of its ">>>" line (none for a case with a
 * single input) and its text, one line of the file a line. */
typedef struct {
	wc_strlist words;
	wc_buf text;
} case_part;

typedef struct {
	const char *file;
	size_t line;         /* of the "===" line */
	wc_strlist mode;     /* the words after "===": mode, then its arguments */
	case_part *parts;
	size_t nparts, parts_cap;
	wc_strlist want;     /* the expected lines */
} case_t;

/* The lines a case gives, into got.  Returns 0, or -1 when the case itself
 * is malformed (a message is in got then) and 1 when this runner does not
 * run this mode (number cases have no CLI form). */
typedef int (*case_runner)(const case_t *c, wc_strlist *got);

/* ---- lib.c ---- */
/* Loads the shipped rules once; false (with the diagnostics printed) if they do not load. */
bool lib_init(void);
void lib_fini(void);
int lib_run(const case_t *c, wc_strlist *got);

/* ---- cli.c ---- */
/* The binary the CLI runs use. */
void cli_init(const char *wirecheck);
int cli_run(const case_t *c, wc_strlist *got);

/* ---- shared by both (driver.c) ---- */
/* The text of a part with its escapes decoded (\uXXXX, \xHH, \\), or as written for rule files. */
char *case_text(const case_part *p, bool decode, size_t *len);
/* A version's text as a file holds it: each line ends with a newline. */
char *case_file_text(const case_part *p, size_t *len);
/* Adds line to got and frees it. */
void case_add_owned(wc_strlist *got, char *line);
/* s as an output line: control and invisible space characters as \uXXXX. */
void case_put_visible(wc_buf *b, const char *s);
/* A fact as a line: "L:C kind "text" = value (unit) [rule]". */
char *case_fact_line(size_t line, size_t col, const char *kind, const char *text, const char *value,
                     const char *unit, const char *rule);
/* A finding as a line: "NAME:L:C: check severity expected -> found [rule] source L:C". */
char *case_finding_line(const wc_finding *f);
/* Appends each line of text (diagnostics as printed) to got, with every "dir/"
 * removed; trailing white space and blank lines are not compared. */
void case_add_lines(wc_strlist *got, const char *text, const char *dir);
/* A temporary directory, and the files of a case written below it. */
char *case_tmpdir(void);
/* Writes dir/rel (making its folders) with text; false on failure. */
bool case_write(const char *dir, const char *rel, const char *text, size_t len);
/* Removes dir and everything in it. */
void case_rmdir(const char *dir);
/* The role word of a ">>>" line: source, translation, related; -1 if none. */
int case_role(const char *word);
/* Whether the case's mode is "rules" or "rules shipped" (then *with_shipped). */
bool case_rules_mode(const case_t *c, bool *with_shipped);
/* Writes the case's rule files (each after ">>> PATH") below a new directory;
 * NULL if a ">>>" line is malformed. */
char *case_write_rule_files(const case_t *c);
/* The name of a version: its third word, else its language. */
const char *case_version_name(const case_part *p);
#endif
