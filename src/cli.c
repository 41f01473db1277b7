/* cli.c — helpers every subcommand uses: common options, usage errors, compile-and-report,
 * and atomic output. */
#include "jrn/cli.h"
#include "jrn/memory.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/output.h"
#include "jrn/terminal_text.h"

bool cli_is_option(const char *argument)
{
    return argument[0] == '-' && argument[1] != '\0';
}

int cli_usage_error(const char *command, const char *format, ...)
{
    jrn_strbuf message = STRBUF_INIT;
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(&message, format, arguments);
    va_end(arguments);
    /* One line, so scripts and editors that read errors line by line get it whole: the
     * arguments quoted in it are shown with their control characters escaped. */
    fprintf(stderr, "jrnc%s%s: ", command ? " " : "", command ? command : "");
    terminal_text_print(stderr, strbuf_text(&message));
    fprintf(stderr, " (see 'jrnc%s%s --help')\n", command ? " " : "", command ? command : "");
    strbuf_free(&message);
    return EXIT_USAGE;
}

static void cli_add_include_dir(jrn_cli *cli, const char *folder)
{
    size_t count = cli->compile.include_dir_count;
    const char **grown = memory_realloc_array(cli->include_dirs, count + 1, sizeof *grown);
    grown[count] = folder;
    cli->include_dirs = grown;
    cli->compile.include_dirs = grown;
    cli->compile.include_dir_count = count + 1;
}

int cli_take_common_option(jrn_cli *cli, const char *command, int argc, char **argv, int *index)
{
    const char *argument = argv[*index];
    if (strcmp(argument, "-I") == 0 || strcmp(argument, "--include") == 0) {
        if (*index + 1 >= argc) {
            cli_usage_error(command, "option '%s' needs a folder", argument);
            return -1;
        }
        cli_add_include_dir(cli, argv[++*index]);
        return 1;
    }
    if (strncmp(argument, "-I", 2) == 0) {
        cli_add_include_dir(cli, argument + 2);
        return 1;
    }
    if (strncmp(argument, "--include=", 10) == 0) {
        cli_add_include_dir(cli, argument + 10);
        return 1;
    }
    if (strcmp(argument, "--no-prelude") == 0) {
        cli->compile.no_prelude = true;
        return 1;
    }
    if (strncmp(argument, "--color=", 8) == 0) {
        const char *when = argument + 8;
        if (strcmp(when, "always") == 0) cli->color = true;
        else if (strcmp(when, "never") == 0) cli->color = false;
        else if (strcmp(when, "auto") != 0) {
            cli_usage_error(command, "--color takes auto, always or never, not '%s'", when);
            return -1;
        }
        return 1;
    }
    return 0;
}

jrn_compilation *cli_compile(jrn_cli *cli, const char *path, int *status)
{
    jrn_compilation *compilation = compile_new();
    bool ok = compile_file(compilation, path, &cli->compile);
    diag_sort(&compilation->diags);
    diag_render_text(&compilation->diags, stderr, cli->color);
    if (compilation->root_unreadable) *status = EXIT_USAGE;
    else *status = ok ? EXIT_CLEAN : EXIT_INPUT_ERRORS;
    return compilation;
}

void cli_add_compiled_inputs(jrn_output_inputs *inputs, const jrn_compilation *compilation)
{
    if (compilation->model == NULL) return;
    for (size_t i = 0; i < compilation->model->file_count; i++) {
        output_inputs_add(inputs, compilation->model->files[i].source->path);
    }
}

int cli_write_output(const char *command, const char *path, const char *data, size_t length,
                     const jrn_output_inputs *inputs)
{
    jrn_strbuf error = STRBUF_INIT;
    if (output_write(path, data, length, inputs, &error)) {
        strbuf_free(&error);
        return EXIT_CLEAN;
    }
    jrn_strbuf message = STRBUF_INIT;
    strbuf_printf(&message, "cannot write '%s': %s", path != NULL ? path : "standard output",
                  strbuf_text(&error));
    fprintf(stderr, "jrnc%s%s: ", command ? " " : "", command ? command : "");
    terminal_text_print(stderr, strbuf_text(&message));
    fputc('\n', stderr);
    strbuf_free(&message);
    strbuf_free(&error);
    return EXIT_USAGE;
}
