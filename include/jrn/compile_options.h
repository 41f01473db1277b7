/* compile_options.h — what a compilation is told from outside: where "use" looks for
 * files, which folders it may read them from, whether the prelude is loaded, and which
 * files' text the caller holds unsaved. Shared by the front end's API and its passes. */
#ifndef JRN_COMPILE_OPTIONS_H
#define JRN_COMPILE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* The text the caller holds for the file at path (an editor's unsaved document), or NULL
 * to read the file from disk. path is as the loader found it (not normalised); *length is
 * set to the text's length. The text must stay unchanged for the whole compilation. */
typedef const char *(*jrn_unsaved_text_lookup)(void *context, const char *path, size_t *length);

typedef struct jrn_compile_options {
    const char *const *include_dirs;   /* -I DIR, in command-line order */
    size_t include_dir_count;
    const char *search_path;           /* JRN_PATH: folders separated by ':' (or NULL) */
    const char *stdlib_dir;            /* the standard library's folder (or NULL) */
    const char *const *use_roots;      /* --use-root DIR, then JRN_USE_ROOTS: real paths (no
                                        * symbolic link, no ".."). When there is any, a used
                                        * file must lie under one of them or in stdlib_dir */
    size_t use_root_count;
    bool no_prelude;                   /* --no-prelude */
    jrn_unsaved_text_lookup unsaved_text;  /* NULL: every file is read from disk */
    void *unsaved_context;             /* passed to unsaved_text */
} jrn_compile_options;

#endif
