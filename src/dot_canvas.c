/* dot_canvas.c — the journey-map canvas as a picture: the plan (canvas_plan.c) wrapped
 * into bands of stages no wider than about 3:1, and the graph of one table per band. */
#include "jrn/dot_canvas.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/dot_budget.h"
#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"
#include "jrn/memory.h"

/* ---- columns, lanes, bands ---- */

/* The scale's rows: a row per half step on the default -2..2 scale, at most 11. */
static size_t canvas_emotion_rows(const jrn_model *model)
{
    double span = model->emotion_high - model->emotion_low;
    if (!(span > 0)) return 5;
    double rows = span * 2 + 1;
    return rows > 11 || rows != (double)(size_t)rows ? 11 : (size_t)rows;
}

/* A band: columns [first, first + count). */
typedef struct canvas_band {
    size_t first, count;
} canvas_band;

/* The rows a lane takes in a band: its most in any column (at least one). */
static size_t canvas_band_lane_rows(const canvas_plan *plan, jrn_canvas_lane lane, canvas_band band)
{
    size_t rows = 1;
    for (size_t i = band.first; i < band.first + band.count; i++) {
        size_t here = dot_canvas_lane_rows(lane, &plan->columns[i]);
        if (here > rows) rows = here;
    }
    return rows;
}

/* True when a column of the band is a sub-stage's or a parent stage's own. */
static bool canvas_band_has_sub_stages(const canvas_plan *plan, canvas_band band)
{
    for (size_t i = band.first; i < band.first + band.count; i++)
        if (plan->columns[i].stage != plan->columns[i].top || plan->columns[i].top->child_count > 0) return true;
    return false;
}

/* What the band search measures of each column, taken once: the search tries a split per
 * count of stages to a band, each measuring every column, so a try reads numbers instead
 * of walking the model's items again. Lines are of 10-point text. */
typedef struct canvas_measures {
    size_t lane_first[CANVAS_LANE_COUNT];   /* where a lane's rows start among a column's lines */
    size_t stride;                          /* the lines kept per column: every lane's most rows */
    size_t *rows;                           /* [column * CANVAS_LANE_COUNT + lane]: the rows it takes */
    double *lines;                          /* [column * stride + lane_first[lane] + row] */
    double *top_lines, *sub_lines, *widths; /* per column: its stage titles, its width in points */
} canvas_measures;

static void canvas_measure(const canvas_plan *plan, canvas_measures *measures)
{
    size_t columns = plan->column_count;
    size_t most_rows[CANVAS_LANE_COUNT] = {0};
    measures->rows = memory_calloc(columns * CANVAS_LANE_COUNT + 1, sizeof *measures->rows);
    for (size_t i = 0; i < columns; i++) {
        for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++) {
            size_t rows = dot_canvas_lane_rows((jrn_canvas_lane)lane, &plan->columns[i]);
            measures->rows[i * CANVAS_LANE_COUNT + lane] = rows;
            if (rows > most_rows[lane]) most_rows[lane] = rows;
        }
    }
    measures->stride = 0;
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++) {
        measures->lane_first[lane] = measures->stride;
        measures->stride += most_rows[lane];
    }
    measures->lines = memory_calloc(columns * measures->stride + 1, sizeof *measures->lines);
    measures->top_lines = memory_calloc(columns + 1, sizeof *measures->top_lines);
    measures->sub_lines = memory_calloc(columns + 1, sizeof *measures->sub_lines);
    measures->widths = memory_calloc(columns + 1, sizeof *measures->widths);
    for (size_t i = 0; i < columns; i++) {
        const canvas_column *column = &plan->columns[i];
        for (int lane = CANVAS_LANE_STAGE + 1; lane < CANVAS_LANE_COUNT; lane++) {
            size_t rows = measures->rows[i * CANVAS_LANE_COUNT + lane];
            double *lines = &measures->lines[i * measures->stride + measures->lane_first[lane]];
            for (size_t row = 0; row < rows; row++) lines[row] = dot_canvas_item_lines(plan, (jrn_canvas_lane)lane, column, row);
        }
        measures->top_lines[i] = dot_canvas_stage_lines(plan, column->top);
        measures->sub_lines[i] = column->stage != column->top ? dot_canvas_stage_lines(plan, column->stage) : 1;
        measures->widths[i] = dot_canvas_column_width(plan, column);
    }
}

static void canvas_measures_free(canvas_measures *measures)
{
    free(measures->rows);
    free(measures->lines);
    free(measures->top_lines);
    free(measures->sub_lines);
    free(measures->widths);
}

/* A band's height in points, estimated from the lines of text each row holds (a line of
 * 10-point text is about 12 points; a row's padding and spacing about 11). */
static double canvas_band_height(const canvas_plan *plan, const canvas_measures *measures, canvas_band band)
{
    double top = 0, sub = 0;
    for (size_t i = band.first; i < band.first + band.count; i++) {
        if (measures->top_lines[i] > top) top = measures->top_lines[i];
        if (measures->sub_lines[i] > sub) sub = measures->sub_lines[i];
    }
    double height = top * 12 + 11 + (canvas_band_has_sub_stages(plan, band) ? sub * 12 + 11 : 0);
    for (int lane = CANVAS_LANE_STAGE + 1; lane < CANVAS_LANE_COUNT; lane++) {
        if (!plan->lane_shown[lane]) continue;
        size_t rows = 1;
        for (size_t i = band.first; i < band.first + band.count; i++) {
            size_t here = measures->rows[i * CANVAS_LANE_COUNT + lane];
            if (here > rows) rows = here;
        }
        height += 4;   /* the rule above the lane */
        for (size_t row = 0; row < rows; row++) {
            double tallest = 1;
            for (size_t i = band.first; i < band.first + band.count; i++) {
                if (row >= measures->rows[i * CANVAS_LANE_COUNT + lane]) continue;
                double lines = measures->lines[i * measures->stride + measures->lane_first[lane] + row];
                if (lines > tallest) tallest = lines;
            }
            height += tallest * 12 + 11;
        }
    }
    return height;
}

static double canvas_band_width(const canvas_measures *measures, canvas_band band)
{
    double width = 110;
    for (size_t i = band.first; i < band.first + band.count; i++) width += measures->widths[i] + 11;
    return width;
}

/* Splits the columns into bands of top_per_band top-level stages (a stage's sub-stages
 * stay with it). Returns the number of bands. */
static size_t canvas_split(const canvas_plan *plan, size_t top_per_band, canvas_band *bands)
{
    size_t band_count = 0, tops_in_band = 0;
    for (size_t i = 0; i < plan->column_count; i++) {
        bool new_top = i == 0 || plan->columns[i].top != plan->columns[i - 1].top;
        if (new_top && (band_count == 0 || tops_in_band == top_per_band)) {
            bands[band_count++] = (canvas_band){i, 0};
            tops_in_band = 0;
        }
        tops_in_band += new_top;
        bands[band_count - 1].count++;
    }
    return band_count;
}

/* As many top-level stages to a band as --stages-per-row says; otherwise the most that
 * keep the picture no wider than about 3:1. */
static size_t canvas_plan_bands(const canvas_plan *plan, canvas_band *bands)
{
    size_t tops = 0;
    for (size_t i = 0; i < plan->column_count; i++)
        tops += i == 0 || plan->columns[i].top != plan->columns[i - 1].top;
    if (tops == 0) return 0;
    size_t asked = plan->options->stages_per_row;
    if (asked > 0) return canvas_split(plan, asked, bands);
    canvas_measures measures;
    canvas_measure(plan, &measures);
    size_t found = 0;
    for (size_t per_band = tops; per_band > 1 && found == 0; per_band--) {
        size_t count = canvas_split(plan, per_band, bands);
        double width = 0, height = 90;   /* the title and the key */
        for (size_t b = 0; b < count; b++) {
            double band_width = canvas_band_width(&measures, bands[b]);
            if (band_width > width) width = band_width;
            height += canvas_band_height(plan, &measures, bands[b]) + 22;
        }
        /* 2.8: the estimate's margin under the 3:1 it keeps */
        if (width <= 2.8 * height) found = count;
    }
    canvas_measures_free(&measures);
    if (found > 0) return found;
    return canvas_split(plan, 1, bands);
}

/* ---- the graph ---- */

static void canvas_set(void *object, const char *name, const char *value)
{
    dot_doc_set(object, name, value, false);
}

static void canvas_declare_defaults(dot_doc *doc)
{
    static const char *const graph_defaults[][2] = {
        {"rankdir", "TB"}, {"fontname", DOT_STYLE_FONT}, {"fontsize", "12"},
        {"nodesep", "0.3"}, {"ranksep", "0.3"}, {"pad", "0.3"},
        {"labelloc", "t"}, {"labeljust", "l"}, {"linelength", "0"},
        {"label", ""}, {"tooltip", ""},
    };
    static const char *const node_defaults[][2] = {
        {"shape", "plain"}, {"fontname", DOT_STYLE_FONT}, {"fontsize", "10"},
    };
    for (size_t i = 0; i < sizeof graph_defaults / sizeof graph_defaults[0]; i++)
        dot_doc_declare(doc, DOT_OBJECT_GRAPH, graph_defaults[i][0], graph_defaults[i][1]);
    for (size_t i = 0; i < sizeof node_defaults / sizeof node_defaults[0]; i++)
        dot_doc_declare(doc, DOT_OBJECT_NODE, node_defaults[i][0], node_defaults[i][1]);
}

/* The stage row: a top-level stage with sub-stages spans their columns, and the sub-stage
 * row under it names each (the parent's own column says so). */
static void canvas_stage_rows(jrn_strbuf *out, const canvas_plan *plan, canvas_band band)
{
    bool has_sub_stages = canvas_band_has_sub_stages(plan, band);
    strbuf_printf(out, "<TR><TD BGCOLOR=\"" DOT_CANVAS_HEAD_FILL "\" ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\"%s>",
                  has_sub_stages ? " ROWSPAN=\"2\"" : "");
    dot_canvas_lane_head(out, plan, CANVAS_LANE_STAGE);
    strbuf_puts(out, "</TD>");
    size_t end = band.first + band.count;
    for (size_t i = band.first; i < end;) {
        const jrn_stage *top = plan->columns[i].top;
        size_t span = 0;
        while (i + span < end && plan->columns[i + span].top == top) span++;
        bool alone = span == 1 && plan->columns[i].stage == top;
        strbuf_printf(out, "<TD COLSPAN=\"%zu\" ROWSPAN=\"%d\" BGCOLOR=\"#F7F8FA\" ALIGN=\"LEFT\" VALIGN=\"TOP\" "
                           "BALIGN=\"LEFT\" WIDTH=\"170\">",
                      span, has_sub_stages && alone ? 2 : 1);
        dot_canvas_stage_cell(out, plan, top);
        strbuf_puts(out, "</TD>");
        i += span;
    }
    strbuf_puts(out, "</TR>");
    if (!has_sub_stages) return;
    strbuf_puts(out, "<TR>");
    for (size_t i = band.first; i < end; i++) {
        const canvas_column *column = &plan->columns[i];
        bool alone = column->stage == column->top &&
                     (i + 1 == end || plan->columns[i + 1].top != column->top) &&
                     (i == band.first || plan->columns[i - 1].top != column->top);
        if (alone) continue;
        strbuf_puts(out, "<TD BGCOLOR=\"#FBFBFC\" ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">");
        if (column->stage == column->top)
            strbuf_printf(out, "<FONT POINT-SIZE=\"10\" COLOR=\"%s\"><I>the stage as a whole</I></FONT>",
                          dot_style_theme(plan->options)->muted);
        else
            dot_canvas_stage_cell(out, plan, column->stage);
        strbuf_puts(out, "</TD>");
    }
    strbuf_puts(out, "</TR>");
}

/* A lane's rows: its heading spans them at the left (the feeling lane's heading sits
 * beside its scale, in the first row only). */
static void canvas_lane_rows(jrn_strbuf *out, canvas_plan *plan, jrn_canvas_lane lane, canvas_band band)
{
    size_t rows = canvas_band_lane_rows(plan, lane, band);
    bool head_alone = lane == CANVAS_LANE_FEELING;
    plan->band_first = band.first;
    for (size_t row = 0; row < rows; row++) {
        strbuf_puts(out, "<TR>");
        if (row == 0 || (head_alone && row == 1)) {
            size_t span = head_alone ? (row == 0 ? 1 : rows - 1) : rows;
            strbuf_printf(out, "<TD ROWSPAN=\"%zu\" BGCOLOR=\"" DOT_CANVAS_HEAD_FILL "\" ALIGN=\"LEFT\" "
                               "VALIGN=\"TOP\" BALIGN=\"LEFT\">", span);
            if (row == 0) dot_canvas_lane_head(out, plan, lane);
            strbuf_puts(out, "</TD>");
        }
        for (size_t i = band.first; i < band.first + band.count; i++)
            dot_canvas_item(out, plan, lane, &plan->columns[i], row);
        strbuf_puts(out, "</TR>");
    }
}

/* A rule between lanes: a thin row across the band. */
static void canvas_rule(jrn_strbuf *out, canvas_band band)
{
    strbuf_printf(out, "<TR><TD COLSPAN=\"%zu\" HEIGHT=\"1\" CELLPADDING=\"0\" BGCOLOR=\"#C5CAD3\"></TD></TR>", band.count + 1);
}

static void canvas_band_table(jrn_strbuf *out, canvas_plan *plan, canvas_band band)
{
    strbuf_puts(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"4\" COLOR=\"#C5CAD3\">");
    canvas_stage_rows(out, plan, band);
    for (int lane = CANVAS_LANE_STAGE + 1; lane < CANVAS_LANE_COUNT; lane++) {
        if (!plan->lane_shown[lane]) continue;
        canvas_rule(out, band);
        canvas_lane_rows(out, plan, (jrn_canvas_lane)lane, band);
    }
    strbuf_puts(out, "</TABLE>");
}

/* The title, what the canvas leaves out, the map's tooltip. */
static void canvas_title(dot_doc *doc, const canvas_plan *plan, const char *warning)
{
    jrn_strbuf text = STRBUF_INIT;
    dot_label_title(&text, plan->model, plan->options);
    if (*warning) dot_label_title_warning(&text, dot_style_theme(plan->options), warning);
    dot_doc_set(&doc->root, "label", strbuf_text(&text), true);
    strbuf_clear(&text);
    dot_label_map_tooltip(&text, plan->model);
    canvas_set(&doc->root, "tooltip", strbuf_text(&text));
    strbuf_free(&text);
}

static void canvas_warn(jrn_strbuf *warning, const canvas_plan *plan, jrn_diag_list *diags)
{
    if (plan->stages_left_out > 0)
        strbuf_printf(warning, "Only the first %u stage columns are drawn; %zu more are left out.",
                      CANVAS_PLAN_COLUMN_LIMIT, plan->stages_left_out);
    if (plan->items_left_out > 0)
        strbuf_printf(warning, "%sA cell lists at most %u items: %zu more are counted as '+ N more'.",
                      warning->length ? " " : "", DOT_CANVAS_CELL_ITEMS, plan->items_left_out);
    if (warning->length == 0) return;
    strbuf_puts(warning, " Draw less: --persona ID, --lanes or --view stage=ID.");
    diag_report(diags, SEVERITY_WARNING, NULL, span_none(), "%s: %s", dot_budget_map_name(plan->model),
                strbuf_text(warning));
}

dot_doc *dot_canvas_build(const jrn_model *model, const jrn_emit_options *options,
                          jrn_arena *arena, jrn_diag_list *diags)
{
    canvas_plan *plan = canvas_plan_build(model, options, arena);
    plan->emotion_rows = canvas_emotion_rows(model);
    canvas_band *bands = arena_alloc_array(arena, plan->column_count + 1, sizeof(canvas_band));
    size_t band_count = canvas_plan_bands(plan, bands);

    dot_doc *doc = dot_doc_new(arena, "journey_canvas");
    canvas_declare_defaults(doc);
    jrn_strbuf text = STRBUF_INIT, name = STRBUF_INIT;
    dot_node *previous = NULL;
    for (size_t b = 0; b < band_count; b++) {
        strbuf_clear(&name);
        strbuf_printf(&name, "band_%zu", b + 1);
        dot_node *node = dot_doc_node(&doc->root, strbuf_text(&name));
        canvas_band_table(&text, plan, bands[b]);
        dot_doc_set(node, "label", strbuf_text(&text), true);
        strbuf_clear(&text);
        /* bands stack top to bottom: an invisible edge ranks each under the one before */
        if (previous) canvas_set(dot_doc_edge(doc, previous, node), "style", "invis");
        previous = node;
    }
    if (band_count == 0) {
        dot_node *note = dot_doc_node(&doc->root, "note_empty");
        dot_label_note(&text, dot_style_theme(plan->options), "No stages yet: declare a spine (stage ... { }) to draw the canvas.");
        dot_doc_set(note, "label", strbuf_text(&text), true);
        strbuf_clear(&text);
    } else if (plan->lane_shown[CANVAS_LANE_TOUCHPOINTS] || plan->lane_shown[CANVAS_LANE_FEELING]) {
        dot_node *key = dot_doc_node(&doc->root, "canvas_key");
        dot_canvas_key(&text, plan);
        dot_doc_set(key, "label", strbuf_text(&text), true);
        strbuf_clear(&text);
        canvas_set(dot_doc_edge(doc, previous, key), "style", "invis");
    }
    jrn_strbuf warning = STRBUF_INIT;
    canvas_warn(&warning, plan, diags);
    canvas_title(doc, plan, strbuf_text(&warning));
    strbuf_free(&warning);
    strbuf_free(&text);
    strbuf_free(&name);
    return doc;
}
