/* dot_doc.h — a Graphviz graph as jrnc builds it before writing DOT: the root graph,
 * subgraphs, nodes and edges with their attributes, in the order they were made.
 *
 * It follows libcgraph's model where the DOT text depends on it: attributes are declared
 * per kind with a default (agattr), setting one that is not declared declares it with an
 * empty default (agsafeset), and a root-graph attribute's value is its default. dot_write.c
 * writes it the way agwrite would write the same libcgraph graph, and a test holds the two
 * byte for byte (tests/dot/agwrite_oracle.c). It exists because building the graph in
 * libcgraph only to print it cost more than Graphviz's own `nop` reading and rewriting the
 * printed text (docs/performance.md). */
#ifndef JRN_DOT_DOC_H
#define JRN_DOT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/arena.h"

typedef enum dot_object_kind {
    DOT_OBJECT_GRAPH,   /* the root graph or a subgraph */
    DOT_OBJECT_NODE,
    DOT_OBJECT_EDGE,
    DOT_OBJECT_KIND_COUNT
} dot_object_kind;

typedef struct dot_doc dot_doc;

typedef struct dot_attr {
    const char *value;
    uint32_t symbol;        /* index into the doc's symbols of the object's kind */
    bool is_html;           /* an HTML-like value: written between < > */
} dot_attr;

/* The first member of every graph, node and edge: the object functions take any of them. */
typedef struct dot_object {
    dot_doc *doc;
    dot_object_kind kind;
    uint32_t attr_count;
    uint32_t attr_capacity;
    dot_attr *attrs;        /* the attributes set on this object, each symbol once */
} dot_object;

typedef struct dot_node dot_node;
typedef struct dot_edge dot_edge;

typedef struct dot_graph {
    dot_object object;
    const char *name;
    struct dot_graph *parent;                 /* NULL for the root */
    struct dot_graph *first_child, *last_child, *next_sibling;
    dot_node *first_node, *last_node;         /* the nodes made in this graph itself */
} dot_graph;

struct dot_node {
    dot_object object;
    const char *name;
    size_t seq;                               /* creation order, from 0 */
    dot_graph *owner;                         /* the graph it was made in */
    dot_node *next_in_owner, *next;           /* in owner; in the whole doc */
    dot_edge *first_out, *last_out;           /* in creation order */
    size_t out_count;
    size_t lowest_tail_seq;                   /* of its in-edges; SIZE_MAX for none */
};

struct dot_edge {
    dot_object object;
    size_t seq;                               /* creation order, from 0 */
    dot_node *tail, *head;
    dot_edge *next_out;                       /* the tail's next out-edge */
};

typedef struct dot_symbol {
    const char *name;
    const char *default_value;
    bool default_is_html;
} dot_symbol;

struct dot_doc {
    jrn_arena *arena;                         /* everything of the doc lives here */
    dot_graph root;
    dot_symbol *symbols[DOT_OBJECT_KIND_COUNT];
    size_t symbol_count[DOT_OBJECT_KIND_COUNT];
    dot_node *first_node, *last_node;
    size_t node_count, edge_count;
};

/* A directed root graph named name, allocated in arena. */
dot_doc *dot_doc_new(jrn_arena *arena, const char *name);

/* Declares an attribute of a kind with its default, or changes the default (agattr). */
void dot_doc_declare(dot_doc *doc, dot_object_kind kind, const char *name, const char *default_value);

dot_graph *dot_doc_subgraph(dot_graph *parent, const char *name);
/* A new node made in graph; names are the caller's to keep unique. */
dot_node *dot_doc_node(dot_graph *graph, const char *name);
/* A new edge of the root graph (no key: parallel edges are distinct). */
dot_edge *dot_doc_edge(dot_doc *doc, dot_node *tail, dot_node *head);

/* Sets an attribute of a graph, node or edge (any of them, through its object), declaring
 * it with an empty default if needed. The value is copied. On the root graph it sets the
 * default, as libcgraph does. */
void dot_doc_set(void *object, const char *name, const char *value, bool is_html);

/* The value an object has for a symbol: its own, or the symbol's default. */
const dot_attr *dot_doc_find_attr(const dot_object *object, size_t symbol);
/* The index of a declared attribute of a kind, or SIZE_MAX. */
size_t dot_doc_find_symbol(const dot_doc *doc, dot_object_kind kind, const char *name);

#endif
