/* report_facts.c — rankings, heat-map counts and the accountability matrix, computed once
 * from the model for the Markdown and HTML reports. */
#include "jrn/report_facts.h"

#include <stdlib.h>

#include "jrn/memory.h"

report_audience report_touchpoint_audience(const report_facts *facts, const jrn_touchpoint *touchpoint)
{
    return facts->audiences[touchpoint->base.index];
}

const jrn_team *report_stage_owner(const jrn_stage *stage)
{
    if (stage->owner != NULL) return stage->owner;
    return stage->parent != NULL ? stage->parent->owner : NULL;
}

const jrn_team *report_touchpoint_owner(const jrn_touchpoint *touchpoint, bool *inherited)
{
    *inherited = false;
    if (touchpoint->owner != NULL) return touchpoint->owner;
    const jrn_team *stage_owner = report_stage_owner(touchpoint->stage);
    *inherited = stage_owner != NULL;
    return stage_owner;
}

const jrn_stage *report_kpi_stage(const jrn_kpi *kpi)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: return kpi->on_stage;
    case KPI_ON_TOUCHPOINT: return kpi->on_touchpoint->stage;
    case KPI_ON_JOURNEY: return NULL;
    }
    return NULL;
}

double report_stage_gap(const jrn_stage *stage)
{
    return stage->aspiration - stage->emotion;
}

size_t report_stage_touchpoint_total(const jrn_stage *stage)
{
    size_t total = stage->touchpoint_count;
    for (size_t i = 0; i < stage->child_count; i++)
        total += stage->children[i]->touchpoint_count;   /* sub-stages nest one level only */
    return total;
}

size_t report_stage_opportunity_count(const jrn_model *model)
{
    size_t count = 0;
    for (size_t i = 0; i < model->stage_count; i++) count += model->stages[i]->opportunities.count;
    return count;
}

const report_heat *report_persona_heat(const report_facts *facts, const jrn_stage *stage,
                                       const jrn_persona *persona)
{
    return &facts->persona_heat[stage->base.index * facts->heat_persona_count + persona->base.index];
}

const report_duty *report_duty_of(const report_facts *facts, const jrn_team *team,
                                  const jrn_stage *stage)
{
    static const report_duty nothing;
    size_t row = team != NULL ? team->base.index : facts->model->team_count;
    size_t low = facts->duty_rows[row], high = facts->duty_rows[row + 1];
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (facts->duties[middle].stage < stage->base.index) low = middle + 1;
        else high = middle;
    }
    if (low < facts->duty_rows[row + 1] && facts->duties[low].stage == stage->base.index) return &facts->duties[low];
    return &nothing;
}

static void report_heat_add(report_heat *heat, const jrn_touchpoint *touchpoint)
{
    heat->touchpoints++;
    heat->pains += touchpoint->is_pain;
    heat->delights += touchpoint->is_delight;
    heat->truths += touchpoint->is_truth;
}

report_visitors report_find_visitors(jrn_arena *arena, const jrn_model *model)
{
    report_visitors visitors;
    visitors.start = arena_alloc_array(arena, model->touchpoint_count + 2, sizeof *visitors.start);
    size_t total = 0;
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        total += journey->step_count;
        for (size_t s = 0; s < journey->step_count; s++) visitors.start[journey->steps[s]->base.index + 2]++;
    }
    for (size_t t = 0; t < model->touchpoint_count; t++) visitors.start[t + 2] += visitors.start[t + 1];
    visitors.journeys = arena_alloc_array(arena, total + 1, sizeof *visitors.journeys);
    /* start[t + 1] is the next free slot of touchpoint t while filling; afterwards it is
     * where t's slice ends, which is where t + 1's begins. */
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t s = 0; s < journey->step_count; s++)
            visitors.journeys[visitors.start[journey->steps[s]->base.index + 1]++] = journey;
    }
    return visitors;
}

/* One touchpoint's counts in its stage's row: once per persona it counts for, among those
 * with a column. counted[p] holds the index + 1 of the last touchpoint counted for persona
 * p, so a persona two visiting journeys share is counted once. */
static void report_count_touchpoint(report_facts *facts, const report_visitors *visitors,
                                    const jrn_touchpoint *touchpoint, size_t *counted)
{
    size_t t = touchpoint->base.index, mark = t + 1, columns = facts->heat_persona_count;
    report_heat *row = &facts->persona_heat[touchpoint->stage->base.index * columns];
    if (touchpoint->persona_count > 0) {
        facts->audiences[t] = AUDIENCE_NAMED;
        for (size_t p = 0; p < touchpoint->persona_count; p++) {
            size_t persona = touchpoint->personas[p]->base.index;
            if (persona >= columns || counted[persona] == mark) continue;
            counted[persona] = mark;
            report_heat_add(&row[persona], touchpoint);
        }
    } else if (visitors->start[t + 1] > visitors->start[t]) {
        facts->audiences[t] = AUDIENCE_JOURNEYS;
        for (size_t v = visitors->start[t]; v < visitors->start[t + 1]; v++) {
            const jrn_journey *journey = visitors->journeys[v];
            for (size_t p = 0; p < journey->persona_count; p++) {
                size_t persona = journey->personas[p]->base.index;
                if (persona >= columns || counted[persona] == mark) continue;
                counted[persona] = mark;
                report_heat_add(&row[persona], touchpoint);
                row[persona].via_journeys++;
            }
        }
    } else {
        facts->audiences[t] = AUDIENCE_EVERYONE;
        for (size_t p = 0; p < columns; p++) {
            report_heat_add(&row[p], touchpoint);
            row[p].unassigned++;
        }
    }
}

static void report_facts_count_heat(jrn_arena *arena, const jrn_model *model,
                                    report_facts *facts)
{
    facts->heat_persona_count = model->persona_count < REPORT_HEAT_PERSONA_LIMIT ? model->persona_count
                                                                                : REPORT_HEAT_PERSONA_LIMIT;
    facts->persona_heat = arena_alloc_array(arena, model->stage_count * facts->heat_persona_count + 1,
                                            sizeof *facts->persona_heat);
    facts->stage_heat = arena_alloc_array(arena, model->stage_count + 1, sizeof *facts->stage_heat);
    facts->audiences = arena_alloc_array(arena, model->touchpoint_count + 1, sizeof *facts->audiences);
    report_visitors visitors = report_find_visitors(arena, model);
    size_t *counted = arena_alloc_array(arena, facts->heat_persona_count + 1, sizeof *counted);
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        report_heat_add(&facts->stage_heat[touchpoint->stage->base.index], touchpoint);
        report_heat_add(&facts->total_heat, touchpoint);
        report_count_touchpoint(facts, &visitors, touchpoint, counted);
    }
}

/* Orders a and b as -1, 0, 1 from "a comes first" to "b comes first"; unknowns go last. */
static int report_compare_known(bool a_known, double a, bool b_known, double b, bool low_first)
{
    if (a_known != b_known) return a_known ? -1 : 1;
    if (!a_known || a == b) return 0;
    return (a < b) == low_first ? -1 : 1;
}

static int report_compare_pains(const void *left, const void *right)
{
    const jrn_touchpoint *a = *(const jrn_touchpoint *const *)left;
    const jrn_touchpoint *b = *(const jrn_touchpoint *const *)right;
    int order = report_compare_known(a->effort > 0, a->effort, b->effort > 0, b->effort, false);
    if (order == 0)
        order = report_compare_known(a->has_emotion, a->emotion, b->has_emotion, b->emotion, true);
    if (order == 0 && a->is_truth != b->is_truth) order = a->is_truth ? -1 : 1;
    if (order == 0) order = a->base.index < b->base.index ? -1 : (a->base.index > b->base.index);
    return order;
}

static int report_compare_gaps(const void *left, const void *right)
{
    const jrn_stage *a = *(const jrn_stage *const *)left;
    const jrn_stage *b = *(const jrn_stage *const *)right;
    double gap_a = report_stage_gap(a), gap_b = report_stage_gap(b);
    if (gap_a != gap_b) return gap_a > gap_b ? -1 : 1;
    return a->base.index < b->base.index ? -1 : (a->base.index > b->base.index);
}

static bool report_is_pain(const jrn_touchpoint *touchpoint) { return touchpoint->is_pain; }
static bool report_is_truth(const jrn_touchpoint *touchpoint) { return touchpoint->is_truth; }
static bool report_has_trigger(const jrn_touchpoint *touchpoint) { return touchpoint->notes->trigger != NULL; }
static bool report_has_opportunity(const jrn_touchpoint *touchpoint)
{
    return touchpoint->notes->opportunities.count > 0;
}

/* The touchpoints for which keep() holds, in map order. */
static const jrn_touchpoint **report_select(jrn_arena *arena, const jrn_model *model,
                                            bool (*keep)(const jrn_touchpoint *), size_t *count)
{
    const jrn_touchpoint **selected =
        arena_alloc_array(arena, model->touchpoint_count + 1, sizeof *selected);
    *count = 0;
    for (size_t t = 0; t < model->touchpoint_count; t++)
        if (keep(model->touchpoints[t])) selected[(*count)++] = model->touchpoints[t];
    return selected;
}

static void report_facts_rank(jrn_arena *arena, const jrn_model *model, report_facts *facts)
{
    facts->ranked_pains = report_select(arena, model, report_is_pain, &facts->ranked_pain_count);
    qsort(facts->ranked_pains, facts->ranked_pain_count, sizeof *facts->ranked_pains,
          report_compare_pains);
    facts->truths = report_select(arena, model, report_is_truth, &facts->truth_count);
    for (size_t i = 0; i < facts->truth_count; i++) {
        const jrn_touchpoint *truth = facts->truths[i];
        if (truth->is_pain || (truth->has_emotion && truth->emotion < 0)) facts->truths_at_risk++;
    }
    facts->triggers = report_select(arena, model, report_has_trigger, &facts->trigger_count);
    facts->opportunities =
        report_select(arena, model, report_has_opportunity, &facts->opportunity_count);
    for (size_t i = 0; i < facts->opportunity_count; i++)
        facts->opportunity_total += facts->opportunities[i]->notes->opportunities.count;

    facts->ranked_gaps = arena_alloc_array(arena, model->stage_count + 1, sizeof *facts->ranked_gaps);
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (stage->has_emotion && stage->has_aspiration && report_stage_gap(stage) > 0)
            facts->ranked_gaps[facts->ranked_gap_count++] = stage;
    }
    qsort(facts->ranked_gaps, facts->ranked_gap_count, sizeof *facts->ranked_gaps,
          report_compare_gaps);
}

/* One thing a team answers for in a stage, to be sorted into its cell: the stage itself
 * (no touchpoint or KPI), a touchpoint or a KPI, in map order within each kind. */
typedef struct report_claim {
    size_t row, stage;
    const jrn_touchpoint *touchpoint;
    const jrn_kpi *kpi;
    size_t order;
} report_claim;

static int report_compare_claims(const void *left, const void *right)
{
    const report_claim *a = left, *b = right;
    if (a->row != b->row) return a->row < b->row ? -1 : 1;
    if (a->stage != b->stage) return a->stage < b->stage ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static size_t report_duty_row(const report_facts *facts, const jrn_team *team)
{
    return team != NULL ? team->base.index : facts->model->team_count;
}

/* Every claim, in the order its cell lists it: the stage's ownership, its touchpoints, its
 * KPIs. Returns how many. */
static size_t report_list_claims(const report_facts *facts, report_claim *claims)
{
    const jrn_model *model = facts->model;
    size_t count = 0, order = 0;
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (stage->owner != NULL)
            claims[count++] = (report_claim){report_duty_row(facts, stage->owner), s, NULL, NULL, order++};
    }
    for (size_t t = 0; t < model->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[t];
        bool inherited;
        const jrn_team *team = report_touchpoint_owner(touchpoint, &inherited);
        claims[count++] = (report_claim){report_duty_row(facts, team), touchpoint->stage->base.index, touchpoint,
                                         NULL, order++};
    }
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        const jrn_stage *stage = report_kpi_stage(kpi);
        if (stage == NULL || kpi->owner == NULL) continue;
        claims[count++] = (report_claim){report_duty_row(facts, kpi->owner), stage->base.index, NULL, kpi, order++};
    }
    return count;
}

/* The cells of the accountability matrix that hold something, sorted by row and stage:
 * as many as the claims at most, however many teams and stages there are. */
static void report_facts_assign_duties(jrn_arena *arena, const jrn_model *model, report_facts *facts)
{
    facts->duty_stage_count = model->stage_count < REPORT_DUTY_STAGE_LIMIT ? model->stage_count
                                                                            : REPORT_DUTY_STAGE_LIMIT;
    size_t most = model->stage_count + model->touchpoint_count + model->kpi_count;
    report_claim *claims = memory_calloc(most + 1, sizeof *claims);
    size_t claim_count = report_list_claims(facts, claims);
    qsort(claims, claim_count, sizeof *claims, report_compare_claims);
    facts->duties = arena_alloc_array(arena, claim_count + 1, sizeof *facts->duties);
    facts->duty_rows = arena_alloc_array(arena, model->team_count + 2, sizeof *facts->duty_rows);
    size_t cells = 0;
    for (size_t first = 0, last; first < claim_count; first = last) {
        size_t touchpoints = 0, kpis = 0;
        for (last = first; last < claim_count && claims[last].row == claims[first].row &&
                           claims[last].stage == claims[first].stage;
             last++) {
            touchpoints += claims[last].touchpoint != NULL;
            kpis += claims[last].kpi != NULL;
        }
        report_duty *duty = &facts->duties[cells++];
        duty->stage = claims[first].stage;
        duty->touchpoints = arena_alloc_array(arena, touchpoints + 1, sizeof *duty->touchpoints);
        duty->kpis = arena_alloc_array(arena, kpis + 1, sizeof *duty->kpis);
        for (size_t c = first; c < last; c++) {
            if (claims[c].touchpoint) duty->touchpoints[duty->touchpoint_count++] = claims[c].touchpoint;
            else if (claims[c].kpi) duty->kpis[duty->kpi_count++] = claims[c].kpi;
            else duty->owns_stage = true;
            if (claims[c].touchpoint && claims[c].row == model->team_count) facts->unowned_count++;
        }
        /* the row ends, so far, after this cell */
        facts->duty_rows[claims[first].row + 1] = cells;
    }
    /* a row without cells ends where the one before it does */
    for (size_t row = 1; row <= model->team_count + 1; row++)
        if (facts->duty_rows[row] < facts->duty_rows[row - 1]) facts->duty_rows[row] = facts->duty_rows[row - 1];
    free(claims);
}

static void report_facts_number_stages(jrn_arena *arena, const jrn_model *model,
                                       report_facts *facts)
{
    facts->stage_numbers = arena_alloc_array(arena, model->stage_count + 1,
                                             sizeof *facts->stage_numbers);
    size_t top_level = 0;
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (stage->parent == NULL) {
            facts->stage_numbers[s] = arena_printf(arena, "%zu", ++top_level);
            for (size_t c = 0; c < stage->child_count; c++)
                facts->stage_numbers[stage->children[c]->base.index] =
                    arena_printf(arena, "%zu.%zu", top_level, c + 1);
        }
    }
}

const report_facts *report_facts_build(jrn_arena *arena, const jrn_model *model)
{
    report_facts *facts = arena_alloc(arena, sizeof *facts);
    facts->model = model;
    report_facts_number_stages(arena, model, facts);
    report_facts_count_heat(arena, model, facts);
    report_facts_rank(arena, model, facts);
    report_facts_assign_duties(arena, model, facts);
    return facts;
}
