/* schema.h — the property table: for each kind, the properties and flags it accepts, the
 * type of each value, whether it is a list, and the nesting each kind allows. */
#ifndef JRN_SCHEMA_H
#define JRN_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/values.h"

typedef enum jrn_value_type {
    TYPE_TEXT,          /* "..." or a text block */
    TYPE_TEXT_OR_FLAG,  /* text, or the property name alone as a flag (pain, delight, truth) */
    TYPE_FLAG,          /* only as a flag (backstage, support) */
    TYPE_REFERENCE,     /* the id of a declaration of reference_kind */
    TYPE_NUMBER,        /* a plain number */
    TYPE_EMOTION,       /* a number in the emotion scale, or one of its labels */
    TYPE_EFFORT,        /* a whole number 1..5 */
    TYPE_DATE,
    TYPE_RANGE,         /* a metric scale: 1..5, 0%..100%, 0d..365d */
    TYPE_CHOICE,        /* one identifier out of choices */
    TYPE_QUANTITY,      /* a number, percentage or duration: checked against a metric's scale */
    TYPE_PERCENT,       /* 0%..100% */
    TYPE_DURATION,
} jrn_value_type;

/* Where a property appears: on a declaration of some kind, or on a journey hop. */
#define SCHEMA_HOP KIND_COUNT

typedef enum jrn_property_id {
    PROP_OWNER, PROP_VERSION, PROP_REVIEWED, PROP_DESCRIPTION,
    PROP_SIZE, PROP_NOTE,
    PROP_ROLE, PROP_GOAL, PROP_NEED, PROP_TRAIT, PROP_ATTITUDE, PROP_BEHAVIOR,
    PROP_MOTIVATION, PROP_PAIN, PROP_EXPECTATION, PROP_QUOTE,
    PROP_LEAD, PROP_CONTACT,
    PROP_CHANNEL_KIND,
    PROP_EMOTION, PROP_ASPIRATION, PROP_LOOPS,
    PROP_CHANNEL, PROP_PERSONA, PROP_EFFORT, PROP_DOES, PROP_THINKS, PROP_FEELS,
    PROP_DELIGHT, PROP_TRUTH, PROP_BACKSTAGE, PROP_TRIGGER, PROP_OPPORTUNITY,
    PROP_SUPPORT, PROP_EVIDENCE, PROP_FAIL, PROP_WAIT, PROP_SERVES, PROP_SOURCE,
    PROP_START, PROP_ENDS, PROP_REST,
    PROP_SCALE, PROP_BETTER, PROP_UNIT, PROP_LABELS,
    PROP_TARGET, PROP_EVERY, PROP_WHY,
    PROP_RATE, PROP_AFTER,
} jrn_property_id;

typedef struct jrn_property_rule {
    unsigned owner;                 /* a jrn_kind, or SCHEMA_HOP */
    const char *name;
    jrn_property_id id;
    jrn_value_type type;
    bool is_list;
    jrn_kind reference_kind;        /* TYPE_REFERENCE */
    const char *const *choices;     /* TYPE_CHOICE: NULL-terminated, in enum order from 1 */
    unsigned slot;                  /* 0..63: bit for "already set" checks, unique per owner */
    const char *summary;            /* one line for messages and docs */
} jrn_property_rule;

/* The rule for name on owner (a kind or SCHEMA_HOP), or NULL. */
const jrn_property_rule *schema_find_property(unsigned owner, const char *name);
/* All rules of an owner, for did-you-mean and documentation. */
const jrn_property_rule *schema_properties(unsigned owner, size_t *count);
/* True when a declaration of kind child may be written inside one of kind parent
 * (parent KIND_COUNT = the top level of a file). */
bool schema_allows_nesting(unsigned parent, jrn_kind child);
/* The kinds a parent may contain, for messages: "a stage may contain stage, touchpoint, kpi". */
const char *schema_nesting_summary(unsigned parent);
/* An extension property: x_ followed by anything. */
bool schema_is_extension(const char *name);
const char *value_type_description(const jrn_property_rule *rule);

#endif
