/* cli.c — helpers every subcommand uses: common options, usage errors, compile-and-report,
 * and atomic output. */
#include "jrn/cli.h"
#include "jrn/memory.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/output.h"

bool cli_is_option(const char *argument)
{
    return argument[0] == '-' && argument[1] != '\0';
}

int cli_usage_error(const char *command, const char *format, ...)
{
    fprintf(stderr, "jrnc%s%s: ", command ? " " : "", command ? command : "");
    va_list arguments;
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    /* One line, so scripts and editors that read errors line by line get it whole. */
    fprintf(stderr, " (see 'jrnc%s%s --help')\n", command ? " " : "", command ? command : "");
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

int cli_write_output(const char *command, const char *path, const char *data, size_t length)
{
    const char *error_text;
    if (output_write(path, data, length, &error_text)) return EXIT_CLEAN;
    fprintf(stderr, "jrnc%s%s: cannot write '%s': %s\n", command ? " " : "", command ? command : "",
            path != NULL ? path : "standard output", error_text);
    return EXIT_USAGE;
}
