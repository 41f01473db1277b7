/* lint_rules_cycles.c — trapped-loop: finds the cycles of a journey's steps that no hop
 * leaves (terminal strongly connected components), without recursion. */
#include <stdlib.h>

#include "jrn/lint_rules.h"

/* One journey as a graph: steps numbered 0..count-1, hops as adjacency lists. */
typedef struct lint_journey_graph {
    size_t count;
    size_t *edge_begin;          /* count + 1 offsets into edge_hop */
    size_t *edge_hop;            /* hop indexes, grouped by source step */
    size_t *component;           /* component of each step, after lint_find_components */
    size_t component_count;
} lint_journey_graph;

/* Tarjan's bookkeeping, kept on the heap: a 200,000-step chain must not need a deep stack. */
typedef struct lint_tarjan {
    size_t *order;               /* discovery number + 1; 0 = not visited */
    size_t *low;
    bool *on_stack;
    size_t *stack;
    size_t stack_size;
    size_t *call_step;           /* the explicit call stack: step and next edge to try */
    size_t *call_edge;
    size_t call_size;
    size_t counter;
} lint_tarjan;

static size_t lint_step_number(const size_t *step_of_touchpoint, const jrn_touchpoint *touchpoint)
{
    return step_of_touchpoint[touchpoint->base.index];
}

static bool lint_graph_build(lint_journey_graph *graph, const jrn_journey *journey,
                             const size_t *step_of_touchpoint)
{
    graph->count = journey->step_count;
    graph->edge_begin = calloc(graph->count + 1, sizeof *graph->edge_begin);
    graph->edge_hop = calloc(journey->hop_count ? journey->hop_count : 1, sizeof *graph->edge_hop);
    graph->component = calloc(graph->count ? graph->count : 1, sizeof *graph->component);
    if (graph->edge_begin == NULL || graph->edge_hop == NULL || graph->component == NULL) return false;
    for (size_t h = 0; h < journey->hop_count; h++) {
        graph->edge_begin[lint_step_number(step_of_touchpoint, journey->hops[h].from) + 1]++;
    }
    for (size_t s = 0; s < graph->count; s++) graph->edge_begin[s + 1] += graph->edge_begin[s];
    size_t *fill = calloc(graph->count ? graph->count : 1, sizeof *fill);
    if (fill == NULL) return false;
    for (size_t h = 0; h < journey->hop_count; h++) {
        size_t from = lint_step_number(step_of_touchpoint, journey->hops[h].from);
        graph->edge_hop[graph->edge_begin[from] + fill[from]++] = h;
    }
    free(fill);
    return true;
}

static void lint_graph_free(lint_journey_graph *graph)
{
    free(graph->edge_begin);
    free(graph->edge_hop);
    free(graph->component);
}

static void lint_tarjan_visit(lint_tarjan *tarjan, size_t step)
{
    tarjan->order[step] = tarjan->low[step] = ++tarjan->counter;
    tarjan->stack[tarjan->stack_size++] = step;
    tarjan->on_stack[step] = true;
    tarjan->call_step[tarjan->call_size] = step;
    tarjan->call_edge[tarjan->call_size] = 0;
    tarjan->call_size++;
}

/* The step just finished is a component's root: pop the component off the stack. */
static void lint_tarjan_close(lint_tarjan *tarjan, lint_journey_graph *graph, size_t root)
{
    size_t member;
    do {
        member = tarjan->stack[--tarjan->stack_size];
        tarjan->on_stack[member] = false;
        graph->component[member] = graph->component_count;
    } while (member != root);
    graph->component_count++;
}

static bool lint_find_components(lint_journey_graph *graph, const jrn_journey *journey,
                                 const size_t *step_of_touchpoint)
{
    size_t count = graph->count ? graph->count : 1;
    lint_tarjan tarjan = {0};
    tarjan.order = calloc(count, sizeof *tarjan.order);
    tarjan.low = calloc(count, sizeof *tarjan.low);
    tarjan.on_stack = calloc(count, sizeof *tarjan.on_stack);
    tarjan.stack = calloc(count, sizeof *tarjan.stack);
    tarjan.call_step = calloc(count, sizeof *tarjan.call_step);
    tarjan.call_edge = calloc(count, sizeof *tarjan.call_edge);
    bool ok = tarjan.order && tarjan.low && tarjan.on_stack && tarjan.stack && tarjan.call_step &&
              tarjan.call_edge;
    for (size_t start = 0; ok && start < graph->count; start++) {
        if (tarjan.order[start] != 0) continue;
        lint_tarjan_visit(&tarjan, start);
        while (tarjan.call_size > 0) {
            size_t top = tarjan.call_size - 1, step = tarjan.call_step[top];
            size_t edge = graph->edge_begin[step] + tarjan.call_edge[top];
            if (edge < graph->edge_begin[step + 1]) {
                tarjan.call_edge[top]++;
                size_t next = lint_step_number(step_of_touchpoint, journey->hops[graph->edge_hop[edge]].to);
                if (tarjan.order[next] == 0) {
                    lint_tarjan_visit(&tarjan, next);
                } else if (tarjan.on_stack[next] && tarjan.order[next] < tarjan.low[step]) {
                    tarjan.low[step] = tarjan.order[next];
                }
                continue;
            }
            tarjan.call_size--;
            if (tarjan.low[step] == tarjan.order[step]) lint_tarjan_close(&tarjan, graph, step);
            if (tarjan.call_size > 0) {
                size_t caller = tarjan.call_step[tarjan.call_size - 1];
                if (tarjan.low[step] < tarjan.low[caller]) tarjan.low[caller] = tarjan.low[step];
            }
        }
    }
    free(tarjan.order);
    free(tarjan.low);
    free(tarjan.on_stack);
    free(tarjan.stack);
    free(tarjan.call_step);
    free(tarjan.call_edge);
    return ok;
}

/* True when a loops: on from's stage (or its parent) names to's stage (or to's parent):
 * the map says going round here is intended. */
static bool lint_loop_declared(const jrn_stage *from, const jrn_stage *to)
{
    for (const jrn_stage *stage = from; stage != NULL; stage = stage->parent) {
        for (size_t l = 0; l < stage->loop_count; l++) {
            const jrn_stage *target = stage->loops[l].target;
            if (target == to || target == to->parent) return true;
        }
    }
    return false;
}

/* What one component looks like from its hops. */
typedef struct lint_component_facts {
    bool has_cycle;              /* an internal hop (two steps or more, or a step to itself) */
    bool has_exit;               /* a hop to a step outside */
    bool is_stage_loop;          /* an internal hop goes back a stage or is a declared loop */
    size_t last_internal_hop;    /* where to report: the last hop closing it, in source order */
} lint_component_facts;

/* Facts for every component, in one pass over the hops. */
static lint_component_facts *lint_components_examine(const lint_journey_graph *graph,
                                                     const jrn_journey *journey,
                                                     const size_t *step_of_touchpoint)
{
    lint_component_facts *facts = calloc(graph->component_count ? graph->component_count : 1,
                                         sizeof *facts);
    if (facts == NULL) return NULL;
    for (size_t h = 0; h < journey->hop_count; h++) {
        const jrn_hop *hop = &journey->hops[h];
        size_t from = graph->component[lint_step_number(step_of_touchpoint, hop->from)];
        size_t to = graph->component[lint_step_number(step_of_touchpoint, hop->to)];
        if (from != to) {
            facts[from].has_exit = true;
            continue;
        }
        facts[from].has_cycle = true;
        facts[from].last_internal_hop = h;
        if (hop->goes_back || lint_loop_declared(hop->from->stage, hop->to->stage)) {
            facts[from].is_stage_loop = true;
        }
    }
    return facts;
}

/* Steps grouped by component, each group in step order (a counting sort), so naming
 * every trapped component costs one pass however many there are. */
typedef struct lint_component_members {
    size_t *begin;               /* component_count + 1 offsets into step */
    size_t *step;
} lint_component_members;

static bool lint_group_members(const lint_journey_graph *graph, lint_component_members *members)
{
    members->begin = calloc(graph->component_count + 1, sizeof *members->begin);
    members->step = calloc(graph->count ? graph->count : 1, sizeof *members->step);
    size_t *fill = calloc(graph->component_count ? graph->component_count : 1, sizeof *fill);
    bool ok = members->begin != NULL && members->step != NULL && fill != NULL;
    if (ok) {
        for (size_t s = 0; s < graph->count; s++) members->begin[graph->component[s] + 1]++;
        for (size_t c = 0; c < graph->component_count; c++) members->begin[c + 1] += members->begin[c];
        for (size_t s = 0; s < graph->count; s++) {
            size_t c = graph->component[s];
            members->step[members->begin[c] + fill[c]++] = s;
        }
    }
    free(fill);
    return ok;
}

static void lint_report_trap(jrn_lint_context *context, const lint_component_members *members,
                             const jrn_journey *journey, size_t component, size_t hop_index)
{
    jrn_strbuf steps = STRBUF_INIT;
    size_t first = members->begin[component], last = members->begin[component + 1];
    for (size_t m = first; m < last; m++) {
        strbuf_printf(&steps, "%s'%s'", m > first ? ", " : "", journey->steps[members->step[m]]->base.id);
    }
    lint_report(context, LINT_TRAPPED_LOOP, journey->hops[hop_index].span,
                "journey '%s' goes round %s with no hop out of %s", journey->base.id,
                strbuf_text(&steps), last - first == 1 ? "it" : "them");
    strbuf_free(&steps);
}

/* Cycles through an earlier stage are loops (undeclared-loop judges those) and cycles a
 * loops: declares are intended: a trap is a cycle within the spine's flow that nobody
 * declared and no hop leaves. */
static void lint_check_journey(jrn_lint_context *context, const jrn_journey *journey,
                               size_t *step_of_touchpoint)
{
    for (size_t s = 0; s < journey->step_count; s++) step_of_touchpoint[journey->steps[s]->base.index] = s;
    lint_journey_graph graph = {0};
    if (lint_graph_build(&graph, journey, step_of_touchpoint) &&
        lint_find_components(&graph, journey, step_of_touchpoint)) {
        /* Components are numbered as Tarjan closes them, which depends only on the
         * journey's text: the order of reports is stable. */
        lint_component_facts *facts = lint_components_examine(&graph, journey, step_of_touchpoint);
        lint_component_members members = {0};
        if (facts != NULL && lint_group_members(&graph, &members)) {
            for (size_t c = 0; c < graph.component_count; c++) {
                if (!facts[c].has_cycle || facts[c].has_exit || facts[c].is_stage_loop) continue;
                lint_report_trap(context, &members, journey, c, facts[c].last_internal_hop);
            }
        }
        free(members.begin);
        free(members.step);
        free(facts);
    }
    lint_graph_free(&graph);
}

void lint_rule_trapped_loop(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    size_t *step_of_touchpoint = calloc(model->touchpoint_count ? model->touchpoint_count : 1,
                                        sizeof *step_of_touchpoint);
    if (step_of_touchpoint == NULL) return;
    for (size_t j = 0; j < model->journey_count; j++) {
        lint_check_journey(context, model->journeys[j], step_of_touchpoint);
    }
    free(step_of_touchpoint);
}
