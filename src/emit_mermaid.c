/* emit_mermaid.c — `-f mermaid`: the map as a Mermaid `journey` diagram (a section per
 * block of the spine as written, a task per touchpoint scored from its emotion, its
 * personas as actors), every user string made safe for Mermaid's journey grammar so the
 * output always parses. */
#include "jrn/emit.h"
#include "jrn/terminal_text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jrn/memory.h"
#include "jrn/report_format.h"

/* Where a user string goes: each place of Mermaid's journey grammar (journey.jison) ends
 * its text at different characters. */
typedef enum mermaid_place {
    MERMAID_LINE,     /* title, accTitle, accDescr: ends at a newline; title also at # and ;
                       * and its HTML is sanitised */
    MERMAID_SECTION,  /* section NAME: also ends at ':' */
    MERMAID_TASK,     /* TASK: score: actors: also ends at ':'; may not start with a keyword */
    MERMAID_ACTOR,    /* one actor of a task: also ends at ',' */
} mermaid_place;

typedef struct mermaid_writer {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_model *model;
    const jrn_emit_options *options;
    bool *steps;                 /* steps[t]: touchpoint t is a step of --view journey=ID */
    size_t *visit_start;         /* see mermaid_index_visits */
    const jrn_journey **visitors;
    size_t *stamps;              /* per persona: the last collection that took it */
    size_t collection;           /* how many times actors were collected (stamps start at 0) */
    const jrn_persona **actors;  /* mermaid_collect_actors's result */
    size_t actor_count;
} mermaid_writer;

/* The fullwidth forms that stand in for the characters Mermaid would read as syntax. */
static void mermaid_put_replacement(jrn_strbuf *out, char character)
{
    switch (character) {
    case ':': strbuf_put_codepoint(out, 0xFF1A); break;
    case ';': strbuf_put_codepoint(out, 0xFF1B); break;
    case '#': strbuf_put_codepoint(out, 0xFF03); break;
    case ',': strbuf_put_codepoint(out, 0xFF0C); break;
    case '<': strbuf_put_codepoint(out, 0xFF1C); break;
    case '>': strbuf_put_codepoint(out, 0xFF1E); break;
    case '%': strbuf_put_codepoint(out, 0xFF05); break;
    case '&': strbuf_put_codepoint(out, 0xFF06); break;
    default: strbuf_putc(out, character); break;
    }
}

static bool mermaid_is_space(char character)
{
    return character == ' ' || (unsigned char)character < 0x20 || character == 0x7f;
}

/* The length of the white space JavaScript's \s and trim() take that starts text (an
 * ASCII blank or control character, or a Unicode space such as U+00A0 or U+3000), or 0. */
static size_t mermaid_space_at(const char *text, size_t length)
{
    if (length == 0) return 0;
    if (mermaid_is_space(text[0])) return 1;
    static const char *const spaces[] = {
        "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83",
        "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89",
        "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
        "\xEF\xBB\xBF",
    };
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
        size_t space_length = strlen(spaces[i]);
        if (length >= space_length && memcmp(text, spaces[i], space_length) == 0) return space_length;
    }
    return 0;
}

/* The length of the white space (as mermaid_space_at) that ends text[0..length), or 0. */
static size_t mermaid_space_before(const char *text, size_t length)
{
    for (size_t back = 1; back <= 3 && back <= length; back++) {
        if (mermaid_space_at(text + length - back, back) == back) return back;
    }
    return 0;
}

/* True when Mermaid's lexer, which tries its rules in order and takes the first that
 * matches, would read the start of a task name as a keyword: "journey", "title ",
 * "section ", "accTitle", "accDescr" (any case). */
static bool mermaid_starts_with_keyword(const char *text, size_t length)
{
    static const struct { const char *word; bool needs_space; } keywords[] = {
        {"journey", false}, {"title", true}, {"section", true}, {"acctitle", false}, {"accdescr", false},
    };
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        size_t word_length = strlen(keywords[i].word);
        if (length < word_length || strncasecmp(text, keywords[i].word, word_length) != 0) continue;
        if (!keywords[i].needs_space) return true;
        if (length > word_length && mermaid_is_space(text[word_length])) return true;
    }
    return false;
}

static bool mermaid_replaces(char character, mermaid_place place)
{
    switch (character) {
    case '#': case ';': case '<': case '>': return true;
    case ':': return place != MERMAID_LINE;
    case '&': return place == MERMAID_LINE;   /* Mermaid shows a title's '&' as "&amp;" */
    case ',': return place == MERMAID_ACTOR;
    default: return false;
    }
}

/* Appends text for its place: control characters become spaces, blanks at either end
 * (Unicode's spaces too, which Mermaid's lexer skips and its trim() drops) go, a '%' that starts the text or follows another (Mermaid's lexer reads either
 * as a comment) and the characters that end the place's text become their fullwidth forms, and a task name that would read as a
 * keyword starts with a zero-width space. Returns false, writing nothing, when nothing is
 * left. */
static bool mermaid_put_text(jrn_strbuf *out, const char *text, mermaid_place place)
{
    if (text == NULL) return false;
    size_t start = 0, end = strlen(text);
    for (size_t space; start < end && (space = mermaid_space_at(text + start, end - start)) > 0;) start += space;
    for (size_t space; end > start && (space = mermaid_space_before(text + start, end - start)) > 0;) end -= space;
    if (start == end) return false;
    if (place == MERMAID_TASK && mermaid_starts_with_keyword(text + start, end - start))
        strbuf_put_codepoint(out, 0x200B);
    for (size_t i = start; i < end; i++) {
        char character = text[i];
        /* Bidirectional controls and line separators would make the diagram (and the
         * Markdown report it sits in) read in another order than it is written: dropped, as
         * the Markdown escaper drops them. */
        size_t invisible = terminal_text_invisible_control_length(text + i);
        if (invisible > 0) {
            i += invisible - 1;
            continue;
        }
        if (mermaid_is_space(character)) strbuf_putc(out, ' ');
        else if (character == '%' && (i == start || text[i - 1] == '%')) mermaid_put_replacement(out, '%');
        else if (mermaid_replaces(character, place)) mermaid_put_replacement(out, character);
        else strbuf_putc(out, character);
    }
    return true;
}

/* An element's title for its place, or its id when the title leaves nothing. */
static void mermaid_put_label(jrn_strbuf *out, const jrn_element *element, mermaid_place place)
{
    if (!mermaid_put_text(out, element->title, place)) mermaid_put_text(out, element->id, place);
}

/* A sub-stage's section is named after its stages from the top: "Onboard / Set up". */
static void mermaid_put_stage_name(jrn_strbuf *out, const jrn_stage *stage)
{
    if (stage->parent != NULL) {
        mermaid_put_stage_name(out, stage->parent);
        strbuf_puts(out, " / ");
    }
    mermaid_put_label(out, &stage->base, MERMAID_SECTION);
}

/* Indexes, for every touchpoint, the journeys that step on it (each journey once per
 * touchpoint, as steps are distinct): visit_start[t] .. visit_start[t + 1] in visitors. */
static void mermaid_index_visits(mermaid_writer *writer)
{
    const jrn_model *model = writer->model;
    writer->visit_start = memory_calloc(model->touchpoint_count + 1, sizeof *writer->visit_start);
    size_t total = 0;
    for (size_t j = 0; j < model->journey_count; j++) {
        for (size_t s = 0; s < model->journeys[j]->step_count; s++) writer->visit_start[model->journeys[j]->steps[s]->base.index + 1]++;
        total += model->journeys[j]->step_count;
    }
    for (size_t t = 0; t < model->touchpoint_count; t++) writer->visit_start[t + 1] += writer->visit_start[t];
    writer->visitors = memory_calloc(total, sizeof *writer->visitors);
    size_t *filled = memory_calloc(model->touchpoint_count, sizeof *filled);
    for (size_t j = 0; j < model->journey_count; j++) {
        for (size_t s = 0; s < model->journeys[j]->step_count; s++) {
            size_t t = model->journeys[j]->steps[s]->base.index;
            writer->visitors[writer->visit_start[t] + filled[t]++] = model->journeys[j];
        }
    }
    free(filled);
}

static int mermaid_by_persona_index(const void *a, const void *b)
{
    uint32_t left = (*(const jrn_persona *const *)a)->base.index, right = (*(const jrn_persona *const *)b)->base.index;
    return (left > right) - (left < right);
}

static void mermaid_add_actor(mermaid_writer *writer, const jrn_persona *persona)
{
    if (writer->stamps[persona->base.index] == writer->collection) return;
    writer->stamps[persona->base.index] = writer->collection;
    writer->actors[writer->actor_count++] = persona;
}

/* The actors of a touchpoint into writer->actors, in the personas' order: the personas it
 * names, or, when it names none, those whose journeys step on it. */
static void mermaid_collect_actors(mermaid_writer *writer, const jrn_touchpoint *touchpoint)
{
    writer->actor_count = 0;
    writer->collection++;
    for (uint32_t i = 0; i < touchpoint->persona_count; i++) mermaid_add_actor(writer, touchpoint->personas[i]);
    if (touchpoint->persona_count == 0) {
        size_t t = touchpoint->base.index;
        for (size_t v = writer->visit_start[t]; v < writer->visit_start[t + 1]; v++) {
            for (size_t p = 0; p < writer->visitors[v]->persona_count; p++)
                mermaid_add_actor(writer, writer->visitors[v]->personas[p]);
        }
    }
    qsort(writer->actors, writer->actor_count, sizeof *writer->actors, mermaid_by_persona_index);
}

/* Whether persona is an actor of touchpoint (see mermaid_collect_actors). */
static bool mermaid_is_actor(mermaid_writer *writer, const jrn_touchpoint *touchpoint, const jrn_persona *persona)
{
    mermaid_collect_actors(writer, touchpoint);
    for (size_t i = 0; i < writer->actor_count; i++) {
        if (writer->actors[i] == persona) return true;
    }
    return false;
}

static bool mermaid_journey_has_persona(const jrn_journey *journey, const jrn_persona *persona)
{
    for (size_t i = 0; i < journey->persona_count; i++) {
        if (journey->personas[i] == persona) return true;
    }
    return false;
}

/* Whether an actor is shown: --view persona=ID shows that persona only, --view journey=ID
 * the journey's personas (all when it names none). */
static bool mermaid_shows_actor(const mermaid_writer *writer, const jrn_persona *persona)
{
    const jrn_emit_options *options = writer->options;
    if (options->view == VIEW_PERSONA) return persona == options->view_persona;
    if (options->view == VIEW_JOURNEY && options->view_journey->persona_count > 0)
        return mermaid_journey_has_persona(options->view_journey, persona);
    return true;
}

static bool mermaid_stage_within(const jrn_stage *stage, const jrn_stage *ancestor)
{
    for (; stage != NULL; stage = stage->parent) {
        if (stage == ancestor) return true;
    }
    return false;
}

/* Whether the view shows a touchpoint: --view journey=ID its steps, persona=ID those the
 * persona is an actor of, stage=ID those of the stage and its sub-stages. */
static bool mermaid_shows_touchpoint(mermaid_writer *writer, const jrn_touchpoint *touchpoint)
{
    const jrn_emit_options *options = writer->options;
    switch (options->view) {
    case VIEW_JOURNEY: return writer->steps[touchpoint->base.index];
    case VIEW_PERSONA: return mermaid_is_actor(writer, touchpoint, options->view_persona);
    case VIEW_STAGE: return mermaid_stage_within(touchpoint->stage, options->view_stage);
    default: return true;
    }
}

/* The emotion a task is scored from: the touchpoint's, else its stage's (or the nearest
 * enclosing stage's); false when neither says one. */
static bool mermaid_emotion(const jrn_touchpoint *touchpoint, double *emotion)
{
    if (touchpoint->has_emotion) {
        *emotion = touchpoint->emotion;
        return true;
    }
    for (const jrn_stage *stage = touchpoint->stage; stage != NULL; stage = stage->parent) {
        if (stage->has_emotion) {
            *emotion = stage->emotion;
            return true;
        }
    }
    return false;
}

/* The emotion scale (-2..2 unless the map sets another) mapped onto Mermaid's 1..5. */
static double mermaid_score(const jrn_model *model, double emotion)
{
    double span = model->emotion_high - model->emotion_low;
    if (span <= 0) return 3;
    return 1 + 4 * (emotion - model->emotion_low) / span;
}

static void mermaid_task(mermaid_writer *writer, const jrn_touchpoint *touchpoint)
{
    const jrn_model *model = writer->model;
    jrn_strbuf *out = writer->out;
    double emotion = 0;
    bool has_emotion = mermaid_emotion(touchpoint, &emotion);
    /* Ids are identifiers: safe in a comment as they are. */
    if (!has_emotion)
        strbuf_printf(out, "        %%%% %s: no emotion here or on its stage, scored 3 (neutral)\n", touchpoint->base.id);
    strbuf_puts(out, "        ");
    mermaid_put_label(out, &touchpoint->base, MERMAID_TASK);
    strbuf_printf(out, ": %s", number_text(writer->arena, has_emotion ? mermaid_score(model, emotion) : 3));
    bool first = true;
    mermaid_collect_actors(writer, touchpoint);
    for (size_t i = 0; i < writer->actor_count; i++) {
        const jrn_persona *persona = writer->actors[i];
        if (!mermaid_shows_actor(writer, persona)) continue;
        strbuf_puts(out, first ? ": " : ", ");
        first = false;
        mermaid_put_label(out, &persona->base, MERMAID_ACTOR);
    }
    strbuf_putc(out, '\n');
}

/* A section per block of the spine as written (a run of a stage's own touchpoints, or a
 * sub-stage), so tasks read in spine order: a stage's touchpoints written after its
 * sub-stage follow that sub-stage's, under a second section of the stage's name. A block
 * with no task shown is left out, except a stage with neither touchpoints nor sub-stages,
 * shown empty in the views it belongs to. */
static void mermaid_section(void *context, jrn_spine_block block)
{
    mermaid_writer *writer = context;
    const jrn_stage *stage = block.stage;
    bool any = false;
    for (size_t i = block.first; i < block.first + block.count; i++)
        any |= mermaid_shows_touchpoint(writer, stage->touchpoints[i]);
    bool empty_leaf = stage->touchpoint_count == 0 && stage->child_count == 0 &&
                      (writer->options->view == VIEW_FULL ||
                       (writer->options->view == VIEW_STAGE && mermaid_stage_within(stage, writer->options->view_stage)));
    if (!any && !empty_leaf) return;
    strbuf_puts(writer->out, "    section ");
    mermaid_put_stage_name(writer->out, stage);
    strbuf_putc(writer->out, '\n');
    for (size_t i = block.first; i < block.first + block.count; i++) {
        if (mermaid_shows_touchpoint(writer, stage->touchpoints[i])) mermaid_task(writer, stage->touchpoints[i]);
    }
}

/* "    KEYWORD text\n" with the text made safe for a line, or nothing when no text is left. */
static void mermaid_line(jrn_strbuf *out, const char *keyword, const char *text, const jrn_element *after)
{
    size_t mark = out->length;
    strbuf_printf(out, "    %s", keyword);
    if (!mermaid_put_text(out, text, MERMAID_LINE)) {
        out->length = mark;
        out->data[mark] = '\0';
        return;
    }
    if (after != NULL) {
        strbuf_puts(out, " — ");
        mermaid_put_label(out, after, MERMAID_LINE);
    }
    strbuf_putc(out, '\n');
}

/* The map's title (with what a --view shows), and its accessible title and description. */
static void mermaid_header(mermaid_writer *writer)
{
    jrn_strbuf *out = writer->out;
    const jrn_emit_options *options = writer->options;
    const jrn_element *shown = options->view == VIEW_JOURNEY   ? &options->view_journey->base
                             : options->view == VIEW_PERSONA ? &options->view_persona->base
                             : options->view == VIEW_STAGE   ? &options->view_stage->base
                                                              : NULL;
    jrn_strbuf title = STRBUF_INIT;
    mermaid_put_label(&title, &writer->model->map.base, MERMAID_LINE);
    const char *map_title = title.length > 0 ? strbuf_text(&title) : "Journey map";
    strbuf_puts(out, "journey\n");
    mermaid_line(out, "title ", map_title, shown);
    mermaid_line(out, "accTitle: ", map_title, shown);
    mermaid_line(out, "accDescr: ", writer->model->map.description, NULL);
    strbuf_free(&title);
}

bool emit_mermaid(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
                  jrn_diag_list *diags)
{
    (void)diags;
    static const jrn_emit_options full = {0};
    mermaid_writer writer = {out, arena_new(), model, options != NULL ? options : &full,
                             memory_calloc(model->touchpoint_count, sizeof *writer.steps), NULL, NULL,
                             memory_calloc(model->persona_count, sizeof *writer.stamps), 0,
                             memory_calloc(model->persona_count, sizeof *writer.actors), 0};
    mermaid_index_visits(&writer);
    if (writer.options->view == VIEW_JOURNEY) {
        for (size_t i = 0; i < writer.options->view_journey->step_count; i++)
            writer.steps[writer.options->view_journey->steps[i]->base.index] = true;
    }
    mermaid_header(&writer);
    for (size_t i = 0; i < model->stage_count; i++)
        if (model->stages[i]->parent == NULL) model_visit_spine_blocks(model->stages[i], mermaid_section, &writer);
    free(writer.steps);
    free(writer.visit_start);
    free(writer.visitors);
    free(writer.stamps);
    free(writer.actors);
    arena_free(writer.arena);
    return true;
}
