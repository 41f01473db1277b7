/* flow_emit_common.c — what the text, Markdown and JSON renderings of journey flows share:
 * how shares and counts are written, the sentence on declared and observed rates, and the
 * largest-losses-first orders. */
#include "jrn/flow_emit.h"
#include "jrn/memory.h"

#include <stdlib.h>

/* One decimal, but two significant digits below 1%: a funnel that converts 0.06% must not
 * read as 0.0%. */
void flow_emit_percent(jrn_strbuf *out, double share)
{
    double percent = share * 100.0;
    if (!(percent > 1e-9)) strbuf_puts(out, "0.0%");
    else if (percent < 0.995) strbuf_printf(out, "%.2g%%", percent);
    else strbuf_printf(out, "%.1f%%", percent);
}

void flow_emit_count(jrn_strbuf *out, double count)
{
    if (!(count > 1e-12)) strbuf_puts(out, "0.000");
    else if (count < 0.00995) strbuf_printf(out, "%.2g", count);
    else strbuf_printf(out, "%.3f", count);
}

void flow_emit_rates_sentence(const jrn_journey_flow *flow, bool has_data, jrn_strbuf *out)
{
    if (flow->observed_hop_count == 0) {
        strbuf_puts(out, has_data ? "declared (the measured data has no rate for this journey)" : "declared");
        return;
    }
    strbuf_printf(out, "observed for %zu of %zu hop%s (measured data)", flow->observed_hop_count, flow->hop_count,
                  flow->hop_count == 1 ? "" : "s");
    if (flow->observed_hop_count < flow->hop_count) strbuf_puts(out, ", declared for the rest");
}

/* qsort comparators see only the two elements: the values travel with the indexes. */
typedef struct flow_ranked {
    double value;
    size_t index;
} flow_ranked;

static int flow_compare_ranked(const void *left, const void *right)
{
    const flow_ranked *a = left, *b = right;
    if (a->value != b->value) return a->value > b->value ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static size_t *flow_rank(flow_ranked *ranked, size_t count)
{
    qsort(ranked, count, sizeof *ranked, flow_compare_ranked);
    size_t *order = memory_calloc(count, sizeof *order);
    for (size_t i = 0; i < count; i++) order[i] = ranked[i].index;
    free(ranked);
    return order;
}

static flow_ranked *flow_ranked_new(size_t count)
{
    return memory_calloc(count, sizeof(flow_ranked));
}

size_t *flow_emit_losses_order(const jrn_journey_flow *flow, size_t *count)
{
    flow_ranked *ranked = flow_ranked_new(flow->step_count);
    size_t n = 0;
    for (size_t s = 0; s < flow->step_count; s++) {
        if (flow->steps[s].lost > 0) ranked[n++] = (flow_ranked){flow->steps[s].lost, s};
    }
    *count = n;
    return flow_rank(ranked, n);
}

size_t *flow_emit_stage_losses_order(const jrn_journey_flow *flow)
{
    flow_ranked *ranked = flow_ranked_new(flow->stage_loss_count);
    for (size_t i = 0; i < flow->stage_loss_count; i++) ranked[i] = (flow_ranked){flow->stage_losses[i].lost, i};
    return flow_rank(ranked, flow->stage_loss_count);
}

