/* diff_change.h — one change between two journey maps, and their list: the values every
 * file of the diff family passes around. */
#ifndef JRN_DIFF_CHANGE_H
#define JRN_DIFF_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/model.h"

typedef enum jrn_change_kind {
    CHANGE_ADDED,
    CHANGE_REMOVED,
    CHANGE_MOVED,        /* a touchpoint to another stage, a sub-stage to another parent */
    CHANGE_RETITLED,     /* only the title changed */
    CHANGE_MODIFIED,     /* a property's value changed */
    CHANGE_REORDERED,    /* the spine, or the touchpoints of a stage */
} jrn_change_kind;

/* What a change is about: a kind of declaration, a journey hop, or the spine as a whole. */
typedef enum jrn_change_subject {
    SUBJECT_MAP,
    SUBJECT_SEGMENT,
    SUBJECT_PERSONA,
    SUBJECT_TEAM,
    SUBJECT_CHANNEL,
    SUBJECT_STAGE,
    SUBJECT_TOUCHPOINT,
    SUBJECT_JOURNEY,
    SUBJECT_METRIC,
    SUBJECT_KPI,
    SUBJECT_HOP,
    SUBJECT_SPINE,
} jrn_change_subject;

/* How much a change matters to the experience, most first: the order reviewers read in. */
typedef enum jrn_change_impact {
    IMPACT_MOMENT_OF_TRUTH,
    IMPACT_PAIN_POINT,
    IMPACT_KPI_TARGET,
    IMPACT_EXPERIENCE,   /* emotion, effort, delight, channels, rates... */
    IMPACT_STRUCTURE,    /* elements added, removed, moved; owners; loops */
    IMPACT_DETAIL,       /* titles, descriptions, extensions */
} jrn_change_impact;

typedef enum jrn_change_value_kind {
    CHANGE_VALUE_ABSENT,
    CHANGE_VALUE_FLAG,       /* a flag set without text ("truth") */
    CHANGE_VALUE_TEXT,
    CHANGE_VALUE_TEXTS,      /* a list of texts */
    CHANGE_VALUE_NUMBER,     /* emotion, effort, version */
    CHANGE_VALUE_QUANTITY,   /* a KPI target, a rate, a delay: text as written */
    CHANGE_VALUE_LITERAL,    /* a date, a choice, a scale: text as written */
    CHANGE_VALUE_NAME,       /* a reference: the id */
    CHANGE_VALUE_NAMES,      /* a list of references */
} jrn_change_value_kind;

typedef struct jrn_change_value {
    jrn_change_value_kind kind;
    const char *text;          /* TEXT; NUMBER, QUANTITY, LITERAL as written; NAME the id */
    double number;             /* NUMBER; QUANTITY in comparable units (days, 0..1 for rates) */
    int quantity_kind;         /* QUANTITY: a jrn_quantity_kind, so 80 and 80% differ */
    const char *label;         /* NUMBER: the emotion label ("unhappy"), or NULL */
    const char *const *items;  /* TEXTS, NAMES */
    size_t item_count;
} jrn_change_value;

/* The part of the map a change is shown under: Markdown groups changes by stage. */
typedef enum jrn_change_group {
    GROUP_SPINE,
    GROUP_STAGE,
    GROUP_JOURNEY,
    GROUP_PEOPLE,              /* personas and segments */
    GROUP_DEFINITIONS,         /* the map itself, teams, channels, metrics */
} jrn_change_group;

typedef struct jrn_change {
    jrn_change_kind kind;
    jrn_change_subject subject;
    jrn_change_impact impact;
    const char *id;            /* the element's id; a hop's "from -> to"; a KPI's metric */
    const char *label;         /* title or id, as in the new map (the old one when removed) */
    const char *owner;         /* KPI: "touchpoint ticket"; hop: "journey admin_path"; or NULL */
    const char *property;      /* MODIFIED: "channel", "rate"...; MOVED: "stage" or "parent";
                                  RETITLED: "title"; REORDERED: "stages" or "touchpoints" */
    jrn_change_value old_value, new_value;
    const char *note;          /* ADDED, REMOVED: what the element was ("moment of truth"), or NULL */
    jrn_change_group group;
    const char *group_id;      /* GROUP_STAGE, GROUP_JOURNEY: the stage or journey */
    const char *group_label;
    size_t group_order;        /* groups of one kind in map order */
    size_t sequence;           /* discovery order: keeps the sort stable */
} jrn_change;

typedef struct jrn_model_diff {
    jrn_change *changes;       /* by group, then impact, then map order */
    size_t count;
} jrn_model_diff;

const char *change_kind_name(jrn_change_kind kind);           /* "added", "moved"... */
const char *change_subject_name(jrn_change_subject subject);  /* "touchpoint", "hop"... */
const char *change_impact_name(jrn_change_impact impact);     /* "moment-of-truth"... */

#endif
