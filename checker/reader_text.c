/*
 * reader_text.c — the plain-text reader (WC_INPUT_TEXT), the first of the
 * reader layer (reader.h).  A text file is one version in the language and
 * role it was added with: one segment, everything after a byte order mark,
 * whose paragraphs text preparation finds in its lines.  What makes bytes
 * plain text is checked here: no NUL byte, valid UTF-8 (or, with
 * --replace-invalid, bytes to be read as U+FFFD).
 */
#include "reader.h"

#include <string.h>

int wc_read_plain_text(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	const char *nul = memchr(in->bytes, '\0', in->len);
	if (nul) {
		wc_reader_diag(in, SIZE_MAX, "NUL byte at byte offset %zu: not a text file",
		               (size_t)(nul - in->bytes));
		return WC_EINPUT;
	}
	size_t bad = wc_utf8_invalid_at(in->bytes, in->len);
	bool repair = bad != (size_t)-1 && (in->flags & WC_DOC_REPLACE_INVALID);
	if (bad != (size_t)-1 && !repair) {
		wc_reader_diag(in, bad,
		               "invalid UTF-8 at byte offset %zu (byte 0x%02X); --replace-invalid checks it anyway",
		               bad, (unsigned char)in->bytes[bad]);
		return WC_EINPUT;
	}
	size_t from = in->len >= 3 && memcmp(in->bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	wc_segment seg = {.start = from, .end = in->len};
	wc_segmap v = {in->lang, in->role, &seg, 1, WC_PARAS_LINES, repair, NULL, 0};
	return emit(ctx, &v);
}
