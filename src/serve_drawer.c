/* serve_drawer.c — where `jrnc serve` draws its pages: a helper process forked before the
 * server starts any thread, which forks one worker per drawing.
 *
 * Why a process apart: Graphviz keeps each layout's memory to the end of the process and
 * cannot lay out twice in one (render_graph.c), so every drawing is made in a process that
 * ends with it. Why forked before the threads: a process forked from the threaded server
 * inherits whatever lock another thread held at that instant (AddressSanitizer's
 * allocator's among them) and can wait on it for ever. The helper is single-threaded and
 * never draws, so it may fork as often as it likes.
 *
 * The server sends the texts of every file its last good compilation read and the view to
 * draw; the worker compiles those texts again (the files on disk may have moved on; a
 * drawing always shows the compilation the server published) and its --data files from
 * disk (a save of one publishes again, which draws again), draws the view with emit_html
 * and sends a verdict and the text back through the helper, which kills a worker that has
 * not finished after SERVE_DRAW_SECONDS. The helper ends when the server closes the
 * channel, and with the server if that dies (PR_SET_PDEATHSIG), as does a worker with it. */
#include "jrn/serve.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jrn/data_cli.h"
#include "jrn/descriptor.h"
#include "jrn/emit.h"
#include "jrn/memory.h"
#include "jrn/view_catalog.h"

/* How long one drawing may take before its worker is killed: a drawing that hangs must not
 * hold the site's lock, and with it every page, for ever. */
enum { SERVE_DRAW_SECONDS = 60 };

/* The verdicts a drawing comes back with. */
enum {
    DRAWER_DRAWN = 'R',   /* the text is the report's HTML */
    DRAWER_REFUSED = 'E', /* the text says why the view could not be drawn */
};

struct jrn_serve_drawer {
    pid_t pid;
    int channel;          /* the server's end of a stream socket pair */
};

/* A file's text as the server's compilation read it. */
typedef struct drawer_file {
    const char *path;
    const char *text;
    size_t length;
} drawer_file;

/* One request, decoded in the helper. */
typedef struct drawer_request {
    char *view;
    drawer_file *files;
    size_t file_count;
} drawer_request;

/* ---- the channel: a frame is a 64-bit length in host order and that many bytes ---- */

static void drawer_put_frame(jrn_strbuf *out, const char *data, size_t length)
{
    uint64_t size = length;
    strbuf_append(out, (const char *)&size, sizeof size);
    strbuf_append(out, data, length);
}

/* A frame read into *data (malloc'ed, NUL-terminated); false at the end of the channel. */
static bool drawer_receive_frame(int channel, char **data, size_t *length)
{
    uint64_t size = 0;
    if (!descriptor_read_all(channel, &size, sizeof size) || size > SIZE_MAX - 1) return false;
    *data = memory_calloc((size_t)size + 1, 1);
    *length = (size_t)size;
    if (descriptor_read_all(channel, *data, *length)) return true;
    free(*data);
    *data = NULL;
    return false;
}

/* ---- the worker: the view drawn from the texts ---- */

static const char *drawer_unsaved_text(void *context, const char *path, size_t *length)
{
    const drawer_request *request = context;
    for (size_t i = 0; i < request->file_count; i++) {
        if (strcmp(request->files[i].path, path) == 0) {
            *length = request->files[i].length;
            return request->files[i].text;
        }
    }
    return NULL;
}

/* Draws the request's view into text: the report's HTML (true), or why not (false). */
static bool drawer_draw(const serve_draw_setup *setup, drawer_request *request, jrn_strbuf *text)
{
    jrn_compile_options options = *setup->compile;
    options.unsaved_text = drawer_unsaved_text;
    options.unsaved_context = request;
    jrn_compilation *compilation = compile_new();
    bool ok = compile_file(compilation, setup->map_path, &options);
    jrn_actuals *actuals = NULL;
    if (ok && setup->data_count > 0)
        ok = data_cli_collect(compilation, setup->data_files, setup->data_count, setup->today, &actuals,
                              &compilation->diags) == EXIT_CLEAN;
    const jrn_view_entry *shown = NULL;
    if (ok) {
        size_t count = 0;
        const jrn_view_entry *views = view_catalog(compilation->arena, compilation->model, &count);
        for (size_t i = 0; i < count && shown == NULL; i++) {
            if (strcmp(views[i].key, request->view) == 0) shown = &views[i];
        }
        if (shown == NULL) strbuf_printf(text, "jrnc serve: the map has no view '%s' any more\n", request->view);
    } else {
        diag_sort(&compilation->diags);
        serve_put_diags(&compilation->diags, text);
    }
    bool drawn = false;
    if (shown != NULL) {
        jrn_emit_options emit_options = shown->options;
        emit_options.actuals = actuals;
        drawn = emit_html(compilation->model, &emit_options, text, &compilation->diags);
        if (!drawn) {
            strbuf_clear(text);
            serve_put_diags(&compilation->diags, text);
        }
    }
    compile_free(compilation);
    return drawn;
}

/* The worker's life: draw, write the verdict and the text to channel, end. */
static void drawer_work(const serve_draw_setup *setup, drawer_request *request, int channel)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    jrn_strbuf drawing = STRBUF_INIT;
    char verdict = drawer_draw(setup, request, &drawing) ? DRAWER_DRAWN : DRAWER_REFUSED;
    bool written = descriptor_write_all(channel, &verdict, 1) &&
                   descriptor_write_all(channel, drawing.data != NULL ? drawing.data : "", drawing.length);
    strbuf_free(&drawing);
    fflush(NULL);
    _exit(written ? 0 : 1);
}

/* ---- the helper: a worker per request, its answer relayed ---- */

/* Reads what the worker writes until it closes the pipe; kills a worker that is not done
 * by the deadline. */
static void drawer_read_worker(int pipe_end, pid_t worker, jrn_strbuf *text)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    time_t deadline = now.tv_sec + SERVE_DRAW_SECONDS;
    char buffer[65536];
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        struct pollfd ready = {pipe_end, POLLIN, 0};
        int waited = now.tv_sec < deadline ? poll(&ready, 1, (int)(deadline - now.tv_sec) * 1000) : 0;
        if (waited < 0 && errno == EINTR) continue;
        if (waited <= 0) {
            kill(worker, SIGKILL);
            strbuf_clear(text);
            return;
        }
        ssize_t got = read(pipe_end, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return;
        strbuf_append(text, buffer, (size_t)got);
    }
}

/* The answer to request: a verdict byte and the text. */
static void drawer_answer(const serve_draw_setup *setup, drawer_request *request, jrn_strbuf *answer)
{
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) {
        strbuf_printf(answer, "%c%s", DRAWER_REFUSED, strerror(errno));
        return;
    }
    pid_t worker = fork();
    int cause = errno;
    if (worker == 0) {
        close(pipe_ends[0]);
        drawer_work(setup, request, pipe_ends[1]);
    }
    close(pipe_ends[1]);
    jrn_strbuf text = STRBUF_INIT;
    if (worker > 0) drawer_read_worker(pipe_ends[0], worker, &text);
    close(pipe_ends[0]);
    int status = 0;
    if (worker > 0) waitpid(worker, &status, 0);
    if (worker > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && text.length > 0) {
        strbuf_append(answer, text.data, text.length);
    } else if (worker > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && text.length == 0) {
        strbuf_printf(answer, "%cjrnc serve: the view '%s' could not be drawn: it took more than %d seconds\n",
                      DRAWER_REFUSED, request->view, SERVE_DRAW_SECONDS);
    } else if (worker > 0 && WIFSIGNALED(status)) {
        strbuf_printf(answer, "%cjrnc serve: the view '%s' could not be drawn: drawing it ended with signal %d (%s)\n",
                      DRAWER_REFUSED, request->view, WTERMSIG(status), strsignal(WTERMSIG(status)));
    } else {
        strbuf_printf(answer, "%cjrnc serve: the view '%s' could not be drawn: %s\n", DRAWER_REFUSED, request->view,
                      worker > 0 ? "drawing it failed" : strerror(cause));
    }
    strbuf_free(&text);
}

/* Splits a request frame (the view, then each file's path and text, each a frame) into
 * request, pointing into frame; false when it is malformed. */
static bool drawer_decode(char *frame, size_t length, drawer_request *request)
{
    char *fields[2] = {0};
    size_t sizes[2] = {0};
    size_t field = 0;
    bool has_view = false;
    for (size_t at = 0; at < length;) {
        uint64_t size = 0;
        if (length - at < sizeof size) return false;
        memcpy(&size, frame + at, sizeof size);
        at += sizeof size;
        if (size > length - at) return false;
        char *data = frame + at;
        at += (size_t)size;
        if (!has_view) {
            request->view = memory_calloc((size_t)size + 1, 1);
            memcpy(request->view, data, (size_t)size);
            has_view = true;
            continue;
        }
        fields[field] = data;
        sizes[field] = (size_t)size;
        if (++field < 2) continue;
        field = 0;
        char *path = memory_calloc(sizes[0] + 1, 1);
        memcpy(path, fields[0], sizes[0]);
        drawer_file file = {path, fields[1], sizes[1]};
        MEMORY_PUSH(request->files, request->file_count, file);
    }
    return has_view && field == 0;
}

static void drawer_request_free(drawer_request *request)
{
    for (size_t i = 0; i < request->file_count; i++) free((char *)request->files[i].path);
    free(request->files);
    free(request->view);
    *request = (drawer_request){0};
}

/* The helper's life: answer each request until the server closes the channel. */
static void drawer_serve(const serve_draw_setup *setup, int channel)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* Ctrl-C goes to the whole process group: the server stops on it and closes the
     * channel, which ends the helper after any drawing under way. */
    signal(SIGINT, SIG_IGN);
    char *frame;
    size_t length;
    while (drawer_receive_frame(channel, &frame, &length)) {
        drawer_request request = {0};
        jrn_strbuf answer = STRBUF_INIT;
        if (drawer_decode(frame, length, &request)) drawer_answer(setup, &request, &answer);
        else strbuf_printf(&answer, "%cjrnc serve: a malformed drawing request\n", DRAWER_REFUSED);
        jrn_strbuf reply = STRBUF_INIT;
        drawer_put_frame(&reply, answer.data, answer.length);
        bool sent = descriptor_send_all(channel, reply.data, reply.length);
        strbuf_free(&reply);
        strbuf_free(&answer);
        drawer_request_free(&request);
        free(frame);
        if (!sent) break;
    }
    _exit(0);
}

/* ---- the server's side ---- */

jrn_serve_drawer *serve_drawer_start(const serve_draw_setup *setup, jrn_strbuf *error)
{
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        strbuf_printf(error, "cannot start the drawing helper: %s", strerror(errno));
        return NULL;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(ends[0]);
        drawer_serve(setup, ends[1]);
    }
    close(ends[1]);
    if (pid < 0) {
        strbuf_printf(error, "cannot start the drawing helper: %s", strerror(errno));
        close(ends[0]);
        return NULL;
    }
    jrn_serve_drawer *drawer = memory_calloc(1, sizeof *drawer);
    drawer->pid = pid;
    drawer->channel = ends[0];
    return drawer;
}

bool serve_drawer_draw(jrn_serve_drawer *drawer, const jrn_compilation *good, const char *view, jrn_strbuf *text)
{
    jrn_strbuf body = STRBUF_INIT;
    drawer_put_frame(&body, view, strlen(view));
    for (size_t i = 0; i < good->file_count; i++) {
        const jrn_source *source = good->files[i].source;
        drawer_put_frame(&body, source->path, strlen(source->path));
        drawer_put_frame(&body, source->text, source->length);
    }
    jrn_strbuf request = STRBUF_INIT;
    drawer_put_frame(&request, body.data, body.length);
    strbuf_free(&body);
    bool sent = descriptor_send_all(drawer->channel, request.data, request.length);
    strbuf_free(&request);
    char *answer = NULL;
    size_t length = 0;
    strbuf_clear(text);
    if (!sent || !drawer_receive_frame(drawer->channel, &answer, &length) || length == 0) {
        free(answer);
        strbuf_printf(text, "jrnc serve: the view '%s' could not be drawn: the drawing helper has ended\n", view);
        return false;
    }
    strbuf_append(text, answer + 1, length - 1);
    bool drawn = answer[0] == DRAWER_DRAWN;
    free(answer);
    return drawn;
}

void serve_drawer_stop(jrn_serve_drawer *drawer)
{
    if (drawer == NULL) return;
    close(drawer->channel);
    waitpid(drawer->pid, NULL, 0);
    free(drawer);
}
