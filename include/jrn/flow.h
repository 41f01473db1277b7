/* flow.h — customers through a journey, computed exactly: where they complete, where they
 * are lost, how often they visit and loop, and how long completing takes. */
#ifndef JRN_FLOW_H
#define JRN_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/data.h"
#include "jrn/diag.h"
#include "jrn/model.h"

/* One step of the journey, per customer entering the journey. */
typedef struct jrn_flow_step {
    const jrn_touchpoint *touchpoint;
    bool is_end;             /* no hops: the journey completes here */
    bool is_trapped;         /* in a cycle customers can never leave */
    double visits;           /* expected visits; INFINITY when trapped and reached */
    double completes;        /* share of entrants completing here (ends only) */
    double lost_rate;        /* share of those at the step lost there: 100% less the rates */
    double lost;             /* share of entrants lost here */
    double completion_chance;/* chance that a customer at this step goes on to complete */
} jrn_flow_step;

/* One hop, in journey->hops order. */
typedef struct jrn_flow_hop {
    const jrn_hop *hop;
    size_t from_step, to_step;   /* indexes into the steps */
    double probability;      /* share of those at from who take it */
    bool is_observed;        /* the probability is a rate from measured data */
    const jrn_actual *observed;  /* that measurement, or NULL */
    bool is_loop;            /* goes back: to an earlier stage, or closes a cycle of steps */
    double flow;             /* expected times taken per entrant; INFINITY inside a trap */
} jrn_flow_hop;

typedef struct jrn_flow_stage_loss {
    const jrn_stage *stage;
    double lost;             /* share of entrants lost at its touchpoints */
} jrn_flow_stage_loss;

/* A set of steps customers can never leave once there. */
typedef struct jrn_flow_trap {
    size_t *steps;           /* step indexes, in step order */
    size_t step_count;
    double share;            /* share of entrants that end up in it */
} jrn_flow_trap;

typedef struct jrn_journey_flow {
    const jrn_journey *journey;
    size_t entry;            /* step where customers enter (journey->start) */
    jrn_flow_step *steps;    /* parallel to journey->steps */
    size_t step_count;
    jrn_flow_hop *hops;      /* parallel to journey->hops */
    size_t hop_count;
    double completion;       /* share of entrants that complete */
    double lost;             /* share lost, over every step */
    double trapped;          /* share caught in traps */
    jrn_flow_stage_loss *stage_losses;   /* stages with a losing step, in spine order */
    size_t stage_loss_count;
    jrn_flow_trap *traps;
    size_t trap_count;
    bool has_durations;      /* some hop says after: */
    bool has_mean_days;      /* has_durations and someone completes */
    double mean_days_to_complete;        /* over those who complete; hops without after: take 0 */
    size_t observed_hop_count;           /* hops whose rate came from measured data */
} jrn_journey_flow;

/* Computes the flow through journey. With actuals (may be NULL), observed hop rates replace
 * declared ones. Problems go to diags: observed rates over 100% (error, false returned) and
 * trapped cycles (warning [trapped-loop]). The result lives in arena. */
bool flow_journey(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                  const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow);

#endif
