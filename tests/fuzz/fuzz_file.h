/* fuzz_file.h — what the fuzz harnesses share: the input written to a file, so a target
 * can hold reading from disk to reading the same bytes from memory. */
#ifndef JRN_FUZZ_FILE_H
#define JRN_FUZZ_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Writes data to name in the current folder, or aborts: the harness cannot go on. */
static inline void fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
    FILE *file = fopen(name, "wb");
    if (file == NULL) abort();
    if (size > 0 && fwrite(data, 1, size, file) != size) abort();
    if (fclose(file) != 0) abort();
}

#endif
