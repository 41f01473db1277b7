/* emit_json.c — `-f json`: the whole resolved model as JSON, schema "jrnc/1"
 * (docs/json-schema.md, docs/jrnc-1.schema.json); keys in a fixed order. */
#include "jrn/emit.h"
#include "jrn/json_writer.h"

#include <string.h>

#include "jrn/report_format.h"

/* The document's writer and what its members are written from. */
typedef struct emit_json_writer {
    json_writer json;
    jrn_arena *arena;
    const jrn_model *model;
    const jrn_actuals *actuals;   /* --data: measured data to add, or NULL */
} emit_json_writer;

static void emit_json_member_number_or_null(emit_json_writer *writer, const char *key, bool known,
                                       double value)
{
    json_key(&writer->json, key);
    if (known) json_put_number(&writer->json, value);
    else json_put_null(&writer->json);
}

static void emit_json_member_id(emit_json_writer *writer, const char *key, const jrn_element *element)
{
    json_member_string(&writer->json, key, element != NULL ? element->id : NULL);
}

static void emit_json_member_texts(emit_json_writer *writer, const char *key, const jrn_text_list *texts)
{
    json_key(&writer->json, key);
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < texts->count; i++) json_put_string(&writer->json, texts->items[i]);
    json_array_end(&writer->json);
}

/* A list of references, written as ids on one line. Each item starts with jrn_element. */
static void emit_json_id_list_begin(emit_json_writer *writer, const char *key)
{
    json_key(&writer->json, key);
    json_array_begin(&writer->json, JSON_INLINE);
}

static void emit_json_id_item(emit_json_writer *writer, const jrn_element *element)
{
    json_put_string(&writer->json, element->id);
}

static void emit_json_member_location(emit_json_writer *writer, jrn_span span)
{
    json_key(&writer->json, "location");
    if (span.source == NULL) {
        json_put_null(&writer->json);
        return;
    }
    jrn_position position = source_position(span.source, span.begin);
    json_object_begin(&writer->json, JSON_INLINE);
    json_member_string(&writer->json, "file", span.source->display_name);
    json_member_integer(&writer->json, "line", position.line);
    json_member_integer(&writer->json, "column", position.column);
    json_object_end(&writer->json);
}

static void emit_json_value(emit_json_writer *writer, const jrn_value *value)
{
    switch (value->kind) {
    case VALUE_NUMBER: json_put_number(&writer->json, value->number); break;
    case VALUE_STRING:
    case VALUE_IDENT:
    case VALUE_PERCENT:
    case VALUE_RANGE:
    case VALUE_DATE:
    case VALUE_DURATION: json_put_string(&writer->json, value->text); break;
    }
}

/* x_* properties as members of their element: one value as is, several as an array.
 * A name given twice gathers its values in one member, so keys stay unique. */
static void emit_json_members_extensions(emit_json_writer *writer, const jrn_extension *extensions)
{
    for (const jrn_extension *extension = extensions; extension != NULL; extension = extension->next) {
        bool seen_before = false;
        for (const jrn_extension *earlier = extensions; earlier != extension; earlier = earlier->next)
            if (strcmp(earlier->name, extension->name) == 0) seen_before = true;
        if (seen_before) continue;
        size_t total = 0;
        for (const jrn_extension *same = extension; same != NULL; same = same->next)
            if (strcmp(same->name, extension->name) == 0) total += same->value_count;
        json_key(&writer->json, extension->name);
        if (total == 1) {
            emit_json_value(writer, extension->values);
            continue;
        }
        json_array_begin(&writer->json, JSON_INLINE);
        for (const jrn_extension *same = extension; same != NULL; same = same->next) {
            if (strcmp(same->name, extension->name) != 0) continue;
            for (const jrn_value *value = same->values; value != NULL; value = value->next) {
                emit_json_value(writer, value);
            }
        }
        json_array_end(&writer->json);
    }
}

static void emit_json_element_begin(emit_json_writer *writer, const jrn_element *element)
{
    json_object_begin(&writer->json, JSON_LINES);
    json_member_string(&writer->json, "id", element->id);
    json_member_string(&writer->json, "title", element->title);
}

static void emit_json_element_end(emit_json_writer *writer, const jrn_element *element)
{
    emit_json_member_location(writer, element->span);
    emit_json_members_extensions(writer, element->extensions);
    json_object_end(&writer->json);
}

static void emit_json_quantity(emit_json_writer *writer, const jrn_quantity *quantity)
{
    static const char *const kind_names[] = {"number", "percent", "duration"};
    json_object_begin(&writer->json, JSON_INLINE);
    json_member_string(&writer->json, "kind", kind_names[quantity->kind]);
    json_key(&writer->json, "value");
    json_put_number(&writer->json, quantity->value);
    json_member_string(&writer->json, "text", quantity->text);
    json_object_end(&writer->json);
}

static void emit_json_member_emotion(emit_json_writer *writer, const char *key, const char *label_key,
                                bool known, double value)
{
    emit_json_member_number_or_null(writer, key, known, value);
    json_member_string(&writer->json, label_key, known ? model_emotion_label(writer->model, value) : NULL);
}

/* ---- measured data (--data): keys that appear only when data is given ---- */

/* {"value": …, "date": "2026-03-31"}: value_kind "quantity" writes the quantity, "rate" a
 * share 0..1, "emotion" the number and its label. */
typedef enum json_measure_kind { MEASURE_AS_QUANTITY, MEASURE_AS_RATE, MEASURE_AS_EMOTION } json_measure_kind;

static void emit_json_measurement(emit_json_writer *writer, const jrn_measurement *measurement, json_measure_kind kind)
{
    json_object_begin(&writer->json, JSON_INLINE);
    if (kind == MEASURE_AS_QUANTITY) {
        json_key(&writer->json, "value");
        emit_json_quantity(writer, &measurement->value);
        /* jrnc/1 puts the date of a measured quantity, and the closing brace, on lines
         * of their own after the nested quantity; tools may diff this text. */
        json_relayout(&writer->json, JSON_LINES);
    } else if (kind == MEASURE_AS_RATE) {
        json_key(&writer->json, "rate");
        json_put_number(&writer->json, measurement->value.value / 100.0);
    } else {
        emit_json_member_emotion(writer, "value", "label", true, measurement->value.value);
    }
    json_member_string(&writer->json, "date", report_date_text(writer->arena, measurement->date));
    json_object_end(&writer->json);
}

/* "key": {latest…, "previous": {…} or null} or null. */
static void emit_json_member_actual(emit_json_writer *writer, const char *key, const jrn_actual *actual,
                               json_measure_kind kind, const char *trend)
{
    json_key(&writer->json, key);
    if (actual == NULL) {
        json_put_null(&writer->json);
        return;
    }
    json_object_begin(&writer->json, JSON_LINES);
    json_key(&writer->json, "latest");
    emit_json_measurement(writer, &actual->latest, kind);
    json_key(&writer->json, "previous");
    if (actual->has_previous) emit_json_measurement(writer, &actual->previous, kind);
    else json_put_null(&writer->json);
    if (trend != NULL) json_member_string(&writer->json, "trend", *trend ? trend : NULL);
    json_object_end(&writer->json);
}

static void emit_json_members_kpi_actual(emit_json_writer *writer, const jrn_kpi *kpi)
{
    const jrn_actual *actual = data_kpi_actual(writer->actuals, kpi);
    emit_json_member_actual(writer, "actual", actual, MEASURE_AS_QUANTITY,
                       data_trend_name(data_trend(kpi->metric, actual)));
    static const char *const status_names[] = {"no data", "no target", "met", "missed"};
    json_member_string(&writer->json, "status", status_names[data_kpi_status(kpi, actual)]);
}

static void emit_json_member_reported_emotion(emit_json_writer *writer, const jrn_element *element)
{
    emit_json_member_actual(writer, "reported_emotion", data_reported_emotion(writer->actuals, element),
                       MEASURE_AS_EMOTION, NULL);
}

static void emit_json_member_observed_rate(emit_json_writer *writer, const jrn_actual *observed)
{
    emit_json_member_actual(writer, "observed_rate", observed, MEASURE_AS_RATE, NULL);
}

static void emit_json_map(emit_json_writer *writer, const jrn_map *map)
{
    json_key(&writer->json, "map");
    json_object_begin(&writer->json, JSON_LINES);
    json_member_string(&writer->json, "id", map->base.id);
    json_member_string(&writer->json, "title", map->base.title);
    emit_json_member_id(writer, "owner", map->owner ? &map->owner->base : NULL);
    emit_json_member_number_or_null(writer, "version", map->has_version, map->version);
    json_member_string(&writer->json, "reviewed",
                     map->has_reviewed ? report_date_text(writer->arena, map->reviewed) : NULL);
    json_member_string(&writer->json, "description", map->description);
    emit_json_member_location(writer, map->is_declared ? map->base.span : span_none());
    emit_json_members_extensions(writer, map->base.extensions);
    json_object_end(&writer->json);
}

static void emit_json_segments(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "segments");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->segment_count; i++) {
        const jrn_segment *segment = model->segments[i];
        emit_json_element_begin(writer, &segment->base);
        json_member_string(&writer->json, "description", segment->description);
        json_member_string(&writer->json, "size", segment->size);
        json_member_string(&writer->json, "note", segment->note);
        emit_json_element_end(writer, &segment->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_personas(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "personas");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->persona_count; i++) {
        const jrn_persona *persona = model->personas[i];
        emit_json_element_begin(writer, &persona->base);
        emit_json_id_list_begin(writer, "segments");
        for (size_t s = 0; s < persona->segment_count; s++)
            emit_json_id_item(writer, &persona->segments[s]->base);
        json_array_end(&writer->json);
        json_member_string(&writer->json, "role", persona->role);
        emit_json_member_texts(writer, "goals", &persona->goals);
        emit_json_member_texts(writer, "needs", &persona->needs);
        emit_json_member_texts(writer, "traits", &persona->traits);
        emit_json_member_texts(writer, "attitudes", &persona->attitudes);
        emit_json_member_texts(writer, "behaviors", &persona->behaviors);
        emit_json_member_texts(writer, "motivations", &persona->motivations);
        emit_json_member_texts(writer, "pains", &persona->pains);
        emit_json_member_texts(writer, "expectations", &persona->expectations);
        json_member_string(&writer->json, "quote", persona->quote);
        emit_json_element_end(writer, &persona->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_teams(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "teams");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->team_count; i++) {
        const jrn_team *team = model->teams[i];
        emit_json_element_begin(writer, &team->base);
        json_member_string(&writer->json, "lead", team->lead);
        json_member_string(&writer->json, "contact", team->contact);
        emit_json_element_end(writer, &team->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_channels(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "channels");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->channel_count; i++) {
        const jrn_channel *channel = model->channels[i];
        emit_json_element_begin(writer, &channel->base);
        json_member_string(&writer->json, "kind", channel_kind_name(channel->channel_kind));
        emit_json_element_end(writer, &channel->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_metrics(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "metrics");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->metric_count; i++) {
        const jrn_metric *metric = model->metrics[i];
        emit_json_element_begin(writer, &metric->base);
        json_key(&writer->json, "scale");
        if (metric->has_scale) {
            json_object_begin(&writer->json, JSON_LINES);
            json_key(&writer->json, "low");
            emit_json_quantity(writer, &metric->scale.low);
            json_key(&writer->json, "high");
            emit_json_quantity(writer, &metric->scale.high);
            json_object_end(&writer->json);
        } else {
            json_put_null(&writer->json);
        }
        json_member_string(&writer->json, "better", better_name(metric->better));
        json_member_string(&writer->json, "unit", metric->unit);
        emit_json_member_texts(writer, "labels", &metric->labels);
        emit_json_element_end(writer, &metric->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_stages(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "stages");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        emit_json_element_begin(writer, &stage->base);
        emit_json_member_id(writer, "parent", stage->parent ? &stage->parent->base : NULL);
        emit_json_id_list_begin(writer, "substages");
        for (size_t c = 0; c < stage->child_count; c++) emit_json_id_item(writer, &stage->children[c]->base);
        json_array_end(&writer->json);
        emit_json_member_id(writer, "owner", stage->owner ? &stage->owner->base : NULL);
        emit_json_member_emotion(writer, "emotion", "emotion_label", stage->has_emotion, stage->emotion);
        emit_json_member_emotion(writer, "aspiration", "aspiration_label", stage->has_aspiration,
                            stage->aspiration);
        json_member_string(&writer->json, "goal", stage->goal);
        json_member_string(&writer->json, "description", stage->description);
        json_member_string(&writer->json, "does", stage->does);
        json_member_string(&writer->json, "thinks", stage->thinks);
        json_member_string(&writer->json, "feels", stage->feels);
        json_member_string(&writer->json, "pain", stage->pain);
        json_member_string(&writer->json, "delight", stage->delight);
        emit_json_member_texts(writer, "opportunities", &stage->opportunities);
        emit_json_member_texts(writer, "quotes", &stage->quotes);
        emit_json_member_texts(writer, "sources", &stage->sources);
        emit_json_id_list_begin(writer, "loops");
        for (size_t l = 0; l < stage->loop_count; l++) emit_json_id_item(writer, &stage->loops[l].target->base);
        json_array_end(&writer->json);
        emit_json_id_list_begin(writer, "touchpoints");
        for (size_t t = 0; t < stage->touchpoint_count; t++)
            emit_json_id_item(writer, &stage->touchpoints[t]->base);
        json_array_end(&writer->json);
        if (writer->actuals != NULL) emit_json_member_reported_emotion(writer, &stage->base);
        emit_json_element_end(writer, &stage->base);
    }
    json_array_end(&writer->json);
}

/* A duration as {"text": "2d", "days": 2}, or null. */
static void emit_json_member_duration(emit_json_writer *writer, const char *key, bool has, jrn_duration duration)
{
    json_key(&writer->json, key);
    if (!has) {
        json_put_null(&writer->json);
        return;
    }
    json_object_begin(&writer->json, JSON_INLINE);
    json_member_string(&writer->json, "text", report_duration_text(writer->arena, duration));
    json_key(&writer->json, "days");
    json_put_number(&writer->json, duration_in_days(duration));
    json_object_end(&writer->json);
}

/* A heat-map flag: "pain", "delight", "truth" as a flag and its optional text. */
static void emit_json_member_flag(emit_json_writer *writer, const char *flag_key, const char *text_key,
                             bool flag, const char *text)
{
    json_member_bool(&writer->json, flag_key, flag);
    json_member_string(&writer->json, text_key, text);
}

/* The service blueprint's facts of a touchpoint. */
static void emit_json_touchpoint_service(emit_json_writer *writer, const jrn_touchpoint *touchpoint)
{
    const jrn_touchpoint_service *service = touchpoint->service;
    json_member_string(&writer->json, "lane", lane_name(touchpoint_lane(touchpoint)));
    json_member_bool(&writer->json, "support", touchpoint->is_support);
    emit_json_member_texts(writer, "evidence", &service->evidence);
    json_member_string(&writer->json, "fail", service->fail);
    emit_json_member_duration(writer, "wait", service->has_wait, service->wait);
    emit_json_id_list_begin(writer, "serves");
    for (size_t s = 0; s < service->serve_count; s++) emit_json_id_item(writer, &service->serves[s]->base);
    json_array_end(&writer->json);
}

static void emit_json_touchpoints(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "touchpoints");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        emit_json_element_begin(writer, &touchpoint->base);
        emit_json_member_id(writer, "stage", &touchpoint->stage->base);
        emit_json_id_list_begin(writer, "channels");
        for (size_t c = 0; c < touchpoint->channel_count; c++)
            emit_json_id_item(writer, &touchpoint->channels[c]->base);
        json_array_end(&writer->json);
        emit_json_id_list_begin(writer, "personas");
        for (size_t p = 0; p < touchpoint->persona_count; p++)
            emit_json_id_item(writer, &touchpoint->personas[p]->base);
        json_array_end(&writer->json);
        emit_json_member_id(writer, "owner", touchpoint->owner ? &touchpoint->owner->base : NULL);
        json_member_string(&writer->json, "contact", contact_name(touchpoint->contact));
        emit_json_member_emotion(writer, "emotion", "emotion_label", touchpoint->has_emotion,
                            touchpoint->emotion);
        emit_json_member_number_or_null(writer, "effort", touchpoint->effort > 0, touchpoint->effort);
        json_member_string(&writer->json, "does", touchpoint->notes->does);
        json_member_string(&writer->json, "thinks", touchpoint->notes->thinks);
        json_member_string(&writer->json, "feels", touchpoint->notes->feels);
        emit_json_member_flag(writer, "is_pain", "pain", touchpoint->is_pain, touchpoint->pain);
        emit_json_member_flag(writer, "is_delight", "delight", touchpoint->is_delight, touchpoint->delight);
        emit_json_member_flag(writer, "is_truth", "truth", touchpoint->is_truth, touchpoint->truth);
        json_member_bool(&writer->json, "backstage", touchpoint->is_backstage);
        json_member_string(&writer->json, "trigger", touchpoint->notes->trigger);
        emit_json_member_texts(writer, "opportunities", &touchpoint->notes->opportunities);
        emit_json_member_texts(writer, "quotes", &touchpoint->notes->quotes);
        emit_json_member_texts(writer, "sources", &touchpoint->notes->sources);
        emit_json_touchpoint_service(writer, touchpoint);
        if (writer->actuals != NULL) emit_json_member_reported_emotion(writer, &touchpoint->base);
        emit_json_element_end(writer, &touchpoint->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_hop(emit_json_writer *writer, const jrn_journey *journey, const jrn_hop *hop)
{
    json_object_begin(&writer->json, JSON_LINES);
    emit_json_member_id(writer, "from", &hop->from->base);
    emit_json_member_id(writer, "to", &hop->to->base);
    emit_json_member_number_or_null(writer, "rate", hop->has_rate, hop->rate);
    emit_json_member_duration(writer, "after", hop->has_after, hop->after);
    json_member_bool(&writer->json, "goes_back", hop->goes_back);
    json_member_bool(&writer->json, "declared_loop", hop->is_declared_loop);
    if (writer->actuals != NULL) emit_json_member_observed_rate(writer, data_observed_rate(writer->actuals, journey, hop));
    emit_json_member_location(writer, hop->span);
    emit_json_members_extensions(writer, hop->extensions);
    json_object_end(&writer->json);
}

static void emit_json_journeys(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "journeys");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        emit_json_element_begin(writer, &journey->base);
        emit_json_id_list_begin(writer, "personas");
        for (size_t p = 0; p < journey->persona_count; p++)
            emit_json_id_item(writer, &journey->personas[p]->base);
        json_array_end(&writer->json);
        json_member_string(&writer->json, "goal", journey->goal);
        emit_json_member_id(writer, "start", journey->start ? &journey->start->base : NULL);
        emit_json_id_list_begin(writer, "ends");
        for (size_t e = 0; e < journey->end_count; e++) emit_json_id_item(writer, &journey->ends[e]->base);
        json_array_end(&writer->json);
        json_member_string(&writer->json, "rest", model_journey_rest(journey));
        emit_json_id_list_begin(writer, "steps");
        for (size_t s = 0; s < journey->step_count; s++) emit_json_id_item(writer, &journey->steps[s]->base);
        json_array_end(&writer->json);
        json_key(&writer->json, "hops");
        json_array_begin(&writer->json, JSON_LINES);
        for (size_t h = 0; h < journey->hop_count; h++) emit_json_hop(writer, journey, &journey->hops[h]);
        json_array_end(&writer->json);
        emit_json_element_end(writer, &journey->base);
    }
    json_array_end(&writer->json);
}

static void emit_json_kpi_subject(emit_json_writer *writer, const jrn_kpi *kpi)
{
    static const char *const kind_names[] = {"stage", "touchpoint", "journey"};
    const jrn_element *subject = kpi->owner_kind == KPI_ON_STAGE ? &kpi->on_stage->base
                               : kpi->owner_kind == KPI_ON_TOUCHPOINT ? &kpi->on_touchpoint->base
                               : &kpi->on_journey->base;
    json_key(&writer->json, "on");
    json_object_begin(&writer->json, JSON_INLINE);
    json_member_string(&writer->json, "kind", kind_names[kpi->owner_kind]);
    json_member_string(&writer->json, "id", subject->id);
    json_object_end(&writer->json);
}

static void emit_json_kpis(emit_json_writer *writer, const jrn_model *model)
{
    json_key(&writer->json, "kpis");
    json_array_begin(&writer->json, JSON_LINES);
    for (size_t i = 0; i < model->kpi_count; i++) {
        const jrn_kpi *kpi = model->kpis[i];
        json_object_begin(&writer->json, JSON_LINES);
        emit_json_member_id(writer, "metric", &kpi->metric->base);
        emit_json_kpi_subject(writer, kpi);
        json_key(&writer->json, "target");
        if (kpi->has_target) emit_json_quantity(writer, &kpi->target);
        else json_put_null(&writer->json);
        json_member_string(&writer->json, "every", frequency_name(kpi->every));
        emit_json_member_id(writer, "owner", kpi->owner ? &kpi->owner->base : NULL);
        json_member_string(&writer->json, "why", kpi->why);
        if (writer->actuals != NULL) emit_json_members_kpi_actual(writer, kpi);
        emit_json_element_end(writer, &kpi->base);
    }
    json_array_end(&writer->json);
}

bool emit_json(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
               jrn_diag_list *diags)
{
    /* The model is written whole, whatever the view; measured data is added to it. */
    (void)diags;
    jrn_arena *arena = arena_new();
    emit_json_writer writer = {json_writer_start(out, arena, JSON_NUMBER_SHORTEST), arena, model,
                               options ? options->actuals : NULL};
    json_object_begin(&writer.json, JSON_LINES);
    json_member_string(&writer.json, "schema", "jrnc/1");
    emit_json_map(&writer, &model->map);
    emit_json_segments(&writer, model);
    emit_json_personas(&writer, model);
    emit_json_teams(&writer, model);
    emit_json_channels(&writer, model);
    emit_json_metrics(&writer, model);
    emit_json_stages(&writer, model);
    emit_json_touchpoints(&writer, model);
    emit_json_journeys(&writer, model);
    emit_json_kpis(&writer, model);
    json_object_end(&writer.json);
    strbuf_putc(out, '\n');
    arena_free(arena);
    return true;
}
