/* parse.c — runs the scanner and parser over one source: into a whole AST (the formatter)
 * or item by item into a sink (the compiler). */
#include "jrn/compile.h"

#include "jrn/parse.h"
#define YYSTYPE JRNYYSTYPE
#define YYLTYPE JRNYYLTYPE
#include "journey.tab.h"
#include "journey.lex.h"

/* The grammar's parser generated without lookahead correction (see the Makefile): on a
 * valid map it acts as jrnyyparse does; at a syntax error it may have reduced further
 * before noticing, and say less exactly what was expected. */
int jrnyyparse_without_lac(jrn_parse_context *context);

/* False (and the error reported) when the bytes are not clean UTF-8. */
static bool parse_check_bytes(jrn_ast_file *file, jrn_diag_list *diags)
{
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(file->source, &reason);
    if (invalid == UINT32_MAX) return true;
    /* The scanner assumes clean UTF-8; a broken byte stops this file here. */
    file->syntax_error_count++;
    diag_error(diags, (jrn_span){file->source, invalid, invalid + 1}, "%s", reason);
    return false;
}

size_t parse_read_input(jrn_parse_context *context, char *buffer, size_t size)
{
    return context->reader != NULL ? source_reader_read(context->reader, buffer, size) : 0;
}

void parse_report_changed_source(jrn_diag_list *diags, const jrn_source *source)
{
    diag_error(diags, span_none(), "'%s' changed while jrnc was reading it: run it again", source->display_name);
}

/* A file that is not what it was when it was opened cannot be parsed consistently. */
static void parse_report_changed(jrn_parse_context *context)
{
    context->file->syntax_error_count++;
    context->file->changed_while_read = true;
    parse_report_changed_source(context->diags, context->source);
}

static void parse_run(jrn_parse_context *context)
{
    const jrn_source *source = context->source;
    jrn_source_reader reader;
    if (source->text == NULL) {
        if (!source_reader_open(&reader, source)) {
            parse_report_changed(context);
            return;
        }
        context->reader = &reader;
    }
    yyscan_t scanner;
    if (jrn_scan_lex_init_extra(context, &scanner) != 0) {
        context->file->syntax_error_count++;
        diag_error(context->diags, span_none(), "cannot start the scanner");
        if (context->reader != NULL) source_reader_close(context->reader);
        return;
    }
    context->scanner = scanner;
    /* Text in memory is scanned where it lies: flex briefly writes a NUL after each token
     * and puts the byte back, so the text is whole again once the scan ends. A file read
     * from disk comes through YY_INPUT into flex's own buffer. */
    YY_BUFFER_STATE buffer = source->text != NULL
        ? jrn_scan__scan_buffer((char *)source->text, source->length + 2, scanner)
        : jrn_scan__create_buffer(NULL, 64 * 1024, scanner);
    if (source->text == NULL) jrn_scan__switch_to_buffer(buffer, scanner);
    if (context->sink != NULL && context->sink->gives_up_at_errors) jrnyyparse_without_lac(context);
    else jrnyyparse(context);
    jrn_scan__delete_buffer(buffer, scanner);
    jrn_scan_lex_destroy(scanner);
    strbuf_free(&context->text_block);
    if (context->reader != NULL && !source_reader_close(context->reader)) parse_report_changed(context);
    context->reader = NULL;
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
    if (!parse_check_bytes(file, diags)) return file;
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
    if (check_bytes && !parse_check_bytes(file, diags)) return file;
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
