/*
 * fuzz_report.c — libFuzzer harness for the report writers: the findings of
 * a fuzzed check (fuzz_bundle.h) written in every wc_format, with every gate
 * and with colour on and off, into a memory stream.  The JSON report must
 * parse as JSON whatever the texts held.
 */
#include "fuzz_bundle.h"
#include "base.h"

/* ---- a strict JSON syntax check (RFC 8259), enough to catch escaping bugs ---- */

typedef struct {
	const char *s, *end;
	int depth;
} json_in;

static void ws(json_in *j)
{
	while (j->s < j->end && (*j->s == ' ' || *j->s == '\t' || *j->s == '\n' || *j->s == '\r'))
		j->s++;
}

static bool lit(json_in *j, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(j->end - j->s) < n || memcmp(j->s, w, n) != 0)
		return false;
	j->s += n;
	return true;
}

static bool string(json_in *j)
{
	if (j->s >= j->end || *j->s != '"')
		return false;
	j->s++;
	while (j->s < j->end && *j->s != '"') {
		unsigned char c = (unsigned char)*j->s;
		if (c < 0x20)
			return false;
		if (c == '\\') {
			j->s++;
			if (j->s >= j->end)
				return false;
			if (*j->s == 'u') {
				for (int k = 1; k <= 4; k++)
					if (j->s + k >= j->end || !strchr("0123456789abcdefABCDEF", j->s[k]) || !j->s[k])
						return false;
				j->s += 5;
				continue;
			}
			if (!strchr("\"\\/bfnrt", *j->s) || !*j->s)
				return false;
			j->s++;
			continue;
		}
		size_t at = 0;
		if (wc_utf8_next(j->s, (size_t)(j->end - j->s), &at) < 0)
			return false; /* JSON text is UTF-8 */
		j->s += at;
	}
	if (j->s >= j->end)
		return false;
	j->s++;
	return true;
}

static bool number(json_in *j)
{
	const char *st = j->s;
	if (j->s < j->end && *j->s == '-')
		j->s++;
	if (j->s >= j->end || *j->s < '0' || *j->s > '9')
		return false;
	while (j->s < j->end && ((*j->s >= '0' && *j->s <= '9') || strchr(".eE+-", *j->s)))
		j->s++;
	return j->s > st;
}

static bool value(json_in *j)
{
	if (++j->depth > 64)
		return false;
	ws(j);
	bool ok;
	if (j->s >= j->end)
		ok = false;
	else if (*j->s == '{' || *j->s == '[') {
		char close = *j->s == '{' ? '}' : ']';
		bool obj = close == '}';
		j->s++;
		ws(j);
		ok = true;
		if (j->s < j->end && *j->s == close)
			j->s++;
		else
			for (;;) {
				ws(j);
				if (obj) {
					if (!string(j)) {
						ok = false;
						break;
					}
					ws(j);
					if (!lit(j, ":")) {
						ok = false;
						break;
					}
				}
				if (!value(j)) {
					ok = false;
					break;
				}
				ws(j);
				if (lit(j, ","))
					continue;
				ok = j->s < j->end && *j->s == close;
				if (ok)
					j->s++;
				break;
			}
	} else if (*j->s == '"')
		ok = string(j);
	else if (*j->s == '-' || (*j->s >= '0' && *j->s <= '9'))
		ok = number(j);
	else
		ok = lit(j, "true") || lit(j, "false") || lit(j, "null");
	j->depth--;
	return ok;
}

static bool valid_json(const char *s, size_t n)
{
	json_in j = {s, s + n, 0};
	if (!value(&j))
		return false;
	ws(&j);
	return j.s == j.end;
}

/* ---- the harness ---------------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wc_report *r = fuzz_bundle_check(data, size);
	if (!r)
		return 0;
	unsigned cfg = size > 0 ? data[0] : 0;
	wc_report_options opt = {(wc_severity)((cfg >> 6) & 3), (cfg >> 7) & 1, 0, WC_INFO};
	for (int fmt = WC_FORMAT_TEXT; fmt <= WC_FORMAT_MARKDOWN; fmt++) {
		for (int quiet = 0; quiet <= (fmt == WC_FORMAT_TEXT); quiet++) {
			char *buf = NULL;
			size_t len = 0;
			FILE *out = open_memstream(&buf, &len);
			FUZZ_ASSERT(out);
			opt.quiet = quiet;
			int rc = wc_report_write(r, (wc_format)fmt, &opt, out);
			fclose(out);
			/* A format not built into this library says so; no other failure
			 * is allowed on a memory stream. */
			FUZZ_ASSERT(rc == 0 || rc == WC_EUSAGE);
			if (rc == 0 && fmt == WC_FORMAT_JSON && !valid_json(buf, len)) {
				fprintf(stderr, "invalid JSON report:\n%.*s\n", (int)(len < 4000 ? len : 4000), buf);
				abort();
			}
			free(buf);
		}
	}
	wc_report_free(r);
	return 0;
}
