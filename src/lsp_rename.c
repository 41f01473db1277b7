/* lsp_rename.c — prepareRename and rename: the declaration's id and every reference to it,
 * in every file of the map, rewritten at once. Refused (with the reason) when the name is
 * not an id, is a keyword or is taken, or when the declaration is the standard library's. */
#include "jrn/lsp.h"

#include <stdlib.h>
#include <string.h>

static const char *const lsp_keywords[] = {
    "use", "map", "extend", "in", "for", "segment", "persona", "team", "channel", "stage",
    "touchpoint", "journey", "metric", "kpi", NULL,
};

/* An id as the scanner reads one: [A-Za-z_][A-Za-z0-9_]*, and no keyword. */
static const char *lsp_id_problem(const char *name)
{
    if (name[0] == '\0') return "an id cannot be empty";
    for (size_t i = 0; name[i] != '\0'; i++) {
        char c = name[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
            return "an id is a letter or '_' followed by letters, digits and '_'";
        }
    }
    for (size_t i = 0; lsp_keywords[i] != NULL; i++) {
        if (strcmp(name, lsp_keywords[i]) == 0) return "that is a keyword of the language";
    }
    return NULL;
}

typedef struct lsp_rename_target {
    const jrn_model *model;
    const jrn_element *element;
    jrn_span span;            /* the name under the cursor */
} lsp_rename_target;

/* The element to rename, or false with error set (or with nothing set: no name there). */
static bool lsp_rename_target_at(lsp_server *server, const json_t *params, lsp_rename_target *target,
                                 lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    uint32_t offset;
    if (document == NULL || !lsp_params_offset(server, document, params, &offset, error)) return false;
    target->model = lsp_analysis(server, document)->resolved_model;
    if (target->model == NULL) {
        lsp_fail(error, LSP_REQUEST_FAILED, "the map does not parse: fix its syntax errors to rename");
        return false;
    }
    target->element = lsp_element_at(target->model, lsp_root_source(target->model), offset, &target->span);
    if (target->element == NULL) {
        lsp_fail(error, LSP_REQUEST_FAILED, "there is no declared name here to rename");
        return false;
    }
    const jrn_model_file *file = model_file_of(target->model, target->element->id_span);
    const char *stdlib = server->options.stdlib_dir;
    const char *path = file != NULL ? file->source->path : "";
    if (file == NULL || file->is_prelude || (stdlib != NULL && strncmp(path, stdlib, strlen(stdlib)) == 0)) {
        lsp_fail(error, LSP_REQUEST_FAILED, "'%.100s' is declared in the standard library: it cannot be renamed here",
                 target->element->id != NULL ? target->element->id : "");
        return false;
    }
    return true;
}

json_t *lsp_prepare_rename(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_rename_target target;
    if (!lsp_rename_target_at(server, params, &target, error)) return NULL;
    return json_pack("{s:o,s:o}", "range", lsp_range_json(target.span, server->encoding),
                     "placeholder", lsp_string(target.element->id));
}

typedef struct lsp_taken_search {
    const char *name;
    const jrn_element *taken_by;
} lsp_taken_search;

static void lsp_find_taken(const jrn_element *element, void *context)
{
    lsp_taken_search *search = context;
    if (search->taken_by == NULL && element->id != NULL && strcmp(element->id, search->name) == 0) {
        search->taken_by = element;
    }
}

/* Adds a TextEdit at span to the edits of its file, once per span. */
static void lsp_add_edit(lsp_server *server, json_t *changes, jrn_span span, const char *name)
{
    char *uri = lsp_uri_for_path(&server->documents, span.source->path);
    json_t *edits = json_object_get(changes, uri);
    if (edits == NULL) {
        edits = json_array();
        json_object_set_new(changes, uri, edits);
    }
    free(uri);
    json_t *range = lsp_range_json(span, server->encoding);
    size_t i;
    json_t *edit;
    json_array_foreach(edits, i, edit) {
        if (json_equal(json_object_get(edit, "range"), range)) {
            json_decref(range);
            return;
        }
    }
    json_array_append_new(edits, json_pack("{s:o,s:s}", "range", range, "newText", name));
}

json_t *lsp_rename(lsp_server *server, const json_t *params, lsp_error *error)
{
    const char *name = json_string_value(json_object_get(params, "newName"));
    if (name == NULL) return lsp_fail(error, LSP_INVALID_PARAMS, "params.newName is missing");
    lsp_rename_target target;
    if (!lsp_rename_target_at(server, params, &target, error)) return NULL;
    const char *problem = lsp_id_problem(name);
    if (problem != NULL) return lsp_fail(error, LSP_REQUEST_FAILED, "cannot rename to '%.100s': %s", name, problem);
    lsp_taken_search search = {name, NULL};
    lsp_each_element(target.model, lsp_find_taken, &search);
    if (search.taken_by != NULL && search.taken_by != target.element) {
        return lsp_fail(error, LSP_REQUEST_FAILED, "cannot rename to '%.100s': %s already has that id", name,
                        kind_with_article(search.taken_by->kind));
    }
    json_t *changes = json_object();
    lsp_add_edit(server, changes, target.element->id_span, name);
    for (size_t i = 0; i < target.model->reference_count; i++) {
        const jrn_reference *reference = &target.model->references[i];
        if (reference->target == target.element && reference->span.source != NULL) {
            lsp_add_edit(server, changes, reference->span, name);
        }
    }
    return json_pack("{s:o}", "changes", changes);
}
