/* report_format.h — how every report writes the model's values as plain text: numbers,
 * dates, durations, emotions, rates and lists of labels (each emitter escapes the result). */
#ifndef JRN_REPORT_FORMAT_H
#define JRN_REPORT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/values.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* "2026-09-30". */
const char *report_date_text(jrn_arena *arena, jrn_date date);
/* "2d", "30min", "1.5w". */
const char *report_duration_text(jrn_arena *arena, jrn_duration duration);
/* "30%" for a share of 0.3. */
const char *report_rate_text(jrn_arena *arena, double rate);
/* "-1 unhappy" when the emotion scale names the value, else "-1". */
const char *report_emotion_text(jrn_arena *arena, const jrn_model *model, double emotion);
/* "+3", "-1", "0": a difference on the emotion scale. */
const char *report_signed_text(jrn_arena *arena, double value);
/* Labels (title or id) joined by separator; "" for none. */
const char *report_join_channels(jrn_arena *arena, jrn_channel *const *channels, size_t count,
                                 const char *separator);
const char *report_join_personas(jrn_arena *arena, jrn_persona *const *personas, size_t count,
                                 const char *separator);
const char *report_join_segments(jrn_arena *arena, jrn_segment *const *segments, size_t count,
                                 const char *separator);
/* Texts joined by separator. */
const char *report_join_texts(jrn_arena *arena, const jrn_text_list *texts,
                              const char *separator);
/* Appends text escaped for HTML and XML (SVG) text and attribute values: & < > " ' become
 * entities; a line break becomes <br> when line_breaks is set (HTML text), else a space. */
void report_put_html(jrn_strbuf *out, const char *text, bool line_breaks);
/* Appends user text for any Markdown output (-f md, diff --format md, flow --format md),
 * shown as typed and acting on nothing: Markdown's punctuation is backslash-escaped,
 * HTML's specials become entities, a
 * line break becomes <br> (so no new block can start and a table row stays whole), a tab
 * a space; control characters are dropped; a zero-width joiner after '@', in "://" and
 * in "www." keeps mentions from notifying and bare URLs from becoming links. */
void report_put_md(jrn_strbuf *out, const char *text);
/* The same for text that starts a line (a paragraph, a quote): a list or rule marker
 * opening it ("- ", "1. ", "---") is escaped too. */
void report_put_md_line(jrn_strbuf *out, const char *text);
/* The label of the map: its title, its id, or "Journey map". */
const char *report_map_title(const jrn_model *model);

#endif
