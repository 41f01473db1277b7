/* lsp_server.c — the language server's loop: reads a batch of messages, honours
 * cancellations within it, dispatches each request to its handler and each notification
 * (open, change, close) to the documents, then publishes the diagnostics the batch made
 * due — so a burst of keystrokes is compiled once (the debounce needs no timer). */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Messages read ahead in one batch, at most: enough to coalesce a burst of edits. */
#define LSP_BATCH_LIMIT 256

json_t *lsp_fail(lsp_error *error, int code, const char *format, ...)
{
    error->code = code;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(error->message, sizeof error->message, format, arguments);
    va_end(arguments);
    return NULL;
}

/* text[0, length) with every byte that is not UTF-8 made U+FFFD, appended to out. */
static void lsp_append_valid_utf8(jrn_strbuf *out, const char *text, size_t length)
{
    for (uint32_t i = 0; i < length;) {
        uint32_t bytes = utf8_sequence_length((const unsigned char *)text, i, (uint32_t)length);
        if (bytes == 0) {
            strbuf_put_codepoint(out, 0xFFFD);
            i++;
        } else {
            strbuf_append(out, text + i, bytes);
            i += bytes;
        }
    }
}

void lsp_replace_invalid_utf8(jrn_strbuf *text)
{
    jrn_strbuf clean = STRBUF_INIT;
    lsp_append_valid_utf8(&clean, strbuf_text(text), text->length);
    strbuf_free(text);
    *text = clean;
}

json_t *lsp_string(const char *text)
{
    json_t *string = json_stringn(text, strlen(text));
    if (string != NULL) return string;
    jrn_strbuf clean = STRBUF_INIT;
    lsp_append_valid_utf8(&clean, text, strlen(text));
    string = json_stringn(strbuf_text(&clean), clean.length);
    strbuf_free(&clean);
    return string != NULL ? string : json_stringn("", 0);
}

static void lsp_send(lsp_server *server, json_t *message)
{
    if (message != NULL && !lsp_write_message(server->output_fd, message)) {
        /* The client is gone: nothing more can be said to it. */
        server->exit_requested = true;
    }
    json_decref(message);
}

void lsp_notify(lsp_server *server, const char *method, json_t *params)
{
    lsp_send(server, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void lsp_reply(lsp_server *server, json_t *id, json_t *result)
{
    lsp_send(server, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id, "result",
                               result != NULL ? result : json_null()));
}

static void lsp_reply_error(lsp_server *server, json_t *id, int code, const char *message)
{
    lsp_send(server, json_pack("{s:s,s:O,s:{s:i,s:o}}", "jsonrpc", "2.0", "id", id != NULL ? id : json_null(),
                               "error", "code", code, "message", lsp_string(message)));
}

lsp_document *lsp_params_document(lsp_server *server, const json_t *params, lsp_error *error)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    if (uri == NULL) {
        lsp_fail(error, LSP_INVALID_PARAMS, "params.textDocument.uri is missing");
        return NULL;
    }
    lsp_document *document = lsp_document_find(&server->documents, uri);
    if (document == NULL) lsp_fail(error, LSP_INVALID_PARAMS, "the document is not open: %.200s", uri);
    return document;
}

/* A non-negative integer member of object that fits 32 bits, or false. */
static bool lsp_get_index(const json_t *object, const char *name, uint32_t *value)
{
    const json_t *member = json_object_get(object, name);
    if (!json_is_integer(member)) return false;
    json_int_t number = json_integer_value(member);
    if (number < 0) return false;
    *value = number > UINT32_MAX ? UINT32_MAX : (uint32_t)number;
    return true;
}

static bool lsp_position_offset(const lsp_server *server, const lsp_document *document,
                                const json_t *position, uint32_t *offset)
{
    uint32_t line, character;
    if (!lsp_get_index(position, "line", &line) || !lsp_get_index(position, "character", &character)) return false;
    *offset = lsp_offset_in_text(strbuf_text(&document->text), document->text.length, line, character,
                                 server->encoding);
    return true;
}

bool lsp_params_offset(lsp_server *server, const lsp_document *document, const json_t *params,
                       uint32_t *offset, lsp_error *error)
{
    if (lsp_position_offset(server, document, json_object_get(params, "position"), offset)) return true;
    lsp_fail(error, LSP_INVALID_PARAMS, "params.position needs a line and a character (non-negative integers)");
    return false;
}

/* --- lifecycle --- */

/* UTF-8 when the client offers it (fewer conversions), else the protocol's UTF-16. */
static lsp_encoding lsp_negotiate_encoding(const json_t *params)
{
    const json_t *offered = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                            "positionEncodings");
    size_t i;
    const json_t *encoding;
    json_array_foreach(offered, i, encoding) {
        const char *name = json_string_value(encoding);
        if (name != NULL && strcmp(name, "utf-8") == 0) return LSP_ENCODING_UTF8;
    }
    return LSP_ENCODING_UTF16;
}

static json_t *lsp_initialize(lsp_server *server, const json_t *params, lsp_error *error)
{
    if (server->initialized) return lsp_fail(error, LSP_INVALID_REQUEST, "the server is initialized already");
    server->encoding = lsp_negotiate_encoding(params);
    lsp_workspace_initialize(&server->workspace, params);
    server->initialized = true;
    json_t *capabilities = json_pack(
        "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s,s,s,s,s],s:b},s:b,s:b,s:b,s:b,s:{s:b},s:b,s:b,s:b,s:b,s:{s:[s]}}",
        "positionEncoding", server->encoding == LSP_ENCODING_UTF8 ? "utf-8" : "utf-16",
        "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
        "completionProvider", "triggerCharacters", ":", ">", "\"", "/", ",", "resolveProvider", 0,
        "hoverProvider", 1,
        "definitionProvider", 1,
        "referencesProvider", 1,
        "documentHighlightProvider", 1,
        "renameProvider", "prepareProvider", 1,
        "documentSymbolProvider", 1,
        "workspaceSymbolProvider", 1,
        "foldingRangeProvider", 1,
        "documentFormattingProvider", 1,
        "codeActionProvider", "codeActionKinds", "quickfix");
    json_object_set_new(capabilities, "semanticTokensProvider",
                        json_pack("{s:o,s:b}", "legend", lsp_semantic_tokens_legend(), "full", 1));
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities, "serverInfo", "name", "jrnc",
                     "version", JRN_VERSION);
}

static json_t *lsp_shutdown(lsp_server *server, const json_t *params, lsp_error *error)
{
    (void)params;
    (void)error;
    server->shutdown_requested = true;
    return json_null();
}

/* --- document synchronisation --- */

/* A document opened or closed changes what every map reads for its file (the editor's
 * text or the disk, and where a use finds it): each is analysed afresh when next asked,
 * and its diagnostics are due. */
static void lsp_invalidate_all(lsp_server *server)
{
    for (size_t i = 0; i < server->documents.count; i++) lsp_document_invalidate(server->documents.items[i]);
}

/* True when document's last analysis read the file at canonical_path, or cannot tell
 * (it did not resolve, so its files are not known). */
static bool lsp_analysis_reads(const lsp_document *document, const char *canonical_path)
{
    const jrn_model *model = document->analysis->resolved_model;
    if (model == NULL) return true;
    bool reads = false;
    for (size_t i = 0; i < model->file_count && !reads; i++) {
        char *path = lsp_canonical_path(model->files[i].source->path);
        reads = strcmp(path, canonical_path) == 0;
        free(path);
    }
    return reads;
}

/* A document's text changed: it and the documents whose maps use it are analysed afresh. */
static void lsp_invalidate_users(lsp_server *server, lsp_document *changed)
{
    if (changed->canonical_path == NULL) {
        lsp_invalidate_all(server);
        return;
    }
    for (size_t i = 0; i < server->documents.count; i++) {
        lsp_document *document = server->documents.items[i];
        if (document == changed) lsp_document_invalidate(document);
        else if (document->analysis != NULL && lsp_analysis_reads(document, changed->canonical_path)) {
            lsp_document_invalidate(document);
        }
    }
}

static void lsp_did_open(lsp_server *server, const json_t *params)
{
    const json_t *item = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(item, "uri"));
    const json_t *text = json_object_get(item, "text");
    if (uri == NULL || !json_is_string(text)) return;
    lsp_document_open(&server->documents, uri, json_string_value(text), json_string_length(text),
                      json_integer_value(json_object_get(item, "version")));
    lsp_invalidate_all(server);
}

/* Applies one content change: a range replaced, or (no range) the whole text. */
static void lsp_apply_change(lsp_server *server, lsp_document *document, const json_t *change)
{
    const json_t *text = json_object_get(change, "text");
    if (!json_is_string(text)) return;
    const json_t *range = json_object_get(change, "range");
    uint32_t begin, end;
    if (range == NULL || !lsp_position_offset(server, document, json_object_get(range, "start"), &begin) ||
        !lsp_position_offset(server, document, json_object_get(range, "end"), &end)) {
        strbuf_clear(&document->text);
        strbuf_append(&document->text, json_string_value(text), json_string_length(text));
        return;
    }
    if (end < begin) end = begin;
    jrn_strbuf edited = STRBUF_INIT;
    strbuf_append(&edited, strbuf_text(&document->text), begin);
    strbuf_append(&edited, json_string_value(text), json_string_length(text));
    strbuf_append(&edited, strbuf_text(&document->text) + end, document->text.length - end);
    strbuf_free(&document->text);
    document->text = edited;
}

static void lsp_did_change(lsp_server *server, const json_t *params)
{
    lsp_error error;
    lsp_document *document = lsp_params_document(server, params, &error);
    if (document == NULL) return;
    size_t i;
    const json_t *change;
    json_array_foreach(json_object_get(params, "contentChanges"), i, change) {
        lsp_apply_change(server, document, change);
    }
    const json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(version)) document->version = json_integer_value(version);
    lsp_invalidate_users(server, document);
}

static void lsp_did_close(lsp_server *server, const json_t *params)
{
    lsp_error error;
    lsp_document *document = lsp_params_document(server, params, &error);
    if (document == NULL) return;
    lsp_clear_diagnostics(server, document);
    lsp_document_close(&server->documents, document);
    lsp_invalidate_all(server);
}

/* --- dispatch --- */

typedef struct lsp_request_method {
    const char *name;
    lsp_handler handler;
} lsp_request_method;

static const lsp_request_method lsp_requests[] = {
    {"initialize", lsp_initialize},
    {"shutdown", lsp_shutdown},
    {"textDocument/completion", lsp_completion},
    {"textDocument/hover", lsp_hover},
    {"textDocument/definition", lsp_definition},
    {"textDocument/references", lsp_references},
    {"textDocument/documentHighlight", lsp_document_highlight},
    {"textDocument/prepareRename", lsp_prepare_rename},
    {"textDocument/rename", lsp_rename},
    {"textDocument/documentSymbol", lsp_document_symbols},
    {"workspace/symbol", lsp_workspace_symbols},
    {"textDocument/foldingRange", lsp_folding_ranges},
    {"textDocument/formatting", lsp_formatting},
    {"textDocument/codeAction", lsp_code_actions},
    {"textDocument/semanticTokens/full", lsp_semantic_tokens},
};

static void lsp_handle_request(lsp_server *server, const char *method, json_t *id, const json_t *params)
{
    if (server->shutdown_requested) {
        lsp_reply_error(server, id, LSP_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (!server->initialized && strcmp(method, "initialize") != 0) {
        lsp_reply_error(server, id, LSP_SERVER_NOT_INITIALIZED, "initialize comes first");
        return;
    }
    for (size_t i = 0; i < sizeof lsp_requests / sizeof lsp_requests[0]; i++) {
        if (strcmp(method, lsp_requests[i].name) != 0) continue;
        lsp_error error = {0, ""};
        json_t *result = lsp_requests[i].handler(server, params, &error);
        if (error.code != 0) lsp_reply_error(server, id, error.code, error.message);
        else lsp_reply(server, id, result);
        return;
    }
    lsp_reply_error(server, id, LSP_METHOD_NOT_FOUND, "jrnc lsp does not offer this method");
}

/* Notifications get no answer; an unknown one is ignored, as the protocol asks. */
static void lsp_handle_notification(lsp_server *server, const char *method, const json_t *params)
{
    if (strcmp(method, "exit") == 0) server->exit_requested = true;
    if (!server->initialized || server->shutdown_requested) return;
    if (strcmp(method, "textDocument/didOpen") == 0) lsp_did_open(server, params);
    else if (strcmp(method, "textDocument/didChange") == 0) lsp_did_change(server, params);
    else if (strcmp(method, "textDocument/didClose") == 0) lsp_did_close(server, params);
    else if (strcmp(method, "workspace/didChangeWorkspaceFolders") == 0) lsp_workspace_change(&server->workspace, params);
}

/* A request's id: a number or a string (JSON-RPC 2.0). */
static bool lsp_is_id(const json_t *id)
{
    return json_is_integer(id) || json_is_string(id);
}

static void lsp_handle_message(lsp_server *server, json_t *message)
{
    json_t *id = json_object_get(message, "id");
    const char *method = json_string_value(json_object_get(message, "method"));
    const json_t *params = json_object_get(message, "params");
    if (!json_is_object(message) || (method == NULL && !json_object_get(message, "result") &&
                                     !json_object_get(message, "error"))) {
        lsp_reply_error(server, lsp_is_id(id) ? id : NULL, LSP_INVALID_REQUEST, "not a JSON-RPC message");
        return;
    }
    if (method == NULL) return;   /* a response: the server asks nothing of the client */
    if (id == NULL) lsp_handle_notification(server, method, params);
    else if (!lsp_is_id(id)) lsp_reply_error(server, NULL, LSP_INVALID_REQUEST, "an id is a number or a string");
    else lsp_handle_request(server, method, id, params);
}

/* --- the batch: read ahead, cancel, handle, publish --- */

typedef struct lsp_batch {
    json_t *messages[LSP_BATCH_LIMIT];
    size_t count;
} lsp_batch;

/* Reads one message into the batch, answering framing and JSON errors itself; false at
 * the end of input. */
static bool lsp_read_into(lsp_server *server, lsp_batch *batch, jrn_strbuf *body)
{
    lsp_read_status status = lsp_read_message(&server->reader, body);
    if (status == LSP_READ_END) return false;
    if (status == LSP_READ_BAD_HEADER) {
        lsp_reply_error(server, NULL, LSP_PARSE_ERROR, "a message header without a valid Content-Length");
        return true;
    }
    if (status == LSP_READ_TOO_LARGE) {
        lsp_reply_error(server, NULL, LSP_INVALID_REQUEST, "a message over the 64 MiB limit: skipped");
        return true;
    }
    json_error_t parse_error;
    json_t *message = json_loadb(strbuf_text(body), body->length, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &parse_error);
    if (message == NULL && json_error_code(&parse_error) == json_error_invalid_utf8) {
        /* A client that sends a file's bytes as they are: each byte that is not UTF-8
         * becomes U+FFFD, as the editor shows it, so the document still opens. */
        lsp_replace_invalid_utf8(body);
        message = json_loadb(strbuf_text(body), body->length, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &parse_error);
    }
    if (message == NULL) {
        char text[320];
        snprintf(text, sizeof text, "malformed JSON at character %d: %s", parse_error.position, parse_error.text);
        lsp_reply_error(server, NULL, LSP_PARSE_ERROR, text);
        return true;
    }
    batch->messages[batch->count++] = message;
    return true;
}

static bool lsp_same_id(const json_t *a, const json_t *b)
{
    return a != NULL && b != NULL && lsp_is_id(a) && json_equal(a, b);
}

/* A $/cancelRequest answers a request read before it in the same batch, and not yet
 * handled, as cancelled (later requests were handled before it could arrive). */
static void lsp_apply_cancellations(lsp_server *server, lsp_batch *batch)
{
    for (size_t i = 0; i < batch->count; i++) {
        const json_t *message = batch->messages[i];
        const char *method = message != NULL ? json_string_value(json_object_get(message, "method")) : NULL;
        if (method == NULL || strcmp(method, "$/cancelRequest") != 0) continue;
        for (size_t j = 0; j < i; j++) {
            json_t *earlier = batch->messages[j];
            if (earlier == NULL || json_object_get(earlier, "method") == NULL) continue;
            if (!lsp_same_id(json_object_get(earlier, "id"),
                             json_object_get(json_object_get(message, "params"), "id"))) continue;
            lsp_reply_error(server, json_object_get(earlier, "id"), LSP_REQUEST_CANCELLED, "cancelled");
            json_decref(earlier);
            batch->messages[j] = NULL;
        }
    }
}

static void lsp_publish_due(lsp_server *server)
{
    for (size_t i = 0; i < server->documents.count && !server->exit_requested; i++) {
        lsp_document *document = server->documents.items[i];
        if (document->diagnostics_due) lsp_publish_diagnostics(server, document);
    }
}

int lsp_serve(int input_fd, int output_fd, const jrn_compile_options *options, const char *const *data_files,
              size_t data_count, jrn_date today)
{
    lsp_server server = {0};
    server.output_fd = output_fd;
    lsp_reader_init(&server.reader, input_fd);
    server.options = *options;
    server.options.unsaved_text = lsp_documents_unsaved_text;
    server.options.unsaved_context = &server.documents;
    server.today = today;
    server.data_files = data_files;
    server.data_count = data_count;
    lsp_rule_docs_load(&server.rule_docs, options->stdlib_dir);
    jrn_strbuf body = STRBUF_INIT;
    lsp_batch batch = {.count = 0};
    bool input_open = true;
    while (input_open && !server.exit_requested) {
        input_open = lsp_read_into(&server, &batch, &body);
        while (input_open && batch.count < LSP_BATCH_LIMIT && lsp_input_pending(&server.reader)) {
            input_open = lsp_read_into(&server, &batch, &body);
        }
        lsp_apply_cancellations(&server, &batch);
        for (size_t i = 0; i < batch.count; i++) {
            if (batch.messages[i] != NULL && !server.exit_requested) lsp_handle_message(&server, batch.messages[i]);
            json_decref(batch.messages[i]);
        }
        batch.count = 0;
        if (!server.exit_requested) lsp_publish_due(&server);
    }
    strbuf_free(&body);
    lsp_documents_free(&server.documents);
    lsp_workspace_free(&server.workspace);
    lsp_rule_docs_free(&server.rule_docs);
    lsp_reader_free(&server.reader);
    return server.exit_requested && server.shutdown_requested ? 0 : 1;
}
