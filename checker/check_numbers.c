/*
 * check_numbers.c — stage 5: number.format.  The extractor has already read
 * every number and marked the garbled ones ("80, 000", or "80,000" in a
 * language that groups with a dot); this check reports them, with the value
 * the number was read as, so the fact itself still matches its source.
 */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static const char *group_name(const wc_locale *loc)
{
	if (!loc->group)
		return "?";
	if (strcmp(loc->group, "\xC2\xA0") == 0 || strcmp(loc->group, "\xE2\x80\xAF") == 0)
		return "a no-break space";
	if (strcmp(loc->group, ".") == 0)
		return "'.'";
	if (strcmp(loc->group, ",") == 0)
		return "','";
	return loc->group;
}

/* The digits of the fact as written, without a trailing scale or currency. */
static char *written_digits(const wc_doc *doc, const wc_xfact *f)
{
	const char *s = doc->text;
	size_t a = f->start, b = f->end;
	while (a < b && !(s[a] >= '0' && s[a] <= '9'))
		a++;
	size_t e = a;
	while (e < b && ((s[e] >= '0' && s[e] <= '9') || s[e] == ',' || s[e] == '.' || s[e] == ' ' ||
	                 (unsigned char)s[e] >= 0x80)) {
		if (s[e] == ' ' && !(e + 1 < b && s[e + 1] >= '0' && s[e + 1] <= '9'))
			break;
		e++;
	}
	while (e > a && !(s[e - 1] >= '0' && s[e - 1] <= '9'))
		e--;
	return wc_xstrndup(s + a, e - a);
}

void wc_check_numbers(const wc_doc *doc, wc_findings *fs)
{
	for (size_t i = 0; i < doc->nfacts; i++) {
		const wc_xfact *f = &doc->facts[i];
		if (!f->garbled)
			continue;
		char *w = written_digits(doc, f);
		const char *sep = strstr(w, ", ") ? "a comma followed by a space" : "a grouping foreign to this language";
		wc_emit(fs, WC_CHECK_NUMBER_FORMAT, -1, doc, f->start, f->end, NULL, 0, NULL, w, NULL,
		        "number '%s' is written with %s; read as %s (%s groups digits with %s)", w, sep,
		        f->value, doc->loc->lang, group_name(doc->loc));
		free(w);
	}
}
