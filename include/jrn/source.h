/* source.h — a loaded .jrn file: its bytes read once and held, UTF-8 checked, BOM stripped,
 * with a line index. */
#ifndef JRN_SOURCE_H
#define JRN_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/arena.h"

/* Files larger than this are refused: offsets are 32-bit and nobody writes maps this big. */
#define SOURCE_SIZE_LIMIT (256u * 1024u * 1024u)

/* Zero bytes after every source's text: the NUL terminator and the two end-of-buffer
 * bytes the scanner needs to scan the text in place, without a copy. */
#define SOURCE_PADDING 3

typedef struct jrn_source {
    const char *path;          /* as given or resolved; "-" for standard input */
    const char *display_name;  /* what diagnostics print: "<stdin>" for "-" */
    const char *text;          /* NUL-terminated (SOURCE_PADDING zero bytes follow), BOM removed */
    uint32_t length;
    uint32_t *line_starts;     /* byte offset of each line's first byte */
    uint32_t line_count;
    /* Code points, and those of four bytes (two UTF-16 code units each), before each
     * SOURCE_CHECKPOINT_BYTES boundary, so a column on a line a megabyte long costs a
     * bounded count, not a walk from the line's start. */
    uint32_t *codepoint_checkpoints;
    uint32_t *four_byte_checkpoints;
    bool had_byte_order_mark;  /* the bytes began with EF BB BF (removed from text) */
    uint32_t invalid_offset;   /* the first byte that is not UTF-8 or is NUL, or UINT32_MAX */
    const char *invalid_reason;
} jrn_source;

#define SOURCE_CHECKPOINT_BYTES 1024u

/* A half-open byte range [begin, end) of one source. */
typedef struct jrn_span {
    const jrn_source *source;
    uint32_t begin;
    uint32_t end;
} jrn_span;

typedef struct jrn_position {
    uint32_t line;    /* 1-based */
    uint32_t column;  /* 1-based, counted in Unicode code points */
} jrn_position;

typedef enum jrn_load_status {
    SOURCE_OK,
    SOURCE_NOT_FOUND,
    SOURCE_NOT_REGULAR,   /* a folder, FIFO, device: never read */
    SOURCE_TOO_LARGE,
    SOURCE_READ_ERROR,
} jrn_load_status;

/* Reads a whole file ("-" = standard input) into the arena. On failure returns
 * NULL and sets *status and *error_text (errno text or a reason). */
jrn_source *source_load(jrn_arena *arena, const char *path, jrn_load_status *status,
                        const char **error_text);
/* The text of source (BOM removed, SOURCE_PADDING zero bytes after it). */
static inline const char *source_text(const jrn_source *source)
{
    return source->text;
}

/* Wraps bytes already in memory (tests, fuzzing, formatter). Copies them. */
jrn_source *source_from_memory(jrn_arena *arena, const char *display_name,
                               const char *bytes, size_t length);

/* Offset of the first byte that is not valid UTF-8 or is NUL, or UINT32_MAX when the
 * text is clean. *reason says what is wrong ("invalid UTF-8 byte 0xC3", "NUL byte"). */
uint32_t source_find_invalid_byte(const jrn_source *source, const char **reason);

/* Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid. */
uint32_t utf8_sequence_length(const unsigned char *text, uint32_t i, uint32_t length);

jrn_position source_position(const jrn_source *source, uint32_t offset);
/* UTF-16 code units in text[begin, end) (a character of four bytes is two), for a range
 * of valid UTF-8 (every source before its first invalid byte): bounded work however long
 * its line. */
uint32_t source_utf16_units(const jrn_source *source, uint32_t begin, uint32_t end);
/* The line containing offset, without its line end. */
const char *source_line_text(const jrn_source *source, uint32_t line, uint32_t *length);

#endif
