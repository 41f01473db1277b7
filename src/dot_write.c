/* dot_write.c — a dot_doc as DOT text, laid out as libcgraph's agwrite lays out the same
 * graph (with linelength=0): tabs by depth, attributes sorted by name, only those that
 * differ from their default, ids quoted only where DOT needs it, subgraphs in the order
 * they were made (agwrite orders them by ID, which its default ID discipline takes from
 * heap addresses). The layout matters to users (golden files, diffs of generated DOT in
 * their repositories) and a test compares it with agwrite's byte for byte. */
#include "jrn/dot_write.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct dot_writer {
    const dot_doc *doc;
    jrn_strbuf *out;
    int depth;
    /* per kind: symbol indices sorted by name, and each symbol's place in that order */
    size_t *sorted[DOT_OBJECT_KIND_COUNT];
    size_t *rank[DOT_OBJECT_KIND_COUNT];
    size_t tailport, headport;  /* written as ports, never as attributes */
    dot_attr *scratch;          /* one object's attributes in name order */
    size_t scratch_capacity;
    /* agwrite gives a node its attributes the first time it writes it; should it name the
     * node again (a second edge to it from the same node, not next to the first), bare */
    bool *node_written;
    const dot_edge **out_edges; /* one node's out-edges in agwrite's order */
    size_t out_capacity;
} dot_writer;

/* ---- ids and values ---- */

static bool dot_write_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Letters, digits, '_' and every non-ASCII byte may stand unquoted (DOT's ID rule). */
static bool dot_write_is_id_char(unsigned char c)
{
    return dot_write_is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 0x80;
}

/* DOT's keywords, in any case. Every unquoted id and value is asked: one that cannot be
 * a keyword by its length (the usual case: "tp_ticket", "invis", "0.8") is answered
 * without a comparison. */
static bool dot_write_is_keyword(const char *text, size_t length)
{
    static const char *const keywords[] = {"node", "edge", "strict", "graph", "digraph", "subgraph"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == length && strcasecmp(keywords[i], text) == 0) return true;
    return false;
}

/* Whether DOT reads text back as the same id only when quoted: anything but an
 * identifier or a number (-1, .5, 2.25), and the keywords. */
static bool dot_write_needs_quotes(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    if (*s == '\0') return true;
    bool maybe_number = dot_write_is_digit(*s) || *s == '.' || *s == '-';
    size_t dots = 0, length = 0;
    for (; *s; s++, length++) {
        if (*s == '"') return true;
        if (maybe_number) {
            if (*s == '-') {
                if (length > 0) return true;
            } else if (*s == '.') {
                if (dots++ > 0) return true;
            } else if (!dot_write_is_digit(*s)) {
                return true;
            }
        } else if (!dot_write_is_id_char(*s)) {
            return true;
        }
    }
    if (length == 1 && (text[0] == '.' || text[0] == '-')) return true;
    return dot_write_is_keyword(text, length);
}

static void dot_write_quoted(jrn_strbuf *out, const char *text)
{
    strbuf_putc(out, '"');
    for (const char *quote; (quote = strchr(text, '"')) != NULL; text = quote + 1) {
        strbuf_append(out, text, (size_t)(quote - text));
        strbuf_puts(out, "\\\"");
    }
    strbuf_puts(out, text);
    strbuf_putc(out, '"');
}

static void dot_write_id(jrn_strbuf *out, const char *text, bool is_html)
{
    if (is_html) {
        strbuf_putc(out, '<');
        strbuf_puts(out, text);
        strbuf_putc(out, '>');
    } else if (dot_write_needs_quotes(text)) {
        dot_write_quoted(out, text);
    } else {
        strbuf_puts(out, text);
    }
}

static void dot_write_indent(dot_writer *writer)
{
    for (int i = 0; i < writer->depth; i++) strbuf_putc(writer->out, '\t');
}

/* ---- attributes ---- */

static const dot_symbol *dot_write_symbol(const dot_writer *writer, dot_object_kind kind, size_t symbol)
{
    return &writer->doc->symbols[kind][symbol];
}

static void dot_write_sort_symbols(dot_writer *writer, dot_object_kind kind)
{
    const dot_doc *doc = writer->doc;
    size_t count = doc->symbol_count[kind];
    size_t *sorted = arena_alloc_array(doc->arena, count + 1, sizeof *sorted);
    size_t *rank = arena_alloc_array(doc->arena, count + 1, sizeof *rank);
    for (size_t i = 0; i < count; i++) sorted[i] = i;
    /* insertion sort: a few dozen names, and qsort has no context argument in C11 */
    const dot_symbol *symbols = doc->symbols[kind];
    for (size_t i = 1; i < count; i++) {
        size_t moving = sorted[i], k = i;
        for (; k > 0 && strcmp(symbols[sorted[k - 1]].name, symbols[moving].name) > 0; k--)
            sorted[k] = sorted[k - 1];
        sorted[k] = moving;
    }
    for (size_t i = 0; i < count; i++) rank[sorted[i]] = i;
    writer->sorted[kind] = sorted;
    writer->rank[kind] = rank;
}

/* Whether an object's attribute differs from its default: only those are written. */
static bool dot_write_differs(const dot_writer *writer, dot_object_kind kind, const dot_attr *attr)
{
    return strcmp(attr->value, dot_write_symbol(writer, kind, attr->symbol)->default_value) != 0;
}

/* Puts attr into list[0, count) (kept in name order) and returns the new count. */
static size_t dot_write_insert_by_name(const dot_writer *writer, dot_object_kind kind, dot_attr *list,
                                       size_t count, const dot_attr *attr)
{
    const size_t *rank = writer->rank[kind];
    size_t k = count;
    for (; k > 0 && rank[list[k - 1].symbol] > rank[attr->symbol]; k--) list[k] = list[k - 1];
    list[k] = *attr;
    return count + 1;
}

/* An object's attributes that differ from their defaults, in name order, into scratch. */
static size_t dot_write_collect(dot_writer *writer, const dot_object *object)
{
    if (object->attr_count > writer->scratch_capacity) {
        writer->scratch_capacity = object->attr_count * 2;
        writer->scratch = arena_alloc_array(writer->doc->arena, writer->scratch_capacity,
                                            sizeof *writer->scratch);
    }
    size_t count = 0;
    for (size_t i = 0; i < object->attr_count; i++) {
        const dot_attr *attr = &object->attrs[i];
        if (object->kind == DOT_OBJECT_EDGE && (attr->symbol == writer->tailport || attr->symbol == writer->headport))
            continue;
        if (dot_write_differs(writer, object->kind, attr))
            count = dot_write_insert_by_name(writer, object->kind, writer->scratch, count, attr);
    }
    return count;
}

/* "a=1,\n<indent>b=2": the list inside the brackets, one level deeper than the statement. */
static void dot_write_attr_list(dot_writer *writer, dot_object_kind kind, const dot_attr *attrs, size_t count)
{
    writer->depth++;
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            strbuf_puts(writer->out, ",\n");
            dot_write_indent(writer);
        }
        dot_write_id(writer->out, dot_write_symbol(writer, kind, attrs[i].symbol)->name, false);
        strbuf_putc(writer->out, '=');
        dot_write_id(writer->out, attrs[i].value, attrs[i].is_html);
    }
    writer->depth--;
}

/* "\t[a=1,\n\t\tb=2]" after a node or edge: agwrite's write_nondefault_attrs. */
static void dot_write_object_attrs(dot_writer *writer, const dot_object *object)
{
    size_t count = dot_write_collect(writer, object);
    if (count == 0) return;
    strbuf_puts(writer->out, "\t[");
    dot_write_attr_list(writer, object->kind, writer->scratch, count);
    strbuf_putc(writer->out, ']');
}

/* "graph [a=1,\n\t\tb=2\n\t];" — a statement of attribute pairs: agwrite's write_dict. */
static void dot_write_pairs(dot_writer *writer, const char *keyword, const dot_attr *pairs,
                            size_t count, dot_object_kind kind)
{
    if (count == 0) return;
    dot_write_indent(writer);
    strbuf_puts(writer->out, keyword);
    strbuf_puts(writer->out, " [");
    dot_write_attr_list(writer, kind, pairs, count);
    if (count > 1) {
        strbuf_putc(writer->out, '\n');
        dot_write_indent(writer);
    }
    strbuf_puts(writer->out, "];\n");
}

/* The root's "graph", "node" and "edge" statements: every default that is not empty. */
static void dot_write_defaults(dot_writer *writer, const char *keyword, dot_object_kind kind)
{
    const dot_doc *doc = writer->doc;
    dot_attr *pairs = arena_alloc_array(doc->arena, doc->symbol_count[kind] + 1, sizeof *pairs);
    size_t count = 0;
    for (size_t i = 0; i < doc->symbol_count[kind]; i++) {
        const dot_symbol *symbol = dot_write_symbol(writer, kind, writer->sorted[kind][i]);
        if (symbol->default_value[0] == '\0') continue;
        pairs[count++] = (dot_attr){.value = symbol->default_value, .symbol = (uint32_t)writer->sorted[kind][i],
                                    .is_html = symbol->default_is_html};
    }
    dot_write_pairs(writer, keyword, pairs, count, kind);
}

/* The value a subgraph inherits for a symbol: its nearest ancestor's own, or the default. */
static const char *dot_write_inherited(const dot_writer *writer, const dot_graph *graph, size_t symbol)
{
    for (const dot_graph *above = graph->parent; above && above->parent; above = above->parent) {
        const dot_attr *attr = dot_doc_find_attr(&above->object, symbol);
        if (attr) return attr->value;
    }
    return dot_write_symbol(writer, DOT_OBJECT_GRAPH, symbol)->default_value;
}

/* A subgraph's "graph [...]": the attributes set on it, an empty one only where it
 * hides a value from above. */
static void dot_write_subgraph_attrs(dot_writer *writer, const dot_graph *graph)
{
    dot_attr *pairs = arena_alloc_array(writer->doc->arena, graph->object.attr_count + 1, sizeof *pairs);
    size_t count = 0;
    for (size_t i = 0; i < graph->object.attr_count; i++) {
        const dot_attr *attr = &graph->object.attrs[i];
        if (attr->value[0] != '\0' || dot_write_inherited(writer, graph, attr->symbol)[0] != '\0')
            count = dot_write_insert_by_name(writer, DOT_OBJECT_GRAPH, pairs, count, attr);
    }
    dot_write_pairs(writer, "graph", pairs, count, DOT_OBJECT_GRAPH);
}

/* ---- nodes, edges, graphs ---- */

static void dot_write_node(dot_writer *writer, const dot_node *node)
{
    dot_write_indent(writer);
    dot_write_id(writer->out, node->name, false);
    if (!writer->node_written[node->seq]) dot_write_object_attrs(writer, &node->object);
    writer->node_written[node->seq] = true;
    strbuf_puts(writer->out, ";\n");
}

static void dot_write_port(dot_writer *writer, const dot_edge *edge, size_t symbol)
{
    if (symbol == SIZE_MAX) return;
    const dot_attr *attr = dot_doc_find_attr(&edge->object, symbol);
    const char *port = attr ? attr->value : dot_write_symbol(writer, DOT_OBJECT_EDGE, symbol)->default_value;
    if (port[0] == '\0') return;
    strbuf_putc(writer->out, ':');
    const char *colon = strchr(port, ':');
    if (attr && attr->is_html) {
        dot_write_id(writer->out, port, true);
    } else if (colon) {
        /* "name:compass": each part an id of its own */
        char *name = arena_strndup(writer->doc->arena, port, (size_t)(colon - port));
        dot_write_id(writer->out, name, false);
        strbuf_putc(writer->out, ':');
        dot_write_id(writer->out, colon + 1, false);
    } else {
        dot_write_id(writer->out, port, false);
    }
}

static void dot_write_edge(dot_writer *writer, const dot_edge *edge)
{
    dot_write_indent(writer);
    dot_write_id(writer->out, edge->tail->name, false);
    dot_write_port(writer, edge, writer->tailport);
    strbuf_puts(writer->out, " -> ");
    dot_write_id(writer->out, edge->head->name, false);
    dot_write_port(writer, edge, writer->headport);
    dot_write_object_attrs(writer, &edge->object);
    strbuf_puts(writer->out, ";\n");
}

static bool dot_write_has_own_attrs(const dot_writer *writer, const dot_node *node)
{
    for (size_t i = 0; i < node->object.attr_count; i++)
        if (dot_write_differs(writer, DOT_OBJECT_NODE, &node->object.attrs[i])) return true;
    return false;
}

/* A node of the root graph is written where agwrite writes it: just before the first edge
 * that reaches it from a node made earlier than itself, or at its own turn; and only when
 * it has attributes of its own or no edges at all (otherwise its edges name it). Nodes
 * made in subgraphs are written there. */
static bool dot_write_root_node_now(const dot_writer *writer, const dot_node *node, size_t turn)
{
    if (node->owner != &writer->doc->root) return false;
    if (node->seq < turn || node->lowest_tail_seq < turn) return false;
    bool has_edges = node->first_out || node->lowest_tail_seq != SIZE_MAX;
    return !has_edges || dot_write_has_own_attrs(writer, node);
}

static void dot_write_subgraph(dot_writer *writer, const dot_graph *graph)
{
    dot_write_indent(writer);
    strbuf_puts(writer->out, "subgraph ");
    dot_write_id(writer->out, graph->name, false);
    strbuf_puts(writer->out, " {\n");
    writer->depth++;
    dot_write_subgraph_attrs(writer, graph);
    for (const dot_graph *child = graph->first_child; child; child = child->next_sibling)
        dot_write_subgraph(writer, child);
    /* edges all belong to the root: inside a subgraph every node stands alone */
    for (const dot_node *node = graph->first_node; node; node = node->next_in_owner)
        dot_write_node(writer, node);
    writer->depth--;
    dot_write_indent(writer);
    strbuf_puts(writer->out, "}\n");
}

/* libcgraph keeps a node's out-edges ordered by their heads' creation, then their own. */
static int dot_write_compare_out_edges(const void *left, const void *right)
{
    const dot_edge *a = *(const dot_edge *const *)left, *b = *(const dot_edge *const *)right;
    if (a->head->seq != b->head->seq) return a->head->seq < b->head->seq ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static size_t dot_write_sort_out_edges(dot_writer *writer, const dot_node *node)
{
    if (node->out_count == 0) return 0;
    if (node->out_count > writer->out_capacity) {
        writer->out_capacity = node->out_count * 2;
        writer->out_edges = arena_alloc_array(writer->doc->arena, writer->out_capacity,
                                              sizeof *writer->out_edges);
    }
    size_t count = 0;
    for (const dot_edge *edge = node->first_out; edge; edge = edge->next_out)
        writer->out_edges[count++] = edge;
    if (count > 1) qsort(writer->out_edges, count, sizeof *writer->out_edges, dot_write_compare_out_edges);
    return count;
}

static void dot_write_root_body(dot_writer *writer)
{
    const dot_doc *doc = writer->doc;
    for (const dot_graph *child = doc->root.first_child; child; child = child->next_sibling)
        dot_write_subgraph(writer, child);
    for (const dot_node *node = doc->first_node; node; node = node->next) {
        if (dot_write_root_node_now(writer, node, node->seq)) dot_write_node(writer, node);
        const dot_node *previous = node;
        size_t out_count = dot_write_sort_out_edges(writer, node);
        for (size_t i = 0; i < out_count; i++) {
            const dot_edge *edge = writer->out_edges[i];
            if (edge->head != previous && dot_write_root_node_now(writer, edge->head, node->seq)) {
                dot_write_node(writer, edge->head);
                previous = edge->head;
            }
            dot_write_edge(writer, edge);
        }
    }
}

void dot_write(const dot_doc *doc, jrn_strbuf *out)
{
    dot_writer writer = {.doc = doc, .out = out};
    writer.node_written = arena_alloc_array(doc->arena, doc->node_count + 1, sizeof(bool));
    for (int kind = 0; kind < DOT_OBJECT_KIND_COUNT; kind++) dot_write_sort_symbols(&writer, kind);
    writer.tailport = dot_doc_find_symbol(doc, DOT_OBJECT_EDGE, "tailport");
    writer.headport = dot_doc_find_symbol(doc, DOT_OBJECT_EDGE, "headport");
    strbuf_puts(out, "digraph ");
    dot_write_id(out, doc->root.name, false);
    strbuf_puts(out, " {\n");
    writer.depth = 1;
    dot_write_defaults(&writer, "graph", DOT_OBJECT_GRAPH);
    dot_write_defaults(&writer, "node", DOT_OBJECT_NODE);
    dot_write_defaults(&writer, "edge", DOT_OBJECT_EDGE);
    dot_write_root_body(&writer);
    strbuf_puts(out, "}\n");
}
