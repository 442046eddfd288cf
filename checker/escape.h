/*
 * escape.h — writing untrusted text safely (report_write.c): on one line
 * for terminals and logs, as a JSON string, as HTML/XML text.  Shared by the
 * report writers, the diagnostics and the batch records.
 */
#ifndef WC_ESCAPE_H
#define WC_ESCAPE_H

#include "base.h"

#include <stdio.h>

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

#endif
