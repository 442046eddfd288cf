/* unit.h — what every cmocka unit test includes. */
#ifndef WC_UNIT_H
#define WC_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include "internal.h"

/* support.c */
/* The whole file at path (relative to the repository root, where the tests
 * run); fails the test if it cannot be read.  Caller frees. */
char *unit_slurp(const char *path, size_t *len);
/* The shipped rules/ loaded into a new ruleset, or NULL (diagnostics
 * printed). */
wc_ruleset *unit_load_rules(void);
#endif
