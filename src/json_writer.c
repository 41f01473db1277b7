/* json_writer.c — the one JSON writer: containers, keys and values streamed into a
 * jrn_strbuf in jrnc's layout (two-space indentation, short containers on one line). */
#include "jrn/json_writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/source.h"
#include "jrn/values.h"

json_writer json_writer_start(jrn_strbuf *out, jrn_arena *arena, json_number_style numbers)
{
    return (json_writer){.out = out, .arena = arena, .numbers = numbers};
}

static json_container *json_innermost(json_writer *writer)
{
    return writer->depth > 0 ? &writer->open[writer->depth - 1] : NULL;
}

static void json_newline(json_writer *writer)
{
    strbuf_putc(writer->out, '\n');
    for (size_t i = 0; i < writer->depth; i++) strbuf_puts(writer->out, "  ");
}

/* The separator before the next member or item of the open container. */
static void json_separate(json_writer *writer)
{
    json_container *container = json_innermost(writer);
    if (container == NULL) return;
    if (!container->empty) strbuf_putc(writer->out, ',');
    if (container->layout == JSON_LINES) json_newline(writer);
    else if (!container->empty) strbuf_putc(writer->out, ' ');
    container->empty = false;
}

/* Every value starts here: after a key it follows ": ", in an array it is the next item. */
static void json_value_start(json_writer *writer)
{
    if (writer->after_key) writer->after_key = false;
    else json_separate(writer);
}

static void json_begin(json_writer *writer, char bracket, bool is_array, json_layout layout)
{
    json_value_start(writer);
    /* Documents have a fixed shape: a deeper one is a bug in its writer, not in input. */
    if (writer->depth == JSON_WRITER_MAX_DEPTH) abort();
    strbuf_putc(writer->out, bracket);
    writer->open[writer->depth++] = (json_container){layout, is_array, true};
}

static void json_end(json_writer *writer, char bracket)
{
    json_container closing = writer->open[--writer->depth];
    if (!closing.empty && closing.layout == JSON_LINES) json_newline(writer);
    strbuf_putc(writer->out, bracket);
}

void json_object_begin(json_writer *writer, json_layout layout) { json_begin(writer, '{', false, layout); }
void json_object_end(json_writer *writer) { json_end(writer, '}'); }
void json_array_begin(json_writer *writer, json_layout layout) { json_begin(writer, '[', true, layout); }
void json_array_end(json_writer *writer) { json_end(writer, ']'); }

void json_relayout(json_writer *writer, json_layout layout)
{
    json_container *container = json_innermost(writer);
    if (container != NULL) container->layout = layout;
}

static void json_escaped(jrn_strbuf *out, const char *text)
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

void json_key(json_writer *writer, const char *key)
{
    json_separate(writer);
    json_escaped(writer->out, key);
    strbuf_puts(writer->out, ": ");
    writer->after_key = true;
}

void json_put_string(json_writer *writer, const char *text)
{
    json_value_start(writer);
    if (text != NULL) json_escaped(writer->out, text);
    else strbuf_puts(writer->out, "null");
}

/* 15 digits read back for nearly every value a person writes; 17 always do. */
static void json_round_trip_number(jrn_strbuf *out, double value)
{
    char text[32];
    snprintf(text, sizeof text, "%.15g", value);
    if (strtod(text, NULL) != value) snprintf(text, sizeof text, "%.17g", value);
    strbuf_puts(out, text);
}

/* JSON has no infinity: a flow's endless visits (a trap) are null. Rounding noise below
 * 1e-12 prints as 0 so the text is stable from run to run. */
static void json_ten_digit_number(jrn_strbuf *out, double value)
{
    if (!isfinite(value)) {
        strbuf_puts(out, "null");
        return;
    }
    if (fabs(value) < 1e-12) value = 0;
    strbuf_printf(out, "%.10g", value);
}

void json_put_number(json_writer *writer, double value)
{
    json_value_start(writer);
    switch (writer->numbers) {
    case JSON_NUMBER_SHORTEST: strbuf_puts(writer->out, number_text(writer->arena, value)); break;
    case JSON_NUMBER_ROUND_TRIP: json_round_trip_number(writer->out, value); break;
    case JSON_NUMBER_TEN_DIGITS: json_ten_digit_number(writer->out, value); break;
    }
}

void json_put_integer(json_writer *writer, uintmax_t value)
{
    json_value_start(writer);
    strbuf_printf(writer->out, "%ju", value);
}

void json_put_bool(json_writer *writer, bool value)
{
    json_value_start(writer);
    strbuf_puts(writer->out, value ? "true" : "false");
}

void json_put_null(json_writer *writer)
{
    json_value_start(writer);
    strbuf_puts(writer->out, "null");
}

void json_member_string(json_writer *writer, const char *key, const char *text)
{
    json_key(writer, key);
    json_put_string(writer, text);
}

void json_member_number(json_writer *writer, const char *key, double value)
{
    json_key(writer, key);
    json_put_number(writer, value);
}

void json_member_integer(json_writer *writer, const char *key, uintmax_t value)
{
    json_key(writer, key);
    json_put_integer(writer, value);
}

void json_member_bool(json_writer *writer, const char *key, bool value)
{
    json_key(writer, key);
    json_put_bool(writer, value);
}

void json_member_null(json_writer *writer, const char *key)
{
    json_key(writer, key);
    json_put_null(writer);
}
