/* parse.c — runs the scanner and parser over one source: into a whole AST (the formatter)
 * or item by item into a sink (the compiler). */
#include "jrn/compile.h"

#include "jrn/parse.h"
#define YYSTYPE JRNYYSTYPE
#define YYLTYPE JRNYYLTYPE
#include "journey.tab.h"
#include "journey.lex.h"

/* False (and the error reported) when the bytes are not clean UTF-8. */
static bool parse_check_bytes(jrn_ast_file *file, jrn_arena *arena, jrn_diag_list *diags)
{
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(file->source, &reason, arena);
    if (invalid == UINT32_MAX) return true;
    /* The scanner assumes clean UTF-8; a broken byte stops this file here. */
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
    /* Scan the text where it lies: flex briefly writes a NUL after each token and puts
     * the byte back, so the text is whole again once the scan ends. */
    const jrn_source *source = context->source;
    YY_BUFFER_STATE buffer = jrn_scan__scan_buffer((char *)source->text, source->length + 2, scanner);
    jrnyyparse(context);
    jrn_scan__delete_buffer(buffer, scanner);
    jrn_scan_lex_destroy(scanner);
    strbuf_free(&context->text_block);
}

static jrn_ast_file *parse_new_file(jrn_arena *arena, const jrn_source *source)
{
    jrn_ast_file *file = arena_alloc(arena, sizeof *file);
    file->source = source;
    return file;
}

jrn_ast_file *parse_source(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags)
{
    jrn_ast_file *file = parse_new_file(arena, source);
    if (!parse_check_bytes(file, arena, diags)) return file;
    jrn_parse_context context = {
        .arena = arena,
        .file_arena = arena,
        .source = source,
        .diags = diags,
        .file = file,
    };
    parse_run(&context);
    return file;
}

jrn_ast_file *parse_source_items(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags,
                                 const jrn_item_sink *sink, bool check_bytes)
{
    jrn_ast_file *file = parse_new_file(arena, source);
    if (check_bytes && !parse_check_bytes(file, arena, diags)) return file;
    /* Two arenas take turns: an item's nodes are let go once the next item is parsed,
     * since the token the parser looked ahead at already lives in the next one. */
    jrn_parse_context context = {
        .arena = arena_new(),
        .file_arena = arena,
        .sink = sink,
        .spare_arena = arena_new(),
        .source = source,
        .diags = diags,
        .file = file,
    };
    parse_run(&context);
    arena_free(context.arena);
    arena_free(context.spare_arena);
    return file;
}
