/* flow_report_json.c — journey flows as JSON: {"journeys": [...]} with the keys the flow
 * command documents first, then the details (entry, hops, loops, traps). */
#include "jrn/flow_report.h"

#include "jrn/json_text.h"

#include <math.h>

/* Ten significant digits: exact enough for any use, stable from run to run. Infinite
 * visits (a trap) have no JSON number: null. */
static void json_number(jrn_strbuf *out, double value)
{
    if (!isfinite(value)) {
        strbuf_puts(out, "null");
        return;
    }
    if (fabs(value) < 1e-12) value = 0;
    strbuf_printf(out, "%.10g", value);
}

static void json_key(jrn_strbuf *out, const char *indent, const char *key, bool *first)
{
    strbuf_puts(out, *first ? "\n" : ",\n");
    *first = false;
    strbuf_puts(out, indent);
    json_append_string(out, key);
    strbuf_puts(out, ": ");
}

typedef bool (*json_step_filter)(const jrn_flow_step *step);
typedef double (*json_step_value)(const jrn_flow_step *step);

static bool step_is_end(const jrn_flow_step *step) { return step->is_end; }
static bool step_loses(const jrn_flow_step *step) { return step->lost_rate > 0; }
static bool step_any(const jrn_flow_step *step) { (void)step; return true; }
static double step_completes(const jrn_flow_step *step) { return step->completes; }
static double step_lost(const jrn_flow_step *step) { return step->lost; }
static double step_visits(const jrn_flow_step *step) { return step->visits; }

/* {"step": value, ...} over the steps that pass the filter, in step order. */
static void json_step_object(const jrn_journey_flow *flow, json_step_filter keep, json_step_value value,
                             jrn_strbuf *out)
{
    bool first = true;
    strbuf_putc(out, '{');
    for (size_t s = 0; s < flow->step_count; s++) {
        if (!keep(&flow->steps[s])) continue;
        json_key(out, "        ", flow->steps[s].touchpoint->base.id, &first);
        json_number(out, value(&flow->steps[s]));
    }
    strbuf_puts(out, first ? "}" : "\n      }");
}

static void json_stage_losses(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    bool first = true;
    strbuf_putc(out, '{');
    for (size_t i = 0; i < flow->stage_loss_count; i++) {
        json_key(out, "        ", flow->stage_losses[i].stage->base.id, &first);
        json_number(out, flow->stage_losses[i].lost);
    }
    strbuf_puts(out, first ? "}" : "\n      }");
}

static void json_hops(const jrn_journey_flow *flow, bool loops_only, jrn_strbuf *out)
{
    bool first = true;
    strbuf_putc(out, '[');
    for (size_t h = 0; h < flow->hop_count; h++) {
        const jrn_flow_hop *hop = &flow->hops[h];
        if (loops_only && !hop->is_loop) continue;
        strbuf_puts(out, first ? "\n        {\"from\": " : ",\n        {\"from\": ");
        first = false;
        json_append_string(out, hop->hop->from->base.id);
        strbuf_puts(out, ", \"to\": ");
        json_append_string(out, hop->hop->to->base.id);
        if (loops_only) {
            strbuf_puts(out, ", \"times\": ");
            json_number(out, hop->flow);
        } else {
            strbuf_puts(out, ", \"probability\": ");
            json_number(out, hop->probability);
            strbuf_printf(out, ", \"observed\": %s, \"loop\": %s, \"flow\": ", hop->is_observed ? "true" : "false",
                          hop->is_loop ? "true" : "false");
            json_number(out, hop->flow);
        }
        strbuf_putc(out, '}');
    }
    strbuf_puts(out, first ? "]" : "\n      ]");
}

static void json_traps(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    strbuf_putc(out, '[');
    for (size_t t = 0; t < flow->trap_count; t++) {
        strbuf_puts(out, t == 0 ? "\n        {\"steps\": [" : ",\n        {\"steps\": [");
        for (size_t k = 0; k < flow->traps[t].step_count; k++) {
            if (k > 0) strbuf_puts(out, ", ");
            json_append_string(out, flow->steps[flow->traps[t].steps[k]].touchpoint->base.id);
        }
        strbuf_puts(out, "], \"share\": ");
        json_number(out, flow->traps[t].share);
        strbuf_putc(out, '}');
    }
    strbuf_puts(out, flow->trap_count == 0 ? "]" : "\n      ]");
}

static void json_journey(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    const char *indent = "      ";
    bool first = true;
    strbuf_puts(out, "    {");
    json_key(out, indent, "id", &first);
    json_append_string(out, flow->journey->base.id);
    json_key(out, indent, "completion", &first);
    json_number(out, flow->completion);
    json_key(out, indent, "ends", &first);
    json_step_object(flow, step_is_end, step_completes, out);
    json_key(out, indent, "lost", &first);
    json_step_object(flow, step_loses, step_lost, out);
    json_key(out, indent, "lost_by_stage", &first);
    json_stage_losses(flow, out);
    json_key(out, indent, "visits", &first);
    json_step_object(flow, step_any, step_visits, out);
    json_key(out, indent, "mean_days_to_complete", &first);
    if (flow->has_mean_days) json_number(out, flow->mean_days_to_complete);
    else strbuf_puts(out, "null");
    json_key(out, indent, "title", &first);
    if (flow->journey->base.title != NULL) json_append_string(out, flow->journey->base.title);
    else strbuf_puts(out, "null");
    json_key(out, indent, "entry", &first);
    if (flow->step_count > 0) json_append_string(out, flow->steps[flow->entry].touchpoint->base.id);
    else strbuf_puts(out, "null");
    json_key(out, indent, "lost_total", &first);
    json_number(out, flow->lost);
    json_key(out, indent, "trapped", &first);
    json_number(out, flow->trapped);
    json_key(out, indent, "rates", &first);
    json_append_string(out, flow->observed_hop_count > 0 ? "observed" : "declared");
    json_key(out, indent, "observed_hops", &first);
    strbuf_printf(out, "%zu", flow->observed_hop_count);
    json_key(out, indent, "loops", &first);
    json_hops(flow, true, out);
    json_key(out, indent, "traps", &first);
    json_traps(flow, out);
    json_key(out, indent, "hops", &first);
    json_hops(flow, false, out);
    strbuf_puts(out, "\n    }");
}

void flow_report_json(const jrn_flow_report *report, jrn_strbuf *out)
{
    strbuf_puts(out, "{\n  \"journeys\": [");
    for (size_t f = 0; f < report->flow_count; f++) {
        strbuf_puts(out, f == 0 ? "\n" : ",\n");
        json_journey(&report->flows[f], out);
    }
    strbuf_puts(out, report->flow_count == 0 ? "]\n}\n" : "\n  ]\n}\n");
}
