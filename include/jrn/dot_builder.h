/* dot_builder.h — the state and helpers shared while one journey-map graph is built
 * (dot_graph*.c): which parts of the model the view shows, which graph objects drew
 * them, and how attributes, names, loops and the legend are made. */
#ifndef JRN_DOT_BUILDER_H
#define JRN_DOT_BUILDER_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/dot_budget.h"
#include "jrn/dot_doc.h"

#include "jrn/dot_labels.h"
#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Wrapped rows: a touchpoint of another row drawn small beside a stage, where a hop from
 * the stage goes on to it (incoming false) or where a hop from it comes in (incoming true). */
typedef struct dot_row_stub {
    const jrn_stage *stage;
    bool incoming;
    dot_node *node;
    struct dot_row_stub *next;
} dot_row_stub;

/* Arrays are indexed like the model's (element->base.index) and live in the
 * compilation's arena. */
/* A list of edges, made in the builder's arena. */
typedef struct dot_edge_link {
    dot_edge *edge;
    struct dot_edge_link *next;
} dot_edge_link;

typedef struct dot_builder {
    const jrn_model *model;
    const jrn_emit_options *options;
    const jrn_theme *theme;         /* the options' theme (dot_style_theme) */
    dot_doc *doc;
    dot_graph *graph;               /* the root: &doc->root */
    bool *stage_shown;
    bool *touchpoint_shown;
    bool *journey_shown;
    dot_graph **stage_clusters;     /* the cluster drawn for a stage, or NULL */
    dot_node **stage_first_nodes;   /* the first node drawn inside a stage (or its sub-stages) */
    dot_node **stage_last_nodes;    /* the last such node */
    /* the stages whose clusters directly hold those first and last nodes */
    const jrn_stage **first_node_holders;
    const jrn_stage **last_node_holders;
    dot_node **touchpoint_nodes;    /* the node of a shown touchpoint, or NULL */
    /* map views: a stage's title is a node at the top of its first column, not the
     * cluster's label, so the router keeps every arrow off it (Graphviz routes edges
     * around nodes but through cluster labels) */
    dot_node **stage_titles;
    bool *stage_title_ranked;       /* its title is tied to its first column already */
    dot_edge_link **stage_in_edges; /* per touchpoint: the ranked hops from its own stage */
    dot_row_stub **row_stubs;       /* per touchpoint: its stubs in other rows (a list) */
    const jrn_journey **legend_journeys;
    dot_legend legend;
    size_t *stage_columns;          /* map views: a stage's place among the stages that draw
                                       nodes of their own (1, 2, ...; 0 for none) */
    size_t gate_count;              /* invisible spine-order nodes created so far */
    size_t loop_note_count;         /* notes of stage loops across rows created so far */
    dot_graph *stage_group;         /* big maps: the plain subgraph taking the next clusters */
    size_t stage_group_fill;        /* clusters in stage_group so far */
    size_t stage_group_count;
    size_t stages_per_row;          /* wrapping: top-level stages per row */
    size_t row_count;
    size_t *stage_rows;             /* a stage's row (its top-level stage's) */
    dot_node *last_anchor;
    dot_budget budget;              /* how much layout the picture asks for (dot_budget.h) */
    size_t stages_left_out;         /* past the budget's stage limit */
    jrn_strbuf warning;             /* what the picture leaves out, said under the title */
    bool draws_flow;                /* --view flow: the full map, edges as wide as their flow */
    jrn_diag_list *diags;           /* where computing the flow reports (observed rates) */
    jrn_strbuf name;                /* scratch: object names */
    jrn_strbuf text;                /* scratch: labels and tooltips */
} dot_builder;

/* Sets an attribute of a dot_graph, dot_node or dot_edge (declared on the fly with an
 * empty default). */
void dot_builder_set(void *object, const char *name, const char *value);
/* Sets an attribute to the text built in builder->text (HTML-like markup, without the
 * enclosing < >, when is_html), and clears it. */
void dot_builder_set_text(dot_builder *builder, void *object, const char *name, bool is_html);

/* Ids longer than this are cut in object names (see dot_builder_name). */
#define DOT_BUILDER_NAME_ID_LIMIT 64u

/* "prefix" + id in builder->name: object names are ids, never titles; each kind of
 * object has its own prefix so ids cannot clash with each other or with DOT keywords. */
const char *dot_builder_name(dot_builder *builder, const char *prefix, const jrn_element *element);

dot_node *dot_builder_node(dot_builder *builder, dot_graph *graph, const char *prefix,
                           const jrn_element *element);
dot_edge *dot_builder_edge(dot_builder *builder, dot_node *tail, dot_node *head);
/* An edge that only keeps ranks in order: never drawn. */
dot_edge *dot_builder_invisible_edge(dot_builder *builder, dot_node *tail, dot_node *head);
/* An invisible node of the root graph named prefix + number: it only holds ranks. */
dot_node *dot_builder_invisible_point(dot_builder *builder, const char *prefix, size_t number);
/* Styles an edge that goes back to an earlier stage (a journey loop or a stage loop). */
void dot_builder_mark_loop(dot_edge *edge, bool under_the_map);
/* Records node as drawn inside stage's cluster (and so inside its parents' clusters). */
void dot_builder_note_node(dot_builder *builder, const jrn_stage *stage, dot_node *node);
/* True when stage is ancestor or ancestor's sub-stage (at any depth). */
bool dot_builder_stage_within(const jrn_stage *stage, const jrn_stage *ancestor);
/* Sets ltail/lhead on an edge between two stages' nodes, where clipping at the cluster
 * border is possible (Graphviz refuses a head inside the tail's cluster, and back). */
void dot_builder_clip_to_clusters(dot_builder *builder, dot_edge *edge,
                                  const jrn_stage *tail_stage, const jrn_stage *tail_holder,
                                  const jrn_stage *head_stage, const jrn_stage *head_holder);
/* Draws the declared loops: s "loops: t" as a dashed edge between the stages. */
void dot_builder_add_stage_loops(dot_builder *builder);

/* Wrapping the stages into rows, by top-level stage (a sub-stage stays in its parent's
 * row): as many to a row as the option says, or up to one_row in one row, and beyond that
 * so many that the picture is no wider than about 3:1. Call once the stages' nodes are made (it counts the stages that draw some). */
void dot_builder_plan_rows(dot_builder *builder, size_t one_row);
/* Stages that draw as one row without --stages-per-row: the map's wide stage clusters, and
 * the spine's narrow stage nodes. */
#define DOT_BUILDER_MAP_ROW 5u
#define DOT_BUILDER_SPINE_ROW 12u
/* The row (0, 1, ...) of a stage. */
size_t dot_builder_row_of(const dot_builder *builder, const jrn_stage *stage);
/* An invisible node left of a row, on the rank of the other rows' anchors (minlen=0 edges
 * between them) and ordered after the previous row's (an edge within a rank runs from the
 * earlier to the later node): the row's first stage hangs from it, so rows stack top to
 * bottom instead of running on to the right. */
dot_node *dot_builder_row_anchor(dot_builder *builder, size_t row);

/* Adds the legend cluster with what builder->legend says was drawn; returns its node so
 * the view can place it. */
dot_node *dot_builder_add_legend(dot_builder *builder);

/* Adds a note in place of a picture with nothing to draw. */
dot_node *dot_builder_add_note(dot_builder *builder, const char *text);

/* The views: dot_graph_map.c draws full, journey and persona; dot_graph_spine.c the spine;
 * dot_graph_blueprint.c the service blueprint. */
void dot_graph_map_add(dot_builder *builder);
void dot_graph_spine_add(dot_builder *builder);
/* dot_graph_blueprint.c: the service blueprint (its scratch in arena). */
void dot_graph_blueprint_add(dot_builder *builder, jrn_arena *arena);

#endif
