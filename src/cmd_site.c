/* cmd_site.c — `jrnc site DIR... -o OUT/`: every map under the DIRs compiled (only those
 * whose files changed since the last run), and the portfolio written as one static,
 * cross-linked site: index, a page per map, per persona, team and channel, heat map, KPI
 * roll-up and lint summary. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/memory.h"
#include "jrn/site.h"
#include "jrn/terminal_text.h"

static const char site_help[] =
    "Usage: jrnc site [OPTIONS] DIR... -o OUT/\n"
    "Find every map under the DIRs (a .jrn file that declares a map, or that no other file\n"
    "there uses), compile each, and write a static site into OUT: an index of every map\n"
    "(owner, review date, size, health), each map's HTML report, a page per persona, team\n"
    "and channel across the maps, a heat map, a KPI roll-up and a lint summary. Open\n"
    "OUT/index.html from disk or publish OUT on any static host: links are relative and\n"
    "nothing is fetched. A second run compiles only the maps whose files changed.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT   the site's folder (created when missing)\n"
    "  -j, --jobs N       compile N maps at once (default: the number of processors)\n"
    "      --data DIR     measured data: DIR/PATH.csv measures the map PATH.jrn (PATH as\n"
    "                     under its DIR): KPIs met and missed in the roll-up\n"
    "      --clean        compile every map, whatever changed\n"
    "      --today DATE   the date review ages are measured from (YYYY-MM-DD; default today)\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "A map with errors gets an error page and a red row in the index; the others build.\n"
    "Exit status: 0 every map compiled, 1 a map has errors, 2 usage error or a page could\n"
    "not be written.\n";

typedef struct site_request {
    const char **dirs;
    size_t dir_count;
    const char *out_dir;
    const char *jobs;
    const char *data_dir;
    bool clean;
} site_request;

static int site_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    site_request *request = request_pointer;
    switch (option) {
    case CLI_ARGUMENT: ARENA_PUSH(cli->arena, request->dirs, request->dir_count, value); break;
    case CLI_OUTPUT: request->out_dir = value; break;
    case CLI_JOBS: request->jobs = value; break;
    case CLI_DATA: request->data_dir = value; break;
    case CLI_CLEAN: request->clean = true; break;
    default: break;
    }
    return CLI_GO_ON;
}

static const jrn_cli_command site_command = {
    "site", site_help,
    CLI_COMPILE_OPTIONS | CLI_TAKES(CLI_OUTPUT) | CLI_TAKES(CLI_JOBS) | CLI_TAKES(CLI_DATA) |
        CLI_TAKES(CLI_TODAY) | CLI_TAKES(CLI_CLEAN),
    site_take,
};

/* mkdir -p: path and every missing folder above it. */
static bool site_make_folder(jrn_arena *arena, const char *path)
{
    struct stat info;
    if (stat(path, &info) == 0) {
        if (!S_ISDIR(info.st_mode)) errno = ENOTDIR;
        return S_ISDIR(info.st_mode);
    }
    const char *slash = strrchr(path, '/');
    if (slash != NULL && slash != path && !site_make_folder(arena, arena_strndup(arena, path, (size_t)(slash - path))))
        return false;
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

static bool site_make_folders(jrn_arena *arena, const char *out_dir)
{
    static const char *const folders[] = {"maps", "views", "lint", "personas", "teams", "channels", SITE_STATE_DIR};
    if (!site_make_folder(arena, out_dir)) return false;
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
        if (!site_make_folder(arena, arena_printf(arena, "%s/%s", out_dir, folders[i]))) return false;
    }
    return true;
}

static int site_check_request(jrn_cli *cli, const site_request *request, site_options *options)
{
    if (request->dir_count == 0) return cli_usage_error("site", "no folder to look for maps in");
    if (request->out_dir == NULL) return cli_usage_error("site", "no site folder: give one with -o OUT/");
    options->today = cli->today;
    long processors = sysconf(_SC_NPROCESSORS_ONLN);
    options->jobs = processors > 0 ? (unsigned)processors : 1;
    if (request->jobs != NULL) {
        char *end;
        unsigned long jobs = strtoul(request->jobs, &end, 10);
        if (request->jobs[0] < '0' || request->jobs[0] > '9' || *end != '\0' || jobs < 1 || jobs > 1024)
            return cli_usage_error("site", "-j takes a number from 1 to 1024, not '%s'", request->jobs);
        options->jobs = (unsigned)jobs;
    }
    struct stat info;
    if (request->data_dir != NULL && (stat(request->data_dir, &info) != 0 || !S_ISDIR(info.st_mode)))
        return cli_usage_error("site", "--data takes a folder of CSV files (DIR/PATH.csv for PATH.jrn), not '%s'",
                               request->data_dir);
    options->dirs = request->dirs;
    options->dir_count = request->dir_count;
    options->out_dir = request->out_dir;
    options->data_dir = request->data_dir;
    options->clean = request->clean;
    options->compile = &cli->compile;
    options->color = cli->color;
    return CLI_GO_ON;
}

static void site_say(const char *format, const char *text)
{
    fputs("jrnc site: ", stderr);
    jrn_strbuf line = STRBUF_INIT;
    strbuf_printf(&line, format, text);
    terminal_text_print(stderr, strbuf_text(&line));
    fputc('\n', stderr);
    strbuf_free(&line);
}

/* Which maps to compile: those whose record is missing or out of date, each said on stderr
 * when an earlier build had it. */
static size_t site_plan(const site_options *options, const site_roots *roots, bool *build)
{
    site_hashes *hashes = site_hashes_new();
    size_t count = 0;
    for (size_t i = 0; i < roots->count; i++) {
        /* Each record is read into an arena of its own: the parent forks the compilers
         * soon, and a smaller parent costs every one of them less. */
        jrn_arena *scratch = arena_new();
        site_map previous = {.root = &roots->items[i]};
        bool has_previous = site_summary_read(scratch, site_record_path(scratch, options, &roots->items[i]), &previous);
        const char *why = site_manifest_stale(scratch, hashes, options, &roots->items[i], has_previous ? &previous : NULL);
        build[i] = why != NULL;
        count += build[i];
        if (why != NULL && has_previous && !options->clean)
            site_say("%s", arena_printf(scratch, "compiling %s again: %s", roots->items[i].path, why));
        arena_free(scratch);
    }
    site_hashes_free(hashes);
    return count;
}

/* The records of every map; a map whose process left none (it crashed) is an error. */
static site_map *site_load_maps(jrn_arena *arena, const site_options *options, const site_roots *roots,
                                const bool *build)
{
    site_map *maps = arena_alloc_array(arena, roots->count + 1, sizeof *maps);
    for (size_t i = 0; i < roots->count; i++) {
        maps[i].root = &roots->items[i];
        if (!site_summary_read(arena, site_record_path(arena, options, &roots->items[i]), &maps[i])) {
            maps[i].has_errors = true;
            maps[i].title = roots->items[i].relative;
            site_findings findings = {"error", "", 1};   /* the compiler did not finish this map */
            ARENA_PUSH(arena, maps[i].findings, maps[i].findings_kind_count, findings);
        }
        maps[i].rebuilt = build[i];
    }
    return maps;
}

/* Removes the page and record of every map built before that is no longer under the DIRs. */
static int site_compare_slugs(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void site_forget_gone(jrn_arena *arena, const site_options *options, const site_roots *roots)
{
    const char *state = arena_printf(arena, "%s/" SITE_STATE_DIR, options->out_dir);
    DIR *stream = opendir(state);
    if (stream == NULL) return;
    const char **slugs = arena_alloc_array(arena, roots->count + 1, sizeof *slugs);
    for (size_t i = 0; i < roots->count; i++) slugs[i] = roots->items[i].slug;
    if (roots->count > 0) qsort(slugs, roots->count, sizeof *slugs, site_compare_slugs);
    jrn_arena *scratch = arena_new();
    for (struct dirent *entry = readdir(stream); entry != NULL; entry = readdir(stream)) {
        size_t length = strlen(entry->d_name);
        if (length <= 4 || strcmp(entry->d_name + length - 4, ".rec") != 0) continue;
        const char *slug = arena_strndup(scratch, entry->d_name, length - 4);
        if (bsearch(&slug, slugs, roots->count, sizeof *slugs, site_compare_slugs) != NULL) continue;
        site_remove_page(options, scratch, arena_printf(scratch, "maps/%s.html", slug));
        site_remove_page(options, scratch, arena_printf(scratch, "views/%s.html", slug));
        site_remove_page(options, scratch, arena_printf(scratch, "lint/%s.html", slug));
        site_remove_page(options, scratch, arena_printf(scratch, SITE_STATE_DIR "/%s", entry->d_name));
        site_say("%s", arena_printf(scratch, "removed maps/%s.html: its map is gone", slug));
    }
    arena_free(scratch);
    closedir(stream);
}

static bool site_write_portfolio(const site_portfolio *portfolio)
{
    bool ok = site_write_index(portfolio);
    ok = site_write_directory(portfolio) && ok;
    ok = site_write_heat(portfolio) && ok;
    ok = site_write_kpis(portfolio) && ok;
    return site_write_lint(portfolio) && ok;
}

int cmd_site(jrn_cli *cli, int argc, char **argv)
{
    site_request request = {0};
    int status = cli_parse(cli, &site_command, argc, argv, &request);
    if (status != CLI_GO_ON) return status;
    site_options options = {0};
    status = site_check_request(cli, &request, &options);
    if (status != CLI_GO_ON) return status;
    jrn_arena *arena = arena_new();
    site_roots roots;
    if (!site_make_folders(arena, options.out_dir)) {
        site_say("%s", arena_printf(arena, "cannot make the site folder '%s': %s", options.out_dir, strerror(errno)));
        arena_free(arena);
        return EXIT_USAGE;
    }
    if (!site_discover(arena, &options, &roots)) {
        arena_free(arena);
        return EXIT_USAGE;
    }
    bool *build = arena_alloc_array(arena, roots.count + 1, sizeof *build);
    size_t compiling = site_plan(&options, &roots, build);
    site_say("%s", arena_printf(arena, "%zu maps in %zu .jrn files; compiling %zu, %zu up to date", roots.count,
                                roots.file_count, compiling, roots.count - compiling));
    bool written = site_build(&options, &roots, build);
    site_forget_gone(arena, &options, &roots);
    site_portfolio portfolio = {&options, arena, site_load_maps(arena, &options, &roots, build), roots.count};
    written = site_write_portfolio(&portfolio) && written;
    size_t errors = 0;
    for (size_t i = 0; i < portfolio.map_count; i++) errors += portfolio.maps[i].has_errors;
    if (errors > 0) site_say("%s", arena_printf(arena, "%zu map%s with errors (listed red in index.html)", errors, errors == 1 ? "" : "s"));
    arena_free(arena);
    return !written ? EXIT_USAGE : errors > 0 ? EXIT_INPUT_ERRORS : EXIT_CLEAN;
}
