/* diff_people.c — compares who the journey is for: segments and personas. */
#include "jrn/diff_common.h"

static void diff_compare_segment(diff_context *context, const diff_subject *subject,
                                 const void *old_element, const void *new_element)
{
    const jrn_segment *before = old_element, *now = new_element;
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "description", IMPACT_DETAIL, diff_value_text(before->description),
                  diff_value_text(now->description));
    diff_property(context, subject, "size", IMPACT_DETAIL, diff_value_text(before->size), diff_value_text(now->size));
    diff_property(context, subject, "note", IMPACT_DETAIL, diff_value_text(before->note), diff_value_text(now->note));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

static void diff_persona_list(diff_context *context, const diff_subject *subject, const char *property,
                              const jrn_text_list *before, const jrn_text_list *now)
{
    diff_property(context, subject, property, IMPACT_DETAIL, diff_value_texts(before), diff_value_texts(now));
}

static void diff_compare_persona(diff_context *context, const diff_subject *subject,
                                 const void *old_element, const void *new_element)
{
    const jrn_persona *before = old_element, *now = new_element;
    diff_title(context, subject, &before->base, &now->base);
    diff_property(context, subject, "segments", IMPACT_STRUCTURE,
                  diff_value_names(context->arena, (const void *const *)before->segments, before->segment_count),
                  diff_value_names(context->arena, (const void *const *)now->segments, now->segment_count));
    diff_property(context, subject, "role", IMPACT_DETAIL, diff_value_text(before->role), diff_value_text(now->role));
    diff_persona_list(context, subject, "goal", &before->goals, &now->goals);
    diff_persona_list(context, subject, "need", &before->needs, &now->needs);
    diff_persona_list(context, subject, "trait", &before->traits, &now->traits);
    diff_persona_list(context, subject, "attitude", &before->attitudes, &now->attitudes);
    diff_persona_list(context, subject, "behavior", &before->behaviors, &now->behaviors);
    diff_persona_list(context, subject, "motivation", &before->motivations, &now->motivations);
    diff_persona_list(context, subject, "pain", &before->pains, &now->pains);
    diff_persona_list(context, subject, "expectation", &before->expectations, &now->expectations);
    diff_property(context, subject, "quote", IMPACT_DETAIL, diff_value_text(before->quote), diff_value_text(now->quote));
    diff_extensions(context, subject, before->base.extensions, now->base.extensions);
}

void diff_compare_people(diff_context *context)
{
    const jrn_model *before = context->old_model, *now = context->new_model;
    static const diff_kind segment_kind = {SUBJECT_SEGMENT, GROUP_PEOPLE, NULL, diff_compare_segment, NULL, NULL};
    static const diff_kind persona_kind = {SUBJECT_PERSONA, GROUP_PEOPLE, NULL, diff_compare_persona, NULL, NULL};
    diff_match_elements(context, &segment_kind, (const void *const *)before->segments, before->segment_count,
                        (const void *const *)now->segments, now->segment_count);
    diff_match_elements(context, &persona_kind, (const void *const *)before->personas, before->persona_count,
                        (const void *const *)now->personas, now->persona_count);
}
