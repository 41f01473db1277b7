/* fmt_source.c — formats one source: parse, refuse on errors, print, and prove the printed
 * text parses back to the same file before anyone writes it. */
#include "jrn/fmt.h"

#include "jrn/parse.h"

jrn_fmt_status fmt_format_source(jrn_arena *arena, const jrn_source *source,
                                 jrn_diag_list *diags, jrn_strbuf *out)
{
    size_t errors_before = diags->error_count;
    const jrn_ast_file *file = parse_source(arena, source, diags);
    /* Literal errors (a bad escape, a 30th of February) are not syntax errors, but the
     * parser dropped what they meant: formatting would lose the text. */
    if (file->syntax_error_count > 0 || diags->error_count > errors_before) return FMT_INPUT_ERRORS;
    jrn_strbuf formatted = STRBUF_INIT;
    fmt_print_file(file, &formatted);
    jrn_diag_list reparse_diags;
    diag_list_init(&reparse_diags, arena);
    const jrn_source *printed = source_from_memory(arena, source->display_name,
                                                   strbuf_text(&formatted), formatted.length);
    const jrn_ast_file *reparsed = parse_source(arena, printed, &reparse_diags);
    bool same = reparse_diags.error_count == 0 && fmt_same_file(file, reparsed);
    if (same) strbuf_append(out, strbuf_text(&formatted), formatted.length);
    strbuf_free(&formatted);
    return same ? FMT_OK : FMT_NOT_EQUIVALENT;
}
