/* render_graph.c — the journey-map graph laid out and rendered in-process by libgvc, for
 * `jrnc -T svg|png|pdf` where no `dot` is installed and for the SVG inside HTML reports. */
#include "jrn/emit_dot.h"

#include <gvc.h>

#include "jrn/dot_graph.h"

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
    GVC_t *context = gvContext();
    if (!context) {
        diag_error(diags, span_none(), "Graphviz could not start (gvContext failed)");
        return false;
    }
    Agraph_t *graph = dot_graph_build(model, options, NULL, diags);
    bool rendered = false;
    if (graph && gvLayout(context, graph, "dot") != 0) {
        diag_error(diags, span_none(), "Graphviz could not lay out the map");
    } else if (graph) {
        rendered = render_graph_data(context, graph, format, out, diags);
        gvFreeLayout(context, graph);
    }
    if (graph) agclose(graph);
    gvFreeContext(context);
    return rendered;
}
