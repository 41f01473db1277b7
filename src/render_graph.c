/* render_graph.c — the journey-map graph laid out and rendered in-process by libgvc, for
 * `jrnc -T svg|png|pdf` where no `dot` is installed and for the SVG inside HTML reports.
 * libgvc (and libcgraph, which it needs) is loaded by the first drawing (library.h). */
#include "jrn/emit_dot.h"

#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrn/dot_budget.h"
#include "jrn/dot_ids.h"
#include "jrn/library.h"
#include "jrn/memory.h"
#include "jrn/svg_accessible.h"
#include "jrn/svg_gradient_ids.h"

/* Graphviz reading DOT text from memory (agmemread's reader, with our ID discipline). */
typedef struct render_text {
    const char *text;
    size_t length;
    size_t position;
} render_text;

static int render_text_read(void *channel, char *buffer, int size)
{
    render_text *text = channel;
    size_t left = text->length - text->position;
    size_t count = size > 0 && (size_t)size < left ? (size_t)size : left;
    memcpy(buffer, text->text + text->position, count);
    text->position += count;
    return (int)count;
}

/* The functions and data of libgvc and libcgraph jrnc uses, as loaded; their types are the
 * headers'. */
typedef struct render_graphviz {
    __typeof__(&gvContext) context;
    __typeof__(&gvFreeContext) free_context;
    __typeof__(&gvLayout) layout;
    __typeof__(&gvRenderData) render_data;
    __typeof__(&gvFreeRenderData) free_render_data;
    __typeof__(&agread) read;
    __typeof__(&agclose) close;
    __typeof__(&agseterrf) set_error_function;
    __typeof__(&agstrdup) intern;
    __typeof__(&AgIoDisc) io_discipline;
    __typeof__(&AgMemDisc) memory_discipline;
} render_graphviz;

/* Graphviz loaded, and one context of it. */
struct render_context {
    render_graphviz graphviz;
    GVC_t *gvc;
};

/* Loads Graphviz into graphviz; false after appending why to error. */
static bool render_load_graphviz(render_graphviz *graphviz, jrn_strbuf *error)
{
    const jrn_library_symbol wanted[] = {
        {"gvContext", (void **)&graphviz->context},
        {"gvFreeContext", (void **)&graphviz->free_context},
        {"gvLayout", (void **)&graphviz->layout},
        {"gvRenderData", (void **)&graphviz->render_data},
        {"gvFreeRenderData", (void **)&graphviz->free_render_data},
        {"agread", (void **)&graphviz->read},
        {"agclose", (void **)&graphviz->close},
        {"agseterrf", (void **)&graphviz->set_error_function},
        {"agstrdup", (void **)&graphviz->intern},
        {"AgIoDisc", (void **)&graphviz->io_discipline},
        {"AgMemDisc", (void **)&graphviz->memory_discipline},
    };
    return library_load(JRN_GVC_SONAME, wanted, sizeof wanted / sizeof wanted[0], error);
}

/* How Graphviz reads the DOT text: from memory (as agmemread does), with IDs that keep the
 * subgraphs in the order they are written (see dot_ids.h), the order a fresh `dot` process
 * gives them. libcgraph keeps pointers to these for the graph's life. */
typedef struct render_reading {
    render_text text;
    Agiodisc_t io;
    dot_ids_discipline ids;
    Agdisc_t discipline;
} render_reading;

static Agraph_t *render_read_graph(const render_graphviz *graphviz, render_reading *reading, const jrn_strbuf *dot)
{
    reading->text = (render_text){strbuf_text(dot), dot->length, 0};
    reading->io = (Agiodisc_t){render_text_read, graphviz->io_discipline->putstr, graphviz->io_discipline->flush};
    dot_ids_discipline_init(&reading->ids, graphviz->intern);
    reading->discipline = (Agdisc_t){graphviz->memory_discipline, &reading->ids.ids, &reading->io};
    return graphviz->read(&reading->text, &reading->discipline);
}

/* Graphviz's messages (agerr: "graph is too large for cairo-renderer bitmaps. Scaling by
 * 0.5 to fit", "Warning: ... node ... size too small") go to one process-wide handler that
 * takes no context, so the text collects here while one graph is laid out and rendered,
 * and becomes warnings naming the map afterwards. The only file-scope mutable state in
 * jrnc: libcgraph offers no other way to receive its messages. */
static jrn_strbuf *render_messages;

static int render_collect_message(char *message)
{
    if (render_messages) strbuf_puts(render_messages, message);
    return 0;
}

/* Some of Graphviz's messages bypass agerr: its renderers print through their own error
 * function straight to stderr ("(null): graph is too large for cairo-renderer bitmaps.
 * Scaling by 0.58 to fit": the command name it prints is unset in a library). So while
 * Graphviz renders, stderr goes to a temporary file that joins the collected messages. */
typedef struct render_stderr {
    FILE *capture;      /* NULL when stderr could not be redirected: messages stay on it */
    int saved;
} render_stderr;

static void render_capture_stderr(render_stderr *redirect)
{
    fflush(stderr);
    redirect->capture = tmpfile();
    redirect->saved = redirect->capture ? dup(STDERR_FILENO) : -1;
    if (redirect->saved < 0 || dup2(fileno(redirect->capture), STDERR_FILENO) < 0) {
        if (redirect->saved >= 0) close(redirect->saved);
        if (redirect->capture) fclose(redirect->capture);
        redirect->capture = NULL;
    }
}

static void render_release_stderr(render_stderr *redirect, jrn_strbuf *messages)
{
    if (!redirect->capture) return;
    fflush(stderr);
    dup2(redirect->saved, STDERR_FILENO);
    close(redirect->saved);
    rewind(redirect->capture);
    char buffer[4096];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, redirect->capture)) > 0)
        strbuf_append(messages, buffer, count);
    fclose(redirect->capture);
}

/* One line of Graphviz's text without its own prefixes ("Warning: ", "Error: ", and
 * "(null): " where it names a graph it has no name for). */
static const char *render_message_body(const char *line)
{
    static const char *const prefixes[] = {"Warning: ", "Error: ", "(null): ", "Warning: "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(line, prefixes[i], strlen(prefixes[i])) == 0) line += strlen(prefixes[i]);
    return line;
}

static void render_report_messages(const jrn_model *model, const jrn_strbuf *messages,
                                   jrn_diag_list *diags)
{
    const char *text = strbuf_text(messages);
    while (*text) {
        const char *end = strchr(text, '\n');
        size_t length = end ? (size_t)(end - text) : strlen(text);
        jrn_strbuf line = STRBUF_INIT;
        strbuf_append(&line, text, length);
        const char *body = render_message_body(strbuf_text(&line));
        if (*body)
            diag_report(diags, SEVERITY_WARNING, NULL, span_none(), "%s: Graphviz: %s",
                        dot_budget_map_name(model), body);
        strbuf_free(&line);
        text += length + (end != NULL);
    }
}

/* A picture bigger than the graph's size attribute (set on big maps, dot_graph.c) is
 * scaled down to it without a word from Graphviz: say so. */
static void render_warn_scaled(const jrn_model *model, Agraph_t *graph, jrn_diag_list *diags)
{
    pointf limit = GD_drawing(graph) ? GD_drawing(graph)->size : (pointf){0, 0};
    double width = GD_bb(graph).UR.x - GD_bb(graph).LL.x, height = GD_bb(graph).UR.y - GD_bb(graph).LL.y;
    if (limit.x <= 0 || limit.y <= 0 || (width <= limit.x && height <= limit.y)) return;
    double scale = width / limit.x > height / limit.y ? limit.x / width : limit.y / height;
    diag_report(diags, SEVERITY_WARNING, NULL, span_none(),
                "%s: the picture is %.0f x %.0f inches, scaled by %.2f to fit %.0f inches a side; "
                "--view journey=ID, --view stage=ID or --view spine draw a part at full size",
                dot_budget_map_name(model), width / 72, height / 72, scale, limit.x / 72);
}

/* Renders a graph that is already laid out; false after reporting. */
static bool render_graph_data(const render_context *context, Agraph_t *graph, const char *format,
                              jrn_strbuf *out, jrn_diag_list *diags)
{
    char *data = NULL;
    unsigned int length = 0;
    bool rendered = context->graphviz.render_data(context->gvc, graph, format, &data, &length) == 0;
    if (rendered) strbuf_append(out, data, length);
    else diag_error(diags, span_none(), "Graphviz cannot render format '%s' here", format);
    if (data) context->graphviz.free_render_data(data);
    return rendered;
}

/* Lays out and renders one view with the context; false after reporting. */
static bool render_one(const render_context *context, const jrn_model *model, const jrn_emit_options *options,
                       const char *format, jrn_strbuf *out, jrn_diag_list *diags, jrn_strbuf *messages)
{
    /* The graph is read back from the DOT text rather than laid out as built: dot's
     * layout depends on the order of edges, and agwrite groups them by tail. Reading
     * the text makes `jrnc -T svg` draw exactly what `jrnc | dot -Tsvg` draws. */
    jrn_strbuf dot = STRBUF_INIT;
    if (!emit_dot(model, options, &dot, diags)) {
        strbuf_free(&dot);
        return false;
    }
    render_reading reading;
    Agraph_t *graph = render_read_graph(&context->graphviz, &reading, &dot);
    strbuf_free(&dot);
    bool rendered = false;
    if (!graph) {
        diag_error(diags, span_none(), "Graphviz could not read the graph");
    } else if (context->graphviz.layout(context->gvc, graph, "dot") != 0) {
        diag_error(diags, span_none(), "Graphviz could not lay out the map");
    } else {
        render_warn_scaled(model, graph, diags);
        /* only around rendering, where the renderers print: a sanitizer's report from
         * the layout or its freeing still reaches stderr */
        render_stderr redirect;
        render_capture_stderr(&redirect);
        size_t start = out->length;
        rendered = render_graph_data(context, graph, format, out, diags);
        render_release_stderr(&redirect, messages);
        if (rendered && strcmp(format, "svg") == 0) {
            svg_number_gradients(out, start);
            svg_describe(out, start, model, options);
        }
        /* Graphviz 2.43's dot_cleanup frees one of some layouts' arrays twice in gvFreeLayout
         * (AddressSanitizer: double-free; seen with newrank and with sub-stage clusters whose
         * touchpoints are reached across stages): the layout's memory is left to the process's
         * end instead. A run lays out at most a few pictures. */
    }
    if (graph) context->graphviz.close(graph);
    return rendered;
}

/* A context, or NULL after appending why to error. */
static render_context *render_context_open(jrn_strbuf *error)
{
    render_context *context = memory_calloc(1, sizeof *context);
    if (!render_load_graphviz(&context->graphviz, error)) {
        free(context);
        return NULL;
    }
    context->gvc = context->graphviz.context();
    if (context->gvc == NULL) {
        strbuf_puts(error, "Graphviz could not start");
        free(context);
        return NULL;
    }
    return context;
}

render_context *render_context_new(void)
{
    jrn_strbuf ignored = STRBUF_INIT;
    render_context *context = render_context_open(&ignored);
    strbuf_free(&ignored);
    return context;
}

void render_context_free(render_context *context)
{
    if (context == NULL) return;
    context->graphviz.free_context(context->gvc);
    free(context);
}

bool render_graphs(const jrn_model *model, const jrn_emit_options *const *views, size_t count,
                   const char *format, render_context *kept, jrn_strbuf *outs, jrn_diag_list *diags)
{
    /* One context for every picture: Graphviz 2.43's pango plugin remembers the last font
     * name it measured, a string the context owns, and reads it again with the next
     * picture's first text (AddressSanitizer: heap-use-after-free when a second context
     * measures after the first was freed). */
    jrn_strbuf why = STRBUF_INIT;
    render_context *context = kept != NULL ? kept : render_context_open(&why);
    if (context == NULL) diag_unavailable(diags, span_none(), "cannot draw the map: %s", strbuf_text(&why));
    strbuf_free(&why);
    if (context == NULL) return false;
    jrn_strbuf messages = STRBUF_INIT;
    render_messages = &messages;
    agusererrf previous_handler = context->graphviz.set_error_function(render_collect_message);
    bool rendered = true;
    for (size_t i = 0; rendered && i < count; i++)
        rendered = render_one(context, model, views[i], format, &outs[i], diags, &messages);
    context->graphviz.set_error_function(previous_handler);
    if (kept == NULL) render_context_free(context);
    render_messages = NULL;
    render_report_messages(model, &messages, diags);
    strbuf_free(&messages);
    return rendered;
}

bool render_graph(const jrn_model *model, const jrn_emit_options *options, const char *format,
                  jrn_strbuf *out, jrn_diag_list *diags)
{
    return render_graphs(model, &options, 1, format, options->graphviz, out, diags);
}
