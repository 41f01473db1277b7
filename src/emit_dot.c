/* emit_dot.c — the DOT output format: the journey-map graph written by agwrite into a buffer. */
#include "jrn/emit_dot.h"

#include <stdio.h>

#include "jrn/dot_graph.h"

/* agwrite's output channel is the strbuf itself. */
static int emit_dot_put(void *channel, const char *text)
{
    strbuf_puts(channel, text);
    return 0;
}

static int emit_dot_flush(void *channel)
{
    (void)channel;
    return 0;
}

bool emit_dot(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
              jrn_diag_list *diags)
{
    Agiodisc_t io = {AgIoDisc.afread, emit_dot_put, emit_dot_flush};
    Agdisc_t discipline = {&AgMemDisc, &AgIdDisc, &io};
    agreseterrors();
    Agraph_t *graph = dot_graph_build(model, options, &discipline, diags);
    if (!graph) return false;
    bool written = agwrite(graph, out) != EOF && agerrors() == 0;
    if (!written) diag_error(diags, span_none(), "Graphviz could not write the graph as DOT");
    agclose(graph);
    return written;
}
