/* json_writer.h — the one JSON writer: every JSON document jrnc writes (-f json, lint's
 * JSON and SARIF, flow and diff JSON) streams through it into a jrn_strbuf. */
#ifndef JRN_JSON_WRITER_H
#define JRN_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/arena.h"
#include "jrn/strbuf.h"

/* How an object or array is laid out: one member per line, indented two spaces a level,
 * the closing bracket on a line of its own; or all on one line, members after ", ".
 * An empty container is "{}" or "[]" either way. */
typedef enum json_layout { JSON_LINES, JSON_INLINE } json_layout;

/* How a document writes its numbers (each document keeps the form it has always had). */
typedef enum json_number_style {
    JSON_NUMBER_SHORTEST,   /* the shortest text that reads back, no exponent (number_text) */
    JSON_NUMBER_ROUND_TRIP, /* 15 significant digits, 17 where 15 do not read back */
    JSON_NUMBER_TEN_DIGITS  /* 10 significant digits, |x| < 1e-12 as 0, infinities as null */
} json_number_style;

/* Deep enough for every document jrnc writes (SARIF nests eight levels). */
enum { JSON_WRITER_MAX_DEPTH = 16 };

typedef struct json_container {
    json_layout layout;
    bool is_array;
    bool empty;            /* no member or item written yet */
} json_container;

typedef struct json_writer {
    jrn_strbuf *out;
    jrn_arena *arena;      /* room for number text; needed only by JSON_NUMBER_SHORTEST */
    json_number_style numbers;
    size_t depth;          /* open containers */
    bool after_key;        /* a key was written and its value is next */
    json_container open[JSON_WRITER_MAX_DEPTH];
} json_writer;

/* A writer that appends one JSON value (usually an object) to out. */
json_writer json_writer_start(jrn_strbuf *out, jrn_arena *arena, json_number_style numbers);

void json_object_begin(json_writer *writer, json_layout layout);
void json_object_end(json_writer *writer);
void json_array_begin(json_writer *writer, json_layout layout);
void json_array_end(json_writer *writer);
/* The members that follow in the open container, and its closing bracket, take this
 * layout: a run of short members on one line inside a one-per-line object, say. */
void json_relayout(json_writer *writer, json_layout layout);

/* Starts the next member of the open object; its value comes next. */
void json_key(json_writer *writer, const char *key);

/* Values: an array item, a member's value after json_key, or the document itself. */
/* text as a JSON string (RFC 8259): quotes, backslashes and control characters escaped,
 * UTF-8 kept as it is, any byte that is not UTF-8 written as \ufffd; NULL as null. */
void json_put_string(json_writer *writer, const char *text);
void json_put_number(json_writer *writer, double value);
void json_put_integer(json_writer *writer, uintmax_t value);
void json_put_bool(json_writer *writer, bool value);
void json_put_null(json_writer *writer);

/* A key and its value in one call. */
void json_member_string(json_writer *writer, const char *key, const char *text);
void json_member_number(json_writer *writer, const char *key, double value);
void json_member_integer(json_writer *writer, const char *key, uintmax_t value);
void json_member_bool(json_writer *writer, const char *key, bool value);
void json_member_null(json_writer *writer, const char *key);

#endif
