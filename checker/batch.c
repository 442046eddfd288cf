/*
 * batch.c — the batch engine: many bundles through one ruleset.
 *
 * The caller's thread reads records (JSON Lines, or bundles of files) and
 * queues them in a ring of `window` slots; worker threads take them in order,
 * build the bundle (json_read.c parses a record in place), run the pipeline
 * (bundle.c) and format the report into memory.  Whichever worker finds the
 * oldest slot finished writes it, and every finished slot after it, so the
 * output keeps the input order while nothing waits on a lock during I/O.
 * Reading waits while the window is full or too many input bytes are in
 * flight: memory depends on the window, never on the length of the stream.
 *
 * The ruleset is compiled for every language before the first worker starts;
 * from then on the workers only read it (see rules_compile.c, extract.c).
 */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "escape.h"
#include "json.h"
#include "batch.h"
#include "report.h"
#include "reader.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { JOB_JSON, JOB_FILES };
enum { OUT_PASS = 0, OUT_FAIL = 1, OUT_ERROR = 2 };

typedef struct {
	int kind;
	size_t line;            /* JSON: its line number; files: the bundle's ordinal */
	char *buf;              /* JSON: the line, owned */
	size_t len;
	char *id;               /* files: the bundle's name */
	char *error;            /* JSON: why the record was not read (too long), owned */
	wc_batch_file *files;   /* files: owned copies */
	size_t nfiles;
	size_t bytes;           /* input size, for the byte budget and the statistics */
	int done;
	char *out;              /* the formatted result */
	size_t out_len;
	int outcome;            /* OUT_* */
	int named_output;       /* a "path" of the record was the output file */
} job;

struct wc_batch {
	wc_ruleset *rs;
	wc_batch_options opt;
	wc_record_opts rec;     /* what records are read with */
	char *root;             /* --path-root, resolved */
	FILE *out;
	pthread_mutex_t mu;
	pthread_cond_t room;    /* the reader: a slot or input bytes were freed */
	pthread_cond_t work;    /* the workers: a job was queued, or the batch stops */
	job *ring;
	size_t window;
	size_t added, taken, written; /* sequence numbers; slot = seq % window */
	size_t inflight;        /* input bytes queued and not yet written */
	int stop, writing, finished, io_error;
	int any_written;        /* a job wrote something (SARIF's first result has no comma) */
	wc_batch_stats st;
	pthread_t *threads;
	unsigned nthreads;
};

/* ---- records ------------------------------------------------------------------ */

size_t wc_json_compact(char *s, size_t n)
{
	size_t w = 0;
	int in_str = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\' && i + 1 < n) {
				s[w++] = c;
				c = s[++i];
			} else if (c == '"') {
				in_str = 0;
			}
		} else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			continue;
		} else if (c == '"') {
			in_str = 1;
		}
		s[w++] = c;
	}
	return w;
}

static char *diags_message(const wc_diags *d)
{
	wc_buf b = {0};
	for (size_t i = 0; i < wc_diags_count(d); i++) {
		const wc_diag *g = wc_diags_get(d, i);
		if (i)
			wc_buf_puts(&b, "; ");
		if (g->file[0] && g->line > 0)
			wc_buf_printf(&b, "%s:%d:%d: ", g->file, g->line, g->column);
		else if (g->file[0])
			wc_buf_printf(&b, "%s: ", g->file);
		wc_buf_puts(&b, g->message);
	}
	if (!b.len)
		wc_buf_puts(&b, "the bundle could not be checked");
	return wc_buf_take(&b);
}

static bool has_nul(const wc_json_node *n)
{
	return memchr(n->s, '\0', n->len) != NULL;
}

/* Keys are compared by length too: "id\u0000x" is not "id". */
static bool key_is(const wc_json_node *k, const char *name)
{
	return k->len == strlen(name) && memcmp(k->s, name, k->len) == 0;
}

/* A stream into memory; failing to open one is running out of memory. */
static FILE *memstream(char **s, size_t *n)
{
	FILE *f = open_memstream(s, n);
	if (!f)
		wc_xmalloc(SIZE_MAX); /* aborts with the one out-of-memory message */
	return f;
}

typedef struct {
	wc_ruleset *rs;
	const wc_record_opts *opt;
	wc_json_doc *doc;
	wc_bundle *bundle;
	wc_diags *diags;
	const char *id;
	char *error;
} record;

static int record_error(record *r, const char *fmt, ...) WC_PRINTF(2, 3);
static int record_error(record *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	r->error = wc_xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}

/* A string member that must be non-empty and free of NUL bytes. */
static int label(record *r, const wc_json_node *v, const char *where, const char *key,
                 const char **out)
{
	if (v->type != WC_JSON_STRING)
		return record_error(r, "column %zu: %s \"%s\" must be a string, not %s", v->column, where,
		                    key, wc_json_type_name(v->type));
	if (!v->len || has_nul(v))
		return record_error(r, "column %zu: %s \"%s\" must be a non-empty string without NUL",
		                    v->column, where, key);
	*out = v->s;
	return 0;
}

bool wc_path_within(const char *root, const char *path)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return path[0] == '/';
	return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* A record's "path" is read only inside the path root: *real gets the file
 * it resolves to (symbolic links and .. followed), which is what is read,
 * so that the file checked is the file confined. */
static int confine(record *r, const wc_json_node *path, const char *where, const char *path_s,
                   char **real)
{
	char buf[PATH_MAX];
	if (!realpath(path_s, buf))
		return record_error(r, "%s: cannot open: %s", path_s, strerror(errno));
	if (!wc_path_within(r->opt->path_root, buf))
		return record_error(r, "column %zu: %s \"path\" %s is outside --path-root %s", path->column,
		                    where, path_s, r->opt->path_root);
	*real = wc_xstrdup(buf);
	return 0;
}

/* A version's "format": an input format name. */
static int input_format(record *r, const wc_json_node *v, const char *where, wc_input_format *out)
{
	const char *name;
	if (label(r, v, where, "format", &name) < 0)
		return -1;
	int f = wc_input_format_parse(name);
	if (f < 0) {
		wc_buf names = {0};
		wc_input_format_list(&names);
		record_error(r, "column %zu: %s \"format\" \"%s\" is unknown (the formats: %s)", v->column,
		             where, name, names.s);
		wc_buf_free(&names);
		return -1;
	}
	*out = (wc_input_format)f;
	return 0;
}

/* One version: {"lang", "text" or "path", "format", "meta"}.  With a text,
 * "path" only names the version in the report. */
static int add_version(record *r, const wc_json_node *obj, wc_role role, size_t n,
                       const char *where)
{
	if (obj->type != WC_JSON_OBJECT)
		return record_error(r, "column %zu: %s must be an object, not %s", obj->column, where,
		                    wc_json_type_name(obj->type));
	const wc_json_node *lang = NULL, *text = NULL, *path = NULL, *format = NULL;
	for (const wc_json_node *k = wc_json_child(r->doc, obj); k; k = wc_json_next(r->doc, k)) {
		const wc_json_node **slot = NULL;
		if (key_is(k, "lang"))
			slot = &lang;
		else if (key_is(k, "text"))
			slot = &text;
		else if (key_is(k, "path"))
			slot = &path;
		else if (key_is(k, "format"))
			slot = &format;
		else if (key_is(k, "meta"))
			continue;
		else
			return record_error(r, "column %zu: %s has an unknown key \"%s\" (lang, text, path, format, meta)",
			                    k->column, where, k->s);
		if (*slot)
			return record_error(r, "column %zu: %s has \"%s\" twice", k->column, where, k->s);
		*slot = k + 1;
	}
	const char *lang_s, *path_s = NULL;
	if (!lang)
		return record_error(r, "column %zu: %s has no \"lang\"", obj->column, where);
	if (label(r, lang, where, "lang", &lang_s) < 0)
		return -1;
	if (path && label(r, path, where, "path", &path_s) < 0)
		return -1;
	wc_input_format fmt = WC_INPUT_TEXT;
	if (format && input_format(r, format, where, &fmt) < 0)
		return -1;
	/* "-" means standard input to wc_bundle_add_file: the stream itself. */
	if (path_s && !text && strcmp(path_s, "-") == 0)
		return record_error(r, "column %zu: %s \"path\" cannot be \"-\" in a batch", path->column,
		                    where);
	if (text && text->type != WC_JSON_STRING)
		return record_error(r, "column %zu: %s \"text\" must be a string, not %s", text->column,
		                    where, wc_json_type_name(text->type));
	if (!text && !path)
		return record_error(r, "column %zu: %s has neither \"text\" nor \"path\"", obj->column,
		                    where);
	int rc;
	if (text) {
		char *made = NULL;
		if (!path_s)
			path_s = made = wc_xasprintf("%s/%s%zu.%s", r->id, wc_role_name(role), n, lang_s);
		rc = wc_bundle_add_text_ex(r->bundle, role, lang_s, path_s, text->s, text->len, fmt,
		                           r->diags);
		free(made);
	} else {
		char *real = NULL;
		if (r->opt->path_root && confine(r, path, where, path_s, &real) < 0)
			return -1;
		struct stat st;
		if (r->opt->guard_output && stat(real ? real : path_s, &st) == 0 &&
		    (unsigned long long)st.st_dev == r->opt->output_dev &&
		    (unsigned long long)st.st_ino == r->opt->output_ino) {
			free(real);
			if (r->opt->named_output)
				*r->opt->named_output = 1;
			return record_error(r, "column %zu: %s \"path\" %s is the report's output file (-o), "
			                    "which the report would replace", path->column, where, path_s);
		}
		rc = wc_bundle_add_input(r->bundle, role, lang_s, real ? real : path_s, path_s, fmt,
		                         r->diags);
		free(real);
	}
	if (rc < 0) {
		r->error = diags_message(r->diags);
		return -1;
	}
	return 0;
}

static int add_versions(record *r, const wc_json_node *arr, wc_role role, const char *key)
{
	if (arr->type != WC_JSON_ARRAY)
		return record_error(r, "column %zu: \"%s\" must be an array, not %s", arr->column, key,
		                    wc_json_type_name(arr->type));
	size_t n = 0;
	for (const wc_json_node *v = wc_json_child(r->doc, arr); v; v = wc_json_next(r->doc, v)) {
		char where[64];
		snprintf(where, sizeof where, "%s[%zu]", key, n);
		if (add_version(r, v, role, ++n, where) < 0)
			return -1;
	}
	return 0;
}

wc_bundle *wc_batch_record_bundle(wc_ruleset *rs, char *buf, size_t len,
                                  const wc_record_opts *opt, char **id, char **error)
{
	static const wc_record_opts none = {0};
	wc_json_doc doc = {0};
	record r = {rs, opt ? opt : &none, &doc, NULL, NULL, NULL, NULL};
	*id = NULL;
	*error = NULL;
	if (wc_json_parse(&doc, buf, len) < 0) {
		*error = wc_xasprintf("column %zu: %s", doc.error_column, doc.error);
		wc_json_free(&doc);
		return NULL;
	}
	const wc_json_node *root = &doc.v[0], *idv = NULL, *src = NULL, *tr = NULL, *rel = NULL;
	if (root->type != WC_JSON_OBJECT) {
		record_error(&r, "column %zu: a record must be an object, not %s", root->column,
		             wc_json_type_name(root->type));
		goto out;
	}
	/* The id first, so that the error line of a record with a bad key still
	 * names it. */
	for (const wc_json_node *k = wc_json_child(&doc, root); k && !*id; k = wc_json_next(&doc, k)) {
		const wc_json_node *v = k + 1;
		if (!key_is(k, "id"))
			continue;
		if (v->type == WC_JSON_NUMBER)
			*id = wc_xstrndup(v->s, v->len);
		else if (v->type == WC_JSON_STRING && v->len && !has_nul(v))
			*id = wc_xstrdup(v->s);
	}
	for (const wc_json_node *k = wc_json_child(&doc, root); k; k = wc_json_next(&doc, k)) {
		const wc_json_node **slot = NULL;
		if (key_is(k, "id"))
			slot = &idv;
		else if (key_is(k, "source"))
			slot = &src;
		else if (key_is(k, "translations"))
			slot = &tr;
		else if (key_is(k, "related"))
			slot = &rel;
		else if (key_is(k, "meta"))
			continue;
		else {
			record_error(&r, "column %zu: unknown key \"%s\" (id, source, translations, related, meta)",
			             k->column, k->s);
			goto out;
		}
		if (*slot) {
			record_error(&r, "column %zu: \"%s\" twice", k->column, k->s);
			goto out;
		}
		*slot = k + 1;
	}
	if (!idv) {
		record_error(&r, "column 1: the record has no \"id\"");
		goto out;
	}
	if (!*id) {
		record_error(&r, "column %zu: \"id\" must be a non-empty string or a number", idv->column);
		goto out;
	}
	if (!src) {
		record_error(&r, "column 1: the record has no \"source\"");
		goto out;
	}
	r.id = *id;
	r.diags = wc_diags_new();
	r.bundle = wc_bundle_new(rs);
	wc_bundle_set_replace_invalid(r.bundle, r.opt->replace_invalid);
	wc_bundle_set_max_input(r.bundle, r.opt->max_input);
	if (add_version(&r, src, WC_ROLE_SOURCE, 1, "\"source\"") < 0 ||
	    (tr && add_versions(&r, tr, WC_ROLE_TRANSLATION, "translations") < 0) ||
	    (rel && add_versions(&r, rel, WC_ROLE_RELATED, "related") < 0)) {
		wc_bundle_free(r.bundle);
		r.bundle = NULL;
	}
out:
	wc_diags_free(r.diags);
	wc_json_free(&doc);
	*error = r.error;
	return r.bundle;
}

/* ---- one job ----------------------------------------------------------------- */

static wc_bundle *files_bundle(wc_batch *b, job *j, char **error)
{
	bool source = false;
	for (size_t i = 0; i < j->nfiles; i++)
		source |= j->files[i].role == WC_ROLE_SOURCE;
	if (!source) {
		wc_buf m = {0};
		wc_buf_puts(&m, "no source version among");
		for (size_t i = 0; i < j->nfiles; i++)
			wc_buf_printf(&m, "%s %s", i ? "," : "", j->files[i].path);
		*error = wc_buf_take(&m);
		return NULL;
	}
	wc_diags *diags = wc_diags_new();
	wc_bundle *bundle = wc_bundle_new(b->rs);
	wc_bundle_set_replace_invalid(bundle, b->opt.replace_invalid);
	wc_bundle_set_max_input(bundle, b->opt.max_input);
	for (size_t i = 0; i < j->nfiles; i++)
		if (wc_bundle_add_file(bundle, j->files[i].role, j->files[i].lang, j->files[i].path,
		                       diags) < 0) {
			*error = diags_message(diags);
			wc_bundle_free(bundle);
			bundle = NULL;
			break;
		}
	wc_diags_free(diags);
	/* After reading, so that a file that cannot be read says so first. */
	if (bundle && j->nfiles == 1) {
		*error = wc_xasprintf("%s: a source with nothing to check against it (translations are "
		                      "STORY.LANG.txt, related coverage STORY.related-NAME.LANG.txt)",
		                      j->files[0].path);
		wc_bundle_free(bundle);
		bundle = NULL;
	}
	return bundle;
}

/* {"id":…,"line":N, then the report's members, on one line. */
static void put_json_head(FILE *f, const char *id, size_t line)
{
	fputc('{', f);
	if (id) {
		fputs("\"id\":", f);
		wc_json_str(f, id);
		fputc(',', f);
	}
	fprintf(f, "\"line\":%zu", line);
}

static void format_error(wc_batch *b, job *j, const char *id, const char *error, FILE *f)
{
	if (b->opt.format == WC_FORMAT_SARIF) {
		wc_sarif_stream_error(id, j->line, error, f);
	} else if (b->opt.format == WC_FORMAT_JUNIT) {
		wc_junit_stream_error(id, j->line, error, f);
	} else if (b->opt.format == WC_FORMAT_JSON) {
		put_json_head(f, id, j->line);
		fputs(",\"error\":", f);
		wc_json_str(f, error);
		fputs("}\n", f);
	} else {
		/* Escaped: an id or a message with a line break cannot forge a line. */
		if (id)
			wc_put_escaped(f, id, strlen(id), 0);
		else
			fprintf(f, "line %zu", j->line);
		fputs(": error: ", f);
		wc_put_escaped(f, error, strlen(error), 0);
		fputc('\n', f);
	}
}

/* The text report with the bundle's id before its verdict line (the last
 * one), so that `check -q DIR` says which story each verdict is of. */
static void format_text(wc_batch *b, const char *id, const wc_report *r, FILE *f)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = memstream(&s, &n);
	wc_report_write(r, b->opt.format, &b->opt.report, m);
	fclose(m);
	size_t last = n > 1 ? n - 1 : 0;
	while (last > 0 && s[last - 1] != '\n')
		last--;
	fwrite(s, 1, last, f);
	if (id) {
		wc_put_escaped(f, id, strlen(id), 0);
		fputs(": ", f);
	}
	fwrite(s + last, 1, n - last, f);
	free(s);
}

static void format_report(wc_batch *b, job *j, const char *id, const wc_report *r, FILE *f)
{
	if (b->opt.format == WC_FORMAT_SARIF) {
		wc_sarif_stream_results(r, id, f);
		return;
	}
	if (b->opt.format == WC_FORMAT_JUNIT) {
		wc_junit_stream_report(r, &b->opt.report, id, f);
		return;
	}
	if (b->opt.format == WC_FORMAT_TEXT) {
		format_text(b, id, r, f);
		return;
	}
	if (b->opt.format != WC_FORMAT_JSON) {
		wc_report_write(r, b->opt.format, &b->opt.report, f);
		return;
	}
	char *s = NULL;
	size_t n = 0;
	FILE *m = memstream(&s, &n);
	wc_report_write(r, WC_FORMAT_JSON, &b->opt.report, m);
	fclose(m);
	n = wc_json_compact(s, n);
	put_json_head(f, id, j->line);
	if (n > 2)
		fputc(',', f);
	if (n > 1)
		fwrite(s + 1, 1, n - 1, f); /* the report without its opening brace */
	else
		fputc('}', f);
	fputc('\n', f);
	free(s);
}

static void run_job(wc_batch *b, job *j)
{
	char *id = NULL, *error = NULL;
	wc_bundle *bundle;
	if (j->error) {
		bundle = NULL;
		error = j->error;
		j->error = NULL;
	} else if (j->kind == JOB_JSON) {
		wc_record_opts ro = b->rec;
		ro.named_output = &j->named_output;
		bundle = wc_batch_record_bundle(b->rs, j->buf, j->len, &ro, &id, &error);
		free(j->buf); /* the bundle holds its own copies */
		j->buf = NULL;
	} else {
		id = wc_xstrdup(j->id);
		bundle = files_bundle(b, j, &error);
	}
	wc_report *r = NULL;
	if (bundle && b->opt.min_coverage != 0)
		wc_bundle_set_min_coverage(bundle, b->opt.min_coverage < 0 ? 0 : b->opt.min_coverage);
	if (bundle) {
		wc_diags *diags = wc_diags_new();
		int err;
		if (!(r = wc_bundle_check(bundle, diags, &err)))
			error = diags_message(diags);
		wc_diags_free(diags);
		wc_bundle_free(bundle);
	}
	FILE *f = memstream(&j->out, &j->out_len);
	if (r) {
		format_report(b, j, id, r, f);
		j->outcome = wc_report_fails(r, b->opt.report.fail_on) ? OUT_FAIL : OUT_PASS;
	} else {
		format_error(b, j, id, error, f);
		j->outcome = OUT_ERROR;
	}
	fclose(f);
	wc_report_free(r);
	free(id);
	free(error);
}

static void free_job_input(job *j)
{
	free(j->buf);
	free(j->error);
	free(j->id);
	for (size_t i = 0; i < j->nfiles; i++) {
		free((char *)j->files[i].lang);
		free((char *)j->files[i].path);
	}
	free(j->files);
}

/* ---- threads ------------------------------------------------------------------ */

/* Writes finished jobs in order, with the lock held on entry and exit but not
 * during I/O.  One thread writes at a time; a job finished meanwhile is seen
 * by the loop's next look, so none is left behind. */
static void drain(wc_batch *b)
{
	if (b->writing)
		return;
	b->writing = 1;
	for (;;) {
		bool wrote = false;
		while (b->written < b->added && b->ring[b->written % b->window].done) {
			job *j = &b->ring[b->written % b->window];
			pthread_mutex_unlock(&b->mu);
			/* SARIF: every result comes with a comma before it but the first */
			size_t skip = b->opt.format == WC_FORMAT_SARIF && !b->any_written && j->out_len;
			b->any_written |= j->out_len > 0;
			if (!b->io_error &&
			    fwrite(j->out + skip, 1, j->out_len - skip, b->out) != j->out_len - skip)
				b->io_error = 1;
			b->st.done++;
			b->st.failed += j->outcome == OUT_FAIL;
			b->st.errors += j->outcome == OUT_ERROR;
			b->st.output_named += j->named_output != 0;
			b->st.bytes += j->bytes;
			if (b->opt.progress)
				b->opt.progress(&b->st, b->opt.progress_ctx);
			free(j->out);
			free_job_input(j);
			pthread_mutex_lock(&b->mu);
			b->inflight -= j->bytes;
			memset(j, 0, sizeof *j);
			b->written++;
			pthread_cond_signal(&b->room);
			wrote = true;
		}
		if (!wrote)
			break;
		pthread_mutex_unlock(&b->mu);
		if (!b->io_error && fflush(b->out) != 0)
			b->io_error = 1;
		pthread_mutex_lock(&b->mu);
	}
	b->writing = 0;
}

static void *worker(void *arg)
{
	wc_batch *b = arg;
	pthread_mutex_lock(&b->mu);
	for (;;) {
		while (b->taken == b->added && !b->stop)
			pthread_cond_wait(&b->work, &b->mu);
		if (b->taken == b->added)
			break;
		job *j = &b->ring[b->taken++ % b->window];
		pthread_mutex_unlock(&b->mu);
		run_job(b, j);
		pthread_mutex_lock(&b->mu);
		j->done = 1;
		drain(b);
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

wc_batch *wc_batch_new(wc_ruleset *rs, const wc_batch_options *opt, FILE *out, wc_diags *diags)
{
	bool bad = false;
	if (!(opt->min_coverage <= 1)) {
		wc_diags_add(diags, "", 0, 0, NULL, "min_coverage must be a share from 0 to 1, not %g",
		             opt->min_coverage);
		return NULL;
	}
	/* Workers share the rules read-only: every language is compiled now, so
	 * that a rule error stops the batch before its first record.  The
	 * machine code of a language is made at its first bundle (once, under
	 * wc_compiled_jit's lock): a stream in three languages does not pay for
	 * the JIT of twelve. */
	wc_ruleset_set_lazy_jit(rs, 1);
	rs->jit_small_texts = true;
	for (size_t i = 0; i < wc_ruleset_lang_count(rs); i++)
		bad |= wc_ruleset_prepare(rs, wc_ruleset_lang(rs, i), diags) < 0;
	if (bad)
		return NULL;
	char root[PATH_MAX];
	const char *root_arg = opt->path_root ? opt->path_root : ".";
	if (!realpath(root_arg, root)) {
		wc_diags_add(diags, root_arg, 0, 0, NULL, "--path-root: %s", strerror(errno));
		return NULL;
	}
	wc_batch *b = wc_xcalloc(1, sizeof *b);
	b->rs = rs;
	b->opt = *opt;
	b->root = wc_xstrdup(root);
	b->rec = (wc_record_opts){opt->replace_invalid, opt->max_input, b->root, 0, 0, 0, NULL};
	struct stat os;
	if (opt->output && stat(opt->output, &os) == 0) {
		b->rec.guard_output = 1;
		b->rec.output_dev = (unsigned long long)os.st_dev;
		b->rec.output_ino = (unsigned long long)os.st_ino;
	}
	b->out = out;
	b->nthreads = opt->threads ? opt->threads : 1;
	b->window = opt->window ? opt->window : 4 * (size_t)b->nthreads;
	if (!b->opt.max_bytes)
		b->opt.max_bytes = (size_t)8 << 20;
	b->ring = wc_xcalloc(b->window, sizeof *b->ring);
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->room, NULL);
	pthread_cond_init(&b->work, NULL);
	b->threads = wc_xcalloc(b->nthreads, sizeof *b->threads);
	for (unsigned i = 0; i < b->nthreads; i++)
		if (pthread_create(&b->threads[i], NULL, worker, b) != 0) {
			/* Fewer workers still do the work. */
			if (i == 0) {
				wc_diags_add(diags, "", 0, 0, NULL, "cannot start a worker thread");
				b->nthreads = 0;
				wc_batch_free(b);
				return NULL;
			}
			b->nthreads = i;
			break;
		}
	return b;
}

/* Waits until a slot is free and the input in flight is under the budget
 * (always true when nothing is in flight). */
static void wait_room(wc_batch *b)
{
	pthread_mutex_lock(&b->mu);
	while (b->added - b->written >= b->window ||
	       (b->added > b->written && b->inflight >= b->opt.max_bytes))
		pthread_cond_wait(&b->room, &b->mu);
	pthread_mutex_unlock(&b->mu);
}

/* Puts a job in the next slot (wait_room made room) and wakes a worker. */
static void enqueue(wc_batch *b, const job *src)
{
	pthread_mutex_lock(&b->mu);
	job *j = &b->ring[b->added % b->window];
	*j = *src;
	b->inflight += j->bytes;
	b->added++;
	pthread_cond_signal(&b->work);
	pthread_mutex_unlock(&b->mu);
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Takes ownership of line. */
static void add_json_owned(wc_batch *b, char *line, size_t len, size_t lineno)
{
	if (blank(line, len)) {
		free(line);
		return;
	}
	job j = {.kind = JOB_JSON, .line = lineno, .buf = line, .len = len, .bytes = len + 1};
	enqueue(b, &j);
}

int wc_batch_add_json(wc_batch *b, const char *line, size_t len, size_t lineno)
{
	if (b->finished)
		return WC_EUSAGE;
	wait_room(b);
	char *copy = wc_xmalloc(len + 1);
	memcpy(copy, line, len);
	copy[len] = '\0';
	add_json_owned(b, copy, len, lineno);
	return WC_OK;
}

/* Reads one line, without its newline, into *line (caller frees) and *len;
 * -1 at the end of the input.  A line longer than max is not kept: the rest
 * of it is skipped, *line is NULL and *len is its length.  A NUL byte (JSON
 * never holds one) returns -2 at once, with *len its column - 1: the stream
 * is binary, and /dev/zero would be one endless line. */
static int read_line(FILE *in, size_t max, char **line, size_t *len)
{
	wc_buf b = {0};
	char block[4096];
	size_t n = 0, k = 0;
	int c;
	/* Only the reading thread reads in: no lock per byte. */
	while ((c = getc_unlocked(in)) != EOF && c != '\n') {
		if (c == '\0') {
			wc_buf_free(&b);
			*len = n;
			return -2;
		}
		if (n++ < max)
			block[k++] = (char)c;
		if (k == sizeof block || (n > max && k)) {
			wc_buf_add(&b, block, k);
			k = 0;
		}
		if (n > max && b.s)
			wc_buf_free(&b);
	}
	if (c == EOF && n == 0) {
		wc_buf_free(&b);
		return -1;
	}
	if (k && n <= max)
		wc_buf_add(&b, block, k);
	*len = n;
	*line = n > max ? NULL : b.s ? b.s : wc_xstrdup("");
	return 0;
}

int wc_batch_read_jsonl(wc_batch *b, FILE *in, size_t first_line)
{
	if (b->finished)
		return WC_EUSAGE;
	size_t max = b->opt.max_input ? b->opt.max_input : WC_MAX_INPUT_DEFAULT;
	size_t lineno = first_line;
	for (;; lineno++) {
		wait_room(b); /* before reading, so that a long line waits too */
		char *line;
		size_t n;
		int got = read_line(in, max, &line, &n);
		if (got == -2) {
			job j = {.kind = JOB_JSON, .line = lineno, .bytes = n + 1,
			         .error = wc_xasprintf("column %zu: NUL byte: the stream is not JSON Lines, "
			                               "and is read no further", n + 1)};
			enqueue(b, &j);
			break;
		}
		if (got < 0)
			break;
		if (!line) {
			job j = {.kind = JOB_JSON, .line = lineno, .bytes = n + 1,
			         .error = wc_xasprintf("larger than --max-input-bytes (%zu bytes)", max)};
			enqueue(b, &j);
			continue;
		}
		add_json_owned(b, line, n, lineno);
	}
	return ferror(in) ? WC_EIO : WC_OK;
}

int wc_batch_add_files(wc_batch *b, const char *id, const wc_batch_file *files, size_t n)
{
	if (b->finished)
		return WC_EUSAGE;
	wait_room(b);
	job j = {.kind = JOB_FILES, .line = b->added + 1, .id = wc_xstrdup(id), .nfiles = n};
	j.files = wc_xcalloc(n ? n : 1, sizeof *j.files);
	for (size_t i = 0; i < n; i++) {
		j.files[i].role = files[i].role;
		j.files[i].lang = wc_xstrdup(files[i].lang);
		j.files[i].path = wc_xstrdup(files[i].path);
		struct stat st;
		if (stat(files[i].path, &st) == 0 && S_ISREG(st.st_mode))
			j.bytes += (size_t)st.st_size;
	}
	enqueue(b, &j);
	return WC_OK;
}

int wc_batch_finish(wc_batch *b, wc_batch_stats *st)
{
	if (!b->finished) {
		pthread_mutex_lock(&b->mu);
		b->stop = 1;
		pthread_cond_broadcast(&b->work);
		pthread_mutex_unlock(&b->mu);
		for (unsigned i = 0; i < b->nthreads; i++)
			pthread_join(b->threads[i], NULL);
		b->finished = 1;
		if (!b->io_error && fflush(b->out) != 0)
			b->io_error = 1;
		if (ferror(b->out))
			b->io_error = 1;
	}
	if (st)
		*st = b->st;
	return b->io_error ? WC_EIO : WC_OK;
}

void wc_batch_free(wc_batch *b)
{
	if (!b)
		return;
	wc_batch_finish(b, NULL);
	/* Jobs queued but never run (no worker could start) still own input. */
	for (size_t s = b->written; s < b->added; s++) {
		free_job_input(&b->ring[s % b->window]);
		free(b->ring[s % b->window].out);
	}
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->room);
	pthread_cond_destroy(&b->work);
	free(b->threads);
	free(b->ring);
	free(b->root);
	free(b);
}
