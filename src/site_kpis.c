/* site_kpis.c — the KPI roll-up across the portfolio: with --data, every map's KPIs met,
 * missed and without data, and each missed KPI with its target and actual. */
#include "jrn/site.h"

#include <string.h>

static void site_kpis_totals(jrn_strbuf *out, const site_portfolio *portfolio)
{
    strbuf_puts(out, "<section><h2>By map</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Map</th>"
                     "<th class=\"n\">KPIs</th><th class=\"n\">Met</th><th class=\"n\">Missed</th>"
                     "<th class=\"n\">No data</th><th class=\"n\">No target</th></tr></thead><tbody>\n");
    size_t totals[5] = {0};
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        if (map->has_errors || map->kpi_count == 0) continue;
        size_t row[5] = {map->kpi_count, map->kpi_met, map->kpi_missed, map->kpi_no_data, map->kpi_no_target};
        strbuf_puts(out, "<tr><td>");
        site_html_map_link(out, 0, map, "kpis");
        strbuf_puts(out, "</td>");
        for (size_t k = 0; k < 5; k++) {
            totals[k] += row[k];
            if (k == 2 && row[k] > 0) strbuf_printf(out, "<td class=\"n\"><span class=\"badge bad\">%zu</span></td>", row[k]);
            else strbuf_printf(out, "<td class=\"n\">%zu</td>", row[k]);
        }
        strbuf_puts(out, "</tr>\n");
    }
    strbuf_puts(out, "</tbody><tfoot><tr><th>Portfolio</th>");
    for (size_t k = 0; k < 5; k++) strbuf_printf(out, "<th class=\"n\">%zu</th>", totals[k]);
    strbuf_puts(out, "</tr></tfoot></table></div>\n</section>\n");
}

static void site_kpis_missed(jrn_strbuf *out, const site_portfolio *portfolio)
{
    strbuf_puts(out, "<section><h2>Missed KPIs</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Map</th>"
                     "<th>KPI</th><th>Where</th><th class=\"n\">Target</th><th class=\"n\">Actual</th>"
                     "</tr></thead><tbody>\n");
    size_t shown = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        for (size_t k = 0; k < map->kpi_fact_count; k++) {
            const site_kpi_fact *kpi = &map->kpis[k];
            if (strcmp(kpi->status, "missed") != 0) continue;
            shown++;
            strbuf_puts(out, "<tr><td>");
            site_html_map_link(out, 0, map, "kpis");
            strbuf_puts(out, "</td>");
            site_html_cells(out, (const char *const[]){kpi->metric, kpi->place}, 2);
            strbuf_puts(out, "<td class=\"n\">");
            site_html_text(out, kpi->target);
            strbuf_puts(out, "</td><td class=\"n\"><span class=\"badge bad\">");
            site_html_text(out, kpi->actual);
            strbuf_puts(out, "</span></td></tr>\n");
        }
    }
    if (shown == 0) strbuf_puts(out, "<tr><td colspan=\"5\" class=\"quiet\">No KPI is missed.</td></tr>\n");
    strbuf_puts(out, "</tbody></table></div>\n</section>\n");
}

bool site_write_kpis(const site_portfolio *portfolio)
{
    bool has_data = false;
    for (size_t m = 0; m < portfolio->map_count; m++) has_data = has_data || portfolio->maps[m].has_data;
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "KPIs", "kpis.html", "KPI roll-up",
                         "Every map's KPIs against their targets, from the measured data.");
    strbuf_puts(&out, "</header>\n<main>\n");
    if (!has_data)
        strbuf_puts(&out, "<section><h2>No measured data</h2><p>Build the site with <code>--data DIR</code> "
                          "(DIR/PATH.csv measures the map PATH.jrn) to see KPIs met and missed.</p></section>\n");
    site_kpis_totals(&out, portfolio);
    if (has_data) site_kpis_missed(&out, portfolio);
    site_html_foot(&out);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "kpis.html", &out);
    strbuf_free(&out);
    return ok;
}
