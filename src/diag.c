/* diag.c — collects diagnostics and renders them in the GCC text form with source carets. */
#include "jrn/diag.h"
#include "jrn/terminal_text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Source lines longer than this many code points are shown as a window around the caret. */
enum { DIAG_LINE_WINDOW = 120, DIAG_WINDOW_LEAD = 50 };

jrn_span span_none(void)
{
    return (jrn_span){NULL, 0, 0};
}

void diag_list_init(jrn_diag_list *list, jrn_arena *arena)
{
    memset(list, 0, sizeof *list);
    list->arena = arena;
}

bool diag_keeps_next_error(const jrn_diag_list *list)
{
    return list->error_count < DIAG_ERROR_LIMIT;
}

static jrn_diag *diag_vreport(jrn_diag_list *list, jrn_severity severity, const char *rule,
                              jrn_span span, const char *format, va_list arguments)
{
    if (severity == SEVERITY_ERROR) {
        bool keep = diag_keeps_next_error(list);
        list->error_count++;
        if (!keep) {
            list->dropped_count++;
            return NULL;
        }
    } else if (severity == SEVERITY_WARNING) {
        list->warning_count++;
    } else {
        list->note_count++;
    }
    jrn_diag *diag = arena_alloc(list->arena, sizeof *diag);
    diag->severity = severity;
    diag->rule = rule;
    diag->span = span;
    jrn_strbuf message = STRBUF_INIT;
    strbuf_vprintf(&message, format, arguments);
    diag->message = arena_strndup(list->arena, strbuf_text(&message), message.length);
    strbuf_free(&message);
    if (list->last != NULL) list->last->next = diag;
    else list->first = diag;
    list->last = diag;
    return diag;
}

jrn_diag *diag_report(jrn_diag_list *list, jrn_severity severity, const char *rule,
                      jrn_span span, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    jrn_diag *diag = diag_vreport(list, severity, rule, span, format, arguments);
    va_end(arguments);
    return diag;
}

jrn_diag *diag_error(jrn_diag_list *list, jrn_span span, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    jrn_diag *diag = diag_vreport(list, SEVERITY_ERROR, NULL, span, format, arguments);
    va_end(arguments);
    return diag;
}

jrn_diag *diag_unavailable(jrn_diag_list *list, jrn_span span, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    jrn_diag *diag = diag_vreport(list, SEVERITY_ERROR, NULL, span, format, arguments);
    va_end(arguments);
    list->unavailable_count++;
    return diag;
}

void diag_add_note(jrn_diag_list *list, jrn_diag *diag, jrn_span span, const char *format, ...)
{
    if (diag == NULL) return;
    jrn_diag_note *note = arena_alloc(list->arena, sizeof *note);
    note->span = span;
    jrn_strbuf message = STRBUF_INIT;
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(&message, format, arguments);
    va_end(arguments);
    note->message = arena_strndup(list->arena, strbuf_text(&message), message.length);
    strbuf_free(&message);
    jrn_diag_note **tail = &diag->notes;
    while (*tail != NULL) tail = &(*tail)->next;
    *tail = note;
}

static void diag_recount(jrn_diag_list *list)
{
    size_t dropped = list->dropped_count;
    list->error_count = dropped;
    list->warning_count = list->note_count = 0;
    list->last = NULL;
    for (jrn_diag *diag = list->first; diag != NULL; diag = diag->next) {
        if (diag->severity == SEVERITY_ERROR) list->error_count++;
        else if (diag->severity == SEVERITY_WARNING) list->warning_count++;
        else list->note_count++;
        list->last = diag;
    }
}

void diag_filter(jrn_diag_list *list, bool (*keep)(const jrn_diag *diag, void *context),
                 void *context)
{
    jrn_diag **link = &list->first;
    while (*link != NULL) {
        if (keep(*link, context)) link = &(*link)->next;
        else *link = (*link)->next;
    }
    diag_recount(list);
}

typedef struct diag_sort_entry {
    jrn_diag *diag;
    size_t order;
} diag_sort_entry;

static int diag_compare(const void *left_pointer, const void *right_pointer)
{
    const diag_sort_entry *left = left_pointer, *right = right_pointer;
    const jrn_source *left_source = left->diag->span.source, *right_source = right->diag->span.source;
    if (left_source != right_source) {
        if (left_source == NULL) return -1;
        if (right_source == NULL) return 1;
        int by_name = strcmp(left_source->display_name, right_source->display_name);
        if (by_name != 0) return by_name;
    } else if (left_source != NULL && left->diag->span.begin != right->diag->span.begin) {
        return left->diag->span.begin < right->diag->span.begin ? -1 : 1;
    }
    return left->order < right->order ? -1 : left->order > right->order;
}

void diag_sort(jrn_diag_list *list)
{
    size_t count = 0;
    for (jrn_diag *diag = list->first; diag != NULL; diag = diag->next) count++;
    if (count < 2) return;
    diag_sort_entry *entries = malloc(count * sizeof *entries);
    if (entries == NULL) return;
    size_t i = 0;
    for (jrn_diag *diag = list->first; diag != NULL; diag = diag->next, i++) {
        entries[i] = (diag_sort_entry){diag, i};
    }
    qsort(entries, count, sizeof *entries, diag_compare);
    for (i = 0; i + 1 < count; i++) entries[i].diag->next = entries[i + 1].diag;
    entries[count - 1].diag->next = NULL;
    list->first = entries[0].diag;
    list->last = entries[count - 1].diag;
    free(entries);
}

const char *diag_severity_name(jrn_severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR: return "error";
    case SEVERITY_WARNING: return "warning";
    case SEVERITY_NOTE: return "note";
    }
    return "error";
}

static const char *diag_severity_color(jrn_severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR: return "\033[1;31m";
    case SEVERITY_WARNING: return "\033[1;35m";
    case SEVERITY_NOTE: return "\033[1;36m";
    }
    return "";
}

static bool is_continuation_byte(char byte)
{
    return ((unsigned char)byte & 0xC0) == 0x80;
}

/* Columns are counted the way the excerpt walks a line: from byte 0, each step moves past
 * one byte and the continuation bytes after it. A mark is a byte offset and the number of
 * steps from byte 0 that reach it, so any column is found by walking from a mark near it
 * (the caret) instead of from the start of the line: with many findings on one long line,
 * each costs the width of its window, not the length of the line. */
typedef struct diag_mark {
    uint32_t byte;
    uint32_t column;
} diag_mark;

/* The mark of the span's first byte, given the code points before it on the line (its
 * column as source_position counts it) and the line's code points. */
static diag_mark diag_caret_mark(const char *line, uint32_t length, uint32_t offset, uint32_t columns_before,
                                 uint32_t total_columns)
{
    if (length == 0) return (diag_mark){0, 0};
    /* A step from byte 0 lands on the next byte that begins a code point: every one after
     * byte 0 is a step, and the end of the line one more. */
    uint32_t leading = is_continuation_byte(line[0]) ? 0 : 1;
    if (offset >= length) return (diag_mark){length, total_columns - leading + 1};
    if (is_continuation_byte(line[offset])) {
        while (offset > 0 && is_continuation_byte(line[offset])) offset--;
        if (offset == 0) return (diag_mark){0, 0};
        columns_before--;   /* the code point whose continuation the span began in */
    }
    if (offset == 0) return (diag_mark){0, 0};
    return (diag_mark){offset, columns_before - leading + 1};
}

/* Byte offset within line of the code point numbered column (0-based). */
static uint32_t diag_byte_of_column(const char *line, uint32_t length, diag_mark mark, uint32_t column)
{
    if (column == 0) return 0;
    uint32_t i = mark.byte;
    for (uint32_t seen = mark.column; seen < column && i < length; seen++) {
        i++;
        while (i < length && is_continuation_byte(line[i])) i++;
    }
    for (uint32_t seen = mark.column; seen > column; seen--) {
        i--;
        while (i > 0 && is_continuation_byte(line[i])) i--;
    }
    return i;
}

/* Code points in text[0, length), counting no further than limit. */
static uint32_t diag_columns_in(const char *text, uint32_t length, uint32_t limit)
{
    uint32_t columns = 0;
    for (uint32_t i = 0; i < length && columns < limit; i++) {
        if (!is_continuation_byte(text[i])) columns++;
    }
    return columns;
}

/* Prints the source line (or a window of it) and a caret line under [begin, end). */
static void diag_render_excerpt(jrn_span span, jrn_strbuf *out, bool color)
{
    const jrn_source *source = span.source;
    jrn_position where = source_position(source, span.begin);
    uint32_t line_length;
    const char *line = source_line_text(source, where.line, &line_length);
    uint32_t line_begin = (uint32_t)(line - source_text(source));
    uint32_t caret_column = where.column - 1;
    uint32_t line_end = line_begin + line_length;
    uint32_t total_columns = line_length > 0 ? source_position(source, line_end).column - 1 : 0;
    uint32_t first_column = 0;
    if (total_columns > DIAG_LINE_WINDOW && caret_column > DIAG_WINDOW_LEAD) {
        first_column = caret_column - DIAG_WINDOW_LEAD;
    }
    uint32_t last_column = first_column + DIAG_LINE_WINDOW;
    if (last_column > total_columns) last_column = total_columns;

    /* The underline ends at the span's end, but never before the caret nor past the
     * window: its code points are counted only as far as the window reaches. */
    uint32_t end = span.end > span.begin ? span.end : span.begin + 1;
    if (end > line_end) end = line_end;
    uint32_t reach = last_column + 1 > caret_column ? last_column + 1 - caret_column : 0;
    uint32_t end_column = end > span.begin
        ? caret_column + diag_columns_in(source_text(source) + span.begin, end - span.begin, reach)
        : caret_column + 1;
    if (end_column <= caret_column) end_column = caret_column + 1;
    if (end_column > last_column + 1) end_column = last_column + 1;

    diag_mark caret = diag_caret_mark(line, line_length, span.begin - line_begin, caret_column, total_columns);
    uint32_t from = diag_byte_of_column(line, line_length, caret, first_column);
    uint32_t to = diag_byte_of_column(line, line_length, caret, last_column);
    char gutter[32];
    int gutter_width = snprintf(gutter, sizeof gutter, "%5u", where.line);
    strbuf_printf(out, "%s | ", gutter);
    const char *lead = first_column > 0 ? "..." : "";
    strbuf_puts(out, lead);
    for (uint32_t i = from; i < to;) {
        unsigned char byte = (unsigned char)line[i];
        /* Control characters would move the terminal's cursor and broken UTF-8 would
         * garble it: show them as '?'. */
        uint32_t valid = utf8_sequence_length((const unsigned char *)line, i, to);
        if (valid == 0 || (byte < 0x20 && byte != '\t') || byte == 0x7F) {
            strbuf_putc(out, '?');
            i++;
            continue;
        }
        strbuf_append(out, line + i, valid);
        i += valid;
    }
    if (to < line_length) strbuf_puts(out, "...");
    strbuf_putc(out, '\n');

    strbuf_printf(out, "%*s | %s", gutter_width, "", first_column > 0 ? "   " : "");
    /* Pad with the line's own tabs so the caret lines up in any tab width. */
    uint32_t pad_from = from, column = first_column;
    while (column < caret_column && pad_from < line_length) {
        strbuf_putc(out, line[pad_from] == '\t' ? '\t' : ' ');
        pad_from++;
        while (pad_from < line_length && is_continuation_byte(line[pad_from])) pad_from++;
        column++;
    }
    while (column < caret_column) { strbuf_putc(out, ' '); column++; }
    if (color) strbuf_puts(out, "\033[1;32m");
    strbuf_putc(out, '^');
    for (column = caret_column + 1; column < end_column; column++) strbuf_putc(out, '~');
    if (color) strbuf_puts(out, "\033[0m");
    strbuf_putc(out, '\n');
}

static void diag_render_header(jrn_span span, jrn_severity severity, const char *message,
                               const char *rule, jrn_strbuf *out, bool color)
{
    if (color) strbuf_puts(out, "\033[1m");
    /* The file name and the message carry user strings (a name, a `use` path, a CSV
     * cell): shown escaped, they cannot drive the terminal or forge a line that a problem
     * matcher would read as a diagnostic of its own. */
    if (span.source != NULL) {
        jrn_position where = source_position(span.source, span.begin);
        terminal_text_puts(out, span.source->display_name);
        strbuf_printf(out, ":%u:%u: ", where.line, where.column);
    } else {
        strbuf_puts(out, "jrnc: ");
    }
    if (color) strbuf_printf(out, "%s", diag_severity_color(severity));
    strbuf_printf(out, "%s:", diag_severity_name(severity));
    if (color) strbuf_puts(out, "\033[0m");
    strbuf_putc(out, ' ');
    terminal_text_puts(out, message);
    if (rule != NULL) strbuf_printf(out, " [%s]", rule);
    strbuf_putc(out, '\n');
}

void diag_render_one_text(const jrn_diag *diag, jrn_strbuf *out, bool color)
{
    diag_render_header(diag->span, diag->severity, diag->message, diag->rule, out, color);
    if (diag->span.source != NULL) diag_render_excerpt(diag->span, out, color);
    for (const jrn_diag_note *note = diag->notes; note != NULL; note = note->next) {
        diag_render_header(note->span, SEVERITY_NOTE, note->message, NULL, out, color);
        if (note->span.source != NULL) diag_render_excerpt(note->span, out, color);
    }
}

void diag_render_text(const jrn_diag_list *list, FILE *stream, bool color)
{
    jrn_strbuf out = STRBUF_INIT;
    for (const jrn_diag *diag = list->first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, &out, color);
        /* Flush per diagnostic so memory stays flat on huge lint runs. */
        fwrite(strbuf_text(&out), 1, out.length, stream);
        strbuf_clear(&out);
    }
    if (list->dropped_count > 0) {
        fprintf(stream, "jrnc: too many errors: %zu more not shown (limit is %d)\n",
                list->dropped_count, DIAG_ERROR_LIMIT);
    }
    strbuf_free(&out);
}
