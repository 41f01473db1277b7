/* lint_emit_json.c — a lint run as one JSON document (format in docs/lint-rules.md). */
#include "jrn/lint_emit.h"
#include "jrn/json_writer.h"

/* Format of the document; bumped only when a field changes meaning or goes away. */
enum { LINT_JSON_VERSION = 1 };

/* "file", "line", "column", "end_line", "end_column": all on the line of the first. */
static void lint_json_place(json_writer *json, jrn_span span)
{
    static const char *const keys[] = {"line", "column", "end_line", "end_column"};
    if (span.source == NULL) {
        json_member_null(json, "file");
        json_relayout(json, JSON_INLINE);
        for (size_t i = 0; i < 4; i++) json_member_null(json, keys[i]);
        return;
    }
    jrn_lint_region region = lint_region_of(span);
    const unsigned values[] = {region.start_line, region.start_column, region.end_line, region.end_column};
    json_member_string(json, "file", span.source->display_name);
    json_relayout(json, JSON_INLINE);
    for (size_t i = 0; i < 4; i++) json_member_integer(json, keys[i], values[i]);
}

static void lint_json_notes(json_writer *json, const jrn_diag_note *notes)
{
    json_key(json, "notes");
    json_array_begin(json, JSON_LINES);
    for (const jrn_diag_note *note = notes; note != NULL; note = note->next) {
        json_object_begin(json, JSON_INLINE);
        lint_json_place(json, note->span);
        json_member_string(json, "message", note->message);
        json_object_end(json);
    }
    json_array_end(json);
}

static void lint_json_diagnostic(json_writer *json, const jrn_diag *diag)
{
    json_object_begin(json, JSON_LINES);
    lint_json_place(json, diag->span);
    json_relayout(json, JSON_LINES);
    json_member_string(json, "severity", diag_severity_name(diag->severity));
    json_member_string(json, "rule", diag->rule);
    json_member_string(json, "message", diag->message);
    lint_json_notes(json, diag->notes);
    json_object_end(json);
}

static const char *lint_json_file_status(const jrn_lint_file_result *file)
{
    if (file->unreadable) return "unreadable";
    if (file->diags != NULL && file->diags->error_count > 0) return "errors";
    return "ok";
}

void lint_emit_json(const jrn_lint_run *run, jrn_strbuf *out)
{
    json_writer json = json_writer_start(out, NULL, JSON_NUMBER_ROUND_TRIP);
    json_object_begin(&json, JSON_LINES);
    json_member_integer(&json, "version", LINT_JSON_VERSION);
    json_key(&json, "tool");
    json_object_begin(&json, JSON_INLINE);
    json_member_string(&json, "name", "jrnc");
    json_member_string(&json, "version", JRN_VERSION);
    json_object_end(&json);
    json_key(&json, "files");
    json_array_begin(&json, JSON_LINES);
    for (size_t i = 0; i < run->file_count; i++) {
        json_object_begin(&json, JSON_INLINE);
        json_member_string(&json, "path", run->files[i].path);
        json_member_string(&json, "status", lint_json_file_status(&run->files[i]));
        json_object_end(&json);
    }
    json_array_end(&json);
    json_key(&json, "diagnostics");
    json_array_begin(&json, JSON_LINES);
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next)
            lint_json_diagnostic(&json, diag);
    }
    json_array_end(&json);
    size_t errors, warnings, notes;
    lint_run_counts(run, &errors, &warnings, &notes);
    json_key(&json, "summary");
    json_object_begin(&json, JSON_INLINE);
    json_member_integer(&json, "errors", errors);
    json_member_integer(&json, "warnings", warnings);
    json_member_integer(&json, "notes", notes);
    json_object_end(&json);
    json_object_end(&json);
    strbuf_putc(out, '\n');
}
