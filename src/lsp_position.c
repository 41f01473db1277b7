/* lsp_position.c — byte offsets to LSP positions and back: a line and a character counted
 * in UTF-16 code units (the protocol's default) or UTF-8 bytes (when the client offers it).
 * A byte that is not UTF-8 counts as one unit, as the editor shows it as one replacement
 * character. */
#include "jrn/lsp.h"

/* Bytes of the character at text[i] (1 for a byte that is not UTF-8), at most length - i. */
static uint32_t lsp_character_bytes(const char *text, uint32_t i, uint32_t length)
{
    uint32_t bytes = utf8_sequence_length((const unsigned char *)text, i, length);
    return bytes == 0 ? 1 : bytes;
}

/* The units a character of that many bytes takes: a 4-byte one is a surrogate pair. */
static uint32_t lsp_units(uint32_t bytes, lsp_encoding encoding)
{
    if (encoding == LSP_ENCODING_UTF8) return bytes;
    return bytes == 4 ? 2 : 1;
}

static bool lsp_is_line_end(const char *text, uint32_t i, uint32_t length)
{
    return text[i] == '\n' || (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n');
}

/* Units from line_start to offset (offset on that line). */
static uint32_t lsp_units_between(const char *text, uint32_t line_start, uint32_t offset,
                                  uint32_t length, lsp_encoding encoding)
{
    uint32_t units = 0;
    for (uint32_t i = line_start; i < offset;) {
        uint32_t bytes = lsp_character_bytes(text, i, length);
        units += lsp_units(bytes, encoding);
        i += bytes;
    }
    return units;
}

uint32_t lsp_offset_in_text(const char *text, size_t length, uint32_t line, uint32_t character,
                            lsp_encoding encoding)
{
    uint32_t end = length > SOURCE_SIZE_LIMIT ? SOURCE_SIZE_LIMIT : (uint32_t)length;
    uint32_t i = 0;
    for (uint32_t seen = 0; seen < line; seen++) {
        while (i < end && text[i] != '\n') i++;
        if (i == end) return end;
        i++;
    }
    uint32_t units = 0;
    while (i < end && !lsp_is_line_end(text, i, end)) {
        uint32_t bytes = lsp_character_bytes(text, i, end);
        uint32_t next = units + lsp_units(bytes, encoding);
        /* A character inside a multi-unit character means the character's start. */
        if (next > character) break;
        units = next;
        i += bytes;
    }
    return i;
}

static json_t *lsp_position_pack(uint32_t line, uint32_t character)
{
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)character);
}

void lsp_position_of(const jrn_source *source, uint32_t offset, lsp_encoding encoding, uint32_t *line,
                     uint32_t *character)
{
    if (offset > source->length) offset = source->length;
    *line = source_position(source, offset).line - 1;
    uint32_t line_start = source->line_starts[*line];
    const char *text = source_text(source);
    /* Up to the first invalid byte the text is UTF-8 and the source's checkpoints count
     * its units, so a position on a line a megabyte long costs no walk from the line's
     * start; an offset inside a character counts the whole character, as the walk does,
     * and no further: a stray continuation byte from the first invalid one on is a
     * character of its own. */
    if (source->invalid_offset >= offset) {
        if (encoding == LSP_ENCODING_UTF16) {
            *character = source_utf16_units(source, line_start, offset);
            return;
        }
        uint32_t valid_end = source->invalid_offset < source->length ? source->invalid_offset : source->length;
        uint32_t end = offset;
        while (end < valid_end && ((unsigned char)text[end] & 0xC0) == 0x80) end++;
        *character = end - line_start;
        return;
    }
    *character = lsp_units_between(text, line_start, offset, source->length, encoding);
}

json_t *lsp_position_json(const jrn_source *source, uint32_t offset, lsp_encoding encoding)
{
    uint32_t line, character;
    lsp_position_of(source, offset, encoding, &line, &character);
    return lsp_position_pack(line, character);
}

json_t *lsp_range_json(jrn_span span, lsp_encoding encoding)
{
    if (span.source == NULL) {
        return json_pack("{s:o,s:o}", "start", lsp_position_pack(0, 0), "end", lsp_position_pack(0, 0));
    }
    return json_pack("{s:o,s:o}", "start", lsp_position_json(span.source, span.begin, encoding),
                     "end", lsp_position_json(span.source, span.end, encoding));
}

/* {line, character} of offset in text, counting lines from the start. */
static json_t *lsp_text_position(const char *text, uint32_t length, uint32_t offset, lsp_encoding encoding)
{
    uint32_t line = 0, line_start = 0;
    for (uint32_t i = 0; i < offset && i < length; i++) {
        if (text[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    return lsp_position_pack(line, lsp_units_between(text, line_start, offset, length, encoding));
}

json_t *lsp_text_range_json(const char *text, size_t length, uint32_t begin, uint32_t end,
                            lsp_encoding encoding)
{
    uint32_t limit = length > SOURCE_SIZE_LIMIT ? SOURCE_SIZE_LIMIT : (uint32_t)length;
    if (end > limit) end = limit;
    if (begin > end) begin = end;
    return json_pack("{s:o,s:o}", "start", lsp_text_position(text, limit, begin, encoding),
                     "end", lsp_text_position(text, limit, end, encoding));
}

json_t *lsp_whole_text_range(const char *text, size_t length, lsp_encoding encoding)
{
    return lsp_text_range_json(text, length, 0, (uint32_t)(length > SOURCE_SIZE_LIMIT ? SOURCE_SIZE_LIMIT : length),
                               encoding);
}
