/* view_catalog.c — every view of a map (view_catalog.h). */
#include "jrn/view_catalog.h"

#include <string.h>

jrn_view_entry *view_catalog(jrn_arena *arena, const jrn_model *model, size_t *count)
{
    jrn_view_entry *views = NULL;
    *count = 0;
    ARENA_PUSH(arena, views, *count, ((jrn_view_entry){"full", "Full map", {.view = VIEW_FULL}}));
    ARENA_PUSH(arena, views, *count, ((jrn_view_entry){"canvas", "Canvas", {.view = VIEW_CANVAS}}));
    ARENA_PUSH(arena, views, *count, ((jrn_view_entry){"spine", "Spine", {.view = VIEW_SPINE}}));
    ARENA_PUSH(arena, views, *count, ((jrn_view_entry){"flow", "Flow", {.view = VIEW_FLOW}}));
    if (model_has_blueprint(model))
        ARENA_PUSH(arena, views, *count, ((jrn_view_entry){"blueprint", "Blueprint", {.view = VIEW_BLUEPRINT}}));
    for (size_t i = 0; i < model->journey_count; i++) {
        const jrn_journey *journey = model->journeys[i];
        jrn_view_entry view = {arena_printf(arena, "journey=%s", journey->base.id),
                               arena_printf(arena, "Journey: %s", element_label(&journey->base)),
                               {.view = VIEW_JOURNEY, .view_journey = journey}};
        ARENA_PUSH(arena, views, *count, view);
    }
    for (size_t i = 0; i < model->persona_count; i++) {
        const jrn_persona *persona = model->personas[i];
        jrn_view_entry view = {arena_printf(arena, "persona=%s", persona->base.id),
                               arena_printf(arena, "Persona: %s", element_label(&persona->base)),
                               {.view = VIEW_PERSONA, .view_persona = persona}};
        ARENA_PUSH(arena, views, *count, view);
    }
    return views;
}

bool view_catalog_knows_kind(const char *view)
{
    return strcmp(view, "full") == 0 || strcmp(view, "canvas") == 0 || strcmp(view, "spine") == 0 ||
           strcmp(view, "flow") == 0 || strcmp(view, "blueprint") == 0 ||
           (strncmp(view, "journey=", 8) == 0 && view[8] != '\0') ||
           (strncmp(view, "persona=", 8) == 0 && view[8] != '\0');
}
