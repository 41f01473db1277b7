/* diff_definitions.c — compares what the journey is drawn with: the map declaration, teams,
 * channels and metrics. */
#include "jrn/diff_common.h"

static void diff_compare_team(diff_context *context, const diff_subject *subject,
                              const void *old_element, const void *new_element)
{
    const jrn_team *before = old_element, *now = new_element;
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "lead", IMPACT_DETAIL, diff_value_text(before->lead), diff_value_text(now->lead));
    diff_property(context, subject, "contact", IMPACT_DETAIL, diff_value_text(before->contact),
                  diff_value_text(now->contact));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static void diff_compare_channel(diff_context *context, const diff_subject *subject,
                                 const void *old_element, const void *new_element)
{
    const jrn_channel *before = old_element, *now = new_element;
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "kind", IMPACT_EXPERIENCE,
                  diff_value_literal(channel_kind_name(before->channel_kind)),
                  diff_value_literal(channel_kind_name(now->channel_kind)));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static jrn_change_value diff_scale_value(jrn_arena *arena, const jrn_metric *metric)
{
    if (!metric->has_scale) return diff_value_absent();
    return diff_value_literal(arena_printf(arena, "%s..%s", metric->scale.low.text, metric->scale.high.text));
}

static void diff_compare_metric(diff_context *context, const diff_subject *subject,
                                const void *old_element, const void *new_element)
{
    const jrn_metric *before = old_element, *now = new_element;
    diff_title(context, subject, &before->base, &now->base);
    /* Compare the scale by its ends' values: "1 .. 5" and "1..5" are one scale. */
    bool same_scale = before->has_scale == now->has_scale &&
                      (!before->has_scale ||
                       (before->scale.low.kind == now->scale.low.kind &&
                        before->scale.low.value == now->scale.low.value &&
                        before->scale.high.kind == now->scale.high.kind &&
                        before->scale.high.value == now->scale.high.value));
    if (!same_scale) {
        diff_property(context, subject, "scale", IMPACT_STRUCTURE, diff_scale_value(context->arena, before),
                      diff_scale_value(context->arena, now));
    }
    diff_property(context, subject, "better", IMPACT_STRUCTURE, diff_value_literal(better_name(before->better)),
                  diff_value_literal(better_name(now->better)));
    diff_property(context, subject, "unit", IMPACT_DETAIL, diff_value_text(before->unit), diff_value_text(now->unit));
    diff_property(context, subject, "labels", IMPACT_DETAIL, diff_value_texts(&before->labels),
                  diff_value_texts(&now->labels));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static jrn_change_value diff_reviewed_value(jrn_arena *arena, const jrn_map *map)
{
    if (!map->has_reviewed) return diff_value_absent();
    return diff_value_literal(arena_printf(arena, "%04d-%02d-%02d", map->reviewed.year, map->reviewed.month,
                                           map->reviewed.day));
}

static void diff_compare_map(diff_context *context)
{
    const jrn_map *before = &context->old_model->map, *now = &context->new_model->map;
    diff_subject subject = {0};
    subject.subject = SUBJECT_MAP;
    subject.id = now->base.id != NULL ? now->base.id : before->base.id != NULL ? before->base.id : "map";
    subject.label = now->is_declared ? element_label(&now->base) : element_label(&before->base);
    subject.group = GROUP_DEFINITIONS;
    diff_property(context, &subject, "id", IMPACT_DETAIL, diff_value_literal(before->base.id),
                  diff_value_literal(now->base.id));
    diff_title(context, &subject, &before->base, &now->base);
    diff_property(context, &subject, "owner", IMPACT_STRUCTURE, diff_value_name(before->owner),
                  diff_value_name(now->owner));
    diff_property(context, &subject, "version", IMPACT_DETAIL,
                  diff_value_number(context->arena, before->has_version, before->version, NULL),
                  diff_value_number(context->arena, now->has_version, now->version, NULL));
    diff_property(context, &subject, "reviewed", IMPACT_DETAIL, diff_reviewed_value(context->arena, before),
                  diff_reviewed_value(context->arena, now));
    diff_property(context, &subject, "description", IMPACT_DETAIL, diff_value_text(before->description),
                  diff_value_text(now->description));
    diff_extensions(context, &subject, before->base.extensions, now->base.extensions);
}

void diff_compare_definitions(diff_context *context)
{
    const jrn_model *before = context->old_model, *now = context->new_model;
    diff_compare_map(context);
    static const diff_kind team_kind = {SUBJECT_TEAM, GROUP_DEFINITIONS, NULL, diff_compare_team, NULL, NULL};
    static const diff_kind channel_kind = {SUBJECT_CHANNEL, GROUP_DEFINITIONS, NULL, diff_compare_channel, NULL, NULL};
    static const diff_kind metric_kind = {SUBJECT_METRIC, GROUP_DEFINITIONS, NULL, diff_compare_metric, NULL, NULL};
    diff_match_elements(context, &team_kind, (const void *const *)before->teams, before->team_count,
                        (const void *const *)now->teams, now->team_count);
    diff_match_elements(context, &channel_kind, (const void *const *)before->channels, before->channel_count,
                        (const void *const *)now->channels, now->channel_count);
    diff_match_elements(context, &metric_kind, (const void *const *)before->metrics, before->metric_count,
                        (const void *const *)now->metrics, now->metric_count);
}
