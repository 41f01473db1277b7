/* dot_text.c — user text made safe for Graphviz: escaped, XML-clean, wrapped and shortened. */
#include "jrn/dot_text.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define REPLACEMENT_CHARACTER 0xFFFDul

typedef enum dot_text_mode { TEXT_PLAIN, TEXT_HTML } dot_text_mode;

/* Decodes the code point at *text and advances past it. Invalid bytes (which the
 * source check should already have refused) decode as U+FFFD rather than being
 * copied into output that XML parsers would reject. */
static unsigned long dot_text_decode(const char **text)
{
    const unsigned char *bytes = (const unsigned char *)*text;
    unsigned long codepoint;
    size_t length;
    if (bytes[0] < 0x80) { *text += 1; return bytes[0]; }
    if ((bytes[0] & 0xE0) == 0xC0) { codepoint = bytes[0] & 0x1F; length = 2; }
    else if ((bytes[0] & 0xF0) == 0xE0) { codepoint = bytes[0] & 0x0F; length = 3; }
    else if ((bytes[0] & 0xF8) == 0xF0) { codepoint = bytes[0] & 0x07; length = 4; }
    else { *text += 1; return REPLACEMENT_CHARACTER; }
    for (size_t i = 1; i < length; i++) {
        if ((bytes[i] & 0xC0) != 0x80) { *text += i; return REPLACEMENT_CHARACTER; }
        codepoint = (codepoint << 6) | (bytes[i] & 0x3F);
    }
    *text += length;
    return codepoint;
}

static bool dot_text_is_space(unsigned long codepoint)
{
    return codepoint == ' ' || codepoint == '\t' || codepoint == '\n' || codepoint == '\r';
}

/* XML 1.0 forbids most C0 controls, surrogates and U+FFFE/U+FFFF: one of them in a
 * label would make the SVG unreadable, so they are shown as U+FFFD. */
static bool dot_text_is_forbidden(unsigned long codepoint)
{
    if (codepoint < 0x20) return !dot_text_is_space(codepoint);
    if (codepoint >= 0xD800 && codepoint <= 0xDFFF) return true;
    return codepoint == 0xFFFE || codepoint == 0xFFFF || codepoint > 0x10FFFF;
}

/* UTF-8 of a code point (at most 0x10FFFF) into piece; returns its length. */
static size_t dot_text_encode(unsigned long codepoint, char *piece)
{
    if (codepoint < 0x80) {
        piece[0] = (char)codepoint;
        return 1;
    }
    if (codepoint < 0x800) {
        piece[0] = (char)(0xC0 | (codepoint >> 6));
        piece[1] = (char)(0x80 | (codepoint & 0x3F));
        return 2;
    }
    if (codepoint < 0x10000) {
        piece[0] = (char)(0xE0 | (codepoint >> 12));
        piece[1] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
        piece[2] = (char)(0x80 | (codepoint & 0x3F));
        return 3;
    }
    piece[0] = (char)(0xF0 | (codepoint >> 18));
    piece[1] = (char)(0x80 | ((codepoint >> 12) & 0x3F));
    piece[2] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
    piece[3] = (char)(0x80 | (codepoint & 0x3F));
    return 4;
}

/* True when the text after an '&' reads as an XML entity ("lt;", "#38;", "T;"). */
static bool dot_text_entity_follows(const char *rest)
{
    if (*rest == '#') {
        rest++;
        if (*rest == 'x' || *rest == 'X') rest++;
        if (!isalnum((unsigned char)*rest)) return false;
        while (isalnum((unsigned char)*rest)) rest++;
    } else {
        if (!isalpha((unsigned char)*rest)) return false;
        while (isalpha((unsigned char)*rest)) rest++;
    }
    return *rest == ';';
}

/* The escaped form of one code point, written to piece (room for 16 bytes); returns its
 * length. rest is the text after the code point. */
static size_t dot_text_escape_one(unsigned long codepoint, dot_text_mode mode, const char *rest,
                                  char *piece)
{
    const char *replacement = NULL;
    if (dot_text_is_forbidden(codepoint)) codepoint = REPLACEMENT_CHARACTER;
    /* Graphviz's SVG writer copies an '&' that starts an entity unescaped: the text
     * "R&D;" in a label would reach the SVG as the undefined entity "&D;". A word
     * joiner (invisible, U+2060) after the '&' keeps the text as written. Tooltips need
     * no joiner: their '&amp;' is never decoded before the writer sees it. */
    if (codepoint == '&' && mode == TEXT_HTML && dot_text_entity_follows(rest))
        replacement = "&amp;\xE2\x81\xA0";
    else if (codepoint == '&') replacement = "&amp;";
    /* A backslash in a quoted DOT string is unescaped twice: dot's scanner halves each
     * pair of backslashes, then escString expansion halves them again and turns
     * backslash-N, -G, -L... into names. An HTML-like label skips the scanner step but
     * not the expansion. So a backslash is written four times in plain text and twice
     * in a label, and reaches the picture as one. */
    else if (codepoint == '\\' && mode == TEXT_PLAIN) replacement = "\\\\\\\\";
    else if (codepoint == '\\') replacement = "\\\\";
    else if (mode == TEXT_PLAIN && codepoint == '\n') replacement = "\\n";
    else if (mode == TEXT_PLAIN && codepoint == '\r') replacement = "";
    else if (mode == TEXT_PLAIN && codepoint == '\t') replacement = " ";
    /* '<' and '>' as entities in plain text too: then no plain string jrnc makes can equal
     * an HTML label (which always holds a tag), and cgraph's shared string pool cannot
     * hand one back for the other. SVG viewers show the entities as the characters. */
    else if (codepoint == '<') replacement = "&lt;";
    else if (codepoint == '>') replacement = "&gt;";
    else if (mode == TEXT_HTML && codepoint == '"') replacement = "&quot;";
    else if (mode == TEXT_HTML && dot_text_is_space(codepoint)) replacement = " ";
    if (replacement) {
        size_t length = strlen(replacement);
        memcpy(piece, replacement, length);
        return length;
    }
    return dot_text_encode(codepoint, piece);
}

/* The length of the run of bytes at text that dot_text_escape_one writes as they are:
 * printable ASCII other than & \\ < > and, in a label, '"' and the space. */
static size_t dot_text_ordinary_run(const char *text, dot_text_mode mode)
{
    const unsigned char *start = (const unsigned char *)text, *byte = start;
    for (;; byte++) {
        unsigned char c = *byte;
        if (c < 0x20 || c >= 0x7F || c == '&' || c == '\\' || c == '<' || c == '>') break;
        if (mode == TEXT_HTML && (c == '"' || c == ' ')) break;
    }
    return (size_t)(byte - start);
}

/* Escapes text into out (or only measures when out is NULL), stopping before the first
 * character that would take the output past stop_at bytes. In HTML, white space runs
 * become one space and leading/trailing white space goes, as a browser would show it.
 * Returns the bytes written (or that would be); *complete says whether all of text fit. */
static size_t dot_text_escape(jrn_strbuf *out, const char *text, dot_text_mode mode,
                              size_t stop_at, bool *complete)
{
    size_t written = 0;
    bool pending_space = false;
    *complete = true;
    while (*text) {
        size_t run = dot_text_ordinary_run(text, mode);
        if (run > 0) {
            /* As the loop below would copy it one byte at a time, a pending space going
             * with the run's first byte. */
            size_t space = pending_space ? 1 : 0;
            size_t room = stop_at - written;
            size_t fitting = room < space + 1 ? 0 : (run < room - space ? run : room - space);
            if (fitting > 0) {
                if (out && pending_space) strbuf_putc(out, ' ');
                if (out) strbuf_append(out, text, fitting);
                written += space + fitting;
                pending_space = false;
            }
            if (fitting < run) {
                *complete = false;
                return written;
            }
            text += run;
            continue;
        }
        unsigned long codepoint = dot_text_decode(&text);
        if (mode == TEXT_HTML && dot_text_is_space(codepoint)) {
            pending_space = written > 0;
            continue;
        }
        char piece[24];
        size_t length = 0;
        if (pending_space) piece[length++] = ' ';
        pending_space = false;
        length += dot_text_escape_one(codepoint, mode, text, piece + length);
        if (written + length > stop_at) {
            *complete = false;
            return written;
        }
        if (out) strbuf_append(out, piece, length);
        written += length;
    }
    return written;
}

/* A PDI for each isolate still open, then a PDF for each embedding: a PDI also ends the
 * embeddings inside its isolate, and a closer with nothing to close is ignored. */
void dot_text_close_bidi(jrn_strbuf *out, const char *text)
{
    size_t embeddings = 0, isolates = 0;
    /* Every bidirectional control is three bytes starting 0xE2, a byte no other
     * character's encoding holds past its start: LRE..RLO are E2 80 AA-AE (PDF is AC),
     * LRI..FSI E2 81 A6-A8, PDI E2 81 A9. */
    for (const char *lead = text ? strchr(text, 0xE2) : NULL; lead != NULL; lead = strchr(lead + 1, 0xE2)) {
        unsigned char second = (unsigned char)lead[1];
        unsigned char third = second != 0 ? (unsigned char)lead[2] : 0;
        if (second == 0x80 && third >= 0xAA && third <= 0xAE) {
            if (third != 0xAC) embeddings++;
            else if (embeddings > 0) embeddings--;
        } else if (second == 0x81 && third >= 0xA6 && third <= 0xA9) {
            if (third != 0xA9) isolates++;
            else if (isolates > 0) isolates--;
        }
    }
    for (size_t i = 0; i < isolates; i++) strbuf_puts(out, "\xE2\x81\xA9");
    for (size_t i = 0; i < embeddings; i++) strbuf_puts(out, "\xE2\x80\xAC");
}

/* Escapes text, shortened to byte_limit with an ellipsis. */
static void dot_text_shortened(jrn_strbuf *out, const char *text, dot_text_mode mode,
                               size_t byte_limit)
{
    const size_t ellipsis_length = strlen(DOT_TEXT_ELLIPSIS);
    bool complete;
    if (!text) return;
    dot_text_escape(NULL, text, mode, byte_limit, &complete);
    if (complete) {
        dot_text_escape(out, text, mode, byte_limit, &complete);
        return;
    }
    if (byte_limit < ellipsis_length) return;
    dot_text_escape(out, text, mode, byte_limit - ellipsis_length, &complete);
    strbuf_puts(out, DOT_TEXT_ELLIPSIS);
}

static void dot_text_limited(jrn_strbuf *out, const char *text, dot_text_mode mode,
                             size_t byte_limit)
{
    dot_text_shortened(out, text, mode, byte_limit);
    dot_text_close_bidi(out, text);
}

bool dot_text_is_blank(const char *text)
{
    if (!text) return true;
    while (*text) {
        if (!dot_text_is_space(dot_text_decode(&text))) return false;
    }
    return true;
}

void dot_text_plain(jrn_strbuf *out, const char *text, size_t byte_limit)
{
    dot_text_limited(out, text, TEXT_PLAIN, byte_limit);
}

void dot_text_html(jrn_strbuf *out, const char *text, size_t byte_limit)
{
    dot_text_limited(out, text, TEXT_HTML, byte_limit);
}

/* Where the wrapper is: which line, how many characters are on it. */
typedef struct dot_text_wrap {
    jrn_strbuf *out;
    size_t line_width;
    size_t max_lines;
    size_t line;
    size_t line_characters;
    const char *line_break;
} dot_text_wrap;

/* Starts a new line; false (after writing the ellipsis) when the line budget is spent. */
static bool dot_text_wrap_break(dot_text_wrap *wrap)
{
    if (wrap->line + 1 >= wrap->max_lines) {
        strbuf_puts(wrap->out, DOT_TEXT_ELLIPSIS);
        return false;
    }
    strbuf_puts(wrap->out, wrap->line_break);
    wrap->line++;
    wrap->line_characters = 0;
    return true;
}

/* Characters of the word at text (up to white space or the end); *end is set past it. */
static size_t dot_text_word(const char *text, const char **end)
{
    size_t characters = 0;
    const char *cursor = text;
    while (*cursor) {
        const char *before = cursor;
        if (dot_text_is_space(dot_text_decode(&cursor))) { cursor = before; break; }
        characters++;
    }
    *end = cursor;
    return characters;
}

/* Places one word: on this line if it fits, else on the next, split if longer than a
 * line. False when the line budget ran out. */
static bool dot_text_wrap_word(dot_text_wrap *wrap, const char *word, const char *end,
                               size_t characters)
{
    if (wrap->line_characters > 0) {
        if (wrap->line_characters + 1 + characters <= wrap->line_width) {
            strbuf_putc(wrap->out, ' ');
            wrap->line_characters++;
        } else if (!dot_text_wrap_break(wrap)) {
            return false;
        }
    }
    while (word < end) {
        if (wrap->line_characters >= wrap->line_width && !dot_text_wrap_break(wrap))
            return false;
        char piece[16];
        unsigned long codepoint = dot_text_decode(&word);
        size_t length = dot_text_escape_one(codepoint, TEXT_HTML, word, piece);
        strbuf_append(wrap->out, piece, length);
        wrap->line_characters++;
    }
    return true;
}

void dot_text_html_wrapped(jrn_strbuf *out, const char *text, size_t line_width,
                           size_t max_lines, const char *line_break)
{
    dot_text_wrap wrap = {out, line_width ? line_width : 1, max_lines ? max_lines : 1, 0, 0,
                          line_break};
    if (!text) return;
    const char *start = text;
    while (*text) {
        const char *before = text;
        if (dot_text_is_space(dot_text_decode(&text))) continue;
        text = before;
        const char *end;
        size_t characters = dot_text_word(text, &end);
        if (!dot_text_wrap_word(&wrap, text, end, characters)) break;
        text = end;
    }
    dot_text_close_bidi(out, start);
}

void dot_text_number(jrn_strbuf *out, double value)
{
    if (value == 0) value = 0;   /* no "-0" */
    if (fabs(value) < 1e15 && value == floor(value)) {
        strbuf_printf(out, "%.0f", value);
        return;
    }
    strbuf_printf(out, "%.6g", value);
}
