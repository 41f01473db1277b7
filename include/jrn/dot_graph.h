/* dot_graph.h — the journey map as a libcgraph graph: the one picture that emit_dot writes
 * as DOT and render_graph lays out in-process. */
#ifndef JRN_DOT_GRAPH_H
#define JRN_DOT_GRAPH_H

#include <cgraph.h>

#include "jrn/diag.h"
#include "jrn/emit.h"
#include "jrn/model.h"

/* Builds the picture of model for the view in options (NULL: the full map). disc is the
 * cgraph discipline (NULL for the default one): emit_dot passes one whose I/O writes into
 * a buffer. Returns NULL after reporting into diags; the caller agclose()s the graph. */
Agraph_t *dot_graph_build(const jrn_model *model, const jrn_emit_options *options,
                          Agdisc_t *disc, jrn_diag_list *diags);

#endif
