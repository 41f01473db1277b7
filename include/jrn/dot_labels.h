/* dot_labels.h — the texts of the Graphviz picture: HTML-like labels and plain tooltips,
 * each escaped and shortened so any input renders. */
#ifndef JRN_DOT_LABELS_H
#define JRN_DOT_LABELS_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"
#include "jrn/theme.h"

/* What the picture shows, so the legend explains exactly that. */
typedef struct dot_legend {
    const jrn_theme *theme;
    const jrn_journey *const *journeys;   /* the journeys drawn, in model order */
    size_t journey_count;
    bool is_spine;                        /* spine view: an emotion key, no heat map */
    bool has_truth;
    bool has_backstage;
    bool has_journey_loop;
    bool has_stage_loop;
    bool has_kpi_status;                  /* measured data: KPI lines met / missed */
    bool has_flow;                        /* flow view: edge widths */
    bool has_stub;                        /* stage view: touchpoints of other stages */
    bool has_row_stub;                    /* wrapped rows: hops on to or in from another row */
} dot_legend;

/* Labels: the markup between the < > of an HTML-like label (each a <TABLE>). */
void dot_label_title(jrn_strbuf *out, const jrn_model *model, const jrn_emit_options *options);
/* What the view shows, in words, raw (not escaped): "Journey: Public patient", "Canvas:
 * stages across, lanes down"; nothing for the full map. The picture's subtitle. */
void dot_label_view(jrn_strbuf *raw, const jrn_emit_options *options);
/* A warning line under the title: what the picture leaves out (user text allowed). */
void dot_label_title_warning(jrn_strbuf *out, const jrn_theme *theme, const char *text);
/* with_summary: add the count of touchpoints, pains, delights (spine view nodes). */
void dot_label_stage(jrn_strbuf *out, const jrn_theme *theme, const jrn_model *model, const jrn_stage *stage,
                     bool with_summary);
void dot_label_touchpoint(jrn_strbuf *out, const jrn_theme *theme, const jrn_touchpoint *touchpoint);
/* Appends label lines (markup, such as the KPI lines) to a touchpoint's label. */
void dot_label_touchpoint_add_lines(jrn_strbuf *out, const jrn_touchpoint *touchpoint, const char *lines);
/* True when the label draws pain and delight texts on bands of their colours (the node
 * is then filled white). */
bool dot_label_touchpoint_is_banded(const jrn_touchpoint *touchpoint);
void dot_label_empty_stage(jrn_strbuf *out, const jrn_theme *theme);
void dot_label_legend(jrn_strbuf *out, const jrn_model *model, const dot_legend *legend);
void dot_label_note(jrn_strbuf *out, const jrn_theme *theme, const char *text);
/* With measured data: appends to a touchpoint label (align_left false) or a stage label
 * (align_left true) a line per KPI, its actual against the target, coloured met / missed.
 * Returns true when it added a line. */
bool dot_label_kpi_status(jrn_strbuf *out, const jrn_theme *theme, const jrn_actuals *actuals, jrn_kpi *const *kpis,
                          size_t count, bool align_left);

/* What a picture calls an element: its title, or its id when the title is blank. */
const char *dot_label_element_name(const jrn_element *element);
/* Raw (unescaped) "+2 (delighted)" for an emotion value. */
void dot_label_emotion_raw(jrn_strbuf *raw, const jrn_model *model, double value);

/* Plain escString texts: edge labels and tooltips ("\n" between lines). */
void dot_label_hop(jrn_strbuf *out, const jrn_hop *hop);
/* The flow view's edge label: the customers on the hop per entrant (and the observed rate
 * when measured data gave it, observed_rate < 0 when not), then the hop's own label. */
void dot_label_hop_flow(jrn_strbuf *out, const jrn_hop *hop, double flow, double observed_rate);
void dot_label_hop_tooltip(jrn_strbuf *out, const jrn_journey *journey, const jrn_hop *hop);
void dot_label_stage_tooltip(jrn_strbuf *out, const jrn_model *model, const jrn_stage *stage);
void dot_label_touchpoint_tooltip(jrn_strbuf *out, const jrn_model *model,
                                  const jrn_touchpoint *touchpoint);
void dot_label_map_tooltip(jrn_strbuf *out, const jrn_model *model);
/* A short plain text (a title in a tooltip line), escaped and capped. */
void dot_label_plain(jrn_strbuf *out, const char *text);

#endif
