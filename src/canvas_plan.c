/* canvas_plan.c — what the journey-map canvas shows, for the picture (dot_canvas*.c) and
 * the reports alike: the stage columns in spine order, the touchpoints of each as the
 * personas asked for live them, the lanes with something to show, and each lane's items. */
#include "jrn/canvas_plan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

/* True when text is missing or only white space: nothing to show. */
static bool canvas_is_blank(const char *text)
{
    if (!text) return true;
    for (; *text; text++)
        if (!strchr(" \t\r\n", *text)) return false;
    return true;
}

static const char *const canvas_lane_names[CANVAS_LANE_COUNT] = {
    [CANVAS_LANE_STAGE] = "stage",
    [CANVAS_LANE_DOING] = "doing",
    [CANVAS_LANE_TOUCHPOINTS] = "touchpoints",
    [CANVAS_LANE_THINKING] = "thinking",
    [CANVAS_LANE_QUOTES] = "quotes",
    [CANVAS_LANE_FEELING] = "feeling",
    [CANVAS_LANE_PAINS] = "pains",
    [CANVAS_LANE_DELIGHTS] = "delights",
    [CANVAS_LANE_OPPORTUNITIES] = "opportunities",
    [CANVAS_LANE_KPIS] = "kpis",
    [CANVAS_LANE_OWNERS] = "owners",
};

jrn_canvas_lane canvas_lane_named(const char *name)
{
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++)
        if (strcmp(canvas_lane_names[lane], name) == 0) return (jrn_canvas_lane)lane;
    return CANVAS_LANE_COUNT;
}

const char *canvas_lane_name(jrn_canvas_lane lane)
{
    return lane < CANVAS_LANE_COUNT ? canvas_lane_names[lane] : "";
}

const char *canvas_lane_list(void)
{
    return "stage, doing, touchpoints, thinking, quotes, feeling, pains, delights, opportunities, kpis, owners";
}

static const char *const canvas_lane_titles[CANVAS_LANE_COUNT] = {
    [CANVAS_LANE_STAGE] = "Stage",
    [CANVAS_LANE_DOING] = "Doing",
    [CANVAS_LANE_TOUCHPOINTS] = "Touchpoints",
    [CANVAS_LANE_THINKING] = "Thinking",
    [CANVAS_LANE_QUOTES] = "Quotes",
    [CANVAS_LANE_FEELING] = "Feeling",
    [CANVAS_LANE_PAINS] = "Pain points",
    [CANVAS_LANE_DELIGHTS] = "Delights",
    [CANVAS_LANE_OPPORTUNITIES] = "Opportunities",
    [CANVAS_LANE_KPIS] = "KPIs",
    [CANVAS_LANE_OWNERS] = "Owners",
};

const char *canvas_lane_title(jrn_canvas_lane lane)
{
    return lane < CANVAS_LANE_COUNT ? canvas_lane_titles[lane] : "";
}

/* ---- what a lane shows ---- */

/* The stage's own notes in a lane come first in its cell: one text for doing, thinking,
 * feeling, pains and delights, a list for quotes and opportunities. */
static const char *canvas_stage_single(jrn_canvas_lane lane, const jrn_stage *stage)
{
    switch (lane) {
    case CANVAS_LANE_DOING: return stage->does;
    case CANVAS_LANE_THINKING: return stage->thinks;
    case CANVAS_LANE_FEELING: return stage->feels;
    case CANVAS_LANE_PAINS: return stage->pain;
    case CANVAS_LANE_DELIGHTS: return stage->delight;
    default: return NULL;
    }
}

static const jrn_text_list *canvas_stage_list(jrn_canvas_lane lane, const jrn_stage *stage)
{
    if (lane == CANVAS_LANE_QUOTES) return &stage->quotes;
    if (lane == CANVAS_LANE_OPPORTUNITIES) return &stage->opportunities;
    return NULL;
}

size_t canvas_stage_note_count(jrn_canvas_lane lane, const jrn_stage *stage)
{
    const jrn_text_list *list = canvas_stage_list(lane, stage);
    return list ? list->count : !canvas_is_blank(canvas_stage_single(lane, stage));
}

const char *canvas_stage_note(jrn_canvas_lane lane, const jrn_stage *stage, size_t index)
{
    const jrn_text_list *list = canvas_stage_list(lane, stage);
    return list ? list->items[index] : canvas_stage_single(lane, stage);
}

bool canvas_stage_has_notes(const jrn_stage *stage)
{
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++)
        if (canvas_stage_note_count((jrn_canvas_lane)lane, stage) > 0) return true;
    return false;
}

/* The touchpoint's list in a list lane: its quotes or its opportunities. */
static const jrn_text_list *canvas_touchpoint_list(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    if (lane == CANVAS_LANE_QUOTES) return &touchpoint->notes->quotes;
    if (lane == CANVAS_LANE_OPPORTUNITIES) return &touchpoint->notes->opportunities;
    return NULL;
}

/* What a text lane shows of a touchpoint (doing, thinking, pains, delights, feeling's
 * feels): the text, "" for a bare pain or delight flag, NULL for nothing. */
static const char *canvas_text_of(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    switch (lane) {
    case CANVAS_LANE_DOING: return touchpoint->notes->does;
    case CANVAS_LANE_THINKING: return touchpoint->notes->thinks;
    case CANVAS_LANE_PAINS: return touchpoint->is_pain ? (touchpoint->pain ? touchpoint->pain : "") : NULL;
    case CANVAS_LANE_DELIGHTS:
        return touchpoint->is_delight ? (touchpoint->delight ? touchpoint->delight : "") : NULL;
    case CANVAS_LANE_FEELING: return touchpoint->notes->feels;
    default: return NULL;
    }
}

static bool canvas_has_text(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    const char *text = canvas_text_of(lane, touchpoint);
    if (lane == CANVAS_LANE_PAINS || lane == CANVAS_LANE_DELIGHTS) return text != NULL;
    return !canvas_is_blank(text);
}

/* The column's rated touchpoints (for the feeling lane's points). */
static size_t canvas_count_rated(const canvas_column *column)
{
    size_t count = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++) count += column->touchpoints[i]->has_emotion;
    return count;
}

/* A persona's feeling at a column: the mean emotion of the rated touchpoints they live
 * there; false when they rate none. */
bool canvas_persona_feeling(const canvas_plan *plan, size_t persona, const canvas_column *column,
                                   double *mean)
{
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        if (!touchpoint->has_emotion || !plan->for_persona[persona][touchpoint->base.index]) continue;
        sum += touchpoint->emotion;
        count++;
    }
    if (count == 0) return false;
    *mean = sum / (double)count;
    return true;
}

/* Whether the lane has something to show in the column, from its touchpoints (the counts
 * of items already taken). */
static bool canvas_find_content(jrn_canvas_lane lane, const canvas_column *column)
{
    switch (lane) {
    case CANVAS_LANE_STAGE: return true;
    case CANVAS_LANE_TOUCHPOINTS: return column->touchpoint_count > 0;
    case CANVAS_LANE_FEELING:
        if (column->stage->has_emotion || column->stage->has_aspiration) return true;
        if (canvas_stage_note_count(lane, column->stage) > 0) return true;
        for (size_t i = 0; i < column->touchpoint_count; i++)
            if (column->touchpoints[i]->has_emotion || !canvas_is_blank(column->touchpoints[i]->notes->feels))
                return true;
        return false;
    case CANVAS_LANE_OWNERS: return column->stage->owner || column->owner_count > 0;
    case CANVAS_LANE_COUNT: return false;
    default: return column->item_count[lane] > 0;
    }
}

bool canvas_lane_has_content(jrn_canvas_lane lane, const canvas_column *column)
{
    return lane < CANVAS_LANE_COUNT && column->has_content[lane];
}

/* How many items a touchpoint has in a lane. */
static size_t canvas_touchpoint_items(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    if (lane == CANVAS_LANE_TOUCHPOINTS) return 1;
    if (lane == CANVAS_LANE_KPIS) return touchpoint->kpi_count;
    const jrn_text_list *list = canvas_touchpoint_list(lane, touchpoint);
    return list ? list->count : canvas_has_text(lane, touchpoint);
}

/* Finds the index-th item of a lane in a column: the stage's own (notes or KPIs) first,
 * then each touchpoint's; false past the last. */
bool canvas_find_item(jrn_canvas_lane lane, const canvas_column *column, size_t index, canvas_item *item)
{
    *item = (canvas_item){NULL, NULL, NULL, 0};
    if (index >= canvas_item_count(lane, column)) return false;
    const jrn_stage *stage = column->stage;
    size_t seen = lane == CANVAS_LANE_KPIS ? stage->kpi_count : canvas_stage_note_count(lane, stage);
    if (index < seen) {
        if (lane == CANVAS_LANE_KPIS) item->kpi = stage->kpis[index];
        else item->text = canvas_stage_note(lane, stage, index);
        return true;
    }
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        size_t here = canvas_touchpoint_items(lane, touchpoint);
        if (index < seen + here) {
            item->touchpoint = touchpoint;
            item->number = i + 1;
            const jrn_text_list *list = canvas_touchpoint_list(lane, touchpoint);
            if (lane == CANVAS_LANE_KPIS) item->kpi = touchpoint->kpis[index - seen];
            else if (list) item->text = list->items[index - seen];
            else item->text = canvas_text_of(lane, touchpoint);
            return true;
        }
        seen += here;
    }
    return false;
}

/* How many items the lane has in the column: the stage's notes or KPIs and its
 * touchpoints' texts, quotes, opportunities or KPIs (the feeling lane: the texts under
 * its scale). */
static size_t canvas_count_items(jrn_canvas_lane lane, const canvas_column *column)
{
    if (lane == CANVAS_LANE_TOUCHPOINTS) return column->touchpoint_count;
    size_t count = lane == CANVAS_LANE_KPIS ? column->stage->kpi_count : canvas_stage_note_count(lane, column->stage);
    for (size_t i = 0; i < column->touchpoint_count; i++) count += canvas_touchpoint_items(lane, column->touchpoints[i]);
    return count;
}

size_t canvas_item_count(jrn_canvas_lane lane, const canvas_column *column)
{
    return lane < CANVAS_LANE_COUNT ? column->item_count[lane] : 0;
}

size_t canvas_rated(const canvas_column *column)
{
    return column->rated;
}

/* The column's touchpoints' teams other than the stage's owner, each once, in the order
 * they first appear. seen[t] marks team t while the column is listed; it is clear again
 * on return. */
static void canvas_list_owners(jrn_arena *arena, canvas_column *column, bool *seen)
{
    column->owners = arena_alloc_array(arena, column->touchpoint_count + 1, sizeof(jrn_team *));
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_team *team = column->touchpoints[i]->owner;
        if (!team || team == column->stage->owner || seen[team->base.index]) continue;
        seen[team->base.index] = true;
        column->owners[column->owner_count++] = team;
    }
    for (size_t i = 0; i < column->owner_count; i++) seen[column->owners[i]->base.index] = false;
}

/* Counts, once, what every lane of the column holds: the picture and the reports ask for
 * these at each row of each band, so counting there would cost a column's size each time. */
static void canvas_count_column(canvas_column *column)
{
    column->rated = canvas_count_rated(column);
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++)
        column->item_count[lane] = canvas_count_items((jrn_canvas_lane)lane, column);
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++)
        column->has_content[lane] = canvas_find_content((jrn_canvas_lane)lane, column);
}

/* ---- which touchpoints, in which order ---- */

static bool canvas_journey_walked_by(const jrn_journey *journey, const jrn_persona *persona)
{
    for (size_t i = 0; i < journey->persona_count; i++)
        if (journey->personas[i] == persona) return true;
    return false;
}

/* A persona lives the touchpoints that name them, the steps of the journeys they walk,
 * and the touchpoints that name nobody and no journey visits (the heat map's audience
 * for those, report_facts.h): an unnamed step of other personas' journeys is theirs. */
static void canvas_mark_persona(const jrn_model *model, const jrn_persona *persona, bool *lives)
{
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        bool is_for = touchpoint->persona_count == 0;
        for (size_t k = 0; k < touchpoint->persona_count && !is_for; k++)
            is_for = touchpoint->personas[k] == persona;
        lives[i] = is_for;
    }
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        if (canvas_journey_walked_by(journey, persona)) continue;
        for (size_t k = 0; k < journey->step_count; k++)
            if (journey->steps[k]->persona_count == 0) lives[journey->steps[k]->base.index] = false;
    }
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        if (!canvas_journey_walked_by(journey, persona)) continue;
        for (size_t k = 0; k < journey->step_count; k++) lives[journey->steps[k]->base.index] = true;
    }
}

/* With personas, a stage's touchpoints read in the order their journeys walk them (the
 * first journey first); the others follow as declared. order[i] ranks touchpoint i. */
static void canvas_journey_order(const canvas_plan *plan, size_t *order)
{
    const jrn_model *model = plan->model;
    for (size_t i = 0; i < model->touchpoint_count; i++) order[i] = SIZE_MAX;
    size_t next = 0;
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        bool walked = false;
        for (size_t p = 0; p < plan->options->canvas_persona_count && !walked; p++)
            walked = canvas_journey_walked_by(journey, plan->options->canvas_personas[p]);
        if (!walked) continue;
        for (size_t k = 0; k < journey->step_count; k++) {
            size_t index = journey->steps[k]->base.index;
            if (order[index] == SIZE_MAX) order[index] = next++;
        }
    }
}

typedef struct canvas_ranked {
    const jrn_touchpoint *touchpoint;
    size_t rank, position;
} canvas_ranked;

static int canvas_compare_ranked(const void *a, const void *b)
{
    const canvas_ranked *x = a, *y = b;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return x->position < y->position ? -1 : x->position > y->position;
}

static bool canvas_shown(const canvas_plan *plan, const jrn_touchpoint *touchpoint)
{
    if (plan->options->canvas_persona_count == 0) return true;
    for (size_t p = 0; p < plan->options->canvas_persona_count; p++)
        if (plan->for_persona[p][touchpoint->base.index]) return true;
    return false;
}

static void canvas_fill_column(canvas_plan *plan, jrn_arena *arena, canvas_column *column,
                               const size_t *order, bool *team_seen)
{
    const jrn_stage *stage = column->stage;
    column->touchpoints = arena_alloc_array(arena, stage->touchpoint_count + 1, sizeof(jrn_touchpoint *));
    canvas_ranked *ranked = memory_calloc(stage->touchpoint_count + 1, sizeof *ranked);
    size_t count = 0;
    for (size_t i = 0; i < stage->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[i];
        if (!canvas_shown(plan, touchpoint)) continue;
        ranked[count] = (canvas_ranked){touchpoint, order ? order[touchpoint->base.index] : 0, i};
        count++;
    }
    if (order) qsort(ranked, count, sizeof *ranked, canvas_compare_ranked);
    for (size_t i = 0; i < count; i++) column->touchpoints[i] = ranked[i].touchpoint;
    column->touchpoint_count = count;
    free(ranked);
    canvas_list_owners(arena, column, team_seen);
    canvas_count_column(column);
}

/* Where a column stands among its top-level stage's columns, in the spine as written: a
 * sub-stage at its slot; the stage's own column at its first touchpoint's slot, after a
 * sub-stage written just before that touchpoint, or first when it holds only notes or KPIs. */
static uint64_t canvas_column_place(const canvas_column *column)
{
    const jrn_stage *stage = column->stage;
    if (stage->parent) return (uint64_t)stage->spine_slot * 3 + 1;
    if (stage->touchpoint_count == 0) return (uint64_t)stage->spine_slot * 3;
    return (uint64_t)stage->touchpoints[0]->spine_slot * 3 + 2;
}

/* Orders the columns of each top-level stage as the spine is written (model->stages lists a
 * stage before its sub-stages, wherever its own touchpoints are written). Insertion sort:
 * a stage has few sub-stages. */
static void canvas_order_columns(canvas_plan *plan)
{
    for (size_t i = 1; i < plan->column_count; i++) {
        canvas_column column = plan->columns[i];
        size_t k = i;
        while (k > 0 && plan->columns[k - 1].top == column.top &&
               canvas_column_place(&plan->columns[k - 1]) > canvas_column_place(&column)) {
            plan->columns[k] = plan->columns[k - 1];
            k--;
        }
        plan->columns[k] = column;
    }
}

/* A column per stage without sub-stages; a stage with sub-stages has one of its own only
 * when touchpoints, KPIs or notes sit on it directly. At most CANVAS_PLAN_COLUMN_LIMIT columns. */
static size_t canvas_plan_columns(canvas_plan *plan, jrn_arena *arena)
{
    const jrn_model *model = plan->model;
    size_t *order = NULL;
    if (plan->options->canvas_persona_count > 0) {
        order = memory_calloc(model->touchpoint_count + 1, sizeof *order);
        canvas_journey_order(plan, order);
    }
    bool *team_seen = memory_calloc(model->team_count + 1, sizeof *team_seen);
    plan->columns = arena_alloc_array(arena, model->stage_count + 1, sizeof(canvas_column));
    size_t left_out = 0;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (stage->child_count > 0 && stage->touchpoint_count == 0 && stage->kpi_count == 0 &&
            !canvas_stage_has_notes(stage))
            continue;
        if (plan->column_count == CANVAS_PLAN_COLUMN_LIMIT) {
            left_out++;
            continue;
        }
        canvas_column *column = &plan->columns[plan->column_count++];
        column->stage = stage;
        column->top = stage->parent ? stage->parent : stage;
        canvas_fill_column(plan, arena, column, order, team_seen);
    }
    free(team_seen);
    free(order);
    canvas_order_columns(plan);
    return left_out;
}

static void canvas_plan_lanes(canvas_plan *plan)
{
    unsigned chosen = plan->options->canvas_lanes;
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++) {
        bool wanted = lane == CANVAS_LANE_STAGE || chosen == 0 || (chosen & CANVAS_LANE_BIT(lane));
        bool content = false;
        for (size_t i = 0; i < plan->column_count && wanted && !content; i++)
            content = canvas_lane_has_content((jrn_canvas_lane)lane, &plan->columns[i]);
        plan->lane_shown[lane] = wanted && content;
    }
    plan->lane_shown[CANVAS_LANE_STAGE] = true;
}

canvas_plan *canvas_plan_build(const jrn_model *model, const jrn_emit_options *options, jrn_arena *arena)
{
    canvas_plan *plan = arena_alloc(arena, sizeof *plan);
    *plan = (canvas_plan){.model = model, .options = options};
    plan->for_persona = arena_alloc_array(arena, options->canvas_persona_count + 1, sizeof(bool *));
    for (size_t p = 0; p < options->canvas_persona_count; p++) {
        plan->for_persona[p] = arena_alloc_array(arena, model->touchpoint_count + 1, sizeof(bool));
        canvas_mark_persona(model, options->canvas_personas[p], plan->for_persona[p]);
    }
    plan->stages_left_out = canvas_plan_columns(plan, arena);
    canvas_plan_lanes(plan);
    return plan;
}
