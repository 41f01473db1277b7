/* site_lint.c — the lint summary for the whole tree: findings counted by rule, stale
 * reviews, then every map's findings (maps that do not compile: their errors). */
#include "jrn/site.h"

#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

typedef struct site_rule_count {
    const char *rule;
    size_t findings, maps;
} site_rule_count;

static int site_compare_counts(const void *a, const void *b)
{
    const site_rule_count *x = a, *y = b;
    if (x->findings != y->findings) return x->findings < y->findings ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

static void site_lint_by_rule(jrn_strbuf *out, const site_portfolio *portfolio)
{
    site_rule_count *counts = NULL;
    size_t count = 0;
    for (size_t m = 0; m < portfolio->map_count; m++) {
        const site_map *map = &portfolio->maps[m];
        for (size_t f = 0; f < map->finding_count; f++) {
            const char *rule = map->findings[f].rule[0] != '\0' ? map->findings[f].rule : "compile error";
            size_t c = 0;
            while (c < count && strcmp(counts[c].rule, rule) != 0) c++;
            if (c == count) MEMORY_PUSH(counts, count, ((site_rule_count){rule, 0, 0}));
            bool seen_in_map = false;
            for (size_t g = 0; g < f && !seen_in_map; g++) {
                const char *earlier = map->findings[g].rule[0] != '\0' ? map->findings[g].rule : "compile error";
                seen_in_map = strcmp(earlier, rule) == 0;
            }
            counts[c].findings++;
            counts[c].maps += !seen_in_map;
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

static void site_lint_map(jrn_strbuf *out, const site_map *map)
{
    if (map->finding_count == 0) return;
    strbuf_puts(out, "<section id=\"map-");
    site_html_text(out, map->root->slug);
    strbuf_puts(out, "\"><h2>");
    site_html_map_link(out, 0, map, NULL);
    strbuf_printf(out, "</h2>\n<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Severity</th><th>Rule</th>"
                       "<th>Where</th><th>Finding</th></tr></thead><tbody>\n");
    for (size_t f = 0; f < map->finding_count; f++) {
        const site_finding *finding = &map->findings[f];
        const char *badge = strcmp(finding->severity, "error") == 0 ? "bad" : strcmp(finding->severity, "warning") == 0 ? "warn" : "none";
        strbuf_printf(out, "<tr><td><span class=\"badge %s\">", badge);
        site_html_text(out, finding->severity);
        strbuf_puts(out, "</span></td><td><code>");
        site_html_text(out, finding->rule);
        strbuf_puts(out, "</code></td>");
        site_html_cells(out, (const char *const[]){finding->where, finding->message}, 2);
        strbuf_puts(out, "</tr>\n");
    }
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
    for (size_t m = 0; m < portfolio->map_count; m++) site_lint_map(&out, &portfolio->maps[m]);
    site_html_foot(&out);
    bool ok = site_write_page(portfolio->options, portfolio->arena, "lint.html", &out);
    strbuf_free(&out);
    return ok;
}
