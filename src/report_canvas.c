/* report_canvas.c — the Markdown report's journey-map canvas: a table with the stages as
 * columns and the lanes as rows (the plan is canvas_plan.c's, as in the picture). */
#include "jrn/report_canvas.h"

#include "jrn/canvas_plan.h"
#include "jrn/report_actuals.h"
#include "jrn/report_format.h"

/* At most this many items in a cell; the rest are counted. */
#define REPORT_CANVAS_CELL_ITEMS 8u

typedef struct canvas_table {
    jrn_strbuf *out;
    jrn_arena *arena;
    const canvas_plan *plan;
    const jrn_actuals *actuals;
    size_t items;                 /* in the cell being written */
} canvas_table;

/* Starts an item of a cell: a line break between items. False past the cell's limit. */
static bool canvas_table_item(canvas_table *table)
{
    if (table->items++ >= REPORT_CANVAS_CELL_ITEMS) return false;
    if (table->items > 1) strbuf_puts(table->out, "<br>");
    return true;
}

static void canvas_table_more(canvas_table *table)
{
    if (table->items > REPORT_CANVAS_CELL_ITEMS)
        strbuf_printf(table->out, "<br>*+ %zu more*", table->items - REPORT_CANVAS_CELL_ITEMS);
}

/* The stage heading of a column: "Parent › Sub-stage" for a sub-stage. */
static void canvas_table_heading(canvas_table *table, const canvas_column *column)
{
    if (column->stage != column->top) {
        report_put_md(table->out, element_label(&column->top->base));
        strbuf_puts(table->out, " › ");
    }
    report_put_md(table->out, element_label(&column->stage->base));
}

static void canvas_table_stage(canvas_table *table, const jrn_stage *stage)
{
    const jrn_model *model = table->plan->model;
    if (stage->goal) {
        canvas_table_item(table);
        strbuf_puts(table->out, "*");
        report_put_md(table->out, stage->goal);
        strbuf_puts(table->out, "*");
    }
    if (stage->description) {
        canvas_table_item(table);
        report_put_md(table->out, stage->description);
    }
    if (stage->has_emotion || stage->has_aspiration) {
        canvas_table_item(table);
        if (stage->has_emotion) {
            strbuf_puts(table->out, "now ");
            report_put_md(table->out, report_emotion_text(table->arena, model, stage->emotion));
        }
        if (stage->has_emotion && stage->has_aspiration) strbuf_puts(table->out, " → ");
        if (stage->has_aspiration) {
            strbuf_puts(table->out, "aim ");
            report_put_md(table->out, report_emotion_text(table->arena, model, stage->aspiration));
        }
    }
    for (size_t i = 0; i < stage->sources.count; i++) {
        canvas_table_item(table);
        strbuf_puts(table->out, "Source: ");
        report_put_md(table->out, stage->sources.items[i]);
    }
}

static void canvas_table_touchpoint(canvas_table *table, const canvas_item *item)
{
    const jrn_touchpoint *touchpoint = item->touchpoint;
    strbuf_printf(table->out, "%zu. **", item->number);
    report_put_md(table->out, element_label(&touchpoint->base));
    strbuf_puts(table->out, "**");
    if (touchpoint->is_truth) strbuf_puts(table->out, " ★");
    if (touchpoint->is_pain && touchpoint->is_delight) strbuf_puts(table->out, " *(pain and delight)*");
    else if (touchpoint->is_pain) strbuf_puts(table->out, " *(pain)*");
    else if (touchpoint->is_delight) strbuf_puts(table->out, " *(delight)*");
    if (touchpoint->channel_count > 0) {
        strbuf_puts(table->out, " — ");
        report_put_md(table->out, report_join_channels(table->arena, touchpoint->channels,
                                                             touchpoint->channel_count, ", "));
    }
}

static void canvas_table_kpi(canvas_table *table, const canvas_item *item)
{
    const jrn_kpi *kpi = item->kpi;
    report_put_md(table->out, element_label(&kpi->metric->base));
    if (kpi->has_target) {
        strbuf_puts(table->out, ": target ");
        report_put_md(table->out, kpi->target.text);
    }
    if (table->actuals) {
        report_kpi_actual actual = report_kpi_actual_of(table->actuals, kpi);
        const char *text = report_actual_text(table->arena, &actual);
        strbuf_puts(table->out, ", ");
        if (text) {
            report_put_md(table->out, text);
            strbuf_puts(table->out, " ");
        }
        report_put_md(table->out, report_status_text(actual.status));
    }
    if (item->touchpoint) {
        strbuf_puts(table->out, " *(");
        report_put_md(table->out, element_label(&item->touchpoint->base));
        strbuf_puts(table->out, ")*");
    }
}

/* The feeling lane: each rated touchpoint's emotion by its number (or each persona's
 * mean), then what customers feel (the stage's now and aim are in the stage row). */
static void canvas_table_feeling(canvas_table *table, const canvas_column *column)
{
    const canvas_plan *plan = table->plan;
    size_t personas = plan->options->canvas_persona_count;
    for (size_t p = 0; personas > 1 && p < personas; p++) {
        double mean;
        if (!canvas_persona_feeling(plan, p, column, &mean) || !canvas_table_item(table)) continue;
        report_put_md(table->out, element_label(&plan->options->canvas_personas[p]->base));
        strbuf_puts(table->out, " ");
        report_put_md(table->out, report_emotion_text(table->arena, plan->model, mean));
    }
    for (size_t i = 0; personas <= 1 && i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        if (!touchpoint->has_emotion || !canvas_table_item(table)) continue;
        strbuf_printf(table->out, "%zu: ", i + 1);
        report_put_md(table->out, report_emotion_text(table->arena, plan->model, touchpoint->emotion));
    }
}

static void canvas_table_items(canvas_table *table, jrn_canvas_lane lane, const canvas_column *column)
{
    size_t count = canvas_item_count(lane, column);
    for (size_t index = 0; index < count; index++) {
        if (table->items >= REPORT_CANVAS_CELL_ITEMS) {
            /* the cell is full: the rest are only counted */
            table->items += count - index;
            break;
        }
        canvas_item item;
        if (!canvas_find_item(lane, column, index, &item) || !canvas_table_item(table)) continue;
        switch (lane) {
        case CANVAS_LANE_TOUCHPOINTS: canvas_table_touchpoint(table, &item); break;
        case CANVAS_LANE_KPIS: canvas_table_kpi(table, &item); break;
        default: {
            const char *text = item.text;
            bool quoted = lane == CANVAS_LANE_THINKING || lane == CANVAS_LANE_FEELING || lane == CANVAS_LANE_QUOTES;
            /* the stage's own notes stand out from its touchpoints' */
            if (!item.touchpoint) strbuf_puts(table->out, "**");
            if (quoted) strbuf_puts(table->out, "“");
            /* a bare pain or delight flag says no more than the touchpoint's name */
            report_put_md(table->out, text && *text ? text : element_label(&item.touchpoint->base));
            if (quoted) strbuf_puts(table->out, "”");
            if (!item.touchpoint) strbuf_puts(table->out, "**");
            /* whose words they are */
            if (item.touchpoint && text && *text &&
                lane == CANVAS_LANE_QUOTES) {
                strbuf_puts(table->out, " *(");
                report_put_md(table->out, element_label(&item.touchpoint->base));
                strbuf_puts(table->out, ")*");
            }
            break;
        }
        }
    }
}

static void canvas_table_owners(canvas_table *table, const canvas_column *column)
{
    const jrn_team *stage_owner = column->stage->owner;
    if (stage_owner && canvas_table_item(table)) {
        strbuf_puts(table->out, "**");
        report_put_md(table->out, element_label(&stage_owner->base));
        strbuf_puts(table->out, "**");
    }
    for (size_t i = 0; i < column->owner_count; i++)
        if (canvas_table_item(table)) report_put_md(table->out, element_label(&column->owners[i]->base));
}

static void canvas_table_cell(canvas_table *table, jrn_canvas_lane lane, const canvas_column *column)
{
    strbuf_puts(table->out, " ");
    table->items = 0;
    switch (lane) {
    case CANVAS_LANE_STAGE: canvas_table_stage(table, column->stage); break;
    case CANVAS_LANE_OWNERS: canvas_table_owners(table, column); break;
    case CANVAS_LANE_FEELING: canvas_table_feeling(table, column); canvas_table_items(table, lane, column); break;
    default: canvas_table_items(table, lane, column); break;
    }
    canvas_table_more(table);
    strbuf_puts(table->out, " |");
}

void report_md_canvas(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_actuals *actuals)
{
    jrn_emit_options options = {.view = VIEW_CANVAS, .actuals = actuals};
    canvas_plan *plan = canvas_plan_build(model, &options, arena);
    if (plan->column_count == 0) {
        strbuf_puts(out, "*No stages declared.*\n");
        return;
    }
    canvas_table table = {out, arena, plan, actuals, 0};
    strbuf_puts(out, "| Lane |");
    for (size_t i = 0; i < plan->column_count; i++) {
        strbuf_puts(out, " ");
        canvas_table_heading(&table, &plan->columns[i]);
        strbuf_puts(out, " |");
    }
    strbuf_puts(out, "\n| --- |");
    for (size_t i = 0; i < plan->column_count; i++) strbuf_puts(out, " --- |");
    strbuf_puts(out, "\n");
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++) {
        if (!plan->lane_shown[lane]) continue;
        strbuf_printf(out, "| **%s** |", canvas_lane_title((jrn_canvas_lane)lane));
        for (size_t i = 0; i < plan->column_count; i++)
            canvas_table_cell(&table, (jrn_canvas_lane)lane, &plan->columns[i]);
        strbuf_puts(out, "\n");
    }
    if (plan->stages_left_out > 0)
        strbuf_printf(out, "\n*Only the first %zu stage columns are shown; %zu more are left out.*\n",
                      plan->column_count, plan->stages_left_out);
}
