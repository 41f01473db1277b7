/* fuzz_jrnc.c — libFuzzer harness over the whole pipeline: parse, resolve, and every back
 * end that reads the model; and the formatter's promises. Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dot/agwrite_copy.h"
#include "jrn/compile.h"
#include "jrn/diff_model.h"
#include "jrn/dot_graph.h"
#include "jrn/emit.h"
#include "jrn/flow.h"
#include "jrn/fmt.h"
#include "jrn/lint.h"

#ifndef JRN_FUZZ_STDLIB
#define JRN_FUZZ_STDLIB "stdlib"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What jrnc fmt promises on any input: its output formats to itself, and when the input
 * compiles, the output compiles to a model in which jrnc diff finds no change. A broken
 * promise aborts, so the fuzzer keeps the input. */
static void fuzz_formatter(const uint8_t *data, size_t size, const jrn_compilation *original,
                           const jrn_compile_options *options)
{
    jrn_arena *arena = arena_new();
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    const jrn_source *source = source_from_memory(arena, "fuzz.jrn", (const char *)data, size);
    jrn_strbuf once = STRBUF_INIT, twice = STRBUF_INIT;
    jrn_fmt_status status = fmt_format_source(arena, source, &diags, &once);
    if (status == FMT_NOT_EQUIVALENT) abort();
    if (status == FMT_OK) {
        const jrn_source *formatted = source_from_memory(arena, "fuzz.jrn", strbuf_text(&once), once.length);
        if (fmt_format_source(arena, formatted, &diags, &twice) != FMT_OK || twice.length != once.length ||
            memcmp(strbuf_text(&twice), strbuf_text(&once), once.length) != 0) {
            abort();
        }
        if (original->model != NULL) {
            jrn_compilation *again = compile_new();
            if (!compile_memory(again, "fuzz.jrn", strbuf_text(&once), once.length, options)) abort();
            if (diff_models(arena, original->model, again->model).count != 0) abort();
            compile_free(again);
        }
    }
    strbuf_free(&once);
    strbuf_free(&twice);
    arena_free(arena);
}

/* A view as DOT, and jrnc's DOT writer held to Graphviz's agwrite on it: a difference
 * aborts, so the fuzzer keeps the input. */
static void fuzz_dot_view(const jrn_model *model, const jrn_emit_options *view, jrn_diag_list *diags)
{
    jrn_strbuf dot = STRBUF_INIT, reference = STRBUF_INIT;
    jrn_arena *arena = arena_new();
    dot_doc *doc = dot_graph_build(model, view, arena, diags);
    if (doc && !agwrite_copy_agrees(doc, &dot, &reference)) abort();
    arena_free(arena);
    strbuf_free(&dot);
    strbuf_free(&reference);
}

/* Every diagnostic as the user would read it, source line and caret included. */
static void fuzz_render_diags(const jrn_compilation *compilation, jrn_strbuf *out)
{
    for (const jrn_diag *diag = compilation->diags.first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, out, false);
    }
}

/* Two compilations of the same bytes must agree: same diagnostics (rendered, source
 * lines included), and the same JSON model when they compiled. */
static void fuzz_require_same(const jrn_compilation *want_from, const jrn_compilation *got_from, bool got_compiled)
{
    if (got_compiled != (want_from->model != NULL)) abort();
    jrn_strbuf want = STRBUF_INIT, got = STRBUF_INIT;
    fuzz_render_diags(want_from, &want);
    fuzz_render_diags(got_from, &got);
    if (want.length != got.length || memcmp(strbuf_text(&want), strbuf_text(&got), want.length) != 0) abort();
    if (got_compiled) {
        jrn_emit_options view = {0};
        strbuf_clear(&want);
        strbuf_clear(&got);
        emit_json(want_from->model, &view, &want, NULL);
        emit_json(got_from->model, &view, &got, NULL);
        if (want.length != got.length || memcmp(strbuf_text(&want), strbuf_text(&got), want.length) != 0) abort();
    }
    strbuf_free(&want);
    strbuf_free(&got);
}

/* A map read from disk must compile exactly as the same bytes in memory. The file is
 * named like the in-memory source and sits in the folder "use" resolves from for both. */
static void fuzz_from_file(const uint8_t *data, size_t size, const jrn_compilation *in_memory,
                           const jrn_compile_options *options)
{
    FILE *file = fopen("fuzz.jrn", "wb");
    if (file == NULL) abort();
    if (size > 0 && fwrite(data, 1, size, file) != size) abort();
    if (fclose(file) != 0) abort();
    jrn_compilation *from_disk = compile_new();
    fuzz_require_same(in_memory, from_disk, compile_file(from_disk, "fuzz.jrn", options));
    compile_free(from_disk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_FUZZ_STDLIB;
    jrn_compilation *compilation = compile_new();
    bool compiled = compile_memory(compilation, "fuzz.jrn", (const char *)data, size, &options);
    /* Before the back ends add their findings to the diagnostics. */
    fuzz_from_file(data, size, compilation, &options);
    if (compiled) {
        /* Back ends run on every model the front end accepts. */
        const jrn_model *model = compilation->model;
        jrn_lint_options lint_options;
        lint_options_init(&lint_options);
        lint_options.today = (jrn_date){2026, 11, 23};
        lint_model(model, &lint_options, &compilation->diags);
        /* DOT for every view; layout (libgvc) is Graphviz's code, not ours: left out. */
        jrn_emit_options view = {0};
        fuzz_dot_view(model, &view, &compilation->diags);
        view.view = VIEW_SPINE;
        fuzz_dot_view(model, &view, &compilation->diags);
        view.view = VIEW_FLOW;
        fuzz_dot_view(model, &view, &compilation->diags);
        if (model->journey_count > 0) {
            view.view = VIEW_JOURNEY;
            view.view_journey = model->journeys[0];
            fuzz_dot_view(model, &view, &compilation->diags);
        }
        if (model->persona_count > 0) {
            view.view = VIEW_PERSONA;
            view.view_persona = model->personas[0];
            fuzz_dot_view(model, &view, &compilation->diags);
        }
        /* The reports that need no layout engine (HTML's graph is Graphviz's own code). */
        view = (jrn_emit_options){0};
        jrn_strbuf dot = STRBUF_INIT;
        emit_json(model, &view, &dot, &compilation->diags);
        emit_md(model, &view, &dot, &compilation->diags);
        emit_csv(model, &view, &dot, &compilation->diags);
        strbuf_free(&dot);
        for (size_t i = 0; i < model->journey_count; i++) {
            jrn_journey_flow flow;
            flow_journey(compilation->arena, model, model->journeys[i], NULL, &compilation->diags, &flow);
        }
    }
    jrn_strbuf rendered = STRBUF_INIT;
    for (const jrn_diag *diag = compilation->diags.first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, &rendered, false);
        strbuf_clear(&rendered);
    }
    strbuf_free(&rendered);
    fuzz_formatter(data, size, compilation, &options);
    compile_free(compilation);
    return 0;
}
