/* dot_builder.c — what every view draws with: attributes set through one casting
 * wrapper, object names from ids, edges, loops between stages, the legend. */
#include "jrn/dot_builder.h"

#include <string.h>

#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"

void dot_builder_set(void *object, const char *name, const char *value)
{
    dot_doc_set(object, name, value, false);
}

void dot_builder_set_text(dot_builder *builder, void *object, const char *name, bool is_html)
{
    dot_doc_set(object, name, strbuf_text(&builder->text), is_html);
    strbuf_clear(&builder->text);
}

const char *dot_builder_name(dot_builder *builder, const char *prefix, const jrn_element *element)
{
    strbuf_clear(&builder->name);
    strbuf_puts(&builder->name, prefix);
    size_t length = strlen(element->id);
    if (length <= DOT_BUILDER_NAME_ID_LIMIT) {
        strbuf_puts(&builder->name, element->id);
    } else {
        /* Graphviz's scanner rejects names near 16 KB. A long id keeps its start and gets
         * its index after a '-', which no id contains, so no other name can be the same. */
        strbuf_append(&builder->name, element->id, DOT_BUILDER_NAME_ID_LIMIT);
        strbuf_printf(&builder->name, "-%u", (unsigned)element->index);
    }
    return strbuf_text(&builder->name);
}

dot_node *dot_builder_node(dot_builder *builder, dot_graph *graph, const char *prefix,
                           const jrn_element *element)
{
    return dot_doc_node(graph, dot_builder_name(builder, prefix, element));
}

dot_edge *dot_builder_edge(dot_builder *builder, dot_node *tail, dot_node *head)
{
    /* Every call adds an edge: parallel edges of different journeys are wanted. The model
     * has no duplicate hop within a journey. */
    return dot_doc_edge(builder->doc, tail, head);
}

dot_edge *dot_builder_invisible_edge(dot_builder *builder, dot_node *tail, dot_node *head)
{
    dot_edge *edge = dot_builder_edge(builder, tail, head);
    dot_builder_set(edge, "style", "invis");
    /* heavier than a journey edge: the gates hold each stage's nodes around one line */
    dot_builder_set(edge, "weight", "5");
    return edge;
}

void dot_builder_mark_loop(dot_edge *edge, bool under_the_map)
{
    dot_builder_set(edge, "style", "dashed");
    /* drawn, but left out of ranking: a loop must not pull a later stage leftwards */
    dot_builder_set(edge, "constraint", "false");
    if (!under_the_map) return;
    /* leaving and entering at the bottom, loops swing under the map instead of through
     * it. Never on compound edges or self-loops: dot 2.43 aborts on ports with lhead/ltail
     * (makeCompoundEdge: Assertion `bez->eflag' failed). */
    dot_builder_set(edge, "tailport", "s");
    dot_builder_set(edge, "headport", "s");
}

void dot_builder_note_node(dot_builder *builder, const jrn_stage *stage, dot_node *node)
{
    const jrn_stage *holder = stage;
    for (; stage; stage = stage->parent) {
        size_t index = stage->base.index;
        if (!builder->stage_first_nodes[index]) {
            builder->stage_first_nodes[index] = node;
            builder->first_node_holders[index] = holder;
        }
        builder->stage_last_nodes[index] = node;
        builder->last_node_holders[index] = holder;
    }
}

bool dot_builder_stage_within(const jrn_stage *stage, const jrn_stage *ancestor)
{
    for (; stage; stage = stage->parent)
        if (stage == ancestor) return true;
    return false;
}

void dot_builder_clip_to_clusters(dot_builder *builder, dot_edge *edge,
                                  const jrn_stage *tail_stage, const jrn_stage *tail_holder,
                                  const jrn_stage *head_stage, const jrn_stage *head_holder)
{
    if (builder->stage_clusters[tail_stage->base.index] &&
        !dot_builder_stage_within(head_holder, tail_stage))
        dot_builder_set(edge, "ltail", dot_builder_name(builder, "cluster_", &tail_stage->base));
    if (builder->stage_clusters[head_stage->base.index] &&
        !dot_builder_stage_within(tail_holder, head_stage))
        dot_builder_set(edge, "lhead", dot_builder_name(builder, "cluster_", &head_stage->base));
}

/* ---- stage loops ---- */

/* One declared loop: from the stage's last node back to the target's first, clipped to
 * the clusters' borders where there are clusters. */
static void dot_builder_add_stage_loop(dot_builder *builder, const jrn_stage *stage,
                                       const jrn_stage *target)
{
    dot_node *tail = builder->stage_last_nodes[stage->base.index];
    dot_node *head = builder->stage_first_nodes[target->base.index];
    if (!tail || !head) return;
    bool across_rows = builder->row_count > 1 &&
                       dot_builder_row_of(builder, stage) != dot_builder_row_of(builder, target);
    if (across_rows) {
        /* drawn whole it would run around rows of stages: a note beside the stage's end */
        head = dot_builder_node(builder, builder->graph, arena_printf(builder->diags->arena, "loop%zu_",
                                                                      ++builder->loop_note_count),
                                &target->base);
        dot_builder_set(head, "style", "rounded,dashed");
        dot_builder_set(head, "color", builder->theme->loops);
        dot_builder_set(head, "fontcolor", builder->theme->loops);
        dot_builder_set(head, "fontsize", "10");
        strbuf_puts(&builder->text, "\u21A9 loops back to ");
        dot_label_plain(&builder->text, element_label(&target->base));
        dot_builder_set_text(builder, head, "label", false);
    }
    dot_edge *edge = dot_builder_edge(builder, tail, head);
    if (across_rows) dot_builder_set(edge, "style", "dashed");
    else dot_builder_mark_loop(edge, false);
    dot_builder_set(edge, "color", builder->theme->loops);
    dot_builder_set(edge, "fontcolor", builder->theme->loops);
    dot_builder_set(edge, "penwidth", "1.5");
    /* few in the spine, so named there; in the map the legend names them */
    if (builder->options->view == VIEW_SPINE) dot_builder_set(edge, "label", "loops back");
    strbuf_puts(&builder->text, "Stage loop: ");
    dot_label_plain(&builder->text, element_label(&stage->base));
    strbuf_puts(&builder->text, " \xE2\x86\x92 ");
    dot_label_plain(&builder->text, element_label(&target->base));
    dot_builder_set_text(builder, edge, "tooltip", false);
    if (tail != head && !across_rows)
        dot_builder_clip_to_clusters(builder, edge, stage,
                                     builder->last_node_holders[stage->base.index], target,
                                     builder->first_node_holders[target->base.index]);
    builder->legend.has_stage_loop = true;
}

/* A spine's loops: and a map's extend can both declare the same loop: draw it once. */
static bool dot_builder_loop_drawn_before(const jrn_stage *stage, size_t index)
{
    for (size_t i = 0; i < index; i++)
        if (stage->loops[i].target == stage->loops[index].target) return true;
    return false;
}

void dot_builder_add_stage_loops(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (!builder->stage_shown[i]) continue;
        for (size_t k = 0; k < stage->loop_count; k++) {
            const jrn_stage *target = stage->loops[k].target;
            if (target && builder->stage_shown[target->base.index] &&
                !dot_builder_loop_drawn_before(stage, k))
                dot_builder_add_stage_loop(builder, stage, target);
        }
    }
}

/* ---- rows ---- */

/* Up to one_row stages draw as one row, as small maps always did. More wrap into about
 * as many rows as stages to a row: a stage is about as wide as a row of stages is tall, so
 * the picture stays near 2:1 (the ten-stage example: 2.6:1 where one row was 4.5:1). */

static size_t dot_builder_default_per_row(size_t columns, size_t one_row)
{
    if (columns <= one_row) return one_row;
    size_t side = 1;
    while (side * side < columns) side++;
    size_t rows = (columns + side - 1) / side;
    return (columns + rows - 1) / rows;
}

void dot_builder_plan_rows(dot_builder *builder, size_t one_row)
{
    const jrn_model *model = builder->model;
    size_t columns = 0;
    for (size_t i = 0; i < model->stage_count; i++)
        columns += model->stages[i]->parent == NULL && builder->stage_shown[i] &&
                   builder->stage_first_nodes[i] != NULL;
    size_t per_row = builder->options->stages_per_row;
    if (per_row == 0) per_row = dot_builder_default_per_row(columns, one_row);
    builder->stages_per_row = per_row;
    builder->row_count = columns > per_row ? (columns + per_row - 1) / per_row : 1;
    if (builder->row_count > 1) dot_builder_set(builder->graph, "newrank", "true");
    size_t column = 0;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (stage->parent) {
            builder->stage_rows[i] = builder->stage_rows[stage->parent->base.index];
            continue;
        }
        builder->stage_rows[i] = builder->row_count > 1 ? column / per_row : 0;
        column += builder->stage_shown[i] && builder->stage_first_nodes[i] != NULL;
    }
}

size_t dot_builder_row_of(const dot_builder *builder, const jrn_stage *stage)
{
    return builder->stage_rows[stage->base.index];
}

dot_node *dot_builder_invisible_point(dot_builder *builder, const char *prefix, size_t number)
{
    strbuf_clear(&builder->name);
    strbuf_printf(&builder->name, "%s%zu", prefix, number);
    dot_node *point = dot_doc_node(builder->graph, strbuf_text(&builder->name));
    dot_builder_set(point, "shape", "point");
    dot_builder_set(point, "style", "invis");
    dot_builder_set(point, "width", "0");
    dot_builder_set(point, "height", "0");
    dot_builder_set(point, "label", "");
    return point;
}

dot_node *dot_builder_row_anchor(dot_builder *builder, size_t row)
{
    dot_node *anchor = dot_builder_invisible_point(builder, "row_", row + 1);
    if (builder->last_anchor) {
        /* not rank=same: dot 2.43 frees memory twice after laying out newrank with it */
        dot_edge *edge = dot_builder_invisible_edge(builder, builder->last_anchor, anchor);
        dot_builder_set(edge, "minlen", "0");
    }
    builder->last_anchor = anchor;
    return anchor;
}

/* ---- legend ---- */

dot_node *dot_builder_add_legend(dot_builder *builder)
{
    /* a hyphen cannot occur in an id, so no stage's "cluster_<id>" can be this name */
    dot_graph *cluster = dot_doc_subgraph(builder->graph, "cluster-legend");
    dot_builder_set(cluster, "label", "Legend");
    dot_builder_set(cluster, "tooltip", "What the colours and lines mean");
    dot_builder_set(cluster, "style", "rounded");
    dot_builder_set(cluster, "color", builder->theme->lane_border);
    dot_builder_set(cluster, "fillcolor", builder->theme->background);
    dot_node *node = dot_doc_node(cluster, "legend_key");
    dot_builder_set(node, "shape", "plain");
    dot_builder_set(node, "style", "solid");
    dot_builder_set(node, "tooltip", "Legend");
    dot_label_legend(&builder->text, builder->model, &builder->legend);
    dot_builder_set_text(builder, node, "label", true);
    return node;
}

dot_node *dot_builder_add_note(dot_builder *builder, const char *text)
{
    dot_node *note = dot_doc_node(builder->graph, "note_empty");
    dot_builder_set(note, "shape", "plain");
    dot_builder_set(note, "style", "solid");
    dot_label_note(&builder->text, builder->theme, text);
    dot_builder_set_text(builder, note, "label", true);
    return note;
}
