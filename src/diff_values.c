/* diff_values.c — the values a change shows before and after, and when two are the same. */
#include "jrn/diff_common.h"

#include <string.h>

static bool diff_same_items(const jrn_change_value *a, const jrn_change_value *b)
{
    if (a->item_count != b->item_count) return false;
    for (size_t i = 0; i < a->item_count; i++) {
        if (strcmp(a->items[i], b->items[i]) != 0) return false;
    }
    return true;
}

bool diff_same_value(const jrn_change_value *a, const jrn_change_value *b)
{
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case CHANGE_VALUE_ABSENT:
    case CHANGE_VALUE_FLAG:
        return true;
    case CHANGE_VALUE_TEXT:
    case CHANGE_VALUE_LITERAL:
    case CHANGE_VALUE_NAME:
        return strcmp(a->text, b->text) == 0;
    case CHANGE_VALUE_NUMBER:
        return a->number == b->number;
    case CHANGE_VALUE_QUANTITY:
        /* 2d and 48h are the same delay; 80 and 80% are not the same target. */
        return a->number == b->number && a->quantity_kind == b->quantity_kind;
    case CHANGE_VALUE_TEXTS:
    case CHANGE_VALUE_NAMES:
        return diff_same_items(a, b);
    }
    return false;
}

jrn_change_value diff_value_absent(void)
{
    return (jrn_change_value){.kind = CHANGE_VALUE_ABSENT};
}

jrn_change_value diff_value_text(const char *text)
{
    if (text == NULL) return diff_value_absent();
    return (jrn_change_value){.kind = CHANGE_VALUE_TEXT, .text = text};
}

jrn_change_value diff_value_flag(bool is_set)
{
    return (jrn_change_value){.kind = is_set ? CHANGE_VALUE_FLAG : CHANGE_VALUE_ABSENT};
}

jrn_change_value diff_value_flag_text(bool is_set, const char *text)
{
    if (is_set && text != NULL) return diff_value_text(text);
    return diff_value_flag(is_set);
}

jrn_change_value diff_value_texts(const jrn_text_list *list)
{
    return (jrn_change_value){.kind = CHANGE_VALUE_TEXTS, .items = list->items, .item_count = list->count};
}

jrn_change_value diff_value_number(jrn_arena *arena, bool is_set, double number, const char *label)
{
    if (!is_set) return diff_value_absent();
    return (jrn_change_value){
        .kind = CHANGE_VALUE_NUMBER,
        .text = arena_printf(arena, "%.15g", number),
        .number = number,
        .label = label,
    };
}

jrn_change_value diff_value_quantity(const jrn_quantity *quantity)
{
    return (jrn_change_value){
        .kind = CHANGE_VALUE_QUANTITY,
        .text = quantity->text,
        .number = quantity->value,
        .quantity_kind = (int)quantity->kind,
    };
}

jrn_change_value diff_value_duration(jrn_arena *arena, bool is_set, jrn_duration duration)
{
    if (!is_set) return diff_value_absent();
    jrn_quantity quantity = {QUANTITY_DURATION, duration_in_days(duration), duration,
                             arena_printf(arena, "%.15g%s", duration.amount, duration_unit_suffix(duration.unit))};
    return diff_value_quantity(&quantity);
}

jrn_change_value diff_value_literal(const char *text)
{
    if (text == NULL) return diff_value_absent();
    return (jrn_change_value){.kind = CHANGE_VALUE_LITERAL, .text = text};
}

jrn_change_value diff_value_name(const void *element)
{
    if (element == NULL) return diff_value_absent();
    return (jrn_change_value){.kind = CHANGE_VALUE_NAME, .text = ((const jrn_element *)element)->id};
}

jrn_change_value diff_value_names(jrn_arena *arena, const void *const *elements, size_t count)
{
    const char **ids = arena_alloc_array(arena, count ? count : 1, sizeof *ids);
    for (size_t i = 0; i < count; i++) ids[i] = ((const jrn_element *)elements[i])->id;
    return (jrn_change_value){.kind = CHANGE_VALUE_NAMES, .items = ids, .item_count = count};
}
