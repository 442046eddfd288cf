/*
 * wirecheck.h — the one public header of libwirecheck.
 *
 * wirecheck checks that the translations of a news story carry the same facts
 * (numbers, money, durations, dates, titles, names) as the source, and that
 * their text is intact (quotation marks, number formats, doubled words).
 *
 * Pipeline: a wc_ruleset is loaded from rule directories (locales, fact rules,
 * terms); a wc_bundle collects the versions of one story (each input read by
 * the reader of its format, wc_input_format, into one or more versions);
 * wc_bundle_check() prepares, extracts, aligns and checks them and returns a
 * wc_report, which the reporters format.
 *
 * Ownership, once for the whole API: every wc_X_new() is paired with a
 * wc_X_free() that accepts NULL.  An object owns everything it returns
 * pointers to; returned strings and structs are borrowed and stay valid until
 * that object is freed.  A wc_bundle borrows its wc_ruleset, and a wc_report
 * borrows nothing: it may outlive the bundle and the ruleset.
 *
 * Errors: functions return 0 on success or a negative WC_E* code
 * (wc_strerror() names it).  Problems in user input (rule files, texts) are
 * appended to a wc_diags list as {file, line, column, message}; the library
 * never prints.  Out of memory aborts the process with a message.
 */
#ifndef WIRECHECK_H
#define WIRECHECK_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything declared here is the shared library's interface: the library is
 * compiled with -fvisibility=hidden (mk/install.mk), so its internal functions
 * stay out of libwirecheck.so, and these declarations give their definitions
 * default visibility. */
#pragma GCC visibility push(default)

#define WC_VERSION "0.1.0"

/* Error codes (negative return values). */
enum {
	WC_OK = 0,
	WC_EIO = -1,      /* a file could not be read or written */
	WC_EINPUT = -2,   /* bad input text (invalid UTF-8, NUL byte, ...) */
	WC_ERULES = -3,   /* a rule or locale file is invalid */
	WC_ELANG = -4,    /* no locale for the requested language */
	WC_EUSAGE = -5    /* the call itself is wrong (no source, ...) */
};

/* Returns a static description of a WC_E* code. */
const char *wc_strerror(int code);

typedef enum { WC_INFO = 0, WC_WARNING = 1, WC_ERROR = 2, WC_NEVER = 3 } wc_severity;

/* "info", "warning", "error", "never". */
const char *wc_severity_name(wc_severity s);
/* Parses a severity name; returns -1 if unknown. */
int wc_severity_parse(const char *name);

typedef enum { WC_ROLE_SOURCE = 0, WC_ROLE_TRANSLATION = 1, WC_ROLE_RELATED = 2 } wc_role;

/* "source", "translation", "related". */
const char *wc_role_name(wc_role r);

/* ---- diagnostics: problems in user input ---------------------------------- */

typedef struct wc_diags wc_diags;

typedef struct {
	const char *file;    /* may be "" when no file is involved */
	int line, column;    /* 1-based; 0 when unknown */
	const char *message; /* one line, no trailing newline */
	const char *excerpt; /* the offending source line, or NULL */
} wc_diag;

wc_diags *wc_diags_new(void);
void wc_diags_free(wc_diags *d);
size_t wc_diags_count(const wc_diags *d);
const wc_diag *wc_diags_get(const wc_diags *d, size_t i);
/* Writes every diagnostic as "file:line:column: error: message" (and a caret
 * line under the excerpt when there is one). */
void wc_diags_print(const wc_diags *d, FILE *out);

/* ---- rules ---------------------------------------------------------------- */

typedef struct wc_ruleset wc_ruleset;

wc_ruleset *wc_ruleset_new(void);
void wc_ruleset_free(wc_ruleset *rs);

/* Loads locales/, facts/ and terms/ below dir (each optional).  Later
 * directories add to earlier ones.  Returns WC_ERULES if any diagnostic was
 * added; loading goes on past a bad rule so that all problems are listed. */
int wc_ruleset_load_dir(wc_ruleset *rs, const char *dir, wc_diags *diags);

/* Compiles the rules of one language (done once; later calls are free).
 * WC_ELANG if no locale file defines lang.  Threads that share a ruleset may
 * call it (and extract) at once: one compiles, the others wait for it; a
 * rule error goes to the diagnostics of that one. */
int wc_ruleset_prepare(wc_ruleset *rs, const char *lang, wc_diags *diags);

/* Languages that have a locale, in load order. */
size_t wc_ruleset_lang_count(const wc_ruleset *rs);
const char *wc_ruleset_lang(const wc_ruleset *rs, size_t i);

/* Runs every `examples:` entry of the loaded rule and locale files.  Each
 * failing example becomes a diagnostic; *run receives the number run. */
int wc_ruleset_test(wc_ruleset *rs, wc_diags *diags, size_t *run);

/* With on != 0, patterns are compiled to machine code (PCRE2 JIT) only when
 * a text of 64 KiB or more is extracted, which halves the start-up of small
 * checks.  Safe with threads: the first thread to need a language's machine
 * code makes it, once the threads extracting smaller texts of the language
 * with the interpreted patterns are done; the others wait for it. */
void wc_ruleset_set_lazy_jit(wc_ruleset *rs, int on);

/* With on != 0, the locale files of the rule folders loaded next are read
 * only when their language is first used (prepared, or looked up): a check
 * of two languages does not read twelve.  Their file names give their
 * languages (LANG.yaml, LANG.units.yaml); stop words are read at once
 * (langid/stopwords.yaml), so language identification knows every
 * language.  A file's errors are reported at that first use. */
void wc_ruleset_set_lazy_locales(wc_ruleset *rs, int on);

/* Keeps each language's compiled patterns in a file of dir (made if
 * missing), and reads them from there when the rules they came from are
 * unchanged: a process that checks one story skips most of its start-up.
 * NULL (the default) compiles every time.  A file that is missing, stale or
 * damaged is compiled again and rewritten; the cache never changes a result. */
void wc_ruleset_set_cache_dir(wc_ruleset *rs, const char *dir);

/* Compiles a prepared language's patterns to machine code now (once), as a
 * ruleset about to be shared by threads must be. */
void wc_ruleset_jit(wc_ruleset *rs, const char *lang);

/* The PCRE2 match limit used for rule patterns (0 = library default). */
void wc_ruleset_set_match_limit(wc_ruleset *rs, unsigned limit);

/* The folder of the word lists (LANG.words, made by tools/wordlist from
 * Debian's lists), which tell names from common words; call before a
 * language is prepared.  Without it, the first rule folder loaded decides:
 * DIR/words if it exists (an installed tree), else DIR/../build/words (the
 * source tree).  A language without a list judges names from capitals. */
void wc_ruleset_set_words_dir(wc_ruleset *rs, const char *dir);

/* ---- facts ---------------------------------------------------------------- */

typedef struct {
	const char *kind;   /* a name of checker/kinds.def: "number", "money", "date" … */
	const char *text;   /* the text as written */
	const char *value;  /* normalized: "80000", "1200000000", "monday", "vice-premier" */
	const char *unit;   /* "USD", "year", "weekday", a person's name for titles; or NULL */
	const char *rule;   /* the rule that found it */
	size_t line, column;/* 1-based; column in code points */
	size_t start, end;  /* byte offsets in the input */
	int weak;           /* 1: its count is an article or "one" ("a year", "einem Jahr"): it
	                     * matches an equal fact, but a version without it is no finding */
} wc_fact;

typedef struct wc_facts wc_facts;

/* Extracts the facts of one text.  The text need not be NUL-terminated.
 * path is used in diagnostics only.  Returns NULL (and adds a diagnostic)
 * on invalid input or an unknown language.  Caller frees with wc_facts_free. */
wc_facts *wc_extract(wc_ruleset *rs, const char *lang, const char *path,
                     const char *text, size_t len, wc_diags *diags);
void wc_facts_free(wc_facts *f);
size_t wc_facts_count(const wc_facts *f);
const wc_fact *wc_facts_get(const wc_facts *f, size_t i);

/* ---- bundles and checks --------------------------------------------------- */

typedef struct wc_bundle wc_bundle;
typedef struct wc_report wc_report;

wc_bundle *wc_bundle_new(wc_ruleset *rs);
void wc_bundle_free(wc_bundle *b);

/* Adds one version.  The text is copied.  Exactly one source is required.
 * Returns WC_EINPUT (with a diagnostic naming path and byte offset) for
 * text that is not valid UTF-8 or holds a NUL byte, WC_ELANG for a language
 * without a locale. */
int wc_bundle_add_text(wc_bundle *b, wc_role role, const char *lang,
                       const char *path, const char *text, size_t len,
                       wc_diags *diags);

/* Input formats: how the bytes of an input become the text of one or more
 * versions (each finding still names a line:column of the input as read;
 * docs/input-formats.md).  Plain text is the default of every call that
 * takes none. */
typedef enum {
	WC_INPUT_AUTO = -1,     /* told from the input (wc_input_format_detect) */
	WC_INPUT_TEXT = 0, WC_INPUT_HTML, WC_INPUT_NEWSML, WC_INPUT_NITF, WC_INPUT_NINJS,
	WC_INPUT_XLIFF
} wc_input_format;

/* Parses an input format name ("text", "html", ...); -1 if unknown. */
int wc_input_format_parse(const char *name);
/* "text", "html", ...; NULL for a value that is no format. */
const char *wc_input_format_name(wc_input_format format);
/* The format of an input from its first bytes (an XML root element, an
 * HTML tag, a JSON object with ninjs members), else from the extension of
 * path (may be NULL); plain text when neither tells. */
wc_input_format wc_input_format_detect(const char *path, const char *bytes, size_t len);

/* wc_bundle_add_text for an input in the given format.  A format may yield
 * several versions from one input (a bilingual file: its source and its
 * translation), each with its own language and role; plain text yields one,
 * in lang and role.  For any format but text, lang may be NULL: the
 * document's language is taken (lang, xml:lang, "language", the XLIFF
 * attributes), else the one identified from its text.  WC_EUSAGE (with a
 * diagnostic) for an unknown format. */
int wc_bundle_add_text_ex(wc_bundle *b, wc_role role, const char *lang,
                          const char *path, const char *text, size_t len,
                          wc_input_format format, wc_diags *diags);

/* With on != 0, invalid UTF-8 in texts added afterwards is replaced by U+FFFD
 * (positions still refer to the bytes as read) instead of being an error. */
void wc_bundle_set_replace_invalid(wc_bundle *b, int on);

/* The default most bytes read from one input file or batch record
 * (--max-input-bytes): 128 MiB. */
#define WC_MAX_INPUT_DEFAULT ((size_t)128 << 20)

/* Reads path ("-" = standard input) as wc_bundle_add_file does, into *text
 * (NUL-terminated, caller frees) and *len: in chunks, stopping after the
 * first one with a NUL byte or (unless keep_invalid) invalid UTF-8, at most
 * max bytes (0 = WC_MAX_INPUT_DEFAULT).  Returns WC_EIO or WC_EINPUT (larger
 * than max) with a diagnostic. */
int wc_read_file(const char *path, size_t max, int keep_invalid, char **text, size_t *len,
                 wc_diags *diags);

/* Files added afterwards with wc_bundle_add_file may hold at most max bytes
 * (0 = WC_MAX_INPUT_DEFAULT); a bigger one is WC_EINPUT. */
void wc_bundle_set_max_input(wc_bundle *b, size_t max);

/* The share of its source (paragraphs, or facts and quotations) below which a
 * translation fails version.coverage: share in [0, 1], 0 turns the check off;
 * the default is 0.5.  Returns WC_EUSAGE for a share outside [0, 1]. */
int wc_bundle_set_min_coverage(wc_bundle *b, double share);

/* Reads path ("-" = standard input) and adds it.  Reading stops at the first
 * chunk with a NUL byte or invalid UTF-8 (reported as wc_bundle_add_text
 * does), and after the limit of wc_bundle_set_max_input. */
int wc_bundle_add_file(wc_bundle *b, wc_role role, const char *lang,
                       const char *path, wc_diags *diags);
/* wc_bundle_add_file for an input in the given format (see
 * wc_bundle_add_text_ex). */
int wc_bundle_add_file_ex(wc_bundle *b, wc_role role, const char *lang,
                          const char *path, wc_input_format format, wc_diags *diags);

/* Runs every stage and returns the findings.  Caller frees the report.
 * Returns NULL with *err set when the bundle has no source. */
wc_report *wc_bundle_check(wc_bundle *b, wc_diags *diags, int *err);

/* ---- reports -------------------------------------------------------------- */

typedef struct {
	const char *path, *lang;
	wc_role role;
	size_t errors, warnings, infos; /* findings not suppressed */
	size_t suppressed;              /* findings suppressed by a baseline */
} wc_version;

typedef struct {
	const char *check;     /* stable name, e.g. "fact.mismatch" */
	wc_severity severity;
	size_t version;        /* index into the report's versions */
	const char *path, *lang;
	size_t line, column, end_line, end_column; /* 1-based, columns in code points */
	size_t start, end;     /* byte offsets in the file as read */
	const char *message;
	const char *expected;  /* or NULL */
	const char *found;     /* or NULL */
	const char *rule;      /* or NULL */
	const char *snippet;   /* the finding's line, or the part of it around the
	                        * finding ("…" where cut), or NULL */
	size_t snippet_column; /* the finding's column within snippet */
	int has_source_ref;
	const char *source_path;
	size_t source_line, source_column;
	const char *source_snippet; /* the source's counterpart line (or part), or NULL */
	size_t source_snippet_column;
	int suppressed;        /* in the baseline (wc_report_apply_baseline): not counted
	                        * for the gate, shown by the text format on request only */
} wc_finding;

size_t wc_report_version_count(const wc_report *r);
const wc_version *wc_report_version(const wc_report *r, size_t i); /* 0 = source */
size_t wc_report_count(const wc_report *r);
const wc_finding *wc_report_get(const wc_report *r, size_t i);
void wc_report_free(wc_report *r);

/* Whether version i has a finding at or above gate. */
int wc_report_version_fails(const wc_report *r, size_t i, wc_severity gate);
/* Whether any version fails under gate. */
int wc_report_fails(const wc_report *r, wc_severity gate);

/* What the editors' views need beyond findings: each version's text, its
 * paragraphs as aligned to the source's, and its facts with their status. */
typedef struct {
	size_t line;         /* 1-based line of its first character */
	size_t start, end;   /* byte offsets in the file as read */
	long source_para;    /* aligned source paragraph, -1 if none; the source's own index for the source */
} wc_paragraph;

typedef enum {
	WC_FACT_UNCHECKED,   /* source facts: their status is per translation, in the findings */
	WC_FACT_MATCHED,     /* the source has the same value */
	WC_FACT_MISMATCHED,  /* a fact.mismatch names it */
	WC_FACT_UNMATCHED    /* no counterpart (fact.extra, or ignored for related coverage) */
} wc_fact_status;

typedef struct {
	wc_fact fact;
	size_t para;         /* index into the version's paragraphs */
	wc_fact_status status;
} wc_report_fact;

/* The bytes of version i as read (not NUL-terminated; *len receives the size). */
const char *wc_report_version_text(const wc_report *r, size_t i, size_t *len);
size_t wc_report_paragraph_count(const wc_report *r, size_t i);
const wc_paragraph *wc_report_paragraph(const wc_report *r, size_t i, size_t p);
size_t wc_report_fact_count(const wc_report *r, size_t i);
const wc_report_fact *wc_report_fact_get(const wc_report *r, size_t i, size_t k);

typedef enum {
	WC_FORMAT_TEXT, WC_FORMAT_JSON, WC_FORMAT_HTML, WC_FORMAT_SARIF, WC_FORMAT_JUNIT,
	WC_FORMAT_MARKDOWN
} wc_format;

/* Parses a format name ("text", "json", ...); -1 if unknown. */
int wc_format_parse(const char *name);

typedef struct {
	wc_severity fail_on; /* the gate that decides pass/fail verdicts */
	int color;           /* ANSI colour in the text format */
	int quiet;           /* text format: the findings that fail the gate and the verdict line only */
	int show_suppressed; /* text format: list suppressed findings too, marked so */
	wc_severity min_severity; /* findings below it are not shown (the counts keep them);
	                           * WC_INFO, the zero value, shows every finding */
} wc_report_options;

/* Writes the report in the given format.  Returns WC_EIO on a write error. */
int wc_report_write(const wc_report *r, wc_format fmt,
                    const wc_report_options *opt, FILE *out);

/* Writes facts as JSON Lines, one fact a line. */
int wc_facts_write_jsonl(const wc_facts *f, FILE *out);

/* The candidate of a NULL-terminated list closest to word by edit distance,
 * if it is at most max edits away, else NULL: the "did you mean" of rule
 * files and of the command line. */
const char *wc_closest(const char *word, const char *const *candidates, size_t max);

/* s with its control characters escaped (\n, \t, \x1b, \u0085; an invalid
 * byte as \xHH), for messages on one line of text.  Caller frees. */
char *wc_escape_controls(const char *s);

/* ---- batch ---------------------------------------------------------------- */

/* A batch checks a stream of bundles on worker threads that share one ruleset
 * read-only, and writes one report per bundle to a FILE, in input order.  At
 * most `window` bundles, and about `max_bytes` of input, are in flight at
 * once, so memory stays flat however long the stream is.  The wc_batch_add_*
 * and wc_batch_read_jsonl calls must come from one thread. */
typedef struct wc_batch wc_batch;

typedef struct {
	size_t done;              /* bundles and records written so far */
	size_t failed;            /* bundles that failed the gate */
	size_t errors;            /* records that could not be checked (malformed, unreadable) */
	unsigned long long bytes; /* input bytes of what was written */
	size_t output_named;      /* records whose "path" was the output file (an error each):
	                             the caller should not replace that file */
} wc_batch_stats;

typedef struct {
	unsigned threads;         /* worker threads; 0 = 1 */
	size_t window;            /* bundles in flight at most; 0 = 4 per thread */
	size_t max_bytes;         /* input bytes in flight before more is read; 0 = 8 MiB
	                             (one bundle is always let through, whatever its size) */
	wc_format format;         /* WC_FORMAT_JSON: one compact report a line, with "id" and
	                             "line"; WC_FORMAT_TEXT: the text reports one after another */
	wc_report_options report; /* the gate, colour, quiet */
	int replace_invalid;      /* as wc_bundle_set_replace_invalid() */
	size_t max_input;         /* the most bytes of one JSON Lines record or one file; a bigger
	                             one is an error for its record; 0 = WC_MAX_INPUT_DEFAULT */
	const char *path_root;    /* a record's "path" must resolve (realpath) into this folder,
	                             else the record is an error; NULL = the current directory,
	                             "/" = anywhere.  Files of wc_batch_add_files are not confined */
	double min_coverage;      /* as wc_bundle_set_min_coverage(); 0 = the default (0.5),
	                             a negative value turns version.coverage off */
	const char *output;       /* the file the reports go to, if any: a record's "path" to it
	                             (by device and inode) is an error, not read and then replaced */
	/* Called after each record is written, from the thread that wrote it, never
	 * two calls at once.  May be NULL. */
	void (*progress)(const wc_batch_stats *st, void *ctx);
	void *progress_ctx;
} wc_batch_options;

/* Compiles every language of rs (so that the workers only read it) and starts
 * the workers.  out is borrowed until wc_batch_free.  Returns NULL, with
 * diagnostics, when a language does not compile. */
wc_batch *wc_batch_new(wc_ruleset *rs, const wc_batch_options *opt, FILE *out, wc_diags *diags);

/* Queues one JSON Lines record, numbered lineno in the output; the bytes are
 * copied.  A blank line is skipped.  Blocks while the window is full.  The
 * record: {"id", "source": {"lang", "text" or "path", "format"}, "translations":
 * [...], "related": [...]}; "format" is an input format name, "text" if absent.  A malformed record is written as {"line", "error"}. */
int wc_batch_add_json(wc_batch *b, const char *line, size_t len, size_t lineno);

/* Reads JSON Lines from in until end of file and queues each record, numbering
 * lines from first_line.  A line over max_input is an error record, and its
 * rest is skipped; a NUL byte is an error record that ends the reading.
 * Returns 0, or WC_EIO on a read error. */
int wc_batch_read_jsonl(wc_batch *b, FILE *in, size_t first_line);

typedef struct {
	wc_role role;
	const char *lang, *path;
} wc_batch_file;

/* Queues a bundle of files (read by the worker, as wc_bundle_add_file does),
 * written with id and the ordinal number of the bundle as "line".  A bundle
 * without a source, or of a source alone, is written as an error. */
int wc_batch_add_files(wc_batch *b, const char *id, const wc_batch_file *files, size_t n);

/* With format WC_FORMAT_SARIF a batch writes one SARIF log for the whole
 * stream, one run, the results of every bundle (properties.bundle names it;
 * a bundle that could not be checked is a result of rule "bundle.error"):
 * the caller writes wc_sarif_stream_begin() to out before wc_batch_new and
 * wc_sarif_stream_end() after wc_batch_finish. */
int wc_sarif_stream_begin(FILE *out);
int wc_sarif_stream_end(FILE *out, wc_severity gate, const wc_batch_stats *st);
/* The same for WC_FORMAT_JUNIT: one <testsuites> document, the suites of every
 * bundle (a bundle that could not be checked is a suite in error). */
int wc_junit_stream_begin(FILE *out);
int wc_junit_stream_end(FILE *out);

/* Waits until everything queued is written, then stops the workers.  *st (may
 * be NULL) receives the totals.  Returns 0, or WC_EIO when writing failed. */
int wc_batch_finish(wc_batch *b, wc_batch_stats *st);
/* Finishes the batch if that was not done, and frees it. */
void wc_batch_free(wc_batch *b);

/* ---- language identification -------------------------------------------- */

/* Identifies the language of a text among those with a locale, from the
 * locales' stop-word lists.  Sets *lang (borrowed from the ruleset) and
 * *confidence (0..1) and returns 0; WC_ELANG when no language has enough
 * evidence (then *lang is the best guess or NULL). */
int wc_identify_language(const wc_ruleset *rs, const char *text, size_t len,
                         const char **lang, double *confidence);

/* ---- checks --------------------------------------------------------------- */

/* The registered checks, in a stable order. */
size_t wc_check_count(void);
const char *wc_check_name(size_t i);
wc_severity wc_check_default_severity(size_t i);
const char *wc_check_description(size_t i);

/* ---- project configuration (.wirecheck.yaml) ------------------------------- */

/* A project's settings (docs/configuration.md): the gate, rule directories,
 * a baseline, and per check a severity, or off, for all or some languages. */
typedef struct wc_config wc_config;

#define WC_CONFIG_NAME ".wirecheck.yaml"

/* The path of WC_CONFIG_NAME in dir or in its nearest parent that has one;
 * NULL if none does.  Caller frees. */
char *wc_config_find(const char *dir);

/* Reads and validates a configuration file: every problem (an unknown key, an
 * unknown check with the nearest name, a bad value, a rule directory that is
 * not there) is a diagnostic at its file:line:column, and the result is then
 * NULL.  Paths in the file are taken relative to the file's folder. */
wc_config *wc_config_load(const char *path, wc_diags *diags);
void wc_config_free(wc_config *c);
const char *wc_config_path(const wc_config *c);

/* Where the file set a value: line and column, both 0 when it did not. */
typedef struct {
	int line, column;
} wc_config_place;

/* fail-on: 1 with *gate set when the file sets it, else 0. */
int wc_config_fail_on(const wc_config *c, wc_severity *gate, wc_config_place *at);
/* rules: the directories, resolved against the file's folder, in order. */
size_t wc_config_rule_dir_count(const wc_config *c);
const char *wc_config_rule_dir(const wc_config *c, size_t i, wc_config_place *at);
/* baseline: the file, resolved; NULL when not set. */
const char *wc_config_baseline(const wc_config *c, wc_config_place *at);

/* checks: one setting per check the file names. */
typedef struct {
	const char *check;        /* a name of wc_check_name() */
	int severity;             /* a wc_severity, or -1: the check is off */
	const char *const *langs; /* the languages it is for; NULL (nlangs 0): all */
	size_t nlangs;
	wc_config_place at;
} wc_config_check;

size_t wc_config_check_count(const wc_config *c);
const wc_config_check *wc_config_check_get(const wc_config *c, size_t i);

/* Each language the check settings name must have a locale in rs; a
 * diagnostic at the name (with the nearest language) otherwise, and
 * WC_ERULES. */
int wc_config_check_langs(const wc_config *c, const wc_ruleset *rs, wc_diags *diags);

/* Applies the check settings to a report: findings of a check that is off
 * (for their version's language) are removed, the others take the severity
 * set; the counts of each version follow. */
void wc_report_apply_config(wc_report *r, const wc_config *c);

/* ---- baselines: findings accepted once ------------------------------------ */

/* A baseline holds fingerprints of reviewed findings.  A fingerprint is made of
 * the check, the file's name (not its folder) and the text around the finding
 * with white space collapsed (and the source's text around its counterpart), so
 * that it survives lines that move and changes elsewhere in the file, and
 * changes when the text of the finding changes. */
typedef struct wc_baseline wc_baseline;

/* The fingerprint of finding i of r, as 16 hex digits and a NUL. */
void wc_report_fingerprint(const wc_report *r, size_t i, char out[17]);
/* Writes every finding of r as a baseline (JSON: fingerprint, check, file,
 * line, message; sorted).  WC_EIO on a write error. */
int wc_baseline_write(const wc_report *r, FILE *out);
/* Reads a baseline file; NULL with a diagnostic when it cannot be read or is
 * not one. */
wc_baseline *wc_baseline_load(const char *path, wc_diags *diags);
void wc_baseline_free(wc_baseline *b);
size_t wc_baseline_count(const wc_baseline *b);
/* Marks the findings of r that b holds as suppressed (each entry of b as many
 * times as it was written): they no longer count for the gate nor in the
 * versions' error/warning/info counts.  Returns how many were marked. */
size_t wc_report_apply_baseline(wc_report *r, const wc_baseline *b);
/* Whether a baseline was applied to r (SARIF then states each result's
 * baselineState). */
int wc_report_has_baseline(const wc_report *r);
/* Marks as suppressed the findings that markers in the files cover
 * (markers.c): "<!-- wirecheck-disable-next CHECK ... -->" in HTML or XML,
 * the rest of the next block element; "<note>wirecheck-disable CHECK
 * ...</note>" in an XLIFF unit, that unit.  Returns how many were marked. */
size_t wc_report_apply_markers(wc_report *r);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
