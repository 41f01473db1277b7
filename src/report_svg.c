/* report_svg.c — the HTML report's journey graph and canvas as inline SVG: laid out by the
 * DOT module, then stripped of what must not be inlined. (The emotion curve: report_curve.c.) */
#include "jrn/report_svg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/emit_dot.h"
#include "jrn/memory.h"

/* Copies an SVG document from its <svg> element on, leaving out comments: what Graphviz
 * writes before it (XML prolog, doctype) is not allowed inside HTML. */
static void report_svg_inline(jrn_strbuf *out, const char *svg)
{
    const char *start = strstr(svg, "<svg");
    if (start == NULL) return;
    for (const char *p = start; *p != '\0';) {
        if (strncmp(p, "<!--", 4) == 0) {
            const char *end = strstr(p + 4, "-->");
            if (end == NULL) break;
            p = end + 3;
            if (*p == '\n') p++;
            continue;
        }
        const char *next = strstr(p, "<!--");
        size_t length = next != NULL ? (size_t)(next - p) : strlen(p);
        strbuf_append(out, p, length);
        p += length;
    }
}

/* Copies the inlined SVG with every id and every reference to one (fill="url(#...)",
 * href="#...") prefixed: two pictures from Graphviz in one page would otherwise share ids
 * (graph0, node1, gradients l_0), and a gradient of one would fill the other. Each opener
 * holds a '"', which user text never does in the SVG (it is written &quot;). */
static void report_svg_prefix_ids(jrn_strbuf *out, const char *svg, const char *prefix)
{
    static const char *const openers[] = {" id=\"", "=\"url(#", "href=\"#"};
    enum { OPENER_COUNT = sizeof openers / sizeof openers[0] };
    /* each opener's next place at or after p, found again only once p has passed it: the
     * whole picture is read once per opener, however many ids it holds */
    const char *found[OPENER_COUNT];
    for (size_t i = 0; i < OPENER_COUNT; i++) found[i] = strstr(svg, openers[i]);
    const char *p = svg;
    for (;;) {
        size_t which = OPENER_COUNT;
        for (size_t i = 0; i < OPENER_COUNT; i++) {
            if (found[i] != NULL && found[i] < p) found[i] = strstr(p, openers[i]);
            if (found[i] != NULL && (which == OPENER_COUNT || found[i] < found[which])) which = i;
        }
        if (which == OPENER_COUNT) {
            strbuf_puts(out, p);
            return;
        }
        size_t length = strlen(openers[which]);
        strbuf_append(out, p, (size_t)(found[which] - p) + length);
        strbuf_puts(out, prefix);
        p = found[which] + length;
    }
}

/* Appends the document inlined with its ids prefixed, so that it shares a page with others. */
static void report_svg_embed(jrn_strbuf *out, const char *document, const char *prefix)
{
    jrn_strbuf inlined = STRBUF_INIT;
    report_svg_inline(&inlined, document);
    report_svg_prefix_ids(out, strbuf_text(&inlined), prefix);
    strbuf_free(&inlined);
}

bool report_svg_pictures(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *graph,
                         jrn_strbuf *canvas, jrn_strbuf *blueprint, jrn_diag_list *diags)
{
    static const jrn_emit_options full = {.view = VIEW_FULL};
    jrn_emit_options canvas_view = {.view = VIEW_CANVAS, .actuals = options ? options->actuals : NULL,
                                    .theme = options ? options->theme : NULL};
    jrn_emit_options blueprint_view = options ? *options : full;
    blueprint_view.view = VIEW_BLUEPRINT;
    const jrn_emit_options *views[] = {options ? options : &full, &canvas_view, &blueprint_view};
    size_t count = blueprint != NULL ? 3 : 2;
    jrn_strbuf documents[3] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
    bool rendered = render_graphs(model, views, count, "svg", options ? options->graphviz : NULL, documents, diags);
    if (rendered) {
        report_svg_inline(graph, strbuf_text(&documents[0]));
        static const char *const prefixes[] = {NULL, "canvas-", "blueprint-"};
        jrn_strbuf *targets[] = {NULL, canvas, blueprint};
        for (size_t i = 1; i < count; i++) report_svg_embed(targets[i], strbuf_text(&documents[i]), prefixes[i]);
    }
    for (size_t i = 0; i < 3; i++) strbuf_free(&documents[i]);
    return rendered;
}

bool report_svg_views(const jrn_model *model, const jrn_emit_options *const *views, size_t count,
                      render_context *graphviz, jrn_strbuf *outs, jrn_diag_list *diags)
{
    jrn_strbuf *documents = memory_calloc(count + 1, sizeof *documents);
    bool rendered = render_graphs(model, views, count, "svg", graphviz, documents, diags);
    for (size_t i = 0; i < count; i++) {
        if (rendered) {
            char prefix[32];
            snprintf(prefix, sizeof prefix, "view%zu-", i);
            report_svg_embed(&outs[i], strbuf_text(&documents[i]), prefix);
        }
        strbuf_free(&documents[i]);
    }
    free(documents);
    return rendered;
}
