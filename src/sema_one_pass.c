/* sema_one_pass.c — declares and applies each item as the loading parse meets it, so a
 * map is parsed once instead of twice (a third of the time of `jrnc check` on a big map).
 *
 * Two passes declare every name before they apply any member. One pass gets the same
 * model because applying a declaration changes only its own elements: an item that names
 * something declared further on (a map header naming its owner team, say) is taken back
 * and applied at the end, once everything is declared, as two passes would; extends are
 * declared and applied at the end too, after the items taken back, as in two passes.
 * The single pass gives up, and compile.c starts again with two passes, on what it
 * cannot do the same way: anything reported at all (a message may depend on every name:
 * a did-you-mean, a "first set here"), a use after a declaration, a metric after an
 * emotion was read against the scale or an extend of a metric (two passes apply metrics
 * first), a stage saying 'in' taken back (a sub-stage reads whether its stage is a
 * sub-stage), or more syntax taken back than SEMA_DEFERRED_SYNTAX_LIMIT (a map that
 * names everything before declaring it would otherwise keep its whole tree). */
#include "jrn/sema.h"
#include "jrn/memory.h"

#include <stdlib.h>
#include <string.h>

/* Syntax kept for items applied at the end, beyond which two passes cost less memory. */
#define SEMA_DEFERRED_SYNTAX_LIMIT (4u * 1024u * 1024u)

/* An item applied once everything is declared: its declarations are sema->decls from
 * first_record on, in order. */
typedef struct sema_deferred_item {
    jrn_ast_decl *decl;
    size_t first_record;
} sema_deferred_item;

static bool sema_one_pass_reported(const jrn_sema *sema)
{
    const jrn_diag_list *diags = sema->diags;
    return diags->error_count + diags->warning_count + diags->note_count + diags->dropped_count != 0;
}

void sema_one_pass_give_up(jrn_sema *sema)
{
    sema->one_pass_given_up = true;
}

void sema_one_pass_dispose(jrn_sema *sema)
{
    free(sema->deferred);
    sema->deferred = NULL;
    sema->deferred_count = 0;
    free(sema->element_snapshot);
    sema->element_snapshot = NULL;
    sema->element_snapshot_size = 0;
}

/* Copies the elements of records [first, end) as declared, before they are applied. */
static void sema_snapshot_elements(jrn_sema *sema, size_t first, size_t end)
{
    size_t size = 0;
    for (size_t r = first; r < end; r++) size += sema_element_size(sema->decls[r].element->kind);
    if (size > sema->element_snapshot_size) {
        sema->element_snapshot = memory_realloc_array(sema->element_snapshot, size, 1);
        sema->element_snapshot_size = size;
    }
    unsigned char *cursor = sema->element_snapshot;
    for (size_t r = first; r < end; r++) {
        const jrn_element *element = sema->decls[r].element;
        size_t element_size = sema_element_size(element->kind);
        memcpy(cursor, element, element_size);
        cursor += element_size;
    }
}

/* Puts the elements of records [first, end) back as declared: nothing applied to them. */
static void sema_restore_elements(jrn_sema *sema, size_t first, size_t end)
{
    const unsigned char *cursor = sema->element_snapshot;
    for (size_t r = first; r < end; r++) {
        jrn_element *element = sema->decls[r].element;
        if (element->kind == KIND_JOURNEY) sema_forget_journey_marks(sema, (const jrn_journey *)element);
        size_t element_size = sema_element_size(element->kind);
        memcpy(element, cursor, element_size);
        cursor += element_size;
        sema->set_slots[element->kind][element->kind == KIND_MAP ? 0 : element->index] = 0;
        sema->decls[r].decl = NULL;
    }
}

/* Applies the item, or takes it back entirely when it reported anything: the model, the
 * messages and the arena as they were. True when it was applied. */
static bool sema_try_apply(jrn_sema *sema, jrn_ast_decl *decl, size_t first_record)
{
    size_t end = sema->decl_count;
    sema_snapshot_elements(sema, first_record, end);
    jrn_arena_mark mark = arena_mark(sema->arena);
    sema_apply_item(sema, decl, first_record);
    if (!sema_one_pass_reported(sema)) return true;
    sema_restore_elements(sema, first_record, end);
    diag_list_init(sema->diags, sema->arena);   /* it was empty: the pass gives up otherwise */
    arena_rollback(sema->arena, mark);
    return false;
}

/* A sub-stage's 'in' reads whether its stage is itself a sub-stage, which a stage saying
 * 'in' sets when applied: such a stage may not be applied out of order. */
static bool sema_places_a_stage(const jrn_ast_decl *decl)
{
    if (decl->kind == KIND_STAGE && decl->in_names != NULL) return true;
    for (const jrn_ast_member *member = decl->members; member != NULL; member = member->next) {
        if (member->kind == MEMBER_DECL && sema_places_a_stage(member->decl)) return true;
    }
    return false;
}

/* Keeps the item to apply at the end; false when the single pass must give up instead. */
static bool sema_defer(jrn_sema *sema, jrn_ast_decl *decl, size_t first_record)
{
    bool applied_early = decl->kind == KIND_METRIC;   /* its scale checks what follows */
    if (applied_early || sema_places_a_stage(decl) ||
        arena_bytes_used(sema->kept_syntax) > SEMA_DEFERRED_SYNTAX_LIMIT) {
        return false;
    }
    sema_deferred_item deferred = {decl, first_record};
    MEMORY_PUSH(sema->deferred, sema->deferred_count, deferred);
    return true;
}

bool sema_one_pass_take(jrn_sema *sema, sema_file_outline *file, jrn_ast_item *item)
{
    if (sema->one_pass_given_up || item->kind != ITEM_DECL) return false;
    jrn_ast_decl *decl = item->decl;
    /* A metric's scale checks every emotion read after it, and two passes read none
     * before: neither a metric after an emotion nor an extend of a metric (two passes
     * apply it before everything else) can be applied in order. */
    bool needs_two_passes = (decl->kind == KIND_METRIC && (decl->is_extend || sema->emotion_scale_used)) ||
                            sema_one_pass_reported(sema);
    if (needs_two_passes) {
        sema_one_pass_give_up(sema);
        return false;
    }
    /* An extend is declared and applied at the end, after everything it might extend
     * (loading keeps its syntax). */
    if (decl->is_extend) return false;
    if (sema->set_slots[KIND_MAP] == NULL) sema->set_slots[KIND_MAP] = memory_calloc(1, sizeof(uint64_t));
    size_t first_record = sema->decl_count;
    sema_declare_outlines(sema, file);
    /* The item's outline is declared: the next item starts a new one (in the same room). */
    file->outline_count = 0;
    if (sema_one_pass_reported(sema)) {
        sema_one_pass_give_up(sema);
        return false;
    }
    if (!sema_try_apply(sema, decl, first_record)) {
        if (sema_defer(sema, decl, first_record)) return true;
        sema_one_pass_give_up(sema);
        return false;
    }
    if (decl->kind == KIND_METRIC) {
        sema_adopt_emotion_scale(sema);
        return false;   /* its record keeps its syntax, kept by loading, for "first set here" */
    }
    /* Nothing later reads an applied declaration's record. */
    sema->decl_count = first_record;
    return false;
}

/* What two passes do once every plain declaration is declared, in their order: declare
 * the extends (and what they nest), apply the items put aside, then the extends. */
bool sema_one_pass_finish(jrn_sema *sema)
{
    if (sema->one_pass_given_up || sema_one_pass_reported(sema)) return false;
    sema->plain_decl_count = sema->decl_count;
    sema_declare_extends(sema);
    if (sema_one_pass_reported(sema)) return false;
    for (size_t i = 0; i < sema->deferred_count; i++) {
        sema_apply_item(sema, sema->deferred[i].decl, sema->deferred[i].first_record);
        if (sema_one_pass_reported(sema)) return false;
    }
    sema_apply_extensions(sema);
    if (sema_one_pass_reported(sema)) return false;
    for (size_t f = 0; f < sema->model->file_count; f++) sema_free_outlines(&sema->file_outlines[f]);
    sema_settle_declarations(sema);
    return true;
}
