/* diff_emit_values.c — how `jrnc diff` shows a value to people, in plain text or Markdown. */
#include "jrn/diff_model.h"

#include <string.h>

#include "jrn/fmt.h"
#include "jrn/report_format.h"

/* The one Markdown escape every report shares (report_format.h). */
void diff_append_md_text(jrn_strbuf *out, const char *text)
{
    report_put_md(out, text);
}

static void diff_append_quoted(jrn_strbuf *out, const char *text, bool as_md)
{
    if (!as_md) {
        fmt_append_string(out, text);
        return;
    }
    jrn_strbuf quoted = STRBUF_INIT;
    fmt_append_string(&quoted, text);
    diff_append_md_text(out, strbuf_text(&quoted));
    strbuf_free(&quoted);
}

static void diff_append_name(jrn_strbuf *out, const char *id, bool as_md)
{
    if (as_md) strbuf_printf(out, "`%s`", id);
    else strbuf_puts(out, id);
}

void diff_append_value(jrn_strbuf *out, const jrn_change_value *value, bool as_md)
{
    const char *none = as_md ? "*none*" : "(none)";
    switch (value->kind) {
    case CHANGE_VALUE_ABSENT: strbuf_puts(out, none); break;
    case CHANGE_VALUE_FLAG: strbuf_puts(out, "yes"); break;
    case CHANGE_VALUE_TEXT: diff_append_quoted(out, value->text, as_md); break;
    case CHANGE_VALUE_NUMBER:
        strbuf_puts(out, value->text);
        if (value->label != NULL) {
            strbuf_puts(out, " (");
            if (as_md) diff_append_md_text(out, value->label);
            else strbuf_puts(out, value->label);
            strbuf_putc(out, ')');
        }
        break;
    case CHANGE_VALUE_QUANTITY:
    case CHANGE_VALUE_LITERAL:
        if (as_md) diff_append_md_text(out, value->text);
        else strbuf_puts(out, value->text);
        break;
    case CHANGE_VALUE_NAME: diff_append_name(out, value->text, as_md); break;
    case CHANGE_VALUE_TEXTS:
    case CHANGE_VALUE_NAMES:
        if (value->item_count == 0) strbuf_puts(out, none);
        for (size_t i = 0; i < value->item_count; i++) {
            if (i > 0) strbuf_puts(out, ", ");
            if (value->kind == CHANGE_VALUE_TEXTS) diff_append_quoted(out, value->items[i], as_md);
            else diff_append_name(out, value->items[i], as_md);
        }
        break;
    }
}
