/* sema.c — runs the semantic phases in order over the loaded files. */
#include "jrn/sema.h"

#include <stdlib.h>
#include <string.h>

void sema_init(jrn_sema *sema, jrn_arena *arena, jrn_diag_list *diags,
               const jrn_compile_options *options)
{
    memset(sema, 0, sizeof *sema);
    sema->arena = arena;
    sema->diags = diags;
    sema->options = options;
    sema->kept_syntax = arena_new();
    sema->model = arena_alloc(arena, sizeof *sema->model);
    sema->model->map.base.kind = KIND_MAP;
    sema->model->emotion_low = -2;
    sema->model->emotion_high = 2;
    for (int kind = 0; kind < KIND_COUNT; kind++) namespace_init(&sema->names[kind]);
    sema_index_properties(sema);
}

void sema_dispose(jrn_sema *sema)
{
    for (int kind = 0; kind < KIND_COUNT; kind++) namespace_free(&sema->names[kind]);
    free(sema->loading);
    sema->loading = NULL;
    for (size_t f = 0; sema->file_outlines != NULL && f < sema->model->file_count; f++) {
        sema_free_outlines(&sema->file_outlines[f]);
    }
    free(sema->file_outlines);
    sema->file_outlines = NULL;
    free(sema->decls);
    sema->decls = NULL;
    if (!sema->arrays_settled) sema_free_unsettled(sema);
    sema_free_journey_scratch(sema);
    sema_one_pass_dispose(sema);
    arena_free(sema->kept_syntax);   /* the model points at none of it */
    sema->kept_syntax = NULL;
}

bool sema_resolve(jrn_sema *sema)
{
    sema_declare_all(sema);
    sema_apply_all_members(sema);
    return sema_complete(sema);
}

bool sema_complete(jrn_sema *sema)
{
    size_t errors_before = sema->diags->error_count;
    sema_finalize_structure(sema);
    sema_finish_journeys(sema);
    sema_check_model(sema);
    return sema->diags->error_count == errors_before;
}
