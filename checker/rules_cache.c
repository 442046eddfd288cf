/*
 * rules_cache.c — a language's compiled patterns kept on disk between runs.
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

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "wirecheck-re 1\n"
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
	uint64_t checksum; /* FNV-1a over the sources and the stream */
} cache_header;

/* FNV-1a's offset basis (wc_hash_more hashes on from it). */
#define FNV_BASIS 0xcbf29ce484222325u

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
	uint64_t h = wc_hash_more(wc_hash_more(FNV_BASIS, version, strlen(version)), block->s, block->len);
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
	if (memcmp(body, block->s, block->len) != 0 ||
	    wc_hash_more(FNV_BASIS, body, len - sizeof h) != h.checksum)
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
static void write_atomically(const char *path, const cache_header *h, const wc_buf *block,
                             const uint8_t *ser, size_t ser_len)
{
	char *tmp = wc_xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return;
	}
	FILE *f = fdopen(fd, "wb");
	bool ok = f && fwrite(h, sizeof *h, 1, f) == 1 &&
	          fwrite(block->s, 1, block->len, f) == block->len &&
	          fwrite(ser, 1, ser_len, f) == ser_len;
	if (f)
		ok = fclose(f) == 0 && ok;
	else
		close(fd);
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
	free(tmp);
}

/* A language keeps one file: the one just written replaces those of earlier
 * rules, so that editing rules does not fill the folder. */
static void remove_older(const char *dir, const char *lang, const char *keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	size_t n = strlen(lang);
	const char *keep_name = strrchr(keep, '/') + 1;
	for (struct dirent *e; (e = readdir(d));) {
		const char *name = e->d_name;
		if (strncmp(name, lang, n) == 0 && name[n] == '-' && strlen(name) >= n + 20 &&
		    strncmp(name + n + 17, ".re", 3) == 0 && strcmp(name, keep_name) != 0) {
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
	h.checksum = wc_hash_more(wc_hash_more(FNV_BASIS, block.s, block.len), ser, ser_len);
	char *path = cache_path(dir, lang, &block);
	write_atomically(path, &h, &block, ser, ser_len);
	remove_older(dir, lang, path);
	free(path);
	wc_buf_free(&block);
	pcre2_serialize_free(ser);
}
