/* emit_json.c — `-f json`: the whole resolved model as JSON, schema "jrnc/1"
 * (docs/json-schema.md, docs/jrnc-1.schema.json); keys in a fixed order. */
#include "jrn/emit.h"
#include "jrn/json_text.h"

#include <string.h>

#include "jrn/report_format.h"

/* A pretty-printing writer: two-space indentation, one member per line, and short
 * lists of names on one line. */
typedef struct json_writer {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_model *model;
    size_t depth;
    bool first;          /* nothing written yet in the open container */
    bool inline_list;    /* the open array is written on one line */
    const jrn_actuals *actuals;   /* --data: measured data to add, or NULL */
} json_writer;

static void json_string(json_writer *writer, const char *text)
{
    json_append_string(writer->out, text);
}

static void json_newline(json_writer *writer)
{
    strbuf_putc(writer->out, '\n');
    for (size_t i = 0; i < writer->depth; i++) strbuf_puts(writer->out, "  ");
}

/* Starts the next member or item of the open container. */
static void json_next(json_writer *writer)
{
    if (!writer->first) strbuf_putc(writer->out, ',');
    if (writer->inline_list) {
        if (!writer->first) strbuf_putc(writer->out, ' ');
    } else {
        json_newline(writer);
    }
    writer->first = false;
}

static void json_key(json_writer *writer, const char *key)
{
    json_next(writer);
    json_string(writer, key);
    strbuf_puts(writer->out, ": ");
}

static void json_open(json_writer *writer, char bracket, bool inline_list)
{
    strbuf_putc(writer->out, bracket);
    writer->depth++;
    writer->first = true;
    writer->inline_list = inline_list;
}

static void json_close(json_writer *writer, char bracket)
{
    writer->depth--;
    if (!writer->first && !writer->inline_list) json_newline(writer);
    strbuf_putc(writer->out, bracket);
    writer->first = false;
    writer->inline_list = false;
}

static void json_text_or_null(json_writer *writer, const char *text)
{
    if (text != NULL) json_string(writer, text);
    else strbuf_puts(writer->out, "null");
}

static void json_number(json_writer *writer, double value)
{
    strbuf_puts(writer->out, report_number_text(writer->arena, value));
}

static void json_member_text(json_writer *writer, const char *key, const char *text)
{
    json_key(writer, key);
    json_text_or_null(writer, text);
}

static void json_member_bool(json_writer *writer, const char *key, bool value)
{
    json_key(writer, key);
    strbuf_puts(writer->out, value ? "true" : "false");
}

static void json_member_number_or_null(json_writer *writer, const char *key, bool known,
                                       double value)
{
    json_key(writer, key);
    if (known) json_number(writer, value);
    else strbuf_puts(writer->out, "null");
}

static void json_member_id(json_writer *writer, const char *key, const jrn_element *element)
{
    json_member_text(writer, key, element != NULL ? element->id : NULL);
}

static void json_member_texts(json_writer *writer, const char *key, const jrn_text_list *texts)
{
    json_key(writer, key);
    json_open(writer, '[', false);
    for (size_t i = 0; i < texts->count; i++) {
        json_next(writer);
        json_string(writer, texts->items[i]);
    }
    json_close(writer, ']');
}

/* A list of references, written as ids on one line. Each item starts with jrn_element. */
static void json_id_list_begin(json_writer *writer, const char *key)
{
    json_key(writer, key);
    json_open(writer, '[', true);
}

static void json_id_item(json_writer *writer, const jrn_element *element)
{
    json_next(writer);
    json_string(writer, element->id);
}

static void json_member_location(json_writer *writer, jrn_span span)
{
    json_key(writer, "location");
    if (span.source == NULL) {
        strbuf_puts(writer->out, "null");
        return;
    }
    jrn_position position = source_position(span.source, span.begin);
    json_open(writer, '{', true);
    json_key(writer, "file");
    json_string(writer, span.source->display_name);
    json_key(writer, "line");
    strbuf_printf(writer->out, "%u", (unsigned)position.line);
    json_key(writer, "column");
    strbuf_printf(writer->out, "%u", (unsigned)position.column);
    json_close(writer, '}');
}

static void json_value(json_writer *writer, const jrn_value *value)
{
    switch (value->kind) {
    case VALUE_NUMBER: json_number(writer, value->number); break;
    case VALUE_STRING:
    case VALUE_IDENT:
    case VALUE_PERCENT:
    case VALUE_RANGE:
    case VALUE_DATE:
    case VALUE_DURATION: json_text_or_null(writer, value->text); break;
    }
}

/* x_* properties as members of their element: one value as is, several as an array.
 * A name given twice gathers its values in one member, so keys stay unique. */
static void json_members_extensions(json_writer *writer, const jrn_extension *extensions)
{
    for (const jrn_extension *extension = extensions; extension != NULL; extension = extension->next) {
        bool seen_before = false;
        for (const jrn_extension *earlier = extensions; earlier != extension; earlier = earlier->next)
            if (strcmp(earlier->name, extension->name) == 0) seen_before = true;
        if (seen_before) continue;
        size_t total = 0;
        for (const jrn_extension *same = extension; same != NULL; same = same->next)
            if (strcmp(same->name, extension->name) == 0) total += same->value_count;
        json_key(writer, extension->name);
        if (total == 1) {
            json_value(writer, extension->values);
            continue;
        }
        json_open(writer, '[', true);
        for (const jrn_extension *same = extension; same != NULL; same = same->next) {
            if (strcmp(same->name, extension->name) != 0) continue;
            for (const jrn_value *value = same->values; value != NULL; value = value->next) {
                json_next(writer);
                json_value(writer, value);
            }
        }
        json_close(writer, ']');
    }
}

static void json_element_begin(json_writer *writer, const jrn_element *element)
{
    json_next(writer);
    json_open(writer, '{', false);
    json_member_text(writer, "id", element->id);
    json_member_text(writer, "title", element->title);
}

static void json_element_end(json_writer *writer, const jrn_element *element)
{
    json_member_location(writer, element->span);
    json_members_extensions(writer, element->extensions);
    json_close(writer, '}');
}

static void json_quantity(json_writer *writer, const jrn_quantity *quantity)
{
    static const char *const kind_names[] = {"number", "percent", "duration"};
    json_open(writer, '{', true);
    json_member_text(writer, "kind", kind_names[quantity->kind]);
    json_key(writer, "value");
    json_number(writer, quantity->value);
    json_member_text(writer, "text", quantity->text);
    json_close(writer, '}');
}

static void json_member_emotion(json_writer *writer, const char *key, const char *label_key,
                                bool known, double value)
{
    json_member_number_or_null(writer, key, known, value);
    json_member_text(writer, label_key, known ? model_emotion_label(writer->model, value) : NULL);
}

/* ---- measured data (--data): keys that appear only when data is given ---- */

/* {"value": …, "date": "2026-03-31"}: value_kind "quantity" writes the quantity, "rate" a
 * share 0..1, "emotion" the number and its label. */
typedef enum json_measure_kind { MEASURE_AS_QUANTITY, MEASURE_AS_RATE, MEASURE_AS_EMOTION } json_measure_kind;

static void json_measurement(json_writer *writer, const jrn_measurement *measurement, json_measure_kind kind)
{
    json_open(writer, '{', true);
    if (kind == MEASURE_AS_QUANTITY) {
        json_key(writer, "value");
        json_quantity(writer, &measurement->value);
    } else if (kind == MEASURE_AS_RATE) {
        json_key(writer, "rate");
        json_number(writer, measurement->value.value / 100.0);
    } else {
        json_member_emotion(writer, "value", "label", true, measurement->value.value);
    }
    json_member_text(writer, "date", report_date_text(writer->arena, measurement->date));
    json_close(writer, '}');
}

/* "key": {latest…, "previous": {…} or null} or null. */
static void json_member_actual(json_writer *writer, const char *key, const jrn_actual *actual,
                               json_measure_kind kind, const char *trend)
{
    json_key(writer, key);
    if (actual == NULL) {
        strbuf_puts(writer->out, "null");
        return;
    }
    json_open(writer, '{', false);
    json_key(writer, "latest");
    json_measurement(writer, &actual->latest, kind);
    json_key(writer, "previous");
    if (actual->has_previous) json_measurement(writer, &actual->previous, kind);
    else strbuf_puts(writer->out, "null");
    if (trend != NULL) json_member_text(writer, "trend", *trend ? trend : NULL);
    json_close(writer, '}');
}

static void json_members_kpi_actual(json_writer *writer, const jrn_kpi *kpi)
{
    const jrn_actual *actual = data_kpi_actual(writer->actuals, kpi);
    json_member_actual(writer, "actual", actual, MEASURE_AS_QUANTITY,
                       data_trend_name(data_trend(kpi->metric, actual)));
    static const char *const status_names[] = {"no data", "no target", "met", "missed"};
    json_member_text(writer, "status", status_names[data_kpi_status(kpi, actual)]);
}

static void json_member_reported_emotion(json_writer *writer, const jrn_element *element)
{
    json_member_actual(writer, "reported_emotion", data_reported_emotion(writer->actuals, element),
                       MEASURE_AS_EMOTION, NULL);
}

static void json_member_observed_rate(json_writer *writer, const jrn_actual *observed)
{
    json_member_actual(writer, "observed_rate", observed, MEASURE_AS_RATE, NULL);
}

static void json_map(json_writer *writer, const jrn_map *map)
{
    json_key(writer, "map");
    json_open(writer, '{', false);
    json_member_text(writer, "id", map->base.id);
    json_member_text(writer, "title", map->base.title);
    json_member_id(writer, "owner", map->owner ? &map->owner->base : NULL);
    json_member_number_or_null(writer, "version", map->has_version, map->version);
    json_member_text(writer, "reviewed",
                     map->has_reviewed ? report_date_text(writer->arena, map->reviewed) : NULL);
    json_member_text(writer, "description", map->description);
    json_member_location(writer, map->is_declared ? map->base.span : span_none());
    json_members_extensions(writer, map->base.extensions);
    json_close(writer, '}');
}

static void json_segments(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "segments");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->segment_count; i++) {
        const jrn_segment *segment = model->segments[i];
        json_element_begin(writer, &segment->base);
        json_member_text(writer, "description", segment->description);
        json_member_text(writer, "size", segment->size);
        json_member_text(writer, "note", segment->note);
        json_element_end(writer, &segment->base);
    }
    json_close(writer, ']');
}

static void json_personas(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "personas");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->persona_count; i++) {
        const jrn_persona *persona = model->personas[i];
        json_element_begin(writer, &persona->base);
        json_id_list_begin(writer, "segments");
        for (size_t s = 0; s < persona->segment_count; s++)
            json_id_item(writer, &persona->segments[s]->base);
        json_close(writer, ']');
        json_member_text(writer, "role", persona->role);
        json_member_texts(writer, "goals", &persona->goals);
        json_member_texts(writer, "needs", &persona->needs);
        json_member_texts(writer, "traits", &persona->traits);
        json_member_texts(writer, "attitudes", &persona->attitudes);
        json_member_texts(writer, "behaviors", &persona->behaviors);
        json_member_texts(writer, "motivations", &persona->motivations);
        json_member_texts(writer, "pains", &persona->pains);
        json_member_texts(writer, "expectations", &persona->expectations);
        json_member_text(writer, "quote", persona->quote);
        json_element_end(writer, &persona->base);
    }
    json_close(writer, ']');
}

static void json_teams(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "teams");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->team_count; i++) {
        const jrn_team *team = model->teams[i];
        json_element_begin(writer, &team->base);
        json_member_text(writer, "lead", team->lead);
        json_member_text(writer, "contact", team->contact);
        json_element_end(writer, &team->base);
    }
    json_close(writer, ']');
}

static void json_channels(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "channels");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->channel_count; i++) {
        const jrn_channel *channel = model->channels[i];
        json_element_begin(writer, &channel->base);
        json_member_text(writer, "kind", channel_kind_name(channel->channel_kind));
        json_element_end(writer, &channel->base);
    }
    json_close(writer, ']');
}

static void json_metrics(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "metrics");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->metric_count; i++) {
        const jrn_metric *metric = model->metrics[i];
        json_element_begin(writer, &metric->base);
        json_key(writer, "scale");
        if (metric->has_scale) {
            json_open(writer, '{', false);
            json_key(writer, "low");
            json_quantity(writer, &metric->scale.low);
            json_key(writer, "high");
            json_quantity(writer, &metric->scale.high);
            json_close(writer, '}');
        } else {
            strbuf_puts(writer->out, "null");
        }
        json_member_text(writer, "better", better_name(metric->better));
        json_member_text(writer, "unit", metric->unit);
        json_member_texts(writer, "labels", &metric->labels);
        json_element_end(writer, &metric->base);
    }
    json_close(writer, ']');
}

static void json_stages(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "stages");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        json_element_begin(writer, &stage->base);
        json_member_id(writer, "parent", stage->parent ? &stage->parent->base : NULL);
        json_id_list_begin(writer, "substages");
        for (size_t c = 0; c < stage->child_count; c++) json_id_item(writer, &stage->children[c]->base);
        json_close(writer, ']');
        json_member_id(writer, "owner", stage->owner ? &stage->owner->base : NULL);
        json_member_emotion(writer, "emotion", "emotion_label", stage->has_emotion, stage->emotion);
        json_member_emotion(writer, "aspiration", "aspiration_label", stage->has_aspiration,
                            stage->aspiration);
        json_member_text(writer, "goal", stage->goal);
        json_id_list_begin(writer, "loops");
        for (size_t l = 0; l < stage->loop_count; l++) json_id_item(writer, &stage->loops[l].target->base);
        json_close(writer, ']');
        json_id_list_begin(writer, "touchpoints");
        for (size_t t = 0; t < stage->touchpoint_count; t++)
            json_id_item(writer, &stage->touchpoints[t]->base);
        json_close(writer, ']');
        if (writer->actuals != NULL) json_member_reported_emotion(writer, &stage->base);
        json_element_end(writer, &stage->base);
    }
    json_close(writer, ']');
}

/* A heat-map flag: "pain", "delight", "truth" as a flag and its optional text. */
static void json_member_flag(json_writer *writer, const char *flag_key, const char *text_key,
                             bool flag, const char *text)
{
    json_member_bool(writer, flag_key, flag);
    json_member_text(writer, text_key, text);
}

static void json_touchpoints(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "touchpoints");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        json_element_begin(writer, &touchpoint->base);
        json_member_id(writer, "stage", &touchpoint->stage->base);
        json_id_list_begin(writer, "channels");
        for (size_t c = 0; c < touchpoint->channel_count; c++)
            json_id_item(writer, &touchpoint->channels[c]->base);
        json_close(writer, ']');
        json_id_list_begin(writer, "personas");
        for (size_t p = 0; p < touchpoint->persona_count; p++)
            json_id_item(writer, &touchpoint->personas[p]->base);
        json_close(writer, ']');
        json_member_id(writer, "owner", touchpoint->owner ? &touchpoint->owner->base : NULL);
        json_member_text(writer, "contact", contact_name(touchpoint->contact));
        json_member_emotion(writer, "emotion", "emotion_label", touchpoint->has_emotion,
                            touchpoint->emotion);
        json_member_number_or_null(writer, "effort", touchpoint->effort > 0, touchpoint->effort);
        json_member_text(writer, "does", touchpoint->notes->does);
        json_member_text(writer, "thinks", touchpoint->notes->thinks);
        json_member_text(writer, "feels", touchpoint->notes->feels);
        json_member_flag(writer, "is_pain", "pain", touchpoint->is_pain, touchpoint->pain);
        json_member_flag(writer, "is_delight", "delight", touchpoint->is_delight, touchpoint->delight);
        json_member_flag(writer, "is_truth", "truth", touchpoint->is_truth, touchpoint->truth);
        json_member_bool(writer, "backstage", touchpoint->is_backstage);
        json_member_text(writer, "trigger", touchpoint->notes->trigger);
        json_member_texts(writer, "opportunities", &touchpoint->notes->opportunities);
        if (writer->actuals != NULL) json_member_reported_emotion(writer, &touchpoint->base);
        json_element_end(writer, &touchpoint->base);
    }
    json_close(writer, ']');
}

static void json_hop(json_writer *writer, const jrn_journey *journey, const jrn_hop *hop)
{
    json_next(writer);
    json_open(writer, '{', false);
    json_member_id(writer, "from", &hop->from->base);
    json_member_id(writer, "to", &hop->to->base);
    json_member_number_or_null(writer, "rate", hop->has_rate, hop->rate);
    json_key(writer, "after");
    if (hop->has_after) {
        json_open(writer, '{', true);
        json_member_text(writer, "text", report_duration_text(writer->arena, hop->after));
        json_key(writer, "days");
        json_number(writer, duration_in_days(hop->after));
        json_close(writer, '}');
    } else {
        strbuf_puts(writer->out, "null");
    }
    json_member_bool(writer, "goes_back", hop->goes_back);
    json_member_bool(writer, "declared_loop", hop->is_declared_loop);
    if (writer->actuals != NULL) json_member_observed_rate(writer, data_observed_rate(writer->actuals, journey, hop));
    json_member_location(writer, hop->span);
    json_members_extensions(writer, hop->extensions);
    json_close(writer, '}');
}

static void json_journeys(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "journeys");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        json_element_begin(writer, &journey->base);
        json_id_list_begin(writer, "personas");
        for (size_t p = 0; p < journey->persona_count; p++)
            json_id_item(writer, &journey->personas[p]->base);
        json_close(writer, ']');
        json_member_text(writer, "goal", journey->goal);
        json_member_id(writer, "start", journey->start ? &journey->start->base : NULL);
        json_id_list_begin(writer, "steps");
        for (size_t s = 0; s < journey->step_count; s++) json_id_item(writer, &journey->steps[s]->base);
        json_close(writer, ']');
        json_key(writer, "hops");
        json_open(writer, '[', false);
        for (size_t h = 0; h < journey->hop_count; h++) json_hop(writer, journey, &journey->hops[h]);
        json_close(writer, ']');
        json_element_end(writer, &journey->base);
    }
    json_close(writer, ']');
}

static void json_kpi_subject(json_writer *writer, const jrn_kpi *kpi)
{
    static const char *const kind_names[] = {"stage", "touchpoint", "journey"};
    const jrn_element *subject = kpi->owner_kind == KPI_ON_STAGE ? &kpi->on_stage->base
                               : kpi->owner_kind == KPI_ON_TOUCHPOINT ? &kpi->on_touchpoint->base
                               : &kpi->on_journey->base;
    json_key(writer, "on");
    json_open(writer, '{', true);
    json_member_text(writer, "kind", kind_names[kpi->owner_kind]);
    json_member_text(writer, "id", subject->id);
    json_close(writer, '}');
}

static void json_kpis(json_writer *writer, const jrn_model *model)
{
    json_key(writer, "kpis");
    json_open(writer, '[', false);
    for (size_t i = 0; i < model->kpi_count; i++) {
        const jrn_kpi *kpi = model->kpis[i];
        json_next(writer);
        json_open(writer, '{', false);
        json_member_id(writer, "metric", &kpi->metric->base);
        json_kpi_subject(writer, kpi);
        json_key(writer, "target");
        if (kpi->has_target) json_quantity(writer, &kpi->target);
        else strbuf_puts(writer->out, "null");
        json_member_text(writer, "every", frequency_name(kpi->every));
        json_member_id(writer, "owner", kpi->owner ? &kpi->owner->base : NULL);
        json_member_text(writer, "why", kpi->why);
        if (writer->actuals != NULL) json_members_kpi_actual(writer, kpi);
        json_element_end(writer, &kpi->base);
    }
    json_close(writer, ']');
}

bool emit_json(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
               jrn_diag_list *diags)
{
    /* The model is written whole, whatever the view; measured data is added to it. */
    (void)diags;
    jrn_arena *arena = arena_new();
    json_writer writer = {out, arena, model, 0, true, false, options ? options->actuals : NULL};
    json_open(&writer, '{', false);
    json_member_text(&writer, "schema", "jrnc/1");
    json_map(&writer, &model->map);
    json_segments(&writer, model);
    json_personas(&writer, model);
    json_teams(&writer, model);
    json_channels(&writer, model);
    json_metrics(&writer, model);
    json_stages(&writer, model);
    json_touchpoints(&writer, model);
    json_journeys(&writer, model);
    json_kpis(&writer, model);
    json_close(&writer, '}');
    strbuf_putc(out, '\n');
    arena_free(arena);
    return true;
}
