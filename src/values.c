/* values.c — names of declaration kinds and durations in days: what the shared value
 * types (values.h) mean. */
#include "jrn/values.h"

static const char *const kind_names[KIND_COUNT] = {
    "map", "segment", "persona", "team", "channel", "stage", "touchpoint", "journey",
    "metric", "kpi",
};

const char *kind_name(jrn_kind kind)
{
    return kind < KIND_COUNT ? kind_names[kind] : "declaration";
}

const char *kind_with_article(jrn_kind kind)
{
    static const char *const with_article[KIND_COUNT] = {
        "a map", "a segment", "a persona", "a team", "a channel", "a stage", "a touchpoint",
        "a journey", "a metric", "a kpi",
    };
    return kind < KIND_COUNT ? with_article[kind] : "a declaration";
}

double duration_in_days(jrn_duration duration)
{
    switch (duration.unit) {
    case DURATION_MINUTES: return duration.amount / 1440.0;
    case DURATION_HOURS: return duration.amount / 24.0;
    case DURATION_DAYS: return duration.amount;
    case DURATION_WEEKS: return duration.amount * 7.0;
    case DURATION_MONTHS: return duration.amount * 30.0;
    case DURATION_YEARS: return duration.amount * 365.0;
    }
    return duration.amount;
}

const char *duration_unit_suffix(jrn_duration_unit unit)
{
    static const char *const suffixes[] = {"min", "h", "d", "w", "mo", "y"};
    return unit <= DURATION_YEARS ? suffixes[unit] : "d";
}
