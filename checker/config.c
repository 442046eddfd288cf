/*
 * config.c — the project's settings, .wirecheck.yaml: found in a folder or
 * its nearest parent, read with the YAML tree of yaml.c and validated key by
 * key (every problem a diagnostic at its file:line:column), then applied to a
 * built report: a check off or at another severity, for all languages or
 * some.  The command (main_config.c) takes the gate, rule directories and
 * baseline from it, where its own options do not say otherwise.
 */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "project.h"
#include "yaml_tree.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	wc_config_check pub;
	char **langs;
	const wc_ynode **lang_nodes;  /* for diagnostics about languages, once rules are loaded */
} setting;

struct wc_config {
	char *path, *dir;
	wc_ydoc *doc;
	bool has_fail_on;
	wc_severity fail_on;
	wc_config_place fail_on_at, baseline_at;
	char **rules;
	wc_config_place *rules_at;
	size_t nrules;
	char *baseline;
	setting *checks;
	size_t nchecks;
};

static const char *const top_keys[] = {"fail-on", "rules", "checks", "baseline", NULL};
static const char *const check_keys[] = {"severity", "langs", NULL};
static const char *const severities[] = {"error", "warning", "info", "off", NULL};

static wc_config_place place(const wc_ynode *n)
{
	return (wc_config_place){n->line, n->column};
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *wc_config_find(const char *dir)
{
	char here[PATH_MAX];
	if (!dir || !realpath(dir, here))
		return NULL;
	for (;;) {
		char *cand = wc_xasprintf("%s%s%s", here, strcmp(here, "/") ? "/" : "", WC_CONFIG_NAME);
		if (is_file(cand))
			return cand;
		free(cand);
		char *slash = strrchr(here, '/');
		if (!slash || slash == here) {
			if (strcmp(here, "/") == 0)
				return NULL;
			here[1] = '\0';
		} else {
			*slash = '\0';
		}
	}
}

/* A path of the file, taken from the file's folder unless absolute. */
static char *resolve(const wc_config *c, const char *p)
{
	return p[0] == '/' ? wc_xstrdup(p) : wc_xasprintf("%s/%s", c->dir, p);
}

/* Severity names of the file: error, warning, info; off (-1) where allowed. */
static bool parse_severity(wc_yschema *ys, const wc_ynode *n, const char *what, bool off_ok,
                           int *out)
{
	const char *v = wc_yscalar(ys, n, what);
	if (!v)
		return false;
	if (off_ok && strcmp(v, "off") == 0) {
		*out = -1;
		return true;
	}
	int s = wc_severity_parse(v);
	if (s >= 0 && (s != WC_NEVER || !off_ok)) {
		*out = s;
		return true;
	}
	const char *const gates[] = {"error", "warning", "info", "never", NULL};
	const char *const *names = off_ok ? severities : gates;
	const char *near = wc_ynearest(v, names);
	wc_yfail(ys, n, "%s must be %s, not '%s'%s%s%s", what,
	         off_ok ? "error, warning, info or off" : "error, warning, info or never", v,
	         near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
	return false;
}

static void load_fail_on(wc_config *c, wc_yschema *ys, const wc_ynode *n)
{
	int s;
	if (n && parse_severity(ys, n, "fail-on", false, &s)) {
		c->has_fail_on = true;
		c->fail_on = (wc_severity)s;
		c->fail_on_at = place(n);
	}
}

/* One item or a list of them: `rules: house` and `rules: [house, desk]`. */
static size_t items_of(const wc_ynode *n, const wc_ynode *const **items, const wc_ynode **one)
{
	if (n->type == WC_Y_SEQ) {
		*items = (const wc_ynode *const *)n->items;
		return n->n;
	}
	*one = n;
	*items = one;
	return 1;
}

static void load_rules(wc_config *c, wc_yschema *ys, const wc_ynode *n)
{
	if (!n)
		return;
	const wc_ynode *const *items, *one;
	size_t k = items_of(n, &items, &one);
	c->rules = wc_xcalloc(k ? k : 1, sizeof *c->rules);
	c->rules_at = wc_xcalloc(k ? k : 1, sizeof *c->rules_at);
	for (size_t i = 0; i < k; i++) {
		const char *v = wc_yscalar(ys, items[i], "a rule directory");
		if (!v)
			continue;
		char *dir = resolve(c, v);
		if (!*v || !is_dir(dir)) {
			wc_yfail(ys, items[i], "rule directory '%s' not found (%s)", v, dir);
			free(dir);
			continue;
		}
		c->rules_at[c->nrules] = place(items[i]);
		c->rules[c->nrules++] = dir;
	}
}

static void load_baseline(wc_config *c, wc_yschema *ys, const wc_ynode *n)
{
	const char *v = n ? wc_yscalar(ys, n, "baseline") : NULL;
	if (!v)
		return;
	if (!*v) {
		wc_yfail(ys, n, "baseline must name a file");
		return;
	}
	c->baseline = resolve(c, v);
	c->baseline_at = place(n);
}

/* A language code as file names carry them: two or three lowercase letters. */
static bool is_lang_code(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return n == 2 || n == 3;
}

static void load_langs(setting *st, wc_yschema *ys, const wc_ynode *n)
{
	const wc_ynode *const *items, *one;
	size_t k = items_of(n, &items, &one);
	if (k == 0) {
		wc_yfail(ys, n, "langs must name at least one language");
		return;
	}
	st->langs = wc_xcalloc(k, sizeof *st->langs);
	st->lang_nodes = wc_xcalloc(k, sizeof *st->lang_nodes);
	for (size_t i = 0; i < k; i++) {
		const char *v = wc_yscalar(ys, items[i], "a language");
		if (!v)
			continue;
		if (!is_lang_code(v)) {
			wc_yfail(ys, items[i], "'%s' is no language code (two or three lowercase letters: sv, da)", v);
			continue;
		}
		st->lang_nodes[st->pub.nlangs] = items[i];
		st->langs[st->pub.nlangs++] = wc_xstrdup(v);
	}
	st->pub.langs = (const char *const *)st->langs;
}

static const setting *find_setting(const wc_config *c, const char *check)
{
	for (size_t i = 0; i < c->nchecks; i++)
		if (strcmp(c->checks[i].pub.check, check) == 0)
			return &c->checks[i];
	return NULL;
}

/* `check: SEVERITY` or `check: {severity: SEVERITY, langs: [...]}`. */
static void load_setting(setting *st, wc_yschema *ys, const wc_ynode *key, const wc_ynode *val)
{
	char *what = wc_xasprintf("the severity of %s", key->value);
	if (val->type == WC_Y_MAP) {
		wc_ycheck_keys(ys, val, check_keys);
		const wc_ynode *sev = wc_ymap_get(val, "severity"), *langs = wc_ymap_get(val, "langs");
		if (!sev)
			wc_yfail(ys, val, "%s needs a severity (error, warning, info or off)", key->value);
		else
			parse_severity(ys, sev, what, true, &st->pub.severity);
		if (langs)
			load_langs(st, ys, langs);
	} else {
		parse_severity(ys, val, what, true, &st->pub.severity);
	}
	free(what);
}

static void load_checks(wc_config *c, wc_yschema *ys, const wc_ynode *n)
{
	if (!n)
		return;
	if (n->type != WC_Y_MAP) {
		wc_yfail(ys, n, "checks must be a map of check names to severities");
		return;
	}
	const char **names = wc_xcalloc(wc_check_count() + 1, sizeof *names);
	for (size_t i = 0; i < wc_check_count(); i++)
		names[i] = wc_check_name(i);
	c->checks = wc_xcalloc(n->n ? n->n : 1, sizeof *c->checks);
	for (size_t i = 0; i < n->n; i++) {
		const wc_ynode *key = n->items[2 * i], *val = n->items[2 * i + 1];
		size_t k = 0;
		while (names[k] && strcmp(names[k], key->value) != 0)
			k++;
		if (!names[k]) {
			const char *near = wc_ynearest(key->value, names);
			wc_yfail(ys, key, "unknown check '%s'%s%s%s", key->value,
			         near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
			continue;
		}
		if (find_setting(c, names[k])) {
			wc_yfail(ys, key, "duplicate check '%s'", key->value);
			continue;
		}
		setting *st = &c->checks[c->nchecks++];
		st->pub.check = names[k];  /* the registry's string: static */
		st->pub.severity = (int)wc_check_default_severity(k);
		st->pub.at = place(key);
		load_setting(st, ys, key, val);
	}
	free(names);
}

static char *folder_of(const char *path)
{
	char real[PATH_MAX];
	char *dir = wc_xstrdup(realpath(path, real) ? real : path);
	char *slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return wc_xstrdup(".");
	}
	slash[slash == dir] = '\0';
	return dir;
}

wc_config *wc_config_load(const char *path, wc_diags *diags)
{
	/* Said here, or the YAML reader would speak of rule files. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		wc_diags_add(diags, path, 0, 0, NULL, "not a regular file: a configuration file must be one");
		return NULL;
	}
	wc_ydoc *doc = wc_yaml_load(path, diags);
	if (!doc)
		return NULL;
	wc_config *c = wc_xcalloc(1, sizeof *c);
	c->path = wc_xstrdup(path);
	c->dir = folder_of(path);
	c->doc = doc;
	wc_yschema ys = {doc, diags, 0};
	const wc_ynode *root = doc->root;
	if (root && root->type != WC_Y_MAP) {
		wc_yfail(&ys, root, "a configuration file is a map of settings (fail-on, rules, checks, baseline)");
	} else if (root) {
		wc_ycheck_keys(&ys, root, top_keys);
		load_fail_on(c, &ys, wc_ymap_get(root, "fail-on"));
		load_rules(c, &ys, wc_ymap_get(root, "rules"));
		load_checks(c, &ys, wc_ymap_get(root, "checks"));
		load_baseline(c, &ys, wc_ymap_get(root, "baseline"));
	}
	if (ys.errors) {
		wc_config_free(c);
		return NULL;
	}
	return c;
}

void wc_config_free(wc_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrules; i++)
		free(c->rules[i]);
	for (size_t i = 0; i < c->nchecks; i++) {
		for (size_t k = 0; k < c->checks[i].pub.nlangs; k++)
			free(c->checks[i].langs[k]);
		free(c->checks[i].langs);
		free(c->checks[i].lang_nodes);
	}
	free(c->checks);
	free(c->rules);
	free(c->rules_at);
	free(c->baseline);
	wc_yaml_free(c->doc);
	free(c->path);
	free(c->dir);
	free(c);
}

const char *wc_config_path(const wc_config *c)
{
	return c ? c->path : NULL;
}

static void set_place(wc_config_place *at, wc_config_place p)
{
	if (at)
		*at = p;
}

int wc_config_fail_on(const wc_config *c, wc_severity *gate, wc_config_place *at)
{
	if (!c || !c->has_fail_on)
		return 0;
	*gate = c->fail_on;
	set_place(at, c->fail_on_at);
	return 1;
}

size_t wc_config_rule_dir_count(const wc_config *c)
{
	return c ? c->nrules : 0;
}

const char *wc_config_rule_dir(const wc_config *c, size_t i, wc_config_place *at)
{
	if (!c || i >= c->nrules)
		return NULL;
	set_place(at, c->rules_at[i]);
	return c->rules[i];
}

const char *wc_config_baseline(const wc_config *c, wc_config_place *at)
{
	if (!c || !c->baseline)
		return NULL;
	set_place(at, c->baseline_at);
	return c->baseline;
}

size_t wc_config_check_count(const wc_config *c)
{
	return c ? c->nchecks : 0;
}

const wc_config_check *wc_config_check_get(const wc_config *c, size_t i)
{
	return c && i < c->nchecks ? &c->checks[i].pub : NULL;
}

static char *join(const char *const *v, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 2;
	char *s = wc_xcalloc(len, 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, v[i]);
	}
	return s;
}

int wc_config_check_langs(const wc_config *c, const wc_ruleset *rs, wc_diags *diags)
{
	if (!c)
		return WC_OK;
	size_t nl = wc_ruleset_lang_count(rs);
	const char **known = wc_xcalloc(nl + 1, sizeof *known);
	for (size_t i = 0; i < nl; i++)
		known[i] = wc_ruleset_lang(rs, i);
	int bad = 0;
	for (size_t i = 0; i < c->nchecks; i++)
		for (size_t k = 0; k < c->checks[i].pub.nlangs; k++) {
			const char *l = c->checks[i].langs[k];
			size_t j = 0;
			while (known[j] && strcmp(known[j], l) != 0)
				j++;
			if (known[j])
				continue;
			/* Two letters are too short for a did-you-mean: name them all. */
			char *list = join(known, nl);
			wc_ydiag(diags, c->doc, c->checks[i].lang_nodes[k],
			         "no locale for language '%s' (languages: %s)", l, list);
			free(list);
			bad++;
		}
	free(known);
	return bad ? WC_ERULES : WC_OK;
}

/* The setting of a check for a version's language, or NULL. */
static const setting *setting_for(const wc_config *c, const char *check, const char *lang)
{
	for (size_t i = 0; i < c->nchecks; i++) {
		const setting *st = &c->checks[i];
		if (strcmp(st->pub.check, check) != 0)
			continue;
		if (!st->pub.nlangs)
			return st;
		for (size_t k = 0; k < st->pub.nlangs; k++)
			if (lang && strcmp(st->langs[k], lang) == 0)
				return st;
		return NULL;
	}
	return NULL;
}

void wc_report_apply_config(wc_report *r, const wc_config *c)
{
	if (!r || !c || !c->nchecks)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		wc_finding f = r->findings[i];
		const setting *st = setting_for(c, f.check, f.lang);
		if (st && st->pub.severity < 0)
			continue;
		if (st)
			f.severity = (wc_severity)st->pub.severity;
		r->findings[kept++] = f;
	}
	r->nfindings = kept;
	wc_report_recount(r);
}

void wc_report_recount(wc_report *r)
{
	for (size_t i = 0; i < r->nversions; i++) {
		wc_version *v = &r->versions[i];
		v->errors = v->warnings = v->infos = v->suppressed = 0;
	}
	for (size_t i = 0; i < r->nfindings; i++) {
		const wc_finding *f = &r->findings[i];
		wc_version *v = &r->versions[f->version];
		if (f->suppressed)
			v->suppressed++;
		else if (f->severity == WC_ERROR)
			v->errors++;
		else if (f->severity == WC_WARNING)
			v->warnings++;
		else
			v->infos++;
	}
}
