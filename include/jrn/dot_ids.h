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

/* The ID discipline and libcgraph's agstrdup as loaded (render_graph.c), which interns the
 * names. A graph is read with an Agdisc_t whose id member points at ids; the caller keeps
 * this alive as long as any graph using it. */
typedef struct dot_ids_discipline {
    Agiddisc_t ids;      /* first: libcgraph hands back a pointer to it */
    char *(*intern)(Agraph_t *graph, char *text);
} dot_ids_discipline;

void dot_ids_discipline_init(dot_ids_discipline *discipline, char *(*intern)(Agraph_t *graph, char *text));

#endif
