/*
 * check_markup.c — markup.mismatch: an inline code of a bilingual file
 * (XLIFF: <g>, <x/>, <ph/>, <pc> ...) that the source of a unit has and its
 * translation lacks, or that the translation adds, as translators' QA tools
 * report it.  A lost code loses formatting, a link or a placeholder when
 * the file goes back into the publishing system.  The reader compared the
 * codes (reader_xliff.c); this pass reports its notes, a missing code where
 * its unit's translation starts (with the code in the source), an added one
 * where it stands.
 */
#include "checks.h"

/* The text offset of input offset at: the first character of the text at
 * or after it (the map from text to input never goes back). */
static size_t text_offset(const wc_doc *doc, size_t at)
{
	if (!doc->map)
		return at < doc->len ? at : doc->len;
	size_t lo = 0, hi = doc->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->map[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int wc_pass_markup(const wc_pass *p)
{
	const wc_doc *d = p->doc;
	for (size_t i = 0; i < d->nnotes; i++) {
		const wc_markup_note *n = &d->notes[i];
		size_t at = text_offset(d, n->at);
		bool in_src = n->src_at != SIZE_MAX && p->src;
		size_t src_at = in_src ? text_offset(p->src, n->src_at) : 0;
		if (n->missing)
			wc_emit(p->fs, WC_CHECK_MARKUP_MISMATCH, -1, d, at, at, in_src ? p->src : NULL, src_at,
			        n->code, NULL, NULL,
			        "the inline code %s of the source is missing from the translation of unit %zu",
			        n->code, n->unit);
		else
			wc_emit(p->fs, WC_CHECK_MARKUP_MISMATCH, -1, d, at, at, NULL, 0, NULL, n->code, NULL,
			        "the inline code %s is not in the source of unit %zu", n->code, n->unit);
	}
	return WC_OK;
}
