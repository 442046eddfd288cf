/*
 * batch.h — the parts of batch.c (JSON Lines records into bundles) that the
 * unit tests reach.
 */
#ifndef WC_BATCH_H
#define WC_BATCH_H

#include "base.h"

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
