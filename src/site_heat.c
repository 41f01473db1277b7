/* site_heat.c — the organisation-wide heat map: a row per map, a column per top-level
 * stage of the portfolio (by id, in order of first appearance), each cell the stage's pain
 * points against its touchpoints in that map. */
#include "jrn/site.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

/* The stage columns: every top-level stage id, in the order the maps first name them. */
static size_t site_heat_columns(const site_portfolio *portfolio, const site_stage_fact ***columns)
{
    size_t count = 0;
    *columns = NULL;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        for (size_t s = 0; s < map->stage_fact_count; s++) {
            size_t c = 0;
            while (c < count && strcmp((*columns)[c]->id, map->stages[s].id) != 0) c++;
            if (c == count) MEMORY_PUSH(*columns, count, &map->stages[s]);
        }
    }
    return count;
}

static const site_stage_fact *site_heat_find(const site_map *map, const char *id)
{
    for (size_t s = 0; s < map->stage_fact_count; s++) {
        if (strcmp(map->stages[s].id, id) == 0) return &map->stages[s];
    }
    return NULL;
}

/* h0 no pain; h1, h2, h3 as a third, two thirds or more of the touchpoints hurt. */
static const char *site_heat_class(const site_stage_fact *stage)
{
    if (stage->pains == 0) return "h0";
    if (stage->pains * 3 < stage->touchpoints) return "h1";
    if (stage->pains * 3 < stage->touchpoints * 2) return "h2";
    return "h3";
}

static void site_heat_row(jrn_strbuf *out, const site_map *map, const site_stage_fact *const *columns, size_t count)
{
    strbuf_printf(out, "<tr%s><th scope=\"row\">", map->has_errors ? " class=\"error\"" : "");
    site_html_map_link(out, 0, map, NULL);
    strbuf_puts(out, "</th>");
    for (size_t c = 0; c < count; c++) {
        const site_stage_fact *stage = site_heat_find(map, columns[c]->id);
        if (stage == NULL || stage->touchpoints == 0) {
            strbuf_puts(out, "<td class=\"cell hx\"><span class=\"quiet\">—</span></td>");
            continue;
        }
        strbuf_printf(out, "<td class=\"cell %s\">%zu of %zu</td>", site_heat_class(stage), stage->pains,
                      stage->touchpoints);
    }
    strbuf_puts(out, "</tr>\n");
}

bool site_write_heat(const site_portfolio *portfolio)
{
    const site_stage_fact **columns;
    size_t count = site_heat_columns(portfolio, &columns);
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "Heat map", "heat.html", "Heat map",
                         "Pain points against touchpoints, per map and stage: where the organisation hurts "
                         "its customers.");
    strbuf_puts(&out, "</header>\n<main>\n<section>"
                      "<h2>Stage × map</h2>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"heat\"><thead><tr><th>Map</th>");
    for (size_t c = 0; c < count; c++) {
        strbuf_puts(&out, "<th scope=\"col\">");
        site_html_text(&out, columns[c]->label);
        strbuf_puts(&out, "</th>");
    }
    strbuf_puts(&out, "</tr></thead><tbody>\n");
    for (size_t m = 0; m < portfolio->map_count; m++) site_heat_row(&out, &portfolio->maps[m], columns, count);
    strbuf_puts(&out, "</tbody></table></div>\n<p class=\"quiet\">Each cell: pain points of touchpoints in "
                      "the stage (its sub-stages included). Darker: a larger share hurts. — the map has no "
                      "touchpoint there.</p>\n</section>\n");
    site_html_foot(&out);
    free(columns);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "heat.html", &out);
    strbuf_free(&out);
    return ok;
}
