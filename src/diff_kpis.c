/* diff_kpis.c — compares the KPIs: matched by where they are watched and which metric (the
 * second KPI of one metric at one place matches the second), then target, frequency, owner. */
#include "jrn/diff_common.h"

#include <string.h>

static const jrn_element *diff_kpi_place(const jrn_kpi *kpi)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: return &kpi->on_stage->base;
    case KPI_ON_TOUCHPOINT: return &kpi->on_touchpoint->base;
    case KPI_ON_JOURNEY: return &kpi->on_journey->base;
    }
    return NULL;
}

static jrn_kpi *const *diff_kpis_of_place(const jrn_kpi *kpi, size_t *count)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: *count = kpi->on_stage->kpi_count; return kpi->on_stage->kpis;
    case KPI_ON_TOUCHPOINT: *count = kpi->on_touchpoint->kpi_count; return kpi->on_touchpoint->kpis;
    case KPI_ON_JOURNEY: *count = kpi->on_journey->kpi_count; return kpi->on_journey->kpis;
    }
    *count = 0;
    return NULL;
}

/* "touchpoint ticket": where the KPI is watched, as the change names it. */
static const char *diff_kpi_owner(diff_context *context, const jrn_kpi *kpi)
{
    const jrn_element *place = diff_kpi_place(kpi);
    return arena_printf(context->arena, "%s %s", kind_name(place->kind), place->id);
}

/* "touchpoint ticket csat 0": the place, the metric and which KPI of that metric there. */
static const char *diff_kpi_key(diff_context *context, const jrn_kpi *kpi)
{
    size_t count, occurrence = 0;
    jrn_kpi *const *siblings = diff_kpis_of_place(kpi, &count);
    for (size_t i = 0; i < count && siblings[i] != kpi; i++) {
        occurrence += strcmp(siblings[i]->base.id, kpi->base.id) == 0;
    }
    return arena_printf(context->arena, "%s %s %zu", diff_kpi_owner(context, kpi), kpi->base.id, occurrence);
}

static diff_index diff_index_kpis(diff_context *context, const jrn_model *model)
{
    const char **keys = arena_alloc_array(context->arena, model->kpi_count ? model->kpi_count : 1, sizeof *keys);
    for (size_t i = 0; i < model->kpi_count; i++) keys[i] = diff_kpi_key(context, model->kpis[i]);
    return diff_index_keys(context->arena, keys, (const void *const *)model->kpis, model->kpi_count);
}

static diff_subject diff_kpi_subject(diff_context *context, const jrn_kpi *kpi)
{
    diff_subject subject = {0};
    subject.subject = SUBJECT_KPI;
    subject.id = kpi->base.id;
    subject.label = element_label(&kpi->base);
    subject.owner = diff_kpi_owner(context, kpi);
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: diff_stage_group(context, kpi->on_stage->base.id, &subject); break;
    case KPI_ON_TOUCHPOINT: diff_stage_group(context, kpi->on_touchpoint->stage->base.id, &subject); break;
    case KPI_ON_JOURNEY: diff_journey_group(context, kpi->on_journey->base.id, &subject); break;
    }
    return subject;
}

static jrn_change_value diff_target_value(const jrn_kpi *kpi)
{
    return kpi->has_target ? diff_value_quantity(&kpi->target) : diff_value_absent();
}

static void diff_compare_kpi(diff_context *context, const jrn_kpi *before, const jrn_kpi *now)
{
    diff_subject subject = diff_kpi_subject(context, now);
    diff_title(context, &subject, &before->base, &now->base);
    diff_property(context, &subject, "target", IMPACT_KPI_TARGET, diff_target_value(before), diff_target_value(now));
    diff_property(context, &subject, "every", IMPACT_STRUCTURE, diff_value_literal(frequency_name(before->every)),
                  diff_value_literal(frequency_name(now->every)));
    diff_property(context, &subject, "owner", IMPACT_STRUCTURE, diff_value_name(before->owner),
                  diff_value_name(now->owner));
    diff_property(context, &subject, "why", IMPACT_DETAIL, diff_value_text(before->why), diff_value_text(now->why));
    diff_extensions(context, &subject, before->base.extensions, now->base.extensions);
}

/* "target 4.5, monthly": what an added or removed KPI asked for. */
static const char *diff_kpi_note(diff_context *context, const jrn_kpi *kpi)
{
    jrn_strbuf note = STRBUF_INIT;
    if (kpi->has_target) strbuf_printf(&note, ", target %s", kpi->target.text);
    if (kpi->every != FREQUENCY_UNSET) strbuf_printf(&note, ", %s", frequency_name(kpi->every));
    const char *result = note.length > 0 ? arena_strdup(context->arena, strbuf_text(&note) + 2) : NULL;
    strbuf_free(&note);
    return result;
}

static void diff_kpi_added_or_removed(diff_context *context, const jrn_kpi *kpi, jrn_change_kind kind)
{
    diff_subject subject = diff_kpi_subject(context, kpi);
    jrn_change *change = diff_add(context, &subject, kind, kpi->has_target ? IMPACT_KPI_TARGET : IMPACT_STRUCTURE);
    change->note = diff_kpi_note(context, kpi);
}

void diff_compare_kpis(diff_context *context)
{
    const jrn_model *before = context->old_model, *now = context->new_model;
    diff_index old_index = diff_index_kpis(context, before);
    diff_index new_index = diff_index_kpis(context, now);
    for (size_t i = 0; i < now->kpi_count; i++) {
        const jrn_kpi *old_kpi = diff_index_find(&old_index, diff_kpi_key(context, now->kpis[i]));
        if (old_kpi != NULL) diff_compare_kpi(context, old_kpi, now->kpis[i]);
        else diff_kpi_added_or_removed(context, now->kpis[i], CHANGE_ADDED);
    }
    for (size_t i = 0; i < before->kpi_count; i++) {
        if (diff_index_find(&new_index, diff_kpi_key(context, before->kpis[i])) == NULL) {
            diff_kpi_added_or_removed(context, before->kpis[i], CHANGE_REMOVED);
        }
    }
}
