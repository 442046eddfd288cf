/* test_input.c — unit tests of the input side of issue 14: the chunked
 * reader (input.c) stops at the first chunk with a NUL byte or invalid UTF-8
 * and at its limit, never splits a character between chunks; the path
 * confinement of batch records (batch.c); the escaping of control characters
 * for one-line text (report_write.c). */
#define _XOPEN_SOURCE 700
#include "unit.h"
#include "escape.h"
#include "batch.h"

#include <sys/stat.h>
#include <unistd.h>

/* ---- wc_utf8_complete_prefix ------------------------------------------------------------ */

static void test_complete_prefix(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t want; /* of strlen(s) */
	} cases[] = {
		{"", 0},
		{"abc", 3},
		{"ab\xC3", 2},              /* æ cut after its lead byte */
		{"ab\xC3\xA6", 4},          /* whole æ */
		{"a\xE2\x80", 1},           /* … cut after two of three bytes */
		{"a\xE2\x80\xA6", 4},
		{"a\xF0\x9F\x98", 1},       /* an emoji cut after three of four */
		{"a\xF0\x9F\x98\x80", 5},
		{"a\x80\x80\x80\x80", 5},   /* stray continuation bytes: left to the validator */
		{"a\xFF", 2},               /* not a lead byte either */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_int_equal(wc_utf8_complete_prefix(cases[i].s, strlen(cases[i].s)), cases[i].want);
}

/* ---- wc_read_input ---------------------------------------------------------------------- */

/* A temporary file holding bytes[0..n); its path (caller unlinks and frees). */
static char *temp_file(const char *bytes, size_t n)
{
	char *path = wc_xstrdup("/tmp/wc-test-input-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t done = 0; done < n;) {
		ssize_t k = write(fd, bytes + done, n - done);
		assert_true(k > 0);
		done += (size_t)k;
	}
	close(fd);
	return path;
}

/* Reads a 1 MiB file of 'a' with one byte replaced at `at`, and checks that
 * reading stopped within the chunk (64 KiB) that holds it. */
static void read_stops_at(unsigned char bad, size_t at, unsigned flags, size_t want_max,
                          size_t want_min)
{
	size_t n = (size_t)1 << 20;
	char *bytes = wc_xmalloc(n);
	memset(bytes, 'a', n);
	bytes[at] = (char)bad;
	char *path = temp_file(bytes, n);
	wc_buf b = {0};
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_read_input(path, NULL, 0, flags, &b, d), WC_OK);
	assert_int_equal(wc_diags_count(d), 0);
	assert_true(b.len >= want_min && b.len <= want_max);
	wc_buf_free(&b);
	wc_diags_free(d);
	unlink(path);
	free(path);
	free(bytes);
}

static void test_read_stops_at_bad_bytes(void **state)
{
	(void)state;
	size_t chunk = 65536, n = (size_t)1 << 20;
	read_stops_at(0, 10, 0, chunk, 11);                 /* NUL in the first chunk */
	read_stops_at(0, 3 * chunk + 5, 0, 4 * chunk, 3 * chunk + 6);
	read_stops_at(0xFF, 10, 0, chunk, 11);              /* invalid UTF-8 */
	/* --replace-invalid reads invalid bytes on, but stops at a NUL. */
	read_stops_at(0xFF, 10, WC_READ_KEEP_INVALID, n, n);
	read_stops_at(0, 10, WC_READ_KEEP_INVALID, chunk, 11);
}

/* A character split by the chunk boundary is not invalid. */
static void test_read_split_character(void **state)
{
	(void)state;
	size_t n = 200000;
	char *bytes = wc_xmalloc(n);
	for (size_t i = 0; i + 1 < n; i += 2)
		memcpy(bytes + i, "\xC3\xA6", 2); /* æ æ æ …, odd chunk boundaries split one */
	memcpy(bytes + 65535, "\xE2\x80\xA6", 3);   /* … across the first boundary */
	bytes[65534] = 'x';
	char *path = temp_file(bytes, n);
	wc_buf b = {0};
	wc_diags *d = wc_diags_new();
	assert_int_equal(wc_read_input(path, NULL, 0, 0, &b, d), WC_OK);
	assert_int_equal(b.len, n);
	assert_memory_equal(b.s, bytes, n);
	wc_buf_free(&b);
	wc_diags_free(d);
	unlink(path);
	free(path);
	free(bytes);
}

static void test_read_limit(void **state)
{
	(void)state;
	char bytes[1000];
	memset(bytes, 'a', sizeof bytes);
	char *path = temp_file(bytes, sizeof bytes);
	static const struct {
		size_t max;
		int rc;
	} cases[] = {{1000, WC_OK}, {999, WC_EINPUT}, {1, WC_EINPUT}, {4096, WC_OK}, {SIZE_MAX, WC_OK}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		wc_buf b = {0};
		wc_diags *d = wc_diags_new();
		assert_int_equal(wc_read_input(path, "name", cases[i].max, 0, &b, d), cases[i].rc);
		if (cases[i].rc == WC_OK) {
			assert_int_equal(b.len, sizeof bytes);
		} else {
			assert_null(b.s);
			assert_int_equal(wc_diags_count(d), 1);
			char want[80];
			snprintf(want, sizeof want, "larger than --max-input-bytes (%zu bytes)", cases[i].max);
			assert_string_equal(wc_diags_get(d, 0)->message, want);
			assert_string_equal(wc_diags_get(d, 0)->file, "name");
		}
		wc_buf_free(&b);
		wc_diags_free(d);
	}
	unlink(path);
	free(path);
}

/* A rule file must be a regular file: a FIFO is refused at once (opened
 * without blocking, though no writer ever comes), a directory too. */
static void test_read_rule_file_not_regular(void **state)
{
	(void)state;
	char dir[] = "/tmp/wc-test-fifo-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *fifo = wc_xasprintf("%s/p.yaml", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	const char *paths[] = {fifo, dir};
	const char *want[] = {"not a regular file: rule files are read from regular files only",
	                      "is a directory, not a rule file"};
	for (size_t i = 0; i < 2; i++) {
		wc_buf b = {0};
		wc_diags *d = wc_diags_new();
		assert_int_equal(wc_read_input(paths[i], NULL, 0, WC_READ_RULE_FILE, &b, d), WC_EIO);
		assert_int_equal(wc_diags_count(d), 1);
		assert_string_equal(wc_diags_get(d, 0)->message, want[i]);
		wc_diags_free(d);
	}
	unlink(fifo);
	rmdir(dir);
	free(fifo);
}

/* ---- wc_path_within ---------------------------------------------------------------------- */

static void test_path_within(void **state)
{
	(void)state;
	static const struct {
		const char *root, *path;
		bool in;
	} cases[] = {
		{"/srv/wire", "/srv/wire", true},
		{"/srv/wire", "/srv/wire/a.txt", true},
		{"/srv/wire", "/srv/wire/x/y/a.txt", true},
		{"/srv/wire", "/srv/wired/a.txt", false},   /* a prefix, not a component */
		{"/srv/wire", "/srv/wir", false},
		{"/srv/wire", "/srv", false},
		{"/srv/wire", "/etc/passwd", false},
		{"/", "/etc/passwd", true},
		{"/", "/", true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_int_equal(wc_path_within(cases[i].root, cases[i].path), cases[i].in);
}

/* ---- wc_escape_controls ------------------------------------------------------------------- */

static void test_escape_controls(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain æ … text", "plain æ … text"},
		{"w\nforged: PASS", "w\\nforged: PASS"},
		{"a\r\tb", "a\\r\\tb"},
		{"\033[31mred", "\\x1b[31mred"},
		{"del\x7f", "del\\x7f"},
		{"c1\xC2\x85" "x\xC2\x9B", "c1\\u0085x\\u009b"},
		{"bad\xFF", "bad\\xff"},
		{"\x01", "\\x01"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = wc_escape_controls(cases[i].in);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

/* JSON escapes C0, DEL and C1 alike. */
static void test_json_controls(void **state)
{
	(void)state;
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	wc_json_str(f, "a\n\033\x7f\xC2\x85z");
	fclose(f);
	assert_string_equal(s, "\"a\\u000a\\u001b\\u007f\\u0085z\"");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete_prefix),
		cmocka_unit_test(test_read_stops_at_bad_bytes),
		cmocka_unit_test(test_read_split_character),
		cmocka_unit_test(test_read_limit),
		cmocka_unit_test(test_read_rule_file_not_regular),
		cmocka_unit_test(test_path_within),
		cmocka_unit_test(test_escape_controls),
		cmocka_unit_test(test_json_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
