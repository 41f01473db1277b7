/* text_diff.h — a line diff of two texts (Myers' algorithm in linear space), printed as a
 * unified diff. */
#ifndef JRN_TEXT_DIFF_H
#define JRN_TEXT_DIFF_H

#include <stddef.h>

#include "jrn/strbuf.h"

/* Appends the unified diff (three lines of context) that turns old_text into new_text,
 * under the headers "--- old_label" and "+++ new_label". Appends nothing when the texts
 * are equal. */
void text_diff_unified(const char *old_label, const char *old_text, size_t old_length,
                       const char *new_label, const char *new_text, size_t new_length,
                       jrn_strbuf *out);

#endif
