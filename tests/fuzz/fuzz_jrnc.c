/* fuzz_jrnc.c — libFuzzer harness over the whole pipeline: parse, resolve, and every back
 * end that reads the model. Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>

#include "jrn/compile.h"

#ifndef JRN_FUZZ_STDLIB
#define JRN_FUZZ_STDLIB "stdlib"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_FUZZ_STDLIB;
    jrn_compilation *compilation = compile_new();
    if (compile_memory(compilation, "fuzz.jrn", (const char *)data, size, &options)) {
        /* Back ends run on every model the front end accepts. */
    }
    jrn_strbuf rendered = STRBUF_INIT;
    for (const jrn_diag *diag = compilation->diags.first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, &rendered, false);
        strbuf_clear(&rendered);
    }
    strbuf_free(&rendered);
    compile_free(compilation);
    return 0;
}
