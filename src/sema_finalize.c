/* sema_finalize.c — shapes the model once every property is applied: the flattened spine,
 * each stage's sub-stages, touchpoints and KPIs; then the checks that need the whole model. */
#include "jrn/sema.h"

#include <math.h>

/* A stage named as parent by 'in' may itself be a sub-stage only if nothing nests under it. */
static void sema_check_stage_depth(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        jrn_stage *stage = model->stages[i];
        if (stage->parent != NULL && stage->parent->parent != NULL) {
            jrn_diag *diag = diag_error(sema->diags, stage->base.id_span,
                                        "stages nest one level: '%s' is inside sub-stage '%s'",
                                        stage->base.id, stage->parent->base.id);
            diag_add_note(sema->diags, diag, stage->parent->base.id_span, "'%s' is a sub-stage of '%s'",
                          stage->parent->base.id, stage->parent->parent->base.id);
            stage->parent = stage->parent->parent;
        }
    }
}

/* Spine order: each top-level stage in declaration order, followed by its sub-stages. */
static void sema_flatten_spine(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        jrn_stage *stage = model->stages[i];
        if (stage->parent != NULL) ARENA_PUSH(sema->arena, stage->parent->children, stage->parent->child_count, stage);
    }
    jrn_stage **spine = arena_alloc_array(sema->arena, model->stage_count + 1, sizeof *spine);
    size_t position = 0;
    for (size_t i = 0; i < model->stage_count; i++) {
        jrn_stage *stage = model->stages[i];
        if (stage->parent != NULL) continue;
        spine[position++] = stage;
        for (size_t c = 0; c < stage->child_count; c++) spine[position++] = stage->children[c];
    }
    model->stages = spine;
    model->stage_count = position;
    for (size_t i = 0; i < position; i++) {
        spine[i]->spine_position = i;
        spine[i]->base.index = i;
    }
}

static void sema_attach_children(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    /* Counted first, so each stage's array is made once at its size: a stage may hold
     * thousands of touchpoints, and a doubling array leaves every outgrown copy behind. */
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        jrn_stage *stage = model->touchpoints[i]->stage;
        if (stage != NULL) stage->touchpoint_count++;
    }
    for (size_t i = 0; i < model->stage_count; i++) {
        jrn_stage *stage = model->stages[i];
        stage->touchpoints = arena_alloc_array(sema->arena, stage->touchpoint_count + 1, sizeof *stage->touchpoints);
        stage->touchpoint_count = 0;
    }
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        jrn_touchpoint *touchpoint = model->touchpoints[i];
        jrn_stage *stage = touchpoint->stage;
        if (stage != NULL) stage->touchpoints[stage->touchpoint_count++] = touchpoint;
    }
    for (size_t i = 0; i < model->kpi_count; i++) {
        jrn_kpi *kpi = model->kpis[i];
        if (kpi->on_stage != NULL) ARENA_PUSH(sema->arena, kpi->on_stage->kpis, kpi->on_stage->kpi_count, kpi);
        if (kpi->on_touchpoint != NULL) ARENA_PUSH(sema->arena, kpi->on_touchpoint->kpis, kpi->on_touchpoint->kpi_count, kpi);
        if (kpi->on_journey != NULL) ARENA_PUSH(sema->arena, kpi->on_journey->kpis, kpi->on_journey->kpi_count, kpi);
    }
}

/* Gives the touchpoints of one sub-stage the next orders, all in one slot. */
static void sema_order_sub_stage(jrn_stage *stage, jrn_touchpoint **ordered, uint32_t *next)
{
    uint32_t slot = *next;
    stage->spine_slot = slot;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        jrn_touchpoint *touchpoint = stage->touchpoints[t];
        touchpoint->spine_order = *next;
        touchpoint->spine_slot = slot;
        ordered[(*next)++] = touchpoint;
    }
}

/* The spine as written: within a top-level stage, its own touchpoints and its sub-stages
 * interleave in source (load) order, so a touchpoint declared after a sub-stage comes
 * after that sub-stage's touchpoints. */
static void sema_order_touchpoints(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    jrn_touchpoint **ordered = arena_alloc_array(sema->arena, model->touchpoint_count + 1, sizeof *ordered);
    uint32_t next = 0;
    for (size_t s = 0; s < model->stage_count; s++) {
        jrn_stage *stage = model->stages[s];
        if (stage->parent != NULL) continue;
        stage->spine_slot = next;
        size_t t = 0, c = 0;
        while (t < stage->touchpoint_count || c < stage->child_count) {
            bool take_touchpoint = c == stage->child_count ||
                (t < stage->touchpoint_count &&
                 sema_position_of(model, stage->touchpoints[t]->base.span) <
                     sema_position_of(model, stage->children[c]->base.span));
            if (take_touchpoint) {
                jrn_touchpoint *touchpoint = stage->touchpoints[t++];
                touchpoint->spine_order = touchpoint->spine_slot = next;
                ordered[next++] = touchpoint;
            } else {
                sema_order_sub_stage(stage->children[c++], ordered, &next);
            }
        }
    }
    /* Touchpoints in no stage (reported already) keep their place at the end. */
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        if (model->touchpoints[t]->stage == NULL) {
            model->touchpoints[t]->spine_order = model->touchpoints[t]->spine_slot = next;
            ordered[next++] = model->touchpoints[t];
        }
    }
    model->spine_touchpoints = ordered;
}

void sema_finalize_structure(jrn_sema *sema)
{
    sema_check_stage_depth(sema);
    sema_flatten_spine(sema);
    sema_attach_children(sema);
    sema_order_touchpoints(sema);
}

static void sema_check_stage_loops(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t i = 0; i < model->stage_count; i++) {
        jrn_stage *stage = model->stages[i];
        for (size_t l = 0; l < stage->loop_count; l++) {
            jrn_stage *target = stage->loops[l].target;
            if (target->spine_position <= stage->spine_position) continue;
            jrn_diag *diag = diag_error(sema->diags, stage->loops[l].span,
                                        "stage '%s' cannot loop forward to '%s': a loop feeds back to an "
                                        "earlier stage (or the same one)", stage->base.id, target->base.id);
            diag_add_note(sema->diags, diag, target->base.id_span, "'%s' comes later in the spine",
                          target->base.id);
        }
    }
}

static void sema_check_kpi_targets(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t i = 0; i < model->kpi_count; i++) {
        jrn_kpi *kpi = model->kpis[i];
        if (kpi->metric == NULL || !kpi->has_target || !kpi->metric->has_scale) continue;
        const jrn_scale *scale = &kpi->metric->scale;
        if (kpi->target.kind != scale->low.kind) {
            jrn_diag *diag = diag_error(sema->diags, kpi->target_span,
                                        "target %s does not fit metric '%s': its scale %s..%s takes %s",
                                        kpi->target.text, kpi->metric->base.id, scale->low.text,
                                        scale->high.text, quantity_kind_phrase(scale->low.kind));
            diag_add_note(sema->diags, diag, kpi->metric->base.id_span, "metric '%s' is declared here",
                          kpi->metric->base.id);
            continue;
        }
        if (kpi->target.value < scale->low.value - 1e-9 || kpi->target.value > scale->high.value + 1e-9) {
            jrn_diag *diag = diag_error(sema->diags, kpi->target_span,
                                        "target %s is outside the scale of metric '%s' (%s..%s)",
                                        kpi->target.text, kpi->metric->base.id, scale->low.text,
                                        scale->high.text);
            diag_add_note(sema->diags, diag, kpi->metric->base.id_span, "metric '%s' is declared here",
                          kpi->metric->base.id);
        }
    }
}

/* labels: names the whole numbers of a scale, low to high: one label per point. */
static void sema_check_metric_labels(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t i = 0; i < model->metric_count; i++) {
        jrn_metric *metric = model->metrics[i];
        if (metric->labels.count == 0) continue;
        const jrn_scale *scale = &metric->scale;
        bool whole = metric->has_scale && scale->low.kind == QUANTITY_NUMBER &&
                     scale->low.value == floor(scale->low.value) && scale->high.value == floor(scale->high.value);
        if (!whole) {
            diag_error(sema->diags, metric->base.id_span,
                       "metric '%s' has labels but no whole-number scale for them to name (such as 1..5)",
                       metric->base.id);
            continue;
        }
        double points = scale->high.value - scale->low.value + 1;
        if ((double)metric->labels.count != points) {
            diag_error(sema->diags, metric->base.id_span,
                       "metric '%s' has %zu labels for the %g points of its scale %s..%s",
                       metric->base.id, metric->labels.count, points, scale->low.text, scale->high.text);
        }
    }
}

/* Why target cannot be served from a touchpoint in lane, or NULL when it can: what a
 * touchpoint serves lies nearer the customer (backstage serves the frontstage; support the
 * frontstage or the backstage). */
static const char *sema_serve_lane_problem(jrn_lane lane, jrn_lane target)
{
    if (target == LANE_FRONTSTAGE) return NULL;
    if (lane == LANE_SUPPORT && target == LANE_BACKSTAGE) return NULL;
    return lane == LANE_SUPPORT
        ? "a support process serves backstage or frontstage touchpoints, not another support process"
        : "backstage work serves frontstage touchpoints (those the customer sees), not other backstage work";
}

/* One serves: target: not itself, nearer the customer, in the same stage or an earlier one. */
static void sema_check_served(jrn_sema *sema, const jrn_touchpoint *touchpoint, const jrn_touchpoint *target,
                              jrn_span span)
{
    if (target == touchpoint) {
        diag_error(sema->diags, span, "touchpoint '%s' serves itself", touchpoint->base.id);
        return;
    }
    const char *problem = sema_serve_lane_problem(touchpoint_lane(touchpoint), touchpoint_lane(target));
    if (problem != NULL) {
        jrn_diag *diag = diag_error(sema->diags, span, "'%s' serves '%s', which is %s: %s", touchpoint->base.id,
                                    target->base.id, lane_name(touchpoint_lane(target)), problem);
        diag_add_note(sema->diags, diag, target->base.id_span, "'%s' is declared here", target->base.id);
        return;
    }
    const jrn_stage *own = touchpoint->stage, *served = target->stage;
    if (own == NULL || served == NULL || served->spine_position <= own->spine_position) return;
    jrn_diag *diag = diag_error(sema->diags, span,
                                "'%s' serves '%s' of stage '%s', which comes after its own stage '%s'",
                                touchpoint->base.id, target->base.id, served->base.id, own->base.id);
    diag_add_note(sema->diags, diag, span_none(),
                  "a touchpoint serves those of its own stage or an earlier one, so the blueprint draws "
                  "the work in the column where the customer meets it: put '%s' in stage '%s'",
                  touchpoint->base.id, served->base.id);
}

/* serves: belongs on backstage and support touchpoints, naming what they make happen. */
static void sema_check_serves(jrn_sema *sema)
{
    const jrn_model *model = sema->model;
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        const jrn_touchpoint_service *service = touchpoint->service;
        if (service->serve_count == 0) continue;
        if (touchpoint_lane(touchpoint) == LANE_FRONTSTAGE) {
            jrn_diag *diag = diag_error(sema->diags, service->serve_spans[0],
                                        "'serves' belongs on a backstage or support touchpoint, and '%s' is frontstage",
                                        touchpoint->base.id);
            diag_add_note(sema->diags, diag, span_none(),
                          "mark it 'backstage' (work the customer does not see) or 'support' (a process "
                          "behind that work); a frontstage touchpoint is what the others serve");
            continue;
        }
        for (size_t k = 0; k < service->serve_count; k++)
            sema_check_served(sema, touchpoint, service->serves[k], service->serve_spans[k]);
    }
}

void sema_check_model(jrn_sema *sema)
{
    sema_check_serves(sema);
    sema_check_metric_labels(sema);
    sema_check_stage_loops(sema);
    sema_check_kpi_targets(sema);
}
