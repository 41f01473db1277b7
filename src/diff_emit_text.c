/* diff_emit_text.c — `jrnc diff` for terminals: one line per change, most consequential
 * first within each part of the map. */
#include "jrn/diff_model.h"

#include <string.h>

#include "jrn/fmt.h"
#include "jrn/terminal_text.h"

/* "touchpoint ticket", "kpi csat on touchpoint ticket", "hop a -> b in journey j". */
static void diff_text_subject(jrn_strbuf *out, const jrn_change *change)
{
    if (change->subject == SUBJECT_SPINE) {
        strbuf_puts(out, "spine");
        return;
    }
    strbuf_printf(out, "%s %s", change_subject_name(change->subject), change->id);
    if (change->owner != NULL) {
        strbuf_printf(out, " %s %s", change->subject == SUBJECT_KPI ? "on" : "in", change->owner);
    }
}

/* "(\"Get certified\", stage onboarding; moment of truth)" after "added" or "removed". */
static void diff_text_element(jrn_strbuf *out, const jrn_change *change)
{
    jrn_strbuf details = STRBUF_INIT;
    if (change->subject != SUBJECT_HOP && strcmp(change->label, change->id) != 0) {
        strbuf_puts(&details, ", ");
        fmt_append_string(&details, change->label);
    }
    if (change->subject == SUBJECT_TOUCHPOINT) strbuf_printf(&details, ", stage %s", change->group_id);
    if (change->note != NULL) strbuf_printf(&details, ", %s", change->note);
    if (details.length > 0) strbuf_printf(out, " (%s)", strbuf_text(&details) + 2);
    strbuf_free(&details);
}

static void diff_text_place(jrn_strbuf *out, const char *property, const jrn_change_value *value)
{
    if (value->kind == CHANGE_VALUE_ABSENT) strbuf_puts(out, "the top level");
    else strbuf_printf(out, "%s %s", property, value->text);
}

static void diff_text_line(jrn_strbuf *out, const jrn_change *change)
{
    diff_text_subject(out, change);
    strbuf_puts(out, ": ");
    switch (change->kind) {
    case CHANGE_ADDED:
    case CHANGE_REMOVED:
        strbuf_puts(out, change_kind_name(change->kind));
        diff_text_element(out, change);
        break;
    case CHANGE_MOVED:
        strbuf_puts(out, "moved from ");
        diff_text_place(out, change->property, &change->old_value);
        strbuf_puts(out, " to ");
        diff_text_place(out, change->property, &change->new_value);
        break;
    case CHANGE_RETITLED:
    case CHANGE_MODIFIED:
    case CHANGE_REORDERED:
        strbuf_puts(out, change->kind == CHANGE_RETITLED ? "retitled" : change->property);
        if (change->kind == CHANGE_REORDERED) strbuf_puts(out, " reordered");
        strbuf_putc(out, ' ');
        diff_append_value(out, &change->old_value, false);
        strbuf_puts(out, " -> ");
        diff_append_value(out, &change->new_value, false);
        break;
    }
}

/* One line per change, shown safely on a terminal: an emotion label or a note cannot
 * carry an escape sequence or a line of its own. */
static void diff_text_change(jrn_strbuf *out, const jrn_change *change)
{
    jrn_strbuf line = STRBUF_INIT;
    diff_text_line(&line, change);
    terminal_text_put(out, strbuf_text(&line), line.length);
    strbuf_putc(out, '\n');
    strbuf_free(&line);
}

void diff_emit_text(const jrn_model_diff *diff, jrn_strbuf *out)
{
    for (size_t i = 0; i < diff->count; i++) diff_text_change(out, &diff->changes[i]);
}
