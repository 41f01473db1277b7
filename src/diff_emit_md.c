/* diff_emit_md.c — `jrnc diff --format md`: a pull-request comment, grouped by stage
 * (then journeys, people, definitions), most consequential changes first in each group. */
#include "jrn/diff_model.h"

#include <string.h>

/* Words for the properties whose names say little on their own. */
static const char *diff_md_property(const char *property)
{
    static const struct { const char *name, *words; } words[] = {
        {"truth", "moment of truth"}, {"pain", "pain point"}, {"delight", "moment of delight"},
        {"target", "target"}, {"every", "frequency"}, {"after", "delay"}, {"for", "personas"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(words[i].name, property) == 0) return words[i].words;
    }
    return property;
}

static const char *diff_md_subject_word(jrn_change_subject subject)
{
    static const char *const words[] = {
        "Map", "Segment", "Persona", "Team", "Channel", "Stage", "Touchpoint", "Journey",
        "Metric", "KPI", "Hop", "Spine",
    };
    return subject <= SUBJECT_SPINE ? words[subject] : "Element";
}

static void diff_md_label(jrn_strbuf *out, const char *label, const char *id)
{
    if (strcmp(label, id) == 0) {
        strbuf_printf(out, "`%s`", id);
        return;
    }
    strbuf_puts(out, "**");
    diff_append_md_text(out, label);
    strbuf_printf(out, "** (`%s`)", id);
}

static void diff_md_heading(jrn_strbuf *out, const jrn_change *change)
{
    switch (change->group) {
    case GROUP_SPINE: strbuf_puts(out, "\n### Spine\n\n"); return;
    case GROUP_STAGE: strbuf_puts(out, "\n### Stage: "); break;
    case GROUP_JOURNEY: strbuf_puts(out, "\n### Journey: "); break;
    case GROUP_PEOPLE: strbuf_puts(out, "\n### Personas and segments\n\n"); return;
    case GROUP_DEFINITIONS: strbuf_puts(out, "\n### Map, teams, channels and metrics\n\n"); return;
    }
    diff_append_md_text(out, change->group_label);
    if (strcmp(change->group_label, change->group_id) != 0) strbuf_printf(out, " (`%s`)", change->group_id);
    strbuf_puts(out, "\n\n");
}

static bool diff_md_same_group(const jrn_change *a, const jrn_change *b)
{
    if (a->group != b->group) return false;
    if (a->group != GROUP_STAGE && a->group != GROUP_JOURNEY) return true;
    return strcmp(a->group_id, b->group_id) == 0;
}

/* "Touchpoint **Support request** (`ticket`)", "KPI `csat` on touchpoint `ticket`". */
static void diff_md_subject(jrn_strbuf *out, const jrn_change *change)
{
    strbuf_puts(out, diff_md_subject_word(change->subject));
    if (change->subject == SUBJECT_SPINE) return;
    strbuf_putc(out, ' ');
    if (change->subject == SUBJECT_HOP) {
        strbuf_printf(out, "`%s`", change->id);
        return;
    }
    diff_md_label(out, change->label, change->id);
    if (change->subject == SUBJECT_KPI && change->owner != NULL) {
        const char *space = strchr(change->owner, ' ');
        strbuf_printf(out, " on %.*s `%s`", (int)(space - change->owner), change->owner, space + 1);
    }
}

static void diff_md_values(jrn_strbuf *out, const jrn_change *change)
{
    diff_append_value(out, &change->old_value, true);
    strbuf_puts(out, " → ");
    diff_append_value(out, &change->new_value, true);
}

static void diff_md_change(jrn_strbuf *out, const jrn_change *change)
{
    static const char *const tags[] = {"**Moment of truth:** ", "**Pain point:** ", "**KPI target:** "};
    strbuf_puts(out, "- ");
    if (change->impact <= IMPACT_KPI_TARGET) strbuf_puts(out, tags[change->impact]);
    diff_md_subject(out, change);
    switch (change->kind) {
    case CHANGE_ADDED:
    case CHANGE_REMOVED:
        strbuf_printf(out, " %s", change_kind_name(change->kind));
        if (change->note != NULL) {
            strbuf_puts(out, " (");
            diff_append_md_text(out, change->note);
            strbuf_putc(out, ')');
        }
        break;
    case CHANGE_MOVED:
        strbuf_printf(out, ": moved, %s ", change->property);
        diff_md_values(out, change);
        break;
    case CHANGE_RETITLED:
        strbuf_puts(out, ": retitled ");
        diff_md_values(out, change);
        break;
    case CHANGE_MODIFIED:
        strbuf_printf(out, ": %s ", diff_md_property(change->property));
        diff_md_values(out, change);
        break;
    case CHANGE_REORDERED:
        strbuf_printf(out, ": %s reordered ", change->property);
        diff_md_values(out, change);
        break;
    }
    strbuf_putc(out, '\n');
}

/* "12 changes (moments of truth: 2, KPI targets: 1)": the consequential counts up front. */
static void diff_md_summary(jrn_strbuf *out, const jrn_model_diff *diff)
{
    size_t counts[IMPACT_KPI_TARGET + 1] = {0};
    for (size_t i = 0; i < diff->count; i++) {
        if (diff->changes[i].impact <= IMPACT_KPI_TARGET) counts[diff->changes[i].impact]++;
    }
    static const char *const names[] = {"moments of truth", "pain points", "KPI targets"};
    strbuf_printf(out, "%zu change%s", diff->count, diff->count == 1 ? "" : "s");
    bool first = true;
    for (size_t impact = 0; impact <= IMPACT_KPI_TARGET; impact++) {
        if (counts[impact] == 0) continue;
        strbuf_printf(out, "%s%s: %zu", first ? " (" : ", ", names[impact], counts[impact]);
        first = false;
    }
    strbuf_puts(out, first ? ".\n" : ").\n");
}

void diff_emit_md(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                          jrn_strbuf *out)
{
    if (diff->count == 0) return;
    strbuf_puts(out, "## Journey map changes\n\n");
    diff_append_md_text(out, old_name);
    strbuf_puts(out, " → ");
    diff_append_md_text(out, new_name);
    strbuf_puts(out, ": ");
    diff_md_summary(out, diff);
    for (size_t i = 0; i < diff->count; i++) {
        const jrn_change *change = &diff->changes[i];
        if (i == 0 || !diff_md_same_group(&diff->changes[i - 1], change)) diff_md_heading(out, change);
        diff_md_change(out, change);
    }
}
