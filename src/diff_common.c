/* diff_common.c — the pieces every per-part comparison uses: id indexes to match the two
 * maps' elements, and recording a change (added, removed, modified, retitled). */
#include "jrn/diff_common.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/fmt.h"

static int diff_compare_entries(const void *a, const void *b)
{
    return strcmp(((const diff_index_entry *)a)->key, ((const diff_index_entry *)b)->key);
}

diff_index diff_index_keys(jrn_arena *arena, const char *const *keys, const void *const *elements,
                           size_t count)
{
    diff_index index = {arena_alloc_array(arena, count ? count : 1, sizeof(diff_index_entry)), count};
    for (size_t i = 0; i < count; i++) index.entries[i] = (diff_index_entry){keys[i], elements[i]};
    /* Ids are unique per kind; equal keys (KPIs carry an occurrence) never meet. */
    qsort(index.entries, count, sizeof(diff_index_entry), diff_compare_entries);
    return index;
}

diff_index diff_index_elements(jrn_arena *arena, const void *const *elements, size_t count)
{
    const char **keys = arena_alloc_array(arena, count ? count : 1, sizeof *keys);
    for (size_t i = 0; i < count; i++) {
        const char *id = ((const jrn_element *)elements[i])->id;
        keys[i] = id != NULL ? id : "";
    }
    return diff_index_keys(arena, keys, elements, count);
}

const void *diff_index_find(const diff_index *index, const char *key)
{
    diff_index_entry probe = {key, NULL};
    const diff_index_entry *found = bsearch(&probe, index->entries, index->count,
                                            sizeof(diff_index_entry), diff_compare_entries);
    return found != NULL ? found->element : NULL;
}

jrn_change *diff_add(diff_context *context, const diff_subject *subject, jrn_change_kind kind,
                     jrn_change_impact impact)
{
    jrn_change change = {0};
    change.kind = kind;
    change.subject = subject->subject;
    change.impact = impact;
    change.id = subject->id;
    change.label = subject->label;
    change.owner = subject->owner;
    change.group = subject->group;
    change.group_id = subject->group_id;
    change.group_label = subject->group_label;
    change.group_order = subject->group_order;
    change.sequence = context->count;
    ARENA_PUSH(context->arena, context->changes, context->count, change);
    return &context->changes[context->count - 1];
}

void diff_property(diff_context *context, const diff_subject *subject, const char *property,
                   jrn_change_impact impact, jrn_change_value old_value, jrn_change_value new_value)
{
    if (diff_same_value(&old_value, &new_value)) return;
    jrn_change *change = diff_add(context, subject, CHANGE_MODIFIED, impact);
    change->property = property;
    change->old_value = old_value;
    change->new_value = new_value;
}

void diff_title(diff_context *context, const diff_subject *subject, const jrn_element *old_element,
                const jrn_element *new_element)
{
    jrn_change_value old_title = diff_value_text(old_element->title);
    jrn_change_value new_title = diff_value_text(new_element->title);
    if (diff_same_value(&old_title, &new_title)) return;
    jrn_change *change = diff_add(context, subject, CHANGE_RETITLED, IMPACT_DETAIL);
    change->property = "title";
    change->old_value = old_title;
    change->new_value = new_title;
}

/* The values of every extension called name, spelled as in the map and joined; NULL when
 * there is none. An extension may be given several times: its values add up. */
static const char *diff_extension_text(jrn_arena *arena, const jrn_extension *extensions,
                                       const char *name)
{
    jrn_strbuf text = STRBUF_INIT;
    bool found = false;
    for (const jrn_extension *extension = extensions; extension != NULL; extension = extension->next) {
        if (strcmp(extension->name, name) != 0) continue;
        found = true;
        for (const jrn_value *value = extension->values; value != NULL; value = value->next) {
            if (text.length > 0) strbuf_puts(&text, ", ");
            fmt_append_value(&text, value);
        }
    }
    const char *result = found ? arena_strdup(arena, strbuf_text(&text)) : NULL;
    strbuf_free(&text);
    return result;
}

static bool diff_extension_seen_before(const jrn_extension *extensions, const jrn_extension *stop)
{
    for (const jrn_extension *extension = extensions; extension != stop; extension = extension->next) {
        if (strcmp(extension->name, stop->name) == 0) return true;
    }
    return false;
}

static void diff_extension_named(diff_context *context, const diff_subject *subject, const char *name,
                                 const jrn_extension *old_extensions, const jrn_extension *new_extensions)
{
    diff_property(context, subject, name, IMPACT_DETAIL,
                  diff_value_literal(diff_extension_text(context->arena, old_extensions, name)),
                  diff_value_literal(diff_extension_text(context->arena, new_extensions, name)));
}

void diff_extensions(diff_context *context, const diff_subject *subject,
                     const jrn_extension *old_extensions, const jrn_extension *new_extensions)
{
    for (const jrn_extension *extension = old_extensions; extension != NULL; extension = extension->next) {
        if (diff_extension_seen_before(old_extensions, extension)) continue;
        diff_extension_named(context, subject, extension->name, old_extensions, new_extensions);
    }
    for (const jrn_extension *extension = new_extensions; extension != NULL; extension = extension->next) {
        if (diff_extension_seen_before(new_extensions, extension)) continue;
        if (diff_extension_text(context->arena, old_extensions, extension->name) != NULL) continue;
        diff_extension_named(context, subject, extension->name, old_extensions, new_extensions);
    }
}

void diff_stage_group(const diff_context *context, const char *stage_id, diff_subject *subject)
{
    const jrn_stage *now = diff_index_find(&context->new_stages, stage_id);
    const jrn_stage *before = diff_index_find(&context->old_stages, stage_id);
    subject->group = GROUP_STAGE;
    subject->group_id = stage_id;
    /* Removed stages are shown after the stages of the new spine, in their old order. */
    if (now != NULL) {
        subject->group_label = element_label(&now->base);
        subject->group_order = now->spine_position;
    } else if (before != NULL) {
        subject->group_label = element_label(&before->base);
        subject->group_order = context->new_model->stage_count + before->spine_position;
    } else {
        subject->group_label = stage_id;
    }
}

void diff_journey_group(const diff_context *context, const char *journey_id, diff_subject *subject)
{
    const jrn_journey *now = diff_index_find(&context->new_journeys, journey_id);
    const jrn_journey *before = diff_index_find(&context->old_journeys, journey_id);
    subject->group = GROUP_JOURNEY;
    subject->group_id = journey_id;
    if (now != NULL) {
        subject->group_label = element_label(&now->base);
        subject->group_order = now->base.index;
    } else if (before != NULL) {
        subject->group_label = element_label(&before->base);
        subject->group_order = context->new_model->journey_count + before->base.index;
    } else {
        subject->group_label = journey_id;
    }
}

diff_subject diff_subject_of(const diff_context *context, const diff_kind *kind, const void *element)
{
    const jrn_element *base = element;
    diff_subject subject = {0};
    subject.subject = kind->subject;
    subject.id = base->id != NULL ? base->id : "";
    subject.label = element_label(base);
    subject.group = kind->group;
    if (kind->place != NULL) kind->place(context, element, &subject);
    return subject;
}

static void diff_added_or_removed(diff_context *context, const diff_kind *kind, const void *element,
                                  jrn_change_kind change_kind)
{
    diff_subject subject = diff_subject_of(context, kind, element);
    jrn_change_impact impact = kind->impact != NULL ? kind->impact(element) : IMPACT_STRUCTURE;
    jrn_change *change = diff_add(context, &subject, change_kind, impact);
    if (kind->note != NULL) change->note = kind->note(context, element);
}

void diff_match_elements(diff_context *context, const diff_kind *kind,
                         const void *const *old_elements, size_t old_count,
                         const void *const *new_elements, size_t new_count)
{
    diff_index old_index = diff_index_elements(context->arena, old_elements, old_count);
    diff_index new_index = diff_index_elements(context->arena, new_elements, new_count);
    for (size_t i = 0; i < new_count; i++) {
        const char *id = ((const jrn_element *)new_elements[i])->id;
        const void *before = diff_index_find(&old_index, id != NULL ? id : "");
        if (before == NULL) {
            diff_added_or_removed(context, kind, new_elements[i], CHANGE_ADDED);
            continue;
        }
        diff_subject subject = diff_subject_of(context, kind, new_elements[i]);
        kind->compare(context, &subject, before, new_elements[i]);
    }
    for (size_t i = 0; i < old_count; i++) {
        const char *id = ((const jrn_element *)old_elements[i])->id;
        if (diff_index_find(&new_index, id != NULL ? id : "") == NULL) {
            diff_added_or_removed(context, kind, old_elements[i], CHANGE_REMOVED);
        }
    }
}
