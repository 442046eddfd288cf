/*
 * reader.h — the reader layer, in front of text preparation (text.c).
 *
 * A reader turns the bytes of one input into versions.  A version is a
 * segment map: the runs of the input that are text (each with its byte
 * offsets in the input), which of them start a paragraph, and the version's
 * language and role.  Text preparation composes on top of the map: it
 * normalizes each segment to NFC, keeps a map from every byte of the
 * prepared text back to the input's bytes, and finds the paragraphs; every
 * position a check reports is then a line:column of the input as read,
 * whatever the format around the text.
 *
 * Plain text (reader_text.c) is one segment, the whole input after a byte
 * order mark, whose paragraphs are its lines or blank-line separated blocks.
 * A reader of markup (HTML) gives one segment per run of text between tags;
 * a bundle-level reader (XLIFF: source and target in one file) calls emit
 * once per version it finds.
 *
 * Adding a format: an enumerator in wc_input_format (wirecheck.h), one line
 * in the table of reader.c, and the reader's own file.
 */
#ifndef WC_READER_H
#define WC_READER_H

#include "doc.h"

enum {
	WC_SEG_PARA = 1u        /* the segment starts a paragraph (WC_PARAS_SEGMENTS) */
};

typedef struct {
	size_t start, end;      /* the segment's bytes in the input: bytes[start .. end) */
	const char *text;       /* its text when that is not those bytes (an entity decoded),
	                         * borrowed until emit returns; NULL = bytes[start .. end).
	                         * Such a text is positioned at start as a whole; the bytes
	                         * of the input each at their own place */
	size_t len;             /* the length of text */
	unsigned flags;         /* WC_SEG_* */
	size_t unit;            /* on a paragraph's first segment: the unit of a bilingual
	                         * file it is (1-based), which pairs it with the other
	                         * side's paragraph of that unit; 0 = none */
} wc_segment;

typedef enum {
	WC_PARAS_LINES,         /* plain text: one paragraph a line, or blank-line separated
	                         * blocks of wrapped lines, found in the prepared text */
	WC_PARAS_SEGMENTS       /* a paragraph starts at each WC_SEG_PARA segment (and at the
	                         * first); the segments of one paragraph are joined as they
	                         * are, paragraphs by a line break */
} wc_para_mode;

/* One version of an input, as a reader emits it.  Everything is borrowed
 * from the reader until emit returns. */
typedef struct {
	const char *lang;       /* its language (the one the input was added with, or the
	                         * one the format names); NULL: to be identified from
	                         * its text */
	wc_role role;
	const wc_segment *segs; /* in input order, not overlapping */
	size_t nsegs;
	wc_para_mode paras;
	bool has_invalid;       /* the segments hold invalid UTF-8, to be read as U+FFFD
	                         * (only when the input asked for WC_DOC_REPLACE_INVALID) */
	const wc_markup_note *notes; /* inline codes that differ from the source's (XLIFF) */
	size_t nnotes;
} wc_segmap;

/* What a reader reads: one input as it was added. */
typedef struct {
	const char *path;       /* names the input in diagnostics and reports */
	const char *bytes;      /* the input as read */
	size_t len;
	const char *lang;       /* the language it was added with; NULL (a format other
	                         * than text): the document's, or identified */
	wc_role role;           /* the role it was added with */
	unsigned flags;         /* WC_DOC_* */
	wc_diags *diags;
} wc_reader_input;

/* Called by a reader once per version; returns 0 or a negative WC_E* code,
 * which the reader returns at once. */
typedef int (*wc_reader_emit)(void *ctx, const wc_segmap *v);

/* A reader validates what it reads (a problem is a diagnostic and WC_EINPUT)
 * and calls emit for each version: at least one for an input it accepts.
 * Versions emitted before an error stay emitted. */
typedef int (*wc_reader_fn)(const wc_reader_input *in, wc_reader_emit emit, void *ctx);

/* reader.c: the reader of a format, or NULL for one that has none. */
wc_reader_fn wc_reader_for(wc_input_format format);

/* reader.c: appends the names of the formats, ", " between them (for
 * messages that name the choices). */
void wc_input_format_list(wc_buf *b);

/* reader.c: adds a diagnostic at the line:column of byte offset of the
 * input (SIZE_MAX: the input as a whole, no position). */
void wc_reader_diag(const wc_reader_input *in, size_t offset, const char *fmt, ...) WC_PRINTF(3, 4);

/* reader_text.c: plain text (WC_INPUT_TEXT).  No NUL byte; valid UTF-8
 * unless WC_DOC_REPLACE_INVALID; a byte order mark is no part of the text. */
int wc_read_plain_text(const wc_reader_input *in, wc_reader_emit emit, void *ctx);

/* bundle.c: adds the versions read reads from bytes (a copy of them each),
 * after checking that a version in lang with role may join; the other
 * versions read emits are checked as they come.  wc_bundle_add_text_ex is
 * this with the reader of its format. */
int wc_bundle_add_read(wc_bundle *b, wc_role role, const char *lang, const char *path,
                       const char *bytes, size_t len, wc_reader_fn read, wc_diags *diags);

/* bundle.c: wc_bundle_add_file_ex, reading path but naming the version
 * name (a batch record reads the resolved path of the name it gave). */
int wc_bundle_add_input(wc_bundle *b, wc_role role, const char *lang, const char *path,
                        const char *name, wc_input_format format, wc_diags *diags);

/* text.c: prepares a doc of the version v of in: the doc keeps a copy of
 * all of in's bytes (positions are line:column in them), its text is the
 * segments normalized to NFC, its paragraphs as v->paras says.  Returns
 * WC_EINPUT (with a diagnostic) when NFC fails; the doc is to be freed with
 * wc_doc_fini whatever is returned. */
int wc_doc_init_segmap(wc_doc *doc, const wc_reader_input *in, const wc_segmap *v,
                       const wc_locale *loc);

/* text.c: the one version read reads from in, as a doc (wc_doc_init_segmap);
 * a second version is WC_EUSAGE.  wc_doc_init_ex is this with the
 * plain-text reader.  The doc is to be freed with wc_doc_fini whatever is
 * returned. */
int wc_doc_read(wc_doc *doc, const wc_reader_input *in, wc_reader_fn read, const wc_locale *loc);

/* text.c: line (1-based) and column (1-based, code points) of byte offset
 * in bytes[0 .. len), as wc_doc_position gives them for a doc of those bytes. */
void wc_bytes_position(const char *bytes, size_t len, size_t offset, size_t *line, size_t *column);

/* reader_html.c: HTML (WC_INPUT_HTML), one version. */
int wc_read_html(const wc_reader_input *in, wc_reader_emit emit, void *ctx);
/* reader_xml.c: NewsML-G2 (WC_INPUT_NEWSML) and NITF (WC_INPUT_NITF), one
 * version each. */
int wc_read_newsml(const wc_reader_input *in, wc_reader_emit emit, void *ctx);
int wc_read_nitf(const wc_reader_input *in, wc_reader_emit emit, void *ctx);
/* reader_ninjs.c: IPTC ninjs 1.x and 2.x JSON (WC_INPUT_NINJS), one version. */
int wc_read_ninjs(const wc_reader_input *in, wc_reader_emit emit, void *ctx);
/* reader_xliff.c: XLIFF 1.2 and 2.x (WC_INPUT_XLIFF), two versions: the
 * source, then the translation, paired unit by unit. */
int wc_read_xliff(const wc_reader_input *in, wc_reader_emit emit, void *ctx);

#endif
