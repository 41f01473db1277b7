/* output.h — writes a result whole or not at all: to a temporary file renamed into place. */
#ifndef JRN_OUTPUT_H
#define JRN_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes length bytes to path, or to standard output when path is NULL or "-".
 * A file is written to a temporary sibling and renamed, so an existing file is
 * replaced only by complete output. On failure returns false and sets *error_text. */
bool output_write(const char *path, const char *data, size_t length, const char **error_text);

#endif
