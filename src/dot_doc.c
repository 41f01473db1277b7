/* dot_doc.c — building the graph that dot_write.c prints: objects in creation order and
 * attributes declared the way libcgraph declares them. */
#include "jrn/dot_doc.h"

#include <stdint.h>
#include <string.h>

dot_doc *dot_doc_new(jrn_arena *arena, const char *name)
{
    dot_doc *doc = arena_alloc(arena, sizeof *doc);
    doc->arena = arena;
    doc->root.object = (dot_object){.doc = doc, .kind = DOT_OBJECT_GRAPH};
    doc->root.name = arena_strdup(arena, name);
    return doc;
}

size_t dot_doc_find_symbol(const dot_doc *doc, dot_object_kind kind, const char *name)
{
    /* A graph declares a few dozen attributes at most: a scan beats any index. */
    for (size_t i = 0; i < doc->symbol_count[kind]; i++)
        if (strcmp(doc->symbols[kind][i].name, name) == 0) return i;
    return SIZE_MAX;
}

static size_t dot_doc_symbol(dot_doc *doc, dot_object_kind kind, const char *name)
{
    size_t symbol = dot_doc_find_symbol(doc, kind, name);
    if (symbol != SIZE_MAX) return symbol;
    dot_symbol added = {arena_strdup(doc->arena, name), "", false};
    ARENA_PUSH(doc->arena, doc->symbols[kind], doc->symbol_count[kind], added);
    return doc->symbol_count[kind] - 1;
}

static void dot_doc_set_default(dot_doc *doc, dot_object_kind kind, size_t symbol, const char *value,
                                bool is_html)
{
    dot_symbol *declared = &doc->symbols[kind][symbol];
    declared->default_value = arena_strdup(doc->arena, value);
    declared->default_is_html = is_html;
}

void dot_doc_declare(dot_doc *doc, dot_object_kind kind, const char *name, const char *default_value)
{
    dot_doc_set_default(doc, kind, dot_doc_symbol(doc, kind, name), default_value, false);
}

static dot_object dot_doc_object(dot_doc *doc, dot_object_kind kind)
{
    return (dot_object){.doc = doc, .kind = kind};
}

dot_graph *dot_doc_subgraph(dot_graph *parent, const char *name)
{
    dot_doc *doc = parent->object.doc;
    dot_graph *graph = arena_alloc(doc->arena, sizeof *graph);
    graph->object = dot_doc_object(doc, DOT_OBJECT_GRAPH);
    graph->name = arena_strdup(doc->arena, name);
    graph->parent = parent;
    if (parent->last_child) parent->last_child->next_sibling = graph;
    else parent->first_child = graph;
    parent->last_child = graph;
    return graph;
}

dot_node *dot_doc_node(dot_graph *graph, const char *name)
{
    dot_doc *doc = graph->object.doc;
    dot_node *node = arena_alloc(doc->arena, sizeof *node);
    node->object = dot_doc_object(doc, DOT_OBJECT_NODE);
    node->name = arena_strdup(doc->arena, name);
    node->seq = doc->node_count++;
    node->owner = graph;
    node->lowest_tail_seq = SIZE_MAX;
    if (graph->last_node) graph->last_node->next_in_owner = node;
    else graph->first_node = node;
    graph->last_node = node;
    if (doc->last_node) doc->last_node->next = node;
    else doc->first_node = node;
    doc->last_node = node;
    return node;
}

dot_edge *dot_doc_edge(dot_doc *doc, dot_node *tail, dot_node *head)
{
    dot_edge *edge = arena_alloc(doc->arena, sizeof *edge);
    edge->object = dot_doc_object(doc, DOT_OBJECT_EDGE);
    edge->seq = doc->edge_count++;
    edge->tail = tail;
    edge->head = head;
    if (tail->last_out) tail->last_out->next_out = edge;
    else tail->first_out = edge;
    tail->last_out = edge;
    tail->out_count++;
    if (tail->seq < head->lowest_tail_seq) head->lowest_tail_seq = tail->seq;
    return edge;
}

const dot_attr *dot_doc_find_attr(const dot_object *object, size_t symbol)
{
    for (size_t i = 0; i < object->attr_count; i++)
        if (object->attrs[i].symbol == symbol) return &object->attrs[i];
    return NULL;
}

void dot_doc_set(void *target, const char *name, const char *value, bool is_html)
{
    dot_object *object = target;
    dot_doc *doc = object->doc;
    size_t symbol = dot_doc_symbol(doc, object->kind, name);
    if (object == &doc->root.object) {
        dot_doc_set_default(doc, object->kind, symbol, value, is_html);
        return;
    }
    dot_attr attr = {.value = arena_strdup(doc->arena, value), .symbol = (uint32_t)symbol, .is_html = is_html};
    dot_attr *existing = (dot_attr *)dot_doc_find_attr(object, symbol);
    if (existing) {
        *existing = attr;
        return;
    }
    if (object->attr_count == object->attr_capacity) {
        /* Room for four first: most nodes and edges have two to seven attributes, and an
         * arena keeps every outgrown copy. */
        uint32_t capacity = object->attr_capacity ? object->attr_capacity * 2 : 4;
        dot_attr *attrs = arena_alloc_array(doc->arena, capacity, sizeof *attrs);
        if (object->attr_count > 0) memcpy(attrs, object->attrs, object->attr_count * sizeof *attrs);
        object->attrs = attrs;
        object->attr_capacity = capacity;
    }
    object->attrs[object->attr_count++] = attr;
}
