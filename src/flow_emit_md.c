/* flow_emit_md.c — journey flows as Markdown: a section per journey with its summary and
 * tables of losses (largest first), losses by stage, ends, visits, loops and traps. */
#include "jrn/flow_emit.h"
#include "jrn/report_format.h"

#include <math.h>
#include <stdlib.h>

/* Text inside a table cell or a heading: the one Markdown escape (report_format.h). */
static void md_text(jrn_strbuf *out, const char *text)
{
    report_put_md(out, text);
}

/* `id` — ids are identifiers, safe inside a code span. */
static void md_id(jrn_strbuf *out, const char *id)
{
    strbuf_printf(out, "`%s`", id);
}

static void md_touchpoint(jrn_strbuf *out, const jrn_touchpoint *touchpoint)
{
    if (touchpoint->base.title != NULL) {
        md_text(out, touchpoint->base.title);
        strbuf_puts(out, " (");
        md_id(out, touchpoint->base.id);
        strbuf_putc(out, ')');
    } else {
        md_id(out, touchpoint->base.id);
    }
}

static void md_summary(const jrn_journey_flow *flow, bool has_data, jrn_strbuf *out)
{
    const jrn_journey *journey = flow->journey;
    strbuf_puts(out, "## Journey ");
    if (journey->base.title != NULL) {
        md_text(out, journey->base.title);
        strbuf_puts(out, " (");
        md_id(out, journey->base.id);
        strbuf_puts(out, ")\n\n");
    } else {
        md_id(out, journey->base.id);
        strbuf_puts(out, "\n\n");
    }
    if (flow->step_count == 0) {
        strbuf_puts(out, "This journey has no steps, so no customer flows through it.\n");
        return;
    }
    strbuf_puts(out, "Entry: ");
    md_touchpoint(out, flow->steps[flow->entry].touchpoint);
    strbuf_puts(out, ". ");
    strbuf_puts(out, "Rates: ");
    flow_emit_rates_sentence(flow, has_data, out);
    strbuf_puts(out, ".\n\n| Entrants | Share |\n|---|---:|\n| Complete | ");
    flow_emit_percent(out, flow->completion);
    strbuf_puts(out, " |\n| Lost | ");
    flow_emit_percent(out, flow->lost);
    strbuf_puts(out, " |\n");
    if (flow->trap_count > 0) {
        strbuf_puts(out, "| Trapped (no way out) | ");
        flow_emit_percent(out, flow->trapped);
        strbuf_puts(out, " |\n");
    }
    if (flow->has_mean_days) {
        strbuf_printf(out, "\nMean time to complete: %.1f days (for those who complete).\n", flow->mean_days_to_complete);
    } else {
        strbuf_puts(out, flow->has_durations ? "\nNobody completes, so there is no time to complete.\n"
                                             : "\nNo hop says how long it takes (after:), so there is no time to complete.\n");
    }
}

static void md_losses(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    size_t count;
    size_t *order = flow_emit_losses_order(flow, &count);
    if (count > 0) {
        strbuf_puts(out, "\n### Where customers are lost\n\n| Touchpoint | Stage | Lost | Share of losses |\n|---|---|---:|---:|\n");
        for (size_t i = 0; i < count; i++) {
            const jrn_flow_step *step = &flow->steps[order[i]];
            strbuf_puts(out, "| ");
            md_touchpoint(out, step->touchpoint);
            strbuf_puts(out, " | ");
            md_id(out, step->touchpoint->stage->base.id);
            strbuf_puts(out, " | ");
            flow_emit_percent(out, step->lost);
            strbuf_puts(out, " | ");
            flow_emit_percent(out, flow->lost > 0 ? step->lost / flow->lost : 0);
            strbuf_puts(out, " |\n");
        }
    }
    free(order);
    if (flow->stage_loss_count == 0) return;
    size_t *stages = flow_emit_stage_losses_order(flow);
    strbuf_puts(out, "\n### Lost by stage\n\n| Stage | Lost | Share of losses |\n|---|---:|---:|\n");
    for (size_t i = 0; i < flow->stage_loss_count; i++) {
        const jrn_flow_stage_loss *loss = &flow->stage_losses[stages[i]];
        strbuf_puts(out, "| ");
        if (loss->stage->base.title != NULL) {
            md_text(out, loss->stage->base.title);
            strbuf_puts(out, " (");
            md_id(out, loss->stage->base.id);
            strbuf_putc(out, ')');
        } else {
            md_id(out, loss->stage->base.id);
        }
        strbuf_puts(out, " | ");
        flow_emit_percent(out, loss->lost);
        strbuf_puts(out, " | ");
        flow_emit_percent(out, flow->lost > 0 ? loss->lost / flow->lost : 0);
        strbuf_puts(out, " |\n");
    }
    free(stages);
}

static void md_ends_and_visits(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    bool any_end = false;
    for (size_t s = 0; s < flow->step_count; s++) any_end |= flow->steps[s].is_end;
    if (any_end) strbuf_puts(out, "\n### Ends\n\n| Touchpoint | Completes |\n|---|---:|\n");
    else strbuf_puts(out, "\n### Ends\n\nNone: every step has a hop out.\n");
    for (size_t s = 0; s < flow->step_count; s++) {
        if (!flow->steps[s].is_end) continue;
        strbuf_puts(out, "| ");
        md_touchpoint(out, flow->steps[s].touchpoint);
        strbuf_puts(out, " | ");
        flow_emit_percent(out, flow->steps[s].completes);
        strbuf_puts(out, " |\n");
    }
    strbuf_puts(out, "\n### Visits per entrant\n\n| Touchpoint | Expected visits |\n|---|---:|\n");
    for (size_t s = 0; s < flow->step_count; s++) {
        strbuf_puts(out, "| ");
        md_touchpoint(out, flow->steps[s].touchpoint);
        if (isinf(flow->steps[s].visits)) strbuf_puts(out, " | unbounded (trapped) |\n");
        else {
            strbuf_puts(out, " | ");
            flow_emit_count(out, flow->steps[s].visits);
            strbuf_puts(out, " |\n");
        }
    }
}

static void md_loops_and_traps(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    bool any_loop = false;
    for (size_t h = 0; h < flow->hop_count; h++) any_loop |= flow->hops[h].is_loop;
    if (any_loop) {
        strbuf_puts(out, "\n### Loops\n\n| Hop | Expected times taken |\n|---|---:|\n");
        for (size_t h = 0; h < flow->hop_count; h++) {
            const jrn_flow_hop *hop = &flow->hops[h];
            if (!hop->is_loop) continue;
            strbuf_puts(out, "| ");
            md_id(out, hop->hop->from->base.id);
            strbuf_puts(out, " → ");
            md_id(out, hop->hop->to->base.id);
            if (isinf(hop->flow)) strbuf_puts(out, " | unbounded (trapped) |\n");
            else {
                strbuf_puts(out, " | ");
                flow_emit_count(out, hop->flow);
                strbuf_puts(out, " |\n");
            }
        }
    }
    if (flow->trap_count == 0) return;
    strbuf_puts(out, "\n### Trapped: cycles with no way out\n\n| Steps | Share of entrants |\n|---|---:|\n");
    for (size_t t = 0; t < flow->trap_count; t++) {
        strbuf_puts(out, "| ");
        for (size_t k = 0; k < flow->traps[t].step_count; k++) {
            if (k > 0) strbuf_puts(out, ", ");
            md_id(out, flow->steps[flow->traps[t].steps[k]].touchpoint->base.id);
        }
        strbuf_puts(out, " | ");
        flow_emit_percent(out, flow->traps[t].share);
        strbuf_puts(out, " |\n");
    }
}

void flow_emit_md(const jrn_flow_results *report, jrn_strbuf *out)
{
    strbuf_puts(out, "# Customer flow");
    if (report->model->map.base.title != NULL) {
        strbuf_puts(out, ": ");
        md_text(out, report->model->map.base.title);
    }
    strbuf_puts(out, "\n\nShares are of the customers entering each journey; visits and loops are expected counts per entrant.\n");
    for (size_t f = 0; f < report->flow_count; f++) {
        const jrn_journey_flow *flow = &report->flows[f];
        strbuf_putc(out, '\n');
        md_summary(flow, report->has_data, out);
        if (flow->step_count == 0) continue;
        md_losses(flow, out);
        md_ends_and_visits(flow, out);
        md_loops_and_traps(flow, out);
    }
}
