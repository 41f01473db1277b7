/* lint_rules_stages.c — rules about the spine's stages: gaps (empty-stage), measurement
 * (stage-without-kpi), accountability (no-owner) and feeling (emotion-gap). */
#include <stdlib.h>

#include "jrn/lint_rules.h"
#include "jrn/memory.h"

void lint_rule_empty_stage(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        /* A stage split into sub-stages holds its touchpoints there; the empty ones
         * among those are reported themselves. */
        if (stage->touchpoint_count > 0 || stage->child_count > 0) continue;
        lint_report(context, LINT_EMPTY_STAGE, stage->base.id_span, "stage '%s' has no touchpoint",
                    stage->base.id);
    }
}

static bool lint_stage_measures_itself(const jrn_stage *stage)
{
    if (stage->kpi_count > 0) return true;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        if (stage->touchpoints[t]->kpi_count > 0) return true;
    }
    return false;
}

/* A stage is measured by a KPI on it, on one of its touchpoints, anywhere below it, or
 * on a stage above it (a KPI on "support" measures its sub-stages too). */
static bool *lint_measured_stages(const jrn_model *model)
{
    bool *measured = memory_calloc(model->stage_count, sizeof *measured);
    bool *kpi_above = memory_calloc(model->stage_count, sizeof *kpi_above);
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (!lint_stage_measures_itself(stage)) continue;
        for (const jrn_stage *above = stage; above != NULL; above = above->parent) {
            measured[above->base.index] = true;
        }
    }
    /* The spine lists parents before their sub-stages, so one pass hands KPIs down. */
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *parent = model->stages[i]->parent;
        if (parent == NULL) continue;
        kpi_above[i] = parent->kpi_count > 0 || kpi_above[parent->base.index];
        if (kpi_above[i]) measured[i] = true;
    }
    free(kpi_above);
    return measured;
}

void lint_rule_stage_without_kpi(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    bool *measured = lint_measured_stages(model);
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (measured[stage->base.index]) continue;
        /* An unmeasured parent makes every sub-stage unmeasured: report the parent only. */
        if (stage->parent != NULL && !measured[stage->parent->base.index]) continue;
        const char *what = stage->child_count > 0 ? ", its touchpoints or its sub-stages"
                           : stage->touchpoint_count > 0 ? " or any of its touchpoints"
                                                         : "";
        lint_report(context, LINT_STAGE_WITHOUT_KPI, stage->base.id_span,
                    "no KPI measures stage '%s'%s", stage->base.id, what);
    }
    free(measured);
}

static const jrn_team *lint_stage_owner(const jrn_model *model, const jrn_stage *stage)
{
    for (const jrn_stage *above = stage; above != NULL; above = above->parent) {
        if (above->owner != NULL) return above->owner;
    }
    return model->map.owner;
}

static size_t lint_unowned_touchpoints(const jrn_stage *stage)
{
    size_t count = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        if (stage->touchpoints[t]->owner == NULL) count++;
    }
    return count;
}

/* Ownership is inherited: a touchpoint by its stage, a stage by its parent and the map.
 * So a touchpoint can only lack an owner when its stage does, and the stage's finding
 * (which counts such touchpoints) is the one place to fix it. */
void lint_rule_no_owner(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (lint_stage_owner(model, stage) != NULL) continue;
        if (stage->parent != NULL) continue;   /* the parent's finding covers it */
        size_t unowned = lint_unowned_touchpoints(stage);
        for (size_t c = 0; c < stage->child_count; c++) {
            if (stage->children[c]->owner == NULL) unowned += lint_unowned_touchpoints(stage->children[c]);
        }
        if (unowned == 0) {
            lint_report(context, LINT_NO_OWNER, stage->base.id_span,
                        "stage '%s' has no owner, and the map has none it could inherit",
                        stage->base.id);
        } else {
            lint_report(context, LINT_NO_OWNER, stage->base.id_span,
                        "stage '%s' has no owner, and the map has none it could inherit; "
                        "%zu of its touchpoints %s none either", stage->base.id, unowned,
                        unowned == 1 ? "has" : "have");
        }
    }
}

/* "unhappy (-1)" when the emotion scale names the value, else "-1". */
void lint_describe_emotion(const jrn_model *model, double value, jrn_strbuf *out)
{
    const char *label = model_emotion_label(model, value);
    if (label != NULL) strbuf_printf(out, "%s (%g)", label, value);
    else strbuf_printf(out, "%g", value);
}

enum { LINT_EMOTION_GAP_THRESHOLD = 3 };

void lint_rule_emotion_gap(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (!stage->has_emotion || !stage->has_aspiration) continue;
        double gap = stage->aspiration - stage->emotion;
        if (gap < LINT_EMOTION_GAP_THRESHOLD) continue;
        jrn_strbuf now = STRBUF_INIT, wanted = STRBUF_INIT;
        lint_describe_emotion(model, stage->emotion, &now);
        lint_describe_emotion(model, stage->aspiration, &wanted);
        lint_report(context, LINT_EMOTION_GAP, stage->base.id_span,
                    "stage '%s' feels %s where the aim is %s: a gap of %g points",
                    stage->base.id, strbuf_text(&now), strbuf_text(&wanted), gap);
        strbuf_free(&now);
        strbuf_free(&wanted);
    }
}
