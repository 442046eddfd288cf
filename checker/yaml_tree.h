/*
 * yaml_tree.h — a small YAML document tree with positions, built with
 * libyaml (yaml.c), and the schema helpers every loader of such files uses
 * (rule files today, a config file tomorrow): unknown and duplicate keys,
 * strings, booleans and whole numbers, each problem a diagnostic at its node.
 */
#ifndef WC_YAML_TREE_H
#define WC_YAML_TREE_H

#include "base.h"

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

typedef struct wc_yarena wc_yarena;

typedef struct {
	char *path;
	char *text;             /* the file, for excerpts in diagnostics */
	size_t len;
	wc_ynode *root;         /* NULL for an empty file */
	wc_yarena *arena;       /* the nodes and their strings (yaml.c) */
} wc_ydoc;

/* Parses a YAML file; returns NULL with a diagnostic on error.  Aliases are
 * refused (they make alias bombs possible and rule files do not need them). */
wc_ydoc *wc_yaml_load(const char *path, wc_diags *diags);
wc_ydoc *wc_yaml_parse(const char *path, const char *text, size_t len, wc_diags *diags);
/* wc_yaml_load with the tree kept in DIR between runs (rules_cache.c): a
 * file whose text is byte for byte the one the tree was parsed from is read
 * back instead of parsed; NULL dir parses as wc_yaml_load does. */
wc_ydoc *wc_yaml_load_cached(const char *path, const char *dir, wc_diags *diags);
/* n zeroed bytes that live as long as d (its nodes and strings). */
void *wc_ydoc_alloc(wc_ydoc *d, size_t n);
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

/* A schema check in progress: the helpers below report at nodes of doc into
 * diags and count the problems in errors.  A loader embeds one. */
typedef struct {
	wc_ydoc *doc;
	wc_diags *diags;
	int errors;
} wc_yschema;

/* wc_ydiag at node, counted as an error. */
void wc_yfail(wc_yschema *ys, const wc_ynode *node, const char *fmt, ...) WC_PRINTF(3, 4);
/* The word of allowed (NULL-terminated) nearest to word, if it is within
 * three edits: a did-you-mean; NULL otherwise. */
const char *wc_ynearest(const char *word, const char *const *allowed);
/* Complains about keys of map not in allowed (NULL-terminated), suggesting
 * the nearest one, and about duplicate keys. */
void wc_ycheck_keys(wc_yschema *ys, const wc_ynode *map, const char *const *allowed);
/* The value of a scalar; NULL (an error unless n is NULL) otherwise.  what
 * names the value in messages. */
const char *wc_yscalar(wc_yschema *ys, const wc_ynode *n, const char *what);
/* true/yes, false/no into *out; false (with an error) for anything else. */
bool wc_yboolean(wc_yschema *ys, const wc_ynode *n, const char *what, bool *out);
/* A whole number into *out; false (with an error) for anything else. */
bool wc_yinteger(wc_yschema *ys, const wc_ynode *n, const char *what, long long *out);

#endif
