/* strbuf.c — growable byte buffers for output and decoded text. */
#include "jrn/strbuf.h"
#include "jrn/memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void strbuf_reserve(jrn_strbuf *buffer, size_t extra)
{
    if (extra > SIZE_MAX / 2 - buffer->length) memory_exhausted(SIZE_MAX);
    size_t needed = buffer->length + extra + 1;
    if (needed <= buffer->capacity) return;
    if (buffer->drain != NULL && buffer->length > 0) {
        strbuf_drain_rest(buffer);
        needed = extra + 1;
        if (needed <= buffer->capacity) return;
    }
    size_t capacity = buffer->capacity ? buffer->capacity : 256;
    while (capacity < needed) capacity *= 2;
    char *data = memory_realloc_array(buffer->data, capacity, 1);
    buffer->data = data;
    buffer->capacity = capacity;
}

void strbuf_append(jrn_strbuf *buffer, const char *text, size_t length)
{
    strbuf_reserve(buffer, length);
    if (length > 0) memcpy(buffer->data + buffer->length, text, length);
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

void strbuf_puts(jrn_strbuf *buffer, const char *text)
{
    strbuf_append(buffer, text, strlen(text));
}

void strbuf_putc(jrn_strbuf *buffer, char character)
{
    strbuf_append(buffer, &character, 1);
}

void strbuf_vprintf(jrn_strbuf *buffer, const char *format, va_list arguments)
{
    va_list copy;
    va_copy(copy, arguments);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (length <= 0) return;
    strbuf_reserve(buffer, (size_t)length);
    vsnprintf(buffer->data + buffer->length, (size_t)length + 1, format, arguments);
    buffer->length += (size_t)length;
}

void strbuf_printf(jrn_strbuf *buffer, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(buffer, format, arguments);
    va_end(arguments);
}

void strbuf_put_codepoint(jrn_strbuf *buffer, unsigned long codepoint)
{
    char bytes[4];
    size_t length;
    if (codepoint < 0x80) {
        bytes[0] = (char)codepoint;
        length = 1;
    } else if (codepoint < 0x800) {
        bytes[0] = (char)(0xC0 | (codepoint >> 6));
        bytes[1] = (char)(0x80 | (codepoint & 0x3F));
        length = 2;
    } else if (codepoint < 0x10000) {
        bytes[0] = (char)(0xE0 | (codepoint >> 12));
        bytes[1] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
        bytes[2] = (char)(0x80 | (codepoint & 0x3F));
        length = 3;
    } else {
        bytes[0] = (char)(0xF0 | (codepoint >> 18));
        bytes[1] = (char)(0x80 | ((codepoint >> 12) & 0x3F));
        bytes[2] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
        bytes[3] = (char)(0x80 | (codepoint & 0x3F));
        length = 4;
    }
    strbuf_append(buffer, bytes, length);
}

void strbuf_clear(jrn_strbuf *buffer)
{
    buffer->length = 0;
    if (buffer->data != NULL) buffer->data[0] = '\0';
}

void strbuf_drain_into(jrn_strbuf *buffer, size_t capacity, jrn_strbuf_drain drain, void *context)
{
    strbuf_reserve(buffer, capacity - 1);
    buffer->drain = drain;
    buffer->drain_context = context;
}

void strbuf_drain_rest(jrn_strbuf *buffer)
{
    if (buffer->length > 0) buffer->drain(buffer->drain_context, buffer->data, buffer->length);
    strbuf_clear(buffer);
}

void strbuf_free(jrn_strbuf *buffer)
{
    free(buffer->data);
    *buffer = (jrn_strbuf)STRBUF_INIT;
}

const char *strbuf_text(const jrn_strbuf *buffer)
{
    return buffer->data != NULL ? buffer->data : "";
}
