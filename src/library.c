/* library.c — loading a shared library and the symbols a command calls in it (library.h). */
/* RTLD_NODELETE is a GNU extension (also in the BSDs and Solaris), outside X/Open. */
#define _GNU_SOURCE
#include "jrn/library.h"

#include <ctype.h>
#include <dlfcn.h>
#include <string.h>

/* Debian's package for a library: its soname with ".so." dropped (libgvc.so.6: libgvc6),
 * with a '-' between when the name ends in a digit (libfoo2.so.3: libfoo2-3). */
static void library_put_package(jrn_strbuf *out, const char *soname)
{
    const char *so = strstr(soname, ".so.");
    if (so == NULL) {
        strbuf_puts(out, soname);
        return;
    }
    strbuf_append(out, soname, (size_t)(so - soname));
    if (so > soname && isdigit((unsigned char)so[-1])) strbuf_putc(out, '-');
    strbuf_puts(out, so + strlen(".so."));
}

bool library_load(const char *soname, const jrn_library_symbol *symbols, size_t count, jrn_strbuf *error)
{
    /* Never closed: a library such as libgvc keeps process-wide state (its plugins, its
     * error handler) that must outlive any one caller's use. */
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (library == NULL) {
        strbuf_printf(error, "%s (on Debian: sudo apt install ", dlerror());
        library_put_package(error, soname);
        strbuf_putc(error, ')');
        return false;
    }
    for (size_t i = 0; i < count; i++) {
        *symbols[i].address = dlsym(library, symbols[i].name);
        if (*symbols[i].address == NULL) {
            strbuf_printf(error, "%s has no %s", soname, symbols[i].name);
            return false;
        }
    }
    return true;
}
