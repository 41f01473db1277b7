/* emit_md.c — `-f md`: the journey map as a Markdown report for a code host: header,
 * where customers struggle, personas, the spine, the canvas, stage tables, heat map, moments
 * of truth, ranked pain points, the service blueprint, journeys, KPIs, triggers,
 * opportunities, accountability. */
#include "jrn/emit.h"

#include "jrn/report_actuals.h"
#include "jrn/report_canvas.h"
#include "jrn/report_facts.h"
#include "jrn/report_format.h"
#include "jrn/report_paths.h"

typedef struct md_report {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_model *model;
    const report_facts *facts;
    const jrn_actuals *actuals;   /* --data: measured data, or NULL */
} md_report;

/* Every user string goes through the one Markdown escape (report_format.h). */
static void md_text(md_report *report, const char *text)
{
    report_put_md(report->out, text);
}

static void md_raw(md_report *report, const char *markdown)
{
    strbuf_puts(report->out, markdown);
}

static void md_label(md_report *report, const jrn_element *element)
{
    md_text(report, element_label(element));
}

static void md_heading(md_report *report, const char *hashes, const char *text)
{
    const jrn_strbuf *out = report->out;
    bool after_blank_line = out->length >= 2 && out->data[out->length - 2] == '\n';
    if (!after_blank_line) md_raw(report, "\n");
    strbuf_printf(report->out, "%s ", hashes);
    md_text(report, text);
    md_raw(report, "\n\n");
}

/* Table rows: md_row_start, then a cell per column (each ends with " |"), then md_row_end. */
static void md_row_start(md_report *report) { md_raw(report, "|"); }
static void md_row_end(md_report *report) { md_raw(report, "\n"); }
static void md_cell_open(md_report *report) { md_raw(report, " "); }
static void md_cell_close(md_report *report) { md_raw(report, " |"); }

static void md_cell(md_report *report, const char *text)
{
    md_cell_open(report);
    md_text(report, text);
    md_cell_close(report);
}

static void md_table_head(md_report *report, const char *const *columns, size_t count)
{
    md_row_start(report);
    for (size_t i = 0; i < count; i++) md_cell(report, columns[i]);
    md_row_end(report);
    md_row_start(report);
    for (size_t i = 0; i < count; i++) md_raw(report, " --- |");
    md_row_end(report);
}

static const char *md_emotion(md_report *report, bool known, double value)
{
    return known ? report_emotion_text(report->arena, report->model, value) : NULL;
}

static const char *md_stage_title(md_report *report, const jrn_stage *stage)
{
    return arena_printf(report->arena, "%s. %s", report->facts->stage_numbers[stage->base.index],
                        element_label(&stage->base));
}

static const char *md_effort(md_report *report, const jrn_touchpoint *touchpoint)
{
    return touchpoint->effort > 0 ? arena_printf(report->arena, "%d/5", touchpoint->effort) : NULL;
}

/* "Customer Success", or "Customer Success (stage owner)" when taken from the stage. */
static void md_touchpoint_owner(md_report *report, const jrn_touchpoint *touchpoint)
{
    bool inherited;
    const jrn_team *owner = report_touchpoint_owner(touchpoint, &inherited);
    if (owner == NULL) {
        md_raw(report, "*nobody*");
        return;
    }
    md_label(report, &owner->base);
    if (inherited) md_raw(report, " (stage owner)");
}

/* The heat-map flags of a touchpoint, one per line: "Pain: Slow first reply". */
static void md_touchpoint_flags(md_report *report, const jrn_touchpoint *touchpoint)
{
    struct { bool on; const char *name; const char *text; } flags[] = {
        {touchpoint->is_pain, "Pain", touchpoint->pain},
        {touchpoint->is_delight, "Delight", touchpoint->delight},
        {touchpoint->is_truth, "Moment of truth", touchpoint->truth},
    };
    bool first = true;
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (!flags[i].on) continue;
        if (!first) md_raw(report, "<br>");
        first = false;
        strbuf_printf(report->out, "**%s**", flags[i].name);
        if (flags[i].text != NULL) {
            md_raw(report, ": ");
            md_text(report, flags[i].text);
        }
    }
    if (touchpoint->is_pain && touchpoint->is_delight)
        md_raw(report, "<br>*inconsistent: both pain and delight*");
}

/* "1 stage" or "5 stages", then what follows. */
static void md_count(md_report *report, size_t count, const char *one, const char *many, const char *after)
{
    strbuf_printf(report->out, "%zu %s%s", count, count == 1 ? one : many, after);
}

static void md_header(md_report *report)
{
    const jrn_map *map = &report->model->map;
    md_raw(report, "# ");
    md_text(report, report_map_title(report->model));
    md_raw(report, "\n\n");
    bool any = false;
    if (map->owner != NULL) {
        md_raw(report, "**Owner:** ");
        md_label(report, &map->owner->base);
        any = true;
    }
    if (map->has_reviewed) {
        md_raw(report, any ? " · **Reviewed:** " : "**Reviewed:** ");
        md_text(report, report_date_text(report->arena, map->reviewed));
        any = true;
    }
    if (map->has_version) {
        md_raw(report, any ? " · **Version:** " : "**Version:** ");
        md_text(report, map->version_text != NULL ? map->version_text
                                                  : number_text(report->arena, map->version));
        any = true;
    }
    if (any) md_raw(report, "\n\n");
    if (map->description != NULL) {
        report_put_md_line(report->out, map->description);
        md_raw(report, "\n\n");
    }
    const report_heat *total = &report->facts->total_heat;
    const jrn_model *model = report->model;
    md_count(report, model->stage_count, "stage", "stages", ", ");
    md_count(report, model->touchpoint_count, "touchpoint", "touchpoints", ", ");
    md_count(report, model->persona_count, "persona", "personas", ", ");
    md_count(report, model->journey_count, "journey", "journeys", ", ");
    md_count(report, model->kpi_count, "KPI", "KPIs", ". ");
    md_count(report, total->pains, "pain point", "pain points", ", ");
    md_count(report, total->delights, "moment of delight", "moments of delight", ", ");
    md_count(report, total->truths, "moment of truth", "moments of truth", ".\n");
}

static void md_glance_gap(md_report *report)
{
    const report_facts *facts = report->facts;
    md_raw(report, "- **Widest emotion gap:** ");
    if (facts->ranked_gap_count == 0) {
        md_raw(report, "no stage has both an emotion and a higher aspiration.\n");
        return;
    }
    const jrn_stage *stage = facts->ranked_gaps[0];
    md_label(report, &stage->base);
    md_raw(report, " — customers feel ");
    md_text(report, md_emotion(report, true, stage->emotion));
    md_raw(report, ", the aim is ");
    md_text(report, md_emotion(report, true, stage->aspiration));
    strbuf_printf(report->out, " (gap %s).\n", report_signed_text(report->arena, report_stage_gap(stage)));
}

static void md_glance_pains(md_report *report)
{
    const report_facts *facts = report->facts;
    md_raw(report, "- **Hardest pain points:** ");
    if (facts->ranked_pain_count == 0) {
        md_raw(report, "none marked.\n");
        return;
    }
    size_t shown = facts->ranked_pain_count < 3 ? facts->ranked_pain_count : 3;
    for (size_t i = 0; i < shown; i++) {
        const jrn_touchpoint *touchpoint = facts->ranked_pains[i];
        if (i > 0) md_raw(report, "; ");
        md_label(report, &touchpoint->base);
        md_raw(report, " (");
        md_label(report, &touchpoint->stage->base);
        md_raw(report, ")");
        if (touchpoint->pain != NULL) {
            md_raw(report, ": ");
            md_text(report, touchpoint->pain);
        }
    }
    md_raw(report, ".\n");
}

static void md_glance(md_report *report)
{
    const report_facts *facts = report->facts;
    md_heading(report, "##", "At a glance: where customers struggle");
    md_glance_gap(report);
    md_glance_pains(report);
    strbuf_printf(report->out, "- **Moments of truth at risk:** %zu of %zu (also a pain point, or felt negatively).\n",
                  facts->truths_at_risk, facts->truth_count);
    strbuf_printf(report->out, "- **Touchpoints no team answers for:** %zu.\n", facts->unowned_count);
}

static void md_segments(md_report *report)
{
    const jrn_model *model = report->model;
    md_heading(report, "##", "Segments and personas");
    if (model->segment_count == 0) {
        md_raw(report, "*No segments declared.*\n");
    } else {
        static const char *const columns[] = {"Segment", "Size", "Description", "Note"};
        md_table_head(report, columns, 4);
        for (size_t i = 0; i < model->segment_count; i++) {
            const jrn_segment *segment = model->segments[i];
            md_row_start(report);
            md_cell(report, element_label(&segment->base));
            md_cell(report, segment->size);
            md_cell(report, segment->description);
            md_cell(report, segment->note);
            md_row_end(report);
        }
    }
}

static void md_text_list(md_report *report, const char *name, const jrn_text_list *texts)
{
    if (texts->count == 0) return;
    strbuf_printf(report->out, "- **%s:** ", name);
    md_text(report, report_join_texts(report->arena, texts, "; "));
    md_raw(report, "\n");
}

static void md_persona(md_report *report, const jrn_persona *persona)
{
    md_heading(report, "###", element_label(&persona->base));
    if (persona->segment_count > 0) {
        md_raw(report, "*Segments: ");
        md_text(report, report_join_segments(report->arena, persona->segments, persona->segment_count, ", "));
        md_raw(report, "*\n\n");
    }
    if (persona->role != NULL) {
        md_raw(report, "- **Role:** ");
        md_text(report, persona->role);
        md_raw(report, "\n");
    }
    md_text_list(report, "Goals", &persona->goals);
    md_text_list(report, "Needs", &persona->needs);
    md_text_list(report, "Traits", &persona->traits);
    md_text_list(report, "Attitudes", &persona->attitudes);
    md_text_list(report, "Behaviours", &persona->behaviors);
    md_text_list(report, "Motivations", &persona->motivations);
    md_text_list(report, "Pains", &persona->pains);
    md_text_list(report, "Expectations", &persona->expectations);
    if (persona->quote != NULL) {
        md_raw(report, "\n> ");
        report_put_md_line(report->out, persona->quote);
        md_raw(report, "\n");
    }
}

static void md_personas(md_report *report)
{
    for (size_t i = 0; i < report->model->persona_count; i++)
        md_persona(report, report->model->personas[i]);
}

static void md_stage_loops(md_report *report, const jrn_stage *stage)
{
    for (size_t l = 0; l < stage->loop_count; l++) {
        if (l > 0) md_raw(report, ", ");
        md_label(report, &stage->loops[l].target->base);
    }
}

static void md_spine(md_report *report)
{
    static const char *const columns[] = {
        "Stage", "Owner", "Emotion now", "Aspiration", "Gap", "Touchpoints", "Pain points",
        "Loops back to", "Goal",
    };
    const jrn_model *model = report->model;
    md_heading(report, "##", "The spine");
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        const report_heat *heat = &report->facts->stage_heat[s];
        const jrn_team *owner = report_stage_owner(stage);
        bool has_gap = stage->has_emotion && stage->has_aspiration;
        md_row_start(report);
        md_cell_open(report);
        if (stage->parent != NULL) md_raw(report, "↳ ");
        md_text(report, md_stage_title(report, stage));
        md_cell_close(report);
        md_cell(report, owner != NULL ? element_label(&owner->base) : NULL);
        md_cell(report, md_emotion(report, stage->has_emotion, stage->emotion));
        md_cell(report, md_emotion(report, stage->has_aspiration, stage->aspiration));
        md_cell(report, has_gap ? report_signed_text(report->arena, report_stage_gap(stage)) : NULL);
        md_cell(report, arena_printf(report->arena, "%zu", heat->touchpoints));
        md_cell(report, arena_printf(report->arena, "%zu", heat->pains));
        md_cell_open(report);
        md_stage_loops(report, stage);
        md_cell_close(report);
        md_cell(report, stage->goal);
        md_row_end(report);
    }
}

/* The canvas: stages across, lanes down (report_canvas.c). */
static void md_canvas(md_report *report)
{
    md_heading(report, "##", "Journey-map canvas");
    md_raw(report, "Stages across, lanes down: what customers do, the touchpoints (numbered), what they "
                   "think, say and feel, pains, delights, opportunities, KPIs and owners; a stage's own "
                   "notes come first, in bold.\n\n");
    report_md_canvas(report->out, report->arena, report->model, report->actuals);
}

static void md_touchpoint_row(md_report *report, const jrn_touchpoint *touchpoint)
{
    md_row_start(report);
    md_cell_open(report);
    md_raw(report, "**");
    md_label(report, &touchpoint->base);
    md_raw(report, "**");
    if (touchpoint->is_backstage) md_raw(report, " *(backstage)*");
    md_cell_close(report);
    md_cell(report, report_join_channels(report->arena, touchpoint->channels, touchpoint->channel_count, ", "));
    md_cell(report, touchpoint->persona_count > 0
                        ? report_join_personas(report->arena, touchpoint->personas, touchpoint->persona_count, ", ")
                        : "all");
    md_cell_open(report);
    md_touchpoint_owner(report, touchpoint);
    md_cell_close(report);
    md_cell(report, md_emotion(report, touchpoint->has_emotion, touchpoint->emotion));
    md_cell(report, md_effort(report, touchpoint));
    md_cell_open(report);
    md_touchpoint_flags(report, touchpoint);
    md_cell_close(report);
    md_row_end(report);
}

/* Does / thinks / feels, contact and opportunities: prose that would crowd the table. */
static void md_touchpoint_notes(md_report *report, const jrn_touchpoint *touchpoint)
{
    const jrn_text_list *quotes = &touchpoint->notes->quotes, *sources = &touchpoint->notes->sources;
    struct { const char *name; const char *text; } notes[] = {
        {"does", touchpoint->notes->does}, {"thinks", touchpoint->notes->thinks}, {"feels", touchpoint->notes->feels},
        {"contact", contact_name(touchpoint->contact)},
        {"says", quotes->count ? report_join_texts(report->arena, quotes, " / ") : NULL},
        {"source", sources->count ? report_join_texts(report->arena, sources, "; ") : NULL},
    };
    bool started = false;
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (notes[i].text == NULL) continue;
        if (!started) {
            md_raw(report, "- **");
            md_label(report, &touchpoint->base);
            md_raw(report, "** — ");
        } else {
            md_raw(report, "; ");
        }
        started = true;
        strbuf_printf(report->out, "*%s:* ", notes[i].name);
        md_text(report, notes[i].text);
    }
    if (started) md_raw(report, "\n");
}

/* The stage's own notes under its heading: what it is, then a list of what customers do,
 * think and feel there, its pain and delight, the ideas for it, their words, the evidence. */
static void md_stage_notes(md_report *report, const jrn_stage *stage)
{
    if (stage->description != NULL) {
        md_text(report, stage->description);
        md_raw(report, "\n\n");
    }
    const struct { const char *name; const char *text; } notes[] = {
        {"Does", stage->does}, {"Thinks", stage->thinks}, {"Feels", stage->feels},
        {"Pain", stage->pain}, {"Delight", stage->delight},
    };
    bool any = false;
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (notes[i].text == NULL) continue;
        strbuf_printf(report->out, "- **%s:** ", notes[i].name);
        md_text(report, notes[i].text);
        md_raw(report, "\n");
        any = true;
    }
    md_text_list(report, "Opportunities", &stage->opportunities);
    for (size_t i = 0; i < stage->quotes.count; i++) {
        md_raw(report, "- **Quote:** “");
        md_text(report, stage->quotes.items[i]);
        md_raw(report, "”\n");
    }
    md_text_list(report, "Sources", &stage->sources);
    if (any || stage->opportunities.count + stage->quotes.count + stage->sources.count > 0) md_raw(report, "\n");
}

static void md_stage(md_report *report, const jrn_stage *stage)
{
    static const char *const columns[] = {
        "Touchpoint", "Channels", "Personas", "Owner", "Emotion", "Effort", "Pain / delight / truth",
    };
    md_heading(report, stage->parent != NULL ? "####" : "###", md_stage_title(report, stage));
    if (stage->goal != NULL) {
        md_raw(report, "*Goal:* ");
        md_text(report, stage->goal);
        md_raw(report, "\n\n");
    }
    md_stage_notes(report, stage);
    if (stage->touchpoint_count == 0) {
        md_raw(report, "*No touchpoints.*\n");
        return;
    }
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t t = 0; t < stage->touchpoint_count; t++) md_touchpoint_row(report, stage->touchpoints[t]);
    bool any_notes = false;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[t];
        bool has_notes = touchpoint->notes->does || touchpoint->notes->thinks || touchpoint->notes->feels
                      || touchpoint->contact != CONTACT_UNSET || touchpoint->notes->quotes.count > 0
                      || touchpoint->notes->sources.count > 0;
        if (has_notes && !any_notes) md_raw(report, "\n");
        any_notes |= has_notes;
        md_touchpoint_notes(report, touchpoint);
    }
}

static void md_stages(md_report *report)
{
    md_heading(report, "##", "Stages and touchpoints");
    for (size_t s = 0; s < report->model->stage_count; s++) md_stage(report, report->model->stages[s]);
}

/* One lane of a stage in the blueprint table: its touchpoints, with what marks them. */
static void md_blueprint_lane(md_report *report, const jrn_stage *stage, jrn_lane lane)
{
    md_cell_open(report);
    size_t shown = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[t];
        if (touchpoint_lane(touchpoint) != lane) continue;
        const jrn_touchpoint_service *service = touchpoint->service;
        if (shown++) md_raw(report, "; ");
        md_label(report, &touchpoint->base);
        if (service->has_wait) {
            md_raw(report, " (wait ");
            md_text(report, report_duration_text(report->arena, service->wait));
            md_raw(report, ")");
        }
        if (service->fail) {
            md_raw(report, " \xE2\x9A\xA0 *");
            md_text(report, service->fail);
            md_raw(report, "*");
        }
        for (size_t s = 0; s < service->serve_count; s++) {
            md_raw(report, s ? ", " : " \xE2\x86\x92 ");
            md_label(report, &service->serves[s]->base);
        }
    }
    md_cell_close(report);
}

/* The customer's side of a stage in the blueprint table: what they do, and the evidence. */
static void md_blueprint_customer(md_report *report, const jrn_stage *stage, bool evidence)
{
    md_cell_open(report);
    size_t shown = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[t];
        if (touchpoint_lane(touchpoint) != LANE_FRONTSTAGE) continue;
        const jrn_text_list *pieces = &touchpoint->service->evidence;
        if (evidence) {
            for (size_t e = 0; e < pieces->count; e++) {
                if (shown++) md_raw(report, "; ");
                md_text(report, pieces->items[e]);
            }
        } else if (touchpoint->notes->does != NULL) {
            if (shown++) md_raw(report, "; ");
            md_text(report, touchpoint->notes->does);
        }
    }
    md_cell_close(report);
}

/* The service blueprint as a table, a stage a row, when the map has work behind the
 * scenes: the lanes left to right as the picture draws them top to bottom. */
static void md_blueprint(md_report *report)
{
    static const char *const columns[] = {"Stage", "Physical evidence", "Customer actions", "Frontstage",
                                          "Backstage", "Support processes"};
    const jrn_model *model = report->model;
    if (!model_has_blueprint(model)) return;
    md_heading(report, "##", "Service blueprint");
    md_raw(report, "Left to right as the blueprint (`--view blueprint`) draws it top to bottom: "
                   "what the customer sees and does, the frontstage, then the work behind the line "
                   "of visibility. \xE2\x9A\xA0 marks a fail point, \xE2\x86\x92 what the work serves.\n\n");
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < model->stage_count; i++) {
        const jrn_stage *stage = model->stages[i];
        if (stage->touchpoint_count == 0) continue;
        md_row_start(report);
        md_cell(report, md_stage_title(report, stage));
        md_blueprint_customer(report, stage, true);
        md_blueprint_customer(report, stage, false);
        md_blueprint_lane(report, stage, LANE_FRONTSTAGE);
        md_blueprint_lane(report, stage, LANE_BACKSTAGE);
        md_blueprint_lane(report, stage, LANE_SUPPORT);
        md_row_end(report);
    }
}

/* "🔴 2 pain, 1 truth": the dot says which way the cell leans, as the HTML heat map's
 * colour does: a cell with neither pain nor delight (only moments of truth) is neutral. */
static void md_heat_cell(md_report *report, const report_heat *heat)
{
    md_cell_open(report);
    if (heat->touchpoints == 0) {
        md_raw(report, "—");
    } else if (heat->pains + heat->delights + heat->truths == 0) {
        strbuf_printf(report->out, "⚪ %zu neutral", heat->touchpoints);
    } else {
        const char *dot = heat->pains > heat->delights ? "🔴"
                        : heat->delights > heat->pains ? "🟢"
                        : heat->pains > 0          ? "🟠" : "⚪";
        md_raw(report, dot);
        const char *separator = " ";
        if (heat->pains) { strbuf_printf(report->out, "%s%zu pain", separator, heat->pains); separator = ", "; }
        if (heat->delights) { strbuf_printf(report->out, "%s%zu delight", separator, heat->delights); separator = ", "; }
        if (heat->truths) strbuf_printf(report->out, "%s%zu truth", separator, heat->truths);
    }
    if (heat->via_journeys) strbuf_printf(report->out, " · %zu via journeys", heat->via_journeys);
    if (heat->unassigned) strbuf_printf(report->out, " · %zu unassigned", heat->unassigned);
    md_cell_close(report);
}

static void md_heat_map(md_report *report)
{
    const jrn_model *model = report->model;
    md_heading(report, "##", "Heat map");
    md_raw(report, "Pain points, moments of delight and moments of truth per stage and persona. "
                   "A touchpoint counts for the personas it names; one that names none counts for the "
                   "personas whose journeys visit it (*via journeys*), and for every persona when no "
                   "journey visits it (*unassigned*).\n\n");
    size_t personas = report->facts->heat_persona_count;
    if (personas < model->persona_count)
        strbuf_printf(report->out, "*The first %zu of %zu personas have a column.*\n\n", personas,
                      model->persona_count);
    md_row_start(report);
    md_cell(report, "Stage");
    for (size_t p = 0; p < personas; p++) md_cell(report, element_label(&model->personas[p]->base));
    md_cell(report, "All touchpoints");
    md_row_end(report);
    md_row_start(report);
    for (size_t c = 0; c < personas + 2; c++) md_raw(report, " --- |");
    md_row_end(report);
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        md_row_start(report);
        md_cell(report, md_stage_title(report, stage));
        for (size_t p = 0; p < personas; p++)
            md_heat_cell(report, report_persona_heat(report->facts, stage, model->personas[p]));
        md_heat_cell(report, &report->facts->stage_heat[s]);
        md_row_end(report);
    }
    md_raw(report, "\n🔴 more pain than delight · 🟢 more delight than pain · 🟠 as much pain as delight · "
                   "⚪ neither pain nor delight · — no touchpoint\n");
}

static void md_truths(md_report *report)
{
    static const char *const columns[] = {"Moment of truth", "Stage", "Emotion", "Also", "Why it matters"};
    const report_facts *facts = report->facts;
    md_heading(report, "##", "Moments of truth");
    if (facts->truth_count == 0) {
        md_raw(report, "*None marked.*\n");
        return;
    }
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < facts->truth_count; i++) {
        const jrn_touchpoint *touchpoint = facts->truths[i];
        md_row_start(report);
        md_cell(report, element_label(&touchpoint->base));
        md_cell(report, element_label(&touchpoint->stage->base));
        md_cell(report, md_emotion(report, touchpoint->has_emotion, touchpoint->emotion));
        md_cell(report, touchpoint->is_pain && touchpoint->is_delight ? "pain and delight"
                        : touchpoint->is_pain ? "pain" : touchpoint->is_delight ? "delight" : NULL);
        md_cell(report, touchpoint->truth);
        md_row_end(report);
    }
}

static void md_pains(md_report *report)
{
    static const char *const columns[] = {"#", "Pain point", "Stage", "Effort", "Emotion", "What hurts", "Moment of truth"};
    const report_facts *facts = report->facts;
    md_heading(report, "##", "Pain points, hardest first");
    if (facts->ranked_pain_count == 0) {
        md_raw(report, "*None marked.*\n");
        return;
    }
    md_raw(report, "Ranked by effort (highest first), then emotion (lowest first).\n\n");
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < facts->ranked_pain_count; i++) {
        const jrn_touchpoint *touchpoint = facts->ranked_pains[i];
        md_row_start(report);
        md_cell(report, arena_printf(report->arena, "%zu", i + 1));
        md_cell(report, element_label(&touchpoint->base));
        md_cell(report, element_label(&touchpoint->stage->base));
        md_cell(report, md_effort(report, touchpoint));
        md_cell(report, md_emotion(report, touchpoint->has_emotion, touchpoint->emotion));
        md_cell(report, touchpoint->pain);
        md_cell(report, touchpoint->is_truth ? "yes" : NULL);
        md_row_end(report);
    }
}

/* One line per path, each arrow a real hop: a branch says where it starts. */
static void md_journey_paths(md_report *report, const jrn_journey *journey)
{
    size_t path_count;
    const report_path *paths = report_journey_paths(report->arena, report->model, journey, &path_count);
    md_raw(report, "Paths:\n\n");
    if (path_count == 0 && journey->step_count > 0) {
        md_raw(report, "- ");
        md_label(report, &journey->steps[0]->base);
        md_raw(report, "\n");
    }
    for (size_t p = 0; p < path_count; p++) {
        md_raw(report, paths[p].branches ? "- from " : "- ");
        md_label(report, &journey->hops[paths[p].first].from->base);
        for (size_t h = paths[p].first; h < paths[p].first + paths[p].count; h++) {
            md_raw(report, " → ");
            md_label(report, &journey->hops[h].to->base);
        }
        md_raw(report, "\n");
    }
    md_raw(report, "\n");
}

static void md_journey(md_report *report, const jrn_journey *journey)
{
    static const char *const columns[] = {"From", "To", "Rate", "After", "Note"};
    md_heading(report, "###", element_label(&journey->base));
    if (journey->persona_count > 0) {
        md_raw(report, "*For: ");
        md_text(report, report_join_personas(report->arena, journey->personas, journey->persona_count, ", "));
        md_raw(report, "*\n\n");
    }
    if (journey->goal != NULL) {
        md_raw(report, "*Goal:* ");
        md_text(report, journey->goal);
        md_raw(report, "\n\n");
    }
    md_journey_paths(report, journey);
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t h = 0; h < journey->hop_count; h++) {
        const jrn_hop *hop = &journey->hops[h];
        md_row_start(report);
        md_cell(report, element_label(&hop->from->base));
        md_cell(report, element_label(&hop->to->base));
        md_cell(report, hop->has_rate ? report_rate_text(report->arena, hop->rate) : NULL);
        md_cell(report, hop->has_after ? report_duration_text(report->arena, hop->after) : NULL);
        md_cell(report, !hop->goes_back ? NULL
                        : hop->is_declared_loop ? "loops back (declared)" : "loops back (undeclared)");
        md_row_end(report);
    }
}

static void md_journeys(md_report *report)
{
    md_heading(report, "##", "Journeys");
    if (report->model->journey_count == 0) md_raw(report, "*No journeys declared.*\n");
    for (size_t j = 0; j < report->model->journey_count; j++) md_journey(report, report->model->journeys[j]);
}

static const char *md_kpi_place(md_report *report, const jrn_kpi *kpi)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: return arena_printf(report->arena, "Stage: %s", element_label(&kpi->on_stage->base));
    case KPI_ON_TOUCHPOINT:
        return arena_printf(report->arena, "Touchpoint: %s", element_label(&kpi->on_touchpoint->base));
    case KPI_ON_JOURNEY: return arena_printf(report->arena, "Journey: %s", element_label(&kpi->on_journey->base));
    }
    return NULL;
}

static void md_kpis(md_report *report)
{
    static const char *const columns[] = {"Metric", "Measured at", "Target", "Every", "Owner", "Why",
                                          "Actual", "Status", "Trend"};
    const jrn_model *model = report->model;
    md_heading(report, "##", "KPIs");
    if (model->kpi_count == 0) {
        md_raw(report, "*No KPIs declared.*\n");
        return;
    }
    if (report->actuals != NULL) {
        md_raw(report, "Measured data: ");
        md_text(report, report_kpi_summary(report->arena, model, report->actuals));
        md_raw(report, ".\n\n");
    }
    /* The last three columns only with measured data. */
    md_table_head(report, columns, sizeof columns / sizeof columns[0] - (report->actuals != NULL ? 0 : 3));
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        const char *better = better_name(kpi->metric->better);
        md_row_start(report);
        md_cell(report, element_label(&kpi->metric->base));
        md_cell(report, md_kpi_place(report, kpi));
        md_cell(report, !kpi->has_target ? NULL
                        : better != NULL ? arena_printf(report->arena, "%s (%s is better)", kpi->target.text, better)
                                         : kpi->target.text);
        md_cell(report, frequency_name(kpi->every));
        md_cell(report, kpi->owner != NULL ? element_label(&kpi->owner->base) : NULL);
        md_cell(report, kpi->why);
        if (report->actuals != NULL) {
            report_kpi_actual actual = report_kpi_actual_of(report->actuals, kpi);
            md_cell(report, report_actual_text(report->arena, &actual));
            md_cell(report, report_status_text(actual.status));
            md_cell(report, report_trend_text(report->arena, &actual));
        }
        md_row_end(report);
    }
}

/* The gap analysis of the internal view against the customer view: the map's emotion
 * beside what customers report, wherever the data has a report. */
static void md_reported_emotion_row(md_report *report, const jrn_element *element, bool has_emotion,
                                    double emotion)
{
    const jrn_actual *reported = data_reported_emotion(report->actuals, element);
    if (reported == NULL) return;
    md_row_start(report);
    md_cell(report, arena_printf(report->arena, "%s: %s", element->kind == KIND_STAGE ? "Stage" : "Touchpoint",
                                 element_label(element)));
    md_cell(report, has_emotion ? report_emotion_text(report->arena, report->model, emotion) : NULL);
    md_cell(report, report_reported_emotion_text(report->arena, report->model, reported));
    md_cell(report, has_emotion ? report_signed_text(report->arena, reported->latest.value.value - emotion) : NULL);
    md_row_end(report);
}

static void md_reported_emotions(md_report *report)
{
    static const char *const columns[] = {"Where", "The map says", "Customers report", "Gap"};
    const jrn_model *model = report->model;
    if (report->actuals == NULL) return;
    md_heading(report, "##", "What customers report");
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < model->stage_count; i++)
        md_reported_emotion_row(report, &model->stages[i]->base, model->stages[i]->has_emotion,
                                model->stages[i]->emotion);
    for (size_t i = 0; i < model->touchpoint_count; i++)
        md_reported_emotion_row(report, &model->touchpoints[i]->base, model->touchpoints[i]->has_emotion,
                                model->touchpoints[i]->emotion);
}

static void md_triggers(md_report *report)
{
    static const char *const columns[] = {"Trigger", "Touchpoint", "Stage", "Who acts"};
    const report_facts *facts = report->facts;
    md_heading(report, "##", "Proactive-service triggers");
    if (facts->trigger_count == 0) {
        md_raw(report, "*None declared.*\n");
        return;
    }
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < facts->trigger_count; i++) {
        const jrn_touchpoint *touchpoint = facts->triggers[i];
        md_row_start(report);
        md_cell(report, touchpoint->notes->trigger);
        md_cell(report, element_label(&touchpoint->base));
        md_cell(report, element_label(&touchpoint->stage->base));
        md_cell_open(report);
        md_touchpoint_owner(report, touchpoint);
        md_cell_close(report);
        md_row_end(report);
    }
}

static void md_opportunities(md_report *report)
{
    static const char *const columns[] = {"Opportunity", "Touchpoint", "Stage"};
    const report_facts *facts = report->facts;
    md_heading(report, "##", "Opportunities");
    if (facts->opportunity_count == 0 && report_stage_opportunity_count(report->model) == 0) {
        md_raw(report, "*None declared.*\n");
        return;
    }
    md_table_head(report, columns, sizeof columns / sizeof columns[0]);
    /* the stages' own first, in spine order, then the touchpoints' */
    for (size_t s = 0; s < report->model->stage_count; s++) {
        const jrn_stage *stage = report->model->stages[s];
        for (size_t o = 0; o < stage->opportunities.count; o++) {
            md_row_start(report);
            md_cell(report, stage->opportunities.items[o]);
            md_cell(report, "(the stage as a whole)");
            md_cell(report, element_label(&stage->base));
            md_row_end(report);
        }
    }
    for (size_t i = 0; i < facts->opportunity_count; i++) {
        const jrn_touchpoint *touchpoint = facts->opportunities[i];
        for (size_t o = 0; o < touchpoint->notes->opportunities.count; o++) {
            md_row_start(report);
            md_cell(report, touchpoint->notes->opportunities.items[o]);
            md_cell(report, element_label(&touchpoint->base));
            md_cell(report, element_label(&touchpoint->stage->base));
            md_row_end(report);
        }
    }
}

static void md_duty_cell(md_report *report, const report_duty *duty)
{
    md_cell_open(report);
    const char *separator = "";
    if (duty->owns_stage) {
        md_raw(report, "**owns the stage**");
        separator = "<br>";
    }
    for (size_t t = 0; t < duty->touchpoint_count; t++) {
        md_raw(report, separator);
        md_label(report, &duty->touchpoints[t]->base);
        separator = "<br>";
    }
    for (size_t k = 0; k < duty->kpi_count; k++) {
        md_raw(report, separator);
        md_raw(report, "KPI: ");
        md_label(report, &duty->kpis[k]->metric->base);
        separator = "<br>";
    }
    md_cell_close(report);
}

static void md_accountability_row(md_report *report, const jrn_team *team, const char *name)
{
    const jrn_model *model = report->model;
    md_row_start(report);
    md_cell_open(report);
    md_raw(report, "**");
    md_text(report, name);
    md_raw(report, "**");
    md_cell_close(report);
    for (size_t s = 0; s < report->facts->duty_stage_count; s++)
        md_duty_cell(report, report_duty_of(report->facts, team, model->stages[s]));
    md_row_end(report);
}

static void md_accountability(md_report *report)
{
    const jrn_model *model = report->model;
    md_heading(report, "##", "Accountability matrix");
    md_raw(report, "What each team answers for in each stage: the stage itself, its touchpoints "
                   "(a touchpoint without an owner falls to its stage's owner) and its KPIs.\n\n");
    size_t stages = report->facts->duty_stage_count;
    if (stages < model->stage_count)
        strbuf_printf(report->out, "*The first %zu of %zu stages have a column.*\n\n", stages, model->stage_count);
    md_row_start(report);
    md_cell(report, "Team");
    for (size_t s = 0; s < stages; s++) md_cell(report, element_label(&model->stages[s]->base));
    md_row_end(report);
    md_row_start(report);
    for (size_t c = 0; c < stages + 1; c++) md_raw(report, " --- |");
    md_row_end(report);
    for (size_t t = 0; t < model->team_count; t++)
        md_accountability_row(report, model->teams[t], element_label(&model->teams[t]->base));
    if (report->facts->unowned_count > 0) md_accountability_row(report, NULL, "No owner");
}

/* The map as a Mermaid journey diagram that code hosts draw inline (emit_mermaid.c makes
 * every string safe inside it; no line of it can close the fence). */
static void md_mermaid(md_report *report, jrn_diag_list *diags)
{
    static const jrn_emit_options full = {0};
    md_raw(report, "\n```mermaid\n");
    emit_mermaid(report->model, &full, report->out, diags);
    md_raw(report, "```\n");
}

bool emit_md(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
             jrn_diag_list *diags)
{
    /* A report covers the whole map, whatever the view; measured data is overlaid. */
    jrn_arena *arena = arena_new();
    md_report report = {out, arena, model, report_facts_build(arena, model), options ? options->actuals : NULL};
    md_header(&report);
    if (options == NULL || !options->no_mermaid) md_mermaid(&report, diags);
    md_glance(&report);
    md_spine(&report);
    md_canvas(&report);
    md_heat_map(&report);
    md_pains(&report);
    md_truths(&report);
    md_stages(&report);
    md_blueprint(&report);
    md_segments(&report);
    md_personas(&report);
    md_journeys(&report);
    md_kpis(&report);
    md_reported_emotions(&report);
    md_triggers(&report);
    md_opportunities(&report);
    md_accountability(&report);
    arena_free(arena);
    return true;
}
