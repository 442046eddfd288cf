/*
 * json.h — a strict JSON reader (RFC 8259) for one JSON Lines record
 * (json_read.c).  It parses in place: strings are decoded into the buffer
 * itself.
 */
#ifndef WC_JSON_H
#define WC_JSON_H

#include "base.h"

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

#endif
