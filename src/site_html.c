/* site_html.c — what every page of jrnc site shares: the style, the head, the navigation
 * bar, escaped text, relative links (the site works from any folder, from disk or a static
 * host), file names made from ids, and writing a page whole. */
#include "jrn/site.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jrn/output.h"
#include "jrn/report_format.h"
#include "jrn/terminal_text.h"

/* System fonts only and no script fetched: the site works offline. */
static const char site_style[] =
    ":root{--ink:#1f2937;--muted:#4b5563;--line:#e5e7eb;--bg:#f4f6fa;--accent:#4338ca;"
    "--bad:#b91c1c;--bad-bg:#fee2e2;--good:#15803d;--good-bg:#dcfce7;--warn:#9a3412;--warn-bg:#ffedd5}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);overflow-wrap:break-word;font:15px/1.5 system-ui,"
    "-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','DejaVu Sans',sans-serif}\n"
    ".sitebar{background:#1e1b4b;padding:8px 28px;display:flex;flex-wrap:wrap;gap:2px 18px;font-size:14px}\n"
    ".sitebar a{color:#e0e7ff;text-decoration:none;white-space:nowrap}\n"
    ".sitebar a[aria-current]{color:#fff;font-weight:700;text-decoration:underline}\n"
    "header.top{background:linear-gradient(120deg,#312e81,#4338ca 60%,#6366f1);color:#fff;padding:22px 28px 18px}\n"
    "header.top h1{margin:0 0 4px;font-size:28px}\n"
    "header.top p{margin:0;opacity:.92}\n"
    "header.top a{color:#fff}\n"
    "main{max-width:1320px;margin:0 auto;padding:8px 20px 40px}\n"
    "section{background:#fff;border:1px solid var(--line);border-radius:12px;padding:16px 20px;margin:16px 0}\n"
    "h2{margin:0 0 8px;font-size:20px}\n"
    ".quiet{color:var(--muted);font-size:13px}\n"
    ".stats{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}\n"
    ".stats span{background:rgba(255,255,255,.16);border-radius:999px;padding:2px 12px;font-size:13px}\n"
    ".scroll{overflow-x:auto}\n"
    ".picture{overflow:auto;max-height:85vh;border:1px solid var(--line);border-radius:8px}\n"
    ".picture svg{display:block}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);"
    "border-bottom:2px solid var(--line);padding:6px 8px;vertical-align:bottom}\n"
    "td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}\n"
    "th[scope=row]{text-transform:none;letter-spacing:0;font-size:14px;color:var(--ink);font-weight:600}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "tr.error td{background:var(--bad-bg)}\n"
    "tr.error td:first-child{box-shadow:inset 5px 0 0 var(--bad)}\n"
    "a{color:var(--accent)}\n"
    ".badge{display:inline-block;border-radius:6px;padding:0 7px;font-size:12.5px;font-weight:600;white-space:nowrap}\n"
    ".bad{background:var(--bad-bg);color:var(--bad)}.good{background:var(--good-bg);color:var(--good)}"
    ".warn{background:var(--warn-bg);color:var(--warn)}.none{background:#f3f4f6;color:#4b5563}\n"
    "table.heat td.cell{text-align:center;white-space:nowrap;border:2px solid #fff;min-width:70px}\n"
    ".h0{background:#f8fafc;color:#6b7280}.h1{background:#fecaca;color:#7f1d1d}"
    ".h2{background:#f87171;color:#450a0a}.h3{background:#b91c1c;color:#fff}.hx{background:#fff}\n"
    "ul.cols{columns:18em;column-gap:24px;padding-left:20px;margin:6px 0}\n"
    "ul.cols li{break-inside:avoid}\n"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#111827;color:#f9fafb;padding:12px 14px;"
    "border-radius:8px;font-size:13px}\n"
    "input.search{width:100%;max-width:480px;font:inherit;padding:6px 10px;border:1px solid #9ca3af;border-radius:8px}\n"
    "footer{color:var(--muted);font-size:12px;text-align:center;padding:10px 0 30px}\n"
    "@media (max-width:640px){.sitebar{padding:8px 12px}header.top{padding:16px 12px}header.top h1{font-size:23px}"
    "main{padding:4px 6px 24px}section{padding:12px 10px}}\n";

void site_html_text(jrn_strbuf *out, const char *text)
{
    report_put_html(out, text, false);
}

/* "../" once per folder below the site's top. */
static void site_html_up(jrn_strbuf *out, int depth)
{
    for (int i = 0; i < depth; i++) strbuf_puts(out, "../");
}

void site_html_head(jrn_strbuf *out, const char *title)
{
    strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"jrnc site\">\n<title>");
    site_html_text(out, title);
    strbuf_puts(out, " — journey atlas</title>\n<style>\n");
    strbuf_puts(out, site_style);
    strbuf_puts(out, "</style>\n</head>\n<body>\n");
}

/* The site's pages, as the bar lists them. */
static const struct {
    const char *file, *label;
} site_bar_pages[] = {
    {"index.html", "All maps"},       {"directory.html", "Personas, teams, channels"},
    {"heat.html", "Heat map"},        {"kpis.html", "KPIs"},
    {"lint.html", "Lint summary"},
};

void site_html_bar(jrn_strbuf *out, int depth, const char *current)
{
    strbuf_puts(out, "<div class=\"sitebar\" role=\"navigation\" aria-label=\"Journey atlas\">");
    for (size_t i = 0; i < sizeof site_bar_pages / sizeof site_bar_pages[0]; i++) {
        strbuf_puts(out, "<a href=\"");
        site_html_up(out, depth);
        strbuf_printf(out, "%s\"%s>%s</a>", site_bar_pages[i].file,
                      current != NULL && strcmp(current, site_bar_pages[i].file) == 0 ? " aria-current=\"page\"" : "",
                      site_bar_pages[i].label);
    }
    strbuf_puts(out, "</div>\n");
}

void site_html_foot(jrn_strbuf *out)
{
    strbuf_puts(out, "</main>\n<footer>Generated by jrnc site.</footer>\n</body>\n</html>\n");
}

static bool site_plain_name(const char *id)
{
    if (id[0] == '\0') return false;
    for (const char *p = id; *p != '\0'; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                     *p == '_' || *p == '-';
        if (!plain) return false;
    }
    return true;
}

const char *site_file_name(jrn_arena *arena, const char *id)
{
    if (site_plain_name(id)) return id;
    /* Two ids that differ only in what is replaced differ in the hash. */
    unsigned long hash = 5381;
    char *name = arena_strdup(arena, id);
    for (char *p = name; *p != '\0'; p++) {
        hash = hash * 33 + (unsigned char)*p;
        if (!site_plain_name((char[]){*p, '\0'})) *p = '_';
    }
    return arena_printf(arena, "%s-%08lx", name, hash & 0xffffffffUL);
}

void site_html_page_begin(jrn_strbuf *out, const char *title, const char *current, const char *heading,
                          const char *lead)
{
    site_html_head(out, title);
    site_html_bar(out, 0, current);
    strbuf_printf(out, "<header class=\"top\"><h1>%s</h1><p>%s</p>", heading, lead);
}

void site_html_map_link(jrn_strbuf *out, int depth, const site_map *map, const char *fragment)
{
    strbuf_puts(out, "<a href=\"");
    site_html_up(out, depth);
    strbuf_puts(out, "maps/");
    site_html_text(out, map->root->slug);
    strbuf_printf(out, ".html%s%s\">", fragment != NULL ? "#" : "", fragment != NULL ? fragment : "");
    site_html_text(out, map->title);
    strbuf_puts(out, "</a>");
}

void site_html_cells(jrn_strbuf *out, const char *const *texts, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        strbuf_puts(out, "<td>");
        site_html_text(out, texts[i]);
        strbuf_puts(out, "</td>");
    }
}

void site_html_link(jrn_strbuf *out, int depth, const char *folder, const char *id, const char *label)
{
    jrn_arena *scratch = arena_new();
    strbuf_puts(out, "<a href=\"");
    site_html_up(out, depth);
    strbuf_printf(out, "%s/", folder);
    site_html_text(out, site_file_name(scratch, id));
    strbuf_puts(out, ".html\">");
    site_html_text(out, label);
    strbuf_puts(out, "</a>");
    arena_free(scratch);
}

bool site_write_page(const site_options *options, jrn_arena *arena, const char *relative, const jrn_strbuf *page)
{
    const char *path = arena_printf(arena, "%s/%s", options->out_dir, relative);
    jrn_strbuf error = STRBUF_INIT;
    bool ok = output_write(path, strbuf_text(page), page->length, NULL, &error);
    if (!ok) {
        fputs("jrnc site: cannot write '", stderr);
        terminal_text_print(stderr, path);
        fputs("': ", stderr);
        terminal_text_print(stderr, strbuf_text(&error));
        fputc('\n', stderr);
    }
    strbuf_free(&error);
    return ok;
}

void site_remove_page(const site_options *options, jrn_arena *arena, const char *relative)
{
    unlink(arena_printf(arena, "%s/%s", options->out_dir, relative));
}

/* A line of links to the portfolio pages of a map's personas, teams or channels. */
static void site_header_links(jrn_strbuf *out, const char *name, const char *folder, const site_named *items,
                              size_t count)
{
    if (count == 0) return;
    strbuf_printf(out, "<span><b>%s:</b> ", name);
    for (size_t i = 0; i < count; i++) {
        if (i > 0) strbuf_puts(out, ", ");
        site_html_link(out, 1, folder, items[i].id, items[i].label);
    }
    strbuf_puts(out, "</span>");
}

const char *site_map_page_header(jrn_arena *arena, const char *slug, const site_map_subjects *subjects)
{
    jrn_strbuf out = STRBUF_INIT;
    site_html_bar(&out, 1, NULL);
    strbuf_puts(&out, "<div class=\"siteshare\" style=\"background:#eef2ff;padding:6px 28px;font-size:13.5px;"
                      "display:flex;flex-wrap:wrap;gap:2px 18px\">"
                      "<span><a href=\"../views/");
    site_html_text(&out, slug);
    strbuf_puts(&out, ".html\">More views</a>: spine, flow, each journey.</span>"
                      "<span>Across the portfolio, the maps that share this one's</span>");
    site_header_links(&out, "personas", "personas", subjects->personas, subjects->persona_count);
    site_header_links(&out, "teams", "teams", subjects->teams, subjects->team_count);
    site_header_links(&out, "channels", "channels", subjects->channels, subjects->channel_count);
    strbuf_puts(&out, "</div>\n");
    /* The bar's style, which the report's own sheet does not know. */
    strbuf_puts(&out, "<style>.sitebar{background:#1e1b4b;padding:8px 28px;display:flex;flex-wrap:wrap;"
                      "gap:2px 18px;font-size:14px}.sitebar a{color:#e0e7ff;text-decoration:none;white-space:nowrap}"
                      ".siteshare a{color:#3730a3}</style>\n");
    const char *header = arena_strdup(arena, strbuf_text(&out));
    strbuf_free(&out);
    return header;
}
