/* cmd_watch.c — `jrnc watch FILE -o OUT [output options]`: compiles the map, then again at
 * every save of the map, a file it uses or a --data file, rewriting OUT whole; a map with
 * errors leaves the last good OUT in place. Ctrl-C ends it with status 0. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/compile_request.h"
#include "jrn/descriptor.h"
#include "jrn/terminal_text.h"
#include "jrn/watch_files.h"

static const char watch_help[] =
    "Usage: jrnc watch [OPTIONS] FILE -o OUT\n"
    "Compile the journey map FILE into OUT, then again whenever FILE, a file it 'use's or a\n"
    "--data file is saved (editors that save by renaming a new file over the old one and\n"
    "those that write in place are both seen; a burst of writes is one save). OUT is\n"
    "rewritten whole; when the map has errors they are printed and OUT keeps the last good\n"
    "output until the map is fixed. Ctrl-C stops watching (exit status 0).\n"
    "\n"
    "Options (as for 'jrnc FILE'):\n"
    "  -o, --output FILE  the file to keep up to date (required)\n"
    "  -f, --format FMT   dot (default), json, md, html, csv\n"
    "  -T FMT             render the graph in-process instead: svg, png or pdf\n"
    "      --view VIEW    full (default), spine, journey=ID, persona=ID, stage=ID, flow,\n"
    "                     canvas, blueprint\n"
    "      --stages-per-row N  the full picture and the canvas wrap their stages into rows of N\n"
    "      --lanes LIST   the canvas's lanes, comma-separated\n"
    "      --persona ID   the canvas as this persona lives it (repeatable)\n"
    "      --no-mermaid   -f md: leave out the Mermaid journey diagram\n"
    "      --theme THEME  light (default), dark, print, colorblind, or a theme file\n"
    "      --data FILE    measured data, CSV (repeatable; watched too)\n"
    "      --today DATE   data dated after DATE is warned about (YYYY-MM-DD; default today)\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 after Ctrl-C (SIGINT or SIGTERM), 2 for bad usage. Errors in the map\n"
    "while watching are reported and waited out, not fatal.\n";

static int watch_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    jrn_compile_request *request = request_pointer;
    if (option != CLI_ARGUMENT) return compile_request_take(cli, request, option, value);
    if (request->file != NULL)
        return cli_usage_error("watch", "one map at a time (got '%s' and '%s')", request->file, value);
    request->file = value;
    return CLI_GO_ON;
}

static const jrn_cli_command watch_command = {
    "watch", watch_help, CLI_COMPILE_OPTIONS | COMPILE_REQUEST_OPTIONS, watch_take,
};

/* One line on stderr: "jrnc watch: " and message (which may quote file names). */
static void watch_say(const char *message)
{
    fputs("jrnc watch: ", stderr);
    terminal_text_print(stderr, message);
    fputc('\n', stderr);
}

/* Sends a path the run read to the watching process: the path and a NUL. */
static void watch_send_path(void *channel, const char *path)
{
    descriptor_write_all(*(int *)channel, path, strlen(path) + 1);
}

/* Runs the request in a child process, watching every file it says it read; returns its
 * exit status. A child because Graphviz, which lays out -T pictures and the HTML
 * report's graph, cannot lay out twice in one process (its text plugin reads a freed font
 * name: AddressSanitizer's heap-use-after-free) and keeps each layout's memory to the end
 * of the process: each save's layout goes with its process. */
static int watch_run_apart(jrn_cli *cli, const jrn_compile_request *request, jrn_watch *watch)
{
    int channel[2];
    if (pipe(channel) != 0) {
        watch_say(strerror(errno));
        return EXIT_USAGE;
    }
    fcntl(channel[0], F_SETFD, FD_CLOEXEC);
    fcntl(channel[1], F_SETFD, FD_CLOEXEC);
    fflush(NULL);
    pid_t child = fork();
    if (child == 0) {
        close(channel[0]);
        jrn_read_files read = {watch_send_path, &channel[1]};
        int status = compile_request_run(cli, request, &read);
        fflush(NULL);
        _exit(status);
    }
    close(channel[1]);
    jrn_strbuf paths = STRBUF_INIT;
    char buffer[4096];
    for (ssize_t got; child > 0 && (got = read(channel[0], buffer, sizeof buffer)) != 0;) {
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) break;
        strbuf_append(&paths, buffer, (size_t)got);
    }
    close(channel[0]);
    for (size_t at = 0; at < paths.length; at += strlen(paths.data + at) + 1) watch_add(watch, paths.data + at);
    strbuf_free(&paths);
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child) {
        watch_say(strerror(errno));
        return EXIT_USAGE;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    jrn_strbuf message = STRBUF_INIT;
    strbuf_printf(&message, "compiling ended with signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    watch_say(strbuf_text(&message));
    strbuf_free(&message);
    return EXIT_USAGE;
}

/* Compiles once into OUT and watches what that read; says how it went. */
static void watch_run_once(jrn_cli *cli, const jrn_compile_request *request, jrn_watch *watch, bool first)
{
    /* The map itself always: a compilation that could not read it read nothing. */
    watch_add(watch, request->file);
    int status = watch_run_apart(cli, request, watch);
    jrn_strbuf message = STRBUF_INIT;
    watch_commit(watch, &message);
    if (message.length > 0) {
        message.data[--message.length] = '\0';
        watch_say(strbuf_text(&message));
        strbuf_clear(&message);
    }
    if (status == EXIT_CLEAN)
        strbuf_printf(&message, "wrote '%s'%s", request->output, first ? "; watching for changes (Ctrl-C stops)" : "");
    else
        strbuf_printf(&message, "'%s' %s; waiting for the next save", request->output,
                      first ? "not written" : "keeps the last good output");
    watch_say(strbuf_text(&message));
    strbuf_free(&message);
    fflush(stderr);
}

int cmd_watch(jrn_cli *cli, int argc, char **argv)
{
    jrn_compile_request request = COMPILE_REQUEST_INIT;
    int status = cli_parse(cli, &watch_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    status = compile_request_check("watch", &request);
    if (status != CLI_GO_ON) return status;
    if (strcmp(request.file, "-") == 0) return cli_usage_error("watch", "standard input cannot be watched: name a file");
    if (request.output == NULL || strcmp(request.output, "-") == 0)
        return cli_usage_error("watch", "-o OUT names the file to keep up to date");
    jrn_strbuf error = STRBUF_INIT;
    jrn_watch *watch = watch_new(&error);
    if (watch == NULL) {
        watch_say(strbuf_text(&error));
        strbuf_free(&error);
        return EXIT_USAGE;
    }
    strbuf_free(&error);
    for (bool first = true;; first = false) {
        watch_run_once(cli, &request, watch, first);
        if (watch_wait(watch) == WATCH_STOP) break;
    }
    watch_free(watch);
    return EXIT_CLEAN;
}
