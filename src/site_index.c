/* site_index.c — the site's front page: every map with its owner, review date and how
 * stale it is, its size and health (pains, missed KPIs, lint findings), maps that do not
 * compile listed red; a filter box that works without a server. */
#include "jrn/site.h"

#include <string.h>

#include "jrn/report_format.h"

/* A review older than this many days is stale: the lint rule asks for one at least yearly. */
enum { SITE_STALE_DAYS = 366 };

const char *site_review_state(const site_map *map, jrn_date today, long *days)
{
    *days = 0;
    if (map->has_errors) return "";
    if (!map->has_reviewed) return "no date";
    *days = date_days_between(map->reviewed, today);
    if (*days < 0) return "future";
    return *days >= SITE_STALE_DAYS ? "stale" : "";
}

/* Lint findings of a map, errors aside (a map with errors has no lint run). */
static size_t site_lint_count(const site_map *map)
{
    return map->has_errors ? 0 : site_findings_of(map, NULL);
}

static void site_index_review(jrn_strbuf *out, jrn_arena *arena, const site_map *map, jrn_date today)
{
    long days;
    const char *state = site_review_state(map, today, &days);
    if (map->has_reviewed) site_html_text(out, report_date_text(arena, map->reviewed));
    if (strcmp(state, "stale") == 0) strbuf_printf(out, " <span class=\"badge bad\">stale: %ld days</span>", days);
    else if (strcmp(state, "no date") == 0) strbuf_puts(out, "<span class=\"badge warn\">never reviewed</span>");
    else if (strcmp(state, "future") == 0) strbuf_puts(out, " <span class=\"badge warn\">in the future</span>");
    else if (map->has_reviewed) strbuf_printf(out, " <span class=\"quiet\">%ld days ago</span>", days);
}

static void site_index_row(jrn_strbuf *out, jrn_arena *arena, const site_map *map, jrn_date today)
{
    strbuf_printf(out, "<tr%s><td>", map->has_errors ? " class=\"error\"" : "");
    site_html_map_link(out, 0, map, NULL);
    strbuf_puts(out, "<br><span class=\"quiet\">");
    site_html_text(out, map->root->path);
    strbuf_puts(out, "</span></td><td>");
    if (map->owner_id[0] != '\0') site_html_link(out, 0, "teams", map->owner_id, map->owner_label);
    else if (!map->has_errors) strbuf_puts(out, "<span class=\"badge warn\">no owner</span>");
    strbuf_puts(out, "</td><td>");
    site_index_review(out, arena, map, today);
    if (map->has_errors) {
        size_t errors = site_findings_of(map, "error");
        strbuf_printf(out, "</td><td colspan=\"4\"><span class=\"badge bad\">does not compile: %zu error%s</span></td></tr>\n",
                      errors, errors == 1 ? "" : "s");
        return;
    }
    strbuf_printf(out, "</td><td class=\"n\">%zu stage%s, %zu touchpoint%s, %zu journey%s</td>", map->stage_count,
                  map->stage_count == 1 ? "" : "s", map->touchpoint_count, map->touchpoint_count == 1 ? "" : "s",
                  map->journey_count, map->journey_count == 1 ? "" : "s");
    strbuf_printf(out, "<td class=\"n\">%zu</td>", map->pains);
    if (map->has_data) strbuf_printf(out, "<td class=\"n\">%s%zu%s</td>", map->kpi_missed > 0 ? "<span class=\"badge bad\">" : "",
                                     map->kpi_missed, map->kpi_missed > 0 ? "</span>" : "");
    else strbuf_puts(out, "<td class=\"n\"><span class=\"quiet\">no data</span></td>");
    if (site_lint_count(map) == 0) {
        strbuf_puts(out, "<td class=\"n\">0</td></tr>\n");
        return;
    }
    strbuf_puts(out, "<td class=\"n\"><a href=\"lint/");
    site_html_text(out, map->root->slug);
    strbuf_printf(out, ".html\">%zu</a></td></tr>\n", site_lint_count(map));
}

static void site_index_stats(jrn_strbuf *out, const site_portfolio *portfolio)
{
    size_t errors = 0, touchpoints = 0, pains = 0, missed = 0, findings = 0, stale = 0;
    for (size_t i = 0; i < portfolio->map_count; i++) {
        const site_map *map = &portfolio->maps[i];
        long days;
        errors += map->has_errors;
        touchpoints += map->touchpoint_count;
        pains += map->pains;
        missed += map->kpi_missed;
        findings += site_lint_count(map);
        stale += strcmp(site_review_state(map, portfolio->options->today, &days), "stale") == 0;
    }
    const struct {
        size_t count;
        const char *one, *many;
    } stats[] = {
        {portfolio->map_count, "map", "maps"},         {touchpoints, "touchpoint", "touchpoints"},
        {pains, "pain point", "pain points"},          {missed, "missed KPI", "missed KPIs"},
        {findings, "lint finding", "lint findings"},   {stale, "stale review", "stale reviews"},
        {errors, "map not compiling", "maps not compiling"},
    };
    strbuf_puts(out, "<div class=\"stats\">");
    for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++)
        strbuf_printf(out, "<span><b>%zu</b> %s</span>", stats[i].count, stats[i].count == 1 ? stats[i].one : stats[i].many);
    strbuf_puts(out, "</div>\n");
}

/* Hides the rows whose text does not contain what is typed; the page works without it. */
static const char site_filter_script[] =
    "<script>\n"
    "document.getElementById('filter').addEventListener('input',function(){"
    "var q=this.value.toLowerCase();"
    "document.querySelectorAll('#maps tbody tr').forEach(function(r){"
    "r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});\n"
    "</script>\n";

bool site_write_index(const site_portfolio *portfolio)
{
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "All maps", "index.html", "Journey atlas",
                         "Every journey map of the portfolio: who owns it, when it was last reviewed, "
                         "and where customers struggle.");
    site_index_stats(&out, portfolio);
    strbuf_puts(&out, "</header>\n<main>\n<section><h2>Maps</h2>\n"
                      "<p><input id=\"filter\" class=\"search\" type=\"search\" aria-label=\"Filter the maps\" "
                      "placeholder=\"Filter by title, path or owner\"></p>\n"
                      "<div class=\"scroll\" tabindex=\"0\"><table id=\"maps\"><thead><tr><th>Map</th><th>Owner</th><th>Reviewed</th>"
                      "<th class=\"n\">Size</th><th class=\"n\">Pains</th><th class=\"n\">Missed KPIs</th>"
                      "<th class=\"n\">Lint</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < portfolio->map_count; i++)
        site_index_row(&out, portfolio->arena, &portfolio->maps[i], portfolio->options->today);
    strbuf_puts(&out, "</tbody></table></div>\n</section>\n");
    strbuf_puts(&out, site_filter_script);
    site_html_foot(&out);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "index.html", &out);
    strbuf_free(&out);
    return ok;
}
