/* render_graph.c — the journey-map graph laid out and rendered in-process by libgvc, for
 * `jrnc -T svg|png|pdf` where no `dot` is installed and for the SVG inside HTML reports. */
#include "jrn/emit_dot.h"

#include <gvc.h>

/* Renders a graph that is already laid out; false after reporting. */
static bool render_graph_data(GVC_t *context, Agraph_t *graph, const char *format,
                              jrn_strbuf *out, jrn_diag_list *diags)
{
    char *data = NULL;
    unsigned int length = 0;
    bool rendered = gvRenderData(context, graph, format, &data, &length) == 0;
    if (rendered) strbuf_append(out, data, length);
    else diag_error(diags, span_none(), "Graphviz cannot render format '%s' here", format);
    if (data) gvFreeRenderData(data);
    return rendered;
}

bool render_graph(const jrn_model *model, const jrn_emit_options *options, const char *format,
                  jrn_strbuf *out, jrn_diag_list *diags)
{
    /* The graph is read back from the DOT text rather than laid out as built: dot's
     * layout depends on the order of edges, and agwrite groups them by tail. Reading
     * the text makes `jrnc -T svg` draw exactly what `jrnc | dot -Tsvg` draws. */
    jrn_strbuf dot = STRBUF_INIT;
    if (!emit_dot(model, options, &dot, diags)) {
        strbuf_free(&dot);
        return false;
    }
    GVC_t *context = gvContext();
    Agraph_t *graph = context ? agmemread(strbuf_text(&dot)) : NULL;
    strbuf_free(&dot);
    bool rendered = false;
    if (!graph) {
        diag_error(diags, span_none(), "Graphviz could not start or read the graph");
    } else if (gvLayout(context, graph, "dot") != 0) {
        diag_error(diags, span_none(), "Graphviz could not lay out the map");
    } else {
        rendered = render_graph_data(context, graph, format, out, diags);
        gvFreeLayout(context, graph);
    }
    if (graph) agclose(graph);
    if (context) gvFreeContext(context);
    return rendered;
}
