/* cmd_import.c — `jrnc import mermaid FILE [-o OUT]`: a Mermaid journey diagram (or each
 * ```mermaid journey block of a Markdown file) as a .jrn map that `jrnc check` accepts
 * and `jrnc fmt` leaves as it is. */
#include <stdio.h>
#include <string.h>

#include "jrn/commands.h"
#include "jrn/mermaid_jrn.h"
#include "jrn/mermaid_read.h"
#include "jrn/terminal_text.h"

static const char import_help[] =
    "Usage: jrnc import mermaid [OPTIONS] FILE\n"
    "Read the Mermaid journey diagram FILE (.mmd; - for standard input), or every\n"
    "```mermaid journey block of a Markdown FILE, and write it as a .jrn map: sections\n"
    "become stages, tasks touchpoints (score 1..5 as emotion -2..2), actors personas,\n"
    "and each actor walks a journey through their tasks in order.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  write to FILE (whole or not at all) instead of standard output\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 imported (warnings allowed); 1 Mermaid would refuse the diagram;\n"
    "2 usage error, unreadable file or failed write.\n";

typedef struct import_request {
    const char *format;        /* the first argument: "mermaid" */
    const char *file;
    const char *output;
} import_request;

static int import_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    (void)cli;
    import_request *request = request_pointer;
    if (option == CLI_OUTPUT) {
        request->output = value;
    } else if (option == CLI_ARGUMENT) {
        if (request->format == NULL) request->format = value;
        else if (request->file == NULL) request->file = value;
        else return cli_usage_error("import", "one input file at a time (got '%s' and '%s')", request->file, value);
    }
    return CLI_GO_ON;
}

static const jrn_cli_command import_command = {
    "import", import_help, CLI_TAKES(CLI_HELP) | CLI_TAKES(CLI_COLOR) | CLI_TAKES(CLI_OUTPUT), import_take,
};

/* The prelude's model, for the ids an imported name must not take; NULL when it does not
 * load (the map's own check then says why). */
static jrn_compilation *import_prelude(jrn_cli *cli)
{
    jrn_compilation *compilation = compile_new();
    compile_memory(compilation, "<prelude>", "", 0, &cli->compile);
    return compilation;
}

/* The file's name without its folders, for the header comment. */
static const char *import_origin(const jrn_source *source)
{
    const char *slash = strrchr(source->display_name, '/');
    return slash != NULL ? slash + 1 : source->display_name;
}

static int import_mermaid(jrn_cli *cli, const import_request *request)
{
    jrn_arena *arena = arena_new();
    jrn_load_status load_status;
    const char *error_text;
    jrn_source *source = source_load(arena, request->file, &load_status, &error_text);
    if (source == NULL) {
        fputs("jrnc import: cannot read '", stderr);
        terminal_text_print(stderr, request->file);
        fprintf(stderr, "': %s\n", error_text);
        arena_free(arena);
        return EXIT_USAGE;
    }
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    mermaid_document document;
    bool ok = mermaid_read(arena, source, &document, &diags);
    diag_sort(&diags);
    diag_render_text(&diags, stderr, cli->color);
    int status = ok ? EXIT_CLEAN : EXIT_INPUT_ERRORS;
    if (ok) {
        jrn_compilation *prelude = import_prelude(cli);
        jrn_strbuf out = STRBUF_INIT;
        mermaid_write_jrn(&document, import_origin(source), prelude->model, &out);
        jrn_output_inputs inputs = OUTPUT_INPUTS_INIT;
        output_inputs_add(&inputs, request->file);
        status = cli_write_output("import", request->output, strbuf_text(&out), out.length, &inputs);
        output_inputs_free(&inputs);
        strbuf_free(&out);
        compile_free(prelude);
    }
    arena_free(arena);
    return status;
}

int cmd_import(jrn_cli *cli, int argc, char **argv)
{
    import_request request = {NULL, NULL, NULL};
    int status = cli_parse(cli, &import_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.format == NULL) return cli_usage_error("import", "what to import from? (jrnc import mermaid FILE)");
    if (strcmp(request.format, "mermaid") != 0)
        return cli_usage_error("import", "jrnc imports Mermaid journeys only: 'jrnc import mermaid FILE', not '%s'",
                               request.format);
    if (request.file == NULL) return cli_usage_error("import", "no input file");
    return import_mermaid(cli, &request);
}
