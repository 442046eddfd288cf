/*
 * doc.h — one version's prepared text (text.c): NFC text with its map to
 * the bytes as read, paragraphs, and the facts and quotations found in it.
 */
#ifndef WC_DOC_H
#define WC_DOC_H

#include "rules.h"

typedef struct {
	size_t start, end;      /* the paragraph's text, without the line break */
	size_t line;            /* 1-based line of its first character */
} wc_para;

typedef struct wc_xfact {
	wc_kind kind;
	const wc_rule *rule;
	size_t start, end;
	char *value;            /* normalized value */
	char *unit;             /* currency, time unit, date part; or NULL */
	char *name;             /* titles: the person's name as normalized; or NULL */
	size_t para;
	bool garbled;           /* the number was written in a garbled form */
	bool weak;              /* its count is an article or "one" ("a year", "einem Jahr",
	                         * "un jour"): it matches, but dropping it is no finding */
	bool sign_unsure;       /* after a word that may be a minus ("de moins 5 à"): either sign */
	int matched;            /* WC_MATCH_*: set by check_facts.c for the version's last check */
	/* measures (and money in a subunit): the number as written in its unit and what its last digit
	 * is worth in the SI unit ("6 inches": 6, 0.0254 m), for conversions
	 * rounded as a journalist rounds them (check_facts.c) */
	double written, step;
} wc_xfact;

enum { WC_MATCH_NONE = 0, WC_MATCH_EQUAL = 1, WC_MATCH_DIFFERENT = 2 };

typedef struct {
	size_t open, close;     /* byte offsets of the marks; close == SIZE_MAX if none */
	size_t para;
	bool broken;            /* reported as quote.unbalanced: a fragment, not a quotation */
} wc_quotation;

/* An inline code of a bilingual file that one side has and the other lacks
 * (markup.mismatch, check_markup.c). */
typedef struct {
	size_t at;              /* where it is (or, missing, where its unit's text starts):
	                         * a byte offset of the input */
	size_t src_at;          /* the code in the source's input; SIZE_MAX = none there */
	size_t unit;            /* 1-based */
	char *code;             /* as written: <g id="1"> */
	bool missing;           /* in the source, not in the translation (else added) */
} wc_markup_note;

typedef struct wc_doc {
	char *path;
	const wc_locale *loc;
	char *tag;              /* the language as given when it is a tag of loc's (pt-BR), or NULL */
	wc_role role;
	size_t index;           /* position in the bundle / report versions */
	char *orig;             /* the bytes as read */
	size_t orig_len;
	char *text;             /* NFC-normalized, NUL-terminated */
	size_t len;
	bool text_is_orig;      /* text points into orig: NFC left it as read */
	size_t *map;            /* text offset → orig offset, or NULL when identical */
	size_t *line_starts;    /* orig offsets where lines start */
	size_t nlines;
	size_t *col_marks;      /* code points before every 4096th byte (long texts only) */
	size_t ncol_marks;
	wc_para *paras;
	size_t npara, paras_cap;
	wc_xfact *facts;
	size_t nfacts, facts_cap;
	wc_quotation *quotations; /* paired (or unclosed) double quotations */
	size_t nquotations, quotations_cap;
	int *aligned_to;        /* paragraph → aligned source paragraph or -1 (NULL for the source) */
	size_t *units;          /* paragraph → its unit of a bilingual file (1-based), which
	                         * aligns it (align.c); NULL when the reader gave none */
	wc_markup_note *notes;  /* the inline codes that differ from the source's */
	size_t nnotes;
	struct wc_name_keys *name_keys; /* check_names.c: the keys of its words, made at the
	                         * first pair that needs them (a source serves every pair) */
} wc_doc;

/* Frees what check_names.c keeps of a doc (NULL is fine). */
void wc_name_keys_free(struct wc_name_keys *k);

/* Prepares a doc: validates UTF-8 (WC_EINPUT + diagnostic with byte offset),
 * normalizes to NFC, splits paragraphs.  Takes a copy of the bytes. */
int wc_doc_init(wc_doc *doc, const char *path, const wc_locale *loc, wc_role role,
                const char *bytes, size_t len, wc_diags *diags);
/* The same, with WC_DOC_* flags. */
#define WC_DOC_REPLACE_INVALID 1u /* invalid UTF-8 becomes U+FFFD instead of an error */
int wc_doc_init_ex(wc_doc *doc, const char *path, const wc_locale *loc, wc_role role,
                   const char *bytes, size_t len, unsigned flags, wc_diags *diags);
void wc_doc_fini(wc_doc *doc);
/* Forgets facts, quotations and alignment, so that a doc can be checked again. */
void wc_doc_clear_results(wc_doc *doc);
/* Line (1-based) and column (1-based, code points) in the file as read. */
void wc_doc_position(const wc_doc *doc, size_t offset, size_t *line, size_t *column);
size_t wc_doc_orig_offset(const wc_doc *doc, size_t offset);
/* Paragraph that contains offset (the nearest one before it otherwise). */
size_t wc_doc_para_at(const wc_doc *doc, size_t offset);
/* The text of the original line holding offset, newly allocated. */
char *wc_doc_line_text(const wc_doc *doc, size_t offset);
/* At most a few hundred bytes of that line around offset ("…" where cut);
 * *column receives offset's column within it. */
char *wc_doc_snippet(const wc_doc *doc, size_t offset, size_t *column);

#endif
