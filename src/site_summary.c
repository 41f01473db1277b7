/* site_summary.c — what one map tells the portfolio pages, as its record: written by the
 * process that compiled it (from the model, its lint findings and its data), read back by
 * jrnc site to write the index and the cross-map pages. */
#include "jrn/site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"
#include "jrn/report_facts.h"
#include "jrn/report_format.h"

static void site_put_named(jrn_strbuf *out, const char *kind, const site_named *items, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        site_record_begin(out, kind);
        site_record_text(out, items[i].id);
        site_record_text(out, items[i].label);
        site_record_end(out);
    }
}

/* Whether an element of the prelude is named anywhere in the map (model->references). */
static bool site_referenced(const jrn_model *model, const jrn_element *element)
{
    for (size_t i = 0; i < model->reference_count; i++) {
        if (model->references[i].target == element) return true;
    }
    return false;
}

/* The personas, teams or channels a map has: those its own files declare, and those of the
 * prelude it names (the prelude's channels are every map's, but appear only where used). */
static site_named *site_subjects(jrn_arena *arena, const jrn_model *model, jrn_element *const *elements,
                                 size_t count, size_t *kept)
{
    site_named *named = arena_alloc_array(arena, count + 1, sizeof *named);
    *kept = 0;
    for (size_t i = 0; i < count; i++) {
        const jrn_element *element = elements[i];
        const jrn_model_file *file = model_file_of(model, element->span);
        if (file != NULL && file->is_prelude && !site_referenced(model, element)) continue;
        named[(*kept)++] = (site_named){element->id, element_label(element)};
    }
    return named;
}

site_map_subjects site_summary_subjects(jrn_arena *arena, const jrn_model *model)
{
    site_map_subjects subjects;
    jrn_element **elements = arena_alloc_array(arena, model->persona_count + model->team_count + model->channel_count + 1,
                                               sizeof *elements);
    for (size_t i = 0; i < model->persona_count; i++) elements[i] = &model->personas[i]->base;
    subjects.personas = site_subjects(arena, model, elements, model->persona_count, &subjects.persona_count);
    for (size_t i = 0; i < model->team_count; i++) elements[i] = &model->teams[i]->base;
    subjects.teams = site_subjects(arena, model, elements, model->team_count, &subjects.team_count);
    for (size_t i = 0; i < model->channel_count; i++) elements[i] = &model->channels[i]->base;
    subjects.channels = site_subjects(arena, model, elements, model->channel_count, &subjects.channel_count);
    return subjects;
}

static void site_put_header(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model)
{
    const jrn_map *map = &model->map;
    site_record_begin(out, "map");
    site_record_text(out, report_map_title(model));
    site_record_text(out, map->owner != NULL ? map->owner->base.id : "");
    site_record_text(out, map->owner != NULL ? element_label(&map->owner->base) : "");
    site_record_text(out, map->has_reviewed ? report_date_text(arena, map->reviewed) : "");
    site_record_text(out, "ok");
    site_record_end(out);
    site_record_begin(out, "size");
    site_record_number(out, model->stage_count);
    site_record_number(out, model->touchpoint_count);
    site_record_number(out, model->persona_count);
    site_record_number(out, model->journey_count);
    site_record_number(out, model->kpi_count);
    site_record_end(out);
}

static const jrn_stage *site_top_stage(const jrn_stage *stage)
{
    while (stage->parent != NULL) stage = stage->parent;
    return stage;
}

/* Top-level stages, each counting its sub-stages' touchpoints: the heat map's columns. */
static void site_put_stages(jrn_strbuf *out, const jrn_model *model)
{
    size_t *counts = memory_calloc(model->stage_count * 3, sizeof *counts);
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        size_t at = site_top_stage(touchpoint->stage)->base.index * 3;
        counts[at]++;
        if (touchpoint->is_pain) counts[at + 1]++;
        if (touchpoint->is_delight) counts[at + 2]++;
    }
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (stage->parent != NULL) continue;
        site_record_begin(out, "stage");
        site_record_text(out, stage->base.id);
        site_record_text(out, element_label(&stage->base));
        for (size_t k = 0; k < 3; k++) site_record_number(out, counts[stage->base.index * 3 + k]);
        site_record_end(out);
    }
    free(counts);
}

static int site_compare_indexes(const void *left, const void *right)
{
    size_t a = *(const size_t *)left, b = *(const size_t *)right;
    return a < b ? -1 : a > b;
}

/* The ids, space-separated, of the personas a touchpoint is for: those it names, else
 * those of the journeys that visit it, in map order. counted[p] holds the index + 1 of the
 * last touchpoint persona p was found for; found has room for every persona. */
static void site_put_personas(jrn_strbuf *out, const jrn_model *model, const jrn_touchpoint *touchpoint,
                              const report_visitors *visitors, size_t *counted, size_t *found)
{
    for (size_t p = 0; p < touchpoint->persona_count; p++)
        strbuf_printf(out, "%s%s", p > 0 ? " " : "", touchpoint->personas[p]->base.id);
    if (touchpoint->persona_count > 0) return;
    size_t t = touchpoint->base.index, mark = t + 1, count = 0;
    for (size_t v = visitors->start[t]; v < visitors->start[t + 1]; v++) {
        const jrn_journey *journey = visitors->journeys[v];
        for (size_t p = 0; p < journey->persona_count; p++) {
            size_t persona = journey->personas[p]->base.index;
            if (counted[persona] == mark) continue;
            counted[persona] = mark;
            found[count++] = persona;
        }
    }
    qsort(found, count, sizeof *found, site_compare_indexes);
    for (size_t i = 0; i < count; i++) strbuf_printf(out, "%s%s", i > 0 ? " " : "", model->personas[found[i]]->base.id);
}

static void site_put_touchpoint(jrn_strbuf *out, const jrn_touchpoint *touchpoint, const char *personas)
{
    bool inherited;
    const jrn_team *owner = report_touchpoint_owner(touchpoint, &inherited);
    jrn_strbuf channels = STRBUF_INIT;
    for (size_t c = 0; c < touchpoint->channel_count; c++)
        strbuf_printf(&channels, "%s%s", c > 0 ? " " : "", touchpoint->channels[c]->base.id);
    site_record_begin(out, "touchpoint");
    site_record_text(out, touchpoint->base.id);
    site_record_text(out, element_label(&touchpoint->base));
    site_record_text(out, element_label(&touchpoint->stage->base));
    site_record_text(out, owner != NULL ? owner->base.id : "");
    site_record_text(out, touchpoint->is_pain ? "pain" : "");
    site_record_text(out, personas);
    site_record_text(out, strbuf_text(&channels));
    site_record_end(out);
    strbuf_free(&channels);
}

static void site_put_touchpoints(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model)
{
    report_visitors visitors = report_find_visitors(arena, model);
    size_t *counted = memory_calloc(model->persona_count + 1, sizeof *counted);
    size_t *found = memory_calloc(model->persona_count + 1, sizeof *found);
    jrn_strbuf personas = STRBUF_INIT;
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        strbuf_clear(&personas);
        site_put_personas(&personas, model, model->touchpoints[i], &visitors, counted, found);
        site_put_touchpoint(out, model->touchpoints[i], strbuf_text(&personas));
    }
    strbuf_free(&personas);
    free(found);
    free(counted);
}

static const char *site_kpi_place(jrn_arena *arena, const jrn_kpi *kpi)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: return arena_printf(arena, "stage %s", element_label(&kpi->on_stage->base));
    case KPI_ON_TOUCHPOINT: return arena_printf(arena, "touchpoint %s", element_label(&kpi->on_touchpoint->base));
    case KPI_ON_JOURNEY: return arena_printf(arena, "journey %s", element_label(&kpi->on_journey->base));
    }
    return "";
}

/* Every KPI's line, and the health line counting them by status. */
static void site_put_kpis(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals)
{
    size_t by_status[4] = {0};
    for (size_t i = 0; i < model->kpi_count; i++) {
        const jrn_kpi *kpi = model->kpis[i];
        const jrn_actual *actual = actuals != NULL ? data_kpi_actual(actuals, kpi) : NULL;
        jrn_kpi_status status = data_kpi_status(kpi, actual);
        by_status[status]++;
        site_record_begin(out, "kpi");
        site_record_text(out, element_label(&kpi->metric->base));
        site_record_text(out, site_kpi_place(arena, kpi));
        site_record_text(out, kpi->has_target ? kpi->target.text : "");
        site_record_text(out, data_kpi_status_name(status));
        site_record_text(out, actual != NULL ? actual->latest.value.text : "");
        site_record_end(out);
    }
    const report_facts *facts = report_facts_build(arena, model);
    site_record_begin(out, "health");
    site_record_number(out, facts->total_heat.pains);
    site_record_number(out, facts->total_heat.delights);
    site_record_number(out, facts->total_heat.truths);
    site_record_number(out, by_status[KPI_STATUS_MET]);
    site_record_number(out, by_status[KPI_STATUS_MISSED]);
    site_record_number(out, by_status[KPI_STATUS_NO_DATA]);
    site_record_number(out, by_status[KPI_STATUS_NO_TARGET]);
    site_record_text(out, actuals != NULL ? "data" : "");
    site_record_end(out);
}

/* The findings counted by rule and severity (diags are sorted, so one rule's findings
 * are not together: counted in a list, a map's rules being few). */
static void site_put_findings(jrn_strbuf *out, const jrn_diag_list *diags)
{
    site_findings *counts = NULL;
    size_t count = 0;
    for (const jrn_diag *diag = diags->first; diag != NULL; diag = diag->next) {
        const char *rule = diag->rule != NULL ? diag->rule : "";
        const char *severity = diag_severity_name(diag->severity);
        size_t c = 0;
        while (c < count && (strcmp(counts[c].rule, rule) != 0 || strcmp(counts[c].severity, severity) != 0)) c++;
        if (c == count) MEMORY_PUSH(counts, count, ((site_findings){severity, rule, 0}));
        counts[c].count++;
    }
    for (size_t c = 0; c < count; c++) {
        site_record_begin(out, "findings");
        site_record_text(out, counts[c].severity);
        site_record_text(out, counts[c].rule);
        site_record_number(out, counts[c].count);
        site_record_end(out);
    }
    free(counts);
}

void site_summary_write(jrn_strbuf *out, const jrn_model *model, const jrn_diag_list *findings,
                        const jrn_actuals *actuals)
{
    jrn_arena *arena = arena_new();
    site_put_header(out, arena, model);
    site_map_subjects subjects = site_summary_subjects(arena, model);
    site_put_named(out, "persona", subjects.personas, subjects.persona_count);
    site_put_named(out, "team", subjects.teams, subjects.team_count);
    site_put_named(out, "channel", subjects.channels, subjects.channel_count);
    site_put_stages(out, model);
    site_put_touchpoints(out, arena, model);
    site_put_kpis(out, arena, model, actuals);
    site_put_findings(out, findings);
    arena_free(arena);
}

void site_summary_write_failed(jrn_strbuf *out, const char *title, const jrn_diag_list *diags)
{
    site_record_begin(out, "map");
    site_record_text(out, title);
    site_record_text(out, "");
    site_record_text(out, "");
    site_record_text(out, "");
    site_record_text(out, "error");
    site_record_end(out);
    site_put_findings(out, diags);
}

const char *site_record_path(jrn_arena *arena, const site_options *options, const site_root *root)
{
    return arena_printf(arena, "%s/" SITE_STATE_DIR "/%s.rec", options->out_dir, root->slug);
}

/* Reading back. */

static size_t site_number(const char *text)
{
    return (size_t)strtoull(text, NULL, 10);
}

/* Space-separated ids (the text is split in place) into an exactly sized arena array. */
static size_t site_split_ids(jrn_arena *arena, char *text, const char ***ids)
{
    size_t count = 0;
    for (const char *at = text; *at != '\0'; at++) count += *at != ' ' && (at == text || at[-1] == ' ');
    *ids = count > 0 ? arena_alloc_array(arena, count, sizeof **ids) : NULL;
    size_t filled = 0;
    for (char *at = text; *at != '\0';) {
        size_t length = strcspn(at, " ");
        bool last = at[length] == '\0';
        at[length] = '\0';
        if (length > 0) (*ids)[filled++] = at;
        at += length + !last;
    }
    return count;
}

/* One record line into map (its strings stay in the line, its lists grow in scratch);
 * lines of unknown kinds or too few fields are skipped (a record from another version is
 * rebuilt: its options key differs). */
static void site_read_line(jrn_arena *arena, jrn_arena *scratch, char **field, size_t count, site_map *map)
{
    const char *kind = field[0];
    if (strcmp(kind, "map") == 0 && count >= 6) {
        map->title = field[1];
        map->owner_id = field[2];
        map->owner_label = field[3];
        map->has_reviewed = date_parse(field[4], &map->reviewed) == DATE_VALID;
        map->has_errors = strcmp(field[5], "ok") != 0;
    } else if (strcmp(kind, "size") == 0 && count >= 6) {
        map->stage_count = site_number(field[1]);
        map->touchpoint_count = site_number(field[2]);
        map->persona_count = site_number(field[3]);
        map->journey_count = site_number(field[4]);
        map->kpi_count = site_number(field[5]);
    } else if (strcmp(kind, "health") == 0 && count >= 9) {
        map->pains = site_number(field[1]);
        map->delights = site_number(field[2]);
        map->truths = site_number(field[3]);
        map->kpi_met = site_number(field[4]);
        map->kpi_missed = site_number(field[5]);
        map->kpi_no_data = site_number(field[6]);
        map->kpi_no_target = site_number(field[7]);
        map->has_data = field[8][0] != '\0';
    } else if (strcmp(kind, "persona") == 0 && count >= 3) {
        ARENA_PUSH(scratch, map->personas, map->persona_fact_count, ((site_named){field[1], field[2]}));
    } else if (strcmp(kind, "team") == 0 && count >= 3) {
        ARENA_PUSH(scratch, map->teams, map->team_fact_count, ((site_named){field[1], field[2]}));
    } else if (strcmp(kind, "channel") == 0 && count >= 3) {
        ARENA_PUSH(scratch, map->channels, map->channel_fact_count, ((site_named){field[1], field[2]}));
    } else if (strcmp(kind, "stage") == 0 && count >= 6) {
        site_stage_fact stage = {field[1], field[2], site_number(field[3]), site_number(field[4]), site_number(field[5])};
        ARENA_PUSH(scratch, map->stages, map->stage_fact_count, stage);
    } else if (strcmp(kind, "touchpoint") == 0 && count >= 8) {
        site_touchpoint_fact touchpoint = {field[1], field[2], field[3], field[4], field[5][0] != '\0', NULL, 0, NULL, 0};
        touchpoint.persona_count = site_split_ids(arena, field[6], &touchpoint.personas);
        touchpoint.channel_count = site_split_ids(arena, field[7], &touchpoint.channels);
        ARENA_PUSH(scratch, map->touchpoints, map->touchpoint_fact_count, touchpoint);
    } else if (strcmp(kind, "kpi") == 0 && count >= 6) {
        site_kpi_fact kpi = {field[1], field[2], field[3], field[4], field[5]};
        ARENA_PUSH(scratch, map->kpis, map->kpi_fact_count, kpi);
    } else if (strcmp(kind, "findings") == 0 && count >= 4) {
        site_findings findings = {field[1], field[2], site_number(field[3])};
        ARENA_PUSH(scratch, map->findings, map->findings_kind_count, findings);
    } else if (strcmp(kind, "input") == 0 && count >= 3) {
        site_input input = {field[1], (uint64_t)strtoull(field[2], NULL, 16)};
        ARENA_PUSH(scratch, map->inputs, map->input_count, input);
    } else if (strcmp(kind, "options") == 0 && count >= 2) {
        map->options_key = field[1];
    } else if (strcmp(kind, "data") == 0 && count >= 2) {
        map->data_path = field[1];
    }
}

/* The lists of map, grown in scratch, copied into arena at their exact size: the parent
 * holds every map's record at once. */
static void site_compact(jrn_arena *arena, site_map *map)
{
#define SITE_COMPACT(items, count) \
    do { \
        void *copy = (count) > 0 ? arena_alloc_array(arena, (count), sizeof *(items)) : NULL; \
        if ((count) > 0) memcpy(copy, (items), (count) * sizeof *(items)); \
        (items) = copy; \
    } while (0)
    SITE_COMPACT(map->personas, map->persona_fact_count);
    SITE_COMPACT(map->teams, map->team_fact_count);
    SITE_COMPACT(map->channels, map->channel_fact_count);
    SITE_COMPACT(map->stages, map->stage_fact_count);
    SITE_COMPACT(map->touchpoints, map->touchpoint_fact_count);
    SITE_COMPACT(map->kpis, map->kpi_fact_count);
    SITE_COMPACT(map->findings, map->findings_kind_count);
    SITE_COMPACT(map->inputs, map->input_count);
#undef SITE_COMPACT
}

bool site_summary_read(jrn_arena *arena, const char *path, site_map *map)
{
    const site_root *root = map->root;
    *map = (site_map){.root = root, .title = "", .owner_id = "", .owner_label = "", .options_key = "", .data_path = ""};
    jrn_arena *scratch = arena_new();
    jrn_load_status status;
    const char *error_text;
    jrn_source *source = source_load(scratch, path, &status, &error_text);
    if (source == NULL) {
        arena_free(scratch);
        return false;
    }
    /* the one copy of the text: the map's strings are its fields, split in place */
    char *text = arena_strndup(arena, source->text, source->length);
    bool has_header = false;
    for (char *line = text; *line != '\0';) {
        char *end = strchr(line, '\n');
        if (end != NULL) *end = '\0';
        char **fields;
        size_t count = site_record_split(scratch, line, &fields);
        if (strcmp(fields[0], "map") == 0) has_header = true;
        site_read_line(arena, scratch, fields, count, map);
        if (end == NULL) break;
        line = end + 1;
    }
    site_compact(arena, map);
    arena_free(scratch);
    return has_header;
}

size_t site_findings_of(const site_map *map, const char *severity)
{
    size_t count = 0;
    for (size_t i = 0; i < map->findings_kind_count; i++)
        if (severity == NULL || strcmp(map->findings[i].severity, severity) == 0) count += map->findings[i].count;
    return count;
}
