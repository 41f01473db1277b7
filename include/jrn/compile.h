/* compile.h — the front end as one call: load, parse, resolve a root file into a model. */
#ifndef JRN_COMPILE_H
#define JRN_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/ast.h"
#include "jrn/diag.h"
#include "jrn/model.h"

typedef struct jrn_compile_options {
    const char *const *include_dirs;   /* -I DIR, in command-line order */
    size_t include_dir_count;
    const char *search_path;           /* JRN_PATH: folders separated by ':' (or NULL) */
    const char *stdlib_dir;            /* the standard library's folder (or NULL) */
    bool no_prelude;                   /* --no-prelude */
    /* Always declare every name before applying any member (sema_one_pass.c tries one
     * pass first): for the tests that hold the two ways to the same result. */
    bool two_passes;
} jrn_compile_options;

typedef struct jrn_compilation {
    jrn_arena *arena;                  /* owns every source, AST node, model element, message */
    jrn_diag_list diags;
    jrn_model *model;                  /* NULL when the input has errors */
    bool root_unreadable;              /* the root file could not be read: a usage/I-O failure */
    bool built_in_one_pass;            /* the single pass did not give up (sema_one_pass.c) */
} jrn_compilation;

jrn_compilation *compile_new(void);
void compile_free(jrn_compilation *compilation);

/* Compiles path ("-" = standard input). True when a model was built without errors. */
bool compile_file(jrn_compilation *compilation, const char *path,
                  const jrn_compile_options *options);
/* Compiles bytes in memory under display_name ("use" resolves from the current folder). */
bool compile_memory(jrn_compilation *compilation, const char *display_name, const char *bytes,
                    size_t length, const jrn_compile_options *options);

/* Parses one source into an AST (no imports, no resolution): for the formatter.
 * Syntax errors go to diags and are counted in the file's syntax_error_count. */
jrn_ast_file *parse_source(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags);

/* A parse that hands over each top-level item (use, map, extend or declaration) as soon
 * as it is parsed, so a big file's syntax tree is never in memory all at once. take()
 * returns true to keep the item (its nodes then live as long as keep_arena), false to let
 * its nodes go once the next item is parsed. */
typedef struct jrn_item_sink {
    bool (*take)(void *data, jrn_ast_item *item);
    void *data;
    jrn_arena *keep_arena;
    /* The caller gives up at the first error (the single pass): the parse may then use
     * the faster parser whose messages about a syntax error are less exact. */
    bool gives_up_at_errors;
} jrn_item_sink;

/* Parses source item by item into sink; the returned file (in arena) holds the comments
 * and the syntax error count, no items. check_bytes: look for invalid UTF-8 first (once
 * per source is enough: a source that failed it is not parsed again). */
jrn_ast_file *parse_source_items(jrn_arena *arena, const jrn_source *source, jrn_diag_list *diags,
                                 const jrn_item_sink *sink, bool check_bytes);
/* The message for a file that changed on disk between two reads of it (exit status 2:
 * the run stops rather than mix two versions); the parse sets changed_while_read. */
void parse_report_changed_source(jrn_diag_list *diags, const jrn_source *source);

#endif
