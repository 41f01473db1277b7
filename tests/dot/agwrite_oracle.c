/* agwrite_oracle.c — holds jrnc's DOT writer to Graphviz's: for every map given, every view
 * (full, spine, flow, each journey, each persona) is built once, written by dot_write, and
 * copied into libcgraph and written by agwrite. The two texts must be the same bytes.
 * Prints a PASS: or FAIL: line per map (tests/suites/dot-oracle.sh). */
#include <stdio.h>
#include <string.h>

#include "agwrite_copy.h"
#include "jrn/compile.h"
#include "jrn/dot_graph.h"

#ifndef JRN_ORACLE_STDLIB
#define JRN_ORACLE_STDLIB "stdlib"
#endif

/* The first line where the two texts part, for the failure message. */
static void agwrite_oracle_report(const char *path, const char *view, const char *ours, const char *theirs)
{
    size_t line = 1, start = 0;
    for (size_t i = 0; ours[i] == theirs[i] && ours[i]; i++)
        if (ours[i] == '\n') line++, start = i + 1;
    const char *our_end = strchr(ours + start, '\n'), *their_end = strchr(theirs + start, '\n');
    int our_length = our_end ? (int)(our_end - ours - start) : (int)strlen(ours + start);
    int their_length = their_end ? (int)(their_end - theirs - start) : (int)strlen(theirs + start);
    printf("FAIL: agwrite oracle %s --view %s\n  line %zu\n  dot_write: %.*s\n  agwrite:   %.*s\n", path,
           view, line, our_length > 300 ? 300 : our_length, ours + start,
           their_length > 300 ? 300 : their_length, theirs + start);
}

/* True when the view's two texts agree (or the view draws nothing for this map). */
static bool agwrite_oracle_view(const char *path, const jrn_model *model, const jrn_emit_options *options,
                                const char *view_kind)
{
    char view[512];
    const jrn_element *shown = options->view == VIEW_JOURNEY   ? &options->view_journey->base
                               : options->view == VIEW_PERSONA ? &options->view_persona->base
                                                               : NULL;
    if (shown) snprintf(view, sizeof view, "%.*s%.200s", (int)(strchr(view_kind, '=') - view_kind + 1),
                        view_kind, shown->id);
    else snprintf(view, sizeof view, "%s", view_kind);
    jrn_arena *arena = arena_new();
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    dot_doc *doc = dot_graph_build(model, options, arena, &diags);
    bool same = true;
    if (doc) {
        jrn_strbuf ours = STRBUF_INIT, theirs = STRBUF_INIT;
        same = agwrite_copy_agrees(doc, &ours, &theirs);
        if (!same) agwrite_oracle_report(path, view, strbuf_text(&ours), strbuf_text(&theirs));
        strbuf_free(&ours);
        strbuf_free(&theirs);
    }
    arena_free(arena);
    return same;
}

static bool agwrite_oracle_map(const char *path, const jrn_model *model)
{
    bool same = true;
    jrn_emit_options options = {0};
    same &= agwrite_oracle_view(path, model, &options, "full");
    options.view = VIEW_SPINE;
    same &= agwrite_oracle_view(path, model, &options, "spine");
    options.view = VIEW_FLOW;
    same &= agwrite_oracle_view(path, model, &options, "flow");
    options.view = VIEW_JOURNEY;
    for (size_t i = 0; i < model->journey_count; i++) {
        options.view_journey = model->journeys[i];
        same &= agwrite_oracle_view(path, model, &options, "journey=ID");
    }
    options.view = VIEW_PERSONA;
    for (size_t i = 0; i < model->persona_count; i++) {
        options.view_persona = model->personas[i];
        same &= agwrite_oracle_view(path, model, &options, "persona=ID");
    }
    return same;
}

int main(int argc, char **argv)
{
    int failures = 0;
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_ORACLE_STDLIB;
    for (int i = 1; i < argc; i++) {
        jrn_compilation *compilation = compile_new();
        if (!compile_file(compilation, argv[i], &options)) {
            printf("FAIL: agwrite oracle %s\n  does not compile\n", argv[i]);
            failures++;
        } else if (agwrite_oracle_map(argv[i], compilation->model)) {
            printf("PASS: agwrite oracle %s\n", argv[i]);
        } else {
            failures++;
        }
        compile_free(compilation);
    }
    return failures > 0;
}
