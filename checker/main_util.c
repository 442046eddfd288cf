/*
 * main_util.c — CLI helpers shared by the commands (see main_util.h).
 */
#define _XOPEN_SOURCE 700
#include "main_util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char wc_cli_prog[] = "wirecheck";

void wc_cli_usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", wc_cli_prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help'.\n", wc_cli_prog);
}

bool wc_cli_opt_is(const char *arg, const char *s, const char *l)
{
	if (s && strcmp(arg, s) == 0)
		return true;
	size_t n = strlen(l);
	return strncmp(arg, l, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

const char *wc_cli_take_value(int argc, char **argv, int *i, const char *name)
{
	const char *a = argv[*i];
	const char *eq = strchr(a, '=');
	if (a[1] == '-' && eq)
		return eq + 1;
	if (*i + 1 >= argc) {
		wc_cli_usage_error("option %s needs a value", name);
		return NULL;
	}
	return argv[++*i];
}

int wc_cli_take_severity(int argc, char **argv, int *i, wc_severity *out)
{
	const char *v = wc_cli_take_value(argc, argv, i, "--fail-on");
	if (!v)
		return -1;
	int s = wc_severity_parse(v);
	if (s < 0) {
		wc_cli_usage_error("unknown severity '%s' (error, warning, info, never)", v);
		return -1;
	}
	*out = (wc_severity)s;
	return 0;
}

int wc_cli_parse_size(const char *v, size_t *out)
{
	char *end;
	errno = 0;
	if (*v < '0' || *v > '9')
		return -1;
	unsigned long long n = strtoull(v, &end, 10);
	unsigned shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	if (errno || *end || n == 0 || n > (SIZE_MAX >> 1 >> shift))
		return -1;
	*out = (size_t)(n << shift);
	return 0;
}

int wc_cli_take_size(int argc, char **argv, int *i, size_t *out)
{
	const char *v = wc_cli_take_value(argc, argv, i, "--max-input-bytes");
	if (!v)
		return -1;
	if (wc_cli_parse_size(v, out) < 0) {
		wc_cli_usage_error("--max-input-bytes takes a number of bytes (K, M, G: KiB, MiB, GiB), not '%s'", v);
		return -1;
	}
	return 0;
}

void wc_cli_add_rule_dir(const char ***v, size_t *n, const char *dir)
{
	*v = realloc(*v, (*n + 1) * sizeof **v);
	if (!*v)
		abort();
	(*v)[(*n)++] = dir;
}

int wc_cli_parse_color(const char *v)
{
	if (!strcmp(v, "auto"))
		return -1;
	if (!strcmp(v, "always"))
		return 1;
	if (!strcmp(v, "never"))
		return 0;
	wc_cli_usage_error("--color takes auto, always or never, not '%s'", v);
	return -2;
}

bool wc_cli_is_lang_code(const char *s, size_t n)
{
	if (n < 2 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

int wc_sink_open(wc_sink *s, const char *path)
{
	s->final = path;
	s->tmp = NULL;
	if (!path || strcmp(path, "-") == 0) {
		s->f = stdout;
		return 0;
	}
	size_t n = strlen(path) + 16;
	if (!(s->tmp = malloc(n)))
		abort();
	snprintf(s->tmp, n, "%s.XXXXXX", path);
	int fd = mkstemp(s->tmp);
	if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
		fprintf(stderr, "%s: %s: cannot write the report: %s\n", wc_cli_prog, path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(s->tmp);
		}
		free(s->tmp);
		s->tmp = NULL;
		return -1;
	}
	return 0;
}

int wc_sink_close(wc_sink *s, bool ok)
{
	if (!s->tmp) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "%s: error writing the report: %s\n", wc_cli_prog, strerror(errno));
			return -1;
		}
		return 0;
	}
	bool wrote = fflush(s->f) == 0 && !ferror(s->f) && fsync(fileno(s->f)) == 0;
	wrote &= fclose(s->f) == 0;
	if (!ok || !wrote || rename(s->tmp, s->final) != 0) {
		if (ok)
			fprintf(stderr, "%s: %s: cannot write the report: %s\n", wc_cli_prog, s->final,
			        strerror(errno));
		unlink(s->tmp);
		free(s->tmp);
		s->tmp = NULL;
		return -1;
	}
	/* mkstemp makes the file private; a report is an ordinary file. */
	mode_t mask = umask(0);
	umask(mask);
	chmod(s->final, 0666 & ~mask);
	free(s->tmp);
	s->tmp = NULL;
	return 0;
}
