/* site_heat.c — the organisation-wide heat map: a row per map, a column per top-level
 * stage of the portfolio (by id, in order of first appearance), each cell the stage's pain
 * points against its touchpoints in that map. */
#include "jrn/site.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

/* At most this many stage columns: a portfolio whose maps share no spine would otherwise
 * have a column per stage of every map. The stages most maps have are kept; the others
 * are summed in one column. */
enum { SITE_HEAT_COLUMNS = 24 };

/* A top-level stage id of the portfolio: where it first appears and in how many maps. */
typedef struct site_heat_column {
    const site_stage_fact *first;
    size_t order;             /* of its first appearance, over every map's stages */
    size_t maps;
} site_heat_column;

static int site_heat_by_id(const void *a, const void *b)
{
    const site_heat_column *x = a, *y = b;
    int order = strcmp(x->first->id, y->first->id);
    return order != 0 ? order : x->order < y->order ? -1 : x->order > y->order;
}

static int site_heat_by_maps(const void *a, const void *b)
{
    const site_heat_column *x = a, *y = b;
    if (x->maps != y->maps) return x->maps < y->maps ? 1 : -1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int site_heat_by_order(const void *a, const void *b)
{
    const site_heat_column *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The stage columns, in the order the maps first name them: every top-level stage id, or
 * the SITE_HEAT_COLUMNS that most maps have. Sets *others when some were left out. */
static size_t site_heat_columns(const site_portfolio *portfolio, site_heat_column **columns, bool *others)
{
    site_heat_column *stages = NULL;
    size_t stage_count = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        for (size_t s = 0; s < map->stage_fact_count; s++) {
            site_heat_column stage = {&map->stages[s], stage_count, 1};
            MEMORY_PUSH(stages, stage_count, stage);
        }
    }
    if (stage_count > 0) qsort(stages, stage_count, sizeof *stages, site_heat_by_id);
    size_t count = 0;
    for (size_t i = 0; i < stage_count; i++) {
        if (count > 0 && strcmp(stages[count - 1].first->id, stages[i].first->id) == 0) stages[count - 1].maps++;
        else stages[count++] = stages[i];
    }
    *others = count > SITE_HEAT_COLUMNS;
    if (*others) {
        qsort(stages, count, sizeof *stages, site_heat_by_maps);
        count = SITE_HEAT_COLUMNS;
    }
    if (count > 0) qsort(stages, count, sizeof *stages, site_heat_by_order);
    *columns = stages;
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

static void site_heat_cell(jrn_strbuf *out, const site_stage_fact *stage)
{
    if (stage == NULL || stage->touchpoints == 0) {
        strbuf_puts(out, "<td class=\"cell hx\"><span class=\"quiet\">—</span></td>");
        return;
    }
    strbuf_printf(out, "<td class=\"cell %s\">%zu of %zu</td>", site_heat_class(stage), stage->pains, stage->touchpoints);
}

/* The map's stages that have no column of their own, summed. */
static site_stage_fact site_heat_others(const site_map *map, const site_heat_column *columns, size_t count)
{
    site_stage_fact sum = {"", "", 0, 0, 0};
    for (size_t s = 0; s < map->stage_fact_count; s++) {
        size_t c = 0;
        while (c < count && strcmp(columns[c].first->id, map->stages[s].id) != 0) c++;
        if (c < count) continue;
        sum.touchpoints += map->stages[s].touchpoints;
        sum.pains += map->stages[s].pains;
    }
    return sum;
}

static void site_heat_row(jrn_strbuf *out, const site_map *map, const site_heat_column *columns, size_t count,
                          bool others)
{
    strbuf_printf(out, "<tr%s><th scope=\"row\">", map->has_errors ? " class=\"error\"" : "");
    site_html_map_link(out, 0, map, NULL);
    strbuf_puts(out, "</th>");
    for (size_t c = 0; c < count; c++) site_heat_cell(out, site_heat_find(map, columns[c].first->id));
    if (others) {
        site_stage_fact sum = site_heat_others(map, columns, count);
        site_heat_cell(out, &sum);
    }
    strbuf_puts(out, "</tr>\n");
}

bool site_write_heat(const site_portfolio *portfolio)
{
    site_heat_column *columns;
    bool others;
    size_t count = site_heat_columns(portfolio, &columns, &others);
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "Heat map", "heat.html", "Heat map",
                         "Pain points against touchpoints, per map and stage: where the organisation hurts "
                         "its customers.");
    strbuf_puts(&out, "</header>\n<main>\n<section>"
                      "<h2>Stage × map</h2>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"heat\"><thead><tr><th>Map</th>");
    for (size_t c = 0; c < count; c++) {
        strbuf_puts(&out, "<th scope=\"col\">");
        site_html_text(&out, columns[c].first->label);
        strbuf_puts(&out, "</th>");
    }
    if (others) strbuf_puts(&out, "<th scope=\"col\">Other stages</th>");
    strbuf_puts(&out, "</tr></thead><tbody>\n");
    for (size_t m = 0; m < portfolio->map_count; m++) site_heat_row(&out, &portfolio->maps[m], columns, count, others);
    strbuf_puts(&out, "</tbody></table></div>\n<p class=\"quiet\">Each cell: pain points of touchpoints in "
                      "the stage (its sub-stages included). Darker: a larger share hurts. — the map has no "
                      "touchpoint there.");
    if (others)
        strbuf_printf(&out, " The %d stages most maps have get a column each; Other stages sums the rest of each map.",
                      SITE_HEAT_COLUMNS);
    strbuf_puts(&out, "</p>\n</section>\n");
    site_html_foot(&out);
    free(columns);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "heat.html", &out);
    strbuf_free(&out);
    return ok;
}
