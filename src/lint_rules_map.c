/* lint_rules_map.c — rules about the map as a whole: is it still reviewed (stale-review),
 * and is its customer base split sensibly (too-many-segments). */
#include "jrn/lint_rules.h"

#include <limits.h>

/* Months from earlier to later, counting only whole months (2025-09-30 to 2026-09-29
 * is 11). Negative when later is before earlier. */
static int lint_whole_months_between(jrn_date earlier, jrn_date later)
{
    /* In long long and held to int's range: a year taken from SOURCE_DATE_EPOCH can be
     * near INT_MAX, where twelve times it overflows an int. */
    long long months = ((long long)later.year - earlier.year) * 12 + ((long long)later.month - earlier.month);
    if (later.day < earlier.day) months--;
    if (months > INT_MAX) return INT_MAX;
    if (months < INT_MIN) return INT_MIN;
    return (int)months;
}

enum { LINT_REVIEW_MONTHS = 12 };

/* Where to say the map has no review date: its declaration, else the top of the file
 * named on the command line. */
static jrn_span lint_map_span(const jrn_model *model)
{
    /* An anonymous map's id span is its "map" keyword. */
    if (model->map.is_declared) return model->map.base.id_span;
    for (size_t i = 0; i < model->file_count; i++) {
        if (model->files[i].is_root) return (jrn_span){model->files[i].source, 0, 0};
    }
    return span_none();
}

void lint_rule_stale_review(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    const jrn_map *map = &model->map;
    jrn_date today = context->options->today;
    if (!map->has_reviewed) {
        lint_report_note(context, LINT_STALE_REVIEW, lint_map_span(model),
                         "the map records no review date: add 'reviewed: YYYY-MM-DD' to its "
                         "'map' declaration");
        return;
    }
    jrn_date reviewed = map->reviewed;
    if (date_compare(reviewed, today) > 0) {
        lint_report(context, LINT_STALE_REVIEW, map->reviewed_span,
                    "the map's review date %04d-%02d-%02d is after today (%04d-%02d-%02d)",
                    reviewed.year, reviewed.month, reviewed.day, today.year, today.month, today.day);
        return;
    }
    int months = lint_whole_months_between(reviewed, today);
    /* Exactly a year is still within "at least yearly". */
    bool one_year_exactly = months == LINT_REVIEW_MONTHS && reviewed.day == today.day;
    if (months < LINT_REVIEW_MONTHS || one_year_exactly) return;
    lint_report(context, LINT_STALE_REVIEW, map->reviewed_span,
                "the map was last reviewed over a year ago, on %04d-%02d-%02d (today is "
                "%04d-%02d-%02d): review it at least yearly", reviewed.year, reviewed.month,
                reviewed.day, today.year, today.month, today.day);
}

enum { LINT_SEGMENT_LIMIT = 4 };

void lint_rule_too_many_segments(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    if (model->segment_count <= LINT_SEGMENT_LIMIT) return;
    const jrn_segment *fifth = model->segments[LINT_SEGMENT_LIMIT];
    lint_report(context, LINT_TOO_MANY_SEGMENTS, fifth->base.id_span,
                "segment '%s' makes %zu segments; a map rarely needs more than %d",
                fifth->base.id, model->segment_count, LINT_SEGMENT_LIMIT);
}
