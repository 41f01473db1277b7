/* sema_journeys.c — turns each journey's step chains into its steps and hops: resolves
 * every step, reads hop props, rejects duplicate hops and rates over 100%; once the spine
 * is known, marks loops and checks where each journey starts. */
#include "jrn/sema.h"
#include "jrn/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/suggest.h"

/* Per-journey scratch indexed by touchpoint: a stamp says which journey wrote the slot. */
struct sema_journey_scratch {
    uint32_t *step_stamp;     /* journey index + 1 when the touchpoint is already a step */
    uint32_t *rate_stamp;
    double *rate_sum;         /* sum of rates leaving the touchpoint in this journey */
    size_t *hop_slots;        /* open-addressing set of (from, to) -> hop index + 1 */
    size_t hop_slot_count;
    size_t capacity;          /* touchpoints the per-touchpoint arrays have room for */
};
typedef struct sema_journey_scratch journey_scratch;

static bool stage_loop_covers(const jrn_stage *from, const jrn_stage *to)
{
    for (const jrn_stage *stage = from; stage != NULL; stage = stage->parent) {
        for (size_t l = 0; l < stage->loop_count; l++) {
            const jrn_stage *target = stage->loops[l].target;
            if (target == to || target == to->parent) return true;
        }
    }
    return false;
}

static void journey_mark_loop(jrn_hop *hop)
{
    const jrn_stage *from = hop->from->stage, *to = hop->to->stage;
    if (from == NULL || to == NULL) return;
    /* Within one (sub-)stage a journey moves freely; between two, the spine as written
     * says which way is back (a stage's own touchpoints and its sub-stages interleave). */
    hop->goes_back = from != to && hop->to->spine_slot < hop->from->spine_slot;
    hop->is_declared_loop = hop->goes_back && stage_loop_covers(from, to);
}

static void journey_read_hop_properties(jrn_sema *sema, jrn_hop *hop, const jrn_ast_property *properties)
{
    bool has_rate = false, has_after = false;
    for (const jrn_ast_property *property = properties; property != NULL; property = property->next) {
        if (schema_is_extension(property->name)) {
            sema_add_extension(sema, &hop->extensions, property->name, property->values, property->value_count,
                               property->span);
            continue;
        }
        const jrn_property_rule *rule = sema_find_property(sema, SCHEMA_HOP, property->name);
        if (rule == NULL) {
            jrn_suggester suggester;
            suggest_begin(&suggester, property->name);
            suggest_consider(&suggester, "rate");
            suggest_consider(&suggester, "after");
            const char *suggestion = suggest_result(&suggester);
            jrn_diag *diag = suggestion
                ? diag_error(sema->diags, property->name_span, "unknown hop property '%s'; did you mean '%s'?", property->name, suggestion)
                : diag_error(sema->diags, property->name_span, "unknown hop property '%s'", property->name);
            diag_add_note(sema->diags, diag, span_none(), "a hop takes rate: (a percentage) and after: (a duration)");
            continue;
        }
        bool *seen = rule->id == PROP_RATE ? &has_rate : &has_after;
        if (*seen) {
            diag_error(sema->diags, property->name_span, "'%s' is given twice for this hop", rule->name);
            continue;
        }
        *seen = true;
        sema_value value;
        if (!sema_convert_value(sema, rule, "hop", property->values, &value)) continue;
        if (rule->id == PROP_RATE) {
            hop->has_rate = true;
            hop->rate = value.number;
            hop->rate_span = property->values->span;
        } else {
            hop->has_after = true;
            hop->after = value.duration;
        }
    }
}

static size_t journey_hop_slot(const journey_scratch *scratch, const jrn_hop *hops, size_t from, size_t to)
{
    size_t mask = scratch->hop_slot_count - 1;
    /* Fibonacci hashing of the pair, taking the product's well-mixed high half: indexes
     * share their low bits (a generated map's steps are every 8th touchpoint), and a sum
     * of multiples kept those bits, so most hops fell in a few long runs of slots. */
    uint64_t key = ((uint64_t)from << 32 | (uint64_t)to) * UINT64_C(0x9E3779B97F4A7C15);
    size_t i = (size_t)(key >> 32) & mask;
    while (scratch->hop_slots[i] != 0) {
        const jrn_hop *hop = &hops[scratch->hop_slots[i] - 1];
        if (hop->from->base.index == from && hop->to->base.index == to) break;
        i = (i + 1) & mask;
    }
    return i;
}

static void journey_add_step(jrn_journey *journey, journey_scratch *scratch,
                             jrn_touchpoint *touchpoint)
{
    uint32_t stamp = journey->base.index + 1;
    if (scratch->step_stamp[touchpoint->base.index] == stamp) return;
    scratch->step_stamp[touchpoint->base.index] = stamp;
    journey->steps[journey->step_count++] = touchpoint;   /* room made by journey_make_room */
}

static void journey_check_rate(jrn_sema *sema, jrn_journey *journey, journey_scratch *scratch,
                               const jrn_hop *hop)
{
    if (!hop->has_rate) return;
    size_t from = hop->from->base.index;
    uint32_t stamp = journey->base.index + 1;
    if (scratch->rate_stamp[from] != stamp) {
        scratch->rate_stamp[from] = stamp;
        scratch->rate_sum[from] = 0;
    }
    double before = scratch->rate_sum[from];
    scratch->rate_sum[from] += hop->rate;
    if (scratch->rate_sum[from] > 1.0 + 1e-9 && before <= 1.0 + 1e-9) {
        diag_error(sema->diags, hop->rate_span,
                   "the rates of the hops leaving '%s' in journey '%s' add up to %g%%, more than 100%%",
                   hop->from->base.id, journey->base.id, scratch->rate_sum[from] * 100.0);
    }
}

static void journey_add_hop(jrn_sema *sema, jrn_journey *journey, journey_scratch *scratch,
                            jrn_hop hop)
{
    size_t slot = journey_hop_slot(scratch, journey->hops, hop.from->base.index, hop.to->base.index);
    if (scratch->hop_slots[slot] != 0) {
        const jrn_hop *first = &journey->hops[scratch->hop_slots[slot] - 1];
        jrn_diag *diag = diag_error(sema->diags, hop.span, "hop '%s -> %s' is already in journey '%s'",
                                    hop.from->base.id, hop.to->base.id, journey->base.id);
        diag_add_note(sema->diags, diag, first->span, "first written here");
        return;
    }
    journey->hops[journey->hop_count++] = hop;   /* room made by journey_make_room */
    scratch->hop_slots[slot] = journey->hop_count;
    journey_check_rate(sema, journey, scratch, &journey->hops[journey->hop_count - 1]);
}

static void journey_build_chain(jrn_sema *sema, jrn_journey *journey, journey_scratch *scratch,
                                const jrn_ast_member *chain)
{
    for (const jrn_ast_step *step = chain->steps; step != NULL; step = step->next) {
        namespace_prefetch(&sema->names[KIND_TOUCHPOINT], step->id);
    }
    jrn_touchpoint *previous = NULL;
    for (const jrn_ast_step *step = chain->steps; step != NULL; step = step->next) {
        jrn_touchpoint *current = (jrn_touchpoint *)sema_lookup(sema, KIND_TOUCHPOINT, step->id, step->span);
        if (current != NULL) journey_add_step(journey, scratch, current);
        if (previous != NULL && current != NULL) {
            jrn_hop hop = {0};
            hop.from = previous;
            hop.to = current;
            hop.span = step->hop_span;
            journey_read_hop_properties(sema, &hop, step->hop_properties);
            journey_add_hop(sema, journey, scratch, hop);
        }
        previous = current;
    }
}

/* count more elements of size at the end of items (of old_count), zero-filled. */
static void *journey_grow_zeroed(void *items, size_t old_count, size_t count, size_t size)
{
    unsigned char *grown = memory_realloc_array(items, count, size);
    memset(grown + old_count * size, 0, (count - old_count) * size);
    return grown;
}

static journey_scratch *journey_scratch_of(jrn_sema *sema)
{
    if (sema->journey_scratch == NULL) sema->journey_scratch = memory_calloc(1, sizeof *sema->journey_scratch);
    journey_scratch *scratch = sema->journey_scratch;
    /* Every touchpoint is declared before any chain is read: sized once. */
    size_t count = sema->model->touchpoint_count + 1;
    if (scratch->capacity < count) {
        scratch->step_stamp = journey_grow_zeroed(scratch->step_stamp, scratch->capacity, count, sizeof *scratch->step_stamp);
        scratch->rate_stamp = journey_grow_zeroed(scratch->rate_stamp, scratch->capacity, count, sizeof *scratch->rate_stamp);
        scratch->rate_sum = journey_grow_zeroed(scratch->rate_sum, scratch->capacity, count, sizeof *scratch->rate_sum);
        scratch->capacity = count;
    }
    return scratch;
}

/* A journey has at most as many more steps and hops as its chains name: room for them in
 * one piece, not doubling arrays (hops are big, and there may be a hundred thousand). */
static void journey_make_room(jrn_sema *sema, jrn_journey *journey, size_t chain_steps)
{
    jrn_touchpoint **steps = arena_alloc_array(sema->arena, journey->step_count + chain_steps + 1, sizeof *steps);
    jrn_hop *hops = arena_alloc_array(sema->arena, journey->hop_count + chain_steps + 1, sizeof *hops);
    if (journey->step_count > 0) memcpy(steps, journey->steps, journey->step_count * sizeof *steps);
    if (journey->hop_count > 0) memcpy(hops, journey->hops, journey->hop_count * sizeof *hops);
    journey->steps = steps;
    journey->hops = hops;
}

/* The scratch as this journey left it: an extend adding chains to a journey comes after
 * other journeys have written their stamps over its own. */
static void journey_restore_scratch(journey_scratch *scratch, const jrn_journey *journey, size_t chain_steps)
{
    size_t slots = 16;
    while (slots < (journey->hop_count + chain_steps) * 2) slots *= 2;
    scratch->hop_slot_count = slots;
    scratch->hop_slots = memory_calloc(slots, sizeof(size_t));
    uint32_t stamp = journey->base.index + 1;
    for (size_t i = 0; i < journey->step_count; i++) scratch->step_stamp[journey->steps[i]->base.index] = stamp;
    for (size_t h = 0; h < journey->hop_count; h++) {
        const jrn_hop *hop = &journey->hops[h];
        size_t slot = journey_hop_slot(scratch, journey->hops, hop->from->base.index, hop->to->base.index);
        scratch->hop_slots[slot] = h + 1;
        scratch->rate_stamp[hop->from->base.index] = stamp;
        scratch->rate_sum[hop->from->base.index] = 0;
    }
    for (size_t h = 0; h < journey->hop_count; h++) {
        const jrn_hop *hop = &journey->hops[h];
        if (hop->has_rate) scratch->rate_sum[hop->from->base.index] += hop->rate;
    }
}

void sema_read_journey_chains(jrn_sema *sema, jrn_journey *journey, const jrn_ast_decl *decl)
{
    size_t chain_steps = 0;
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_CHAIN) chain_steps += member->step_count;
    }
    if (chain_steps == 0) return;
    journey_scratch *scratch = journey_scratch_of(sema);
    journey_make_room(sema, journey, chain_steps);
    journey_restore_scratch(scratch, journey, chain_steps);
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_CHAIN) journey_build_chain(sema, journey, scratch, member);
    }
    free(scratch->hop_slots);
    scratch->hop_slots = NULL;
}

static bool journey_has_step(const jrn_journey *journey, const jrn_touchpoint *touchpoint)
{
    for (size_t i = 0; i < journey->step_count; i++) {
        if (journey->steps[i] == touchpoint) return true;
    }
    return false;
}

static void journey_settle_start(jrn_sema *sema, jrn_journey *journey)
{
    if (journey->start == NULL) {
        if (journey->step_count > 0) journey->start = journey->steps[0];
        return;
    }
    if (!journey_has_step(journey, journey->start)) {
        diag_error(sema->diags, journey->base.id_span, "journey '%s' starts at '%s', which is not one of its steps",
                   journey->base.id, journey->start->base.id);
    }
}

/* An ends: step must be a step of the journey: anywhere else it would say nothing. */
static void journey_check_ends(jrn_sema *sema, const jrn_journey *journey)
{
    for (size_t i = 0; i < journey->end_count; i++) {
        if (journey_has_step(journey, journey->ends[i])) continue;
        jrn_diag *diag = diag_error(sema->diags, journey->end_spans[i], "'ends: %s': '%s' is not a step of journey '%s'",
                                    journey->ends[i]->base.id, journey->ends[i]->base.id, journey->base.id);
        diag_add_note(sema->diags, diag, span_none(),
                      "ends: names steps where those no rated hop takes are done; add the step to a chain");
    }
}

void sema_finish_journeys(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    for (size_t j = 0; j < model->journey_count; j++) {
        jrn_journey *journey = model->journeys[j];
        for (size_t h = 0; h < journey->hop_count; h++) journey_mark_loop(&journey->hops[h]);
        journey_settle_start(sema, journey);
        journey_check_ends(sema, journey);
    }
    sema_free_journey_scratch(sema);
}

void sema_free_journey_scratch(jrn_sema *sema)
{
    journey_scratch *scratch = sema->journey_scratch;
    if (scratch == NULL) return;
    free(scratch->step_stamp);
    free(scratch->rate_stamp);
    free(scratch->rate_sum);
    free(scratch->hop_slots);
    free(scratch);
    sema->journey_scratch = NULL;
}
