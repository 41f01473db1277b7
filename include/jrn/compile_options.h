/* compile_options.h — what a compilation is told from outside: where "use" looks for
 * files, and whether the prelude is loaded. Shared by the front end's API and its passes. */
#ifndef JRN_COMPILE_OPTIONS_H
#define JRN_COMPILE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jrn_compile_options {
    const char *const *include_dirs;   /* -I DIR, in command-line order */
    size_t include_dir_count;
    const char *search_path;           /* JRN_PATH: folders separated by ':' (or NULL) */
    const char *stdlib_dir;            /* the standard library's folder (or NULL) */
    bool no_prelude;                   /* --no-prelude */
} jrn_compile_options;

#endif
