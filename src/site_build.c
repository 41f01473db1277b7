/* site_build.c — jrnc site's compilations: -j worker processes, each compiling map after
 * map as the parent hands them out, in one Graphviz context (render_context_new), so
 * loading Graphviz's plugins and matching fonts is paid once per worker, not per map.
 * Processes, not threads: Graphviz keeps process-wide state. Graphviz 2.43 frees no
 * layout (see render_graph.c), so a worker retires once it has grown by
 * SITE_WORKER_GROWTH and a fresh one takes over: memory stays bounded by the largest map,
 * not the portfolio. The parent draws nothing while it forks: pango starts threads when
 * it first measures text, and a child forked then would inherit their locks. A worker
 * writes each map's page — the HTML report, or an error page — and its record, each
 * whole. */
#include "jrn/site.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jrn/compile.h"
#include "jrn/descriptor.h"
#include "jrn/emit.h"
#include "jrn/emit_dot.h"
#include "jrn/lint.h"
#include "jrn/memory.h"
#include "jrn/report_format.h"
#include "jrn/terminal_text.h"

/* What one map's process produced. */
typedef struct site_job {
    const site_options *options;
    render_context *graphviz;
    const site_root *root;
    jrn_compilation *compilation;
    jrn_diag_list findings;          /* lint's, on a map that compiled */
    jrn_actuals *actuals;
    jrn_strbuf page;
    jrn_strbuf views;                /* its views page */
    jrn_strbuf lint;                 /* its lint page */
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

/* The map's report with the site's navigation on top, and its views page; false when
 * they cannot be made (the reasons are in the diagnostics). */
static bool site_emit_report(site_job *job)
{
    const jrn_model *model = job->compilation->model;
    jrn_arena *arena = job->compilation->arena;
    jrn_emit_options emit = {0};
    emit.view = VIEW_FULL;
    emit.actuals = job->actuals;
    emit.graphviz = job->graphviz;
    site_map_subjects subjects = site_summary_subjects(arena, model);
    emit.page_header = site_map_page_header(arena, job->root->slug, &subjects);
    site_views_request views = {model, report_map_title(model), job->root->slug, job->actuals, job->graphviz};
    return emit_html(model, &emit, &job->page, &job->compilation->diags) &&
           site_views_page(&job->views, arena, &views, &job->compilation->diags);
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

/* Compiles one root and writes its page and record: 0 when it compiled, 1 when it has
 * errors, 2 when its page or record could not be written (said on stderr). */
static int site_build_one(const site_options *options, render_context *graphviz, const site_root *root)
{
    site_job job = {options, graphviz, root, compile_new(), {0}, NULL, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT,
                    STRBUF_INIT, site_hashes_new()};
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
    const char *views = arena_printf(arena, "views/%s.html", root->slug);
    const char *lint = arena_printf(arena, "lint/%s.html", root->slug);
    bool has_lint = ok && job.findings.first != NULL;
    if (has_lint) site_lint_page(&job.lint, report_map_title(compilation->model), root->slug, &job.findings);
    /* a map with errors has no views page and no lint page (nor one without findings): an
     * earlier one would show what is no longer true */
    if (!ok) site_remove_page(options, arena, views);
    if (!has_lint) site_remove_page(options, arena, lint);
    bool written = site_write_page(options, arena, arena_printf(arena, "maps/%s.html", root->slug), &job.page) &&
                   (!ok || site_write_page(options, arena, views, &job.views)) &&
                   (!has_lint || site_write_page(options, arena, lint, &job.lint)) &&
                   site_write_page(options, arena, arena_printf(arena, SITE_STATE_DIR "/%s.rec", root->slug), &job.record);
    strbuf_free(&job.page);
    strbuf_free(&job.views);
    strbuf_free(&job.lint);
    strbuf_free(&job.record);
    site_hashes_free(job.hashes);
    compile_free(compilation);
    return !written ? 2 : ok ? 0 : 1;
}

/* How much a worker may grow (peak resident size, KiB) before it retires: Graphviz's
 * layouts are never freed, about half a megabyte for a map of 50 touchpoints, and a
 * layout that overflows Graphviz 2.43's component-search stack takes 8 MB at once. A
 * fresh worker pays Graphviz's plugins and fonts again, so the bound is set where
 * retiring is rare (docs/performance.md, jrnc site); it still does not grow with the
 * portfolio. */
enum { SITE_WORKER_GROWTH = 64 * 1024 };

/* The worker's answer for one map: its status (site_build_one's), with this bit when the
 * worker retires after it. */
enum { SITE_ANSWER_RETIRES = 0x80 };

static long site_peak_resident(void)
{
    struct rusage usage;
    return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : 0;
}

/* A worker's life: reads the index of a map, builds it, answers with its status, until
 * the parent has no more (end of file) or the worker has grown too much. */
static void site_worker_run(const site_options *options, const site_roots *roots, int orders, int answers)
{
    long start = site_peak_resident();
    render_context *graphviz = render_context_new();
    size_t index;
    while (descriptor_read_all(orders, &index, sizeof index) && index < roots->count) {
        unsigned char answer = (unsigned char)site_build_one(options, graphviz, &roots->items[index]);
        bool retires = site_peak_resident() - start > SITE_WORKER_GROWTH;
        if (retires) answer |= SITE_ANSWER_RETIRES;
        if (!descriptor_write_all(answers, &answer, 1) || retires) break;
    }
    render_context_free(graphviz);
}

/* The parent's view of one worker. */
typedef struct site_worker {
    pid_t pid;
    int orders;       /* the parent writes map indexes here */
    int answers;      /* and reads one byte per map here */
    size_t map;       /* the map it is building, or SIZE_MAX when it waits */
} site_worker;

/* The pool: the maps to build in order, the workers and how it went. */
typedef struct site_pool {
    const site_options *options;
    const site_roots *roots;
    const bool *build;
    render_context *graphviz;   /* the parent's own, once it had to build a map itself */
    size_t next;              /* the next root to look at */
    site_worker *workers;
    size_t worker_count;
    bool ok;
} site_pool;

/* Whether a root is left to build (next is moved onto it). */
static bool site_pool_pending(site_pool *pool)
{
    while (pool->next < pool->roots->count && !pool->build[pool->next]) pool->next++;
    return pool->next < pool->roots->count;
}

/* The next root to build, or SIZE_MAX when every one has been handed out. */
static size_t site_pool_take(site_pool *pool)
{
    return site_pool_pending(pool) ? pool->next++ : SIZE_MAX;
}

static void site_pool_note_status(site_pool *pool, int status)
{
    if (status > 1) pool->ok = false;
}

/* Starts a worker; false when the system refuses a process or a pipe (the parent then
 * builds the map itself). */
static bool site_pool_start(site_pool *pool)
{
    int orders[2], answers[2];
    if (pipe(orders) != 0) return false;
    if (pipe(answers) != 0) {
        close(orders[0]);
        close(orders[1]);
        return false;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(orders[1]);
        close(answers[0]);
        /* The other workers' pipes stay the parent's: a worker that held them open would
         * hide its siblings' ends. */
        for (size_t i = 0; i < pool->worker_count; i++) {
            close(pool->workers[i].orders);
            close(pool->workers[i].answers);
        }
        site_worker_run(pool->options, pool->roots, orders[0], answers[1]);
        free(pool->workers);
        exit(0);
    }
    close(orders[0]);
    close(answers[1]);
    if (pid < 0) {
        close(orders[1]);
        close(answers[0]);
        return false;
    }
    pool->workers[pool->worker_count++] = (site_worker){pid, orders[1], answers[0], SIZE_MAX};
    return true;
}

/* Hands the worker its next map, or tells it there is none (it then ends). */
static void site_pool_order(site_pool *pool, site_worker *worker)
{
    size_t index = site_pool_take(pool);
    if (index != SIZE_MAX && descriptor_write_all(worker->orders, &index, sizeof index)) {
        worker->map = index;
        return;
    }
    if (index != SIZE_MAX) pool->next = index;   /* it could not take it: another will */
    close(worker->orders);
    worker->orders = -1;
}

/* A worker whose answers ended: waits for it and, when it ended in the middle of a map,
 * says which map it was compiling. */
static void site_pool_bury(site_pool *pool, size_t slot)
{
    site_worker *worker = &pool->workers[slot];
    int status;
    while (waitpid(worker->pid, &status, 0) < 0 && errno == EINTR) {}
    if (worker->map != SIZE_MAX) {
        fputs("jrnc site: compiling '", stderr);
        terminal_text_print(stderr, pool->roots->items[worker->map].path);
        fputs("' failed (the compiler ended abnormally)\n", stderr);
        fflush(stderr);
        pool->ok = false;
    }
    if (worker->orders >= 0) close(worker->orders);
    close(worker->answers);
    pool->workers[slot] = pool->workers[--pool->worker_count];
}

/* Reads one answer from the worker in slot; the worker is buried when it has ended. */
static void site_pool_hear(site_pool *pool, size_t slot)
{
    site_worker *worker = &pool->workers[slot];
    unsigned char answer;
    if (!descriptor_read_all(worker->answers, &answer, 1)) {
        site_pool_bury(pool, slot);
        return;
    }
    site_pool_note_status(pool, answer & ~SITE_ANSWER_RETIRES);
    worker->map = SIZE_MAX;
    if (answer & SITE_ANSWER_RETIRES) {
        if (worker->orders >= 0) close(worker->orders);
        worker->orders = -1;
    } else if (worker->orders >= 0) {
        site_pool_order(pool, worker);
    }
}

/* Builds the next map in the parent: the system gave no process. From then on the parent
 * builds every map itself (it has drawn, so it must not fork). */
static void site_pool_build_here(site_pool *pool)
{
    size_t index = site_pool_take(pool);
    if (pool->graphviz == NULL) pool->graphviz = render_context_new();
    site_pool_note_status(pool, site_build_one(pool->options, pool->graphviz, &pool->roots->items[index]));
}

/* Starts workers while there are maps nobody builds and room for them. */
static void site_pool_fill(site_pool *pool, size_t jobs)
{
    while (pool->worker_count < jobs && site_pool_pending(pool)) {
        if (pool->graphviz == NULL && site_pool_start(pool)) {
            site_pool_order(pool, &pool->workers[pool->worker_count - 1]);
        } else {
            if (pool->worker_count > 0) return;
            site_pool_build_here(pool);
        }
    }
}

bool site_build(const site_options *options, const site_roots *roots, const bool *build)
{
    size_t jobs = options->jobs > 0 ? options->jobs : 1;
    site_pool pool = {options, roots, build, NULL, 0, memory_calloc(jobs, sizeof(site_worker)), 0, true};
    /* A worker that dies leaves its pipe to a parent that may still write to it. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, previous;
    sigaction(SIGPIPE, &ignore, &previous);
    fflush(stdout);
    fflush(stderr);
    struct pollfd *waiting = memory_calloc(jobs, sizeof *waiting);
    for (site_pool_fill(&pool, jobs); pool.worker_count > 0; site_pool_fill(&pool, jobs)) {
        for (size_t i = 0; i < pool.worker_count; i++)
            waiting[i] = (struct pollfd){.fd = pool.workers[i].answers, .events = POLLIN};
        if (poll(waiting, pool.worker_count, -1) < 0) continue;   /* EINTR: ask again */
        /* From the last slot down: burying a worker moves the last one into its slot. */
        for (size_t i = pool.worker_count; i-- > 0;)
            if (waiting[i].revents != 0) site_pool_hear(&pool, i);
    }
    sigaction(SIGPIPE, &previous, NULL);
    free(waiting);
    free(pool.workers);
    render_context_free(pool.graphviz);
    return pool.ok;
}
