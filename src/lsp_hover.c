/* lsp_hover.c — textDocument/hover: what the name under the cursor declares, in Markdown:
 * its kind and title, and for a touchpoint its stage, emotion now and the stage's aim,
 * pain / delight / truth, effort, owner and KPIs (with --data, each one's actual); for a
 * journey its completion as `jrnc flow` computes it (with measured rates). User text goes through the one Markdown escaper. */
#include "jrn/lsp.h"

#include "jrn/flow.h"
#include "jrn/report_actuals.h"
#include "jrn/report_format.h"

/* "- **name:** value" with value escaped. */
static void lsp_hover_line(jrn_strbuf *out, const char *name, const char *value)
{
    if (value == NULL || value[0] == '\0') return;
    strbuf_printf(out, "\n- **%s:** ", name);
    report_put_md(out, value);
}

static const char *lsp_label_of(const jrn_element *element)
{
    return element != NULL ? element_label(element) : NULL;
}

/* Each KPI with its target and, with --data, its actual and status. */
static void lsp_hover_kpis(jrn_strbuf *out, jrn_arena *arena, const jrn_actuals *actuals, jrn_kpi *const *kpis,
                           size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const jrn_kpi *kpi = kpis[i];
        const char *line = arena_printf(arena, "%s (%s)", element_label(&kpi->metric->base),
                                        kpi->has_target ? arena_printf(arena, "target %s", kpi->target.text) : "no target");
        if (actuals != NULL) {
            report_kpi_actual actual = report_kpi_actual_of(actuals, kpi);
            const char *measured = report_actual_text(arena, &actual);
            line = arena_printf(arena, "%s: %s%s%s", line, measured != NULL ? measured : "no data",
                                measured != NULL ? ", " : "", measured != NULL ? report_status_text(actual.status) : "");
        }
        lsp_hover_line(out, "KPI", line);
    }
}

/* Customers' own words (the first, and how many more) and where the evidence comes from. */
static void lsp_hover_evidence(jrn_strbuf *out, jrn_arena *arena, const jrn_text_list *quotes,
                               const jrn_text_list *sources)
{
    if (quotes->count > 0) {
        const char *first = arena_printf(arena, "“%s”", quotes->items[0]);
        lsp_hover_line(out, "quote", quotes->count == 1 ? first
                                                      : arena_printf(arena, "%s (and %zu more)", first, quotes->count - 1));
    }
    if (sources->count > 0) lsp_hover_line(out, "source", report_join_texts(arena, sources, "; "));
}

static void lsp_hover_touchpoint(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model,
                                 const jrn_actuals *actuals, const jrn_touchpoint *touchpoint)
{
    const jrn_stage *stage = touchpoint->stage;
    lsp_hover_line(out, "stage", stage != NULL ? element_label(&stage->base) : NULL);
    if (touchpoint->has_emotion) {
        const char *now = report_emotion_text(arena, model, touchpoint->emotion);
        const char *aim = stage != NULL && stage->has_aspiration
            ? report_emotion_text(arena, model, stage->aspiration) : NULL;
        lsp_hover_line(out, "emotion", aim != NULL ? arena_printf(arena, "%s → aim %s", now, aim) : now);
    }
    if (touchpoint->is_pain) lsp_hover_line(out, "pain", touchpoint->pain != NULL ? touchpoint->pain : "yes");
    if (touchpoint->is_delight) lsp_hover_line(out, "delight", touchpoint->delight != NULL ? touchpoint->delight : "yes");
    if (touchpoint->is_truth) lsp_hover_line(out, "moment of truth", touchpoint->truth != NULL ? touchpoint->truth : "yes");
    if (touchpoint->effort > 0) lsp_hover_line(out, "effort", arena_printf(arena, "%d of 5", touchpoint->effort));
    lsp_hover_line(out, "owner", lsp_label_of(touchpoint->owner != NULL ? &touchpoint->owner->base : NULL));
    lsp_hover_line(out, "channels", report_join_channels(arena, touchpoint->channels, touchpoint->channel_count, ", "));
    lsp_hover_line(out, "personas", report_join_personas(arena, touchpoint->personas, touchpoint->persona_count, ", "));
    if (touchpoint->is_backstage) lsp_hover_line(out, "backstage", "yes");
    lsp_hover_evidence(out, arena, &touchpoint->notes->quotes, &touchpoint->notes->sources);
    lsp_hover_kpis(out, arena, actuals, touchpoint->kpis, touchpoint->kpi_count);
}

static void lsp_hover_stage(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals,
                            const jrn_stage *stage)
{
    lsp_hover_line(out, "within", stage->parent != NULL ? element_label(&stage->parent->base) : NULL);
    lsp_hover_line(out, "goal", stage->goal);
    lsp_hover_line(out, "description", stage->description);
    lsp_hover_line(out, "owner", lsp_label_of(stage->owner != NULL ? &stage->owner->base : NULL));
    if (stage->has_emotion) lsp_hover_line(out, "emotion", report_emotion_text(arena, model, stage->emotion));
    if (stage->has_aspiration) lsp_hover_line(out, "aim", report_emotion_text(arena, model, stage->aspiration));
    lsp_hover_line(out, "pain", stage->pain);
    lsp_hover_line(out, "delight", stage->delight);
    lsp_hover_evidence(out, arena, &stage->quotes, &stage->sources);
    lsp_hover_line(out, "touchpoints", arena_printf(arena, "%zu", stage->touchpoint_count));
    lsp_hover_kpis(out, arena, actuals, stage->kpis, stage->kpi_count);
}

/* The journey's completion, from the same Markov chain `jrnc flow` solves (only for a map
 * without errors: the chain needs every hop resolved). */
static void lsp_hover_journey(jrn_strbuf *out, jrn_arena *arena, const jrn_compilation *analysis,
                              const jrn_actuals *actuals, const jrn_journey *journey)
{
    lsp_hover_line(out, "for", report_join_personas(arena, journey->personas, journey->persona_count, ", "));
    lsp_hover_line(out, "goal", journey->goal);
    lsp_hover_line(out, "steps", arena_printf(arena, "%zu, %zu hops", journey->step_count, journey->hop_count));
    if (analysis->model != NULL && journey->step_count > 0) {
        jrn_diag_list scratch;
        diag_list_init(&scratch, arena);
        jrn_journey_flow flow;
        if (flow_journey(arena, analysis->model, journey, actuals, &scratch, &flow)) {
            lsp_hover_line(out, "completion", arena_printf(arena, "%s complete, %s lost (jrnc flow)",
                                                           report_rate_text(arena, flow.completion),
                                                           report_rate_text(arena, flow.lost)));
        }
    }
    lsp_hover_kpis(out, arena, actuals, journey->kpis, journey->kpi_count);
}

static void lsp_hover_details(jrn_strbuf *out, jrn_arena *arena, const lsp_document *document,
                              const jrn_model *model, const jrn_element *element)
{
    const jrn_actuals *actuals = document->actuals;
    switch (element->kind) {
    case KIND_TOUCHPOINT: lsp_hover_touchpoint(out, arena, model, actuals, (const jrn_touchpoint *)element); break;
    case KIND_STAGE: lsp_hover_stage(out, arena, model, actuals, (const jrn_stage *)element); break;
    case KIND_JOURNEY: lsp_hover_journey(out, arena, document->analysis, actuals, (const jrn_journey *)element); break;
    case KIND_PERSONA: {
        const jrn_persona *persona = (const jrn_persona *)element;
        lsp_hover_line(out, "role", persona->role);
        lsp_hover_line(out, "segments", report_join_segments(arena, persona->segments, persona->segment_count, ", "));
        break;
    }
    case KIND_CHANNEL: lsp_hover_line(out, "kind", channel_kind_name(((const jrn_channel *)element)->channel_kind)); break;
    case KIND_TEAM: lsp_hover_line(out, "lead", ((const jrn_team *)element)->lead); break;
    case KIND_METRIC: {
        const jrn_metric *metric = (const jrn_metric *)element;
        if (metric->has_scale) {
            lsp_hover_line(out, "scale", arena_printf(arena, "%s..%s", metric->scale.low.text, metric->scale.high.text));
        }
        lsp_hover_line(out, "better", better_name(metric->better));
        lsp_hover_line(out, "unit", metric->unit);
        break;
    }
    case KIND_SEGMENT: lsp_hover_line(out, "size", ((const jrn_segment *)element)->size); break;
    default: break;
    }
}

json_t *lsp_hover(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    uint32_t current_offset, offset;
    if (document == NULL || !lsp_params_offset(server, document, params, &current_offset, error)) return NULL;
    lsp_basis basis;
    lsp_basis_get(server, document, &basis);
    const jrn_model *model = basis.model;
    if (model == NULL || !lsp_basis_offset(&basis, current_offset, &offset)) return json_null();
    jrn_span span;
    const jrn_element *element = lsp_element_at(model, basis.root, offset, &span);
    if (element == NULL || !lsp_basis_span(&basis, span, &span)) return json_null();
    jrn_arena *arena = arena_new();
    jrn_strbuf text = STRBUF_INIT;
    strbuf_printf(&text, "**%s** `%s`", kind_name(element->kind), element->id != NULL ? element->id : "");
    if (element->title != NULL) {
        strbuf_puts(&text, " — ");
        report_put_md(&text, element->title);
    }
    lsp_hover_details(&text, arena, document, model, element);
    json_t *hover = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value", lsp_string(strbuf_text(&text)),
                              "range", lsp_range_json(span, server->encoding));
    strbuf_free(&text);
    arena_free(arena);
    return hover;
}
