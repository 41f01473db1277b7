/* site_directory.c — the portfolio seen by persona, team and channel: one page for each
 * (matched across maps by id, as `use` shares them) listing every map it appears in and
 * the touchpoints it has there, and directory.html listing them all. */
#include "jrn/site.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrn/memory.h"

/* What a page is about: a persona, team or channel. */
typedef enum site_subject_kind { SUBJECT_PERSONA, SUBJECT_TEAM, SUBJECT_CHANNEL, SUBJECT_KIND_COUNT } site_subject_kind;

static const struct {
    const char *folder, *heading, *one;
} site_subjects[SUBJECT_KIND_COUNT] = {
    {"personas", "Personas", "persona"},
    {"teams", "Teams", "team"},
    {"channels", "Channels", "channel"},
};

/* One persona, team or channel of the portfolio and the maps that declare it. */
typedef struct site_entity {
    const char *id, *label;
    size_t *maps;
    size_t map_count;
} site_entity;

static void site_declared(const site_map *map, site_subject_kind kind, const site_named **items, size_t *count)
{
    switch (kind) {
    case SUBJECT_PERSONA: *items = map->personas; *count = map->persona_fact_count; break;
    case SUBJECT_TEAM: *items = map->teams; *count = map->team_fact_count; break;
    default: *items = map->channels; *count = map->channel_fact_count; break;
    }
}

/* One map's use of an entity, to be sorted by id (then map). */
typedef struct site_mention {
    const char *id, *label;
    size_t map;
} site_mention;

static int site_compare_mentions(const void *a, const void *b)
{
    const site_mention *x = a, *y = b;
    int order = strcmp(x->id, y->id);
    return order != 0 ? order : x->map < y->map ? -1 : x->map > y->map;
}

/* Every entity of kind across the maps, sorted by id; the label is the first map's. Sorted
 * rather than looked up, so that a portfolio of many maps each with their own personas
 * costs n log n. */
static site_entity *site_collect(const site_portfolio *portfolio, site_subject_kind kind, size_t *count)
{
    site_mention *mentions = NULL;
    size_t mention_count = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_named *items;
        size_t item_count;
        site_declared(&portfolio->maps[m], kind, &items, &item_count);
        for (size_t i = 0; i < item_count; i++)
            MEMORY_PUSH(mentions, mention_count, ((site_mention){items[i].id, items[i].label, m}));
    }
    if (mention_count > 0) qsort(mentions, mention_count, sizeof *mentions, site_compare_mentions);
    site_entity *entities = NULL;
    *count = 0;
    for (size_t i = 0; i < mention_count; i++) {
        if (*count == 0 || strcmp(entities[*count - 1].id, mentions[i].id) != 0)
            MEMORY_PUSH(entities, *count, ((site_entity){mentions[i].id, mentions[i].label, NULL, 0}));
        site_entity *entity = &entities[*count - 1];
        if (entity->map_count == 0 || entity->maps[entity->map_count - 1] != mentions[i].map)
            ARENA_PUSH(portfolio->arena, entity->maps, entity->map_count, mentions[i].map);
    }
    free(mentions);
    return entities;
}

static bool site_has_id(const char *const *ids, size_t count, const char *id)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(ids[i], id) == 0) return true;
    }
    return false;
}

/* Whether a touchpoint of a map belongs on the entity's page. */
static bool site_touchpoint_is_for(const site_touchpoint_fact *touchpoint, site_subject_kind kind, const char *id)
{
    switch (kind) {
    case SUBJECT_PERSONA: return site_has_id(touchpoint->personas, touchpoint->persona_count, id);
    case SUBJECT_TEAM: return strcmp(touchpoint->owner, id) == 0;
    default: return site_has_id(touchpoint->channels, touchpoint->channel_count, id);
    }
}

/* One map's part of an entity's page: the map, then its touchpoints for the entity. */
static void site_entity_map(jrn_strbuf *out, const site_map *map, site_subject_kind kind, const char *id)
{
    strbuf_puts(out, "<tr><td>");
    site_html_map_link(out, 1, map, NULL);
    if (kind == SUBJECT_TEAM && strcmp(map->owner_id, id) == 0) strbuf_puts(out, " <span class=\"badge good\">owns the map</span>");
    strbuf_puts(out, "</td><td>");
    size_t shown = 0;
    for (size_t t = 0; t < map->touchpoint_fact_count; t++) {
        const site_touchpoint_fact *touchpoint = &map->touchpoints[t];
        if (!site_touchpoint_is_for(touchpoint, kind, id)) continue;
        strbuf_puts(out, shown++ > 0 ? "<br>" : "");
        site_html_text(out, touchpoint->label);
        strbuf_puts(out, " <span class=\"quiet\">in ");
        site_html_text(out, touchpoint->stage_label);
        strbuf_puts(out, "</span>");
        if (touchpoint->is_pain) strbuf_puts(out, " <span class=\"badge bad\">pain</span>");
    }
    if (shown == 0) strbuf_puts(out, "<span class=\"quiet\">no touchpoint</span>");
    strbuf_printf(out, "</td><td class=\"n\">%zu</td></tr>\n", shown);
}

static bool site_entity_page(const site_portfolio *portfolio, site_subject_kind kind, const site_entity *entity)
{
    jrn_strbuf out = STRBUF_INIT;
    site_html_head(&out, entity->label);
    site_html_bar(&out, 1, NULL);
    strbuf_printf(&out, "<header class=\"top\"><h1>");
    site_html_text(&out, entity->label);
    strbuf_printf(&out, "</h1><p>The %s <code>", site_subjects[kind].one);
    site_html_text(&out, entity->id);
    strbuf_printf(&out, "</code> appears in %zu map%s.</p></header>\n<main>\n<section><h2>Maps and touchpoints</h2>\n"
                        "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Map</th><th>Touchpoints</th><th class=\"n\">Count</th>"
                        "</tr></thead><tbody>\n", entity->map_count, entity->map_count == 1 ? "" : "s");
    for (size_t i = 0; i < entity->map_count; i++)
        site_entity_map(&out, &portfolio->maps[entity->maps[i]], kind, entity->id);
    strbuf_puts(&out, "</tbody></table></div>\n</section>\n");
    site_html_foot(&out);
    const char *file = arena_printf(portfolio->arena, "%s/%s.html", site_subjects[kind].folder,
                                    site_file_name(portfolio->arena, entity->id));
    bool ok = site_write_page(portfolio->options, portfolio->arena, file, &out);
    strbuf_free(&out);
    return ok;
}

static int site_compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Removes the pages of a folder that belong to no entity any more (a persona renamed or
 * no longer declared): every page of the site links somewhere that exists. */
static void site_forget_entities(const site_portfolio *portfolio, site_subject_kind kind, const site_entity *entities,
                                 size_t count)
{
    jrn_arena *arena = portfolio->arena;
    const char *folder = arena_printf(arena, "%s/%s", portfolio->options->out_dir, site_subjects[kind].folder);
    DIR *stream = opendir(folder);
    if (stream == NULL) return;
    const char **pages = arena_alloc_array(arena, count + 1, sizeof *pages);
    for (size_t i = 0; i < count; i++) pages[i] = arena_printf(arena, "%s.html", site_file_name(arena, entities[i].id));
    if (count > 0) qsort(pages, count, sizeof *pages, site_compare_names);
    for (struct dirent *entry = readdir(stream); entry != NULL; entry = readdir(stream)) {
        size_t length = strlen(entry->d_name);
        if (length <= 5 || strcmp(entry->d_name + length - 5, ".html") != 0) continue;
        const char *name = entry->d_name;
        if (bsearch(&name, pages, count, sizeof *pages, site_compare_names) == NULL)
            unlink(arena_printf(arena, "%s/%s", folder, entry->d_name));
    }
    closedir(stream);
}

bool site_write_directory(const site_portfolio *portfolio)
{
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "Personas, teams, channels", "directory.html", "Personas, teams and channels",
                         "Each across the whole portfolio: the maps it appears in and its touchpoints there.");
    strbuf_puts(&out, "</header>\n<main>\n");
    bool ok = true;
    for (int kind = 0; kind < SUBJECT_KIND_COUNT; kind++) {
        size_t count;
        site_entity *entities = site_collect(portfolio, (site_subject_kind)kind, &count);
        strbuf_printf(&out, "<section><h2>%s</h2>\n", site_subjects[kind].heading);
        if (count == 0) strbuf_printf(&out, "<p class=\"quiet\">No map declares any.</p>\n");
        else strbuf_puts(&out, "<ul class=\"cols\">\n");
        for (size_t i = 0; i < count; i++) {
            strbuf_puts(&out, "<li>");
            site_html_link(&out, 0, site_subjects[kind].folder, entities[i].id, entities[i].label);
            strbuf_printf(&out, " <span class=\"quiet\">%zu map%s</span></li>\n", entities[i].map_count,
                          entities[i].map_count == 1 ? "" : "s");
            ok = site_entity_page(portfolio, (site_subject_kind)kind, &entities[i]) && ok;
        }
        if (count > 0) strbuf_puts(&out, "</ul>\n");
        strbuf_puts(&out, "</section>\n");
        site_forget_entities(portfolio, (site_subject_kind)kind, entities, count);
        free(entities);
    }
    site_html_foot(&out);
    ok = site_write_page(portfolio->options, portfolio->arena, "directory.html", &out) && ok;
    strbuf_free(&out);
    return ok;
}
