/* lint_rules_cycles.c — trapped-loop: the steps of a journey customers can never leave,
 * as the flow module finds them (one definition for lint and `jrnc flow`). */
#include "jrn/arena.h"
#include "jrn/flow.h"
#include "jrn/lint_rules.h"

/* Reported at the hop going round the trap, in the words flow uses (less the share
 * caught, which takes solving the journey to know). */
static void lint_check_journey(jrn_lint_context *context, const jrn_journey *journey)
{
    jrn_arena *arena = arena_new();
    jrn_journey_flow flow;
    flow_journey_traps(arena, context->model, journey, context->options->actuals, NULL, &flow);
    for (size_t t = 0; t < flow.trap_count; t++) {
        const jrn_flow_trap *trap = &flow.traps[t];
        jrn_strbuf message = STRBUF_INIT;
        flow_describe_trap(&flow, trap, &message);
        jrn_diag *diag = lint_report(context, LINT_TRAPPED_LOOP, trap->round->span, "%s", strbuf_text(&message));
        if (trap->observed != NULL) flow_note_observed(context->diags, diag, trap->observed);
        strbuf_free(&message);
    }
    arena_free(arena);
}

void lint_rule_trapped_loop(jrn_lint_context *context)
{
    for (size_t j = 0; j < context->model->journey_count; j++) {
        lint_check_journey(context, context->model->journeys[j]);
    }
}
