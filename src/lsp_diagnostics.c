/* lsp_diagnostics.c — textDocument/publishDiagnostics: a document's compile errors and lint
 * findings with their ranges, severities, rule codes, notes as related information and
 * fix-its as data; findings inside a used file go to that file (unless it is open: then
 * its own analysis speaks for it). What a document published before and no longer finds
 * is cleared. */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The catalogue's section of a rule begins with a heading "### `RULE`". */
static const char lsp_rule_heading[] = "### `";

void lsp_rule_docs_load(lsp_rule_docs *docs, const char *stdlib_dir)
{
    *docs = (lsp_rule_docs){0};
    if (stdlib_dir == NULL) return;
    const char *slash = strrchr(stdlib_dir, '/');
    if (slash == NULL) return;
    jrn_strbuf path = STRBUF_INIT;
    strbuf_append(&path, stdlib_dir, (size_t)(slash - stdlib_dir));
    strbuf_puts(&path, "/docs/lint-rules.md");
    FILE *file = fopen(strbuf_text(&path), "r");
    char line[512];
    for (unsigned number = 1; file != NULL && fgets(line, sizeof line, file) != NULL; number++) {
        size_t length = strlen(line);
        bool whole = length > 0 && line[length - 1] == '\n';
        if (strncmp(line, lsp_rule_heading, strlen(lsp_rule_heading)) == 0) {
            const char *rule = line + strlen(lsp_rule_heading);
            const char *end = strchr(rule, '`');
            if (end != NULL && end > rule) {
                lsp_rule_doc doc = {memory_calloc((size_t)(end - rule) + 1, 1), number};
                memcpy(doc.rule, rule, (size_t)(end - rule));
                MEMORY_PUSH(docs->items, docs->count, doc);
            }
        }
        /* A line longer than the buffer is read in pieces: count it once. */
        while (!whole && fgets(line, sizeof line, file) != NULL) {
            length = strlen(line);
            whole = length > 0 && line[length - 1] == '\n';
        }
    }
    if (file != NULL) {
        fclose(file);
        lsp_documents none = {0};   /* the catalogue is never an open document */
        docs->uri = lsp_uri_for_path(&none, strbuf_text(&path));
    }
    strbuf_free(&path);
}

void lsp_rule_docs_free(lsp_rule_docs *docs)
{
    for (size_t i = 0; i < docs->count; i++) free(docs->items[i].rule);
    free(docs->items);
    free(docs->uri);
}

/* {href} of rule's section in the catalogue ("…/lint-rules.md#L236", the line form editors
 * open at), or NULL for a rule it does not document. */
static json_t *lsp_rule_link(const lsp_rule_docs *docs, const char *rule)
{
    for (size_t i = 0; docs->uri != NULL && i < docs->count; i++) {
        if (strcmp(docs->items[i].rule, rule) != 0) continue;
        jrn_strbuf href = STRBUF_INIT;
        strbuf_printf(&href, "%s#L%u", docs->uri, docs->items[i].line);
        json_t *link = json_pack("{s:s}", "href", strbuf_text(&href));
        strbuf_free(&href);
        return link;
    }
    return NULL;
}

/* LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int lsp_severity(jrn_severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR: return 1;
    case SEVERITY_WARNING: return 2;
    default: return 3;
    }
}

static json_t *lsp_related(lsp_server *server, const jrn_diag *diag, json_t *unplaced)
{
    json_t *related = json_array();
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        if (note->span.source == NULL) {
            json_array_append_new(unplaced, lsp_string(note->message));
            continue;
        }
        char *uri = lsp_uri_for_path(&server->documents, note->span.source->path);
        json_array_append_new(related, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", uri, "range",
                                                 lsp_range_json(note->span, server->encoding),
                                                 "message", lsp_string(note->message)));
        free(uri);
    }
    return related;
}

static json_t *lsp_diagnostic_json(lsp_server *server, const jrn_diag *diag)
{
    json_t *unplaced = json_array();
    json_t *related = lsp_related(server, diag, unplaced);
    jrn_strbuf message = STRBUF_INIT;
    strbuf_puts(&message, diag->message);
    size_t i;
    json_t *note;
    json_array_foreach(unplaced, i, note) strbuf_printf(&message, "\nnote: %s", json_string_value(note));
    json_decref(unplaced);
    json_t *result = json_pack("{s:o,s:i,s:s,s:o}", "range", lsp_range_json(diag->span, server->encoding),
                               "severity", lsp_severity(diag->severity), "source", "jrnc",
                               "message", lsp_string(strbuf_text(&message)));
    strbuf_free(&message);
    if (json_array_size(related) > 0) json_object_set_new(result, "relatedInformation", related);
    else json_decref(related);
    if (diag->rule != NULL) {
        json_object_set_new(result, "code", lsp_string(diag->rule));
        json_t *link = lsp_rule_link(&server->rule_docs, diag->rule);
        if (link != NULL) json_object_set_new(result, "codeDescription", link);
    }
    /* Code actions find the fix again from here: the text that replaces the range. */
    if (diag->fixit != NULL) json_object_set_new(result, "data", json_pack("{s:o}", "fixit", lsp_string(diag->fixit)));
    return result;
}

/* The findings of one file, by its path (NULL: the document's own, with those about no place). */
typedef struct lsp_file_findings {
    const char *path;
    json_t *diagnostics;
} lsp_file_findings;

static json_t *lsp_findings_for(lsp_file_findings **files, size_t *count, const char *path)
{
    for (size_t i = 0; i < *count; i++) {
        if ((*files)[i].path == path || ((*files)[i].path != NULL && path != NULL && strcmp((*files)[i].path, path) == 0)) {
            return (*files)[i].diagnostics;
        }
    }
    MEMORY_PUSH(*files, *count, ((lsp_file_findings){path, json_array()}));
    return (*files)[*count - 1].diagnostics;
}

static void lsp_send_diagnostics(lsp_server *server, const char *uri, json_t *diagnostics, const json_t *version)
{
    json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diagnostics);
    if (version != NULL) json_object_set_new(params, "version", json_incref((json_t *)version));
    lsp_notify(server, "textDocument/publishDiagnostics", params);
}

static bool lsp_listed(char *const *uris, size_t count, const char *uri)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(uris[i], uri) == 0) return true;
    }
    return false;
}

/* Publishes to each other file, clears those published before and not now, and remembers. */
static void lsp_publish_to_used_files(lsp_server *server, lsp_document *document, lsp_file_findings *files,
                                      size_t count)
{
    char **published = NULL;
    size_t published_count = 0;
    for (size_t i = 0; i < count; i++) {
        if (files[i].path == NULL) continue;
        lsp_document *open = lsp_document_for_path(&server->documents, files[i].path);
        if (open != NULL) {
            json_decref(files[i].diagnostics);
            continue;
        }
        char *uri = lsp_uri_for_path(&server->documents, files[i].path);
        lsp_send_diagnostics(server, uri, files[i].diagnostics, NULL);
        MEMORY_PUSH(published, published_count, uri);
    }
    for (size_t i = 0; i < document->published_count; i++) {
        char *uri = document->published_uris[i];
        if (!lsp_listed(published, published_count, uri) && lsp_document_find(&server->documents, uri) == NULL) {
            lsp_send_diagnostics(server, uri, json_array(), NULL);
        }
        free(uri);
    }
    free(document->published_uris);
    document->published_uris = published;
    document->published_count = published_count;
}

void lsp_publish_diagnostics(lsp_server *server, lsp_document *document)
{
    const jrn_compilation *analysis = lsp_analysis(server, document);
    document->diagnostics_due = false;
    const char *own_path = document->path != NULL ? document->path : document->uri;
    lsp_file_findings *files = NULL;
    size_t count = 0;
    json_t *own = lsp_findings_for(&files, &count, NULL);
    for (const jrn_diag *diag = analysis->diags.first; diag != NULL; diag = diag->next) {
        const jrn_source *source = diag->span.source;
        bool is_own = source == NULL || strcmp(source->path, own_path) == 0;
        json_t *list = is_own ? own : lsp_findings_for(&files, &count, source->path);
        json_array_append_new(list, lsp_diagnostic_json(server, diag));
    }
    if (analysis->diags.dropped_count > 0) {
        jrn_diag summary = {SEVERITY_ERROR, NULL, span_none(), NULL, NULL, NULL, NULL};
        char text[96];
        snprintf(text, sizeof text, "%zu more errors not shown", analysis->diags.dropped_count);
        summary.message = text;
        json_array_append_new(own, lsp_diagnostic_json(server, &summary));
    }
    json_t *version = json_pack("I", (json_int_t)document->version);
    lsp_send_diagnostics(server, document->uri, own, version);
    json_decref(version);
    lsp_publish_to_used_files(server, document, files, count);
    free(files);
}

void lsp_clear_diagnostics(lsp_server *server, lsp_document *document)
{
    lsp_send_diagnostics(server, document->uri, json_array(), NULL);
    for (size_t i = 0; i < document->published_count; i++) {
        lsp_send_diagnostics(server, document->published_uris[i], json_array(), NULL);
    }
}
