/* view_catalog.h — every view of a map, in the order `jrnc serve`'s bar and `jrnc site`'s
 * views page offer them. */
#ifndef JRN_VIEW_CATALOG_H
#define JRN_VIEW_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/emit.h"
#include "jrn/model.h"

/* One view: its key (as --view and ?view= spell it: "spine", "journey=ID"), what a page
 * calls it ("Journey: Onboarding") and the options that draw it. */
typedef struct jrn_view_entry {
    const char *key;
    const char *label;
    jrn_emit_options options;
} jrn_view_entry;

/* The whole map, the canvas, the spine, the flow, the service blueprint (when the map has
 * backstage or support work), each journey, each persona; in arena. */
jrn_view_entry *view_catalog(jrn_arena *arena, const jrn_model *model, size_t *count);

/* Whether view names a kind of view the catalog can hold ("journey=ID" for any ID). */
bool view_catalog_knows_kind(const char *view);

#endif
