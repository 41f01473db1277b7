/* namespace.c — hash tables of declared ids (FNV-1a, open addressing, linear probing). */
#include "jrn/namespace.h"
#include "jrn/memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t namespace_hash(const char *id)
{
    uint64_t hash = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211u;
    }
    return hash;
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

static jrn_namespace_slot *namespace_slot(jrn_namespace_slot *slots, size_t slot_count, const char *id,
                                          uint64_t hash)
{
    size_t mask = slot_count - 1;
    size_t i = (size_t)hash & mask;
    while (slots[i].element != NULL && (slots[i].hash != hash || strcmp(slots[i].element->id, id) != 0))
        i = (i + 1) & mask;
    return &slots[i];
}

jrn_element *namespace_find(const jrn_namespace *names, const char *id)
{
    if (names->slot_count == 0) return NULL;
    return namespace_slot(names->slots, names->slot_count, id, namespace_hash(id))->element;
}

static void namespace_grow(jrn_namespace *names)
{
    size_t slot_count = names->slot_count ? names->slot_count * 2 : 64;
    jrn_namespace_slot *slots = memory_calloc(slot_count, sizeof *slots);
    for (size_t i = 0; i < names->slot_count; i++) {
        if (names->slots[i].element == NULL) continue;
        *namespace_slot(slots, slot_count, names->slots[i].element->id, names->slots[i].hash) = names->slots[i];
    }
    free(names->slots);
    names->slots = slots;
    names->slot_count = slot_count;
    jrn_element **ordered = memory_realloc_array(names->ordered, slot_count / 2, sizeof *ordered);
    names->ordered = ordered;
}

jrn_element *namespace_add(jrn_namespace *names, jrn_element *element)
{
    /* Keep the table at most half full so probes stay short. */
    if (names->count + 1 > names->slot_count / 2) namespace_grow(names);
    uint64_t hash = namespace_hash(element->id);
    jrn_namespace_slot *slot = namespace_slot(names->slots, names->slot_count, element->id, hash);
    if (slot->element != NULL) return slot->element;
    *slot = (jrn_namespace_slot){element, hash};
    names->ordered[names->count++] = element;
    return NULL;
}
