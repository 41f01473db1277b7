/* lint_rules_journeys.c — rules about journeys and who walks them: loops nobody declared,
 * steps on other personas' touchpoints, effort at stage hand-overs, touchpoints and
 * personas no journey covers. */
#include <stdint.h>
#include <stdlib.h>

#include "jrn/lint_rules.h"
#include "jrn/memory.h"

/* "onboarding, support": the stages a stage's loops: name. */
static void lint_describe_loops(const jrn_stage *stage, jrn_strbuf *out)
{
    for (size_t l = 0; l < stage->loop_count; l++) {
        strbuf_printf(out, "%s%s", l > 0 ? ", " : "", stage->loops[l].target->base.id);
    }
}

void lint_rule_undeclared_loop(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t h = 0; h < journey->hop_count; h++) {
            const jrn_hop *hop = &journey->hops[h];
            if (!hop->goes_back || hop->is_declared_loop) continue;
            const jrn_stage *from = hop->from->stage, *to = hop->to->stage;
            jrn_diag *diag = lint_report(context, LINT_UNDECLARED_LOOP, hop->span,
                                         "hop '%s -> %s' goes back from stage '%s' to '%s', "
                                         "which no 'loops:' declares",
                                         hop->from->base.id, hop->to->base.id, from->base.id,
                                         to->base.id);
            if (diag == NULL || from->loop_count == 0) continue;
            jrn_strbuf loops = STRBUF_INIT;
            lint_describe_loops(from, &loops);
            diag_add_note(context->diags, diag, from->loops[0].span,
                          "stage '%s' declares 'loops: %s'", from->base.id, strbuf_text(&loops));
            strbuf_free(&loops);
        }
    }
}

/* Where a journey steps on each touchpoint: first_hop[t] is the first hop into touchpoint
 * t, SIZE_MAX when none does (lint_forget_first_hops sets them all back). */
static void lint_find_first_hops(const jrn_journey *journey, size_t *first_hop)
{
    for (size_t h = journey->hop_count; h-- > 0;) first_hop[journey->hops[h].to->base.index] = h;
}

static void lint_forget_first_hops(const jrn_journey *journey, size_t *first_hop)
{
    for (size_t h = 0; h < journey->hop_count; h++) first_hop[journey->hops[h].to->base.index] = SIZE_MAX;
}

/* A step only ever written first in a chain has no span of its own in the model (a hop's
 * span starts at its "->"), so the journey itself stands for it. */
static jrn_span lint_step_span(const jrn_journey *journey, const jrn_touchpoint *touchpoint,
                               const size_t *first_hop)
{
    size_t hop = first_hop[touchpoint->base.index];
    return hop == SIZE_MAX ? journey->base.id_span : journey->hops[hop].span;
}

static bool lint_touchpoint_serves(const jrn_touchpoint *touchpoint, const jrn_persona *persona)
{
    for (size_t p = 0; p < touchpoint->persona_count; p++) {
        if (touchpoint->personas[p] == persona) return true;
    }
    return false;
}

static void lint_name_list(jrn_strbuf *out, const char *singular, const char *plural,
                           size_t count, const jrn_element *const *elements, size_t total)
{
    strbuf_printf(out, "%s ", count == 1 ? singular : plural);
    size_t written = 0;
    for (size_t i = 0; i < total; i++) {
        if (elements[i] == NULL) continue;
        strbuf_printf(out, "%s'%s'", written > 0 ? ", " : "", elements[i]->id);
        written++;
    }
}

/* Reports a step reserved to none of the journey's personas. A journey shared by several
 * personas (for maureen, carer) steps where any one of them goes: a step that names at
 * least one of them is consistent. */
static void lint_check_step_personas(jrn_lint_context *context, const jrn_journey *journey,
                                     const jrn_touchpoint *touchpoint, const size_t *first_hop)
{
    size_t outsiders = 0;
    for (size_t p = 0; p < journey->persona_count; p++) {
        if (!lint_touchpoint_serves(touchpoint, journey->personas[p])) outsiders++;
    }
    if (outsiders < journey->persona_count) return;
    const jrn_element **walking = memory_calloc(journey->persona_count, sizeof *walking);
    const jrn_element **served = memory_calloc(touchpoint->persona_count, sizeof *served);
    for (size_t p = 0; p < journey->persona_count; p++) {
        if (!lint_touchpoint_serves(touchpoint, journey->personas[p])) walking[p] = &journey->personas[p]->base;
    }
    for (size_t p = 0; p < touchpoint->persona_count; p++) served[p] = &touchpoint->personas[p]->base;
    jrn_strbuf who = STRBUF_INIT, reserved = STRBUF_INIT;
    lint_name_list(&who, "persona", "personas", outsiders, walking, journey->persona_count);
    lint_name_list(&reserved, "persona", "personas", touchpoint->persona_count, served,
                   touchpoint->persona_count);
    lint_report(context, LINT_PERSONA_MISMATCH, lint_step_span(journey, touchpoint, first_hop),
                "journey '%s' for %s steps on '%s', which is reserved to %s", journey->base.id,
                strbuf_text(&who), touchpoint->base.id, strbuf_text(&reserved));
    strbuf_free(&who);
    strbuf_free(&reserved);
    free(walking);
    free(served);
}

void lint_rule_persona_mismatch(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    size_t *first_hop = memory_calloc(model->touchpoint_count + 1, sizeof *first_hop);
    for (size_t t = 0; t < model->touchpoint_count; t++) first_hop[t] = SIZE_MAX;
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        lint_find_first_hops(journey, first_hop);
        for (size_t s = 0; s < journey->step_count; s++) {
            const jrn_touchpoint *touchpoint = journey->steps[s];
            /* No persona: list means open to every persona. */
            if (touchpoint->persona_count == 0) continue;
            lint_check_step_personas(context, journey, touchpoint, first_hop);
        }
        lint_forget_first_hops(journey, first_hop);
    }
    free(first_hop);
}

enum { LINT_EFFORT_SPIKE_THRESHOLD = 4 };

static bool lint_is_effort_spike(const jrn_hop *hop)
{
    return hop->from->stage != hop->to->stage && hop->to->effort >= LINT_EFFORT_SPIKE_THRESHOLD;
}

/* One finding per touchpoint customers land on, at the first hop onto it: the effort is
 * the touchpoint's, so every further hop onto it is a note, not another finding. */
void lint_rule_effort_spike(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    jrn_diag **finding = memory_calloc(model->touchpoint_count, sizeof *finding);
    bool *reported = memory_calloc(model->touchpoint_count, sizeof *reported);
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t h = 0; h < journey->hop_count; h++) {
            const jrn_hop *hop = &journey->hops[h];
            if (!lint_is_effort_spike(hop)) continue;
            size_t landing = hop->to->base.index;
            if (reported[landing]) {
                diag_add_note(context->diags, finding[landing], model_report_span(model, hop->span),
                              "hop '%s -> %s' lands there too", hop->from->base.id, hop->to->base.id);
                continue;
            }
            reported[landing] = true;
            finding[landing] = lint_report(context, LINT_EFFORT_SPIKE, hop->span,
                                           "hop '%s -> %s' enters stage '%s' at '%s', a touchpoint "
                                           "of effort %d", hop->from->base.id, hop->to->base.id,
                                           hop->to->stage->base.id, hop->to->base.id, hop->to->effort);
        }
    }
    free(finding);
    free(reported);
}

void lint_rule_orphan_touchpoint(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    /* A map without journeys has not got that far: every touchpoint would be reported. */
    if (model->journey_count == 0) return;
    bool *walked = memory_calloc(model->touchpoint_count, sizeof *walked);
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t s = 0; s < journey->step_count; s++) walked[journey->steps[s]->base.index] = true;
        if (journey->start != NULL) walked[journey->start->base.index] = true;
    }
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        /* Backstage and support work is in no journey by nature: it serves the steps
         * (backstage-touchpoint reports what serves nothing). */
        if (walked[t] || touchpoint_lane(touchpoint) != LANE_FRONTSTAGE) continue;
        lint_report(context, LINT_ORPHAN_TOUCHPOINT, touchpoint->base.id_span,
                    "touchpoint '%s' is in no journey", touchpoint->base.id);
    }
    free(walked);
}

void lint_rule_persona_without_journey(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    bool *walking = memory_calloc(model->persona_count, sizeof *walking);
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t p = 0; p < journey->persona_count; p++) walking[journey->personas[p]->base.index] = true;
    }
    for (size_t p = 0; p < model->persona_count; p++) {
        const jrn_persona *persona = model->personas[p];
        if (walking[p]) continue;
        lint_report(context, LINT_PERSONA_WITHOUT_JOURNEY, persona->base.id_span,
                    "persona '%s' has no journey", persona->base.id);
    }
    free(walking);
}
