/* report_svg.c — the HTML report's journey graph as inline SVG: laid out by the DOT module,
 * then stripped of what must not be inlined. (The emotion curve: report_curve.c.) */
#include "jrn/report_svg.h"

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

bool report_svg_journey_graph(const jrn_model *model, const jrn_emit_options *options,
                              jrn_strbuf *out, jrn_diag_list *diags)
{
    jrn_strbuf document = STRBUF_INIT;
    bool rendered = render_graph(model, options, "svg", &document, diags);
    if (rendered) report_svg_inline(out, strbuf_text(&document));
    strbuf_free(&document);
    return rendered;
}
