/* diff_model.c — compares two resolved models: runs the per-part comparisons and orders the
 * changes (by group, then impact). */
#include "jrn/diff_model.h"

#include <stdlib.h>

#include "jrn/diff_common.h"

static int diff_compare_changes(const void *a, const void *b)
{
    const jrn_change *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    if (x->group_order != y->group_order) return x->group_order < y->group_order ? -1 : 1;
    if (x->impact != y->impact) return x->impact < y->impact ? -1 : 1;
    if (x->sequence != y->sequence) return x->sequence < y->sequence ? -1 : 1;
    return 0;
}

jrn_model_diff diff_models(jrn_arena *arena, const jrn_model *old_model, const jrn_model *new_model)
{
    diff_context context = {.arena = arena, .old_model = old_model, .new_model = new_model};
    context.old_stages = diff_index_elements(arena, (const void *const *)old_model->stages, old_model->stage_count);
    context.new_stages = diff_index_elements(arena, (const void *const *)new_model->stages, new_model->stage_count);
    context.old_touchpoints = diff_index_elements(arena, (const void *const *)old_model->touchpoints,
                                                  old_model->touchpoint_count);
    context.new_touchpoints = diff_index_elements(arena, (const void *const *)new_model->touchpoints,
                                                  new_model->touchpoint_count);
    context.old_journeys = diff_index_elements(arena, (const void *const *)old_model->journeys,
                                               old_model->journey_count);
    context.new_journeys = diff_index_elements(arena, (const void *const *)new_model->journeys,
                                               new_model->journey_count);
    diff_compare_spine(&context);
    diff_compare_kpis(&context);
    diff_compare_journeys(&context);
    diff_compare_people(&context);
    diff_compare_definitions(&context);
    if (context.count > 1) qsort(context.changes, context.count, sizeof(jrn_change), diff_compare_changes);
    return (jrn_model_diff){context.changes, context.count};
}
