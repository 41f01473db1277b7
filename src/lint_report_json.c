/* lint_report_json.c — a lint run as one JSON document (format in docs/lint-rules.md). */
#include "jrn/lint_report.h"
#include "jrn/json_text.h"

/* Format of the document; bumped only when a field changes meaning or goes away. */
enum { LINT_JSON_VERSION = 1 };

static void lint_json_place(jrn_strbuf *out, jrn_span span)
{
    if (span.source == NULL) {
        strbuf_puts(out, "\"file\": null, \"line\": null, \"column\": null, "
                         "\"end_line\": null, \"end_column\": null");
        return;
    }
    jrn_lint_region region = lint_region_of(span);
    strbuf_puts(out, "\"file\": ");
    json_append_string(out, span.source->display_name);
    strbuf_printf(out, ", \"line\": %u, \"column\": %u, \"end_line\": %u, \"end_column\": %u",
                  region.start_line, region.start_column, region.end_line, region.end_column);
}

static void lint_json_notes(jrn_strbuf *out, const jrn_diag_note *notes)
{
    if (notes == NULL) {
        strbuf_puts(out, "[]");
        return;
    }
    strbuf_puts(out, "[\n");
    for (const jrn_diag_note *note = notes; note != NULL; note = note->next) {
        strbuf_puts(out, "        {");
        lint_json_place(out, note->span);
        strbuf_puts(out, ", \"message\": ");
        json_append_string(out, note->message);
        strbuf_puts(out, note->next != NULL ? "},\n" : "}\n");
    }
    strbuf_puts(out, "      ]");
}

static void lint_json_diagnostic(jrn_strbuf *out, const jrn_diag *diag)
{
    strbuf_puts(out, "    {\n      ");
    lint_json_place(out, diag->span);
    strbuf_printf(out, ",\n      \"severity\": \"%s\",\n      \"rule\": ",
                  diag_severity_name(diag->severity));
    if (diag->rule != NULL) json_append_string(out, diag->rule);
    else strbuf_puts(out, "null");
    strbuf_puts(out, ",\n      \"message\": ");
    json_append_string(out, diag->message);
    strbuf_puts(out, ",\n      \"notes\": ");
    lint_json_notes(out, diag->notes);
    strbuf_puts(out, "\n    }");
}

static const char *lint_json_file_status(const jrn_lint_file_result *file)
{
    if (file->unreadable) return "unreadable";
    if (file->diags != NULL && file->diags->error_count > 0) return "errors";
    return "ok";
}

void lint_report_json(const jrn_lint_run *run, jrn_strbuf *out)
{
    strbuf_printf(out, "{\n  \"version\": %d,\n  \"tool\": {\"name\": \"jrnc\", \"version\": \"%s\"},\n",
                  LINT_JSON_VERSION, JRN_VERSION);
    strbuf_puts(out, "  \"files\": [");
    for (size_t i = 0; i < run->file_count; i++) {
        strbuf_puts(out, i > 0 ? ",\n    {\"path\": " : "\n    {\"path\": ");
        json_append_string(out, run->files[i].path);
        strbuf_printf(out, ", \"status\": \"%s\"}", lint_json_file_status(&run->files[i]));
    }
    strbuf_puts(out, run->file_count > 0 ? "\n  ],\n" : "],\n");
    strbuf_puts(out, "  \"diagnostics\": [");
    bool first = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next) {
            strbuf_puts(out, first ? "\n" : ",\n");
            lint_json_diagnostic(out, diag);
            first = false;
        }
    }
    strbuf_puts(out, first ? "],\n" : "\n  ],\n");
    size_t errors, warnings, notes;
    lint_run_counts(run, &errors, &warnings, &notes);
    strbuf_printf(out, "  \"summary\": {\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu}\n}\n",
                  errors, warnings, notes);
}
