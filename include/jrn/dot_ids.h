/* dot_ids.h — a libcgraph ID discipline that numbers named objects in the order they are
 * made, so a graph's subgraphs come back in the order they were written.
 *
 * libcgraph visits (lays out, writes) subgraphs in the order of their IDs, and its default
 * discipline takes the address of each interned name: in a fresh `dot` process that is the
 * order of creation, but in a process whose heap has seen other work it is any order, and
 * `jrnc -T svg` would draw clusters differently from `jrnc | dot -Tsvg`. */
#ifndef JRN_DOT_IDS_H
#define JRN_DOT_IDS_H

#include <cgraph.h>

/* Fills *discipline (the caller keeps it alive as long as any graph using it). */
void dot_ids_discipline(Agiddisc_t *discipline);

#endif
