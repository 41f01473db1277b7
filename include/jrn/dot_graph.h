/* dot_graph.h — the journey map as a Graphviz graph: the one picture that emit_dot writes
 * as DOT (and render_graph lays out in-process from that text). */
#ifndef JRN_DOT_GRAPH_H
#define JRN_DOT_GRAPH_H

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/dot_doc.h"
#include "jrn/emit.h"
#include "jrn/model.h"

/* Builds the picture of model for the view in options (NULL: the full map), allocated in
 * arena. Returns NULL after reporting into diags. */
dot_doc *dot_graph_build(const jrn_model *model, const jrn_emit_options *options, jrn_arena *arena,
                         jrn_diag_list *diags);

#endif
