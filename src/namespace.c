/* namespace.c — hash tables of declared ids (FNV-1a, open addressing, linear probing). */
#include "jrn/namespace.h"
#include "jrn/memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a folded to 32 bits: a slot keeps it to pick its bucket and to skip most
 * mismatches without reading the element. */
static uint32_t namespace_hash(const char *id)
{
    uint64_t hash = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211u;
    }
    return (uint32_t)(hash ^ (hash >> 32));
}

void namespace_init(jrn_namespace *names)
{
    memset(names, 0, sizeof *names);
}

void namespace_free(jrn_namespace *names)
{
    free(names->slots);
    free(names->ordered);
    memset(names, 0, sizeof *names);
}

/* The slot holding id, or the empty slot where it would go. */
static jrn_namespace_slot *namespace_slot(const jrn_namespace *names, jrn_namespace_slot *slots,
                                          size_t slot_count, const char *id, uint32_t hash)
{
    size_t mask = slot_count - 1;
    size_t i = hash & mask;
    while (slots[i].position != 0 &&
           (slots[i].hash != hash || strcmp(names->ordered[slots[i].position - 1]->id, id) != 0)) {
        i = (i + 1) & mask;
    }
    return &slots[i];
}

jrn_element *namespace_find(const jrn_namespace *names, const char *id)
{
    if (names->slot_count == 0) return NULL;
    const jrn_namespace_slot *slot = namespace_slot(names, names->slots, names->slot_count, id, namespace_hash(id));
    return slot->position != 0 ? names->ordered[slot->position - 1] : NULL;
}

void namespace_prefetch(const jrn_namespace *names, const char *id)
{
    if (names->slot_count == 0) return;
    __builtin_prefetch(&names->slots[namespace_hash(id) & (names->slot_count - 1)]);
}

static void namespace_grow(jrn_namespace *names)
{
    size_t slot_count = names->slot_count ? names->slot_count * 2 : 64;
    jrn_namespace_slot *slots = memory_calloc(slot_count, sizeof *slots);
    size_t mask = slot_count - 1;
    /* Ids are distinct: each old slot only needs the next free place for its hash. */
    for (size_t i = 0; i < names->slot_count; i++) {
        if (names->slots[i].position == 0) continue;
        size_t j = names->slots[i].hash & mask;
        while (slots[j].position != 0) j = (j + 1) & mask;
        slots[j] = names->slots[i];
    }
    free(names->slots);
    names->slots = slots;
    names->slot_count = slot_count;
    names->ordered = memory_realloc_array(names->ordered, slot_count / 2, sizeof *names->ordered);
}

jrn_element *namespace_add(jrn_namespace *names, jrn_element *element)
{
    /* Keep the table at most half full so probes stay short. */
    if (names->count + 1 > names->slot_count / 2) namespace_grow(names);
    uint32_t hash = namespace_hash(element->id);
    jrn_namespace_slot *slot = namespace_slot(names, names->slots, names->slot_count, element->id, hash);
    if (slot->position != 0) return names->ordered[slot->position - 1];
    names->ordered[names->count++] = element;
    *slot = (jrn_namespace_slot){hash, (uint32_t)names->count};
    return NULL;
}

void namespace_replace(jrn_namespace *names, jrn_element *element)
{
    if (names->slot_count == 0) return;
    const jrn_namespace_slot *slot = namespace_slot(names, names->slots, names->slot_count, element->id,
                                                    namespace_hash(element->id));
    if (slot->position != 0) names->ordered[slot->position - 1] = element;
}
