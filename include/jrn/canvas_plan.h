/* canvas_plan.h — what the journey-map canvas shows, for the picture (--view canvas,
 * dot_canvas*.c) and the reports alike: the stage columns in spine order (a stage with
 * sub-stages has a column of its own only when something sits on it directly), each
 * column's touchpoints as the personas asked for live them, the lanes with something to
 * show, and the items of each lane. */
#ifndef JRN_CANVAS_PLAN_H
#define JRN_CANVAS_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/emit.h"
#include "jrn/model.h"

/* The lane a --lanes word names ("doing", "pains", ...), or CANVAS_LANE_COUNT. */
jrn_canvas_lane canvas_lane_named(const char *name);
/* The --lanes word of a lane. */
const char *canvas_lane_name(jrn_canvas_lane lane);
/* "stage, doing, touchpoints, ...": every lane's word, for messages and help. */
const char *canvas_lane_list(void);
/* What a lane is called on the canvas: "Doing", "Pain points"... */
const char *canvas_lane_title(jrn_canvas_lane lane);

/* One column: a stage's own notes, touchpoints and KPIs. */
typedef struct canvas_column {
    const jrn_stage *stage;
    const jrn_stage *top;                  /* its top-level stage (stage itself at the top) */
    const jrn_touchpoint **touchpoints;    /* shown, in the order the canvas reads them */
    size_t touchpoint_count;
    /* the touchpoints' teams other than the stage's owner, each once, as they first appear */
    const jrn_team **owners;
    size_t owner_count;
    /* counted once when planned (canvas_item_count, canvas_rated, canvas_lane_has_content) */
    size_t item_count[CANVAS_LANE_COUNT];
    size_t rated;
    bool has_content[CANVAS_LANE_COUNT];
} canvas_column;

typedef struct canvas_plan {
    const jrn_model *model;
    const jrn_emit_options *options;       /* the lanes and personas asked for */
    canvas_column *columns;                /* in spine order, at most CANVAS_PLAN_COLUMN_LIMIT */
    size_t column_count;
    size_t stages_left_out;                /* columns past the limit */
    bool lane_shown[CANVAS_LANE_COUNT];    /* asked for (or all) and with something to show */
    /* options->canvas_personas[i] lives touchpoint t when for_persona[i][t->base.index] */
    bool **for_persona;
    /* the picture's own: the feeling lane's scale rows, items cut at a cell's limit, the
     * first column of the band being written (the stages' curve joins columns of a band) */
    size_t emotion_rows;
    size_t items_left_out;
    size_t band_first;
} canvas_plan;

/* The most columns a canvas draws. */
#define CANVAS_PLAN_COLUMN_LIMIT 240u

/* Plans the canvas of model for options (lanes and personas), in arena. A persona lives
 * the touchpoints that name them, the steps of the journeys they walk, and those that
 * name nobody and no journey visits (the heat map's audience, report_facts.h); with
 * personas, a column reads their journeys' steps first, in the order walked. */
canvas_plan *canvas_plan_build(const jrn_model *model, const jrn_emit_options *options, jrn_arena *arena);

/* True when the lane has something to show in the column. */
bool canvas_lane_has_content(jrn_canvas_lane lane, const canvas_column *column);

size_t canvas_rated(const canvas_column *column);             /* touchpoints with an emotion */
/* The stage's own notes in a lane (doing: does, thinking: thinks, quotes, feeling: feels,
 * pains: pain, delights: delight, opportunities), blank texts left out; they come first in
 * the stage's cell. */
size_t canvas_stage_note_count(jrn_canvas_lane lane, const jrn_stage *stage);
const char *canvas_stage_note(jrn_canvas_lane lane, const jrn_stage *stage, size_t index);
/* True when the stage has a note in some lane (a stage with sub-stages then has a column). */
bool canvas_stage_has_notes(const jrn_stage *stage);
/* A persona's feeling at a column: the mean emotion of the rated touchpoints they live
 * there; false when they rate none. */
bool canvas_persona_feeling(const canvas_plan *plan, size_t persona, const canvas_column *column,
                            double *mean);

/* One item of a lane in a column: a note of the stage itself (touchpoint NULL), a
 * touchpoint (the touchpoints lane), a touchpoint's text (doing, thinking, pains, delights,
 * feeling's texts), one of its quotes or opportunities, or a KPI (with the touchpoint it is
 * on, NULL for the stage's). */
typedef struct canvas_item {
    const jrn_touchpoint *touchpoint;
    const char *text;       /* the note, quote or opportunity; "" for a bare pain or delight flag */
    const jrn_kpi *kpi;
    size_t number;          /* the touchpoint's number in the column, from 1; 0 for the stage's */
} canvas_item;

/* How many items the lane has in the column. */
size_t canvas_item_count(jrn_canvas_lane lane, const canvas_column *column);
/* The index-th item of a lane in a column; false past the last. */
bool canvas_find_item(jrn_canvas_lane lane, const canvas_column *column, size_t index, canvas_item *item);

#endif
