/* cmd_lsp.c — `jrnc lsp`: the language server (LSP 3.17) on standard input and output, for
 * editors: diagnostics as you type, completion, navigation, rename, formatting. */
#include <signal.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/lsp.h"

static const char lsp_help[] =
    "Usage: jrnc lsp [OPTIONS]\n"
    "Serve the Language Server Protocol (3.17) on standard input and output, for editors:\n"
    "errors and lint findings as you type, completion, hover, go to definition, find\n"
    "references, rename, document and workspace symbols, folding, formatting (as jrnc fmt)\n"
    "and quick fixes. Open documents are read unsaved, also where another map uses them.\n"
    "Editor set-up: docs/lsp.md.\n"
    "\n"
    "Options:\n"
    "  -I DIR           also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR  'use' reads files only under DIR (repeatable)\n"
    "      --today DATE what stale reviews and dated data measure from (default today)\n"
    "      --data FILE  measured data, CSV subject,metric,value,date (repeatable): the data\n"
    "                   lint rules run, and hover shows each KPI's actual\n"
    "      --today DATE the date stale-review and the data measure from (YYYY-MM-DD;\n"
    "                   default today)\n"
    "      --stdio      talk on standard input and output (the default and only way;\n"
    "                   accepted because language clients pass it)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 after the client's shutdown and exit, 1 when the input ends or exit\n"
    "comes without shutdown, 2 usage error.\n";

/* The measured data files, in order (in the cli arena). */
typedef struct lsp_request {
    const char **data_files;
    size_t data_count;
} lsp_request;

static int lsp_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    lsp_request *request = request_pointer;
    if (option == CLI_ARGUMENT) return cli_usage_error("lsp", "takes no file ('%s'): the editor sends the documents", value);
    if (option == CLI_DATA) ARENA_PUSH(cli->arena, request->data_files, request->data_count, value);
    return CLI_GO_ON;
}

static const jrn_cli_command lsp_command = {
    "lsp", lsp_help,
    CLI_TAKES(CLI_HELP) | CLI_TAKES(CLI_INCLUDE) | CLI_TAKES(CLI_NO_PRELUDE) | CLI_TAKES(CLI_USE_ROOT) | CLI_DATA_OPTIONS |
        CLI_TAKES(CLI_STDIO),
    lsp_take,
};

int cmd_lsp(jrn_cli *cli, int argc, char **argv)
{
    lsp_request request = {NULL, 0};
    int status = cli_parse(cli, &lsp_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    /* A client that goes away must end the server through a failed write (which ends the
     * loop), not kill it with SIGPIPE mid-message. */
    signal(SIGPIPE, SIG_IGN);
    return lsp_serve(STDIN_FILENO, STDOUT_FILENO, &cli->compile, request.data_files, request.data_count, cli->today);
}
