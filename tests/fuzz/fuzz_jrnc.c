/* fuzz_jrnc.c — libFuzzer harness over the whole pipeline: parse, resolve, and every back
 * end that reads the model. Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>

#include "jrn/compile.h"
#include "jrn/emit_dot.h"
#include "jrn/flow.h"
#include "jrn/lint.h"

#ifndef JRN_FUZZ_STDLIB
#define JRN_FUZZ_STDLIB "stdlib"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_FUZZ_STDLIB;
    jrn_compilation *compilation = compile_new();
    if (compile_memory(compilation, "fuzz.jrn", (const char *)data, size, &options)) {
        /* Back ends run on every model the front end accepts. */
        const jrn_model *model = compilation->model;
        jrn_lint_options lint_options;
        lint_options_init(&lint_options, (jrn_date){2026, 11, 23});
        lint_model(model, &lint_options, &compilation->diags);
        /* DOT for every view; layout (libgvc) is Graphviz's code, not ours: left out. */
        jrn_emit_options view = {0};
        jrn_strbuf dot = STRBUF_INIT;
        emit_dot(model, &view, &dot, &compilation->diags);
        view.view = VIEW_SPINE;
        emit_dot(model, &view, &dot, &compilation->diags);
        if (model->journey_count > 0) {
            view.view = VIEW_JOURNEY;
            view.view_journey = model->journeys[0];
            emit_dot(model, &view, &dot, &compilation->diags);
        }
        if (model->persona_count > 0) {
            view.view = VIEW_PERSONA;
            view.view_persona = model->personas[0];
            emit_dot(model, &view, &dot, &compilation->diags);
        }
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
    compile_free(compilation);
    return 0;
}
