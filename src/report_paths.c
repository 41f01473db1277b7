/* report_paths.c — splits a journey's hops into the paths a reader follows (see
 * report_paths.h). */
#include "jrn/report_paths.h"

#include <stdlib.h>

#include "jrn/memory.h"

const report_path *report_journey_paths(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                                        size_t *count_out)
{
    /* At most one path per hop. */
    report_path *paths = arena_alloc_array(arena, journey->hop_count > 0 ? journey->hop_count : 1, sizeof *paths);
    bool *reached = memory_calloc(model->touchpoint_count, sizeof *reached);   /* by an earlier hop */
    size_t count = 0;
    for (size_t h = 0; h < journey->hop_count; h++) {
        const jrn_hop *hop = &journey->hops[h];
        if (count > 0 && journey->hops[h - 1].to == hop->from) {
            paths[count - 1].count++;
        } else {
            paths[count++] = (report_path){h, 1, reached[hop->from->base.index]};
        }
        reached[hop->from->base.index] = true;
        reached[hop->to->base.index] = true;
    }
    free(reached);
    *count_out = count;
    return paths;
}
