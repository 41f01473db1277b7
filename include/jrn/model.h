/* model.h — the resolved journey map that every back end reads (never the AST or text). */
#ifndef JRN_MODEL_H
#define JRN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/values.h"
#include "jrn/source.h"

typedef struct jrn_team jrn_team;
typedef struct jrn_segment jrn_segment;
typedef struct jrn_persona jrn_persona;
typedef struct jrn_channel jrn_channel;
typedef struct jrn_stage jrn_stage;
typedef struct jrn_touchpoint jrn_touchpoint;
typedef struct jrn_journey jrn_journey;
typedef struct jrn_metric jrn_metric;
typedef struct jrn_kpi jrn_kpi;

typedef struct jrn_text_list {
    const char **items;
    size_t count;
} jrn_text_list;

/* A property named x_... : kept as written, passed through to JSON. */
typedef struct jrn_extension {
    const char *name;
    const jrn_value *values;    /* linked through ->next */
    size_t value_count;
    jrn_span span;
    struct jrn_extension *next;
} jrn_extension;

/* A number as a metric measures it: a plain number, a percentage or a duration. */
typedef enum jrn_quantity_kind {
    QUANTITY_NUMBER,
    QUANTITY_PERCENT,
    QUANTITY_DURATION,
} jrn_quantity_kind;

typedef struct jrn_quantity {
    jrn_quantity_kind kind;
    double value;            /* NUMBER: the number; PERCENT: 85 for 85%; DURATION: days */
    jrn_duration duration;   /* DURATION: as written */
    const char *text;        /* as written in the source: "85%", "4.5", "2d" */
} jrn_quantity;

/* What a message calls a quantity of this kind: "a number", "a percentage", "a duration". */
const char *quantity_kind_phrase(jrn_quantity_kind kind);

/* Every declared thing starts with this header, so back ends can treat them alike. */
typedef struct jrn_element {
    jrn_kind kind;
    uint32_t index;          /* position in its model array (a source is at most 256 MB) */
    const char *id;          /* NULL only for an anonymous map */
    const char *title;       /* the declared title, or NULL; see element_label() */
    jrn_span span;           /* the declaration */
    jrn_span id_span;        /* where the id is written: the place findings point at */
    jrn_extension *extensions;
} jrn_element;

/* The title when there is one, else the id. */
const char *element_label(const jrn_element *element);

typedef enum jrn_channel_kind { CHANNEL_KIND_UNSET, CHANNEL_DIGITAL, CHANNEL_HUMAN, CHANNEL_PHYSICAL } jrn_channel_kind;
typedef enum jrn_contact { CONTACT_UNSET, CONTACT_DIRECT, CONTACT_INDIRECT } jrn_contact;
typedef enum jrn_better { BETTER_UNSET, BETTER_HIGHER, BETTER_LOWER } jrn_better;
/* Where customers go that no rated hop takes, at a step whose hops are all rated. */
typedef enum jrn_rest { REST_UNSET, REST_LOST, REST_COMPLETES } jrn_rest;
typedef enum jrn_frequency {
    FREQUENCY_UNSET, FREQUENCY_DAILY, FREQUENCY_WEEKLY, FREQUENCY_MONTHLY,
    FREQUENCY_QUARTERLY, FREQUENCY_YEARLY
} jrn_frequency;

const char *channel_kind_name(jrn_channel_kind kind);   /* "digital"...; NULL when unset */
const char *contact_name(jrn_contact contact);
const char *better_name(jrn_better better);
const char *frequency_name(jrn_frequency frequency);

typedef struct jrn_map {
    jrn_element base;        /* kind KIND_MAP; base.span.source NULL when no map is declared */
    bool is_declared;
    jrn_team *owner;
    bool has_version;
    double version;
    const char *version_text;
    bool has_reviewed;
    jrn_date reviewed;
    jrn_span reviewed_span;
    const char *description;
} jrn_map;

struct jrn_segment {
    jrn_element base;
    const char *description;
    const char *size;
    const char *note;
};

struct jrn_persona {
    jrn_element base;
    jrn_segment **segments;
    size_t segment_count;
    const char *role;
    jrn_text_list goals, needs, traits, attitudes, behaviors, motivations, pains, expectations;
    const char *quote;
};

struct jrn_team {
    jrn_element base;
    const char *lead;
    const char *contact;
};

struct jrn_channel {
    jrn_element base;
    jrn_channel_kind channel_kind;
};

/* A loop declared on a stage: "loops: onboarding" — feedback to an earlier (or the same) stage. */
typedef struct jrn_stage_loop {
    jrn_stage *target;
    jrn_span span;
} jrn_stage_loop;

struct jrn_stage {
    jrn_element base;
    jrn_stage *parent;           /* NULL for a top-level stage of the spine */
    jrn_stage **children;        /* sub-stages, in declaration order */
    size_t child_count;
    size_t spine_position;       /* order in model->stages (flattened spine): parent before children */
    /* Where it begins in the spine as written: the spine_slot of its first touchpoint, or
     * of the touchpoint that follows it when it has none (see jrn_touchpoint.spine_slot). */
    uint32_t spine_slot;
    jrn_team *owner;
    bool has_emotion;
    double emotion;
    bool has_aspiration;
    double aspiration;
    const char *goal;
    /* The stage's own notes: the canvas shows them in the stage's column of each lane. */
    const char *description;
    const char *does, *thinks, *feels;
    const char *pain, *delight;  /* text only: a stage is no pain point as a whole */
    jrn_text_list opportunities;
    jrn_text_list quotes;        /* customers' own words */
    jrn_text_list sources;       /* where the evidence comes from */
    jrn_stage_loop *loops;
    size_t loop_count;
    jrn_touchpoint **touchpoints;  /* directly under this stage, in declaration order */
    size_t touchpoint_count;
    jrn_kpi **kpis;
    size_t kpi_count;
};

/* What the customer does, thinks and feels at a touchpoint, its trigger and the
 * opportunities seen there: prose that most touchpoints of a big (often generated) map
 * leave out, so it lives out of line and costs them one pointer. */
typedef struct jrn_touchpoint_notes {
    const char *does, *thinks, *feels;
    const char *trigger;         /* proactive-service trigger */
    jrn_text_list opportunities;
    jrn_text_list quotes;        /* customers' own words */
    jrn_text_list sources;       /* where the evidence comes from */
} jrn_touchpoint_notes;

/* The notes of a touchpoint that says none of them (shared, never written). */
extern const jrn_touchpoint_notes model_no_notes;

/* Where a touchpoint stands in a service blueprint: seen by the customer (frontstage),
 * work behind the line of visibility (backstage), or a process behind the line of
 * internal interaction (support). */
typedef enum jrn_lane { LANE_FRONTSTAGE, LANE_BACKSTAGE, LANE_SUPPORT } jrn_lane;

/* What a touchpoint tells the service blueprint: evidence, a fail point, the wait the
 * customer tolerates and the touchpoints it makes happen. Most touchpoints say none of it,
 * so it lives out of line like the notes. */
typedef struct jrn_touchpoint_service {
    jrn_text_list evidence;      /* physical evidence the customer sees */
    const char *fail;            /* a fail point: how it can break */
    jrn_span fail_span;
    bool has_wait;
    jrn_duration wait;           /* the time standard: the longest wait customers tolerate */
    jrn_span wait_span;
    jrn_touchpoint **serves;     /* the touchpoints nearer the customer it makes happen */
    jrn_span *serve_spans;       /* where each is written */
    size_t serve_count;
} jrn_touchpoint_service;

/* The blueprint facts of a touchpoint that says none of them (shared, never written). */
extern const jrn_touchpoint_service model_no_service;

struct jrn_touchpoint {
    jrn_element base;
    jrn_stage *stage;
    jrn_channel **channels;
    jrn_persona **personas;      /* empty: open to every persona */
    jrn_team *owner;
    double emotion;
    const char *pain;            /* the text, or NULL for the bare flag */
    const char *delight;
    const char *truth;
    const jrn_touchpoint_notes *notes;  /* never NULL: &model_no_notes when there are none */
    const jrn_touchpoint_service *service;  /* never NULL: &model_no_service when it says none */
    jrn_kpi **kpis;
    /* Counts, choices and flags together at the end, in 32 bits or less: a big map has
     * a hundred thousand touchpoints. */
    uint32_t channel_count;
    uint32_t persona_count;
    uint32_t kpi_count;
    /* Where it stands in the spine read as written (each stage's touchpoints and
     * sub-stages in source order), and the slot it shares with the rest of its sub-stage
     * there: a hop to a smaller slot goes back. */
    uint32_t spine_order;
    uint32_t spine_slot;
    jrn_contact contact;
    int effort;                  /* 1..5, 0 when not given */
    bool has_emotion;
    bool is_pain;                /* "pain" flag or "pain: text" */
    bool is_delight;
    bool is_truth;               /* a moment of truth */
    bool is_backstage;
    bool is_support;             /* a support process (behind the line of internal interaction) */
};

/* The blueprint lane a touchpoint is drawn in. */
jrn_lane touchpoint_lane(const jrn_touchpoint *touchpoint);
/* "frontstage", "backstage" or "support". */
const char *lane_name(jrn_lane lane);

/* One edge of a journey: from -> to, with the props of "[rate: 30%, after: 2d]". */
typedef struct jrn_hop {
    jrn_touchpoint *from;
    jrn_touchpoint *to;
    jrn_span span;               /* "-> b [props]": from the arrow to the end of the props */
    double rate;                 /* share 0..1 (30% is 0.3) */
    jrn_span rate_span;
    jrn_duration after;
    jrn_extension *extensions;
    /* The flags together at the end: a big map has a hundred thousand hops. */
    bool has_rate;
    bool has_after;
    bool goes_back;              /* to a stage earlier in the spine than from's */
    bool is_declared_loop;       /* goes back and a loops: of from's stage (or its parent) covers it */
} jrn_hop;

struct jrn_journey {
    jrn_element base;
    jrn_persona **personas;
    size_t persona_count;
    const char *goal;
    jrn_touchpoint *start;       /* start: if given, else the first step of the first chain */
    jrn_touchpoint **ends;       /* ends: the steps where the rest completes, whatever rest: says */
    jrn_span *end_spans;         /* where each is written */
    size_t end_count;
    jrn_rest rest;               /* rest: (UNSET reads as LOST) */
    jrn_touchpoint **steps;      /* distinct touchpoints in order of first appearance */
    size_t step_count;
    jrn_hop *hops;               /* in source order; no duplicate (from, to) pairs */
    size_t hop_count;
    jrn_kpi **kpis;
    size_t kpi_count;
};

typedef struct jrn_scale {
    jrn_quantity low;
    jrn_quantity high;
} jrn_scale;

struct jrn_metric {
    jrn_element base;
    bool has_scale;
    jrn_scale scale;
    jrn_better better;
    const char *unit;
    jrn_text_list labels;        /* names of the scale's integer points, low to high */
};

typedef enum jrn_kpi_owner_kind { KPI_ON_STAGE, KPI_ON_TOUCHPOINT, KPI_ON_JOURNEY } jrn_kpi_owner_kind;

struct jrn_kpi {
    jrn_element base;            /* base.id is the metric's id */
    jrn_metric *metric;
    jrn_kpi_owner_kind owner_kind;
    jrn_stage *on_stage;         /* exactly one of these three is set */
    jrn_touchpoint *on_touchpoint;
    jrn_journey *on_journey;
    bool has_target;
    jrn_quantity target;
    jrn_span target_span;
    jrn_frequency every;
    jrn_team *owner;
    const char *why;
};

/* A file of the compilation: the root, the prelude, or one brought in by "use". */
typedef struct jrn_model_file {
    const jrn_source *source;
    const jrn_comment *comments; /* as written, for lint suppressions */
    bool is_root;                /* a file named on the command line */
    bool is_prelude;
    jrn_span used_at;            /* the "use" in a root file that (transitively) brought it in */
} jrn_model_file;

/* A declaration from an imported file that a root file extends ("extend stage adoption"):
 * findings about it point at the extend the user wrote, not at the "use". */
typedef struct jrn_extend_site {
    jrn_span declared;           /* the declaration's id in the imported file */
    jrn_span extended;           /* the id in the root file's first extend of it */
} jrn_extend_site;

/* A name written in the map and the element it resolves to: every use of a name (a
 * reference in a property, an 'in' or 'for' clause, a journey step, a kpi's metric, an
 * extend's target), in the order sema resolved them. With element->id_span, tools go from
 * any use of a name to its declaration and from a declaration to its uses. */
typedef struct jrn_reference {
    jrn_span span;               /* where the name is written */
    const jrn_element *target;
} jrn_reference;

/* Arrays in declaration order (files in load order: prelude, then each file's uses before
 * its own declarations). Stages are the flattened spine: each stage, then its sub-stages. */
typedef struct jrn_model {
    jrn_map map;
    jrn_model_file *files;      size_t file_count;
    jrn_segment **segments;     size_t segment_count;
    jrn_persona **personas;     size_t persona_count;
    jrn_team **teams;           size_t team_count;
    jrn_channel **channels;     size_t channel_count;
    jrn_stage **stages;         size_t stage_count;
    jrn_touchpoint **touchpoints; size_t touchpoint_count;
    jrn_touchpoint **spine_touchpoints;  /* the same, in spine order (see spine_order); NULL-free */
    jrn_journey **journeys;     size_t journey_count;
    jrn_metric **metrics;       size_t metric_count;
    jrn_kpi **kpis;             size_t kpi_count;
    jrn_extend_site *extend_sites; size_t extend_site_count;
    jrn_reference *references;  size_t reference_count;
    jrn_metric *emotion_metric; /* the prelude's "emotion" scale, or NULL with --no-prelude */
    double emotion_low, emotion_high;  /* the emotion scale's bounds (-2..2 by default) */
} jrn_model;

/* The file record a span belongs to (NULL for a span without a source). */
const jrn_model_file *model_file_of(const jrn_model *model, const jrn_span span);
/* Where to report a finding about a declaration: the span itself when it is in a root
 * file; for a declaration a root file extends, that extend; otherwise the root file's
 * "use" that brought its file in. */
jrn_span model_report_span(const jrn_model *model, jrn_span span);
/* True when the span lies in a file named on the command line. */
bool model_span_in_root(const jrn_model *model, jrn_span span);
/* Name of an emotion value: the emotion metric's label for an integer point, or NULL. */
const char *model_emotion_label(const jrn_model *model, double emotion);

/* True when some touchpoint is backstage or support: the map has a service blueprint. */
bool model_has_blueprint(const jrn_model *model);

/* A journey's rest: as it reads ("lost" when unset): where those no rated hop takes go. */
const char *model_journey_rest(const jrn_journey *journey);

/* A block of the spine as written: a run of a stage's own touchpoints
 * (touchpoints[first .. first + count)), or a whole sub-stage (first 0, count all of its
 * touchpoints). A stage with neither touchpoints nor sub-stages is one empty block. */
typedef struct jrn_spine_block {
    const jrn_stage *stage;
    size_t first;
    size_t count;
} jrn_spine_block;

/* Calls visit with each block of a top-level stage in the spine as written: runs of its
 * own touchpoints and its sub-stages, interleaved by spine slot (an empty sub-stage comes
 * before the touchpoint that follows it). */
void model_visit_spine_blocks(const jrn_stage *stage, void (*visit)(void *context, jrn_spine_block block),
                              void *context);

#endif
