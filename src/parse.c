/* parse.c — runs the scanner and parser over one source held in memory into its whole
 * syntax tree. */
#include "jrn/parse.h"

#include "jrn/parse_context.h"
#define YYSTYPE JRNYYSTYPE
#define YYLTYPE JRNYYLTYPE
#include "journey.tab.h"
#include "journey.lex.h"

/* False (and the error reported) when the bytes are not clean UTF-8: the scanner assumes
 * clean UTF-8, so a broken byte stops this file here. */
static bool parse_check_bytes(jrn_ast_file *file, jrn_diag_list *diags)
{
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(file->source, &reason);
    if (invalid == UINT32_MAX) return true;
    file->syntax_error_count++;
    diag_error(diags, (jrn_span){file->source, invalid, invalid + 1}, "%s", reason);
    return false;
}

static void parse_run(jrn_parse_context *context)
{
    yyscan_t scanner;
    if (jrn_scan_lex_init_extra(context, &scanner) != 0) {
        context->file->syntax_error_count++;
        diag_error(context->diags, span_none(), "cannot start the scanner");
        return;
    }
    context->scanner = scanner;
    /* The text is scanned where it lies: flex briefly writes a NUL after each token and
     * puts the byte back, so the text is whole again once the scan ends (SOURCE_PADDING
     * gives it the two end-of-buffer bytes it needs). */
    const jrn_source *source = context->source;
    YY_BUFFER_STATE buffer = jrn_scan__scan_buffer((char *)source->text, source->length + 2, scanner);
    jrnyyparse(context);
    jrn_scan__delete_buffer(buffer, scanner);
    jrn_scan_lex_destroy(scanner);
    strbuf_free(&context->text_block);
}

jrn_ast_file *parse_source(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags)
{
    jrn_ast_file *file = arena_alloc(arena, sizeof *file);
    file->source = source;
    if (!parse_check_bytes(file, diags)) return file;
    jrn_parse_context context = {
        .arena = arena,
        .source = source,
        .diags = diags,
        .file = file,
    };
    parse_run(&context);
    return file;
}
