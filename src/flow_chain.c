/* flow_chain.c — solves an absorbing Markov chain with a sparse direct solver (SuiteSparse's
 * KLU) or, where its factors would fill in, iteratively (sparse_krylov.c), after
 * classifying the states by their strongly connected components.
 *
 * Why these methods. The unknowns are the expected visits v (v = e_entry + Q^T v) and the
 * chances of ending well a (a = g + Q a), both with the matrix I - Q of a journey's hops.
 * Journeys are sparse (a few hops per step) and mostly acyclic, with loops back:
 *  - Tarjan's algorithm (iterative: a 10,000-step chain must not need a deep C stack) splits
 *    the states into strongly connected components. A component nothing leaves (no edge
 *    out, nothing absorbed) is a trap: customers who reach it never leave; its visits are
 *    infinite and it is reported, not solved. Finding the traps (chain_classify) needs no
 *    solving, so lint's trapped-loop asks for them alone.
 *  - Every other state goes into one sparse system I - Q, a nonsingular M-matrix (no
 *    component left in it is closed). KLU orders it into block triangular form (the same
 *    components again: an acyclic journey factors with no elimination at all) and each
 *    block with AMD, a fill-reducing ordering, so hubs go last and chains and loops factor
 *    without fill-in; the ordering estimates the factoring's work before any is done.
 *  - When that estimate is small (CHAIN_DIRECT_OPERATIONS) KLU factors once and solves
 *    twice, transposed for the visits, plain for the chances, refined in extended
 *    precision: exact to rounding, also on loops at 99.9999999%.
 *  - Tangled journeys (random hops between far steps) fill the factors in, as a random
 *    graph has no small separators: 20,000 steps with one such hop in two would take tens
 *    of billions of operations. Those are solved by BiCGSTAB with ILU(0), whose work is
 *    linear in the matrix per iteration, with every answer's error bounded from its
 *    residual (chain_solve_bounded). Its convergence slows where many loops keep nearly
 *    everyone; when it does not settle within its budget (CHAIN_ITERATION_OPERATIONS), the
 *    direct method is used after all if its estimate is within CHAIN_OPERATION_LIMIT, and
 *    the journey is refused otherwise: the work is bounded whatever the chain.
 *  - The diagonal is 1 - q_pp taken as the sum of what leaves p (its other edges plus what
 *    is absorbed there), never by subtraction: a self-loop at 99.99% loses no precision to
 *    cancellation, and rates that fall short of 100% by less than flow.c's tolerance do not
 *    leak customers.
 *  - A trap's share of entrants is what flows into it from the solved states, plus the
 *    entrant itself when the journey starts inside it.
 * KLU is loaded by the first chain solved (library.h), not at every start of jrnc. */
#include "jrn/flow_chain.h"
#include "jrn/library.h"
#include "jrn/memory.h"
#include "jrn/sparse_krylov.h"

#include <klu.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *chain_allocate(size_t count, size_t size)
{
    return memory_calloc(count, size);
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

/* The states solved for (every state outside a trap), numbered 0..count-1 in state order,
 * and I - Q over them in compressed sparse columns, the form KLU takes. */
typedef struct chain_system {
    const jrn_chain *chain;
    chain_graph graph;
    size_t *index_of_state;  /* SIZE_MAX for a state in a trap */
    size_t *state_of_index;
    size_t count;
    double *out;             /* per solved state: absorbed there or sent into a trap */
    SuiteSparse_long *column_begin;  /* count + 1 offsets */
    SuiteSparse_long *row;
    double *value;
} chain_system;

static void chain_number_states(const jrn_chain_classes *classes, chain_system *system)
{
    size_t n = system->chain->state_count;
    system->index_of_state = chain_allocate(n, sizeof *system->index_of_state);
    system->state_of_index = chain_allocate(n, sizeof *system->state_of_index);
    system->count = 0;
    for (size_t s = 0; s < n; s++) {
        if (classes->trap_of_state[s] != 0) {
            system->index_of_state[s] = SIZE_MAX;
            continue;
        }
        system->index_of_state[s] = system->count;
        system->state_of_index[system->count++] = s;
    }
}

/* What leaves the system at each solved state: absorbed there, or along an edge into a trap. */
static void chain_find_out(chain_system *system)
{
    const jrn_chain *chain = system->chain;
    system->out = chain_allocate(system->count, sizeof *system->out);
    for (size_t i = 0; i < system->count; i++) {
        size_t state = system->state_of_index[i];
        system->out[i] = chain->absorb_good[state] + chain->absorb_bad[state];
        for (size_t k = system->graph.begin[state]; k < system->graph.begin[state + 1]; k++) {
            size_t edge = system->graph.edge[k];
            if (system->index_of_state[chain->edge_to[edge]] == SIZE_MAX) system->out[i] += chain->edge_probability[edge];
        }
    }
}

/* Row by row, the diagonal and then -q(i, j) for each edge i -> j between solved states.
 * The diagonal, 1 - q(i, i), is what leaves i (out, plus its edges to other solved
 * states), a sum never taken by subtraction. Writing rows in increasing order into their
 * columns leaves every column sorted by row, with the duplicates of a pair (two hops
 * between the same steps) side by side. */
static void chain_fill_columns(chain_system *system, SuiteSparse_long *fill)
{
    const jrn_chain *chain = system->chain;
    for (size_t i = 0; i < system->count; i++) {
        size_t state = system->state_of_index[i];
        SuiteSparse_long diagonal = fill[i]++;
        system->row[diagonal] = (SuiteSparse_long)i;
        system->value[diagonal] = system->out[i];
        for (size_t k = system->graph.begin[state]; k < system->graph.begin[state + 1]; k++) {
            size_t edge = system->graph.edge[k];
            size_t j = system->index_of_state[chain->edge_to[edge]];
            if (j == SIZE_MAX) continue;
            system->value[diagonal] += chain->edge_probability[edge];
            SuiteSparse_long at = fill[j]++;
            system->row[at] = (SuiteSparse_long)i;
            system->value[at] = -chain->edge_probability[edge];
        }
    }
}

/* Sums the duplicates of each column in place (KLU takes none) and closes the gaps. */
static void chain_merge_duplicates(chain_system *system)
{
    SuiteSparse_long kept = 0, begin = 0;
    for (size_t j = 0; j < system->count; j++) {
        SuiteSparse_long end = system->column_begin[j + 1];
        system->column_begin[j] = kept;
        for (SuiteSparse_long at = begin; at < end; at++) {
            if (kept > system->column_begin[j] && system->row[kept - 1] == system->row[at]) {
                system->value[kept - 1] += system->value[at];
                continue;
            }
            system->row[kept] = system->row[at];
            system->value[kept++] = system->value[at];
        }
        begin = end;
    }
    system->column_begin[system->count] = kept;
}

static void chain_build_matrix(chain_system *system)
{
    const jrn_chain *chain = system->chain;
    size_t n = system->count, entries = n;
    system->column_begin = chain_allocate(n + 1, sizeof *system->column_begin);
    for (size_t i = 0; i < n; i++) system->column_begin[i + 1] = 1;
    for (size_t i = 0; i < n; i++) {
        size_t state = system->state_of_index[i];
        for (size_t k = system->graph.begin[state]; k < system->graph.begin[state + 1]; k++) {
            size_t j = system->index_of_state[chain->edge_to[system->graph.edge[k]]];
            if (j == SIZE_MAX) continue;
            system->column_begin[j + 1]++;
            entries++;
        }
    }
    for (size_t j = 0; j < n; j++) system->column_begin[j + 1] += system->column_begin[j];
    system->row = chain_allocate(entries, sizeof *system->row);
    system->value = chain_allocate(entries, sizeof *system->value);
    SuiteSparse_long *fill = chain_allocate(n, sizeof *fill);
    memcpy(fill, system->column_begin, n * sizeof *fill);
    chain_fill_columns(system, fill);
    free(fill);
    chain_merge_duplicates(system);
}

static void chain_system_free(chain_system *system)
{
    free(system->graph.begin);
    free(system->graph.edge);
    free(system->index_of_state);
    free(system->state_of_index);
    free(system->out);
    free(system->column_begin);
    free(system->row);
    free(system->value);
}

/* b - A x, or b - A^T x when transposed, with A = I - Q written as its parts: out, and
 * q(i, j) (x_i - x_j) for each edge, summed in extended precision. Forming the diagonal
 * first would round away what a nearly closed loop lets out (a loop at 99.9999999% keeps
 * only 1e-9 of 1 + 1e-9), and with it the precision that refinement restores. */
static void chain_residual(const chain_system *system, bool transposed, const double *rhs, const double *x,
                           double *residual)
{
    const jrn_chain *chain = system->chain;
    long double *sum = chain_allocate(system->count, sizeof *sum);
    for (size_t i = 0; i < system->count; i++) sum[i] = (long double)rhs[i] - (long double)system->out[i] * x[i];
    for (size_t i = 0; i < system->count; i++) {
        size_t state = system->state_of_index[i];
        for (size_t k = system->graph.begin[state]; k < system->graph.begin[state + 1]; k++) {
            size_t edge = system->graph.edge[k];
            size_t j = system->index_of_state[chain->edge_to[edge]];
            if (j == SIZE_MAX) continue;
            long double q = chain->edge_probability[edge];
            if (transposed) {
                sum[i] -= q * x[i];     /* what i sends to j ... */
                sum[j] += q * x[i];     /* ... reaches j */
            } else {
                sum[i] -= q * ((long double)x[i] - x[j]);
            }
        }
    }
    for (size_t i = 0; i < system->count; i++) residual[i] = (double)sum[i];
    free(sum);
}

/* The functions of KLU the solver calls, as loaded; their types are the header's. */
typedef struct chain_klu {
    __typeof__(&klu_l_defaults) defaults;
    __typeof__(&klu_l_analyze) analyze;
    __typeof__(&klu_l_factor) factor;
    __typeof__(&klu_l_solve) solve;
    __typeof__(&klu_l_tsolve) tsolve;
    __typeof__(&klu_l_free_symbolic) free_symbolic;
    __typeof__(&klu_l_free_numeric) free_numeric;
} chain_klu;

/* Loads KLU into klu; false after appending why to error. */
static bool chain_load_klu(chain_klu *klu, jrn_strbuf *error)
{
    const jrn_library_symbol wanted[] = {
        {"klu_l_defaults", (void **)&klu->defaults},
        {"klu_l_analyze", (void **)&klu->analyze},
        {"klu_l_factor", (void **)&klu->factor},
        {"klu_l_solve", (void **)&klu->solve},
        {"klu_l_tsolve", (void **)&klu->tsolve},
        {"klu_l_free_symbolic", (void **)&klu->free_symbolic},
        {"klu_l_free_numeric", (void **)&klu->free_numeric},
    };
    return library_load(JRN_KLU_SONAME, wanted, sizeof wanted / sizeof wanted[0], error);
}

/* KLU reports running out of memory through its status; any other failure is a bug here
 * (the matrix is square, sorted and without duplicates), not something input can cause. */
static void chain_check_klu(const klu_l_common *common, const char *step)
{
    if (common->status == KLU_OUT_OF_MEMORY) memory_exhausted(common->mempeak);
    if (common->status < 0) {
        fprintf(stderr, "jrnc: internal error: the sparse solver failed to %s (KLU status %ld)\n", step,
                (long)common->status);
        abort();
    }
}

typedef struct chain_factors {
    chain_klu klu;
    klu_l_symbolic *symbolic;
    klu_l_numeric *numeric;
    klu_l_common common;
} chain_factors;

/* Orders the matrix (block triangular form, AMD within blocks); *operations: what KLU
 * estimates factoring in that order would cost. */
static void chain_order(const chain_system *system, chain_factors *factors, double *operations)
{
    factors->klu.defaults(&factors->common);
    /* A pivot is zero only when astronomically small rates underflow: the answers are then
     * not finite, which every report shows as unknown, rather than no answer at all. */
    factors->common.halt_if_singular = 0;
    factors->symbolic = factors->klu.analyze((SuiteSparse_long)system->count, system->column_begin, system->row,
                                             &factors->common);
    chain_check_klu(&factors->common, "order the chain");
    factors->numeric = NULL;
    *operations = factors->symbolic->est_flops;
}

static void chain_factor(const chain_system *system, chain_factors *factors)
{
    factors->numeric = factors->klu.factor(system->column_begin, system->row, system->value, factors->symbolic,
                                           &factors->common);
    chain_check_klu(&factors->common, "factor the chain");
}

static void chain_factors_free(chain_factors *factors)
{
    if (factors->numeric != NULL) factors->klu.free_numeric(&factors->numeric, &factors->common);
    factors->klu.free_symbolic(&factors->symbolic, &factors->common);
}

static void chain_apply_inverse(chain_factors *factors, size_t count, bool transposed, double *b)
{
    if (transposed)
        factors->klu.tsolve(factors->symbolic, factors->numeric, (SuiteSparse_long)count, 1, b, &factors->common);
    else factors->klu.solve(factors->symbolic, factors->numeric, (SuiteSparse_long)count, 1, b, &factors->common);
    chain_check_klu(&factors->common, "solve the chain");
}

/* Corrections shrink by about the condition number times the rounding unit each step: a
 * few are plenty when they shrink at all. Refinement stops when they no longer shrink, as
 * once the answers are correctly rounded a correction of half a unit in the last place
 * can come back each time. */
enum { CHAIN_MAX_REFINEMENTS = 6 };

/* Solves A x = rhs (A^T x = rhs when transposed), then refines x with residuals in extended
 * precision. LU with pivoting subtracts, so on a nearly closed loop it loses as many
 * digits as the loop keeps nines; each refinement step wins them back, as long as the
 * loss is less than all of them. */
static void chain_solve_refined(const chain_system *system, chain_factors *factors, bool transposed,
                                const double *rhs, double *x)
{
    size_t n = system->count;
    memcpy(x, rhs, n * sizeof *x);
    chain_apply_inverse(factors, n, transposed, x);
    double *correction = chain_allocate(n, sizeof *correction);
    double previous = INFINITY;
    for (int step = 0; step < CHAIN_MAX_REFINEMENTS; step++) {
        chain_residual(system, transposed, rhs, x, correction);
        chain_apply_inverse(factors, n, transposed, correction);
        double largest = 0;     /* the largest correction relative to its value */
        for (size_t i = 0; i < n; i++) {
            double relative = fabs(correction[i]) / (fabs(x[i]) > 0 ? fabs(x[i]) : 1);
            if (!(relative <= largest)) largest = relative;
        }
        if (!(largest < previous)) break;   /* no longer converging (or not finite) */
        for (size_t i = 0; i < n; i++) x[i] += correction[i];
        if (largest == 0) break;
        previous = largest;
    }
    free(correction);
}

/* Exact values are never negative; pivoted elimination can leave a rounding error below 0. */
static double chain_non_negative(double value)
{
    return value < 0 ? 0 : value;
}

/* The norm of a residual an iterative answer is held to: the 1-norm or the largest entry. */
typedef enum { CHAIN_SUM_NORM, CHAIN_MAX_NORM } chain_norm;

static double chain_norm_of(chain_norm norm, size_t n, const double *x)
{
    double size = 0;
    for (size_t i = 0; i < n; i++) size = norm == CHAIN_SUM_NORM ? size + fabs(x[i]) : fmax(size, fabs(x[i]));
    return size;
}

/* Solves A x = rhs (A^T x = rhs when transposed) by BiCGSTAB from x = 0, restarted from its
 * answer while the true residual, summed in extended precision by chain_residual, is above
 * goal in the given norm (the residual the iteration tracks drifts from the true one;
 * restarting from the true one refines the answer as iterative refinement does), until
 * *budget products are spent. True when the true residual is within goal. */
static bool chain_solve_iterative(const chain_system *system, jrn_sparse_krylov *krylov, bool transposed,
                                  const double *rhs, double *x, chain_norm norm, double goal, size_t *budget)
{
    size_t n = system->count;
    double *residual = chain_allocate(n, sizeof *residual);
    double *correction = chain_allocate(n, sizeof *correction);
    memset(x, 0, n * sizeof *x);
    bool solved = false;
    for (;;) {
        chain_residual(system, transposed, rhs, x, residual);
        double left = chain_norm_of(norm, n, residual);
        solved = left <= goal;
        if (solved || !isfinite(left) || *budget == 0) break;
        /* The correction need only shrink the residual to the goal from where it is; the
         * iteration measures in the 2-norm, which is within a factor sqrt(n) of either. */
        double tolerance = goal / left / (4 * sqrt((double)n));
        memset(correction, 0, n * sizeof *correction);
        size_t spent = sparse_krylov_solve(krylov, transposed, residual, correction, tolerance, *budget);
        *budget -= spent < *budget ? spent : *budget;
        for (size_t i = 0; i < n; i++) x[i] += correction[i];
        if (spent <= 1) break;   /* broke down at once: restarting would too */
    }
    free(residual);
    free(correction);
    return solved;
}

/* Both systems solved iteratively, each answer with a proven bound on its error. Because
 * A = I - Q is an M-matrix, A^-1 >= 0 and an answer's error is A^-1 r (A^-T r) for its
 * residual r:
 *  - visits: every share a report shows is sum_i v_i w_i with 0 <= w <= out, and
 *    A 1 = out, so the shares' total error is at most |r|^T A^-1 out = ||r||_1;
 *  - chances: |error| <= A^-1 |r| <= ||r||_max t, where t = A^-1 1 (the expected steps
 *    before leaving), solved first to a residual of 1e-6, which bounds ||t||_max within
 *    a factor 1 / (1 - 1e-6).
 * Either bound is held to CHAIN_ITERATIVE_ERROR. */
static bool chain_solve_bounded(const chain_system *system, jrn_sparse_krylov *krylov, const double *visits_rhs,
                                double *visits, const double *success_rhs, double *success, size_t *budget)
{
    size_t n = system->count;
    if (!chain_solve_iterative(system, krylov, true, visits_rhs, visits, CHAIN_SUM_NORM, CHAIN_ITERATIVE_ERROR, budget))
        return false;
    double *ones = chain_allocate(n, sizeof *ones);
    double *steps = chain_allocate(n, sizeof *steps);
    for (size_t i = 0; i < n; i++) ones[i] = 1;
    bool solved = chain_solve_iterative(system, krylov, false, ones, steps, CHAIN_MAX_NORM, 1e-6, budget);
    double longest = chain_norm_of(CHAIN_MAX_NORM, n, steps) / (1 - 1e-6);
    solved = solved && chain_solve_iterative(system, krylov, false, success_rhs, success, CHAIN_MAX_NORM,
                                             CHAIN_ITERATIVE_ERROR / longest, budget);
    free(ones);
    free(steps);
    return solved;
}

/* Visits from (I - Q)^T v = e_entry, chances from (I - Q) a = g, by the direct method when
 * its factoring is cheap (at most CHAIN_DIRECT_OPERATIONS), else iteratively, and by the
 * direct method after all when the iteration does not settle within its budget and
 * factoring stays within CHAIN_OPERATION_LIMIT. False when neither can be afforded. */
static bool chain_solve_system(const chain_system *system, const chain_klu *klu, jrn_chain_solution *solution)
{
    const jrn_chain *chain = system->chain;
    size_t n = system->count;
    chain_factors factors = {.klu = *klu};
    chain_order(system, &factors, &solution->operations);
    double *visits_rhs = chain_allocate(n, sizeof *visits_rhs);
    double *success_rhs = chain_allocate(n, sizeof *success_rhs);
    double *visits = chain_allocate(n, sizeof *visits);
    double *success = chain_allocate(n, sizeof *success);
    size_t entry = system->index_of_state[chain->entry];
    if (entry != SIZE_MAX) visits_rhs[entry] = 1.0;
    for (size_t i = 0; i < n; i++) success_rhs[i] = chain->absorb_good[system->state_of_index[i]];
    bool solved = false;
    jrn_sparse_matrix matrix = {n, system->column_begin, system->row, system->value};
    jrn_sparse_krylov *krylov = solution->operations > CHAIN_DIRECT_OPERATIONS ? sparse_krylov_new(&matrix) : NULL;
    if (krylov != NULL) {
        /* A product, a preconditioner solve and the vector work of half an iteration. */
        double per_product = 4.0 * (double)system->column_begin[n] + 12.0 * (double)n;
        size_t budget = (size_t)(CHAIN_ITERATION_OPERATIONS / per_product) + 1;
        solved = chain_solve_bounded(system, krylov, visits_rhs, visits, success_rhs, success, &budget);
        sparse_krylov_free(krylov);
    }
    if (!solved && solution->operations <= CHAIN_OPERATION_LIMIT) {
        chain_factor(system, &factors);
        chain_solve_refined(system, &factors, true, visits_rhs, visits);
        chain_solve_refined(system, &factors, false, success_rhs, success);
        solved = true;
    }
    for (size_t i = 0; solved && i < n; i++) {
        solution->visits[system->state_of_index[i]] = chain_non_negative(visits[i]);
        solution->success[system->state_of_index[i]] = chain_non_negative(success[i]);
    }
    chain_factors_free(&factors);
    free(visits_rhs);
    free(success_rhs);
    free(visits);
    free(success);
    return solved;
}

/* Each trap's share of entrants: what flows into it from solved states, plus the entrant
 * who starts inside it. Nothing leaves a trap, so whoever reaches it is counted once. */
static void chain_fill_traps(const jrn_chain_classes *classes, const chain_system *system,
                             jrn_chain_solution *solution)
{
    const jrn_chain *chain = system->chain;
    size_t entry_trap = classes->trap_of_state[chain->entry];
    if (entry_trap != 0) solution->trap_entry[entry_trap - 1] = 1.0;
    for (size_t e = 0; e < chain->edge_count; e++) {
        size_t trap = classes->trap_of_state[chain->edge_to[e]];
        if (trap == 0 || system->index_of_state[chain->edge_from[e]] == SIZE_MAX) continue;
        solution->trap_entry[trap - 1] += solution->visits[chain->edge_from[e]] * chain->edge_probability[e];
    }
    for (size_t s = 0; s < chain->state_count; s++) {
        size_t trap = classes->trap_of_state[s];
        if (trap != 0) solution->visits[s] = solution->trap_entry[trap - 1] > 0 ? INFINITY : 0;
    }
}

bool chain_solve(jrn_arena *arena, const jrn_chain *chain, const jrn_chain_classes *classes,
                 jrn_chain_solution *solution)
{
    size_t n = chain->state_count;
    memset(solution, 0, sizeof *solution);
    solution->visits = arena_alloc_array(arena, n ? n : 1, sizeof *solution->visits);
    solution->success = arena_alloc_array(arena, n ? n : 1, sizeof *solution->success);
    solution->trap_entry = arena_alloc_array(arena, classes->trap_count ? classes->trap_count : 1,
                                             sizeof *solution->trap_entry);
    if (n == 0) return true;
    chain_system system = {.chain = chain};
    chain_graph_build(chain, &system.graph);
    chain_number_states(classes, &system);
    chain_find_out(&system);
    bool solved = true;
    if (system.count > 0) {
        chain_klu klu;
        jrn_strbuf why = STRBUF_INIT;
        solved = chain_load_klu(&klu, &why);
        if (solved) {
            chain_build_matrix(&system);
            solved = chain_solve_system(&system, &klu, solution);
        } else {
            solution->unavailable = arena_strdup(arena, strbuf_text(&why));
        }
        strbuf_free(&why);
    }
    if (solved) chain_fill_traps(classes, &system, solution);
    chain_system_free(&system);
    return solved;
}
