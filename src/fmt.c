/* fmt.c — the formatter's printer: lays out a parsed file in the canonical layout of
 * docs/formatting.md and writes every comment next to the construct it annotates. */
#include "jrn/fmt.h"

#include <string.h>

#define FMT_INDENT_WIDTH 2
#define FMT_LINE_WIDTH 100          /* a short block stays on one line only within this */
#define FMT_SHORT_BLOCK_MEMBERS 4   /* ... and with at most this many members */

typedef struct fmt_printer {
    const jrn_source *source;
    jrn_strbuf *out;
    fmt_comment_cursor comments;
    uint32_t previous_end;     /* source offset where the last construct or comment written ends */
    bool line_has_comment;     /* the line being written ends in a comment: nothing may follow */
} fmt_printer;

typedef enum fmt_block_layout {
    LAYOUT_NO_BLOCK,
    LAYOUT_EMPTY_BLOCK,        /* {} */
    LAYOUT_ONE_LINE,           /* header { a: 1  b }  */
    LAYOUT_MULTI_LINE,
} fmt_block_layout;

static void fmt_decl(fmt_printer *p, const jrn_ast_decl *decl, size_t level, uint32_t limit);

static void fmt_indent(fmt_printer *p, size_t level)
{
    for (size_t i = 0; i < level * FMT_INDENT_WIDTH; i++) strbuf_putc(p->out, ' ');
}

static void fmt_end_line(fmt_printer *p)
{
    strbuf_putc(p->out, '\n');
    p->line_has_comment = false;
}

static void fmt_own_line_comment(fmt_printer *p, size_t level, const jrn_comment *comment)
{
    fmt_indent(p, level);
    fmt_append_comment(p->out, comment);
    fmt_end_line(p);
    fmt_comment_take(&p->comments);
}

/* The column (in code points) where the output's current line has reached. */
static size_t fmt_output_column(const fmt_printer *p)
{
    const char *text = strbuf_text(p->out);
    size_t start = p->out->length;
    while (start > 0 && text[start - 1] != '\n') start--;
    return fmt_text_width(text + start, p->out->length - start);
}

/* A comment after code on the current line; when the line already ends in one, the
 * comment goes on a line of its own at level. The lines that continue it (comments alone
 * on the next lines, in its column) stay under it, in its new column. */
static void fmt_inline_comment(fmt_printer *p, size_t level, const jrn_comment *comment)
{
    if (p->line_has_comment) {
        fmt_end_line(p);
        fmt_indent(p, level);
    } else {
        strbuf_puts(p->out, "  ");
    }
    size_t column = fmt_output_column(p);
    fmt_append_comment(p->out, comment);
    p->line_has_comment = true;
    p->previous_end = comment->span.end;
    fmt_comment_take(&p->comments);
    const jrn_comment *next;
    while ((next = p->comments.next) != NULL && fmt_comment_continues(p->source, comment, next)) {
        fmt_end_line(p);
        for (size_t i = 0; i < column; i++) strbuf_putc(p->out, ' ');
        fmt_append_comment(p->out, next);
        p->line_has_comment = true;
        p->previous_end = next->span.end;
        fmt_comment_take(&p->comments);
        comment = next;
    }
}

static bool fmt_wants_blank_line(const fmt_printer *p, uint32_t begin, bool at_start, bool force)
{
    if (force) return true;
    return !at_start && fmt_blank_line_between(p->source, p->previous_end, begin);
}

/* Writes the comments on lines of their own before offset with the blank lines the source
 * had among them (one at most), then the blank line before the construct at offset when
 * with_construct. at_start: no blank line first (start of a block or file); force: one. */
static void fmt_leading(fmt_printer *p, size_t level, uint32_t offset, bool at_start, bool force,
                        bool with_construct)
{
    bool first = true;
    const jrn_comment *comment;
    while ((comment = fmt_comment_before(&p->comments, offset)) != NULL) {
        if (fmt_wants_blank_line(p, comment->span.begin, first && at_start, first && force)) {
            fmt_end_line(p);
        }
        p->previous_end = comment->span.end;
        fmt_own_line_comment(p, level, comment);
        first = false;
    }
    if (with_construct && fmt_wants_blank_line(p, offset, first && at_start, first && force)) {
        fmt_end_line(p);
    }
}

/* Comments inside a construct that is written on one line (between a property's values,
 * inside a declaration's header) move above it, in their order. */
static void fmt_hoist_comments(fmt_printer *p, size_t level, uint32_t end)
{
    const jrn_comment *comment;
    while ((comment = fmt_comment_before(&p->comments, end)) != NULL) {
        fmt_own_line_comment(p, level, comment);
    }
}

static void fmt_trailing_comment(fmt_printer *p, size_t level, uint32_t end, uint32_t limit)
{
    const jrn_comment *comment = fmt_comment_trailing(&p->comments, end, limit);
    if (comment != NULL) fmt_inline_comment(p, level, comment);
}

/* True when a comment not yet written starts inside [begin, end). */
static bool fmt_comment_within(const fmt_printer *p, uint32_t begin, uint32_t end)
{
    const jrn_comment *comment = p->comments.next;
    while (comment != NULL && comment->span.begin < begin) comment = comment->next;
    return comment != NULL && comment->span.begin < end;
}

/* A value in a member or hop property; level is the member's, text blocks go one deeper. */
static void fmt_value(fmt_printer *p, const jrn_value *value, size_t level)
{
    if (value->is_text_block && fmt_text_block_fits(value->text)) {
        fmt_append_text_block(p->out, value->text, (level + 1) * FMT_INDENT_WIDTH);
    } else {
        fmt_append_value(p->out, value);
    }
}

static void fmt_property(fmt_printer *p, const jrn_ast_property *property, size_t level)
{
    strbuf_puts(p->out, property->name);
    strbuf_puts(p->out, ": ");
    for (const jrn_value *value = property->values; value != NULL; value = value->next) {
        if (value != property->values) strbuf_puts(p->out, ", ");
        fmt_value(p, value, level);
    }
}

static void fmt_hop_properties(fmt_printer *p, const jrn_ast_property *properties, size_t level)
{
    strbuf_puts(p->out, " [");
    for (const jrn_ast_property *property = properties; property != NULL; property = property->next) {
        if (property != properties) strbuf_puts(p->out, ", ");
        fmt_property(p, property, level);
    }
    strbuf_putc(p->out, ']');
}

/* Comments inside a step chain stay on their lines: one after a step stays after it, one
 * on a line of its own stays on a line of its own; the chain then goes on with "-> " one
 * level deeper. Returns true when the current line was ended. */
static bool fmt_chain_comments(fmt_printer *p, size_t level, uint32_t before)
{
    bool line_ended = false;
    const jrn_comment *comment;
    while ((comment = fmt_comment_before(&p->comments, before)) != NULL) {
        if (!fmt_comment_stands_alone(p->source, comment) && !line_ended) {
            fmt_inline_comment(p, level, comment);
            continue;
        }
        if (!line_ended) fmt_end_line(p);
        line_ended = true;
        fmt_own_line_comment(p, level, comment);
    }
    return line_ended;
}

static void fmt_chain(fmt_printer *p, const jrn_ast_member *chain, size_t level)
{
    fmt_indent(p, level);
    strbuf_puts(p->out, chain->steps->id);
    for (const jrn_ast_step *step = chain->steps->next; step != NULL; step = step->next) {
        bool line_ended = fmt_chain_comments(p, level + 1, step->hop_span.begin);
        if (!line_ended && p->line_has_comment) {
            fmt_end_line(p);
            line_ended = true;
        }
        if (line_ended) fmt_indent(p, level + 1);
        else strbuf_putc(p->out, ' ');
        strbuf_puts(p->out, "-> ");
        strbuf_puts(p->out, step->id);
        if (step->hop_properties != NULL) fmt_hop_properties(p, step->hop_properties, level);
    }
    /* Comments inside the last hop follow the chain, as its trailing comment and then on
     * lines of their own at its level: where they stand when the output is read again. */
    const jrn_comment *comment;
    while ((comment = fmt_comment_before(&p->comments, chain->span.end)) != NULL) {
        fmt_inline_comment(p, level, comment);
    }
}

static void fmt_names(jrn_strbuf *out, const char *keyword, const jrn_ast_name *names)
{
    if (names == NULL) return;
    strbuf_printf(out, " %s ", keyword);
    for (const jrn_ast_name *name = names; name != NULL; name = name->next) {
        if (name != names) strbuf_puts(out, ", ");
        strbuf_puts(out, name->id);
    }
}

/* "extend stage onboarding", "touchpoint ticket "Support request" in support"... */
static void fmt_decl_header(jrn_strbuf *out, const jrn_ast_decl *decl)
{
    if (decl->is_extend) strbuf_puts(out, "extend ");
    strbuf_puts(out, kind_name(decl->kind));
    if (decl->id != NULL) {
        strbuf_putc(out, ' ');
        strbuf_puts(out, decl->id);
    }
    if (decl->title != NULL) {
        strbuf_putc(out, ' ');
        fmt_append_string(out, decl->title);
    }
    fmt_names(out, "in", decl->in_names);
    fmt_names(out, "for", decl->for_names);
}

/* The one-line form "header { a: 1  b }" of a block, when the block is short: written on
 * one line in the source, properties and flags only, no text block, at most
 * FMT_SHORT_BLOCK_MEMBERS members, and within FMT_LINE_WIDTH at its indentation. */
static bool fmt_one_line_block(const fmt_printer *p, const jrn_ast_decl *decl, size_t level,
                               jrn_strbuf *line)
{
    if (decl->member_count > FMT_SHORT_BLOCK_MEMBERS) return false;
    if (!fmt_same_line(p->source, decl->block_span.begin, decl->block_span.end - 1)) return false;
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind != MEMBER_PROPERTY && member->kind != MEMBER_FLAG) return false;
        if (member->kind != MEMBER_PROPERTY) continue;
        for (const jrn_value *value = member->property->values; value != NULL; value = value->next) {
            if (value->is_text_block) return false;
        }
    }
    fmt_decl_header(line, decl);
    strbuf_puts(line, " {");
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        strbuf_puts(line, member == decl->members ? " " : "  ");
        if (member->kind == MEMBER_FLAG) {
            strbuf_puts(line, member->flag);
            continue;
        }
        strbuf_puts(line, member->property->name);
        strbuf_puts(line, ": ");
        for (const jrn_value *value = member->property->values; value != NULL; value = value->next) {
            if (value != member->property->values) strbuf_puts(line, ", ");
            fmt_append_value(line, value);
        }
    }
    strbuf_puts(line, " }");
    return level * FMT_INDENT_WIDTH + fmt_text_width(line->data, line->length) <= FMT_LINE_WIDTH;
}

/* How a declaration's block is written; for LAYOUT_ONE_LINE, line holds the whole line. */
static fmt_block_layout fmt_decl_layout(const fmt_printer *p, const jrn_ast_decl *decl,
                                        size_t level, jrn_strbuf *line)
{
    if (!decl->has_block) return LAYOUT_NO_BLOCK;
    if (fmt_comment_within(p, decl->block_span.begin, decl->block_span.end)) return LAYOUT_MULTI_LINE;
    if (decl->member_count == 0) return LAYOUT_EMPTY_BLOCK;
    if (fmt_one_line_block(p, decl, level, line)) return LAYOUT_ONE_LINE;
    return LAYOUT_MULTI_LINE;
}

static void fmt_member(fmt_printer *p, const jrn_ast_member *member, size_t level, uint32_t limit)
{
    switch (member->kind) {
    case MEMBER_PROPERTY:
        fmt_hoist_comments(p, level, member->span.end);
        fmt_indent(p, level);
        fmt_property(p, member->property, level);
        break;
    case MEMBER_FLAG:
        fmt_indent(p, level);
        strbuf_puts(p->out, member->flag);
        break;
    case MEMBER_DECL:
        fmt_decl(p, member->decl, level, limit);
        break;
    case MEMBER_CHAIN:
        fmt_chain(p, member, level);
        break;
    }
    p->previous_end = member->span.end;
    fmt_trailing_comment(p, level, member->span.end, limit);
    fmt_end_line(p);
}

/* The members of a multi-line block, then the comments left before its closing brace. */
static void fmt_block_body(fmt_printer *p, const jrn_ast_decl *decl, size_t level)
{
    uint32_t close = decl->block_span.end - 1;
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        fmt_leading(p, level, member->span.begin, member == decl->members, false, true);
        fmt_member(p, member, level, member->next != NULL ? member->next->span.begin : close);
    }
    fmt_leading(p, level, close, decl->members == NULL, false, false);
}

/* Writes a declaration from the start of its line up to its last character; limit is
 * where the next construct starts (the end of its trailing comment's reach). */
static void fmt_decl(fmt_printer *p, const jrn_ast_decl *decl, size_t level, uint32_t limit)
{
    jrn_strbuf line = STRBUF_INIT;
    fmt_block_layout layout = fmt_decl_layout(p, decl, level, &line);
    fmt_hoist_comments(p, level, layout == LAYOUT_NO_BLOCK ? decl->span.end : decl->block_span.begin);
    fmt_indent(p, level);
    if (layout == LAYOUT_ONE_LINE) {
        strbuf_append(p->out, line.data, line.length);
        strbuf_free(&line);
        return;
    }
    strbuf_free(&line);
    fmt_decl_header(p->out, decl);
    if (layout == LAYOUT_NO_BLOCK) return;
    if (layout == LAYOUT_EMPTY_BLOCK) {
        strbuf_puts(p->out, " {}");
        return;
    }
    strbuf_puts(p->out, " {");
    uint32_t open_end = decl->block_span.begin + 1;
    p->previous_end = open_end;
    uint32_t first = decl->members != NULL ? decl->members->span.begin : decl->block_span.end - 1;
    /* A declaration written on one line and laid out over several keeps the comment at
     * the end of that line on its first line: a "# jrnc: disable=" there names it. */
    bool was_one_line = fmt_same_line(p->source, decl->span.begin, decl->span.end);
    if (was_one_line) fmt_trailing_comment(p, level, decl->span.end, limit);
    else fmt_trailing_comment(p, level, open_end, first);
    fmt_end_line(p);
    fmt_block_body(p, decl, level + 1);
    fmt_indent(p, level);
    strbuf_putc(p->out, '}');
}

static bool fmt_item_is_multi_line(const fmt_printer *p, const jrn_ast_item *item)
{
    if (item->kind != ITEM_DECL) return false;
    jrn_strbuf line = STRBUF_INIT;
    fmt_block_layout layout = fmt_decl_layout(p, item->decl, 0, &line);
    strbuf_free(&line);
    return layout == LAYOUT_MULTI_LINE;
}

static void fmt_item(fmt_printer *p, const jrn_ast_item *item, uint32_t limit)
{
    if (item->kind == ITEM_USE) {
        fmt_hoist_comments(p, 0, item->span.end);
        strbuf_puts(p->out, "use ");
        fmt_append_string(p->out, item->use_path);
    } else {
        fmt_decl(p, item->decl, 0, limit);
    }
    p->previous_end = item->span.end;
    fmt_trailing_comment(p, 0, item->span.end, limit);
    fmt_end_line(p);
}

void fmt_print_file(const jrn_ast_file *file, jrn_strbuf *out)
{
    fmt_printer printer = {
        .source = file->source,
        .out = out,
        .comments = {file->source, file->comments},
    };
    fmt_printer *p = &printer;
    bool previous_multi_line = false;
    for (const jrn_ast_item *item = file->items; item != NULL; item = item->next) {
        bool multi_line = fmt_item_is_multi_line(p, item);
        bool first = item == file->items;
        /* A declaration written over several lines stands apart from its neighbours. */
        fmt_leading(p, 0, item->span.begin, first, !first && (multi_line || previous_multi_line), true);
        fmt_item(p, item, item->next != NULL ? item->next->span.begin : UINT32_MAX);
        previous_multi_line = multi_line;
    }
    fmt_leading(p, 0, UINT32_MAX, file->items == NULL, false, false);
}
