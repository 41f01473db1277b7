/* dot_ids.c — a libcgraph ID discipline: named objects get even IDs in creation order
 * (2, 4, 6...), anonymous ones odd IDs, as libcgraph's own discipline does. */
#include "jrn/dot_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

typedef struct dot_ids {
    Agraph_t *graph;
    char *(*intern)(Agraph_t *graph, char *text);
    char **names;             /* interned in the graph's string pool; ID of names[i]: 2(i+1) */
    size_t count;
    uint32_t *slots;          /* open addressing over names: index + 1, 0 when empty */
    size_t slot_count;
    IDTYPE next_anonymous;
} dot_ids;

static uint64_t dot_ids_hash(const char *name)
{
    uint64_t hash = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211u;
    }
    return hash;
}

/* The slot holding name, or the empty slot where it would go. */
static size_t dot_ids_slot(const dot_ids *ids, const char *name)
{
    size_t mask = ids->slot_count - 1;
    size_t i = (size_t)dot_ids_hash(name) & mask;
    while (ids->slots[i] != 0 && strcmp(ids->names[ids->slots[i] - 1], name) != 0) i = (i + 1) & mask;
    return i;
}

static void dot_ids_grow(dot_ids *ids)
{
    free(ids->slots);
    ids->slot_count = ids->slot_count ? ids->slot_count * 2 : 64;
    ids->slots = memory_calloc(ids->slot_count, sizeof *ids->slots);
    for (size_t i = 0; i < ids->count; i++) ids->slots[dot_ids_slot(ids, ids->names[i])] = (uint32_t)(i + 1);
}

static void *dot_ids_open(Agraph_t *graph, Agdisc_t *discipline)
{
    dot_ids *ids = memory_calloc(1, sizeof *ids);
    ids->graph = graph;
    ids->intern = ((const dot_ids_discipline *)discipline->id)->intern;
    ids->next_anonymous = 1;
    dot_ids_grow(ids);
    return ids;
}

static long dot_ids_map(void *state, int kind, char *name, IDTYPE *id, int create)
{
    (void)kind;
    dot_ids *ids = state;
    if (name == NULL) {
        *id = ids->next_anonymous;
        ids->next_anonymous += 2;
        return 1;
    }
    size_t slot = dot_ids_slot(ids, name);
    if (ids->slots[slot] != 0) {
        *id = (IDTYPE)2 * ids->slots[slot];
        return 1;
    }
    if (!create) return 0;
    char *interned = ids->intern(ids->graph, name);
    if (interned == NULL) return 0;
    ids->names = memory_grow_for_push(ids->names, ids->count, sizeof *ids->names);
    ids->names[ids->count++] = interned;
    ids->slots[slot] = (uint32_t)ids->count;
    if (ids->count * 2 > ids->slot_count) dot_ids_grow(ids);
    *id = (IDTYPE)2 * ids->count;
    return 1;
}

/* Only IDs this discipline handed out are ever asked for (no client-chosen IDs). */
static long dot_ids_alloc(void *state, int kind, IDTYPE request)
{
    (void)state;
    (void)kind;
    (void)request;
    return 0;
}

static void dot_ids_free(void *state, int kind, IDTYPE id)
{
    (void)state;
    (void)kind;
    (void)id;
}

static char *dot_ids_print(void *state, int kind, IDTYPE id)
{
    (void)kind;
    const dot_ids *ids = state;
    if (id % 2 != 0 || id == 0 || id / 2 > ids->count) return NULL;
    return ids->names[id / 2 - 1];
}

static void dot_ids_close(void *state)
{
    dot_ids *ids = state;
    /* the names belong to the graph's string pool, which agclose frees */
    free(ids->names);
    free(ids->slots);
    free(ids);
}

static void dot_ids_register(void *state, int kind, void *object)
{
    (void)state;
    (void)kind;
    (void)object;
}

void dot_ids_discipline_init(dot_ids_discipline *discipline, char *(*intern)(Agraph_t *graph, char *text))
{
    discipline->ids = (Agiddisc_t){dot_ids_open, dot_ids_map, dot_ids_alloc, dot_ids_free,
                                   dot_ids_print, dot_ids_close, dot_ids_register};
    discipline->intern = intern;
}
