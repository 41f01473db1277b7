/* cmd_check.c — `jrnc check FILE...`: parse and resolve each file; diagnostics only. */
#include <stdio.h>
#include <string.h>

#include "jrn/commands.h"

static const char check_help[] =
    "Usage: jrnc check [OPTIONS] FILE...\n"
    "Parse and resolve each FILE (- for standard input) and report every error.\n"
    "Nothing is printed for a clean file.\n"
    "\n"
    "Options:\n"
    "  -I DIR           also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude do not load the standard prelude (std/prelude)\n"
    "      --color=WHEN colour diagnostics: auto (default), always, never\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 clean, 1 errors in a file, 2 usage error or unreadable file.\n";

int cmd_check(jrn_cli *cli, int argc, char **argv)
{
    const char *files[argc];
    int file_count = 0;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = true;
            continue;
        }
        if (!only_files && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
            fputs(check_help, stdout);
            return EXIT_CLEAN;
        }
        if (!only_files && cli_is_option(argv[i])) {
            int taken = cli_take_common_option(cli, "check", argc, argv, &i);
            if (taken < 0) return EXIT_USAGE;
            if (taken == 0) return cli_usage_error("check", "unknown option '%s'", argv[i]);
            continue;
        }
        files[file_count++] = argv[i];
    }
    if (file_count == 0) return cli_usage_error("check", "no input file");
    int worst = EXIT_CLEAN;
    for (int i = 0; i < file_count; i++) {
        int status;
        compile_free(cli_compile(cli, files[i], &status));
        if (status > worst) worst = status;
    }
    return worst;
}
