/* data_cli.h — `--data FILE.csv` for any command: loads the measured data against a
 * compiled model and reports its mistakes the way compile errors are reported. */
#ifndef JRN_DATA_CLI_H
#define JRN_DATA_CLI_H

#include <stddef.h>

#include "jrn/cli.h"
#include "jrn/data.h"

/* Loads every file (in order) into *actuals (NULL when count is 0) and prints the
 * diagnostics on stderr. Returns 0 when all is well, 1 when the data has errors, 2 when a
 * file cannot be read. */
int data_cli_load(const jrn_cli *cli, jrn_compilation *compilation,
                  const char *const *paths, size_t count, jrn_actuals **actuals);
/* The same, the diagnostics added to diags (sorted) instead of printed. */
int data_cli_collect(jrn_compilation *compilation, const char *const *paths, size_t count, jrn_date today,
                     jrn_actuals **actuals, jrn_diag_list *diags);

#endif
