/* parse.h — what the flex scanner and the bison parser share: the per-file parse context,
 * the location type, and the AST builders their actions call (no lookups, no resolution). */
#ifndef JRN_PARSE_H
#define JRN_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "jrn/arena.h"
#include "jrn/ast.h"
#include "jrn/diag.h"
#include "jrn/strbuf.h"

/* Blocks nest stage > touchpoint > kpi at most; anything deeper than this is hostile or
 * a runaway brace, and is refused with a message rather than recursed into. */
#define PARSE_NESTING_LIMIT 64

typedef struct jrn_location {
    uint32_t begin;
    uint32_t end;
} jrn_location;

typedef struct jrn_parse_context {
    jrn_arena *arena;              /* the nodes of the item being parsed */
    jrn_arena *file_arena;         /* the file record and its comments: they outlive items */
    const struct jrn_item_sink *sink;  /* NULL: every item stays in file->items */
    jrn_arena *spare_arena;        /* with a sink: the arena of the item before this one */
    const jrn_source *source;
    jrn_diag_list *diags;
    jrn_ast_file *file;
    void *scanner;                 /* the reentrant flex scanner (yyscan_t) */
    jrn_source_reader *reader;     /* the file read again for this parse, or NULL (text in memory) */
    uint32_t offset;               /* the scanner's position, in bytes */
    uint32_t text_block_begin;     /* where the open """ started */
    jrn_strbuf text_block;         /* the open """ block's bytes so far */
    unsigned nesting_depth;
    bool aborted;                  /* a limit stopped the parse: report nothing more */
    jrn_ast_comment *last_comment;
    jrn_ast_item *last_item;
} jrn_parse_context;

/* Lists the grammar builds left-recursively, so a 200,000-step chain needs no deep stack. */
typedef struct ast_value_list { jrn_ast_value *first, *last; size_t count; } ast_value_list;
typedef struct ast_name_list { jrn_ast_name *first, *last; jrn_location location; } ast_name_list;
typedef struct ast_member_list { jrn_ast_member *first, *last; size_t count; } ast_member_list;
typedef struct ast_step_list { jrn_ast_step *first, *last; size_t count; } ast_step_list;
typedef struct ast_property_list { jrn_ast_property *first, *last; } ast_property_list;
typedef struct ast_block {
    bool present;
    jrn_location location;
    ast_member_list members;
} ast_block;

jrn_span parse_span(const jrn_parse_context *context, jrn_location location);
/* Reports a syntax or lexical error at location and counts it against the file. */
void parse_error(jrn_parse_context *context, jrn_location location, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Scanner helpers. */
/* The scanner's input when the text is read from disk (flex's YY_INPUT). */
size_t parse_read_input(jrn_parse_context *context, char *buffer, size_t size);
void parse_add_comment(jrn_parse_context *context, jrn_location location, const char *text,
                       size_t length);
jrn_ast_value *parse_new_value(jrn_parse_context *context, jrn_value_kind kind,
                               jrn_location location, const char *text, size_t length);
/* An identifier used as a value ("channel: web"); takes the scanner's copy of the name. */
jrn_ast_value *parse_new_ident_value(jrn_parse_context *context, const char *name,
                                     jrn_location location);
/* Decodes a one-line string literal (quotes included in text) with its escapes. */
jrn_ast_value *parse_string_literal(jrn_parse_context *context, jrn_location location,
                                    const char *text, size_t length, bool terminated);
/* Ends the open """ block: removes the common indentation and makes a STRING value. */
jrn_ast_value *parse_finish_text_block(jrn_parse_context *context, jrn_location location);

/* Grammar helpers. */
void ast_value_list_append(ast_value_list *list, jrn_ast_value *value);
void ast_name_list_append(jrn_parse_context *context, ast_name_list *list, const char *id,
                          jrn_location location);
void ast_member_list_append(ast_member_list *list, jrn_ast_member *member);
void ast_property_list_append(ast_property_list *list, jrn_ast_property *property);
jrn_ast_property *ast_new_property(jrn_parse_context *context, const char *name,
                                   jrn_location name_location, ast_value_list values,
                                   jrn_location location);
jrn_ast_member *ast_new_property_member(jrn_parse_context *context, jrn_ast_property *property);
jrn_ast_member *ast_new_flag(jrn_parse_context *context, const char *name, jrn_location location);
jrn_ast_member *ast_new_decl_member(jrn_parse_context *context, jrn_ast_decl *decl);
ast_step_list ast_start_chain(jrn_parse_context *context, const char *id, jrn_location location);
void ast_chain_add_hop(jrn_parse_context *context, ast_step_list *chain, const char *id,
                       jrn_location id_location, ast_property_list properties,
                       jrn_location hop_location);
jrn_ast_member *ast_new_chain(jrn_parse_context *context, ast_step_list chain,
                              jrn_location location);
jrn_ast_decl *ast_new_decl(jrn_parse_context *context, jrn_kind kind, jrn_location keyword,
                           const char *id, jrn_location id_location, jrn_ast_value *title,
                           ast_name_list *in_names, ast_name_list *for_names, ast_block block,
                           jrn_location location);
void ast_add_use(jrn_parse_context *context, jrn_ast_value *path, jrn_location location);
void ast_add_decl_item(jrn_parse_context *context, jrn_ast_decl *decl);

#endif
