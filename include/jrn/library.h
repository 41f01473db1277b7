/* library.h — shared libraries loaded by the commands that use them, not at every start.
 *
 * Graphviz's renderer (libgvc and the seven libraries it brings), KLU (and four) and
 * libmicrohttpd (with GnuTLS and eight) are used by -T, flow and serve; loaded at start,
 * their mapping, relocation and first-touched pages would cost every run of jrnc — check,
 * lint, fmt, the DOT compile — time and memory for nothing. Each is loaded by the soname
 * the build read from the library its headers belong to (the Makefile's *_SONAME). */
#ifndef JRN_LIBRARY_H
#define JRN_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/strbuf.h"

/* A symbol to look up and where its address goes (a function's, stored through void **
 * as POSIX's dlsym allows). */
typedef struct jrn_library_symbol {
    const char *name;
    void **address;
} jrn_library_symbol;

/* Loads the library soname (with the libraries it needs) and sets every symbol's address.
 * The library stays loaded until the process ends, so loading it again is a look-up. False
 * after appending why to error: "libgvc.so.6: cannot open shared object file: No such
 * file or directory (on Debian: sudo apt install libgvc6)" or "libgvc.so.6 has no NAME". */
bool library_load(const char *soname, const jrn_library_symbol *symbols, size_t count, jrn_strbuf *error);

#endif
