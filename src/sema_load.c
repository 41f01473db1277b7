/* sema_load.c — loads and parses the prelude, the root file and every file it uses, each
 * once, in dependency order, reporting missing imports and import cycles. */
#include "jrn/sema.h"
#include "jrn/memory.h"

#include <errno.h>
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

static bool sema_load_source(jrn_sema *sema, const jrn_source *source, sema_file_identity identity,
                             bool is_root, bool is_prelude, jrn_span used_at);

/* Which file a path names: by device and inode, so a file reached under two names (a
 * hard link, a symbolic link, "./x" and "x") is one file. Standard input is no file. */
static sema_file_identity sema_identity_of(const char *path)
{
    struct stat info;
    if (strcmp(path, "-") == 0 || stat(path, &info) != 0) return (sema_file_identity){0, 0, false};
    return (sema_file_identity){(uint64_t)info.st_dev, (uint64_t)info.st_ino, true};
}

static bool sema_same_file(sema_file_identity a, sema_file_identity b)
{
    return a.known && b.known && a.device == b.device && a.inode == b.inode;
}

static bool sema_is_loaded(const jrn_sema *sema, sema_file_identity identity)
{
    for (size_t i = 0; i < sema->model->file_count; i++) {
        if (sema_same_file(sema->loaded_identities[i], identity)) return true;
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

/* Where the cycle starts in the loading stack, or SIZE_MAX when the file is not being loaded. */
static size_t sema_cycle_start(const jrn_sema *sema, sema_file_identity identity)
{
    for (size_t i = 0; i < sema->loading_depth; i++) {
        if (sema_same_file(sema->loading[i].identity, identity)) return i;
    }
    return SIZE_MAX;
}

/* Whether the real path file lies in folder (itself a real path) or below it. */
static bool sema_path_is_under(const char *file, const char *folder)
{
    size_t length = strlen(folder);
    if (strncmp(file, folder, length) != 0) return false;
    return file[length] == '/' || file[length] == '\0' || (length > 0 && folder[length - 1] == '/');
}

/* With --use-root or JRN_USE_ROOTS, a used file is read only when its real path (every
 * symbolic link and ".." resolved) lies under one of those folders or in the standard
 * library; otherwise the use is an error and the file is never opened. */
static bool sema_use_is_allowed(jrn_sema *sema, const jrn_ast_item *item, const char *found)
{
    const jrn_compile_options *options = sema->options;
    if (options->use_root_count == 0) return true;
    char real_file[PATH_MAX];
    if (realpath(found, real_file) == NULL) {
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "cannot use '%s': %s", found, strerror(errno));
        return false;
    }
    jrn_strbuf allowed = STRBUF_INIT;
    for (size_t i = 0; i < options->use_root_count; i++) {
        if (sema_path_is_under(real_file, options->use_roots[i])) {
            strbuf_free(&allowed);
            return true;
        }
        strbuf_printf(&allowed, "%s%s", i > 0 ? ", " : "", options->use_roots[i]);
    }
    char real_stdlib[PATH_MAX];
    if (options->stdlib_dir != NULL && realpath(options->stdlib_dir, real_stdlib) != NULL) {
        if (sema_path_is_under(real_file, real_stdlib)) {
            strbuf_free(&allowed);
            return true;
        }
        strbuf_printf(&allowed, ", the standard library %s", real_stdlib);
    }
    sema->load_errors++;
    jrn_diag *diag = diag_error(sema->diags, item->use_path_span,
                                "cannot use '%s': it is outside the folders maps may use (--use-root, JRN_USE_ROOTS)",
                                item->use_path);
    diag_add_note(sema->diags, diag, span_none(), "its real path is %s; maps may use files only under %s", real_file,
                  strbuf_text(&allowed));
    strbuf_free(&allowed);
    return false;
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
    if (!sema_use_is_allowed(sema, item, found)) return;
    if (probe == PROBE_OTHER) {
        struct stat info;
        bool is_folder = stat(found, &info) == 0 && S_ISDIR(info.st_mode);
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "cannot use '%s': %s", found,
                   is_folder ? "it is a folder, not a .jrn file" : "not a regular file");
        return;
    }
    sema_file_identity identity = sema_identity_of(found);
    size_t cycle_start = sema_cycle_start(sema, identity);
    if (cycle_start != SIZE_MAX) {
        sema_report_cycle(sema, item, cycle_start, sema->loading[cycle_start].source);
        return;
    }
    if (sema_is_loaded(sema, identity)) return;
    if (sema->loading_depth >= SEMA_IMPORT_DEPTH_LIMIT) {
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "imports nested too deep (limit is %d)",
                   SEMA_IMPORT_DEPTH_LIMIT);
        return;
    }
    jrn_load_status status;
    const char *error_text;
    jrn_source *source = source_load(sema->arena, found, &status, &error_text);
    if (source == NULL) {
        sema->load_errors++;
        diag_error(sema->diags, item->use_path_span, "cannot read '%s': %s", found, error_text);
        return;
    }
    sema_load_source(sema, source, identity, false, false, used_at);
}

/* The model outlives the syntax trees: it keeps its own copy of a file's comments (lint
 * suppressions read them). */
static const jrn_comment *sema_copy_comments(jrn_sema *sema, const jrn_comment *comments)
{
    jrn_comment *first = NULL, **link = &first;
    for (const jrn_comment *comment = comments; comment != NULL; comment = comment->next) {
        jrn_comment *copy = arena_alloc(sema->arena, sizeof *copy);
        *copy = (jrn_comment){arena_strdup(sema->arena, comment->text), comment->span, NULL};
        *link = copy;
        link = &copy->next;
    }
    return first;
}

/* A used file that parses: all its messages. One that does not: its first error alone
 * (one line of it quoted), and how many more there are. */
static void sema_pass_on_used_file_messages(jrn_sema *sema, const jrn_diag_list *held, const jrn_source *source)
{
    for (const jrn_diag *diag = held->first; diag != NULL; diag = diag->next) {
        if (held->error_count > 0 && diag->severity != SEVERITY_ERROR) continue;
        jrn_diag *passed = diag_report(sema->diags, diag->severity, diag->rule, diag->span, "%s", diag->message);
        if (passed == NULL) break;
        passed->fixit = diag->fixit;
        if (held->error_count == 0) {
            passed->notes = diag->notes;
            continue;
        }
        if (held->error_count > 1) {
            diag_add_note(sema->diags, passed, span_none(),
                          "%zu more errors in '%s' are not shown: only the first error of a used file "
                          "that does not parse is quoted (is it a journey map?)",
                          held->error_count - 1, source->display_name);
        }
        /* The other errors are counted, not shown. */
        sema->diags->error_count += held->error_count - 1;
        break;
    }
}

static void sema_push_loading(jrn_sema *sema, sema_file_identity identity, const jrn_source *source)
{
    MEMORY_PUSH(sema->loading, sema->loading_depth, ((sema_loading){identity, source}));
}

/* Parses source whole, then loads each file it uses (and theirs) in the order its uses are
 * written, and adds it after them: the files are in load order, the uses before the file
 * that uses them. Findings in a used file are reported at the root's use that brought it. */
static bool sema_load_source(jrn_sema *sema, const jrn_source *source, sema_file_identity identity,
                             bool is_root, bool is_prelude, jrn_span used_at)
{
    sema_push_loading(sema, identity, source);
    /* A used file's messages are held back until it is parsed: one that is no map at all
     * (a key, a password file) must not have its lines quoted, error after error. */
    bool is_used = !is_root && !is_prelude;
    jrn_diag_list held;
    diag_list_init(&held, sema->arena);
    jrn_ast_file *tree = parse_source(sema->syntax_arena, source, is_used ? &held : sema->diags);
    if (is_used) sema_pass_on_used_file_messages(sema, &held, source);
    sema->syntax_errors += tree->syntax_error_count;
    for (const jrn_ast_item *item = tree->items; item != NULL; item = item->next) {
        if (item->kind == ITEM_USE) {
            sema_load_use(sema, source, item, is_root ? item->use_path_span : used_at);
        }
    }
    sema->loading_depth--;
    jrn_model *model = sema->model;
    jrn_model_file file = {source, sema_copy_comments(sema, tree->comments), is_root, is_prelude, used_at};
    /* loaded_identities and trees run parallel to model->files */
    size_t identities = model->file_count, trees = model->file_count;
    ARENA_PUSH(sema->arena, model->files, model->file_count, file);
    MEMORY_PUSH(sema->loaded_identities, identities, identity);
    MEMORY_PUSH(sema->trees, trees, tree);
    return tree->syntax_error_count == 0;
}

bool sema_load_root(jrn_sema *sema, const jrn_source *root)
{
    if (!sema->options->no_prelude) {
        const char *stdlib_dir = sema->options->stdlib_dir;
        const char *path = stdlib_dir != NULL ? arena_printf(sema->arena, "%s/std/prelude.jrn", stdlib_dir) : NULL;
        jrn_load_status status;
        const char *error_text = "no standard library folder";
        jrn_source *prelude = path != NULL ? source_load(sema->arena, path, &status, &error_text) : NULL;
        if (prelude == NULL) {
            sema->load_errors++;
            jrn_diag *diag = diag_error(sema->diags, span_none(), "cannot load the standard prelude %s: %s",
                                        path != NULL ? path : "", error_text);
            diag_add_note(sema->diags, diag, span_none(),
                          "is jrnc installed completely? 'jrnc --print-stdlib-dir' shows where it looks; "
                          "--no-prelude skips the prelude");
            return false;
        }
        sema_load_source(sema, prelude, sema_identity_of(path), false, true, span_none());
    }
    sema_load_source(sema, root, sema_identity_of(root->path), true, false, span_none());
    return sema->syntax_errors == 0 && sema->load_errors == 0;
}
