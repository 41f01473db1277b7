/* lsp_workspace.c — the workspace folders the client names (at initialize and as they
 * change), and the .jrn maps in them, for the symbols of maps that are not open. */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* How far and how wide a workspace is searched for maps: a home folder opened by mistake
 * must not stall the server. */
#define LSP_WORKSPACE_DEPTH 6
#define LSP_WORKSPACE_MAPS 500

static void lsp_add_folder(lsp_workspace *workspace, const char *uri)
{
    char *path = uri != NULL ? lsp_uri_to_path(uri) : NULL;
    if (path == NULL) return;
    for (size_t i = 0; i < workspace->folder_count; i++) {
        if (strcmp(workspace->folders[i], path) == 0) {
            free(path);
            return;
        }
    }
    MEMORY_PUSH(workspace->folders, workspace->folder_count, path);
}

static void lsp_remove_folder(lsp_workspace *workspace, const char *uri)
{
    char *path = uri != NULL ? lsp_uri_to_path(uri) : NULL;
    if (path == NULL) return;
    for (size_t i = 0; i < workspace->folder_count; i++) {
        if (strcmp(workspace->folders[i], path) != 0) continue;
        free(workspace->folders[i]);
        workspace->folders[i] = workspace->folders[--workspace->folder_count];
        break;
    }
    free(path);
}

void lsp_workspace_initialize(lsp_workspace *workspace, const json_t *params)
{
    const json_t *folders = json_object_get(params, "workspaceFolders");
    size_t i;
    const json_t *folder;
    json_array_foreach(folders, i, folder) lsp_add_folder(workspace, json_string_value(json_object_get(folder, "uri")));
    if (workspace->folder_count == 0) lsp_add_folder(workspace, json_string_value(json_object_get(params, "rootUri")));
}

void lsp_workspace_change(lsp_workspace *workspace, const json_t *params)
{
    const json_t *event = json_object_get(params, "event");
    size_t i;
    const json_t *folder;
    json_array_foreach(json_object_get(event, "removed"), i, folder) {
        lsp_remove_folder(workspace, json_string_value(json_object_get(folder, "uri")));
    }
    json_array_foreach(json_object_get(event, "added"), i, folder) {
        lsp_add_folder(workspace, json_string_value(json_object_get(folder, "uri")));
    }
}

void lsp_workspace_free(lsp_workspace *workspace)
{
    for (size_t i = 0; i < workspace->folder_count; i++) free(workspace->folders[i]);
    free(workspace->folders);
    *workspace = (lsp_workspace){NULL, 0};
}

typedef struct lsp_map_walk {
    void (*visit)(const char *path, void *context);
    void *context;
    size_t found;
} lsp_map_walk;

static bool lsp_is_map_name(const char *name)
{
    size_t length = strlen(name);
    return length > 4 && strcmp(name + length - 4, ".jrn") == 0;
}

/* Visits the maps in folder and its sub-folders (hidden ones and node_modules left out). */
static void lsp_walk_folder(lsp_map_walk *walk, const char *folder, int depth)
{
    DIR *listing = opendir(folder);
    if (listing == NULL) return;
    struct dirent *entry;
    jrn_strbuf path = STRBUF_INIT;
    while ((entry = readdir(listing)) != NULL && walk->found < LSP_WORKSPACE_MAPS) {
        if (entry->d_name[0] == '.' || strcmp(entry->d_name, "node_modules") == 0) continue;
        strbuf_clear(&path);
        strbuf_printf(&path, "%s/%s", folder, entry->d_name);
        struct stat info;
        if (stat(strbuf_text(&path), &info) != 0) continue;
        if (S_ISDIR(info.st_mode) && depth < LSP_WORKSPACE_DEPTH) {
            lsp_walk_folder(walk, strbuf_text(&path), depth + 1);
        } else if (S_ISREG(info.st_mode) && lsp_is_map_name(entry->d_name)) {
            walk->found++;
            walk->visit(strbuf_text(&path), walk->context);
        }
    }
    strbuf_free(&path);
    closedir(listing);
}

void lsp_workspace_each_map(const lsp_workspace *workspace, void (*visit)(const char *path, void *context),
                            void *context)
{
    lsp_map_walk walk = {visit, context, 0};
    for (size_t i = 0; i < workspace->folder_count; i++) lsp_walk_folder(&walk, workspace->folders[i], 0);
}
