/* passes_oracle.c — for every map given, compiles it with the single pass and with two
 * (src/sema_one_pass.c) and prints PASS: or FAIL: with the first difference
 * (tests/suites/one-pass.sh). Exit status 1 when any map differs. */
#include <stdio.h>

#include "passes_compare.h"

#ifndef JRN_ORACLE_STDLIB
#define JRN_ORACLE_STDLIB "stdlib"
#endif

int main(int argc, char **argv)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_ORACLE_STDLIB;
    int failures = 0;
    for (int i = 1; i < argc; i++) {
        jrn_strbuf why = STRBUF_INIT;
        bool one_pass = false;
        const char *verdict = passes_agree(argv[i], &options, &why, &one_pass) ? "PASS" : "FAIL";
        /* The suite checks which way each of its own maps went. */
        printf("%s: one pass = two passes: %s (%s)\n", verdict, argv[i], one_pass ? "one pass" : "gave up");
        if (verdict[0] == 'F') {
            printf("  %s", strbuf_text(&why));
            failures++;
        }
        strbuf_free(&why);
    }
    return failures == 0 ? 0 : 1;
}
