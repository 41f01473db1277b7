/* diff_common.h — what the comparing files of the diff family share: the comparison
 * context, change values, id indexes (diff_common.c), and the per-part comparisons
 * diff_models runs (diff_spine.c, diff_kpis.c, ...). */
#ifndef JRN_DIFF_COMMON_H
#define JRN_DIFF_COMMON_H

#include "jrn/arena.h"
#include "jrn/diff_change.h"
#include "jrn/strbuf.h"

/* Elements of one kind sorted by id, for matching the two maps in O(n log n). */
typedef struct diff_index_entry {
    const char *key;
    const void *element;
} diff_index_entry;

typedef struct diff_index {
    diff_index_entry *entries;
    size_t count;
} diff_index;

typedef struct diff_context {
    jrn_arena *arena;
    const jrn_model *old_model;
    const jrn_model *new_model;
    jrn_change *changes;
    size_t count;
    diff_index old_stages, new_stages;           /* by id: group placement of every change */
    diff_index old_touchpoints, new_touchpoints;
    diff_index old_journeys, new_journeys;
} diff_context;

/* Who a change is about; copied into each change about it. */
typedef struct diff_subject {
    jrn_change_subject subject;
    const char *id;
    const char *label;
    const char *owner;
    jrn_change_group group;
    const char *group_id;
    const char *group_label;
    size_t group_order;
} diff_subject;

/* Indexes elements (arrays of pointers to structs starting with jrn_element) by id. */
diff_index diff_index_elements(jrn_arena *arena, const void *const *elements, size_t count);
/* Indexes keys[i] -> elements[i]. */
diff_index diff_index_keys(jrn_arena *arena, const char *const *keys, const void *const *elements,
                           size_t count);
const void *diff_index_find(const diff_index *index, const char *key);

jrn_change *diff_add(diff_context *context, const diff_subject *subject, jrn_change_kind kind,
                     jrn_change_impact impact);
/* Records a MODIFIED change when the values differ. */
void diff_property(diff_context *context, const diff_subject *subject, const char *property,
                   jrn_change_impact impact, jrn_change_value old_value, jrn_change_value new_value);
/* Records RETITLED when the titles differ. */
void diff_title(diff_context *context, const diff_subject *subject, const jrn_element *old_element,
                const jrn_element *new_element);
/* Records a MODIFIED change per x_* extension whose values differ. */
void diff_extensions(diff_context *context, const diff_subject *subject,
                     const jrn_extension *old_extensions, const jrn_extension *new_extensions);

bool diff_same_value(const jrn_change_value *a, const jrn_change_value *b);
jrn_change_value diff_value_absent(void);
jrn_change_value diff_value_text(const char *text);               /* NULL: absent */
jrn_change_value diff_value_flag_text(bool is_set, const char *text);
jrn_change_value diff_value_flag(bool is_set);
jrn_change_value diff_value_texts(const jrn_text_list *list);
jrn_change_value diff_value_number(jrn_arena *arena, bool is_set, double number, const char *label);
jrn_change_value diff_value_quantity(const jrn_quantity *quantity);
jrn_change_value diff_value_duration(jrn_arena *arena, bool is_set, jrn_duration duration);
jrn_change_value diff_value_literal(const char *text);            /* NULL: absent */
/* element: a model struct (they start with jrn_element), or NULL for absent. */
jrn_change_value diff_value_name(const void *element);
jrn_change_value diff_value_names(jrn_arena *arena, const void *const *elements, size_t count);

/* Where changes about a stage (by id, in either map) are shown. */
void diff_stage_group(const diff_context *context, const char *stage_id, diff_subject *subject);
void diff_journey_group(const diff_context *context, const char *journey_id, diff_subject *subject);

/* How one kind of element is compared; diff_match_elements pairs the two maps' elements by
 * id and reports the added and removed ones. */
typedef struct diff_kind {
    jrn_change_subject subject;
    jrn_change_group group;
    /* Sets the subject's group (for stages and journeys); NULL: group alone. */
    void (*place)(const diff_context *context, const void *element, diff_subject *subject);
    /* Compares an element present in both maps. */
    void (*compare)(diff_context *context, const diff_subject *subject, const void *old_element,
                    const void *new_element);
    /* For an added or removed element: how much it matters and what it was (NULL: none). */
    jrn_change_impact (*impact)(const void *element);
    const char *(*note)(diff_context *context, const void *element);
} diff_kind;

void diff_match_elements(diff_context *context, const diff_kind *kind,
                         const void *const *old_elements, size_t old_count,
                         const void *const *new_elements, size_t new_count);
/* The subject of an element of the given kind (group set through kind->place). */
diff_subject diff_subject_of(const diff_context *context, const diff_kind *kind, const void *element);

/* The comparisons, one per part of the map. */
void diff_compare_definitions(diff_context *context);   /* map, teams, channels, metrics */
void diff_compare_people(diff_context *context);        /* segments, personas */
void diff_compare_spine(diff_context *context);         /* stages, touchpoints */
void diff_compare_kpis(diff_context *context);
void diff_compare_journeys(diff_context *context);      /* journeys and their hops */

#endif
