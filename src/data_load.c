/* data_load.c — reads a CSV file of measured data against the model: the header, then each
 * row's subject, metric, value and date, every mistake located at its cell. */
#include "jrn/data.h"

#include <string.h>
#include <strings.h>

#include "jrn/csv.h"
#include "jrn/data_store.h"
#include "jrn/data_value.h"

/* The columns every file needs, in the order the header normally gives them. */
enum { COLUMN_SUBJECT, COLUMN_METRIC, COLUMN_VALUE, COLUMN_DATE, COLUMN_COUNT };
static const char *const data_column_names[COLUMN_COUNT] = {"subject", "metric", "value", "date"};

typedef struct data_loader {
    jrn_actuals *actuals;
    const jrn_model *model;
    jrn_arena *arena;
    jrn_diag_list *diags;
    jrn_date today;                /* a row dated after it is warned about */
    size_t column[COLUMN_COUNT];   /* field index of each column */
    size_t field_count;            /* fields in the header, and so in every row */
} data_loader;

/* What the metric cell asks for. */
typedef enum data_measure_kind { MEASURE_METRIC, MEASURE_EMOTION, MEASURE_RATE, MEASURE_WAIT } data_measure_kind;

typedef struct data_measure {
    data_measure_kind kind;
    const jrn_metric *metric;            /* MEASURE_METRIC */
    const jrn_touchpoint *from, *to;     /* MEASURE_RATE */
} data_measure;

static size_t data_find_column(const jrn_csv_record *header, const char *name)
{
    for (size_t f = 0; f < header->field_count; f++) {
        if (strcasecmp(header->fields[f].text, name) == 0) return f;
    }
    return SIZE_MAX;
}

/* A header read as one field that another separator would split into the columns: the
 * file is not comma-separated (a European spreadsheet's ';', a tab). Reports it. */
static bool data_wrong_separator(data_loader *loader, const jrn_csv_record *header)
{
    static const char separators[] = {';', '\t', '|'};
    static const char *const separator_names[] = {"';'", "tabs", "'|'"};
    if (header->field_count != 1) return false;
    const char *text = header->fields[0].text;
    for (size_t i = 0; i < sizeof separators; i++) {
        const char *column = strchr(text, separators[i]);
        if (column == NULL) continue;
        size_t first_length = (size_t)(column - text);
        bool names_a_column = false;
        for (size_t c = 0; c < COLUMN_COUNT; c++) {
            if (strlen(data_column_names[c]) == first_length && strncasecmp(text, data_column_names[c], first_length) == 0)
                names_a_column = true;
        }
        if (!names_a_column) continue;
        jrn_diag *diag = diag_error(loader->diags, header->span,
                                    "the file is separated by %s, not commas: measured data is comma-separated (CSV)",
                                    separator_names[i]);
        diag_add_note(loader->diags, diag, span_none(),
                      "export it again with ',' as the field separator (the header reads: subject,metric,value,date)");
        return true;
    }
    return false;
}

/* Finds the four columns; extra columns are allowed and ignored. */
static bool data_read_header(data_loader *loader, const jrn_csv_record *header)
{
    loader->field_count = header->field_count;
    if (data_wrong_separator(loader, header)) return false;
    size_t found = 0;
    for (size_t c = 0; c < COLUMN_COUNT; c++) {
        loader->column[c] = data_find_column(header, data_column_names[c]);
        found += loader->column[c] != SIZE_MAX;
    }
    if (found == 0) {
        jrn_diag *diag = diag_error(loader->diags, header->span, "the first row must be the header");
        diag_add_note(loader->diags, diag, span_none(), "measured data starts with the line: subject,metric,value,date");
        return false;
    }
    bool ok = true;
    for (size_t f = 0; f < header->field_count; f++) {
        for (size_t g = 0; g < f; g++) {
            if (strcasecmp(header->fields[f].text, header->fields[g].text) == 0 && header->fields[f].text[0] != '\0') {
                jrn_diag *diag = diag_error(loader->diags, header->fields[f].span, "column '%s' appears twice in the header",
                                            header->fields[f].text);
                diag_add_note(loader->diags, diag, header->fields[g].span, "first named here");
                ok = false;
                break;
            }
        }
    }
    for (size_t c = 0; c < COLUMN_COUNT; c++) {
        if (loader->column[c] != SIZE_MAX) continue;
        ok = false;
        jrn_suggester suggester;
        suggest_begin(&suggester, data_column_names[c]);
        for (size_t f = 0; f < header->field_count; f++) suggest_consider(&suggester, header->fields[f].text);
        const char *near = suggest_result(&suggester);
        if (near != NULL) {
            size_t f = data_find_column(header, near);
            diag_error(loader->diags, header->fields[f].span, "unknown column '%s' in the header; did you mean '%s'?",
                       near, data_column_names[c]);
        } else {
            jrn_diag *diag = diag_error(loader->diags, header->span, "the header has no '%s' column", data_column_names[c]);
            diag_add_note(loader->diags, diag, span_none(), "measured data starts with the line: subject,metric,value,date");
        }
    }
    return ok;
}

/* The span of part of a field's text: exact for an unquoted field, the whole field when
 * quotes make offsets differ. */
static jrn_span data_sub_span(const jrn_csv_field *field, size_t offset, size_t length)
{
    if (field->span.end - field->span.begin != strlen(field->text)) return field->span;
    return (jrn_span){field->span.source, field->span.begin + (uint32_t)offset,
                      field->span.begin + (uint32_t)(offset + length)};
}

static const char *data_trimmed(jrn_arena *arena, const char *text, size_t length, size_t *offset)
{
    size_t begin = 0;
    while (begin < length && text[begin] == ' ') begin++;
    while (length > begin && text[length - 1] == ' ') length--;
    *offset = begin;
    return arena_strndup(arena, text + begin, length - begin);
}

static const jrn_touchpoint *data_find_touchpoint(data_loader *loader, const jrn_csv_field *field,
                                                  const char *id, size_t offset)
{
    const jrn_element *found = data_find(loader->actuals, KIND_TOUCHPOINT, id);
    if (found != NULL) return (const jrn_touchpoint *)found;
    jrn_span span = data_sub_span(field, offset, strlen(id));
    if (!diag_keeps_next_error(loader->diags)) {
        diag_error(loader->diags, span, "unknown touchpoint '%s'", id);
        return NULL;
    }
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    data_suggest(loader->actuals, KIND_TOUCHPOINT, &suggester);
    const char *near = suggest_result(&suggester);
    if (near != NULL) diag_error(loader->diags, span, "unknown touchpoint '%s'; did you mean '%s'?", id, near);
    else diag_error(loader->diags, span, "unknown touchpoint '%s'", id);
    return NULL;
}

/* "rate:FROM->TO" */
static bool data_read_rate_metric(data_loader *loader, const jrn_csv_field *field, data_measure *measure)
{
    const char *text = field->text;
    const char *arrow = strstr(text + 5, "->");
    if (arrow == NULL) {
        diag_error(loader->diags, field->span, "an observed rate is written rate:FROM->TO, not '%s'", text);
        return false;
    }
    size_t from_offset, to_offset;
    const char *from = data_trimmed(loader->arena, text + 5, (size_t)(arrow - text - 5), &from_offset);
    const char *to = data_trimmed(loader->arena, arrow + 2, strlen(arrow + 2), &to_offset);
    if (from[0] == '\0' || to[0] == '\0') {
        diag_error(loader->diags, field->span, "an observed rate is written rate:FROM->TO, not '%s'", text);
        return false;
    }
    measure->kind = MEASURE_RATE;
    measure->from = data_find_touchpoint(loader, field, from, 5 + from_offset);
    measure->to = data_find_touchpoint(loader, field, to, (size_t)(arrow + 2 - text) + to_offset);
    return measure->from != NULL && measure->to != NULL;
}

static bool data_read_metric(data_loader *loader, const jrn_csv_field *field, data_measure *measure)
{
    const char *text = field->text;
    if (strncmp(text, "rate:", 5) == 0) return data_read_rate_metric(loader, field, measure);
    if (strcmp(text, "emotion") == 0) {
        measure->kind = MEASURE_EMOTION;
        return true;
    }
    const jrn_element *metric = data_find(loader->actuals, KIND_METRIC, text);
    if (metric != NULL) {
        measure->kind = MEASURE_METRIC;
        measure->metric = (const jrn_metric *)metric;
        return true;
    }
    /* after the metrics: a map that declares a metric 'wait' keeps measuring it */
    if (strcmp(text, "wait") == 0) {
        measure->kind = MEASURE_WAIT;
        return true;
    }
    jrn_suggester suggester;
    suggest_begin(&suggester, text);
    data_suggest(loader->actuals, KIND_METRIC, &suggester);
    const char *near = suggest_result(&suggester);
    jrn_diag *diag = near != NULL
        ? diag_error(loader->diags, field->span, "unknown metric '%s'; did you mean '%s'?", text, near)
        : diag_error(loader->diags, field->span, "unknown metric '%s'", text);
    if (near == NULL) {
        diag_add_note(loader->diags, diag, span_none(),
                      "the metric is a metric id, emotion (customer-reported), wait (the measured wait before a "
                      "touchpoint) or rate:FROM->TO (an observed hop rate)");
    }
    return false;
}

static bool data_has_kpi(const jrn_element *subject, const jrn_metric *metric)
{
    jrn_kpi **kpis = NULL;
    size_t count = 0;
    if (subject->kind == KIND_TOUCHPOINT) {
        kpis = ((const jrn_touchpoint *)subject)->kpis;
        count = ((const jrn_touchpoint *)subject)->kpi_count;
    } else if (subject->kind == KIND_STAGE) {
        kpis = ((const jrn_stage *)subject)->kpis;
        count = ((const jrn_stage *)subject)->kpi_count;
    } else if (subject->kind == KIND_JOURNEY) {
        kpis = ((const jrn_journey *)subject)->kpis;
        count = ((const jrn_journey *)subject)->kpi_count;
    }
    for (size_t k = 0; k < count; k++) {
        if (kpis[k]->metric == metric) return true;
    }
    return false;
}

/* The kinds a measure may be taken on, most specific first. */
static size_t data_subject_kinds(data_measure_kind kind, jrn_kind *kinds)
{
    if (kind == MEASURE_EMOTION) {
        kinds[0] = KIND_TOUCHPOINT;
        kinds[1] = KIND_STAGE;
        return 2;
    }
    if (kind == MEASURE_RATE) {
        kinds[0] = KIND_JOURNEY;
        kinds[1] = KIND_TOUCHPOINT;
        return 2;
    }
    if (kind == MEASURE_WAIT) {
        kinds[0] = KIND_TOUCHPOINT;
        return 1;
    }
    kinds[0] = KIND_TOUCHPOINT;
    kinds[1] = KIND_STAGE;
    kinds[2] = KIND_JOURNEY;
    return 3;
}

static const char *data_kinds_text(const jrn_kind *kinds, size_t count)
{
    if (count == 1) return "touchpoint";
    if (count == 2) return kinds[0] == KIND_JOURNEY ? "journey or touchpoint" : "touchpoint or stage";
    return "touchpoint, stage or journey";
}

static const char *data_measure_text(const data_measure *measure)
{
    switch (measure->kind) {
    case MEASURE_EMOTION: return "customer-reported emotion";
    case MEASURE_RATE: return "an observed rate";
    case MEASURE_WAIT: return "a measured wait";
    case MEASURE_METRIC: break;
    }
    return "a metric";
}

/* The closest id among the elements with a KPI on metric: the likeliest meant subject. */
static void data_suggest_kpi_owner(const data_loader *loader, const char *id, const jrn_metric *metric,
                                   const char **near, jrn_kind *near_kind)
{
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    const jrn_model *model = loader->model;
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        if (kpi->metric != metric) continue;
        const jrn_element *owner = kpi->on_stage != NULL ? &kpi->on_stage->base
                                 : kpi->on_touchpoint != NULL ? &kpi->on_touchpoint->base
                                 : &kpi->on_journey->base;
        suggest_consider(&suggester, owner->id);
        if (suggest_result(&suggester) == owner->id) *near_kind = owner->kind;
    }
    *near = suggest_result(&suggester);
}

static void data_report_unknown_subject(data_loader *loader, const char *id, const data_measure *measure,
                                        jrn_span span, const jrn_kind *kinds, size_t kind_count)
{
    if (!diag_keeps_next_error(loader->diags)) {
        diag_error(loader->diags, span, "unknown subject '%s'", id);
        return;
    }
    const char *near = NULL;
    jrn_kind near_kind = kinds[0];
    if (measure->kind == MEASURE_METRIC) data_suggest_kpi_owner(loader, id, measure->metric, &near, &near_kind);
    if (near == NULL) {
        jrn_suggester suggester;
        suggest_begin(&suggester, id);
        for (size_t k = 0; k < kind_count; k++) data_suggest(loader->actuals, kinds[k], &suggester);
        near = suggest_result(&suggester);
        for (size_t k = 0; near != NULL && k < kind_count; k++) {
            if (data_find(loader->actuals, kinds[k], near) != NULL) {
                near_kind = kinds[k];
                break;
            }
        }
    }
    if (near != NULL) {
        diag_error(loader->diags, span, "unknown %s '%s'; did you mean '%s'?", kind_name(near_kind), id, near);
    } else if (kind_count == 1) {
        diag_error(loader->diags, span, "unknown %s '%s'", kind_name(kinds[0]), id);
    } else {
        diag_error(loader->diags, span, "unknown subject '%s': no %s has this id", id, data_kinds_text(kinds, kind_count));
    }
}

/* "touchpoint:ticket" names the kind outright; a bare id is looked up among the kinds the
 * measure allows (a KPI's own element wins when an id names several). */
static const jrn_element *data_read_subject(data_loader *loader, const jrn_csv_field *field,
                                            const data_measure *measure)
{
    jrn_kind kinds[3];
    size_t kind_count = data_subject_kinds(measure->kind, kinds);
    const char *id = field->text;
    size_t offset = 0;
    const char *colon = strchr(id, ':');
    if (colon != NULL) {
        const char *kind_text = arena_strndup(loader->arena, id, (size_t)(colon - id));
        jrn_kind named = KIND_COUNT;
        static const jrn_kind candidates[] = {KIND_TOUCHPOINT, KIND_STAGE, KIND_JOURNEY};
        for (size_t k = 0; k < 3; k++) {
            if (strcmp(kind_text, kind_name(candidates[k])) == 0) named = candidates[k];
        }
        if (named == KIND_COUNT) {
            diag_error(loader->diags, data_sub_span(field, 0, strlen(kind_text)),
                       "unknown kind '%s' in subject '%s': write touchpoint:ID, stage:ID or journey:ID", kind_text, id);
            return NULL;
        }
        bool allowed = false;
        for (size_t k = 0; k < kind_count; k++) allowed |= kinds[k] == named;
        if (!allowed) {
            diag_error(loader->diags, field->span, "%s is measured on a %s, not a %s", data_measure_text(measure),
                       data_kinds_text(kinds, kind_count), kind_name(named));
            return NULL;
        }
        kinds[0] = named;
        kind_count = 1;
        offset = (size_t)(colon - id) + 1;
        id += offset;
    }
    const jrn_element *chosen = NULL;
    for (size_t k = 0; k < kind_count; k++) {
        const jrn_element *found = data_find(loader->actuals, kinds[k], id);
        if (found == NULL) continue;
        if (chosen == NULL) chosen = found;
        if (measure->kind == MEASURE_METRIC && data_has_kpi(found, measure->metric)) return found;
    }
    if (chosen != NULL) return chosen;
    jrn_span span = data_sub_span(field, offset, strlen(id));
    static const jrn_kind other_kinds[] = {KIND_TOUCHPOINT, KIND_STAGE, KIND_JOURNEY};
    for (size_t k = 0; k < 3 && colon == NULL; k++) {
        const jrn_element *found = data_find(loader->actuals, other_kinds[k], id);
        if (found != NULL) {
            diag_error(loader->diags, span, "'%s' is a %s: %s is measured on a %s", id, kind_name(found->kind),
                       data_measure_text(measure), data_kinds_text(kinds, kind_count));
            return NULL;
        }
    }
    data_report_unknown_subject(loader, id, measure, span, kinds, kind_count);
    return NULL;
}

static const char *data_example_of(jrn_quantity_kind kind)
{
    switch (kind) {
    case QUANTITY_NUMBER: return "4.5";
    case QUANTITY_PERCENT: return "85%";
    case QUANTITY_DURATION: return "2d";
    }
    return "";
}

/* Customer-reported emotion: a number on the map's emotion scale, or one of its labels. */
static bool data_read_emotion_value(data_loader *loader, const jrn_csv_field *field, jrn_quantity *value)
{
    const jrn_metric *emotion = loader->model->emotion_metric;
    for (size_t l = 0; emotion != NULL && l < emotion->labels.count; l++) {
        if (strcmp(field->text, emotion->labels.items[l]) == 0) {
            *value = (jrn_quantity){QUANTITY_NUMBER, loader->model->emotion_low + (double)l, {0, DURATION_DAYS}, field->text};
            return true;
        }
    }
    if (!data_parse_quantity(field->text, value) || value->kind != QUANTITY_NUMBER) {
        diag_error(loader->diags, field->span, "emotion '%s' is neither a number on the emotion scale (%g..%g) nor one of its names",
                   field->text, loader->model->emotion_low, loader->model->emotion_high);
        return false;
    }
    if (value->value < loader->model->emotion_low || value->value > loader->model->emotion_high) {
        diag_error(loader->diags, field->span, "emotion %s is outside the emotion scale (%g..%g)", field->text,
                   loader->model->emotion_low, loader->model->emotion_high);
        return false;
    }
    return true;
}

static bool data_read_value(data_loader *loader, const jrn_csv_field *field, const data_measure *measure,
                            jrn_quantity *value)
{
    if (measure->kind == MEASURE_EMOTION) return data_read_emotion_value(loader, field, value);
    if (!data_parse_quantity(field->text, value)) {
        diag_error(loader->diags, field->span,
                   "'%s' is not a value: write a number (4.5), a percentage (85%%) or a duration (2d)", field->text);
        return false;
    }
    if (measure->kind == MEASURE_WAIT) {
        if (value->kind == QUANTITY_DURATION) return true;
        diag_error(loader->diags, field->span, "a wait is a duration such as 12min or 2h, not '%s'", field->text);
        return false;
    }
    if (measure->kind == MEASURE_RATE) {
        if (value->kind != QUANTITY_PERCENT) {
            diag_error(loader->diags, field->span, "a rate is a percentage such as 85%%, not '%s'", field->text);
            return false;
        }
        if (value->value < 0 || value->value > 100) {
            diag_error(loader->diags, field->span, "rate %s is outside 0%%..100%%", field->text);
            return false;
        }
        return true;
    }
    const jrn_metric *metric = measure->metric;
    if (!metric->has_scale) return true;
    jrn_quantity_kind kind = metric->scale.low.kind;
    if (value->kind != kind) {
        diag_error(loader->diags, field->span, "metric '%s' is measured as %s (such as %s), not '%s'", metric->base.id,
                   quantity_kind_phrase(kind), data_example_of(kind), field->text);
        return false;
    }
    if (value->value < metric->scale.low.value || value->value > metric->scale.high.value) {
        diag_error(loader->diags, field->span, "%s is outside the scale of metric '%s' (%s..%s)", field->text,
                   metric->base.id, metric->scale.low.text, metric->scale.high.text);
        return false;
    }
    return true;
}

/* The hop a rate is about: in the subject journey, or (subject = its from-touchpoint) in
 * any journey. */
static const jrn_hop *data_rate_hop(data_loader *loader, const jrn_csv_field *subject_field,
                                    const jrn_csv_field *metric_field, const jrn_element *subject,
                                    const data_measure *measure, const jrn_journey **journey)
{
    *journey = NULL;
    if (subject->kind == KIND_JOURNEY) {
        *journey = (const jrn_journey *)subject;
        const jrn_hop *hop = data_find_hop(loader->actuals, *journey, measure->from, measure->to);
        if (hop == NULL) {
            diag_error(loader->diags, metric_field->span, "journey '%s' has no hop %s -> %s", subject->id,
                       measure->from->base.id, measure->to->base.id);
        }
        return hop;
    }
    if (subject != &measure->from->base) {
        diag_error(loader->diags, subject_field->span,
                   "the subject of rate:%s->%s is a journey, or '%s' for the hop in every journey",
                   measure->from->base.id, measure->to->base.id, measure->from->base.id);
        return NULL;
    }
    for (size_t j = 0; j < loader->model->journey_count; j++) {
        const jrn_hop *hop = data_find_hop(loader->actuals, loader->model->journeys[j], measure->from, measure->to);
        if (hop != NULL) return hop;
    }
    diag_error(loader->diags, metric_field->span, "no journey has a hop %s -> %s", measure->from->base.id,
               measure->to->base.id);
    return NULL;
}

static bool data_cell_present(data_loader *loader, const jrn_csv_field *field, const char *column)
{
    if (field->text[0] != '\0') return true;
    diag_error(loader->diags, field->span, "empty %s", column);
    return false;
}

static void data_file_row(data_loader *loader, const jrn_element *subject, const data_measure *measure,
                          const jrn_hop *hop, const jrn_journey *journey, const jrn_measurement *measurement,
                          const jrn_csv_field *subject_field)
{
    switch (measure->kind) {
    case MEASURE_EMOTION:
        data_record_emotion(loader->actuals, subject, measurement);
        break;
    case MEASURE_RATE:
        data_record_rate(loader->actuals, journey, hop, measurement);
        break;
    case MEASURE_WAIT:
        data_record_wait(loader->actuals, (const jrn_touchpoint *)subject, measurement);
        break;
    case MEASURE_METRIC:
        if (!data_has_kpi(subject, measure->metric)) {
            diag_report(loader->diags, SEVERITY_NOTE, NULL, subject_field->span,
                        "%s '%s' has no kpi %s: the value has no target to meet", kind_name(subject->kind), subject->id,
                        measure->metric->base.id);
        }
        data_record_metric(loader->actuals, subject, measure->metric, measurement);
        break;
    }
}

static void data_read_row(data_loader *loader, const jrn_csv_record *row)
{
    if (row->field_count != loader->field_count) {
        diag_error(loader->diags, row->span, "this row has %zu field%s; the header has %zu", row->field_count,
                   row->field_count == 1 ? "" : "s", loader->field_count);
        return;
    }
    const jrn_csv_field *subject_field = &row->fields[loader->column[COLUMN_SUBJECT]];
    const jrn_csv_field *metric_field = &row->fields[loader->column[COLUMN_METRIC]];
    const jrn_csv_field *value_field = &row->fields[loader->column[COLUMN_VALUE]];
    const jrn_csv_field *date_field = &row->fields[loader->column[COLUMN_DATE]];
    jrn_measurement measurement = {.span = row->span, .value_span = value_field->span};
    bool ok = true;
    if (data_cell_present(loader, date_field, "date")) {
        const char *problem;
        if (!data_parse_date(loader->arena, date_field->text, &measurement.date, &problem)) {
            diag_error(loader->diags, date_field->span, "%s", problem);
            ok = false;
        } else if (date_compare(measurement.date, loader->today) > 0) {
            jrn_diag *diag = diag_report(loader->diags, SEVERITY_WARNING, NULL, date_field->span, "%s is after today (%04d-%02d-%02d)",
                                          date_field->text, loader->today.year, loader->today.month,
                                          loader->today.day);
            diag_add_note(loader->diags, diag, span_none(),
                          "a value measured in the future is a typing mistake, or pass --today DATE");
        }
    } else {
        ok = false;
    }
    data_measure measure = {0};
    if (!data_cell_present(loader, metric_field, "metric") || !data_read_metric(loader, metric_field, &measure)) {
        return;
    }
    if (data_cell_present(loader, value_field, "value")) {
        ok &= data_read_value(loader, value_field, &measure, &measurement.value);
    } else {
        ok = false;
    }
    if (!data_cell_present(loader, subject_field, "subject")) return;
    const jrn_element *subject = data_read_subject(loader, subject_field, &measure);
    if (subject == NULL) return;
    const jrn_hop *hop = NULL;
    const jrn_journey *journey = NULL;
    if (measure.kind == MEASURE_RATE) {
        hop = data_rate_hop(loader, subject_field, metric_field, subject, &measure, &journey);
        if (hop == NULL) return;
    }
    if (ok) data_file_row(loader, subject, &measure, hop, journey, &measurement, subject_field);
}

void data_load_source(jrn_actuals *actuals, const jrn_source *source, jrn_date today, jrn_diag_list *diags)
{
    data_loader loader = {actuals, data_model(actuals), data_arena(actuals), diags, today, {0}, 0};
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(source, &reason);
    if (invalid != UINT32_MAX) {
        diag_error(diags, (jrn_span){source, invalid, invalid + 1}, "%s", reason);
        return;
    }
    size_t record_count;
    jrn_csv_record *records = csv_read(loader.arena, source, diags, &record_count);
    if (record_count == 0) {
        if (diags->error_count == 0 || source->length == 0) {
            jrn_diag *diag = diag_error(diags, (jrn_span){source, 0, 0}, "no header: the file holds no rows");
            diag_add_note(diags, diag, span_none(), "measured data starts with the line: subject,metric,value,date");
        }
        return;
    }
    if (!data_read_header(&loader, &records[0])) return;
    for (size_t r = 1; r < record_count; r++) data_read_row(&loader, &records[r]);
}

jrn_data_status data_load_files(jrn_actuals *actuals, const char *const *paths, size_t count, jrn_date today,
                                jrn_diag_list *diags)
{
    for (size_t i = 0; i < count; i++) {
        jrn_load_status status;
        const char *error_text;
        const jrn_source *source = source_load(data_arena(actuals), paths[i], &status, &error_text);
        if (source == NULL) {
            diag_error(diags, span_none(), "cannot read '%s': %s", paths[i], error_text);
            return DATA_UNREADABLE;
        }
        data_load_source(actuals, source, today, diags);
    }
    data_check_one_value_per_date(actuals, diags);
    return DATA_LOADED;
}

const jrn_actuals *data_load_usable(jrn_arena *arena, const jrn_model *model, const char *const *paths,
                                    size_t count, jrn_date today, jrn_diag_list *diags, bool *unreadable)
{
    *unreadable = false;
    if (count == 0) return NULL;
    jrn_actuals *actuals = data_new(arena, model);
    size_t errors_before = diags->error_count;
    *unreadable = data_load_files(actuals, paths, count, today, diags) == DATA_UNREADABLE;
    return !*unreadable && diags->error_count == errors_before ? actuals : NULL;
}
