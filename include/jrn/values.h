/* values.h — the value types the syntax tree and the model share: declaration kinds,
 * durations, dates, a property's values as written, and comments. */
#ifndef JRN_VALUES_H
#define JRN_VALUES_H

#include <stdbool.h>
#include <stddef.h>

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

/* Why a text is not a date: the one reading of dates (the language's date literals,
 * measured data's date cells, --today). */
typedef enum jrn_date_problem {
    DATE_VALID,
    DATE_NOT_ISO,            /* not YYYY-MM-DD */
    DATE_BAD_MONTH,          /* month 00 or over 12 */
    DATE_DAY_ZERO,           /* day 00 */
    DATE_BAD_DAY,            /* past the month's last day */
} jrn_date_problem;

/* Reads strictly YYYY-MM-DD, a day that exists; *date is set when the form is right. */
jrn_date_problem date_parse(const char *text, jrn_date *date);
/* What is wrong, to follow "invalid date 'TEXT': " ("February 2026 has 28 days"); written
 * into buffer (64 bytes are enough). */
const char *date_problem_reason(jrn_date_problem problem, jrn_date date, char *buffer, size_t size);
/* "January" for 1 ... "December" for 12. */
const char *date_month_name(int month);
/* -1, 0, 1 as a is before, on, after b. */
int date_compare(jrn_date a, jrn_date b);

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

typedef struct jrn_range {
    jrn_range_end low, high;
} jrn_range;

typedef struct jrn_value {
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
        const jrn_range *range;
    };
    struct jrn_value *next;
} jrn_value;

/* A comment as written, "#" included; kept for the formatter and lint suppressions. */
typedef struct jrn_comment {
    const char *text;
    jrn_span span;
    struct jrn_comment *next;
} jrn_comment;

#endif
