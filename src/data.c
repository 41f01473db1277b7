/* data.c — the store of measured data: latest and previous value per subject and metric,
 * the lookups back ends ask (KPI actual, reported emotion, observed rate), and how an
 * actual compares with its target. Reading CSV files is data_load.c's job. */
#include "jrn/data.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/data_store.h"
#include "jrn/data_value.h"
#include "jrn/memory.h"

typedef enum data_slot_kind { SLOT_METRIC, SLOT_EMOTION, SLOT_RATE } data_slot_kind;

/* What is known about one subject under one metric. */
typedef struct data_slot {
    data_slot_kind kind;
    const jrn_metric *metric;            /* SLOT_METRIC */
    const jrn_touchpoint *rate_to;       /* SLOT_RATE on a touchpoint: the hop's target */
    jrn_actual actual;
    const char *subject_id;              /* for messages: the subject and what is measured */
    const char *measure_text;
    struct data_slot *next;
} data_slot;

/* One row taken in, for the one-value-per-date check once every file is read. */
typedef struct data_entry {
    const data_slot *slot;
    jrn_date date;
    jrn_span row;
    size_t sequence;                     /* rows in the order they were read */
} data_entry;

/* Ids of one kind sorted for binary search: rows may name any of 10,000 touchpoints. */
typedef struct data_index {
    const jrn_element **elements;
    size_t count;
} data_index;

/* Per journey: rates by hop, and the hops sorted by (from, to) for lookups. */
typedef struct data_journey_rates {
    data_slot **by_hop;                  /* journey->hop_count, allocated on first use */
    size_t *sorted_hops;                 /* built on first lookup */
} data_journey_rates;

enum { DATA_INDEX_TOUCHPOINT, DATA_INDEX_STAGE, DATA_INDEX_JOURNEY, DATA_INDEX_METRIC, DATA_INDEX_COUNT };

struct jrn_actuals {
    jrn_arena *arena;
    const jrn_model *model;
    data_index indexes[DATA_INDEX_COUNT];
    data_slot **touchpoint_slots;        /* by touchpoint index */
    data_slot **stage_slots;
    data_slot **journey_slots;
    data_journey_rates *journey_rates;   /* by journey index */
    size_t row_count;
    data_entry *entries;                 /* every row taken in (row_count of them) */
    size_t entry_capacity;
};

static int data_compare_ids(const void *left, const void *right)
{
    const jrn_element *const *a = left;
    const jrn_element *const *b = right;
    return strcmp((*a)->id, (*b)->id);
}

static void data_index_sort(data_index *index)
{
    qsort(index->elements, index->count, sizeof *index->elements, data_compare_ids);
}

static data_index *data_index_open(jrn_actuals *actuals, int which, size_t count)
{
    data_index *index = &actuals->indexes[which];
    index->elements = arena_alloc_array(actuals->arena, count ? count : 1, sizeof *index->elements);
    index->count = count;
    return index;
}

static void data_build_indexes(jrn_actuals *actuals, const jrn_model *model)
{
    data_index *index = data_index_open(actuals, DATA_INDEX_TOUCHPOINT, model->touchpoint_count);
    for (size_t i = 0; i < index->count; i++) index->elements[i] = &model->touchpoints[i]->base;
    data_index_sort(index);
    index = data_index_open(actuals, DATA_INDEX_STAGE, model->stage_count);
    for (size_t i = 0; i < index->count; i++) index->elements[i] = &model->stages[i]->base;
    data_index_sort(index);
    index = data_index_open(actuals, DATA_INDEX_JOURNEY, model->journey_count);
    for (size_t i = 0; i < index->count; i++) index->elements[i] = &model->journeys[i]->base;
    data_index_sort(index);
    index = data_index_open(actuals, DATA_INDEX_METRIC, model->metric_count);
    for (size_t i = 0; i < index->count; i++) index->elements[i] = &model->metrics[i]->base;
    data_index_sort(index);
}

jrn_actuals *data_new(jrn_arena *arena, const jrn_model *model)
{
    jrn_actuals *actuals = arena_alloc(arena, sizeof *actuals);
    actuals->arena = arena;
    actuals->model = model;
    data_build_indexes(actuals, model);
    actuals->touchpoint_slots = arena_alloc_array(arena, model->touchpoint_count + 1, sizeof(data_slot *));
    actuals->stage_slots = arena_alloc_array(arena, model->stage_count + 1, sizeof(data_slot *));
    actuals->journey_slots = arena_alloc_array(arena, model->journey_count + 1, sizeof(data_slot *));
    actuals->journey_rates = arena_alloc_array(arena, model->journey_count + 1, sizeof(data_journey_rates));
    return actuals;
}

const jrn_model *data_model(const jrn_actuals *actuals)
{
    return actuals->model;
}

jrn_arena *data_arena(const jrn_actuals *actuals)
{
    return actuals->arena;
}

size_t data_row_count(const jrn_actuals *actuals)
{
    return actuals->row_count;
}

static const data_index *data_index_of(const jrn_actuals *actuals, jrn_kind kind)
{
    switch (kind) {
    case KIND_TOUCHPOINT: return &actuals->indexes[DATA_INDEX_TOUCHPOINT];
    case KIND_STAGE: return &actuals->indexes[DATA_INDEX_STAGE];
    case KIND_JOURNEY: return &actuals->indexes[DATA_INDEX_JOURNEY];
    case KIND_METRIC: return &actuals->indexes[DATA_INDEX_METRIC];
    default: return NULL;
    }
}

const jrn_element *data_find(const jrn_actuals *actuals, jrn_kind kind, const char *id)
{
    const data_index *index = data_index_of(actuals, kind);
    if (index == NULL) return NULL;
    size_t low = 0, high = index->count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = strcmp(index->elements[middle]->id, id);
        if (order == 0) return index->elements[middle];
        if (order < 0) low = middle + 1;
        else high = middle;
    }
    return NULL;
}

void data_suggest(const jrn_actuals *actuals, jrn_kind kind, jrn_suggester *suggester)
{
    const jrn_model *model = actuals->model;
    switch (kind) {
    case KIND_TOUCHPOINT:
        for (size_t i = 0; i < model->touchpoint_count; i++) suggest_consider(suggester, model->touchpoints[i]->base.id);
        break;
    case KIND_STAGE:
        for (size_t i = 0; i < model->stage_count; i++) suggest_consider(suggester, model->stages[i]->base.id);
        break;
    case KIND_JOURNEY:
        for (size_t i = 0; i < model->journey_count; i++) suggest_consider(suggester, model->journeys[i]->base.id);
        break;
    case KIND_METRIC:
        for (size_t i = 0; i < model->metric_count; i++) suggest_consider(suggester, model->metrics[i]->base.id);
        break;
    default:
        break;
    }
}

/* Hops ordered by (from, to) touchpoint index, for binary search. */
typedef struct data_hop_key {
    size_t from, to, hop;
} data_hop_key;

static int data_compare_hop_keys(const void *left, const void *right)
{
    const data_hop_key *a = left, *b = right;
    if (a->from != b->from) return a->from < b->from ? -1 : 1;
    if (a->to != b->to) return a->to < b->to ? -1 : 1;
    return 0;
}

static void data_sort_hops(jrn_actuals *actuals, const jrn_journey *journey, data_journey_rates *rates)
{
    size_t count = journey->hop_count;
    data_hop_key *keys = arena_alloc_array(actuals->arena, count ? count : 1, sizeof *keys);
    for (size_t h = 0; h < count; h++) {
        keys[h] = (data_hop_key){journey->hops[h].from->base.index, journey->hops[h].to->base.index, h};
    }
    qsort(keys, count, sizeof *keys, data_compare_hop_keys);
    rates->sorted_hops = arena_alloc_array(actuals->arena, count ? count : 1, sizeof *rates->sorted_hops);
    for (size_t h = 0; h < count; h++) rates->sorted_hops[h] = keys[h].hop;
}

const jrn_hop *data_find_hop(jrn_actuals *actuals, const jrn_journey *journey,
                             const jrn_touchpoint *from, const jrn_touchpoint *to)
{
    data_journey_rates *rates = &actuals->journey_rates[journey->base.index];
    if (rates->sorted_hops == NULL) data_sort_hops(actuals, journey, rates);
    data_hop_key wanted = {from->base.index, to->base.index, 0};
    size_t low = 0, high = journey->hop_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const jrn_hop *hop = &journey->hops[rates->sorted_hops[middle]];
        data_hop_key key = {hop->from->base.index, hop->to->base.index, 0};
        int order = data_compare_hop_keys(&key, &wanted);
        if (order == 0) return hop;
        if (order < 0) low = middle + 1;
        else high = middle;
    }
    return NULL;
}

/* The newest measurement is the actual; the newest before it is the previous value. */
static void data_update(jrn_actual *actual, bool is_new, const jrn_measurement *measurement)
{
    if (is_new) {
        actual->latest = *measurement;
    } else if (date_compare(measurement->date, actual->latest.date) >= 0) {
        actual->previous = actual->latest;
        actual->has_previous = true;
        actual->latest = *measurement;
    } else if (!actual->has_previous || date_compare(measurement->date, actual->previous.date) >= 0) {
        actual->previous = *measurement;
        actual->has_previous = true;
    }
}

static data_slot **data_slots_of(const jrn_actuals *actuals, const jrn_element *subject)
{
    switch (subject->kind) {
    case KIND_TOUCHPOINT: return &actuals->touchpoint_slots[subject->index];
    case KIND_STAGE: return &actuals->stage_slots[subject->index];
    case KIND_JOURNEY: return &actuals->journey_slots[subject->index];
    default: return NULL;
    }
}

static data_slot *data_find_slot(data_slot *slots, data_slot_kind kind, const jrn_metric *metric,
                                 const jrn_touchpoint *rate_to)
{
    for (data_slot *slot = slots; slot != NULL; slot = slot->next) {
        if (slot->kind == kind && slot->metric == metric && slot->rate_to == rate_to) return slot;
    }
    return NULL;
}

/* Where a measurement is filed, and how messages name it. */
typedef struct data_place {
    data_slot **slots;
    data_slot_kind kind;
    const jrn_metric *metric;
    const jrn_touchpoint *rate_to;
    const char *subject_id;
    const char *measure_text;
} data_place;

static void data_add_entry(jrn_actuals *actuals, const data_slot *slot, const jrn_measurement *measurement)
{
    if (actuals->row_count == actuals->entry_capacity) {
        size_t capacity = actuals->entry_capacity ? actuals->entry_capacity * 2 : 64;
        data_entry *grown = arena_alloc_array(actuals->arena, capacity, sizeof *grown);
        if (actuals->row_count > 0) memcpy(grown, actuals->entries, actuals->row_count * sizeof *grown);
        actuals->entries = grown;
        actuals->entry_capacity = capacity;
    }
    actuals->entries[actuals->row_count] = (data_entry){slot, measurement->date, measurement->span, actuals->row_count};
    actuals->row_count++;
}

static void data_record(jrn_actuals *actuals, const data_place *place, const jrn_measurement *measurement)
{
    data_slot *slot = data_find_slot(*place->slots, place->kind, place->metric, place->rate_to);
    bool is_new = slot == NULL;
    if (is_new) {
        slot = arena_alloc(actuals->arena, sizeof *slot);
        slot->kind = place->kind;
        slot->metric = place->metric;
        slot->rate_to = place->rate_to;
        slot->subject_id = place->subject_id;
        slot->measure_text = place->measure_text;
        slot->next = *place->slots;
        *place->slots = slot;
    }
    data_update(&slot->actual, is_new, measurement);
    data_add_entry(actuals, slot, measurement);
}

void data_record_metric(jrn_actuals *actuals, const jrn_element *subject, const jrn_metric *metric,
                        const jrn_measurement *measurement)
{
    data_place place = {data_slots_of(actuals, subject), SLOT_METRIC, metric, NULL, subject->id, metric->base.id};
    data_record(actuals, &place, measurement);
}

void data_record_emotion(jrn_actuals *actuals, const jrn_element *subject, const jrn_measurement *measurement)
{
    data_place place = {data_slots_of(actuals, subject), SLOT_EMOTION, NULL, NULL, subject->id, "emotion"};
    data_record(actuals, &place, measurement);
}

void data_record_rate(jrn_actuals *actuals, const jrn_journey *journey, const jrn_hop *hop,
                      const jrn_measurement *measurement)
{
    const char *rate = arena_printf(actuals->arena, "rate:%s->%s", hop->from->base.id, hop->to->base.id);
    if (journey == NULL) {
        data_place place = {&actuals->touchpoint_slots[hop->from->base.index], SLOT_RATE, NULL, hop->to,
                            hop->from->base.id, rate};
        data_record(actuals, &place, measurement);
        return;
    }
    data_journey_rates *rates = &actuals->journey_rates[journey->base.index];
    if (rates->by_hop == NULL) {
        rates->by_hop = arena_alloc_array(actuals->arena, journey->hop_count, sizeof *rates->by_hop);
    }
    data_place place = {&rates->by_hop[hop - journey->hops], SLOT_RATE, NULL, NULL, journey->base.id, rate};
    data_record(actuals, &place, measurement);
}

/* Rows of one slot together, by date, in reading order. */
static int data_compare_entries(const void *left, const void *right)
{
    const data_entry *a = left, *b = right;
    if (a->slot != b->slot) return (uintptr_t)a->slot < (uintptr_t)b->slot ? -1 : 1;
    int order = date_compare(a->date, b->date);
    if (order != 0) return order;
    return a->sequence < b->sequence ? -1 : (a->sequence > b->sequence);
}

void data_check_one_value_per_date(jrn_actuals *actuals, jrn_diag_list *diags)
{
    size_t count = actuals->row_count;
    if (count < 2) return;
    data_entry *sorted = memory_calloc(count, sizeof *sorted);
    memcpy(sorted, actuals->entries, count * sizeof *sorted);
    qsort(sorted, count, sizeof *sorted, data_compare_entries);
    size_t first = 0;
    for (size_t i = 1; i < count; i++) {
        if (sorted[i].slot != sorted[first].slot || date_compare(sorted[i].date, sorted[first].date) != 0) {
            first = i;
            continue;
        }
        const data_entry *entry = &sorted[i];
        jrn_diag *diag = diag_error(diags, entry->row,
                                    "a second value of %s for '%s' on %04d-%02d-%02d: measured data holds one "
                                    "value per subject, metric and date",
                                    entry->slot->measure_text, entry->slot->subject_id, entry->date.year,
                                    entry->date.month, entry->date.day);
        diag_add_note(diags, diag, sorted[first].row, "the first value for that date is here");
    }
    free(sorted);
}

const jrn_actual *data_kpi_actual(const jrn_actuals *actuals, const jrn_kpi *kpi)
{
    const jrn_element *subject = kpi->on_stage != NULL ? &kpi->on_stage->base
                               : kpi->on_touchpoint != NULL ? &kpi->on_touchpoint->base
                               : &kpi->on_journey->base;
    data_slot **slots = data_slots_of(actuals, subject);
    data_slot *slot = slots != NULL ? data_find_slot(*slots, SLOT_METRIC, kpi->metric, NULL) : NULL;
    return slot != NULL ? &slot->actual : NULL;
}

const jrn_actual *data_reported_emotion(const jrn_actuals *actuals, const jrn_element *element)
{
    if (element->kind != KIND_TOUCHPOINT && element->kind != KIND_STAGE) return NULL;
    data_slot *slot = data_find_slot(*data_slots_of(actuals, element), SLOT_EMOTION, NULL, NULL);
    return slot != NULL ? &slot->actual : NULL;
}

const jrn_actual *data_observed_rate(const jrn_actuals *actuals, const jrn_journey *journey, const jrn_hop *hop)
{
    const jrn_actual *own = NULL;
    if (journey != NULL && hop >= journey->hops && hop < journey->hops + journey->hop_count) {
        const data_journey_rates *rates = &actuals->journey_rates[journey->base.index];
        if (rates->by_hop != NULL && rates->by_hop[hop - journey->hops] != NULL) {
            own = &rates->by_hop[hop - journey->hops]->actual;
        }
    }
    data_slot *slot = data_find_slot(actuals->touchpoint_slots[hop->from->base.index], SLOT_RATE, NULL, hop->to);
    const jrn_actual *shared = slot != NULL ? &slot->actual : NULL;
    if (own == NULL || shared == NULL) return own != NULL ? own : shared;
    return date_compare(shared->latest.date, own->latest.date) > 0 ? shared : own;
}

static bool data_lower_is_better(const jrn_metric *metric)
{
    return metric != NULL && metric->better == BETTER_LOWER;
}

jrn_kpi_status data_kpi_status(const jrn_kpi *kpi, const jrn_actual *actual)
{
    if (actual == NULL) return KPI_STATUS_NO_DATA;
    if (!kpi->has_target) return KPI_STATUS_NO_TARGET;
    double value = actual->latest.value.value, target = kpi->target.value;
    bool met = data_lower_is_better(kpi->metric) ? value <= target : value >= target;
    return met ? KPI_STATUS_MET : KPI_STATUS_MISSED;
}

jrn_trend data_trend(const jrn_metric *metric, const jrn_actual *actual)
{
    if (actual == NULL || !actual->has_previous) return TREND_NONE;
    double latest = actual->latest.value.value, previous = actual->previous.value.value;
    if (latest == previous) return TREND_STEADY;
    bool rose = latest > previous;
    return rose != data_lower_is_better(metric) ? TREND_BETTER : TREND_WORSE;
}

const char *data_kpi_status_name(jrn_kpi_status status)
{
    static const char *const names[] = {"no data", "no target", "met", "missed"};
    return status <= KPI_STATUS_MISSED ? names[status] : "";
}

const char *data_trend_name(jrn_trend trend)
{
    static const char *const names[] = {"", "better", "worse", "steady"};
    return trend <= TREND_STEADY ? names[trend] : "";
}

const char *data_change_arrow(const jrn_actual *actual)
{
    if (actual == NULL || !actual->has_previous) return "";
    double latest = actual->latest.value.value, previous = actual->previous.value.value;
    return latest > previous ? "\u2191" : latest < previous ? "\u2193" : "\u2192";
}
