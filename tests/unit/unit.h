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
#endif
