/* cmd_flow.c — `jrnc flow FILE`: how customers flow through each journey (completion,
 * losses per touchpoint and stage, visits, loops, time to complete) as text, md or json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/commands.h"
#include "jrn/memory.h"
#include "jrn/data_cli.h"
#include "jrn/flow.h"
#include "jrn/flow_emit.h"
#include "jrn/suggest.h"

static const char flow_help[] =
    "Usage: jrnc flow [OPTIONS] FILE\n"
    "Compute how customers flow through each journey of FILE (- for standard input): the\n"
    "share completing at each end, the share lost at each touchpoint and stage (largest\n"
    "losses first), expected visits per touchpoint, expected times each loop is taken,\n"
    "and the mean time to complete for those who complete.\n"
    "\n"
    "Options:\n"
    "  -j, --journey ID    only this journey (repeatable; default: every journey)\n"
    "  -f, --format FMT    text (default), md or json\n"
    "  -o, --output FILE   write to FILE (whole or not at all) instead of standard output\n"
    "      --data FILE     measured data, CSV subject,metric,value,date (repeatable):\n"
    "                      observed rates (metric rate:FROM->TO) replace declared ones\n"
    "      --today DATE    data dated after DATE is warned about (YYYY-MM-DD; default today)\n"
    "  -I DIR              also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude    do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR  'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN    colour diagnostics: auto (default), always, never\n"
    "  -h, --help          show this help\n"
    "\n"
    "The model: each journey is an absorbing Markov chain, solved exactly. At a step, a\n"
    "hop with rate: takes that share; hops without one split what is left equally; when\n"
    "every hop has a rate and they add up to less than 100%, the rest is lost there. A\n"
    "step with no hops completes the journey. Customers enter at the journey's start:\n"
    "(else the first step of its first chain). Times come from the hops' after: (a hop\n"
    "without one takes no time). A cycle nobody can leave is reported as trapped.\n"
    "\n"
    "Exit status: 0 success, 1 errors in the map or the data, 2 usage or I/O error.\n";

typedef struct flow_request {
    const char *file;
    const char *format;
    const char *output;
    const char **journeys;       /* --journey ids (in the cli arena) */
    size_t journey_count;
    const char **data_files;     /* --data files (in the cli arena) */
    size_t data_count;
} flow_request;

typedef void (*flow_renderer)(const jrn_flow_results *report, jrn_strbuf *out);

static flow_renderer flow_find_renderer(const char *format)
{
    if (strcmp(format, "text") == 0) return flow_emit_text;
    if (strcmp(format, "md") == 0) return flow_emit_md;
    if (strcmp(format, "json") == 0) return flow_emit_json;
    return NULL;
}

static int flow_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    flow_request *request = request_pointer;
    switch (option) {
    case CLI_ARGUMENT:
        if (request->file != NULL) {
            return cli_usage_error("flow", "one input file at a time (got '%s' and '%s')", request->file, value);
        }
        request->file = value;
        break;
    case CLI_FORMAT: request->format = value; break;
    case CLI_OUTPUT: request->output = value; break;
    case CLI_JOURNEY: ARENA_PUSH(cli->arena, request->journeys, request->journey_count, value); break;
    case CLI_DATA: ARENA_PUSH(cli->arena, request->data_files, request->data_count, value); break;
    default: break;
    }
    return CLI_GO_ON;
}

static const jrn_cli_command flow_command = {
    "flow", flow_help,
    CLI_COMPILE_OPTIONS | CLI_TAKES(CLI_JOURNEY) | CLI_TAKES(CLI_FORMAT) | CLI_TAKES(CLI_OUTPUT) | CLI_DATA_OPTIONS,
    flow_take,
};

/* The journeys to compute, in model order (every one when none is named). */
static bool flow_select_journeys(const jrn_model *model, const flow_request *request, bool *selected)
{
    for (size_t j = 0; j < model->journey_count; j++) selected[j] = request->journey_count == 0;
    for (size_t r = 0; r < request->journey_count; r++) {
        const char *id = request->journeys[r];
        jrn_suggester suggester;
        suggest_begin(&suggester, id);
        bool found = false;
        for (size_t j = 0; j < model->journey_count; j++) {
            if (strcmp(model->journeys[j]->base.id, id) == 0) {
                selected[j] = found = true;
            }
            suggest_consider(&suggester, model->journeys[j]->base.id);
        }
        if (found) continue;
        const char *near = suggest_result(&suggester);
        if (near != NULL) cli_usage_error("flow", "no journey '%s' in the map; did you mean '%s'?", id, near);
        else cli_usage_error("flow", "no journey '%s' in the map", id);
        return false;
    }
    return true;
}

/* Computes the selected flows and writes the report; returns the exit status. */
static int flow_run(jrn_cli *cli, const flow_request *request, jrn_compilation *compilation,
                    const jrn_actuals *actuals)
{
    const jrn_model *model = compilation->model;
    bool *selected = memory_calloc(model->journey_count + 1, sizeof *selected);
    jrn_journey_flow *flows = memory_calloc(model->journey_count + 1, sizeof *flows);
    int status = EXIT_CLEAN;
    if (!flow_select_journeys(model, request, selected)) status = EXIT_USAGE;
    jrn_diag_list diags;
    diag_list_init(&diags, compilation->arena);
    size_t flow_count = 0;
    for (size_t j = 0; j < model->journey_count && status == EXIT_CLEAN; j++) {
        if (!selected[j]) continue;
        flow_journey(compilation->arena, model, model->journeys[j], actuals, &diags, &flows[flow_count++]);
    }
    diag_sort(&diags);
    diag_render_text(&diags, stderr, cli->color);
    if (status == EXIT_CLEAN && diags.error_count > 0) status = cli_error_status(&diags);
    if (status == EXIT_CLEAN) {
        jrn_flow_results report = {model, flows, flow_count, actuals != NULL};
        jrn_strbuf out = STRBUF_INIT;
        flow_find_renderer(request->format)(&report, &out);
        jrn_output_inputs inputs = OUTPUT_INPUTS_INIT;
        cli_add_compiled_inputs(&inputs, compilation);
        for (size_t i = 0; i < request->data_count; i++) output_inputs_add(&inputs, request->data_files[i]);
        status = cli_write_output("flow", request->output, strbuf_text(&out), out.length, &inputs);
        output_inputs_free(&inputs);
        strbuf_free(&out);
    }
    free(selected);
    free(flows);
    return status;
}

int cmd_flow(jrn_cli *cli, int argc, char **argv)
{
    flow_request request = {NULL, "text", NULL, NULL, 0, NULL, 0};
    int status = cli_parse(cli, &flow_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.file == NULL) return cli_usage_error("flow", "no input file");
    if (flow_find_renderer(request.format) == NULL) {
        return cli_usage_error("flow", "unknown format '%s' (known: text, md, json)", request.format);
    }
    jrn_compilation *compilation = cli_compile(cli, request.file, &status);
    jrn_actuals *actuals = NULL;
    if (status == EXIT_CLEAN) {
        status = data_cli_load(cli, compilation, request.data_files, request.data_count, &actuals);
    }
    if (status == EXIT_CLEAN) status = flow_run(cli, &request, compilation, actuals);
    compile_free(compilation);
    return status;
}
