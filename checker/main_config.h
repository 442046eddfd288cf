/*
 * main_config.h — the project's settings in the wirecheck CLI
 * (main_config.c): --config FILE, --no-config, the .wirecheck.yaml found from
 * the current directory, and `wirecheck config`, which prints the settings in
 * effect and where each came from.  main.c calls these hooks from `check`.
 */
#ifndef WC_MAIN_CONFIG_H
#define WC_MAIN_CONFIG_H

#include <stdbool.h>

#include "main_batch.h"

typedef struct {
	/* from the command line */
	const char *config_path;   /* --config FILE */
	bool no_config;            /* --no-config */
	bool fail_on_given;        /* --fail-on was given: it wins over the file */
	bool bad;                  /* a usage error in one of the options above */
	/* loaded by wc_cli_project_load */
	wc_config *config;
	char *found;               /* the file found from the current directory */
	const char **rule_dirs;    /* the file's rule directories, then the command line's */
} wc_cli_project;

/* Takes --config FILE or --no-config at argv[*i]: returns 1 when it was one
 * of them (with p->bad set on a usage error, printed), else 0. */
int wc_cli_project_option(int argc, char **argv, int *i, wc_cli_project *p);

/* Loads the configuration (--config, else the nearest .wirecheck.yaml, none
 * with --no-config); the file's fail-on goes to *fail_on unless --fail-on was
 * given, and its rule directories come before those of the command line in
 * *dirs.  Returns 0, or -1 after printing the problems. */
int wc_cli_project_load(wc_cli_project *p, wc_severity *fail_on, const char ***dirs, size_t *ndirs);

/* Once the rules are loaded and the report built: checks the languages the
 * file names and applies its check settings to r.  -1 with diagnostics. */
int wc_cli_project_apply(wc_cli_project *p, const wc_ruleset *rs, wc_report *r, wc_diags *diags);

void wc_cli_project_free(wc_cli_project *p);

/* `wirecheck config [OPTIONS]`; argv[0] is "config". */
int wc_cli_config(int argc, char **argv, wc_cli_load_rules_fn *load_rules);

#endif
