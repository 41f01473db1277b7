/* parse.c — runs the scanner and parser over one source and returns its AST. */
#include "jrn/compile.h"

#include "jrn/parse.h"
#define YYSTYPE JRNYYSTYPE
#define YYLTYPE JRNYYLTYPE
#include "journey.tab.h"
#include "journey.lex.h"

jrn_ast_file *parse_source(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags)
{
    jrn_ast_file *file = arena_alloc(arena, sizeof *file);
    file->source = source;
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(source, &reason, arena);
    if (invalid != UINT32_MAX) {
        /* The scanner assumes clean UTF-8; a broken byte stops this file here. */
        file->syntax_error_count++;
        diag_error(diags, (jrn_span){source, invalid, invalid + 1}, "%s", reason);
        return file;
    }
    jrn_parse_context context = {
        .arena = arena,
        .source = source,
        .diags = diags,
        .file = file,
    };
    yyscan_t scanner;
    if (jrn_scan_lex_init_extra(&context, &scanner) != 0) {
        file->syntax_error_count++;
        diag_error(diags, span_none(), "cannot start the scanner");
        return file;
    }
    context.scanner = scanner;
    /* Scan the text where it lies: flex briefly writes a NUL after each token and puts
     * the byte back, so the text is whole again once the scan ends. */
    YY_BUFFER_STATE buffer = jrn_scan__scan_buffer((char *)source->text, source->length + 2, scanner);
    jrnyyparse(&context);
    jrn_scan__delete_buffer(buffer, scanner);
    jrn_scan_lex_destroy(scanner);
    strbuf_free(&context.text_block);
    return file;
}
