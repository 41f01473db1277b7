/* emit.h — the output formats of `jrnc [-f FORMAT] FILE`: one emitter per format, each
 * reading only the resolved model and appending its text to a buffer. */
#ifndef JRN_EMIT_H
#define JRN_EMIT_H

#include <stdbool.h>

#include "jrn/data.h"
#include "jrn/diag.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"
#include "jrn/theme.h"

/* --view: what part of the map a graph shows. */
typedef enum jrn_view_kind {
    VIEW_FULL,       /* every stage, touchpoint and journey */
    VIEW_SPINE,      /* stages only, with declared loops */
    VIEW_JOURNEY,    /* one journey: view_journey */
    VIEW_PERSONA,    /* the journeys walked by one persona: view_persona */
    VIEW_FLOW,       /* the full map, edge widths in proportion to the customers on them */
    VIEW_STAGE,      /* one stage (view_stage) with its sub-stages, hops to and from it as stubs */
    VIEW_CANVAS,     /* the journey-map grid: stages across, lanes down (dot_canvas.c) */
    VIEW_BLUEPRINT,  /* the service blueprint: stage columns, lanes from evidence to support */
} jrn_view_kind;

/* The lanes of the canvas, top to bottom. */
typedef enum jrn_canvas_lane {
    CANVAS_LANE_STAGE,          /* title, goal, owner, emotion now -> aim: heads every canvas */
    CANVAS_LANE_DOING,
    CANVAS_LANE_TOUCHPOINTS,
    CANVAS_LANE_THINKING,
    CANVAS_LANE_QUOTES,         /* customers' own words: the stage's, then its touchpoints' */
    CANVAS_LANE_FEELING,
    CANVAS_LANE_PAINS,
    CANVAS_LANE_DELIGHTS,
    CANVAS_LANE_OPPORTUNITIES,
    CANVAS_LANE_KPIS,
    CANVAS_LANE_OWNERS,
    CANVAS_LANE_COUNT
} jrn_canvas_lane;

#define CANVAS_LANE_BIT(lane) (1u << (lane))

/* A Graphviz context kept by the caller (emit_dot.h). */
typedef struct render_context render_context;

typedef struct jrn_emit_options {
    jrn_view_kind view;
    const jrn_journey *view_journey;
    const jrn_persona *view_persona;
    const jrn_stage *view_stage;
    size_t stages_per_row;           /* --stages-per-row: 0 chooses by the number of stages */
    const jrn_actuals *actuals;      /* --data: measured data to overlay, or NULL */
    bool no_mermaid;                 /* --no-mermaid: the Markdown report embeds no Mermaid diagram */
    unsigned canvas_lanes;           /* --lanes: CANVAS_LANE_BIT()s; 0: every lane with content */
    const jrn_persona *const *canvas_personas;  /* --persona: the canvas as they live it */
    size_t canvas_persona_count;
    const char *page_header;         /* -f html: markup the caller built (every user string
                                      * in it escaped) put first in the body, or NULL;
                                      * jrnc site's navigation */
    const jrn_theme *theme;          /* --theme: the colours; NULL for the default (light) */
    bool theme_chosen;               /* --theme was given: the HTML report keeps it, else it
                                        follows the reader's prefers-color-scheme */
    render_context *graphviz;        /* pictures are laid out in it, or NULL: in one made for
                                        the call */
} jrn_emit_options;

/* Each returns false (after reporting into diags) when it cannot produce output. */
typedef bool (*jrn_emitter)(const jrn_model *model, const jrn_emit_options *options,
                            jrn_strbuf *out, jrn_diag_list *diags);

/* The reports (docs/json-schema.md describes the JSON). */
bool emit_json(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
               jrn_diag_list *diags);
bool emit_csv(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
              jrn_diag_list *diags);
bool emit_md(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
             jrn_diag_list *diags);
/* A Mermaid `journey` diagram; --view journey=, persona= and stage= restrict it. */
bool emit_mermaid(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
                  jrn_diag_list *diags);
bool emit_html(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
               jrn_diag_list *diags);

#endif
