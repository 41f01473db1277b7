/* fmt.h — the formatter: one canonical layout for a .jrn file, comments kept
 * (docs/formatting.md is the layout's specification). */
#ifndef JRN_FMT_H
#define JRN_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/arena.h"
#include "jrn/ast.h"
#include "jrn/diag.h"
#include "jrn/source.h"
#include "jrn/strbuf.h"

typedef enum jrn_fmt_status {
    FMT_OK,               /* out holds the formatted text */
    FMT_INPUT_ERRORS,     /* the file has syntax or literal errors (in diags); nothing formatted */
    FMT_NOT_EQUIVALENT,   /* a formatter bug: the output would not parse to the same file */
} jrn_fmt_status;

/* Parses source and appends its canonical text to out. The output is checked by parsing
 * it again: the file is only ever rewritten with text that means the same. */
jrn_fmt_status fmt_format_source(jrn_arena *arena, const jrn_source *source,
                                 jrn_diag_list *diags, jrn_strbuf *out);

/* Lays out a parsed, error-free file. */
void fmt_print_file(const jrn_ast_file *file, jrn_strbuf *out);

/* True when two parsed files say the same thing with the same comments in the same order
 * (layout, string escapes and literal spacing set aside). */
bool fmt_same_file(const jrn_ast_file *a, const jrn_ast_file *b);

/* --- shared by the formatter's files --- */

/* Appends a value as one-line text: a string re-escaped canonically, a range without blanks
 * around "..", other literals as written. A text block is written as a plain string here;
 * the printer lays text blocks out itself. */
void fmt_append_value(jrn_strbuf *out, const jrn_value *value);
/* Appends text as a "..." string: \" \\ \n \t escaped, other control characters as \u{..}. */
void fmt_append_string(jrn_strbuf *out, const char *text);
/* True when the text can be written as an indented """ block that reads back the same:
 * it has a line with more than blanks, and no carriage return. */
bool fmt_text_block_fits(const char *text);
/* Appends a """ block: the opening quotes, each line of text indented by indent spaces,
 * the closing quotes on a line of their own at that indentation. */
void fmt_append_text_block(jrn_strbuf *out, const char *text, size_t indent);
/* A comment as written, without trailing blanks. */
void fmt_append_comment(jrn_strbuf *out, const jrn_comment *comment);
/* Characters (code points) in text[0, length). */
size_t fmt_text_width(const char *text, size_t length);

/* Comments are written in source order: the cursor is the first one not yet written. */
typedef struct fmt_comment_cursor {
    const jrn_source *source;
    const jrn_comment *next;
} fmt_comment_cursor;

/* The next unwritten comment when it starts before offset, else NULL. */
const jrn_comment *fmt_comment_before(const fmt_comment_cursor *cursor, uint32_t offset);
/* The next unwritten comment when it stands after end on end's line and before limit: the
 * trailing comment of a construct ending at end. */
const jrn_comment *fmt_comment_trailing(const fmt_comment_cursor *cursor, uint32_t end,
                                            uint32_t limit);
void fmt_comment_take(fmt_comment_cursor *cursor);
/* True when next continues previous, a comment after code: it stands alone on the very
 * next line, starting in the same column (a note written over several lines). */
bool fmt_comment_continues(const jrn_source *source, const jrn_comment *previous,
                           const jrn_comment *next);
/* True when only blanks precede the comment on its line. */
bool fmt_comment_stands_alone(const jrn_source *source, const jrn_comment *comment);
/* True when offsets a and b are on the same source line. */
bool fmt_same_line(const jrn_source *source, uint32_t a, uint32_t b);
/* True when the source has an empty line between offsets from and to. */
bool fmt_blank_line_between(const jrn_source *source, uint32_t from, uint32_t to);

#endif
