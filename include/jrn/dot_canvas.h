/* dot_canvas.h — the journey-map canvas (--view canvas): the stages of the spine as
 * columns (sub-stages as sub-columns), lanes down (doing, touchpoints, thinking, feeling,
 * pains...). Each band of stages is one HTML-like table, so dot places the grid whole and
 * never re-lays it out. dot_canvas.c plans the columns, lanes and bands; dot_canvas_cells.c
 * writes each cell. */
#ifndef JRN_DOT_CANVAS_H
#define JRN_DOT_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/canvas_plan.h"
#include "jrn/diag.h"
#include "jrn/dot_doc.h"
#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Builds the canvas of model for options (view VIEW_CANVAS) in arena; NULL after
 * reporting into diags. */
dot_doc *dot_canvas_build(const jrn_model *model, const jrn_emit_options *options,
                          jrn_arena *arena, jrn_diag_list *diags);

/* ---- shared by dot_canvas.c and dot_canvas_cells.c ---- */

/* At most this many items in one cell; the rest are counted in a "+ N more" line. */
#define DOT_CANVAS_CELL_ITEMS 8u
/* Characters per line of a cell's text. */
#define DOT_CANVAS_LINE_WIDTH 28u
/* The fill of the lane headings. */
#define DOT_CANVAS_HEAD_FILL "#EEF1F5"

/* The rows the lane takes in the column: one per item (at most DOT_CANVAS_CELL_ITEMS, then
 * a "+ N more" row), the feeling lane's scale first; one for the owners. Each item is a
 * cell of the band's table, so no item stretches to its neighbours' height. */
size_t dot_canvas_lane_rows(jrn_canvas_lane lane, const canvas_column *column);
/* The whole <TD> of the lane's row-th row in the column (an empty cell past its rows). */
void dot_canvas_item(jrn_strbuf *out, canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column,
                     size_t row);
/* About how many text lines that row takes (for choosing the bands). */
double dot_canvas_item_lines(const canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column,
                             size_t row);
/* About how many lines a stage's heading takes. */
double dot_canvas_stage_lines(const canvas_plan *plan, const jrn_stage *stage);
/* About how wide the column's cells are, in points. */
double dot_canvas_column_width(const canvas_plan *plan, const canvas_column *column);
/* The markup inside a stage's heading <TD> (stage row, or sub-stage row). */
void dot_canvas_stage_cell(jrn_strbuf *out, const canvas_plan *plan, const jrn_stage *stage);
/* The markup inside the lane's heading <TD> at the left of each band (the feeling lane's:
 * its title and the scale's labels, level with the marks of its first row). */
void dot_canvas_lane_head(jrn_strbuf *out, const canvas_plan *plan, jrn_canvas_lane lane);
/* The key under the canvas: what the fills, borders and marks mean. */
void dot_canvas_key(jrn_strbuf *out, const canvas_plan *plan);

#endif
