/* lint_report_sarif.c — a lint run as a SARIF 2.1.0 log: the rule catalogue as the
 * driver's rules, findings and compile errors as results (what code scanning uploads). */
#include "jrn/lint_report.h"
#include "jrn/json_text.h"

#include <string.h>

#define LINT_SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* Compile errors are results too, so a map that does not compile shows up in code
 * scanning; they need a rule of their own, listed after the catalogue. */
#define LINT_SARIF_COMPILE_RULE "compile-error"
enum { LINT_SARIF_COMPILE_RULE_INDEX = LINT_RULE_COUNT };

static const char *lint_sarif_level(jrn_severity severity)
{
    switch (severity) {
    case SEVERITY_NOTE: return "note";
    case SEVERITY_WARNING: return "warning";
    case SEVERITY_ERROR: return "error";
    }
    return "error";
}

/* "undeclared-loop" -> "UndeclaredLoop": SARIF's human-readable rule name. */
static void lint_sarif_rule_name(jrn_strbuf *out, const char *id)
{
    bool upper = true;
    strbuf_putc(out, '"');
    for (const char *at = id; *at != '\0'; at++) {
        if (*at == '-') {
            upper = true;
            continue;
        }
        char character = *at;
        if (upper && character >= 'a' && character <= 'z') character = (char)(character - 'a' + 'A');
        strbuf_putc(out, character);
        upper = false;
    }
    strbuf_putc(out, '"');
}

static void lint_sarif_text(jrn_strbuf *out, const char *key, const char *text)
{
    strbuf_printf(out, "\"%s\": {\"text\": ", key);
    json_append_string(out, text);
    strbuf_putc(out, '}');
}

static void lint_sarif_rule(jrn_strbuf *out, const char *id, const char *summary,
                            const char *help, const char *level, bool enabled)
{
    strbuf_puts(out, "            {\n              \"id\": ");
    json_append_string(out, id);
    strbuf_puts(out, ",\n              \"name\": ");
    lint_sarif_rule_name(out, id);
    strbuf_puts(out, ",\n              ");
    lint_sarif_text(out, "shortDescription", summary);
    strbuf_puts(out, ",\n              ");
    lint_sarif_text(out, "fullDescription", help);
    strbuf_puts(out, ",\n              ");
    lint_sarif_text(out, "help", help);
    strbuf_printf(out, ",\n              \"defaultConfiguration\": {\"enabled\": %s, \"level\": \"%s\"}",
                  enabled ? "true" : "false", level);
    strbuf_puts(out, ",\n              \"properties\": {\"tags\": [\"journey-map\"]}\n            }");
}

static void lint_sarif_rules(jrn_strbuf *out)
{
    strbuf_puts(out, "          \"rules\": [\n");
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) {
        const jrn_lint_rule *rule = lint_rule((jrn_lint_rule_id)i);
        lint_sarif_rule(out, rule->id, rule->summary, rule->help, lint_sarif_level(rule->severity),
                        rule->enabled);
        strbuf_puts(out, ",\n");
    }
    lint_sarif_rule(out, LINT_SARIF_COMPILE_RULE, "the file does not compile",
                    "The map has errors that 'jrnc check' reports: a syntax error, a name that "
                    "does not resolve, a property of the wrong type. Nothing else is checked "
                    "until it compiles. Fix the error the message names.",
                    "error", true);
    strbuf_puts(out, "\n          ]\n");
}

static size_t lint_sarif_rule_index(const jrn_diag *diag)
{
    if (diag->rule == NULL) return LINT_SARIF_COMPILE_RULE_INDEX;
    jrn_lint_rule_id id = lint_rule_find(diag->rule, strlen(diag->rule));
    return id == LINT_RULE_COUNT ? LINT_SARIF_COMPILE_RULE_INDEX : (size_t)id;
}

static void lint_sarif_physical_location(jrn_strbuf *out, jrn_span span)
{
    const jrn_source *source = span.source;
    strbuf_puts(out, "\"physicalLocation\": {\"artifactLocation\": {");
    if (strcmp(source->path, "-") == 0) {
        /* Standard input has no URI: say what it was. */
        strbuf_puts(out, "\"description\": {\"text\": \"standard input\"}");
    } else {
        strbuf_puts(out, "\"uri\": \"");
        jrn_strbuf uri = STRBUF_INIT;
        lint_path_uri(&uri, source->path);
        strbuf_append(out, strbuf_text(&uri), uri.length);
        strbuf_putc(out, '"');
        if (source->path[0] != '/') strbuf_puts(out, ", \"uriBaseId\": \"%SRCROOT%\"");
        strbuf_free(&uri);
    }
    jrn_lint_region region = lint_region_of(span);
    strbuf_printf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u, "
                       "\"endLine\": %u, \"endColumn\": %u}}",
                  region.start_line, region.start_column, region.end_line, region.end_column);
}

/* The message, with the notes that have no place of their own appended. */
static void lint_sarif_message(jrn_strbuf *out, const jrn_diag *diag)
{
    jrn_strbuf text = STRBUF_INIT;
    strbuf_puts(&text, diag->message);
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        if (note->span.source == NULL) strbuf_printf(&text, "\n%s", note->message);
    }
    lint_sarif_text(out, "message", strbuf_text(&text));
    strbuf_free(&text);
}

static void lint_sarif_related(jrn_strbuf *out, const jrn_diag *diag)
{
    size_t id = 0;
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        if (note->span.source == NULL) continue;
        strbuf_puts(out, id == 0 ? ",\n          \"relatedLocations\": [\n" : ",\n");
        strbuf_printf(out, "            {\"id\": %zu, ", ++id);
        lint_sarif_physical_location(out, note->span);
        strbuf_puts(out, ", ");
        lint_sarif_text(out, "message", note->message);
        strbuf_putc(out, '}');
    }
    if (id > 0) strbuf_puts(out, "\n          ]");
}

static void lint_sarif_result(jrn_strbuf *out, const jrn_diag *diag)
{
    size_t index = lint_sarif_rule_index(diag);
    const char *rule_id = index == LINT_SARIF_COMPILE_RULE_INDEX
                              ? LINT_SARIF_COMPILE_RULE
                              : lint_rule((jrn_lint_rule_id)index)->id;
    strbuf_printf(out, "        {\n          \"ruleId\": \"%s\",\n          \"ruleIndex\": %zu,\n"
                       "          \"level\": \"%s\",\n          ",
                  rule_id, index, lint_sarif_level(diag->severity));
    lint_sarif_message(out, diag);
    strbuf_puts(out, ",\n          \"locations\": [{");
    lint_sarif_physical_location(out, diag->span);
    strbuf_puts(out, "}]");
    lint_sarif_related(out, diag);
    strbuf_puts(out, "\n        }");
}

/* Diagnostics without a place (an unreadable file) are about the run, not the map. */
static void lint_sarif_notifications(jrn_strbuf *out, const jrn_lint_run *run)
{
    bool first = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next) {
            if (diag->span.source != NULL) continue;
            strbuf_puts(out, first ? ",\n          \"toolExecutionNotifications\": [\n" : ",\n");
            strbuf_printf(out, "            {\"level\": \"%s\", ", lint_sarif_level(diag->severity));
            lint_sarif_message(out, diag);
            strbuf_putc(out, '}');
            first = false;
        }
    }
    if (!first) strbuf_puts(out, "\n          ]");
}

static void lint_sarif_invocation(jrn_strbuf *out, const jrn_lint_run *run)
{
    bool successful = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].unreadable) successful = false;
    }
    strbuf_printf(out, "      \"invocations\": [\n        {\n          \"executionSuccessful\": %s",
                  successful ? "true" : "false");
    lint_sarif_notifications(out, run);
    strbuf_puts(out, "\n        }\n      ],\n");
}

static void lint_sarif_results(jrn_strbuf *out, const jrn_lint_run *run)
{
    strbuf_puts(out, "      \"results\": [");
    bool first = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next) {
            if (diag->span.source == NULL) continue;
            strbuf_puts(out, first ? "\n" : ",\n");
            lint_sarif_result(out, diag);
            first = false;
        }
    }
    strbuf_puts(out, first ? "]\n" : "\n      ]\n");
}

void lint_report_sarif(const jrn_lint_run *run, jrn_strbuf *out)
{
    strbuf_puts(out, "{\n  \"$schema\": \"" LINT_SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n");
    strbuf_puts(out, "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n");
    /* No informationUri or helpUri: the project publishes no web address, and a made-up
     * one would send code-scanning users nowhere. The rules carry their help text. */
    strbuf_printf(out, "          \"name\": \"jrnc\",\n          \"version\": \"%s\",\n"
                       "          \"semanticVersion\": \"%s\",\n",
                  JRN_VERSION, JRN_VERSION);
    lint_sarif_rules(out);
    strbuf_puts(out, "        }\n      },\n");
    lint_sarif_invocation(out, run);
    strbuf_puts(out, "      \"columnKind\": \"unicodeCodePoints\",\n");
    lint_sarif_results(out, run);
    strbuf_puts(out, "    }\n  ]\n}\n");
}
