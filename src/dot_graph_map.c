/* dot_graph_map.c — the map views (full, journey=ID, persona=ID): stages as clusters in
 * spine order, touchpoints as heat-mapped nodes, journeys as coloured edges. */
#include <math.h>
#include <stdio.h>

#include "jrn/arena.h"
#include "jrn/dot_builder.h"
#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"
#include "jrn/dot_text.h"
#include "jrn/flow.h"

static void dot_graph_map_style_touchpoint(dot_builder *builder, dot_node *node,
                                           const jrn_touchpoint *touchpoint)
{
    dot_heat heat = dot_style_heat_of(touchpoint);
    dot_label_touchpoint(&builder->text, builder->theme, touchpoint);
    jrn_strbuf kpis = STRBUF_INIT;
    if (dot_label_kpi_status(&kpis, builder->theme, builder->options->actuals, touchpoint->kpis, touchpoint->kpi_count,
                             false))
        builder->legend.has_kpi_status = true;
    dot_label_touchpoint_add_lines(&builder->text, touchpoint, strbuf_text(&kpis));
    strbuf_free(&kpis);
    dot_builder_set_text(builder, node, "label", true);
    dot_label_touchpoint_tooltip(&builder->text, builder->model, touchpoint);
    dot_builder_set_text(builder, node, "tooltip", false);
    bool banded = dot_label_touchpoint_is_banded(touchpoint);
    if (heat != HEAT_NEUTRAL) {
        dot_heat_style style = dot_style_heat(builder->theme, heat);
        if (!banded) dot_builder_set(node, "fillcolor", style.fill);
        dot_builder_set(node, "color", style.border);
    }
    if (heat == HEAT_INCONSISTENT && !banded) dot_builder_set(node, "gradientangle", "90");
    if (banded) dot_builder_set(node, "margin", "0.05,0.04");
    if (touchpoint->is_backstage) {
        dot_builder_set(node, "style", "rounded,filled,dashed");
        builder->legend.has_backstage = true;
    }
    if (touchpoint->is_truth) {
        dot_builder_set(node, "peripheries", "2");
        dot_builder_set(node, "penwidth", "1.6");
        builder->legend.has_truth = true;
    }
}

/* A stage with nothing in it still shows in the spine, as a hollow placeholder. */
static void dot_graph_map_add_placeholder(dot_builder *builder, dot_graph *cluster,
                                          const jrn_stage *stage)
{
    dot_node *node = dot_builder_node(builder, cluster, "empty_", &stage->base);
    dot_builder_set(node, "style", "rounded,dashed");
    dot_builder_set(node, "color", builder->theme->ghost);
    dot_label_empty_stage(&builder->text, builder->theme);
    dot_builder_set_text(builder, node, "label", true);
    strbuf_puts(&builder->text, "No touchpoint in ");
    dot_label_plain(&builder->text, element_label(&stage->base));
    strbuf_puts(&builder->text, " yet");
    dot_builder_set_text(builder, node, "tooltip", false);
    dot_builder_note_node(builder, stage, node);
}

/* Top-level clusters per plain subgraph on big maps. Graphviz's writer (agwrite: `nop`,
 * `dot -Tdot`, `dot -Tcanon` on jrnc's output) finds, for every node and edge, whether some
 * subgraph of the graph being written holds it by trying each one in turn: with hundreds
 * of stage clusters side by side that is O(nodes x stages). Grouping the clusters 16 to a
 * plain subgraph (which does not change the layout) keeps every such search short. */
enum { DOT_STAGE_GROUP_SIZE = 16 };

static dot_graph *dot_graph_map_top_parent(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    size_t top_level = 0;
    for (size_t i = 0; i < model->stage_count && top_level <= DOT_STAGE_GROUP_SIZE; i++)
        top_level += model->stages[i]->parent == NULL;
    if (top_level <= DOT_STAGE_GROUP_SIZE) return builder->graph;
    if (builder->stage_group == NULL || builder->stage_group_fill == DOT_STAGE_GROUP_SIZE) {
        strbuf_clear(&builder->name);
        strbuf_printf(&builder->name, "stages_%zu", ++builder->stage_group_count);
        builder->stage_group = dot_doc_subgraph(builder->graph, strbuf_text(&builder->name));
        builder->stage_group_fill = 0;
    }
    builder->stage_group_fill++;
    return builder->stage_group;
}

static void dot_graph_map_add_stage(dot_builder *builder, const jrn_stage *stage)
{
    dot_graph *parent = stage->parent ? builder->graph : dot_graph_map_top_parent(builder);
    if (stage->parent && builder->stage_clusters[stage->parent->base.index])
        parent = builder->stage_clusters[stage->parent->base.index];
    dot_graph *cluster = dot_doc_subgraph(parent, dot_builder_name(builder, "cluster_", &stage->base));
    builder->stage_clusters[stage->base.index] = cluster;
    dot_label_stage(&builder->text, builder->theme, builder->model, stage, false);
    if (dot_label_kpi_status(&builder->text, builder->theme, builder->options->actuals, stage->kpis, stage->kpi_count, true))
        builder->legend.has_kpi_status = true;
    dot_node *title = dot_builder_node(builder, cluster, "title_", &stage->base);
    dot_builder_set_text(builder, title, "label", true);
    dot_builder_set(title, "shape", "plain");
    dot_builder_set(title, "style", "solid");
    builder->stage_titles[stage->base.index] = title;
    /* a subgraph inherits the root's label (the map's title) unless it sets its own; a
     * sub-stage's box inherits its parent box's empty one */
    if (parent == builder->graph || parent == builder->stage_group) dot_builder_set(cluster, "label", "");
    dot_label_stage_tooltip(&builder->text, builder->model, stage);
    dot_builder_set(title, "tooltip", strbuf_text(&builder->text));
    dot_builder_set_text(builder, cluster, "tooltip", false);
    dot_builder_set(cluster, "style", "rounded,filled");
    dot_builder_set(cluster, "fillcolor", stage->parent ? builder->theme->sub_lanes : builder->theme->lanes);
    dot_builder_set(cluster, "color", builder->theme->lane_border);
    dot_builder_set(cluster, "penwidth", "1");
    for (size_t i = 0; i < stage->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[i];
        if (!builder->touchpoint_shown[touchpoint->base.index]) continue;
        dot_node *node = dot_builder_node(builder, cluster, "tp_", &touchpoint->base);
        dot_graph_map_style_touchpoint(builder, node, touchpoint);
        builder->touchpoint_nodes[touchpoint->base.index] = node;
        dot_builder_note_node(builder, stage, node);
    }
    if (builder->options->view == VIEW_FULL && stage->touchpoint_count == 0 &&
        stage->child_count == 0)
        dot_graph_map_add_placeholder(builder, cluster, stage);
}

/* Links the nodes of a block (a stage with nothing in it: its placeholder) with a gate
 * node: from each to the gate, or from the gate to each. Returns how many it has. */
static size_t dot_graph_map_link_block(dot_builder *builder, jrn_spine_block block, dot_node *gate,
                                       bool from_gate)
{
    size_t linked = 0;
    for (size_t i = block.first; i < block.first + block.count; i++) {
        dot_node *node = builder->touchpoint_nodes[block.stage->touchpoints[i]->base.index];
        if (!node) continue;
        if (gate) {
            if (from_gate) dot_builder_invisible_edge(builder, gate, node);
            else dot_builder_invisible_edge(builder, node, gate);
        }
        linked++;
    }
    dot_node *placeholder = builder->stage_first_nodes[block.stage->base.index];
    if (block.stage->touchpoint_count == 0 && block.stage->child_count == 0 && placeholder) {
        if (gate) {
            if (from_gate) dot_builder_invisible_edge(builder, gate, placeholder);
            else dot_builder_invisible_edge(builder, placeholder, gate);
        }
        linked++;
    }
    return linked;
}

/* The nodes a stage draws itself (not its sub-stages'). */
static size_t dot_graph_map_own_nodes(dot_builder *builder, const jrn_stage *stage)
{
    jrn_spine_block block = {stage, 0, stage->touchpoint_count};
    return dot_graph_map_link_block(builder, block, NULL, false);
}

/* A hop's label is a virtual node in every rank the edge crosses, and on a big picture
 * those dominate dot's work: there it is an xlabel, placed beside the drawn edge. */
static const char *dot_graph_map_hop_label(const dot_builder *builder)
{
    return builder->budget.mode == DOT_LAYOUT_EXACT ? "label" : "xlabel";
}

/* The flow view: an edge as wide as the customers on it, relative to the busiest hop of
 * the picture (a hop inside a trap is drawn at full width). */
#define DOT_FLOW_MAX_WIDTH 8.0
#define DOT_FLOW_MIN_WIDTH 0.4

static void dot_graph_map_style_flow(dot_builder *builder, dot_edge *edge, const jrn_flow_hop *flow,
                                     double busiest)
{
    double width = isinf(flow->flow) || busiest <= 0 ? DOT_FLOW_MAX_WIDTH
                                                    : DOT_FLOW_MAX_WIDTH * flow->flow / busiest;
    if (width < DOT_FLOW_MIN_WIDTH) width = DOT_FLOW_MIN_WIDTH;
    char text[32];
    snprintf(text, sizeof text, "%.2f", width);
    dot_builder_set(edge, "penwidth", text);
    dot_label_hop_flow(&builder->text, flow->hop, flow->flow, flow->is_observed ? flow->probability : -1);
    dot_builder_set_text(builder, edge, dot_graph_map_hop_label(builder), false);
}

/* Draws node as a stub of touchpoint: small, dashed, "<before>Title<after>" over its
 * stage in brackets, and a tooltip that starts with `says`. */
static void dot_graph_map_style_stub(dot_builder *builder, dot_node *node, const jrn_touchpoint *touchpoint,
                                     const char *before, const char *after, const char *says)
{
    dot_builder_set(node, "style", "rounded,dashed");
    dot_builder_set(node, "color", builder->theme->ghost);
    dot_builder_set(node, "fontsize", "10");
    dot_builder_set(node, "fontcolor", builder->theme->muted);
    const char *title = element_label(&touchpoint->base);
    strbuf_puts(&builder->text, before);
    dot_label_plain(&builder->text, dot_text_is_blank(title) ? touchpoint->base.id : title);
    strbuf_puts(&builder->text, after);
    if (touchpoint->stage) {
        strbuf_puts(&builder->text, "\\n(");
        dot_label_plain(&builder->text, element_label(&touchpoint->stage->base));
        strbuf_putc(&builder->text, ')');
    }
    dot_builder_set_text(builder, node, "label", false);
    strbuf_puts(&builder->text, says);
    dot_label_plain(&builder->text, element_label(&touchpoint->base));
    dot_builder_set_text(builder, node, "tooltip", false);
}

/* The stage view: a touchpoint of another stage that a hop comes from or goes to, drawn
 * small and outside every cluster (once, however many hops touch it). */
static dot_node *dot_graph_map_stub(dot_builder *builder, const jrn_touchpoint *touchpoint)
{
    dot_node **slot = &builder->touchpoint_nodes[touchpoint->base.index];
    if (*slot) return *slot;
    *slot = dot_builder_node(builder, builder->graph, "stub_", &touchpoint->base);
    builder->legend.has_stub = true;
    dot_graph_map_style_stub(builder, *slot, touchpoint, "", "", "In another stage: ");
    return *slot;
}

/* Wrapped rows: `touchpoint` (of another row) drawn small beside `stage` (once per stage
 * and direction, however many hops use it), where a hop between rows leaves or arrives.
 * A drawn edge across rows would run around whole rows of stages. */
static dot_node *dot_graph_map_row_stub(dot_builder *builder, const jrn_touchpoint *touchpoint,
                                        const jrn_stage *stage, bool incoming)
{
    dot_row_stub **list = &builder->row_stubs[touchpoint->base.index];
    for (dot_row_stub *stub = *list; stub; stub = stub->next)
        if (stub->stage == stage && stub->incoming == incoming) return stub->node;
    jrn_arena *arena = builder->diags->arena;
    dot_row_stub *stub = arena_alloc(arena, sizeof *stub);
    /* "stub" + stage index + in/on: no other prefix ends in a digit and 'i'/'o' */
    const char *prefix = arena_printf(arena, "stub%zu%s_", (size_t)stage->base.index + 1, incoming ? "i" : "o");
    *stub = (dot_row_stub){stage, incoming, dot_builder_node(builder, builder->graph, prefix, &touchpoint->base),
                           *list};
    *list = stub;
    builder->legend.has_row_stub = true;
    if (incoming) dot_graph_map_style_stub(builder, stub->node, touchpoint, "", " \u2192", "Comes from another row: ");
    else dot_graph_map_style_stub(builder, stub->node, touchpoint, "\u2192 ", "", "Goes on in another row: ");
    return stub->node;
}

/* Draws one edge of a hop in its journey's colour; `labelled`: with the hop's rate and
 * time (or flow), which an edge split across rows carries once. */
static dot_edge *dot_graph_map_hop_edge(dot_builder *builder, const jrn_journey *journey, const jrn_hop *hop,
                                        dot_node *tail, dot_node *head, const jrn_flow_hop *flow, double busiest,
                                        bool labelled)
{
    dot_edge *edge = dot_builder_edge(builder, tail, head);
    const char *color = theme_journey_color(builder->theme, journey->base.index);
    const char *dashes = theme_journey_dashes(builder->theme, journey->base.index);
    dot_builder_set(edge, "color", color);
    dot_builder_set(edge, "fontcolor", color);
    /* more journeys than the theme's distinguishable colours: the next round is dashed */
    if (dashes) dot_builder_set(edge, "style", dashes);
    if (flow) {
        dot_graph_map_style_flow(builder, edge, flow, busiest);
        if (!labelled) dot_builder_set(edge, dot_graph_map_hop_label(builder), "");
    } else if (labelled && (hop->has_rate || hop->has_after)) {
        dot_label_hop(&builder->text, hop);
        dot_builder_set_text(builder, edge, dot_graph_map_hop_label(builder), false);
    }
    dot_label_hop_tooltip(&builder->text, journey, hop);
    dot_builder_set_text(builder, edge, "tooltip", false);
    return edge;
}

static void dot_graph_map_add_hop(dot_builder *builder, const jrn_journey *journey,
                                  const jrn_hop *hop, const jrn_flow_hop *flow, double busiest)
{
    bool from_shown = builder->touchpoint_shown[hop->from->base.index];
    bool to_shown = builder->touchpoint_shown[hop->to->base.index];
    if (!from_shown && !to_shown) return;
    if (builder->options->view != VIEW_STAGE && !(from_shown && to_shown)) return;
    dot_node *tail = from_shown ? builder->touchpoint_nodes[hop->from->base.index]
                                : dot_graph_map_stub(builder, hop->from);
    dot_node *head = to_shown ? builder->touchpoint_nodes[hop->to->base.index]
                              : dot_graph_map_stub(builder, hop->to);
    if (!tail || !head) return;
    size_t from_row = dot_builder_row_of(builder, hop->from->stage);
    size_t to_row = dot_builder_row_of(builder, hop->to->stage);
    if (from_row != to_row) {
        /* from one row to another: on to a stub in this row, in from a stub in that one */
        dot_edge *on = dot_graph_map_hop_edge(builder, journey, hop, tail,
                                              dot_graph_map_row_stub(builder, hop->to, hop->from->stage, false), flow,
                                              busiest, true);
        dot_edge *in = dot_graph_map_hop_edge(builder, journey, hop,
                                              dot_graph_map_row_stub(builder, hop->from, hop->to->stage, true), head, flow,
                                              busiest, false);
        if (hop->goes_back) {
            dot_builder_set(on, "style", "dashed");
            dot_builder_set(in, "style", "dashed");
            builder->legend.has_journey_loop = true;
        }
        return;
    }
    dot_edge *edge = dot_graph_map_hop_edge(builder, journey, hop, tail, head, flow, busiest, true);
    size_t from_column = builder->stage_columns[hop->from->stage->base.index];
    size_t to_column = builder->stage_columns[hop->to->stage->base.index];
    if (to_column > from_column + 1)
        /* an edge past whole stages would push them aside to run straight: it bends instead */
        dot_builder_set(edge, "weight", "0");
    if (hop->goes_back) {
        dot_builder_mark_loop(edge, true);
        builder->legend.has_journey_loop = true;
    } else if (hop->from != hop->to && hop->from->stage == hop->to->stage) {
        dot_edge_link *link = arena_alloc(builder->diags->arena, sizeof *link);
        *link = (dot_edge_link){edge, builder->stage_in_edges[hop->to->base.index]};
        builder->stage_in_edges[hop->to->base.index] = link;
    }
}

static void dot_graph_map_number_columns(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    size_t column = 0;
    for (size_t i = 0; i < model->stage_count; i++)
        if (builder->stage_shown[i] && dot_graph_map_own_nodes(builder, model->stages[i]) > 0)
            builder->stage_columns[i] = ++column;
    dot_builder_plan_rows(builder, DOT_BUILDER_MAP_ROW);
    /* One ranking of the whole graph: Graphviz's default ranks each cluster apart and then
     * places it whole, which can put a stage's later block (its touchpoints after a
     * sub-stage) in the column of an earlier one. */
    dot_builder_set(builder->graph, "newrank", "true");
    /* Crossing minimisation's second round over the whole graph does not see the flat
     * edges inside a stage box, so it could move a node above the stage's title. */
    dot_builder_set(builder->graph, "remincross", "false");
}

/* The flow through each shown journey for the flow view (observed rates when there is
 * data): per journey its hops' flows, or NULL after reporting why it cannot be computed.
 * *busiest: the largest finite flow of any hop, so widths compare across journeys. */
static const jrn_flow_hop **dot_graph_map_flows(dot_builder *builder, double *busiest)
{
    const jrn_model *model = builder->model;
    const jrn_flow_hop **flows = arena_alloc_array(builder->diags->arena, model->journey_count + 1,
                                                   sizeof *flows);
    *busiest = 0;
    for (size_t i = 0; i < model->journey_count; i++) {
        if (!builder->journey_shown[i]) continue;
        jrn_journey_flow flow;
        if (!flow_journey(builder->diags->arena, model, model->journeys[i], builder->options->actuals,
                          builder->diags, &flow))
            continue;
        flows[i] = flow.hops;
        for (size_t k = 0; k < flow.hop_count; k++)
            if (isfinite(flow.hops[k].flow) && flow.hops[k].flow > *busiest) *busiest = flow.hops[k].flow;
    }
    builder->legend.has_flow = true;
    return flows;
}

static void dot_graph_map_add_journeys(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    dot_graph_map_number_columns(builder);
    double busiest = 0;
    const jrn_flow_hop **flows = builder->draws_flow ? dot_graph_map_flows(builder, &busiest) : NULL;
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        if (!builder->journey_shown[i]) continue;
        for (size_t k = 0; k < journey->hop_count; k++)
            dot_graph_map_add_hop(builder, journey, &journey->hops[k], flows && flows[i] ? &flows[i][k] : NULL,
                                  busiest);
    }
}

/* ---- spine order ---- */

/* Draws title in node's rank, above it. */
static void dot_graph_map_stand_over(dot_builder *builder, dot_node *node, dot_node *title)
{
    dot_edge *edge = dot_builder_invisible_edge(builder, node, title);
    dot_builder_set(edge, "minlen", "0");
    dot_builder_set(edge, "weight", "100");
}

/* An invisible point between two stages' nodes. */
static dot_node *dot_graph_map_gate(dot_builder *builder)
{
    return dot_builder_invisible_point(builder, "gate_", ++builder->gate_count);
}

/* The nodes a block's title stands over, the ones its first column begins with: those no
 * ranked hop reaches from their own stage. When hops within the stage make a cycle through
 * every node, the block begins with its first node as written, and the hops into it from
 * its stage no longer rank it (dot would turn one of the cycle's hops round anyway, and
 * then which node came first would be its choice). A block with no touchpoint of its own
 * has its placeholder. */
static size_t dot_graph_map_block_entries(dot_builder *builder, jrn_spine_block block, dot_node **entries)
{
    size_t count = 0;
    const jrn_touchpoint *first = NULL;
    for (size_t i = block.first; i < block.first + block.count; i++) {
        const jrn_touchpoint *touchpoint = block.stage->touchpoints[i];
        dot_node *node = builder->touchpoint_nodes[touchpoint->base.index];
        if (!node) continue;
        if (!first) first = touchpoint;
        if (!builder->stage_in_edges[touchpoint->base.index]) entries[count++] = node;
    }
    if (count == 0 && first) {
        for (dot_edge_link *link = builder->stage_in_edges[first->base.index]; link; link = link->next)
            dot_builder_set(link->edge, "constraint", "false");
        entries[count++] = builder->touchpoint_nodes[first->base.index];
    }
    dot_node *placeholder = builder->stage_first_nodes[block.stage->base.index];
    if (block.count == 0 && placeholder) entries[count++] = placeholder;
    return count;
}

/* Places the titles of the stages a block begins. The block's own stage's title stands at
 * the top of the block's first column. A parent that begins with this block (a stage
 * whose first block is a sub-stage) has its title in a column of its own just before it,
 * so it reads before the sub-stage instead of under it (dot orders a flat edge's ends
 * only within one cluster). */
static void dot_graph_map_rank_titles(dot_builder *builder, jrn_spine_block block, dot_node *gate)
{
    if (builder->stage_title_ranked[block.stage->base.index]) return;
    builder->stage_title_ranked[block.stage->base.index] = true;
    dot_node **entries = arena_alloc_array(builder->diags->arena, block.count + 1, sizeof *entries);
    size_t entry_count = dot_graph_map_block_entries(builder, block, entries);
    dot_node *title = builder->stage_titles[block.stage->base.index];
    for (size_t i = 0; title && i < entry_count; i++) dot_graph_map_stand_over(builder, entries[i], title);
    dot_node *parent_title = NULL;   /* the outermost parent title placed so far */
    for (const jrn_stage *parent = block.stage->parent; parent && !builder->stage_title_ranked[parent->base.index];
         parent = parent->parent) {
        builder->stage_title_ranked[parent->base.index] = true;
        dot_node *column = builder->stage_titles[parent->base.index];
        if (!column) continue;
        if (parent_title) dot_builder_invisible_edge(builder, column, parent_title);
        else
            for (size_t i = 0; i < entry_count; i++) dot_builder_invisible_edge(builder, column, entries[i]);
        parent_title = column;
    }
    /* the column right after the gate, pulled hard against it: no node of the block can
     * stand in a column before it */
    dot_node *first_column = parent_title ? parent_title : title;
    if (first_column) dot_builder_set(dot_builder_invisible_edge(builder, gate, first_column), "weight", "100");
}

/* Ranks one block after the one before it: every node of the previous block before a
 * gate, every node of this one after it (O(nodes) edges, not O(nodes²)). The first block
 * of a row hangs from the row's anchor instead. */
static void dot_graph_map_rank_block(dot_builder *builder, jrn_spine_block *previous, jrn_spine_block block)
{
    if (!builder->stage_shown[block.stage->base.index] || dot_graph_map_link_block(builder, block, NULL, false) == 0)
        return;
    size_t row = dot_builder_row_of(builder, block.stage);
    dot_node *gate = NULL;
    if (builder->row_count > 1 && (!previous->stage || dot_builder_row_of(builder, previous->stage) != row)) {
        gate = dot_builder_row_anchor(builder, row);
    } else {
        /* the first block has a gate too: its title's column is the first one */
        gate = dot_graph_map_gate(builder);
        if (previous->stage) dot_graph_map_link_block(builder, *previous, gate, false);
    }
    dot_graph_map_link_block(builder, block, gate, true);
    dot_graph_map_rank_titles(builder, block, gate);
    *previous = block;
}

/* The full view ranks each block of the spine after the one before it, so the picture
 * reads in spine order: the builder, and the block ranked last. */
typedef struct dot_spine_ranking {
    dot_builder *builder;
    jrn_spine_block previous;
} dot_spine_ranking;

static void dot_graph_map_rank_next(void *context, jrn_spine_block block)
{
    dot_spine_ranking *ranking = context;
    dot_graph_map_rank_block(ranking->builder, &ranking->previous, block);
}

/* Journeys alone do not keep the spine left to right (a stage nobody walks into would
 * land at the far left, a hop back would pull a stage before the one it follows), so the
 * spine's blocks are ranked in order. The legend follows the last block. */
static void dot_graph_map_order_stages(dot_builder *builder, dot_node *legend)
{
    const jrn_model *model = builder->model;
    dot_spine_ranking ranking = {builder, {NULL, 0, 0}};   /* no stage before the first block */
    for (size_t i = 0; i < model->stage_count; i++)
        if (model->stages[i]->parent == NULL) model_visit_spine_blocks(model->stages[i], dot_graph_map_rank_next, &ranking);
    if (ranking.previous.stage && legend) {
        dot_node *gate = dot_graph_map_gate(builder);
        dot_graph_map_link_block(builder, ranking.previous, gate, false);
        dot_builder_invisible_edge(builder, gate, legend);
    }
}

/* What an empty view says instead of drawing nothing. */
static void dot_graph_map_add_note(dot_builder *builder)
{
    const jrn_emit_options *options = builder->options;
    jrn_strbuf note_text = STRBUF_INIT;
    if (options->view == VIEW_JOURNEY) {
        strbuf_puts(&note_text, "This journey has no steps: ");
        strbuf_puts(&note_text, element_label(&options->view_journey->base));
    } else if (options->view == VIEW_PERSONA) {
        strbuf_puts(&note_text, "No journey or touchpoint is declared for ");
        strbuf_puts(&note_text, element_label(&options->view_persona->base));
    } else {
        strbuf_puts(&note_text, "This map has no stages yet");
    }
    dot_builder_add_note(builder, strbuf_text(&note_text));
    strbuf_free(&note_text);
}

void dot_graph_map_add(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    bool any_node = false;
    for (size_t i = 0; i < model->stage_count; i++) {
        if (!builder->stage_shown[i]) continue;
        dot_graph_map_add_stage(builder, model->stages[i]);
        any_node = true;
    }
    if (!any_node) {
        dot_graph_map_add_note(builder);
        return;
    }
    dot_graph_map_add_journeys(builder);
    dot_builder_add_stage_loops(builder);
    dot_node *legend = dot_builder_add_legend(builder);
    dot_graph_map_order_stages(builder, legend);
}
