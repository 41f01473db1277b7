/* flow.c — a journey as an absorbing Markov chain: hop probabilities from the rates
 * (declared, or observed in measured data), its traps (before any solving, for lint too),
 * then visits, ends, losses, loops and the mean time to complete, from the exact solution
 * in flow_chain.c. */
#include "jrn/flow.h"
#include "jrn/memory.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/flow_chain.h"

/* Rates are written with a few digits; sums within this of 100% are 100%, so a split such
 * as 10% + 20% + 70% leaves no phantom loss (and no phantom way out of a loop). */
#define FLOW_RATE_EPSILON 1e-9

static void *flow_allocate(size_t count, size_t size)
{
    return memory_calloc(count, size);
}

/* Touchpoint index -> step index, valid only for the journey's own touchpoints: the rest
 * is left unwritten (not zeroed), so a journey costs its steps, not the map's size. */
static size_t *flow_step_numbers(const jrn_model *model, const jrn_journey *journey)
{
    size_t *step_of = memory_realloc_array(NULL, model->touchpoint_count + 1, sizeof *step_of);
    for (size_t s = 0; s < journey->step_count; s++) step_of[journey->steps[s]->base.index] = s;
    return step_of;
}

/* The rate a hop is given: observed in the data when there is a measurement, else declared. */
static bool flow_hop_rate(const jrn_actuals *actuals, const jrn_journey *journey, jrn_flow_hop *hop,
                          double *rate)
{
    const jrn_actual *observed = actuals != NULL ? data_observed_rate(actuals, journey, hop->hop) : NULL;
    if (observed != NULL) {
        hop->is_observed = true;
        hop->observed = observed;
        *rate = observed->latest.value.value / 100.0;
        return true;
    }
    *rate = hop->hop->rate;
    return hop->hop->has_rate;
}

static jrn_span flow_rate_span(const jrn_flow_hop *hop)
{
    return hop->is_observed ? hop->observed->latest.value_span : hop->hop->rate_span;
}

static void flow_emit_overfull(const jrn_model *model, const jrn_journey *journey, const jrn_flow_hop *hops,
                                 const size_t *hops_of_step, size_t count, double sum, jrn_diag_list *diags)
{
    const jrn_flow_hop *observed = NULL;
    for (size_t k = 0; k < count && observed == NULL; k++) {
        if (hops[hops_of_step[k]].is_observed) observed = &hops[hops_of_step[k]];
    }
    jrn_span span = observed != NULL ? flow_rate_span(observed) : model_report_span(model, hops[hops_of_step[0]].hop->span);
    jrn_diag *diag = diag_error(diags, span,
                                "with observed rates, the hops leaving '%s' in journey '%s' add up to %g%%, more than 100%%",
                                hops[hops_of_step[0]].hop->from->base.id, journey->base.id, sum * 100.0);
    for (size_t k = 0; k < count; k++) {
        const jrn_flow_hop *hop = &hops[hops_of_step[k]];
        if (hop == observed || (!hop->is_observed && !hop->hop->has_rate)) continue;
        diag_add_note(diags, diag, hop->is_observed ? flow_rate_span(hop) : model_report_span(model, hop->hop->rate_span),
                      "%s rate of %s -> %s", hop->is_observed ? "observed" : "declared",
                      hop->hop->from->base.id, hop->hop->to->base.id);
    }
}

/* Whether those no rated hop takes at step are done (ends:, rest: completes) or lost. */
static bool flow_rest_completes(const jrn_journey *journey, const jrn_touchpoint *step)
{
    for (size_t i = 0; i < journey->end_count; i++) {
        if (journey->ends[i] == step) return true;
    }
    return journey->rest == REST_COMPLETES;
}

/* Turns the rates of the hops leaving each step into probabilities: rated hops take their
 * rate, unrated ones split the remainder equally, and when every hop is rated the
 * remainder is lost there, or completes the journey at a step its ends: names (or
 * everywhere with rest: completes). A step without hops completes the journey. */
static bool flow_assign_probabilities(const jrn_model *model, const jrn_journey *journey,
                                      const jrn_actuals *actuals, jrn_journey_flow *flow,
                                      jrn_diag_list *diags)
{
    size_t *begin = flow_allocate(flow->step_count + 1, sizeof *begin);
    size_t *hops_of_step = flow_allocate(flow->hop_count, sizeof *hops_of_step);
    for (size_t h = 0; h < flow->hop_count; h++) begin[flow->hops[h].from_step + 1]++;
    for (size_t s = 0; s < flow->step_count; s++) begin[s + 1] += begin[s];
    size_t *fill = flow_allocate(flow->step_count, sizeof *fill);
    for (size_t h = 0; h < flow->hop_count; h++) {
        size_t from = flow->hops[h].from_step;
        hops_of_step[begin[from] + fill[from]++] = h;
    }
    free(fill);
    bool ok = true;
    for (size_t s = 0; s < flow->step_count; s++) {
        size_t first = begin[s], count = begin[s + 1] - begin[s];
        double rated = 0;
        size_t unrated = 0;
        double *rates = flow_allocate(count, sizeof *rates);
        bool *has_rate = flow_allocate(count, sizeof *has_rate);
        for (size_t k = 0; k < count; k++) {
            jrn_flow_hop *hop = &flow->hops[hops_of_step[first + k]];
            has_rate[k] = flow_hop_rate(actuals, journey, hop, &rates[k]);
            if (has_rate[k]) rated += rates[k];
            else unrated++;
        }
        if (rated > 1.0 + FLOW_RATE_EPSILON) {
            if (diags != NULL) flow_emit_overfull(model, journey, flow->hops, hops_of_step + first, count, rated, diags);
            ok = false;
        }
        double remainder = 1.0 - rated;
        if (fabs(remainder) < FLOW_RATE_EPSILON || remainder < 0) remainder = 0;
        for (size_t k = 0; k < count; k++) {
            flow->hops[hops_of_step[first + k]].probability = has_rate[k] ? rates[k] : remainder / (double)unrated;
        }
        double rest = count > 0 && unrated == 0 ? remainder : 0;
        bool rest_completes = rest > 0 && flow_rest_completes(journey, flow->steps[s].touchpoint);
        flow->steps[s].completes_rate = count == 0 ? 1.0 : rest_completes ? rest : 0;
        flow->steps[s].is_end = flow->steps[s].completes_rate > 0;
        flow->steps[s].lost_rate = rest_completes ? 0 : rest;
        free(rates);
        free(has_rate);
        for (size_t k = 0; k < count; k++) {
            if (flow->hops[hops_of_step[first + k]].is_observed) flow->observed_hop_count++;
        }
    }
    free(begin);
    free(hops_of_step);
    return ok;
}

/* The chain of the journey: one state per step, one edge per hop that anyone takes. */
static void flow_build_chain(jrn_arena *arena, const jrn_journey_flow *flow, jrn_chain *chain)
{
    size_t *edge_from = arena_alloc_array(arena, flow->hop_count ? flow->hop_count : 1, sizeof *edge_from);
    size_t *edge_to = arena_alloc_array(arena, flow->hop_count ? flow->hop_count : 1, sizeof *edge_to);
    double *edge_probability = arena_alloc_array(arena, flow->hop_count ? flow->hop_count : 1,
                                                 sizeof *edge_probability);
    double *absorb_good = arena_alloc_array(arena, flow->step_count ? flow->step_count : 1, sizeof *absorb_good);
    double *absorb_bad = arena_alloc_array(arena, flow->step_count ? flow->step_count : 1, sizeof *absorb_bad);
    size_t edge_count = 0;
    for (size_t h = 0; h < flow->hop_count; h++) {
        if (!(flow->hops[h].probability > 0)) continue;
        edge_from[edge_count] = flow->hops[h].from_step;
        edge_to[edge_count] = flow->hops[h].to_step;
        edge_probability[edge_count] = flow->hops[h].probability;
        edge_count++;
    }
    for (size_t s = 0; s < flow->step_count; s++) {
        absorb_good[s] = flow->steps[s].completes_rate;
        absorb_bad[s] = flow->steps[s].lost_rate;
    }
    *chain = (jrn_chain){flow->step_count, flow->entry, edge_count, edge_from, edge_to,
                         edge_probability, absorb_good, absorb_bad};
}

static void flow_collect_steps(jrn_journey_flow *flow, const jrn_chain_classes *classes,
                               const jrn_chain_solution *solution)
{
    for (size_t s = 0; s < flow->step_count; s++) {
        jrn_flow_step *step = &flow->steps[s];
        step->visits = solution->visits[s];
        step->completion_chance = solution->success[s];
        step->completes = step->completes_rate > 0 ? step->completes_rate * step->visits : 0;
        step->lost = step->lost_rate > 0 ? step->lost_rate * step->visits : 0;
        flow->completion += step->completes;
        flow->lost += step->lost;
    }
    for (size_t h = 0; h < flow->hop_count; h++) {
        jrn_flow_hop *hop = &flow->hops[h];
        hop->flow = hop->probability > 0 ? flow->steps[hop->from_step].visits * hop->probability : 0;
        bool closes_cycle = classes->component[hop->from_step] == classes->component[hop->to_step] &&
                            hop->to_step <= hop->from_step;
        hop->is_loop = hop->hop->goes_back || closes_cycle;
    }
}

/* Losses summed per stage (the touchpoint's own stage), listed in spine order. */
static void flow_collect_stage_losses(jrn_arena *arena, const jrn_model *model, jrn_journey_flow *flow)
{
    double *lost = flow_allocate(model->stage_count, sizeof *lost);
    bool *losing = flow_allocate(model->stage_count, sizeof *losing);
    for (size_t s = 0; s < flow->step_count; s++) {
        if (!(flow->steps[s].lost_rate > 0)) continue;
        size_t stage = flow->steps[s].touchpoint->stage->base.index;
        lost[stage] += flow->steps[s].lost;
        losing[stage] = true;
    }
    size_t count = 0;
    for (size_t i = 0; i < model->stage_count; i++) count += losing[i];
    flow->stage_losses = arena_alloc_array(arena, count ? count : 1, sizeof *flow->stage_losses);
    for (size_t i = 0; i < model->stage_count; i++) {
        if (!losing[model->stages[i]->base.index]) continue;
        flow->stage_losses[flow->stage_loss_count++] =
            (jrn_flow_stage_loss){model->stages[i], lost[model->stages[i]->base.index]};
    }
    free(lost);
    free(losing);
}

/* A closed class of steps becomes a trap: its steps, and the hop to report it at. */
static void flow_collect_traps(jrn_arena *arena, jrn_journey_flow *flow, const jrn_chain_classes *classes)
{
    flow->trap_count = classes->trap_count;
    flow->traps = arena_alloc_array(arena, flow->trap_count ? flow->trap_count : 1, sizeof *flow->traps);
    for (size_t s = 0; s < flow->step_count; s++) {
        flow->steps[s].is_trapped = classes->trap_of_state[s] != 0;
        if (classes->trap_of_state[s] != 0) flow->traps[classes->trap_of_state[s] - 1].step_count++;
    }
    for (size_t t = 0; t < flow->trap_count; t++) {
        flow->traps[t].steps = arena_alloc_array(arena, flow->traps[t].step_count, sizeof(size_t));
        flow->traps[t].step_count = 0;
    }
    for (size_t s = 0; s < flow->step_count; s++) {
        size_t trap = classes->trap_of_state[s];
        if (trap != 0) flow->traps[trap - 1].steps[flow->traps[trap - 1].step_count++] = s;
    }
    /* Every cycle has a hop back to an earlier (or the same) step, so each trap has one:
     * the hop a map's author changes to let customers out (a rate below 100%, or an end). */
    for (size_t h = 0; h < flow->hop_count; h++) {
        const jrn_flow_hop *hop = &flow->hops[h];
        size_t trap = classes->trap_of_state[hop->from_step];
        if (trap == 0) continue;
        if (hop->is_observed && flow->traps[trap - 1].observed == NULL) flow->traps[trap - 1].observed = hop;
        if (!(hop->probability > 0) || hop->to_step > hop->from_step) continue;
        if (flow->traps[trap - 1].round == NULL) flow->traps[trap - 1].round = hop->hop;
    }
}

/* Steps named in a finding before the rest are only counted: a trap can span a whole
 * generated journey. */
enum { FLOW_TRAP_NAMED_STEPS = 8 };

void flow_describe_trap(const jrn_journey_flow *flow, const jrn_flow_trap *trap, jrn_strbuf *out)
{
    strbuf_printf(out, "journey '%s' traps customers in ", flow->journey->base.id);
    size_t named = trap->step_count;
    if (named > FLOW_TRAP_NAMED_STEPS) named = FLOW_TRAP_NAMED_STEPS;
    for (size_t k = 0; k < named; k++) {
        strbuf_printf(out, "%s'%s'", k > 0 ? ", " : "", flow->steps[trap->steps[k]].touchpoint->base.id);
    }
    if (named < trap->step_count) strbuf_printf(out, " and %zu more steps", trap->step_count - named);
    strbuf_puts(out, ": once there, nobody leaves or is lost");
}

void flow_note_observed(jrn_diag_list *diags, jrn_diag *diag, const jrn_flow_hop *observed)
{
    diag_add_note(diags, diag, observed->observed->latest.value_span, "with the rate of '%s -> %s' measured here",
                  observed->hop->from->base.id, observed->hop->to->base.id);
}

/* Each trap's share of entrants, and its warning with that share. */
static void flow_emit_traps(const jrn_model *model, jrn_journey_flow *flow, const jrn_chain_solution *solution,
                              jrn_diag_list *diags)
{
    for (size_t t = 0; t < flow->trap_count; t++) {
        jrn_flow_trap *trap = &flow->traps[t];
        trap->share = solution->trap_entry[t];
        flow->trapped += trap->share;
        jrn_strbuf message = STRBUF_INIT;
        flow_describe_trap(flow, trap, &message);
        if (trap->share > 0) strbuf_printf(&message, " (%.1f%% of entrants get caught)", trap->share * 100.0);
        else strbuf_puts(&message, " (no entrant gets there)");
        jrn_diag *diag = diag_report(diags, SEVERITY_WARNING, "trapped-loop", model_report_span(model, trap->round->span),
                                     "%s", strbuf_text(&message));
        if (trap->observed != NULL) flow_note_observed(diags, diag, trap->observed);
        strbuf_free(&message);
    }
}

/* E[time x completes] / P(completes): each traversal of a hop adds its duration to the time of
 * those who go on to complete, and by the Markov property the expected number of such
 * traversals is the hop's flow times the chance of completing from its end. */
static void flow_mean_days(jrn_journey_flow *flow, const jrn_chain_solution *solution)
{
    double weighted_days = 0;
    for (size_t h = 0; h < flow->hop_count; h++) {
        const jrn_flow_hop *hop = &flow->hops[h];
        if (hop->hop->has_after) flow->has_durations = true;
        if (!hop->hop->has_after || !(hop->probability > 0) || flow->steps[hop->from_step].is_trapped) continue;
        weighted_days += hop->flow * solution->success[hop->to_step] * duration_in_days(hop->hop->after);
    }
    flow->has_mean_days = flow->has_durations && flow->completion > 0;
    if (flow->has_mean_days) flow->mean_days_to_complete = weighted_days / flow->completion;
}

/* Everything before solving: steps, hops and their probabilities, the chain and its
 * classes, the traps. False when observed rates add up to more than 100%. */
static bool flow_prepare(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                         const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow,
                         jrn_chain *chain, jrn_chain_classes *classes)
{
    memset(flow, 0, sizeof *flow);
    flow->journey = journey;
    flow->step_count = journey->step_count;
    flow->hop_count = journey->hop_count;
    flow->steps = arena_alloc_array(arena, flow->step_count ? flow->step_count : 1, sizeof *flow->steps);
    flow->hops = arena_alloc_array(arena, flow->hop_count ? flow->hop_count : 1, sizeof *flow->hops);
    flow->stage_losses = arena_alloc_array(arena, 1, sizeof *flow->stage_losses);
    flow->traps = arena_alloc_array(arena, 1, sizeof *flow->traps);
    memset(chain, 0, sizeof *chain);
    memset(classes, 0, sizeof *classes);
    if (flow->step_count == 0) return true;
    size_t *step_of = flow_step_numbers(model, journey);
    flow->entry = journey->start != NULL ? step_of[journey->start->base.index] : 0;
    for (size_t s = 0; s < flow->step_count; s++) flow->steps[s].touchpoint = journey->steps[s];
    for (size_t h = 0; h < flow->hop_count; h++) {
        flow->hops[h].hop = &journey->hops[h];
        flow->hops[h].from_step = step_of[journey->hops[h].from->base.index];
        flow->hops[h].to_step = step_of[journey->hops[h].to->base.index];
    }
    free(step_of);
    bool ok = flow_assign_probabilities(model, journey, actuals, flow, diags);
    flow_build_chain(arena, flow, chain);
    chain_classify(arena, chain, classes);
    flow_collect_traps(arena, flow, classes);
    return ok;
}

bool flow_journey_traps(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                        const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow)
{
    jrn_chain chain;
    jrn_chain_classes classes;
    return flow_prepare(arena, model, journey, actuals, diags, flow, &chain, &classes);
}

/* A journey the iteration could not solve within its budget and whose exact solution
 * would cost more than the solver may spend. */
static void flow_report_too_tangled(const jrn_model *model, const jrn_journey *journey,
                                    const jrn_chain_solution *solution, jrn_diag_list *diags)
{
    jrn_diag *diag = diag_error(diags, model_report_span(model, journey->base.id_span),
                                "journey '%s' is too tangled to compute its flow: with %zu steps and %zu hops, the "
                                "iterative solution did not settle within %.3g billion operations and the exact one "
                                "would take about %.3g billion (the limit is %.3g billion)",
                                journey->base.id, journey->step_count, journey->hop_count,
                                CHAIN_ITERATION_OPERATIONS / 1e9, solution->operations / 1e9,
                                CHAIN_OPERATION_LIMIT / 1e9);
    diag_add_note(diags, diag, span_none(),
                  "loops that keep nearly everyone (rates near 100%%) slow the iteration, and hops between "
                  "far-apart steps make the exact answer expensive: split the journey, or keep the rare jumps "
                  "out of it");
}

bool flow_journey(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                  const jrn_actuals *actuals, jrn_diag_list *diags, jrn_journey_flow *flow)
{
    jrn_chain chain;
    jrn_chain_classes classes;
    if (!flow_prepare(arena, model, journey, actuals, diags, flow, &chain, &classes)) return false;
    if (flow->step_count == 0) return true;
    jrn_chain_solution solution;
    if (!chain_solve(arena, &chain, &classes, &solution)) {
        if (solution.unavailable != NULL)
            diag_unavailable(diags, model_report_span(model, journey->base.id_span),
                             "cannot compute the flow of journey '%s': %s", journey->base.id, solution.unavailable);
        else flow_report_too_tangled(model, journey, &solution, diags);
        return false;
    }
    flow_collect_steps(flow, &classes, &solution);
    flow_collect_stage_losses(arena, model, flow);
    flow_emit_traps(model, flow, &solution, diags);
    flow_mean_days(flow, &solution);
    return true;
}
