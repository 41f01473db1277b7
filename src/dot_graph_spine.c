/* dot_graph_spine.c — the spine view: stages only, left to right, filled by how customers
 * feel there, with sub-stages inside their parent and the declared loops between them. */
#include "jrn/dot_builder.h"
#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"

static const char *dot_graph_spine_fill(const dot_builder *builder, const jrn_stage *stage,
                                        const char *otherwise)
{
    return stage->has_emotion ? dot_style_emotion_fill(builder->theme, builder->model, stage->emotion) : otherwise;
}

/* A stage with sub-stages is a cluster around them; any other stage is a node. */
static void dot_graph_spine_add_stage(dot_builder *builder, const jrn_stage *stage)
{
    dot_graph *parent = builder->graph;
    if (stage->parent && builder->stage_clusters[stage->parent->base.index])
        parent = builder->stage_clusters[stage->parent->base.index];
    void *object;
    dot_label_stage(&builder->text, builder->theme, builder->model, stage,
                    stage->child_count == 0 || stage->touchpoint_count > 0);
    if (dot_label_kpi_status(&builder->text, builder->theme, builder->options->actuals, stage->kpis, stage->kpi_count, true))
        builder->legend.has_kpi_status = true;
    if (stage->child_count > 0) {
        dot_graph *cluster =
            dot_doc_subgraph(parent, dot_builder_name(builder, "cluster_", &stage->base));
        builder->stage_clusters[stage->base.index] = cluster;
        dot_builder_set(cluster, "style", "rounded,filled");
        dot_builder_set(cluster, "fillcolor", dot_graph_spine_fill(builder, stage, builder->theme->lanes));
        dot_builder_set(cluster, "color", builder->theme->lane_border);
        dot_builder_set(cluster, "penwidth", "1");
        object = cluster;
    } else {
        dot_node *node = dot_builder_node(builder, parent, "stage_", &stage->base);
        dot_builder_set(node, "fillcolor", dot_graph_spine_fill(builder, stage, builder->theme->nodes));
        dot_builder_set(node, "margin", "0.2,0.12");
        dot_builder_note_node(builder, stage, node);
        object = node;
    }
    dot_builder_set_text(builder, object, "label", true);
    dot_label_stage_tooltip(&builder->text, builder->model, stage);
    dot_builder_set_text(builder, object, "tooltip", false);
}

/* The spine's arrow from one stage to the next (between siblings). */
static dot_edge *dot_graph_spine_link(dot_builder *builder, const jrn_stage *from, const jrn_stage *to)
{
    dot_node *tail = builder->stage_last_nodes[from->base.index];
    dot_node *head = builder->stage_first_nodes[to->base.index];
    if (!tail || !head) return NULL;
    dot_edge *edge = dot_builder_edge(builder, tail, head);
    dot_builder_set(edge, "color", builder->theme->spine);
    dot_builder_set(edge, "penwidth", "3");
    dot_builder_set(edge, "arrowsize", "1");
    dot_builder_set(edge, "tooltip", "next stage");
    dot_builder_clip_to_clusters(builder, edge, from, builder->last_node_holders[from->base.index],
                                 to, builder->first_node_holders[to->base.index]);
    return edge;
}

static void dot_graph_spine_link_all(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    const jrn_stage *previous_top = NULL;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (!builder->stage_shown[i]) continue;
        if (!stage->parent) {
            size_t row = dot_builder_row_of(builder, stage);
            bool starts_row = builder->row_count > 1 &&
                              (!previous_top || dot_builder_row_of(builder, previous_top) != row);
            dot_edge *link = previous_top ? dot_graph_spine_link(builder, previous_top, stage) : NULL;
            /* a new row hangs from its anchor; the arrow from the row above does not rank */
            if (link && starts_row) dot_builder_set(link, "constraint", "false");
            if (starts_row && builder->stage_first_nodes[i])
                dot_builder_invisible_edge(builder, dot_builder_row_anchor(builder, row),
                                           builder->stage_first_nodes[i]);
            previous_top = stage;
        }
        for (size_t k = 1; k < stage->child_count; k++)
            if (builder->stage_shown[stage->children[k]->base.index])
                dot_graph_spine_link(builder, stage->children[k - 1], stage->children[k]);
    }
}

void dot_graph_spine_add(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    const jrn_stage *last_top = NULL;
    builder->legend.is_spine = true;
    builder->legend.journey_count = 0;   /* an overview of a bigger view draws no journey */
    if (builder->budget.stages == 0) {
        dot_builder_add_note(builder, "This map has no stages yet");
        return;
    }
    for (size_t i = 0; i < model->stage_count; i++) {
        if (!builder->stage_shown[i]) continue;
        dot_graph_spine_add_stage(builder, model->stages[i]);
        if (!model->stages[i]->parent) last_top = model->stages[i];
    }
    dot_builder_plan_rows(builder, DOT_BUILDER_SPINE_ROW);
    dot_graph_spine_link_all(builder);
    dot_builder_add_stage_loops(builder);
    dot_node *legend = dot_builder_add_legend(builder);
    if (last_top && builder->stage_last_nodes[last_top->base.index])
        dot_builder_invisible_edge(builder, builder->stage_last_nodes[last_top->base.index], legend);
}
