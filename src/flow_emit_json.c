/* flow_emit_json.c — journey flows as JSON: {"journeys": [...]} with the keys the flow
 * command documents first, then the details (entry, hops, loops, traps). */
#include "jrn/flow_emit.h"

#include "jrn/json_writer.h"

typedef bool (*json_step_filter)(const jrn_flow_step *step);
typedef double (*json_step_value)(const jrn_flow_step *step);

static bool step_is_end(const jrn_flow_step *step) { return step->is_end; }
static bool step_loses(const jrn_flow_step *step) { return step->lost_rate > 0; }
static bool step_any(const jrn_flow_step *step) { (void)step; return true; }
static double step_completes(const jrn_flow_step *step) { return step->completes; }
static double step_lost(const jrn_flow_step *step) { return step->lost; }
static double step_visits(const jrn_flow_step *step) { return step->visits; }

/* {"step": value, ...} over the steps that pass the filter, in step order. */
static void json_step_object(json_writer *json, const char *key, const jrn_journey_flow *flow,
                             json_step_filter keep, json_step_value value)
{
    json_key(json, key);
    json_object_begin(json, JSON_LINES);
    for (size_t s = 0; s < flow->step_count; s++) {
        if (keep(&flow->steps[s])) json_member_number(json, flow->steps[s].touchpoint->base.id, value(&flow->steps[s]));
    }
    json_object_end(json);
}

static void json_stage_losses(json_writer *json, const jrn_journey_flow *flow)
{
    json_key(json, "lost_by_stage");
    json_object_begin(json, JSON_LINES);
    for (size_t i = 0; i < flow->stage_loss_count; i++)
        json_member_number(json, flow->stage_losses[i].stage->base.id, flow->stage_losses[i].lost);
    json_object_end(json);
}

static void json_hops(json_writer *json, const char *key, const jrn_journey_flow *flow, bool loops_only)
{
    json_key(json, key);
    json_array_begin(json, JSON_LINES);
    for (size_t h = 0; h < flow->hop_count; h++) {
        const jrn_flow_hop *hop = &flow->hops[h];
        if (loops_only && !hop->is_loop) continue;
        json_object_begin(json, JSON_INLINE);
        json_member_string(json, "from", hop->hop->from->base.id);
        json_member_string(json, "to", hop->hop->to->base.id);
        if (loops_only) {
            json_member_number(json, "times", hop->flow);
        } else {
            json_member_number(json, "probability", hop->probability);
            json_member_bool(json, "observed", hop->is_observed);
            json_member_bool(json, "loop", hop->is_loop);
            json_member_number(json, "flow", hop->flow);
        }
        json_object_end(json);
    }
    json_array_end(json);
}

static void json_traps(json_writer *json, const jrn_journey_flow *flow)
{
    json_key(json, "traps");
    json_array_begin(json, JSON_LINES);
    for (size_t t = 0; t < flow->trap_count; t++) {
        json_object_begin(json, JSON_INLINE);
        json_key(json, "steps");
        json_array_begin(json, JSON_INLINE);
        for (size_t k = 0; k < flow->traps[t].step_count; k++)
            json_put_string(json, flow->steps[flow->traps[t].steps[k]].touchpoint->base.id);
        json_array_end(json);
        json_member_number(json, "share", flow->traps[t].share);
        json_object_end(json);
    }
    json_array_end(json);
}

static void json_journey(json_writer *json, const jrn_journey_flow *flow)
{
    json_object_begin(json, JSON_LINES);
    json_member_string(json, "id", flow->journey->base.id);
    json_member_number(json, "completion", flow->completion);
    json_step_object(json, "ends", flow, step_is_end, step_completes);
    json_step_object(json, "lost", flow, step_loses, step_lost);
    json_stage_losses(json, flow);
    json_step_object(json, "visits", flow, step_any, step_visits);
    json_key(json, "mean_days_to_complete");
    if (flow->has_mean_days) json_put_number(json, flow->mean_days_to_complete);
    else json_put_null(json);
    json_member_string(json, "title", flow->journey->base.title);
    json_member_string(json, "entry", flow->step_count > 0 ? flow->steps[flow->entry].touchpoint->base.id : NULL);
    json_member_number(json, "lost_total", flow->lost);
    json_member_number(json, "trapped", flow->trapped);
    json_member_string(json, "rates", flow->observed_hop_count > 0 ? "observed" : "declared");
    json_member_integer(json, "observed_hops", flow->observed_hop_count);
    json_hops(json, "loops", flow, true);
    json_traps(json, flow);
    json_hops(json, "hops", flow, false);
    json_object_end(json);
}

void flow_emit_json(const jrn_flow_results *report, jrn_strbuf *out)
{
    /* Ten significant digits: exact enough for any use, stable from run to run. */
    json_writer json = json_writer_start(out, NULL, JSON_NUMBER_TEN_DIGITS);
    json_object_begin(&json, JSON_LINES);
    json_key(&json, "journeys");
    json_array_begin(&json, JSON_LINES);
    for (size_t f = 0; f < report->flow_count; f++) json_journey(&json, &report->flows[f]);
    json_array_end(&json);
    json_object_end(&json);
    strbuf_putc(out, '\n');
}
