/* references_check.c — holds the model's references to what they promise: every name
 * written in a map that resolves is recorded once, at the span where it is written, and
 * that span's text is the id of the element it resolves to. Prints one PASS: or FAIL: line
 * per map named on the command line (tests/suites/references.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/compile.h"

#ifndef JRN_CHECK_STDLIB
#define JRN_CHECK_STDLIB "stdlib"
#endif

/* NULL when every reference holds, else why the first one does not. */
static const char *references_problem(const jrn_model *model, jrn_arena *arena)
{
    for (size_t i = 0; i < model->reference_count; i++) {
        const jrn_reference *reference = &model->references[i];
        const jrn_span span = reference->span;
        const char *id = reference->target->id;
        if (span.source == NULL || id == NULL) return arena_printf(arena, "reference %zu has no span or no id", i);
        size_t length = span.end - span.begin;
        if (length != strlen(id) || memcmp(span.source->text + span.begin, id, length) != 0) {
            return arena_printf(arena, "reference %zu at %s:%u reads '%.*s', not '%s'", i,
                                span.source->display_name, source_position(span.source, span.begin).line,
                                (int)length, span.source->text + span.begin, id);
        }
        if (i > 0 && model->references[i - 1].span.source == span.source &&
            model->references[i - 1].span.begin == span.begin) {
            return arena_printf(arena, "reference %zu is recorded twice", i);
        }
    }
    return NULL;
}

/* The uses a map must hold at least: --expect N (how many references to that element id). */
static size_t references_to(const jrn_model *model, const char *id)
{
    size_t count = 0;
    for (size_t i = 0; i < model->reference_count; i++) {
        if (strcmp(model->references[i].target->id, id) == 0) count++;
    }
    return count;
}

int main(int argc, char **argv)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_CHECK_STDLIB;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        /* "FILE:ID=N": the map's references to ID must number exactly N. */
        char path[4096];
        snprintf(path, sizeof path, "%s", argv[i]);
        char *expectation = strchr(path, ':');
        if (expectation != NULL) *expectation++ = '\0';
        jrn_compilation *compilation = compile_new();
        const char *problem = NULL;
        if (!compile_file(compilation, path, &options)) {
            problem = "does not compile";
        } else {
            problem = references_problem(compilation->model, compilation->arena);
            if (problem == NULL && expectation != NULL) {
                char *equals = strchr(expectation, '=');
                size_t wanted = equals != NULL ? (size_t)strtoul(equals + 1, NULL, 10) : 0;
                if (equals != NULL) *equals = '\0';
                size_t got = references_to(compilation->model, expectation);
                if (equals == NULL || got != wanted) {
                    problem = arena_printf(compilation->arena, "%zu references to '%s', expected %zu", got,
                                           expectation, wanted);
                }
            }
        }
        if (problem != NULL) failed++;
        printf("%s: references of %s%s%s\n", problem ? "FAIL" : "PASS", argv[i], problem ? ": " : "", problem ? problem : "");
        compile_free(compilation);
    }
    return failed > 0;
}
