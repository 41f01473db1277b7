/* lsp_navigation.c — go to definition, find references and document highlight: from any
 * name under the cursor (a declaration's id or a resolved reference) to the declaration and
 * every use, through model->references, across the files the map uses; from a `use` path
 * to the file it brings in. */
#include "jrn/lsp.h"

#include <stdlib.h>

/* The element under the request's position in the document's current analysis, or NULL
 * (a position on no name, or a document whose names did not resolve). */
static const jrn_element *lsp_target(lsp_server *server, const json_t *params, const jrn_model **model,
                                     const jrn_source **source, uint32_t *offset, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL || !lsp_params_offset(server, document, params, offset, error)) return NULL;
    *model = lsp_analysis(server, document)->resolved_model;
    if (*model == NULL) return NULL;
    *source = lsp_root_source(*model);
    jrn_span span;
    return lsp_element_at(*model, *source, *offset, &span);
}

static json_t *lsp_location(lsp_server *server, jrn_span span)
{
    char *uri = lsp_uri_for_path(&server->documents, span.source->path);
    json_t *location = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range_json(span, server->encoding));
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
    const jrn_model *model = NULL;
    const jrn_source *source = NULL;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &model, &source, &offset, error);
    if (element != NULL && element->id_span.source != NULL) return lsp_location(server, element->id_span);
    if (model == NULL) return error->code != 0 ? NULL : json_null();
    const jrn_source *used = lsp_used_file_at(model, source, offset);
    return used != NULL ? lsp_location(server, (jrn_span){used, 0, 0}) : json_null();
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
    const jrn_source *only;     /* highlights: uses in this file only; NULL: every file */
    json_t *items;
} lsp_use_list;

static void lsp_add_location(jrn_span span, bool is_declaration, void *context)
{
    (void)is_declaration;
    lsp_use_list *list = context;
    if (span.source != NULL) json_array_append_new(list->items, lsp_location(list->server, span));
}

json_t *lsp_references(lsp_server *server, const json_t *params, lsp_error *error)
{
    const jrn_model *model = NULL;
    const jrn_source *source = NULL;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &model, &source, &offset, error);
    if (element == NULL) return error->code != 0 ? NULL : json_array();
    bool with_declaration = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
    lsp_use_list list = {server, NULL, json_array()};
    lsp_each_use(model, element, with_declaration, lsp_add_location, &list);
    return list.items;
}

static void lsp_add_highlight(jrn_span span, bool is_declaration, void *context)
{
    lsp_use_list *list = context;
    if (span.source != list->only) return;
    /* DocumentHighlightKind: 3 write (where it is declared), 2 read (where it is used). */
    json_array_append_new(list->items, json_pack("{s:o,s:i}", "range", lsp_range_json(span, list->server->encoding),
                                                 "kind", is_declaration ? 3 : 2));
}

json_t *lsp_document_highlight(lsp_server *server, const json_t *params, lsp_error *error)
{
    const jrn_model *model = NULL;
    const jrn_source *source = NULL;
    uint32_t offset = 0;
    const jrn_element *element = lsp_target(server, params, &model, &source, &offset, error);
    if (element == NULL) return error->code != 0 ? NULL : json_array();
    lsp_use_list list = {server, source, json_array()};
    lsp_each_use(model, element, true, lsp_add_highlight, &list);
    return list.items;
}
