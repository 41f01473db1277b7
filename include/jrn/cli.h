/* cli.h — what every subcommand shares: compile settings from the command line and
 * environment, the usage-error helper, and compile-and-report. */
#ifndef JRN_CLI_H
#define JRN_CLI_H

#include <stdbool.h>

#include "jrn/compile.h"
#include "jrn/output.h"

/* Exit statuses: only main returns them, commands compute them. */
enum {
    EXIT_CLEAN = 0,        /* success; warnings allowed */
    EXIT_INPUT_ERRORS = 1, /* errors in the input (or warnings under --Werror) */
    EXIT_USAGE = 2,        /* bad usage, unreadable file, failed write */
};

typedef struct jrn_cli {
    jrn_compile_options compile;     /* -I, --no-prelude, JRN_PATH, the stdlib folder */
    const char **include_dirs;       /* storage behind compile.include_dirs */
    bool color;                      /* colour diagnostics: a terminal and no NO_COLOR */
} jrn_cli;

/* A subcommand: argv[0] is the subcommand's name; returns an exit status. */
typedef int (*jrn_command)(jrn_cli *cli, int argc, char **argv);

/* Handles an option every command accepts (-I DIR, -IDIR, --include=DIR, --no-prelude,
 * --color=auto|always|never). Returns 1 when argv[*index] was one (and advances *index
 * past its argument), 0 when it was not, -1 after printing a usage error. */
int cli_take_common_option(jrn_cli *cli, const char *command, int argc, char **argv, int *index);

/* Prints the one line "jrnc COMMAND: MESSAGE (see 'jrnc COMMAND --help')" on stderr;
 * returns 2. */
int cli_usage_error(const char *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* True when argument is an option (starts with '-' and is not "-" itself). */
bool cli_is_option(const char *argument);

/* Compiles path and prints its diagnostics (in the GCC form, on stderr). Returns the
 * compilation (the caller frees it) and sets *status: 0 clean, 1 input errors,
 * 2 unreadable root file. The model is NULL unless *status is 0. */
jrn_compilation *cli_compile(jrn_cli *cli, const char *path, int *status);

/* Writes output through output_write (whole or nothing, never over one of inputs, which
 * may be NULL); prints the error and returns 2 on failure, 0 on success. */
int cli_write_output(const char *command, const char *path, const char *data, size_t length,
                     const jrn_output_inputs *inputs);
/* Adds every file a compilation read (the map, the files it uses, the prelude) to inputs. */
void cli_add_compiled_inputs(jrn_output_inputs *inputs, const jrn_compilation *compilation);

#endif
