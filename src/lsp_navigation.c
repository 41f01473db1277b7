/* lsp_navigation.c — go to definition, find references and document highlight: from any
 * name under the cursor (a declaration's id or a resolved reference) to the declaration and
 * every use, through model->references, across the files the map uses; from a `use` path
 * to the file it brings in. */
#include "jrn/lsp.h"

#include <stdlib.h>

/* The element under the request's position, from the basis the document's names are
 * answered from (lsp_basis), or NULL (a position on no name or inside the edit since the
 * last text that parsed, or a document whose names never resolved). */
static const jrn_element *lsp_target(lsp_server *server, const json_t *params, lsp_basis *basis,
                                     uint32_t *offset, lsp_error *error)
{
    *basis = (lsp_basis){0};
    lsp_document *document = lsp_params_document(server, params, error);
    uint32_t current_offset;
    if (document == NULL || !lsp_params_offset(server, document, params, &current_offset, error)) return NULL;
    lsp_basis_get(server, document, basis);
    if (basis->model == NULL || !lsp_basis_offset(basis, current_offset, offset)) return NULL;
    jrn_span span;
    return lsp_element_at(basis->model, basis->root, *offset, &span);
}

/* The location of a span of the basis's model, or NULL when it lies in the edit. */
static json_t *lsp_location(lsp_server *server, const lsp_basis *basis, jrn_span span)
{
    jrn_span current;
    if (!lsp_basis_span(basis, span, &current)) return NULL;
    char *uri = lsp_uri_for_path(&server->documents, current.source->path);
    json_t *location = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range_json(current, server->encoding));
    free(uri);
    return location;
}

/* The file a `use` path under the cursor brings in: of the files loaded for that use (the
 * file and, before it in load order, what it uses), the last. */
static const jrn_source *lsp_used_file_at(const jrn_model *model, const jrn_source *source, uint32_t offset)
{
    const jrn_source *found = NULL;
    for (size_t i = 0; i < model->file_count; i++) {
        jrn_span use = model->files[i].used_at;
        if (use.source == source && use.begin <= offset && offset <= use.end) found = model->files[i].source;
    }
    return found;
}

json_t *lsp_definition(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_basis basis;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &basis, &offset, error);
    json_t *location = NULL;
    if (element != NULL && element->id_span.source != NULL) {
        location = lsp_location(server, &basis, element->id_span);
    } else if (basis.model != NULL) {
        const jrn_source *used = lsp_used_file_at(basis.model, basis.root, offset);
        if (used != NULL) location = lsp_location(server, &basis, (jrn_span){used, 0, 0});
    }
    if (location == NULL && error->code != 0) return NULL;
    return location != NULL ? location : json_null();
}

/* Calls found for the declaration's id (when with_declaration) and every reference to element. */
static void lsp_each_use(const jrn_model *model, const jrn_element *element, bool with_declaration,
                         void (*found)(jrn_span span, bool is_declaration, void *context), void *context)
{
    if (with_declaration && element->id_span.source != NULL) found(element->id_span, true, context);
    for (size_t i = 0; i < model->reference_count; i++) {
        if (model->references[i].target == element) found(model->references[i].span, false, context);
    }
}

typedef struct lsp_use_list {
    lsp_server *server;
    const lsp_basis *basis;
    const jrn_source *only;     /* highlights: uses in this file only; NULL: every file */
    json_t *items;
} lsp_use_list;

static void lsp_add_location(jrn_span span, bool is_declaration, void *context)
{
    (void)is_declaration;
    lsp_use_list *list = context;
    json_t *location = span.source != NULL ? lsp_location(list->server, list->basis, span) : NULL;
    if (location != NULL) json_array_append_new(list->items, location);
}

json_t *lsp_references(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_basis basis;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &basis, &offset, error);
    if (element == NULL) return error->code != 0 ? NULL : json_array();
    bool with_declaration = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
    lsp_use_list list = {server, &basis, NULL, json_array()};
    lsp_each_use(basis.model, element, with_declaration, lsp_add_location, &list);
    return list.items;
}

static void lsp_add_highlight(jrn_span span, bool is_declaration, void *context)
{
    lsp_use_list *list = context;
    jrn_span current;
    if (span.source != list->only || !lsp_basis_span(list->basis, span, &current)) return;
    /* DocumentHighlightKind: 3 write (where it is declared), 2 read (where it is used). */
    json_array_append_new(list->items, json_pack("{s:o,s:i}", "range", lsp_range_json(current, list->server->encoding),
                                                 "kind", is_declaration ? 3 : 2));
}

json_t *lsp_document_highlight(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_basis basis;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &basis, &offset, error);
    if (element == NULL) return error->code != 0 ? NULL : json_array();
    lsp_use_list list = {server, &basis, basis.root, json_array()};
    lsp_each_use(basis.model, element, true, lsp_add_highlight, &list);
    return list.items;
}
