/* lint_rules_touchpoints.c — rules about single touchpoints and KPIs: inconsistent heat
 * (mixed-experience), and KPIs nobody can act on (kpi-without-target). */
#include "jrn/lint_rules.h"

void lint_rule_mixed_experience(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        if (!touchpoint->is_pain || !touchpoint->is_delight) continue;
        lint_report(context, LINT_MIXED_EXPERIENCE, touchpoint->base.id_span,
                    "touchpoint '%s' is both a pain point and a moment of delight: an "
                    "inconsistent experience", touchpoint->base.id);
    }
}

void lint_describe_kpi_holder(const jrn_kpi *kpi, jrn_strbuf *out)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: strbuf_printf(out, "stage '%s'", kpi->on_stage->base.id); break;
    case KPI_ON_TOUCHPOINT: strbuf_printf(out, "touchpoint '%s'", kpi->on_touchpoint->base.id); break;
    case KPI_ON_JOURNEY: strbuf_printf(out, "journey '%s'", kpi->on_journey->base.id); break;
    }
}

void lint_rule_kpi_without_target(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        bool has_frequency = kpi->every != FREQUENCY_UNSET;
        if (kpi->has_target && has_frequency) continue;
        const char *missing = !kpi->has_target && !has_frequency
                                  ? "neither a target nor a collection frequency ('every:')"
                              : !kpi->has_target ? "no target"
                                                 : "no collection frequency ('every:')";
        jrn_strbuf holder = STRBUF_INIT;
        lint_describe_kpi_holder(kpi, &holder);
        lint_report(context, LINT_KPI_WITHOUT_TARGET, kpi->base.id_span, "KPI '%s' on %s has %s",
                    kpi->base.id, strbuf_text(&holder), missing);
        strbuf_free(&holder);
    }
}
