/*
 * rules_cache.c — a language's compiled patterns, and each rule file's
 * parsed tree (below), kept on disk between runs.
 *
 * Compiling the patterns of one language costs a check more than reading
 * its text does (a third of a two-language check of one story), and every
 * process did it again.  PCRE2 can write compiled patterns out and read them
 * back (pcre2_serialize_*) on a host with the same PCRE2 build, so the first
 * run of a language writes them to DIR/LANG-HASH.re and later runs read them.
 *
 * A cache file holds the expanded sources it was compiled from, and is used
 * only when they equal, byte for byte, what would be compiled now: a changed
 * rule or locale file, another --rules folder or another PCRE2 never reads a
 * stale program.  A checksum over the whole file guards the decoder, which
 * trusts its input, against a file cut short or damaged on disk.  Anything
 * amiss (no file, no room, a read-only folder) is a miss, and the patterns are
 * compiled as without a cache; a cache never changes a result.
 */
#include "compiled.h"
#include "yaml_tree.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "wirecheck-re 2\n"
#define CACHE_MAGIC_LEN 16 /* with its NUL */
/* Far above any real language (a few hundred KiB): a bigger file is no cache of ours. */
#define CACHE_MAX_BYTES (64u << 20)
/* pcre2_serialize_encode's stream starts with a header of four 32-bit
 * words and the character tables: never shorter than this. */
#define CACHE_MIN_STREAM 16

typedef struct {
	char magic[CACHE_MAGIC_LEN];
	uint64_t count;    /* patterns */
	uint64_t src_len;  /* bytes of the sources block */
	uint64_t ser_len;  /* bytes of pcre2_serialize_encode's stream */
	uint64_t checksum; /* hash_words over the sources, then on over the stream */
} cache_header;

/* FNV-1a's offset basis, where every hash below starts. */
#define FNV_BASIS 0xcbf29ce484222325u

/* A hash of n bytes on from h, eight at a time: FNV-1a a byte at a time was
 * a tenth of a short check over the cache files' megabytes.  It guards
 * against damage, not against an adversary: what is read back is checked
 * for its bounds as well. */
static uint64_t hash_words(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15u;
		h ^= h >> 29;
	}
	return wc_hash_more(h, p, n);
}

/* The sources block: each pattern's compile options, then its source and a NUL. */
static void sources_block(wc_buf *b, const wc_cache_src *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		wc_buf_add(b, (const char *)&src[i].options, sizeof src[i].options);
		wc_buf_add(b, src[i].text, strlen(src[i].text) + 1);
	}
}

/* DIR/LANG-HASH.re, the hash over the sources and this PCRE2's version: a
 * file to look in, not a proof (the sources in it are). */
static char *cache_path(const char *dir, const char *lang, const wc_buf *block)
{
	char version[64] = "";
	pcre2_config(PCRE2_CONFIG_VERSION, version);
	uint64_t h = hash_words(hash_words(FNV_BASIS, version, strlen(version)), block->s, block->len);
	return wc_xasprintf("%s/%s-%016" PRIx64 ".re", dir, lang, h);
}

static unsigned char *read_small_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *data = NULL;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= CACHE_MAX_BYTES) {
		*len = (size_t)st.st_size;
		data = wc_xmalloc(*len);
		if (fread(data, 1, *len, f) != *len) {
			free(data);
			data = NULL;
		}
	}
	fclose(f);
	return data;
}

/* Whether data[0..len) is a whole cache file for exactly these sources. */
static bool cache_file_matches(const unsigned char *data, size_t len, const wc_buf *block,
                               size_t n, const unsigned char **ser)
{
	cache_header h;
	if (len < sizeof h)
		return false;
	memcpy(&h, data, sizeof h);
	if (memcmp(h.magic, CACHE_MAGIC, CACHE_MAGIC_LEN) != 0 || h.count != n ||
	    h.src_len != block->len || h.ser_len != len - sizeof h - block->len ||
	    h.src_len > len - sizeof h || h.ser_len < CACHE_MIN_STREAM)
		return false;
	const unsigned char *body = data + sizeof h;
	/* hashed in the two parts it was written from (hash_words is no stream) */
	if (memcmp(body, block->s, block->len) != 0 ||
	    hash_words(hash_words(FNV_BASIS, body, block->len), body + block->len, h.ser_len) != h.checksum)
		return false;
	*ser = body + block->len;
	return true;
}

bool wc_cache_load(const char *dir, const char *lang, const wc_cache_src *src, size_t n,
                   pcre2_code **codes)
{
	if (!dir || n == 0 || n > INT32_MAX)
		return false;
	wc_buf block = {0};
	sources_block(&block, src, n);
	char *path = cache_path(dir, lang, &block);
	size_t len = 0;
	unsigned char *data = read_small_file(path, &len);
	const unsigned char *ser = NULL;
	bool hit = data && cache_file_matches(data, len, &block, n, &ser) &&
	           pcre2_serialize_get_number_of_codes(ser) == (int32_t)n &&
	           pcre2_serialize_decode(codes, (int32_t)n, ser, NULL) == (int32_t)n;
	free(data);
	free(path);
	wc_buf_free(&block);
	return hit;
}

/* DIR, and its parent where that is missing (~/.cache), private to the user
 * as a cache should be; never more: a cache does not make a missing home. */
static bool make_dir(const char *dir)
{
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return true;
	if (errno != ENOENT)
		return false;
	char *parent = wc_xstrdup(dir);
	char *slash = strrchr(parent, '/');
	bool ok = false;
	if (slash && slash != parent) {
		*slash = '\0';
		ok = (mkdir(parent, 0700) == 0 || errno == EEXIST) && (mkdir(dir, 0700) == 0 || errno == EEXIST);
	}
	free(parent);
	return ok;
}

/* Written beside its final name and renamed into place, so that a reader
 * (another process checking at the same time) sees the old file or the
 * whole new one, never half of one. */
static void write_parts_atomically(const char *path, const void *const *parts, const size_t *lens, size_t n)
{
	char *tmp = wc_xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return;
	}
	FILE *f = fdopen(fd, "wb");
	bool ok = f != NULL;
	for (size_t i = 0; ok && i < n; i++)
		ok = fwrite(parts[i], 1, lens[i], f) == lens[i];
	if (f)
		ok = fclose(f) == 0 && ok;
	else
		close(fd);
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
	free(tmp);
}

/* A language keeps one file, and so does a rule file: the one just written
 * (keep) replaces those whose name is prefix, 16 hex digits and suffix, so
 * that editing rules does not fill the folder. */
static void remove_older(const char *dir, const char *prefix, const char *suffix, const char *keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	size_t n = strlen(prefix), k = strlen(suffix);
	const char *keep_name = strrchr(keep, '/') + 1;
	for (struct dirent *e; (e = readdir(d));) {
		const char *name = e->d_name;
		if (strncmp(name, prefix, n) == 0 && strlen(name) == n + 16 + k && strcmp(name + n + 16, suffix) == 0 &&
		    strcmp(name, keep_name) != 0) {
			char *old = wc_xasprintf("%s/%s", dir, name);
			unlink(old);
			free(old);
		}
	}
	closedir(d);
}

void wc_cache_store(const char *dir, const char *lang, const wc_cache_src *src, size_t n,
                    pcre2_code *const *codes)
{
	if (!dir || n == 0 || n > INT32_MAX || !make_dir(dir))
		return;
	uint8_t *ser = NULL;
	PCRE2_SIZE ser_len = 0;
	if (pcre2_serialize_encode((const pcre2_code **)codes, (int32_t)n, &ser, &ser_len, NULL) !=
	    (int32_t)n)
		return;
	wc_buf block = {0};
	sources_block(&block, src, n);
	cache_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, CACHE_MAGIC, CACHE_MAGIC_LEN);
	h.count = n;
	h.src_len = block.len;
	h.ser_len = ser_len;
	h.checksum = hash_words(hash_words(FNV_BASIS, block.s, block.len), ser, ser_len);
	char *path = cache_path(dir, lang, &block);
	const void *parts[] = {&h, block.s, ser};
	size_t lens[] = {sizeof h, block.len, ser_len};
	write_parts_atomically(path, parts, lens, 3);
	char *prefix = wc_xasprintf("%s-", lang);
	remove_older(dir, prefix, ".re", path);
	free(prefix);
	free(path);
	wc_buf_free(&block);
	pcre2_serialize_free(ser);
}

/* ---- parsed rule files ------------------------------------------------------------ */

/*
 * libyaml reads a check's 500 KB of rules at about 130 instructions a byte:
 * a third of a short check.  The tree a file parses to is kept as
 * DIR/yaml-PATHHASH-TEXTHASH.yt and read back when the file's text equals,
 * byte for byte, the text stored with it; anything amiss is a miss, and the
 * file is parsed as without a cache.  Nodes are stored in preorder, each
 * node's children after it, so that a tree read back has no cycle whatever
 * the file says; the checksum guards against a file cut short.
 */
#define YT_MAGIC "wirecheck-yt 2\n"
#define YT_NONE UINT64_MAX
/* No deeper than the parser lets a rule file be (yaml.c). */
#define YT_MAX_DEPTH 64

typedef struct {
	char magic[CACHE_MAGIC_LEN];
	uint64_t text_len, nnodes, nitems, str_len;
	uint64_t checksum; /* hash_words over everything after the header */
} yt_header;

typedef struct {
	uint32_t type;
	int32_t quoted, line, column;
	uint64_t value;    /* offset in the strings, or YT_NONE */
	uint64_t first, n; /* items[first ..]: n (SEQ) or 2n (MAP) node indexes */
} yt_node;

typedef struct {
	wc_buf nodes, items, strs;
	uint64_t count;
} yt_writer;

static size_t item_count(const wc_ynode *n)
{
	return n->type == WC_Y_MAP ? 2 * n->n : n->type == WC_Y_SEQ ? n->n : 0;
}

/* Writes node n as index *next and its subtree after it. */
static void yt_put(yt_writer *w, const wc_ynode *n)
{
	size_t at = w->nodes.len;
	yt_node rec = {(uint32_t)n->type, n->quoted, n->line, n->column, YT_NONE, 0, n->n};
	if (n->value) {
		rec.value = w->strs.len;
		wc_buf_add(&w->strs, n->value, strlen(n->value) + 1);
	}
	wc_buf_add(&w->nodes, (const char *)&rec, sizeof rec);
	w->count++;
	size_t k = item_count(n);
	rec.first = w->items.len / sizeof(uint64_t);
	/* the slots first, filled as each child is written */
	uint64_t none = 0;
	for (size_t i = 0; i < k; i++)
		wc_buf_add(&w->items, (const char *)&none, sizeof none);
	memcpy(w->nodes.s + at, &rec, sizeof rec);
	for (size_t i = 0; i < k; i++) {
		uint64_t idx = w->count;
		memcpy(w->items.s + (rec.first + i) * sizeof idx, &idx, sizeof idx);
		yt_put(w, n->items[i]);
	}
}

static char *yt_path(const char *dir, const char *path, const char *text, size_t len)
{
	uint64_t ph = hash_words(FNV_BASIS, path, strlen(path));
	uint64_t th = hash_words(hash_words(FNV_BASIS, YT_MAGIC, strlen(YT_MAGIC)), text, len);
	return wc_xasprintf("%s/yaml-%016" PRIx64 "-%016" PRIx64 ".yt", dir, ph, th);
}

/* Builds node i of the stored tree and its subtree into d; NULL when the
 * record is not one this writer could have written. */
static wc_ynode *yt_get(wc_ydoc *d, const yt_node *nodes, const uint64_t *items, const char *strs,
                        const yt_header *h, uint64_t i, int depth)
{
	yt_node r = nodes[i];
	if (depth > YT_MAX_DEPTH || r.type > WC_Y_MAP || (r.type == WC_Y_SCALAR) != (r.value != YT_NONE) ||
	    (r.value != YT_NONE && (r.value >= h->str_len || !memchr(strs + r.value, '\0', h->str_len - r.value))))
		return NULL;
	size_t k = r.type == WC_Y_MAP ? 2 * r.n : r.type == WC_Y_SEQ ? r.n : 0;
	if (r.n > h->nitems || r.first > h->nitems || k > h->nitems - r.first)
		return NULL;
	wc_ynode *n = wc_ydoc_alloc(d, sizeof *n);
	n->type = (wc_ytype)r.type;
	n->quoted = r.quoted;
	n->line = r.line;
	n->column = r.column;
	n->value = r.value != YT_NONE ? (char *)strs + r.value : NULL;
	n->n = n->cap = r.type == WC_Y_SCALAR ? 0 : r.n;
	if (k)
		n->items = wc_ydoc_alloc(d, k * sizeof *n->items);
	for (size_t j = 0; j < k; j++) {
		uint64_t c = items[r.first + j];
		if (c <= i || c >= h->nnodes || !(n->items[j] = yt_get(d, nodes, items, strs, h, c, depth + 1)))
			return NULL;
	}
	return n;
}

/* The tree stored in data[0..len) for text, in a document of its own. */
static wc_ydoc *yt_decode(const char *path, const unsigned char *data, size_t len, const char *text,
                          size_t text_len)
{
	yt_header h;
	if (len < sizeof h)
		return NULL;
	memcpy(&h, data, sizeof h);
	size_t body = len - sizeof h;
	if (memcmp(h.magic, YT_MAGIC, strlen(YT_MAGIC) + 1) != 0 || h.text_len != text_len ||
	    h.nnodes > body / sizeof(yt_node) || h.nitems > body / sizeof(uint64_t) ||
	    h.text_len + h.nnodes * sizeof(yt_node) + h.nitems * sizeof(uint64_t) + h.str_len != body ||
	    hash_words(FNV_BASIS, data + sizeof h, body) != h.checksum ||
	    memcmp(data + sizeof h, text, text_len) != 0)
		return NULL;
	const unsigned char *p = data + sizeof h + text_len;
	wc_ydoc *d = wc_xcalloc(1, sizeof *d);
	d->path = wc_xstrdup(path);
	d->text = wc_xstrndup(text, text_len);
	d->len = text_len;
	/* the records copied out, aligned, and the strings kept in the arena */
	yt_node *nodes = wc_xmalloc(h.nnodes ? h.nnodes * sizeof *nodes : 1);
	uint64_t *items = wc_xmalloc(h.nitems ? h.nitems * sizeof *items : 1);
	memcpy(nodes, p, h.nnodes * sizeof *nodes);
	memcpy(items, p + h.nnodes * sizeof *nodes, h.nitems * sizeof *items);
	char *strs = wc_ydoc_alloc(d, h.str_len + 1);
	memcpy(strs, p + h.nnodes * sizeof *nodes + h.nitems * sizeof *items, h.str_len);
	bool ok = true;
	if (h.nnodes)
		ok = (d->root = yt_get(d, nodes, items, strs, &h, 0, 0)) != NULL;
	free(nodes);
	free(items);
	if (!ok) {
		wc_yaml_free(d);
		return NULL;
	}
	return d;
}

static void yt_store(const char *dir, const char *cpath, const wc_ydoc *d)
{
	if (!make_dir(dir))
		return;
	yt_writer w = {0};
	if (d->root)
		yt_put(&w, d->root);
	yt_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, YT_MAGIC, strlen(YT_MAGIC) + 1);
	h.text_len = d->len;
	h.nnodes = w.count;
	h.nitems = w.items.len / sizeof(uint64_t);
	h.str_len = w.strs.len;
	wc_buf all = {0};
	wc_buf_add(&all, d->text, d->len);
	wc_buf_add(&all, w.nodes.s ? w.nodes.s : "", w.nodes.len);
	wc_buf_add(&all, w.items.s ? w.items.s : "", w.items.len);
	wc_buf_add(&all, w.strs.s ? w.strs.s : "", w.strs.len);
	h.checksum = hash_words(FNV_BASIS, all.s ? all.s : "", all.len);
	const void *parts[] = {&h, all.s ? all.s : ""};
	size_t lens[] = {sizeof h, all.len};
	write_parts_atomically(cpath, parts, lens, 2);
	/* the name up to its text hash: "yaml-PATHHASH-" */
	char *prefix = wc_xstrndup(strrchr(cpath, '/') + 1, strlen("yaml-") + 17);
	remove_older(dir, prefix, ".yt", cpath);
	free(prefix);
	wc_buf_free(&all);
	wc_buf_free(&w.nodes);
	wc_buf_free(&w.items);
	wc_buf_free(&w.strs);
}

wc_ydoc *wc_yaml_load_cached(const char *path, const char *dir, wc_diags *diags)
{
	if (!dir)
		return wc_yaml_load(path, diags);
	wc_buf b = {0};
	if (wc_read_input(path, NULL, 0, WC_READ_RULE_FILE, &b, diags) < 0)
		return NULL;
	const char *text = b.s ? b.s : "";
	char *cpath = yt_path(dir, path, text, b.len);
	size_t len = 0;
	unsigned char *data = read_small_file(cpath, &len);
	wc_ydoc *d = data ? yt_decode(path, data, len, text, b.len) : NULL;
	free(data);
	if (!d && (d = wc_yaml_parse(path, text, b.len, diags)))
		yt_store(dir, cpath, d);
	free(cpath);
	wc_buf_free(&b);
	return d;
}
