/* test_align.c — unit tests of align.c (stage 4): paragraphs of a
 * translation are aligned to the source's through shared anchors (facts,
 * names) and length; dropped, added, merged and moved paragraphs; and the
 * real ZTE pairs.  Docs are prepared and extracted with the shipped rules,
 * from the repository root. */
#include "unit.h"
#include "facts.h"
#include "align.h"

#include <stdio.h>

static void doc_from(wc_doc *doc, const char *lang, wc_role role, const char *path, const char *text,
                     size_t len)
{
	wc_diags *d = wc_diags_new();
	if (wc_doc_init(doc, path, wc_ruleset_locale(unit_rules, lang), role, text, len, d) != WC_OK ||
	    wc_extract_doc(unit_rules, doc, NULL, d) != WC_OK) {
		wc_diags_print(d, stderr);
		fail_msg("cannot prepare %s", path);
	}
	wc_diags_free(d);
}

/* The paragraphs, one a line. */
static void doc_paras(wc_doc *doc, const char *lang, wc_role role, const char *const *paras, size_t n)
{
	char *text = unit_join_lines(paras, n);
	doc_from(doc, lang, role, lang, text, strlen(text));
	free(text);
}

static void doc_file(wc_doc *doc, const char *lang, wc_role role, const char *path)
{
	size_t len;
	char *text = unit_slurp(path, &len);
	doc_from(doc, lang, role, path, text, len);
	free(text);
}

static void dump(const wc_alignment *al)
{
	for (size_t i = 0; i < al->ns; i++)
		print_message("  source %zu -> %d (%.2f)\n", i, al->s2t[i], al->score[i]);
	for (size_t j = 0; j < al->nt; j++)
		print_message("  target %zu <- %d\n", j, al->t2s[j]);
}

/* Whatever the texts: the two maps agree and scores are similarities. */
static void check_consistent(const wc_alignment *al)
{
	for (size_t i = 0; i < al->ns; i++) {
		int j = al->s2t[i];
		assert_true(j >= -1 && j < (int)al->nt);
		assert_true(al->score[i] >= 0.0 && al->score[i] <= 1.0);
		if (j < 0)
			continue;
		/* the target points back at i, or at the first source paragraph of a
		 * 2:1 merge that holds i */
		int back = al->t2s[j];
		assert_true(back >= 0);
		assert_true(al->s2t[back] == j);
	}
	for (size_t j = 0; j < al->nt; j++) {
		int i = al->t2s[j];
		assert_true(i >= -1 && i < (int)al->ns);
		if (i >= 0 && al->s2t[i] != (int)j) {
			/* a 1:2 split: the source points at the first of the two */
			int k = al->s2t[i];
			assert_true(k >= 0 && al->t2s[k] == i);
		}
	}
}

/* The alignment maps source i to want[i] (-1 = unaligned) and target j back
 * to back[j]. */
static void expect_alignment(const wc_alignment *al, const int *want, size_t ns, const int *back,
                             size_t nt)
{
	assert_int_equal(al->ns, ns);
	assert_int_equal(al->nt, nt);
	check_consistent(al);
	for (size_t i = 0; i < ns; i++)
		if (al->s2t[i] != want[i]) {
			dump(al);
			fail_msg("source paragraph %zu -> %d, want %d", i, al->s2t[i], want[i]);
		}
	for (size_t j = 0; back && j < nt; j++)
		if (al->t2s[j] != back[j]) {
			dump(al);
			fail_msg("target paragraph %zu <- %d, want %d", j, al->t2s[j], back[j]);
		}
}

/* ---- a small story and its Danish translation ---------------------------------------- */

static const char *const EN[] = {
	"Beijing \xE2\x80\x94 China on Monday hailed President Donald Trump\xE2\x80\x99s offer to help ZTE.",
	"ZTE, which employs 80,000 people, said last week its major operations had ceased.",
	"The company was banned for seven years from buying American technology.",
	"ZTE pleaded guilty in March last year and was hit with $1.2 billion in fines.",
	"Vice Premier Liu He will be in Washington for trade talks from Tuesday until Saturday.",
	"The Washington Post reported late Sunday that the White House is discussing a deal with Beijing.",
	"There is an intense rivalry in fields such as artificial intelligence and 5G.",
};

static const char *const DA[] = {
	"Kina roste mandag præsident Donald Trumps tilbud om at hjælpe ZTE.",
	"ZTE, der beskæftiger 80.000 mennesker, sagde i sidste uge, at driften var ophørt.",
	"Firmaet blev forbudt i syv år at købe amerikansk teknologi.",
	"ZTE erkendte sig skyldig i marts sidste år og blev ramt med bøder på 1,2 milliarder dollar.",
	"Vicepremier Liu He vil være i Washington til handelsforhandlinger fra tirsdag til lørdag.",
	"Washington Post rapporterede sent søndag, at Det Hvide Hus diskuterer en aftale med Beijing.",
	"Der er en intens rivalisering på områder som kunstig intelligens og 5G.",
};

#define N 7

typedef struct {
	wc_doc src, tgt;
	wc_alignment al;
} pair;

static void align_paras(pair *p, const char *const *tgt, size_t nt)
{
	doc_paras(&p->src, "en", WC_ROLE_SOURCE, EN, N);
	doc_paras(&p->tgt, "da", WC_ROLE_TRANSLATION, tgt, nt);
	assert_int_equal(p->src.npara, N);
	assert_int_equal(p->tgt.npara, nt);
	wc_align_docs(&p->src, &p->tgt, &p->al);
}

static void pair_free(pair *p)
{
	wc_alignment_free(&p->al);
	wc_doc_fini(&p->src);
	wc_doc_fini(&p->tgt);
}

static void test_identity(void **state)
{
	(void)state;
	pair p;
	align_paras(&p, DA, N);
	const int want[N] = {0, 1, 2, 3, 4, 5, 6};
	expect_alignment(&p.al, want, N, want, N);
	for (size_t i = 0; i < N; i++)
		assert_true(p.al.score[i] > 0.3);
	pair_free(&p);
	/* a source aligned with itself */
	wc_doc a, b;
	doc_paras(&a, "en", WC_ROLE_SOURCE, EN, N);
	doc_paras(&b, "en", WC_ROLE_TRANSLATION, EN, N);
	wc_alignment al;
	wc_align_docs(&a, &b, &al);
	expect_alignment(&al, want, N, want, N);
	for (size_t i = 0; i < N; i++)
		assert_true(al.score[i] > 0.99);
	wc_alignment_free(&al);
	wc_doc_fini(&a);
	wc_doc_fini(&b);
}

static void test_dropped_paragraph(void **state)
{
	(void)state;
	/* the translation lacks the ban paragraph (source 2) */
	const char *const da[] = {DA[0], DA[1], DA[3], DA[4], DA[5], DA[6]};
	pair p;
	align_paras(&p, da, 6);
	const int want[N] = {0, 1, -1, 2, 3, 4, 5};
	const int back[6] = {0, 1, 3, 4, 5, 6};
	expect_alignment(&p.al, want, N, back, 6);
	pair_free(&p);
	/* ... or the one with the fine (source 3) */
	const char *const da2[] = {DA[0], DA[1], DA[2], DA[4], DA[5], DA[6]};
	align_paras(&p, da2, 6);
	const int want2[N] = {0, 1, 2, -1, 3, 4, 5};
	expect_alignment(&p.al, want2, N, NULL, 6);
	pair_free(&p);
}

static void test_added_paragraph(void **state)
{
	(void)state;
	const char *const da[] = {
		DA[0], DA[1], DA[2], DA[3],
		"Sagen har vakt stor opsigt blandt analytikere i København og Stockholm.",
		DA[4], DA[5], DA[6],
	};
	pair p;
	align_paras(&p, da, 8);
	const int want[N] = {0, 1, 2, 3, 5, 6, 7};
	const int back[8] = {0, 1, 2, 3, -1, 4, 5, 6};
	expect_alignment(&p.al, want, N, back, 8);
	pair_free(&p);
}

static void test_merged_paragraphs(void **state)
{
	(void)state;
	/* source 4 and 5 (Liu He's visit, the Post's report) are one Danish paragraph */
	char *merged = wc_xasprintf("%s %s", DA[4], DA[5]);
	const char *const da[] = {DA[0], DA[1], DA[2], DA[3], merged, DA[6]};
	pair p;
	align_paras(&p, da, 6);
	const int want[N] = {0, 1, 2, 3, 4, 4, 5};
	const int back[6] = {0, 1, 2, 3, 4, 6};
	expect_alignment(&p.al, want, N, back, 6);
	pair_free(&p);
	free(merged);
}

static void test_split_paragraph(void **state)
{
	(void)state;
	/* source 3 is two Danish paragraphs */
	const char *const da[] = {
		DA[0], DA[1], DA[2],
		"ZTE erkendte sig skyldig i marts sidste år.",
		"Firmaet blev ramt med bøder på 1,2 milliarder dollar.",
		DA[4], DA[5], DA[6],
	};
	pair p;
	align_paras(&p, da, 8);
	const int want[N] = {0, 1, 2, 3, 5, 6, 7};
	const int back[8] = {0, 1, 2, 3, 3, 4, 5, 6};
	expect_alignment(&p.al, want, N, back, 8);
	pair_free(&p);
}

static void test_moved_paragraph(void **state)
{
	(void)state;
	/* Liu He's visit (source 4) comes first in the translation, as the
	 * Swedish ZTE version moves paragraphs */
	const char *const da[] = {DA[4], DA[0], DA[1], DA[2], DA[3], DA[5], DA[6]};
	pair p;
	align_paras(&p, da, N);
	const int want[N] = {1, 2, 3, 4, 0, 5, 6};
	const int back[N] = {4, 0, 1, 2, 3, 5, 6};
	expect_alignment(&p.al, want, N, back, N);
	assert_true(p.al.score[4] > 0.4);
	pair_free(&p);
	/* and one moved to the end */
	const char *const da2[] = {DA[0], DA[2], DA[3], DA[4], DA[5], DA[6], DA[1]};
	align_paras(&p, da2, N);
	const int want2[N] = {0, 6, 1, 2, 3, 4, 5};
	expect_alignment(&p.al, want2, N, NULL, N);
	pair_free(&p);
}

static void test_empty_docs(void **state)
{
	(void)state;
	wc_doc a, b;
	doc_paras(&a, "en", WC_ROLE_SOURCE, EN, N);
	doc_from(&b, "da", WC_ROLE_TRANSLATION, "empty", "", 0);
	wc_alignment al;
	wc_align_docs(&a, &b, &al);
	assert_int_equal(al.ns, N);
	assert_int_equal(al.nt, 0);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(al.s2t[i], -1);
	wc_alignment_free(&al);
	wc_align_docs(&b, &a, &al);
	assert_int_equal(al.ns, 0);
	for (size_t j = 0; j < al.nt; j++)
		assert_int_equal(al.t2s[j], -1);
	wc_alignment_free(&al);
	wc_doc_fini(&a);
	wc_doc_fini(&b);
}

/* ---- the real ZTE pairs ---------------------------------------------------------------------- */

static void test_zte_da(void **state)
{
	(void)state;
	wc_doc src, tgt;
	doc_file(&src, "en", WC_ROLE_SOURCE, "fixtures/zte/zte.en.txt");
	doc_file(&tgt, "da", WC_ROLE_TRANSLATION, "fixtures/zte/zte.da.txt");
	assert_int_equal(src.npara, 31);
	assert_int_equal(tgt.npara, 32);
	wc_alignment al;
	wc_align_docs(&src, &tgt, &al);
	check_consistent(&al);
	for (size_t i = 0; i < src.npara; i++) {
		/* paragraph i is line i + 1 in both files */
		assert_int_equal(src.paras[i].line, i + 1);
		int j = al.s2t[i];
		if (src.paras[i].line == 11 && j == -1)
			continue; /* "Trade war fear": a heading with no anchors */
		if (j != (int)i) {
			dump(&al);
			fail_msg("source line %zu -> target paragraph %d, want line %zu", i + 1, j, i + 1);
		}
	}
	/* the credit line is the translation's own */
	assert_int_equal(al.t2s[31], -1);
	wc_alignment_free(&al);
	wc_doc_fini(&src);
	wc_doc_fini(&tgt);
}

/* The Swedish version is a longer, earlier AFP story: paragraphs moved,
 * added and dropped. */
static void test_zte_sv(void **state)
{
	(void)state;
	wc_doc src, tgt;
	doc_file(&src, "en", WC_ROLE_SOURCE, "fixtures/zte/zte.en.txt");
	doc_file(&tgt, "sv", WC_ROLE_TRANSLATION, "fixtures/zte/zte.sv.txt");
	wc_alignment al;
	wc_align_docs(&src, &tgt, &al);
	check_consistent(&al);
	static const struct {
		size_t src_line, tgt_line;
	} want[] = {{15, 16}, {5, 8}, {7, 4}, {17, 14}, {12, 11}, {25, 25}, {30, 30}, {31, 31}};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		size_t i = want[k].src_line - 1;
		assert_int_equal(src.paras[i].line, want[k].src_line);
		int j = al.s2t[i];
		if (j < 0 || tgt.paras[j].line != want[k].tgt_line) {
			dump(&al);
			fail_msg("source line %zu -> target line %zu, want %zu", want[k].src_line,
			         j < 0 ? 0 : tgt.paras[j].line, want[k].tgt_line);
		}
	}
	/* the Swedish-only Cheng Xiaohe paragraph (line 19) has no source */
	assert_int_equal(tgt.paras[18].line, 19);
	assert_int_equal(al.t2s[18], -1);
	wc_alignment_free(&al);
	wc_doc_fini(&src);
	wc_doc_fini(&tgt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_dropped_paragraph),
		cmocka_unit_test(test_added_paragraph),
		cmocka_unit_test(test_merged_paragraphs),
		cmocka_unit_test(test_split_paragraph),
		cmocka_unit_test(test_moved_paragraph),
		cmocka_unit_test(test_empty_docs),
		cmocka_unit_test(test_zte_da),
		cmocka_unit_test(test_zte_sv),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
