/*
 * align.h — paragraph alignment of a translation to its source (align.c).
 */
#ifndef WC_ALIGN_H
#define WC_ALIGN_H

#include "doc.h"

typedef struct {
	int *s2t;               /* source paragraph → translation paragraph or -1 */
	int *t2s;               /* translation paragraph → source paragraph or -1 */
	double *score;          /* source paragraph → similarity of its pair (0..1) */
	size_t ns, nt;
} wc_alignment;

/* Aligns the paragraphs of tgt to those of src, by shared anchors (numbers,
 * normalized facts, names) and length; paragraphs may be dropped, added,
 * merged or moved. */
void wc_align_docs(const wc_doc *src, const wc_doc *tgt, wc_alignment *al);
/* Code points of tgt's text per code point of src's, from the two locales'
 * length_factor; 1 where either factor is unknown. */
double wc_length_scale(const wc_doc *src, const wc_doc *tgt);
void wc_alignment_free(wc_alignment *al);

#endif
