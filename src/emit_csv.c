/* emit_csv.c — `-f csv`: the touchpoint inventory, one RFC 4180 record per touchpoint
 * (stage by stage along the spine) under a header row, for spreadsheets. */
#include "jrn/emit.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/report_actuals.h"
#include "jrn/report_facts.h"
#include "jrn/report_format.h"

static const char *const csv_columns[] = {
    "stage_id", "stage", "touchpoint_id", "touchpoint", "channels", "personas", "owner",
    "owner_inherited", "contact", "emotion", "emotion_label", "effort", "pain", "pain_text",
    "delight", "delight_text", "moment_of_truth", "truth_text", "backstage", "trigger",
    "opportunities", "does", "thinks", "feels", "quotes", "sources", "lane", "evidence", "fail_point", "wait", "serves",
    "kpis", "file", "line", "column",
};

/* True when a spreadsheet would read the cell as a formula (OWASP's list: it starts with
 * =, +, -, @, a tab or a carriage return) and it is not a plain number such as -1. */
static bool csv_reads_as_formula(const char *text)
{
    if (strchr("=+-@\t\r", text[0]) == NULL || text[0] == '\0') return false;
    if (text[0] == '-' || text[0] == '+') {
        char *end;
        strtod(text, &end);
        bool plain_number = end != text && *end == '\0' && strpbrk(text, "xXnN") == NULL;
        return !plain_number;
    }
    return true;
}

/* Quotes a field only when it must be: it holds a quote, a comma or a line break. A cell
 * a spreadsheet would run as a formula gets a leading ' so it stays text. */
static void csv_field(jrn_strbuf *out, bool first, const char *text)
{
    if (!first) strbuf_putc(out, ',');
    if (text == NULL) return;
    const char *neutraliser = csv_reads_as_formula(text) ? "'" : "";
    if (strpbrk(text, "\",\r\n") == NULL) {
        strbuf_puts(out, neutraliser);
        strbuf_puts(out, text);
        return;
    }
    strbuf_putc(out, '"');
    strbuf_puts(out, neutraliser);
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"') strbuf_putc(out, '"');
        strbuf_putc(out, *p);
    }
    strbuf_putc(out, '"');
}

static void csv_end_record(jrn_strbuf *out)
{
    strbuf_puts(out, "\r\n");
}

static const char *csv_yes_no(bool value)
{
    return value ? "yes" : "no";
}

/* The x_* names used on any touchpoint, in order of first use: one extra column each. */
static const char **csv_extension_columns(jrn_arena *arena, const jrn_model *model, size_t *count)
{
    size_t capacity = 0;
    for (size_t t = 0; t < model->touchpoint_count; t++)
        for (const jrn_extension *e = model->touchpoints[t]->base.extensions; e; e = e->next) capacity++;
    const char **names = arena_alloc_array(arena, capacity + 1, sizeof *names);
    *count = 0;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        for (const jrn_extension *e = model->touchpoints[t]->base.extensions; e; e = e->next) {
            bool known = false;
            for (size_t n = 0; n < *count && !known; n++) known = strcmp(names[n], e->name) == 0;
            if (!known) names[(*count)++] = e->name;
        }
    }
    return names;
}

static const char *csv_extension_text(jrn_arena *arena, const jrn_element *element, const char *name)
{
    jrn_strbuf text = STRBUF_INIT;
    for (const jrn_extension *e = element->extensions; e != NULL; e = e->next) {
        if (strcmp(e->name, name) != 0) continue;
        for (const jrn_value *value = e->values; value != NULL; value = value->next) {
            if (text.length > 0) strbuf_puts(&text, "; ");
            strbuf_puts(&text, value->kind == VALUE_NUMBER ? number_text(arena, value->number)
                                                           : value->text);
        }
    }
    const char *result = arena_strdup(arena, strbuf_text(&text));
    strbuf_free(&text);
    return result;
}

/* "Course completion rate: target 80%, quarterly" for each KPI, joined by "; ". */
static const char *csv_kpis_text(jrn_arena *arena, const jrn_touchpoint *touchpoint)
{
    jrn_strbuf text = STRBUF_INIT;
    for (size_t k = 0; k < touchpoint->kpi_count; k++) {
        const jrn_kpi *kpi = touchpoint->kpis[k];
        if (k > 0) strbuf_puts(&text, "; ");
        strbuf_puts(&text, element_label(&kpi->metric->base));
        if (kpi->has_target) strbuf_printf(&text, ": target %s", kpi->target.text);
        if (kpi->every != FREQUENCY_UNSET)
            strbuf_printf(&text, "%s%s", kpi->has_target ? ", " : ": ", frequency_name(kpi->every));
    }
    const char *result = arena_strdup(arena, strbuf_text(&text));
    strbuf_free(&text);
    return result;
}

/* With measured data, after the extension columns (so the fixed ones keep their places). */
static const char *const csv_data_columns[] = {
    "kpi_actuals", "kpis_missed", "reported_emotion", "reported_emotion_label", "reported_on",
};

/* "Customer satisfaction: 4.0 on 2026-03-31, missed, worse than 4.4 on 2026-02-28" per KPI. */
static void csv_data_fields(jrn_arena *arena, jrn_strbuf *out, const jrn_model *model,
                            const jrn_actuals *actuals, const jrn_touchpoint *touchpoint)
{
    jrn_strbuf text = STRBUF_INIT;
    size_t missed = 0;
    for (size_t k = 0; k < touchpoint->kpi_count; k++) {
        report_kpi_actual actual = report_kpi_actual_of(actuals, touchpoint->kpis[k]);
        const char *measured = report_actual_text(arena, &actual);
        const char *trend = report_trend_text(arena, &actual);
        if (k > 0) strbuf_puts(&text, "; ");
        strbuf_printf(&text, "%s: ", element_label(&touchpoint->kpis[k]->metric->base));
        if (measured != NULL) strbuf_printf(&text, "%s, ", measured);
        strbuf_puts(&text, data_kpi_status_name(actual.status));
        if (trend != NULL) strbuf_printf(&text, ", %s", trend);
        missed += actual.status == KPI_STATUS_MISSED;
    }
    csv_field(out, false, strbuf_text(&text));
    strbuf_free(&text);
    csv_field(out, false, arena_printf(arena, "%zu", missed));
    const jrn_actual *reported = data_reported_emotion(actuals, &touchpoint->base);
    double value = reported != NULL ? reported->latest.value.value : 0;
    csv_field(out, false, reported != NULL ? number_text(arena, value) : NULL);
    csv_field(out, false, reported != NULL ? model_emotion_label(model, value) : NULL);
    csv_field(out, false, reported != NULL ? report_date_text(arena, reported->latest.date) : NULL);
}

static void csv_location(jrn_arena *arena, jrn_strbuf *out, jrn_span span)
{
    if (span.source == NULL) {
        csv_field(out, false, NULL);
        csv_field(out, false, NULL);
        csv_field(out, false, NULL);
        return;
    }
    jrn_position position = source_position(span.source, span.begin);
    csv_field(out, false, span.source->display_name);
    csv_field(out, false, arena_printf(arena, "%u", (unsigned)position.line));
    csv_field(out, false, arena_printf(arena, "%u", (unsigned)position.column));
}

/* The service blueprint's columns: lane, evidence, fail point, wait standard, serves. */
static void csv_service(jrn_arena *arena, jrn_strbuf *out, const jrn_touchpoint *touchpoint)
{
    const jrn_touchpoint_service *service = touchpoint->service;
    csv_field(out, false, lane_name(touchpoint_lane(touchpoint)));
    csv_field(out, false, report_join_texts(arena, &service->evidence, "; "));
    csv_field(out, false, service->fail);
    csv_field(out, false, service->has_wait ? report_duration_text(arena, service->wait) : NULL);
    jrn_strbuf served = STRBUF_INIT;
    for (size_t s = 0; s < service->serve_count; s++)
        strbuf_printf(&served, "%s%s", s ? "; " : "", element_label(&service->serves[s]->base));
    csv_field(out, false, service->serve_count ? arena_strdup(arena, strbuf_text(&served)) : NULL);
    strbuf_free(&served);
}

static void csv_touchpoint(jrn_arena *arena, jrn_strbuf *out, const jrn_model *model,
                           const jrn_touchpoint *touchpoint)
{
    bool inherited;
    const jrn_team *owner = report_touchpoint_owner(touchpoint, &inherited);
    bool has_emotion = touchpoint->has_emotion;
    const char *emotion_label = has_emotion ? model_emotion_label(model, touchpoint->emotion) : NULL;
    csv_field(out, true, touchpoint->stage->base.id);
    csv_field(out, false, element_label(&touchpoint->stage->base));
    csv_field(out, false, touchpoint->base.id);
    csv_field(out, false, element_label(&touchpoint->base));
    csv_field(out, false, report_join_channels(arena, touchpoint->channels, touchpoint->channel_count, "; "));
    csv_field(out, false, report_join_personas(arena, touchpoint->personas, touchpoint->persona_count, "; "));
    csv_field(out, false, owner != NULL ? element_label(&owner->base) : NULL);
    csv_field(out, false, owner != NULL ? csv_yes_no(inherited) : NULL);
    csv_field(out, false, contact_name(touchpoint->contact));
    csv_field(out, false, has_emotion ? number_text(arena, touchpoint->emotion) : NULL);
    csv_field(out, false, emotion_label);
    csv_field(out, false, touchpoint->effort > 0 ? arena_printf(arena, "%d", touchpoint->effort) : NULL);
    csv_field(out, false, csv_yes_no(touchpoint->is_pain));
    csv_field(out, false, touchpoint->pain);
    csv_field(out, false, csv_yes_no(touchpoint->is_delight));
    csv_field(out, false, touchpoint->delight);
    csv_field(out, false, csv_yes_no(touchpoint->is_truth));
    csv_field(out, false, touchpoint->truth);
    csv_field(out, false, csv_yes_no(touchpoint->is_backstage));
    csv_field(out, false, touchpoint->notes->trigger);
    csv_field(out, false, report_join_texts(arena, &touchpoint->notes->opportunities, "; "));
    csv_field(out, false, touchpoint->notes->does);
    csv_field(out, false, touchpoint->notes->thinks);
    csv_field(out, false, touchpoint->notes->feels);
    csv_field(out, false, report_join_texts(arena, &touchpoint->notes->quotes, "; "));
    csv_field(out, false, report_join_texts(arena, &touchpoint->notes->sources, "; "));
    csv_service(arena, out, touchpoint);
    csv_field(out, false, csv_kpis_text(arena, touchpoint));
    csv_location(arena, out, touchpoint->base.span);
}

bool emit_csv(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
              jrn_diag_list *diags)
{
    /* The inventory lists every touchpoint, whatever the view; measured data adds columns. */
    const jrn_actuals *actuals = options ? options->actuals : NULL;
    (void)diags;
    jrn_arena *arena = arena_new();
    size_t extension_count;
    const char **extensions = csv_extension_columns(arena, model, &extension_count);
    size_t column_count = sizeof csv_columns / sizeof csv_columns[0];
    for (size_t c = 0; c < column_count; c++) csv_field(out, c == 0, csv_columns[c]);
    for (size_t e = 0; e < extension_count; e++) csv_field(out, false, extensions[e]);
    size_t data_column_count = actuals != NULL ? sizeof csv_data_columns / sizeof csv_data_columns[0] : 0;
    for (size_t c = 0; c < data_column_count; c++) csv_field(out, false, csv_data_columns[c]);
    csv_end_record(out);
    /* Along the spine as written, as a reader walks the journey. */
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->spine_touchpoints[t];
        if (touchpoint->stage == NULL) continue;
        csv_touchpoint(arena, out, model, touchpoint);
        for (size_t e = 0; e < extension_count; e++)
            csv_field(out, false, csv_extension_text(arena, &touchpoint->base, extensions[e]));
        if (actuals != NULL) csv_data_fields(arena, out, model, actuals, touchpoint);
        csv_end_record(out);
    }
    arena_free(arena);
    return true;
}
