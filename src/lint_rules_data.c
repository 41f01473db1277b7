/* lint_rules_data.c — rules that hold the map against measured data (--data): KPIs that
 * miss their target (kpi-missed) or have no value (kpi-no-data), and emotions customers
 * report differently from what the map assumes (emotion-gap-internal). Without data they
 * find nothing. */
#include <math.h>

#include "jrn/lint_rules.h"

enum { LINT_EMOTION_GAP_INTERNAL_THRESHOLD = 2 };

static void lint_describe_date(jrn_date date, jrn_strbuf *out)
{
    strbuf_printf(out, "%04d-%02d-%02d", date.year, date.month, date.day);
}

void lint_rule_kpi_missed(jrn_lint_context *context)
{
    const jrn_actuals *actuals = context->options->actuals;
    if (actuals == NULL) return;
    const jrn_model *model = context->model;
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        const jrn_actual *actual = data_kpi_actual(actuals, kpi);
        if (data_kpi_status(kpi, actual) != KPI_STATUS_MISSED) continue;
        jrn_strbuf holder = STRBUF_INIT, detail = STRBUF_INIT;
        lint_describe_kpi_holder(kpi, &holder);
        strbuf_printf(&detail, "%s on ", actual->latest.value.text);
        lint_describe_date(actual->latest.date, &detail);
        if (actual->has_previous) {
            strbuf_printf(&detail, "; %s before, %s", actual->previous.value.text,
                          data_trend_name(data_trend(kpi->metric, actual)));
        }
        jrn_diag *diag = lint_report(context, LINT_KPI_MISSED, kpi->base.id_span,
                                     "KPI '%s' on %s misses its target of %s: %s", kpi->base.id,
                                     strbuf_text(&holder), kpi->target.text, strbuf_text(&detail));
        diag_add_note(context->diags, diag, actual->latest.span, "measured here");
        strbuf_free(&holder);
        strbuf_free(&detail);
    }
}

void lint_rule_kpi_no_data(jrn_lint_context *context)
{
    const jrn_actuals *actuals = context->options->actuals;
    if (actuals == NULL) return;
    const jrn_model *model = context->model;
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        if (data_kpi_actual(actuals, kpi) != NULL) continue;
        jrn_strbuf holder = STRBUF_INIT;
        lint_describe_kpi_holder(kpi, &holder);
        lint_report(context, LINT_KPI_NO_DATA, kpi->base.id_span,
                    "the measured data has no value for KPI '%s' on %s", kpi->base.id, strbuf_text(&holder));
        strbuf_free(&holder);
    }
}

static void lint_check_reported_emotion(jrn_lint_context *context, const jrn_element *element,
                                        bool has_emotion, double emotion)
{
    if (!has_emotion) return;
    const jrn_actual *reported = data_reported_emotion(context->options->actuals, element);
    if (reported == NULL) return;
    double gap = fabs(reported->latest.value.value - emotion);
    if (gap < LINT_EMOTION_GAP_INTERNAL_THRESHOLD) return;
    jrn_strbuf assumed = STRBUF_INIT, measured = STRBUF_INIT;
    lint_describe_emotion(context->model, emotion, &assumed);
    lint_describe_emotion(context->model, reported->latest.value.value, &measured);
    jrn_diag *diag = lint_report(context, LINT_EMOTION_GAP_INTERNAL, element->id_span,
                                 "customers report feeling %s at %s '%s', where the map says %s: "
                                 "a gap of %g points", strbuf_text(&measured), kind_name(element->kind),
                                 element->id, strbuf_text(&assumed), gap);
    diag_add_note(context->diags, diag, reported->latest.span, "reported here");
    strbuf_free(&assumed);
    strbuf_free(&measured);
}

void lint_rule_emotion_gap_internal(jrn_lint_context *context)
{
    if (context->options->actuals == NULL) return;
    const jrn_model *model = context->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        lint_check_reported_emotion(context, &stage->base, stage->has_emotion, stage->emotion);
    }
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        lint_check_reported_emotion(context, &touchpoint->base, touchpoint->has_emotion, touchpoint->emotion);
    }
}
