/*
 * fuzz_check.c — libFuzzer harness for a whole check: two or three fuzzed
 * texts in one bundle (wc_bundle_add_text + wc_bundle_check), through
 * preparation, extraction, alignment, fact matching and every check, with
 * the report's invariants asserted (fuzz_common.h).  See fuzz_bundle.h for
 * the input layout.
 */
#include "fuzz_bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wc_report *r = fuzz_bundle_check(data, size);
	if (r)
		(void)wc_report_fails(r, WC_WARNING);
	wc_report_free(r);
	return 0;
}
