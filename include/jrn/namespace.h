/* namespace.h — one table of declared names per kind: id -> element, in declaration order. */
#ifndef JRN_NAMESPACE_H
#define JRN_NAMESPACE_H

#include <stddef.h>
#include <stdint.h>

#include "jrn/model.h"

/* A slot keeps its element's hash: a probe compares hashes and reads the element (and
 * its id) only on a match. Eight bytes a slot: a map may declare a hundred thousand ids. */
typedef struct jrn_namespace_slot {
    uint32_t hash;
    uint32_t position;        /* 1 + the element's place in ordered; 0 = empty */
} jrn_namespace_slot;

typedef struct jrn_namespace {
    jrn_namespace_slot *slots;   /* open addressing */
    size_t slot_count;        /* a power of two */
    jrn_element **ordered;    /* every element in insertion order */
    size_t count;
} jrn_namespace;

void namespace_init(jrn_namespace *names);
void namespace_free(jrn_namespace *names);
jrn_element *namespace_find(const jrn_namespace *names, const char *id);
/* Starts loading where id's lookup will look, without waiting: a caller about to look up
 * many ids (a journey's steps) overlaps their cache misses instead of taking each in turn. */
void namespace_prefetch(const jrn_namespace *names, const char *id);
/* Adds element; returns the element already holding its id instead, if there is one. */
jrn_element *namespace_add(jrn_namespace *names, jrn_element *element);
/* Puts element where the element with its id was (same place in declaration order). */
void namespace_replace(jrn_namespace *names, jrn_element *element);

#endif
