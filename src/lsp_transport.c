/* lsp_transport.c — the language server's wire: messages framed by a Content-Length header,
 * read from and written to file descriptors. A bad header or an oversized message is read
 * past, never trusted: the stream stays in step for the next message. */
#include "jrn/lsp.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "jrn/descriptor.h"

/* A header block longer than this is no LSP header: it is dropped. */
#define LSP_HEADER_LIMIT 8192u

void lsp_reader_init(lsp_reader *reader, int fd)
{
    *reader = (lsp_reader){.fd = fd, .buffer = STRBUF_INIT, .start = 0, .at_end = false};
}

void lsp_reader_free(lsp_reader *reader)
{
    strbuf_free(&reader->buffer);
}

static size_t lsp_buffered(const lsp_reader *reader)
{
    return reader->buffer.length - reader->start;
}

static const char *lsp_buffer_at(const lsp_reader *reader)
{
    return strbuf_text(&reader->buffer) + reader->start;
}

/* Drops the consumed bytes so the buffer does not grow with the session. */
static void lsp_compact(lsp_reader *reader)
{
    if (reader->start == 0) return;
    size_t left = lsp_buffered(reader);
    memmove(reader->buffer.data, reader->buffer.data + reader->start, left);
    reader->buffer.length = left;
    reader->buffer.data[left] = '\0';
    reader->start = 0;
}

/* Reads what is there (waiting for at least one byte); false at the end of input. */
static bool lsp_fill(lsp_reader *reader)
{
    if (reader->at_end) return false;
    lsp_compact(reader);
    char chunk[65536];
    for (;;) {
        ssize_t got = read(reader->fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            reader->at_end = true;
            return false;
        }
        strbuf_append(&reader->buffer, chunk, (size_t)got);
        return true;
    }
}

bool lsp_input_pending(lsp_reader *reader)
{
    if (lsp_buffered(reader) > 0) return true;
    if (reader->at_end) return false;
    struct pollfd waiting = {.fd = reader->fd, .events = POLLIN};
    return poll(&waiting, 1, 0) > 0;
}

/* Where the header block ends (after its blank line), or 0 when it is not all here yet.
 * Lines end with CRLF as the protocol says, or a bare LF from a lenient client. */
static size_t lsp_header_end(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (text[i] != '\n') continue;
        if (i >= 1 && text[i - 1] == '\n') return i + 1;
        if (i >= 2 && text[i - 1] == '\r' && text[i - 2] == '\n') return i + 1;
        if (i >= 3 && text[i - 1] == '\r' && text[i - 2] == '\r' && text[i - 3] == '\n') return i + 1;
    }
    return 0;
}

/* The Content-Length the header block gives, or -1 when it gives none or a bad one. */
static long long lsp_content_length(const char *header, size_t length)
{
    static const char name[] = "content-length:";
    size_t line = 0;
    while (line < length) {
        const char *end = memchr(header + line, '\n', length - line);
        size_t line_length = end != NULL ? (size_t)(end - (header + line)) : length - line;
        if (line_length > sizeof name - 1 && strncasecmp(header + line, name, sizeof name - 1) == 0) {
            const char *digits = header + line + sizeof name - 1;
            const char *stop = header + line + line_length;
            while (digits < stop && (*digits == ' ' || *digits == '\t')) digits++;
            long long value = 0;
            const char *cursor = digits;
            for (; cursor < stop && *cursor >= '0' && *cursor <= '9'; cursor++) {
                if (value > (long long)LSP_MESSAGE_LIMIT * 16) return (long long)LSP_MESSAGE_LIMIT * 16;
                value = value * 10 + (*cursor - '0');
            }
            while (cursor < stop && (*cursor == ' ' || *cursor == '\t' || *cursor == '\r')) cursor++;
            return cursor == digits || cursor != stop ? -1 : value;
        }
        line += line_length + 1;
    }
    return -1;
}

/* Consumes count bytes of input, buffered or still to come, keeping none. */
static bool lsp_skip(lsp_reader *reader, size_t count)
{
    while (count > 0) {
        size_t here = lsp_buffered(reader);
        if (here == 0 && !lsp_fill(reader)) return false;
        here = lsp_buffered(reader);
        size_t take = here < count ? here : count;
        reader->start += take;
        count -= take;
    }
    return true;
}

lsp_read_status lsp_read_message(lsp_reader *reader, jrn_strbuf *body)
{
    strbuf_clear(body);
    size_t header_length;
    while ((header_length = lsp_header_end(lsp_buffer_at(reader), lsp_buffered(reader))) == 0) {
        if (lsp_buffered(reader) > LSP_HEADER_LIMIT) {
            /* No blank line in sight: drop what came, up to its last line end. */
            const char *text = lsp_buffer_at(reader);
            size_t drop = lsp_buffered(reader);
            while (drop > 0 && text[drop - 1] != '\n') drop--;
            reader->start += drop > 0 ? drop : lsp_buffered(reader);
            return LSP_READ_BAD_HEADER;
        }
        if (!lsp_fill(reader)) return LSP_READ_END;
    }
    long long content_length = lsp_content_length(lsp_buffer_at(reader), header_length);
    reader->start += header_length;
    if (content_length < 0) return LSP_READ_BAD_HEADER;
    if ((unsigned long long)content_length > LSP_MESSAGE_LIMIT) {
        return lsp_skip(reader, (size_t)content_length) ? LSP_READ_TOO_LARGE : LSP_READ_END;
    }
    while (lsp_buffered(reader) < (size_t)content_length) {
        if (!lsp_fill(reader)) return LSP_READ_END;
    }
    strbuf_append(body, lsp_buffer_at(reader), (size_t)content_length);
    reader->start += (size_t)content_length;
    return LSP_READ_MESSAGE;
}

bool lsp_write_message(int fd, const json_t *message)
{
    /* JSON_ENSURE_ASCII would also do, but UTF-8 is what the protocol carries. */
    char *body = json_dumps(message, JSON_COMPACT);
    if (body == NULL) return false;
    jrn_strbuf frame = STRBUF_INIT;
    size_t length = strlen(body);
    strbuf_printf(&frame, "Content-Length: %zu\r\n\r\n", length);
    strbuf_append(&frame, body, length);
    free(body);
    bool ok = descriptor_write_all(fd, strbuf_text(&frame), frame.length);
    strbuf_free(&frame);
    return ok;
}
