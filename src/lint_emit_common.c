/* lint_emit_common.c — what the JSON and SARIF renderers share: regions of spans, JSON
 * file URIs and the run's counts. */
#include "jrn/lint_emit.h"

#include <string.h>

static uint32_t lint_utf8_length(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

jrn_lint_region lint_region_of(jrn_span span)
{
    const jrn_source *source = span.source;
    uint32_t end = span.end;
    if (end <= span.begin) {
        /* Widen to the character under the caret, but never past the line's end. */
        end = span.begin;
        const char *text = source_text(source);
        if (end < source->length && text[end] != '\n' && text[end] != '\r') {
            end += lint_utf8_length((unsigned char)text[end]);
            if (end > source->length) end = source->length;
        }
    }
    jrn_position start = source_position(source, span.begin);
    jrn_position stop = source_position(source, end);
    return (jrn_lint_region){start.line, start.column, stop.line, stop.column};
}

static bool lint_uri_keeps(unsigned char byte)
{
    /* Unreserved characters and the path separator; ':' is encoded so that a relative
     * path like "a:b.jrn" cannot read as a URI scheme. */
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
           (byte >= '0' && byte <= '9') || strchr("-._~/", byte) != NULL;
}

void lint_path_uri(jrn_strbuf *out, const char *path)
{
    const unsigned char *at = (const unsigned char *)path;
    if (at[0] == '/') strbuf_puts(out, "file://");
    /* "./map.jrn" and "map.jrn" are the same file: one URI keeps alerts stable. */
    while (at[0] == '.' && at[1] == '/') {
        at += 2;
        while (at[0] == '/') at++;
    }
    for (; *at != '\0'; at++) {
        if (lint_uri_keeps(*at)) strbuf_putc(out, (char)*at);
        else strbuf_printf(out, "%%%02X", *at);
    }
}

void lint_run_counts(const jrn_lint_run *run, size_t *errors, size_t *warnings, size_t *notes)
{
    *errors = *warnings = *notes = 0;
    for (size_t i = 0; i < run->file_count; i++) {
        const jrn_diag_list *diags = run->files[i].diags;
        if (diags == NULL) continue;
        *errors += diags->error_count;
        *warnings += diags->warning_count;
        *notes += diags->note_count;
    }
}
