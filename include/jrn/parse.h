/* parse.h — the parser's API: one source's text into its whole syntax tree. */
#ifndef JRN_PARSE_H
#define JRN_PARSE_H

#include "jrn/arena.h"
#include "jrn/ast.h"
#include "jrn/diag.h"
#include "jrn/source.h"

/* Parses source into a syntax tree in arena (no imports, no resolution). Syntax errors go
 * to diags and are counted in the file's syntax_error_count; error recovery keeps the
 * items around them, so the tree is whole wherever the text is. */
jrn_ast_file *parse_source(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags);

#endif
