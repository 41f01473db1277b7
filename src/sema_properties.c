/* sema_properties.c — finds a property's rule by name through a small hash index of the
 * schema, built once per compilation: a map looks up half a dozen names per touchpoint. */
#include "jrn/sema.h"

#include <string.h>

/* Per owner: a kind has at most a couple of dozen properties, so probes stay short. */
enum { SEMA_PROPERTY_SLOTS = 64 };

struct sema_property_index {
    const jrn_property_rule *slots[SCHEMA_HOP + 1][SEMA_PROPERTY_SLOTS];
};

/* The first three letters tell the schema's names apart well enough, and cost no loop. */
static unsigned sema_property_hash(const char *name)
{
    unsigned hash = (unsigned char)name[0] * 7u;
    if (name[0] != '\0') {
        hash += (unsigned char)name[1] * 31u;
        if (name[1] != '\0') hash += (unsigned char)name[2];
    }
    return hash % SEMA_PROPERTY_SLOTS;
}

void sema_index_properties(jrn_sema *sema)
{
    struct sema_property_index *index = arena_alloc(sema->arena, sizeof *index);
    for (unsigned owner = 0; owner <= SCHEMA_HOP; owner++) {
        size_t count;
        const jrn_property_rule *rules = schema_properties(owner, &count);
        for (size_t i = 0; i < count; i++) {
            unsigned slot = sema_property_hash(rules[i].name);
            while (index->slots[owner][slot] != NULL) slot = (slot + 1) % SEMA_PROPERTY_SLOTS;
            index->slots[owner][slot] = &rules[i];
        }
    }
    sema->properties = index;
}

const jrn_property_rule *sema_find_property(const jrn_sema *sema, unsigned owner, const char *name)
{
    const jrn_property_rule *const *slots = sema->properties->slots[owner];
    for (unsigned slot = sema_property_hash(name); slots[slot] != NULL; slot = (slot + 1) % SEMA_PROPERTY_SLOTS) {
        if (strcmp(slots[slot]->name, name) == 0) return slots[slot];
    }
    return NULL;
}
