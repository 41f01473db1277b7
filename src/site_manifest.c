/* site_manifest.c — jrnc site's incremental rebuild: each map's record lists every file
 * its compilation read (the map, the files it uses, the prelude, its data) with a hash of
 * the bytes; a map is compiled again only when one of them, or the options, changed. */
#include "jrn/site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

enum { SITE_HASH_READ_SIZE = 65536 };

static const uint64_t site_fnv_offset = 14695981039346656037ull;
static const uint64_t site_fnv_prime = 1099511628211ull;

static uint64_t site_fnv_add(uint64_t hash, const unsigned char *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++) hash = (hash ^ bytes[i]) * site_fnv_prime;
    return hash;
}

typedef struct site_hash_slot {
    char *path;                   /* NULL: empty */
    uint64_t hash;
    bool readable;
} site_hash_slot;

/* Open addressing on the path, the table at most half full. */
struct site_hashes {
    site_hash_slot *slots;
    size_t capacity;              /* a power of two */
    size_t count;
};

site_hashes *site_hashes_new(void)
{
    site_hashes *hashes = memory_calloc(1, sizeof *hashes);
    hashes->capacity = 256;
    hashes->slots = memory_calloc(hashes->capacity, sizeof *hashes->slots);
    return hashes;
}

void site_hashes_free(site_hashes *hashes)
{
    if (hashes == NULL) return;
    for (size_t i = 0; i < hashes->capacity; i++) free(hashes->slots[i].path);
    free(hashes->slots);
    free(hashes);
}

static site_hash_slot *site_hash_slot_of(site_hash_slot *slots, size_t capacity, const char *path)
{
    size_t index = (size_t)site_fnv_add(site_fnv_offset, (const unsigned char *)path, strlen(path)) & (capacity - 1);
    while (slots[index].path != NULL && strcmp(slots[index].path, path) != 0) index = (index + 1) & (capacity - 1);
    return &slots[index];
}

static void site_hashes_grow(site_hashes *hashes)
{
    size_t capacity = hashes->capacity * 2;
    site_hash_slot *slots = memory_calloc(capacity, sizeof *slots);
    for (size_t i = 0; i < hashes->capacity; i++) {
        if (hashes->slots[i].path != NULL) *site_hash_slot_of(slots, capacity, hashes->slots[i].path) = hashes->slots[i];
    }
    free(hashes->slots);
    hashes->slots = slots;
    hashes->capacity = capacity;
}

static bool site_hash_bytes(const char *path, uint64_t *hash)
{
    FILE *stream = fopen(path, "rb");
    if (stream == NULL) return false;
    unsigned char *buffer = memory_calloc(SITE_HASH_READ_SIZE, 1);
    uint64_t value = site_fnv_offset;
    size_t length;
    while ((length = fread(buffer, 1, SITE_HASH_READ_SIZE, stream)) > 0) value = site_fnv_add(value, buffer, length);
    bool ok = ferror(stream) == 0;
    fclose(stream);
    free(buffer);
    *hash = value;
    return ok;
}

bool site_hash_file(site_hashes *hashes, const char *path, uint64_t *hash)
{
    site_hash_slot *slot = site_hash_slot_of(hashes->slots, hashes->capacity, path);
    if (slot->path == NULL) {
        if (2 * (hashes->count + 1) > hashes->capacity) {
            site_hashes_grow(hashes);
            slot = site_hash_slot_of(hashes->slots, hashes->capacity, path);
        }
        size_t length = strlen(path);
        slot->path = memory_calloc(length + 1, 1);
        memcpy(slot->path, path, length);
        slot->readable = site_hash_bytes(path, &slot->hash);
        hashes->count++;
    }
    *hash = slot->hash;
    return slot->readable;
}

const char *site_options_key(jrn_arena *arena, const site_options *options)
{
    const jrn_compile_options *compile = options->compile;
    uint64_t hash = site_fnv_offset;
    /* the pages' layout: a jrnc whose pages differ builds every map again */
    const char *parts[] = {"jrnc " JRN_VERSION, "site pages 3", compile->no_prelude ? "no-prelude" : "prelude",
                           compile->search_path != NULL ? compile->search_path : "",
                           compile->stdlib_dir != NULL ? compile->stdlib_dir : ""};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        hash = site_fnv_add(hash, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
    for (size_t i = 0; i < compile->include_dir_count; i++)
        hash = site_fnv_add(hash, (const unsigned char *)compile->include_dirs[i], strlen(compile->include_dirs[i]) + 1);
    return arena_printf(arena, "%016llx", (unsigned long long)hash);
}

const char *site_manifest_stale(jrn_arena *arena, site_hashes *hashes, const site_options *options,
                                const site_root *root, const site_map *previous)
{
    if (options->clean) return "--clean";
    if (previous == NULL) return "new";
    if (strcmp(previous->options_key, site_options_key(arena, options)) != 0) return "options changed";
    const char *data = root->data_path != NULL ? root->data_path : "";
    if (strcmp(previous->data_path, data) != 0) return data[0] != '\0' ? "data added" : "data removed";
    for (size_t i = 0; i < previous->input_count; i++) {
        uint64_t hash;
        if (!site_hash_file(hashes, previous->inputs[i].path, &hash)) {
            return arena_printf(arena, "%s is gone", previous->inputs[i].path);
        }
        if (hash != previous->inputs[i].hash) return arena_printf(arena, "%s changed", previous->inputs[i].path);
    }
    /* What it missed (a file it uses, a name) may have appeared anywhere: a map with errors
     * is compiled on every run, which shows its errors again. */
    if (previous->has_errors) return "it has errors";
    return NULL;
}

void site_manifest_write(jrn_strbuf *out, site_hashes *hashes, const site_options *options,
                         const char *const *paths, size_t count)
{
    jrn_arena *scratch = arena_new();
    site_record_begin(out, "options");
    site_record_text(out, site_options_key(scratch, options));
    site_record_end(out);
    for (size_t i = 0; i < count; i++) {
        uint64_t hash = 0;
        site_hash_file(hashes, paths[i], &hash);
        site_record_begin(out, "input");
        site_record_text(out, paths[i]);
        site_record_text(out, arena_printf(scratch, "%016llx", (unsigned long long)hash));
        site_record_end(out);
    }
    arena_free(scratch);
}
