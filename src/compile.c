/* compile.c — the front end as one call: load and parse the files, then resolve the model. */
#include "jrn/compile.h"
#include "jrn/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/sema.h"

jrn_compilation *compile_new(void)
{
    jrn_compilation *compilation = memory_calloc(1, sizeof *compilation);
    compilation->arena = arena_new();
    diag_list_init(&compilation->diags, compilation->arena);
    return compilation;
}

void compile_free(jrn_compilation *compilation)
{
    if (compilation == NULL) return;
    arena_free(compilation->arena);
    free(compilation);
}

/* The single pass (sema_one_pass.c) into the compilation's arena, reporting into a list of
 * its own: true with the model complete, or false with everything made since mark undone. */
static bool compile_in_one_pass(jrn_compilation *compilation, const jrn_source *root,
                                const jrn_compile_options *options, jrn_arena_mark mark, bool *ok)
{
    jrn_diag_list attempt_diags;
    diag_list_init(&attempt_diags, compilation->arena);
    jrn_sema sema;
    sema_init(&sema, compilation->arena, &attempt_diags, options);
    sema.one_pass = true;
    bool done = sema_load_root(&sema, root) && sema_one_pass_finish(&sema);
    compilation->built_in_one_pass = done;
    if (done) {
        sema.diags = &compilation->diags;   /* empty so far, or the pass would have given up */
        *ok = sema_complete(&sema) && compilation->diags.error_count == 0;
        compilation->model = *ok ? sema.model : NULL;
    } else if (sema.input_changed) {
        /* A file changed while it was read: that stops the run, as in two passes. Its
         * message has no place; the others point into text that was not read whole. */
        for (const jrn_diag *diag = attempt_diags.first; diag != NULL; diag = diag->next) {
            if (diag->span.source == NULL) diag_error(&compilation->diags, span_none(), "%s", diag->message);
        }
        compilation->root_unreadable = true;
        *ok = false;
        done = true;
    }
    sema_dispose(&sema);
    if (!done) arena_rollback(compilation->arena, mark);
    return done;
}

static bool compile_in_two_passes(jrn_compilation *compilation, const jrn_source *root,
                                  const jrn_compile_options *options)
{
    jrn_sema sema;
    sema_init(&sema, compilation->arena, &compilation->diags, options);
    /* Name resolution on a file that did not parse would only add noise to the syntax errors. */
    bool ok = sema_load_root(&sema, root) && sema_resolve(&sema) && compilation->diags.error_count == 0;
    sema_dispose(&sema);
    if (sema.input_changed) compilation->root_unreadable = true;   /* an I/O failure, not the map's */
    compilation->model = ok ? sema.model : NULL;
    return ok;
}

static bool compile_report_unreadable(jrn_compilation *compilation, const char *path, const char *error_text)
{
    compilation->root_unreadable = true;
    diag_error(&compilation->diags, span_none(), "cannot read '%s': %s", path, error_text);
    return false;
}

bool compile_file(jrn_compilation *compilation, const char *path,
                  const jrn_compile_options *options)
{
    jrn_load_status status;
    const char *error_text;
    bool ok;
    /* Read from disk at each parse, not held: a big map's text is never in memory whole.
     * The single pass opens it unread (its one parse indexes it), and two passes again. */
    bool is_standard_input = strcmp(path, "-") == 0;
    if (!options->two_passes && !is_standard_input) {
        jrn_arena_mark mark = arena_mark(compilation->arena);
        jrn_source *root = source_open_unread(compilation->arena, path, &status, &error_text);
        if (root == NULL) return compile_report_unreadable(compilation, path, error_text);
        if (compile_in_one_pass(compilation, root, options, mark, &ok)) return ok;
    }
    /* Standard input is read once, whole, for both ways. */
    jrn_source *root = source_open(compilation->arena, path, &status, &error_text);
    if (root == NULL) return compile_report_unreadable(compilation, path, error_text);
    if (!options->two_passes && is_standard_input &&
        compile_in_one_pass(compilation, root, options, arena_mark(compilation->arena), &ok)) {
        return ok;
    }
    return compile_in_two_passes(compilation, root, options);
}

bool compile_memory(jrn_compilation *compilation, const char *display_name, const char *bytes,
                    size_t length, const jrn_compile_options *options)
{
    jrn_source *root = source_from_memory(compilation->arena, display_name, bytes, length);
    bool ok;
    if (!options->two_passes && compile_in_one_pass(compilation, root, options, arena_mark(compilation->arena), &ok)) {
        return ok;
    }
    return compile_in_two_passes(compilation, root, options);
}
