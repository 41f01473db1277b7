/* diag.h — the one diagnostic type, the list a compilation collects, and its renderers. */
#ifndef JRN_DIAG_H
#define JRN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "jrn/arena.h"
#include "jrn/source.h"
#include "jrn/strbuf.h"

/* Errors kept and shown per run; further ones are only counted, so a hostile file
 * with 100,000 mistakes costs neither memory nor a flooded terminal. */
#define DIAG_ERROR_LIMIT 50

typedef enum jrn_severity {
    SEVERITY_NOTE,
    SEVERITY_WARNING,
    SEVERITY_ERROR,
} jrn_severity;

typedef struct jrn_diag_note {
    jrn_span span;              /* span.source may be NULL: a note without a place */
    const char *message;
    struct jrn_diag_note *next;
} jrn_diag_note;

typedef struct jrn_diag {
    jrn_severity severity;
    const char *rule;           /* lint rule id, or NULL for compile errors */
    jrn_span span;              /* span.source NULL: about the run, not a place */
    const char *message;
    jrn_diag_note *notes;       /* related places: "first declared here" */
    const char *fixit;          /* replacement text for span, or NULL */
    struct jrn_diag *next;
} jrn_diag;

typedef struct jrn_diag_list {
    jrn_arena *arena;
    jrn_diag *first;
    jrn_diag *last;
    size_t error_count;         /* every error, including those past the limit */
    size_t warning_count;
    size_t note_count;
    size_t dropped_count;       /* errors counted but not kept */
    size_t unavailable_count;   /* errors that are the machine's, not the input's: a library
                                 * jrnc loads is missing (library.h); exit status 2 */
} jrn_diag_list;

void diag_list_init(jrn_diag_list *list, jrn_arena *arena);

/* True when an error reported now would be kept. Callers skip costly work (such as
 * did-you-mean searches) for errors that would only be counted. */
bool diag_keeps_next_error(const jrn_diag_list *list);

/* Adds a diagnostic and returns it (NULL when it was only counted), so notes and a
 * fix-it can be attached. The message is formatted into the arena. */
jrn_diag *diag_report(jrn_diag_list *list, jrn_severity severity, const char *rule,
                      jrn_span span, const char *format, ...)
    __attribute__((format(printf, 5, 6)));
jrn_diag *diag_error(jrn_diag_list *list, jrn_span span, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* An error for work that needs a library the machine does not have (counted in
 * unavailable_count as well as error_count). */
jrn_diag *diag_unavailable(jrn_diag_list *list, jrn_span span, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void diag_add_note(jrn_diag_list *list, jrn_diag *diag, jrn_span span, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
/* Drops the diagnostics for which keep() returns false (lint suppressions). */
void diag_filter(jrn_diag_list *list, bool (*keep)(const jrn_diag *diag, void *context),
                 void *context);
/* Sorts by file, then offset, keeping report order among equals. */
void diag_sort(jrn_diag_list *list);

/* "error", "warning", "note": the word in messages, lint's JSON and SARIF's level (the
 * same three words, so every output names a severity one way). */
const char *diag_severity_name(jrn_severity severity);

/* GCC form: "file:line:col: error: message [rule]", the source line, a caret under the
 * span, then the notes. Ends with a "too many errors" line when errors were dropped. */
void diag_render_text(const jrn_diag_list *list, FILE *stream, bool color);
void diag_render_one_text(const jrn_diag *diag, jrn_strbuf *out, bool color);

/* A span with no source: for diagnostics about the run (missing file, bad option). */
jrn_span span_none(void);

#endif
