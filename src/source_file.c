/* source_file.c — a .jrn file the compiler reads from disk each time it parses it instead
 * of holding its text: opening reads it once to check its bytes and index its lines;
 * each parse reads it again in pieces; a diagnostic reads it whole when it first needs a
 * line. Every read checks that the file is still the one that was indexed. */
#include "jrn/source.h"
#include "jrn/memory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of the file one read takes: the scanner's piece, and the index pass's. */
#define SOURCE_FILE_CHUNK (64u * 1024u)

/* What identifies the file's contents without reading them: any write changes the
 * status-change time, and a replaced file has another inode. */
typedef struct source_identity {
    dev_t device;
    ino_t inode;
    off_t size;
    struct timespec modified;
    struct timespec status_changed;
} source_identity;

struct jrn_source_file {
    jrn_arena *arena;              /* the source's: where source_text puts the text */
    source_identity identity;
    uint32_t skipped;              /* 3 when a byte order mark was removed, else 0 */
    uint32_t invalid_offset;       /* first byte that is not UTF-8 (or is NUL), or UINT32_MAX */
    const char *invalid_reason;
    const char *text;              /* once source_text has read it */
};

static source_identity source_identity_of(const struct stat *info)
{
    return (source_identity){info->st_dev, info->st_ino, info->st_size, info->st_mtim, info->st_ctim};
}

static bool source_same_identity(const source_identity *a, const source_identity *b)
{
    return a->device == b->device && a->inode == b->inode && a->size == b->size &&
           a->modified.tv_sec == b->modified.tv_sec && a->modified.tv_nsec == b->modified.tv_nsec &&
           a->status_changed.tv_sec == b->status_changed.tv_sec &&
           a->status_changed.tv_nsec == b->status_changed.tv_nsec;
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

/* The index the opening pass builds, piece by piece. */
typedef struct source_indexer {
    jrn_arena *arena;
    jrn_source *source;
    jrn_source_file *file;
    uint32_t *line_starts;         /* on the heap while growing */
    size_t line_count;
    uint32_t codepoints;           /* code points before the text offset reached */
    uint32_t offset;               /* text bytes indexed so far */
} source_indexer;

/* Indexes text bytes [offset, offset + length): line starts and code-point checkpoints. */
static void source_index_piece(source_indexer *indexer, const char *bytes, uint32_t length)
{
    jrn_source *source = indexer->source;
    for (const char *p = bytes, *end = bytes + length; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        MEMORY_PUSH(indexer->line_starts, indexer->line_count, indexer->offset + (uint32_t)(p - bytes) + 1);
    }
    uint32_t done = 0;
    while (done < length) {
        uint32_t at = indexer->offset + done;
        uint32_t boundary = (at / SOURCE_CHECKPOINT_BYTES + 1) * SOURCE_CHECKPOINT_BYTES;
        uint32_t take = boundary - at < length - done ? boundary - at : length - done;
        indexer->codepoints += take - source_continuation_bytes(bytes, done, done + take);
        done += take;
        if (indexer->offset + done == boundary) {
            source->codepoint_checkpoints[boundary / SOURCE_CHECKPOINT_BYTES] = indexer->codepoints;
        }
    }
    indexer->offset += length;
}

/* Checks the bytes of one piece (the first problem is kept), then indexes it. */
static void source_check_piece(source_indexer *indexer, const char *bytes, uint32_t length)
{
    jrn_source_file *file = indexer->file;
    if (file->invalid_offset == UINT32_MAX) {
        const char *reason;
        uint32_t invalid = utf8_find_invalid((const unsigned char *)bytes, length, &reason, indexer->arena);
        if (invalid != UINT32_MAX) {
            file->invalid_offset = indexer->offset + invalid;
            file->invalid_reason = reason;
        }
    }
    source_index_piece(indexer, bytes, length);
}

/* The opening pass: reads the whole file once, in pieces. False if it cannot be read or
 * does not end where fstat said it would. */
static bool source_index_file(source_indexer *indexer, int fd, uint64_t file_size)
{
    static const char byte_order_mark[] = "\xEF\xBB\xBF";
    char *buffer = memory_calloc(SOURCE_FILE_CHUNK + 4, 1);
    uint32_t carried = 0;
    uint64_t read_total = 0;
    bool first = true, ok = true;
    for (;;) {
        ssize_t got = source_read_fully(fd, buffer + carried, SOURCE_FILE_CHUNK);
        if (got < 0) {
            ok = false;
            break;
        }
        read_total += (uint64_t)got;
        uint32_t length = carried + (uint32_t)got;
        char *bytes = buffer;
        if (first) {
            first = false;
            if (length >= 3 && memcmp(bytes, byte_order_mark, 3) == 0) {
                indexer->file->skipped = 3;
                indexer->source->had_byte_order_mark = true;
                bytes += 3;
                length -= 3;
            }
        }
        bool at_end = got == 0 || read_total >= file_size;
        uint32_t complete = at_end ? length : source_complete_prefix((const unsigned char *)bytes, length);
        source_check_piece(indexer, bytes, complete);
        carried = length - complete;
        memmove(buffer, bytes + complete, carried);
        if (at_end) {
            /* One more byte means the file grew since fstat: it is changing under us. */
            char probe;
            ok = carried == 0 && read_total == file_size && source_read_fully(fd, &probe, 1) == 0;
            break;
        }
    }
    free(buffer);
    return ok;
}

jrn_source *source_open(jrn_arena *arena, const char *path, jrn_load_status *status,
                        const char **error_text)
{
    if (strcmp(path, "-") == 0) return source_load(arena, path, status, error_text);
    struct stat info;
    int fd = source_open_regular(arena, path, &info, status, error_text);
    if (fd < 0) return NULL;
    jrn_source *source = arena_alloc(arena, sizeof *source);
    jrn_source_file *file = arena_alloc(arena, sizeof *file);
    file->arena = arena;
    file->identity = source_identity_of(&info);
    file->invalid_offset = UINT32_MAX;
    source->path = arena_strdup(arena, path);
    source->display_name = source->path;
    source->file = file;
    /* The text is the file less a byte order mark: the checkpoints cover the larger. */
    uint32_t size = (uint32_t)info.st_size;
    source->codepoint_checkpoints = arena_alloc_array(arena, size / SOURCE_CHECKPOINT_BYTES + 1, sizeof(uint32_t));
    source_indexer indexer = {arena, source, file, NULL, 0, 0, 0};
    MEMORY_PUSH(indexer.line_starts, indexer.line_count, 0);
    bool indexed = source_index_file(&indexer, fd, (uint64_t)info.st_size);
    close(fd);
    if (!indexed) {
        free(indexer.line_starts);
        *status = SOURCE_READ_ERROR;
        *error_text = "it changed while being read";
        return NULL;
    }
    source->length = indexer.offset;
    source->line_count = (uint32_t)indexer.line_count;
    source->line_starts = arena_alloc_array(arena, indexer.line_count, sizeof *source->line_starts);
    memcpy(source->line_starts, indexer.line_starts, indexer.line_count * sizeof *source->line_starts);
    free(indexer.line_starts);
    *status = SOURCE_OK;
    *error_text = NULL;
    return source;
}

uint32_t source_file_invalid_byte(const jrn_source_file *file, const char **reason)
{
    *reason = file->invalid_reason;
    return file->invalid_offset;
}

/* Opens the file again and checks it is still the one that was indexed; -1 if not. */
static int source_file_reopen(const jrn_source *source)
{
    int fd = open(source->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat info;
    source_identity now;
    if (fstat(fd, &info) != 0 || (now = source_identity_of(&info), !source_same_identity(&now, &source->file->identity))) {
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    char skipped[3];
    uint32_t skip = source->file->skipped;
    if (skip > 0 && source_read_fully(fd, skipped, skip) != (ssize_t)skip) {
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
    *reader = (jrn_source_reader){source, -1, 0, false};
    reader->fd = source_file_reopen(source);
    reader->changed = reader->fd < 0;
    return !reader->changed;
}

size_t source_reader_read(jrn_source_reader *reader, char *buffer, size_t size)
{
    if (reader->changed) return 0;
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
        char probe;
        bool at_end = reader->delivered == reader->source->length && source_read_fully(reader->fd, &probe, 1) == 0;
        struct stat info;
        source_identity now;
        bool same = fstat(reader->fd, &info) == 0 &&
                    (now = source_identity_of(&info), source_same_identity(&now, &reader->source->file->identity));
        if (!at_end || !same) reader->changed = true;
        close(reader->fd);
        reader->fd = -1;
    }
    return !reader->changed;
}
