/* ast.h — the syntax tree of one .jrn file: close to the text, every node with a span.
 * Only the front end (parse, sema) and the formatter read it; back ends read the model. */
#ifndef JRN_AST_H
#define JRN_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/source.h"
#include "jrn/values.h"

/* name: value, value ... — also the [rate: 80%, after: 2d] of a hop. */
typedef struct jrn_ast_property {
    const char *name;
    jrn_span name_span;
    jrn_span span;           /* from the name to the last value */
    jrn_value *values;
    size_t value_count;
    struct jrn_ast_property *next;
} jrn_ast_property;

/* One "-> id [props]" of a step chain; the first step of a chain has no hop props. */
typedef struct jrn_ast_step {
    const char *id;
    jrn_span span;           /* the identifier */
    jrn_span hop_span;       /* from the "->" before this step to the end of its props */
    jrn_ast_property *hop_properties;
    struct jrn_ast_step *next;
} jrn_ast_step;

typedef enum jrn_member_kind {
    MEMBER_PROPERTY,
    MEMBER_FLAG,
    MEMBER_DECL,
    MEMBER_CHAIN,
} jrn_member_kind;

struct jrn_ast_decl;

typedef struct jrn_ast_member {
    jrn_member_kind kind;
    jrn_span span;
    union {                             /* read only the one that kind names */
        jrn_ast_property *property;     /* PROPERTY */
        const char *flag;               /* FLAG */
        struct jrn_ast_decl *decl;      /* DECL */
        struct {
            jrn_ast_step *steps;        /* CHAIN: two or more */
            size_t step_count;
        };
    };
    struct jrn_ast_member *next;
} jrn_ast_member;

/* An identifier in an "in" or "for" clause. */
typedef struct jrn_ast_name {
    const char *id;
    jrn_span span;
    struct jrn_ast_name *next;
} jrn_ast_name;

typedef struct jrn_ast_decl {
    jrn_kind kind;
    bool is_extend;          /* "extend KIND ID { ... }" */
    jrn_span span;           /* the whole declaration */
    jrn_span keyword_span;
    const char *id;          /* NULL only for a map without an id */
    jrn_span id_span;
    const char *title;       /* NULL when absent */
    jrn_span title_span;
    jrn_ast_name *in_names;
    jrn_span in_span;
    jrn_ast_name *for_names;
    jrn_span for_span;
    bool has_block;
    jrn_span block_span;     /* from '{' to '}' */
    jrn_ast_member *members;
    size_t member_count;
} jrn_ast_decl;

typedef enum jrn_item_kind {
    ITEM_USE,
    ITEM_DECL,
} jrn_item_kind;

typedef struct jrn_ast_item {
    jrn_item_kind kind;
    jrn_span span;
    const char *use_path;    /* USE: the decoded string */
    jrn_span use_path_span;
    jrn_ast_decl *decl;      /* DECL: map, extend or a declaration */
    struct jrn_ast_item *next;
} jrn_ast_item;

typedef struct jrn_ast_file {
    const jrn_source *source;
    jrn_ast_item *items;
    size_t item_count;
    jrn_comment *comments;
    size_t comment_count;
    size_t syntax_error_count;   /* errors found while scanning and parsing this file */
} jrn_ast_file;

#endif
