/* source_file.c — a .jrn file the compiler reads from disk each time it parses it instead
 * of holding its text: opening reads it once to check its bytes and index its lines (or,
 * for the single pass, its first parse does that as it reads); each parse reads it again
 * in pieces; a diagnostic reads it whole when it first needs a line. Every read checks
 * that the file is still the one that was indexed. */
#include "jrn/source.h"
#include "jrn/memory.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of the file the opening pass reads at a time (the scanner's pieces are its
 * own buffer's room: see parse.c). */
#define SOURCE_FILE_CHUNK (64u * 1024u)

struct jrn_source_file {
    jrn_arena *arena;              /* the source's: where source_text puts the text */
    struct stat indexed;           /* the file as it was when opened and indexed */
    const char *text;              /* once source_text has read it */
    bool is_indexed;               /* false until the first reading of an unread file ends */
};

/* A file's first reading, from its start to its end in pieces: each piece is checked and
 * indexed as it comes (a UTF-8 sequence a read cut is carried to the next read). Opening
 * a file reads it so to the end; the single pass's reader hands the scanner the checked
 * bytes, buffer[next, checked), as they come. */
typedef struct source_first_reading {
    source_indexer indexer;
    int fd;
    char *buffer;                  /* SOURCE_FILE_CHUNK + 4 bytes */
    uint32_t next, checked, carried;
    uint64_t read_total;           /* bytes read from the file, byte order mark included */
    bool started;                  /* the byte order mark has been looked for */
    bool ended;                    /* read to the end, and the end was where fstat said */
    bool failed;                   /* a read failed, or the file's size is not what fstat said */
} source_first_reading;

/* Whether info is the file that was indexed: any write changes its status-change time,
 * and a replaced file has another inode. */
static bool source_file_is_indexed(const jrn_source_file *file, const struct stat *info)
{
    const struct stat *then = &file->indexed;
    return info->st_dev == then->st_dev && info->st_ino == then->st_ino && info->st_size == then->st_size &&
           info->st_mtim.tv_sec == then->st_mtim.tv_sec && info->st_mtim.tv_nsec == then->st_mtim.tv_nsec &&
           info->st_ctim.tv_sec == then->st_ctim.tv_sec && info->st_ctim.tv_nsec == then->st_ctim.tv_nsec;
}

/* read() until size bytes or the end; the count read, or -1 on an error. */
static ssize_t source_read_fully(int fd, char *buffer, size_t size)
{
    size_t done = 0;
    while (done < size) {
        ssize_t got = read(fd, buffer + done, size - done);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return -1;
        if (got == 0) break;
        done += (size_t)got;
    }
    return (ssize_t)done;
}

/* Where a UTF-8 sequence cut off by the end of a piece begins (so it is checked whole
 * with the next piece), or length when the piece ends on a boundary. */
static uint32_t source_complete_prefix(const unsigned char *bytes, uint32_t length)
{
    for (uint32_t back = 1; back <= 3 && back <= length; back++) {
        unsigned char byte = bytes[length - back];
        if ((byte & 0xC0) == 0x80) continue;            /* a continuation byte: look further */
        uint32_t need = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return need > back ? length - back : length;
    }
    return length;
}

/* Starts the first reading of source's file, open on fd. */
static void source_first_begin(source_first_reading *first, jrn_source *source, int fd)
{
    *first = (source_first_reading){.fd = fd};
    first->buffer = memory_calloc(SOURCE_FILE_CHUNK + 4, 1);
    /* The text is the file less a byte order mark: the file's size bounds it. */
    source_index_begin(&first->indexer, source->file->arena, source, (uint32_t)source->file->indexed.st_size);
}

/* Reads, checks and indexes the next piece: false at the end, or once it failed. */
static bool source_first_refill(source_first_reading *first)
{
    if (first->ended || first->failed) return false;
    memmove(first->buffer, first->buffer + first->checked, first->carried);
    ssize_t got = source_read_fully(first->fd, first->buffer + first->carried, SOURCE_FILE_CHUNK);
    if (got < 0) {
        first->failed = true;
        return false;
    }
    first->read_total += (uint64_t)got;
    uint32_t length = first->carried + (uint32_t)got, start = 0;
    jrn_source *source = first->indexer.source;
    if (!first->started) {
        first->started = true;
        start = source_byte_order_mark_length(first->buffer, length);
        source->had_byte_order_mark = start > 0;
    }
    uint64_t file_size = (uint64_t)source->file->indexed.st_size;
    bool at_end = got == 0 || first->read_total >= file_size;
    const unsigned char *bytes = (const unsigned char *)first->buffer + start;
    uint32_t complete = at_end ? length - start : source_complete_prefix(bytes, length - start);
    source_index_piece(&first->indexer, first->buffer + start, complete);
    first->next = start;
    first->checked = start + complete;
    first->carried = length - first->checked;
    if (at_end) {
        /* One more byte means the file grew since fstat: it is changing under us. */
        char probe;
        first->ended = true;
        first->failed = first->read_total != file_size || source_read_fully(first->fd, &probe, 1) != 0;
    }
    return true;
}

/* Ends the first reading: the source indexed when it was read to the end (clean or not:
 * its first invalid byte is kept) and is to be kept, else left unindexed. True when it
 * was indexed. */
static bool source_first_finish(source_first_reading *first, bool keep)
{
    bool whole = keep && first->ended && !first->failed;
    if (whole) {
        source_index_end(&first->indexer);
        first->indexer.source->file->is_indexed = true;
    } else {
        source_index_abandon(&first->indexer);
    }
    free(first->buffer);
    first->buffer = NULL;
    return whole;
}

/* Opens the regular file at path and makes its source, not yet indexed, with *fd open on
 * it; NULL (status and error_text set) when it is not a readable regular file. Standard
 * input ("-") is read whole instead (*fd is -1). */
static jrn_source *source_open_file(jrn_arena *arena, const char *path, int *fd, jrn_load_status *status,
                                    const char **error_text)
{
    *fd = -1;
    if (strcmp(path, "-") == 0) return source_load(arena, path, status, error_text);
    struct stat info;
    *fd = source_open_regular(arena, path, &info, status, error_text);
    if (*fd < 0) return NULL;
    jrn_source *source = arena_alloc(arena, sizeof *source);
    jrn_source_file *file = arena_alloc(arena, sizeof *file);
    file->arena = arena;
    file->indexed = info;
    source->path = arena_strdup(arena, path);
    source->display_name = source->path;
    source->file = file;
    source->invalid_offset = UINT32_MAX;
    *status = SOURCE_OK;
    *error_text = NULL;
    return source;
}

jrn_source *source_open_unread(jrn_arena *arena, const char *path, jrn_load_status *status,
                               const char **error_text)
{
    int fd;
    jrn_source *source = source_open_file(arena, path, &fd, status, error_text);
    if (fd >= 0) close(fd);
    return source;
}

bool source_is_indexed(const jrn_source *source)
{
    return source->file == NULL || source->file->is_indexed;
}

jrn_source *source_open(jrn_arena *arena, const char *path, jrn_load_status *status,
                        const char **error_text)
{
    int fd;
    jrn_source *source = source_open_file(arena, path, &fd, status, error_text);
    if (fd < 0) return source;   /* standard input, read whole, or a failure */
    source_first_reading first;
    source_first_begin(&first, source, fd);
    while (source_first_refill(&first)) continue;
    close(fd);
    if (!source_first_finish(&first, true)) {
        *status = SOURCE_READ_ERROR;
        *error_text = "it changed while being read";
        return NULL;
    }
    return source;
}

/* Opens the file again and checks it is still the one that was indexed; -1 if not. */
static int source_file_reopen(const jrn_source *source)
{
    struct stat info;
    jrn_load_status status;
    const char *error_text;
    int fd = source_open_regular(source->file->arena, source->path, &info, &status, &error_text);
    if (fd < 0) return -1;
    char mark[3];
    if (!source_file_is_indexed(source->file, &info) ||
        (source->had_byte_order_mark && source_read_fully(fd, mark, sizeof mark) != (ssize_t)sizeof mark)) {
        close(fd);
        return -1;
    }
    return fd;
}

const char *source_text(const jrn_source *source)
{
    if (source->text != NULL) return source->text;
    jrn_source_file *file = source->file;
    if (file->text != NULL) return file->text;
    char *text = arena_alloc(file->arena, (size_t)source->length + SOURCE_PADDING);
    int fd = source_file_reopen(source);
    /* A file that changed or vanished since it was compiled shows blank lines: the
     * messages still say where, and the run has already said it changed. */
    if (fd >= 0) {
        if (source_read_fully(fd, text, source->length) != (ssize_t)source->length) memset(text, 0, source->length);
        close(fd);
    }
    file->text = text;
    return text;
}

bool source_reader_open(jrn_source_reader *reader, const jrn_source *source)
{
    *reader = (jrn_source_reader){source, -1, 0, false, NULL};
    reader->fd = source_file_reopen(source);
    reader->changed = reader->fd < 0;
    if (!reader->changed && !source_is_indexed(source)) {
        reader->first = memory_calloc(1, sizeof *reader->first);
        /* The source is the compilation's own, not yet indexed: its index is made in place. */
        source_first_begin(reader->first, (jrn_source *)source, reader->fd);
    }
    return !reader->changed;
}

/* As many checked bytes of a first reading as buffer holds, up to the first invalid one:
 * the scanner never sees a byte that is not clean UTF-8 (the single pass then gives up).
 * All the room flex offers is filled, as from a file read again: flex rescans the token
 * it is in after each refill, so a 20 MB string handed over a piece at a time costs
 * seconds. */
static size_t source_first_read(jrn_source_reader *reader, char *buffer, size_t size)
{
    source_first_reading *first = reader->first;
    size_t count = 0;
    while (count < size) {
        if (first->next == first->checked && !source_first_refill(first)) {
            reader->changed = first->failed;
            break;
        }
        uint32_t invalid = first->indexer.source->invalid_offset;   /* found by a refill */
        size_t available = first->checked - first->next;
        if (invalid != UINT32_MAX) {
            if (invalid <= reader->delivered) break;
            if (invalid - reader->delivered < available) available = invalid - reader->delivered;
        }
        size_t take = size - count < available ? size - count : available;
        memcpy(buffer + count, first->buffer + first->next, take);
        first->next += (uint32_t)take;
        reader->delivered += (uint32_t)take;
        count += take;
    }
    return reader->changed ? 0 : count;
}

size_t source_reader_read(jrn_source_reader *reader, char *buffer, size_t size)
{
    if (reader->changed) return 0;
    if (reader->first != NULL) return source_first_read(reader, buffer, size);
    size_t left = reader->source->length - reader->delivered;
    size_t want = size < left ? size : left;
    if (want == 0) return 0;
    ssize_t got = source_read_fully(reader->fd, buffer, want);
    if (got != (ssize_t)want) {
        reader->changed = true;
        return 0;
    }
    reader->delivered += (uint32_t)want;
    return want;
}

bool source_reader_close(jrn_source_reader *reader)
{
    if (reader->fd >= 0) {
        /* A first reading has looked past the end already, where it found the end. */
        char probe;
        bool at_end = reader->first != NULL ||
                      (reader->delivered == reader->source->length && source_read_fully(reader->fd, &probe, 1) == 0);
        struct stat info;
        bool same = fstat(reader->fd, &info) == 0 && source_file_is_indexed(reader->source->file, &info);
        if (!at_end || !same) reader->changed = true;
        close(reader->fd);
        reader->fd = -1;
    }
    if (reader->first != NULL) {
        /* Read to the end, the source is indexed (clean or not); one the scanner left
         * before the end (at an invalid byte) is not: the single pass gives up either
         * way, and two passes check the bytes before they parse. */
        if (reader->first->failed) reader->changed = true;
        source_first_finish(reader->first, !reader->changed);
        free(reader->first);
        reader->first = NULL;
    }
    return !reader->changed;
}
