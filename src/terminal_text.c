/* terminal_text.c — shows the characters of a user string that could drive a terminal
 * (escape sequences, cursor moves, forged lines) as visible escapes. */
#include "jrn/terminal_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "jrn/source.h"

/* Code points that reorder or break what a terminal shows: bidirectional embeddings,
 * overrides and isolates, marks, and the Unicode line and paragraph separators. */
static bool terminal_text_is_invisible_control(uint32_t codepoint)
{
    return (codepoint >= 0x202A && codepoint <= 0x202E) || (codepoint >= 0x2066 && codepoint <= 0x2069) ||
           codepoint == 0x200E || codepoint == 0x200F || codepoint == 0x061C ||
           codepoint == 0x2028 || codepoint == 0x2029;
}

static uint32_t terminal_text_decode(const unsigned char *bytes, uint32_t size)
{
    if (size == 1) return bytes[0];
    uint32_t codepoint = bytes[0] & (0xFF >> (size + 1));
    for (uint32_t k = 1; k < size; k++) codepoint = (codepoint << 6) | (bytes[k] & 0x3F);
    return codepoint;
}

void terminal_text_put(jrn_strbuf *out, const char *text, size_t length)
{
    const unsigned char *bytes = (const unsigned char *)text;
    size_t i = 0;
    while (i < length) {
        /* At most one character's bytes: the decoder takes 32-bit lengths. */
        uint32_t window = length - i < 4 ? (uint32_t)(length - i) : 4;
        uint32_t size = utf8_sequence_length(bytes + i, 0, window);
        if (size == 0) {
            strbuf_printf(out, "\\x%02X", bytes[i]);
            i++;
            continue;
        }
        uint32_t codepoint = terminal_text_decode(bytes + i, size);
        if (codepoint == '\n') strbuf_puts(out, "\\n");
        else if (codepoint == '\t') strbuf_puts(out, "\\t");
        else if (codepoint == '\r') strbuf_puts(out, "\\r");
        else if (codepoint < 0x20 || (codepoint >= 0x7F && codepoint <= 0x9F) ||
                 terminal_text_is_invisible_control(codepoint)) {
            strbuf_printf(out, "\\u{%X}", (unsigned)codepoint);
        } else {
            strbuf_append(out, text + i, size);
        }
        i += size;
    }
}

size_t terminal_text_invisible_control_length(const char *text)
{
    const unsigned char *bytes = (const unsigned char *)text;
    uint32_t window = (uint32_t)strnlen(text, 4);
    uint32_t size = utf8_sequence_length(bytes, 0, window);
    if (size < 2) return 0;
    return terminal_text_is_invisible_control(terminal_text_decode(bytes, size)) ? size : 0;
}

void terminal_text_puts(jrn_strbuf *out, const char *text)
{
    terminal_text_put(out, text, strlen(text));
}

void terminal_text_print(FILE *stream, const char *text)
{
    jrn_strbuf out = STRBUF_INIT;
    terminal_text_puts(&out, text);
    fwrite(strbuf_text(&out), 1, out.length, stream);
    strbuf_free(&out);
}
