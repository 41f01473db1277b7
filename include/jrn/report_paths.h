/* report_paths.h — a journey's hops as the paths a reader follows: runs of hops where each
 * starts where the one before it ended, so a branch is its own path and no two steps that
 * are not a hop ever sit side by side. Shared by the Markdown and HTML reports. */
#ifndef JRN_REPORT_PATHS_H
#define JRN_REPORT_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/model.h"

/* Hops first .. first + count - 1 of a journey, each starting at the previous one's end. */
typedef struct report_path {
    size_t first;
    size_t count;
    bool branches;   /* starts at a touchpoint an earlier path already reached */
} report_path;

/* The journey's paths in source order of their hops; *count_out gets how many. */
const report_path *report_journey_paths(jrn_arena *arena, const jrn_model *model, const jrn_journey *journey,
                                        size_t *count_out);

#endif
