/* cmd_check.c — `jrnc check FILE...`: parse and resolve each file; diagnostics only. */
#include "jrn/commands.h"

static const char check_help[] =
    "Usage: jrnc check [OPTIONS] FILE...\n"
    "Parse and resolve each FILE (- for standard input) and report every error.\n"
    "Nothing is printed for a clean file.\n"
    "\n"
    "Options:\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 clean, 1 errors in a file, 2 usage error or unreadable file.\n";

/* The files to check, in order. */
typedef struct check_request {
    const char **files;
    size_t file_count;
} check_request;

static int check_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    check_request *request = request_pointer;
    if (option == CLI_ARGUMENT) ARENA_PUSH(cli->arena, request->files, request->file_count, value);
    return CLI_GO_ON;
}

static const jrn_cli_command check_command = {"check", check_help, CLI_COMPILE_OPTIONS, check_take};

int cmd_check(jrn_cli *cli, int argc, char **argv)
{
    check_request request = {NULL, 0};
    int status = cli_parse(cli, &check_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.file_count == 0) return cli_usage_error("check", "no input file");
    int worst = EXIT_CLEAN;
    for (size_t i = 0; i < request.file_count; i++) {
        compile_free(cli_compile(cli, request.files[i], &status));
        if (status > worst) worst = status;
    }
    return worst;
}
