/* strbuf.h — a growable byte buffer on the heap, for building output and decoded strings. */
#ifndef JRN_STRBUF_H
#define JRN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

/* Where a draining buffer hands its text on: every byte appended, in order, in parts. */
typedef void (*jrn_strbuf_drain)(void *context, const char *text, size_t length);

typedef struct jrn_strbuf {
    char *data;       /* always NUL-terminated when non-NULL */
    size_t length;
    size_t capacity;
    jrn_strbuf_drain drain;  /* NULL (the usual case): the buffer holds all its text */
    void *drain_context;
} jrn_strbuf;

#define STRBUF_INIT {NULL, 0, 0, NULL, NULL}

void strbuf_append(jrn_strbuf *buffer, const char *text, size_t length);
void strbuf_puts(jrn_strbuf *buffer, const char *text);
void strbuf_putc(jrn_strbuf *buffer, char character);
void strbuf_printf(jrn_strbuf *buffer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(jrn_strbuf *buffer, const char *format, va_list arguments);
/* Appends the UTF-8 encoding of a Unicode scalar value. */
void strbuf_put_codepoint(jrn_strbuf *buffer, unsigned long codepoint);
void strbuf_clear(jrn_strbuf *buffer);

/* From now on the (empty) buffer holds at most about capacity bytes: when more would not
 * fit, it hands its text to drain and starts again, so strbuf_text gives only the text not
 * yet handed on. For a writer that only appends; strbuf_drain_rest hands on the rest. */
void strbuf_drain_into(jrn_strbuf *buffer, size_t capacity, jrn_strbuf_drain drain, void *context);
void strbuf_drain_rest(jrn_strbuf *buffer);
void strbuf_free(jrn_strbuf *buffer);
/* Never NULL: "" for an empty buffer. */
const char *strbuf_text(const jrn_strbuf *buffer);

#endif
