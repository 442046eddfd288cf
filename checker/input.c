/*
 * input.c — reading one input file into memory: a text (check, extract), the
 * file a batch record names, or a rule file.  Every reader of the library
 * and the CLI comes here, so the limits hold everywhere:
 *
 *  - the file is read in chunks, and reading stops at the first chunk that
 *    holds a NUL byte or (unless asked to keep it) invalid UTF-8.  What was
 *    read, bad chunk included, goes to the caller, whose validation (text.c,
 *    yaml.c) names the byte offset as it always did.  /dev/zero, a sparse
 *    file or random bytes cost one chunk, not the size of the device;
 *  - at most max bytes are read: one byte more is an error, so that an
 *    endless pipe ends;
 *  - rule files must be regular files.  They are opened without blocking, so
 *    that a FIFO in a rule folder is refused instead of waiting for a writer.
 */
#define _XOPEN_SOURCE 700
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK 65536

size_t wc_utf8_complete_prefix(const char *s, size_t n)
{
	size_t i = n, back = 0;
	while (i > 0 && back < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return n;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xF8 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return n - (i - 1) < need ? i - 1 : n;
}

static int open_input(const char *path, const char *name, unsigned flags, wc_diags *diags)
{
	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	bool rule = flags & WC_READ_RULE_FILE;
	int fd = open(path, O_RDONLY | O_CLOEXEC | (rule ? O_NONBLOCK : 0));
	if (fd < 0) {
		wc_diags_add(diags, name, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	const char *why = NULL;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = rule ? "is a directory, not a rule file" : "is a directory, not a text file";
	else if (rule && !S_ISREG(st.st_mode))
		why = "not a regular file: rule files are read from regular files only";
	if (why) {
		wc_diags_add(diags, name, 0, 0, NULL, "%s", why);
		close(fd);
		return -1;
	}
	if (rule)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Whether the bytes added since *checked hold a NUL, or invalid UTF-8 when
 * that is checked; *checked moves on to the last complete character. */
static bool holds_bad_bytes(const wc_buf *b, size_t from, size_t *checked, bool utf8)
{
	if (memchr(b->s + from, '\0', b->len - from))
		return true;
	if (!utf8)
		return false;
	size_t end = wc_utf8_complete_prefix(b->s, b->len);
	if (end > *checked && wc_utf8_invalid_at(b->s + *checked, end - *checked) != (size_t)-1)
		return true;
	if (end > *checked)
		*checked = end;
	return false;
}

int wc_read_input(const char *path, const char *name, size_t max, unsigned flags, wc_buf *out,
                  wc_diags *diags)
{
	if (!name)
		name = path;
	if (!max)
		max = WC_MAX_INPUT_DEFAULT;
	int fd = open_input(path, name, flags, diags);
	if (fd < 0)
		return WC_EIO;
	char chunk[CHUNK];
	size_t checked = 0;
	int rc = WC_OK;
	for (;;) {
		/* One byte past the limit tells a file of exactly max bytes from a
		 * bigger one. */
		size_t room = max - out->len;
		size_t want = room < CHUNK ? room + 1 : CHUNK; /* no overflow at max = SIZE_MAX */
		ssize_t k = read(fd, chunk, want);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			wc_diags_add(diags, name, 0, 0, NULL, "cannot read: %s", strerror(errno));
			rc = WC_EIO;
			break;
		}
		if (k == 0)
			break;
		if (out->len + (size_t)k > max) {
			wc_diags_add(diags, name, 0, 0, NULL, "larger than %s (%zu bytes)",
			             flags & WC_READ_RULE_FILE ? "the rule file limit" : "--max-input-bytes", max);
			rc = WC_EINPUT;
			break;
		}
		size_t from = out->len;
		wc_buf_add(out, chunk, (size_t)k);
		if (holds_bad_bytes(out, from, &checked, !(flags & WC_READ_KEEP_INVALID)))
			break; /* the caller's validation names the offset */
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc < 0)
		wc_buf_free(out);
	return rc;
}

int wc_read_file(const char *path, size_t max, int keep_invalid, char **text, size_t *len,
                 wc_diags *diags)
{
	wc_buf b = {0};
	int rc = wc_read_input(path, NULL, max, keep_invalid ? WC_READ_KEEP_INVALID : 0, &b, diags);
	if (rc < 0)
		return rc;
	*len = b.len;
	*text = b.s ? b.s : wc_xstrdup("");
	return WC_OK;
}
