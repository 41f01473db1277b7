/* sema_syntax.c — the syntax sema reads, one top-level item at a time: the loading parse
 * (sema_load.c) loads uses and outlines declarations; once every name is declared, the
 * applying parse (sema_members.c) reads the files again for their members. Keeping a big
 * map's whole tree instead costs ten times the text (a touchpoint line of 140 bytes is
 * 1.2 KB of nodes); parsing again from a hot item-sized arena costs less than that
 * memory does. Most maps need only the loading parse: the single pass (sema_one_pass.c)
 * applies each item as it is met, and these two passes run when it gives up. */
#include "jrn/sema.h"

bool sema_walk_items(jrn_sema *sema, bool (*take)(void *data, jrn_ast_item *item), void *data)
{
    jrn_item_sink sink = {take, data, sema->kept_syntax, false};
    /* Loading reported what the text itself gets wrong (bad bytes, dates, escapes) and
     * kept its comments: this parse's copies of them go to a scratch arena. */
    jrn_arena *scratch = arena_new();
    jrn_diag_list already_reported;
    diag_list_init(&already_reported, scratch);
    const jrn_model *model = sema->model;
    bool unchanged = true;
    for (size_t f = 0; f < model->file_count && unchanged; f++) {
        const jrn_source *source = model->files[f].source;
        if (!parse_source_items(scratch, source, &already_reported, &sink, false)->changed_while_read) continue;
        parse_report_changed_source(sema->diags, source);
        sema->input_changed = true;
        unchanged = false;
    }
    arena_free(scratch);
    return unchanged;
}

const jrn_ast_value *sema_copy_values(jrn_sema *sema, const jrn_ast_value *values)
{
    jrn_ast_value *first = NULL, **link = &first;
    for (const jrn_ast_value *value = values; value != NULL; value = value->next) {
        jrn_ast_value *copy = arena_alloc(sema->arena, sizeof *copy);
        *copy = *value;
        if (value->text != NULL) copy->text = arena_strdup(sema->arena, value->text);
        if (value->kind == VALUE_RANGE && value->range != NULL) {
            jrn_ast_range *range = arena_alloc(sema->arena, sizeof *range);
            *range = *value->range;
            copy->range = range;
        }
        copy->next = NULL;
        *link = copy;
        link = &copy->next;
    }
    return first;
}
