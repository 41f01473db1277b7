/* passes_compare.h — holds the single pass (src/sema_one_pass.c) to the two passes: the
 * same map compiled both ways must give the same messages, model and lint findings. */
#ifndef PASSES_COMPARE_H
#define PASSES_COMPARE_H

#include <stdbool.h>

#include "jrn/compile.h"
#include "jrn/strbuf.h"

/* Compiles path once each way with options; true when the two agree. Otherwise why says
 * what differs first. *one_pass: whether the single pass kept to the end (did not give up). */
bool passes_agree(const char *path, const jrn_compile_options *options, jrn_strbuf *why, bool *one_pass);

#endif
