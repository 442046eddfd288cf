/*
 * main_batch.h — the many-bundle commands of the wirecheck CLI, in
 * main_batch.c: `wirecheck batch` (JSON Lines in, one report a line out) and
 * the folder mode of `wirecheck check DIR`.  main.c dispatches to them.
 */
#ifndef WC_MAIN_BATCH_H
#define WC_MAIN_BATCH_H

#include "wirecheck.h"

/* How main.c loads the built-in rules plus extra rule directories.  It prints
 * its own errors and returns NULL when the rules cannot be loaded. */
typedef wc_ruleset *wc_cli_load_rules_fn(const char *const *extra, size_t nextra, wc_diags *diags);

/* `wirecheck batch [OPTIONS] [FILE|-]`; argv[0] is "batch".  Returns the exit
 * status: 2 if any record failed (or on a usage error), else 1 if any bundle
 * failed the gate, else 0. */
int wc_cli_batch(int argc, char **argv, wc_cli_load_rules_fn *load_rules);

/* `wirecheck check [OPTIONS] DIR`; argv[0] is "check".  Returns -1, having
 * done nothing, when the arguments are not the folder mode (no --source or
 * --related, and exactly one other argument, which is a directory); cmd_check
 * then goes on as usual.  Otherwise the exit status, as for wc_cli_batch
 * (0 after --help). */
int wc_cli_check_dir(int argc, char **argv, wc_cli_load_rules_fn *load_rules);

#endif
