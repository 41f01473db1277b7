/* output.h — writes a result whole or not at all, and never over a file the user must keep. */
#ifndef JRN_OUTPUT_H
#define JRN_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/strbuf.h"

/* The files a run read (the map, the files it uses, --data files): a result is never
 * written over one of them, whatever name or link reaches it. */
typedef struct jrn_output_inputs {
    const char **paths;
    size_t count;
    size_t capacity;
} jrn_output_inputs;

#define OUTPUT_INPUTS_INIT {NULL, 0, 0}

/* Adds path to inputs ("-", standard input, is skipped). */
void output_inputs_add(jrn_output_inputs *inputs, const char *path);
void output_inputs_free(jrn_output_inputs *inputs);

/* Writes length bytes to path, or to standard output when path is NULL or "-"; inputs may
 * be NULL. What happens to each kind of target is docs/files.md's promise:
 * - a regular file is replaced by a complete temporary sibling renamed over it, with its
 *   mode and (where permitted) owner kept; when that cannot keep the file's owner, its
 *   other hard links, or the folder cannot take a new file, the complete text is written
 *   into the file itself instead;
 * - a file that cannot be written (no write permission bit, or none for this user), a
 *   folder, or one of inputs is refused;
 * - /dev/stdout, /dev/fd/N and /proc/self/fd/N write to the open descriptor N (so
 *   `-o /dev/stdout >> log` appends); devices, FIFOs and /proc files are written in place;
 * - a symbolic link is followed to the file it names, which is created when missing.
 * On failure returns false and appends one line's explanation (no newline) to error. */
bool output_write(const char *path, const char *data, size_t length,
                  const jrn_output_inputs *inputs, jrn_strbuf *error);

/* The same write given in parts, for a result that cannot fail once its first part is
 * ready and is too big to hold twice (the DOT text): output_open decides the target and
 * refuses it as output_write would; output_put hands on each part; output_finish makes the
 * result the target's (it keeps output_write's promises: a file is replaced only there,
 * whole) and output_abandon leaves the target as it was. An open descriptor (standard
 * output) and a temporary sibling take each part as it comes; a file written into and a
 * device take the whole text at the finish. */
typedef struct jrn_output jrn_output;

/* NULL, with one line's explanation appended to error, when path cannot be written. */
jrn_output *output_open(const char *path, const jrn_output_inputs *inputs, jrn_strbuf *error);
/* False once a part could not be written (output_finish explains and undoes). */
bool output_put(jrn_output *output, const char *data, size_t length);
/* Both end and free output. */
bool output_finish(jrn_output *output, jrn_strbuf *error);
void output_abandon(jrn_output *output);

#endif
