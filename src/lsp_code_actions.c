/* lsp_code_actions.c — textDocument/codeAction quick fixes for the diagnostics the client
 * sends back: apply a did-you-mean, turn a lint finding off with a '# jrnc: disable=RULE'
 * line above it, declare an unknown channel or persona, set a stale review date to today. */
#include "jrn/lsp.h"

#include <stdio.h>
#include <string.h>

static json_t *lsp_quick_fix(const char *title, const char *uri, json_t *range, const char *new_text,
                             const json_t *diagnostic)
{
    return json_pack("{s:o,s:s,s:[O],s:{s:{s:[{s:o,s:o}]}}}", "title", lsp_string(title), "kind", "quickfix",
                     "diagnostics", diagnostic, "edit", "changes", uri, "range", range, "newText",
                     lsp_string(new_text));
}

static json_t *lsp_point_range(uint32_t line, uint32_t character)
{
    return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)line, "character",
                     (json_int_t)character, "end", "line", (json_int_t)line, "character", (json_int_t)character);
}

/* The blanks that start the line holding offset. */
static void lsp_line_indent(const char *text, uint32_t offset, char *indent, size_t size)
{
    uint32_t start = offset;
    while (start > 0 && text[start - 1] != '\n') start--;
    size_t length = 0;
    while (length + 1 < size && (text[start + length] == ' ' || text[start + length] == '\t')) {
        indent[length] = text[start + length];
        length++;
    }
    indent[length] = '\0';
}

/* "unknown channel 'web'" or "unknown persona 'x'; did you mean 'y'?": the kind and id. */
static bool lsp_unknown_name(const char *message, char *kind, size_t kind_size, char *id, size_t id_size)
{
    char found_kind[16], found_id[128];
    if (sscanf(message, "unknown %15[a-z] '%127[A-Za-z0-9_]'", found_kind, found_id) != 2) return false;
    if (strcmp(found_kind, "channel") != 0 && strcmp(found_kind, "persona") != 0) return false;
    snprintf(kind, kind_size, "%s", found_kind);
    snprintf(id, id_size, "%s", found_id);
    return true;
}

/* For a map that records no review date: "reviewed: TODAY" added to its declaration (in
 * its block, or in a new block), when the finding's line is that declaration. */
static void lsp_add_review_date(const lsp_server *server, const lsp_document *document, uint32_t line,
                                const char *today, const json_t *diagnostic, json_t *actions)
{
    const char *text = strbuf_text(&document->text);
    size_t length = document->text.length;
    uint32_t start = lsp_offset_in_text(text, length, line, 0, server->encoding);
    uint32_t end = start;
    while (end < length && text[end] != '\n') end++;
    uint32_t at = start;
    while (at < end && (text[at] == ' ' || text[at] == '\t')) at++;
    if (end - at < 3 || strncmp(text + at, "map", 3) != 0) return;
    const char *brace = memchr(text + start, '{', end - start);
    char insert[128];
    uint32_t where;
    if (brace == NULL) {
        where = end;
        snprintf(insert, sizeof insert, " { reviewed: %s }", today);
    } else if (memchr(brace, '}', (size_t)(text + end - brace)) != NULL) {
        where = (uint32_t)(brace - text) + 1;
        snprintf(insert, sizeof insert, " reviewed: %s ", today);
    } else {
        char indent[64];
        lsp_line_indent(text, start, indent, sizeof indent);
        where = end < length ? end + 1 : end;
        snprintf(insert, sizeof insert, "%s%s  reviewed: %s\n", end < length ? "" : "\n", indent, today);
    }
    char title[64];
    snprintf(title, sizeof title, "Add reviewed: %s", today);
    json_array_append_new(actions, lsp_quick_fix(title, document->uri,
                                                 lsp_text_range_json(text, length, where, where, server->encoding),
                                                 insert, diagnostic));
}

static void lsp_fixes_for(lsp_server *server, const lsp_document *document, const json_t *diagnostic,
                          json_t *actions)
{
    const char *text = strbuf_text(&document->text);
    const json_t *range = json_object_get(diagnostic, "range");
    const json_t *start = json_object_get(range, "start");
    json_int_t line = json_integer_value(json_object_get(start, "line"));
    const char *rule = json_string_value(json_object_get(diagnostic, "code"));
    const char *message = json_string_value(json_object_get(diagnostic, "message"));
    const char *fixit = json_string_value(json_object_get(json_object_get(diagnostic, "data"), "fixit"));
    char title[256];
    if (fixit != NULL && range != NULL) {
        snprintf(title, sizeof title, "Replace with %.200s", fixit);
        json_array_append_new(actions, lsp_quick_fix(title, document->uri, json_deep_copy(range), fixit, diagnostic));
    }
    if (rule != NULL && line >= 0 && line < UINT32_MAX) {
        uint32_t offset = lsp_offset_in_text(text, document->text.length, (uint32_t)line, 0, server->encoding);
        char indent[128], comment[256];
        lsp_line_indent(text, offset, indent, sizeof indent);
        snprintf(comment, sizeof comment, "%s# jrnc: disable=%.100s\n", indent, rule);
        snprintf(title, sizeof title, "Turn %.100s off here (# jrnc: disable=%.100s)", rule, rule);
        json_array_append_new(actions, lsp_quick_fix(title, document->uri, lsp_point_range((uint32_t)line, 0), comment,
                                                     diagnostic));
    }
    if (rule != NULL && strcmp(rule, "stale-review") == 0 && message != NULL) {
        char today[16];
        snprintf(today, sizeof today, "%04d-%02d-%02d", server->today.year, server->today.month, server->today.day);
        if (strstr(message, "records no review date") != NULL) {
            if (line >= 0 && line < UINT32_MAX) lsp_add_review_date(server, document, (uint32_t)line, today, diagnostic, actions);
        } else if (strstr(message, "review date") == NULL) {
            snprintf(title, sizeof title, "Set reviewed: to today (%s)", today);
            json_array_append_new(actions, lsp_quick_fix(title, document->uri, json_deep_copy(range), today, diagnostic));
        }
    }
    char kind[16], id[128];
    if (message != NULL && lsp_unknown_name(message, kind, sizeof kind, id, sizeof id)) {
        char declaration[300];
        snprintf(declaration, sizeof declaration, "%s%s %s \"%s\"\n",
                 document->text.length > 0 && text[document->text.length - 1] != '\n' ? "\n" : "", kind, id, id);
        snprintf(title, sizeof title, "Declare %s '%s'", kind, id);
        json_t *end = lsp_whole_text_range(text, document->text.length, server->encoding);
        json_t *at_end = json_pack("{s:O,s:O}", "start", json_object_get(end, "end"), "end", json_object_get(end, "end"));
        json_decref(end);
        json_array_append_new(actions, lsp_quick_fix(title, document->uri, at_end, declaration, diagnostic));
    }
}

json_t *lsp_code_actions(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL) return NULL;
    json_t *actions = json_array();
    size_t i;
    const json_t *diagnostic;
    json_array_foreach(json_object_get(json_object_get(params, "context"), "diagnostics"), i, diagnostic) {
        if (json_is_object(diagnostic)) lsp_fixes_for(server, document, diagnostic, actions);
    }
    return actions;
}
