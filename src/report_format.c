/* report_format.c — plain-text forms of the model's values, shared by every report. */
#include "jrn/report_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jrn/terminal_text.h"

const char *report_date_text(jrn_arena *arena, jrn_date date)
{
    return arena_printf(arena, "%04d-%02d-%02d", date.year, date.month, date.day);
}

const char *report_duration_text(jrn_arena *arena, jrn_duration duration)
{
    return arena_printf(arena, "%s%s", number_text(arena, duration.amount),
                        duration_unit_suffix(duration.unit));
}

const char *report_rate_text(jrn_arena *arena, double rate)
{
    /* Rounded to what a person wrote: 30% is stored as 0.3 and must print as 30%. */
    double percent = round(rate * 100.0 * 1e6) / 1e6;
    return arena_printf(arena, "%s%%", number_text(arena, percent));
}

const char *report_emotion_text(jrn_arena *arena, const jrn_model *model, double emotion)
{
    const char *number = number_text(arena, emotion);
    const char *label = model_emotion_label(model, emotion);
    return label != NULL ? arena_printf(arena, "%s %s", number, label) : number;
}

const char *report_signed_text(jrn_arena *arena, double value)
{
    const char *number = number_text(arena, value);
    return value > 0 ? arena_printf(arena, "+%s", number) : number;
}

/* Joins count labels, each fetched by position, so one loop serves every element type. */
static const char *report_join(jrn_arena *arena, size_t count, const char *separator,
                               const char *(*label_at)(const void *items, size_t index),
                               const void *items)
{
    jrn_strbuf joined = STRBUF_INIT;
    for (size_t i = 0; i < count; i++) {
        if (i > 0) strbuf_puts(&joined, separator);
        strbuf_puts(&joined, label_at(items, i));
    }
    const char *text = arena_strdup(arena, strbuf_text(&joined));
    strbuf_free(&joined);
    return text;
}

static const char *report_channel_label_at(const void *items, size_t index)
{
    return element_label(&((jrn_channel *const *)items)[index]->base);
}

static const char *report_persona_label_at(const void *items, size_t index)
{
    return element_label(&((jrn_persona *const *)items)[index]->base);
}

static const char *report_segment_label_at(const void *items, size_t index)
{
    return element_label(&((jrn_segment *const *)items)[index]->base);
}

static const char *report_text_at(const void *items, size_t index)
{
    return ((const char *const *)items)[index];
}

const char *report_join_channels(jrn_arena *arena, jrn_channel *const *channels, size_t count,
                                 const char *separator)
{
    return report_join(arena, count, separator, report_channel_label_at, channels);
}

const char *report_join_personas(jrn_arena *arena, jrn_persona *const *personas, size_t count,
                                 const char *separator)
{
    return report_join(arena, count, separator, report_persona_label_at, personas);
}

const char *report_join_segments(jrn_arena *arena, jrn_segment *const *segments, size_t count,
                                 const char *separator)
{
    return report_join(arena, count, separator, report_segment_label_at, segments);
}

const char *report_join_texts(jrn_arena *arena, const jrn_text_list *texts,
                              const char *separator)
{
    return report_join(arena, texts->count, separator, report_text_at, texts->items);
}

const char *report_map_title(const jrn_model *model)
{
    const char *label = element_label(&model->map.base);
    return label != NULL && label[0] != '\0' ? label : "Journey map";
}

void report_put_html(jrn_strbuf *out, const char *text, bool line_breaks)
{
    if (text == NULL) return;
    for (const char *p = text; *p != '\0'; p++) {
        switch (*p) {
        case '&': strbuf_puts(out, "&amp;"); break;
        case '<': strbuf_puts(out, "&lt;"); break;
        case '>': strbuf_puts(out, "&gt;"); break;
        case '"': strbuf_puts(out, "&quot;"); break;
        case '\'': strbuf_puts(out, "&#39;"); break;
        case '\n': strbuf_puts(out, line_breaks ? "<br>" : " "); break;
        case '\r': break;
        default: strbuf_putc(out, *p);
        }
    }
}

/* Breaks what a code host would act on without any markup: U+200D ZERO WIDTH JOINER
 * after '@' keeps "@team" from notifying anyone, and inside "://" and "www." keeps a URL
 * from becoming a live link. */
static const char report_md_breaker[] = "\xE2\x80\x8D";

/* Length of a line-start marker text opens with: a list item ("- ", "+ ", "12. ",
 * "3) "), or a line of '-' or '=' (a rule or a setext underline); 0 for none. */
static size_t report_md_line_marker(const char *text)
{
    if ((text[0] == '-' || text[0] == '+') && (text[1] == ' ' || text[1] == '\t' || text[1] == '\0')) {
        return 1;
    }
    if (text[0] == '-' || text[0] == '=') {
        size_t i = 0;
        while (text[i] == text[0] || text[i] == ' ' || text[i] == '\t') i++;
        if (text[i] == '\0' || text[i] == '\n' || text[i] == '\r') return 1;
    }
    size_t digits = 0;
    while (text[digits] >= '0' && text[digits] <= '9') digits++;
    if (digits > 0 && (text[digits] == '.' || text[digits] == ')') &&
        (text[digits + 1] == ' ' || text[digits + 1] == '\t' || text[digits + 1] == '\0')) {
        return digits + 1;
    }
    return 0;
}

void report_put_md(jrn_strbuf *out, const char *text)
{
    if (text == NULL) return;
    for (const char *p = text; *p != '\0'; p++) {
        unsigned char byte = (unsigned char)*p;
        switch (*p) {
        case '<': strbuf_puts(out, "&lt;"); continue;
        case '>': strbuf_puts(out, "&gt;"); continue;
        case '&': strbuf_puts(out, "&amp;"); continue;
        case '\n': strbuf_puts(out, "<br>"); continue;
        case '\t': strbuf_putc(out, ' '); continue;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|':
        case '~': case '$': case '#': case '!':
            strbuf_putc(out, '\\');
            strbuf_putc(out, *p);
            continue;
        case '@':
            strbuf_putc(out, '@');
            strbuf_puts(out, report_md_breaker);
            continue;
        case ':':
            strbuf_putc(out, ':');
            if (p[1] == '/' && p[2] == '/') strbuf_puts(out, report_md_breaker);
            continue;
        case '.':
            if (p - text >= 3 && strncasecmp(p - 3, "www", 3) == 0) strbuf_puts(out, report_md_breaker);
            strbuf_putc(out, '.');
            continue;
        default: break;
        }
        /* Control characters (ESC, CR, DEL and the C1 range) are dropped: they are
         * invisible in a rendered page and drive a terminal that shows the source. */
        if (byte < 0x20 || byte == 0x7F) continue;
        if (byte == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F) {
            p++;
            continue;
        }
        /* So are bidirectional controls ("Trojan Source": a comment that reads in another
         * order than it is written) and the Unicode line separators. */
        size_t invisible = terminal_text_invisible_control_length(p);
        if (invisible > 0) {
            p += invisible - 1;
            continue;
        }
        strbuf_putc(out, *p);
    }
}

void report_put_md_line(jrn_strbuf *out, const char *text)
{
    if (text == NULL) return;
    size_t marker = report_md_line_marker(text);
    if (marker > 0) {
        strbuf_append(out, text, marker - 1);
        strbuf_putc(out, '\\');
        strbuf_putc(out, text[marker - 1]);
    }
    report_put_md(out, text + marker);
}


