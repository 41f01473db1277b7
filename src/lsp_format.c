/* lsp_format.c — textDocument/formatting: exactly `jrnc fmt` (the canonical layout, every
 * comment kept, proven to mean the same), as one edit replacing the document; refused with
 * the first syntax error's place when the file does not parse. */
#include "jrn/lsp.h"

#include <string.h>

#include "jrn/fmt.h"

json_t *lsp_formatting(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL) return NULL;
    const char *text = strbuf_text(&document->text);
    jrn_arena *arena = arena_new();
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    const jrn_source *source = source_from_memory(arena, document->path != NULL ? document->path : document->uri,
                                                  text, document->text.length);
    jrn_strbuf formatted = STRBUF_INIT;
    jrn_fmt_status status = fmt_format_source(arena, source, &diags, &formatted);
    json_t *result = NULL;
    if (status == FMT_OK) {
        result = json_array();
        if (formatted.length != document->text.length || memcmp(strbuf_text(&formatted), text, formatted.length) != 0) {
            json_array_append_new(result, json_pack("{s:o,s:o}", "range",
                                                    lsp_whole_text_range(text, document->text.length, server->encoding),
                                                    "newText", lsp_string(strbuf_text(&formatted))));
        }
    } else if (status == FMT_INPUT_ERRORS && diags.first != NULL && diags.first->span.source != NULL) {
        diag_sort(&diags);
        jrn_position at = source_position(diags.first->span.source, diags.first->span.begin);
        lsp_fail(error, LSP_REQUEST_FAILED, "not formatted: line %u, column %u: %.160s", at.line, at.column,
                 diags.first->message);
    } else {
        lsp_fail(error, LSP_REQUEST_FAILED, "not formatted: %s",
                 status == FMT_INPUT_ERRORS ? "the file has errors" : "the formatter could not keep the meaning");
    }
    strbuf_free(&formatted);
    arena_free(arena);
    return result;
}
