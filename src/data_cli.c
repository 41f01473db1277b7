/* data_cli.c — `--data FILE.csv` for any command: loads measured data against the compiled
 * model, prints its diagnostics, turns the outcome into an exit status. */
#include "jrn/data_cli.h"

#include <stdbool.h>
#include <stdio.h>

int data_cli_load(const jrn_cli *cli, jrn_compilation *compilation,
                  const char *const *paths, size_t count, jrn_actuals **actuals)
{
    *actuals = NULL;
    if (count == 0) return EXIT_CLEAN;
    *actuals = data_new(compilation->arena, compilation->model);
    jrn_diag_list diags;
    diag_list_init(&diags, compilation->arena);
    bool unreadable = data_load_files(*actuals, paths, count, cli->today, &diags) == DATA_UNREADABLE;
    diag_sort(&diags);
    diag_render_text(&diags, stderr, cli->color);
    if (unreadable) return EXIT_USAGE;
    return diags.error_count > 0 ? EXIT_INPUT_ERRORS : EXIT_CLEAN;
}
