/* site.h — `jrnc site`'s family (site_*.c): the maps it finds, what each compiled map
 * tells the site (read back from its record), and the steps cmd_site.c runs in order:
 * discover, check the manifest, build, load the records, write the portfolio pages. */
#ifndef JRN_SITE_H
#define JRN_SITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/arena.h"
#include "jrn/compile_options.h"
#include "jrn/data.h"
#include "jrn/diag.h"
#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"
#include "jrn/values.h"

/* What the command line asked for. */
typedef struct site_options {
    const char **dirs;               /* the folders searched for maps */
    size_t dir_count;
    const char *out_dir;             /* -o: the site's folder */
    unsigned jobs;                   /* -j: compilations at once (processes) */
    const char *data_dir;            /* --data DIR: DIR/REL.csv measures the map REL.jrn, or NULL */
    bool clean;                      /* --clean: rebuild every map */
    jrn_date today;                  /* --today: what review dates are measured from */
    const jrn_compile_options *compile;
    bool color;
} site_options;

/* A map the site builds: a .jrn file under a DIR that declares a map or that no other file
 * there uses. */
typedef struct site_root {
    const char *path;                /* as found: DIR/REL.jrn */
    const char *relative;            /* REL.jrn: its place under its DIR */
    const char *slug;                /* its pages' name: unique, [A-Za-z0-9_-] only */
    const char **uses;               /* files under the DIRs it uses, directly or not */
    size_t use_count;
    const char *data_path;           /* --data DIR/REL.csv when that file exists, or NULL */
} site_root;

typedef struct site_roots {
    site_root *items;
    size_t count;
    size_t file_count;               /* .jrn files seen, roots or not */
} site_roots;

/* Finds every root under options->dirs (never under out_dir), sorted by path. False after
 * printing why when a DIR cannot be read (a usage error). */
bool site_discover(jrn_arena *arena, const site_options *options, site_roots *roots);

/* One declared thing of a map as the portfolio pages name it. */
typedef struct site_named {
    const char *id;
    const char *label;
} site_named;

typedef struct site_stage_fact {
    const char *id, *label;
    size_t touchpoints, pains, delights;
} site_stage_fact;

typedef struct site_touchpoint_fact {
    const char *id, *label, *stage_label;
    const char *owner;               /* id of the team that answers for it, or "" */
    bool is_pain;
    const char **personas;           /* ids: named, else those of the journeys visiting it */
    size_t persona_count;
    const char **channels;           /* ids */
    size_t channel_count;
} site_touchpoint_fact;

typedef struct site_kpi_fact {
    const char *metric, *place, *target, *status, *actual;
} site_kpi_fact;

/* How many findings of one rule and severity a map has (the findings themselves are on
 * its lint page, lint/SLUG.html, or its error page). */
typedef struct site_findings {
    const char *severity;            /* "error", "warning", "note" */
    const char *rule;                /* lint rule, or "" for a compile error */
    size_t count;
} site_findings;

typedef struct site_input {
    const char *path;
    uint64_t hash;
} site_input;

/* What one compiled map tells the site: its record, written by the build, read back. */
typedef struct site_map {
    const site_root *root;
    bool has_errors;                 /* the map did not compile (its page says why) */
    bool rebuilt;                    /* compiled by this run */
    const char *title;
    const char *owner_id, *owner_label;   /* "" when the map names no owner */
    bool has_reviewed;
    jrn_date reviewed;
    size_t stage_count, touchpoint_count, persona_count, journey_count, kpi_count;
    size_t pains, delights, truths;
    size_t kpi_met, kpi_missed, kpi_no_data, kpi_no_target;
    bool has_data;
    site_named *personas;  size_t persona_fact_count;
    site_named *teams;     size_t team_fact_count;
    site_named *channels;  size_t channel_fact_count;
    site_stage_fact *stages; size_t stage_fact_count;
    site_touchpoint_fact *touchpoints; size_t touchpoint_fact_count;
    site_kpi_fact *kpis;   size_t kpi_fact_count;
    site_findings *findings; size_t findings_kind_count;
    site_input *inputs;    size_t input_count;
    const char *options_key;
    const char *data_path;           /* the data file it was built with, or "" */
} site_map;

/* The site's private folder under OUT: one record per map. */
#define SITE_STATE_DIR ".jrnc-site"

/* Fields of a record line: tab-separated, each escaped (\\, \t, \n, \r). */
void site_record_begin(jrn_strbuf *out, const char *kind);
void site_record_text(jrn_strbuf *out, const char *text);
void site_record_number(jrn_strbuf *out, size_t number);
void site_record_end(jrn_strbuf *out);
/* Splits one line (changed in place: unescaped) into its fields; returns their count. */
size_t site_record_split(jrn_arena *arena, char *line, char ***fields);

/* The personas, teams and channels a map has: declared in its own files, or the prelude's
 * that it names. */
typedef struct site_map_subjects {
    site_named *personas; size_t persona_count;
    site_named *teams;    size_t team_count;
    site_named *channels; size_t channel_count;
} site_map_subjects;
site_map_subjects site_summary_subjects(jrn_arena *arena, const jrn_model *model);

/* The record of a compiled map: its facts, its lint findings (findings: the lint pass's
 * diagnostics), its KPIs against actuals (NULL without data). */
void site_summary_write(jrn_strbuf *out, const jrn_model *model, const jrn_diag_list *findings,
                        const jrn_actuals *actuals);
/* The record of a map that did not compile: its errors (diags) as findings. */
void site_summary_write_failed(jrn_strbuf *out, const char *title, const jrn_diag_list *diags);

/* The record's path for a root: OUT/.jrnc-site/SLUG.rec (in arena). */
const char *site_record_path(jrn_arena *arena, const site_options *options, const site_root *root);
/* Reads a record into map (strings in arena); false when it is missing or unreadable. */
bool site_summary_read(jrn_arena *arena, const char *path, site_map *map);

/* The input hashes: the same file hashed once per run. */
typedef struct site_hashes site_hashes;
site_hashes *site_hashes_new(void);
void site_hashes_free(site_hashes *hashes);
/* FNV-1a of the file's bytes; false when it cannot be read. */
bool site_hash_file(site_hashes *hashes, const char *path, uint64_t *hash);
/* What else a page depends on: jrnc's version and the options that change a compilation. */
const char *site_options_key(jrn_arena *arena, const site_options *options);
/* Why root must be compiled again ("new", "a.jrn changed"...), or NULL when its record
 * (previous, already read; NULL when there is none) is up to date. */
const char *site_manifest_stale(jrn_arena *arena, site_hashes *hashes, const site_options *options,
                                const site_root *root, const site_map *previous);
/* Writes the record's input lines: every file read and its hash. */
void site_manifest_write(jrn_strbuf *out, site_hashes *hashes, const site_options *options,
                         const char *const *paths, size_t count);

/* Compiles roots[i] for every i with build[i] set, in options->jobs worker processes
 * (site_build.c says why processes). Each map's page (or error page) and record are
 * written. Returns false when a page or record could not be written or a compiler ended
 * abnormally (said on stderr). */
bool site_build(const site_options *options, const site_roots *roots, const bool *build);

/* A map's findings of a severity ("error"), or of every severity (NULL) (site_summary.c). */
size_t site_findings_of(const site_map *map, const char *severity);

/* A map's lint page (site_lint.c): its findings, as `jrnc lint` reports them. */
void site_lint_page(jrn_strbuf *out, const char *title, const char *slug, const jrn_diag_list *findings);

/* A map's views page (site_views.c): every view its report does not draw. */
typedef struct site_views_request {
    const jrn_model *model;
    const char *title;               /* the map's */
    const char *slug;                /* its pages' name: maps/SLUG.html, views/SLUG.html */
    const jrn_actuals *actuals;      /* --data, or NULL */
    render_context *graphviz;        /* the worker's */
} site_views_request;

/* Appends the views page; false (nothing appended) after reporting into diags when a view
 * cannot be laid out. */
bool site_views_page(jrn_strbuf *out, jrn_arena *arena, const site_views_request *request, jrn_diag_list *diags);

/* What the site's pages share: the pages of the whole portfolio. */
typedef struct site_portfolio {
    const site_options *options;
    jrn_arena *arena;
    site_map *maps;
    size_t map_count;
} site_portfolio;

/* Page writing (site_html.c): head with the shared style, the site's navigation bar,
 * text escaped, the page written whole. depth: folders below OUT (0 for index.html). */
void site_html_head(jrn_strbuf *out, const char *title);
void site_html_bar(jrn_strbuf *out, int depth, const char *current);
void site_html_text(jrn_strbuf *out, const char *text);
void site_html_foot(jrn_strbuf *out);
/* The start of a portfolio page at the site's top: head, bar (current: its file), and a
 * header with heading and lead (both markup the caller wrote), then <main>. */
void site_html_page_begin(jrn_strbuf *out, const char *title, const char *current, const char *heading,
                          const char *lead);
/* <a href="[../]maps/SLUG.html[#fragment]">map title</a>; fragment may be NULL. */
void site_html_map_link(jrn_strbuf *out, int depth, const site_map *map, const char *fragment);
/* <td>text</td> for each text, escaped. */
void site_html_cells(jrn_strbuf *out, const char *const *texts, size_t count);
/* <a href="PREFIX/FOLDER/NAME.html">label</a>, NAME from id (made safe for a file name). */
void site_html_link(jrn_strbuf *out, int depth, const char *folder, const char *id, const char *label);
/* The file name an id gets: itself when it is [A-Za-z0-9_-] only, else made so plus a hash. */
const char *site_file_name(jrn_arena *arena, const char *id);
/* Writes OUT/relative whole; false after saying why on stderr. */
bool site_write_page(const site_options *options, jrn_arena *arena, const char *relative,
                     const jrn_strbuf *page);
/* Removes the page (or record) at OUT/relative, if there is one. */
void site_remove_page(const site_options *options, jrn_arena *arena, const char *relative);
/* The navigation a map's own page starts with (in arena). */
const char *site_map_page_header(jrn_arena *arena, const char *slug, const site_map_subjects *subjects);

/* The portfolio pages; each false when a page could not be written. */
bool site_write_index(const site_portfolio *portfolio);
bool site_write_directory(const site_portfolio *portfolio);   /* personas, teams, channels */
bool site_write_heat(const site_portfolio *portfolio);
bool site_write_kpis(const site_portfolio *portfolio);
bool site_write_lint(const site_portfolio *portfolio);

/* Review state of a map on options->today: "stale" past a year, "future", "no date", "". */
const char *site_review_state(const site_map *map, jrn_date today, long *days);

#endif
