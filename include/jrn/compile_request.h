/* compile_request.h — the default command's request (a map, the output format, view and
 * data, where to write it), taken from the command line and run; `jrnc watch` runs the
 * same request again at every save. Implemented in cmd_compile.c. */
#ifndef JRN_COMPILE_REQUEST_H
#define JRN_COMPILE_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/cli.h"
#include "jrn/output.h"

typedef struct jrn_compile_request {
    const char *file;
    const char *format;       /* -f: dot (the default), json, csv, md, html */
    const char *output;       /* -o, or NULL for standard output */
    const char *view;         /* --view as written, resolved against each model */
    const char *render;       /* -T: svg, png or pdf, rendered through libgvc; or NULL */
    const char **data_files;  /* --data FILE.csv, in order (in the cli arena) */
    size_t data_count;
    const char *stages_per_row;
    bool no_mermaid;          /* --no-mermaid: -f md without its Mermaid diagram */
    const char *lanes;        /* --lanes: the canvas's lanes, as written */
    const char **personas;    /* --persona ID, in order (in the cli arena) */
    size_t persona_count;
    const char *theme;        /* --theme: a built-in name or a theme file, or NULL */
    bool print_theme;         /* --print-theme (the default command only) */
} jrn_compile_request;

#define COMPILE_REQUEST_INIT {NULL, "dot", NULL, NULL, NULL, NULL, 0, NULL, false, NULL, NULL, 0, NULL, false}

/* The options a request takes (with CLI_COMPILE_OPTIONS and the file). */
#define COMPILE_REQUEST_OPTIONS \
    (CLI_TAKES(CLI_FORMAT) | CLI_TAKES(CLI_OUTPUT) | CLI_TAKES(CLI_RENDER) | CLI_TAKES(CLI_VIEW) | \
     CLI_TAKES(CLI_STAGES_PER_ROW) | CLI_TAKES(CLI_NO_MERMAID) | CLI_TAKES(CLI_LANES) | \
     CLI_TAKES(CLI_PERSONA) | CLI_TAKES(CLI_THEME) | CLI_DATA_OPTIONS)

/* Takes one of COMPILE_REQUEST_OPTIONS into request; CLI_GO_ON. */
int compile_request_take(jrn_cli *cli, jrn_compile_request *request, jrn_cli_option option, const char *value);
/* CLI_GO_ON when the request names a file and a known format (-T and -f agreeing), else
 * 2 after a usage error in command's name (NULL: the default command). */
int compile_request_check(const char *command, const jrn_compile_request *request);
/* Told each file a run read; path lives only during the call. */
typedef struct jrn_read_files {
    void (*add)(void *context, const char *path);
    void *context;
} jrn_read_files;

/* Compiles the map and writes its output (whole or nothing); returns the exit status.
 * When read is not NULL it is told every file the run read (the prelude, the map, the
 * files it uses, the --data files), also when the map has errors. */
int compile_request_run(jrn_cli *cli, const jrn_compile_request *request, const jrn_read_files *read);

#endif
