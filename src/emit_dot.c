/* emit_dot.c — the DOT output format: the journey-map graph built and written as text. */
#include "jrn/emit_dot.h"

#include "jrn/dot_graph.h"
#include "jrn/dot_write.h"

bool emit_dot(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
              jrn_diag_list *diags)
{
    /* The graph's own arena: its labels are as big as the DOT, and are dropped with it. */
    jrn_arena *arena = arena_new();
    dot_doc *doc = dot_graph_build(model, options, arena, diags);
    if (doc) dot_write(doc, out);
    arena_free(arena);
    return doc != NULL;
}
