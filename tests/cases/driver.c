/* driver.c — runs the case files of tests/cases/ (format: README.md there)
 * against libwirecheck, or with --cli BINARY against the wirecheck command.
 *
 *   driver [--print] [--cli BINARY] FILE.cases...
 *
 * --print writes each case back with what it gave as its expected lines: a
 * draft for new cases, to be read line by line before it is kept.
 *
 * A failing case prints FILE:LINE of its "===" line with the expected and
 * the actual lines; the exit status is 1 if any case failed, 2 if a case
 * file is malformed.  Runs from the repository root (rules/ is read there). */
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading case files ------------------------------------------------------------ */

static void split_words(wc_strlist *out, const char *s)
{
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		size_t n = strcspn(s, " \t");
		if (n) {
			char *w = wc_xstrndup(s, n);
			wc_strlist_add(out, w);
			free(w);
		}
		s += n;
	}
}

static void case_free(case_t *c)
{
	wc_strlist_free(&c->mode);
	for (size_t i = 0; i < c->nparts; i++) {
		wc_strlist_free(&c->parts[i].words);
		wc_buf_free(&c->parts[i].text);
	}
	free(c->parts);
	wc_strlist_free(&c->want);
	memset(c, 0, sizeof *c);
}

static case_part *new_part(case_t *c, const char *words)
{
	case_part *p = WC_PUSH(c->parts, c->nparts, c->parts_cap);
	memset(p, 0, sizeof *p);
	split_words(&p->words, words);
	return p;
}

/* Trailing white space is not compared: editors drop it. */
static void rstrip(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

/* Where a line of a case file goes: the input (before "---") or the expected
 * lines, where '#' lines are comments and blank lines do not count. */
static void add_line(case_t *c, bool expected, char *line)
{
	if (expected) {
		rstrip(line);
		if (line[0] && line[0] != '#')
			wc_strlist_add(&c->want, line);
		return;
	}
	if (strncmp(line, ">>>", 3) == 0) {
		new_part(c, line + 3);
		return;
	}
	case_part *p = c->nparts ? &c->parts[c->nparts - 1] : new_part(c, "");
	wc_buf_puts(&p->text, line);
	wc_buf_putc(&p->text, '\n');
}

typedef struct {
	size_t run, failed, skipped;
	case_runner runner;
	bool print; /* --print: write each case with what it gave as its expected lines */
} tally;

static void print_lines(const char *what, const wc_strlist *l)
{
	fprintf(stderr, "  %s:\n", what);
	if (!l->n)
		fprintf(stderr, "    (nothing)\n");
	for (size_t i = 0; i < l->n; i++)
		fprintf(stderr, "    %s\n", l->v[i]);
}

/* An expected line matches the line got when they are equal, or, for a
 * finding, when it stops at a space after the check name: the fields that
 * follow (severity, values, rule, source) are then not compared. */
static bool line_matches(const char *want, const char *got, bool findings)
{
	if (strcmp(want, got) == 0)
		return true;
	if (!findings)
		return false;
	const char *check = strstr(got, ": ");
	size_t n = strlen(want);
	if (!check || strncmp(want, got, n) != 0 || got[n] != ' ')
		return false;
	size_t short_len = (size_t)(check + 2 - got) + strcspn(check + 2, " ");
	return n >= short_len;
}

static bool lines_match(const case_t *c, const wc_strlist *got)
{
	if (got->n != c->want.n)
		return false;
	bool findings = strcmp(c->mode.v[0], "check") == 0;
	for (size_t i = 0; i < got->n; i++)
		if (!line_matches(c->want.v[i], got->v[i], findings))
			return false;
	return true;
}

static void join_words(const wc_strlist *w)
{
	for (size_t i = 0; i < w->n; i++)
		printf(" %s", w->v[i]);
	putchar('\n');
}

/* The case as written (comments aside), with got as its expected lines: a
 * draft for a new case, to be read line by line before it is kept. */
static void print_case(const case_t *c, const wc_strlist *got)
{
	fputs("===", stdout);
	join_words(&c->mode);
	for (size_t i = 0; i < c->nparts; i++) {
		if (c->parts[i].words.n) {
			fputs(">>>", stdout);
			join_words(&c->parts[i].words);
		}
		fputs(c->parts[i].text.s ? c->parts[i].text.s : "", stdout);
	}
	puts("---");
	for (size_t i = 0; i < got->n; i++)
		puts(got->v[i]);
	putchar('\n');
}

static void run_case(const case_t *c, tally *t)
{
	wc_strlist got = {0};
	int rc = t->runner(c, &got);
	if (t->print)
		print_case(c, &got);
	if (rc == 1) {
		t->skipped++;
	} else if (rc < 0 || !lines_match(c, &got)) {
		fprintf(stderr, "%s:%zu: case failed (%s)\n", c->file, c->line, c->mode.v[0]);
		print_lines("expected", &c->want);
		print_lines("got", &got);
		t->run++;
		t->failed++;
	} else {
		t->run++;
	}
	wc_strlist_free(&got);
}

static bool is_separator(const char *line)
{
	return strcmp(line, "---") == 0;
}

/* Runs the case just read, if there is one; false if it had no --- line. */
static bool end_case(const case_t *c, bool in_case, bool expected, tally *t)
{
	if (in_case && !expected) {
		fprintf(stderr, "%s:%zu: error: the case has no --- line\n", c->file, c->line);
		return false;
	}
	if (in_case)
		run_case(c, t);
	return true;
}

/* Reads path case by case and runs each.  False if it cannot be read or
 * holds text outside a case. */
static bool run_file(const char *path, tally *t)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		return false;
	}
	case_t c = {0};
	bool in_case = false, expected = false, ok = true;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (strncmp(line, "===", 3) == 0) {
			ok &= end_case(&c, in_case, expected, t);
			case_free(&c);
			c.file = path;
			c.line = lineno;
			split_words(&c.mode, line + 3);
			in_case = c.mode.n > 0;
			expected = false;
			if (!in_case) {
				fprintf(stderr, "%s:%zu: error: a case needs a mode after ===\n", path, lineno);
				ok = false;
			}
		} else if (in_case && !expected && is_separator(line)) {
			expected = true;
		} else if (in_case) {
			add_line(&c, expected, line);
		} else if (line[0] && line[0] != '#') {
			fprintf(stderr, "%s:%zu: error: text outside a case (a case starts with ===)\n", path, lineno);
			ok = false;
		}
	}
	ok &= end_case(&c, in_case, expected, t);
	case_free(&c);
	free(line);
	fclose(f);
	return ok;
}

/* ---- shared by the runners --------------------------------------------------------- */

static int hex(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The value of n hex digits at s, or -1. */
static long hex_at(const char *s, int n)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		int h = hex((unsigned char)s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static void put_utf8(wc_buf *b, long cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else {
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	}
	wc_buf_add(b, u, n);
}

/* The part's text without the newline of its last line: a case's input is
 * the lines between its markers. */
char *case_text(const case_part *p, bool decode, size_t *len)
{
	const char *s = p->text.s ? p->text.s : "";
	size_t n = p->text.len;
	if (n && s[n - 1] == '\n')
		n--;
	wc_buf b = {0};
	wc_buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		long v;
		if (decode && s[i] == '\\' && s[i + 1] == 'u' && i + 6 <= n && (v = hex_at(s + i + 2, 4)) >= 0) {
			put_utf8(&b, v);
			i += 5;
		} else if (decode && s[i] == '\\' && s[i + 1] == 'x' && i + 4 <= n && (v = hex_at(s + i + 2, 2)) >= 0) {
			wc_buf_putc(&b, (char)v);
			i += 3;
		} else if (decode && s[i] == '\\' && s[i + 1] == '\\') {
			wc_buf_putc(&b, '\\');
			i++;
		} else {
			wc_buf_putc(&b, s[i]);
		}
	}
	*len = b.len;
	return wc_buf_take(&b);
}

char *case_file_text(const case_part *p, size_t *len)
{
	char *t = case_text(p, true, len);
	wc_buf file = {0};
	wc_buf_add(&file, t, *len);
	wc_buf_putc(&file, '\n');
	free(t);
	*len = file.len;
	return wc_buf_take(&file);
}

void case_add_owned(wc_strlist *got, char *line)
{
	wc_strlist_add(got, line);
	free(line);
}

/* Code points that cannot be seen in a case file: controls and the spaces
 * other than U+0020. */
static bool invisible(long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* The length of the UTF-8 sequence that lead starts: 1 for a stray byte. */
static size_t seq_len(unsigned char lead)
{
	return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

void case_put_visible(wc_buf *b, const char *s)
{
	wc_buf_add(b, "", 0);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = seq_len(*p), k = 1;
		while (k < n && (p[k] & 0xC0) == 0x80)
			k++;
		long cp = *p;
		if (k == n && n == 2)
			cp = (long)(*p & 0x1F) << 6 | (p[1] & 0x3F);
		else if (k == n && n == 3)
			cp = (long)(*p & 0x0F) << 12 | (long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		/* four-byte characters are never invisible; a broken sequence is copied as it is */
		bool decoded = k == n && n < 4 && (n > 1 || cp < 0x80);
		if (decoded && invisible(cp))
			wc_buf_printf(b, "\\u%04lx", cp);
		else
			wc_buf_add(b, (const char *)p, k);
		p += k;
	}
}

char *case_fact_line(size_t line, size_t col, const char *kind, const char *text, const char *value,
                     const char *unit, const char *rule)
{
	wc_buf b = {0};
	wc_buf_printf(&b, "%zu:%zu %s \"", line, col, kind);
	case_put_visible(&b, text);
	wc_buf_puts(&b, "\" = ");
	case_put_visible(&b, value);
	if (unit) {
		wc_buf_puts(&b, " (");
		case_put_visible(&b, unit);
		wc_buf_putc(&b, ')');
	}
	wc_buf_printf(&b, " [%s]", rule);
	return wc_buf_take(&b);
}

char *case_finding_line(const wc_finding *f)
{
	wc_buf b = {0};
	wc_buf_printf(&b, "%s:%zu:%zu: %s %s", f->path, f->line, f->column, f->check,
	              wc_severity_name(f->severity));
	if (f->expected || f->found) {
		wc_buf_putc(&b, ' ');
		case_put_visible(&b, f->expected ? f->expected : "-");
		wc_buf_puts(&b, " -> ");
		case_put_visible(&b, f->found ? f->found : "-");
	}
	if (f->rule)
		wc_buf_printf(&b, " [%s]", f->rule);
	if (f->has_source_ref)
		wc_buf_printf(&b, " source %zu:%zu", f->source_line, f->source_column);
	return wc_buf_take(&b);
}

void case_add_lines(wc_strlist *got, const char *text, const char *dir)
{
	char *prefix = dir ? wc_xasprintf("%s/", dir) : NULL;
	size_t plen = prefix ? strlen(prefix) : 0;
	for (const char *s = text; *s;) {
		size_t n = strcspn(s, "\n");
		wc_buf b = {0};
		wc_buf_add(&b, "", 0);
		for (size_t i = 0; i < n; i++) {
			if (plen && i + plen <= n && memcmp(s + i, prefix, plen) == 0)
				i += plen - 1;
			else
				wc_buf_putc(&b, s[i]);
		}
		rstrip(b.s);
		if (b.s[0])
			wc_strlist_add(got, b.s);
		wc_buf_free(&b);
		s += n + (s[n] == '\n');
	}
	free(prefix);
}

char *case_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = wc_xasprintf("%s/wc-cases-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "driver: cannot make a temporary directory: %s\n", strerror(errno));
		exit(2);
	}
	return dir;
}

bool case_write(const char *dir, const char *rel, const char *text, size_t len)
{
	char *path = wc_xasprintf("%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(text, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = false;
	free(path);
	return ok;
}

void case_rmdir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path = wc_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			case_rmdir(path);
		else
			unlink(path);
		free(path);
	}
	closedir(d);
	rmdir(dir);
}

int case_role(const char *word)
{
	static const char *const roles[] = {"source", "translation", "related"};
	for (int i = 0; i < 3; i++)
		if (strcmp(word, roles[i]) == 0)
			return i;
	return -1;
}

const char *case_version_name(const case_part *p)
{
	return p->words.n > 2 ? p->words.v[2] : p->words.v[1];
}

char *case_write_rule_files(const case_t *c)
{
	char *dir = case_tmpdir();
	for (size_t i = 0; i < c->nparts; i++) {
		const case_part *p = &c->parts[i];
		/* rule files are written as they stand, each line with its newline */
		if (p->words.n != 1 || !case_write(dir, p->words.v[0], p->text.s ? p->text.s : "", p->text.len)) {
			case_rmdir(dir);
			free(dir);
			return NULL;
		}
	}
	return dir;
}

bool case_rules_mode(const case_t *c, bool *with_shipped)
{
	*with_shipped = c->mode.n == 2 && strcmp(c->mode.v[1], "shipped") == 0;
	return c->mode.n == 1 || *with_shipped;
}

/* ---- main ------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
	tally t = {0, 0, 0, lib_run, false};
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "--print") == 0) {
		t.print = true;
		first = 2;
	}
	if (argc > first + 1 && strcmp(argv[first], "--cli") == 0) {
		cli_init(argv[first + 1]);
		t.runner = cli_run;
		first += 2;
	}
	if (t.runner == lib_run && !lib_init())
		return 2;
	bool ok = true;
	for (int i = first; i < argc; i++)
		ok &= run_file(argv[i], &t);
	lib_fini();
	fflush(stdout);
	fprintf(t.print ? stderr : stdout, "cases (%s): %zu run, %zu failed, %zu library-only skipped\n",
	       t.runner == cli_run ? "cli" : "library", t.run, t.failed, t.skipped);
	return !ok ? 2 : t.failed ? 1 : 0;
}
