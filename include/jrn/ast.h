/* ast.h — the syntax tree of one .jrn file: close to the text, every node with a span. */
#ifndef JRN_AST_H
#define JRN_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/source.h"

/* The declaration kinds of the language, in the order the design lists them. */
typedef enum jrn_kind {
    KIND_MAP,
    KIND_SEGMENT,
    KIND_PERSONA,
    KIND_TEAM,
    KIND_CHANNEL,
    KIND_STAGE,
    KIND_TOUCHPOINT,
    KIND_JOURNEY,
    KIND_METRIC,
    KIND_KPI,
    KIND_COUNT
} jrn_kind;

const char *kind_name(jrn_kind kind);
/* "a segment", "an emotion"... for messages. */
const char *kind_with_article(jrn_kind kind);

typedef enum jrn_duration_unit {
    DURATION_MINUTES,
    DURATION_HOURS,
    DURATION_DAYS,
    DURATION_WEEKS,
    DURATION_MONTHS,
    DURATION_YEARS,
} jrn_duration_unit;

typedef struct jrn_duration {
    double amount;
    jrn_duration_unit unit;
} jrn_duration;

/* 1min = 1/1440 d, 1h = 1/24 d, 1w = 7 d, 1mo = 30 d, 1y = 365 d. */
double duration_in_days(jrn_duration duration);
const char *duration_unit_suffix(jrn_duration_unit unit);

typedef struct jrn_date {
    int year, month, day;
} jrn_date;

typedef enum jrn_value_kind {
    VALUE_STRING,    /* "..." or a """ text block; text holds the decoded content */
    VALUE_IDENT,     /* a bare name; text holds it */
    VALUE_NUMBER,    /* number */
    VALUE_PERCENT,   /* number holds 85 for 85% */
    VALUE_RANGE,     /* range_low..range_high, each a number, percent or duration */
    VALUE_DATE,
    VALUE_DURATION,
} jrn_value_kind;

/* One end of a range: 0%..100% keeps the percent sign on each end. */
typedef struct jrn_range_end {
    double number;           /* for a duration: the amount as written */
    bool is_percent;
    bool is_duration;        /* 0d..365d */
    jrn_duration duration;
} jrn_range_end;

typedef struct jrn_ast_range {
    jrn_range_end low, high;
} jrn_ast_range;

typedef struct jrn_ast_value {
    jrn_value_kind kind;
    bool is_text_block;      /* STRING written as """...""" */
    jrn_span span;
    const char *text;        /* STRING, IDENT; the literal as written for the others */
    /* One value per kind: maps hold hundreds of thousands of these, so they share room,
     * and the rare range keeps its two ends out of line. */
    union {
        double number;       /* NUMBER, PERCENT (85 for 85%); DURATION: the amount */
        jrn_duration duration;
        jrn_date date;
        const jrn_ast_range *range;
    };
    struct jrn_ast_value *next;
} jrn_ast_value;

/* name: value, value ... — also the [rate: 80%, after: 2d] of a hop. */
typedef struct jrn_ast_property {
    const char *name;
    jrn_span name_span;
    jrn_span span;           /* from the name to the last value */
    jrn_ast_value *values;
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

/* A comment as written, "#" included; kept for the formatter and lint suppressions. */
typedef struct jrn_ast_comment {
    const char *text;
    jrn_span span;
    struct jrn_ast_comment *next;
} jrn_ast_comment;

typedef struct jrn_ast_file {
    const jrn_source *source;
    jrn_ast_item *items;
    size_t item_count;
    jrn_ast_comment *comments;
    size_t comment_count;
    size_t syntax_error_count;   /* errors found while scanning and parsing this file */
    bool changed_while_read;     /* the file changed on disk between two reads of it */
} jrn_ast_file;

#endif
