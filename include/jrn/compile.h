/* compile.h — the front end as one call: load, parse and resolve a root file into a model. */
#ifndef JRN_COMPILE_H
#define JRN_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/compile_options.h"
#include "jrn/diag.h"
#include "jrn/model.h"

typedef struct jrn_compilation {
    jrn_arena *arena;                  /* owns every source, model element and message */
    jrn_diag_list diags;
    jrn_model *model;                  /* NULL when the input has errors */
    /* The model as far as name resolution got, also when it found errors; NULL when a file
     * did not parse or load. Only for tools that look up declarations, names and spans in
     * a map being edited (the language server): back ends take model. */
    const jrn_model *resolved_model;
    bool root_unreadable;              /* the root file could not be read: a usage/I-O failure */
    /* Every file the compilation read (the prelude, the root, each file 'use'd), in load
     * order, also when it has errors (a watcher needs them most then): model->files when
     * there is a model. Empty when the root could not be read. */
    const jrn_model_file *files;
    size_t file_count;
} jrn_compilation;

jrn_compilation *compile_new(void);
void compile_free(jrn_compilation *compilation);

/* Compiles path ("-" = standard input). True when a model was built without errors. */
bool compile_file(jrn_compilation *compilation, const char *path,
                  const jrn_compile_options *options);
/* Compiles bytes in memory under display_name ("use" resolves from the current folder). */
bool compile_memory(jrn_compilation *compilation, const char *display_name, const char *bytes,
                    size_t length, const jrn_compile_options *options);

#endif
