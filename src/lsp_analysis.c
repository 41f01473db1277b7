/* lsp_analysis.c — an open document compiled from its unsaved text (and the unsaved text of
 * every open file it uses), then linted with its suppressions, exactly as `jrnc check` and
 * `jrnc lint` see it (with the measured data of --data). One analysis per document is kept,
 * and the newest that resolved; each goes, arena and all, when a newer one replaces it.
 * While the text does not parse, requests about names are answered from the newest that
 * resolved, through the difference between its text and the current one (lsp_basis). */
#include "jrn/lsp.h"

#include "jrn/data.h"
#include "jrn/lint.h"

const jrn_source *lsp_root_source(const jrn_model *model)
{
    for (size_t i = 0; i < model->file_count; i++) {
        if (model->files[i].is_root) return model->files[i].source;
    }
    return NULL;
}

/* The measured data of --data against a clean model (in its arena), as `jrnc lint --data`
 * reads it: mistakes join the diagnostics (at their place in the CSV file, or about no
 * place for a file that cannot be read), and data with errors is not used: nothing is
 * concluded from a file that failed. */
static const jrn_actuals *lsp_load_data(const lsp_server *server, jrn_compilation *compilation)
{
    bool unreadable;   /* said in the diagnostics, at no place */
    return data_load_usable(compilation->arena, compilation->model, (const char *const *)server->data_files,
                            server->data_count, server->today, &compilation->diags, &unreadable);
}

static jrn_compilation *lsp_compile(lsp_server *server, lsp_document *document)
{
    jrn_compilation *compilation = compile_new();
    const char *name = document->path != NULL ? document->path : document->uri;
    bool ok = compile_memory(compilation, name, strbuf_text(&document->text), document->text.length,
                             &server->options);
    document->actuals = NULL;
    if (ok && compilation->model != NULL) {
        document->actuals = lsp_load_data(server, compilation);
        jrn_lint_options lint_options;
        lint_options_init(&lint_options);
        lint_options.today = server->today;
        lint_options.actuals = document->actuals;
        lint_model(compilation->model, &lint_options, &compilation->diags);
    }
    diag_sort(&compilation->diags);
    return compilation;
}

jrn_compilation *lsp_analysis(lsp_server *server, lsp_document *document)
{
    if (document->analysis != NULL) return document->analysis;
    document->analysis = lsp_compile(server, document);
    if (document->analysis->resolved_model != NULL) {
        compile_free(document->last_resolved);
        document->last_resolved = document->analysis;
    }
    return document->analysis;
}

const jrn_model *lsp_resolved_model(lsp_server *server, lsp_document *document,
                                    const jrn_compilation **compilation)
{
    lsp_analysis(server, document);
    *compilation = document->last_resolved;
    return document->last_resolved != NULL ? document->last_resolved->resolved_model : NULL;
}

/* The root file of a compilation that may have no model (its text did not parse). */
static const jrn_source *lsp_compiled_root(const jrn_compilation *compilation)
{
    for (size_t i = 0; i < compilation->file_count; i++) {
        if (compilation->files[i].is_root) return compilation->files[i].source;
    }
    return NULL;
}

void lsp_basis_get(lsp_server *server, lsp_document *document, lsp_basis *basis)
{
    const jrn_compilation *analysis = lsp_analysis(server, document);
    *basis = (lsp_basis){0};
    const jrn_compilation *resolved = analysis->resolved_model != NULL ? analysis : document->last_resolved;
    const jrn_source *current = lsp_compiled_root(analysis);
    if (resolved == NULL || current == NULL) return;
    basis->model = resolved->resolved_model;
    basis->root = lsp_root_source(basis->model);
    basis->current = current;
    if (resolved == analysis) {
        /* Fresh: the model's text is the current one, all of it shared. */
        basis->prefix = basis->old_tail = basis->new_tail = current->length;
        return;
    }
    const char *old_text = basis->root->text, *new_text = current->text;
    uint32_t old_length = basis->root->length, new_length = current->length;
    uint32_t prefix = 0;
    while (prefix < old_length && prefix < new_length && old_text[prefix] == new_text[prefix]) prefix++;
    uint32_t old_tail = old_length, new_tail = new_length;
    while (old_tail > prefix && new_tail > prefix && old_text[old_tail - 1] == new_text[new_tail - 1]) {
        old_tail--;
        new_tail--;
    }
    basis->prefix = prefix;
    basis->old_tail = old_tail;
    basis->new_tail = new_tail;
}

bool lsp_basis_offset(const lsp_basis *basis, uint32_t offset, uint32_t *model_offset)
{
    if (offset <= basis->prefix) *model_offset = offset;
    else if (offset >= basis->new_tail) *model_offset = offset - basis->new_tail + basis->old_tail;
    else return false;
    return true;
}

/* An offset of the model's text in the current one; inside the edit, its edge on the side
 * of low (begin) or high (end). */
static uint32_t lsp_basis_place(const lsp_basis *basis, uint32_t offset, bool high, bool *inside)
{
    *inside = false;
    if (offset <= basis->prefix) return offset;
    if (offset >= basis->old_tail) return offset - basis->old_tail + basis->new_tail;
    *inside = true;
    return high ? basis->new_tail : basis->prefix;
}

bool lsp_basis_span(const lsp_basis *basis, jrn_span span, jrn_span *current)
{
    *current = span;
    if (span.source != basis->root) return true;
    bool begin_inside, end_inside;
    *current = (jrn_span){basis->current, lsp_basis_place(basis, span.begin, false, &begin_inside),
                          lsp_basis_place(basis, span.end, true, &end_inside)};
    return !begin_inside && !end_inside;
}

jrn_span lsp_basis_range(const lsp_basis *basis, jrn_span span)
{
    jrn_span current;
    lsp_basis_span(basis, span, &current);
    return current;
}
