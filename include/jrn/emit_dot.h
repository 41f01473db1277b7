/* emit_dot.h — Graphviz output of a journey map: DOT text (`jrnc -f dot`, the default) and
 * pictures rendered in-process through libgvc (`jrnc -T svg|png|pdf`, inline SVG in reports). */
#ifndef JRN_EMIT_DOT_H
#define JRN_EMIT_DOT_H

#include <stdbool.h>

#include "jrn/diag.h"
#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Appends the map as DOT for the view in options (NULL: full). Byte-identical from run to
 * run. Returns false after reporting into diags when Graphviz fails. */
bool emit_dot(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
              jrn_diag_list *diags);

/* Lays the same graph out with Graphviz's dot engine in this process and appends it
 * rendered in format ("svg", "png", "pdf": any format this Graphviz renders; png and pdf
 * are binary, so use out->length). SVG comes as a whole document, XML prolog included.
 * Returns false after reporting into diags when layout or rendering fails. */
bool render_graph(const jrn_model *model, const jrn_emit_options *options, const char *format,
                  jrn_strbuf *out, jrn_diag_list *diags);

/* The same for several views of one map (outs[i] for views[i]), laid out in one Graphviz
 * context: kept (render_context_new), else one made for the call. A process that draws
 * more than one picture must draw them all in one context. */
bool render_graphs(const jrn_model *model, const jrn_emit_options *const *views, size_t count,
                   const char *format, render_context *kept, jrn_strbuf *outs, jrn_diag_list *diags);

/* A Graphviz context kept across the pictures of many maps, in a process that compiles
 * map after map (jrnc site's workers). Graphviz 2.43 cannot lay out in a second context
 * after the first was freed: its pango plugin keeps pointing at the last font name it
 * measured, a string the context owns. Once a process has drawn, pango has threads of its
 * own: it must not fork (a child would inherit their locks held). NULL when Graphviz
 * cannot start (the pictures then say so). */
render_context *render_context_new(void);
void render_context_free(render_context *context);


#endif
