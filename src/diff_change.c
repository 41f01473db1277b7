/* diff_change.c — the names of a change's kind, subject and impact, as every renderer
 * writes them. */
#include "jrn/diff_change.h"

const char *change_kind_name(jrn_change_kind kind)
{
    static const char *const names[] = {"added", "removed", "moved", "retitled", "modified", "reordered"};
    return kind <= CHANGE_REORDERED ? names[kind] : "changed";
}

const char *change_subject_name(jrn_change_subject subject)
{
    static const char *const names[] = {
        "map", "segment", "persona", "team", "channel", "stage", "touchpoint", "journey",
        "metric", "kpi", "hop", "spine",
    };
    return subject <= SUBJECT_SPINE ? names[subject] : "element";
}

const char *change_impact_name(jrn_change_impact impact)
{
    static const char *const names[] = {
        "moment-of-truth", "pain-point", "kpi-target", "experience", "structure", "detail",
    };
    return impact <= IMPACT_DETAIL ? names[impact] : "detail";
}
