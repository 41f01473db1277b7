/* agwrite_copy.c — the reference for jrnc's DOT writer: a dot_doc copied object by object
 * into a libcgraph graph and written by Graphviz's own agwrite. Used by the oracle test
 * (agwrite_oracle.c) and by the fuzzer (tests/fuzz/fuzz_jrnc.c). */
#include "agwrite_copy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "jrn/dot_ids.h"
#include "jrn/dot_write.h"

static int agwrite_copy_put(void *channel, const char *text)
{
    strbuf_puts(channel, text);
    return 0;
}

static int agwrite_copy_flush(void *channel)
{
    (void)channel;
    return 0;
}

static const int agwrite_copy_kinds[DOT_OBJECT_KIND_COUNT] = {AGRAPH, AGNODE, AGEDGE};

/* agxset with the value's HTML mark kept (agstrdup_html, as jrnc did before dot_write). */
static void agwrite_copy_set(Agraph_t *root, void *object, dot_object_kind kind, const char *name,
                             const dot_attr *attr)
{
    Agsym_t *symbol = agattr(root, agwrite_copy_kinds[kind], (char *)name, NULL);
    if (!symbol) symbol = agattr(root, agwrite_copy_kinds[kind], (char *)name, (char *)"");
    char *value = attr->is_html ? agstrdup_html(root, (char *)attr->value) : agstrdup(root, (char *)attr->value);
    agxset(object, symbol, value);
    agstrfree(root, value);
}

static void agwrite_copy_attrs(Agraph_t *root, void *object, const dot_object *from)
{
    const dot_doc *doc = from->doc;
    for (size_t i = 0; i < from->attr_count; i++)
        agwrite_copy_set(root, object, from->kind, doc->symbols[from->kind][from->attrs[i].symbol].name,
                         &from->attrs[i]);
}

typedef struct agwrite_copy_graphs {
    const dot_graph **from;
    Agraph_t **to;
    size_t count;
} agwrite_copy_graphs;

static void agwrite_copy_subgraphs(Agraph_t *root, const dot_graph *from, Agraph_t *to,
                                   agwrite_copy_graphs *graphs)
{
    graphs->from = realloc(graphs->from, (graphs->count + 1) * sizeof *graphs->from);
    graphs->to = realloc(graphs->to, (graphs->count + 1) * sizeof *graphs->to);
    if (!graphs->from || !graphs->to) abort();
    graphs->from[graphs->count] = from;
    graphs->to[graphs->count++] = to;
    if (from->parent) agwrite_copy_attrs(root, to, &from->object);
    for (const dot_graph *child = from->first_child; child; child = child->next_sibling)
        agwrite_copy_subgraphs(root, child, agsubg(to, (char *)child->name, 1), graphs);
}

static Agraph_t *agwrite_copy_graph_of(const agwrite_copy_graphs *graphs, const dot_graph *from)
{
    for (size_t i = 0; i < graphs->count; i++)
        if (graphs->from[i] == from) return graphs->to[i];
    abort();
}

static int agwrite_copy_by_seq(const void *left, const void *right)
{
    const dot_edge *a = *(const dot_edge *const *)left, *b = *(const dot_edge *const *)right;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

bool agwrite_copy(const dot_doc *doc, jrn_strbuf *out)
{
    Agiodisc_t io = {AgIoDisc.afread, agwrite_copy_put, agwrite_copy_flush};
    /* libcgraph writes subgraphs in the order of their IDs; jrnc writes them in the order
     * it made them, which these IDs follow (its default IDs follow the heap). */
    dot_ids_discipline ids;
    dot_ids_discipline_init(&ids, agstrdup);
    Agdisc_t discipline = {&AgMemDisc, &ids.ids, &io};
    Agraph_t *root = agopen((char *)doc->root.name, Agdirected, &discipline);
    for (int kind = 0; kind < DOT_OBJECT_KIND_COUNT; kind++) {
        for (size_t i = 0; i < doc->symbol_count[kind]; i++) {
            const dot_symbol *symbol = &doc->symbols[kind][i];
            agattr(root, agwrite_copy_kinds[kind], (char *)symbol->name, (char *)"");
            dot_attr value = {.value = symbol->default_value, .symbol = (uint32_t)i, .is_html = symbol->default_is_html};
            if (kind == DOT_OBJECT_GRAPH) {
                agwrite_copy_set(root, root, DOT_OBJECT_GRAPH, symbol->name, &value);
            } else {
                char *text = symbol->default_is_html ? agstrdup_html(root, (char *)symbol->default_value)
                                                     : agstrdup(root, (char *)symbol->default_value);
                agattr(root, agwrite_copy_kinds[kind], (char *)symbol->name, text);
                agstrfree(root, text);
            }
        }
    }
    agwrite_copy_graphs graphs = {0};
    agwrite_copy_subgraphs(root, &doc->root, root, &graphs);
    Agnode_t **nodes = calloc(doc->node_count + 1, sizeof *nodes);
    const dot_edge **edges = calloc(doc->edge_count + 1, sizeof *edges);
    if (!nodes || !edges) abort();
    size_t edge_count = 0;
    for (const dot_node *node = doc->first_node; node; node = node->next) {
        nodes[node->seq] = agnode(agwrite_copy_graph_of(&graphs, node->owner), (char *)node->name, 1);
        agwrite_copy_attrs(root, nodes[node->seq], &node->object);
        for (const dot_edge *edge = node->first_out; edge; edge = edge->next_out) edges[edge_count++] = edge;
    }
    qsort(edges, edge_count, sizeof *edges, agwrite_copy_by_seq);
    for (size_t i = 0; i < edge_count; i++) {
        Agedge_t *edge = agedge(root, nodes[edges[i]->tail->seq], nodes[edges[i]->head->seq], NULL, 1);
        agwrite_copy_attrs(root, edge, &edges[i]->object);
    }
    bool written = agwrite(root, out) != EOF;
    agclose(root);
    free(nodes);
    free(edges);
    free(graphs.from);
    free(graphs.to);
    return written;
}

bool agwrite_copy_agrees(const dot_doc *doc, jrn_strbuf *ours, jrn_strbuf *theirs)
{
    dot_write(doc, ours);
    return agwrite_copy(doc, theirs) && ours->length == theirs->length &&
           memcmp(strbuf_text(ours), strbuf_text(theirs), ours->length) == 0;
}
