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
/* The command being run ("check", "batch" ...), for the hint after a usage
 * error; NULL before one is chosen. */
extern const char *wc_cli_command;

#if defined(__GNUC__)
#define WC_CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define WC_CLI_PRINTF(f, a)
#endif

/* "wirecheck: MESSAGE" on standard error, its control characters escaped
 * (a file name or an id cannot break the line). */
void wc_cli_say(const char *fmt, ...) WC_CLI_PRINTF(1, 2);
/* "wirecheck: MESSAGE\nTry 'wirecheck COMMAND --help'." on standard error
 * (the command's own help, as git has it); arg is escaped. */
void wc_cli_usage_error(const char *fmt, const char *arg);
/* Whether arg is the short option s (may be NULL) or the long option l,
 * alone or as l=VALUE. */
bool wc_cli_opt_is(const char *arg, const char *s, const char *l);
/* wc_cli_opt_is for an option with a value, which also matches the short
 * option with its value written onto it (-fjson). */
bool wc_cli_opt_val(const char *arg, const char *s, const char *l);
/* "wirecheck: unknown option 'ARG' (did you mean 'OPT'?)" and the hint, the
 * suggestion being the closest of known (NULL-terminated), if any is close. */
void wc_cli_unknown_option(const char *arg, const char *const *known);
/* --format's value at argv[*i], in any case (-f JSON), into *out, advancing
 * *i; -1 after a usage error: no such format, or one not among allowed (a bit
 * per wc_format; names lists them for the message). */
int wc_cli_take_format(int argc, char **argv, int *i, unsigned allowed, const char *names,
                       wc_format *out);
/* The format a report file's extension names (.html .htm .json .jsonl .sarif
 * .xml (JUnit) .md .markdown .txt, any case) into *out; -1 for another. */
int wc_cli_format_of_path(const char *path, wc_format *out);
/* The value of the option at argv[*i] (--opt=VALUE, -oVALUE or the next
 * argument), advancing *i; NULL after a usage error. */
const char *wc_cli_take_value(int argc, char **argv, int *i, const char *name);
/* --fail-on's value at argv[*i] into *out, advancing *i; -1 after a usage
 * error (no value, or no such severity), else 0. */
int wc_cli_take_severity(int argc, char **argv, int *i, wc_severity *out);
/* --min-severity's value at argv[*i] (error, warning or info) into *out,
 * advancing *i; -1 after a usage error, else 0. */
int wc_cli_take_min_severity(int argc, char **argv, int *i, wc_severity *out);
/* A byte count: digits with an optional K, M or G (KiB, MiB, GiB) suffix,
 * at least 1.  Returns -1 when v is not one. */
int wc_cli_parse_size(const char *v, size_t *out);
/* --max-input-bytes's value at argv[*i] into *out, advancing *i; -1 after a
 * usage error. */
int wc_cli_take_size(int argc, char **argv, int *i, size_t *out);
/* --min-coverage's value at argv[*i] (a share from 0 to 1) into *out,
 * advancing *i; -1 after a usage error, else 0. */
int wc_cli_take_share(int argc, char **argv, int *i, double *out);
/* Appends a --rules directory to the list v of n. */
void wc_cli_add_rule_dir(const char ***v, size_t *n, const char *dir);
/* --color's value: 1 always, 0 never, -1 auto; -2 after a usage error. */
int wc_cli_parse_color(const char *v);
/* Whether s[0..n) looks like a language code or a BCP 47 tag, in any case:
 * two or three letters, then subtags after - or _ (script, region, variant:
 * da, DA, da-DK, pt_BR, zh-Hant-TW). */
bool wc_cli_is_lang_code(const char *s, size_t n);
/* The tag s[0..n) in BCP 47's case (da-dk -> da-DK, EN -> en).  Caller frees. */
char *wc_cli_lang_tag(const char *s, size_t n);

/* The folder of the built-in rules: $WIRECHECK_RULES, else beside the
 * binary (PREFIX/share/wirecheck/rules, or the source tree's rules/); NULL
 * when there is none.  Caller frees. */
char *wc_cli_builtin_rules(void);
/* Where compiled rules are kept between runs: $WIRECHECK_CACHE (empty or
 * "off": nowhere), else $XDG_CACHE_HOME/wirecheck, else ~/.cache/wirecheck;
 * NULL for nowhere.  The caller frees it. */
char *wc_cli_cache_dir(void);

/* Where a report goes: standard output, or a temporary file beside the target
 * that is renamed into place, so that a crash, a full disk or a signal
 * (SIGINT, SIGTERM, SIGHUP remove the temporary file) never leaves half a
 * report over a good one.  It is opened before any work, so that a target
 * that cannot be written fails early. */
typedef struct {
	FILE *f;
	char *tmp;               /* the temporary file, owned */
	char *final;             /* the file replaced: the target, or where its symbolic link leads */
	const char *name;        /* the target as given, for messages */
} wc_sink;

/* What a report must never replace: the files the run reads. */
typedef struct {
	const char *const *inputs;    /* text or stream files; "-" is standard input */
	size_t ninputs;
	const char *const *rule_dirs; /* every rule file in them */
	size_t nrule_dirs;
} wc_sink_guard;

/* Opens the sink for path (NULL or "-": standard output).  Refuses, with a
 * message and -1: a directory, a device or anything not a regular file, a
 * file that cannot be written, a name too long for its folder, a symbolic
 * link that leads nowhere, and a file of g (g may be NULL), by device and
 * inode, so hard and symbolic links count.  A symbolic link is written
 * through: the file it leads to is replaced, the link stays.  A replaced
 * file keeps its mode. */
int wc_sink_open(wc_sink *s, const char *path, const wc_sink_guard *g);
/* wc_sink_open guarding inputs and the rule files of rule_dirs and of the
 * built-in rules. */
int wc_cli_open_sink(wc_sink *s, const char *path, const char *const *inputs, size_t ninputs,
                     const char *const *rule_dirs, size_t nrule_dirs);
/* Flushes and renames into place when ok, else removes the temporary file. */
int wc_sink_close(wc_sink *s, bool ok);

#endif
