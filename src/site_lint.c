/* site_lint.c — the lint summary for the whole tree (lint.html: findings counted by rule,
 * stale reviews, each map's count by severity) and each map's lint page (lint/SLUG.html:
 * its findings, written by the worker that compiled it; a map that does not compile
 * shows its errors on its error page). The summary holds counts only, so the parent's
 * memory does not grow with the findings of a large portfolio. */
#include "jrn/site.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

typedef struct site_rule_count {
    const char *rule;
    size_t findings, maps;
    size_t last_map;          /* the last map counted in maps, plus one (0: none yet) */
} site_rule_count;

static int site_compare_counts(const void *a, const void *b)
{
    const site_rule_count *x = a, *y = b;
    if (x->findings != y->findings) return x->findings < y->findings ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

/* Findings by rule: the rules are jrnc's own (a few dozen), so a list is looked through. */
static void site_lint_by_rule(jrn_strbuf *out, const site_portfolio *portfolio)
{
    site_rule_count *counts = NULL;
    size_t count = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        for (size_t f = 0; f < map->findings_kind_count; f++) {
            const char *rule = map->findings[f].rule[0] != '\0' ? map->findings[f].rule : "compile error";
            size_t c = 0;
            while (c < count && strcmp(counts[c].rule, rule) != 0) c++;
            if (c == count) MEMORY_PUSH(counts, count, ((site_rule_count){rule, 0, 0, 0}));
            counts[c].findings += map->findings[f].count;
            if (counts[c].last_map != m + 1) counts[c].maps++;
            counts[c].last_map = m + 1;
        }
    }
    if (count > 0) qsort(counts, count, sizeof *counts, site_compare_counts);
    strbuf_puts(out, "<section><h2>By rule</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Rule</th>"
                     "<th class=\"n\">Findings</th><th class=\"n\">Maps</th></tr></thead><tbody>\n");
    for (size_t c = 0; c < count; c++) {
        strbuf_puts(out, "<tr><td><code>");
        site_html_text(out, counts[c].rule);
        strbuf_printf(out, "</code></td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n", counts[c].findings,
                      counts[c].maps);
    }
    if (count == 0) strbuf_puts(out, "<tr><td colspan=\"3\" class=\"quiet\">No findings.</td></tr>\n");
    strbuf_puts(out, "</tbody></table></div>\n</section>\n");
    free(counts);
}

static void site_lint_stale(jrn_strbuf *out, const site_portfolio *portfolio)
{
    strbuf_puts(out, "<section><h2>Reviews</h2>\n<p class=\"quiet\">A map is stale when its last review is over "
                     "a year old (lint rule stale-review).</p><ul>\n");
    size_t shown = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        long days;
        const char *state = site_review_state(map, portfolio->options->today, &days);
        if (state[0] == '\0') continue;
        shown++;
        strbuf_puts(out, "<li>");
        site_html_map_link(out, 0, map, NULL);
        if (strcmp(state, "stale") == 0) strbuf_printf(out, ": last reviewed %ld days ago</li>\n", days);
        else if (strcmp(state, "future") == 0) strbuf_puts(out, ": its review date is in the future</li>\n");
        else strbuf_puts(out, ": records no review date</li>\n");
    }
    if (shown == 0) strbuf_puts(out, "<li>Every map was reviewed within the year.</li>\n");
    strbuf_puts(out, "</ul>\n</section>\n");
}

/* Each map with findings: how many of each severity, linked to where they are listed. */
static void site_lint_maps(jrn_strbuf *out, const site_portfolio *portfolio)
{
    strbuf_puts(out, "<section><h2>By map</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Map</th>"
                     "<th class=\"n\">Errors</th><th class=\"n\">Warnings</th><th class=\"n\">Notes</th><th>Findings</th>"
                     "</tr></thead><tbody>\n");
    size_t shown = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        if (site_findings_of(map, NULL) == 0) continue;
        shown++;
        strbuf_printf(out, "<tr%s><td>", map->has_errors ? " class=\"error\"" : "");
        site_html_map_link(out, 0, map, NULL);
        strbuf_printf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>",
                      site_findings_of(map, "error"), site_findings_of(map, "warning"), site_findings_of(map, "note"));
        if (map->has_errors) {
            site_html_map_link(out, 0, map, NULL);
            strbuf_puts(out, " <span class=\"quiet\">(its errors)</span>");
        } else {
            strbuf_puts(out, "<a href=\"lint/");
            site_html_text(out, map->root->slug);
            strbuf_puts(out, ".html\">every finding</a>");
        }
        strbuf_puts(out, "</td></tr>\n");
    }
    if (shown == 0) strbuf_puts(out, "<tr><td colspan=\"5\" class=\"quiet\">No findings.</td></tr>\n");
    strbuf_puts(out, "</tbody></table></div>\n</section>\n");
}

bool site_write_lint(const site_portfolio *portfolio)
{
    jrn_strbuf out = STRBUF_INIT;
    site_html_page_begin(&out, "Lint summary", "lint.html", "Lint summary",
                         "What jrnc lint finds in every map of the tree (docs/lint-rules.md explains each rule).");
    strbuf_puts(&out, "</header>\n<main>\n");
    site_lint_by_rule(&out, portfolio);
    site_lint_stale(&out, portfolio);
    site_lint_maps(&out, portfolio);
    site_html_foot(&out);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "lint.html", &out);
    strbuf_free(&out);
    return ok;
}

void site_lint_page(jrn_strbuf *out, const char *title, const char *slug, const jrn_diag_list *findings)
{
    jrn_arena *arena = arena_new();
    site_html_head(out, title);
    site_html_bar(out, 1, NULL);
    strbuf_puts(out, "<header class=\"top\"><h1>");
    site_html_text(out, title);
    strbuf_puts(out, "</h1><p>What <code>jrnc lint</code> finds in <a href=\"../maps/");
    site_html_text(out, slug);
    strbuf_puts(out, ".html\">the map</a> (docs/lint-rules.md explains each rule).</p></header>\n<main>\n"
                     "<section><h2>Findings</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Severity</th>"
                     "<th>Rule</th><th>Where</th><th>Finding</th></tr></thead><tbody>\n");
    for (const jrn_diag *diag = findings->first; diag != NULL; diag = diag->next) {
        const char *severity = diag_severity_name(diag->severity);
        const char *badge = strcmp(severity, "error") == 0 ? "bad" : strcmp(severity, "warning") == 0 ? "warn" : "none";
        const char *where = "";
        if (diag->span.source != NULL) {
            jrn_position position = source_position(diag->span.source, diag->span.begin);
            where = arena_printf(arena, "%s:%u:%u", diag->span.source->display_name, position.line, position.column);
        }
        strbuf_printf(out, "<tr><td><span class=\"badge %s\">%s</span></td><td><code>", badge, severity);
        site_html_text(out, diag->rule != NULL ? diag->rule : "");
        strbuf_puts(out, "</code></td>");
        site_html_cells(out, (const char *const[]){where, diag->message}, 2);
        strbuf_puts(out, "</tr>\n");
    }
    strbuf_puts(out, "</tbody></table></div>\n</section>\n");
    site_html_foot(out);
    arena_free(arena);
}
