/* report_format.c — plain-text forms of the model's values, shared by every report. */
#include "jrn/report_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *report_number_text(jrn_arena *arena, double value)
{
    if (value == 0) return "0";   /* also turns -0 into 0 */
    if (!isfinite(value)) return "0";
    /* The first precision that reads back exactly: 0.3 stays "0.3", not 0.29999999999999999. */
    for (int precision = 1; precision < 17; precision++) {
        char *text = arena_printf(arena, "%.*g", precision, value);
        /* %g picks an exponent when the precision is short of the integer digits: 3e+01. */
        if (strtod(text, NULL) == value && strchr(text, 'e') == NULL) return text;
    }
    return arena_printf(arena, "%.17g", value);
}

const char *report_date_text(jrn_arena *arena, jrn_date date)
{
    return arena_printf(arena, "%04d-%02d-%02d", date.year, date.month, date.day);
}

const char *report_duration_text(jrn_arena *arena, jrn_duration duration)
{
    return arena_printf(arena, "%s%s", report_number_text(arena, duration.amount),
                        duration_unit_suffix(duration.unit));
}

const char *report_rate_text(jrn_arena *arena, double rate)
{
    /* Rounded to what a person wrote: 30% is stored as 0.3 and must print as 30%. */
    double percent = round(rate * 100.0 * 1e6) / 1e6;
    return arena_printf(arena, "%s%%", report_number_text(arena, percent));
}

const char *report_emotion_text(jrn_arena *arena, const jrn_model *model, double emotion)
{
    const char *number = report_number_text(arena, emotion);
    const char *label = model_emotion_label(model, emotion);
    return label != NULL ? arena_printf(arena, "%s %s", number, label) : number;
}

const char *report_signed_text(jrn_arena *arena, double value)
{
    const char *number = report_number_text(arena, value);
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

