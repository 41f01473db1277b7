/* cmd_fmt.c — `jrnc fmt [--check | --diff] FILE...`: rewrites files in the canonical layout
 * (in place, whole or not at all), or lists / shows what formatting would change. */
#include <stdio.h>
#include <string.h>

#include "jrn/commands.h"
#include "jrn/fmt.h"
#include "jrn/terminal_text.h"
#include "jrn/text_diff.h"

static const char fmt_help[] =
    "Usage: jrnc fmt [OPTIONS] FILE...\n"
    "Rewrite each FILE in the canonical layout (see docs/formatting.md), keeping every\n"
    "comment. Files are replaced whole (a temporary file renamed into place, keeping\n"
    "mode, owner and hard links; read-only files are refused) and only when\n"
    "formatting changes them. With - as FILE, read standard input and write the\n"
    "formatted text to standard output. A file with syntax errors is never rewritten.\n"
    "\n"
    "Options:\n"
    "      --check      change nothing; list the files that are not formatted\n"
    "      --diff       change nothing; print a unified diff of what formatting changes\n"
    "      --color=WHEN colour diagnostics: auto (default), always, never\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 done (with --check: every file is formatted); 1 a file has syntax\n"
    "errors (it is left as it was) or, with --check, a file is not formatted; 2 usage\n"
    "error, unreadable file or failed write.\n";

typedef struct fmt_request {
    bool check;                /* list unformatted files */
    bool diff;                 /* print what would change */
    const char **files;        /* in order (in the cli arena) */
    size_t file_count;
} fmt_request;

static int fmt_report_unreadable(const char *path, const char *error_text)
{
    fputs("jrnc fmt: cannot read '", stderr);
    terminal_text_print(stderr, path);
    fprintf(stderr, "': %s\n", error_text);
    return EXIT_USAGE;
}

/* What the request asks for one file whose formatted text differs from its bytes. */
static int fmt_act_on_change(const fmt_request *request, const jrn_source *source,
                             const jrn_strbuf *original, const jrn_strbuf *formatted)
{
    bool is_stdin = strcmp(source->path, "-") == 0;
    if (request->diff) {
        jrn_strbuf diff = STRBUF_INIT;
        jrn_strbuf old_label = STRBUF_INIT, new_label = STRBUF_INIT;
        strbuf_printf(&old_label, "%s\t(original)", source->display_name);
        strbuf_printf(&new_label, "%s\t(formatted)", source->display_name);
        text_diff_unified(strbuf_text(&old_label), strbuf_text(original), original->length,
                          strbuf_text(&new_label), strbuf_text(formatted), formatted->length, &diff);
        int status = cli_write_output("fmt", NULL, strbuf_text(&diff), diff.length, NULL);
        strbuf_free(&diff);
        strbuf_free(&old_label);
        strbuf_free(&new_label);
        if (status != EXIT_CLEAN) return status;
        return request->check ? EXIT_INPUT_ERRORS : EXIT_CLEAN;
    }
    if (request->check) {
        jrn_strbuf line = STRBUF_INIT;
        terminal_text_puts(&line, source->display_name);
        strbuf_putc(&line, '\n');
        int status = cli_write_output("fmt", NULL, strbuf_text(&line), line.length, NULL);
        strbuf_free(&line);
        return status != EXIT_CLEAN ? status : EXIT_INPUT_ERRORS;
    }
    if (is_stdin) return EXIT_CLEAN;   /* already written to standard output */
    /* Whole or not at all; through a symbolic link to its target, with the file's mode kept. */
    return cli_write_output("fmt", source->path, strbuf_text(formatted), formatted->length, NULL);
}

static int fmt_one_file(jrn_cli *cli, const fmt_request *request, const char *path)
{
    jrn_arena *arena = arena_new();
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    jrn_load_status load_status;
    const char *error_text;
    const jrn_source *source = source_load(arena, path, &load_status, &error_text);
    if (source == NULL) {
        int status = fmt_report_unreadable(path, error_text);
        arena_free(arena);
        return status;
    }
    jrn_strbuf formatted = STRBUF_INIT;
    jrn_fmt_status formatted_status = fmt_format_source(arena, source, &diags, &formatted);
    int status = EXIT_CLEAN;
    if (formatted_status == FMT_INPUT_ERRORS) {
        diag_sort(&diags);
        diag_render_text(&diags, stderr, cli->color);
        status = EXIT_INPUT_ERRORS;
    } else if (formatted_status == FMT_NOT_EQUIVALENT) {
        fputs("jrnc fmt: ", stderr);
        terminal_text_print(stderr, source->display_name);
        fputs(": internal error: the formatted text would not mean the same; "
              "the file is left as it was (please report this with the file)\n", stderr);
        status = EXIT_USAGE;
    } else {
        bool is_stdin = strcmp(path, "-") == 0;
        if (is_stdin && !request->check && !request->diff) {
            status = cli_write_output("fmt", NULL, strbuf_text(&formatted), formatted.length, NULL);
        }
        /* The bytes as read: a byte-order mark is part of what formatting removes. */
        jrn_strbuf original = STRBUF_INIT;
        if (source->had_byte_order_mark) strbuf_puts(&original, "\xEF\xBB\xBF");
        strbuf_append(&original, source->text, source->length);
        bool changed = original.length != formatted.length ||
                       memcmp(strbuf_text(&original), strbuf_text(&formatted), formatted.length) != 0;
        if (status == EXIT_CLEAN && changed) status = fmt_act_on_change(request, source, &original, &formatted);
        strbuf_free(&original);
    }
    strbuf_free(&formatted);
    arena_free(arena);
    return status;
}

static int fmt_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    fmt_request *request = request_pointer;
    if (option == CLI_CHECK) request->check = true;
    else if (option == CLI_DIFF) request->diff = true;
    else if (option == CLI_ARGUMENT) ARENA_PUSH(cli->arena, request->files, request->file_count, value);
    return CLI_GO_ON;
}

static const jrn_cli_command fmt_command = {
    "fmt", fmt_help, CLI_TAKES(CLI_HELP) | CLI_TAKES(CLI_COLOR) | CLI_TAKES(CLI_CHECK) | CLI_TAKES(CLI_DIFF), fmt_take,
};

int cmd_fmt(jrn_cli *cli, int argc, char **argv)
{
    fmt_request request = {false, false, NULL, 0};
    int status = cli_parse(cli, &fmt_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.file_count == 0) return cli_usage_error("fmt", "no input file (use - for standard input)");
    int worst = EXIT_CLEAN;
    for (size_t i = 0; i < request.file_count; i++) {
        status = fmt_one_file(cli, &request, request.files[i]);
        if (status > worst) worst = status;
    }
    return worst;
}
