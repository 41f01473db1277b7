/* stdlib_path.h — where the standard library is: beside the binary in a build tree, under
 * ../share/jrnc/stdlib of an installed binary, or the folder chosen at build time. */
#ifndef JRN_STDLIB_PATH_H
#define JRN_STDLIB_PATH_H

#include "jrn/arena.h"

/* The first candidate folder that holds std/prelude.jrn, or the build-time folder when none
 * does (so messages still name a place). */
const char *stdlib_path_find(jrn_arena *arena);

#endif
