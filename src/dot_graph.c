/* dot_graph.c — builds the journey-map graph: graph-wide defaults, what a view shows,
 * the view's drawing, the title. */
#include <string.h>

#include "jrn/dot_graph.h"

#include "jrn/arena.h"
#include "jrn/dot_budget.h"
#include "jrn/dot_builder.h"
#include "jrn/dot_canvas.h"
#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"

/* ---- what a view shows ---- */

static bool dot_graph_journey_walked_by(const jrn_journey *journey, const jrn_persona *persona)
{
    for (size_t i = 0; i < journey->persona_count; i++)
        if (journey->personas[i] == persona) return true;
    return false;
}

static bool dot_graph_touchpoint_is_for(const jrn_touchpoint *touchpoint, const jrn_persona *persona)
{
    for (size_t i = 0; i < touchpoint->persona_count; i++)
        if (touchpoint->personas[i] == persona) return true;
    return false;
}

/* The stage view shows the journeys with a hop into, out of or within the stage. */
static bool dot_graph_journey_enters(const jrn_journey *journey, const jrn_stage *stage)
{
    for (size_t i = 0; i < journey->hop_count; i++)
        if (dot_builder_stage_within(journey->hops[i].from->stage, stage) ||
            dot_builder_stage_within(journey->hops[i].to->stage, stage))
            return true;
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
        case VIEW_FULL: case VIEW_FLOW: case VIEW_BLUEPRINT: shown = true; break;
        case VIEW_SPINE: case VIEW_CANVAS: shown = false; break;
        case VIEW_JOURNEY: shown = journey == options->view_journey; break;
        case VIEW_PERSONA: shown = dot_graph_journey_walked_by(journey, options->view_persona); break;
        case VIEW_STAGE: shown = dot_graph_journey_enters(journey, options->view_stage); break;
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
            options->view == VIEW_FULL || options->view == VIEW_BLUEPRINT ||
            (options->view == VIEW_PERSONA &&
             dot_graph_touchpoint_is_for(model->touchpoints[i], options->view_persona)) ||
            (options->view == VIEW_STAGE &&
             dot_builder_stage_within(model->touchpoints[i]->stage, options->view_stage));
    if (options->view == VIEW_FULL || options->view == VIEW_SPINE || options->view == VIEW_STAGE ||
        options->view == VIEW_BLUEPRINT)
        return;
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
    bool every = builder->options->view == VIEW_FULL || builder->options->view == VIEW_SPINE ||
                 builder->options->view == VIEW_BLUEPRINT;
    for (size_t i = 0; i < model->stage_count; i++)
        builder->stage_shown[i] =
            every || (builder->options->view == VIEW_STAGE &&
                      dot_builder_stage_within(model->stages[i], builder->options->view_stage));
    if (every || builder->options->view == VIEW_STAGE) return;
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        if (!builder->touchpoint_shown[i]) continue;
        for (const jrn_stage *stage = model->touchpoints[i]->stage; stage; stage = stage->parent)
            builder->stage_shown[stage->base.index] = true;
    }
}

/* ---- the layout budget ---- */

static void dot_graph_count(dot_builder *builder)
{
    const jrn_model *model = builder->model;
    dot_budget *budget = &builder->budget;
    for (size_t i = 0; i < model->stage_count; i++) {
        if (!builder->stage_shown[i]) continue;
        const jrn_stage *stage = model->stages[i];
        size_t inside = 0;
        for (size_t k = 0; k < stage->touchpoint_count; k++)
            inside += builder->touchpoint_shown[stage->touchpoints[k]->base.index];
        budget->stages++;
        budget->touchpoints += inside;
        if (inside > budget->largest_stage) budget->largest_stage = inside;
    }
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        if (!builder->journey_shown[i]) continue;
        for (size_t k = 0; k < journey->hop_count; k++) {
            const jrn_hop *hop = &journey->hops[k];
            /* the stage view draws hops with one end outside as stubs */
            if (!builder->touchpoint_shown[hop->from->base.index] &&
                !builder->touchpoint_shown[hop->to->base.index])
                continue;
            budget->hops++;
            budget->labelled_hops += builder->draws_flow || hop->has_rate || hop->has_after;
        }
    }
}

/* Past the stage limit the picture draws the first stages only (a parent comes before its
 * sub-stages in model order, so none is drawn without its parent). */
static void dot_graph_limit_stages(dot_builder *builder)
{
    size_t drawn = 0;
    for (size_t i = 0; i < builder->model->stage_count; i++) {
        if (!builder->stage_shown[i]) continue;
        if (drawn == builder->budget.stage_limit) {
            builder->stage_shown[i] = false;
            builder->stages_left_out++;
        } else {
            drawn++;
        }
    }
}

/* Layout settings that bound dot's work on a big picture, written into the DOT so that
 * `jrnc | dot` is bounded alike. nslimit/nslimit1 cap the network-simplex passes (ranks,
 * then coordinates) at that many iterations per node; mclimit scales the crossing
 * minimisation passes; remincross=false skips its second round over clusters. */
static void dot_graph_bound(dot_builder *builder)
{
    if (builder->budget.mode == DOT_LAYOUT_EXACT) return;
    dot_builder_set(builder->graph, "nslimit", "2");
    dot_builder_set(builder->graph, "nslimit1", "2");
    dot_builder_set(builder->graph, "mclimit", "0.5");
    dot_builder_set(builder->graph, "remincross", "false");
    /* a bitmap costs its area: past 100 inches (9,600 px) a side the drawing is scaled
     * down to fit, and Graphviz says so (a warning) */
    dot_builder_set(builder->graph, "size", "100,100");
}

static const char *dot_graph_view_noun(const jrn_emit_options *options)
{
    switch (options->view) {
    case VIEW_JOURNEY: return "This journey";
    case VIEW_PERSONA: return "This persona's view";
    case VIEW_STAGE: return "This stage";
    case VIEW_SPINE: return "The spine";
    case VIEW_CANVAS: return "The canvas";
    case VIEW_BLUEPRINT: return "The service blueprint";
    case VIEW_FULL: case VIEW_FLOW: break;
    }
    return "The full map";
}

/* Says in the picture (under the title) and on stderr that the picture is not whole. */
static void dot_graph_warn_overview(dot_builder *builder, const jrn_emit_options *options)
{
    const dot_budget *budget = &builder->budget;
    jrn_strbuf *warning = &builder->warning;
    if (budget->mode == DOT_LAYOUT_OVERVIEW)
        strbuf_printf(warning, "%s has %zu touchpoints and %zu hops, more than one picture shows "
                               "legibly: drawn as its stages only.",
                      dot_graph_view_noun(options), budget->touchpoints, budget->hops);
    if (builder->stages_left_out > 0)
        strbuf_printf(warning, "%sOnly the first %zu of %zu stages are drawn.", warning->length ? " " : "",
                      budget->stage_limit, budget->stage_limit + builder->stages_left_out);
    if (warning->length == 0) return;
    strbuf_puts(warning, " Draw a part: --view journey=ID, --view stage=ID or --view spine.");
    diag_report(builder->diags, SEVERITY_WARNING, NULL, span_none(), "%s: %s",
                dot_budget_map_name(builder->model), strbuf_text(warning));
}

/* ---- the graph ---- */

/* Graphviz draws black text on no background by default: a theme declares its text and
 * ground only when they differ, so the light theme writes what jrnc wrote before themes. */
static void dot_graph_declare_theme_ground(dot_doc *doc, const jrn_theme *theme)
{
    if (strcmp(theme->background, "#FFFFFF") != 0) dot_doc_declare(doc, DOT_OBJECT_GRAPH, "bgcolor", theme->background);
    if (strcmp(theme->text, "#000000") == 0) return;
    dot_doc_declare(doc, DOT_OBJECT_GRAPH, "fontcolor", theme->text);
    dot_doc_declare(doc, DOT_OBJECT_NODE, "fontcolor", theme->text);
    dot_doc_declare(doc, DOT_OBJECT_EDGE, "fontcolor", theme->text);
}

static void dot_graph_declare_defaults(dot_doc *doc, const jrn_theme *theme)
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
    const char *const node_defaults[][2] = {
        {"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", theme->nodes},
        {"color", theme->lines}, {"fontname", DOT_STYLE_FONT}, {"fontsize", "12"},
        {"margin", "0.14,0.07"}, {"penwidth", "1.2"},
    };
    const char *const edge_defaults[][2] = {
        {"fontname", DOT_STYLE_FONT}, {"fontsize", "10"}, {"color", theme->edges},
        {"penwidth", "1.8"}, {"arrowsize", "0.8"},
    };
    for (size_t i = 0; i < sizeof graph_defaults / sizeof graph_defaults[0]; i++)
        dot_doc_declare(doc, DOT_OBJECT_GRAPH, graph_defaults[i][0], graph_defaults[i][1]);
    for (size_t i = 0; i < sizeof node_defaults / sizeof node_defaults[0]; i++)
        dot_doc_declare(doc, DOT_OBJECT_NODE, node_defaults[i][0], node_defaults[i][1]);
    for (size_t i = 0; i < sizeof edge_defaults / sizeof edge_defaults[0]; i++)
        dot_doc_declare(doc, DOT_OBJECT_EDGE, edge_defaults[i][0], edge_defaults[i][1]);
    dot_graph_declare_theme_ground(doc, theme);
}

static void dot_graph_set_title(dot_builder *builder, const jrn_emit_options *options)
{
    dot_label_title(&builder->text, builder->model, options);
    if (builder->warning.length)
        dot_label_title_warning(&builder->text, builder->theme, strbuf_text(&builder->warning));
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
    builder->stage_clusters = arena_alloc_array(arena, stages + 1, sizeof(dot_graph *));
    builder->stage_first_nodes = arena_alloc_array(arena, stages + 1, sizeof(dot_node *));
    builder->stage_last_nodes = arena_alloc_array(arena, stages + 1, sizeof(dot_node *));
    builder->first_node_holders = arena_alloc_array(arena, stages + 1, sizeof(jrn_stage *));
    builder->last_node_holders = arena_alloc_array(arena, stages + 1, sizeof(jrn_stage *));
    builder->stage_columns = arena_alloc_array(arena, stages + 1, sizeof(size_t));
    builder->stage_rows = arena_alloc_array(arena, stages + 1, sizeof(size_t));
    builder->touchpoint_nodes = arena_alloc_array(arena, touchpoints + 1, sizeof(dot_node *));
    builder->stage_titles = arena_alloc_array(arena, stages + 1, sizeof(dot_node *));
    builder->stage_title_ranked = arena_alloc_array(arena, stages + 1, sizeof(bool));
    builder->stage_in_edges = arena_alloc_array(arena, touchpoints + 1, sizeof(dot_edge_link *));
    builder->row_stubs = arena_alloc_array(arena, touchpoints + 1, sizeof(dot_row_stub *));
    builder->legend_journeys =
        arena_alloc_array(arena, model->journey_count + 1, sizeof(jrn_journey *));
}

dot_doc *dot_graph_build(const jrn_model *model, const jrn_emit_options *options, jrn_arena *arena,
                         jrn_diag_list *diags)
{
    static const jrn_emit_options full_view = {.view = VIEW_FULL};
    if (!options) options = &full_view;
    if ((options->view == VIEW_JOURNEY && !options->view_journey) ||
        (options->view == VIEW_PERSONA && !options->view_persona) ||
        (options->view == VIEW_STAGE && !options->view_stage)) {
        diag_error(diags, span_none(), "the view names no journey, persona or stage");
        return NULL;
    }
    /* the canvas is a grid of tables, not a graph of the map: a builder of its own */
    if (options->view == VIEW_CANVAS) return dot_canvas_build(model, options, arena, diags);
    dot_doc *doc = dot_doc_new(arena, "journey_map");
    /* The flow view is the full map with edges as wide as their flow: what is shown is
     * chosen as for the full map. */
    jrn_emit_options shown = *options;
    if (options->view == VIEW_FLOW) shown.view = VIEW_FULL;
    dot_builder builder = {.model = model, .options = &shown, .theme = dot_style_theme(options), .doc = doc,
                           .graph = &doc->root, .draws_flow = options->view == VIEW_FLOW, .diags = diags};
    builder.legend.theme = builder.theme;
    size_t errors_before = diags->error_count;
    dot_graph_allocate(&builder, arena);
    dot_graph_declare_defaults(doc, builder.theme);
    dot_graph_choose_journeys(&builder);
    dot_graph_choose_touchpoints(&builder);
    dot_graph_choose_stages(&builder);
    dot_graph_count(&builder);
    dot_budget_choose(&builder.budget, options->view != VIEW_SPINE);
    bool overview = options->view == VIEW_SPINE || builder.budget.mode == DOT_LAYOUT_OVERVIEW;
    if (overview) dot_graph_limit_stages(&builder);
    dot_graph_bound(&builder);
    dot_graph_warn_overview(&builder, options);
    if (overview) dot_graph_spine_add(&builder);
    else if (options->view == VIEW_BLUEPRINT) dot_graph_blueprint_add(&builder, arena);
    else dot_graph_map_add(&builder);
    dot_graph_set_title(&builder, options);
    strbuf_free(&builder.name);
    strbuf_free(&builder.text);
    strbuf_free(&builder.warning);
    return diags->error_count > errors_before ? NULL : doc;
}
