/* report_svg.h — the inline SVG figures of the HTML report: the emotion curve
 * (report_curve.c) and the journey graph, laid out by the DOT module and made fit to inline
 * (report_svg.c). */
#ifndef JRN_REPORT_SVG_H
#define JRN_REPORT_SVG_H

#include <stdbool.h>

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Appends an <svg> element: emotion now and aspiration per stage as two lines, the gap
 * between them shaded, and each touchpoint's emotion as a dot coloured by its heat. No two
 * texts overlap and none leaves the picture: a touchpoint whose title finds no free place
 * gets a number in its dot, and an <ol class="curvekey"> after the SVG lists those. */
void report_svg_emotion_curve(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_theme *theme);

/* Appends the journey graph as an <svg> element without XML prolog, doctype or comments.
 * Returns false after reporting into diags when the graph cannot be laid out. */
bool report_svg_journey_graph(const jrn_model *model, const jrn_emit_options *options,
                              jrn_strbuf *out, jrn_diag_list *diags);

#endif
