/* memory.c — checked heap allocation: one place decides what running out of memory does. */
#include "jrn/memory.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void memory_exhausted(size_t size)
{
    fprintf(stderr, "jrnc: out of memory (asked for %zu bytes)\n", size);
    exit(2);
}

void *memory_calloc(size_t count, size_t size)
{
    void *memory = calloc(count ? count : 1, size ? size : 1);
    if (memory == NULL) memory_exhausted(count * size);
    return memory;
}

void *memory_realloc_array(void *items, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) memory_exhausted(SIZE_MAX);
    size_t bytes = count * size;
    void *grown = realloc(items, bytes ? bytes : 1);
    if (grown == NULL) memory_exhausted(bytes);
    return grown;
}

void *memory_grow_for_push(void *items, size_t count, size_t element_size)
{
    bool is_full = count == 0 || (count & (count - 1)) == 0;
    if (!is_full) return items;
    return memory_realloc_array(items, count == 0 ? 1 : count * 2, element_size);
}
