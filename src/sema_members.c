/* sema_members.c — applies each declaration's header clauses (in, for), properties and
 * flags to its element, checking every one against the schema. */
#include "jrn/sema.h"

#include <string.h>

#include "jrn/suggest.h"

/* Finds where property name was first set on element: in its declaration or an extend. */
static jrn_span sema_first_setting(const jrn_sema *sema, const jrn_element *element, const char *name)
{
    const sema_decl *lists[2] = {sema->decls, sema->extends};
    size_t counts[2] = {sema->decl_count, sema->extend_count};
    for (int l = 0; l < 2; l++) {
        for (size_t i = 0; i < counts[l]; i++) {
            if (lists[l][i].element != element) continue;
            for (const jrn_ast_member *member = lists[l][i].decl->members; member; member = member->next) {
                if (member->kind == MEMBER_PROPERTY && strcmp(member->property->name, name) == 0) {
                    return member->property->name_span;
                }
                if (member->kind == MEMBER_FLAG && strcmp(member->flag, name) == 0) return member->span;
            }
        }
    }
    return span_none();
}

/* Single-valued properties may be set once per element, across its extends too. */
static bool sema_claim_slot(jrn_sema *sema, jrn_element *element, const jrn_property_rule *rule,
                            jrn_span where)
{
    if (rule->is_list) return true;
    uint64_t *slots = &sema->set_slots[element->kind][element->kind == KIND_MAP ? 0 : element->index];
    uint64_t bit = (uint64_t)1 << rule->slot;
    if ((*slots & bit) == 0) {
        *slots |= bit;
        return true;
    }
    jrn_diag *diag = diag_error(sema->diags, where, "'%s' is already set on %s '%s'", rule->name,
                                kind_name(element->kind), element->id != NULL ? element->id : "map");
    if (diag != NULL) {
        jrn_span first = sema_first_setting(sema, element, rule->name);
        if (first.source != NULL) diag_add_note(sema->diags, diag, first, "first set here");
    }
    return false;
}

static void sema_store_map(jrn_sema *sema, jrn_map *map, const jrn_property_rule *rule,
                           const jrn_value *written, const sema_value *value)
{
    switch (rule->id) {
    case PROP_OWNER: map->owner = (jrn_team *)value->reference; break;
    case PROP_VERSION: map->has_version = true; map->version = value->number; map->version_text = arena_strdup(sema->arena, written->text); break;
    case PROP_REVIEWED: map->has_reviewed = true; map->reviewed = value->date; map->reviewed_span = written->span; break;
    case PROP_DESCRIPTION: map->description = value->text; break;
    default: break;
    }
}

static void sema_push_text(jrn_sema *sema, jrn_text_list *list, const char *text)
{
    ARENA_PUSH(sema->arena, list->items, list->count, text);
}

static void sema_store_persona(jrn_sema *sema, jrn_persona *persona, const jrn_property_rule *rule,
                               const sema_value *value)
{
    switch (rule->id) {
    case PROP_ROLE: persona->role = value->text; break;
    case PROP_GOAL: sema_push_text(sema, &persona->goals, value->text); break;
    case PROP_NEED: sema_push_text(sema, &persona->needs, value->text); break;
    case PROP_TRAIT: sema_push_text(sema, &persona->traits, value->text); break;
    case PROP_ATTITUDE: sema_push_text(sema, &persona->attitudes, value->text); break;
    case PROP_BEHAVIOR: sema_push_text(sema, &persona->behaviors, value->text); break;
    case PROP_MOTIVATION: sema_push_text(sema, &persona->motivations, value->text); break;
    case PROP_PAIN: sema_push_text(sema, &persona->pains, value->text); break;
    case PROP_EXPECTATION: sema_push_text(sema, &persona->expectations, value->text); break;
    case PROP_QUOTE: persona->quote = value->text; break;
    default: break;
    }
}

static void sema_store_stage(jrn_sema *sema, jrn_stage *stage, const jrn_property_rule *rule,
                             const jrn_value *written, const sema_value *value)
{
    switch (rule->id) {
    case PROP_OWNER: stage->owner = (jrn_team *)value->reference; break;
    case PROP_EMOTION: stage->has_emotion = true; stage->emotion = value->number; break;
    case PROP_ASPIRATION: stage->has_aspiration = true; stage->aspiration = value->number; break;
    case PROP_GOAL: stage->goal = value->text; break;
    case PROP_DESCRIPTION: stage->description = value->text; break;
    case PROP_DOES: stage->does = value->text; break;
    case PROP_THINKS: stage->thinks = value->text; break;
    case PROP_FEELS: stage->feels = value->text; break;
    case PROP_PAIN: stage->pain = value->text; break;
    case PROP_DELIGHT: stage->delight = value->text; break;
    case PROP_OPPORTUNITY: sema_push_text(sema, &stage->opportunities, value->text); break;
    case PROP_QUOTE: sema_push_text(sema, &stage->quotes, value->text); break;
    case PROP_SOURCE: sema_push_text(sema, &stage->sources, value->text); break;
    case PROP_LOOPS: {
        /* Restating a loop a spine already declares is harmless: keep one. */
        for (size_t i = 0; i < stage->loop_count; i++) {
            if (stage->loops[i].target == (jrn_stage *)value->reference) return;
        }
        jrn_stage_loop loop = {(jrn_stage *)value->reference, written->span};
        ARENA_PUSH(sema->arena, stage->loops, stage->loop_count, loop);
        break;
    }
    default: break;
    }
}

/* The touchpoint's own notes, made when it first says something (see model_no_notes). */
static jrn_touchpoint_notes *sema_writable_notes(jrn_sema *sema, jrn_touchpoint *touchpoint)
{
    if (touchpoint->notes == &model_no_notes) {
        jrn_touchpoint_notes *notes = arena_alloc(sema->arena, sizeof *notes);
        touchpoint->notes = notes;
        return notes;
    }
    return (jrn_touchpoint_notes *)touchpoint->notes;   /* made above, so writable */
}

/* The touchpoint's own blueprint facts, made when it first says one (see model_no_service). */
static jrn_touchpoint_service *sema_writable_service(jrn_sema *sema, jrn_touchpoint *touchpoint)
{
    if (touchpoint->service == &model_no_service) {
        jrn_touchpoint_service *service = arena_alloc(sema->arena, sizeof *service);
        touchpoint->service = service;
        return service;
    }
    return (jrn_touchpoint_service *)touchpoint->service;   /* made above, so writable */
}

/* serves: a touchpoint named twice counts once. */
static void sema_add_served(jrn_sema *sema, jrn_touchpoint *touchpoint, jrn_touchpoint *served, jrn_span span)
{
    jrn_touchpoint_service *service = sema_writable_service(sema, touchpoint);
    for (size_t i = 0; i < service->serve_count; i++) {
        if (service->serves[i] == served) return;
    }
    size_t spans = service->serve_count;
    ARENA_PUSH(sema->arena, service->serve_spans, spans, span);
    ARENA_PUSH(sema->arena, service->serves, service->serve_count, served);
}

/* backstage and support are two lanes: a touchpoint stands in one. */
static bool sema_claim_lane(jrn_sema *sema, jrn_touchpoint *touchpoint, const jrn_property_rule *rule,
                            jrn_span where)
{
    bool other = rule->id == PROP_SUPPORT ? touchpoint->is_backstage : touchpoint->is_support;
    if (!other) return true;
    jrn_diag *diag = diag_error(sema->diags, where, "touchpoint '%s' cannot be both backstage and support",
                                touchpoint->base.id);
    diag_add_note(sema->diags, diag, span_none(),
                  "backstage is work behind the line of visibility; support a process behind "
                  "the line of internal interaction: keep the one it is");
    return false;
}

/* The flag alone (pain) sets is_*; with text (pain: "...") it also keeps the text. */
static void sema_store_touchpoint(jrn_sema *sema, jrn_touchpoint *touchpoint,
                                  const jrn_property_rule *rule, const jrn_value *written,
                                  const sema_value *value)
{
    switch (rule->id) {
    case PROP_CHANNEL: ARENA_PUSH(sema->arena, touchpoint->channels, touchpoint->channel_count, (jrn_channel *)value->reference); break;
    case PROP_PERSONA: ARENA_PUSH(sema->arena, touchpoint->personas, touchpoint->persona_count, (jrn_persona *)value->reference); break;
    case PROP_OWNER: touchpoint->owner = (jrn_team *)value->reference; break;
    case PROP_CONTACT: touchpoint->contact = (jrn_contact)value->choice; break;
    case PROP_EMOTION: touchpoint->has_emotion = true; touchpoint->emotion = value->number; break;
    case PROP_EFFORT: touchpoint->effort = (int)value->number; break;
    case PROP_DOES: sema_writable_notes(sema, touchpoint)->does = value->text; break;
    case PROP_THINKS: sema_writable_notes(sema, touchpoint)->thinks = value->text; break;
    case PROP_FEELS: sema_writable_notes(sema, touchpoint)->feels = value->text; break;
    case PROP_PAIN: touchpoint->is_pain = true; touchpoint->pain = value->text; break;
    case PROP_DELIGHT: touchpoint->is_delight = true; touchpoint->delight = value->text; break;
    case PROP_TRUTH: touchpoint->is_truth = true; touchpoint->truth = value->text; break;
    case PROP_BACKSTAGE:
        if (sema_claim_lane(sema, touchpoint, rule, written->span)) touchpoint->is_backstage = true;
        break;
    case PROP_SUPPORT:
        if (sema_claim_lane(sema, touchpoint, rule, written->span)) touchpoint->is_support = true;
        break;
    case PROP_EVIDENCE: sema_push_text(sema, &sema_writable_service(sema, touchpoint)->evidence, value->text); break;
    case PROP_FAIL: {
        jrn_touchpoint_service *service = sema_writable_service(sema, touchpoint);
        service->fail = value->text;
        service->fail_span = written->span;
        break;
    }
    case PROP_WAIT: {
        jrn_touchpoint_service *service = sema_writable_service(sema, touchpoint);
        service->has_wait = true;
        service->wait = value->duration;
        service->wait_span = written->span;
        break;
    }
    case PROP_SERVES: sema_add_served(sema, touchpoint, (jrn_touchpoint *)value->reference, written->span); break;
    case PROP_TRIGGER: sema_writable_notes(sema, touchpoint)->trigger = value->text; break;
    case PROP_OPPORTUNITY: sema_push_text(sema, &sema_writable_notes(sema, touchpoint)->opportunities, value->text); break;
    case PROP_QUOTE: sema_push_text(sema, &sema_writable_notes(sema, touchpoint)->quotes, value->text); break;
    case PROP_SOURCE: sema_push_text(sema, &sema_writable_notes(sema, touchpoint)->sources, value->text); break;
    default: break;
    }
}

static void sema_store_metric(jrn_sema *sema, jrn_metric *metric, const jrn_property_rule *rule,
                              const sema_value *value)
{
    switch (rule->id) {
    case PROP_SCALE: metric->has_scale = true; metric->scale = value->scale; break;
    case PROP_BETTER: metric->better = (jrn_better)value->choice; break;
    case PROP_UNIT: metric->unit = value->text; break;
    case PROP_LABELS: sema_push_text(sema, &metric->labels, value->text); break;
    default: break;
    }
}

static void sema_store_kpi(jrn_kpi *kpi, const jrn_property_rule *rule, const jrn_value *written,
                           const sema_value *value)
{
    switch (rule->id) {
    case PROP_TARGET: kpi->has_target = true; kpi->target = value->quantity; kpi->target_span = written->span; break;
    case PROP_EVERY: kpi->every = (jrn_frequency)value->choice; break;
    case PROP_OWNER: kpi->owner = (jrn_team *)value->reference; break;
    case PROP_WHY: kpi->why = value->text; break;
    default: break;
    }
}

/* ends: a step named twice counts once. */
static void sema_add_journey_end(jrn_sema *sema, jrn_journey *journey, jrn_touchpoint *step, jrn_span span)
{
    for (size_t i = 0; i < journey->end_count; i++) {
        if (journey->ends[i] == step) return;
    }
    size_t spans = journey->end_count;
    ARENA_PUSH(sema->arena, journey->end_spans, spans, span);
    ARENA_PUSH(sema->arena, journey->ends, journey->end_count, step);
}

static void sema_store(jrn_sema *sema, jrn_element *element, const jrn_property_rule *rule,
                       const jrn_value *written, const sema_value *value)
{
    switch (element->kind) {
    case KIND_MAP: sema_store_map(sema, (jrn_map *)element, rule, written, value); break;
    case KIND_SEGMENT: {
        jrn_segment *segment = (jrn_segment *)element;
        if (rule->id == PROP_DESCRIPTION) segment->description = value->text;
        else if (rule->id == PROP_SIZE) segment->size = value->text;
        else if (rule->id == PROP_NOTE) segment->note = value->text;
        break;
    }
    case KIND_PERSONA: sema_store_persona(sema, (jrn_persona *)element, rule, value); break;
    case KIND_TEAM: {
        jrn_team *team = (jrn_team *)element;
        if (rule->id == PROP_LEAD) team->lead = value->text;
        else if (rule->id == PROP_CONTACT) team->contact = value->text;
        break;
    }
    case KIND_CHANNEL: ((jrn_channel *)element)->channel_kind = (jrn_channel_kind)value->choice; break;
    case KIND_STAGE: sema_store_stage(sema, (jrn_stage *)element, rule, written, value); break;
    case KIND_TOUCHPOINT: sema_store_touchpoint(sema, (jrn_touchpoint *)element, rule, written, value); break;
    case KIND_JOURNEY: {
        jrn_journey *journey = (jrn_journey *)element;
        if (rule->id == PROP_GOAL) journey->goal = value->text;
        else if (rule->id == PROP_START) journey->start = (jrn_touchpoint *)value->reference;
        else if (rule->id == PROP_ENDS) sema_add_journey_end(sema, journey, (jrn_touchpoint *)value->reference, written->span);
        else if (rule->id == PROP_REST) journey->rest = (jrn_rest)value->choice;
        break;
    }
    case KIND_METRIC: sema_store_metric(sema, (jrn_metric *)element, rule, value); break;
    case KIND_KPI: sema_store_kpi((jrn_kpi *)element, rule, written, value); break;
    case KIND_COUNT: break;
    }
}

void sema_add_extension(jrn_sema *sema, jrn_extension **extensions, const char *name,
                        const jrn_value *values, size_t value_count, jrn_span span)
{
    jrn_extension *extension = arena_alloc(sema->arena, sizeof *extension);
    extension->name = arena_strdup(sema->arena, name);
    extension->values = sema_copy_values(sema, values);
    extension->value_count = value_count;
    extension->span = span;
    jrn_extension **tail = extensions;
    while (*tail != NULL) tail = &(*tail)->next;
    *tail = extension;
}

/* "'loops' is a property of a stage, not of a touchpoint" beats a far-fetched did-you-mean. */
/* The kinds other than except that accept property name, as "a persona, a stage or a
 * touchpoint"; false when none does. */
static bool sema_kinds_owning_property(const char *name, jrn_kind except, jrn_strbuf *owners)
{
    size_t found = 0, total = 0;
    for (int kind = 0; kind < KIND_COUNT; kind++)
        total += kind != (int)except && schema_find_property((unsigned)kind, name) != NULL;
    for (int kind = 0; kind < KIND_COUNT; kind++) {
        if (kind == (int)except || schema_find_property((unsigned)kind, name) == NULL) continue;
        found++;
        const char *joint = found == 1 ? "" : found == total ? " or " : ", ";
        strbuf_printf(owners, "%s%s", joint, kind_with_article((jrn_kind)kind));
    }
    return found > 0;
}

static void sema_report_unknown_property(jrn_sema *sema, const jrn_element *element, const char *name,
                                         jrn_span span, bool as_flag)
{
    if (!diag_keeps_next_error(sema->diags)) {
        diag_error(sema->diags, span, "unknown property '%s'", name);
        return;
    }
    size_t count;
    const jrn_property_rule *rules = schema_properties(element->kind, &count);
    jrn_suggester suggester;
    suggest_begin(&suggester, name);
    for (size_t i = 0; i < count; i++) suggest_consider(&suggester, rules[i].name);
    const char *suggestion = suggest_result(&suggester);
    const char *what = as_flag ? "flag" : "property";
    jrn_diag *diag;
    if (suggestion != NULL) {
        diag = diag_error(sema->diags, span, "unknown %s '%s' on %s; did you mean '%s'?", what, name,
                          kind_name(element->kind), suggestion);
        if (diag != NULL) diag->fixit = suggestion;
        return;
    }
    jrn_strbuf owners = STRBUF_INIT;
    if (sema_kinds_owning_property(name, element->kind, &owners)) {
        diag = diag_error(sema->diags, span, "'%s' is a property of %s, not of %s", name,
                          strbuf_text(&owners), kind_with_article(element->kind));
    } else {
        diag = diag_error(sema->diags, span, "unknown %s '%s' on %s", what, name, kind_name(element->kind));
    }
    strbuf_free(&owners);
    if (count > 0) {
        jrn_strbuf known = STRBUF_INIT;
        for (size_t i = 0; i < count; i++) strbuf_printf(&known, "%s%s", i ? ", " : "", rules[i].name);
        diag_add_note(sema->diags, diag, span_none(), "%s accepts: %s (and x_... extensions)",
                      kind_with_article(element->kind), strbuf_text(&known));
        strbuf_free(&known);
    }
}

static void sema_apply_property(jrn_sema *sema, jrn_element *element, const jrn_ast_property *property)
{
    if (schema_is_extension(property->name)) {
        sema_add_extension(sema, &element->extensions, property->name, property->values, property->value_count,
                           property->span);
        return;
    }
    const jrn_property_rule *rule = sema_find_property(sema, element->kind, property->name);
    if (rule == NULL) {
        sema_report_unknown_property(sema, element, property->name, property->name_span, false);
        return;
    }
    if (!sema_claim_slot(sema, element, rule, property->name_span)) return;
    if (!rule->is_list && property->value_count > 1) {
        diag_error(sema->diags, property->values->next->span, "'%s' takes one value, not a list", rule->name);
        return;
    }
    for (const jrn_value *written = property->values; written != NULL; written = written->next) {
        sema_value value;
        if (sema_convert_value(sema, rule, element_label(element), written, &value)) {
            sema_store(sema, element, rule, written, &value);
        }
    }
}

static void sema_apply_flag(jrn_sema *sema, jrn_element *element, const jrn_ast_member *member)
{
    if (schema_is_extension(member->flag)) {
        sema_add_extension(sema, &element->extensions, member->flag, NULL, 0, member->span);
        return;
    }
    const jrn_property_rule *rule = sema_find_property(sema, element->kind, member->flag);
    if (rule == NULL) {
        sema_report_unknown_property(sema, element, member->flag, member->span, true);
        return;
    }
    if (rule->type != TYPE_FLAG && rule->type != TYPE_TEXT_OR_FLAG) {
        diag_error(sema->diags, member->span, "'%s' needs a value: %s: %s", rule->name, rule->name,
                   value_type_description(rule));
        return;
    }
    if (!sema_claim_slot(sema, element, rule, member->span)) return;
    sema_value none = {0};
    jrn_value written = {0};
    written.span = member->span;
    sema_store(sema, element, rule, &written, &none);
}

static void sema_apply_members(jrn_sema *sema, jrn_element *element, const jrn_ast_decl *decl)
{
    for (jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        switch (member->kind) {
        case MEMBER_PROPERTY: sema_apply_property(sema, element, member->property); break;
        case MEMBER_FLAG: sema_apply_flag(sema, element, member); break;
        case MEMBER_DECL: break;   /* declared in sema_declare.c */
        case MEMBER_CHAIN:
            if (element->kind != KIND_JOURNEY) {
                diag_error(sema->diags, member->span, "step chains (a -> b) belong in a journey, not in %s",
                           kind_with_article(element->kind));
            }
            break;
        }
    }
    if (element->kind == KIND_JOURNEY) sema_read_journey_chains(sema, (jrn_journey *)element, decl);
}

static void sema_report_misplaced_clause(jrn_sema *sema, const char *clause, jrn_span span, jrn_kind kind)
{
    diag_error(sema->diags, span, "'%s' does not apply to %s", clause, kind_with_article(kind));
}

static void sema_apply_in_clause(jrn_sema *sema, const sema_decl *record)
{
    const jrn_ast_decl *decl = record->decl;
    jrn_element *element = record->element;
    switch (element->kind) {
    case KIND_PERSONA: {
        jrn_persona *persona = (jrn_persona *)element;
        for (const jrn_ast_name *name = decl->in_names; name != NULL; name = name->next) {
            jrn_segment *segment = (jrn_segment *)sema_lookup(sema, KIND_SEGMENT, name->id, name->span);
            if (segment != NULL) ARENA_PUSH(sema->arena, persona->segments, persona->segment_count, segment);
        }
        break;
    }
    case KIND_TOUCHPOINT:
    case KIND_STAGE: {
        if (decl->in_names->next != NULL) {
            diag_error(sema->diags, decl->in_names->next->span, "%s is in exactly one stage",
                       kind_with_article(element->kind));
            return;
        }
        jrn_stage *stage = (jrn_stage *)sema_lookup(sema, KIND_STAGE, decl->in_names->id, decl->in_names->span);
        if (stage == NULL) return;
        if (element->kind == KIND_TOUCHPOINT) {
            jrn_touchpoint *touchpoint = (jrn_touchpoint *)element;
            if (touchpoint->stage != NULL && touchpoint->stage != stage) {
                jrn_diag *diag = diag_error(sema->diags, decl->in_span, "touchpoint '%s' is nested in stage '%s' but says 'in %s'",
                                            element->id, touchpoint->stage->base.id, stage->base.id);
                diag_add_note(sema->diags, diag, span_none(), "a nested touchpoint needs no 'in'");
                return;
            }
            touchpoint->stage = stage;
        } else {
            jrn_stage *sub_stage = (jrn_stage *)element;
            if (stage == sub_stage || stage->parent != NULL) {
                diag_error(sema->diags, decl->in_span, "stages nest one level: '%s' cannot be a sub-stage of '%s'",
                           element->id, stage->base.id);
                return;
            }
            sub_stage->parent = stage;
        }
        break;
    }
    default:
        sema_report_misplaced_clause(sema, "in", decl->in_span, element->kind);
    }
}

static void sema_apply_clauses(jrn_sema *sema, const sema_decl *record)
{
    const jrn_ast_decl *decl = record->decl;
    jrn_element *element = record->element;
    if (decl->in_names != NULL) sema_apply_in_clause(sema, record);
    if (decl->for_names != NULL) {
        if (element->kind != KIND_JOURNEY) {
            sema_report_misplaced_clause(sema, "for", decl->for_span, element->kind);
        } else {
            jrn_journey *journey = (jrn_journey *)element;
            for (const jrn_ast_name *name = decl->for_names; name != NULL; name = name->next) {
                jrn_persona *persona = (jrn_persona *)sema_lookup(sema, KIND_PERSONA, name->id, name->span);
                if (persona != NULL) ARENA_PUSH(sema->arena, journey->personas, journey->persona_count, persona);
            }
        }
    }
    if (element->kind == KIND_KPI) {
        jrn_kpi *kpi = (jrn_kpi *)element;
        kpi->metric = (jrn_metric *)sema_lookup(sema, KIND_METRIC, decl->id, decl->id_span);
    }
}

/* The prelude's "emotion" metric sets the scale that emotion: values are checked against. */
static void sema_adopt_emotion_scale(jrn_sema *sema)
{
    jrn_metric *emotion = (jrn_metric *)namespace_find(&sema->names[KIND_METRIC], "emotion");
    if (emotion == NULL || !emotion->has_scale) return;
    sema->model->emotion_metric = emotion;
    sema->model->emotion_low = emotion->scale.low.value;
    sema->model->emotion_high = emotion->scale.high.value;
}

static void sema_apply_record(jrn_sema *sema, const sema_decl *record)
{
    sema_apply_clauses(sema, record);
    sema_apply_members(sema, record->element, record->decl);
}

/* Metrics first: emotion values and KPI targets are checked against their scales. */
static void sema_apply_metrics(jrn_sema *sema)
{
    for (size_t i = 0; i < sema->decl_count; i++) {
        if (sema->decls[i].element->kind == KIND_METRIC) sema_apply_record(sema, &sema->decls[i]);
    }
    for (size_t i = 0; i < sema->extend_count; i++) {
        const sema_decl *record = &sema->extends[i];
        if (record->element->kind == KIND_METRIC) sema_apply_members(sema, record->element, record->decl);
    }
    sema_adopt_emotion_scale(sema);
}

void sema_apply_all_members(jrn_sema *sema)
{
    sema_apply_metrics(sema);
    /* The declarations in the order they were declared, then what extends nest (declared
     * after every plain declaration), then what extends set. */
    for (size_t i = 0; i < sema->decl_count; i++) {
        if (sema->decls[i].element->kind != KIND_METRIC) sema_apply_record(sema, &sema->decls[i]);
    }
    for (size_t i = 0; i < sema->extend_count; i++) {
        const sema_decl *record = &sema->extends[i];
        if (record->element->kind != KIND_METRIC) sema_apply_members(sema, record->element, record->decl);
    }
}

const jrn_value *sema_copy_values(jrn_sema *sema, const jrn_value *values)
{
    jrn_value *first = NULL, **link = &first;
    for (const jrn_value *value = values; value != NULL; value = value->next) {
        jrn_value *copy = arena_alloc(sema->arena, sizeof *copy);
        *copy = *value;
        if (value->text != NULL) copy->text = arena_strdup(sema->arena, value->text);
        if (value->kind == VALUE_RANGE && value->range != NULL) {
            jrn_range *range = arena_alloc(sema->arena, sizeof *range);
            *range = *value->range;
            copy->range = range;
        }
        copy->next = NULL;
        *link = copy;
        link = &copy->next;
    }
    return first;
}
