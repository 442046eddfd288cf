/*
 * main_util.h — what the CLI's commands share (main.c, main_batch.c):
 * option parsing helpers, and reports written atomically.
 */
#ifndef WC_MAIN_UTIL_H
#define WC_MAIN_UTIL_H

#include <stdbool.h>
#include <stdio.h>

#include "wirecheck.h"

extern const char wc_cli_prog[];

/* "wirecheck: MESSAGE\nTry 'wirecheck --help'." on standard error. */
void wc_cli_usage_error(const char *fmt, const char *arg);
/* Whether arg is the short option s (may be NULL) or the long option l,
 * alone or as l=VALUE. */
bool wc_cli_opt_is(const char *arg, const char *s, const char *l);
/* The value of the option at argv[*i] (--opt=VALUE or the next argument),
 * advancing *i; NULL after a usage error. */
const char *wc_cli_take_value(int argc, char **argv, int *i, const char *name);
/* --fail-on's value at argv[*i] into *out, advancing *i; -1 after a usage
 * error (no value, or no such severity), else 0. */
int wc_cli_take_severity(int argc, char **argv, int *i, wc_severity *out);
/* --min-coverage's value at argv[*i] (a share from 0 to 1) into *out,
 * advancing *i; -1 after a usage error, else 0. */
int wc_cli_take_share(int argc, char **argv, int *i, double *out);
/* Appends a --rules directory to the list v of n. */
void wc_cli_add_rule_dir(const char ***v, size_t *n, const char *dir);
/* --color's value: 1 always, 0 never, -1 auto; -2 after a usage error. */
int wc_cli_parse_color(const char *v);
/* Whether s[0..n) looks like a language code: two or three lower-case letters. */
bool wc_cli_is_lang_code(const char *s, size_t n);

/* Where a report goes: standard output, or a temporary file beside the target
 * that is renamed into place, so that a crash or a full disk never leaves half
 * a report over a good one.  It is opened before any work, so that an
 * unwritable path fails early. */
typedef struct {
	FILE *f;
	char *tmp;
	const char *final;
} wc_sink;

int wc_sink_open(wc_sink *s, const char *path);
/* Flushes and renames into place when ok, else removes the temporary file. */
int wc_sink_close(wc_sink *s, bool ok);

#endif
