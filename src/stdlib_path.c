/* stdlib_path.c — finds the standard library without any environment variable. */
#include "jrn/stdlib_path.h"

#include <limits.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef JRN_STDLIB_INSTALL_DIR
#define JRN_STDLIB_INSTALL_DIR "/usr/local/share/jrnc/stdlib"
#endif

static bool stdlib_path_holds_prelude(jrn_arena *arena, const char *folder)
{
    struct stat info;
    const char *prelude = arena_printf(arena, "%s/std/prelude.jrn", folder);
    return stat(prelude, &info) == 0 && S_ISREG(info.st_mode);
}

/* The folder of the running binary, from /proc/self/exe. */
static const char *stdlib_path_binary_folder(jrn_arena *arena)
{
    char path[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0) return NULL;
    path[length] = '\0';
    char *slash = strrchr(path, '/');
    if (slash == NULL) return NULL;
    return arena_strndup(arena, path, (size_t)(slash - path));
}

const char *stdlib_path_find(jrn_arena *arena)
{
    const char *binary_folder = stdlib_path_binary_folder(arena);
    if (binary_folder != NULL) {
        /* A build tree: ./jrnc beside stdlib/ (build/sanitize/jrnc two levels down). */
        const char *candidates[] = {
            arena_printf(arena, "%s/stdlib", binary_folder),
            arena_printf(arena, "%s/../../stdlib", binary_folder),
            arena_printf(arena, "%s/../share/jrnc/stdlib", binary_folder),
        };
        for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
            if (stdlib_path_holds_prelude(arena, candidates[i])) {
                char resolved[PATH_MAX];
                if (realpath(candidates[i], resolved) != NULL) return arena_strdup(arena, resolved);
                return candidates[i];
            }
        }
    }
    return JRN_STDLIB_INSTALL_DIR;
}
