/* cmd_check.c — `jrnc check FILE...`: parse and resolve each file, and check --data files
 * against each; diagnostics only. */
#include "jrn/commands.h"

#include "jrn/data_cli.h"

static const char check_help[] =
    "Usage: jrnc check [OPTIONS] FILE...\n"
    "Parse and resolve each FILE (- for standard input) and report every error.\n"
    "Nothing is printed for a clean file.\n"
    "\n"
    "Options:\n"
    "      --data FILE  also check measured data (CSV subject,metric,value,date;\n"
    "                   repeatable) against each map: names, values, dates\n"
    "      --today DATE data dated after DATE is warned about (default today)\n"
    "  -I DIR           also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude do not load the standard prelude (std/prelude)\n"
    "      --color=WHEN colour diagnostics: auto (default), always, never\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 clean, 1 errors in a file, 2 usage error or unreadable file.\n";

/* The files to check, in order. */
typedef struct check_request {
    const char **files;
    size_t file_count;
    const char **data_files;     /* --data FILE, in order */
    size_t data_count;
} check_request;

static int check_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    check_request *request = request_pointer;
    if (option == CLI_ARGUMENT) ARENA_PUSH(cli->arena, request->files, request->file_count, value);
    if (option == CLI_DATA) ARENA_PUSH(cli->arena, request->data_files, request->data_count, value);
    return CLI_GO_ON;
}

static const jrn_cli_command check_command = {"check", check_help, CLI_COMPILE_OPTIONS | CLI_DATA_OPTIONS,
                                              check_take};

/* Compiles one map and, when it is clean, reads the data against it; the exit status. */
static int check_one(jrn_cli *cli, const check_request *request, const char *path)
{
    int status;
    jrn_compilation *compilation = cli_compile(cli, path, &status);
    if (status == EXIT_CLEAN && request->data_count > 0) {
        jrn_actuals *actuals;
        status = data_cli_load(cli, compilation, request->data_files, request->data_count, &actuals);
    }
    compile_free(compilation);
    return status;
}

int cmd_check(jrn_cli *cli, int argc, char **argv)
{
    check_request request = {0};
    int status = cli_parse(cli, &check_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.file_count == 0) return cli_usage_error("check", "no input file");
    int worst = EXIT_CLEAN;
    for (size_t i = 0; i < request.file_count; i++) {
        status = check_one(cli, &request, request.files[i]);
        if (status > worst) worst = status;
    }
    return worst;
}
