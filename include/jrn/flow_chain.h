/* flow_chain.h — solution of an absorbing Markov chain by a sparse direct method, or an
 * iterative one where the direct one would fill in:
 * the expected visits to each state from one entry, and each state's chance of ending well. */
#ifndef JRN_FLOW_CHAIN_H
#define JRN_FLOW_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"

/* States 0..state_count-1. From a state, customers move along its edges with the edge's
 * probability, or are absorbed there: well (absorb_good, e.g. they complete) or badly
 * (absorb_bad, e.g. they are lost). A state's outgoing probabilities and absorptions sum to
 * at most 1, and exactly 1 for a proper chain. Edges of probability 0 must be left out. */
typedef struct jrn_chain {
    size_t state_count;
    size_t entry;                       /* where every customer starts */
    size_t edge_count;
    const size_t *edge_from;
    const size_t *edge_to;              /* self-loops allowed */
    const double *edge_probability;     /* > 0 */
    const double *absorb_good;          /* per state */
    const double *absorb_bad;           /* per state */
} jrn_chain;

/* How the states fall apart, before anything is solved: strongly connected components,
 * and the closed ones among them (traps). A component is closed when nothing leaves it:
 * no edge to another component and nothing absorbed at any of its states, so customers
 * who reach it go round it for ever. Linear in states and edges. */
typedef struct jrn_chain_classes {
    size_t *component;       /* per state; every edge leads to a component numbered the same or lower */
    size_t component_count;
    size_t *trap_of_state;   /* 0, or 1 + the number of the trap the state lies in */
    size_t trap_count;       /* traps: the closed components, numbered by their first state */
} jrn_chain_classes;

typedef struct jrn_chain_solution {
    double *visits;          /* expected visits per entrant; INFINITY in a trap that is reached */
    double *success;         /* chance of eventually being absorbed well, from each state */
    double *trap_entry;      /* per trap: the share of entrants that ever reach it */
    double operations;       /* the exact factorisation's estimated floating-point operations */
    const char *unavailable; /* why the solver could not be loaded (library.h), or NULL */
} jrn_chain_solution;

/* The most floating-point operations chain_solve spends factoring a chain (a few seconds).
 * Journey-shaped chains (paths, loops back, hubs) need a small multiple of their size;
 * only many hops between far-apart steps fill the factors in. */
#define CHAIN_OPERATION_LIMIT 1e10
/* Factoring estimated at no more than this (a fraction of a second) is always done: the
 * direct method's answers are exact to rounding. Above it, the iteration is tried first. */
#define CHAIN_DIRECT_OPERATIONS 1e9
/* The most floating-point operations the iteration spends on both systems together (about
 * a second), before the direct method is tried after all. */
#define CHAIN_ITERATION_OPERATIONS 2e9
/* The most an iterative answer may be off: the sum of the errors of all the shares of
 * entrants it reports, and the error of each chance of ending well (flow_chain.c proves
 * the bound from the residuals). */
#define CHAIN_ITERATIVE_ERROR 1e-12

/* Splits the chain's states into classes; every array is allocated in arena. */
void chain_classify(jrn_arena *arena, const jrn_chain *chain, jrn_chain_classes *classes);

/* Solves the chain, whose classes chain_classify found; every array of the solution is
 * allocated in arena. A chain whose exact factors would fill in is solved iteratively; False,
 * with nothing solved and solution->operations set, when the iteration does not settle
 * within CHAIN_ITERATION_OPERATIONS and the fill-reducing ordering predicts more than
 * CHAIN_OPERATION_LIMIT operations for the direct method: the work is bounded, whatever
 * the chain. False with solution->unavailable set when KLU cannot be loaded. */
bool chain_solve(jrn_arena *arena, const jrn_chain *chain, const jrn_chain_classes *classes,
                 jrn_chain_solution *solution);

#endif
