/* cmd_diff.c — `jrnc diff [--format text|md|json] OLD NEW`: what changed in the journey
 * between two maps (not in their text); exits like diff(1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/diff_model.h"
#include "jrn/terminal_text.h"

static const char diff_help[] =
    "Usage: jrnc diff [OPTIONS] OLD NEW\n"
    "Compare two journey maps and print what changed for the customer: touchpoints,\n"
    "stages, journeys and hops, KPIs, personas and segments, matched by id. Changes of\n"
    "layout, comments or spelling print nothing. OLD or NEW may be - (standard input)\n"
    "or a pipe:  jrnc diff <(git show HEAD~1:map.jrn) map.jrn\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   text (default, for terminals), md (a pull-request comment),\n"
    "                     json (for tools)\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "A map read from a pipe or standard input finds the files it 'use's in its own\n"
    "folder's place: the folder of the other map, then -I folders.\n"
    "\n"
    "Exit status: 0 no change, 1 the journeys differ, 2 trouble (errors in a map,\n"
    "unreadable file, usage error).\n";

typedef void (*diff_renderer)(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                              jrn_strbuf *out);

static void diff_emit_text_named(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                                   jrn_strbuf *out)
{
    (void)old_name;
    (void)new_name;
    diff_emit_text(diff, out);
}

static const struct {
    const char *name;
    diff_renderer render;
} diff_formats[] = {
    {"text", diff_emit_text_named},
    {"md", diff_emit_md},
    {"json", diff_emit_json},
};

static diff_renderer diff_find_format(const char *name)
{
    for (size_t i = 0; i < sizeof diff_formats / sizeof diff_formats[0]; i++) {
        if (strcmp(diff_formats[i].name, name) == 0) return diff_formats[i].render;
    }
    return NULL;
}

/* Reads standard input, a pipe or a device whole (regular files go through compile_file). */
static bool diff_read_stream(const char *path, jrn_strbuf *bytes, const char **error_text)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error_text = strerror(errno);
        return false;
    }
    char chunk[65536];
    ssize_t got;
    for (;;) {
        got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *error_text = strerror(errno);
            break;
        }
        if (got == 0) break;
        if (bytes->length + (size_t)got > SOURCE_SIZE_LIMIT) {
            *error_text = "input too large (limit is 256 MiB)";
            got = -1;
            break;
        }
        strbuf_append(bytes, chunk, (size_t)got);
    }
    if (!is_stdin) close(fd);
    return got == 0;
}

/* The folder a map read from a pipe takes its "use"s from: the other map's. */
static const char *diff_folder_of(jrn_arena *arena, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (strcmp(path, "-") == 0 || slash == NULL) return ".";
    if (slash == path) return "/";
    return arena_strndup(arena, path, (size_t)(slash - path));
}

static const char *diff_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* A pipe's map compiles from memory with the other map's folder searched first. */
static jrn_compilation *diff_compile_stream(jrn_cli *cli, const char *path, const char *other_path,
                                            int *status)
{
    jrn_compilation *compilation = compile_new();
    jrn_strbuf bytes = STRBUF_INIT;
    const char *error_text;
    if (!diff_read_stream(path, &bytes, &error_text)) {
        fputs("jrnc diff: cannot read '", stderr);
        terminal_text_print(stderr, path);
        fprintf(stderr, "': %s\n", error_text);
        strbuf_free(&bytes);
        *status = EXIT_USAGE;
        return compilation;
    }
    size_t count = cli->compile.include_dir_count;
    const char **folders = arena_alloc_array(compilation->arena, count + 1, sizeof *folders);
    folders[0] = diff_folder_of(compilation->arena, other_path);
    for (size_t i = 0; i < count; i++) folders[i + 1] = cli->compile.include_dirs[i];
    jrn_compile_options options = cli->compile;
    options.include_dirs = folders;
    options.include_dir_count = count + 1;
    bool ok = compile_memory(compilation, diff_display_name(path), strbuf_text(&bytes), bytes.length, &options);
    diag_sort(&compilation->diags);
    diag_render_text(&compilation->diags, stderr, cli->color);
    *status = ok ? EXIT_CLEAN : EXIT_INPUT_ERRORS;
    strbuf_free(&bytes);
    return compilation;
}

static jrn_compilation *diff_compile(jrn_cli *cli, const char *path, const char *other_path, int *status)
{
    struct stat info;
    bool is_stream = strcmp(path, "-") == 0 ||
                     (stat(path, &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode));
    if (is_stream) return diff_compile_stream(cli, path, other_path, status);
    return cli_compile(cli, path, status);
}

static int diff_run(jrn_cli *cli, const char *old_path, const char *new_path, diff_renderer render)
{
    int old_status, new_status = EXIT_USAGE;
    jrn_compilation *before = diff_compile(cli, old_path, new_path, &old_status);
    /* An unreadable OLD ends the run in one line; errors in it still let NEW's be shown. */
    jrn_compilation *now = old_status == EXIT_USAGE ? NULL : diff_compile(cli, new_path, old_path, &new_status);
    int status = EXIT_USAGE;   /* like diff(1): errors in either map are trouble */
    if (old_status == EXIT_CLEAN && new_status == EXIT_CLEAN) {
        jrn_arena *arena = arena_new();
        jrn_model_diff diff = diff_models(arena, before->model, now->model);
        jrn_strbuf out = STRBUF_INIT;
        render(&diff, diff_display_name(old_path), diff_display_name(new_path), &out);
        status = cli_write_output("diff", NULL, strbuf_text(&out), out.length, NULL);
        if (status == EXIT_CLEAN && diff.count > 0) status = EXIT_INPUT_ERRORS;
        strbuf_free(&out);
        arena_free(arena);
    }
    compile_free(before);
    compile_free(now);
    return status;
}

typedef struct diff_request {
    const char *format;
    const char *files[2];        /* OLD and NEW */
    int file_count;
} diff_request;

static int diff_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    (void)cli;
    diff_request *request = request_pointer;
    if (option == CLI_FORMAT) {
        request->format = value;
    } else if (option == CLI_ARGUMENT) {
        if (request->file_count == 2) return cli_usage_error("diff", "too many files: give OLD and NEW");
        request->files[request->file_count++] = value;
    }
    return CLI_GO_ON;
}

static const jrn_cli_command diff_command = {"diff", diff_help, CLI_COMPILE_OPTIONS | CLI_TAKES(CLI_FORMAT), diff_take};

int cmd_diff(jrn_cli *cli, int argc, char **argv)
{
    diff_request request = {"text", {NULL, NULL}, 0};
    int status = cli_parse(cli, &diff_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    diff_renderer render = diff_find_format(request.format);
    if (render == NULL) return cli_usage_error("diff", "unknown format '%s' (known: text, md, json)", request.format);
    if (request.file_count != 2) return cli_usage_error("diff", "give two maps: OLD and NEW");
    if (strcmp(request.files[0], "-") == 0 && strcmp(request.files[1], "-") == 0) {
        return cli_usage_error("diff", "only one of OLD and NEW can be standard input");
    }
    return diff_run(cli, request.files[0], request.files[1], render);
}
