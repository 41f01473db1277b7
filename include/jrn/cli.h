/* cli.h — what every subcommand shares: the one option parser (getopt_long, in
 * cli_options.c) over the options every command draws from, compile settings from the
 * command line and environment, the usage-error helper, and compile-and-report. */
#ifndef JRN_CLI_H
#define JRN_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "jrn/compile.h"
#include "jrn/output.h"

/* Exit statuses: only main returns them, commands compute them. */
enum {
    EXIT_CLEAN = 0,        /* success; warnings allowed */
    EXIT_INPUT_ERRORS = 1, /* errors in the input (or warnings under --Werror) */
    EXIT_USAGE = 2,        /* bad usage, unreadable file, failed write */
};

typedef struct jrn_cli {
    jrn_arena *arena;                /* lives as long as the run: option values, folders */
    jrn_compile_options compile;     /* -I, --no-prelude, JRN_PATH, the stdlib folder */
    const char **include_dirs;       /* storage behind compile.include_dirs (in arena) */
    const char **use_roots;          /* storage behind compile.use_roots (in arena) */
    const char *use_roots_variable;  /* JRN_USE_ROOTS as the environment has it (or NULL) */
    bool color;                      /* colour diagnostics: a terminal and no NO_COLOR */
    /* What "today" is for a command that takes --today (review staleness, measured data
     * dated in the future): --today, else SOURCE_DATE_EPOCH (UTC), else the local date. */
    jrn_date today;
    bool today_given;
} jrn_cli;

/* A subcommand: argv[0] is the subcommand's name; returns an exit status. */
typedef int (*jrn_command)(jrn_cli *cli, int argc, char **argv);

/* Every option of every command. Each is spelt, and its value named, once (in
 * cli_options.c); a command lists the ones it takes. */
typedef enum jrn_cli_option {
    CLI_ARGUMENT,          /* not an option: a file (after "--", whatever it looks like) */
    CLI_HELP,              /* -h, --help: prints the command's help (cli_parse does it) */
    CLI_INCLUDE,           /* -I DIR, --include DIR: 'use' looks in DIR (cli_parse does it) */
    CLI_NO_PRELUDE,        /* --no-prelude (cli_parse does it) */
    CLI_USE_ROOT,          /* --use-root DIR: 'use' reads only under DIR (cli_parse does it) */
    CLI_COLOR,             /* --color=auto|always|never (cli_parse does it) */
    CLI_FORMAT,            /* -f, --format FMT */
    CLI_OUTPUT,            /* -o, --output FILE */
    CLI_DATA,              /* --data FILE.csv */
    CLI_RENDER,            /* -T FMT, --render FMT */
    CLI_VIEW,              /* --view VIEW */
    CLI_STAGES_PER_ROW,    /* --stages-per-row N */
    CLI_NO_MERMAID,        /* --no-mermaid */
    CLI_LANES,             /* --lanes LANE,LANE... (the canvas) */
    CLI_PERSONA,           /* --persona ID (the canvas; repeatable) */
    CLI_VERSION,           /* --version */
    CLI_PRINT_STDLIB_DIR,  /* --print-stdlib-dir */
    CLI_JOURNEY,           /* -j, --journey ID */
    CLI_CHECK,             /* --check */
    CLI_DIFF,              /* --diff */
    CLI_WARNING,           /* -WRULE, -Wno-RULE, -Werror: the value is what follows "-W" */
    CLI_ENABLE_RULE,       /* -W RULE (apart: "-W no-owner" turns the rule no-owner on) */
    CLI_WERROR,            /* --Werror */
    CLI_TODAY,             /* --today DATE (cli_parse does it: jrn_cli.today) */
    CLI_LIST_RULES,        /* --list-rules */
    CLI_EXPLAIN,           /* --explain RULE */
    CLI_STDIO,             /* --stdio (lsp: the transport language clients name) */
    CLI_PORT,              /* --port N */
    CLI_HOST,              /* --host HOST */
    CLI_OPEN,              /* --open */
    CLI_JOBS,              /* -j, --jobs N (site: compilations at once) */
    CLI_CLEAN,             /* --clean (site: rebuild every map) */
    CLI_THEME,             /* --theme NAME|FILE */
    CLI_PRINT_THEME,       /* --print-theme */
    CLI_OPTION_COUNT
} jrn_cli_option;

#define CLI_TAKES(option) (UINT64_C(1) << (option))
/* What every command that compiles maps takes. */
#define CLI_COMPILE_OPTIONS \
    (CLI_TAKES(CLI_HELP) | CLI_TAKES(CLI_INCLUDE) | CLI_TAKES(CLI_NO_PRELUDE) | CLI_TAKES(CLI_COLOR) | \
     CLI_TAKES(CLI_USE_ROOT))
/* What every command that reads measured data takes: the files, and the day they are
 * measured up to. */
#define CLI_DATA_OPTIONS (CLI_TAKES(CLI_DATA) | CLI_TAKES(CLI_TODAY))

/* What a command's take function returns to have the parse go on (any other value is the
 * exit status the command ends with). */
enum { CLI_GO_ON = -1 };

/* Takes one of the command's own options (value: its value, or NULL when it has none) or
 * one argument (option CLI_ARGUMENT) into request. Returns CLI_GO_ON, or an exit status
 * after printing what it has to say (a usage error, the version...). */
typedef int (*jrn_cli_take)(jrn_cli *cli, void *request, jrn_cli_option option, const char *value);

typedef struct jrn_cli_command {
    const char *name;          /* "check", ...; NULL for the default command */
    const char *help;          /* what -h and --help print */
    uint64_t options;          /* CLI_TAKES() of every option it accepts */
    jrn_cli_take take;         /* its own options and its arguments */
} jrn_cli_command;

/* Reads argv[1..argc) with getopt_long, in order: options may come before or after the
 * files, "-" is a file (standard input), "--" ends the options. A command that compiles
 * maps then takes JRN_USE_ROOTS's folders after the --use-root ones. Options are spelt in full
 * (no abbreviations). Returns CLI_GO_ON when the command is to run, else the exit status
 * to end it with: 0 after the help, 2 after a usage error (one located line on stderr,
 * with a did-you-mean for a misspelt long option), or what take returned. A command that
 * takes --today has cli->today set when the parse goes on. */
int cli_parse(jrn_cli *cli, const jrn_cli_command *command, int argc, char **argv, void *request);

/* Prints the one line "jrnc COMMAND: MESSAGE (see 'jrnc COMMAND --help')" on stderr;
 * returns 2. */
int cli_usage_error(const char *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes text on standard output: 0, or 2 after saying why it could not be written. */
int cli_print(const char *command, const char *text);

/* Compiles path and prints its diagnostics (in the GCC form, on stderr). Returns the
 * compilation (the caller frees it) and sets *status: 0 clean, 1 input errors,
 * 2 unreadable root file. The model is NULL unless *status is 0. */
jrn_compilation *cli_compile(jrn_cli *cli, const char *path, int *status);

/* The exit status for a run whose diags hold errors: 2 when one of them is the machine's
 * (a library jrnc loads is missing: diag_unavailable), else 1. */
int cli_error_status(const jrn_diag_list *diags);

/* Writes output through output_write (whole or nothing, never over one of inputs, which
 * may be NULL); prints the error and returns 2 on failure, 0 on success. */
int cli_write_output(const char *command, const char *path, const char *data, size_t length,
                     const jrn_output_inputs *inputs);
/* A result written to path as it is produced, for a writer that only appends and cannot
 * fail once its first byte is out (the DOT text): the buffer given to cli_stream_begin
 * hands its text on in parts of CLI_STREAM_PART bytes; the output is opened (output_open)
 * at the first part, so a result that never fills one is written whole by
 * cli_write_output, and a refused target is reported once, at the end, after the
 * writer's own diagnostics. */
typedef struct jrn_cli_stream {
    const char *command;
    const char *path;
    const jrn_output_inputs *inputs;
    jrn_output *output;   /* NULL until the first part */
    bool refused;         /* output_open failed: the parts are dropped */
    jrn_strbuf error;
} jrn_cli_stream;

/* A pipe's buffer: the DOT of the largest map drawn in full is about three parts. */
enum { CLI_STREAM_PART = 64 * 1024 };

void cli_stream_begin(jrn_cli_stream *stream, const char *command, const char *path,
                      const jrn_output_inputs *inputs, jrn_strbuf *buffer);
/* Writes what buffer still holds and finishes the output: 0, or 2 after saying why it
 * could not be written. When the result failed (!emitted) nothing is written and the
 * output is abandoned; returns 0 then too. */
int cli_stream_end(jrn_cli_stream *stream, jrn_strbuf *buffer, bool emitted);

/* Adds every file a compilation read (the map, the files it uses, the prelude) to inputs. */
void cli_add_compiled_inputs(jrn_output_inputs *inputs, const jrn_compilation *compilation);

#endif
