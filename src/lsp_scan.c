/* lsp_scan.c — a forgiving tokeniser for text being typed: words, strings (closed or not),
 * comments and punctuation with their byte ranges. Completion reads the context before the
 * cursor with it and folding finds blocks; neither may trust the text to parse. */
#include "jrn/lsp_scan.h"

static bool lsp_is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '%' || c == '-';
}

bool lsp_scan_is_id_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* A string from its opening quote: "..." ends at the closing quote or the line's end,
 * a """ block at the closing """ or the text's end. */
static void lsp_scan_string(const char *text, uint32_t limit, uint32_t i, lsp_token *token)
{
    bool block = i + 2 < limit && text[i + 1] == '"' && text[i + 2] == '"';
    uint32_t j = i + (block ? 3 : 1);
    token->is_closed = false;
    while (j < limit) {
        if (block) {
            if (j + 2 < limit && text[j] == '"' && text[j + 1] == '"' && text[j + 2] == '"') {
                j += 3;
                token->is_closed = true;
                break;
            }
            j++;
            continue;
        }
        if (text[j] == '\n') break;
        if (text[j] == '\\' && j + 1 < limit && text[j + 1] != '\n') {
            j += 2;
            continue;
        }
        if (text[j++] == '"') {
            token->is_closed = true;
            break;
        }
    }
    token->kind = LSP_TOKEN_STRING;
    token->end = j;
}

bool lsp_scan_next(const char *text, uint32_t limit, uint32_t *cursor, lsp_token *token)
{
    uint32_t i = *cursor;
    while (i < limit && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n' ||
                         text[i] == '\f' || text[i] == '\v')) i++;
    if (i >= limit) {
        *cursor = limit;
        return false;
    }
    token->begin = i;
    token->is_closed = true;
    char c = text[i];
    if (c == '#') {
        while (i < limit && text[i] != '\n') i++;
        token->kind = LSP_TOKEN_COMMENT;
        token->end = i;
    } else if (c == '"') {
        lsp_scan_string(text, limit, i, token);
    } else if (c == '-' && i + 1 < limit && text[i + 1] == '>') {
        token->kind = LSP_TOKEN_ARROW;
        token->end = i + 2;
    } else if (lsp_is_word_byte(c)) {
        while (i < limit && lsp_is_word_byte(text[i]) && !(text[i] == '-' && i + 1 < limit && text[i + 1] == '>')) i++;
        token->kind = LSP_TOKEN_WORD;
        token->end = i;
    } else {
        token->kind = LSP_TOKEN_PUNCT;
        /* Bytes of a multi-byte character are one punctuation token each: harmless here. */
        token->end = i + 1;
    }
    *cursor = token->end;
    return true;
}
