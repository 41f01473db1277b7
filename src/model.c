/* model.c — small questions about the resolved model that every back end asks. */
#include "jrn/model.h"

#include <math.h>
#include <string.h>

const char *element_label(const jrn_element *element)
{
    if (element->title != NULL && element->title[0] != '\0') return element->title;
    return element->id != NULL ? element->id : "";
}

const char *quantity_kind_phrase(jrn_quantity_kind kind)
{
    switch (kind) {
    case QUANTITY_NUMBER: return "a number";
    case QUANTITY_PERCENT: return "a percentage";
    case QUANTITY_DURATION: return "a duration";
    }
    return "a value";
}

const char *channel_kind_name(jrn_channel_kind kind)
{
    static const char *const names[] = {NULL, "digital", "human", "physical"};
    return kind <= CHANNEL_PHYSICAL ? names[kind] : NULL;
}

const char *contact_name(jrn_contact contact)
{
    static const char *const names[] = {NULL, "direct", "indirect"};
    return contact <= CONTACT_INDIRECT ? names[contact] : NULL;
}

const char *better_name(jrn_better better)
{
    static const char *const names[] = {NULL, "higher", "lower"};
    return better <= BETTER_LOWER ? names[better] : NULL;
}

const char *frequency_name(jrn_frequency frequency)
{
    static const char *const names[] = {NULL, "daily", "weekly", "monthly", "quarterly", "yearly"};
    return frequency <= FREQUENCY_YEARLY ? names[frequency] : NULL;
}

const jrn_model_file *model_file_of(const jrn_model *model, const jrn_span span)
{
    if (span.source == NULL) return NULL;
    for (size_t i = 0; i < model->file_count; i++) {
        if (model->files[i].source == span.source) return &model->files[i];
    }
    return NULL;
}

jrn_span model_report_span(const jrn_model *model, jrn_span span)
{
    const jrn_model_file *file = model_file_of(model, span);
    if (file == NULL || file->is_root) return span;
    for (size_t i = 0; i < model->extend_site_count; i++) {
        const jrn_span declared = model->extend_sites[i].declared;
        if (declared.source == span.source && declared.begin == span.begin && declared.end == span.end) {
            return model->extend_sites[i].extended;
        }
    }
    return file->used_at;
}

bool model_span_in_root(const jrn_model *model, jrn_span span)
{
    const jrn_model_file *file = model_file_of(model, span);
    return file != NULL && file->is_root;
}

const char *model_emotion_label(const jrn_model *model, double emotion)
{
    const jrn_metric *metric = model->emotion_metric;
    if (metric == NULL || emotion != floor(emotion)) return NULL;
    double offset = emotion - metric->scale.low.value;
    if (offset < 0 || offset >= (double)metric->labels.count) return NULL;
    return metric->labels.items[(size_t)offset];
}

const jrn_touchpoint_notes model_no_notes = {0};
const jrn_touchpoint_service model_no_service = {0};

jrn_lane touchpoint_lane(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_support) return LANE_SUPPORT;
    return touchpoint->is_backstage ? LANE_BACKSTAGE : LANE_FRONTSTAGE;
}

bool model_has_blueprint(const jrn_model *model)
{
    for (size_t i = 0; i < model->touchpoint_count; i++)
        if (touchpoint_lane(model->touchpoints[i]) != LANE_FRONTSTAGE) return true;
    return false;
}

const char *lane_name(jrn_lane lane)
{
    switch (lane) {
    case LANE_BACKSTAGE: return "backstage";
    case LANE_SUPPORT: return "support";
    case LANE_FRONTSTAGE: break;
    }
    return "frontstage";
}

const char *model_journey_rest(const jrn_journey *journey)
{
    return journey->rest == REST_COMPLETES ? "completes" : "lost";
}

void model_visit_spine_blocks(const jrn_stage *stage, void (*visit)(void *context, jrn_spine_block block),
                              void *context)
{
    if (stage->touchpoint_count == 0 && stage->child_count == 0) {
        visit(context, (jrn_spine_block){stage, 0, 0});
        return;
    }
    size_t t = 0, c = 0;
    while (t < stage->touchpoint_count || c < stage->child_count) {
        if (c < stage->child_count &&
            (t == stage->touchpoint_count || stage->children[c]->spine_slot <= stage->touchpoints[t]->spine_slot)) {
            const jrn_stage *child = stage->children[c++];
            visit(context, (jrn_spine_block){child, 0, child->touchpoint_count});
            continue;
        }
        size_t first = t;
        while (t < stage->touchpoint_count &&
               (c == stage->child_count || stage->touchpoints[t]->spine_slot < stage->children[c]->spine_slot))
            t++;
        visit(context, (jrn_spine_block){stage, first, t - first});
    }
}
