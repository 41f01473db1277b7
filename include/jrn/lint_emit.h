/* lint_emit.h — the results of one `jrnc lint` run (every FILE) as a JSON document or
 * a SARIF 2.1.0 log, and the helpers both renderers share. */
#ifndef JRN_LINT_EMIT_H
#define JRN_LINT_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/diag.h"
#include "jrn/lint.h"
#include "jrn/strbuf.h"


/* One FILE of the command line. */
typedef struct jrn_lint_file_result {
    const char *path;                /* as named on the command line */
    const jrn_diag_list *diags;      /* its compile diagnostics and lint findings, sorted */
    bool unreadable;                 /* could not be read: a usage/I-O failure */
} jrn_lint_file_result;

typedef struct jrn_lint_run {
    const jrn_lint_file_result *files;
    size_t file_count;
    const jrn_lint_options *options;
} jrn_lint_run;

/* The JSON document described in docs/lint-rules.md. */
void lint_emit_json(const jrn_lint_run *run, jrn_strbuf *out);
/* A SARIF 2.1.0 log with one run, ready for GitHub code scanning. */
void lint_emit_sarif(const jrn_lint_run *run, jrn_strbuf *out);

/* A span as 1-based lines and columns (code points); the end is exclusive. An empty
 * span covers the character it points at, as the caret in the text form does. */
typedef struct jrn_lint_region {
    uint32_t start_line, start_column;
    uint32_t end_line, end_column;
} jrn_lint_region;

jrn_lint_region lint_region_of(jrn_span span);
/* A file path as a URI reference: relative paths stay relative, absolute ones become
 * file:// URIs; reserved and non-ASCII bytes are percent-encoded. */
void lint_path_uri(jrn_strbuf *out, const char *path);
/* Counts of a run's diagnostics by severity, over every file. */
void lint_run_counts(const jrn_lint_run *run, size_t *errors, size_t *warnings, size_t *notes);

#endif
