/* diff_spine.c — compares the spine and what hangs on it: stages (order, parents, loops,
 * emotions) and touchpoints (stage, channels, emotion, effort, pain, delight, truth...). */
#include "jrn/diff_common.h"

#include <string.h>

static jrn_change_value diff_emotion_value(diff_context *context, const jrn_model *model, bool is_set,
                                           double emotion)
{
    return diff_value_number(context->arena, is_set, emotion,
                             is_set ? model_emotion_label(model, emotion) : NULL);
}

static jrn_change_value diff_loops_value(diff_context *context, const jrn_stage *stage)
{
    const jrn_stage **targets = arena_alloc_array(context->arena, stage->loop_count ? stage->loop_count : 1,
                                                  sizeof *targets);
    for (size_t i = 0; i < stage->loop_count; i++) targets[i] = stage->loops[i].target;
    return diff_value_names(context->arena, (const void *const *)targets, stage->loop_count);
}

static void diff_moved(diff_context *context, const diff_subject *subject, const char *property,
                       const void *old_place, const void *new_place)
{
    jrn_change_value before = diff_value_name(old_place), now = diff_value_name(new_place);
    if (diff_same_value(&before, &now)) return;
    jrn_change *change = diff_add(context, subject, CHANGE_MOVED, IMPACT_STRUCTURE);
    change->property = property;
    change->old_value = before;
    change->new_value = now;
}

/* The ids of a stage's touchpoints that sat directly under this stage in both maps, in
 * the order of the given map: a different order between the two is a reordering. */
static jrn_change_value diff_kept_touchpoints(diff_context *context, const jrn_stage *stage,
                                              const diff_index *other_touchpoints)
{
    const char **ids = arena_alloc_array(context->arena, stage->touchpoint_count ? stage->touchpoint_count : 1,
                                         sizeof *ids);
    size_t count = 0;
    for (size_t i = 0; i < stage->touchpoint_count; i++) {
        const jrn_touchpoint *other = diff_index_find(other_touchpoints, stage->touchpoints[i]->base.id);
        if (other != NULL && strcmp(other->stage->base.id, stage->base.id) == 0) {
            ids[count++] = stage->touchpoints[i]->base.id;
        }
    }
    return (jrn_change_value){.kind = CHANGE_VALUE_NAMES, .items = ids, .item_count = count};
}

static void diff_touchpoint_order(diff_context *context, const diff_subject *subject,
                                  const jrn_stage *before, const jrn_stage *now)
{
    jrn_change_value old_order = diff_kept_touchpoints(context, before, &context->new_touchpoints);
    jrn_change_value new_order = diff_kept_touchpoints(context, now, &context->old_touchpoints);
    if (diff_same_value(&old_order, &new_order)) return;
    jrn_change *change = diff_add(context, subject, CHANGE_REORDERED, IMPACT_DETAIL);
    change->property = "touchpoints";
    change->old_value = old_order;
    change->new_value = new_order;
}

static void diff_place_stage(const diff_context *context, const void *element, diff_subject *subject)
{
    diff_stage_group(context, ((const jrn_stage *)element)->base.id, subject);
}

/* The stage's own notes: its pain and delight change the experience it reports; the
 * rest is detail. */
static void diff_stage_notes(diff_context *context, const diff_subject *subject, const jrn_stage *before,
                             const jrn_stage *now)
{
    diff_property(context, subject, "description", IMPACT_DETAIL, diff_value_text(before->description),
                  diff_value_text(now->description));
    diff_property(context, subject, "pain", IMPACT_EXPERIENCE, diff_value_text(before->pain), diff_value_text(now->pain));
    diff_property(context, subject, "delight", IMPACT_EXPERIENCE, diff_value_text(before->delight),
                  diff_value_text(now->delight));
    diff_property(context, subject, "does", IMPACT_DETAIL, diff_value_text(before->does), diff_value_text(now->does));
    diff_property(context, subject, "thinks", IMPACT_DETAIL, diff_value_text(before->thinks), diff_value_text(now->thinks));
    diff_property(context, subject, "feels", IMPACT_DETAIL, diff_value_text(before->feels), diff_value_text(now->feels));
    diff_property(context, subject, "opportunity", IMPACT_DETAIL, diff_value_texts(&before->opportunities),
                  diff_value_texts(&now->opportunities));
    diff_property(context, subject, "quote", IMPACT_DETAIL, diff_value_texts(&before->quotes),
                  diff_value_texts(&now->quotes));
    diff_property(context, subject, "source", IMPACT_DETAIL, diff_value_texts(&before->sources),
                  diff_value_texts(&now->sources));
}

static void diff_compare_stage(diff_context *context, const diff_subject *subject,
                               const void *old_element, const void *new_element)
{
    const jrn_stage *before = old_element, *now = new_element;
    const jrn_model *old_model = context->old_model, *new_model = context->new_model;
    diff_moved(context, subject, "parent", before->parent, now->parent);
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "owner", IMPACT_STRUCTURE, diff_value_name(before->owner),
                  diff_value_name(now->owner));
    diff_property(context, subject, "emotion", IMPACT_EXPERIENCE,
                  diff_emotion_value(context, old_model, before->has_emotion, before->emotion),
                  diff_emotion_value(context, new_model, now->has_emotion, now->emotion));
    diff_property(context, subject, "aspiration", IMPACT_EXPERIENCE,
                  diff_emotion_value(context, old_model, before->has_aspiration, before->aspiration),
                  diff_emotion_value(context, new_model, now->has_aspiration, now->aspiration));
    diff_property(context, subject, "goal", IMPACT_DETAIL, diff_value_text(before->goal), diff_value_text(now->goal));
    diff_stage_notes(context, subject, before, now);
    diff_property(context, subject, "loops", IMPACT_STRUCTURE, diff_loops_value(context, before),
                  diff_loops_value(context, now));
    diff_touchpoint_order(context, subject, before, now);
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static const char *diff_stage_note(diff_context *context, const void *element)
{
    const jrn_stage *stage = element;
    if (stage->parent == NULL) return NULL;
    return arena_printf(context->arena, "sub-stage of %s", stage->parent->base.id);
}

static void diff_place_touchpoint(const diff_context *context, const void *element, diff_subject *subject)
{
    diff_stage_group(context, ((const jrn_touchpoint *)element)->stage->base.id, subject);
}

/* The service blueprint: the lane and what it serves are structure; a fail point and a
 * wait standard are the experience; evidence is detail. */
static void diff_compare_service(diff_context *context, const diff_subject *subject,
                                 const jrn_touchpoint *before, const jrn_touchpoint *now)
{
    jrn_arena *arena = context->arena;
    const jrn_touchpoint_service *old_service = before->service, *new_service = now->service;
    diff_property(context, subject, "support", IMPACT_STRUCTURE, diff_value_flag(before->is_support),
                  diff_value_flag(now->is_support));
    diff_property(context, subject, "serves", IMPACT_STRUCTURE,
                  diff_value_names(arena, (const void *const *)old_service->serves, old_service->serve_count),
                  diff_value_names(arena, (const void *const *)new_service->serves, new_service->serve_count));
    diff_property(context, subject, "fail", IMPACT_EXPERIENCE, diff_value_text(old_service->fail),
                  diff_value_text(new_service->fail));
    diff_property(context, subject, "wait", IMPACT_EXPERIENCE,
                  diff_value_duration(arena, old_service->has_wait, old_service->wait),
                  diff_value_duration(arena, new_service->has_wait, new_service->wait));
    diff_property(context, subject, "evidence", IMPACT_DETAIL, diff_value_texts(&old_service->evidence),
                  diff_value_texts(&new_service->evidence));
}

static void diff_compare_touchpoint(diff_context *context, const diff_subject *subject,
                                    const void *old_element, const void *new_element)
{
    const jrn_touchpoint *before = old_element, *now = new_element;
    jrn_arena *arena = context->arena;
    diff_moved(context, subject, "stage", before->stage, now->stage);
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "truth", IMPACT_MOMENT_OF_TRUTH, diff_value_flag_text(before->is_truth, before->truth),
                  diff_value_flag_text(now->is_truth, now->truth));
    diff_property(context, subject, "pain", IMPACT_PAIN_POINT, diff_value_flag_text(before->is_pain, before->pain),
                  diff_value_flag_text(now->is_pain, now->pain));
    diff_property(context, subject, "channel", IMPACT_EXPERIENCE,
                  diff_value_names(arena, (const void *const *)before->channels, before->channel_count),
                  diff_value_names(arena, (const void *const *)now->channels, now->channel_count));
    diff_property(context, subject, "persona", IMPACT_EXPERIENCE,
                  diff_value_names(arena, (const void *const *)before->personas, before->persona_count),
                  diff_value_names(arena, (const void *const *)now->personas, now->persona_count));
    diff_property(context, subject, "emotion", IMPACT_EXPERIENCE,
                  diff_emotion_value(context, context->old_model, before->has_emotion, before->emotion),
                  diff_emotion_value(context, context->new_model, now->has_emotion, now->emotion));
    diff_property(context, subject, "effort", IMPACT_EXPERIENCE,
                  diff_value_number(arena, before->effort != 0, before->effort, NULL),
                  diff_value_number(arena, now->effort != 0, now->effort, NULL));
    diff_property(context, subject, "delight", IMPACT_EXPERIENCE,
                  diff_value_flag_text(before->is_delight, before->delight),
                  diff_value_flag_text(now->is_delight, now->delight));
    diff_property(context, subject, "contact", IMPACT_EXPERIENCE, diff_value_literal(contact_name(before->contact)),
                  diff_value_literal(contact_name(now->contact)));
    diff_property(context, subject, "backstage", IMPACT_EXPERIENCE, diff_value_flag(before->is_backstage),
                  diff_value_flag(now->is_backstage));
    diff_property(context, subject, "owner", IMPACT_STRUCTURE, diff_value_name(before->owner),
                  diff_value_name(now->owner));
    diff_compare_service(context, subject, before, now);
    diff_property(context, subject, "does", IMPACT_DETAIL, diff_value_text(before->notes->does), diff_value_text(now->notes->does));
    diff_property(context, subject, "thinks", IMPACT_DETAIL, diff_value_text(before->notes->thinks), diff_value_text(now->notes->thinks));
    diff_property(context, subject, "feels", IMPACT_DETAIL, diff_value_text(before->notes->feels), diff_value_text(now->notes->feels));
    diff_property(context, subject, "trigger", IMPACT_DETAIL, diff_value_text(before->notes->trigger),
                  diff_value_text(now->notes->trigger));
    diff_property(context, subject, "opportunity", IMPACT_DETAIL, diff_value_texts(&before->notes->opportunities),
                  diff_value_texts(&now->notes->opportunities));
    diff_property(context, subject, "quote", IMPACT_DETAIL, diff_value_texts(&before->notes->quotes),
                  diff_value_texts(&now->notes->quotes));
    diff_property(context, subject, "source", IMPACT_DETAIL, diff_value_texts(&before->notes->sources),
                  diff_value_texts(&now->notes->sources));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static jrn_change_impact diff_touchpoint_impact(const void *element)
{
    const jrn_touchpoint *touchpoint = element;
    if (touchpoint->is_truth) return IMPACT_MOMENT_OF_TRUTH;
    if (touchpoint->is_pain) return IMPACT_PAIN_POINT;
    return IMPACT_STRUCTURE;
}

static const char *diff_touchpoint_note(diff_context *context, const void *element)
{
    const jrn_touchpoint *touchpoint = element;
    jrn_strbuf note = STRBUF_INIT;
    if (touchpoint->is_truth) strbuf_puts(&note, ", moment of truth");
    if (touchpoint->is_pain) strbuf_puts(&note, ", pain point");
    if (touchpoint->is_delight) strbuf_puts(&note, ", moment of delight");
    if (touchpoint->is_backstage) strbuf_puts(&note, ", backstage");
    if (touchpoint->is_support) strbuf_puts(&note, ", support");
    const char *result = note.length > 0 ? arena_strdup(context->arena, strbuf_text(&note) + 2) : NULL;
    strbuf_free(&note);
    return result;
}

/* The ids of one map's stages that the other map has too, in spine order. */
static jrn_change_value diff_kept_stages(diff_context *context, const jrn_model *model, const diff_index *other)
{
    const char **ids = arena_alloc_array(context->arena, model->stage_count ? model->stage_count : 1, sizeof *ids);
    size_t count = 0;
    for (size_t i = 0; i < model->stage_count; i++) {
        if (diff_index_find(other, model->stages[i]->base.id) != NULL) ids[count++] = model->stages[i]->base.id;
    }
    return (jrn_change_value){.kind = CHANGE_VALUE_NAMES, .items = ids, .item_count = count};
}

static void diff_spine_order(diff_context *context)
{
    jrn_change_value old_order = diff_kept_stages(context, context->old_model, &context->new_stages);
    jrn_change_value new_order = diff_kept_stages(context, context->new_model, &context->old_stages);
    if (diff_same_value(&old_order, &new_order)) return;
    diff_subject subject = {.subject = SUBJECT_SPINE, .id = "spine", .label = "spine", .group = GROUP_SPINE};
    jrn_change *change = diff_add(context, &subject, CHANGE_REORDERED, IMPACT_STRUCTURE);
    change->property = "stages";
    change->old_value = old_order;
    change->new_value = new_order;
}

void diff_compare_spine(diff_context *context)
{
    const jrn_model *before = context->old_model, *now = context->new_model;
    static const diff_kind stage_kind = {
        SUBJECT_STAGE, GROUP_STAGE, diff_place_stage, diff_compare_stage, NULL, diff_stage_note,
    };
    static const diff_kind touchpoint_kind = {
        SUBJECT_TOUCHPOINT, GROUP_STAGE, diff_place_touchpoint, diff_compare_touchpoint,
        diff_touchpoint_impact, diff_touchpoint_note,
    };
    diff_spine_order(context);
    diff_match_elements(context, &stage_kind, (const void *const *)before->stages, before->stage_count,
                        (const void *const *)now->stages, now->stage_count);
    diff_match_elements(context, &touchpoint_kind, (const void *const *)before->touchpoints,
                        before->touchpoint_count, (const void *const *)now->touchpoints, now->touchpoint_count);
}
