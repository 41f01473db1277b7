/* dot_graph_blueprint.c — the service blueprint view: stage columns, and top to bottom the
 * physical evidence, the customer's actions, the line of interaction, the frontstage, the
 * line of visibility, the backstage, the line of internal interaction and the support
 * processes; journeys' hops across the actions, serves: links up the lanes, fail points
 * and wait standards marked. */
#include "jrn/dot_builder.h"

#include "jrn/dot_style.h"
#include "jrn/theme.h"
#include "jrn/dot_text.h"

/* The rows of the blueprint, top to bottom. A line row draws a dashed rule across. */
typedef enum blueprint_row {
    ROW_HEADER,
    ROW_EVIDENCE,
    ROW_ACTIONS,
    ROW_LINE_OF_INTERACTION,
    ROW_FRONTSTAGE,
    ROW_LINE_OF_VISIBILITY,
    ROW_BACKSTAGE,
    ROW_LINE_OF_INTERNAL_INTERACTION,
    ROW_SUPPORT,
    ROW_COUNT
} blueprint_row;

typedef struct blueprint_row_style {
    const char *prefix;      /* of the row's node names: the row's part of the DOT */
    const char *heading;     /* the lane's (or the line's) name in the left column */
    bool is_line;
} blueprint_row_style;

static const blueprint_row_style blueprint_rows[ROW_COUNT] = {
    [ROW_HEADER] = {"stage_", "", false},
    [ROW_EVIDENCE] = {"evidence_", "Physical evidence", false},
    [ROW_ACTIONS] = {"actions_", "Customer actions", false},
    [ROW_LINE_OF_INTERACTION] = {"interaction_", "line of interaction", true},
    [ROW_FRONTSTAGE] = {"frontstage_", "Frontstage", false},
    [ROW_LINE_OF_VISIBILITY] = {"visibility_", "line of visibility", true},
    [ROW_BACKSTAGE] = {"backstage_", "Backstage", false},
    [ROW_LINE_OF_INTERNAL_INTERACTION] = {"internal_", "line of internal interaction", true},
    [ROW_SUPPORT] = {"support_", "Support processes", false},
};

/* The fill of a lane's items, from the theme: the customer's lanes (evidence, actions) and
 * the company's hidden ones (backstage, support) on the theme's two lane grounds, the
 * frontstage on the picture's own ground. */
static const char *blueprint_fill(const jrn_theme *theme, blueprint_row row)
{
    switch (row) {
    case ROW_EVIDENCE:
    case ROW_BACKSTAGE: return theme->lanes;
    case ROW_ACTIONS:
    case ROW_SUPPORT: return theme->sub_lanes;
    default: return theme->background;
    }
}

#define BLUEPRINT_TEXT_LIMIT 400u

typedef struct blueprint {
    dot_builder *builder;
    const jrn_theme *theme;          /* builder->theme: every colour of the picture */
    const jrn_stage **columns;       /* the stages drawn as columns, in spine order */
    size_t column_count;
    size_t *column_of_stage;         /* by stage index: its column + 1, or 0 */
    dot_graph *rows[ROW_COUNT];      /* each row's rank=same subgraph */
    dot_node **cells;                /* [row * (column_count + 1) + column]; column 0 = headings */
    dot_node *line_ends[ROW_COUNT];  /* each row's end, right of the last column */
} blueprint;

static dot_node **blueprint_cell(blueprint *print, blueprint_row row, size_t column)
{
    return &print->cells[(size_t)row * (print->column_count + 1) + column];
}

/* A stage is a column when it holds touchpoints, or when it is a stage without sub-stages
 * (an empty one shows as an empty column); a parent with only sub-stages is their header. */
static void blueprint_choose_columns(blueprint *print, jrn_arena *arena)
{
    const jrn_model *model = print->builder->model;
    print->columns = arena_alloc_array(arena, model->stage_count + 1, sizeof *print->columns);
    print->column_of_stage = arena_alloc_array(arena, model->stage_count + 1, sizeof(size_t));
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (!print->builder->stage_shown[i]) continue;
        if (stage->touchpoint_count == 0 && stage->child_count > 0) continue;
        print->columns[print->column_count++] = stage;
        print->column_of_stage[i] = print->column_count;
    }
    print->cells = arena_alloc_array(arena, (size_t)ROW_COUNT * (print->column_count + 1), sizeof(dot_node *));
}

/* ---- labels ---- */

static void blueprint_open_table(jrn_strbuf *out)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"6\" CELLPADDING=\"5\">");
}

static void blueprint_small_line(jrn_strbuf *out, const char *prefix, const char *text, const char *color,
                                 size_t width)
{
    strbuf_printf(out, "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">", color);
    if (prefix) strbuf_puts(out, prefix);
    dot_text_html_wrapped(out, text, width, 3, "<BR ALIGN=\"LEFT\"/>");
    strbuf_puts(out, "</FONT>");
}

static void blueprint_duration(jrn_strbuf *out, jrn_duration duration)
{
    dot_text_number(out, duration.amount);
    strbuf_puts(out, duration_unit_suffix(duration.unit));
}

/* One item of a lane: a cell of the column's one-row table (items side by side, so every
 * item's top and bottom are free for the edges), with a port the edges attach to. */
static void blueprint_item(jrn_strbuf *out, const jrn_theme *theme, const jrn_touchpoint *touchpoint,
                           blueprint_row row, const char *text, bool is_muted)
{
    strbuf_printf(out, "<TD PORT=\"p%u\" BGCOLOR=\"%s\" COLOR=\"%s\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">",
                  (unsigned)touchpoint->base.index, blueprint_fill(theme, row), theme->lane_border);
    strbuf_printf(out, "<FONT COLOR=\"%s\">", is_muted ? theme->muted : theme->text);
    if (is_muted) strbuf_puts(out, "<I>");
    else if (row == ROW_FRONTSTAGE || row == ROW_BACKSTAGE || row == ROW_SUPPORT) strbuf_puts(out, "<B>");
    dot_text_html_wrapped(out, text, 24, 3, "<BR ALIGN=\"LEFT\"/>");
    if (is_muted) strbuf_puts(out, "</I>");
    else if (row == ROW_FRONTSTAGE || row == ROW_BACKSTAGE || row == ROW_SUPPORT) strbuf_puts(out, "</B>");
    strbuf_puts(out, "</FONT>");
    const jrn_touchpoint_service *service = touchpoint->service;
    if (row == ROW_FRONTSTAGE && touchpoint->channel_count > 0) {
        jrn_strbuf channels = STRBUF_INIT;
        for (uint32_t i = 0; i < touchpoint->channel_count; i++)
            strbuf_printf(&channels, "%s%s", i ? " \xC2\xB7 " : "", element_label(&touchpoint->channels[i]->base));
        blueprint_small_line(out, NULL, strbuf_text(&channels), theme->muted, 30);
        strbuf_free(&channels);
    }
    if ((row == ROW_BACKSTAGE || row == ROW_SUPPORT) && touchpoint->owner)
        blueprint_small_line(out, NULL, element_label(&touchpoint->owner->base), theme->muted, 30);
    if (row != ROW_ACTIONS && service->has_wait) {
        jrn_strbuf wait = STRBUF_INIT;
        strbuf_puts(&wait, "wait standard: ");
        blueprint_duration(&wait, service->wait);
        blueprint_small_line(out, NULL, strbuf_text(&wait), theme->muted, 30);
        strbuf_free(&wait);
    }
    if (row != ROW_ACTIONS && service->fail)
        blueprint_small_line(out, "\xE2\x9A\xA0 fail point: ", service->fail, theme->pain, 30);
    strbuf_puts(out, "</TD>");
}

/* The evidence of one touchpoint: each piece a cell (the first carries the port). */
static void blueprint_evidence(jrn_strbuf *out, const jrn_theme *theme, const jrn_touchpoint *touchpoint)
{
    const jrn_text_list *evidence = &touchpoint->service->evidence;
    strbuf_printf(out, "<TD PORT=\"p%u\" BGCOLOR=\"%s\" COLOR=\"%s\" STYLE=\"ROUNDED\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">",
                  (unsigned)touchpoint->base.index, blueprint_fill(theme, ROW_EVIDENCE), theme->lines);
    strbuf_printf(out, "<FONT COLOR=\"%s\">", theme->text);
    for (size_t i = 0; i < evidence->count; i++) {
        if (i) strbuf_puts(out, "<BR ALIGN=\"LEFT\"/>");
        strbuf_puts(out, "\xE2\x96\xA1 ");
        dot_text_html_wrapped(out, evidence->items[i], 26, 2, "<BR ALIGN=\"LEFT\"/>");
    }
    strbuf_puts(out, "</FONT></TD>");
}

static bool blueprint_in_row(const jrn_touchpoint *touchpoint, blueprint_row row)
{
    jrn_lane lane = touchpoint_lane(touchpoint);
    switch (row) {
    case ROW_EVIDENCE: return touchpoint->service->evidence.count > 0;
    case ROW_ACTIONS: case ROW_FRONTSTAGE: return lane == LANE_FRONTSTAGE;
    case ROW_BACKSTAGE: return lane == LANE_BACKSTAGE;
    case ROW_SUPPORT: return lane == LANE_SUPPORT;
    default: return false;
    }
}

/* The table of one lane in one column into builder->text; false when the cell is empty. */
static bool blueprint_cell_label(blueprint *print, const jrn_stage *stage, blueprint_row row)
{
    jrn_strbuf *out = &print->builder->text;
    size_t items = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[t];
        if (!print->builder->touchpoint_shown[touchpoint->base.index] || !blueprint_in_row(touchpoint, row))
            continue;
        if (items++ == 0) {
            blueprint_open_table(out);
            strbuf_puts(out, "<TR>");
        }
        if (row == ROW_EVIDENCE) {
            blueprint_evidence(out, print->theme, touchpoint);
        } else if (row == ROW_ACTIONS) {
            const char *does = touchpoint->notes->does;
            /* no does: the action is the touchpoint itself, said in grey */
            blueprint_item(out, print->theme, touchpoint, row,
                           dot_text_is_blank(does) ? element_label(&touchpoint->base) : does, dot_text_is_blank(does));
        } else {
            blueprint_item(out, print->theme, touchpoint, row, element_label(&touchpoint->base), false);
        }
    }
    if (items > 0) strbuf_puts(out, "</TR></TABLE>");
    return items > 0;
}

static void blueprint_header_label(blueprint *print, const jrn_stage *stage)
{
    jrn_strbuf *out = &print->builder->text;
    strbuf_puts(out, "<B>");
    if (stage->parent) {
        dot_text_html(out, element_label(&stage->parent->base), BLUEPRINT_TEXT_LIMIT);
        strbuf_puts(out, " \xE2\x80\xBA ");
    }
    dot_text_html(out, element_label(&stage->base), BLUEPRINT_TEXT_LIMIT);
    strbuf_puts(out, "</B>");
}

/* ---- nodes ---- */

static void blueprint_make_rows(blueprint *print)
{
    dot_builder *builder = print->builder;
    for (int row = 0; row < ROW_COUNT; row++) {
        strbuf_clear(&builder->name);
        strbuf_printf(&builder->name, "row_%s", blueprint_rows[row].prefix);
        builder->name.length--;   /* without the prefix's trailing '_' */
        print->rows[row] = dot_doc_subgraph(builder->graph, strbuf_text(&builder->name));
        dot_builder_set(print->rows[row], "rank", "same");
    }
}

/* The left column: each lane's heading, each line's name at the start of its rule. */
static void blueprint_add_headings(blueprint *print)
{
    dot_builder *builder = print->builder;
    for (int row = 0; row < ROW_COUNT; row++) {
        const blueprint_row_style *style = &blueprint_rows[row];
        strbuf_clear(&builder->name);
        strbuf_printf(&builder->name, "lane_%sheading", style->prefix);
        dot_node *node = dot_doc_node(print->rows[row], strbuf_text(&builder->name));
        *blueprint_cell(print, (blueprint_row)row, 0) = node;
        dot_builder_set(node, "group", "headings");
        dot_builder_set(node, "shape", "plaintext");
        dot_builder_set(node, "style", "");
        if (row == ROW_HEADER) {
            dot_builder_set(node, "label", " ");
            dot_builder_set(node, "width", "0.1");
            dot_builder_set(node, "height", "0.1");
            continue;
        }
        strbuf_printf(&builder->text, style->is_line ? "<FONT POINT-SIZE=\"10\" COLOR=\"%s\"><I>%s</I></FONT>"
                                                     : "<FONT POINT-SIZE=\"13\" COLOR=\"%s\"><B>%s</B></FONT>",
                      style->is_line ? print->theme->lines : print->theme->text, style->heading);
        dot_builder_set_text(builder, node, "label", true);
    }
}

/* A point a line passes through: never seen, it only holds the line's place in a column. */
static dot_node *blueprint_hidden_point(dot_node *node)
{
    dot_builder_set(node, "shape", "point");
    dot_builder_set(node, "width", "0.01");
    dot_builder_set(node, "height", "0.01");
    dot_builder_set(node, "style", "invis");
    return node;
}

static void blueprint_add_line_point(blueprint *print, blueprint_row row, size_t column, const jrn_stage *stage)
{
    *blueprint_cell(print, row, column) = blueprint_hidden_point(
        dot_builder_node(print->builder, print->rows[row], blueprint_rows[row].prefix, &stage->base));
}

static void blueprint_add_column(blueprint *print, size_t column)
{
    dot_builder *builder = print->builder;
    const jrn_stage *stage = print->columns[column - 1];
    const char *group = dot_builder_name(builder, "column_", &stage->base);
    jrn_strbuf group_name = STRBUF_INIT;
    strbuf_puts(&group_name, group);
    for (int row = 0; row < ROW_COUNT; row++) {
        const blueprint_row_style *style = &blueprint_rows[row];
        if (style->is_line) {
            blueprint_add_line_point(print, (blueprint_row)row, column, stage);
        } else {
            dot_node *node = dot_builder_node(builder, print->rows[row], style->prefix, &stage->base);
            *blueprint_cell(print, (blueprint_row)row, column) = node;
            if (row == ROW_HEADER) {
                blueprint_header_label(print, stage);
                dot_builder_set(node, "fillcolor", stage->has_emotion
                                    ? dot_style_emotion_fill(print->theme, builder->model, stage->emotion)
                                    : print->theme->lanes);
                dot_builder_set(node, "margin", "0.2,0.1");
                dot_builder_set_text(builder, node, "label", true);
                dot_label_stage_tooltip(&builder->text, builder->model, stage);
                dot_builder_set_text(builder, node, "tooltip", false);
            } else if (blueprint_cell_label(print, stage, (blueprint_row)row)) {
                dot_builder_set(node, "shape", "plain");
                dot_builder_set(node, "style", "");
                dot_builder_set_text(builder, node, "label", true);
            } else {
                /* an empty cell still holds its column in the grid */
                dot_builder_set(node, "style", "invis");
                dot_builder_set(node, "label", "");
                dot_builder_set(node, "width", "0.3");
                dot_builder_set(node, "height", "0.2");
            }
        }
        dot_builder_set(*blueprint_cell(print, (blueprint_row)row, column), "group", strbuf_text(&group_name));
    }
    strbuf_free(&group_name);
}

/* An invisible point right of the last column, one per row: the rows' ends stand in a
 * column of their own, so each line reaches past the widest cell of the last stage. */
static dot_node *blueprint_add_row_end(blueprint *print, blueprint_row row)
{
    dot_builder *builder = print->builder;
    strbuf_clear(&builder->name);
    strbuf_printf(&builder->name, "%send", blueprint_rows[row].prefix);
    /* '-' is in no id, so the end cannot be named like a stage's cell */
    builder->name.data[builder->name.length - 4] = '-';
    dot_node *end = blueprint_hidden_point(dot_doc_node(print->rows[row], strbuf_text(&builder->name)));
    dot_builder_set(end, "group", "ends");
    return end;
}

/* Invisible edges down each column and along each row hold the grid; the lines are drawn
 * along their rows, from the heading to the row's end. */
static void blueprint_add_grid(blueprint *print)
{
    dot_builder *builder = print->builder;
    for (int row = 0; row < ROW_COUNT; row++) print->line_ends[row] = blueprint_add_row_end(print, (blueprint_row)row);
    for (size_t column = 0; column <= print->column_count + 1; column++) {
        for (int row = 1; row < ROW_COUNT; row++) {
            dot_node *above = column <= print->column_count ? *blueprint_cell(print, (blueprint_row)(row - 1), column)
                                                            : print->line_ends[row - 1];
            dot_node *below = column <= print->column_count ? *blueprint_cell(print, (blueprint_row)row, column)
                                                            : print->line_ends[row];
            dot_edge *edge = dot_builder_invisible_edge(builder, above, below);
            dot_builder_set(edge, "weight", "20");
            /* room above the actions for the hops' arcs and their labels */
            if (row == ROW_ACTIONS) dot_builder_set(edge, "minlen", "2");
        }
    }
    for (int row = 0; row < ROW_COUNT; row++) {
        const blueprint_row_style *style = &blueprint_rows[row];
        for (size_t column = 0; column <= print->column_count; column++) {
            dot_node *tail = *blueprint_cell(print, (blueprint_row)row, column);
            dot_node *head = column < print->column_count ? *blueprint_cell(print, (blueprint_row)row, column + 1)
                                                           : print->line_ends[row];
            dot_edge *edge = dot_builder_edge(builder, tail, head);
            if (!style->is_line) {
                dot_builder_set(edge, "style", "invis");
                continue;
            }
            dot_builder_set(edge, "dir", "none");
            dot_builder_set(edge, "style", row == ROW_LINE_OF_VISIBILITY ? "dashed,bold" : "dashed");
            dot_builder_set(edge, "color", print->theme->lines);
            dot_builder_set(edge, "penwidth", row == ROW_LINE_OF_VISIBILITY ? "2" : "1.2");
            dot_builder_set(edge, "tooltip", style->heading);
        }
    }
}

/* ---- edges ---- */

/* An edge between two lane items, leaving and entering at the given sides of their cells
 * (compass points): tail_row above head_row or on it, so the edge ranks with the grid. */
static dot_edge *blueprint_port_edge(blueprint *print, blueprint_row tail_row, const jrn_touchpoint *tail,
                                     const char *tail_side, blueprint_row head_row, const jrn_touchpoint *head,
                                     const char *head_side)
{
    size_t tail_column = print->column_of_stage[tail->stage->base.index];
    size_t head_column = print->column_of_stage[head->stage->base.index];
    if (tail_column == 0 || head_column == 0) return NULL;
    dot_edge *edge = dot_builder_edge(print->builder, *blueprint_cell(print, tail_row, tail_column),
                                      *blueprint_cell(print, head_row, head_column));
    jrn_strbuf *name = &print->builder->name;
    strbuf_clear(name);
    strbuf_printf(name, "p%u:%s", (unsigned)tail->base.index, tail_side);
    dot_builder_set(edge, "tailport", strbuf_text(name));
    strbuf_clear(name);
    strbuf_printf(name, "p%u:%s", (unsigned)head->base.index, head_side);
    dot_builder_set(edge, "headport", strbuf_text(name));
    return edge;
}

/* Each frontstage action goes down across the line of interaction to its touchpoint. */
static void blueprint_add_interactions(blueprint *print)
{
    const jrn_model *model = print->builder->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        if (!print->builder->touchpoint_shown[t] || touchpoint_lane(touchpoint) != LANE_FRONTSTAGE) continue;
        dot_edge *edge = blueprint_port_edge(print, ROW_ACTIONS, touchpoint, "s", ROW_FRONTSTAGE, touchpoint, "n");
        if (!edge) continue;
        dot_builder_set(edge, "color", print->theme->lane_border);
        dot_builder_set(edge, "penwidth", "1");
        dot_builder_set(edge, "arrowsize", "0.6");
        dot_builder_set(edge, "tooltip", "the customer meets the frontstage");
    }
}

static blueprint_row blueprint_row_of(const jrn_touchpoint *touchpoint)
{
    switch (touchpoint_lane(touchpoint)) {
    case LANE_BACKSTAGE: return ROW_BACKSTAGE;
    case LANE_SUPPORT: return ROW_SUPPORT;
    case LANE_FRONTSTAGE: break;
    }
    return ROW_FRONTSTAGE;
}

/* serves: an arrow up from the work to what it makes happen, made downwards (dir=back) so
 * that it ranks with the grid instead of against it. */
static void blueprint_add_serves(blueprint *print)
{
    const jrn_model *model = print->builder->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        if (!print->builder->touchpoint_shown[t]) continue;
        const jrn_touchpoint_service *service = touchpoint->service;
        for (size_t k = 0; k < service->serve_count; k++) {
            const jrn_touchpoint *served = service->serves[k];
            if (!print->builder->touchpoint_shown[served->base.index]) continue;
            dot_edge *edge = blueprint_port_edge(print, blueprint_row_of(served), served, "s",
                                                 blueprint_row_of(touchpoint), touchpoint, "n");
            if (!edge) continue;
            dot_builder_set(edge, "dir", "back");
            dot_builder_set(edge, "color", print->theme->edges);
            dot_builder_set(edge, "penwidth", "1.2");
            dot_builder_set(edge, "arrowtail", "empty");
            strbuf_printf(&print->builder->text, "%s serves %s", touchpoint->base.id, served->base.id);
            dot_builder_set_text(print->builder, edge, "tooltip", false);
        }
    }
}

/* A hop slower than the wait its step tolerates breaks the standard. */
static bool blueprint_hop_breaches(const jrn_hop *hop)
{
    const jrn_touchpoint_service *service = hop->to->service;
    return hop->has_after && service->has_wait &&
           duration_in_days(hop->after) > duration_in_days(service->wait);
}

static void blueprint_hop_label(blueprint *print, dot_edge *edge, const jrn_hop *hop)
{
    if (!hop->has_after) return;
    jrn_strbuf *out = &print->builder->text;
    bool breach = blueprint_hop_breaches(hop);
    strbuf_printf(out, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">", breach ? print->theme->pain : print->theme->muted);
    if (breach) strbuf_puts(out, "<B>\xE2\x9A\xA0 ");
    blueprint_duration(out, hop->after);
    if (breach) {
        strbuf_puts(out, " &gt; wait ");
        blueprint_duration(out, hop->to->service->wait);
        strbuf_puts(out, "</B>");
    }
    strbuf_puts(out, "</FONT>");
    /* An external label, placed once the arcs are routed, beside its own arc and clear of
     * the other labels: a hop within a stage is a loop on the stage's actions node, where
     * dot puts every loop's label at the node's centre (those of a stage's hops covered one
     * another), and the labels of hops between stages, set in the middle of their arcs, met
     * where arcs cross. */
    dot_builder_set_text(print->builder, edge, "xlabel", true);
}

/* The journeys' hops run across the customer actions. */
static void blueprint_add_hops(blueprint *print)
{
    dot_builder *builder = print->builder;
    const jrn_model *model = builder->model;
    for (size_t j = 0; j < model->journey_count; j++) {
        if (!builder->journey_shown[j]) continue;
        const jrn_journey *journey = model->journeys[j];
        const char *color = theme_journey_color(print->theme, j);
        for (size_t h = 0; h < journey->hop_count; h++) {
            const jrn_hop *hop = &journey->hops[h];
            if (touchpoint_lane(hop->from) != LANE_FRONTSTAGE || touchpoint_lane(hop->to) != LANE_FRONTSTAGE ||
                !builder->touchpoint_shown[hop->from->base.index] || !builder->touchpoint_shown[hop->to->base.index])
                continue;
            /* arcs over the actions, from the top of one to the top of the next: the sides of
             * an item are its neighbours' */
            dot_edge *edge = blueprint_port_edge(print, ROW_ACTIONS, hop->from, "n", ROW_ACTIONS, hop->to, "n");
            if (!edge) continue;
            bool breach = blueprint_hop_breaches(hop);
            dot_builder_set(edge, "color", breach ? print->theme->pain : color);
            dot_builder_set(edge, "penwidth", breach ? "2.6" : "1.6");
            if (breach) dot_builder_set(edge, "style", "bold");
            if (hop->goes_back) dot_builder_set(edge, "style", "dashed");
            blueprint_hop_label(print, edge, hop);
            dot_label_hop_tooltip(&builder->text, journey, hop);
            dot_builder_set_text(builder, edge, "tooltip", false);
        }
    }
}

void dot_graph_blueprint_add(dot_builder *builder, jrn_arena *arena)
{
    blueprint print = {.builder = builder, .theme = builder->theme};
    blueprint_choose_columns(&print, arena);
    dot_builder_set(builder->graph, "rankdir", "TB");
    /* SVG ids start with it: the HTML report inlines this picture beside the journey graph */
    dot_builder_set(builder->graph, "id", "blueprint_svg");
    /* serves: arrows are hollow; an undeclared arrowtail would default to "", which dot
     * warns about on every other edge */
    dot_doc_declare(builder->doc, DOT_OBJECT_EDGE, "arrowtail", "normal");
    dot_builder_set(builder->graph, "nodesep", "0.35");
    dot_builder_set(builder->graph, "ranksep", "0.45");
    blueprint_make_rows(&print);
    blueprint_add_headings(&print);
    for (size_t column = 1; column <= print.column_count; column++) blueprint_add_column(&print, column);
    blueprint_add_grid(&print);
    blueprint_add_interactions(&print);
    blueprint_add_serves(&print);
    blueprint_add_hops(&print);
}
