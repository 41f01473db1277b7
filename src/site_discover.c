/* site_discover.c — jrnc site's first step: every .jrn file under the DIRs, parsed (not
 * compiled) to see which declare a map and which files they use; the roots are the files
 * that declare a map or that no other file there uses. */
#include "jrn/site.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jrn/memory.h"
#include "jrn/parse.h"
#include "jrn/terminal_text.h"

typedef struct site_file {
    const char *path;
    const char *relative;
    dev_t device;
    ino_t inode;
    bool declares_map;
    size_t *uses;                 /* indexes of the files it uses */
    size_t use_count;
    size_t used_by;               /* how many files use it */
} site_file;

typedef struct site_walk {
    jrn_arena *arena;
    const site_options *options;
    site_file *files;
    size_t count;
    struct stat out;              /* OUT, never searched (it may lie under a DIR) */
    bool has_out;
} site_walk;

static bool site_has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

static int site_compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds every .jrn file under folder (relative: its place under the DIR, "" at the top).
 * Folders and files whose name starts with '.' are skipped; symbolic links to folders are
 * not followed (no cycles). */
static void site_walk_folder(site_walk *walk, const char *folder, const char *relative)
{
    DIR *stream = opendir(folder);
    if (stream == NULL) return;
    char **names = NULL;
    size_t name_count = 0;
    for (struct dirent *entry = readdir(stream); entry != NULL; entry = readdir(stream)) {
        if (entry->d_name[0] == '.') continue;
        char *name = arena_strdup(walk->arena, entry->d_name);
        MEMORY_PUSH(names, name_count, name);
    }
    closedir(stream);
    if (name_count > 0) qsort(names, name_count, sizeof *names, site_compare_names);
    for (size_t i = 0; i < name_count; i++) {
        const char *path = arena_printf(walk->arena, "%s/%s", folder, names[i]);
        const char *place = relative[0] != '\0' ? arena_printf(walk->arena, "%s/%s", relative, names[i])
                                                : names[i];
        struct stat link_info, info;
        if (lstat(path, &link_info) != 0 || stat(path, &info) != 0) continue;
        if (S_ISDIR(info.st_mode)) {
            bool is_out = walk->has_out && info.st_dev == walk->out.st_dev && info.st_ino == walk->out.st_ino;
            if (!S_ISLNK(link_info.st_mode) && !is_out) site_walk_folder(walk, path, place);
        } else if (S_ISREG(info.st_mode) && site_has_suffix(names[i], ".jrn")) {
            site_file file = {path, place, info.st_dev, info.st_ino, false, NULL, 0, 0};
            MEMORY_PUSH(walk->files, walk->count, file);
        }
    }
    free(names);
}

/* The file found at path, by device and inode; SIZE_MAX when it is none of them. */
static size_t site_find_file(const site_walk *walk, const char *path)
{
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISREG(info.st_mode)) return SIZE_MAX;
    for (size_t i = 0; i < walk->count; i++) {
        if (walk->files[i].device == info.st_dev && walk->files[i].inode == info.st_ino) return i;
    }
    return SIZE_MAX;
}

/* folder/name, or folder/name.jrn when name has no suffix, among the files found. */
static size_t site_find_in(site_walk *walk, const char *folder, const char *name)
{
    const char *path = folder != NULL ? arena_printf(walk->arena, "%s/%s", folder, name) : name;
    size_t found = site_find_file(walk, path);
    if (found == SIZE_MAX && !site_has_suffix(name, ".jrn"))
        found = site_find_file(walk, arena_printf(walk->arena, "%s.jrn", path));
    return found;
}

/* The file a "use" in importer names, in the compiler's search order (the importer's
 * folder, each -I DIR, each JRN_PATH folder), when it is one of the files found; files
 * elsewhere (the standard library) are no concern of the site's. */
static size_t site_resolve_use(site_walk *walk, const site_file *importer, const char *name)
{
    if (name[0] == '/') return site_find_in(walk, NULL, name);
    const char *slash = strrchr(importer->path, '/');
    const char *folder = slash != NULL ? arena_strndup(walk->arena, importer->path, (size_t)(slash - importer->path)) : ".";
    size_t found = site_find_in(walk, folder, name);
    const jrn_compile_options *compile = walk->options->compile;
    for (size_t i = 0; found == SIZE_MAX && i < compile->include_dir_count; i++)
        found = site_find_in(walk, compile->include_dirs[i], name);
    for (const char *cursor = compile->search_path; found == SIZE_MAX && cursor != NULL && *cursor != '\0';) {
        size_t length = strcspn(cursor, ":");
        if (length > 0) found = site_find_in(walk, arena_strndup(walk->arena, cursor, length), name);
        cursor += length + (cursor[length] == ':');
    }
    return found;
}

/* Parses file (syntax only: a file with errors still shows its uses and its map). */
static void site_read_file(site_walk *walk, site_file *file)
{
    jrn_arena *scratch = arena_new();
    jrn_load_status status;
    const char *error_text;
    jrn_source *source = source_load(scratch, file->path, &status, &error_text);
    if (source != NULL) {
        jrn_diag_list diags;
        diag_list_init(&diags, scratch);
        jrn_ast_file *tree = parse_source(scratch, source, &diags);
        for (const jrn_ast_item *item = tree->items; item != NULL; item = item->next) {
            if (item->kind == ITEM_DECL && item->decl->kind == KIND_MAP && !item->decl->is_extend)
                file->declares_map = true;
            if (item->kind != ITEM_USE || item->use_path == NULL) continue;
            size_t used = site_resolve_use(walk, file, item->use_path);
            if (used != SIZE_MAX && &walk->files[used] != file) ARENA_PUSH(walk->arena, file->uses, file->use_count, used);
        }
    }
    arena_free(scratch);
}

/* Every file index reaches through uses, once each, into root->uses. */
static void site_collect_uses(site_walk *walk, size_t index, bool *seen, site_root *root)
{
    const site_file *file = &walk->files[index];
    for (size_t i = 0; i < file->use_count; i++) {
        size_t used = file->uses[i];
        if (seen[used]) continue;
        seen[used] = true;
        ARENA_PUSH(walk->arena, root->uses, root->use_count, walk->files[used].path);
        site_collect_uses(walk, used, seen, root);
    }
}

/* The map's path as found (DIR/REL.jrn, less a leading "./" or "/") as a page name:
 * letters, digits, '_' and '-' kept, anything else '-'; a number added when two maps
 * would share it. The path, not REL alone, so shards built from different DIRs name their
 * pages as one run over all of them does. */
static const char *site_slug(jrn_arena *arena, const char *path, const site_roots *roots)
{
    while (strncmp(path, "./", 2) == 0 || path[0] == '/') path += path[0] == '/' ? 1 : 2;
    size_t length = strlen(path) - strlen(".jrn");
    char *base = arena_strndup(arena, path, length);
    for (char *p = base; *p != '\0'; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                     *p == '_' || *p == '-';
        if (!plain) *p = '-';
    }
    const char *slug = base;
    for (unsigned number = 2;; number++) {
        bool taken = false;
        for (size_t i = 0; i < roots->count && !taken; i++) taken = strcmp(roots->items[i].slug, slug) == 0;
        if (!taken) return slug;
        slug = arena_printf(arena, "%s-%u", base, number);
    }
}

static const char *site_data_path(jrn_arena *arena, const site_options *options, const char *relative)
{
    if (options->data_dir == NULL) return NULL;
    size_t length = strlen(relative) - strlen(".jrn");
    const char *path = arena_printf(arena, "%s/%.*s.csv", options->data_dir, (int)length, relative);
    struct stat info;
    return stat(path, &info) == 0 && S_ISREG(info.st_mode) ? path : NULL;
}

bool site_discover(jrn_arena *arena, const site_options *options, site_roots *roots)
{
    site_walk walk = {arena, options, NULL, 0, {0}, false};
    walk.has_out = stat(options->out_dir, &walk.out) == 0;
    for (size_t i = 0; i < options->dir_count; i++) {
        struct stat info;
        if (stat(options->dirs[i], &info) != 0 || !S_ISDIR(info.st_mode)) {
            fputs("jrnc site: '", stderr);
            terminal_text_print(stderr, options->dirs[i]);
            fputs("' is not a folder (jrnc site DIR... -o OUT/)\n", stderr);
            free(walk.files);
            return false;
        }
        size_t length = strlen(options->dirs[i]);
        while (length > 1 && options->dirs[i][length - 1] == '/') length--;
        site_walk_folder(&walk, arena_strndup(arena, options->dirs[i], length), "");
    }
    for (size_t i = 0; i < walk.count; i++) site_read_file(&walk, &walk.files[i]);
    for (size_t i = 0; i < walk.count; i++) {
        for (size_t u = 0; u < walk.files[i].use_count; u++) walk.files[walk.files[i].uses[u]].used_by++;
    }
    *roots = (site_roots){NULL, 0, walk.count};
    bool *seen = memory_calloc(walk.count, sizeof *seen);
    for (size_t i = 0; i < walk.count; i++) {
        const site_file *file = &walk.files[i];
        if (!file->declares_map && file->used_by > 0) continue;
        site_root root = {file->path, file->relative, site_slug(arena, file->path, roots), NULL, 0,
                          site_data_path(arena, options, file->relative)};
        memset(seen, 0, walk.count * sizeof *seen);
        seen[i] = true;
        site_collect_uses(&walk, i, seen, &root);
        ARENA_PUSH(arena, roots->items, roots->count, root);
    }
    free(seen);
    free(walk.files);
    return true;
}
