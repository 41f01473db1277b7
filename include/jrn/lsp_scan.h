/* lsp_scan.h — the language server's forgiving tokeniser for text being typed (lsp_scan.c):
 * what completion and folding read instead of the parser, which wants a whole file. */
#ifndef JRN_LSP_SCAN_H
#define JRN_LSP_SCAN_H

#include <stdbool.h>
#include <stdint.h>

typedef enum lsp_token_kind {
    LSP_TOKEN_WORD,      /* an id, keyword or literal: letters, digits, _ . % - */
    LSP_TOKEN_STRING,    /* "..." or a """ block, closed or not */
    LSP_TOKEN_COMMENT,   /* # to the line's end */
    LSP_TOKEN_ARROW,     /* -> */
    LSP_TOKEN_PUNCT,     /* any other byte: { } [ ] : , ... */
} lsp_token_kind;

typedef struct lsp_token {
    lsp_token_kind kind;
    uint32_t begin, end;
    bool is_closed;      /* a string with its closing quote */
} lsp_token;

/* The next token from *cursor (blanks skipped) up to limit; false at limit. */
bool lsp_scan_next(const char *text, uint32_t limit, uint32_t *cursor, lsp_token *token);
/* True for the bytes of an id: letters, digits and '_'. */
bool lsp_scan_is_id_byte(char c);

#endif
