/* data.h — the living map: measured data read from CSV files (subject,metric,value,date)
 * against the model — actual KPI values, customer-reported emotion, observed hop rates. */
#ifndef JRN_DATA_H
#define JRN_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/model.h"

/* One value as measured: a row of a CSV file. */
typedef struct jrn_measurement {
    jrn_quantity value;      /* in the metric's kind; a rate is a PERCENT (85 for 85%) */
    jrn_date date;
    jrn_span span;           /* the row, for findings about it */
    jrn_span value_span;     /* the value cell */
} jrn_measurement;

/* What the data says about one subject and metric: the latest value is the actual, the one
 * before it gives the trend. Among equal dates the later row counts as newer. */
typedef struct jrn_actual {
    jrn_measurement latest;
    bool has_previous;
    jrn_measurement previous;
} jrn_actual;

typedef struct jrn_actuals jrn_actuals;

/* An empty set of measurements for model, allocated in arena. */
jrn_actuals *data_new(jrn_arena *arena, const jrn_model *model);

typedef enum jrn_data_status {
    DATA_LOADED,             /* read; errors in its rows (if any) are in diags */
    DATA_UNREADABLE,         /* a file could not be read: diags says which and why */
} jrn_data_status;

/* Reads CSV files ("-" = standard input), in order, into actuals, then checks them as a
 * whole: one value per subject, metric and date (a second is an error naming the first).
 * Every mistake is reported into diags at its place in its file; rows with errors are
 * skipped; a row dated after today is a warning. Stops at a file it cannot read. */
jrn_data_status data_load_files(jrn_actuals *actuals, const char *const *paths, size_t count, jrn_date today,
                                jrn_diag_list *diags);
/* data_load_files into a new set of measurements for model (in arena), kept only when the
 * data brought no error: nothing is concluded from a file that failed. NULL when count is 0,
 * when the data has errors, or when a file cannot be read (*unreadable set then). */
const jrn_actuals *data_load_usable(jrn_arena *arena, const jrn_model *model, const char *const *paths,
                                    size_t count, jrn_date today, jrn_diag_list *diags, bool *unreadable);
/* One source already in memory, without the whole-data check (fuzzing, tests). */
void data_load_source(jrn_actuals *actuals, const jrn_source *source, jrn_date today, jrn_diag_list *diags);
/* The whole-data check data_load_files ends with. */
void data_check_one_value_per_date(jrn_actuals *actuals, jrn_diag_list *diags);

/* Number of rows taken in (for "measured data: N values"). */
size_t data_row_count(const jrn_actuals *actuals);

/* The actual of a KPI: the metric measured on the KPI's stage, touchpoint or journey. */
const jrn_actual *data_kpi_actual(const jrn_actuals *actuals, const jrn_kpi *kpi);
/* The measured wait before a touchpoint (metric `wait`, a duration), or NULL. */
const jrn_actual *data_measured_wait(const jrn_actuals *actuals, const jrn_touchpoint *touchpoint);
/* Customer-reported emotion (metric `emotion`) of a touchpoint or stage. */
const jrn_actual *data_reported_emotion(const jrn_actuals *actuals, const jrn_element *element);
/* The observed rate of a hop (`rate:FROM->TO`), measured for this journey (subject: the
 * journey) or for every journey (subject: the hop's from-touchpoint): the newer of the two,
 * the journey's own on the same date; NULL when there is none. journey may be NULL to ask
 * only for the latter. The value is a PERCENT. */
const jrn_actual *data_observed_rate(const jrn_actuals *actuals, const jrn_journey *journey,
                                     const jrn_hop *hop);

/* Where a KPI stands against its target. */
typedef enum jrn_kpi_status {
    KPI_STATUS_NO_DATA,      /* nothing measured */
    KPI_STATUS_NO_TARGET,    /* measured, but the KPI sets no target */
    KPI_STATUS_MET,
    KPI_STATUS_MISSED,
} jrn_kpi_status;

/* Which way the latest value moved from the previous one, judged by the metric's better:
 * (higher when the metric does not say). */
typedef enum jrn_trend {
    TREND_NONE,              /* a single value: no trend */
    TREND_BETTER,
    TREND_WORSE,
    TREND_STEADY,
} jrn_trend;

jrn_kpi_status data_kpi_status(const jrn_kpi *kpi, const jrn_actual *actual);
jrn_trend data_trend(const jrn_metric *metric, const jrn_actual *actual);
const char *data_kpi_status_name(jrn_kpi_status status);   /* "no data", "no target", "met", "missed" */
const char *data_trend_name(jrn_trend trend);              /* "", "better", "worse", "steady" */
/* Which way the value itself moved, for tables and node labels: "↑", "↓", "→", or "" with
 * no previous value. */
const char *data_change_arrow(const jrn_actual *actual);

#endif
