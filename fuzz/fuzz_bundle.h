/*
 * fuzz_bundle.h — builds and checks a story bundle from one fuzz input; the
 * check and report harnesses share it.
 *
 * Byte 0 picks the source's language (bits 0-1: en, da, sv, en), the
 * translation's (bits 2-3), --replace-invalid (bit 4) and the role of a
 * third text (bit 5: related coverage, else a second translation).  The rest
 * is split at 0x1E into the source, the translation and an optional third
 * text.
 */
#ifndef WC_FUZZ_BUNDLE_H
#define WC_FUZZ_BUNDLE_H

#include "fuzz_common.h"

/* Returns the checked report (caller frees) or NULL when an input was
 * refused (then a diagnostic says why). */
static inline wc_report *fuzz_bundle_check(const uint8_t *data, size_t size)
{
	if (size < 1)
		return NULL;
	wc_ruleset *rs = fuzz_rules();
	unsigned cfg = data[0];
	const char *lang[3] = {fuzz_langs[(cfg & 3) % 3], fuzz_langs[((cfg >> 2) & 3) % 3], NULL};
	lang[2] = lang[1];
	wc_role role[3] = {WC_ROLE_SOURCE, WC_ROLE_TRANSLATION,
	                   cfg & 32 ? WC_ROLE_RELATED : WC_ROLE_TRANSLATION};
	static const char *const path[3] = {"source.txt", "translation.txt", "third.txt"};
	const char *part[3];
	size_t len[3];
	size_t n = fuzz_split(data + 1, size - 1, part, len, 3);

	wc_diags *d = wc_diags_new();
	wc_bundle *b = wc_bundle_new(rs);
	wc_bundle_set_replace_invalid(b, (cfg & 16) != 0);
	wc_report *r = NULL;
	bool refused = false;
	for (size_t i = 0; i < n; i++)
		if (wc_bundle_add_text(b, role[i], lang[i], path[i], part[i], len[i], d) < 0)
			refused = true;
	if (!refused) {
		int err = 0;
		r = wc_bundle_check(b, d, &err);
		FUZZ_ASSERT(r && err == 0);
		FUZZ_ASSERT(wc_report_version_count(r) == n);
		fuzz_check_report(r);
		/* A bundle may be checked again, with the same findings. */
		if (cfg & 64) {
			wc_report *again = wc_bundle_check(b, d, &err);
			FUZZ_ASSERT(again && wc_report_count(again) == wc_report_count(r));
			wc_report_free(again);
		}
	} else {
		FUZZ_ASSERT(wc_diags_count(d) > 0);
	}
	wc_bundle_free(b);
	wc_diags_free(d);
	return r;
}

#endif
