/* csv.h — reads comma-separated values (RFC 4180) into records whose fields keep their
 * place in the source, so findings about a cell point at it. */
#ifndef JRN_CSV_H
#define JRN_CSV_H

#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/source.h"

typedef struct jrn_csv_field {
    const char *text;        /* decoded ("" inside quotes is one "), NUL-terminated */
    jrn_span span;           /* the field as written, quotes included; spaces around an
                                unquoted field are trimmed and not part of it */
} jrn_csv_field;

typedef struct jrn_csv_record {
    jrn_csv_field *fields;
    size_t field_count;
    jrn_span span;           /* from the first field to the end of the last */
} jrn_csv_record;

/* Every record of source, blank lines skipped. Fields are separated by commas, records by
 * LF or CRLF; a field in double quotes may hold commas, quotes (written twice) and line
 * ends. A malformed record (stray quote, unterminated quotes) is reported into diags and
 * left out. */
jrn_csv_record *csv_read(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags,
                         size_t *record_count);

#endif
