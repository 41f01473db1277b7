/* schema.c — the property table of the language: one row per kind × property. */
#include "jrn/schema.h"

#include <string.h>

static const char *const channel_kinds[] = {"digital", "human", "physical", NULL};
static const char *const contacts[] = {"direct", "indirect", NULL};
static const char *const betters[] = {"higher", "lower", NULL};
static const char *const frequencies[] = {"daily", "weekly", "monthly", "quarterly", "yearly", NULL};
static const char *const rests[] = {"lost", "completes", NULL};

#define ROW(owner, name, id, type, list, ref, choices, slot, summary) \
    {owner, name, id, type, list, ref, choices, slot, summary}
#define NO_REF KIND_MAP

static const jrn_property_rule property_rules[] = {
    ROW(KIND_MAP, "owner", PROP_OWNER, TYPE_REFERENCE, false, KIND_TEAM, NULL, 0, "the team accountable for the map"),
    ROW(KIND_MAP, "version", PROP_VERSION, TYPE_NUMBER, false, NO_REF, NULL, 1, "the map's version number"),
    ROW(KIND_MAP, "reviewed", PROP_REVIEWED, TYPE_DATE, false, NO_REF, NULL, 2, "when the map was last reviewed"),
    ROW(KIND_MAP, "description", PROP_DESCRIPTION, TYPE_TEXT, false, NO_REF, NULL, 3, "what the map covers"),

    ROW(KIND_SEGMENT, "description", PROP_DESCRIPTION, TYPE_TEXT, false, NO_REF, NULL, 0, "who is in the segment"),
    ROW(KIND_SEGMENT, "size", PROP_SIZE, TYPE_TEXT, false, NO_REF, NULL, 1, "how big the segment is"),
    ROW(KIND_SEGMENT, "note", PROP_NOTE, TYPE_TEXT, false, NO_REF, NULL, 2, "a remark"),

    ROW(KIND_PERSONA, "role", PROP_ROLE, TYPE_TEXT, false, NO_REF, NULL, 0, "the persona's role"),
    ROW(KIND_PERSONA, "goal", PROP_GOAL, TYPE_TEXT, true, NO_REF, NULL, 1, "what the persona wants to achieve"),
    ROW(KIND_PERSONA, "need", PROP_NEED, TYPE_TEXT, true, NO_REF, NULL, 2, "what the persona needs"),
    ROW(KIND_PERSONA, "trait", PROP_TRAIT, TYPE_TEXT, true, NO_REF, NULL, 3, "a characteristic"),
    ROW(KIND_PERSONA, "attitude", PROP_ATTITUDE, TYPE_TEXT, true, NO_REF, NULL, 4, "an attitude"),
    ROW(KIND_PERSONA, "behavior", PROP_BEHAVIOR, TYPE_TEXT, true, NO_REF, NULL, 5, "a behaviour"),
    ROW(KIND_PERSONA, "motivation", PROP_MOTIVATION, TYPE_TEXT, true, NO_REF, NULL, 6, "a motivation"),
    ROW(KIND_PERSONA, "pain", PROP_PAIN, TYPE_TEXT, true, NO_REF, NULL, 7, "a pain point"),
    ROW(KIND_PERSONA, "expectation", PROP_EXPECTATION, TYPE_TEXT, true, NO_REF, NULL, 8, "an expectation"),
    ROW(KIND_PERSONA, "quote", PROP_QUOTE, TYPE_TEXT, false, NO_REF, NULL, 9, "something the persona says"),

    ROW(KIND_TEAM, "lead", PROP_LEAD, TYPE_TEXT, false, NO_REF, NULL, 0, "who leads the team"),
    ROW(KIND_TEAM, "contact", PROP_CONTACT, TYPE_TEXT, false, NO_REF, NULL, 1, "how to reach the team"),

    ROW(KIND_CHANNEL, "kind", PROP_CHANNEL_KIND, TYPE_CHOICE, false, NO_REF, channel_kinds, 0, "digital, human or physical"),

    ROW(KIND_STAGE, "owner", PROP_OWNER, TYPE_REFERENCE, false, KIND_TEAM, NULL, 0, "the team accountable for the stage"),
    ROW(KIND_STAGE, "emotion", PROP_EMOTION, TYPE_EMOTION, false, NO_REF, NULL, 1, "how customers feel now"),
    ROW(KIND_STAGE, "aspiration", PROP_ASPIRATION, TYPE_EMOTION, false, NO_REF, NULL, 2, "how we want them to feel"),
    ROW(KIND_STAGE, "goal", PROP_GOAL, TYPE_TEXT, false, NO_REF, NULL, 3, "what the customer wants from the stage"),
    ROW(KIND_STAGE, "loops", PROP_LOOPS, TYPE_REFERENCE, true, KIND_STAGE, NULL, 4, "earlier stages this one feeds back into"),
    ROW(KIND_STAGE, "description", PROP_DESCRIPTION, TYPE_TEXT, false, NO_REF, NULL, 5, "what happens in the stage"),
    ROW(KIND_STAGE, "does", PROP_DOES, TYPE_TEXT, false, NO_REF, NULL, 6, "what the customer does in the stage"),
    ROW(KIND_STAGE, "thinks", PROP_THINKS, TYPE_TEXT, false, NO_REF, NULL, 7, "what the customer thinks in the stage"),
    ROW(KIND_STAGE, "feels", PROP_FEELS, TYPE_TEXT, false, NO_REF, NULL, 8, "what the customer feels in the stage"),
    ROW(KIND_STAGE, "pain", PROP_PAIN, TYPE_TEXT, false, NO_REF, NULL, 9, "the stage's pain point"),
    ROW(KIND_STAGE, "delight", PROP_DELIGHT, TYPE_TEXT, false, NO_REF, NULL, 10, "the stage's moment of delight"),
    ROW(KIND_STAGE, "opportunity", PROP_OPPORTUNITY, TYPE_TEXT, true, NO_REF, NULL, 11, "an improvement idea for the stage"),
    ROW(KIND_STAGE, "quote", PROP_QUOTE, TYPE_TEXT, true, NO_REF, NULL, 12, "a customer's own words about the stage"),
    ROW(KIND_STAGE, "source", PROP_SOURCE, TYPE_TEXT, true, NO_REF, NULL, 13, "where the evidence comes from"),

    ROW(KIND_TOUCHPOINT, "channel", PROP_CHANNEL, TYPE_REFERENCE, true, KIND_CHANNEL, NULL, 0, "where the interaction happens"),
    ROW(KIND_TOUCHPOINT, "persona", PROP_PERSONA, TYPE_REFERENCE, true, KIND_PERSONA, NULL, 1, "the personas it is for (default: all)"),
    ROW(KIND_TOUCHPOINT, "owner", PROP_OWNER, TYPE_REFERENCE, false, KIND_TEAM, NULL, 2, "the team accountable for it"),
    ROW(KIND_TOUCHPOINT, "contact", PROP_CONTACT, TYPE_CHOICE, false, NO_REF, contacts, 3, "direct or indirect"),
    ROW(KIND_TOUCHPOINT, "emotion", PROP_EMOTION, TYPE_EMOTION, false, NO_REF, NULL, 4, "how customers feel here"),
    ROW(KIND_TOUCHPOINT, "effort", PROP_EFFORT, TYPE_EFFORT, false, NO_REF, NULL, 5, "customer effort, 1 (none) to 5 (great)"),
    ROW(KIND_TOUCHPOINT, "does", PROP_DOES, TYPE_TEXT, false, NO_REF, NULL, 6, "what the customer does"),
    ROW(KIND_TOUCHPOINT, "thinks", PROP_THINKS, TYPE_TEXT, false, NO_REF, NULL, 7, "what the customer thinks"),
    ROW(KIND_TOUCHPOINT, "feels", PROP_FEELS, TYPE_TEXT, false, NO_REF, NULL, 8, "what the customer feels"),
    ROW(KIND_TOUCHPOINT, "pain", PROP_PAIN, TYPE_TEXT_OR_FLAG, false, NO_REF, NULL, 9, "a pain point (flag or text)"),
    ROW(KIND_TOUCHPOINT, "delight", PROP_DELIGHT, TYPE_TEXT_OR_FLAG, false, NO_REF, NULL, 10, "a moment of delight (flag or text)"),
    ROW(KIND_TOUCHPOINT, "truth", PROP_TRUTH, TYPE_TEXT_OR_FLAG, false, NO_REF, NULL, 11, "a moment of truth (flag or text)"),
    ROW(KIND_TOUCHPOINT, "backstage", PROP_BACKSTAGE, TYPE_FLAG, false, NO_REF, NULL, 12, "not seen by the customer (flag)"),
    ROW(KIND_TOUCHPOINT, "trigger", PROP_TRIGGER, TYPE_TEXT, false, NO_REF, NULL, 13, "a proactive-service trigger"),
    ROW(KIND_TOUCHPOINT, "opportunity", PROP_OPPORTUNITY, TYPE_TEXT, true, NO_REF, NULL, 14, "an improvement idea"),
    ROW(KIND_TOUCHPOINT, "support", PROP_SUPPORT, TYPE_FLAG, false, NO_REF, NULL, 15, "a support process behind the backstage (flag)"),
    ROW(KIND_TOUCHPOINT, "evidence", PROP_EVIDENCE, TYPE_TEXT, true, NO_REF, NULL, 16, "physical evidence the customer sees"),
    ROW(KIND_TOUCHPOINT, "fail", PROP_FAIL, TYPE_TEXT, false, NO_REF, NULL, 17, "a fail point: how it can break"),
    ROW(KIND_TOUCHPOINT, "wait", PROP_WAIT, TYPE_DURATION, false, NO_REF, NULL, 18, "the longest wait customers tolerate"),
    ROW(KIND_TOUCHPOINT, "serves", PROP_SERVES, TYPE_REFERENCE, true, KIND_TOUCHPOINT, NULL, 19, "touchpoints nearer the customer it makes happen"),
    ROW(KIND_TOUCHPOINT, "quote", PROP_QUOTE, TYPE_TEXT, true, NO_REF, NULL, 20, "a customer's own words about it"),
    ROW(KIND_TOUCHPOINT, "source", PROP_SOURCE, TYPE_TEXT, true, NO_REF, NULL, 21, "where the evidence comes from"),

    ROW(KIND_JOURNEY, "goal", PROP_GOAL, TYPE_TEXT, false, NO_REF, NULL, 0, "what the persona is trying to do"),
    ROW(KIND_JOURNEY, "start", PROP_START, TYPE_REFERENCE, false, KIND_TOUCHPOINT, NULL, 1, "the entry step (default: the first step)"),
    ROW(KIND_JOURNEY, "ends", PROP_ENDS, TYPE_REFERENCE, true, KIND_TOUCHPOINT, NULL, 2, "steps where those no rated hop takes are done"),
    ROW(KIND_JOURNEY, "rest", PROP_REST, TYPE_CHOICE, false, NO_REF, rests, 3, "those no rated hop takes elsewhere: lost (default) or completes"),

    ROW(KIND_METRIC, "scale", PROP_SCALE, TYPE_RANGE, false, NO_REF, NULL, 0, "the range of values: 1..5, 0%..100%, 0d..90d"),
    ROW(KIND_METRIC, "better", PROP_BETTER, TYPE_CHOICE, false, NO_REF, betters, 1, "higher or lower"),
    ROW(KIND_METRIC, "unit", PROP_UNIT, TYPE_TEXT, false, NO_REF, NULL, 2, "the unit, as text"),
    ROW(KIND_METRIC, "labels", PROP_LABELS, TYPE_TEXT, true, NO_REF, NULL, 3, "names of the scale's whole numbers, low to high"),

    ROW(KIND_KPI, "target", PROP_TARGET, TYPE_QUANTITY, false, NO_REF, NULL, 0, "the value to reach, in the metric's scale"),
    ROW(KIND_KPI, "every", PROP_EVERY, TYPE_CHOICE, false, NO_REF, frequencies, 1, "how often it is collected"),
    ROW(KIND_KPI, "owner", PROP_OWNER, TYPE_REFERENCE, false, KIND_TEAM, NULL, 2, "the team that watches it"),
    ROW(KIND_KPI, "why", PROP_WHY, TYPE_TEXT, false, NO_REF, NULL, 3, "why it matters"),

    ROW(SCHEMA_HOP, "rate", PROP_RATE, TYPE_PERCENT, false, NO_REF, NULL, 0, "share of customers who take this hop"),
    ROW(SCHEMA_HOP, "after", PROP_AFTER, TYPE_DURATION, false, NO_REF, NULL, 1, "typical time the hop takes"),
};

enum { RULE_COUNT = sizeof property_rules / sizeof property_rules[0] };

const jrn_property_rule *schema_properties(unsigned owner, size_t *count)
{
    size_t first = 0;
    while (first < RULE_COUNT && property_rules[first].owner != owner) first++;
    size_t last = first;
    while (last < RULE_COUNT && property_rules[last].owner == owner) last++;
    *count = last - first;
    return property_rules + first;
}

const jrn_property_rule *schema_find_property(unsigned owner, const char *name)
{
    size_t count;
    const jrn_property_rule *rules = schema_properties(owner, &count);
    for (size_t i = 0; i < count; i++) {
        /* the first letter rules out most names without a call */
        if (rules[i].name[0] == name[0] && strcmp(rules[i].name, name) == 0) return &rules[i];
    }
    return NULL;
}

bool schema_allows_nesting(unsigned parent, jrn_kind child)
{
    switch (parent) {
    case KIND_COUNT: return child != KIND_KPI && child != KIND_MAP;
    case KIND_STAGE: return child == KIND_STAGE || child == KIND_TOUCHPOINT || child == KIND_KPI;
    case KIND_TOUCHPOINT:
    case KIND_JOURNEY: return child == KIND_KPI;
    default: return false;
    }
}

const char *schema_nesting_summary(unsigned parent)
{
    switch (parent) {
    case KIND_STAGE: return "a stage may contain stages (one level), touchpoints and kpis";
    case KIND_TOUCHPOINT: return "a touchpoint may contain kpis";
    case KIND_JOURNEY: return "a journey may contain kpis";
    case KIND_COUNT: return "a kpi belongs inside a stage, touchpoint or journey";
    default: return "it may contain properties only";
    }
}

bool schema_is_extension(const char *name)
{
    return name[0] == 'x' && name[1] == '_';
}

const char *value_type_description(const jrn_property_rule *rule)
{
    switch (rule->type) {
    case TYPE_TEXT: return "text in quotes";
    case TYPE_TEXT_OR_FLAG: return "text in quotes (or the name alone as a flag)";
    case TYPE_FLAG: return "nothing (it is a flag)";
    case TYPE_REFERENCE: return kind_with_article(rule->reference_kind);
    case TYPE_NUMBER: return "a number";
    case TYPE_EMOTION: return "an emotion (a number in the emotion scale or its name)";
    case TYPE_EFFORT: return "a whole number from 1 to 5";
    case TYPE_DATE: return "a date such as 2026-09-30";
    case TYPE_RANGE: return "a range such as 1..5, 0%..100% or 0d..90d";
    case TYPE_CHOICE: return "one of the listed words";
    case TYPE_QUANTITY: return "a number, percentage or duration";
    case TYPE_PERCENT: return "a percentage such as 85%";
    case TYPE_DURATION: return "a duration such as 30min, 4h, 2d, 3w, 6mo or 1y";
    }
    return "a value";
}
