/* svg_gradient_ids.h — a picture's gradient ids that do not depend on what the process drew
 * before it. */
#ifndef JRN_SVG_GRADIENT_IDS_H
#define JRN_SVG_GRADIENT_IDS_H

#include <stddef.h>

#include "jrn/strbuf.h"

/* Graphviz numbers an SVG's gradients (linear l_N, radial r_N) with counters that live as
 * long as the process, so the same map drawn by a process that drew others first would
 * differ. Renumbers each kind from 0, in svg from byte `from` on: its definitions
 * (id="l_N") and their uses (url(#l_N)). */
void svg_number_gradients(jrn_strbuf *svg, size_t from);

#endif
