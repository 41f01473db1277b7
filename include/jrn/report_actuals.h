/* report_actuals.h — how the reports write measured data (--data): a KPI's actual, its
 * status against the target and its trend, and the emotion customers report. */
#ifndef JRN_REPORT_ACTUALS_H
#define JRN_REPORT_ACTUALS_H

#include "jrn/arena.h"
#include "jrn/data.h"
#include "jrn/model.h"

/* Where one KPI stands in the data. */
typedef struct report_kpi_actual {
    const jrn_actual *actual;    /* NULL: nothing measured */
    jrn_kpi_status status;
    jrn_trend trend;
} report_kpi_actual;

report_kpi_actual report_kpi_actual_of(const jrn_actuals *actuals, const jrn_kpi *kpi);
/* "4.3 on 2026-03-31", or NULL when nothing was measured. */
const char *report_actual_text(jrn_arena *arena, const report_kpi_actual *kpi_actual);
/* "✓ met", "✗ missed", "no target", "no data". */
const char *report_status_text(jrn_kpi_status status);
/* "better than 4.1 on 2026-02-28", or NULL without a previous value. */
const char *report_trend_text(jrn_arena *arena, const report_kpi_actual *kpi_actual);
/* "-2 frustrated on 2026-03-31": an emotion customers report. */
const char *report_reported_emotion_text(jrn_arena *arena, const jrn_model *model,
                                         const jrn_actual *reported);
/* Counts of the KPIs by status, for a summary line: "2 met, 1 missed, 1 without data". */
const char *report_kpi_summary(jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals);

#endif
