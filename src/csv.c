/* csv.c — an RFC 4180 reader: records of fields with their spans, malformed records
 * reported at the offending character and skipped. */
#include "jrn/csv.h"

#include <stdbool.h>
#include <string.h>

typedef struct csv_reader {
    jrn_arena *arena;
    const jrn_source *source;
    jrn_diag_list *diags;
    const char *text;
    uint32_t length;
    uint32_t at;
} csv_reader;

static bool csv_at_line_end(const csv_reader *reader)
{
    uint32_t at = reader->at;
    return at >= reader->length || reader->text[at] == '\n' ||
           (reader->text[at] == '\r' && (at + 1 == reader->length || reader->text[at + 1] == '\n'));
}

static void csv_skip_line_end(csv_reader *reader)
{
    if (reader->at < reader->length && reader->text[reader->at] == '\r') reader->at++;
    if (reader->at < reader->length && reader->text[reader->at] == '\n') reader->at++;
}

/* After an error: on to the start of the next line, where the next record may begin. */
static void csv_skip_rest_of_line(csv_reader *reader)
{
    while (reader->at < reader->length && reader->text[reader->at] != '\n') reader->at++;
    if (reader->at < reader->length) reader->at++;
}

static jrn_span csv_span(const csv_reader *reader, uint32_t begin, uint32_t end)
{
    return (jrn_span){reader->source, begin, end};
}

static bool csv_is_blank(char character)
{
    return character == ' ' || character == '\t';
}

/* A field in quotes; reader->at is on the opening quote. */
static bool csv_read_quoted(csv_reader *reader, jrn_csv_field *field)
{
    uint32_t open = reader->at++;
    jrn_strbuf text = STRBUF_INIT;
    bool closed = false;
    while (reader->at < reader->length) {
        char character = reader->text[reader->at];
        if (character == '"') {
            if (reader->at + 1 < reader->length && reader->text[reader->at + 1] == '"') {
                strbuf_putc(&text, '"');
                reader->at += 2;
                continue;
            }
            reader->at++;
            closed = true;
            break;
        }
        strbuf_putc(&text, character);
        reader->at++;
    }
    field->text = arena_strndup(reader->arena, strbuf_text(&text), text.length);
    field->span = csv_span(reader, open, reader->at);
    strbuf_free(&text);
    if (!closed) {
        jrn_diag *diag = diag_error(reader->diags, csv_span(reader, open, open + 1),
                                    "unterminated quoted field: no closing '\"' before the end of the file");
        diag_add_note(reader->diags, diag, span_none(), "a quote inside a quoted field is written twice: \"\"");
        return false;
    }
    uint32_t after = reader->at;
    while (reader->at < reader->length && csv_is_blank(reader->text[reader->at])) reader->at++;
    if (reader->at < reader->length && reader->text[reader->at] != ',' && !csv_at_line_end(reader)) {
        jrn_diag *diag = diag_error(reader->diags, csv_span(reader, after, after + 1),
                                    "unexpected text after the closing quote of a field");
        diag_add_note(reader->diags, diag, span_none(), "a quote inside a quoted field is written twice: \"\"");
        return false;
    }
    return true;
}

/* A field without quotes, up to the next comma or line end, blanks around it trimmed. */
static bool csv_read_plain(csv_reader *reader, jrn_csv_field *field)
{
    uint32_t begin = reader->at;
    while (reader->at < reader->length && reader->text[reader->at] != ',' && !csv_at_line_end(reader)) {
        if (reader->text[reader->at] == '"') {
            jrn_diag *diag = diag_error(reader->diags, csv_span(reader, reader->at, reader->at + 1),
                                        "a quote inside a field that does not start with one");
            diag_add_note(reader->diags, diag, span_none(),
                          "put the whole field in quotes and write the quote twice: \"say \"\"hi\"\"\"");
            return false;
        }
        reader->at++;
    }
    uint32_t end = reader->at;
    while (end > begin && csv_is_blank(reader->text[end - 1])) end--;
    field->text = arena_strndup(reader->arena, reader->text + begin, end - begin);
    field->span = csv_span(reader, begin, end);
    return true;
}

/* One record from reader->at (the start of a non-blank line); false when it is malformed. */
static bool csv_read_record(csv_reader *reader, jrn_csv_record *record)
{
    jrn_csv_field *fields = NULL;
    size_t count = 0;
    for (;;) {
        while (reader->at < reader->length && csv_is_blank(reader->text[reader->at])) reader->at++;
        jrn_csv_field field = {0};
        bool ok = reader->at < reader->length && reader->text[reader->at] == '"'
                      ? csv_read_quoted(reader, &field)
                      : csv_read_plain(reader, &field);
        if (!ok) return false;
        ARENA_PUSH(reader->arena, fields, count, field);
        if (reader->at < reader->length && reader->text[reader->at] == ',') {
            reader->at++;
            continue;
        }
        break;
    }
    record->fields = fields;
    record->field_count = count;
    record->span = csv_span(reader, fields[0].span.begin, fields[count - 1].span.end);
    return true;
}

static bool csv_line_is_blank(const csv_reader *reader)
{
    uint32_t at = reader->at;
    while (at < reader->length && csv_is_blank(reader->text[at])) at++;
    csv_reader probe = *reader;
    probe.at = at;
    return csv_at_line_end(&probe);
}

jrn_csv_record *csv_read(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags,
                         size_t *record_count)
{
    csv_reader reader = {arena, source, diags, source->text, source->length, 0};
    jrn_csv_record *records = NULL;
    size_t count = 0;
    while (reader.at < reader.length) {
        if (csv_line_is_blank(&reader)) {
            while (reader.at < reader.length && csv_is_blank(reader.text[reader.at])) reader.at++;
            csv_skip_line_end(&reader);
            continue;
        }
        jrn_csv_record record;
        if (csv_read_record(&reader, &record)) {
            ARENA_PUSH(arena, records, count, record);
            csv_skip_line_end(&reader);
        } else {
            csv_skip_rest_of_line(&reader);
        }
    }
    *record_count = count;
    return records;
}
