/* strbuf.h — a growable byte buffer on the heap, for building output and decoded strings. */
#ifndef JRN_STRBUF_H
#define JRN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct jrn_strbuf {
    char *data;       /* always NUL-terminated when non-NULL */
    size_t length;
    size_t capacity;
} jrn_strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_append(jrn_strbuf *buffer, const char *text, size_t length);
void strbuf_puts(jrn_strbuf *buffer, const char *text);
void strbuf_putc(jrn_strbuf *buffer, char character);
void strbuf_printf(jrn_strbuf *buffer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(jrn_strbuf *buffer, const char *format, va_list arguments);
/* Appends the UTF-8 encoding of a Unicode scalar value. */
void strbuf_put_codepoint(jrn_strbuf *buffer, unsigned long codepoint);
void strbuf_clear(jrn_strbuf *buffer);
void strbuf_free(jrn_strbuf *buffer);
/* Never NULL: "" for an empty buffer. */
const char *strbuf_text(const jrn_strbuf *buffer);

#endif
