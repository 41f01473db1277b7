/* json_text.c — writes JSON string literals (RFC 8259) that every JSON parser reads back. */
#include "jrn/json_text.h"

#include <string.h>

#include "jrn/source.h"

void json_append_string(jrn_strbuf *out, const char *text)
{
    const unsigned char *bytes = (const unsigned char *)text;
    uint32_t length = (uint32_t)strlen(text);
    strbuf_putc(out, '"');
    for (uint32_t i = 0; i < length;) {
        unsigned char byte = bytes[i];
        switch (byte) {
        case '"': strbuf_puts(out, "\\\""); i++; continue;
        case '\\': strbuf_puts(out, "\\\\"); i++; continue;
        case '\n': strbuf_puts(out, "\\n"); i++; continue;
        case '\r': strbuf_puts(out, "\\r"); i++; continue;
        case '\t': strbuf_puts(out, "\\t"); i++; continue;
        default: break;
        }
        if (byte < 0x20 || byte == 0x7F) {
            strbuf_printf(out, "\\u%04x", byte);
            i++;
            continue;
        }
        uint32_t sequence = utf8_sequence_length(bytes, i, length);
        if (sequence == 0) {
            strbuf_puts(out, "\\ufffd");
            i++;
            continue;
        }
        strbuf_append(out, text + i, sequence);
        i += sequence;
    }
    strbuf_putc(out, '"');
}
