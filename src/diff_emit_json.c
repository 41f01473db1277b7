/* diff_emit_json.c — `jrnc diff --format json`: every change with typed old and new values,
 * for tools. The document is the same shape whether or not anything changed. */
#include "jrn/diff_model.h"
#include "jrn/json_writer.h"

/* null when absent, true for a bare flag, a number for numbers, an array for lists, a
 * string otherwise (quantities and literals as written in the map). */
static void diff_json_value(json_writer *json, const jrn_change_value *value)
{
    switch (value->kind) {
    case CHANGE_VALUE_ABSENT: json_put_null(json); break;
    case CHANGE_VALUE_FLAG: json_put_bool(json, true); break;
    case CHANGE_VALUE_NUMBER: json_put_number(json, value->number); break;
    case CHANGE_VALUE_TEXT:
    case CHANGE_VALUE_QUANTITY:
    case CHANGE_VALUE_LITERAL:
    case CHANGE_VALUE_NAME:
        json_put_string(json, value->text);
        break;
    case CHANGE_VALUE_TEXTS:
    case CHANGE_VALUE_NAMES:
        json_array_begin(json, JSON_INLINE);
        for (size_t i = 0; i < value->item_count; i++) json_put_string(json, value->items[i]);
        json_array_end(json);
        break;
    }
}

static const char *diff_json_group_name(jrn_change_group group)
{
    static const char *const names[] = {"spine", "stage", "journey", "people", "definitions"};
    return group <= GROUP_DEFINITIONS ? names[group] : "definitions";
}

static void diff_json_change(json_writer *json, const jrn_change *change)
{
    bool has_values = change->kind != CHANGE_ADDED && change->kind != CHANGE_REMOVED;
    json_object_begin(json, JSON_LINES);
    json_member_string(json, "change", change_kind_name(change->kind));
    json_member_string(json, "subject", change_subject_name(change->subject));
    json_member_string(json, "id", change->id);
    json_member_string(json, "label", change->label);
    json_member_string(json, "owner", change->owner);
    json_member_string(json, "impact", change_impact_name(change->impact));
    json_member_string(json, "group", diff_json_group_name(change->group));
    json_member_string(json, "group_id", change->group_id);
    json_member_string(json, "property", change->property);
    json_key(json, "old");
    if (has_values) diff_json_value(json, &change->old_value);
    else json_put_null(json);
    json_key(json, "new");
    if (has_values) diff_json_value(json, &change->new_value);
    else json_put_null(json);
    json_member_string(json, "note", change->note);
    json_object_end(json);
}

void diff_emit_json(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                      jrn_strbuf *out)
{
    /* Numbers as the shortest decimal that reads back as the same double. */
    json_writer json = json_writer_start(out, NULL, JSON_NUMBER_ROUND_TRIP);
    json_object_begin(&json, JSON_LINES);
    json_member_string(&json, "old", old_name);
    json_member_string(&json, "new", new_name);
    json_member_bool(&json, "changed", diff->count > 0);
    json_key(&json, "changes");
    json_array_begin(&json, JSON_LINES);
    for (size_t i = 0; i < diff->count; i++) diff_json_change(&json, &diff->changes[i]);
    json_array_end(&json);
    json_object_end(&json);
    strbuf_putc(out, '\n');
}
