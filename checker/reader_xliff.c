/*
 * reader_xliff.c — the XLIFF reader (WC_INPUT_XLIFF): a bilingual file, the
 * exchange format of translators' tools, read with libxml2 (SAX2, the
 * limits of wc_xml_parse) into two versions: the source and its
 * translation.  XLIFF 1.2 (memoQ, Trados: <trans-unit> with <source> and
 * <target>, source-language and target-language on <file>) and XLIFF 2.x
 * (<unit>, <segment>s and <ignorable>s with <source> and <target>, srcLang
 * and trgLang on <xliff>) are read alike:
 *
 *  - each unit is one paragraph on each side, and the paragraphs are paired
 *    by their unit (wc_segment.unit; align.c uses it instead of guessing);
 *    the segments of a 2.x unit make one paragraph;
 *  - a <source>/<target> counts only as a child of its unit (1.2) or of a
 *    segment (2.x): those of <alt-trans> (matches from memory) are not the
 *    text;
 *  - inline codes are no part of the text: the native code inside <bpt>,
 *    <ept>, <ph>, <it> and <sub> is dropped, the text inside <g>, <pc> and
 *    <mrk> kept.  Each code (g, x, bx, ex, bpt, ept, ph, it; pc, sc, ec) is
 *    compared between the two sides of its unit by name and id: one the
 *    translation lacks or adds is a note for markup.mismatch
 *    (check_markup.c).
 *
 * A language given with the file (a LANG: prefix, a batch record's "lang")
 * names the language of the version of its role: the translation's, or the
 * source's for a file given as the source; the other is the file's.
 */
#include "reader_markup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const counted[] = {"g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "pc", "sc", "ec"};
static const char *const paired[] = {"g", "pc"};
static const char *const dropped[] = {"bpt", "ept", "ph", "it", "sub"};

static bool in_list(const char *const *l, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i], name) == 0)
			return true;
	return false;
}

#define IN(list, name) in_list(list, sizeof list / sizeof *list, name)

typedef struct {
	char *key;              /* <g id="1"> */
	size_t at;
} code;

typedef struct {
	wc_textsink sink;
	code *codes;            /* of the current unit */
	size_t ncodes, cap;
	size_t start;           /* where the current unit's text starts */
	bool seen;              /* the current unit has this side */
} side;

typedef struct {
	wc_xml_base base;
	side sides[2];          /* source, target */
	size_t depth, unit_depth, seg_depth, side_depth, drop_depth;
	int in_side;            /* -1, or the side being read */
	size_t units;
	char *src_lang, *trg_lang;
	wc_markup_note *notes;
	size_t nnotes, notes_cap;
} xliff_state;

static void take_lang(char **slot, const xmlChar **atts, int nb, const char *name)
{
	char buf[64];
	const char *v = wc_xml_attr(atts, nb, name, NULL, buf, sizeof buf);
	if (!*slot && v)
		*slot = wc_markup_lang(v);
}

static void unit_start(xliff_state *x)
{
	x->unit_depth = x->depth;
	x->units++;
	for (int s = 0; s < 2; s++) {
		wc_textsink_unit(&x->sides[s].sink, x->units);
		x->sides[s].seen = false;
	}
}

static void add_note(xliff_state *x, const char *key, size_t at, size_t src_at, bool missing)
{
	wc_markup_note *n = WC_PUSH(x->notes, x->nnotes, x->notes_cap);
	*n = (wc_markup_note){at, src_at, x->units, wc_xstrdup(key), missing};
}

/* The codes the two sides of a unit do not share, by name and id. */
static void unit_end(xliff_state *x)
{
	side *s = &x->sides[0], *t = &x->sides[1];
	if (s->seen && t->seen) {
		bool *used = wc_xcalloc(t->ncodes + 1, sizeof *used);
		for (size_t i = 0; i < s->ncodes; i++) {
			size_t j = 0;
			while (j < t->ncodes && (used[j] || strcmp(t->codes[j].key, s->codes[i].key) != 0))
				j++;
			if (j < t->ncodes)
				used[j] = true;
			else
				add_note(x, s->codes[i].key, t->start, s->codes[i].at, true);
		}
		for (size_t j = 0; j < t->ncodes; j++)
			if (!used[j])
				add_note(x, t->codes[j].key, t->codes[j].at, SIZE_MAX, false);
		free(used);
	}
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < x->sides[k].ncodes; i++)
			free(x->sides[k].codes[i].key);
		x->sides[k].ncodes = 0;
	}
	x->unit_depth = 0;
	x->seg_depth = 0;
}

static void inline_code(xliff_state *x, const char *name, const xmlChar **atts, int nb)
{
	char id[64], key[160];
	const char *v = wc_xml_attr(atts, nb, "id", NULL, id, sizeof id);
	side *sd = &x->sides[x->in_side];
	snprintf(key, sizeof key, "<%s%s%s%s>", name, v ? " id=\"" : "", v ? v : "", v ? "\"" : "");
	if (!IN(paired, name))
		memcpy(key + strlen(key) - 1, "/>", 3);
	code *c = WC_PUSH(sd->codes, sd->ncodes, sd->cap);
	c->key = wc_xstrdup(key);
	c->at = wc_markup_offset(x->base.ctxt);
}

static void on_start(void *ctx, const char *name, const xmlChar **atts, int nb_atts)
{
	xliff_state *x = ctx;
	x->depth++;
	if (x->drop_depth)
		return;
	if (x->in_side >= 0) {
		if (IN(counted, name))
			inline_code(x, name, atts, nb_atts);
		if (IN(dropped, name))
			x->drop_depth = x->depth;
		return;
	}
	if (strcmp(name, "xliff") == 0) {
		take_lang(&x->src_lang, atts, nb_atts, "srcLang");
		take_lang(&x->trg_lang, atts, nb_atts, "trgLang");
	} else if (strcmp(name, "file") == 0) {
		take_lang(&x->src_lang, atts, nb_atts, "source-language");
		take_lang(&x->trg_lang, atts, nb_atts, "target-language");
	} else if (!x->unit_depth && (strcmp(name, "trans-unit") == 0 || strcmp(name, "unit") == 0)) {
		unit_start(x);
	} else if (x->unit_depth && x->depth == x->unit_depth + 1 &&
	           (strcmp(name, "segment") == 0 || strcmp(name, "ignorable") == 0)) {
		x->seg_depth = x->depth;
	} else if (x->unit_depth && (strcmp(name, "source") == 0 || strcmp(name, "target") == 0) &&
	           (x->depth == x->unit_depth + 1 || (x->seg_depth && x->depth == x->seg_depth + 1))) {
		x->in_side = name[0] == 't';
		x->side_depth = x->depth;
		side *sd = &x->sides[x->in_side];
		if (!sd->seen)
			sd->start = wc_markup_offset(x->base.ctxt);
		sd->seen = true;
	}
}

/* Elements end by depth: the one that ends is the deepest open. */
static void on_end(void *ctx, const char *name)
{
	(void)name;
	xliff_state *x = ctx;
	if (x->drop_depth == x->depth)
		x->drop_depth = 0;
	else if (x->in_side >= 0 && x->depth == x->side_depth)
		x->in_side = -1;
	else if (x->seg_depth == x->depth)
		x->seg_depth = 0;
	else if (x->unit_depth == x->depth)
		unit_end(x);
	x->depth--;
}

static void on_text(void *ctx, const char *s, size_t len)
{
	xliff_state *x = ctx;
	if (x->in_side >= 0 && !x->drop_depth && len)
		wc_textsink_text(&x->sides[x->in_side].sink, s, len,
		                 wc_markup_offset(x->base.ctxt));
}

static int emit_sides(xliff_state *x, wc_reader_emit emit, void *ctx)
{
	const wc_reader_input *in = x->base.in;
	if (!x->units) {
		wc_reader_diag(in, SIZE_MAX, "an XLIFF file without a unit (no <trans-unit>, no <unit>)");
		return WC_EINPUT;
	}
	for (int s = 0; s < 2; s++)
		wc_textsink_seal(&x->sides[s].sink);
	/* A language given with the file is that of the version of the role it
	 * was given for: the source's in a batch record's "source", else the
	 * translation's. */
	bool given_src = in->lang && in->role == WC_ROLE_SOURCE;
	wc_segmap src = {given_src ? in->lang : x->src_lang, WC_ROLE_SOURCE, x->sides[0].sink.segs, x->sides[0].sink.nsegs,
	                 WC_PARAS_SEGMENTS, false, NULL, 0};
	int rc = emit(ctx, &src);
	if (rc < 0)
		return rc;
	wc_segmap tgt = {in->lang && !given_src ? in->lang : x->trg_lang, WC_ROLE_TRANSLATION,
	                 x->sides[1].sink.segs, x->sides[1].sink.nsegs, WC_PARAS_SEGMENTS, false,
	                 x->notes, x->nnotes};
	return emit(ctx, &tgt);
}

int wc_read_xliff(const wc_reader_input *in, wc_reader_emit emit, void *ctx)
{
	static const wc_xml_handlers h = {on_start, on_end, on_text};
	xliff_state x = {.base = {.in = in, .what = "XLIFF", .h = &h}, .in_side = -1};
	for (int s = 0; s < 2; s++)
		wc_textsink_init(&x.sides[s].sink, in, true);
	int rc = wc_xml_parse(&x.base);
	if (rc >= 0)
		rc = emit_sides(&x, emit, ctx);
	for (int s = 0; s < 2; s++) {
		wc_textsink_free(&x.sides[s].sink);
		for (size_t i = 0; i < x.sides[s].ncodes; i++)
			free(x.sides[s].codes[i].key);
		free(x.sides[s].codes);
	}
	for (size_t i = 0; i < x.nnotes; i++)
		free(x.notes[i].code);
	free(x.notes);
	free(x.src_lang);
	free(x.trg_lang);
	return rc;
}
