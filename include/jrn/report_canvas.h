/* report_canvas.h — the journey-map canvas in the Markdown report: a table with the
 * stages as columns and the lanes as rows. */
#ifndef JRN_REPORT_CANVAS_H
#define JRN_REPORT_CANVAS_H

#include "jrn/arena.h"
#include "jrn/data.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Appends the canvas table of the whole map (every lane with content; with measured data,
 * each KPI's actual and status). */
void report_md_canvas(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals);

#endif
