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
#include "jrn/strbuf.h"

/* One step of the journey, per customer entering the journey. */
typedef struct jrn_flow_step {
    const jrn_touchpoint *touchpoint;
    bool is_end;             /* customers complete here: no hops, or an ends: step / rest: completes */
    double completes_rate;   /* share of those at the step completing there (1 with no hops) */
    bool is_trapped;         /* in a cycle customers can never leave */
    double visits;           /* expected visits; INFINITY when trapped and reached */
    double completes;        /* share of entrants completing here (ends only) */
    double lost_rate;        /* share of those at the step lost there: 100% less the rates,
                              * unless the rest completes there */
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

/* A set of steps customers can never leave once there (rule trapped-loop): a closed class
 * of the chain. No step of it is an end, every hop anyone takes from it stays inside it
 * (a hop rated 0% is taken by nobody), and no step of it loses customers (which takes every
 * hop of the step rated, the rates adding up to less than 100%). */
typedef struct jrn_flow_trap {
    size_t *steps;           /* step indexes, in step order */
    size_t step_count;
    const jrn_hop *round;    /* where the finding is reported: the first hop, in source order,
                              * that goes round the trap back to an earlier step */
    const jrn_flow_hop *observed;/* the first hop leaving one of its steps whose rate came from
                              * measured data, or NULL: findings the data caused point at it */
    double share;            /* share of entrants that end up in it (flow_journey only) */
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

/* Finds the traps of journey without solving anything (lint's trapped-loop uses this, so
 * both commands mean the same by the rule): fills flow's steps, hops with their
 * probabilities, and traps with shares of 0. With actuals (may be NULL), observed hop rates
 * replace declared ones. Observed rates over 100% are reported to diags (may be NULL: not
 * reported) and make it return false; the traps are found all the same. Linear in the
 * journey's steps and hops. The result lives in arena. */
bool flow_journey_traps(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                        const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow);

/* The trapped-loop finding as lint and flow both word it: "journey 'j' traps customers in
 * 'a', 'b': once there, nobody leaves or is lost" (a long trap's steps are abridged). */
void flow_describe_trap(const jrn_journey_flow *flow, const jrn_flow_trap *trap, jrn_strbuf *out);

/* The note both add to a trap's finding when measured data set a rate round it. */
void flow_note_observed(jrn_diag_list *diags, jrn_diag *diag, const jrn_flow_hop *observed);

/* Computes the flow through journey. With actuals (may be NULL), observed hop rates replace
 * declared ones. Problems go to diags: observed rates over 100% (error, false returned) and
 * trapped cycles (warning [trapped-loop]). The result lives in arena. */
bool flow_journey(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                  const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow);

#endif
