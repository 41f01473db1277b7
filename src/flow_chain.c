/* flow_chain.c — solves an absorbing Markov chain exactly with sparse Gaussian elimination,
 * one strongly connected component at a time.
 *
 * Why this method. The unknowns are the expected visits v (v = e_entry + Q^T v) and the
 * chances of ending well a (a = g + Q a), both with the matrix I - Q of a journey's hops.
 * Journeys are sparse (a few hops per step) and mostly acyclic, with a few loops back:
 *  - Tarjan's algorithm (iterative: a 10,000-step chain must not need a deep C stack) splits
 *    the states into strongly connected components. Between components the system is
 *    triangular, so visits flow forward in topological order and chances flow backward in
 *    reverse order: an acyclic journey costs one pass over its hops.
 *  - Within a cyclic component, I - Q is solved by sparse LU factorisation. I - Q is a
 *    nonsingular M-matrix there (the component is not closed), so elimination needs no
 *    pivoting: every symmetric order is stable. The order is chosen greedily by least
 *    Markowitz cost (in-degree times out-degree), which eliminates chains and spokes
 *    before hubs and keeps fill-in near zero on journey-shaped graphs (a loop spanning
 *    10,000 steps factors in linear time).
 *  - Pivots are computed the Grassmann-Taqqi-Heyman way: 1 - q_pp is taken as the sum of
 *    what leaves p (its remaining edges plus what it sends out of the component), never
 *    by subtraction, so nearly closed loops lose no precision to cancellation. Every
 *    other step of both solves adds products of non-negative numbers.
 * A component nothing leaves (no edge out, nothing absorbed) is a trap: customers who
 * reach it never leave; its visits are infinite and it is reported, not solved. Finding
 * the traps (chain_classify) needs no solving, so lint's trapped-loop asks for them alone.
 * Iterative methods were rejected: their convergence slows as a loop's rate nears 100%
 * and they give approximate answers where this gives exact ones. */
#include "jrn/flow_chain.h"
#include "jrn/memory.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growable array of indexes on the heap (scratch that is freed before returning). */
typedef struct chain_list {
    size_t *items;
    size_t count;
    size_t capacity;
} chain_list;

static void *chain_allocate(size_t count, size_t size)
{
    return memory_calloc(count, size);
}

static void chain_list_push(chain_list *list, size_t item)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 4;
        list->items = memory_realloc_array(list->items, capacity, sizeof *list->items);
        list->capacity = capacity;
    }
    list->items[list->count++] = item;
}

/* Outgoing edges grouped by state (compressed sparse rows), self-loops left out: the
 * elimination accounts for them through the pivots. */
typedef struct chain_graph {
    size_t *begin;           /* state_count + 1 offsets into edge */
    size_t *edge;            /* edge indexes of the chain */
} chain_graph;

static void chain_graph_build(const jrn_chain *chain, chain_graph *graph)
{
    size_t n = chain->state_count;
    graph->begin = chain_allocate(n + 1, sizeof *graph->begin);
    graph->edge = chain_allocate(chain->edge_count, sizeof *graph->edge);
    for (size_t e = 0; e < chain->edge_count; e++) {
        if (chain->edge_from[e] != chain->edge_to[e]) graph->begin[chain->edge_from[e] + 1]++;
    }
    for (size_t s = 0; s < n; s++) graph->begin[s + 1] += graph->begin[s];
    size_t *fill = chain_allocate(n, sizeof *fill);
    for (size_t e = 0; e < chain->edge_count; e++) {
        size_t from = chain->edge_from[e];
        if (from != chain->edge_to[e]) graph->edge[graph->begin[from] + fill[from]++] = e;
    }
    free(fill);
}

/* Tarjan's algorithm with an explicit call stack. Components are numbered as they close:
 * every edge leads to a component with the same or a lower number. */
static size_t chain_find_components(const jrn_chain *chain, const chain_graph *graph,
                                    size_t *component)
{
    size_t n = chain->state_count;
    size_t *order = chain_allocate(n, sizeof *order);       /* discovery number + 1; 0 = new */
    size_t *low = chain_allocate(n, sizeof *low);
    bool *on_stack = chain_allocate(n, sizeof *on_stack);
    size_t *stack = chain_allocate(n, sizeof *stack);
    size_t *call_state = chain_allocate(n, sizeof *call_state);
    size_t *call_next = chain_allocate(n, sizeof *call_next);
    size_t stack_size = 0, counter = 0, component_count = 0;
    for (size_t root = 0; root < n; root++) {
        if (order[root] != 0) continue;
        size_t depth = 0;
        call_state[depth] = root;
        call_next[depth] = graph->begin[root];
        order[root] = low[root] = ++counter;
        stack[stack_size++] = root;
        on_stack[root] = true;
        while (depth != SIZE_MAX) {
            size_t state = call_state[depth];
            if (call_next[depth] < graph->begin[state + 1]) {
                size_t to = chain->edge_to[graph->edge[call_next[depth]++]];
                if (order[to] == 0) {
                    depth++;
                    call_state[depth] = to;
                    call_next[depth] = graph->begin[to];
                    order[to] = low[to] = ++counter;
                    stack[stack_size++] = to;
                    on_stack[to] = true;
                } else if (on_stack[to] && order[to] < low[state]) {
                    low[state] = order[to];
                }
                continue;
            }
            if (low[state] == order[state]) {
                size_t member;
                do {
                    member = stack[--stack_size];
                    on_stack[member] = false;
                    component[member] = component_count;
                } while (member != state);
                component_count++;
            }
            depth = depth == 0 ? SIZE_MAX : depth - 1;
            if (depth != SIZE_MAX && low[state] < low[call_state[depth]]) {
                low[call_state[depth]] = low[state];
            }
        }
    }
    free(order);
    free(low);
    free(on_stack);
    free(stack);
    free(call_state);
    free(call_next);
    return component_count;
}

/* The LU factors of I - Q on each component, kept for the two solves. Entry e is the
 * current q(row, col) between two states of one component. When state p is eliminated,
 * its remaining row becomes U's row (entries p -> j) and its remaining column L's column
 * (entries i -> p); neither changes afterwards. */
typedef struct chain_factors {
    size_t *entry_row, *entry_col;
    double *entry_value;
    size_t entry_count, entry_capacity;
    chain_list *row;         /* per state: entries of its row (some may be dead) */
    chain_list *column;      /* per state: entries of its column (some may be dead) */
    chain_list upper;        /* frozen rows: entry indexes */
    chain_list lower;        /* frozen columns: entry indexes */
    size_t *upper_begin, *upper_end;
    size_t *lower_begin, *lower_end;
    double *pivot;
    double *leaving;         /* what leaves each state out of the remaining component */
    bool *eliminated;
    size_t *slots;           /* hash table of entries by (row, col): entry + 1, 0 = empty */
    size_t slot_count;       /* a power of two, at least twice the entry count */
    size_t *in_degree, *out_degree;
    size_t *order;           /* elimination order, each component's states together */
    size_t *order_begin;     /* component_count + 1 offsets into order */
} chain_factors;

static size_t chain_entry_new(chain_factors *factors, size_t row, size_t col, double value)
{
    if (factors->entry_count == factors->entry_capacity) {
        size_t capacity = factors->entry_capacity ? factors->entry_capacity * 2 : 64;
        factors->entry_row = memory_realloc_array(factors->entry_row, capacity, sizeof *factors->entry_row);
        factors->entry_col = memory_realloc_array(factors->entry_col, capacity, sizeof *factors->entry_col);
        factors->entry_value = memory_realloc_array(factors->entry_value, capacity, sizeof *factors->entry_value);
        factors->entry_capacity = capacity;
    }
    size_t entry = factors->entry_count++;
    factors->entry_row[entry] = row;
    factors->entry_col[entry] = col;
    factors->entry_value[entry] = value;
    chain_list_push(&factors->row[row], entry);
    chain_list_push(&factors->column[col], entry);
    factors->out_degree[row]++;
    factors->in_degree[col]++;
    return entry;
}

/* Entries are found by (row, col) through a hash table, so adding to q(i, j) costs the
 * same however many entries row i already has (a hub step joined to thousands of others
 * must not make each update scan its whole row). Entries are never removed: once row or
 * column is eliminated the pair is never asked for again. */
static size_t chain_hash(size_t row, size_t col)
{
    uint64_t key = (uint64_t)row * 0x9E3779B97F4A7C15u ^ (uint64_t)col;
    key ^= key >> 31;
    key *= 0xBF58476D1CE4E5B9u;
    key ^= key >> 29;
    return (size_t)key;
}

static size_t *chain_slot_of(const chain_factors *factors, size_t row, size_t col)
{
    size_t mask = factors->slot_count - 1;
    for (size_t at = chain_hash(row, col) & mask;; at = (at + 1) & mask) {
        size_t entry = factors->slots[at];
        if (entry == 0 || (factors->entry_row[entry - 1] == row && factors->entry_col[entry - 1] == col)) {
            return &factors->slots[at];
        }
    }
}

static void chain_grow_slots(chain_factors *factors)
{
    size_t *old = factors->slots;
    size_t old_count = factors->slot_count;
    factors->slot_count = old_count ? old_count * 2 : 256;
    factors->slots = chain_allocate(factors->slot_count, sizeof *factors->slots);
    for (size_t at = 0; at < old_count; at++) {
        size_t entry = old[at];
        if (entry != 0) *chain_slot_of(factors, factors->entry_row[entry - 1], factors->entry_col[entry - 1]) = entry;
    }
    free(old);
}

/* q(row, col) += value, creating the entry when it is new. */
static void chain_entry_add(chain_factors *factors, size_t row, size_t col, double value)
{
    if (2 * (factors->entry_count + 1) > factors->slot_count) chain_grow_slots(factors);
    size_t *slot = chain_slot_of(factors, row, col);
    if (*slot != 0) factors->entry_value[*slot - 1] += value;
    else *slot = chain_entry_new(factors, row, col, value) + 1;
}

/* A min-heap of (Markowitz cost, state) with lazy deletion: stale pairs are skipped. */
typedef struct chain_heap {
    uint64_t *cost;
    size_t *state;
    size_t count, capacity;
} chain_heap;

static bool chain_heap_less(const chain_heap *heap, size_t a, size_t b)
{
    if (heap->cost[a] != heap->cost[b]) return heap->cost[a] < heap->cost[b];
    return heap->state[a] < heap->state[b];
}

static void chain_heap_swap(chain_heap *heap, size_t a, size_t b)
{
    uint64_t cost = heap->cost[a];
    heap->cost[a] = heap->cost[b];
    heap->cost[b] = cost;
    size_t state = heap->state[a];
    heap->state[a] = heap->state[b];
    heap->state[b] = state;
}

static void chain_heap_push(chain_heap *heap, uint64_t cost, size_t state)
{
    if (heap->count == heap->capacity) {
        size_t capacity = heap->capacity ? heap->capacity * 2 : 64;
        heap->cost = memory_realloc_array(heap->cost, capacity, sizeof *heap->cost);
        heap->state = memory_realloc_array(heap->state, capacity, sizeof *heap->state);
        heap->capacity = capacity;
    }
    size_t at = heap->count++;
    heap->cost[at] = cost;
    heap->state[at] = state;
    while (at > 0 && chain_heap_less(heap, at, (at - 1) / 2)) {
        chain_heap_swap(heap, at, (at - 1) / 2);
        at = (at - 1) / 2;
    }
}

static void chain_heap_pop(chain_heap *heap, uint64_t *cost, size_t *state)
{
    *cost = heap->cost[0];
    *state = heap->state[0];
    heap->count--;
    if (heap->count == 0) return;
    chain_heap_swap(heap, 0, heap->count);
    size_t at = 0;
    for (;;) {
        size_t smallest = at, left = 2 * at + 1, right = left + 1;
        if (left < heap->count && chain_heap_less(heap, left, smallest)) smallest = left;
        if (right < heap->count && chain_heap_less(heap, right, smallest)) smallest = right;
        if (smallest == at) break;
        chain_heap_swap(heap, at, smallest);
        at = smallest;
    }
}

static uint64_t chain_markowitz_cost(const chain_factors *factors, size_t state)
{
    return (uint64_t)factors->in_degree[state] * (uint64_t)factors->out_degree[state];
}

/* Freezes state p's remaining row and column as its factors and folds p into the rest:
 * q(i, j) += q(i, p) q(p, j) / pivot(p) for every remaining i -> p -> j. */
static void chain_eliminate(chain_factors *factors, chain_heap *heap, size_t p)
{
    factors->eliminated[p] = true;
    double pivot = factors->leaving[p];
    factors->upper_begin[p] = factors->upper.count;
    for (size_t k = 0; k < factors->row[p].count; k++) {
        size_t entry = factors->row[p].items[k];
        if (factors->eliminated[factors->entry_col[entry]]) continue;
        chain_list_push(&factors->upper, entry);
        pivot += factors->entry_value[entry];
        factors->in_degree[factors->entry_col[entry]]--;
    }
    factors->upper_end[p] = factors->upper.count;
    factors->lower_begin[p] = factors->lower.count;
    for (size_t k = 0; k < factors->column[p].count; k++) {
        size_t entry = factors->column[p].items[k];
        if (factors->eliminated[factors->entry_row[entry]]) continue;
        chain_list_push(&factors->lower, entry);
        factors->out_degree[factors->entry_row[entry]]--;
    }
    factors->lower_end[p] = factors->lower.count;
    /* Positive in exact arithmetic (the component is not closed); only underflow of
     * astronomically small rates could make it zero. */
    if (!(pivot > 0)) pivot = DBL_MIN;
    factors->pivot[p] = pivot;
    for (size_t l = factors->lower_begin[p]; l < factors->lower_end[p]; l++) {
        size_t in_entry = factors->lower.items[l];
        size_t i = factors->entry_row[in_entry];
        double factor = factors->entry_value[in_entry] / pivot;
        factors->leaving[i] += factor * factors->leaving[p];
        for (size_t u = factors->upper_begin[p]; u < factors->upper_end[p]; u++) {
            size_t out_entry = factors->upper.items[u];
            size_t j = factors->entry_col[out_entry];
            if (j == i) continue;    /* a loop back to i: accounted for by i's pivot */
            chain_entry_add(factors, i, j, factor * factors->entry_value[out_entry]);
        }
    }
    for (size_t l = factors->lower_begin[p]; l < factors->lower_end[p]; l++) {
        size_t i = factors->entry_row[factors->lower.items[l]];
        chain_heap_push(heap, chain_markowitz_cost(factors, i), i);
    }
    for (size_t u = factors->upper_begin[p]; u < factors->upper_end[p]; u++) {
        size_t j = factors->entry_col[factors->upper.items[u]];
        chain_heap_push(heap, chain_markowitz_cost(factors, j), j);
    }
}

/* Loads a component's internal edges (summing duplicates) and eliminates its states in
 * Markowitz order, appending that order to factors->order. */
static void chain_factor_component(const jrn_chain *chain, const chain_graph *graph,
                                   const size_t *component, const size_t *members, size_t member_count,
                                   chain_factors *factors, chain_heap *heap, size_t *order_count)
{
    for (size_t m = 0; m < member_count; m++) {
        size_t state = members[m];
        for (size_t k = graph->begin[state]; k < graph->begin[state + 1]; k++) {
            size_t edge = graph->edge[k];
            size_t to = chain->edge_to[edge];
            if (component[to] == component[state]) chain_entry_add(factors, state, to, chain->edge_probability[edge]);
        }
    }
    heap->count = 0;
    for (size_t m = 0; m < member_count; m++) {
        chain_heap_push(heap, chain_markowitz_cost(factors, members[m]), members[m]);
    }
    while (heap->count > 0) {
        uint64_t cost;
        size_t state;
        chain_heap_pop(heap, &cost, &state);
        if (factors->eliminated[state] || cost != chain_markowitz_cost(factors, state)) continue;
        factors->order[(*order_count)++] = state;
        chain_eliminate(factors, heap, state);
    }
}

/* What each state sends out of its component: absorbed, or along an edge to another. */
static double *chain_leaving(const jrn_chain *chain, const chain_graph *graph, const size_t *component)
{
    double *leaving = chain_allocate(chain->state_count, sizeof *leaving);
    for (size_t s = 0; s < chain->state_count; s++) {
        leaving[s] = chain->absorb_good[s] + chain->absorb_bad[s];
        for (size_t k = graph->begin[s]; k < graph->begin[s + 1]; k++) {
            size_t edge = graph->edge[k];
            if (component[chain->edge_to[edge]] != component[s]) leaving[s] += chain->edge_probability[edge];
        }
    }
    return leaving;
}

/* States grouped by component, in state order within each (a counting sort). */
static size_t *chain_group_members(const size_t *component, size_t state_count, size_t component_count,
                                   size_t **member_begin)
{
    size_t *begin = chain_allocate(component_count + 1, sizeof *begin);
    size_t *members = chain_allocate(state_count, sizeof *members);
    size_t *fill = chain_allocate(component_count, sizeof *fill);
    for (size_t s = 0; s < state_count; s++) begin[component[s] + 1]++;
    for (size_t c = 0; c < component_count; c++) begin[c + 1] += begin[c];
    for (size_t s = 0; s < state_count; s++) members[begin[component[s]] + fill[component[s]]++] = s;
    free(fill);
    *member_begin = begin;
    return members;
}

/* Visits: (I - Q)^T v = inflow on one component, with U^T z = inflow then L^T v = z. */
static void chain_solve_visits(const chain_factors *factors, size_t component, double *inflow,
                               double *visits)
{
    size_t first = factors->order_begin[component], last = factors->order_begin[component + 1];
    for (size_t k = first; k < last; k++) {
        size_t p = factors->order[k];
        double z = inflow[p] / factors->pivot[p];
        visits[p] = z;
        for (size_t u = factors->upper_begin[p]; u < factors->upper_end[p]; u++) {
            size_t entry = factors->upper.items[u];
            inflow[factors->entry_col[entry]] += factors->entry_value[entry] * z;
        }
    }
    for (size_t k = last; k-- > first;) {
        size_t p = factors->order[k];
        double sum = visits[p];
        for (size_t l = factors->lower_begin[p]; l < factors->lower_end[p]; l++) {
            size_t entry = factors->lower.items[l];
            sum += factors->entry_value[entry] / factors->pivot[p] * visits[factors->entry_row[entry]];
        }
        visits[p] = sum;
    }
}

/* Chances: (I - Q) a = gain on one component, with L y = gain then U a = y. */
static void chain_solve_success(const chain_factors *factors, size_t component, double *gain,
                                double *success)
{
    size_t first = factors->order_begin[component], last = factors->order_begin[component + 1];
    for (size_t k = first; k < last; k++) {
        size_t p = factors->order[k];
        for (size_t l = factors->lower_begin[p]; l < factors->lower_end[p]; l++) {
            size_t entry = factors->lower.items[l];
            gain[factors->entry_row[entry]] += factors->entry_value[entry] / factors->pivot[p] * gain[p];
        }
    }
    for (size_t k = last; k-- > first;) {
        size_t p = factors->order[k];
        double sum = gain[p];
        for (size_t u = factors->upper_begin[p]; u < factors->upper_end[p]; u++) {
            size_t entry = factors->upper.items[u];
            sum += factors->entry_value[entry] * success[factors->entry_col[entry]];
        }
        success[p] = sum / factors->pivot[p];
    }
}

static void chain_factors_init(chain_factors *factors, size_t state_count, size_t component_count)
{
    memset(factors, 0, sizeof *factors);
    factors->row = chain_allocate(state_count, sizeof *factors->row);
    factors->column = chain_allocate(state_count, sizeof *factors->column);
    factors->upper_begin = chain_allocate(state_count, sizeof(size_t));
    factors->upper_end = chain_allocate(state_count, sizeof(size_t));
    factors->lower_begin = chain_allocate(state_count, sizeof(size_t));
    factors->lower_end = chain_allocate(state_count, sizeof(size_t));
    factors->pivot = chain_allocate(state_count, sizeof(double));
    factors->eliminated = chain_allocate(state_count, sizeof(bool));
    factors->in_degree = chain_allocate(state_count, sizeof(size_t));
    factors->out_degree = chain_allocate(state_count, sizeof(size_t));
    factors->order = chain_allocate(state_count, sizeof(size_t));
    factors->order_begin = chain_allocate(component_count + 1, sizeof(size_t));
}

static void chain_factors_free(chain_factors *factors, size_t state_count)
{
    for (size_t s = 0; s < state_count; s++) {
        free(factors->row[s].items);
        free(factors->column[s].items);
    }
    free(factors->row);
    free(factors->column);
    free(factors->upper.items);
    free(factors->lower.items);
    free(factors->entry_row);
    free(factors->entry_col);
    free(factors->entry_value);
    free(factors->upper_begin);
    free(factors->upper_end);
    free(factors->lower_begin);
    free(factors->lower_end);
    free(factors->pivot);
    free(factors->leaving);
    free(factors->eliminated);
    free(factors->slots);
    free(factors->in_degree);
    free(factors->out_degree);
    free(factors->order);
    free(factors->order_begin);
}

/* Forward pass, sources first: each component's visits from what flows into it. */
static void chain_pass_visits(const jrn_chain *chain, const chain_graph *graph, const chain_factors *factors,
                              const jrn_chain_classes *classes, const bool *closed, const size_t *members,
                              const size_t *member_begin, jrn_chain_solution *solution)
{
    double *inflow = chain_allocate(chain->state_count, sizeof *inflow);
    inflow[chain->entry] = 1.0;
    for (size_t c = classes->component_count; c-- > 0;) {
        if (closed[c]) {
            double reached = 0;
            for (size_t m = member_begin[c]; m < member_begin[c + 1]; m++) reached += inflow[members[m]];
            for (size_t m = member_begin[c]; m < member_begin[c + 1]; m++) {
                solution->visits[members[m]] = reached > 0 ? INFINITY : 0;
            }
            solution->trap_entry[classes->trap_of_state[members[member_begin[c]]] - 1] = reached;
            continue;
        }
        chain_solve_visits(factors, c, inflow, solution->visits);
        for (size_t m = member_begin[c]; m < member_begin[c + 1]; m++) {
            size_t state = members[m];
            for (size_t k = graph->begin[state]; k < graph->begin[state + 1]; k++) {
                size_t edge = graph->edge[k];
                size_t to = chain->edge_to[edge];
                if (classes->component[to] != c) {
                    inflow[to] += solution->visits[state] * chain->edge_probability[edge];
                }
            }
        }
    }
    free(inflow);
}

/* Backward pass, sinks first: each component's chances from those of its successors. */
static void chain_pass_success(const jrn_chain *chain, const chain_graph *graph, const chain_factors *factors,
                               const jrn_chain_classes *classes, const bool *closed, const size_t *members,
                               const size_t *member_begin, jrn_chain_solution *solution)
{
    double *gain = chain_allocate(chain->state_count, sizeof *gain);
    for (size_t c = 0; c < classes->component_count; c++) {
        if (closed[c]) continue;    /* success stays 0: nobody leaves a trap */
        for (size_t m = member_begin[c]; m < member_begin[c + 1]; m++) {
            size_t state = members[m];
            gain[state] = chain->absorb_good[state];
            for (size_t k = graph->begin[state]; k < graph->begin[state + 1]; k++) {
                size_t edge = graph->edge[k];
                size_t to = chain->edge_to[edge];
                if (classes->component[to] != c) gain[state] += chain->edge_probability[edge] * solution->success[to];
            }
        }
        chain_solve_success(factors, c, gain, solution->success);
    }
    free(gain);
}

/* Closed components: nothing is absorbed at any member and no edge leads out. Decided on
 * the structure alone (which probabilities are non-zero), never on sums of doubles. */
static bool *chain_find_closed(const jrn_chain *chain, const chain_graph *graph, const size_t *component,
                               size_t component_count)
{
    bool *closed = chain_allocate(component_count, sizeof *closed);
    for (size_t c = 0; c < component_count; c++) closed[c] = true;
    for (size_t s = 0; s < chain->state_count; s++) {
        if (chain->absorb_good[s] > 0 || chain->absorb_bad[s] > 0) closed[component[s]] = false;
        for (size_t k = graph->begin[s]; k < graph->begin[s + 1]; k++) {
            if (component[chain->edge_to[graph->edge[k]]] != component[s]) closed[component[s]] = false;
        }
    }
    return closed;
}

void chain_classify(jrn_arena *arena, const jrn_chain *chain, jrn_chain_classes *classes)
{
    size_t n = chain->state_count;
    memset(classes, 0, sizeof *classes);
    classes->component = arena_alloc_array(arena, n ? n : 1, sizeof *classes->component);
    classes->trap_of_state = arena_alloc_array(arena, n ? n : 1, sizeof *classes->trap_of_state);
    if (n == 0) return;
    chain_graph graph;
    chain_graph_build(chain, &graph);
    classes->component_count = chain_find_components(chain, &graph, classes->component);
    bool *closed = chain_find_closed(chain, &graph, classes->component, classes->component_count);
    /* Traps numbered by their first state, so they are listed in state order. */
    size_t *trap_of_component = chain_allocate(classes->component_count, sizeof *trap_of_component);
    for (size_t s = 0; s < n; s++) {
        size_t c = classes->component[s];
        if (!closed[c]) continue;
        if (trap_of_component[c] == 0) trap_of_component[c] = ++classes->trap_count;
        classes->trap_of_state[s] = trap_of_component[c];
    }
    free(trap_of_component);
    free(closed);
    free(graph.begin);
    free(graph.edge);
}

void chain_solve(jrn_arena *arena, const jrn_chain *chain, const jrn_chain_classes *classes,
                 jrn_chain_solution *solution)
{
    size_t n = chain->state_count, component_count = classes->component_count;
    memset(solution, 0, sizeof *solution);
    solution->visits = arena_alloc_array(arena, n ? n : 1, sizeof *solution->visits);
    solution->success = arena_alloc_array(arena, n ? n : 1, sizeof *solution->success);
    solution->trap_entry = arena_alloc_array(arena, classes->trap_count ? classes->trap_count : 1,
                                             sizeof *solution->trap_entry);
    if (n == 0) return;
    chain_graph graph;
    chain_graph_build(chain, &graph);
    size_t *member_begin;
    size_t *members = chain_group_members(classes->component, n, component_count, &member_begin);
    bool *closed = chain_allocate(component_count, sizeof *closed);
    for (size_t c = 0; c < component_count; c++) closed[c] = classes->trap_of_state[members[member_begin[c]]] != 0;
    chain_factors factors;
    chain_factors_init(&factors, n, component_count);
    factors.leaving = chain_leaving(chain, &graph, classes->component);
    chain_heap heap = {0};
    size_t order_count = 0;
    for (size_t c = 0; c < component_count; c++) {
        factors.order_begin[c] = order_count;
        if (!closed[c]) {
            chain_factor_component(chain, &graph, classes->component, members + member_begin[c],
                                   member_begin[c + 1] - member_begin[c], &factors, &heap, &order_count);
        }
    }
    factors.order_begin[component_count] = order_count;
    chain_pass_visits(chain, &graph, &factors, classes, closed, members, member_begin, solution);
    chain_pass_success(chain, &graph, &factors, classes, closed, members, member_begin, solution);
    free(heap.cost);
    free(heap.state);
    free(closed);
    free(members);
    free(member_begin);
    chain_factors_free(&factors, n);
    free(graph.begin);
    free(graph.edge);
}
