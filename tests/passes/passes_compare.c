/* passes_compare.c — compiles a map with one pass and with two and compares what a user
 * could see of each: every message as printed (source line and caret included), the JSON
 * model, and the lint findings on it (which read spans the JSON leaves out). */
#include "passes_compare.h"

#include <string.h>

#include "jrn/emit.h"
#include "jrn/lint.h"

/* Messages, then the JSON model and the lint findings when it compiled. */
static bool passes_describe(const char *path, const jrn_compile_options *options, jrn_strbuf *out)
{
    jrn_compilation *compilation = compile_new();
    bool compiled = compile_file(compilation, path, options);
    bool built_in_one_pass = compilation->built_in_one_pass;
    strbuf_printf(out, "compiled: %s\n", compiled ? "yes" : "no");
    for (const jrn_diag *diag = compilation->diags.first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, out, false);
    }
    if (compiled) {
        jrn_emit_options view = {0};
        emit_json(compilation->model, &view, out, NULL);
        jrn_lint_options lint_options;
        lint_options_init(&lint_options, (jrn_date){2026, 11, 23});
        jrn_diag_list findings;
        diag_list_init(&findings, compilation->arena);
        lint_model(compilation->model, &lint_options, &findings);
        for (const jrn_diag *diag = findings.first; diag != NULL; diag = diag->next) {
            diag_render_one_text(diag, out, false);
        }
    }
    compile_free(compilation);
    return built_in_one_pass;
}

/* The line where two texts first part, for the message. */
static void passes_explain(const jrn_strbuf *one, const jrn_strbuf *two, jrn_strbuf *why)
{
    const char *a = strbuf_text(one), *b = strbuf_text(two);
    size_t line = 1, start = 0;
    for (size_t i = 0; a[i] == b[i] && a[i] != '\0'; i++) {
        if (a[i] == '\n') line++, start = i + 1;
    }
    const char *a_end = strchr(a + start, '\n'), *b_end = strchr(b + start, '\n');
    int a_length = a_end ? (int)(a_end - a - start) : (int)strlen(a + start);
    int b_length = b_end ? (int)(b_end - b - start) : (int)strlen(b + start);
    strbuf_printf(why, "line %zu\n  one pass:   %.*s\n  two passes: %.*s\n", line, a_length > 300 ? 300 : a_length,
                  a + start, b_length > 300 ? 300 : b_length, b + start);
}

bool passes_agree(const char *path, const jrn_compile_options *options, jrn_strbuf *why, bool *one_pass)
{
    jrn_compile_options one_pass_options = *options, two_passes = *options;
    one_pass_options.two_passes = false;
    two_passes.two_passes = true;
    jrn_strbuf one = STRBUF_INIT, two = STRBUF_INIT;
    *one_pass = passes_describe(path, &one_pass_options, &one);
    passes_describe(path, &two_passes, &two);
    bool same = one.length == two.length && memcmp(strbuf_text(&one), strbuf_text(&two), one.length) == 0;
    if (!same) passes_explain(&one, &two, why);
    strbuf_free(&one);
    strbuf_free(&two);
    return same;
}
