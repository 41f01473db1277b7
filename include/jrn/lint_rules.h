/* lint_rules.h — the contract between the lint driver and the rule functions: the context
 * each rule gets, the one way a rule reports a finding, and the rules themselves. */
#ifndef JRN_LINT_RULES_H
#define JRN_LINT_RULES_H

#include <stdarg.h>
#include <stdbool.h>

#include "jrn/diag.h"
#include "jrn/lint.h"
#include "jrn/model.h"

typedef struct jrn_lint_suppressions jrn_lint_suppressions;

typedef struct jrn_lint_context {
    const jrn_model *model;
    const jrn_lint_options *options;
    jrn_diag_list *diags;
    jrn_lint_suppressions *suppressions;   /* NULL while the suppressions are being read */
} jrn_lint_context;

/* Reports a finding of rule about the construct at span, unless the rule is off or a
 * "# jrnc: disable" comment covers it. A construct in an imported file is reported at
 * the root file's "use" that brought it in, with a "declared here" note at span.
 * Returns the diagnostic (for notes), or NULL when nothing was reported. */
jrn_diag *lint_report(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_span span,
                      const char *format, ...) __attribute__((format(printf, 4, 5)));
/* A finding that only informs even where the rule's findings are warnings (stale-review
 * when the map has no review date): a note, or a warning under -W RULE. */
jrn_diag *lint_report_note(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_span span,
                           const char *format, ...) __attribute__((format(printf, 4, 5)));
/* What both come down to: base is the severity before -W and --Werror apply, and
 * relocated_note the note for a finding moved to a "use" ("written here" for comments). */
jrn_diag *lint_vreport(jrn_lint_context *context, jrn_lint_rule_id rule, jrn_severity base,
                       jrn_span span, const char *relocated_note, const char *format,
                       va_list arguments) __attribute__((format(printf, 6, 0)));

/* Reads every "# jrnc: disable=..." comment of the model's files; reports unknown rule
 * names and malformed directives as it goes. */
jrn_lint_suppressions *lint_suppressions_read(jrn_lint_context *context);
/* True when a directive turns rule off at span (its line, or its whole file); marks
 * that directive as used. */
bool lint_suppressions_cover(jrn_lint_suppressions *suppressions, jrn_lint_rule_id rule,
                             jrn_span span);
/* Reports the directives that turned nothing off (rule unused-suppression). */
void lint_suppressions_report_unused(jrn_lint_context *context);

/* Wording the rules share. "unhappy (-1)", or the number alone off the labelled points. */
void lint_describe_emotion(const jrn_model *model, double value, jrn_strbuf *out);
/* "touchpoint 'ticket'": what a KPI is on. */
void lint_describe_kpi_holder(const jrn_kpi *kpi, jrn_strbuf *out);

/* One function per rule; each walks the model in declaration order. */
void lint_rule_undeclared_loop(jrn_lint_context *context);
void lint_rule_empty_stage(jrn_lint_context *context);
void lint_rule_stage_without_kpi(jrn_lint_context *context);
void lint_rule_orphan_touchpoint(jrn_lint_context *context);
void lint_rule_persona_without_journey(jrn_lint_context *context);
void lint_rule_persona_mismatch(jrn_lint_context *context);
void lint_rule_backstage_touchpoint(jrn_lint_context *context);
void lint_rule_fail_point_without_owner(jrn_lint_context *context);
void lint_rule_wait_exceeded(jrn_lint_context *context);
void lint_rule_stale_review(jrn_lint_context *context);
void lint_rule_too_many_segments(jrn_lint_context *context);
void lint_rule_trapped_loop(jrn_lint_context *context);
void lint_rule_mixed_experience(jrn_lint_context *context);
void lint_rule_no_owner(jrn_lint_context *context);
void lint_rule_kpi_without_target(jrn_lint_context *context);
void lint_rule_effort_spike(jrn_lint_context *context);
void lint_rule_emotion_gap(jrn_lint_context *context);
void lint_rule_kpi_missed(jrn_lint_context *context);
void lint_rule_kpi_no_data(jrn_lint_context *context);
void lint_rule_emotion_gap_internal(jrn_lint_context *context);

#endif
