/* dot_builder.c — what every view draws with: attributes set through one casting
 * wrapper, object names from ids, edges, loops between stages, the legend. */
#include "jrn/dot_builder.h"

#include <string.h>

#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"

void dot_builder_set(void *object, const char *name, const char *value)
{
    agsafeset(object, (char *)name, (char *)value, (char *)"");
}

void dot_builder_set_html(dot_builder *builder, void *object, const char *name, const char *html)
{
    /* agxset keeps the HTML mark of a string made by agstrdup_html; our reference to it
     * is dropped once the attribute holds its own. The pool shares strings by text, but
     * no plain string jrnc makes contains '<' (dot_text escapes it) and every label does,
     * so the mark is never lost. */
    char *markup = agstrdup_html(builder->graph, (char *)html);
    agsafeset(object, (char *)name, markup, (char *)"");
    agstrfree(builder->graph, markup);
}

void dot_builder_set_text(dot_builder *builder, void *object, const char *name, bool is_html)
{
    if (is_html) dot_builder_set_html(builder, object, name, strbuf_text(&builder->text));
    else dot_builder_set(object, name, strbuf_text(&builder->text));
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
        strbuf_printf(&builder->name, "-%zu", element->index);
    }
    return strbuf_text(&builder->name);
}

Agnode_t *dot_builder_node(dot_builder *builder, Agraph_t *graph, const char *prefix,
                           const jrn_element *element)
{
    return agnode(graph, (char *)dot_builder_name(builder, prefix, element), 1);
}

Agedge_t *dot_builder_edge(dot_builder *builder, Agnode_t *tail, Agnode_t *head)
{
    /* No key: in a non-strict graph every call adds an edge, and parallel edges of
     * different journeys are wanted. The model has no duplicate hop within a journey. */
    return agedge(builder->graph, tail, head, NULL, 1);
}

Agedge_t *dot_builder_invisible_edge(dot_builder *builder, Agnode_t *tail, Agnode_t *head)
{
    Agedge_t *edge = dot_builder_edge(builder, tail, head);
    dot_builder_set(edge, "style", "invis");
    /* heavier than a journey edge: the gates hold each stage's nodes around one line */
    dot_builder_set(edge, "weight", "5");
    return edge;
}

void dot_builder_mark_loop(Agedge_t *edge, bool under_the_map)
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

void dot_builder_note_node(dot_builder *builder, const jrn_stage *stage, Agnode_t *node)
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

void dot_builder_clip_to_clusters(dot_builder *builder, Agedge_t *edge,
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
    Agnode_t *tail = builder->stage_last_nodes[stage->base.index];
    Agnode_t *head = builder->stage_first_nodes[target->base.index];
    if (!tail || !head) return;
    Agedge_t *edge = dot_builder_edge(builder, tail, head);
    dot_builder_mark_loop(edge, false);
    dot_builder_set(edge, "color", DOT_STYLE_STAGE_LOOP);
    dot_builder_set(edge, "fontcolor", DOT_STYLE_STAGE_LOOP);
    dot_builder_set(edge, "penwidth", "1.5");
    /* few in the spine, so named there; in the map the legend names them */
    if (builder->options->view == VIEW_SPINE) dot_builder_set(edge, "label", "loops back");
    strbuf_puts(&builder->text, "Stage loop: ");
    dot_label_plain(&builder->text, element_label(&stage->base));
    strbuf_puts(&builder->text, " \xE2\x86\x92 ");
    dot_label_plain(&builder->text, element_label(&target->base));
    dot_builder_set_text(builder, edge, "tooltip", false);
    if (tail != head)
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

/* ---- legend ---- */

Agnode_t *dot_builder_add_legend(dot_builder *builder)
{
    /* a hyphen cannot occur in an id, so no stage's "cluster_<id>" can be this name */
    Agraph_t *cluster = agsubg(builder->graph, (char *)"cluster-legend", 1);
    dot_builder_set(cluster, "label", "Legend");
    dot_builder_set(cluster, "tooltip", "What the colours and lines mean");
    dot_builder_set(cluster, "style", "rounded");
    dot_builder_set(cluster, "color", "#C5CAD3");
    dot_builder_set(cluster, "fillcolor", "#FFFFFF");
    Agnode_t *node = agnode(cluster, (char *)"legend_key", 1);
    dot_builder_set(node, "shape", "plain");
    dot_builder_set(node, "style", "solid");
    dot_builder_set(node, "tooltip", "Legend");
    dot_label_legend(&builder->text, builder->model, &builder->legend);
    dot_builder_set_text(builder, node, "label", true);
    return node;
}

Agnode_t *dot_builder_add_note(dot_builder *builder, const char *text)
{
    Agnode_t *note = agnode(builder->graph, (char *)"note_empty", 1);
    dot_builder_set(note, "shape", "plain");
    dot_builder_set(note, "style", "solid");
    dot_label_note(&builder->text, text);
    dot_builder_set_text(builder, note, "label", true);
    return note;
}
