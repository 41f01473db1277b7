/* diff_journeys.c — compares journeys: who they are for, where they start, and their hops
 * (matched by "from -> to"; added, removed, rate and delay changes). */
#include "jrn/diff_common.h"

static const char *diff_hop_id(diff_context *context, const jrn_hop *hop)
{
    return arena_printf(context->arena, "%s -> %s", hop->from->base.id, hop->to->base.id);
}

static jrn_change_value diff_rate_value(diff_context *context, const jrn_hop *hop)
{
    if (!hop->has_rate) return diff_value_absent();
    jrn_quantity rate = {QUANTITY_PERCENT, hop->rate, {0, DURATION_DAYS},
                         arena_printf(context->arena, "%.15g%%", hop->rate * 100.0)};
    return diff_value_quantity(&rate);
}

static jrn_change_value diff_after_value(diff_context *context, const jrn_hop *hop)
{
    return diff_value_duration(context->arena, hop->has_after, hop->after);
}

static diff_subject diff_hop_subject(diff_context *context, const jrn_journey *journey, const jrn_hop *hop)
{
    diff_subject subject = {0};
    subject.subject = SUBJECT_HOP;
    subject.id = diff_hop_id(context, hop);
    subject.label = subject.id;
    subject.owner = arena_printf(context->arena, "journey %s", journey->base.id);
    diff_journey_group(context, journey->base.id, &subject);
    return subject;
}

/* "rate 30%, after 2d": what an added or removed hop carried. */
static const char *diff_hop_note(diff_context *context, const jrn_hop *hop)
{
    jrn_change_value rate = diff_rate_value(context, hop), after = diff_after_value(context, hop);
    if (hop->has_rate && hop->has_after) return arena_printf(context->arena, "rate %s, after %s", rate.text, after.text);
    if (hop->has_rate) return arena_printf(context->arena, "rate %s", rate.text);
    if (hop->has_after) return arena_printf(context->arena, "after %s", after.text);
    return NULL;
}

static diff_index diff_index_hops(diff_context *context, const jrn_journey *journey)
{
    size_t count = journey->hop_count;
    const char **keys = arena_alloc_array(context->arena, count ? count : 1, sizeof *keys);
    const jrn_hop **hops = arena_alloc_array(context->arena, count ? count : 1, sizeof *hops);
    for (size_t i = 0; i < count; i++) {
        keys[i] = diff_hop_id(context, &journey->hops[i]);
        hops[i] = &journey->hops[i];
    }
    return diff_index_keys(context->arena, keys, (const void *const *)hops, count);
}

static void diff_hop_added_or_removed(diff_context *context, const jrn_journey *journey, const jrn_hop *hop,
                                      jrn_change_kind kind)
{
    diff_subject subject = diff_hop_subject(context, journey, hop);
    jrn_change *change = diff_add(context, &subject, kind, IMPACT_STRUCTURE);
    change->note = diff_hop_note(context, hop);
}

static void diff_compare_hops(diff_context *context, const jrn_journey *before, const jrn_journey *now)
{
    diff_index old_hops = diff_index_hops(context, before);
    diff_index new_hops = diff_index_hops(context, now);
    for (size_t i = 0; i < now->hop_count; i++) {
        const jrn_hop *hop = &now->hops[i];
        const jrn_hop *old_hop = diff_index_find(&old_hops, diff_hop_id(context, hop));
        if (old_hop == NULL) {
            diff_hop_added_or_removed(context, now, hop, CHANGE_ADDED);
            continue;
        }
        diff_subject subject = diff_hop_subject(context, now, hop);
        diff_property(context, &subject, "rate", IMPACT_EXPERIENCE, diff_rate_value(context, old_hop),
                      diff_rate_value(context, hop));
        diff_property(context, &subject, "after", IMPACT_EXPERIENCE, diff_after_value(context, old_hop),
                      diff_after_value(context, hop));
        diff_extensions(context, &subject, old_hop->extensions, hop->extensions);
    }
    for (size_t i = 0; i < before->hop_count; i++) {
        const jrn_hop *hop = &before->hops[i];
        if (diff_index_find(&new_hops, diff_hop_id(context, hop)) == NULL) {
            diff_hop_added_or_removed(context, now, hop, CHANGE_REMOVED);
        }
    }
}

static void diff_place_journey(const diff_context *context, const void *element, diff_subject *subject)
{
    diff_journey_group(context, ((const jrn_journey *)element)->base.id, subject);
}

static void diff_compare_journey(diff_context *context, const diff_subject *subject,
                                 const void *old_element, const void *new_element)
{
    const jrn_journey *before = old_element, *now = new_element;
    jrn_arena *arena = context->arena;
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "for", IMPACT_STRUCTURE,
                  diff_value_names(arena, (const void *const *)before->personas, before->persona_count),
                  diff_value_names(arena, (const void *const *)now->personas, now->persona_count));
    diff_property(context, subject, "start", IMPACT_STRUCTURE, diff_value_name(before->start),
                  diff_value_name(now->start));
    diff_property(context, subject, "goal", IMPACT_DETAIL, diff_value_text(before->goal), diff_value_text(now->goal));
    diff_property(context, subject, "ends", IMPACT_EXPERIENCE,
                  diff_value_names(arena, (const void *const *)before->ends, before->end_count),
                  diff_value_names(arena, (const void *const *)now->ends, now->end_count));
    diff_property(context, subject, "rest", IMPACT_EXPERIENCE, diff_value_literal(model_journey_rest(before)),
                  diff_value_literal(model_journey_rest(now)));
    diff_compare_hops(context, before, now);
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static const char *diff_journey_note(diff_context *context, const void *element)
{
    const jrn_journey *journey = element;
    return arena_printf(context->arena, "%zu hop%s", journey->hop_count, journey->hop_count == 1 ? "" : "s");
}

void diff_compare_journeys(diff_context *context)
{
    const jrn_model *before = context->old_model, *now = context->new_model;
    static const diff_kind journey_kind = {
        SUBJECT_JOURNEY, GROUP_JOURNEY, diff_place_journey, diff_compare_journey, NULL, diff_journey_note,
    };
    diff_match_elements(context, &journey_kind, (const void *const *)before->journeys, before->journey_count,
                        (const void *const *)now->journeys, now->journey_count);
}
