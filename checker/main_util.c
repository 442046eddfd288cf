/*
 * main_util.c — CLI helpers shared by the commands (see main_util.h).
 */
#define _XOPEN_SOURCE 700
#include "main_util.h"

#include <errno.h>
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

int wc_cli_take_share(int argc, char **argv, int *i, double *out)
{
	const char *v = wc_cli_take_value(argc, argv, i, "--min-coverage");
	if (!v)
		return -1;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || *end || errno || !(x >= 0 && x <= 1)) {
		wc_cli_usage_error("--min-coverage takes a share from 0 to 1 (0 turns it off), not '%s'", v);
		return -1;
	}
	*out = x;
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
