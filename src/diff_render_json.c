/* diff_render_json.c — `jrnc diff --format json`: every change with typed old and new values,
 * for tools. The document is the same shape whether or not anything changed. */
#include "jrn/diff_model.h"
#include "jrn/json_text.h"

#include <stdio.h>
#include <stdlib.h>

static void diff_json_string(jrn_strbuf *out, const char *text)
{
    if (text == NULL) strbuf_puts(out, "null");
    else json_append_string(out, text);
}

/* The shortest decimal that reads back as the same double. */
static void diff_json_number(jrn_strbuf *out, double number)
{
    char text[32];
    snprintf(text, sizeof text, "%.15g", number);
    if (strtod(text, NULL) != number) snprintf(text, sizeof text, "%.17g", number);
    strbuf_puts(out, text);
}

/* null when absent, true for a bare flag, a number for numbers, an array for lists, a
 * string otherwise (quantities and literals as written in the map). */
static void diff_json_value(jrn_strbuf *out, const jrn_change_value *value)
{
    switch (value->kind) {
    case CHANGE_VALUE_ABSENT: strbuf_puts(out, "null"); break;
    case CHANGE_VALUE_FLAG: strbuf_puts(out, "true"); break;
    case CHANGE_VALUE_NUMBER: diff_json_number(out, value->number); break;
    case CHANGE_VALUE_TEXT:
    case CHANGE_VALUE_QUANTITY:
    case CHANGE_VALUE_LITERAL:
    case CHANGE_VALUE_NAME:
        diff_json_string(out, value->text);
        break;
    case CHANGE_VALUE_TEXTS:
    case CHANGE_VALUE_NAMES:
        strbuf_putc(out, '[');
        for (size_t i = 0; i < value->item_count; i++) {
            if (i > 0) strbuf_puts(out, ", ");
            diff_json_string(out, value->items[i]);
        }
        strbuf_putc(out, ']');
        break;
    }
}

static const char *diff_json_group_name(jrn_change_group group)
{
    static const char *const names[] = {"spine", "stage", "journey", "people", "definitions"};
    return group <= GROUP_DEFINITIONS ? names[group] : "definitions";
}

static void diff_json_field(jrn_strbuf *out, const char *name, const char *text, bool last)
{
    strbuf_printf(out, "      \"%s\": ", name);
    diff_json_string(out, text);
    strbuf_puts(out, last ? "\n" : ",\n");
}

static void diff_json_change(jrn_strbuf *out, const jrn_change *change, bool last)
{
    bool has_values = change->kind != CHANGE_ADDED && change->kind != CHANGE_REMOVED;
    strbuf_puts(out, "    {\n");
    diff_json_field(out, "change", change_kind_name(change->kind), false);
    diff_json_field(out, "subject", change_subject_name(change->subject), false);
    diff_json_field(out, "id", change->id, false);
    diff_json_field(out, "label", change->label, false);
    diff_json_field(out, "owner", change->owner, false);
    diff_json_field(out, "impact", change_impact_name(change->impact), false);
    diff_json_field(out, "group", diff_json_group_name(change->group), false);
    diff_json_field(out, "group_id", change->group_id, false);
    diff_json_field(out, "property", change->property, false);
    strbuf_puts(out, "      \"old\": ");
    if (has_values) diff_json_value(out, &change->old_value);
    else strbuf_puts(out, "null");
    strbuf_puts(out, ",\n      \"new\": ");
    if (has_values) diff_json_value(out, &change->new_value);
    else strbuf_puts(out, "null");
    strbuf_puts(out, ",\n");
    diff_json_field(out, "note", change->note, true);
    strbuf_puts(out, last ? "    }\n" : "    },\n");
}

void diff_render_json(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                      jrn_strbuf *out)
{
    strbuf_puts(out, "{\n  \"old\": ");
    diff_json_string(out, old_name);
    strbuf_puts(out, ",\n  \"new\": ");
    diff_json_string(out, new_name);
    strbuf_printf(out, ",\n  \"changed\": %s,\n  \"changes\": [", diff->count > 0 ? "true" : "false");
    strbuf_puts(out, diff->count > 0 ? "\n" : "");
    for (size_t i = 0; i < diff->count; i++) diff_json_change(out, &diff->changes[i], i + 1 == diff->count);
    strbuf_puts(out, diff->count > 0 ? "  ]\n}\n" : "]\n}\n");
}
