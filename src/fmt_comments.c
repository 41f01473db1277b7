/* fmt_comments.c — where a comment belongs: the cursor over a file's comments in source
 * order, and the line facts (same line, blank line between) that attach them. */
#include "jrn/fmt.h"

const jrn_comment *fmt_comment_before(const fmt_comment_cursor *cursor, uint32_t offset)
{
    if (cursor->next != NULL && cursor->next->span.begin < offset) return cursor->next;
    return NULL;
}

const jrn_comment *fmt_comment_trailing(const fmt_comment_cursor *cursor, uint32_t end,
                                            uint32_t limit)
{
    const jrn_comment *comment = cursor->next;
    if (comment == NULL || comment->span.begin < end || comment->span.begin >= limit) return NULL;
    return fmt_same_line(cursor->source, end, comment->span.begin) ? comment : NULL;
}

void fmt_comment_take(fmt_comment_cursor *cursor)
{
    if (cursor->next != NULL) cursor->next = cursor->next->next;
}

bool fmt_same_line(const jrn_source *source, uint32_t a, uint32_t b)
{
    if (a > b) {
        uint32_t swap = a;
        a = b;
        b = swap;
    }
    for (uint32_t i = a; i < b && i < source->length; i++) {
        if (source->text[i] == '\n') return false;
    }
    return true;
}

bool fmt_blank_line_between(const jrn_source *source, uint32_t from, uint32_t to)
{
    int newlines = 0;
    for (uint32_t i = from; i < to && i < source->length; i++) {
        if (source->text[i] == '\n' && ++newlines == 2) return true;
    }
    return false;
}

bool fmt_comment_continues(const jrn_source *source, const jrn_comment *previous,
                           const jrn_comment *next)
{
    if (!fmt_comment_stands_alone(source, next)) return false;
    /* the very next line: not the same one, and no line between */
    uint32_t end = previous->span.end, begin = next->span.begin;
    if (fmt_same_line(source, end, begin) || fmt_blank_line_between(source, end, begin)) return false;
    return source_position(source, previous->span.begin).column == source_position(source, next->span.begin).column;
}

bool fmt_comment_stands_alone(const jrn_source *source, const jrn_comment *comment)
{
    for (uint32_t i = comment->span.begin; i > 0 && source->text[i - 1] != '\n'; i--) {
        char before = source->text[i - 1];
        if (before != ' ' && before != '\t' && before != '\r' && before != '\f' && before != '\v') return false;
    }
    return true;
}
