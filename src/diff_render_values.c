/* diff_render_values.c — how `jrnc diff` shows a value to people, in plain text or Markdown. */
#include "jrn/diff_model.h"

#include <string.h>

#include "jrn/fmt.h"

/* Markdown would read *, _, `, [ and friends as markup inside a line: escape them. (Our
 * text never starts a line, so list and heading markers need no escape.) */
void diff_append_markdown_text(jrn_strbuf *out, const char *text)
{
    for (const char *c = text; *c != '\0'; c++) {
        if (strchr("\\`*_[]<>|~", *c) != NULL) strbuf_putc(out, '\\');
        strbuf_putc(out, *c);
    }
}

static void diff_append_quoted(jrn_strbuf *out, const char *text, bool markdown)
{
    if (!markdown) {
        fmt_append_string(out, text);
        return;
    }
    jrn_strbuf quoted = STRBUF_INIT;
    fmt_append_string(&quoted, text);
    diff_append_markdown_text(out, strbuf_text(&quoted));
    strbuf_free(&quoted);
}

static void diff_append_name(jrn_strbuf *out, const char *id, bool markdown)
{
    if (markdown) strbuf_printf(out, "`%s`", id);
    else strbuf_puts(out, id);
}

void diff_append_value(jrn_strbuf *out, const jrn_change_value *value, bool markdown)
{
    const char *none = markdown ? "*none*" : "(none)";
    switch (value->kind) {
    case CHANGE_VALUE_ABSENT: strbuf_puts(out, none); break;
    case CHANGE_VALUE_FLAG: strbuf_puts(out, "yes"); break;
    case CHANGE_VALUE_TEXT: diff_append_quoted(out, value->text, markdown); break;
    case CHANGE_VALUE_NUMBER:
        strbuf_puts(out, value->text);
        if (value->label != NULL) strbuf_printf(out, " (%s)", value->label);
        break;
    case CHANGE_VALUE_QUANTITY:
    case CHANGE_VALUE_LITERAL:
        if (markdown) diff_append_markdown_text(out, value->text);
        else strbuf_puts(out, value->text);
        break;
    case CHANGE_VALUE_NAME: diff_append_name(out, value->text, markdown); break;
    case CHANGE_VALUE_TEXTS:
    case CHANGE_VALUE_NAMES:
        if (value->item_count == 0) strbuf_puts(out, none);
        for (size_t i = 0; i < value->item_count; i++) {
            if (i > 0) strbuf_puts(out, ", ");
            if (value->kind == CHANGE_VALUE_TEXTS) diff_append_quoted(out, value->items[i], markdown);
            else diff_append_name(out, value->items[i], markdown);
        }
        break;
    }
}
