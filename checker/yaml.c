/*
 * yaml.c — stage 1 helper: reads a YAML rule or locale file into a small tree
 * whose nodes remember their line and column, so that every later complaint
 * about a rule can name file:line:column.
 * Below the tree, the schema helpers any loader of such files shares
 * (rules_load.c now, a config file later): unknown keys with a did-you-mean,
 * duplicate keys, strings, booleans and whole numbers.
 */
#include "yaml_tree.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Deep trees only come from hostile files; rule files are three levels deep. */
#define MAX_DEPTH 64
/* Longer lines are not quoted under a diagnostic. */
#define MAX_EXCERPT 1000

/* Length of the line break at p, or 0.  These are libyaml's line breaks, so
 * that line numbers from its marks find the right line. */
static size_t break_len(const char *p, const char *end)
{
	size_t left = (size_t)(end - p);
	if (left >= 2 && p[0] == '\r' && p[1] == '\n')
		return 2;
	if (left >= 1 && (p[0] == '\r' || p[0] == '\n'))
		return 1;
	const unsigned char *u = (const unsigned char *)p;
	if (left >= 2 && u[0] == 0xC2 && u[1] == 0x85) /* NEL */
		return 2;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3; /* LS, PS */
	return 0;
}

/* Where the lines of the most recent file start: diagnostics and patterns ask
 * for lines one by one, and scanning from the top each time is quadratic in
 * a file of many thousand rules.  One table per thread, dropped with its
 * file by wc_yaml_free(). */
static _Thread_local struct {
	const char *text;
	size_t len;
	size_t *start;          /* start[l - 1]: offset of line l */
	size_t n, cap;
} lines;

static void lines_drop(const char *text)
{
	if (lines.text != text)
		return;
	free(lines.start);
	memset(&lines, 0, sizeof lines);
}

static char *line_of(const char *text, size_t len, int line)
{
	if (lines.text != text || lines.len != len) {
		free(lines.start);
		memset(&lines, 0, sizeof lines);
		lines.text = text;
		lines.len = len;
		*WC_PUSH(lines.start, lines.n, lines.cap) = 0;
		for (size_t i = 0; i < len;) {
			size_t k = break_len(text + i, text + len);
			i += k ? k : 1;
			if (k)
				*WC_PUSH(lines.start, lines.n, lines.cap) = i;
		}
	}
	if (line < 1 || (size_t)line > lines.n)
		return NULL;
	const char *p = text + lines.start[line - 1], *end = text + len, *e = p;
	while (e < end && !break_len(e, end))
		e++;
	return wc_xstrndup(p, (size_t)(e - p));
}

char *wc_ydoc_line(const wc_ydoc *doc, int line)
{
	return line > 0 ? line_of(doc->text, doc->len, line) : NULL;
}

/* Length in the file of one value character at src: an escape sequence of a
 * double-quoted scalar, '' of a single-quoted one, or one UTF-8 character. */
static size_t raw_char_len(const char *src, int quoted)
{
	if (quoted == '"' && src[0] == '\\' && src[1]) {
		switch (src[1]) {
		case 'x': return 4;
		case 'u': return 6;
		case 'U': return 10;
		default: return 2;
		}
	}
	if (quoted == '\'' && src[0] == '\'' && src[1] == '\'')
		return 2;
	size_t k = 1;
	while (src[k] && ((unsigned char)src[k] & 0xC0) == 0x80)
		k++;
	return k;
}

int wc_yaml_value_column(const char *line, int column, int quoted, size_t off, const char *value)
{
	if (!line || column < 1)
		return column;
	/* Find the scalar's first byte: column counts code points. */
	const char *p = line;
	for (int c = 1; c < column && *p; c++) {
		p++;
		while (((unsigned char)*p & 0xC0) == 0x80)
			p++;
	}
	if (!*p)
		return column; /* the scalar is not on this line (a multi-line value) */
	int col = column + (quoted ? 1 : 0);
	if (quoted)
		p++;
	/* Walk the value and the file side by side, one value character at a
	 * time; multi-byte characters count once in both. */
	size_t i = 0;
	while (i < off && value[i] && *p) {
		size_t vk = 1;
		while (value[i + vk] && ((unsigned char)value[i + vk] & 0xC0) == 0x80)
			vk++;
		size_t rk = raw_char_len(p, quoted);
		for (size_t k = 0; k < rk && *p; k++)
			if (((unsigned char)*p++ & 0xC0) != 0x80)
				col++;
		i += vk;
	}
	return col;
}

void wc_ydiag(wc_diags *d, const wc_ydoc *doc, const wc_ynode *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = wc_xvasprintf(fmt, ap);
	va_end(ap);
	int line = node ? node->line : 0, col = node ? node->column : 0;
	char *ex = line > 0 ? line_of(doc->text, doc->len, line) : NULL;
	if (ex && strlen(ex) > MAX_EXCERPT) {
		free(ex); /* a caret under a line that long helps nobody */
		ex = NULL;
	}
	wc_diags_add(d, doc->path, line, col, ex, "%s", msg);
	free(ex);
	free(msg);
}

/* The nodes and strings of a document live in blocks freed with it: a rule
 * tree is tens of thousands of small nodes, and allocating and freeing
 * them one by one cost as much as parsing them. */
typedef struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	max_align_t data[];
} arena_block;

enum { ARENA_BLOCK = 64 * 1024 };

struct wc_yarena {
	arena_block *head;
};

static void *arena_alloc(wc_ydoc *d, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!d->arena)
		d->arena = wc_xcalloc(1, sizeof *d->arena);
	arena_block *b = d->arena->head;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		arena_block *nb = wc_xcalloc(1, sizeof *nb + cap);
		nb->cap = cap;
		if (b && cap != ARENA_BLOCK) {
			/* a large one goes behind the current block, which stays open */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			return nb->data;
		}
		nb->next = b;
		d->arena->head = b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

void *wc_ydoc_alloc(wc_ydoc *d, size_t n)
{
	return arena_alloc(d, n);
}

void wc_yaml_free(wc_ydoc *d)
{
	if (!d)
		return;
	for (arena_block *b = d->arena ? d->arena->head : NULL, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(d->arena);
	lines_drop(d->text);
	free(d->path);
	free(d->text);
	free(d);
}

static wc_ynode *new_node(wc_ydoc *d, wc_ytype t, const yaml_mark_t *m)
{
	wc_ynode *n = arena_alloc(d, sizeof *n);
	n->type = t;
	n->line = (int)m->line + 1;
	n->column = (int)m->column + 1;
	return n;
}

static void add_child(wc_ydoc *d, wc_ynode *parent, wc_ynode *child)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? 2 * parent->cap : 8;
		wc_ynode **items = arena_alloc(d, cap * sizeof *items);
		if (parent->n)
			memcpy(items, parent->items, parent->n * sizeof *items);
		parent->items = items;
		parent->cap = cap;
	}
	parent->items[parent->n++] = child;
}

typedef struct {
	yaml_parser_t parser;
	wc_ydoc *doc;
	wc_diags *diags;
	int failed;
} reader;

static void parse_error(reader *r)
{
	const yaml_parser_t *p = &r->parser;
	wc_ynode at = {0};
	at.line = (int)p->problem_mark.line + 1;
	at.column = (int)p->problem_mark.column + 1;
	if (p->context)
		wc_ydiag(r->diags, r->doc, &at, "YAML syntax error: %s %s", p->problem ? p->problem : "",
		         p->context);
	else
		wc_ydiag(r->diags, r->doc, &at, "YAML syntax error: %s", p->problem ? p->problem : "unknown");
	r->failed = 1;
}

/* Reads one node whose first event is ev (consumed by the caller). */
static wc_ynode *read_node(reader *r, yaml_event_t *ev, int depth)
{
	wc_ynode *n = NULL;
	if (depth > MAX_DEPTH) {
		wc_ynode at = {.line = (int)ev->start_mark.line + 1, .column = (int)ev->start_mark.column + 1};
		wc_ydiag(r->diags, r->doc, &at, "nesting deeper than %d levels", MAX_DEPTH);
		r->failed = 1;
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(r->doc, WC_Y_SCALAR, &ev->start_mark);
		n->value = arena_alloc(r->doc, ev->data.scalar.length + 1);
		memcpy(n->value, ev->data.scalar.value, ev->data.scalar.length);
		n->quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\''
		            : ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? '"' : 0;
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
			wc_ydiag(r->diags, r->doc, n, "a NUL character in a scalar");
			r->failed = 1;
		}
		return n;
	case YAML_ALIAS_EVENT: {
		wc_ynode at = {.line = (int)ev->start_mark.line + 1, .column = (int)ev->start_mark.column + 1};
		wc_ydiag(r->diags, r->doc, &at, "YAML aliases (*name) are not allowed in rule files");
		r->failed = 1;
		return NULL;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int is_seq = ev->type == YAML_SEQUENCE_START_EVENT;
		yaml_event_type_t end = is_seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
		n = new_node(r->doc, is_seq ? WC_Y_SEQ : WC_Y_MAP, &ev->start_mark);
		for (;;) {
			yaml_event_t child;
			if (!yaml_parser_parse(&r->parser, &child)) {
				parse_error(r);
				break;
			}
			if (child.type == end) {
				yaml_event_delete(&child);
				break;
			}
			wc_ynode *c = read_node(r, &child, depth + 1);
			yaml_event_delete(&child);
			if (!c)
				break;
			/* Every reader of the tree takes a key's value as a string. */
			if (!is_seq && n->n % 2 == 0 && c->type != WC_Y_SCALAR) {
				wc_ydiag(r->diags, r->doc, c, "a map key must be a string, not a %s",
				         c->type == WC_Y_SEQ ? "list" : "map");
				r->failed = 1;
				break;
			}
			add_child(r->doc, n, c);
		}
		if (r->failed) {
			return NULL; /* its nodes go with the document */
		}
		if (!is_seq)
			n->n /= 2; /* pairs */
		return n;
	}
	default: {
		wc_ynode at = {.line = (int)ev->start_mark.line + 1, .column = (int)ev->start_mark.column + 1};
		wc_ydiag(r->diags, r->doc, &at, "unexpected YAML event");
		r->failed = 1;
		return NULL;
	}
	}
}

wc_ydoc *wc_yaml_parse(const char *path, const char *text, size_t len, wc_diags *diags)
{
	reader r = {0};
	r.doc = wc_xcalloc(1, sizeof *r.doc);
	r.doc->path = wc_xstrdup(path);
	r.doc->text = wc_xstrndup(text, len);
	r.doc->len = len;
	r.diags = diags;
	size_t bad = wc_utf8_invalid_at(text, len);
	if (bad != (size_t)-1) {
		/* Located like every other complaint: line and column (code points;
		 * what precedes the bad byte is valid). */
		int line = 1;
		size_t ls = 0;
		for (size_t i = 0; i < bad;) {
			size_t k = break_len(text + i, text + bad);
			if (k) {
				i += k;
				line++;
				ls = i;
			} else {
				i++;
			}
		}
		wc_diags_add(diags, path, line, (int)wc_utf8_count(text + ls, bad - ls) + 1, NULL,
		             "not valid UTF-8 at byte offset %zu (byte 0x%02X): rule files are UTF-8", bad,
		             (unsigned char)text[bad]);
		wc_yaml_free(r.doc);
		return NULL;
	}
	yaml_parser_initialize(&r.parser);
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)r.doc->text, len);
	int in_doc = 0, done = 0;
	while (!done && !r.failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&r.parser, &ev)) {
			parse_error(&r);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (in_doc++) {
				wc_ynode at = {.line = (int)ev.start_mark.line + 1, .column = 1};
				wc_ydiag(diags, r.doc, &at, "one YAML document per file, please");
				r.failed = 1;
			}
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
		case YAML_ALIAS_EVENT:
			r.doc->root = read_node(&r, &ev, 0);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&r.parser);
	if (r.failed) {
		wc_yaml_free(r.doc);
		return NULL;
	}
	return r.doc;
}

wc_ydoc *wc_yaml_load(const char *path, wc_diags *diags)
{
	wc_buf b = {0};
	if (wc_read_input(path, NULL, 0, WC_READ_RULE_FILE, &b, diags) < 0)
		return NULL;
	wc_ydoc *d = wc_yaml_parse(path, b.s ? b.s : "", b.len, diags);
	wc_buf_free(&b);
	return d;
}

wc_ynode *wc_ymap_get(const wc_ynode *map, const char *key)
{
	if (!map || map->type != WC_Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++) {
		wc_ynode *k = map->items[2 * i];
		if (k->type == WC_Y_SCALAR && strcmp(k->value, key) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

/* ---- schema helpers ---------------------------------------------------------- */

void wc_yfail(wc_yschema *ys, const wc_ynode *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = wc_xvasprintf(fmt, ap);
	va_end(ap);
	wc_ydiag(ys->diags, ys->doc, node, "%s", msg);
	free(msg);
	ys->errors++;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
			d[i][j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
	return d[la][lb];
}

typedef struct {
	const char *key;
	size_t at;
} keyed;

static int by_key_then_place(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->at < y->at ? -1 : x->at > y->at);
}

/* The "did you mean" of rule files, configuration files and the command
 * line. */
const char *wc_closest(const char *word, const char *const *candidates, size_t max)
{
	const char *best = NULL;
	size_t bestd = max + 1;
	for (const char *const *a = candidates; word && *a; a++) {
		size_t dist = edit_distance(*a, word);
		if (dist < bestd)
			bestd = dist, best = *a;
	}
	return best;
}

const char *wc_ynearest(const char *word, const char *const *allowed)
{
	return wc_closest(word, allowed, 3);
}

void wc_ycheck_keys(wc_yschema *ys, const wc_ynode *map, const char *const *allowed)
{
	for (size_t i = 0; map && map->type == WC_Y_MAP && i < map->n; i++) {
		const wc_ynode *k = map->items[2 * i];
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k->value) == 0;
		if (ok)
			continue;
		const char *best = wc_ynearest(k->value, allowed);
		if (best)
			wc_yfail(ys, k, "unknown key '%s' (did you mean '%s'?)", k->value, best);
		else
			wc_yfail(ys, k, "unknown key '%s'", k->value);
	}
	/* Duplicate keys are a silent trap in YAML: refuse them.  Sorted, so
	 * that a map of a million keys is no quadratic trap either. */
	if (!map || map->type != WC_Y_MAP || map->n < 2)
		return;
	keyed *k = wc_xcalloc(map->n, sizeof *k);
	bool *dup = wc_xcalloc(map->n, sizeof *dup);
	for (size_t i = 0; i < map->n; i++)
		k[i] = (keyed){map->items[2 * i]->value, i};
	qsort(k, map->n, sizeof *k, by_key_then_place);
	for (size_t i = 1; i < map->n; i++)
		dup[k[i].at] = strcmp(k[i - 1].key, k[i].key) == 0;
	for (size_t i = 0; i < map->n; i++)
		if (dup[i])
			wc_yfail(ys, map->items[2 * i], "duplicate key '%s'", map->items[2 * i]->value);
	free(k);
	free(dup);
}

const char *wc_yscalar(wc_yschema *ys, const wc_ynode *n, const char *what)
{
	if (!n)
		return NULL;
	if (n->type != WC_Y_SCALAR) {
		wc_yfail(ys, n, "%s must be a string", what);
		return NULL;
	}
	return n->value;
}

bool wc_yboolean(wc_yschema *ys, const wc_ynode *n, const char *what, bool *out)
{
	const char *v = wc_yscalar(ys, n, what);
	if (!v)
		return false;
	if (!strcmp(v, "true") || !strcmp(v, "yes"))
		*out = true;
	else if (!strcmp(v, "false") || !strcmp(v, "no"))
		*out = false;
	else {
		wc_yfail(ys, n, "%s must be true or false, not '%s'", what, v);
		return false;
	}
	return true;
}

bool wc_yinteger(wc_yschema *ys, const wc_ynode *n, const char *what, long long *out)
{
	const char *v = wc_yscalar(ys, n, what);
	if (!v)
		return false;
	char *end;
	errno = 0;
	long long x = strtoll(v, &end, 10);
	if (!*v || *end || errno) {
		wc_yfail(ys, n, "%s must be a whole number, not '%s'", what, v);
		return false;
	}
	*out = x;
	return true;
}
