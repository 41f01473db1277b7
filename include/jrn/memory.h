/* memory.h — heap allocation that never returns NULL: running out of memory ends the run
 * with one message and exit status 2, so no caller needs an error path for it. */
#ifndef JRN_MEMORY_H
#define JRN_MEMORY_H

#include <stddef.h>

/* Reports that size bytes could not be had and exits with status 2. */
_Noreturn void memory_exhausted(size_t size);
/* count zero-filled elements of size bytes (at least one, so the result is never NULL). */
void *memory_calloc(size_t count, size_t size);
/* Resizes items to count elements of size bytes; checks the multiplication. */
void *memory_realloc_array(void *items, size_t count, size_t size);

/* Room for one more element at the end of a heap array that grows by doubling, its
 * capacity implied by count as with ARENA_PUSH. For arrays that grow big while they are
 * built: realloc gives back what an arena would keep, every outgrown copy. */
void *memory_grow_for_push(void *items, size_t count, size_t element_size);
#define MEMORY_PUSH(items, count, item) \
    do { \
        (items) = memory_grow_for_push((items), (count), sizeof *(items)); \
        (items)[(count)++] = (item); \
    } while (0)

#endif
