/*
 * internal.h — types and helpers shared by the stages of libwirecheck.
 * Not installed; the CLI uses wirecheck.h only.
 *
 * Offsets are byte offsets into wc_doc.text (the NFC-normalized text) unless
 * a name says otherwise; they become line/column only when a report is built.
 */
#ifndef WC_INTERNAL_H
#define WC_INTERNAL_H

#include "wirecheck.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#define WC_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* ---- alloc.c: memory (OOM aborts here, nowhere else) and small buffers ---- */

void *wc_xmalloc(size_t n);
void *wc_xcalloc(size_t n, size_t size);
void *wc_xrealloc(void *p, size_t n);
char *wc_xstrdup(const char *s);
char *wc_xstrndup(const char *s, size_t n);
char *wc_xasprintf(const char *fmt, ...) WC_PRINTF(1, 2);
char *wc_xvasprintf(const char *fmt, va_list ap);

/* Grows *p (an array of elem-sized items with capacity *cap) to hold need. */
void wc_grow(void *pp, size_t *cap, size_t need, size_t elem);
#define WC_PUSH(arr, n, cap) \
	(wc_grow(&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

typedef struct {
	char *s;   /* always NUL-terminated once anything was added */
	size_t len, cap;
} wc_buf;

void wc_buf_add(wc_buf *b, const char *s, size_t n);
void wc_buf_puts(wc_buf *b, const char *s);
void wc_buf_putc(wc_buf *b, char c);
void wc_buf_printf(wc_buf *b, const char *fmt, ...) WC_PRINTF(2, 3);
/* Returns the string and leaves b empty; never NULL. */
char *wc_buf_take(wc_buf *b);
void wc_buf_free(wc_buf *b);

/* ---- input.c: reading an input file ------------------------------------------ */

enum {
	WC_READ_KEEP_INVALID = 1, /* do not stop at invalid UTF-8 (--replace-invalid) */
	WC_READ_RULE_FILE = 2     /* a rule file: regular files only, never blocks on open */
};
/* Reads path ("-" = standard input) into out (empty on entry), in chunks, at
 * most max bytes (0 = WC_MAX_INPUT_DEFAULT).  Stops early, returning WC_OK,
 * after the first chunk that holds a NUL byte or invalid UTF-8: the caller's
 * validation reports it.  Errors name name (NULL = path) in diags: WC_EIO
 * (cannot open or read, a directory, a rule file that is not regular),
 * WC_EINPUT (larger than max); out is then freed. */
int wc_read_input(const char *path, const char *name, size_t max, unsigned flags, wc_buf *out,
                  wc_diags *diags);
/* The length of the longest prefix of s[0..n) that does not end inside a
 * UTF-8 sequence which more bytes could complete. */
size_t wc_utf8_complete_prefix(const char *s, size_t n);

/* ---- utf8.c: code points ---------------------------------------------------- */

/* Decodes the code point at s[*i] (bounds n) and advances *i; returns -1 on an
 * invalid sequence (advancing one byte).  Inline for ASCII: every stage walks
 * text through it. */
int32_t wc_utf8_next_multibyte(const char *s, size_t n, size_t *i);
/* FNV-1a over n bytes: the one hash of words, ids and keys in the tables. */
static inline uint64_t wc_hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static inline int32_t wc_utf8_next(const char *s, size_t n, size_t *i)
{
	unsigned char b = (unsigned char)s[*i];
	if (b < 0x80) {
		(*i)++;
		return b;
	}
	return wc_utf8_next_multibyte(s, n, i);
}
/* Decodes the code point that ends just before s[i]; sets *start to its first
 * byte.  Returns -1 at the start of the string. */
int32_t wc_utf8_prev(const char *s, size_t i, size_t *start);
/* Offset of the first invalid byte, or (size_t)-1 if s is valid UTF-8. */
size_t wc_utf8_invalid_at(const char *s, size_t n);
/* s[0..n) case-folded without its accents ("Japón" → "japon"); caller frees. */
char *wc_fold_marks(const char *s, size_t n);
bool wc_is_letter_u(int32_t c);
bool wc_is_upper_u(int32_t c);
bool wc_is_lower_u(int32_t c);
bool wc_is_digit_u(int32_t c);
bool wc_is_space_u(int32_t c);
/* Character classes, ASCII answered inline, the rest by utf8proc. */
static inline bool wc_is_letter(int32_t c)
{
	return c >= 0 && c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : wc_is_letter_u(c);
}
static inline bool wc_is_upper(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= 'A' && c <= 'Z') : wc_is_upper_u(c);
}
static inline bool wc_is_lower(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= 'a' && c <= 'z') : wc_is_lower_u(c);
}
static inline bool wc_is_digit(int32_t c)
{
	return c >= 0 && c < 0x80 ? (c >= '0' && c <= '9') : wc_is_digit_u(c);
}
/* Unicode white space, incl. NBSP */
static inline bool wc_is_space(int32_t c)
{
	return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : wc_is_space_u(c);
}
bool wc_is_currency_sign(int32_t c); /* $ € £ ¥ ... (category Sc) */
/* Case-folded copy of s[0..n) (NFC), for dictionary keys. */
char *wc_casefold(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t wc_utf8_count(const char *s, size_t n);

/* ---- diag.c ------------------------------------------------------------------ */

void wc_diags_add(wc_diags *d, const char *file, int line, int column,
                  const char *excerpt, const char *fmt, ...) WC_PRINTF(6, 7);

/* ---- yaml.c: a small document tree with positions, built with libyaml -------- */

typedef enum { WC_Y_SCALAR, WC_Y_SEQ, WC_Y_MAP } wc_ytype;

typedef struct wc_ynode {
	wc_ytype type;
	char *value;            /* scalars */
	int quoted;             /* 0 plain, '\'' single-quoted, '"' double-quoted */
	int line, column;       /* 1-based */
	size_t n;               /* SEQ: items; MAP: pairs (items[2k] key, [2k+1] value) */
	size_t cap;
	struct wc_ynode **items;
} wc_ynode;

typedef struct {
	char *path;
	char *text;             /* the file, for excerpts in diagnostics */
	size_t len;
	wc_ynode *root;         /* NULL for an empty file */
} wc_ydoc;

/* Parses a YAML file; returns NULL with a diagnostic on error.  Aliases are
 * refused (they make alias bombs possible and rule files do not need them). */
wc_ydoc *wc_yaml_load(const char *path, wc_diags *diags);
wc_ydoc *wc_yaml_parse(const char *path, const char *text, size_t len, wc_diags *diags);
void wc_yaml_free(wc_ydoc *d);
/* Value of key in a MAP, or NULL. */
wc_ynode *wc_ymap_get(const wc_ynode *map, const char *key);
/* The text of line (1-based) of the file; caller frees. NULL if none. */
char *wc_ydoc_line(const wc_ydoc *doc, int line);
/* Column of the code point at byte offset off of a scalar's value, given the
 * scalar's line text, its column and quoting: escapes ("\\d", '') are two
 * characters in the file but one in the value. */
int wc_yaml_value_column(const char *line, int column, int quoted, size_t off, const char *value);
/* Adds a diagnostic located at node, with its line as excerpt. */
void wc_ydiag(wc_diags *d, const wc_ydoc *doc, const wc_ynode *node,
              const char *fmt, ...) WC_PRINTF(4, 5);

/* ---- lexicon.c: word forms → canonical values -------------------------------- */

typedef struct {
	char *key;     /* case-folded form */
	char *form;    /* the form as written in the rule file */
	char *canon;   /* canonical value ("monday", "USD", "vice-premier") */
	int64_t num;   /* numeric value (number words, scale exponents) */
} wc_lex_item;

typedef struct {
	wc_lex_item *items;     /* in the order added */
	size_t n, cap;
	size_t *hash;           /* item index + 1 by case-folded key; hcap a power of two */
	size_t hcap;
	size_t maxlen;          /* the longest form or key, in bytes */
} wc_lexicon;

void wc_lex_add(wc_lexicon *lx, const char *form, const char *canon, int64_t num);
/* Finds s[0..n) case-insensitively; NULL if absent. */
const wc_lex_item *wc_lex_find(const wc_lexicon *lx, const char *s, size_t n);
/* A PCRE2 alternation of all forms (with symbols_only, only those with a
 * currency sign), longest first, escaped; "(?!)" if empty.  Caller frees. */
char *wc_lex_regex(const wc_lexicon *lx, bool symbols_only);
void wc_lex_free(wc_lexicon *lx);

/* ---- locale ------------------------------------------------------------------- */

typedef struct { int32_t open, close; } wc_quote_pair;

typedef struct wc_strlist {
	char **v;
	size_t n, cap;
} wc_strlist;

void wc_strlist_add(wc_strlist *l, const char *s);
bool wc_strlist_has_fold(const wc_strlist *l, const char *s, size_t n);
void wc_strlist_free(wc_strlist *l);

typedef struct wc_locale {
	char *lang, *name;
	wc_strlist files;           /* the files that defined it */
	char *decimal, *group;      /* separators (UTF-8) */
	wc_strlist group_also;      /* other accepted group separators */
	wc_quote_pair quotes[2];    /* [0] primary, [1] secondary (CLDR) */
	wc_quote_pair *quotes_also; /* further pairs accepted in this language */
	size_t nquotes_also, quotes_also_cap;
	bool quote_continuation;    /* an unclosed quote may continue in the next paragraph */
	int32_t quotes_spaced[4];   /* marks set off from the quotation by a space (fr « ») */
	size_t nquotes_spaced;
	wc_lexicon weekdays, months, number_words, joiners, scales, units,
	           currencies, relative, titles, names;
	wc_strlist stopwords;       /* frequent words, for language identification */
	wc_strlist genitive;        /* suffixes a name may take: "s", "’s", ":s" */
	wc_strlist articles;        /* "a", "an": one before a unit, a weak fact; no number word */
	wc_strlist name_endings;    /* case endings on a person's name: pl "Trumpa", fi "Trumpin" */
	wc_strlist colon_suffixes;  /* "USA:s": endings that follow a colon */
	wc_strlist repeat_ok;       /* words that may stand twice ("had had") */
	int bare_word_min;          /* smallest number word that is a fact on its own */
	bool months_case_sensitive;
	bool weekdays_case_sensitive; /* es "Plácido Domingo" is no Sunday */
	double length_factor;       /* text length relative to English's (measured); 0 = unknown */
	struct wc_compiled *compiled; /* rules_compile.c */
} wc_locale;

/* ---- rules -------------------------------------------------------------------- */

typedef enum {
	WC_K_NUMBER, WC_K_MONEY, WC_K_DURATION, WC_K_DATE, WC_K_TITLE, WC_K_NAME, WC_K_CODE,
	WC_K_COUNT
} wc_kind;

const char *wc_kind_name(wc_kind k);
int wc_kind_parse(const char *s);

typedef struct {
	char *lang;             /* or "*" */
	char *pattern;          /* before macro expansion */
	int line, column;       /* where it stands in its file */
	int quoted;             /* its YAML quoting, to map offsets back to columns */
	char *source_line;      /* the file's line, for excerpts */
} wc_rule_pattern;

typedef struct {
	char *lang, *text, *value, *unit;
	char *kind;             /* locale examples: the kind of fact expected */
	const char *rule;       /* rule examples: the rule's id (owned by the rule) */
	char *file;
	int line;
} wc_example;

typedef struct wc_rule {
	char *id;
	wc_kind kind;
	wc_severity severity;
	char *description;
	bool generic;           /* a generic extractor, not a keyed fact */
	char *file;
	int line;
	wc_rule_pattern *patterns;
	size_t npatterns, patterns_cap;
	size_t index;
} wc_rule;

typedef struct {
	char *id;
	char *kind;             /* "title", "place", "org" */
	char *broader;          /* a wider concept it may be rendered as, or NULL */
	wc_strlist langs, forms; /* parallel: forms[i] is written in langs[i] */
} wc_concept;

struct wc_ruleset {
	wc_locale **locales;
	size_t nlocales, locales_cap;
	wc_rule **rules;
	size_t nrules, rules_cap;
	wc_concept *concepts;
	size_t nconcepts, concepts_cap;
	wc_example *examples;
	size_t nexamples, examples_cap;
	unsigned match_limit, depth_limit;
	bool lazy_jit;          /* JIT only when a large text arrives (single-threaded use) */
	struct wc_stopword *stopwords; /* every locale's stop words, sorted (langid.c) */
	size_t nstopwords;
	size_t *stopword_hash;  /* word → its first entry + 1, open addressing */
	size_t stopword_mask;
};

/* langid.c: (re)builds rs->stopwords once the locales are loaded, so that
 * identifying a text does not sort them again (threads share them). */
void wc_langid_index(wc_ruleset *rs);
void wc_langid_index_free(wc_ruleset *rs);

wc_locale *wc_ruleset_locale(const wc_ruleset *rs, const char *lang);
const wc_concept *wc_ruleset_concept(const wc_ruleset *rs, const char *id);
/* Whether two concept ids may name the same thing (equal, or one broader). */
bool wc_concepts_compatible(const wc_ruleset *rs, const char *a, const char *b);
void wc_locale_free(wc_locale *loc);
void wc_compiled_free(struct wc_compiled *c);
void wc_compiled_set_limits(struct wc_compiled *c, unsigned match_limit, unsigned depth_limit);

/* ---- text.c: prepared text ---------------------------------------------------- */

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
	int matched;            /* WC_MATCH_*: set by match.c for the version's last check */
} wc_xfact;

enum { WC_MATCH_NONE = 0, WC_MATCH_EQUAL = 1, WC_MATCH_DIFFERENT = 2 };

typedef struct {
	size_t open, close;     /* byte offsets of the marks; close == SIZE_MAX if none */
	size_t para;
	bool broken;            /* reported as quote.unbalanced: a fragment, not a quotation */
} wc_quotation;

typedef struct wc_doc {
	char *path;
	const wc_locale *loc;
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
} wc_doc;

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

/* ---- extract.c ---------------------------------------------------------------- */

/* Fills doc->facts.  Limits hit become rule.limit findings when fs != NULL. */
struct wc_findings;
int wc_extract_doc(wc_ruleset *rs, wc_doc *doc, struct wc_findings *fs, wc_diags *diags);
/* number.c: parses a number as written in loc ("1,2", "80, 000", "syv",
 * "femogtyve", "1.2 billion") into a decimal string.  *garbled is set for
 * forms such as "80, 000".  NULL if it is not a number. */
char *wc_parse_number(const wc_locale *loc, const char *s, size_t n, bool *garbled);
/* The same, also telling whether it was written in words and with a scale word. */
char *wc_parse_number_ex(wc_locale *loc, const char *s, size_t n, bool *garbled, bool *words,
                         bool *scaled);
/* Adds up the values of a number in words, in order (multipliers such as
 * "dozen" negative: -12).  False when it is no number or its value would pass
 * INT64_MAX: checked arithmetic, never a wrapped value. */
bool wc_compose_number_words(const int64_t *vals, size_t nvals, int64_t *out);
/* Normalizes a person's name for comparison: drops dots, folds case, strips a
 * genitive ending.  Caller frees. */
char *wc_name_key(const wc_locale *loc, const char *s, size_t n);
/* "january" … "december", NULL (rules_load.c). */
extern const char *const wc_month_ids[];
/* Whether two name keys name the same person ("xi" ~ "xi jinping"). */
bool wc_names_compatible(const wc_locale *la, const char *a, const wc_locale *lb, const char *b);

/* The public fact list: wc_extract() fills it, wc_facts_write_jsonl() prints it. */
struct wc_facts {
	wc_fact *v;
	size_t n, cap;
	char **owned;           /* strings the list owns */
	size_t nowned, owned_cap;
};

/* ---- findings ----------------------------------------------------------------- */

enum {
#define WC_CHECK(e, name, sev, desc) WC_CHECK_##e,
#include "checks.def"
#undef WC_CHECK
	WC_CHECK_COUNT
};

typedef struct {
	int check;
	wc_severity severity;
	const wc_doc *doc;
	size_t start, end;
	char *message, *expected, *found;
	const char *rule;
	const wc_doc *src;      /* NULL when there is no source counterpart */
	size_t src_start;
} wc_raw_finding;

/* At most this many findings of one check on one version are kept; the rest
 * are counted, and the report says how many in one summary finding.  A text
 * of a million repeated words must not cost a million findings' memory. */
#define WC_MAX_FINDINGS_PER_CHECK 1000

/* What was left out of one check on one version. */
typedef struct {
	size_t kept, left_out;
	const wc_doc *doc;
	size_t start;           /* where the first finding left out is */
	wc_severity worst;      /* the highest severity left out */
} wc_left_out;

typedef struct wc_findings {
	wc_raw_finding *v;
	size_t n, cap;
	wc_left_out *per;       /* [version index * WC_CHECK_COUNT + check] */
	size_t nper;
} wc_findings;

/* Appends a finding, or counts it as left out once its check has
 * WC_MAX_FINDINGS_PER_CHECK on the version.  severity < 0 takes the check's
 * default.  expected, found and rule may be NULL; src may be NULL.  The
 * strings are copied. */
void wc_emit(wc_findings *fs, int check, int severity, const wc_doc *doc,
             size_t start, size_t end, const wc_doc *src, size_t src_start,
             const char *expected, const char *found, const char *rule,
             const char *fmt, ...) WC_PRINTF(12, 13);
void wc_findings_free(wc_findings *fs);

/* ---- align.c ------------------------------------------------------------------ */

typedef struct {
	int *s2t;               /* source paragraph → translation paragraph or -1 */
	int *t2s;               /* translation paragraph → source paragraph or -1 */
	double *score;          /* source paragraph → similarity of its pair (0..1) */
	size_t ns, nt;
} wc_alignment;

/* Aligns the paragraphs of tgt to those of src, by shared anchors (numbers,
 * normalized facts, names) and length; paragraphs may be dropped, added,
 * merged or moved. */
void wc_align_docs(const wc_doc *src, const wc_doc *tgt, wc_alignment *al);
void wc_alignment_free(wc_alignment *al);

/* ---- checks ------------------------------------------------------------------- */

/* check_quotes.c: pairs the quote marks of each paragraph (fills
 * doc->quotations) and reports quote.unbalanced, quote.detached, quote.style. */
void wc_check_quotes(wc_doc *doc, wc_findings *fs);
/* quote.missing: source quotations whose aligned paragraph has none. */
void wc_check_quote_missing(const wc_doc *src, const wc_doc *tgt,
                            const wc_alignment *al, wc_findings *fs);
/* A translation's quote.unbalanced whose aligned source paragraph leaves a
 * quotation open too (a quotation that spans paragraphs, a sentence cut from
 * one) is the source's, carried faithfully: info, pointing at the source. */
void wc_quote_unbalanced_as_in_source(const wc_doc *src, const wc_doc *tgt,
                                      const wc_alignment *al, wc_findings *fs);
/* check_text.c: text.repeated-word, text.hyphen-spacing, text.punct-spacing. */
void wc_check_text(const wc_doc *doc, wc_findings *fs);
/* check_numbers.c: number.format for garbled and wrong-locale numbers. */
void wc_check_numbers(const wc_doc *doc, wc_findings *fs);
/* match.c: fact.mismatch, fact.missing, fact.extra (contradictions only for
 * related coverage). */
void wc_match_facts(const wc_ruleset *rs, wc_doc *src, wc_doc *tgt,
                    const wc_alignment *al, wc_findings *fs);

/* ---- langid.c: the scores behind wc_identify_language ------------------------- */

typedef struct {
	const char *lang;       /* the best language (borrowed from the ruleset), or NULL */
	double confidence;      /* (best − second) / best */
	double best_score;      /* the best language's stop-word score */
	double given_score;     /* the score of the language asked about (0 if none) */
} wc_langid;

/* Scores text against every locale; given (may be NULL) names a language
 * whose score is wanted as well.  Returns 0 when the best language is decided,
 * WC_ELANG when wc_identify_language would refuse. */
int wc_langid_scores(const wc_ruleset *rs, const char *text, size_t len, const char *given,
                     wc_langid *out);

/* ---- check_version.c: whole-version verdicts ---------------------------------- */

/* The default of --min-coverage: the share of its source a translation must
 * carry (see the README's "Whole-version checks" for the measurements). */
#define WC_MIN_COVERAGE_DEFAULT 0.5

/* How much of its source a translation carries. */
typedef struct {
	size_t paras, paras_kept;   /* source paragraphs; those the alignment pairs */
	size_t items, items_kept;   /* source facts and quotations; those carried */
} wc_coverage;

/* The source facts that count for coverage; *carried receives how many of
 * them the last wc_match_facts() matched. */
size_t wc_coverage_facts(const wc_doc *src, size_t *carried);
/* Whether c shows too little of the source: a share below min of the source's
 * paragraphs, or of its facts and quotations, each judged only when there are
 * enough of them to judge.  min <= 0 never fails. */
bool wc_coverage_too_low(const wc_coverage *c, double min);
/* Whether id (of a text tagged as given) says clearly that it is another
 * language: decided, and the given language scores far below the best. */
bool wc_language_differs(int rc, const wc_langid *id, const char *given);
/* The sentences of s[0..n): ends of sentences followed by a capital, not
 * counting a period after a one- or two-letter word ("Mr.", "U.S."). */
size_t wc_count_sentences(const char *s, size_t n);
/* Whether a target paragraph of tgt_len code points is much shorter than its
 * source of src_len code points and the given number of sentences: factors
 * are the languages' length_factor (0 = not measured: no verdict).  Short
 * source paragraphs get none either. */
bool wc_paragraph_too_short(size_t src_len, size_t sentences, size_t tgt_len, double src_factor,
                            double tgt_factor);
/* version.empty, version.coverage, version.language, paragraph.missing and
 * paragraph.short for one translation, right after its wc_match_facts() and
 * wc_check_quote_missing() (their results in the facts' matched flags and in
 * fs).  Related coverage gets none of them, nor does a translation of a
 * source without text. */
void wc_check_version(const wc_ruleset *rs, const wc_doc *src, const wc_doc *tgt,
                      const wc_alignment *al, double min_coverage, wc_findings *fs);

/* ---- report.c ----------------------------------------------------------------- */

typedef struct {
	char *text;             /* the file as read */
	size_t len;
	wc_paragraph *paras;
	size_t npara;
	wc_report_fact *facts;
	size_t nfacts;
} wc_report_doc;

struct wc_report {
	wc_version *versions;
	wc_report_doc *docs;    /* parallel to versions */
	size_t nversions;
	wc_finding *findings;
	size_t nfindings;
	char **strings;         /* every string the report owns */
	size_t nstrings, strings_cap;
};

wc_report *wc_report_build(wc_doc *docs, size_t ndocs, const wc_findings *fs);

/* JSON helpers shared by the writers. */
enum {
	WC_ESC_KEEP_TAB = 1,  /* a tab stays a tab (an excerpt with a caret under it) */
	WC_ESC_TAB_SPACE = 2  /* a tab becomes a space (a snippet of wire copy) */
};
/* Writes s[0..n) on one line: control characters (C0, DEL, C1) become
 * \n, \r, \t, \xHH or \u00HH, an invalid byte \xHH, so that a message, an id
 * or a file name can neither break a line nor drive the terminal. */
void wc_put_escaped(FILE *out, const char *s, size_t n, unsigned flags);
/* Whether c is a C0 or C1 control character or DEL. */
bool wc_is_control(int32_t c);
/* The width of the character at s[*i] as wc_put_escaped writes it with
 * WC_ESC_KEEP_TAB (a tab counts one); advances *i. */
size_t wc_escaped_width(const char *s, size_t n, size_t *i);
void wc_json_str(FILE *out, const char *s);
/* Writes s[0..n) escaped for HTML/XML text and attribute values (& < > " '
 * as references); control characters and invalid UTF-8 become U+FFFD. */
void wc_xml_text(FILE *out, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL writes nothing. */
void wc_xml_str(FILE *out, const char *s);

/* What the verdict line counts: the versions checked against the source (not
 * the source), how many fail under the gate, and their findings. */
typedef struct {
	size_t checked, failed, errors, warnings, infos;
} wc_totals;
void wc_report_totals(const wc_report *r, wc_severity gate, wc_totals *t);

int wc_report_write_text(const wc_report *r, const wc_report_options *opt, FILE *out);
int wc_report_write_json(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_html.c: one self-contained page for editors: verdicts, counts, and
 * each translation side by side with the source, facts and findings marked. */
int wc_report_write_html(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_sarif.c: SARIF 2.1.0, one run, a rule per check. */
int wc_report_write_sarif(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_junit.c: JUnit XML, a testsuite per version and a testcase per check. */
int wc_report_write_junit(const wc_report *r, const wc_report_options *opt, FILE *out);
/* report_markdown.c: a summary table and the findings, for merge requests. */
int wc_report_write_markdown(const wc_report *r, const wc_report_options *opt, FILE *out);

/* ---- batch.c / json_read.c ------------------------------------------------------ */

/* json_read.c: a strict JSON reader (RFC 8259) for one JSON Lines record.  It
 * parses in place: strings are decoded into the buffer itself. */
typedef enum {
	WC_JSON_NULL, WC_JSON_FALSE, WC_JSON_TRUE, WC_JSON_NUMBER, WC_JSON_STRING,
	WC_JSON_ARRAY, WC_JSON_OBJECT
} wc_json_type;

#define WC_JSON_MAX_DEPTH 64

typedef struct {
	wc_json_type type;
	char *s;              /* STRING: the decoded bytes, NUL-terminated (may hold NULs);
	                         NUMBER: the number as written, not terminated */
	size_t len;
	size_t n;             /* ARRAY: elements; OBJECT: members */
	size_t next;          /* index of the next sibling (in objects: of the next key); 0 = last */
	size_t column;        /* 1-based byte column where the value starts */
} wc_json_node;

typedef struct {
	wc_json_node *v;      /* v[0] is the top-level value; children follow their parent,
	                         and in objects each key node is followed by its value */
	size_t n, cap;
	char error[96];       /* why parsing failed */
	size_t error_column;  /* 1-based byte column of the failure */
} wc_json_doc;

/* Parses buf[0..len) in place.  Returns 0, or -1 with doc->error set.  The
 * nodes point into buf.  A doc may be reused; free it with wc_json_free. */
int wc_json_parse(wc_json_doc *doc, char *buf, size_t len);
void wc_json_free(wc_json_doc *doc);
/* First element of an array, first key of an object; NULL if empty. */
const wc_json_node *wc_json_child(const wc_json_doc *doc, const wc_json_node *n);
const wc_json_node *wc_json_next(const wc_json_doc *doc, const wc_json_node *n);
/* The value of the first member named key, or NULL. */
const wc_json_node *wc_json_get(const wc_json_doc *doc, const wc_json_node *obj, const char *key);
/* "a string", "an object", ... for messages. */
const char *wc_json_type_name(wc_json_type t);

/* batch.c: the parts the unit tests reach. */
/* Drops the white space outside strings of a JSON text in place (the
 * pretty report becomes one line); returns the new length. */
size_t wc_json_compact(char *s, size_t n);
/* How records are read: see wc_batch_options. */
typedef struct {
	int replace_invalid;    /* as wc_bundle_set_replace_invalid() */
	size_t max_input;       /* the most bytes of a file a "path" names; 0 = the default */
	const char *path_root;  /* a resolved folder that every "path" must resolve into; NULL = any */
	int guard_output;       /* whether a "path" to output_dev/output_ino is refused */
	unsigned long long output_dev, output_ino; /* the report's file (batch -o) */
	int *named_output;      /* set to 1 when a "path" was that file; may be NULL */
} wc_record_opts;
/* Reads one JSON Lines record (buf[0..len), parsed in place) into a new
 * bundle of rs.  *id receives the record's id (caller frees; NULL when it has
 * none).  Returns NULL with *error set (caller frees) when the record is
 * malformed or a version cannot be added.  opt may be NULL: no limits beyond
 * the defaults, and any path. */
wc_bundle *wc_batch_record_bundle(wc_ruleset *rs, char *buf, size_t len,
                                  const wc_record_opts *opt, char **id, char **error);
/* Whether the resolved absolute path lies in the resolved folder root: equal
 * to it, or below it on a path component boundary ("/" holds every path). */
bool wc_path_within(const char *root, const char *path);

#endif
