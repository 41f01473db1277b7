/* compile_options.h — what a compilation is told from outside: where "use" looks for
 * files, which folders it may read them from, and whether the prelude is loaded. Shared by the front end's API and its passes. */
#ifndef JRN_COMPILE_OPTIONS_H
#define JRN_COMPILE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

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
} jrn_compile_options;

#endif
