/* site_build.c — jrnc site's compilations: each map in a process of its own, -j at once
 * (Graphviz keeps process-wide state, so threads could not share it, and a second layout
 * in one process reads a text-size cache the first context freed; a process gives its
 * memory back whole, so memory is bounded by the largest map). The parent never lays out
 * a graph itself. A process writes its map's
 * page — the HTML report, or an error page — and its record, each whole. */
#include "jrn/site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jrn/compile.h"
#include "jrn/emit.h"
#include "jrn/lint.h"
#include "jrn/memory.h"
#include "jrn/report_format.h"
#include "jrn/terminal_text.h"

/* What one map's process produced. */
typedef struct site_job {
    const site_options *options;
    const site_root *root;
    jrn_compilation *compilation;
    jrn_diag_list findings;          /* lint's, on a map that compiled */
    jrn_actuals *actuals;
    jrn_strbuf page;
    jrn_strbuf record;
    site_hashes *hashes;
} site_job;

/* --data DIR's file for the map, into job->actuals; false when it has errors (reported
 * into the compilation's diagnostics). */
static bool site_load_data(site_job *job)
{
    if (job->root->data_path == NULL) return true;
    jrn_compilation *compilation = job->compilation;
    job->actuals = data_new(compilation->arena, compilation->model);
    data_load_files(job->actuals, &job->root->data_path, 1, job->options->today, &compilation->diags);
    return compilation->diags.error_count == 0;
}

/* The map's report with the site's navigation on top; false when the report cannot be
 * made (its reasons are in the diagnostics). */
static bool site_emit_report(site_job *job)
{
    const jrn_model *model = job->compilation->model;
    jrn_arena *arena = job->compilation->arena;
    jrn_emit_options emit = {0};
    emit.view = VIEW_FULL;
    emit.actuals = job->actuals;
    site_map_subjects subjects = site_summary_subjects(arena, model);
    emit.page_header = site_map_page_header(arena, &subjects);
    return emit_html(model, &emit, &job->page, &job->compilation->diags);
}

static void site_run_lint(site_job *job)
{
    jrn_lint_options lint;
    lint_options_init(&lint);
    lint.today = job->options->today;
    /* The index measures review dates itself, on the day it is written: a record stays
     * true from one day to the next. */
    lint.settings[LINT_STALE_REVIEW] = LINT_SETTING_DISABLED;
    lint.actuals = job->actuals;
    lint_model(job->compilation->model, &lint, &job->findings);
    diag_sort(&job->findings);
}

/* The page of a map that does not compile: its messages, as the compiler prints them. */
static void site_error_page(site_job *job)
{
    jrn_strbuf *out = &job->page;
    site_html_head(out, job->root->relative);
    site_html_bar(out, 1, NULL);
    strbuf_puts(out, "<header class=\"top\" style=\"background:#7f1d1d\"><h1>");
    site_html_text(out, job->root->relative);
    strbuf_puts(out, "</h1><p>This map does not compile: fix the errors below and build the site again.</p>"
                     "</header>\n<main>\n<section><h2>Errors</h2>\n<pre>");
    jrn_strbuf messages = STRBUF_INIT;
    for (const jrn_diag *diag = job->compilation->diags.first; diag != NULL; diag = diag->next)
        diag_render_one_text(diag, &messages, false);
    report_put_html(out, strbuf_text(&messages), true);   /* <br> keeps the carets under their lines */
    strbuf_free(&messages);
    strbuf_puts(out, "</pre>\n</section>\n");
    site_html_foot(out);
}

/* Every file the compilation read, else (it failed) the map and the files it uses. */
static void site_write_inputs(site_job *job)
{
    const char **paths = NULL;
    size_t count = 0;
    const jrn_model *model = job->compilation->model;
    if (model != NULL) {
        for (size_t i = 0; i < model->file_count; i++) MEMORY_PUSH(paths, count, model->files[i].source->path);
    } else {
        MEMORY_PUSH(paths, count, job->root->path);
        for (size_t i = 0; i < job->root->use_count; i++) MEMORY_PUSH(paths, count, job->root->uses[i]);
    }
    if (job->root->data_path != NULL) MEMORY_PUSH(paths, count, job->root->data_path);
    site_manifest_write(&job->record, job->hashes, job->options, paths, count);
    free(paths);
    site_record_begin(&job->record, "data");
    site_record_text(&job->record, job->root->data_path != NULL ? job->root->data_path : "");
    site_record_end(&job->record);
}

/* The compiler's messages on stderr in one write, so maps built at once do not mix lines. */
static void site_print_errors(const site_job *job)
{
    jrn_strbuf text = STRBUF_INIT;
    diag_sort(&job->compilation->diags);
    for (const jrn_diag *diag = job->compilation->diags.first; diag != NULL; diag = diag->next)
        diag_render_one_text(diag, &text, job->options->color);
    fputs(strbuf_text(&text), stderr);
    fflush(stderr);
    strbuf_free(&text);
}

int site_build_one(const site_options *options, const site_root *root)
{
    site_job job = {options, root, compile_new(), {0}, NULL, STRBUF_INIT, STRBUF_INIT, site_hashes_new()};
    jrn_compilation *compilation = job.compilation;
    diag_list_init(&job.findings, compilation->arena);
    bool ok = compile_file(compilation, root->path, options->compile) && site_load_data(&job);
    if (ok) {
        site_run_lint(&job);
        ok = site_emit_report(&job);
    }
    if (ok) {
        site_summary_write(&job.record, compilation->model, &job.findings, job.actuals);
    } else {
        strbuf_clear(&job.page);
        diag_sort(&compilation->diags);
        site_error_page(&job);
        site_summary_write_failed(&job.record, root->relative, &compilation->diags);
        site_print_errors(&job);
    }
    site_write_inputs(&job);
    jrn_arena *arena = compilation->arena;
    bool written = site_write_page(options, arena, arena_printf(arena, "maps/%s.html", root->slug), &job.page) &&
                   site_write_page(options, arena, arena_printf(arena, SITE_STATE_DIR "/%s.rec", root->slug), &job.record);
    strbuf_free(&job.page);
    strbuf_free(&job.record);
    site_hashes_free(job.hashes);
    compile_free(compilation);
    return !written ? 2 : ok ? 0 : 1;
}

typedef struct site_running {
    pid_t pid;
    size_t root;
} site_running;

/* Waits for one of the running processes; false when it could not write or did not end
 * normally (said on stderr). */
static bool site_reap(const site_roots *roots, site_running *running, size_t *running_count)
{
    int status;
    pid_t pid = wait(&status);
    for (size_t i = 0; i < *running_count; i++) {
        if (running[i].pid != pid) continue;
        const site_root *root = &roots->items[running[i].root];
        running[i] = running[--*running_count];
        if (WIFEXITED(status) && WEXITSTATUS(status) <= 1) return true;
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 2) {
            fputs("jrnc site: compiling '", stderr);
            terminal_text_print(stderr, root->path);
            fputs("' failed (the compiler ended abnormally)\n", stderr);
        }
        return false;
    }
    return true;
}

bool site_build(const site_options *options, const site_roots *roots, const bool *build)
{
    unsigned jobs = options->jobs > 0 ? options->jobs : 1;
    site_running *running = memory_calloc(jobs, sizeof *running);
    size_t running_count = 0;
    bool ok = true;
    fflush(stdout);
    fflush(stderr);
    for (size_t next = 0; next < roots->count || running_count > 0;) {
        if (next < roots->count && !build[next]) {
            next++;
        } else if (next < roots->count && running_count < jobs) {
            pid_t pid = fork();
            if (pid == 0) {
                /* The map's process: its exit status says how the map went. */
                int status = site_build_one(options, &roots->items[next]);
                free(running);
                exit(status);
            }
            if (pid < 0) ok = site_build_one(options, &roots->items[next]) <= 1 && ok;
            else running[running_count++] = (site_running){pid, next};
            next++;
        } else {
            ok = site_reap(roots, running, &running_count) && ok;
        }
    }
    free(running);
    return ok;
}
