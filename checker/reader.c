/*
 * reader.c — the reader layer's table: which reader reads which input format
 * (see reader.h), and diagnostics located in an input's bytes.
 */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	wc_reader_fn read;
} readers[] = {
	[WC_INPUT_TEXT] = {"text", wc_read_plain_text},
};

#define NREADERS (sizeof readers / sizeof *readers)

wc_reader_fn wc_reader_for(wc_input_format format)
{
	return (unsigned)format < NREADERS ? readers[format].read : NULL;
}

int wc_input_format_parse(const char *name)
{
	for (size_t i = 0; name && i < NREADERS; i++)
		if (strcmp(name, readers[i].name) == 0)
			return (int)i;
	return -1;
}

const char *wc_input_format_name(wc_input_format format)
{
	return (unsigned)format < NREADERS ? readers[format].name : NULL;
}

void wc_input_format_list(wc_buf *b)
{
	for (size_t i = 0; i < NREADERS; i++)
		wc_buf_printf(b, "%s%s", i ? ", " : "", readers[i].name);
}

void wc_reader_diag(const wc_reader_input *in, size_t offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = wc_xvasprintf(fmt, ap);
	va_end(ap);
	size_t line = 0, col = 0;
	if (offset != SIZE_MAX)
		wc_bytes_position(in->bytes, in->len, offset, &line, &col);
	wc_diags_add(in->diags, in->path, (int)line, (int)col, NULL, "%s", msg);
	free(msg);
}
