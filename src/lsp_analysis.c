/* lsp_analysis.c — an open document compiled from its unsaved text (and the unsaved text of
 * every open file it uses), then linted with its suppressions, exactly as `jrnc check` and
 * `jrnc lint` see it (with the measured data of --data). One analysis per document is kept, and the newest that resolved; each
 * goes, arena and all, when a newer one replaces it. */
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
