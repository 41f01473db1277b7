/* site_views.c — a map's views page (views/SLUG.html): its spine, its flow (when it says
 * more than the journeys) and each journey (the first SITE_JOURNEY_VIEW_LIMIT), one
 * picture under another. The map's own page, its HTML report, holds the full map, the
 * canvas and the blueprint. A persona's view is the full map's touchpoints that
 * persona meets, which the persona's portfolio page lists across every map: drawing one
 * per persona of every map would double what the site costs to build. */
#include "jrn/site.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"
#include "jrn/report_svg.h"
#include "jrn/view_catalog.h"

/* Whether the flow view shows more than the journeys: a hop has a rate (declared, or
 * measured in the data) or a step branches. Otherwise every customer of a journey takes
 * each of its hops, which the journey's own picture shows, and the flow is not drawn: it
 * is the views page's most expensive picture. */
static int site_compare_steps(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const void *const *)a, y = (uintptr_t)*(const void *const *)b;
    return x < y ? -1 : x > y;
}

/* Whether a step of the journey has more than one hop out (its hops are in source order,
 * so a step's need not be together: sorted, they are). */
static bool site_journey_branches(const jrn_journey *journey)
{
    if (journey->hop_count < 2) return false;
    const jrn_touchpoint **froms = memory_calloc(journey->hop_count, sizeof *froms);
    for (size_t h = 0; h < journey->hop_count; h++) froms[h] = journey->hops[h].from;
    qsort(froms, journey->hop_count, sizeof *froms, site_compare_steps);
    bool branches = false;
    for (size_t h = 1; h < journey->hop_count && !branches; h++) branches = froms[h] == froms[h - 1];
    free(froms);
    return branches;
}

static bool site_flow_says_more(const jrn_model *model, const jrn_actuals *actuals)
{
    for (size_t j = 0; j < model->journey_count; j++) {
        const jrn_journey *journey = model->journeys[j];
        for (size_t h = 0; h < journey->hop_count; h++) {
            const jrn_hop *hop = &journey->hops[h];
            if (hop->has_rate || (actuals != NULL && data_observed_rate(actuals, journey, hop) != NULL)) return true;
        }
        if (site_journey_branches(journey)) return true;
    }
    return false;
}

/* A page of pictures is read by scrolling: past this many journeys, the page draws the
 * first ones in source order and says how to draw any other, so a map of thousands of
 * journeys costs a page someone can open, not hundreds of megabytes. */
enum { SITE_JOURNEY_VIEW_LIMIT = 24 };

/* The views the page draws; journeys counts the journey views met so far. */
static bool site_view_is_extra(const jrn_view_entry *view, bool flow, size_t *journeys)
{
    if (view->options.view == VIEW_JOURNEY) return (*journeys)++ < SITE_JOURNEY_VIEW_LIMIT;
    return view->options.view == VIEW_SPINE || (flow && view->options.view == VIEW_FLOW);
}

/* The line under the list of views when some journeys are not drawn. */
static void site_views_limit(jrn_strbuf *out, const site_views_request *request)
{
    size_t journeys = request->model->journey_count;
    if (journeys <= SITE_JOURNEY_VIEW_LIMIT) return;
    strbuf_printf(out, "<p>The first %d of %zu journeys are drawn; <code>jrnc --view journey=ID</code> draws any other.</p>\n",
                  (int)SITE_JOURNEY_VIEW_LIMIT, journeys);
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
    size_t extra_count = 0, journeys = 0;
    bool flow = site_flow_says_more(request->model, request->actuals);
    for (size_t i = 0; i < count; i++) {
        if (!site_view_is_extra(&catalog[i], flow, &journeys)) continue;
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
        strbuf_puts(out, "</ul>\n");
        site_views_limit(out, request);
        strbuf_puts(out, "</section>\n");
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
