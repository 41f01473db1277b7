/* site_record.c — the line format of jrnc site's records: one thing per line, its kind
 * then tab-separated fields, each escaped so any text (tabs, line breaks) reads back. */
#include "jrn/site.h"

#include <string.h>

void site_record_begin(jrn_strbuf *out, const char *kind)
{
    strbuf_puts(out, kind);
}

void site_record_text(jrn_strbuf *out, const char *text)
{
    strbuf_putc(out, '\t');
    for (const char *p = text != NULL ? text : ""; *p != '\0'; p++) {
        switch (*p) {
        case '\\': strbuf_puts(out, "\\\\"); break;
        case '\t': strbuf_puts(out, "\\t"); break;
        case '\n': strbuf_puts(out, "\\n"); break;
        case '\r': strbuf_puts(out, "\\r"); break;
        default: strbuf_putc(out, *p);
        }
    }
}

void site_record_number(jrn_strbuf *out, size_t number)
{
    strbuf_printf(out, "\t%zu", number);
}

void site_record_end(jrn_strbuf *out)
{
    strbuf_putc(out, '\n');
}

/* Undoes site_record_text's escapes in place (the text only shrinks). */
static void site_record_unescape(char *field)
{
    char *to = field;
    for (const char *from = field; *from != '\0'; from++) {
        if (*from == '\\' && from[1] != '\0') {
            from++;
            *to++ = *from == 't' ? '\t' : *from == 'n' ? '\n' : *from == 'r' ? '\r' : *from;
        } else {
            *to++ = *from;
        }
    }
    *to = '\0';
}

size_t site_record_split(jrn_arena *arena, char *line, char ***fields)
{
    size_t count = 0;
    *fields = NULL;
    char *cursor = line;
    for (;;) {
        char *tab = strchr(cursor, '\t');
        if (tab != NULL) *tab = '\0';
        site_record_unescape(cursor);
        ARENA_PUSH(arena, *fields, count, cursor);
        if (tab == NULL) break;
        cursor = tab + 1;
    }
    return count;
}
