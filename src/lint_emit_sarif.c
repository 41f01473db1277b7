/* lint_emit_sarif.c — a lint run as a SARIF 2.1.0 log: the rule catalogue as the
 * driver's rules, findings and compile errors as results (what code scanning uploads). */
#include "jrn/lint_emit.h"
#include "jrn/json_writer.h"

#include <string.h>

#define LINT_SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* Compile errors are results too, so a map that does not compile shows up in code
 * scanning; they need a rule of their own, listed after the catalogue. */
#define LINT_SARIF_COMPILE_RULE "compile-error"
enum { LINT_SARIF_COMPILE_RULE_INDEX = LINT_RULE_COUNT };

/* "undeclared-loop" -> "UndeclaredLoop": SARIF's human-readable rule name. */
static void lint_sarif_rule_name(json_writer *json, const char *id)
{
    jrn_strbuf name = STRBUF_INIT;
    bool upper = true;
    for (const char *at = id; *at != '\0'; at++) {
        if (*at == '-') {
            upper = true;
            continue;
        }
        char character = *at;
        if (upper && character >= 'a' && character <= 'z') character = (char)(character - 'a' + 'A');
        strbuf_putc(&name, character);
        upper = false;
    }
    json_member_string(json, "name", strbuf_text(&name));
    strbuf_free(&name);
}

/* SARIF's message object: "key": {"text": …}. */
static void lint_sarif_text(json_writer *json, const char *key, const char *text)
{
    json_key(json, key);
    json_object_begin(json, JSON_INLINE);
    json_member_string(json, "text", text);
    json_object_end(json);
}

static void lint_sarif_rule(json_writer *json, const char *id, const char *summary,
                            const char *help, jrn_severity severity, bool enabled)
{
    json_object_begin(json, JSON_LINES);
    json_member_string(json, "id", id);
    lint_sarif_rule_name(json, id);
    lint_sarif_text(json, "shortDescription", summary);
    lint_sarif_text(json, "fullDescription", help);
    lint_sarif_text(json, "help", help);
    json_key(json, "defaultConfiguration");
    json_object_begin(json, JSON_INLINE);
    json_member_bool(json, "enabled", enabled);
    json_member_string(json, "level", diag_severity_name(severity));
    json_object_end(json);
    json_key(json, "properties");
    json_object_begin(json, JSON_INLINE);
    json_key(json, "tags");
    json_array_begin(json, JSON_INLINE);
    json_put_string(json, "journey-map");
    json_array_end(json);
    json_object_end(json);
    json_object_end(json);
}

static void lint_sarif_rules(json_writer *json)
{
    json_key(json, "rules");
    json_array_begin(json, JSON_LINES);
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) {
        const jrn_lint_rule *rule = lint_rule((jrn_lint_rule_id)i);
        lint_sarif_rule(json, rule->id, rule->summary, rule->help, rule->severity, rule->enabled);
    }
    lint_sarif_rule(json, LINT_SARIF_COMPILE_RULE, "the file does not compile",
                    "The map has errors that 'jrnc check' reports: a syntax error, a name that "
                    "does not resolve, a property of the wrong type. Nothing else is checked "
                    "until it compiles. Fix the error the message names.",
                    SEVERITY_ERROR, true);
    json_array_end(json);
}

static size_t lint_sarif_rule_index(const jrn_diag *diag)
{
    if (diag->rule == NULL) return LINT_SARIF_COMPILE_RULE_INDEX;
    jrn_lint_rule_id id = lint_rule_find(diag->rule, strlen(diag->rule));
    return id == LINT_RULE_COUNT ? LINT_SARIF_COMPILE_RULE_INDEX : (size_t)id;
}

static void lint_sarif_physical_location(json_writer *json, jrn_span span)
{
    const jrn_source *source = span.source;
    json_key(json, "physicalLocation");
    json_object_begin(json, JSON_INLINE);
    json_key(json, "artifactLocation");
    json_object_begin(json, JSON_INLINE);
    if (strcmp(source->path, "-") == 0) {
        /* Standard input has no URI: say what it was. */
        lint_sarif_text(json, "description", "standard input");
    } else {
        jrn_strbuf uri = STRBUF_INIT;
        lint_path_uri(&uri, source->path);
        json_member_string(json, "uri", strbuf_text(&uri));
        if (source->path[0] != '/') json_member_string(json, "uriBaseId", "%SRCROOT%");
        strbuf_free(&uri);
    }
    json_object_end(json);
    jrn_lint_region region = lint_region_of(span);
    json_key(json, "region");
    json_object_begin(json, JSON_INLINE);
    json_member_integer(json, "startLine", region.start_line);
    json_member_integer(json, "startColumn", region.start_column);
    json_member_integer(json, "endLine", region.end_line);
    json_member_integer(json, "endColumn", region.end_column);
    json_object_end(json);
    json_object_end(json);
}

/* The message, with the notes that have no place of their own appended. */
static void lint_sarif_message(json_writer *json, const jrn_diag *diag)
{
    jrn_strbuf text = STRBUF_INIT;
    strbuf_puts(&text, diag->message);
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        if (note->span.source == NULL) strbuf_printf(&text, "\n%s", note->message);
    }
    lint_sarif_text(json, "message", strbuf_text(&text));
    strbuf_free(&text);
}

static void lint_sarif_related(json_writer *json, const jrn_diag *diag)
{
    size_t id = 0;
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        if (note->span.source == NULL) continue;
        if (id == 0) {
            json_key(json, "relatedLocations");
            json_array_begin(json, JSON_LINES);
        }
        json_object_begin(json, JSON_INLINE);
        json_member_integer(json, "id", ++id);
        lint_sarif_physical_location(json, note->span);
        lint_sarif_text(json, "message", note->message);
        json_object_end(json);
    }
    if (id > 0) json_array_end(json);
}

static void lint_sarif_result(json_writer *json, const jrn_diag *diag)
{
    size_t index = lint_sarif_rule_index(diag);
    const char *rule_id = index == LINT_SARIF_COMPILE_RULE_INDEX
                              ? LINT_SARIF_COMPILE_RULE
                              : lint_rule((jrn_lint_rule_id)index)->id;
    json_object_begin(json, JSON_LINES);
    json_member_string(json, "ruleId", rule_id);
    json_member_integer(json, "ruleIndex", index);
    json_member_string(json, "level", diag_severity_name(diag->severity));
    lint_sarif_message(json, diag);
    json_key(json, "locations");
    json_array_begin(json, JSON_INLINE);
    json_object_begin(json, JSON_INLINE);
    lint_sarif_physical_location(json, diag->span);
    json_object_end(json);
    json_array_end(json);
    lint_sarif_related(json, diag);
    json_object_end(json);
}

/* Diagnostics without a place (an unreadable file) are about the run, not the map. */
static void lint_sarif_notifications(json_writer *json, const jrn_lint_run *run)
{
    bool first = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next) {
            if (diag->span.source != NULL) continue;
            if (first) {
                json_key(json, "toolExecutionNotifications");
                json_array_begin(json, JSON_LINES);
            }
            json_object_begin(json, JSON_INLINE);
            json_member_string(json, "level", diag_severity_name(diag->severity));
            lint_sarif_message(json, diag);
            json_object_end(json);
            first = false;
        }
    }
    if (!first) json_array_end(json);
}

static void lint_sarif_invocation(json_writer *json, const jrn_lint_run *run)
{
    bool successful = true;
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].unreadable) successful = false;
    }
    json_key(json, "invocations");
    json_array_begin(json, JSON_LINES);
    json_object_begin(json, JSON_LINES);
    json_member_bool(json, "executionSuccessful", successful);
    lint_sarif_notifications(json, run);
    json_object_end(json);
    json_array_end(json);
}

static void lint_sarif_results(json_writer *json, const jrn_lint_run *run)
{
    json_key(json, "results");
    json_array_begin(json, JSON_LINES);
    for (size_t i = 0; i < run->file_count; i++) {
        if (run->files[i].diags == NULL) continue;
        for (const jrn_diag *diag = run->files[i].diags->first; diag != NULL; diag = diag->next) {
            if (diag->span.source != NULL) lint_sarif_result(json, diag);
        }
    }
    json_array_end(json);
}

void lint_emit_sarif(const jrn_lint_run *run, jrn_strbuf *out)
{
    json_writer json = json_writer_start(out, NULL, JSON_NUMBER_ROUND_TRIP);
    json_object_begin(&json, JSON_LINES);
    json_member_string(&json, "$schema", LINT_SARIF_SCHEMA);
    json_member_string(&json, "version", "2.1.0");
    json_key(&json, "runs");
    json_array_begin(&json, JSON_LINES);
    json_object_begin(&json, JSON_LINES);
    json_key(&json, "tool");
    json_object_begin(&json, JSON_LINES);
    json_key(&json, "driver");
    json_object_begin(&json, JSON_LINES);
    /* No informationUri or helpUri: the project publishes no web address, and a made-up
     * one would send code-scanning users nowhere. The rules carry their help text. */
    json_member_string(&json, "name", "jrnc");
    json_member_string(&json, "version", JRN_VERSION);
    json_member_string(&json, "semanticVersion", JRN_VERSION);
    lint_sarif_rules(&json);
    json_object_end(&json);
    json_object_end(&json);
    lint_sarif_invocation(&json, run);
    json_member_string(&json, "columnKind", "unicodeCodePoints");
    lint_sarif_results(&json, run);
    json_object_end(&json);
    json_array_end(&json);
    json_object_end(&json);
    strbuf_putc(out, '\n');
}
