/* cli.c — helpers every subcommand uses: usage errors, compile-and-report, and atomic
 * output. */
#include "jrn/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/output.h"

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

int cli_print(const char *command, const char *text)
{
    return cli_write_output(command, NULL, text, strlen(text));
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
