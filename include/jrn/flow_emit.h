/* flow_emit.h — renders computed journey flows as a text table, Markdown or JSON. */
#ifndef JRN_FLOW_EMIT_H
#define JRN_FLOW_EMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/flow.h"
#include "jrn/strbuf.h"

typedef struct jrn_flow_results {
    const jrn_model *model;
    const jrn_journey_flow *flows;
    size_t flow_count;
    bool has_data;               /* --data was given: say whether observed rates were used */
} jrn_flow_results;

void flow_emit_text(const jrn_flow_results *report, jrn_strbuf *out);
void flow_emit_md(const jrn_flow_results *report, jrn_strbuf *out);
void flow_emit_json(const jrn_flow_results *report, jrn_strbuf *out);

/* Shared by the renderers. */

/* Indexes of the steps where customers are lost (a share above 0), largest loss first,
 * then in step order. The caller frees the array. */
size_t *flow_emit_losses_order(const jrn_journey_flow *flow, size_t *count);
/* Indexes of stage_losses, largest first, then in spine order. The caller frees it. */
size_t *flow_emit_stage_losses_order(const jrn_journey_flow *flow);
/* "declared", or "observed for 2 of 5 hops (measured data), declared for the rest". */
void flow_emit_rates_sentence(const jrn_journey_flow *flow, bool has_data, jrn_strbuf *out);
/* A share as a percentage: "53.3%", "0.061%". */
void flow_emit_percent(jrn_strbuf *out, double share);
/* An expected count: "1.067", "0.0042". */
void flow_emit_count(jrn_strbuf *out, double count);

#endif
