/* lint_rules_blueprint.c — rules about the service blueprint behind the journey: work
 * behind the scenes that serves nothing (backstage-touchpoint), fail points nobody owns
 * (fail-point-without-owner), and hops or measured waits (--data) longer than the wait
 * customers tolerate (wait-exceeded). */
#include "jrn/lint_rules.h"

void lint_rule_backstage_touchpoint(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        jrn_lane lane = touchpoint_lane(touchpoint);
        if (lane == LANE_FRONTSTAGE || touchpoint->service->serve_count > 0) continue;
        lint_report(context, LINT_BACKSTAGE_TOUCHPOINT, touchpoint->base.id_span,
                    "touchpoint '%s' is %s but serves nothing: a journey map shows what people "
                    "experience; name the touchpoints it makes happen with 'serves:' to draw it "
                    "in the service blueprint", touchpoint->base.id, lane_name(lane));
    }
}

void lint_rule_fail_point_without_owner(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        const jrn_touchpoint_service *service = touchpoint->service;
        if (service->fail == NULL || touchpoint->owner != NULL) continue;
        lint_report(context, LINT_FAIL_POINT_WITHOUT_OWNER, service->fail_span,
                    "touchpoint '%s' has a fail point but no owner of its own: name the team "
                    "that watches it with 'owner:'", touchpoint->base.id);
    }
}

static void lint_describe_duration(jrn_duration duration, jrn_strbuf *out)
{
    strbuf_printf(out, "%g%s", duration.amount, duration_unit_suffix(duration.unit));
}

/* With --data: the latest measured wait before a touchpoint against its standard. */
static void lint_measured_waits(jrn_lint_context *context)
{
    const jrn_actuals *actuals = context->options->actuals;
    if (actuals == NULL) return;
    const jrn_model *model = context->model;
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        const jrn_touchpoint_service *service = touchpoint->service;
        const jrn_actual *actual = service->has_wait ? data_measured_wait(actuals, touchpoint) : NULL;
        if (actual == NULL || actual->latest.value.value <= duration_in_days(service->wait)) continue;
        jrn_strbuf wait = STRBUF_INIT;
        lint_describe_duration(service->wait, &wait);
        const jrn_date *date = &actual->latest.date;
        jrn_diag *diag = lint_report(context, LINT_WAIT_EXCEEDED, service->wait_span,
                                     "customers waited %s before '%s' on %04d-%02d-%02d, longer than its "
                                     "standard of %s", actual->latest.value.text, touchpoint->base.id,
                                     date->year, date->month, date->day, strbuf_text(&wait));
        diag_add_note(context->diags, diag, actual->latest.span, "measured here");
        strbuf_free(&wait);
    }
}

void lint_rule_wait_exceeded(jrn_lint_context *context)
{
    lint_measured_waits(context);
    const jrn_model *model = context->model;
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t h = 0; h < journey->hop_count; h++) {
            const jrn_hop *hop = &journey->hops[h];
            const jrn_touchpoint_service *service = hop->to->service;
            if (!hop->has_after || !service->has_wait) continue;
            if (duration_in_days(hop->after) <= duration_in_days(service->wait)) continue;
            jrn_strbuf after = STRBUF_INIT, wait = STRBUF_INIT;
            lint_describe_duration(hop->after, &after);
            lint_describe_duration(service->wait, &wait);
            jrn_diag *diag = lint_report(context, LINT_WAIT_EXCEEDED, hop->span,
                                         "in journey '%s' the hop %s -> %s takes %s, longer than the "
                                         "%s customers tolerate at '%s'", journey->base.id,
                                         hop->from->base.id, hop->to->base.id, strbuf_text(&after),
                                         strbuf_text(&wait), hop->to->base.id);
            diag_add_note(context->diags, diag, service->wait_span, "the wait standard is set here");
            strbuf_free(&after);
            strbuf_free(&wait);
        }
    }
}
