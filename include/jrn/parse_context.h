/* parse_context.h — what the flex scanner, the bison parser and ast.c share (and nothing
 * else includes): the per-file parse context, the location type, and the AST builders the
 * grammar's actions call (no lookups, no resolution). The parser's API is parse.h. */
#ifndef JRN_PARSE_CONTEXT_H
#define JRN_PARSE_CONTEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "jrn/arena.h"
#include "jrn/ast.h"
#include "jrn/diag.h"
#include "jrn/strbuf.h"

/* Blocks nest stage > touchpoint > kpi at most; anything deeper than this is hostile or
 * a runaway brace, and is refused with a message rather than recursed into. */
#define PARSE_NESTING_LIMIT 64

/* Durations beyond this are refused: a thousand years, far past any journey. */
#define PARSE_DURATION_LIMIT_DAYS (1000 * 365)

typedef struct jrn_location {
    uint32_t begin;
    uint32_t end;
} jrn_location;

typedef struct jrn_parse_context {
    jrn_arena *arena;              /* the syntax tree's nodes */
    const jrn_source *source;
    jrn_diag_list *diags;
    jrn_ast_file *file;
    void *scanner;                 /* the reentrant flex scanner (yyscan_t) */
    uint32_t offset;               /* the scanner's position, in bytes */
    uint32_t text_block_begin;     /* where the open """ started */
    jrn_strbuf text_block;         /* the open """ block's bytes so far */
    uint32_t number_end;           /* where the last plain number token ended (0: none yet) */
    unsigned nesting_depth;
    bool aborted;                  /* a limit stopped the parse: report nothing more */
    jrn_comment *last_comment;
    jrn_ast_item *last_item;
} jrn_parse_context;

/* The lists the grammar builds (left-recursively, so a 200,000-step chain needs no deep
 * stack) are circles while they grow: the parser holds a list by its last node, whose next
 * is the first, so appending is O(1) and every semantic value is one pointer (the parser
 * copies its value at every step). The constructors that take a list open the circle
 * into a NULL-terminated list and count it. */

jrn_span parse_span(const jrn_parse_context *context, jrn_location location);
/* Reports a syntax or lexical error at location and counts it against the file. */
void parse_error(jrn_parse_context *context, jrn_location location, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Scanner helpers. */
/* Mistakes people carry over from other languages, each reported with what jrnc means
 * instead, and read as that so parsing goes on. */
/* "pre-op": names use _, not -. Returns the name with _ for - (in the arena). */
const char *parse_dashed_name(jrn_parse_context *context, jrn_location location, const char *text,
                              size_t length);
/* "15/03/2026": dates are written 2026-03-15. A DATE value when the text is a day, month
 * and year, else a NUMBER 0. */
jrn_value *parse_slashed_date(jrn_parse_context *context, jrn_location location, const char *text,
                              size_t length);
/* "3 days" after a number: true (and reported) when the name is a unit spelt out. */
bool parse_spelt_out_unit(jrn_parse_context *context, jrn_location location, const char *text,
                          size_t length);
/* A number flex could not read ("1x", "3days"): reported, and read as 0. */
jrn_value *parse_malformed_number(jrn_parse_context *context, jrn_location location, const char *text,
                                  size_t length);
/* A character outside names, numbers and punctuation: named by its code point. */
void parse_unexpected_character(jrn_parse_context *context, jrn_location location, const char *text,
                                size_t length);
/* Warns, once per text, of a bidirectional control character in a comment or string
 * (where: "a comment", "a string"): it can hide what jrnc reads from who reviews it. */
void parse_warn_hidden_text(jrn_parse_context *context, jrn_location location, const char *text,
                            size_t length, const char *where);
void parse_add_comment(jrn_parse_context *context, jrn_location location, const char *text,
                       size_t length);
jrn_value *parse_new_value(jrn_parse_context *context, jrn_value_kind kind,
                               jrn_location location, const char *text, size_t length);
/* An identifier used as a value ("channel: web"); takes the scanner's copy of the name. */
jrn_value *parse_new_ident_value(jrn_parse_context *context, const char *name,
                                     jrn_location location);
/* Decodes a one-line string literal (quotes included in text) with its escapes. */
jrn_value *parse_string_literal(jrn_parse_context *context, jrn_location location,
                                    const char *text, size_t length, bool terminated);
/* Ends the open """ block: removes the common indentation and makes a STRING value. */
jrn_value *parse_finish_text_block(jrn_parse_context *context, jrn_location location);

/* Grammar helpers. Each append returns the list's new last node (the list when it was
 * NULL); a NULL node (a member lost to error recovery) leaves the list as it was. */
jrn_value *ast_append_value(jrn_value *last, jrn_value *value);
jrn_ast_name *ast_append_name(jrn_parse_context *context, jrn_ast_name *last, const char *id,
                              jrn_location location);
jrn_ast_member *ast_append_member(jrn_ast_member *last, jrn_ast_member *member);
jrn_ast_property *ast_append_property(jrn_ast_property *last, jrn_ast_property *property);
jrn_ast_property *ast_new_property(jrn_parse_context *context, const char *name,
                                   jrn_location name_location, jrn_value *values,
                                   jrn_location location);
jrn_ast_member *ast_new_property_member(jrn_parse_context *context, jrn_ast_property *property);
jrn_ast_member *ast_new_flag(jrn_parse_context *context, const char *name, jrn_location location);
jrn_ast_member *ast_new_decl_member(jrn_parse_context *context, jrn_ast_decl *decl);
/* A chain is a list of steps: started with its first step, a hop adds the next. */
jrn_ast_step *ast_start_chain(jrn_parse_context *context, const char *id, jrn_location location);
jrn_ast_step *ast_chain_add_hop(jrn_parse_context *context, jrn_ast_step *chain, const char *id,
                                jrn_location id_location, jrn_ast_property *properties,
                                jrn_location hop_location);
jrn_ast_member *ast_new_chain(jrn_parse_context *context, jrn_ast_step *chain, jrn_location location);
/* A clause (in, for) as written: its names (NULL when absent) and where it stands. */
typedef struct ast_clause {
    jrn_ast_name *names;
    jrn_location location;
} ast_clause;
/* block_location is empty when the declaration has no block; members may be NULL in one. */
jrn_ast_decl *ast_new_decl(jrn_parse_context *context, jrn_kind kind, jrn_location keyword,
                           const char *id, jrn_location id_location, jrn_value *title,
                           ast_clause in_clause, ast_clause for_clause, jrn_ast_member *members,
                           jrn_location block_location, jrn_location location);
void ast_add_use(jrn_parse_context *context, jrn_value *path, jrn_location location);
void ast_add_decl_item(jrn_parse_context *context, jrn_ast_decl *decl);

#endif
