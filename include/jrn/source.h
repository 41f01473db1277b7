/* source.h — a loaded .jrn file: its bytes, UTF-8 checked, BOM stripped, with a line index. */
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

/* A file the compiler reads from disk each time it parses it, rather than holding its
 * text (see source_open). */
typedef struct jrn_source_file jrn_source_file;

typedef struct jrn_source {
    const char *path;          /* as given or resolved; "-" for standard input */
    const char *display_name;  /* what diagnostics print: "<stdin>" for "-" */
    /* NUL-terminated (SOURCE_PADDING zero bytes follow), BOM removed; NULL for a source
     * read from disk on demand: then source_text() reads it. */
    const char *text;
    jrn_source_file *file;     /* NULL when the text is in memory */
    uint32_t length;
    uint32_t *line_starts;     /* byte offset of each line's first byte */
    uint32_t line_count;
    /* Code points before each SOURCE_CHECKPOINT_BYTES boundary, so a column on a line a
     * megabyte long costs a bounded count, not a walk from the line's start. */
    uint32_t *codepoint_checkpoints;
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
/* Opens a regular file for the compiler: reads it once to check its bytes and index its
 * lines, but keeps no copy of its text; each parse reads it again (source_reader) and
 * diagnostics read it when they first need a line (source_text). A big map's text is
 * then never in memory whole while it is compiled. Standard input is read whole, as by
 * source_load. Failures as for source_load. */
jrn_source *source_open(jrn_arena *arena, const char *path, jrn_load_status *status,
                        const char **error_text);
/* Opens a regular file without reading it, for a compilation that parses it once (the
 * single pass, src/sema_one_pass.c): the first parse's reader checks its bytes and indexes
 * its lines as it reads, so the file is read once, not twice. Until that reader is closed
 * the source has no line index and no length. Failures as for source_open (a file that
 * cannot be read whole shows as changed to the reader). */
jrn_source *source_open_unread(jrn_arena *arena, const char *path, jrn_load_status *status,
                               const char **error_text);
/* False for a source_open_unread file whose first reading has not ended. */
bool source_is_indexed(const jrn_source *source);
/* The text of source (BOM removed, SOURCE_PADDING zero bytes after it), reading it from
 * disk the first time for a source_open'ed file. */
const char *source_text(const jrn_source *source);

/* Wraps bytes already in memory (tests, fuzzing, formatter). Copies them. */
jrn_source *source_from_memory(jrn_arena *arena, const char *display_name,
                               const char *bytes, size_t length);

/* Offset of the first byte that is not valid UTF-8 or is NUL, or UINT32_MAX when the
 * text is clean. *reason says what is wrong ("invalid UTF-8 byte 0xC3", "NUL byte"). */
uint32_t source_find_invalid_byte(const jrn_source *source, const char **reason);

/* Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid. */
uint32_t utf8_sequence_length(const unsigned char *text, uint32_t i, uint32_t length);

jrn_position source_position(const jrn_source *source, uint32_t offset);
/* The line containing offset, without its line end. */
const char *source_line_text(const jrn_source *source, uint32_t line, uint32_t *length);

/* Shared by source.c and source_file.c. */
struct stat;
/* Opens path for reading when it is a regular file within the size limit; else -1 with
 * *status and *error_text set. */
int source_open_regular(jrn_arena *arena, const char *path, struct stat *info, jrn_load_status *status,
                        const char **error_text);
/* 3 when bytes begin with the UTF-8 byte order mark (EF BB BF), else 0. */
uint32_t source_byte_order_mark_length(const char *bytes, size_t length);

/* Builds a source's line index and code-point checkpoints and finds its first invalid
 * byte, from its text given in pieces: whole for a text in memory, as read for a file. */
typedef struct source_indexer {
    jrn_arena *arena;
    jrn_source *source;
    uint32_t *line_starts;         /* on the heap while growing */
    size_t line_count;
    uint32_t codepoints;           /* code points before the offset reached */
    uint32_t offset;               /* text bytes indexed so far */
} source_indexer;

/* capacity: at least the text's length (the checkpoints are made for it). */
void source_index_begin(source_indexer *indexer, jrn_arena *arena, jrn_source *source, uint32_t capacity);
/* The next length bytes of text; a piece may not end inside a UTF-8 sequence unless the
 * text does. */
void source_index_piece(source_indexer *indexer, const char *bytes, uint32_t length);
/* Sets the source's length and line index. */
void source_index_end(source_indexer *indexer);
/* Lets go of an index that will not be ended (the file could not be read). */
void source_index_abandon(source_indexer *indexer);

/* Reads an opened file's text again in pieces, for the scanner; the first reading of a
 * source_open_unread file indexes it on the way, and hands out only checked bytes. */
typedef struct jrn_source_reader {
    const jrn_source *source;
    int fd;
    uint32_t delivered;        /* bytes of text handed out so far */
    bool changed;              /* the file is not the one source_open read */
    struct source_first_reading *first;  /* while indexing (source_file.c), else NULL */
} jrn_source_reader;

/* False (changed set) when the file cannot be opened or is no longer the same file. */
bool source_reader_open(jrn_source_reader *reader, const jrn_source *source);
/* Up to size bytes of text into buffer; 0 at the end (or once changed is set, or at the
 * first invalid byte of a first reading). */
size_t source_reader_read(jrn_source_reader *reader, char *buffer, size_t size);
/* Closes the reader; false when the file changed while it was read. A first reading
 * read to the end leaves the source indexed (source_find_invalid_byte then tells whether
 * its bytes are clean); one that stopped early (at an invalid byte) leaves it unindexed. */
bool source_reader_close(jrn_source_reader *reader);

#endif
