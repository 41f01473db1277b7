/* sema_resolve_name.c — looks up a referenced id in its kind's namespace and explains a miss. */
#include "jrn/sema.h"

#include "jrn/suggest.h"

static const char *sema_closest_name(const jrn_sema *sema, jrn_kind kind, const char *id)
{
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    const jrn_namespace *names = &sema->names[kind];
    for (size_t i = 0; i < names->count; i++) suggest_consider(&suggester, names->ordered[i]->id);
    return suggest_result(&suggester);
}

jrn_element *sema_lookup(jrn_sema *sema, jrn_kind kind, const char *id, jrn_span span)
{
    jrn_element *element = namespace_find(&sema->names[kind], id);
    if (element != NULL) return element;
    /* Errors past the display limit are only counted: skip the search for a suggestion. */
    if (!diag_keeps_next_error(sema->diags)) {
        diag_error(sema->diags, span, "unknown %s '%s'", kind_name(kind), id);
        return NULL;
    }
    for (int other = 0; other < KIND_COUNT; other++) {
        if (other == (int)kind) continue;
        jrn_element *elsewhere = namespace_find(&sema->names[other], id);
        if (elsewhere == NULL) continue;
        jrn_diag *diag = diag_error(sema->diags, span, "'%s' is %s, not %s", id,
                                    kind_with_article((jrn_kind)other), kind_with_article(kind));
        diag_add_note(sema->diags, diag, elsewhere->id_span, "%s '%s' is declared here",
                      kind_name((jrn_kind)other), id);
        return NULL;
    }
    const char *suggestion = sema_closest_name(sema, kind, id);
    if (suggestion != NULL) {
        jrn_diag *diag = diag_error(sema->diags, span, "unknown %s '%s'; did you mean '%s'?",
                                    kind_name(kind), id, suggestion);
        if (diag != NULL) diag->fixit = suggestion;
    } else {
        diag_error(sema->diags, span, "unknown %s '%s'", kind_name(kind), id);
    }
    return NULL;
}
