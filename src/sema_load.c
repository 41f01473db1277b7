/* sema_load.c — loads the prelude, the root file and every file it uses, each once,
 * in dependency order, reporting missing imports and import cycles. */
#include "jrn/sema.h"
#include "jrn/memory.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jrn/strbuf.h"
#include "jrn/suggest.h"

static const char *const stdlib_names[] = {
    "std/prelude", "std/spines/post_sales", "std/spines/b2b", "std/spines/b2c",
    "std/spines/decision", "std/spines/employee",
};

static bool sema_load_source(jrn_sema *sema, const jrn_source *source, bool is_root,
                             bool is_prelude, jrn_span used_at);

static const char *sema_canonical_path(jrn_sema *sema, const char *path)
{
    char *resolved = realpath(path, NULL);
    if (resolved == NULL) return arena_strdup(sema->arena, path);
    const char *copy = arena_strdup(sema->arena, resolved);
    free(resolved);
    return copy;
}

static bool sema_is_loaded(const jrn_sema *sema, const char *canonical_path)
{
    for (size_t i = 0; i < sema->model->file_count; i++) {
        if (sema->loaded_paths[i] != NULL && strcmp(sema->loaded_paths[i], canonical_path) == 0) {
            return true;
        }
    }
    return false;
}

/* The folder a relative "use" starts from: the importing file's, or "." for stdin. */
static const char *sema_folder_of(jrn_sema *sema, const jrn_source *source)
{
    if (strcmp(source->path, "-") == 0) return ".";
    const char *slash = strrchr(source->path, '/');
    if (slash == NULL) return ".";
    if (slash == source->path) return "/";
    return arena_strndup(sema->arena, source->path, (size_t)(slash - source->path));
}

typedef enum sema_probe { PROBE_ABSENT, PROBE_FILE, PROBE_OTHER } sema_probe;

static sema_probe sema_probe_path(const char *path)
{
    struct stat info;
    if (stat(path, &info) != 0) return PROBE_ABSENT;
    return S_ISREG(info.st_mode) ? PROBE_FILE : PROBE_OTHER;
}

/* Tries folder/name and folder/name.jrn; sets *found to the first that exists. */
static sema_probe sema_probe_in(jrn_sema *sema, const char *folder, const char *name,
                                bool add_suffix, const char **found)
{
    bool here = folder == NULL || strcmp(folder, ".") == 0;
    const char *candidate = here ? arena_strdup(sema->arena, name)
                                 : arena_printf(sema->arena, "%s/%s", folder, name);
    sema_probe probe = sema_probe_path(candidate);
    if (probe == PROBE_ABSENT && add_suffix) {
        candidate = arena_printf(sema->arena, "%s.jrn", candidate);
        probe = sema_probe_path(candidate);
    }
    if (probe != PROBE_ABSENT) *found = candidate;
    return probe;
}

/* Search order: the importing file's folder, each -I DIR, each JRN_PATH folder, the stdlib. */
static sema_probe sema_find_import(jrn_sema *sema, const jrn_source *importer, const char *name,
                                   const char **found, jrn_strbuf *searched)
{
    size_t name_length = strlen(name);
    bool add_suffix = !(name_length >= 4 && strcmp(name + name_length - 4, ".jrn") == 0);
    if (name[0] == '/') return sema_probe_in(sema, NULL, name, add_suffix, found);
    const jrn_compile_options *options = sema->options;
    const char *folder = sema_folder_of(sema, importer);
    strbuf_puts(searched, folder);
    sema_probe probe = sema_probe_in(sema, folder, name, add_suffix, found);
    if (probe != PROBE_ABSENT) return probe;
    for (size_t i = 0; i < options->include_dir_count; i++) {
        strbuf_printf(searched, ", %s", options->include_dirs[i]);
        probe = sema_probe_in(sema, options->include_dirs[i], name, add_suffix, found);
        if (probe != PROBE_ABSENT) return probe;
    }
    if (options->search_path != NULL) {
        const char *cursor = options->search_path;
        while (*cursor != '\0') {
            const char *colon = strchr(cursor, ':');
            size_t length = colon ? (size_t)(colon - cursor) : strlen(cursor);
            if (length > 0) {
                const char *entry = arena_strndup(sema->arena, cursor, length);
                strbuf_printf(searched, ", %s", entry);
                probe = sema_probe_in(sema, entry, name, add_suffix, found);
                if (probe != PROBE_ABSENT) return probe;
            }
            cursor += length + (colon ? 1 : 0);
        }
    }
    if (options->stdlib_dir != NULL) {
        strbuf_printf(searched, ", %s", options->stdlib_dir);
        probe = sema_probe_in(sema, options->stdlib_dir, name, add_suffix, found);
    }
    return probe;
}

static void sema_report_missing_import(jrn_sema *sema, const jrn_ast_item *item,
                                       const jrn_strbuf *searched)
{
    sema->load_errors++;
    jrn_suggester suggester;
    suggest_begin(&suggester, item->use_path);
    for (size_t i = 0; i < sizeof stdlib_names / sizeof stdlib_names[0]; i++) {
        suggest_consider(&suggester, stdlib_names[i]);
    }
    const char *suggestion = suggest_result(&suggester);
    jrn_diag *diag = suggestion != NULL
        ? diag_error(sema->diags, item->use_path_span, "cannot find '%s'; did you mean '%s'?",
                     item->use_path, suggestion)
        : diag_error(sema->diags, item->use_path_span, "cannot find '%s'", item->use_path);
    if (diag != NULL && suggestion != NULL) diag->fixit = arena_printf(sema->arena, "\"%s\"", suggestion);
    diag_add_note(sema->diags, diag, span_none(), "looked in: %s", strbuf_text(searched));
}

static void sema_report_cycle(jrn_sema *sema, const jrn_ast_item *item, size_t cycle_start,
                              const jrn_source *target)
{
    sema->load_errors++;
    jrn_strbuf chain = STRBUF_INIT;
    for (size_t i = cycle_start; i < sema->loading_depth; i++) {
        strbuf_printf(&chain, "%s -> ", sema->loading[i].source->display_name);
    }
    strbuf_puts(&chain, target->display_name);
    if (cycle_start + 1 == sema->loading_depth) {
        diag_error(sema->diags, item->use_path_span, "file uses itself: %s", strbuf_text(&chain));
    } else {
        diag_error(sema->diags, item->use_path_span, "import cycle: %s", strbuf_text(&chain));
    }
    strbuf_free(&chain);
}

/* Where the cycle starts in the loading stack, or SIZE_MAX when path is not being loaded. */
static size_t sema_cycle_start(const jrn_sema *sema, const char *canonical_path)
{
    for (size_t i = 0; i < sema->loading_depth; i++) {
        if (strcmp(sema->loading[i].canonical_path, canonical_path) == 0) return i;
    }
    return SIZE_MAX;
}

/* A file to load: a single pass reads it once, indexing it as it parses. */
static jrn_source *sema_open_source(jrn_sema *sema, const char *path, jrn_load_status *status,
                                   const char **error_text)
{
    return sema->one_pass ? source_open_unread(sema->arena, path, status, error_text)
                          : source_open(sema->arena, path, status, error_text);
}

static void sema_load_use(jrn_sema *sema, const jrn_source *importer, const jrn_ast_item *item,
                          jrn_span used_at)
{
    jrn_strbuf searched = STRBUF_INIT;
    const char *found = NULL;
    sema_probe probe = sema_find_import(sema, importer, item->use_path, &found, &searched);
    if (probe == PROBE_ABSENT) {
        sema_report_missing_import(sema, item, &searched);
        strbuf_free(&searched);
        return;
    }
    strbuf_free(&searched);
    if (probe == PROBE_OTHER) {
        struct stat info;
        bool is_folder = stat(found, &info) == 0 && S_ISDIR(info.st_mode);
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "cannot use '%s': %s", found,
                   is_folder ? "it is a folder, not a .jrn file" : "not a regular file");
        return;
    }
    const char *canonical = sema_canonical_path(sema, found);
    size_t cycle_start = sema_cycle_start(sema, canonical);
    if (cycle_start != SIZE_MAX) {
        sema_report_cycle(sema, item, cycle_start, sema->loading[cycle_start].source);
        return;
    }
    if (sema_is_loaded(sema, canonical)) return;
    if (sema->loading_depth >= SEMA_IMPORT_DEPTH_LIMIT) {
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "imports nested too deep (limit is %d)",
                   SEMA_IMPORT_DEPTH_LIMIT);
        return;
    }
    jrn_load_status status;
    const char *error_text;
    jrn_source *source = sema_open_source(sema, found, &status, &error_text);
    if (source == NULL) {
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "cannot read '%s': %s", found, error_text);
        return;
    }
    sema_load_source(sema, source, false, false, used_at);
}

static void sema_push_loading(jrn_sema *sema, const char *canonical, const jrn_source *source)
{
    sema_loading *grown = memory_realloc_array(sema->loading, sema->loading_depth + 1, sizeof *grown);
    sema->loading = grown;
    sema->loading[sema->loading_depth++] = (sema_loading){canonical, source};
}

/* What the loading parse of one file needs to load each "use" as it is parsed. */
typedef struct sema_load_walk {
    jrn_sema *sema;
    const jrn_source *source;
    bool is_root;
    jrn_span used_at;
    sema_file_outline outline;   /* its declarations, declared once every file is read */
    bool has_declarations;       /* an item other than a use has been met */
} sema_load_walk;

static bool sema_load_take(void *data, jrn_ast_item *item)
{
    sema_load_walk *walk = data;
    jrn_sema *sema = walk->sema;
    /* Its result will be thrown away: read on only to reach the end of the file. */
    if (sema->one_pass_given_up) return false;
    /* Findings in imported files are reported at the root's use that brought them. */
    if (item->kind == ITEM_USE) {
        /* Two passes declare what a file uses before the file, wherever the use is: a
         * single pass has declared what comes before it already. */
        if (sema->one_pass && walk->has_declarations) {
            sema_one_pass_give_up(sema);
            return false;
        }
        sema_load_use(sema, walk->source, item, walk->is_root ? item->use_path_span : walk->used_at);
        return false;
    }
    walk->has_declarations = true;
    bool keep = sema_outline_item(sema, &walk->outline, item);
    if (sema->one_pass && sema_one_pass_take(sema, &walk->outline, item)) keep = true;
    return keep;
}

/* Parses source, loading each file it uses (and theirs) as its "use" is reached, so the
 * files are in load order: the uses before the file that uses them. */
static bool sema_load_source(jrn_sema *sema, const jrn_source *source, bool is_root,
                             bool is_prelude, jrn_span used_at)
{
    const char *canonical = strcmp(source->path, "-") == 0 ? "-" : sema_canonical_path(sema, source->path);
    sema_push_loading(sema, canonical, source);
    sema_load_walk walk = {sema, source, is_root, used_at, {0}, false};
    jrn_item_sink sink = {sema_load_take, &walk, sema->kept_syntax, sema->one_pass};
    jrn_ast_file *ast = parse_source_items(sema->arena, source, sema->diags, &sink, true);
    sema->syntax_errors += ast->syntax_error_count;
    if (ast->changed_while_read) sema->input_changed = true;
    /* Two passes check a file's bytes before parsing it; one pass, as it reads them. */
    if (sema->one_pass && (!source_is_indexed(source) || source->invalid_offset != UINT32_MAX)) {
        sema_one_pass_give_up(sema);
    }
    sema->loading_depth--;
    jrn_model *model = sema->model;
    jrn_model_file file = {source, ast, is_root, is_prelude, used_at};
    /* loaded_paths and file_outlines run parallel to model->files */
    size_t paths = model->file_count, outlines = model->file_count;
    ARENA_PUSH(sema->arena, model->files, model->file_count, file);
    ARENA_PUSH(sema->arena, sema->loaded_paths, paths, canonical);
    MEMORY_PUSH(sema->file_outlines, outlines, walk.outline);
    return ast->syntax_error_count == 0;
}

bool sema_load_root(jrn_sema *sema, const jrn_source *root)
{
    if (!sema->options->no_prelude) {
        const char *stdlib_dir = sema->options->stdlib_dir;
        const char *path = stdlib_dir != NULL ? arena_printf(sema->arena, "%s/std/prelude.jrn", stdlib_dir) : NULL;
        jrn_load_status status;
        const char *error_text = "no standard library folder";
        jrn_source *prelude = path != NULL ? sema_open_source(sema, path, &status, &error_text) : NULL;
        if (prelude == NULL) {
            sema->load_errors++;
            jrn_diag *diag = diag_error(sema->diags, span_none(), "cannot load the standard prelude %s: %s",
                                        path != NULL ? path : "", error_text);
            diag_add_note(sema->diags, diag, span_none(),
                          "is jrnc installed completely? 'jrnc --print-stdlib-dir' shows where it looks; "
                          "--no-prelude skips the prelude");
            return false;
        }
        sema_load_source(sema, prelude, false, true, span_none());
    }
    sema_load_source(sema, root, true, false, span_none());
    return sema->syntax_errors == 0 && sema->load_errors == 0;
}
