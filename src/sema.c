/* sema.c — runs the semantic passes in order over the loaded files. */
#include "jrn/sema.h"

#include <stdlib.h>
#include <string.h>

void sema_init(jrn_sema *sema, jrn_arena *arena, jrn_arena *syntax_arena, jrn_diag_list *diags,
               const jrn_compile_options *options)
{
    memset(sema, 0, sizeof *sema);
    sema->arena = arena;
    sema->syntax_arena = syntax_arena;
    sema->diags = diags;
    sema->options = options;
    sema->model = arena_alloc(arena, sizeof *sema->model);
    sema->model->map.base.kind = KIND_MAP;
    sema->model->emotion_low = -2;
    sema->model->emotion_high = 2;
    for (int kind = 0; kind < KIND_COUNT; kind++) namespace_init(&sema->names[kind]);
    sema_index_properties(sema);
}

/* The references grew on the heap while resolving; the model keeps them at their size. */
static void sema_settle_references(jrn_sema *sema)
{
    jrn_model *model = sema->model;
    model->reference_count = sema->reference_count;
    model->references = arena_alloc_array(sema->arena, sema->reference_count + 1, sizeof *model->references);
    if (sema->reference_count > 0) {
        memcpy(model->references, sema->references, sema->reference_count * sizeof *model->references);
    }
    free(sema->references);
    sema->references = NULL;
    sema->reference_count = 0;
}

void sema_dispose(jrn_sema *sema)
{
    for (int kind = 0; kind < KIND_COUNT; kind++) namespace_free(&sema->names[kind]);
    free(sema->loading);
    sema->loading = NULL;
    free(sema->loaded_identities);
    sema->loaded_identities = NULL;
    free(sema->trees);
    sema->trees = NULL;
    free(sema->decls);
    sema->decls = NULL;
    free(sema->replaced);
    sema->replaced = NULL;
    if (!sema->arrays_settled) sema_free_unsettled(sema);
    sema_settle_references(sema);
    sema_free_journey_scratch(sema);
}

bool sema_resolve(jrn_sema *sema)
{
    size_t errors_before = sema->diags->error_count;
    sema_declare_all(sema);
    sema_apply_all_members(sema);
    sema_finalize_structure(sema);
    sema_finish_journeys(sema);
    sema_check_model(sema);
    return sema->diags->error_count == errors_before;
}
