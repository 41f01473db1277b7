/* arena.c — bump allocation in chained blocks; one arena per compilation, freed at once. */
#include "jrn/arena.h"
#include "jrn/memory.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ARENA_BLOCK_SIZE = 64 * 1024,
    /* An arena past 16 MB (a map of tens of thousands of touchpoints) takes 2 MB blocks:
     * a thirtieth of the calls to malloc, and less time in the kernel mapping them. */
    ARENA_BIG_ARENA = 16 * 1024 * 1024,
    ARENA_BIG_BLOCK_SIZE = 2 * 1024 * 1024,
    /* Nothing jrnc allocates needs more than 8 (no long double, no vector types), and a
     * big map makes millions of small allocations: 16 would waste 4 MB on 100,000
     * touchpoints. */
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

static arena_block *arena_add_block(jrn_arena *arena, size_t at_least)
{
    /* A large one-off allocation gets a block of its own, behind the current block so the
     * current block's free space is not wasted. */
    bool is_one_off = at_least > ARENA_BLOCK_SIZE / 4 && arena->current != NULL;
    size_t block_size = arena->bytes_used >= ARENA_BIG_ARENA ? ARENA_BIG_BLOCK_SIZE : ARENA_BLOCK_SIZE;
    size_t capacity = is_one_off || at_least > block_size ? at_least : block_size;
    arena_block *block = malloc(sizeof *block + capacity);
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

/* AddressSanitizer sees freed memory, not memory a reset arena hands out again: under
 * it, a reset frees every block, so a pointer kept past its reset is caught. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_KEEPS_A_BLOCK_ON_RESET 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_KEEPS_A_BLOCK_ON_RESET 0
#endif
#endif
#ifndef ARENA_KEEPS_A_BLOCK_ON_RESET
#define ARENA_KEEPS_A_BLOCK_ON_RESET 1
#endif

void arena_reset(jrn_arena *arena)
{
    arena_block *kept = NULL;
    arena_block *block = arena->current;
    while (block != NULL) {
        arena_block *previous = block->previous;
        bool keep = ARENA_KEEPS_A_BLOCK_ON_RESET && kept == NULL && block->capacity == ARENA_BLOCK_SIZE;
        if (keep) kept = block;
        else free(block);
        block = previous;
    }
    if (kept != NULL) {
        kept->previous = NULL;
        kept->used = 0;
    }
    arena->current = kept;
    arena->bytes_used = 0;
}

void arena_adopt(jrn_arena *owner, jrn_arena *child)
{
    arena_block *block = child->current;
    while (block != NULL) {
        arena_block *previous = block->previous;
        /* behind the owner's current block, whose free room stays in use */
        if (owner->current == NULL) {
            block->previous = NULL;
            owner->current = block;
        } else {
            block->previous = owner->current->previous;
            owner->current->previous = block;
        }
        block = previous;
    }
    owner->bytes_used += child->bytes_used;
    free(child);
}

jrn_arena_mark arena_mark(const jrn_arena *arena)
{
    arena_block *block = arena->current;
    return (jrn_arena_mark){block, block != NULL ? block->previous : NULL, block != NULL ? block->used : 0,
                            arena->bytes_used};
}

/* Frees blocks from block back to (not including) stop. */
static void arena_free_blocks_until(arena_block *block, const arena_block *stop)
{
    while (block != stop && block != NULL) {
        arena_block *previous = block->previous;
        free(block);
        block = previous;
    }
}

void arena_rollback(jrn_arena *arena, jrn_arena_mark mark)
{
    arena_block *marked = mark.block;
    /* Blocks made since the mark sit in front of the marked block (the blocks that became
     * current) or right behind it (one-off blocks for large allocations). */
    arena_free_blocks_until(arena->current, marked);
    if (marked != NULL) {
        arena_free_blocks_until(marked->previous, mark.block_previous);
        marked->previous = mark.block_previous;
        marked->used = mark.block_used;
    }
    arena->current = marked;
    arena->bytes_used = mark.bytes_used;
}

size_t arena_bytes_used(const jrn_arena *arena)
{
    return arena->bytes_used;
}
