/*
 * project.h — what the project's settings (config.c) and baselines
 * (baseline.c) share: both change a built report after the checks ran.
 */
#ifndef WC_PROJECT_H
#define WC_PROJECT_H

#include "report.h"

/* Counts each version's findings again (errors, warnings, infos of those not
 * suppressed; suppressed apart), after severities changed or findings went
 * or were suppressed. */
void wc_report_recount(wc_report *r);

#endif
