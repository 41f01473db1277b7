/* lint.h — the lint rule catalogue and the pass that checks a resolved model against it. */
#ifndef JRN_LINT_H
#define JRN_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/values.h"
#include "jrn/data.h"
#include "jrn/diag.h"
#include "jrn/model.h"

/* Every rule, in catalogue order (the order of --list-rules, the docs and SARIF). */
typedef enum jrn_lint_rule_id {
    LINT_UNDECLARED_LOOP,
    LINT_EMPTY_STAGE,
    LINT_STAGE_WITHOUT_KPI,
    LINT_ORPHAN_TOUCHPOINT,
    LINT_PERSONA_WITHOUT_JOURNEY,
    LINT_PERSONA_MISMATCH,
    LINT_BACKSTAGE_TOUCHPOINT,
    LINT_STALE_REVIEW,
    LINT_TOO_MANY_SEGMENTS,
    LINT_TRAPPED_LOOP,
    LINT_MIXED_EXPERIENCE,
    LINT_NO_OWNER,
    LINT_KPI_WITHOUT_TARGET,
    LINT_EFFORT_SPIKE,
    LINT_EMOTION_GAP,
    LINT_KPI_MISSED,
    LINT_KPI_NO_DATA,
    LINT_EMOTION_GAP_INTERNAL,
    LINT_UNKNOWN_RULE,
    LINT_BAD_SUPPRESSION,
    LINT_UNUSED_SUPPRESSION,
    LINT_RULE_COUNT
} jrn_lint_rule_id;

typedef struct jrn_lint_rule {
    const char *id;              /* normative: what -W, suppressions and SARIF name */
    jrn_severity severity;       /* default severity: SEVERITY_NOTE or SEVERITY_WARNING */
    bool enabled;                /* on unless enabled with -W RULE */
    const char *summary;         /* one line: when it fires */
    const char *help;            /* why it matters in a journey map, and the usual fix */
} jrn_lint_rule;

const jrn_lint_rule *lint_rule(jrn_lint_rule_id id);
/* The rule named by the length bytes at name, or LINT_RULE_COUNT when there is none. */
jrn_lint_rule_id lint_rule_find(const char *name, size_t length);
/* The rule id closest to a misspelt name, or NULL when none is close. */
const char *lint_rule_suggest(const char *name);

/* What the command line asked of one rule (-W RULE, -Wno-RULE). */
typedef enum jrn_lint_setting {
    LINT_SETTING_DEFAULT,
    LINT_SETTING_ENABLED,        /* on, and reported as at least a warning */
    LINT_SETTING_DISABLED,
} jrn_lint_setting;

typedef struct jrn_lint_options {
    jrn_date today;              /* what stale-review compares the map's review date with */
    bool warnings_are_errors;    /* --Werror */
    jrn_lint_setting settings[LINT_RULE_COUNT];
    const jrn_actuals *actuals;  /* --data: measured data for the data rules, or NULL */
} jrn_lint_options;

/* Defaults: every rule as the catalogue sets it, warnings stay warnings. */
void lint_options_init(jrn_lint_options *options);

/* The severity a finding of rule is reported with under options, or false when the
 * rule is off. */
bool lint_effective_severity(const jrn_lint_options *options, jrn_lint_rule_id rule,
                             jrn_severity *severity);

/* Runs every enabled rule over model and adds its findings, less those suppressed by
 * "# jrnc: disable=" comments, to diags (in the compilation's arena). */
void lint_model(const jrn_model *model, const jrn_lint_options *options, jrn_diag_list *diags);

#endif
