/* lsp_symbols.c — what is declared where: the element under the cursor (a declaration's id
 * or any resolved name), the document's outline (stages with their sub-stages and
 * touchpoints, journeys, people, channels, metrics) and the workspace's symbols. */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void lsp_each_element(const jrn_model *model, void (*visit)(const jrn_element *element, void *context),
                      void *context)
{
    if (model->map.is_declared && model->map.base.id != NULL) visit(&model->map.base, context);
    for (size_t i = 0; i < model->segment_count; i++) visit(&model->segments[i]->base, context);
    for (size_t i = 0; i < model->persona_count; i++) visit(&model->personas[i]->base, context);
    for (size_t i = 0; i < model->team_count; i++) visit(&model->teams[i]->base, context);
    for (size_t i = 0; i < model->channel_count; i++) visit(&model->channels[i]->base, context);
    for (size_t i = 0; i < model->stage_count; i++) visit(&model->stages[i]->base, context);
    for (size_t i = 0; i < model->touchpoint_count; i++) visit(&model->touchpoints[i]->base, context);
    for (size_t i = 0; i < model->journey_count; i++) visit(&model->journeys[i]->base, context);
    for (size_t i = 0; i < model->metric_count; i++) visit(&model->metrics[i]->base, context);
}

static bool lsp_span_covers(jrn_span span, const jrn_source *source, uint32_t offset)
{
    return span.source == source && span.begin <= offset && offset <= span.end && span.begin < span.end;
}

typedef struct lsp_element_search {
    const jrn_source *source;
    uint32_t offset;
    const jrn_element *found;
    jrn_span span;
} lsp_element_search;

static void lsp_match_declaration(const jrn_element *element, void *context)
{
    lsp_element_search *search = context;
    if (search->found == NULL && lsp_span_covers(element->id_span, search->source, search->offset)) {
        search->found = element;
        search->span = element->id_span;
    }
}

const jrn_element *lsp_element_at(const jrn_model *model, const jrn_source *source, uint32_t offset,
                                  jrn_span *span)
{
    for (size_t i = 0; i < model->reference_count; i++) {
        const jrn_reference *reference = &model->references[i];
        if (lsp_span_covers(reference->span, source, offset) && reference->target != NULL) {
            *span = reference->span;
            return reference->target;
        }
    }
    lsp_element_search search = {source, offset, NULL, span_none()};
    lsp_each_element(model, lsp_match_declaration, &search);
    *span = search.span;
    return search.found;
}

/* LSP's SymbolKind for each kind of declaration. */
static int lsp_symbol_kind(jrn_kind kind)
{
    switch (kind) {
    case KIND_MAP: return 2;          /* Module */
    case KIND_SEGMENT: return 10;     /* Enum */
    case KIND_PERSONA: return 5;      /* Class */
    case KIND_TEAM: return 23;        /* Struct */
    case KIND_CHANNEL: return 11;     /* Interface */
    case KIND_STAGE: return 3;        /* Namespace */
    case KIND_TOUCHPOINT: return 24;  /* Event */
    case KIND_JOURNEY: return 12;     /* Function */
    case KIND_METRIC: return 14;      /* Constant */
    default: return 8;                /* Field */
    }
}

/* --- the outline --- */

typedef struct lsp_outline_node {
    const jrn_element *element;   /* NULL for a stage declared elsewhere and extended here */
    const jrn_stage *stage;       /* the stage a group stands for */
    uint32_t begin, end;          /* the range: the declaration and every child */
    struct lsp_outline_node **children;
    size_t child_count;
} lsp_outline_node;

static lsp_outline_node *lsp_node_new(const jrn_element *element, const jrn_stage *stage)
{
    lsp_outline_node *node = memory_calloc(1, sizeof *node);
    node->element = element;
    node->stage = stage;
    node->begin = element != NULL ? element->span.begin : UINT32_MAX;
    node->end = element != NULL ? element->span.end : 0;
    return node;
}

static void lsp_node_add(lsp_outline_node *parent, lsp_outline_node *child)
{
    MEMORY_PUSH(parent->children, parent->child_count, child);
    if (child->begin < parent->begin) parent->begin = child->begin;
    if (child->end > parent->end) parent->end = child->end;
}

static int lsp_node_order(const void *a, const void *b)
{
    const lsp_outline_node *x = *(lsp_outline_node *const *)a, *y = *(lsp_outline_node *const *)b;
    return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* The node as a DocumentSymbol, its ranges in the document's current text (basis). */
static json_t *lsp_node_json(const lsp_server *server, const lsp_basis *basis, lsp_outline_node *node)
{
    if (node->child_count > 1) qsort(node->children, node->child_count, sizeof *node->children, lsp_node_order);
    json_t *children = json_array();
    for (size_t i = 0; i < node->child_count; i++) {
        json_array_append_new(children, lsp_node_json(server, basis, node->children[i]));
    }
    jrn_span range = lsp_basis_range(basis, (jrn_span){basis->root, node->begin, node->end});
    const jrn_element *named = node->element != NULL ? node->element : &node->stage->base;
    jrn_span selection = lsp_basis_range(basis, node->element != NULL ? named->id_span
                                                                      : (jrn_span){basis->root, node->begin, node->begin});
    /* The selection lies within the range (LSP requires it), also around an edit. */
    if (selection.begin < range.begin || selection.end > range.end) selection = (jrn_span){range.source, range.begin, range.begin};
    const char *detail = node->element != NULL ? (named->title != NULL ? named->title : kind_name(named->kind))
                                               : "extended here";
    json_t *symbol = json_pack("{s:o,s:o,s:i,s:o,s:o,s:o}", "name", lsp_string(named->id != NULL ? named->id : "map"),
                               "detail", lsp_string(detail), "kind", lsp_symbol_kind(named->kind),
                               "range", lsp_range_json(range, server->encoding),
                               "selectionRange", lsp_range_json(selection, server->encoding), "children", children);
    free(node->children);
    free(node);
    return symbol;
}

typedef struct lsp_outline {
    const jrn_model *model;
    const jrn_source *source;
    lsp_outline_node root;
    lsp_outline_node **stage_nodes;   /* per stage index: its node in this file, or NULL */
} lsp_outline;

static void lsp_outline_plain(const jrn_element *element, void *context)
{
    lsp_outline *outline = context;
    if (element->span.source != outline->source) return;
    if (element->kind == KIND_STAGE || element->kind == KIND_TOUCHPOINT) return;
    lsp_node_add(&outline->root, lsp_node_new(element, NULL));
}

/* The node a stage's children go under: its declaration here, or a group for the stage
 * (declared in a used file and extended here), created on first need. */
static lsp_outline_node *lsp_outline_stage(lsp_outline *outline, const jrn_stage *stage)
{
    lsp_outline_node **slot = &outline->stage_nodes[stage->base.index];
    if (*slot != NULL) return *slot;
    bool here = stage->base.span.source == outline->source;
    *slot = lsp_node_new(here ? &stage->base : NULL, stage);
    lsp_outline_node *parent = here && stage->parent != NULL && stage->parent->base.span.source == outline->source
        ? lsp_outline_stage(outline, stage->parent) : &outline->root;
    lsp_node_add(parent, *slot);
    return *slot;
}

/* Adds child under parent, and widens every ancestor's range up to the root. */
static void lsp_outline_add_touchpoint(lsp_outline *outline, const jrn_touchpoint *touchpoint)
{
    lsp_outline_node *node = lsp_outline_stage(outline, touchpoint->stage);
    lsp_node_add(node, lsp_node_new(&touchpoint->base, NULL));
    for (const jrn_stage *stage = touchpoint->stage->parent; stage != NULL; stage = stage->parent) {
        lsp_outline_node *above = outline->stage_nodes[stage->base.index];
        if (above == NULL) break;
        if (node->begin < above->begin) above->begin = node->begin;
        if (node->end > above->end) above->end = node->end;
        node = above;
    }
}

json_t *lsp_document_symbols(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL) return NULL;
    lsp_basis basis;
    lsp_basis_get(server, document, &basis);
    const jrn_model *model = basis.model;
    if (model == NULL) return json_array();
    lsp_outline outline = {model, basis.root, {0}, NULL};
    outline.stage_nodes = memory_calloc(model->stage_count + 1, sizeof *outline.stage_nodes);
    lsp_each_element(model, lsp_outline_plain, &outline);
    for (size_t i = 0; i < model->stage_count; i++) {
        if (model->stages[i]->base.span.source == outline.source) lsp_outline_stage(&outline, model->stages[i]);
    }
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = model->touchpoints[i];
        if (touchpoint->base.span.source == outline.source && touchpoint->stage != NULL) {
            lsp_outline_add_touchpoint(&outline, touchpoint);
        }
    }
    free(outline.stage_nodes);
    if (outline.root.child_count > 1) {
        qsort(outline.root.children, outline.root.child_count, sizeof *outline.root.children, lsp_node_order);
    }
    json_t *symbols = json_array();
    for (size_t i = 0; i < outline.root.child_count; i++) {
        json_array_append_new(symbols, lsp_node_json(server, &basis, outline.root.children[i]));
    }
    free(outline.root.children);
    return symbols;
}

/* --- workspace symbols --- */

static bool lsp_contains_folded(const char *text, const char *query)
{
    if (query[0] == '\0') return true;
    for (; *text != '\0'; text++) {
        size_t i = 0;
        while (query[i] != '\0' && text[i] != '\0' &&
               tolower((unsigned char)text[i]) == tolower((unsigned char)query[i])) i++;
        if (query[i] == '\0') return true;
    }
    return false;
}

typedef struct lsp_symbol_search {
    lsp_server *server;
    const jrn_source *source;
    const char *query;
    json_t *found;
} lsp_symbol_search;

static void lsp_match_symbol(const jrn_element *element, void *context)
{
    lsp_symbol_search *search = context;
    if (element->span.source != search->source || element->id == NULL) return;
    if (!lsp_contains_folded(element->id, search->query) &&
        (element->title == NULL || !lsp_contains_folded(element->title, search->query))) return;
    char *uri = lsp_uri_for_path(&search->server->documents, element->span.source->path);
    json_t *symbol = json_pack("{s:o,s:i,s:{s:s,s:o}}", "name", lsp_string(element->id),
                               "kind", lsp_symbol_kind(element->kind), "location", "uri", uri,
                               "range", lsp_range_json(element->id_span, search->server->encoding));
    if (element->title != NULL) json_object_set_new(symbol, "containerName", lsp_string(element->title));
    json_array_append_new(search->found, symbol);
    free(uri);
}

/* A map of the workspace that is not open: compiled from disk (open documents it uses
 * read unsaved) for its own declarations, then freed. */
static void lsp_match_in_map(const char *path, void *context)
{
    lsp_symbol_search *search = context;
    if (lsp_document_for_path(&search->server->documents, path) != NULL) return;
    jrn_compilation *compilation = compile_new();
    compile_file(compilation, path, &search->server->options);
    if (compilation->resolved_model != NULL) {
        search->source = lsp_root_source(compilation->resolved_model);
        lsp_each_element(compilation->resolved_model, lsp_match_symbol, search);
    }
    compile_free(compilation);
}

json_t *lsp_workspace_symbols(lsp_server *server, const json_t *params, lsp_error *error)
{
    (void)error;
    const char *query = json_string_value(json_object_get(params, "query"));
    lsp_symbol_search search = {server, NULL, query != NULL ? query : "", json_array()};
    for (size_t i = 0; i < server->documents.count; i++) {
        const jrn_model *model = lsp_analysis(server, server->documents.items[i])->resolved_model;
        if (model == NULL) continue;
        search.source = lsp_root_source(model);
        lsp_each_element(model, lsp_match_symbol, &search);
    }
    lsp_workspace_each_map(&server->workspace, lsp_match_in_map, &search);
    return search.found;
}
