/* arena.h — one bump allocator per compilation: everything is freed in one call. */
#ifndef JRN_ARENA_H
#define JRN_ARENA_H

#include <stddef.h>

typedef struct jrn_arena jrn_arena;

jrn_arena *arena_new(void);
void arena_free(jrn_arena *arena);

/* Zero-filled, aligned to 8 bytes: enough for every type jrnc allocates (pointers,
 * double, uint64_t; no long double). Aborts with a message when memory runs out. */
void *arena_alloc(jrn_arena *arena, size_t size);
/* Array of count elements of size each, zero-filled; checks the multiplication. */
void *arena_alloc_array(jrn_arena *arena, size_t count, size_t size);
char *arena_strndup(jrn_arena *arena, const char *text, size_t length);
char *arena_strdup(jrn_arena *arena, const char *text);
char *arena_printf(jrn_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* Room for one more element at the end of an arena array that grows by doubling: returns
 * the (possibly moved) array. The capacity is implied by count (the next power of two),
 * so growing lists need no stored capacity and appends stay amortised O(1). */
void *arena_grow_for_push(jrn_arena *arena, void *items, size_t count, size_t element_size);
#define ARENA_PUSH(arena, items, count, item) \
    do { \
        (items) = arena_grow_for_push((arena), (items), (count), sizeof *(items)); \
        (items)[(count)++] = (item); \
    } while (0)

/* Tells the arena it will hold about bytes. From half a huge page (1 MB) on, it takes its
 * blocks as huge pages: one page fault for 2 MB instead of one per 4 KB page, which is
 * most of what building a large map's syntax tree costs where faults are dear. */
void arena_expect(jrn_arena *arena, size_t bytes);

/* Bytes handed out so far (for the benchmark's memory figures). */
size_t arena_bytes_used(const jrn_arena *arena);

#endif
