/* cli.c — helpers every subcommand uses: usage errors, compile-and-report, and atomic
 * output. */
#include "jrn/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/output.h"
#include "jrn/terminal_text.h"

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

int cli_print(const char *command, const char *text)
{
    return cli_write_output(command, NULL, text, strlen(text), NULL);
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

int cli_error_status(const jrn_diag_list *diags)
{
    return diags->unavailable_count > 0 ? EXIT_USAGE : EXIT_INPUT_ERRORS;
}

/* "jrnc COMMAND: cannot write 'PATH': ERROR" on stderr; returns 2. */
static int cli_output_error(const char *command, const char *path, const jrn_strbuf *error)
{
    jrn_strbuf message = STRBUF_INIT;
    strbuf_printf(&message, "cannot write '%s': %s", path != NULL ? path : "standard output",
                  strbuf_text(error));
    fprintf(stderr, "jrnc%s%s: ", command ? " " : "", command ? command : "");
    terminal_text_print(stderr, strbuf_text(&message));
    fputc('\n', stderr);
    strbuf_free(&message);
    return EXIT_USAGE;
}

int cli_write_output(const char *command, const char *path, const char *data, size_t length,
                     const jrn_output_inputs *inputs)
{
    jrn_strbuf error = STRBUF_INIT;
    int status = output_write(path, data, length, inputs, &error) ? EXIT_CLEAN
                                                                   : cli_output_error(command, path, &error);
    strbuf_free(&error);
    return status;
}

static void cli_stream_drain(void *context, const char *text, size_t length)
{
    jrn_cli_stream *stream = context;
    if (stream->output == NULL && !stream->refused) {
        stream->output = output_open(stream->path, stream->inputs, &stream->error);
        stream->refused = stream->output == NULL;
    }
    if (stream->output != NULL) output_put(stream->output, text, length);
}

void cli_stream_begin(jrn_cli_stream *stream, const char *command, const char *path,
                      const jrn_output_inputs *inputs, jrn_strbuf *buffer)
{
    *stream = (jrn_cli_stream){command, path, inputs, NULL, false, STRBUF_INIT};
    strbuf_drain_into(buffer, CLI_STREAM_PART, cli_stream_drain, stream);
}

int cli_stream_end(jrn_cli_stream *stream, jrn_strbuf *buffer, bool emitted)
{
    int status = EXIT_CLEAN;
    if (!emitted) {
        if (stream->output != NULL) output_abandon(stream->output);
    } else if (stream->refused) {
        status = cli_output_error(stream->command, stream->path, &stream->error);
    } else if (stream->output == NULL) {
        status = cli_write_output(stream->command, stream->path, strbuf_text(buffer), buffer->length,
                                  stream->inputs);
    } else {
        strbuf_drain_rest(buffer);
        if (!output_finish(stream->output, &stream->error))
            status = cli_output_error(stream->command, stream->path, &stream->error);
    }
    strbuf_free(&stream->error);
    return status;
}
