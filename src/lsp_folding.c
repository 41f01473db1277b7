/* lsp_folding.c — textDocument/foldingRange: every block ({ } and [ ]) and text block that
 * spans lines, and every run of two or more whole-line comments, from a forgiving scan of
 * the text (folding works while the file does not parse). */
#include "jrn/lsp.h"
#include "jrn/lsp_scan.h"
#include "jrn/memory.h"

#include <stdlib.h>

/* Line numbers of increasing offsets, counted as the scan goes. */
typedef struct lsp_line_counter {
    const char *text;
    uint32_t offset;
    uint32_t line;
} lsp_line_counter;

static uint32_t lsp_line_at(lsp_line_counter *counter, uint32_t offset)
{
    for (; counter->offset < offset; counter->offset++) {
        if (counter->text[counter->offset] == '\n') counter->line++;
    }
    return counter->line;
}

static void lsp_add_fold(json_t *ranges, uint32_t first, uint32_t last, const char *kind)
{
    if (last <= first) return;
    json_t *range = json_pack("{s:I,s:I}", "startLine", (json_int_t)first, "endLine", (json_int_t)last);
    if (kind != NULL) json_object_set_new(range, "kind", lsp_string(kind));
    json_array_append_new(ranges, range);
}

json_t *lsp_folding_ranges(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL) return NULL;
    const char *text = strbuf_text(&document->text);
    uint32_t limit = document->text.length > SOURCE_SIZE_LIMIT ? SOURCE_SIZE_LIMIT : (uint32_t)document->text.length;
    lsp_line_counter counter = {text, 0, 0};
    json_t *ranges = json_array();
    uint32_t *open = NULL;          /* the line of each block still open */
    size_t open_count = 0;
    uint32_t comments_first = 0, comments_last = 0, comments_count = 0;
    uint32_t cursor = 0, previous_end_line = UINT32_MAX;
    lsp_token token;
    while (lsp_scan_next(text, limit, &cursor, &token)) {
        uint32_t line = lsp_line_at(&counter, token.begin);
        if (token.kind == LSP_TOKEN_COMMENT && line != previous_end_line) {
            if (comments_count > 0 && line == comments_last + 1) {
                comments_last = line;
                comments_count++;
            } else {
                if (comments_count >= 2) lsp_add_fold(ranges, comments_first, comments_last, "comment");
                comments_first = comments_last = line;
                comments_count = 1;
            }
        }
        char c = text[token.begin];
        if (token.kind == LSP_TOKEN_PUNCT && (c == '{' || c == '[')) {
            MEMORY_PUSH(open, open_count, line);
        } else if (token.kind == LSP_TOKEN_PUNCT && (c == '}' || c == ']') && open_count > 0) {
            /* The closing line stays visible. */
            lsp_add_fold(ranges, open[--open_count], line - (line > 0), NULL);
        }
        uint32_t end_line = lsp_line_at(&counter, token.end);
        if (token.kind == LSP_TOKEN_STRING) lsp_add_fold(ranges, line, end_line, NULL);
        if (token.kind != LSP_TOKEN_COMMENT) previous_end_line = end_line;
    }
    if (comments_count >= 2) lsp_add_fold(ranges, comments_first, comments_last, "comment");
    free(open);
    return ranges;
}
