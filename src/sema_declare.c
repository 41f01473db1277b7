/* sema_declare.c — the first pass: once every file is parsed, declares every declaration
 * in load order (its model element made, its id registered in its kind's namespace,
 * duplicates reported, nesting checked), then finds each extend's target. */
#include "jrn/sema.h"
#include "jrn/memory.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/suggest.h"

size_t sema_element_size(jrn_kind kind)
{
    switch (kind) {
    case KIND_MAP: return sizeof(jrn_map);
    case KIND_SEGMENT: return sizeof(jrn_segment);
    case KIND_PERSONA: return sizeof(jrn_persona);
    case KIND_TEAM: return sizeof(jrn_team);
    case KIND_CHANNEL: return sizeof(jrn_channel);
    case KIND_STAGE: return sizeof(jrn_stage);
    case KIND_TOUCHPOINT: return sizeof(jrn_touchpoint);
    case KIND_JOURNEY: return sizeof(jrn_journey);
    case KIND_METRIC: return sizeof(jrn_metric);
    case KIND_KPI: return sizeof(jrn_kpi);
    case KIND_COUNT: break;
    }
    return sizeof(jrn_element);
}

/* Appends element to its model array (declaration order). The arrays grow on the heap
 * while declaring and move into the arena, at their final size, afterwards. */
static void sema_add_to_model(jrn_sema *sema, jrn_element *element)
{
    jrn_model *model = sema->model;
    /* The index doubles as the row of the element in the sema's side tables. */
    switch (element->kind) {
    case KIND_SEGMENT: element->index = model->segment_count; break;
    case KIND_PERSONA: element->index = model->persona_count; break;
    case KIND_TEAM: element->index = model->team_count; break;
    case KIND_CHANNEL: element->index = model->channel_count; break;
    case KIND_STAGE: element->index = model->stage_count; break;
    case KIND_TOUCHPOINT: element->index = model->touchpoint_count; break;
    case KIND_JOURNEY: element->index = model->journey_count; break;
    case KIND_METRIC: element->index = model->metric_count; break;
    case KIND_KPI: element->index = model->kpi_count; break;
    case KIND_MAP:
    case KIND_COUNT: break;
    }
    switch (element->kind) {
    case KIND_SEGMENT: MEMORY_PUSH(model->segments, model->segment_count, (jrn_segment *)element); break;
    case KIND_PERSONA: MEMORY_PUSH(model->personas, model->persona_count, (jrn_persona *)element); break;
    case KIND_TEAM: MEMORY_PUSH(model->teams, model->team_count, (jrn_team *)element); break;
    case KIND_CHANNEL: MEMORY_PUSH(model->channels, model->channel_count, (jrn_channel *)element); break;
    case KIND_STAGE: MEMORY_PUSH(model->stages, model->stage_count, (jrn_stage *)element); break;
    case KIND_TOUCHPOINT: MEMORY_PUSH(model->touchpoints, model->touchpoint_count, (jrn_touchpoint *)element); break;
    case KIND_JOURNEY: MEMORY_PUSH(model->journeys, model->journey_count, (jrn_journey *)element); break;
    case KIND_METRIC: MEMORY_PUSH(model->metrics, model->metric_count, (jrn_metric *)element); break;
    case KIND_KPI: MEMORY_PUSH(model->kpis, model->kpi_count, (jrn_kpi *)element); break;
    case KIND_MAP:
    case KIND_COUNT: break;
    }
}

static void sema_report_bad_nesting(jrn_sema *sema, const jrn_element *element, jrn_span keyword_span,
                                    const jrn_element *parent)
{
    if (parent == NULL) {
        jrn_diag *diag = diag_error(sema->diags, keyword_span,
                                    "a kpi cannot stand alone: nest it in a stage, touchpoint or journey");
        diag_add_note(sema->diags, diag, span_none(), "for example: touchpoint ticket \"...\" { kpi csat { target: 4.5 } }");
        return;
    }
    if (parent->kind == KIND_STAGE && element->kind == KIND_STAGE) {
        jrn_diag *diag = diag_error(sema->diags, keyword_span,
                                    "stages nest one level: sub-stage '%s' cannot contain stage '%s'",
                                    parent->id, element->id);
        diag_add_note(sema->diags, diag, parent->id_span, "'%s' is declared here", parent->id);
        return;
    }
    jrn_diag *diag = diag_error(sema->diags, keyword_span, "%s cannot contain %s",
                                kind_with_article(parent->kind), kind_with_article(element->kind));
    diag_add_note(sema->diags, diag, parent->id_span, "%s", schema_nesting_summary(parent->kind));
}

/* Links a nested declaration to its parent: sub-stage, touchpoint in stage, kpi owner. */
static void sema_attach_to_parent(jrn_element *element, jrn_element *parent)
{
    if (parent == NULL) return;
    if (element->kind == KIND_STAGE) {
        ((jrn_stage *)element)->parent = (jrn_stage *)parent;
    } else if (element->kind == KIND_TOUCHPOINT) {
        ((jrn_touchpoint *)element)->stage = (jrn_stage *)parent;
    } else if (element->kind == KIND_KPI) {
        jrn_kpi *kpi = (jrn_kpi *)element;
        if (parent->kind == KIND_STAGE) {
            kpi->owner_kind = KPI_ON_STAGE;
            kpi->on_stage = (jrn_stage *)parent;
        } else if (parent->kind == KIND_TOUCHPOINT) {
            kpi->owner_kind = KPI_ON_TOUCHPOINT;
            kpi->on_touchpoint = (jrn_touchpoint *)parent;
        } else {
            kpi->owner_kind = KPI_ON_JOURNEY;
            kpi->on_journey = (jrn_journey *)parent;
        }
    }
}

static bool sema_nesting_allowed(jrn_kind kind, const jrn_element *parent)
{
    if (parent == NULL) return schema_allows_nesting(KIND_COUNT, kind);
    if (!schema_allows_nesting(parent->kind, kind)) return false;
    /* Sub-stages go one level deep: a stage inside a sub-stage is refused. */
    return !(kind == KIND_STAGE && ((const jrn_stage *)parent)->parent != NULL);
}

/* The element a declaration makes, not yet declared. The model outlives the syntax tree:
 * it keeps copies of what it says. */
static jrn_element *sema_make_element(jrn_sema *sema, const jrn_ast_decl *decl)
{
    jrn_element *element = arena_alloc(sema->arena, sema_element_size(decl->kind));
    element->kind = decl->kind;
    element->id = decl->id != NULL ? arena_strdup(sema->arena, decl->id) : NULL;
    element->title = decl->title != NULL ? arena_strdup(sema->arena, decl->title) : NULL;
    element->span = decl->span;
    element->id_span = decl->id_span;
    if (decl->kind == KIND_TOUCHPOINT) {
        ((jrn_touchpoint *)element)->notes = &model_no_notes;
        ((jrn_touchpoint *)element)->service = &model_no_service;
    }
    return element;
}

/* A map may declare a name the prelude declares (a metric, a channel): its own
 * declaration replaces the prelude's, so a prelude that grows never breaks a map. */
static bool sema_replaces_prelude(const jrn_sema *sema, const jrn_element *earlier, const jrn_element *element,
                                  const jrn_ast_decl *decl)
{
    const jrn_model_file *earlier_file = model_file_of(sema->model, earlier->span);
    const jrn_model_file *file = model_file_of(sema->model, element->span);
    if (earlier_file == NULL || file == NULL || !earlier_file->is_prelude || file->is_prelude) return false;
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_DECL) return false;   /* only a leaf declaration replaces one */
    }
    return true;
}

/* Takes a replaced declaration out: its record is not applied, and settling drops it from
 * the model's arrays. */
static void sema_forget_declaration(jrn_sema *sema, jrn_element *element)
{
    for (size_t i = 0; i < sema->decl_count; i++) {
        if (sema->decls[i].element == element) {
            memmove(&sema->decls[i], &sema->decls[i + 1], (sema->decl_count - i - 1) * sizeof *sema->decls);
            sema->decl_count--;
            break;
        }
    }
    MEMORY_PUSH(sema->replaced, sema->replaced_count, element);
}

/* Declares element (checking where it is nested and that its id is new) and records it
 * with its syntax. False when it is not declared: then neither is anything nested in it. */
static bool sema_declare_element(jrn_sema *sema, jrn_element *element, jrn_ast_decl *decl,
                                 jrn_span keyword_span, bool has_in_clause, jrn_element *parent)
{
    if (!sema_nesting_allowed(element->kind, parent)) {
        sema_report_bad_nesting(sema, element, keyword_span, parent);
        return false;
    }
    if (element->kind != KIND_KPI) {
        jrn_element *earlier = namespace_add(&sema->names[element->kind], element);
        if (earlier != NULL && sema_replaces_prelude(sema, earlier, element, decl)) {
            namespace_replace(&sema->names[element->kind], element);
            sema_forget_declaration(sema, earlier);
        } else if (earlier != NULL) {
            jrn_diag *diag = diag_error(sema->diags, element->id_span, "duplicate %s '%s'",
                                        kind_name(element->kind), element->id);
            diag_add_note(sema->diags, diag, earlier->id_span, "'%s' is first declared here", element->id);
            return false;
        }
    }
    sema_attach_to_parent(element, parent);
    sema_add_to_model(sema, element);
    sema_decl record = {decl, element};
    MEMORY_PUSH(sema->decls, sema->decl_count, record);
    /* Neither nested in a stage nor saying 'in' (whose unknown stage is reported where
     * it is looked up): nothing else gives a touchpoint its stage. */
    if (element->kind == KIND_TOUCHPOINT && parent == NULL && !has_in_clause) {
        jrn_diag *diag = diag_error(sema->diags, element->id_span, "touchpoint '%s' belongs to no stage", element->id);
        diag_add_note(sema->diags, diag, span_none(),
                      "declare it inside a stage (or an 'extend stage' block), or add 'in STAGE': "
                      "touchpoint %s \"...\" in onboarding", element->id);
    }
    return true;
}

/* Declares decl and what it nests, depth first (bounded by the parser's nesting limit). */
static void sema_declare_nested(jrn_sema *sema, jrn_ast_decl *decl, jrn_element *parent)
{
    jrn_element *element = sema_make_element(sema, decl);
    if (!sema_declare_element(sema, element, decl, decl->keyword_span, decl->in_names != NULL, parent)) return;
    for (jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_DECL) sema_declare_nested(sema, member->decl, element);
    }
}

/* A map's block holds properties only: what it nests is reported and not declared. */
static void sema_report_nested_in_map(jrn_sema *sema, const jrn_ast_decl *map)
{
    for (const jrn_ast_member *member = map->members; member != NULL; member = member->next) {
        if (member->kind != MEMBER_DECL) continue;
        diag_error(sema->diags, member->decl->keyword_span,
                   "a map block holds properties only; declare %s '%s' at the top level",
                   kind_name(member->decl->kind), member->decl->id);
    }
}

static void sema_declare_map(jrn_sema *sema, jrn_ast_decl *decl)
{
    jrn_map *map = &sema->model->map;
    if (map->is_declared) {
        jrn_diag *diag = diag_error(sema->diags, decl->keyword_span,
                                    "a second map: a compilation describes one map");
        diag_add_note(sema->diags, diag, map->base.span, "the map is declared here");
        return;
    }
    jrn_element *made = sema_make_element(sema, decl);
    map->is_declared = true;
    map->base.id = made->id;
    map->base.title = made->title;
    map->base.span = made->span;
    map->base.id_span = made->id_span;
    sema_decl record = {decl, &map->base};
    MEMORY_PUSH(sema->decls, sema->decl_count, record);
    sema_report_nested_in_map(sema, decl);
}

/* Declares one file's top-level declarations (not its extends), in the order written. */
static void sema_declare_file(jrn_sema *sema, const jrn_ast_file *tree)
{
    for (const jrn_ast_item *item = tree->items; item != NULL; item = item->next) {
        if (item->kind != ITEM_DECL || item->decl->is_extend) continue;
        if (item->decl->kind == KIND_MAP) sema_declare_map(sema, item->decl);
        else sema_declare_nested(sema, item->decl, NULL);
    }
}

static bool sema_span_in_root(const jrn_sema *sema, jrn_span span)
{
    const jrn_model_file *file = model_file_of(sema->model, span);
    return file != NULL && file->is_root;
}

/* The first extend a root file writes of an imported declaration is where findings about
 * that declaration will point. */
static void sema_note_extend_site(jrn_sema *sema, const jrn_ast_decl *decl, const jrn_element *target)
{
    jrn_model *model = sema->model;
    if (!sema_span_in_root(sema, decl->id_span) || sema_span_in_root(sema, target->id_span)) return;
    for (size_t i = 0; i < model->extend_site_count; i++) {
        if (model->extend_sites[i].declared.begin == target->id_span.begin &&
            model->extend_sites[i].declared.source == target->id_span.source) return;
    }
    jrn_extend_site site = {target->id_span, decl->id_span};
    ARENA_PUSH(sema->arena, model->extend_sites, model->extend_site_count, site);
}

static void sema_declare_extend(jrn_sema *sema, jrn_ast_decl *decl)
{
    if (decl->kind == KIND_KPI) {
        diag_error(sema->diags, decl->keyword_span,
                   "a kpi cannot be extended: extend the stage, touchpoint or journey that holds it");
        return;
    }
    jrn_element *target = namespace_find(&sema->names[decl->kind], decl->id);
    if (target == NULL) {
        jrn_suggester suggester;
        suggest_begin(&suggester, decl->id);
        const jrn_namespace *names = &sema->names[decl->kind];
        if (diag_keeps_next_error(sema->diags)) {
            for (size_t i = 0; i < names->count; i++) suggest_consider(&suggester, names->ordered[i]->id);
        }
        const char *suggestion = suggest_result(&suggester);
        jrn_diag *diag = suggestion != NULL
            ? diag_error(sema->diags, decl->id_span, "cannot extend %s '%s': there is no such %s; did you mean '%s'?",
                         kind_name(decl->kind), decl->id, kind_name(decl->kind), suggestion)
            : diag_error(sema->diags, decl->id_span, "cannot extend %s '%s': there is no such %s",
                         kind_name(decl->kind), decl->id, kind_name(decl->kind));
        if (diag != NULL && suggestion != NULL) diag->fixit = suggestion;
        return;
    }
    sema_add_reference(sema, decl->id_span, target);
    sema_decl record = {decl, target};
    ARENA_PUSH(sema->arena, sema->extends, sema->extend_count, record);
    sema_note_extend_site(sema, decl, target);
    for (jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_DECL) sema_declare_nested(sema, member->decl, target);
    }
}

typedef struct sema_position_entry {
    uint64_t position;           /* file load order, then byte offset */
    jrn_element *element;
} sema_position_entry;

static int sema_compare_positions(const void *left, const void *right)
{
    uint64_t a = ((const sema_position_entry *)left)->position;
    uint64_t b = ((const sema_position_entry *)right)->position;
    return a < b ? -1 : a > b;
}

uint64_t sema_position_of(const jrn_model *model, jrn_span span)
{
    for (size_t f = 0; f < model->file_count; f++) {
        if (model->files[f].source == span.source) return ((uint64_t)f << 32) | span.begin;
    }
    return UINT64_MAX;
}

/* Extends are declared after every plain declaration, so what they nest would come last;
 * the model promises declaration order, so put each array back in source order. */
static void sema_sort_by_position(jrn_sema *sema, jrn_element **elements, size_t count)
{
    if (count < 2) return;
    /* a map without extends is in source order already: no sort for the common case */
    bool sorted = true;
    uint64_t previous = sema_position_of(sema->model, elements[0]->span);
    for (size_t i = 1; i < count && sorted; i++) {
        uint64_t position = sema_position_of(sema->model, elements[i]->span);
        sorted = previous <= position;
        previous = position;
    }
    if (sorted) return;
    sema_position_entry *entries = memory_calloc(count, sizeof *entries);
    for (size_t i = 0; i < count; i++) {
        entries[i] = (sema_position_entry){sema_position_of(sema->model, elements[i]->span), elements[i]};
    }
    qsort(entries, count, sizeof *entries, sema_compare_positions);
    for (size_t i = 0; i < count; i++) {
        elements[i] = entries[i].element;
        elements[i]->index = i;
    }
    free(entries);
}

/* Moves a model array from the heap, where it grew, into the arena at its final size. */
static void *sema_settle_array(jrn_sema *sema, void *items, size_t count, size_t element_size)
{
    void *settled = arena_alloc_array(sema->arena, count + 1, element_size);
    if (count > 0) memcpy(settled, items, count * element_size);
    free(items);
    return settled;
}

static void sema_settle_model_arrays(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    model->segments = sema_settle_array(sema, model->segments, model->segment_count, sizeof *model->segments);
    model->personas = sema_settle_array(sema, model->personas, model->persona_count, sizeof *model->personas);
    model->teams = sema_settle_array(sema, model->teams, model->team_count, sizeof *model->teams);
    model->channels = sema_settle_array(sema, model->channels, model->channel_count, sizeof *model->channels);
    model->stages = sema_settle_array(sema, model->stages, model->stage_count, sizeof *model->stages);
    model->touchpoints = sema_settle_array(sema, model->touchpoints, model->touchpoint_count, sizeof *model->touchpoints);
    model->journeys = sema_settle_array(sema, model->journeys, model->journey_count, sizeof *model->journeys);
    model->metrics = sema_settle_array(sema, model->metrics, model->metric_count, sizeof *model->metrics);
    model->kpis = sema_settle_array(sema, model->kpis, model->kpi_count, sizeof *model->kpis);
}

static void sema_mark_extended(jrn_sema *sema)
{
    for (size_t i = 0; i < sema->extend_count; i++) {
        const jrn_element *target = sema->extends[i].element;
        sema->is_extended[target->kind][target->index] = 1;
    }
}

/* Frees a heap array the model has not settled and forgets it. */
#define SEMA_FREE_ARRAY(items) \
    do { \
        free(items); \
        (items) = NULL; \
    } while (0)

void sema_free_unsettled(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    SEMA_FREE_ARRAY(model->segments);
    SEMA_FREE_ARRAY(model->personas);
    SEMA_FREE_ARRAY(model->teams);
    SEMA_FREE_ARRAY(model->channels);
    SEMA_FREE_ARRAY(model->stages);
    SEMA_FREE_ARRAY(model->touchpoints);
    SEMA_FREE_ARRAY(model->journeys);
    SEMA_FREE_ARRAY(model->metrics);
    SEMA_FREE_ARRAY(model->kpis);
}

/* Rows of a kind's side tables: one per element (and one for the map). */
static size_t sema_side_table_rows(const jrn_sema *sema, int kind)
{
    return kind == KIND_KPI ? sema->model->kpi_count : sema->names[kind].count;
}

/* Removes the replaced prelude declarations from one model array; the rest keep their order
 * and are numbered again. */
static void sema_drop_replaced(const jrn_sema *sema, jrn_element **elements, size_t *count)
{
    size_t kept = 0;
    for (size_t i = 0; i < *count; i++) {
        bool replaced = false;
        for (size_t r = 0; r < sema->replaced_count && !replaced; r++) replaced = sema->replaced[r] == elements[i];
        if (replaced) continue;
        elements[kept] = elements[i];
        elements[kept]->index = (uint32_t)kept;
        kept++;
    }
    *count = kept;
}

/* Once all is declared: model arrays in source order, into the arena, with side tables. */
static void sema_settle_declarations(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    if (sema->replaced_count > 0) {
        sema_drop_replaced(sema, (jrn_element **)model->metrics, &model->metric_count);
        sema_drop_replaced(sema, (jrn_element **)model->channels, &model->channel_count);
        sema_drop_replaced(sema, (jrn_element **)model->segments, &model->segment_count);
        sema_drop_replaced(sema, (jrn_element **)model->personas, &model->persona_count);
        sema_drop_replaced(sema, (jrn_element **)model->teams, &model->team_count);
        sema_drop_replaced(sema, (jrn_element **)model->journeys, &model->journey_count);
    }
    sema_sort_by_position(sema, (jrn_element **)model->stages, model->stage_count);
    sema_sort_by_position(sema, (jrn_element **)model->touchpoints, model->touchpoint_count);
    sema_sort_by_position(sema, (jrn_element **)model->kpis, model->kpi_count);
    sema_settle_model_arrays(sema);
    for (int kind = 0; kind < KIND_COUNT; kind++) {
        size_t rows = sema_side_table_rows(sema, kind);
        sema->set_slots[kind] = arena_alloc_array(sema->arena, rows + 1, sizeof(uint64_t));
        sema->is_extended[kind] = arena_alloc_array(sema->arena, rows + 1, sizeof(uint8_t));
    }
    sema->arrays_settled = true;
    sema_mark_extended(sema);
}

/* Extends come after every plain declaration, so they may target any file's. */
static void sema_declare_extends(jrn_sema *sema)
{
    for (size_t f = 0; f < sema->model->file_count; f++) {
        for (const jrn_ast_item *item = sema->trees[f]->items; item != NULL; item = item->next) {
            if (item->kind == ITEM_DECL && item->decl->is_extend) sema_declare_extend(sema, item->decl);
        }
    }
}

void sema_declare_all(jrn_sema *sema)
{
    /* Files in load order: what a file uses is declared before the file itself, wherever
     * its "use" is written. */
    for (size_t f = 0; f < sema->model->file_count; f++) sema_declare_file(sema, sema->trees[f]);
    sema->plain_decl_count = sema->decl_count;
    sema_declare_extends(sema);
    sema_settle_declarations(sema);
}
