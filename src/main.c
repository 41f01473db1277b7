/* main.c — the command line: picks the subcommand, sets up what they share, returns the
 * exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/stdlib_path.h"

typedef struct subcommand {
    const char *name;
    jrn_command run;
} subcommand;

/* Subcommands by name; anything else is a file for the default command. */
static const subcommand subcommands[] = {
    {"check", cmd_check},
    {"lint", cmd_lint},
    {"flow", cmd_flow},
    {"fmt", cmd_fmt},
    {"diff", cmd_diff},
    {"import", cmd_import},
    {"lsp", cmd_lsp},
    {"watch", cmd_watch},
    {"serve", cmd_serve},
    {"site", cmd_site},
    {NULL, NULL},
};

static bool colour_wanted(void)
{
    const char *no_color = getenv("NO_COLOR");
    if (no_color != NULL && no_color[0] != '\0') return false;
    return isatty(STDERR_FILENO) != 0;
}

int main(int argc, char **argv)
{
    jrn_cli cli = {0};
    cli.arena = arena_new();
    cli.color = colour_wanted();
    cli.compile.search_path = getenv("JRN_PATH");
    cli.use_roots_variable = getenv("JRN_USE_ROOTS");
    cli.compile.stdlib_dir = stdlib_path_find(cli.arena);
    jrn_command run = cmd_compile;
    int first = 0;
    for (size_t i = 0; argc >= 2 && subcommands[i].name != NULL; i++) {
        if (strcmp(argv[1], subcommands[i].name) == 0) {
            run = subcommands[i].run;
            first = 1;
        }
    }
    int status = run(&cli, argc - first, argv + first);
    arena_free(cli.arena);
    return status;
}
