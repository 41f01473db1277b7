/* report_actuals.c — the texts every report uses for measured data: actual against target,
 * met or missed, the trend since the previous value, the emotion customers report. */
#include "jrn/report_actuals.h"

#include "jrn/report_format.h"

report_kpi_actual report_kpi_actual_of(const jrn_actuals *actuals, const jrn_kpi *kpi)
{
    report_kpi_actual result = {NULL, KPI_STATUS_NO_DATA, TREND_NONE};
    if (actuals == NULL) return result;
    result.actual = data_kpi_actual(actuals, kpi);
    result.status = data_kpi_status(kpi, result.actual);
    result.trend = data_trend(kpi->metric, result.actual);
    return result;
}

const char *report_actual_text(jrn_arena *arena, const report_kpi_actual *kpi_actual)
{
    if (kpi_actual->actual == NULL) return NULL;
    const jrn_measurement *latest = &kpi_actual->actual->latest;
    return arena_printf(arena, "%s on %s", latest->value.text, report_date_text(arena, latest->date));
}

const char *report_status_text(jrn_kpi_status status)
{
    switch (status) {
    case KPI_STATUS_MET: return "\xE2\x9C\x93 met";
    case KPI_STATUS_MISSED: return "\xE2\x9C\x97 missed";
    case KPI_STATUS_NO_TARGET: return "no target";
    case KPI_STATUS_NO_DATA: break;
    }
    return "no data";
}

const char *report_trend_text(jrn_arena *arena, const report_kpi_actual *kpi_actual)
{
    if (kpi_actual->trend == TREND_NONE) return NULL;
    const jrn_measurement *previous = &kpi_actual->actual->previous;
    const char *relation = kpi_actual->trend == TREND_STEADY ? "steady at" : kpi_actual->trend == TREND_BETTER
                                                                              ? "better than" : "worse than";
    return arena_printf(arena, "%s %s on %s", relation, previous->value.text,
                        report_date_text(arena, previous->date));
}

const char *report_reported_emotion_text(jrn_arena *arena, const jrn_model *model, const jrn_actual *reported)
{
    return arena_printf(arena, "%s on %s", report_emotion_text(arena, model, reported->latest.value.value),
                        report_date_text(arena, reported->latest.date));
}

const char *report_kpi_summary(jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals)
{
    size_t counts[KPI_STATUS_MISSED + 1] = {0};
    for (size_t k = 0; k < model->kpi_count; k++) counts[report_kpi_actual_of(actuals, model->kpis[k]).status]++;
    jrn_strbuf text = STRBUF_INIT;
    strbuf_printf(&text, "%zu met, %zu missed", counts[KPI_STATUS_MET], counts[KPI_STATUS_MISSED]);
    if (counts[KPI_STATUS_NO_TARGET] > 0) strbuf_printf(&text, ", %zu without a target", counts[KPI_STATUS_NO_TARGET]);
    if (counts[KPI_STATUS_NO_DATA] > 0) strbuf_printf(&text, ", %zu without data", counts[KPI_STATUS_NO_DATA]);
    const char *summary = arena_strdup(arena, strbuf_text(&text));
    strbuf_free(&text);
    return summary;
}
