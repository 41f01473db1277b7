/* compile.c — the front end as one call: load and parse the files, then resolve the model. */
#include "jrn/compile.h"
#include "jrn/memory.h"

#include <stdlib.h>

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

/* The syntax trees live while sema reads them; the model keeps copies of what it needs,
 * so they go as soon as it is built. */
static bool compile_source(jrn_compilation *compilation, const jrn_source *root,
                           const jrn_compile_options *options)
{
    /* A syntax tree takes about eight bytes for each byte of the map, the model about five
     * (docs/performance.md): told so, an arena for a large map takes huge pages. */
    jrn_arena *syntax_arena = arena_new();
    arena_expect(syntax_arena, (size_t)root->length * 8);
    arena_expect(compilation->arena, (size_t)root->length * 5);
    jrn_sema sema;
    sema_init(&sema, compilation->arena, syntax_arena, &compilation->diags, options);
    /* Name resolution on a file that did not parse would only add noise to the syntax errors. */
    bool loaded = sema_load_root(&sema, root);
    bool ok = loaded && sema_resolve(&sema) && compilation->diags.error_count == 0;
    compilation->files = sema.model->files;
    compilation->file_count = sema.model->file_count;
    sema_dispose(&sema);
    arena_free(syntax_arena);
    compilation->model = ok ? sema.model : NULL;
    compilation->resolved_model = loaded ? sema.model : NULL;
    return ok;
}

bool compile_file(jrn_compilation *compilation, const char *path,
                  const jrn_compile_options *options)
{
    jrn_load_status status;
    const char *error_text;
    jrn_source *root = source_load(compilation->arena, path, &status, &error_text);
    if (root == NULL) {
        compilation->root_unreadable = true;
        diag_error(&compilation->diags, span_none(), "cannot read '%s': %s", path, error_text);
        return false;
    }
    return compile_source(compilation, root, options);
}

bool compile_memory(jrn_compilation *compilation, const char *display_name, const char *bytes,
                    size_t length, const jrn_compile_options *options)
{
    jrn_source *root = source_from_memory(compilation->arena, display_name, bytes, length);
    return compile_source(compilation, root, options);
}
