/* lint.c — the rule catalogue and the driver: runs each enabled rule over the model and
 * reports its findings with the severity the command line asked for. */
#include "jrn/lint.h"

#include <string.h>

#include "jrn/lint_rules.h"
#include "jrn/strbuf.h"
#include "jrn/suggest.h"

static const jrn_lint_rule lint_catalogue[LINT_RULE_COUNT] = {
    [LINT_UNDECLARED_LOOP] = {
        "undeclared-loop", SEVERITY_WARNING, true,
        "a journey hop goes back to an earlier stage that no 'loops:' declares",
        "Journeys are not strictly linear: relationship strengthening feeds back into earlier "
        "stages, re-certification returns to adoption. A map says which feedback it expects "
        "with 'loops:' on the stage the customer comes from; a hop back that no 'loops:' "
        "covers is either a missing declaration or a customer sent backwards by accident. "
        "Declare the loop on the stage the hop leaves ('loops: TARGET') or fix the hop."},
    [LINT_EMPTY_STAGE] = {
        "empty-stage", SEVERITY_WARNING, true,
        "a stage has no touchpoint",
        "Customers experience a stage through its touchpoints; a stage with none is a gap in "
        "the map, the most common one a mapping workshop finds. List the interactions "
        "customers have at that stage (extend an imported stage to add them), or take the "
        "stage out of the spine."},
    [LINT_STAGE_WITHOUT_KPI] = {
        "stage-without-kpi", SEVERITY_WARNING, true,
        "neither a stage nor any of its touchpoints has a KPI",
        "Measure and evolve: a map only drives improvement when every stage is measured, "
        "with a target and a collection rhythm. Add a 'kpi' to the stage or to one of its "
        "touchpoints."},
    [LINT_ORPHAN_TOUCHPOINT] = {
        "orphan-touchpoint", SEVERITY_WARNING, true,
        "a touchpoint is in no journey, in a map that has journeys",
        "Journeys list the touchpoints each persona actually goes through. A touchpoint no "
        "journey steps on is missing from a journey or no longer part of the experience. "
        "Add it to the journeys of the personas who meet it, or remove it."},
    [LINT_PERSONA_WITHOUT_JOURNEY] = {
        "persona-without-journey", SEVERITY_WARNING, true,
        "a persona is walked by no journey",
        "Each persona has its own journey: an end user's steps differ from a system "
        "administrator's. A persona that no journey is 'for' has not been mapped yet. Add a "
        "journey for it, or drop the persona."},
    [LINT_PERSONA_MISMATCH] = {
        "persona-mismatch", SEVERITY_WARNING, true,
        "a journey steps on a touchpoint reserved to other personas",
        "A touchpoint with 'persona:' serves those personas only. A journey for another "
        "persona stepping on it means the journey is wrong or the touchpoint serves more "
        "personas than it says. Add the persona to the touchpoint, or take the step out of "
        "the journey."},
    [LINT_BACKSTAGE_TOUCHPOINT] = {
        "backstage-touchpoint", SEVERITY_WARNING, true,
        "a backstage or support touchpoint serves nothing",
        "A customer journey map is drawn through the customer's eyes: it shows what the "
        "customer sees and experiences. Work behind the scenes belongs in the service "
        "blueprint, lined up under the frontstage touchpoints it makes happen. Name them "
        "with 'serves:', or map the customer-facing touchpoint the process produces "
        "instead."},
    [LINT_STALE_REVIEW] = {
        "stale-review", SEVERITY_WARNING, true,
        "the map's 'reviewed' date is more than 12 months old (a note when there is none)",
        "Journey maps are living documents: mature ones are reviewed at least yearly to add "
        "or merge personas, add and remove touchpoints and compare the map with what "
        "customers report. Review the map, then set 'reviewed:' on it to the date."},
    [LINT_TOO_MANY_SEGMENTS] = {
        "too-many-segments", SEVERITY_WARNING, true,
        "a map has more than four segments (reported at the fifth)",
        "Segments split the customer base where behaviour after the sale differs; few "
        "organisations need more than three or four. More usually mirrors sales territories "
        "or product lines whose customers behave alike. Merge segments that share personas "
        "and journeys, or split the map."},
    [LINT_TRAPPED_LOOP] = {
        "trapped-loop", SEVERITY_WARNING, true,
        "a journey has a cycle of steps customers can never leave",
        "Customers who reach a cycle with no way out go round it for ever and never reach "
        "the outcome they came for: a ticket bounced between teams, a journey with no end. "
        "A way out is a hop to a step outside the cycle, or a step of it whose hops all "
        "have rates adding up to less than 100% (the rest are lost there); a hop rated 0% "
        "is never taken. Declared loops and hops back to earlier stages count like any "
        "other hop: going round is fine, going round for ever is not. This is the trap "
        "'jrnc flow' reports, with the share of customers caught. Give the cycle an end "
        "to reach, or a rate below 100% on the hop that goes round."},
    [LINT_MIXED_EXPERIENCE] = {
        "mixed-experience", SEVERITY_NOTE, true,
        "a touchpoint is both a pain point and a moment of delight",
        "Heat-mapping a touchpoint as both pain and delight is allowed: it signals an "
        "inconsistent experience, delighting some customers and frustrating others. Find "
        "what differs between them (segment, channel, team) and split the touchpoint if they "
        "are two experiences."},
    [LINT_NO_OWNER] = {
        "no-owner", SEVERITY_WARNING, true,
        "a stage or touchpoint has nobody accountable",
        "Every interaction needs a team accountable for it, or improvements have nowhere to "
        "land. A touchpoint is covered by its own 'owner:' or its stage's; a stage by its "
        "own, its parent stage's or the map's. Give the stage, or the map, an owner."},
    [LINT_KPI_WITHOUT_TARGET] = {
        "kpi-without-target", SEVERITY_WARNING, true,
        "a KPI has no target or no collection frequency",
        "A KPI is measured against a target at a known rhythm: without a target nobody can "
        "tell good from bad, without 'every:' nobody collects it. Add 'target:' in the "
        "metric's scale and 'every: daily|weekly|monthly|quarterly|yearly'."},
    [LINT_EFFORT_SPIKE] = {
        "effort-spike", SEVERITY_NOTE, true,
        "a hop into another stage lands on a touchpoint of effort 4 or 5",
        "The steps between stages are where customers meet the highest effort, and effort "
        "drives churn. A hop into a new stage that lands on a touchpoint of effort 4 or 5 "
        "is a hand-over to smooth: prepare the customer, lower the effort, or add a "
        "proactive-service 'trigger:'."},
    [LINT_EMOTION_GAP] = {
        "emotion-gap", SEVERITY_NOTE, true,
        "a stage's aspiration is 3 or more points above its emotion",
        "Comparing how customers feel at a stage now with how we want them to feel shows "
        "where to invest. A gap of 3 points or more on the emotion scale (unhappy now, "
        "delighted wanted) marks a stage to prioritise; record what causes it as pain "
        "points and opportunities, on the stage itself (pain:, opportunity:) or on its "
        "touchpoints."},
    [LINT_KPI_MISSED] = {
        "kpi-missed", SEVERITY_WARNING, true,
        "measured data (--data) shows a KPI missing its target",
        "Measure and evolve: a KPI's latest measured value against its target says whether "
        "the stage or touchpoint delivers what the map promises. A missed target is where "
        "to look first; the finding names the previous value too, so a team can tell a dip "
        "from a trend. Improve the experience, or revisit a target nobody can reach."},
    [LINT_KPI_NO_DATA] = {
        "kpi-no-data", SEVERITY_NOTE, true,
        "measured data (--data) has no value for a KPI",
        "A KPI nobody reports is a KPI nobody manages: with measured data given, each KPI "
        "should have a value in it. Add the KPI's latest value to the data (subject: the "
        "stage, touchpoint or journey; metric: the KPI's metric), or drop the KPI."},
    [LINT_EMOTION_GAP_INTERNAL] = {
        "emotion-gap-internal", SEVERITY_WARNING, true,
        "customers report an emotion 2 or more points from what the map assumes",
        "The gap analysis of the internal view against the customer view: the map's "
        "'emotion:' is what the team believes customers feel; measured data (--data, metric "
        "emotion) is what customers report. A difference of 2 points or more on the emotion "
        "scale means the map is out of date or the team misreads the experience. Update "
        "'emotion:' to what customers report and find out why the views differ."},
    [LINT_FAIL_POINT_WITHOUT_OWNER] = {
        "fail-point-without-owner", SEVERITY_WARNING, true,
        "a touchpoint with a fail point names no owner of its own",
        "A fail point ('fail:') is where the service is known to break; in the service "
        "blueprint it is the place to watch and to fix first. Nobody fixes what belongs to "
        "everybody: the stage's or the map's owner is too far away. Give the touchpoint an "
        "'owner:'."},
    [LINT_WAIT_EXCEEDED] = {
        "wait-exceeded", SEVERITY_WARNING, true,
        "a hop takes longer than the wait customers tolerate at its step",
        "A touchpoint's 'wait:' is its time standard: the longest wait customers accept "
        "before it (the queue at the desk, the towels after the call). A journey hop into it "
        "whose typical time ('after:') is longer breaks the standard for every customer on "
        "that path. Shorten the wait, or set the standard customers really accept."},
    [LINT_UNKNOWN_RULE] = {
        "unknown-rule", SEVERITY_WARNING, true,
        "a suppression comment names a rule that does not exist",
        "'# jrnc: disable=RULE' turns the named rules off; a misspelt name turns nothing "
        "off, so the finding it was meant to silence is still reported, or a rename quietly "
        "stops a suppression working. Use an id from 'jrnc lint --list-rules'."},
    [LINT_BAD_SUPPRESSION] = {
        "bad-suppression", SEVERITY_WARNING, true,
        "a '# jrnc:' comment is not a directive lint understands",
        "Comments starting '# jrnc:' are lint directives: 'disable=RULE[,RULE]' or "
        "'disable-file=RULE[,RULE]'. Anything else there disables nothing, which is rarely "
        "what its author meant."},
    [LINT_UNUSED_SUPPRESSION] = {
        "unused-suppression", SEVERITY_WARNING, false,
        "a suppression turns nothing off",
        "Suppressions outlive the problems they hid: once the map is fixed the comment stays "
        "and would hide the next real finding there. Remove directives that no longer "
        "suppress anything."},
};

typedef void (*lint_check)(jrn_lint_context *context);

/* The suppression rules have no check of their own: lint_suppress.c reports them. */
static const lint_check lint_checks[LINT_RULE_COUNT] = {
    [LINT_UNDECLARED_LOOP] = lint_rule_undeclared_loop,
    [LINT_EMPTY_STAGE] = lint_rule_empty_stage,
    [LINT_STAGE_WITHOUT_KPI] = lint_rule_stage_without_kpi,
    [LINT_ORPHAN_TOUCHPOINT] = lint_rule_orphan_touchpoint,
    [LINT_PERSONA_WITHOUT_JOURNEY] = lint_rule_persona_without_journey,
    [LINT_PERSONA_MISMATCH] = lint_rule_persona_mismatch,
    [LINT_BACKSTAGE_TOUCHPOINT] = lint_rule_backstage_touchpoint,
    [LINT_STALE_REVIEW] = lint_rule_stale_review,
    [LINT_TOO_MANY_SEGMENTS] = lint_rule_too_many_segments,
    [LINT_TRAPPED_LOOP] = lint_rule_trapped_loop,
    [LINT_MIXED_EXPERIENCE] = lint_rule_mixed_experience,
    [LINT_NO_OWNER] = lint_rule_no_owner,
    [LINT_KPI_WITHOUT_TARGET] = lint_rule_kpi_without_target,
    [LINT_EFFORT_SPIKE] = lint_rule_effort_spike,
    [LINT_EMOTION_GAP] = lint_rule_emotion_gap,
    [LINT_KPI_MISSED] = lint_rule_kpi_missed,
    [LINT_KPI_NO_DATA] = lint_rule_kpi_no_data,
    [LINT_EMOTION_GAP_INTERNAL] = lint_rule_emotion_gap_internal,
    [LINT_FAIL_POINT_WITHOUT_OWNER] = lint_rule_fail_point_without_owner,
    [LINT_WAIT_EXCEEDED] = lint_rule_wait_exceeded,
};

const jrn_lint_rule *lint_rule(jrn_lint_rule_id id)
{
    return id < LINT_RULE_COUNT ? &lint_catalogue[id] : NULL;
}

jrn_lint_rule_id lint_rule_find(const char *name, size_t length)
{
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) {
        const char *id = lint_catalogue[i].id;
        if (strlen(id) == length && memcmp(id, name, length) == 0) return (jrn_lint_rule_id)i;
    }
    return LINT_RULE_COUNT;
}

const char *lint_rule_suggest(const char *name)
{
    jrn_suggester suggester;
    suggest_begin(&suggester, name);
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) suggest_consider(&suggester, lint_catalogue[i].id);
    return suggest_result(&suggester);
}

void lint_options_init(jrn_lint_options *options)
{
    memset(options, 0, sizeof *options);
}

/* The severity of a finding whose rule reports it as base, or false when the rule is off. */
static bool lint_severity_for(const jrn_lint_options *options, jrn_lint_rule_id rule,
                              jrn_severity base, jrn_severity *severity)
{
    if (rule >= LINT_RULE_COUNT) return false;
    jrn_lint_setting setting = options->settings[rule];
    if (setting == LINT_SETTING_DISABLED) return false;
    if (setting == LINT_SETTING_DEFAULT && !lint_rule(rule)->enabled) return false;
    jrn_severity chosen = base;
    /* Asking for a rule by name means its findings count: a note becomes a warning. */
    if (setting == LINT_SETTING_ENABLED && chosen == SEVERITY_NOTE) chosen = SEVERITY_WARNING;
    if (options->warnings_are_errors && chosen == SEVERITY_WARNING) chosen = SEVERITY_ERROR;
    *severity = chosen;
    return true;
}

bool lint_effective_severity(const jrn_lint_options *options, jrn_lint_rule_id rule,
                             jrn_severity *severity)
{
    return lint_severity_for(options, rule, lint_rule(rule)->severity, severity);
}

static bool lint_spans_equal(jrn_span left, jrn_span right)
{
    return left.source == right.source && left.begin == right.begin && left.end == right.end;
}

jrn_diag *lint_vreport(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_severity base,
                       jrn_span span, const char *relocated_note, const char *format,
                       va_list arguments)
{
    jrn_severity severity;
    if (!lint_severity_for(context->options, rule, base, &severity)) return NULL;
    jrn_span where = model_report_span(context->model, span);
    bool relocated = !lint_spans_equal(where, span);
    if (context->suppressions != NULL) {
        /* A directive beside the construct or beside the "use" that brought it in. */
        bool covered = lint_suppressions_cover(context->suppressions, rule, span);
        if (relocated) covered |= lint_suppressions_cover(context->suppressions, rule, where);
        if (covered) return NULL;
    }
    jrn_strbuf message = STRBUF_INIT;
    strbuf_vprintf(&message, format, arguments);
    jrn_diag *diag = diag_report(context->diags, severity, lint_rule(rule)->id, where, "%s",
                                 strbuf_text(&message));
    strbuf_free(&message);
    if (relocated && span.source != NULL) diag_add_note(context->diags, diag, span, "%s", relocated_note);
    return diag;
}

jrn_diag *lint_report(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_span span,
                      const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    jrn_diag *diag = lint_vreport(context, rule, lint_rule(rule)->severity, span, "declared here",
                                  format, arguments);
    va_end(arguments);
    return diag;
}

jrn_diag *lint_report_note(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_span span,
                           const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    jrn_diag *diag = lint_vreport(context, rule, SEVERITY_NOTE, span, "declared here", format,
                                  arguments);
    va_end(arguments);
    return diag;
}

void lint_model(const jrn_model *model, const jrn_lint_options *options, jrn_diag_list *diags)
{
    jrn_lint_context context = {model, options, diags, NULL};
    context.suppressions = lint_suppressions_read(&context);
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) {
        jrn_severity severity;
        if (lint_checks[i] == NULL) continue;
        if (!lint_effective_severity(options, (jrn_lint_rule_id)i, &severity)) continue;
        lint_checks[i](&context);
    }
    lint_suppressions_report_unused(&context);
}
