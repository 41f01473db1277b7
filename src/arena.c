/* arena.c — bump allocation in chained blocks; one arena per compilation, freed at once. */
/* madvise and MADV_HUGEPAGE are Linux's, outside the X/Open interfaces the build asks for. */
#define _DEFAULT_SOURCE
#include "jrn/arena.h"
#include "jrn/memory.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum {
    ARENA_BLOCK_SIZE = 64 * 1024,
    /* An arena past 16 MB (a map of tens of thousands of touchpoints), or told to expect
     * half a huge page or more (arena_expect), takes 2 MB blocks, each one huge page
     * (arena_huge_block). */
    ARENA_BIG_ARENA = 16 * 1024 * 1024,
    ARENA_BIG_BLOCK_SIZE = 2 * 1024 * 1024,
    /* Nothing jrnc allocates needs more than 8 (no long double, no vector types), and a
     * big map makes millions of small allocations. */
    ARENA_ALIGNMENT = 8
};

typedef struct arena_block {
    struct arena_block *previous;
    size_t capacity;
    size_t used;
    _Alignas(ARENA_ALIGNMENT) unsigned char bytes[];
} arena_block;

struct jrn_arena {
    arena_block *current;
    size_t bytes_used;
    size_t bytes_expected;   /* what arena_expect was told, 0 when nothing */
};

jrn_arena *arena_new(void)
{
    jrn_arena *arena = calloc(1, sizeof *arena);
    if (arena == NULL) memory_exhausted(sizeof *arena);
    return arena;
}

void arena_free(jrn_arena *arena)
{
    if (arena == NULL) return;
    arena_block *block = arena->current;
    while (block != NULL) {
        arena_block *previous = block->previous;
        free(block);
        block = previous;
    }
    free(arena);
}

/* A big block is one huge page, aligned to its size, that the kernel may map at once
 * instead of faulting in 512 small pages as they are first written. Where huge pages are
 * off the advice is ignored. */
static arena_block *arena_huge_block(void)
{
    void *memory = NULL;
    if (posix_memalign(&memory, ARENA_BIG_BLOCK_SIZE, ARENA_BIG_BLOCK_SIZE) != 0) return NULL;
    madvise(memory, ARENA_BIG_BLOCK_SIZE, MADV_HUGEPAGE);
    return memory;
}

static arena_block *arena_add_block(jrn_arena *arena, size_t at_least)
{
    /* A large one-off allocation gets a block of its own, behind the current block so the
     * current block's free space is not wasted. */
    bool is_one_off = at_least > ARENA_BLOCK_SIZE / 4 && arena->current != NULL;
    bool big = arena->bytes_used >= ARENA_BIG_ARENA || arena->bytes_expected >= ARENA_BIG_BLOCK_SIZE / 2;
    size_t block_size = big ? ARENA_BIG_BLOCK_SIZE : ARENA_BLOCK_SIZE;
    bool is_huge = !is_one_off && block_size == ARENA_BIG_BLOCK_SIZE &&
                   at_least <= ARENA_BIG_BLOCK_SIZE - sizeof(arena_block);
    size_t capacity = is_huge ? ARENA_BIG_BLOCK_SIZE - sizeof(arena_block)
                    : is_one_off || at_least > block_size ? at_least : block_size;
    arena_block *block = is_huge ? arena_huge_block() : malloc(sizeof *block + capacity);
    if (block == NULL) memory_exhausted(capacity);
    block->capacity = capacity;
    block->used = 0;
    if (is_one_off) {
        block->previous = arena->current->previous;
        arena->current->previous = block;
    } else {
        block->previous = arena->current;
        arena->current = block;
    }
    return block;
}

/* arena_take when the current block has no room (or there is none): a new block. Kept out
 * of line, so the common case stays a few instructions without registers to save. */
static __attribute__((noinline)) void *arena_take_in_new_block(jrn_arena *arena, size_t size)
{
    if (size > SIZE_MAX - ARENA_ALIGNMENT) memory_exhausted(size);
    arena_block *block = arena_add_block(arena, size);
    size_t offset = block->used;
    block->used = offset + size;
    arena->bytes_used += size;
    return block->bytes + offset;
}

/* size bytes at the current block's next offset that is a multiple of alignment (1 for
 * text, which needs none: a big map's ids and titles would otherwise waste 4 bytes each).
 * A big map makes millions of these calls. */
static inline void *arena_take(jrn_arena *arena, size_t size, size_t alignment)
{
    if (size == 0) size = 1;   /* every allocation has its own address */
    arena_block *block = arena->current;
    if (block == NULL) return arena_take_in_new_block(arena, size);
    size_t offset = (block->used + alignment - 1) & ~(alignment - 1);
    if (offset > block->capacity || block->capacity - offset < size) return arena_take_in_new_block(arena, size);
    block->used = offset + size;
    arena->bytes_used += size;
    return block->bytes + offset;
}

void *arena_alloc(jrn_arena *arena, size_t size)
{
    void *memory = arena_take(arena, size, ARENA_ALIGNMENT);
    memset(memory, 0, size);
    return memory;
}

void *arena_alloc_array(jrn_arena *arena, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) memory_exhausted(SIZE_MAX);
    return arena_alloc(arena, count * size);
}

char *arena_strndup(jrn_arena *arena, const char *text, size_t length)
{
    if (length > SIZE_MAX - ARENA_ALIGNMENT - 1) memory_exhausted(length);
    char *copy = arena_take(arena, length + 1, 1);
    if (length > 0) memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

char *arena_strdup(jrn_arena *arena, const char *text)
{
    return arena_strndup(arena, text, strlen(text));
}

char *arena_printf(jrn_arena *arena, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vsnprintf(NULL, 0, format, arguments);
    va_end(arguments);
    if (length < 0) return arena_strdup(arena, "");
    char *text = arena_alloc(arena, (size_t)length + 1);
    va_start(arguments, format);
    vsnprintf(text, (size_t)length + 1, format, arguments);
    va_end(arguments);
    return text;
}

void *arena_grow_for_push(jrn_arena *arena, void *items, size_t count, size_t element_size)
{
    bool is_full = count == 0 || (count & (count - 1)) == 0;
    if (!is_full) return items;
    void *grown = arena_alloc_array(arena, count == 0 ? 1 : count * 2, element_size);
    if (count > 0) memcpy(grown, items, count * element_size);
    return grown;
}

void arena_expect(jrn_arena *arena, size_t bytes)
{
    arena->bytes_expected = bytes;
}

size_t arena_bytes_used(const jrn_arena *arena)
{
    return arena->bytes_used;
}
