/* sema_resolve_name.c — looks up a referenced id in its kind's namespace, records the
 * reference, and explains a miss. */
#include "jrn/sema.h"

#include "jrn/memory.h"
#include "jrn/suggest.h"

#include <stdlib.h>
#include <string.h>

static const char *sema_closest_name(const jrn_sema *sema, jrn_kind kind, const char *id)
{
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    const jrn_namespace *names = &sema->names[kind];
    for (size_t i = 0; i < names->count; i++) suggest_consider(&suggester, names->ordered[i]->id);
    return suggest_result(&suggester);
}

void sema_add_reference(jrn_sema *sema, jrn_span span, const jrn_element *target)
{
    MEMORY_PUSH(sema->references, sema->reference_count, ((jrn_reference){span, target}));
}

typedef struct sema_ranked_name {
    const char *id;
    size_t distance;
} sema_ranked_name;

static int sema_compare_ranked(const void *left, const void *right)
{
    const sema_ranked_name *a = left, *b = right;
    if (a->distance != b->distance) return a->distance < b->distance ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* How many known names a note lists, closest first. */
#define SEMA_KNOWN_NAMES_SHOWN 8

/* A name with no close match: the known names of its kind, closest first, and how to
 * declare it, so the message says what can be written instead. */
static void sema_note_known_names(jrn_sema *sema, jrn_diag *diag, jrn_kind kind, const char *id)
{
    if (diag == NULL) return;
    const jrn_namespace *names = &sema->names[kind];
    if (names->count > 0) {
        sema_ranked_name *ranked = memory_calloc(names->count, sizeof *ranked);
        for (size_t i = 0; i < names->count; i++) {
            const char *known = names->ordered[i]->id;
            ranked[i] = (sema_ranked_name){known, suggest_distance(id, known, SIZE_MAX - 1)};
        }
        qsort(ranked, names->count, sizeof *ranked, sema_compare_ranked);
        jrn_strbuf listed = STRBUF_INIT;
        size_t shown = names->count < SEMA_KNOWN_NAMES_SHOWN ? names->count : SEMA_KNOWN_NAMES_SHOWN;
        for (size_t i = 0; i < shown; i++) strbuf_printf(&listed, "%s%s", i > 0 ? ", " : "", ranked[i].id);
        if (names->count > shown) strbuf_printf(&listed, " (and %zu more)", names->count - shown);
        diag_add_note(sema->diags, diag, span_none(), "known %ss: %s", kind_name(kind), strbuf_text(&listed));
        strbuf_free(&listed);
        free(ranked);
    }
    if (kind == KIND_KPI || kind == KIND_MAP) return;
    const char *block = kind == KIND_CHANNEL ? " { kind: digital }" : kind == KIND_METRIC ? " { scale: 1..5 }" : "";
    diag_add_note(sema->diags, diag, span_none(), "or declare it: %s %s \"...\"%s", kind_name(kind), id, block);
}

jrn_element *sema_lookup(jrn_sema *sema, jrn_kind kind, const char *id, jrn_span span)
{
    jrn_element *element = namespace_find(&sema->names[kind], id);
    if (element != NULL) {
        sema_add_reference(sema, span, element);
        return element;
    }
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
        jrn_diag *diag = diag_error(sema->diags, span, "unknown %s '%s'", kind_name(kind), id);
        sema_note_known_names(sema, diag, kind, id);
    }
    return NULL;
}
