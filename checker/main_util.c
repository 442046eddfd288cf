/*
 * main_util.c — CLI helpers shared by the commands (see main_util.h).
 */
#define _XOPEN_SOURCE 700
#include "main_util.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

const char wc_cli_prog[] = "wirecheck";
const char *wc_cli_command;

void wc_cli_say(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
	if (!msg)
		abort();
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap2);
	va_end(ap2);
	char *clean = wc_escape_controls(msg);
	fprintf(stderr, "%s: %s\n", wc_cli_prog, clean);
	free(clean);
	free(msg);
}

void wc_cli_usage_error(const char *fmt, const char *arg)
{
	char *clean = wc_escape_controls(arg);
	fprintf(stderr, "%s: ", wc_cli_prog);
	fprintf(stderr, fmt, clean);
	if (wc_cli_command)
		fprintf(stderr, "\nTry '%s %s --help'.\n", wc_cli_prog, wc_cli_command);
	else
		fprintf(stderr, "\nTry '%s --help'.\n", wc_cli_prog);
	free(clean);
}

bool wc_cli_opt_is(const char *arg, const char *s, const char *l)
{
	if (s && strcmp(arg, s) == 0)
		return true;
	size_t n = strlen(l);
	return strncmp(arg, l, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

bool wc_cli_opt_val(const char *arg, const char *s, const char *l)
{
	return wc_cli_opt_is(arg, s, l) || (s && strncmp(arg, s, 2) == 0 && arg[2] != '\0');
}

void wc_cli_unknown_option(const char *arg, const char *const *known)
{
	/* --sourse=x is --sourse */
	size_t n = strcspn(arg, "=");
	char *name = strndup(arg, n);
	if (!name)
		abort();
	const char *best = n > 2 ? wc_closest(name, known, n > 6 ? 3 : 2) : NULL;
	char *clean = wc_escape_controls(arg);
	if (best)
		fprintf(stderr, "%s: unknown option '%s' (did you mean '%s'?)", wc_cli_prog, clean, best);
	else
		fprintf(stderr, "%s: unknown option '%s'", wc_cli_prog, clean);
	fprintf(stderr, "\nTry '%s%s%s --help'.\n", wc_cli_prog, wc_cli_command ? " " : "",
	        wc_cli_command ? wc_cli_command : "");
	free(clean);
	free(name);
}

/* A format name in any case ("JSON"); -1 if unknown. */
static int format_named(const char *v)
{
	char low[16];
	size_t n = strlen(v);
	if (n >= sizeof low)
		return -1;
	for (size_t k = 0; k <= n; k++)
		low[k] = v[k] >= 'A' && v[k] <= 'Z' ? (char)(v[k] + 32) : v[k];
	return wc_format_parse(low);
}

int wc_cli_take_format(int argc, char **argv, int *i, unsigned allowed, const char *names,
                       wc_format *out)
{
	const char *v = wc_cli_take_value(argc, argv, i, "--format");
	if (!v)
		return -1;
	int f = format_named(v);
	if (f < 0 || !(allowed & (1u << f))) {
		char fmt[256];
		snprintf(fmt, sizeof fmt, "%s '%%s' (%s)",
		         f < 0 ? "unknown format" : "this command does not write", names);
		wc_cli_usage_error(fmt, v);
		return -1;
	}
	*out = (wc_format)f;
	return 0;
}

int wc_cli_format_of_path(const char *path, wc_format *out)
{
	static const struct {
		const char *ext;
		wc_format format;
	} exts[] = {{".html", WC_FORMAT_HTML}, {".htm", WC_FORMAT_HTML}, {".json", WC_FORMAT_JSON},
	            {".jsonl", WC_FORMAT_JSON}, {".sarif", WC_FORMAT_SARIF}, {".xml", WC_FORMAT_JUNIT},
	            {".md", WC_FORMAT_MARKDOWN}, {".markdown", WC_FORMAT_MARKDOWN}, {".txt", WC_FORMAT_TEXT}};
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return -1;
	for (size_t k = 0; k < sizeof exts / sizeof *exts; k++)
		if (strcasecmp(dot, exts[k].ext) == 0) {
			*out = exts[k].format;
			return 0;
		}
	return -1;
}

const char *wc_cli_take_value(int argc, char **argv, int *i, const char *name)
{
	const char *a = argv[*i];
	const char *eq = strchr(a, '=');
	if (a[1] == '-' && eq)
		return eq + 1;
	/* -fjson, -ofile: a short option's value written onto it */
	if (a[1] != '-' && a[2])
		return a + 2;
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

int wc_cli_take_min_severity(int argc, char **argv, int *i, wc_severity *out)
{
	const char *v = wc_cli_take_value(argc, argv, i, "--min-severity");
	if (!v)
		return -1;
	int s = wc_severity_parse(v);
	if (s < 0 || s == WC_NEVER) {
		wc_cli_usage_error("--min-severity takes error, warning or info, not '%s'", v);
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

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether s[0..n) is one subtag of a BCP 47 tag after the language: a
 * script (4 letters), a region (2 letters or 3 digits) or a variant (5 to 8
 * letters and digits, or a digit and 3 more). */
static bool is_subtag(const char *s, size_t n)
{
	size_t alpha = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		alpha += is_alpha(s[i]);
		digit += is_digit(s[i]);
	}
	if (alpha + digit != n)
		return false;
	return (n == 2 && alpha == 2) || (n == 3 && digit == 3) || (n == 4 && alpha == 4) ||
	       (n == 4 && is_digit(s[0])) || (n >= 5 && n <= 8);
}

bool wc_cli_is_lang_code(const char *s, size_t n)
{
	size_t base = 0;
	while (base < n && is_alpha(s[base]))
		base++;
	if (base < 2 || base > 3)
		return false;
	for (size_t i = base; i < n;) {
		if (s[i] != '-' && s[i] != '_')
			return false;
		size_t k = ++i;
		while (k < n && s[k] != '-' && s[k] != '_')
			k++;
		if (!is_subtag(s + i, k - i))
			return false;
		i = k;
	}
	return true;
}

/* BCP 47's case conventions: da-DK, zh-Hant-TW, de-1996; _ becomes -. */
char *wc_cli_lang_tag(const char *s, size_t n)
{
	char *t = strndup(s, n);
	if (!t)
		abort();
	for (size_t i = 0, part = 0, start = 0; i <= n; i++) {
		if (i < n && t[i] != '-' && t[i] != '_')
			continue;
		size_t len = i - start;
		for (size_t k = start; k < i; k++) {
			bool upper = part > 0 && (len == 2 || (len == 4 && k == start));
			char c = t[k];
			t[k] = upper && c >= 'a' && c <= 'z' ? (char)(c - 32)
			       : !upper && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
		if (i < n)
			t[i] = '-';
		start = i + 1;
		part++;
	}
	return t;
}

/* ---- rules ---------------------------------------------------------------------------------- */

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *wc_cli_cache_dir(void)
{
	const char *env = getenv("WIRECHECK_CACHE");
	if (env)
		return *env && strcmp(env, "off") != 0 ? strdup(env) : NULL;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	/* the XDG base directory rules: a relative XDG_CACHE_HOME is ignored */
	const char *base = xdg && xdg[0] == '/' ? xdg : home && home[0] == '/' ? home : NULL;
	if (!base)
		return NULL;
	const char *tail = base == xdg ? "/wirecheck" : "/.cache/wirecheck";
	size_t n = strlen(base) + strlen(tail) + 1;
	char *dir = malloc(n);
	if (dir)
		snprintf(dir, n, "%s%s", base, tail);
	return dir;
}

/* The built-in rules: $WIRECHECK_RULES, else next to the installed binary
 * (PREFIX/share/wirecheck/rules), else the source tree (build/../rules). */
char *wc_cli_builtin_rules(void)
{
	const char *env = getenv("WIRECHECK_RULES");
	if (env && *env)
		return strdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	static const char *const tries[] = {"/../share/wirecheck/rules", "/../rules", "/rules"};
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
		char cand[PATH_MAX + 64];
		snprintf(cand, sizeof cand, "%s%s", exe, tries[i]);
		char real[PATH_MAX];
		if (is_dir(cand) && realpath(cand, real))
			return strdup(real);
	}
	return NULL;
}

/* ---- reports written atomically ------------------------------------------------------------ */

/* The temporary file of the report being written, for the signal handler:
 * one report per process, so one path, fixed before the handler is armed. */
static char sig_tmp[PATH_MAX + 16];
static volatile sig_atomic_t sig_armed;
static struct sigaction sig_old[3];
static const int sig_list[3] = {SIGINT, SIGTERM, SIGHUP};

/* Async-signal-safe: removes the temporary file, then dies of the signal
 * (it is blocked in here, so the re-raised one arrives on return). */
static void on_signal(int sig)
{
	if (sig_armed)
		unlink(sig_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void arm(const char *tmp)
{
	snprintf(sig_tmp, sizeof sig_tmp, "%s", tmp);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 3; i++)
		sigaddset(&sa.sa_mask, sig_list[i]);
	sig_armed = 1;
	for (size_t i = 0; i < 3; i++) {
		sigaction(sig_list[i], &sa, &sig_old[i]);
		/* A signal ignored on entry (nohup, a background job of a script)
		 * stays ignored: it could not have ended the run. */
		if (sig_old[i].sa_handler == SIG_IGN)
			sigaction(sig_list[i], &sig_old[i], NULL);
	}
}

static void disarm(void)
{
	if (!sig_armed)
		return;
	for (size_t i = 0; i < 3; i++)
		sigaction(sig_list[i], &sig_old[i], NULL);
	sig_armed = 0;
}

static int refuse(const char *path, const char *why, const char *what)
{
	if (what)
		wc_cli_say("%s: error: %s (%s); the report is not written over it", path, why, what);
	else
		wc_cli_say("%s: error: cannot write the report: %s", path, why);
	return -1;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The rule file of dir that is the file st, or NULL (caller frees). */
static char *rule_file_in(const char *dir, const struct stat *st)
{
	static const char *const subs[] = {"locales/cldr", "locales", "terms", "facts"};
	for (size_t k = 0; k < sizeof subs / sizeof *subs; k++) {
		char sub[PATH_MAX];
		snprintf(sub, sizeof sub, "%s/%s", dir, subs[k]);
		DIR *d = opendir(sub);
		if (!d)
			continue;
		struct dirent *e;
		char *hit = NULL;
		while (!hit && (e = readdir(d))) {
			char path[2 * PATH_MAX];
			struct stat rs;
			snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
			if (e->d_name[0] != '.' && stat(path, &rs) == 0 && same_file(&rs, st))
				hit = strdup(path);
		}
		closedir(d);
		if (hit)
			return hit;
	}
	return NULL;
}

/* Refuses a target that is one of the files this run reads. */
static int guard(const char *name, const struct stat *st, const wc_sink_guard *g)
{
	for (size_t i = 0; g && i < g->ninputs; i++) {
		struct stat is;
		bool in = strcmp(g->inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &is) == 0
		                                         : stat(g->inputs[i], &is) == 0;
		if (in && same_file(&is, st))
			return refuse(name, "is an input of this run",
			              g->inputs[i]);
	}
	for (size_t i = 0; g && i < g->nrule_dirs; i++) {
		char *hit = rule_file_in(g->rule_dirs[i], st);
		if (hit) {
			refuse(name, "is a rule file of this run", hit);
			free(hit);
			return -1;
		}
	}
	return 0;
}

/* Where the report goes: path itself, or what the symbolic link path leads
 * to (written through: the link stays).  Refuses what is not a regular file,
 * cannot be written, or is read by this run; *st and *exists tell whether a
 * file is there to keep the mode of. */
static char *target_of(const char *path, const wc_sink_guard *g, struct stat *st, bool *exists)
{
	char *final = NULL;
	struct stat ls;
	if (lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode)) {
		char real[PATH_MAX];
		if (!realpath(path, real)) {
			char why[300];
			snprintf(why, sizeof why, "a symbolic link that leads nowhere: %s", strerror(errno));
			refuse(path, why, NULL);
			return NULL;
		}
		final = strdup(real);
	} else {
		final = strdup(path);
	}
	if (!final)
		abort();
	*exists = stat(final, st) == 0;
	const char *why = NULL;
	if (!*exists && errno != ENOENT)
		why = strerror(errno);
	else if (*exists && S_ISDIR(st->st_mode))
		why = "is a directory";
	else if (*exists && !S_ISREG(st->st_mode))
		why = "not a regular file (a device, FIFO or socket): only regular files are replaced";
	else if (*exists && access(final, W_OK) != 0)
		why = strerror(errno);
	if (why || (*exists && guard(path, st, g) < 0)) {
		if (why)
			refuse(path, why, NULL);
		free(final);
		return NULL;
	}
	return final;
}

/* "DIR/.wc-XXXXXX" beside final: short, so that any name that fits its
 * folder has a temporary name that fits too. */
static char *temp_template(const char *final)
{
	const char *slash = strrchr(final, '/');
	size_t dn = slash ? (size_t)(slash - final) + 1 : 0;
	char *t = malloc(dn + 16);
	if (!t)
		abort();
	memcpy(t, final, dn);
	strcpy(t + dn, ".wc-XXXXXX");
	return t;
}

static bool name_too_long(const char *final)
{
	const char *slash = strrchr(final, '/');
	const char *base = slash ? slash + 1 : final;
	return strlen(base) > NAME_MAX || strlen(final) >= PATH_MAX;
}

int wc_sink_open(wc_sink *s, const char *path, const wc_sink_guard *g)
{
	memset(s, 0, sizeof *s);
	s->name = path;
	if (!path || strcmp(path, "-") == 0) {
		s->f = stdout;
		return 0;
	}
	struct stat st;
	bool exists;
	if (!(s->final = target_of(path, g, &st, &exists)))
		return -1;
	if (name_too_long(s->final)) {
		refuse(path, strerror(ENAMETOOLONG), NULL);
		goto fail;
	}
	s->tmp = temp_template(s->final);
	int fd = mkstemp(s->tmp);
	if (fd < 0) {
		refuse(path, strerror(errno), NULL);
		goto fail;
	}
	arm(s->tmp);
	/* mkstemp makes the file private: a report replacing a file keeps that
	 * file's mode, a new one is an ordinary file. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
	if (!(s->f = fdopen(fd, "w"))) {
		refuse(path, strerror(errno), NULL);
		close(fd);
		unlink(s->tmp);
		disarm();
		goto fail;
	}
	return 0;
fail:
	free(s->tmp);
	free(s->final);
	s->tmp = s->final = NULL;
	return -1;
}

int wc_sink_close(wc_sink *s, bool ok)
{
	if (!s->tmp) {
		if (!s->f)
			return -1; /* never opened */
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "%s: error writing the report: %s\n", wc_cli_prog, strerror(errno));
			return -1;
		}
		return 0;
	}
	bool wrote = fflush(s->f) == 0 && !ferror(s->f) && fsync(fileno(s->f)) == 0;
	wrote &= fclose(s->f) == 0;
	int rc = 0;
	if (!ok || !wrote || rename(s->tmp, s->final) != 0) {
		if (ok)
			refuse(s->name, strerror(errno), NULL);
		unlink(s->tmp);
		rc = -1;
	}
	disarm();
	free(s->tmp);
	free(s->final);
	s->tmp = s->final = NULL;
	s->f = NULL;
	return rc;
}

int wc_cli_open_sink(wc_sink *s, const char *path, const char *const *inputs, size_t ninputs,
                     const char *const *rule_dirs, size_t nrule_dirs)
{
	if (!path || strcmp(path, "-") == 0)
		return wc_sink_open(s, path, NULL);
	const char **dirs = malloc((nrule_dirs + 1) * sizeof *dirs);
	if (!dirs)
		abort();
	for (size_t i = 0; i < nrule_dirs; i++)
		dirs[i] = rule_dirs[i];
	char *builtin = wc_cli_builtin_rules();
	if (builtin)
		dirs[nrule_dirs++] = builtin;
	wc_sink_guard g = {inputs, ninputs, dirs, nrule_dirs};
	int rc = wc_sink_open(s, path, &g);
	free(builtin);
	free(dirs);
	return rc;
}
