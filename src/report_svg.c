/* report_svg.c — the HTML report's journey graph and canvas as inline SVG: laid out by the
 * DOT module, then stripped of what must not be inlined. (The emotion curve: report_curve.c.) */
#include "jrn/report_svg.h"

#include <stdint.h>
#include <string.h>

#include "jrn/emit_dot.h"

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
    const char *p = svg;
    while (*p) {
        size_t which = 0, best = SIZE_MAX;
        const char *next = NULL;
        for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++) {
            const char *at = strstr(p, openers[i]);
            if (at && (size_t)(at - p) < best) {
                best = (size_t)(at - p);
                next = at;
                which = i;
            }
        }
        if (!next) {
            strbuf_puts(out, p);
            return;
        }
        size_t length = strlen(openers[which]);
        strbuf_append(out, p, (size_t)(next - p) + length);
        strbuf_puts(out, prefix);
        p = next + length;
    }
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
    bool rendered = render_graphs(model, views, count, "svg", documents, diags);
    if (rendered) {
        report_svg_inline(graph, strbuf_text(&documents[0]));
        static const char *const prefixes[] = {NULL, "canvas-", "blueprint-"};
        jrn_strbuf *targets[] = {NULL, canvas, blueprint};
        for (size_t i = 1; i < count; i++) {
            jrn_strbuf inlined = STRBUF_INIT;
            report_svg_inline(&inlined, strbuf_text(&documents[i]));
            report_svg_prefix_ids(targets[i], strbuf_text(&inlined), prefixes[i]);
            strbuf_free(&inlined);
        }
    }
    for (size_t i = 0; i < 3; i++) strbuf_free(&documents[i]);
    return rendered;
}
