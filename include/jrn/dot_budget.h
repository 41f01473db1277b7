/* dot_budget.h — how much layout work a picture asks of Graphviz, and what jrnc does when
 * it is too much: the same picture with cheaper layout settings, or, beyond what one
 * picture shows legibly, the stages alone with a note saying so. */
#ifndef JRN_DOT_BUDGET_H
#define JRN_DOT_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/model.h"

typedef enum dot_layout_mode {
    DOT_LAYOUT_EXACT,      /* small: Graphviz's default effort, the picture as it always was */
    DOT_LAYOUT_BOUNDED,    /* bigger: hop labels beside their edges, iteration limits */
    DOT_LAYOUT_OVERVIEW,   /* too big to read: the stages only, and a note */
} dot_layout_mode;

/* What a view would draw, counted before anything is built. */
typedef struct dot_budget {
    size_t touchpoints;        /* touchpoint nodes */
    size_t hops;               /* journey edges */
    size_t labelled_hops;      /* of those, the ones with a label */
    size_t largest_stage;      /* the most touchpoint nodes in one stage */
    size_t stages;             /* stages drawn */
    dot_layout_mode mode;
    size_t stage_limit;        /* stages drawn at most (overview and spine) */
} dot_budget;

/* At most this many stages in one picture; the rest are left out, and the picture says so. */
#define DOT_BUDGET_STAGE_LIMIT 240u

/* Chooses the mode from the counts (already filled in). */
void dot_budget_choose(dot_budget *budget, bool draws_touchpoints);

/* The root file's name, for warnings about the picture ("the map" for standard input
 * without a name). */
const char *dot_budget_map_name(const jrn_model *model);

#endif
