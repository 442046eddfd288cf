/*
 * main_config.h — the project's settings in the wirecheck CLI
 * (main_config.c): --config FILE, --no-config, the .wirecheck.yaml found from
 * the current directory, and `wirecheck config`, which prints the settings in
 * effect and where each came from; baselines (--baseline FILE, the file's
 * baseline:, `wirecheck baseline`, --show-suppressed).  main.c calls these
 * hooks from `check` and `baseline`.
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
	const char *baseline_path; /* --baseline FILE */
	bool show_suppressed;      /* --show-suppressed */
	bool write_baseline;       /* `wirecheck baseline`: write one, do not apply one */
	bool bad;                  /* a usage error in one of the options above */
	/* loaded by wc_cli_project_load */
	wc_config *config;
	char *found;               /* the file found from the current directory */
	const char **rule_dirs;    /* the file's rule directories, then the command line's */
	wc_baseline *baseline;     /* the baseline applied to the report, if any */
} wc_cli_project;

extern const char wc_cli_baseline_help[];

/* Takes --config FILE, --no-config, --baseline FILE or --show-suppressed at
 * argv[*i]: returns 1 when it was one of them (with p->bad set on a usage
 * error, printed), else 0. */
int wc_cli_project_option(int argc, char **argv, int *i, wc_cli_project *p);

/* Loads the configuration (--config, else the nearest .wirecheck.yaml, none
 * with --no-config); the file's fail-on goes to *fail_on unless --fail-on was
 * given, and its rule directories come before those of the command line in
 * *dirs.  Then the baseline (--baseline, else the file's), unless one is to
 * be written: then the file's baseline is *output when -o did not give one.
 * Returns 0, or -1 after printing the problems. */
int wc_cli_project_load(wc_cli_project *p, wc_severity *fail_on, const char ***dirs, size_t *ndirs,
                        const char **output);

/* Once the rules are loaded and the report built: checks the languages the
 * file names, applies its check settings to r, then the baseline.  -1 with
 * diagnostics. */
int wc_cli_project_apply(wc_cli_project *p, const wc_ruleset *rs, wc_report *r, wc_diags *diags);

void wc_cli_project_free(wc_cli_project *p);

/* `wirecheck config [OPTIONS]`; argv[0] is "config". */
int wc_cli_config(int argc, char **argv, wc_cli_load_rules_fn *load_rules);

#endif
