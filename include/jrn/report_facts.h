/* report_facts.h — what the human-readable reports compute from the model: heat-map
 * counts, ranked pain points, moments of truth, emotion gaps, triggers, opportunities
 * and the accountability matrix. Computed in one place, in model order, so the Markdown
 * and HTML reports always agree. */
#ifndef JRN_REPORT_FACTS_H
#define JRN_REPORT_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/model.h"

/* Counts for one heat-map cell: touchpoints and how many are pain, delight, truth; in a
 * persona's cell, how many of the touchpoints count through each audience rule that is not
 * "named" (the report says which rule gave each cell). */
typedef struct report_heat {
    size_t touchpoints;
    size_t pains;
    size_t delights;
    size_t truths;
    size_t via_journeys;
    size_t unassigned;
} report_heat;

/* Whom a touchpoint counts for in the heat map: the personas it names; else the personas of
 * the journeys that visit it; else, when no journey does, every persona. */
typedef enum report_audience {
    AUDIENCE_NAMED,
    AUDIENCE_JOURNEYS,
    AUDIENCE_EVERYONE,
} report_audience;

/* The heat map has a column for at most this many personas, the first declared, and the
 * accountability matrix for at most this many stages, in map order: past them a table no
 * one reads would grow as the product of two counts (the report says what is left out). */
#define REPORT_HEAT_PERSONA_LIMIT 24u
#define REPORT_DUTY_STAGE_LIMIT 60u

/* What one team (or nobody) answers for in one stage. */
typedef struct report_duty {
    size_t stage;                         /* the stage's index */
    bool owns_stage;
    const jrn_touchpoint **touchpoints;   /* accountable for: owned, or inherited from the stage */
    size_t touchpoint_count;
    const jrn_kpi **kpis;                 /* KPIs it owns, measured in the stage or its touchpoints */
    size_t kpi_count;
} report_duty;

typedef struct report_facts {
    const jrn_model *model;
    const char **stage_numbers;           /* per stage: "2" for the spine's second, "4.1" below it */
    size_t heat_persona_count;            /* the personas with a heat-map column */
    report_heat *persona_heat;            /* stage_count rows × heat_persona_count columns */
    report_audience *audiences;           /* per touchpoint (by index) */
    report_heat *stage_heat;              /* one per stage: its own touchpoints, each once */
    report_heat total_heat;
    /* Pain points, hardest first: effort (high first), emotion (low first), then moments
     * of truth first, then map order. */
    const jrn_touchpoint **ranked_pains;
    size_t ranked_pain_count;
    const jrn_touchpoint **truths;        /* moments of truth in map order */
    size_t truth_count;
    size_t truths_at_risk;                /* moments of truth that are also pain or feel bad */
    /* Stages with an emotion and an aspiration above it, widest gap first. */
    const jrn_stage **ranked_gaps;
    size_t ranked_gap_count;
    const jrn_touchpoint **triggers;      /* touchpoints with a proactive-service trigger */
    size_t trigger_count;
    const jrn_touchpoint **opportunities; /* touchpoints with at least one opportunity (the
                                           * stages' own: report_stage_opportunity_count) */
    size_t opportunity_count;
    size_t opportunity_total;             /* opportunities counted one by one */
    size_t duty_stage_count;              /* the stages with an accountability column */
    /* Only the cells with something in them, by row (a team's index; team_count: no team),
     * then stage: row r's are duties[duty_rows[r] .. duty_rows[r + 1]). */
    report_duty *duties;
    size_t *duty_rows;
    size_t unowned_count;                 /* touchpoints no team answers for */
} report_facts;

const report_facts *report_facts_build(jrn_arena *arena, const jrn_model *model);

/* The journeys that visit each touchpoint, as one array sliced per touchpoint: visitors of
 * touchpoint t are journeys[start[t] .. start[t + 1]), in map order. Linear in the
 * journeys' steps. */
typedef struct report_visitors {
    const jrn_journey **journeys;
    size_t *start;
} report_visitors;

report_visitors report_find_visitors(jrn_arena *arena, const jrn_model *model);

/* persona: one of the first heat_persona_count. */
const report_heat *report_persona_heat(const report_facts *facts, const jrn_stage *stage,
                                       const jrn_persona *persona);
/* team NULL: what no team answers for; an empty duty when there is nothing. */
const report_duty *report_duty_of(const report_facts *facts, const jrn_team *team,
                                  const jrn_stage *stage);

report_audience report_touchpoint_audience(const report_facts *facts, const jrn_touchpoint *touchpoint);
/* The team that answers for a touchpoint: its owner, else its stage's (or the parent
 * stage's) owner, with *inherited set; NULL when nobody does. */
const jrn_team *report_touchpoint_owner(const jrn_touchpoint *touchpoint, bool *inherited);
/* The stage's owner, else its parent's. */
const jrn_team *report_stage_owner(const jrn_stage *stage);
/* The stage a KPI is measured in, or NULL for a KPI on a journey. */
const jrn_stage *report_kpi_stage(const jrn_kpi *kpi);
/* Aspiration minus emotion; only meaningful when the stage has both. */
double report_stage_gap(const jrn_stage *stage);
/* Count of every touchpoint of a stage and its sub-stages. */
size_t report_stage_touchpoint_total(const jrn_stage *stage);
/* The opportunities the stages declare on themselves (opportunity: on a stage), all stages. */
size_t report_stage_opportunity_count(const jrn_model *model);

#endif
