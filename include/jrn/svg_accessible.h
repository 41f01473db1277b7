/* svg_accessible.h — what a screen reader says of a picture jrnc draws: the <svg> gets
 * role="img" and an aria-label, and its first children are a <title> and a <desc>. */
#ifndef JRN_SVG_ACCESSIBLE_H
#define JRN_SVG_ACCESSIBLE_H

#include <stddef.h>

#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Gives the first <svg> element in svg at or after byte `from` the map's name and view as
 * its accessible name and a summary of what the view shows as its description (user text
 * escaped). Leaves svg as it is when it holds no <svg> element there. */
void svg_describe(jrn_strbuf *svg, size_t from, const jrn_model *model, const jrn_emit_options *options);

#endif
