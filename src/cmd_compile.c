/* cmd_compile.c — the default command: `jrnc [-f FORMAT] [-o OUT] [--view VIEW] FILE`
 * compiles one map and writes it in one output format. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/commands.h"
#include "jrn/compile_request.h"
#include "jrn/data_cli.h"
#include "jrn/emit.h"
#include "jrn/dot_canvas.h"
#include "jrn/emit_dot.h"
#include "jrn/suggest.h"
#include "jrn/theme.h"

typedef struct output_format {
    const char *name;
    jrn_emitter emit;
    const char *summary;
    /* Its emitter fails, if at all, before its first byte and then only appends: its text
     * is written as it is produced (cli_stream_begin) instead of held whole. */
    bool streams;
} output_format;

/* One row per output format; each emitter lives in its own emit_*.c. */
static const output_format output_formats[] = {
    {"dot", emit_dot, "Graphviz DOT (the default)", true},
    {"json", emit_json, "the whole resolved model as JSON (schema jrnc/1)", false},
    {"csv", emit_csv, "the touchpoint inventory, one row per touchpoint", false},
    {"md", emit_md, "a Markdown report", false},
    {"html", emit_html, "a self-contained HTML report", false},
    {"mermaid", emit_mermaid, "a Mermaid journey diagram (code hosts draw it inline)", false},
    {NULL, NULL, NULL, false},
};

static const char compile_help[] =
    "Usage: jrnc [OPTIONS] FILE\n"
    "       jrnc COMMAND [OPTIONS] FILE...\n"
    "Compile the journey map FILE (- for standard input). By default the map is written\n"
    "as Graphviz DOT on standard output:  jrnc map.jrn | dot -Tsvg > map.svg\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   output format: dot (default), json, md, html, csv\n"
    "  -T FMT             render the graph in-process instead: svg, png or pdf\n"
    "                     (Graphviz's libraries, no 'dot' needed): jrnc -T svg map.jrn > map.svg\n"
    "  -o, --output FILE  write to FILE (whole or not at all) instead of standard output\n"
    "      --view VIEW    what the graph shows: full (default), spine, journey=ID, persona=ID,\n"
    "                     stage=ID (one stage, its neighbours' hops as stubs),\n"
    "                     flow (edge widths in proportion to the customers on them),\n"
    "                     canvas (the journey-map grid: stages across, lanes down),\n"
    "                     blueprint (the service blueprint: evidence, customer actions,\n"
    "                     frontstage, backstage and support lanes per stage)\n"
    "      --stages-per-row N  the full picture and the canvas wrap their stages into\n"
    "                     rows of N (default: chosen by the number of stages; 0 keeps one row)\n"
    "      --lanes LIST   the canvas's lanes, comma-separated: stage, doing, touchpoints,\n"
    "                     thinking, quotes, feeling, pains, delights, opportunities, kpis,\n"
    "                     owners\n"
    "                     (default: every lane that has something to show)\n"
    "      --persona ID   the canvas as this persona lives it (repeatable: their feeling\n"
    "                     curves side by side)\n"
    "      --no-mermaid   -f md: leave out the Mermaid journey diagram the report embeds\n"
    "      --data FILE    measured data, CSV subject,metric,value,date (repeatable): KPI\n"
    "                     actuals against targets, observed rates in the flow view\n"
    "      --today DATE   data dated after DATE is warned about (YYYY-MM-DD; default today)\n"
    "      --theme THEME  the colours of the picture and the HTML report: light (default),\n"
    "                     dark, print, colorblind, or a theme file (docs/themes.md)\n"
    "      --print-theme  print the theme (--theme, or light) as a theme file to start from\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "      --print-stdlib-dir  print where the standard library is looked for\n"
    "  -h, --help         show this help\n"
    "      --version      show the version\n"
    "\n"
    "Commands (jrnc COMMAND --help for each):\n"
    "  check    parse and resolve files; report errors, write nothing\n"
    "  lint     check maps against the lint rules (docs/lint-rules.md)\n"
    "  flow     where customers complete and are lost in each journey (exact)\n"
    "  fmt      rewrite files in the canonical layout, comments kept\n"
    "  diff     what changed in the journey between two maps\n"
    "  import   a Mermaid journey diagram (or a Markdown file's) as a .jrn map\n"
    "  lsp      the language server for editors, on standard input and output\n"
    "  watch    compile again into -o OUT at every save of the map\n"
    "  serve    the HTML report on a local web server, redrawn at every save\n"
    "  site     every map under folders as one cross-linked static site\n"
    "\n"
    "Environment: JRN_PATH (folders searched by 'use', separated by ':'), NO_COLOR.\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage or I/O error.\n";

static const output_format *find_output_format(const char *name)
{
    for (size_t i = 0; output_formats[i].name != NULL; i++) {
        if (strcmp(output_formats[i].name, name) == 0) return &output_formats[i];
    }
    return NULL;
}


/* What -T accepts: formats every Graphviz build with cairo renders. */
static const char *const render_formats[] = {"svg", "png", "pdf", NULL};

static bool is_render_format(const char *name)
{
    for (size_t i = 0; render_formats[i] != NULL; i++) {
        if (strcmp(render_formats[i], name) == 0) return true;
    }
    return false;
}

/* --view stage=ID: a usage error with a suggestion when no stage has that id. */
static bool resolve_stage_view(const char *id, const jrn_model *model, jrn_emit_options *options)
{
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    for (size_t i = 0; i < model->stage_count; i++) {
        if (strcmp(model->stages[i]->base.id, id) == 0) {
            options->view = VIEW_STAGE;
            options->view_stage = model->stages[i];
            return true;
        }
        suggest_consider(&suggester, model->stages[i]->base.id);
    }
    const char *suggestion = suggest_result(&suggester);
    if (suggestion != NULL)
        cli_usage_error(NULL, "--view: no stage '%s' in the map; did you mean '%s'?", id, suggestion);
    else
        cli_usage_error(NULL, "--view: no stage '%s' in the map", id);
    return false;
}

/* --lanes doing,touchpoints,...: each word a lane (usage error with the list otherwise). */
static bool parse_lanes(const char *text, jrn_arena *arena, unsigned *lanes)
{
    *lanes = 0;
    const char *word = text;
    for (;;) {
        size_t length = strcspn(word, ",");
        char name[32];
        jrn_canvas_lane lane = CANVAS_LANE_COUNT;
        if (length > 0 && length < sizeof name) {
            memcpy(name, word, length);
            name[length] = '\0';
            lane = canvas_lane_named(name);
        }
        if (lane == CANVAS_LANE_COUNT) {
            const char *typed = arena_strndup(arena, word, length > 40 ? 40 : length);
            jrn_suggester suggester;
            suggest_begin(&suggester, typed);
            for (int known = 0; known < CANVAS_LANE_COUNT; known++)
                suggest_consider(&suggester, canvas_lane_name((jrn_canvas_lane)known));
            const char *suggestion = suggest_result(&suggester);
            if (suggestion != NULL)
                cli_usage_error(NULL, "--lanes: no lane '%s'; did you mean '%s'? (the lanes are %s)", typed,
                                suggestion, canvas_lane_list());
            else
                cli_usage_error(NULL, "--lanes: no lane '%s'; the lanes are %s", typed, canvas_lane_list());
            return false;
        }
        *lanes |= CANVAS_LANE_BIT(lane);
        if (word[length] == '\0') return true;
        word += length + 1;
    }
}

/* --persona ID (each): the personas of the map, with a suggestion for a miss. */
static bool resolve_canvas_personas(const jrn_compile_request *request, const jrn_model *model,
                                    jrn_arena *arena, jrn_emit_options *options)
{
    const jrn_persona **chosen = arena_alloc_array(arena, request->persona_count + 1, sizeof(jrn_persona *));
    for (size_t p = 0; p < request->persona_count; p++) {
        const char *id = request->personas[p];
        jrn_suggester suggester;
        suggest_begin(&suggester, id);
        for (size_t i = 0; i < model->persona_count && !chosen[p]; i++) {
            if (strcmp(model->personas[i]->base.id, id) == 0) chosen[p] = model->personas[i];
            suggest_consider(&suggester, model->personas[i]->base.id);
        }
        if (chosen[p]) continue;
        const char *suggestion = suggest_result(&suggester);
        if (suggestion != NULL)
            cli_usage_error(NULL, "--persona: no persona '%s' in the map; did you mean '%s'?", id, suggestion);
        else
            cli_usage_error(NULL, "--persona: no persona '%s' in the map", id);
        return false;
    }
    options->canvas_personas = chosen;
    options->canvas_persona_count = request->persona_count;
    return true;
}

/* --lanes and --persona shape the canvas only: elsewhere they are a mistake. */
static bool resolve_canvas_options(const jrn_compile_request *request, const jrn_model *model,
                                   jrn_arena *arena, jrn_emit_options *options)
{
    if (options->view != VIEW_CANVAS) {
        if (request->lanes || request->persona_count > 0) {
            cli_usage_error(NULL, "%s draws the canvas only: add --view canvas",
                            request->lanes ? "--lanes" : "--persona");
            return false;
        }
        return true;
    }
    if (request->lanes && !parse_lanes(request->lanes, arena, &options->canvas_lanes)) return false;
    return resolve_canvas_personas(request, model, arena, options);
}

/* --stages-per-row N: a whole number, 0 for one row. */
static bool parse_stages_per_row(const char *text, size_t *count)
{
    char *end;
    unsigned long value = strtoul(text, &end, 10);
    if (*text < '0' || *text > '9' || *end != '\0' || value > 1000) {
        cli_usage_error(NULL, "--stages-per-row takes a number from 0 to 1000, not '%s'", text);
        return false;
    }
    *count = value;
    return true;
}

/* Shows the warnings reported after `from` (the picture's, after the compilation's own,
 * which cli_compile has shown already). */
static void show_new_diags(const jrn_diag_list *diags, const jrn_diag *from, bool color)
{
    jrn_strbuf text = STRBUF_INIT;
    for (const jrn_diag *diag = from ? from->next : diags->first; diag != NULL; diag = diag->next)
        diag_render_one_text(diag, &text, color);
    fputs(strbuf_text(&text), stderr);
    strbuf_free(&text);
}

/* Resolves --view against the model; prints a usage error and returns false when it names
 * nothing. */
static bool resolve_view(const char *view, const jrn_model *model, jrn_emit_options *options)
{
    options->view = VIEW_FULL;
    if (view == NULL || strcmp(view, "full") == 0) return true;
    if (strcmp(view, "spine") == 0) {
        options->view = VIEW_SPINE;
        return true;
    }
    if (strcmp(view, "blueprint") == 0) {
        options->view = VIEW_BLUEPRINT;
        return true;
    }
    if (strcmp(view, "flow") == 0) {
        options->view = VIEW_FLOW;
        return true;
    }
    if (strcmp(view, "canvas") == 0) {
        options->view = VIEW_CANVAS;
        return true;
    }
    if (strncmp(view, "stage=", 6) == 0) return resolve_stage_view(view + 6, model, options);
    bool is_journey = strncmp(view, "journey=", 8) == 0;
    bool is_persona = strncmp(view, "persona=", 8) == 0;
    if (!is_journey && !is_persona) {
        cli_usage_error(NULL, "--view takes full, spine, journey=ID, persona=ID, stage=ID, flow, canvas or blueprint, not '%s'",
                        view);
        return false;
    }
    const char *id = view + 8;
    jrn_suggester suggester;
    suggest_begin(&suggester, id);
    size_t count = is_journey ? model->journey_count : model->persona_count;
    for (size_t i = 0; i < count; i++) {
        const jrn_element *element = is_journey ? &model->journeys[i]->base : &model->personas[i]->base;
        if (strcmp(element->id, id) == 0) {
            options->view = is_journey ? VIEW_JOURNEY : VIEW_PERSONA;
            if (is_journey) options->view_journey = model->journeys[i];
            else options->view_persona = model->personas[i];
            return true;
        }
        suggest_consider(&suggester, element->id);
    }
    const char *suggestion = suggest_result(&suggester);
    if (suggestion != NULL) {
        cli_usage_error(NULL, "--view: no %s '%s' in the map; did you mean '%s'?",
                        is_journey ? "journey" : "persona", id, suggestion);
    } else {
        cli_usage_error(NULL, "--view: no %s '%s' in the map", is_journey ? "journey" : "persona", id);
    }
    return false;
}

/* --theme: a built-in theme or a theme file. Returns 0 with *theme set (NULL for none
 * given), or the exit status after saying what is wrong: 2 for a name that is neither or an
 * unreadable file, 1 for mistakes in the file (located). */
static int resolve_theme(jrn_cli *cli, const char *value, const jrn_theme **theme)
{
    *theme = NULL;
    if (value == NULL) return EXIT_CLEAN;
    if ((*theme = theme_builtin(value)) != NULL) return EXIT_CLEAN;
    /* a word with no path separator or dot is a misspelt built-in, not a file */
    if (strchr(value, '/') == NULL && strchr(value, '.') == NULL) {
        static const char *const names[] = {"light", "dark", "print", "colorblind"};
        jrn_suggester suggester;
        suggest_begin(&suggester, value);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) suggest_consider(&suggester, names[i]);
        const char *suggestion = suggest_result(&suggester);
        if (suggestion)
            return cli_usage_error(NULL, "--theme: no theme '%s'; did you mean '%s'?", value, suggestion);
        return cli_usage_error(NULL, "--theme takes %s or a theme file (a path), not '%s'", theme_builtin_names(),
                               value);
    }
    jrn_diag_list diags;
    diag_list_init(&diags, cli->arena);
    const char *io_error = NULL;
    *theme = theme_read_file(cli->arena, value, &diags, &io_error);
    if (*theme != NULL) return EXIT_CLEAN;
    bool unreadable = diags.first == NULL;
    if (unreadable) diag_error(&diags, span_none(), "cannot read theme file '%s': %s", value, io_error);
    diag_render_text(&diags, stderr, cli->color);
    return unreadable ? EXIT_USAGE : EXIT_INPUT_ERRORS;
}

int compile_request_run(jrn_cli *cli, const jrn_compile_request *request, const jrn_read_files *read)
{
    const output_format *format = find_output_format(request->format);
    const jrn_theme *theme;
    int theme_status = resolve_theme(cli, request->theme, &theme);
    if (theme_status != EXIT_CLEAN) return theme_status;
    int status;
    jrn_compilation *compilation = cli_compile(cli, request->file, &status);
    if (read != NULL) {
        for (size_t i = 0; i < compilation->file_count; i++) read->add(read->context, compilation->files[i].source->path);
        for (size_t i = 0; i < request->data_count; i++) read->add(read->context, request->data_files[i]);
    }
    if (status != EXIT_CLEAN) {
        compile_free(compilation);
        return status;
    }
    jrn_emit_options options = {.theme = theme, .theme_chosen = theme != NULL};
    if (!resolve_view(request->view, compilation->model, &options) ||
        !resolve_canvas_options(request, compilation->model, cli->arena, &options) ||
        (request->stages_per_row && !parse_stages_per_row(request->stages_per_row, &options.stages_per_row))) {
        compile_free(compilation);
        return EXIT_USAGE;
    }
    if (request->stages_per_row && options.stages_per_row == 0) options.stages_per_row = SIZE_MAX;
    jrn_actuals *actuals;
    status = data_cli_load(cli, compilation, request->data_files, request->data_count, &actuals);
    if (status != EXIT_CLEAN) {
        compile_free(compilation);
        return status;
    }
    options.actuals = actuals;
    options.no_mermaid = request->no_mermaid;
    const jrn_diag *compiled = compilation->diags.last;
    jrn_output_inputs inputs = OUTPUT_INPUTS_INIT;
    cli_add_compiled_inputs(&inputs, compilation);
    for (size_t i = 0; i < request->data_count; i++) output_inputs_add(&inputs, request->data_files[i]);
    jrn_strbuf out = STRBUF_INIT;
    jrn_cli_stream stream;
    bool streamed = request->render == NULL && format->streams;
    if (streamed) cli_stream_begin(&stream, NULL, request->output, &inputs, &out);
    bool emitted = request->render != NULL
                       ? render_graph(compilation->model, &options, request->render, &out,
                                      &compilation->diags)
                       : format->emit(compilation->model, &options, &out, &compilation->diags);
    show_new_diags(&compilation->diags, compiled, cli->color);
    if (streamed) status = cli_stream_end(&stream, &out, emitted);
    else if (emitted) status = cli_write_output(NULL, request->output, strbuf_text(&out), out.length, &inputs);
    if (!emitted) status = cli_error_status(&compilation->diags);
    output_inputs_free(&inputs);
    strbuf_free(&out);
    compile_free(compilation);
    return status;
}

int compile_request_take(jrn_cli *cli, jrn_compile_request *request, jrn_cli_option option, const char *value)
{
    switch (option) {
    case CLI_FORMAT: request->format = value; break;
    case CLI_OUTPUT: request->output = value; break;
    case CLI_RENDER: request->render = value; break;
    case CLI_VIEW: request->view = value; break;
    case CLI_STAGES_PER_ROW: request->stages_per_row = value; break;
    case CLI_NO_MERMAID: request->no_mermaid = true; break;
    case CLI_LANES: request->lanes = value; break;
    case CLI_PERSONA: ARENA_PUSH(cli->arena, request->personas, request->persona_count, value); break;
    case CLI_THEME: request->theme = value; break;
    case CLI_PRINT_THEME: request->print_theme = true; break;
    case CLI_DATA: ARENA_PUSH(cli->arena, request->data_files, request->data_count, value); break;
    default: break;
    }
    return CLI_GO_ON;
}

static int compile_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    jrn_compile_request *request = request_pointer;
    switch (option) {
    case CLI_ARGUMENT:
        if (request->file != NULL) {
            return cli_usage_error(NULL, "one input file at a time (got '%s' and '%s'); "
                                         "'jrnc check' takes several", request->file, value);
        }
        request->file = value;
        return CLI_GO_ON;
    case CLI_VERSION: return cli_print(NULL, arena_printf(cli->arena, "jrnc %s\n", JRN_VERSION));
    case CLI_PRINT_STDLIB_DIR: return cli_print(NULL, arena_printf(cli->arena, "%s\n", cli->compile.stdlib_dir));
    default: return compile_request_take(cli, request, option, value);
    }
}

static const jrn_cli_command compile_command = {
    NULL, compile_help,
    CLI_COMPILE_OPTIONS | COMPILE_REQUEST_OPTIONS | CLI_TAKES(CLI_VERSION) | CLI_TAKES(CLI_PRINT_STDLIB_DIR) |
        CLI_TAKES(CLI_PRINT_THEME),
    compile_take,
};

int compile_request_check(const char *command, const jrn_compile_request *request)
{
    if (request->file == NULL) return cli_usage_error(command, "no input file");
    if (request->render != NULL && !is_render_format(request->render)) {
        return cli_usage_error(command, "-T renders svg, png or pdf, not '%s'", request->render);
    }
    if (request->render != NULL && strcmp(request->format, "dot") != 0) {
        return cli_usage_error(command, "-T renders the graph; it cannot be combined with -f %s",
                               request->format);
    }
    if (request->no_mermaid && strcmp(request->format, "md") != 0) {
        return cli_usage_error(command, "--no-mermaid leaves the Mermaid diagram out of -f md; it means nothing to -f %s",
                               request->format);
    }
    /* A Mermaid journey has no canvas: --view canvas writes the whole map, so the canvas's
     * --persona and --lanes would be dropped without a word; --view persona=ID is the
     * diagram's own way to show one persona. */
    if (strcmp(request->format, "mermaid") == 0 && request->persona_count > 0) {
        return cli_usage_error(command, "--persona shapes the canvas, which -f mermaid does not draw; "
                                        "for one persona's tasks write --view persona=%s", request->personas[0]);
    }
    if (strcmp(request->format, "mermaid") == 0 && request->lanes != NULL) {
        return cli_usage_error(command, "--lanes shapes the canvas, which -f mermaid does not draw");
    }
    if (find_output_format(request->format) == NULL) {
        return cli_usage_error(command, "unknown output format '%s' (known: dot, json, md, html, csv, mermaid)",
                               request->format);
    }
    return CLI_GO_ON;
}

/* --print-theme: the theme as a theme file, on standard output or into -o. */
static int print_theme(jrn_cli *cli, const jrn_compile_request *request)
{
    if (request->file != NULL)
        return cli_usage_error(NULL, "--print-theme prints the theme and compiles nothing (got '%s')", request->file);
    const jrn_theme *theme;
    int status = resolve_theme(cli, request->theme, &theme);
    if (status != EXIT_CLEAN) return status;
    jrn_strbuf out = STRBUF_INIT;
    theme_write(theme ? theme : theme_default(), &out);
    jrn_output_inputs inputs = OUTPUT_INPUTS_INIT;
    if (request->theme && theme_builtin(request->theme) == NULL) output_inputs_add(&inputs, request->theme);
    status = cli_write_output(NULL, request->output, strbuf_text(&out), out.length, &inputs);
    output_inputs_free(&inputs);
    strbuf_free(&out);
    return status;
}

int cmd_compile(jrn_cli *cli, int argc, char **argv)
{
    jrn_compile_request request = COMPILE_REQUEST_INIT;
    int status = cli_parse(cli, &compile_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    if (request.print_theme) return print_theme(cli, &request);
    status = compile_request_check(NULL, &request);
    if (status != CLI_GO_ON) return status;
    return compile_request_run(cli, &request, NULL);
}
