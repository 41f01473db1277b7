/* cmd_lint.c — `jrnc lint [OPTIONS] FILE...`: compiles each file, runs the lint rules over
 * it, and reports in the gcc form (stderr), as JSON or as SARIF (stdout). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrn/commands.h"
#include "jrn/memory.h"
#include "jrn/lint.h"
#include "jrn/lint_emit.h"

static const char lint_help[] =
    "Usage: jrnc lint [OPTIONS] FILE...\n"
    "Compile each FILE (- for standard input) and check it against the lint rules: gaps,\n"
    "loops nobody declared, stages nobody measures or owns, stale reviews...\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   gcc: diagnostics on standard error (default);\n"
    "                     json, sarif: one document on standard output\n"
    "  -o, --output FILE  write the json or sarif document to FILE (whole or not at all)\n"
    "  -W RULE            turn RULE on; its notes become warnings\n"
    "  -Wno-RULE          turn RULE off\n"
    "      --Werror       make warnings errors (exit status 1)\n"
    "      --today DATE   the date stale-review measures from, and after which --data\n"
    "                     rows are warned about (YYYY-MM-DD; default today)\n"
    "      --data FILE    measured data, CSV subject,metric,value,date (repeatable): adds\n"
    "                     kpi-missed, kpi-no-data and emotion-gap-internal\n"
    "      --list-rules   print the rule catalogue and exit\n"
    "      --explain RULE print why RULE exists and how to fix its findings, and exit\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "Turn a finding off where it is with '# jrnc: disable=RULE[,RULE]' at the end of its\n"
    "line or on the line before it; '# jrnc: disable-file=RULE' turns RULE off in a file.\n"
    "Rules and their rationale: docs/lint-rules.md, or jrnc lint --list-rules.\n"
    "\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors in a file or warnings under\n"
    "--Werror, 2 usage error or unreadable file.\n";

typedef enum lint_format { LINT_FORMAT_GCC, LINT_FORMAT_JSON, LINT_FORMAT_SARIF } lint_format;

typedef struct lint_request {
    const char **files;          /* in order (in the cli arena) */
    size_t file_count;
    lint_format format;
    const char *output;
    bool list_rules;
    const char *explain;         /* --explain RULE */
    const char **data_files;     /* --data FILE, in order (in the cli arena) */
    size_t data_count;
    jrn_lint_options options;
} lint_request;

/* -W RULE / -WRULE / -Wno-RULE: sets the rule's setting, or prints a usage error. */
static bool lint_set_rule(lint_request *request, const char *name, jrn_lint_setting setting)
{
    jrn_lint_rule_id rule = lint_rule_find(name, strlen(name));
    if (rule != LINT_RULE_COUNT) {
        request->options.settings[rule] = setting;
        return true;
    }
    const char *suggestion = lint_rule_suggest(name);
    if (suggestion != NULL) {
        cli_usage_error("lint", "unknown rule '%s'; did you mean '%s'?", name, suggestion);
    } else {
        cli_usage_error("lint", "unknown rule '%s' (jrnc lint --list-rules lists them)", name);
    }
    return false;
}

static bool lint_set_format(lint_request *request, const char *name)
{
    if (strcmp(name, "gcc") == 0) request->format = LINT_FORMAT_GCC;
    else if (strcmp(name, "json") == 0) request->format = LINT_FORMAT_JSON;
    else if (strcmp(name, "sarif") == 0) request->format = LINT_FORMAT_SARIF;
    else {
        cli_usage_error("lint", "--format takes gcc, json or sarif, not '%s'", name);
        return false;
    }
    return true;
}

/* What follows -W written together with it: a rule to turn on, "no-RULE" to turn one
 * off, or "error" (-Werror). */
static bool lint_take_warning(lint_request *request, const char *value)
{
    if (strcmp(value, "error") == 0) {
        request->options.warnings_are_errors = true;
        return true;
    }
    if (strncmp(value, "no-", 3) == 0) return lint_set_rule(request, value + 3, LINT_SETTING_DISABLED);
    return lint_set_rule(request, value, LINT_SETTING_ENABLED);
}

static int lint_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    lint_request *request = request_pointer;
    bool ok = true;
    switch (option) {
    case CLI_ARGUMENT: ARENA_PUSH(cli->arena, request->files, request->file_count, value); break;
    case CLI_FORMAT: ok = lint_set_format(request, value); break;
    case CLI_OUTPUT: request->output = value; break;
    case CLI_WARNING: ok = lint_take_warning(request, value); break;
    case CLI_ENABLE_RULE: ok = lint_set_rule(request, value, LINT_SETTING_ENABLED); break;
    case CLI_WERROR: request->options.warnings_are_errors = true; break;
    case CLI_DATA: ARENA_PUSH(cli->arena, request->data_files, request->data_count, value); break;
    case CLI_LIST_RULES: request->list_rules = true; break;
    case CLI_EXPLAIN: request->explain = value; break;
    default: break;
    }
    return ok ? CLI_GO_ON : EXIT_USAGE;
}

static const jrn_cli_command lint_command = {
    "lint", lint_help,
    CLI_COMPILE_OPTIONS | CLI_TAKES(CLI_FORMAT) | CLI_TAKES(CLI_OUTPUT) | CLI_TAKES(CLI_WARNING) |
        CLI_TAKES(CLI_WERROR) | CLI_DATA_OPTIONS | CLI_TAKES(CLI_LIST_RULES) |
        CLI_TAKES(CLI_EXPLAIN),
    lint_take,
};

/* Writes text (whole or not at all) on standard output: 0, or 2 when it cannot. */
static int lint_write_text(jrn_strbuf *text)
{
    int status = cli_write_output("lint", NULL, strbuf_text(text), text->length, NULL);
    strbuf_free(text);
    return status;
}

static int lint_print_rules(void)
{
    jrn_strbuf out = STRBUF_INIT;
    for (size_t i = 0; i < LINT_RULE_COUNT; i++) {
        const jrn_lint_rule *rule = lint_rule((jrn_lint_rule_id)i);
        const char *severity = rule->enabled ? diag_severity_name(rule->severity) : "off";
        strbuf_printf(&out, "%-24s %-8s %s\n", rule->id, severity, rule->summary);
    }
    return lint_write_text(&out);
}

/* Appends text wrapped at width columns (it is ASCII), breaking at spaces. */
static void lint_wrap(jrn_strbuf *out, const char *text, size_t width)
{
    size_t column = 0;
    while (*text != '\0') {
        size_t word = strcspn(text, " ");
        if (column > 0 && column + 1 + word > width) {
            strbuf_putc(out, '\n');
            column = 0;
        } else if (column > 0) {
            strbuf_putc(out, ' ');
            column++;
        }
        strbuf_append(out, text, word);
        column += word;
        text += word;
        while (*text == ' ') text++;
    }
    strbuf_putc(out, '\n');
}

static int lint_explain(const char *name)
{
    jrn_lint_rule_id id = lint_rule_find(name, strlen(name));
    if (id == LINT_RULE_COUNT) {
        const char *suggestion = lint_rule_suggest(name);
        if (suggestion != NULL) return cli_usage_error("lint", "unknown rule '%s'; did you mean '%s'?", name, suggestion);
        return cli_usage_error("lint", "unknown rule '%s' (jrnc lint --list-rules lists them)", name);
    }
    const jrn_lint_rule *rule = lint_rule(id);
    jrn_strbuf out = STRBUF_INIT;
    strbuf_printf(&out, "%s (%s%s): %s\n\n", rule->id, diag_severity_name(rule->severity),
                  rule->enabled ? "" : ", off unless -W", rule->summary);
    lint_wrap(&out, rule->help, 79);
    if (rule->enabled) {
        strbuf_printf(&out, "\nTurn it off with -Wno-%s, or for one finding with '# jrnc: disable=%s'.\n",
                      rule->id, rule->id);
    } else {
        strbuf_printf(&out, "\nTurn it on with -W %s.\n", rule->id);
    }
    strbuf_printf(&out, "More: docs/lint-rules.md#%s\n", rule->id);
    return lint_write_text(&out);
}

/* Reads the --data files against the compiled model; their mistakes join the file's
 * diagnostics. Data with errors is not given to the data rules: nothing is concluded from
 * a file that failed. False when a data file cannot be read. */
static bool lint_load_data(const jrn_cli *cli, const lint_request *request, jrn_compilation *compilation,
                           jrn_lint_options *options)
{
    bool unreadable;
    options->actuals = data_load_usable(compilation->arena, compilation->model, request->data_files,
                                        request->data_count, cli->today, &compilation->diags, &unreadable);
    return !unreadable;
}

/* Compiles and lints one file; its diagnostics end up sorted in the compilation.
 * *data_unreadable tells when a --data file could not be read. */
static jrn_compilation *lint_one_file(jrn_cli *cli, const lint_request *request,
                                      const char *path, bool *data_unreadable)
{
    jrn_compilation *compilation = compile_new();
    bool compiled = compile_file(compilation, path, &cli->compile);
    *data_unreadable = false;
    if (compiled && compilation->model != NULL) {
        jrn_lint_options options = request->options;
        *data_unreadable = !lint_load_data(cli, request, compilation, &options);
        if (!*data_unreadable) lint_model(compilation->model, &options, &compilation->diags);
    }
    diag_sort(&compilation->diags);
    return compilation;
}

static int lint_file_status(const jrn_compilation *compilation, bool data_unreadable)
{
    if (compilation->root_unreadable || data_unreadable) return EXIT_USAGE;
    return compilation->diags.error_count > 0 ? EXIT_INPUT_ERRORS : EXIT_CLEAN;
}

/* gcc form: each file's diagnostics on stderr as soon as it is done. */
static int lint_run_gcc(jrn_cli *cli, const lint_request *request)
{
    int worst = EXIT_CLEAN;
    for (size_t i = 0; i < request->file_count; i++) {
        bool data_unreadable;
        jrn_compilation *compilation = lint_one_file(cli, request, request->files[i], &data_unreadable);
        diag_render_text(&compilation->diags, stderr, cli->color);
        int status = lint_file_status(compilation, data_unreadable);
        if (status > worst) worst = status;
        compile_free(compilation);
    }
    return worst;
}

/* json and sarif: one document for every file, written whole at the end. */
static int lint_run_document(jrn_cli *cli, const lint_request *request)
{
    size_t count = request->file_count;
    jrn_compilation **compilations = memory_calloc(count, sizeof *compilations);
    jrn_lint_file_result *results = memory_calloc(count, sizeof *results);
    int worst = EXIT_CLEAN;
    for (size_t i = 0; i < count; i++) {
        bool data_unreadable;
        compilations[i] = lint_one_file(cli, request, request->files[i], &data_unreadable);
        results[i] = (jrn_lint_file_result){request->files[i], &compilations[i]->diags,
                                            compilations[i]->root_unreadable};
        int status = lint_file_status(compilations[i], data_unreadable);
        if (status > worst) worst = status;
        /* The document carries the findings; say on stderr what would stop a CI job. */
        if (status == EXIT_USAGE) diag_render_text(&compilations[i]->diags, stderr, cli->color);
    }
    jrn_lint_run run = {results, count, &request->options};
    jrn_strbuf document = STRBUF_INIT;
    if (request->format == LINT_FORMAT_JSON) lint_emit_json(&run, &document);
    else lint_emit_sarif(&run, &document);
    jrn_output_inputs inputs = OUTPUT_INPUTS_INIT;
    for (size_t i = 0; i < count; i++) {
        output_inputs_add(&inputs, request->files[i]);
        cli_add_compiled_inputs(&inputs, compilations[i]);
    }
    for (size_t i = 0; i < request->data_count; i++) output_inputs_add(&inputs, request->data_files[i]);
    int written = cli_write_output("lint", request->output, strbuf_text(&document), document.length, &inputs);
    output_inputs_free(&inputs);
    strbuf_free(&document);
    for (size_t i = 0; i < count; i++) compile_free(compilations[i]);
    free(compilations);
    free(results);
    return written != EXIT_CLEAN ? written : worst;
}

int cmd_lint(jrn_cli *cli, int argc, char **argv)
{
    lint_request request = {0};
    lint_options_init(&request.options);
    int status = cli_parse(cli, &lint_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    request.options.today = cli->today;
    if (request.list_rules) return lint_print_rules();
    if (request.explain != NULL) return lint_explain(request.explain);
    if (request.file_count == 0) return cli_usage_error("lint", "no input file");
    if (request.output != NULL && request.format == LINT_FORMAT_GCC) {
        return cli_usage_error("lint", "-o writes a json or sarif document: add --format json or --format sarif");
    }
    if (request.format == LINT_FORMAT_GCC) return lint_run_gcc(cli, &request);
    return lint_run_document(cli, &request);
}
