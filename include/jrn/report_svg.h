/* report_svg.h — the inline SVG figures of the HTML report: the emotion curve
 * (report_curve.c), the journey graph and the canvas, laid out by the DOT module and made
 * fit to inline (report_svg.c). */
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
/* Appends the curve's data as a table (in a <details> open to everyone, and to screen
 * readers, which cannot read the picture): per stage in spine order, its emotion now, its
 * aspiration and its rated touchpoints' emotions. */
void report_emotion_table(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model);

/* Appends the journey graph (the view in options) to graph, the journey-map canvas of the
 * whole map (with the measured data in options) to canvas and, when blueprint is not NULL,
 * the service blueprint to blueprint, each an <svg> element without XML prolog, doctype or
 * comments; the ids of the canvas and the blueprint are prefixed "canvas-" and
 * "blueprint-" so no two share one. All are laid out in one Graphviz context
 * (render_graphs: Graphviz 2.43 cannot lay out twice in a process otherwise). Returns
 * false after reporting into diags when one cannot be laid out. */
bool report_svg_pictures(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *graph,
                         jrn_strbuf *canvas, jrn_strbuf *blueprint, jrn_diag_list *diags);

/* Appends each of views, laid out in one context (kept, else one made for the call), to
 * outs[i] as an <svg> element like the journey graph's, its ids prefixed "viewI-" so that
 * the pictures share a page. Returns false after reporting into diags when one cannot be
 * laid out. */
bool report_svg_views(const jrn_model *model, const jrn_emit_options *const *views, size_t count,
                      render_context *graphviz, jrn_strbuf *outs, jrn_diag_list *diags);

#endif
