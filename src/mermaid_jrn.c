/* mermaid_jrn.c — a Mermaid journey document as a .jrn map, written in jrnc fmt's
 * canonical layout (docs/formatting.md) so that `jrnc fmt` leaves it as it is. */
#include "jrn/mermaid_jrn.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"
#include "jrn/namespace.h"
#include "jrn/report_format.h"

/* The widest one-line block jrnc fmt keeps on one line. */
enum { JRN_ONE_LINE_WIDTH = 100, JRN_ID_LENGTH = 40 };

typedef struct jrn_writer {
    jrn_arena *arena;
    jrn_strbuf *out;
    jrn_namespace ids;             /* every id given out or reserved */
    jrn_namespace actors;          /* actor name -> its persona (an element keyed by name) */
    jrn_namespace suffixes;        /* an id many titles share -> the last suffix it was given (index) */
    const char **persona_ids;      /* by the actor's place in actors.ordered */
} jrn_writer;

static const char *const jrn_keywords[] = {
    "use", "map", "extend", "in", "for", "segment", "persona", "team", "channel", "stage",
    "touchpoint", "journey", "metric", "kpi",
};

static jrn_element *writer_element(jrn_writer *writer, const char *id)
{
    jrn_element *element = arena_alloc(writer->arena, sizeof *element);
    element->id = id;
    return element;
}

static void writer_reserve(jrn_writer *writer, const char *id)
{
    if (id != NULL && namespace_find(&writer->ids, id) == NULL) namespace_add(&writer->ids, writer_element(writer, id));
}

/* Every id the prelude declares: an imported name must not replace one. */
static void writer_reserve_model(jrn_writer *writer, const jrn_model *model)
{
    for (size_t i = 0; i < sizeof jrn_keywords / sizeof jrn_keywords[0]; i++) writer_reserve(writer, jrn_keywords[i]);
    if (model == NULL) return;
    writer_reserve(writer, model->map.base.id);
    for (size_t i = 0; i < model->segment_count; i++) writer_reserve(writer, model->segments[i]->base.id);
    for (size_t i = 0; i < model->persona_count; i++) writer_reserve(writer, model->personas[i]->base.id);
    for (size_t i = 0; i < model->team_count; i++) writer_reserve(writer, model->teams[i]->base.id);
    for (size_t i = 0; i < model->channel_count; i++) writer_reserve(writer, model->channels[i]->base.id);
    for (size_t i = 0; i < model->stage_count; i++) writer_reserve(writer, model->stages[i]->base.id);
    for (size_t i = 0; i < model->touchpoint_count; i++) writer_reserve(writer, model->touchpoints[i]->base.id);
    for (size_t i = 0; i < model->journey_count; i++) writer_reserve(writer, model->journeys[i]->base.id);
    for (size_t i = 0; i < model->metric_count; i++) writer_reserve(writer, model->metrics[i]->base.id);
}

/* An id from a title: lower-case ASCII letters and digits, every other run of characters
 * one '_', at most JRN_ID_LENGTH long; kind_word first when it would start with a digit,
 * kind_word alone when nothing is left; then _2, _3... until no id has it. */
static const char *writer_new_id(jrn_writer *writer, const char *title, const char *kind_word)
{
    jrn_strbuf id = STRBUF_INIT;
    for (const char *c = title != NULL ? title : ""; *c != '\0' && id.length < JRN_ID_LENGTH; c++) {
        char lower = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
        bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (keep) {
            if (id.length == 0 && lower >= '0' && lower <= '9') strbuf_printf(&id, "%s_", kind_word);
            strbuf_putc(&id, lower);
        } else if (id.length > 0 && id.data[id.length - 1] != '_') {
            strbuf_putc(&id, '_');
        }
    }
    while (id.length > 0 && id.data[id.length - 1] == '_') id.data[--id.length] = '\0';
    if (id.length == 0) strbuf_puts(&id, kind_word);
    const char *base = arena_strdup(writer->arena, strbuf_text(&id));
    strbuf_free(&id);
    const char *candidate = base;
    if (namespace_find(&writer->ids, base) != NULL) {
        /* Ids are never given back, so every suffix up to the last one this base was given
         * is taken: the search goes on from there, and a thousand tasks of one title cost a
         * thousand tries, not half a million. */
        jrn_element *last = namespace_find(&writer->suffixes, base);
        if (last == NULL) {
            last = writer_element(writer, base);
            last->index = 1;
            namespace_add(&writer->suffixes, last);
        }
        do candidate = arena_printf(writer->arena, "%s_%u", base, (unsigned)++last->index);
        while (namespace_find(&writer->ids, candidate) != NULL);
    }
    namespace_add(&writer->ids, writer_element(writer, candidate));
    return candidate;
}

/* A .jrn string literal, escaped as jrnc fmt writes it. */
static void writer_string(jrn_strbuf *out, const char *text)
{
    strbuf_putc(out, '"');
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        if (*c == '"' || *c == '\\') strbuf_printf(out, "\\%c", *c);
        else if (*c == '\n') strbuf_puts(out, "\\n");
        else if (*c == '\t') strbuf_puts(out, "\\t");
        else if (*c < 0x20 || *c == 0x7f) strbuf_printf(out, "\\u{%X}", *c);
        else strbuf_putc(out, (char)*c);
    }
    strbuf_putc(out, '"');
}

/* Code points from byte offset begin to the end: the width fmt measures a line by. */
static size_t writer_width(const jrn_strbuf *out, size_t begin)
{
    size_t width = 0;
    for (size_t i = begin; i < out->length; i++) width += ((unsigned char)out->data[i] & 0xC0) != 0x80;
    return width;
}

/* The persona of an actor (its place in actors.ordered), declared on first sight. */
static uint32_t writer_persona(jrn_writer *writer, const char *actor)
{
    const jrn_element *known = namespace_find(&writer->actors, actor);
    if (known != NULL) return known->index;
    jrn_element *element = writer_element(writer, actor);
    element->index = (uint32_t)writer->actors.count;
    size_t count = writer->actors.count;
    ARENA_PUSH(writer->arena, writer->persona_ids, count, writer_new_id(writer, actor, "persona"));
    namespace_add(&writer->actors, element);
    return element->index;
}

/* Each task's personas, each once, in the order written; tasks numbered across diagrams. */
typedef struct writer_task_personas {
    uint32_t *personas;
    size_t count;
} writer_task_personas;

static writer_task_personas *writer_all_personas(jrn_writer *writer, const mermaid_document *document,
                                                 size_t *task_count)
{
    writer_task_personas *tasks = NULL;
    size_t count = 0;
    uint32_t *last_task = NULL;   /* per persona: 1 + the last task that named it */
    size_t last_count = 0;
    for (size_t j = 0; j < document->journey_count; j++) {
        const mermaid_journey *journey = &document->journeys[j];
        for (size_t s = 0; s < journey->section_count; s++) {
            for (size_t t = 0; t < journey->sections[s].task_count; t++) {
                const mermaid_task *task = &journey->sections[s].tasks[t];
                writer_task_personas entry = {NULL, 0};
                for (size_t a = 0; a < task->actor_count; a++) {
                    uint32_t persona = writer_persona(writer, task->actors[a]);
                    while (last_count <= persona) ARENA_PUSH(writer->arena, last_task, last_count, 0);
                    if (last_task[persona] == count + 1) continue;
                    last_task[persona] = (uint32_t)(count + 1);
                    ARENA_PUSH(writer->arena, entry.personas, entry.count, persona);
                }
                ARENA_PUSH(writer->arena, tasks, count, entry);
            }
        }
    }
    *task_count = count;
    return tasks;
}

/* "  touchpoint ID "Name" { persona: a, b  emotion: 1 }", expanded when wider than fmt
 * keeps a line. */
static void writer_touchpoint(jrn_writer *writer, const mermaid_task *task, const writer_task_personas *personas,
                              const char *id)
{
    jrn_strbuf *out = writer->out;
    jrn_strbuf members[2] = {STRBUF_INIT, STRBUF_INIT};
    size_t member_count = 0;
    if (personas->count > 0) {
        strbuf_puts(&members[member_count], "persona: ");
        for (size_t i = 0; i < personas->count; i++)
            strbuf_printf(&members[member_count], "%s%s", i > 0 ? ", " : "", writer->persona_ids[personas->personas[i]]);
        member_count++;
    }
    if (task->has_score)
        strbuf_printf(&members[member_count++], "emotion: %s", number_text(writer->arena, task->score - 3));
    size_t line = out->length;
    strbuf_printf(out, "  touchpoint %s ", id);
    writer_string(out, task->name);
    if (member_count > 0) {
        size_t header = out->length;
        strbuf_puts(out, " {");
        for (size_t i = 0; i < member_count; i++) strbuf_printf(out, " %s%s", strbuf_text(&members[i]), i + 1 < member_count ? " " : "");
        strbuf_puts(out, " }");
        if (writer_width(out, line) > JRN_ONE_LINE_WIDTH) {
            out->length = header;
            strbuf_puts(out, " {\n");
            for (size_t i = 0; i < member_count; i++) strbuf_printf(out, "    %s\n", strbuf_text(&members[i]));
            strbuf_puts(out, "  }");
        }
    }
    strbuf_putc(out, '\n');
    for (size_t i = 0; i < 2; i++) strbuf_free(&members[i]);
}

/* A stage per section, a touchpoint per task; task_ids[n] is the id of task n. */
static void writer_stages(jrn_writer *writer, const mermaid_journey *journey, const writer_task_personas *personas,
                          const char **task_ids, size_t *task_number)
{
    jrn_strbuf *out = writer->out;
    for (size_t s = 0; s < journey->section_count; s++) {
        const mermaid_section *section = &journey->sections[s];
        const char *name = section->name != NULL ? section->name : "";
        strbuf_printf(out, "\nstage %s", writer_new_id(writer, name, section->name != NULL ? "stage" : "tasks"));
        if (name[0] != '\0') {
            strbuf_putc(out, ' ');
            writer_string(out, name);
        }
        if (section->task_count == 0) {
            strbuf_putc(out, '\n');
            continue;
        }
        strbuf_puts(out, " {\n");
        for (size_t t = 0; t < section->task_count; t++, (*task_number)++) {
            task_ids[*task_number] = writer_new_id(writer, section->tasks[t].name, "task");
            writer_touchpoint(writer, &section->tasks[t], &personas[*task_number], task_ids[*task_number]);
        }
        strbuf_puts(out, "}\n");
    }
}

/* Per persona of tasks [first, first + count), a journey through their tasks in order (a
 * persona with one task walks no journey: a chain needs two steps). */
static void writer_journeys(jrn_writer *writer, const writer_task_personas *personas, const char **task_ids,
                            size_t first, size_t count, const char *suffix)
{
    size_t persona_count = writer->actors.count;
    jrn_strbuf *chains = memory_calloc(persona_count, sizeof *chains);
    size_t *steps = memory_calloc(persona_count, sizeof *steps);
    for (size_t n = first; n < first + count; n++) {
        for (size_t i = 0; i < personas[n].count; i++) {
            uint32_t p = personas[n].personas[i];
            strbuf_printf(&chains[p], "%s%s", steps[p]++ > 0 ? " -> " : "", task_ids[n]);
        }
    }
    jrn_strbuf *out = writer->out;
    for (size_t p = 0; p < persona_count; p++) {
        if (steps[p] >= 2) {
            const char *persona = writer->persona_ids[p], *actor = writer->actors.ordered[p]->id;
            const char *id = writer_new_id(writer, arena_printf(writer->arena, "%s journey%s", persona, suffix), "journey");
            strbuf_printf(out, "\njourney %s ", id);
            writer_string(out, arena_printf(writer->arena, "%s%s", actor, suffix));
            strbuf_printf(out, " for %s {\n  %s\n}\n", persona, strbuf_text(&chains[p]));
        }
        strbuf_free(&chains[p]);
    }
    free(chains);
    free(steps);
}

/* The map: its id from the first title (or the file's name), its description from the
 * first accessible description. */
static void writer_map(jrn_writer *writer, const mermaid_document *document, const char *origin)
{
    const char *title = NULL, *description = NULL;
    for (size_t j = 0; j < document->journey_count; j++) {
        const mermaid_journey *journey = &document->journeys[j];
        if (title == NULL) title = journey->title != NULL ? journey->title : journey->acc_title;
        if (description == NULL) description = journey->acc_descr;
    }
    jrn_strbuf *out = writer->out;
    strbuf_printf(out, "map %s", writer_new_id(writer, title != NULL ? title : origin, "journey_map"));
    if (title != NULL) {
        strbuf_putc(out, ' ');
        writer_string(out, title);
    }
    if (description != NULL) {
        strbuf_puts(out, " {\n  description: ");
        writer_string(out, description);
        strbuf_puts(out, "\n}");
    }
    strbuf_putc(out, '\n');
}

void mermaid_write_jrn(const mermaid_document *document, const char *origin, const jrn_model *prelude,
                       jrn_strbuf *out)
{
    jrn_writer writer = {arena_new(), out, {0}, {0}, {0}, NULL};
    namespace_init(&writer.ids);
    namespace_init(&writer.actors);
    namespace_init(&writer.suffixes);
    writer_reserve_model(&writer, prelude);
    strbuf_puts(out, "# Imported from ");
    for (const char *c = origin; *c != '\0'; c++) strbuf_putc(out, (unsigned char)*c < 0x20 ? '?' : *c);
    strbuf_puts(out, " by jrnc import mermaid.\n\n");
    writer_map(&writer, document, origin);
    /* Every actor is a persona, declared in order of first appearance. */
    size_t task_count;
    writer_task_personas *personas = writer_all_personas(&writer, document, &task_count);
    if (writer.actors.count > 0) strbuf_putc(out, '\n');
    for (size_t a = 0; a < writer.actors.count; a++) {
        strbuf_printf(out, "persona %s ", writer.persona_ids[a]);
        writer_string(out, writer.actors.ordered[a]->id);
        strbuf_putc(out, '\n');
    }
    const char **task_ids = arena_alloc_array(writer.arena, task_count ? task_count : 1, sizeof *task_ids);
    size_t *firsts = arena_alloc_array(writer.arena, document->journey_count + 1, sizeof *firsts);
    for (size_t j = 0, n = 0; j < document->journey_count; j++) {
        firsts[j] = n;
        writer_stages(&writer, &document->journeys[j], personas, task_ids, &n);
        firsts[j + 1] = n;
    }
    /* Several diagrams: each journey says which one it walks. */
    for (size_t j = 0; j < document->journey_count; j++) {
        const mermaid_journey *journey = &document->journeys[j];
        const char *suffix = document->journey_count == 1 ? ""
                             : journey->title != NULL ? arena_printf(writer.arena, " — %s", journey->title)
                                                      : arena_printf(writer.arena, " %zu", j + 1);
        writer_journeys(&writer, personas, task_ids, firsts[j], firsts[j + 1] - firsts[j], suffix);
    }
    namespace_free(&writer.ids);
    namespace_free(&writer.actors);
    namespace_free(&writer.suffixes);
    arena_free(writer.arena);
}
