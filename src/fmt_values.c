/* fmt_values.c — the canonical spelling of values: strings re-escaped, text blocks
 * re-indented, ranges without blanks, other literals as written. */
#include "jrn/fmt.h"

#include <string.h>

void fmt_append_string(jrn_strbuf *out, const char *text)
{
    strbuf_putc(out, '"');
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        switch (*c) {
        case '"': strbuf_puts(out, "\\\""); break;
        case '\\': strbuf_puts(out, "\\\\"); break;
        case '\n': strbuf_puts(out, "\\n"); break;
        case '\t': strbuf_puts(out, "\\t"); break;
        default:
            /* Other control characters would be invisible (or end the line) if written raw. */
            if (*c < 0x20 || *c == 0x7F) strbuf_printf(out, "\\u{%X}", (unsigned)*c);
            else strbuf_putc(out, (char)*c);
            break;
        }
    }
    strbuf_putc(out, '"');
}

/* "1 .. 5" is the range 1..5: the blanks around ".." carry nothing. */
static void fmt_append_range(jrn_strbuf *out, const char *text)
{
    for (const char *c = text; *c != '\0'; c++) {
        if (*c != ' ' && *c != '\t') strbuf_putc(out, *c);
    }
}

void fmt_append_value(jrn_strbuf *out, const jrn_value *value)
{
    switch (value->kind) {
    case VALUE_STRING: fmt_append_string(out, value->text); break;
    case VALUE_RANGE: fmt_append_range(out, value->text); break;
    case VALUE_IDENT:
    case VALUE_NUMBER:
    case VALUE_PERCENT:
    case VALUE_DATE:
    case VALUE_DURATION:
        strbuf_puts(out, value->text);
        break;
    }
}

static bool fmt_is_blank(const char *line, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (line[i] != ' ' && line[i] != '\t') return false;
    }
    return true;
}

/* Whether some line of text has more than blanks: the reader strips the common indentation
 * of such lines, which is how our added indentation goes away again. */
static bool fmt_has_content_line(const char *text)
{
    const char *line = text;
    for (;;) {
        const char *newline = strchr(line, '\n');
        size_t length = newline != NULL ? (size_t)(newline - line) : strlen(line);
        if (!fmt_is_blank(line, length)) return true;
        if (newline == NULL) return false;
        line = newline + 1;
    }
}

bool fmt_text_block_fits(const char *text)
{
    /* Text of blanks only has no indentation to strip, and a CR before a line end would
     * read back as a CRLF line end, which the block turns into LF. */
    return fmt_has_content_line(text) && strchr(text, '\r') == NULL;
}

static void fmt_append_spaces(jrn_strbuf *out, size_t count)
{
    for (size_t i = 0; i < count; i++) strbuf_putc(out, ' ');
}

void fmt_append_text_block(jrn_strbuf *out, const char *text, size_t indent)
{
    strbuf_puts(out, "\"\"\"\n");
    const char *line = text;
    for (;;) {
        const char *newline = strchr(line, '\n');
        size_t length = newline != NULL ? (size_t)(newline - line) : strlen(line);
        if (length > 0) {
            fmt_append_spaces(out, indent);
            strbuf_append(out, line, length);
        }
        strbuf_putc(out, '\n');
        if (newline == NULL) break;
        line = newline + 1;
    }
    fmt_append_spaces(out, indent);
    strbuf_puts(out, "\"\"\"");
}

void fmt_append_comment(jrn_strbuf *out, const jrn_comment *comment)
{
    size_t length = strlen(comment->text);
    while (length > 0 && (comment->text[length - 1] == ' ' || comment->text[length - 1] == '\t')) {
        length--;
    }
    strbuf_append(out, comment->text, length);
}

size_t fmt_text_width(const char *text, size_t length)
{
    size_t width = 0;
    for (size_t i = 0; i < length; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80) width++;
    }
    return width;
}
