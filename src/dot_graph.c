/* dot_graph.c — builds the journey-map graph: graph-wide defaults, what a view shows,
 * the helpers every view uses, the legend and the title. */
#include "jrn/dot_graph.h"

#include <string.h>

#include "jrn/arena.h"
#include "jrn/dot_builder.h"
#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"
#include "jrn/dot_text.h"

/* ---- attribute and object helpers ---- */

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

/* ---- what a view shows ---- */

static bool dot_graph_journey_walked_by(const jrn_journey *journey, const jrn_persona *persona)
{
    for (size_t i = 0; i < journey->persona_count; i++)
        if (journey->personas[i] == persona) return true;
    return false;
}

static bool dot_graph_touchpoint_names(const jrn_touchpoint *touchpoint, const jrn_persona *persona)
{
    for (size_t i = 0; i < touchpoint->persona_count; i++)
        if (touchpoint->personas[i] == persona) return true;
    return false;
}

static void dot_graph_choose_journeys(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    const jrn_emit_options *options = builder->options;
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        bool shown = false;
        switch (options->view) {
        case VIEW_FULL: shown = true; break;
        case VIEW_SPINE: shown = false; break;
        case VIEW_JOURNEY: shown = journey == options->view_journey; break;
        case VIEW_PERSONA: shown = dot_graph_journey_walked_by(journey, options->view_persona); break;
        }
        builder->journey_shown[i] = shown;
        if (shown) builder->legend_journeys[builder->legend.journey_count++] = journey;
    }
    builder->legend.journeys = builder->legend_journeys;
}

/* Journey and persona views show the touchpoints their journeys walk; the persona view
 * also those declared for the persona. */
static void dot_graph_choose_touchpoints(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    const jrn_emit_options *options = builder->options;
    for (size_t i = 0; i < model->touchpoint_count; i++)
        builder->touchpoint_shown[i] =
            options->view == VIEW_FULL ||
            (options->view == VIEW_PERSONA &&
             dot_graph_touchpoint_names(model->touchpoints[i], options->view_persona));
    if (options->view == VIEW_FULL || options->view == VIEW_SPINE) return;
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        if (!builder->journey_shown[i]) continue;
        for (size_t k = 0; k < journey->step_count; k++)
            builder->touchpoint_shown[journey->steps[k]->base.index] = true;
        for (size_t k = 0; k < journey->hop_count; k++) {
            builder->touchpoint_shown[journey->hops[k].from->base.index] = true;
            builder->touchpoint_shown[journey->hops[k].to->base.index] = true;
        }
    }
}

/* Full and spine views show every stage; the others the stages (and their parents)
 * that hold a shown touchpoint. */
static void dot_graph_choose_stages(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    bool every = builder->options->view == VIEW_FULL || builder->options->view == VIEW_SPINE;
    for (size_t i = 0; i < model->stage_count; i++) builder->stage_shown[i] = every;
    if (every) return;
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        if (!builder->touchpoint_shown[i]) continue;
        for (const jrn_stage *stage = model->touchpoints[i]->stage; stage; stage = stage->parent)
            builder->stage_shown[stage->base.index] = true;
    }
}

/* ---- the graph ---- */

static void dot_graph_declare_defaults(Agraph_t *graph)
{
    static const char *const graph_defaults[][2] = {
        {"rankdir", "LR"}, {"compound", "true"},
        {"fontname", DOT_STYLE_FONT}, {"fontsize", "12"},
        {"nodesep", "0.25"}, {"ranksep", "0.45"}, {"pad", "0.3"},
        {"labelloc", "t"}, {"labeljust", "l"},
        /* agwrite splits long strings with backslash-newlines unless this is 0 */
        {"linelength", "0"},
        /* edges under nodes: a loop crossing the map does not hide a label */
        {"outputorder", "edgesfirst"},
        {"label", ""}, {"tooltip", ""}, {"style", ""}, {"color", ""}, {"fillcolor", ""},
        {"penwidth", ""},
    };
    static const char *const node_defaults[][2] = {
        {"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", "#FFFFFF"},
        {"color", "#8C8C8C"}, {"fontname", DOT_STYLE_FONT}, {"fontsize", "12"},
        {"margin", "0.14,0.07"}, {"penwidth", "1.2"},
    };
    static const char *const edge_defaults[][2] = {
        {"fontname", DOT_STYLE_FONT}, {"fontsize", "10"}, {"color", "#555555"},
        {"penwidth", "1.8"}, {"arrowsize", "0.8"},
    };
    for (size_t i = 0; i < sizeof graph_defaults / sizeof graph_defaults[0]; i++)
        agattr(graph, AGRAPH, (char *)graph_defaults[i][0], (char *)graph_defaults[i][1]);
    for (size_t i = 0; i < sizeof node_defaults / sizeof node_defaults[0]; i++)
        agattr(graph, AGNODE, (char *)node_defaults[i][0], (char *)node_defaults[i][1]);
    for (size_t i = 0; i < sizeof edge_defaults / sizeof edge_defaults[0]; i++)
        agattr(graph, AGEDGE, (char *)edge_defaults[i][0], (char *)edge_defaults[i][1]);
}

static void dot_graph_set_title(dot_builder *builder)
{
    dot_label_title(&builder->text, builder->model, builder->options);
    dot_builder_set_text(builder, builder->graph, "label", true);
    dot_label_map_tooltip(&builder->text, builder->model);
    dot_builder_set_text(builder, builder->graph, "tooltip", false);
}

static void dot_graph_allocate(dot_builder *builder, jrn_arena *arena)
{
    const jrn_model *model = builder->model;
    size_t stages = model->stage_count, touchpoints = model->touchpoint_count;
    builder->stage_shown = arena_alloc_array(arena, stages + 1, sizeof(bool));
    builder->touchpoint_shown = arena_alloc_array(arena, touchpoints + 1, sizeof(bool));
    builder->journey_shown = arena_alloc_array(arena, model->journey_count + 1, sizeof(bool));
    builder->stage_clusters = arena_alloc_array(arena, stages + 1, sizeof(Agraph_t *));
    builder->stage_first_nodes = arena_alloc_array(arena, stages + 1, sizeof(Agnode_t *));
    builder->stage_last_nodes = arena_alloc_array(arena, stages + 1, sizeof(Agnode_t *));
    builder->first_node_holders = arena_alloc_array(arena, stages + 1, sizeof(jrn_stage *));
    builder->last_node_holders = arena_alloc_array(arena, stages + 1, sizeof(jrn_stage *));
    builder->stage_columns = arena_alloc_array(arena, stages + 1, sizeof(size_t));
    builder->touchpoint_nodes = arena_alloc_array(arena, touchpoints + 1, sizeof(Agnode_t *));
    builder->legend_journeys =
        arena_alloc_array(arena, model->journey_count + 1, sizeof(jrn_journey *));
}

Agraph_t *dot_graph_build(const jrn_model *model, const jrn_emit_options *options,
                          Agdisc_t *disc, jrn_diag_list *diags)
{
    static const jrn_emit_options full_view = {VIEW_FULL, NULL, NULL};
    if (!options) options = &full_view;
    if ((options->view == VIEW_JOURNEY && !options->view_journey) ||
        (options->view == VIEW_PERSONA && !options->view_persona)) {
        diag_error(diags, span_none(), "the view names no journey or persona");
        return NULL;
    }
    Agraph_t *graph = agopen((char *)"journey_map", Agdirected, disc);
    if (!graph) {
        diag_error(diags, span_none(), "Graphviz could not create a graph");
        return NULL;
    }
    dot_builder builder = {.model = model, .options = options, .graph = graph};
    dot_graph_allocate(&builder, diags->arena);
    dot_graph_declare_defaults(graph);
    dot_graph_choose_journeys(&builder);
    dot_graph_choose_touchpoints(&builder);
    dot_graph_choose_stages(&builder);
    if (options->view == VIEW_SPINE) dot_graph_spine_add(&builder);
    else dot_graph_map_add(&builder);
    /* last, so that no cluster created before can take the map's title as its default */
    dot_graph_set_title(&builder);
    strbuf_free(&builder.name);
    strbuf_free(&builder.text);
    return graph;
}
