/* site_views.c — a map's views page (views/SLUG.html): its spine, its flow and each
 * journey, one picture under another. The map's own page, its HTML report, holds the full
 * map, the canvas and the blueprint. A persona's view is the full map's touchpoints that
 * persona meets, which the persona's portfolio page lists across every map: drawing one
 * per persona of every map would double what the site costs to build. */
#include "jrn/site.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"
#include "jrn/report_svg.h"
#include "jrn/view_catalog.h"

/* The views the page draws. */
static bool site_view_is_extra(const jrn_view_entry *view)
{
    return view->options.view == VIEW_SPINE || view->options.view == VIEW_FLOW || view->options.view == VIEW_JOURNEY;
}

static void site_views_top(jrn_strbuf *out, const site_views_request *request)
{
    site_html_head(out, request->title);
    site_html_bar(out, 1, NULL);
    strbuf_puts(out, "<header class=\"top\"><h1>");
    site_html_text(out, request->title);
    strbuf_puts(out, "</h1><p>Every view of the map, one under another. <a href=\"../maps/");
    site_html_text(out, request->slug);
    strbuf_puts(out, ".html\">Its report</a> has the full map, the canvas and the service blueprint; each persona's page, the touchpoints it meets in every map.</p></header>\n<main>\n");
}

bool site_views_page(jrn_strbuf *out, jrn_arena *arena, const site_views_request *request, jrn_diag_list *diags)
{
    size_t count;
    jrn_view_entry *catalog = view_catalog(arena, request->model, &count);
    const jrn_view_entry **extras = arena_alloc_array(arena, count + 1, sizeof *extras);
    const jrn_emit_options **views = arena_alloc_array(arena, count + 1, sizeof *views);
    size_t extra_count = 0;
    for (size_t i = 0; i < count; i++) {
        if (!site_view_is_extra(&catalog[i])) continue;
        catalog[i].options.actuals = request->actuals;
        extras[extra_count] = &catalog[i];
        views[extra_count++] = &catalog[i].options;
    }
    jrn_strbuf *pictures = memory_calloc(extra_count + 1, sizeof *pictures);
    bool drawn = report_svg_views(request->model, views, extra_count, request->graphviz, pictures, diags);
    if (drawn) {
        site_views_top(out, request);
        strbuf_puts(out, "<section><h2>Views</h2>\n<ul class=\"cols\">\n");
        for (size_t i = 0; i < extra_count; i++) {
            strbuf_printf(out, "<li><a href=\"#view-%zu\">", i);
            site_html_text(out, extras[i]->label);
            strbuf_puts(out, "</a></li>\n");
        }
        strbuf_puts(out, "</ul>\n</section>\n");
        for (size_t i = 0; i < extra_count; i++) {
            strbuf_printf(out, "<section id=\"view-%zu\"><h2>", i);
            site_html_text(out, extras[i]->label);
            /* a picture wider than the page scrolls in its box, which the keyboard reaches */
            strbuf_puts(out, "</h2>\n<div class=\"picture\" tabindex=\"0\" role=\"region\" aria-label=\"");
            site_html_text(out, extras[i]->label);
            strbuf_puts(out, "\">\n");
            strbuf_append(out, strbuf_text(&pictures[i]), pictures[i].length);
            strbuf_puts(out, "</div>\n</section>\n");
        }
        site_html_foot(out);
    }
    for (size_t i = 0; i < extra_count; i++) strbuf_free(&pictures[i]);
    free(pictures);
    return drawn;
}
