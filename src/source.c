/* source.c — loads a file or standard input whole, once, and maps byte offsets to
 * line:column. */
#include "jrn/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jrn/memory.h"
#include "jrn/strbuf.h"

/* UTF-8 continuation bytes (10xxxxxx) in text[begin, end): a code point starts at every
 * other byte. Eight bytes at a time: bit 7 set and bit 6 clear, one flag per byte, summed
 * into the top byte by a multiplication (popcount would be a library call on a build for
 * any x86-64, without the instruction). */
static uint32_t source_continuation_bytes(const char *text, uint32_t begin, uint32_t end)
{
    uint32_t count = 0, i = begin;
    for (; end - i >= 8; i += 8) {
        uint64_t word;
        memcpy(&word, text + i, sizeof word);
        uint64_t flags = (word & ~(word << 1) & 0x8080808080808080u) >> 7;
        count += (uint32_t)((flags * 0x0101010101010101u) >> 56);
    }
    for (; i < end; i++) count += ((unsigned char)text[i] & 0xC0) == 0x80;
    return count;
}

/* Lead bytes of four-byte sequences (11110xxx) in text[begin, end): each starts a code
 * point outside the Basic Multilingual Plane, two UTF-16 code units. */
static uint32_t source_four_byte_leads(const char *text, uint32_t begin, uint32_t end)
{
    uint32_t count = 0;
    for (uint32_t i = begin; i < end; i++) count += ((unsigned char)text[i] & 0xF8) == 0xF0;
    return count;
}

/* Code points in text[0, offset): the checkpoint before it plus at most a block's worth. */
static uint32_t source_codepoints_before(const jrn_source *source, uint32_t offset)
{
    uint32_t block = offset / SOURCE_CHECKPOINT_BYTES;
    uint32_t begin = block * SOURCE_CHECKPOINT_BYTES;
    if (offset == begin) return source->codepoint_checkpoints[block];
    return source->codepoint_checkpoints[block] + (offset - begin) -
           source_continuation_bytes(source_text(source), begin, offset);
}

/* UTF-16 code units in text[0, offset): a code unit per code point, a second for each of
 * four bytes. */
static uint32_t source_utf16_units_before(const jrn_source *source, uint32_t offset)
{
    uint32_t block = offset / SOURCE_CHECKPOINT_BYTES;
    uint32_t begin = block * SOURCE_CHECKPOINT_BYTES;
    return source_codepoints_before(source, offset) + source->four_byte_checkpoints[block] +
           source_four_byte_leads(source_text(source), begin, offset);
}

uint32_t source_utf16_units(const jrn_source *source, uint32_t begin, uint32_t end)
{
    if (end > source->length) end = source->length;
    if (begin > end) begin = end;
    return source_utf16_units_before(source, end) - source_utf16_units_before(source, begin);
}

static uint32_t utf8_find_invalid(const unsigned char *text, uint32_t length, const char **reason,
                                  jrn_arena *arena);
static uint32_t source_byte_order_mark_length(const char *bytes, size_t length);

/* Builds the line index and the code-point checkpoints, and finds the first invalid byte. */
static void source_index(jrn_arena *arena, jrn_source *source)
{
    const char *text = source->text;
    uint32_t length = source->length;
    source->invalid_offset = utf8_find_invalid((const unsigned char *)text, length, &source->invalid_reason, arena);
    uint32_t *line_starts = NULL;
    size_t line_count = 0;
    MEMORY_PUSH(line_starts, line_count, 0);
    for (const char *p = text, *end = text + length; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        MEMORY_PUSH(line_starts, line_count, (uint32_t)(p - text) + 1);
    }
    source->line_count = (uint32_t)line_count;
    source->line_starts = arena_alloc_array(arena, line_count, sizeof *source->line_starts);
    memcpy(source->line_starts, line_starts, line_count * sizeof *line_starts);
    free(line_starts);
    uint32_t checkpoints = length / SOURCE_CHECKPOINT_BYTES + 1;
    source->codepoint_checkpoints = arena_alloc_array(arena, checkpoints, sizeof(uint32_t));
    source->four_byte_checkpoints = arena_alloc_array(arena, checkpoints, sizeof(uint32_t));
    uint32_t codepoints = 0, four_bytes = 0;
    for (uint32_t block = 1; block < checkpoints; block++) {
        uint32_t begin = (block - 1) * SOURCE_CHECKPOINT_BYTES, end = begin + SOURCE_CHECKPOINT_BYTES;
        codepoints += SOURCE_CHECKPOINT_BYTES - source_continuation_bytes(text, begin, end);
        four_bytes += source_four_byte_leads(text, begin, end);
        source->codepoint_checkpoints[block] = codepoints;
        source->four_byte_checkpoints[block] = four_bytes;
    }
}

/* Takes bytes (with SOURCE_PADDING writable bytes after them) as the source's text. */
static jrn_source *source_adopt_in_place(jrn_arena *arena, const char *path, const char *display_name,
                                         char *bytes, size_t length)
{
    uint32_t mark = source_byte_order_mark_length(bytes, length);
    bytes += mark;
    length -= mark;
    memset(bytes + length, 0, SOURCE_PADDING);
    jrn_source *source = arena_alloc(arena, sizeof *source);
    source->had_byte_order_mark = mark > 0;
    source->path = arena_strdup(arena, path);
    source->display_name = arena_strdup(arena, display_name);
    source->text = bytes;
    source->length = (uint32_t)length;
    source_index(arena, source);
    return source;
}

static jrn_source *source_adopt(jrn_arena *arena, const char *path, const char *display_name,
                                const char *bytes, size_t length)
{
    char *copy = arena_alloc(arena, length + SOURCE_PADDING);
    if (length > 0) memcpy(copy, bytes, length);
    return source_adopt_in_place(arena, path, display_name, copy, length);
}

jrn_source *source_from_memory(jrn_arena *arena, const char *display_name,
                               const char *bytes, size_t length)
{
    if (length > SOURCE_SIZE_LIMIT) length = SOURCE_SIZE_LIMIT;
    return source_adopt(arena, display_name, display_name, bytes, length);
}

/* Reads everything from fd into buffer; false with errno set on a read error,
 * *too_large when the limit is passed. */
static bool source_read_all(int fd, jrn_strbuf *buffer, bool *too_large)
{
    char chunk[65536];
    *too_large = false;
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (got == 0) return true;
        if (buffer->length + (size_t)got > SOURCE_SIZE_LIMIT) {
            *too_large = true;
            return true;
        }
        strbuf_append(buffer, chunk, (size_t)got);
    }
}

/* A regular file is read straight into its final place: its size is known, and a map of
 * a hundred thousand touchpoints should not be held in memory three times. */
static jrn_source *source_read_regular(jrn_arena *arena, int fd, const char *path,
                                       jrn_load_status *status, const char **error_text)
{
    struct stat info;
    if (fstat(fd, &info) != 0) {
        *status = SOURCE_READ_ERROR;
        *error_text = arena_strdup(arena, strerror(errno));
        return NULL;
    }
    size_t capacity = (size_t)info.st_size;
    char *bytes = arena_alloc(arena, capacity + SOURCE_PADDING);
    size_t length = 0;
    for (;;) {
        if (length == capacity) {
            /* Full at the size fstat gave: almost always the end of the file. Ask for one
             * more byte before growing, so a file of N bytes costs N bytes, not 3N. */
            char probe;
            ssize_t more = read(fd, &probe, 1);
            if (more < 0 && errno == EINTR) continue;
            if (more == 0) break;
            if (more < 0) {
                *status = SOURCE_READ_ERROR;
                *error_text = arena_strdup(arena, strerror(errno));
                return NULL;
            }
            /* The file grew while we read it: take what fits in the limit. */
            size_t grown = capacity * 2 + 4096;
            if (grown > SOURCE_SIZE_LIMIT) {
                *status = SOURCE_TOO_LARGE;
                *error_text = "file too large (limit is 256 MiB)";
                return NULL;
            }
            char *bigger = arena_alloc(arena, grown + SOURCE_PADDING);
            memcpy(bigger, bytes, length);
            bigger[length++] = probe;
            bytes = bigger;
            capacity = grown;
            continue;
        }
        ssize_t got = read(fd, bytes + length, capacity - length);
        if (got < 0) {
            if (errno == EINTR) continue;
            *status = SOURCE_READ_ERROR;
            *error_text = arena_strdup(arena, strerror(errno));
            return NULL;
        }
        if (got == 0) break;
        length += (size_t)got;
    }
    *status = SOURCE_OK;
    *error_text = NULL;
    return source_adopt_in_place(arena, path, path, bytes, length);
}

/* Opens path for reading when it is a regular file within the size limit; else -1 with
 * *status and *error_text set. */
static int source_open_regular(jrn_arena *arena, const char *path, struct stat *info, jrn_load_status *status,
                        const char **error_text)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; we refuse it anyway. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *status = errno == ENOENT ? SOURCE_NOT_FOUND : SOURCE_READ_ERROR;
        *error_text = arena_strdup(arena, strerror(errno));
        return -1;
    }
    if (fstat(fd, info) != 0 || !S_ISREG(info->st_mode)) {
        *status = SOURCE_NOT_REGULAR;
        *error_text = S_ISDIR(info->st_mode) ? "is a directory" : "not a regular file";
        close(fd);
        return -1;
    }
    if ((uint64_t)info->st_size > SOURCE_SIZE_LIMIT) {
        *status = SOURCE_TOO_LARGE;
        *error_text = "file too large (limit is 256 MiB)";
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

jrn_source *source_load(jrn_arena *arena, const char *path, jrn_load_status *status,
                        const char **error_text)
{
    if (strcmp(path, "-") != 0) {
        struct stat info;
        int fd = source_open_regular(arena, path, &info, status, error_text);
        if (fd < 0) return NULL;
        jrn_source *source = source_read_regular(arena, fd, path, status, error_text);
        close(fd);
        return source;
    }
    jrn_strbuf buffer = STRBUF_INIT;
    bool too_large = false;
    bool read_ok = source_read_all(STDIN_FILENO, &buffer, &too_large);
    int read_errno = errno;
    if (!read_ok || too_large) {
        strbuf_free(&buffer);
        *status = too_large ? SOURCE_TOO_LARGE : SOURCE_READ_ERROR;
        *error_text = too_large ? "input too large (limit is 256 MiB)"
                                : arena_strdup(arena, strerror(read_errno));
        return NULL;
    }
    jrn_source *source = source_adopt(arena, path, "<stdin>", strbuf_text(&buffer), buffer.length);
    strbuf_free(&buffer);
    *status = SOURCE_OK;
    *error_text = NULL;
    return source;
}

/* Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid
 * (overlong forms, surrogates and code points above U+10FFFF are invalid). */
uint32_t utf8_sequence_length(const unsigned char *text, uint32_t i, uint32_t length)
{
    unsigned char lead = text[i];
    if (lead < 0x80) return 1;
    uint32_t need;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) need = 2;
    else if (lead == 0xE0) { need = 3; low = 0xA0; }
    else if (lead == 0xED) { need = 3; high = 0x9F; }
    else if (lead >= 0xE1 && lead <= 0xEF) need = 3;
    else if (lead == 0xF0) { need = 4; low = 0x90; }
    else if (lead >= 0xF1 && lead <= 0xF3) need = 4;
    else if (lead == 0xF4) { need = 4; high = 0x8F; }
    else return 0;
    if (length - i < need) return 0;
    if (text[i + 1] < low || text[i + 1] > high) return 0;
    for (uint32_t k = 2; k < need; k++) {
        if (text[i + k] < 0x80 || text[i + k] > 0xBF) return 0;
    }
    return need;
}

/* Whether the 8 bytes at i are all ASCII and none is NUL: most of any map is, and is then
 * checked a word at a time rather than decoded byte by byte. */
static bool source_ascii_run(const unsigned char *text, uint32_t i, uint32_t length)
{
    if (length - i < 8) return false;
    uint64_t word;
    memcpy(&word, text + i, sizeof word);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    bool has_high_bit = (word & highs) != 0;
    bool has_zero = ((word - ones) & ~word & highs) != 0;
    return !has_high_bit && !has_zero;
}

/* The first byte of text[0, length) that is not valid UTF-8 or is NUL, or UINT32_MAX. */
static uint32_t utf8_find_invalid(const unsigned char *text, uint32_t length, const char **reason,
                                  jrn_arena *arena)
{
    uint32_t i = 0;
    while (i < length) {
        if (source_ascii_run(text, i, length)) {
            i += 8;
            continue;
        }
        if (text[i] == 0) {
            *reason = "NUL byte in the file (is it a binary file?)";
            return i;
        }
        uint32_t step = utf8_sequence_length(text, i, length);
        if (step == 0) {
            *reason = arena_printf(arena, "invalid UTF-8 byte 0x%02X (the file must be UTF-8)", text[i]);
            return i;
        }
        i += step;
    }
    *reason = NULL;
    return UINT32_MAX;
}

uint32_t source_find_invalid_byte(const jrn_source *source, const char **reason)
{
    *reason = source->invalid_reason;
    return source->invalid_offset;
}

static uint32_t source_byte_order_mark_length(const char *bytes, size_t length)
{
    return length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static uint32_t source_line_of(const jrn_source *source, uint32_t offset)
{
    uint32_t low = 0, high = source->line_count;   /* answer in [low, high) */
    while (high - low > 1) {
        uint32_t middle = low + (high - low) / 2;
        if (source->line_starts[middle] <= offset) low = middle;
        else high = middle;
    }
    return low;
}

jrn_position source_position(const jrn_source *source, uint32_t offset)
{
    if (offset > source->length) offset = source->length;
    uint32_t line = source_line_of(source, offset);
    uint32_t column = source_codepoints_before(source, offset) -
                      source_codepoints_before(source, source->line_starts[line]) + 1;
    return (jrn_position){line + 1, column};
}

const char *source_line_text(const jrn_source *source, uint32_t line, uint32_t *length)
{
    if (line == 0 || line > source->line_count) {
        *length = 0;
        return "";
    }
    const char *text = source_text(source);
    uint32_t begin = source->line_starts[line - 1];
    uint32_t end = line < source->line_count ? source->line_starts[line] : source->length;
    while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
    *length = end - begin;
    return text + begin;
}
