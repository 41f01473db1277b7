/* emit_html.c — `-f html`: one self-contained HTML report (inline CSS and SVG, nothing
 * fetched): where customers struggle, the emotion curve, the heat map, the journey graph
 * and the same tables as the Markdown report. */
#include "jrn/emit.h"

#include <string.h>

#include "jrn/dot_style.h"
#include "jrn/report_actuals.h"
#include "jrn/report_facts.h"
#include "jrn/report_format.h"
#include "jrn/report_paths.h"
#include "jrn/report_svg.h"

typedef struct html_report {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_model *model;
    const report_facts *facts;
    const jrn_actuals *actuals;   /* --data: measured data, or NULL */
    const jrn_theme *theme;       /* the figures' colours, and the page's on screen */
    bool follows_reader;          /* no --theme: the page follows prefers-color-scheme */
    bool has_blueprint;           /* some touchpoint is backstage or support */
} html_report;

/* The page's style: system fonts only, so the file needs nothing from outside. */
static const char html_style[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);overflow-wrap:break-word;font:15px/1.5 system-ui,-apple-system,"
    "'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','DejaVu Sans',sans-serif}\n"
    "header.top{background:linear-gradient(120deg,var(--banner),var(--accent));color:var(--on-accent);"
    "padding:28px 40px 22px}\n"
    "header.top h1{margin:0 0 6px;font-size:30px;letter-spacing:-.01em}\n"
    "header.top .meta{opacity:.9;font-size:14px}\n"
    "header.top .meta b{font-weight:600}\n"
    "header.top .description{max-width:900px;margin:10px 0 0;opacity:.95}\n"
    ".stats{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}\n"
    ".stats span{background:rgba(255,255,255,.16);border-radius:999px;padding:3px 12px;font-size:13px}\n"
    ".stats span b{font-size:15px}\n"
    "nav{position:sticky;top:0;z-index:5;background:var(--paper);border-bottom:1px solid var(--line);"
    "padding:8px 40px;font-size:13px;display:flex;flex-wrap:wrap;gap:2px 16px}\n"
    "a{color:var(--accent)}.figure a,.graph a{color:inherit}\n"
    "nav a{color:var(--accent);text-decoration:none;white-space:nowrap}\n"
    "main{max-width:1320px;margin:0 auto;padding:8px 28px 40px}\n"
    "section{background:var(--paper);border:1px solid var(--line);border-radius:12px;"
    "padding:18px 22px;margin:18px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}\n"
    "h2{margin:0 0 4px;font-size:20px}\n"
    "h3{margin:18px 0 8px;font-size:16px}\n"
    "p.lead{margin:0 0 14px;color:var(--muted);font-size:14px}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,230px),1fr));gap:14px}\n"
    ".card{border:1px solid var(--line);border-radius:10px;padding:14px 16px;background:var(--paper)}\n"
    ".card.alert{border-left:5px solid var(--pain-mark)}\n"
    ".card.warn{border-left:5px solid var(--mixed-mark)}\n"
    ".card.truth{border-left:5px solid var(--truth)}\n"
    ".card.calm{border-left:5px solid var(--delight-mark)}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.06em;font-size:11px;color:var(--muted);font-weight:700}\n"
    ".big{font-size:22px;font-weight:700;margin:2px 0 6px}\n"
    ".card ol,.card ul{margin:6px 0 0;padding-left:20px}\n"
    ".card li{margin:0 0 8px}\n"
    ".quiet{color:var(--muted);font-size:13px}\n"
    ".why{font-style:italic}\n"
    ".chip{display:inline-block;border-radius:999px;padding:0 9px;font-size:12.5px;line-height:21px;"
    "background:var(--soft);color:var(--ink);white-space:nowrap;margin:1px 2px 1px 0}\n"
    ".e0{background:var(--e0-bg);color:var(--e0)}.e1{background:var(--e1-bg);color:var(--e1)}"
    ".e2{background:var(--e2-bg);color:var(--e2)}.e3{background:var(--e3-bg);color:var(--e3)}"
    ".e4{background:var(--e4-bg);color:var(--e4)}\n"
    ".badge{display:inline-block;border-radius:6px;padding:1px 7px;font-size:12px;font-weight:600;"
    "margin:1px 4px 1px 0}\n"
    ".badge.pain{background:var(--pain-bg);color:var(--pain)}\n"
    ".badge.delight{background:var(--delight-bg);color:var(--delight)}\n"
    ".badge.truth{background:var(--truth-bg);color:var(--truth)}\n"
    ".badge.mixed{background:var(--mixed-bg);color:var(--mixed)}\n"
    ".badge.back{background:var(--soft);color:var(--ink);border:1px dashed var(--muted)}\n"
    ".badge.met{background:var(--delight-bg);color:var(--delight);white-space:nowrap}\n"
    ".badge.missed{background:var(--pain-bg);color:var(--pain);white-space:nowrap}\n"
    ".gapbar{display:flex;align-items:center;gap:8px;margin-top:6px;font-size:13px}\n"
    ".gapbar .track{flex:1;height:8px;border-radius:4px;background:var(--soft);position:relative}\n"
    ".gapbar .fill{position:absolute;top:0;bottom:0;border-radius:4px;"
    "background:linear-gradient(90deg,var(--pain-mark),var(--delight-mark))}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);"
    "border-bottom:2px solid var(--line);padding:6px 8px;vertical-align:bottom}\n"
    "td{border-bottom:1px solid var(--line);padding:7px 8px;vertical-align:top}\n"
    "tr.pain td:first-child{box-shadow:inset 4px 0 0 var(--pain-mark)}\n"
    "tr.delight td:first-child{box-shadow:inset 4px 0 0 var(--delight-mark)}\n"
    "tr.mixed td:first-child{box-shadow:inset 4px 0 0 var(--mixed-mark)}\n"
    ".scroll{overflow-x:auto}\n"
    ".scroll>table{min-width:600px}\n"
    ".figure{overflow-x:auto;background:var(--figure);color:var(--figure-ink);border-radius:8px}\n"
    /* A figure keeps its own ground whatever the page's scheme: its quiet text takes the
     * figure's ink, not the page's muted colour (made for the page's ground). */
    ".figure .quiet{color:var(--figure-ink)}\n"
    ".scroll:focus-visible,.figure:focus-visible,.graph:focus-visible{outline:2px solid var(--accent);outline-offset:2px}\n"
    ".figure svg{display:block;width:100%;height:auto}\n"
    ".curvekey{columns:16em;column-gap:24px;margin:8px 0 0;padding-left:2.6em;font-size:13px}\n"
    ".curvekey li{break-inside:avoid;margin:0 0 2px}\n"
    ".curvetable{margin:10px 0 0}.curvetable summary{cursor:pointer}\n"
    ".graph{overflow:auto;max-height:85vh;border:1px solid var(--line);border-radius:8px;background:var(--figure);color:var(--figure-ink);padding:8px}\n"
    ".graph svg{display:block;max-width:none;height:auto;margin:0 auto}\n"
    "input.zoom{position:absolute;opacity:0}\n"
    "label.zoom{display:inline-block;font-size:13px;color:var(--accent);cursor:pointer;margin:0 0 8px;"
    "border:1px solid var(--line);border-radius:6px;padding:2px 10px;background:var(--paper)}\n"
    "input.zoom:checked+label.zoom{background:var(--accent-soft)}\n"
    "input.zoom:checked~.graph svg{max-width:100%}\n"
    "input.zoom:focus-visible+label.zoom{outline:2px solid var(--accent)}\n"
    "table.heat td,table.heat th{text-align:center}\n"
    "table.heat td:first-child,table.heat th:first-child{text-align:left;font-weight:600}\n"
    "table.heat td.cell{border:3px solid var(--paper);border-radius:8px;font-size:13.5px;min-width:130px;white-space:nowrap}\n"
    ".h0{background:var(--h0-bg);color:var(--h0);box-shadow:inset 0 0 0 1px var(--line)}"
    ".hn{background:var(--hn-bg);color:var(--hn)}"
    ".hp1{background:var(--hp1-bg);color:var(--hp1)}.hp2{background:var(--hp2-bg);color:var(--hp2)}"
    ".hp3{background:var(--hp3-bg);color:var(--hp3)}.hd1{background:var(--hd1-bg);color:var(--hd1)}"
    ".hd2{background:var(--hd2-bg);color:var(--hd2)}.hd3{background:var(--hd3-bg);color:var(--hd3)}"
    ".hm{background:var(--hm-bg);color:var(--hm)}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12.5px;color:var(--muted);margin-top:10px}\n"
    ".legend i{display:inline-block;width:14px;height:14px;border-radius:4px;vertical-align:-2px;margin-right:5px}\n"
    ".stage{border-top:1px solid var(--line);padding-top:6px;margin-top:14px}\n"
    ".stage.sub{margin-left:26px}\n"
    ".stagehead{display:flex;flex-wrap:wrap;align-items:baseline;gap:10px;margin:8px 0}\n"
    ".stagehead h3{margin:0}\n"
    ".num{display:inline-block;min-width:26px;height:26px;border-radius:13px;background:var(--accent);"
    "color:var(--on-accent);text-align:center;font-size:13px;line-height:26px;padding:0 6px;margin-right:6px}\n"
    ".effort{letter-spacing:1px;white-space:nowrap}\n"
    ".effort .on{color:var(--ink)}.effort .off{color:var(--muted)}\n"
    ".effort.hard .on{color:var(--pain-strong)}\n"
    ".note{color:var(--muted);font-size:13px;margin-top:3px}\n"
    ".personas{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:14px}\n"
    ".persona h3{margin:0 0 2px}\n"
    ".persona dl{margin:8px 0 0;font-size:14px}\n"
    ".persona dt{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;"
    "letter-spacing:.04em;margin-top:6px}\n"
    ".persona dd{margin:0}\n"
    "blockquote{margin:10px 0 0;padding:6px 12px;border-left:3px solid var(--accent);"
    "background:var(--accent-soft);font-style:italic}\n"
    ".paths{margin:6px 0 14px}\n"
    ".steps{display:flex;flex-wrap:wrap;align-items:center;gap:4px;margin:0 0 6px}\n"
    ".steps.branch{margin-left:22px}\n"
    ".step{border:1px solid var(--line);border-radius:8px;padding:2px 10px;background:var(--soft);font-size:13.5px}\n"
    ".hop{display:inline-flex;align-items:center;gap:2px}\n"
    ".hop .chip{margin:0}\n"
    ".arrow{color:var(--muted);padding:0 2px}\n"
    "table.duty{table-layout:fixed;min-width:760px}\n"
    "table.duty td{font-size:13px}\n"
    "table.duty th:first-child{width:140px}\n"
    "table.duty .chip{white-space:normal;border-radius:8px;line-height:1.35;padding:2px 8px}\n"
    "table.touchpoints{table-layout:fixed;min-width:900px}\n"
    /* its columns are shares of the table: a chip or an effort wider than its column
     * wraps inside it rather than running over the next one (a phone's 900 px) */
    "table.touchpoints td{overflow-wrap:break-word}"
    "table.touchpoints .chip{white-space:normal;border-radius:8px;line-height:1.35;padding:2px 8px}"
    "table.touchpoints .effort{white-space:normal}\n"
    ".headline{font-size:17px;line-height:1.55;margin:6px 0 16px;max-width:1100px}\n"
    ".heat .sub{display:block;font-size:11.5px}\n"
    "table.duty td.empty{background:var(--soft)}\n"
    "table.duty tr.nobody td{background:var(--nobody-bg);color:var(--nobody)}\n"
    ".own{font-weight:700;color:var(--accent)}\n"
    "footer{color:var(--muted);font-size:12px;text-align:center;padding:10px 0 30px}\n"
    /* Phones: less padding, a navigation bar that does not stay on top of the little room. */
    "@media (max-width:640px){header.top{padding:18px 16px 16px}header.top h1{font-size:24px}"
    "nav{position:static;padding:8px 16px}main{padding:4px 8px 24px}section{padding:14px 12px}"
    ".stage.sub{margin-left:10px}}\n"
    /* Paper: everything shown whole (nothing left in a scrolling box), sections may split
     * across pages but cards, figures, rows and headings with what follows them do not. */
    "@page{size:A4;margin:12mm}\n"
    "@media print{body{background:var(--paper);font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "nav,input.zoom,label.zoom{display:none}header.top{padding:12px 14px}"
    "main{max-width:none;padding:0}section{box-shadow:none;border:0;border-top:1px solid var(--line);"
    "border-radius:0;padding:10px 0;margin:0}"
    ".scroll,.figure,.graph{overflow:visible;max-height:none}"
    ".figure svg{min-width:0!important}.graph svg,input.zoom:checked~.graph svg{max-width:100%}"
    "table{font-size:9pt}th,td{padding:3px 4px}td,table.duty th,table.heat th{overflow-wrap:anywhere}"
    ".scroll>table,table.touchpoints,table.duty{min-width:0!important;table-layout:auto}"
    "table.heat td.cell{min-width:0;white-space:normal}.chip,.badge.met,.badge.missed,.effort{white-space:normal}"
    "h2,h3,.stagehead{break-after:avoid}.card,.figure,.graph,tr,.steps,blockquote{break-inside:avoid}}\n";

/* Writes user text as HTML text: the five specials become entities, a line break <br>. */
static void html_text(html_report *report, const char *text)
{
    report_put_html(report->out, text, true);
}

static void html_raw(html_report *report, const char *html)
{
    strbuf_puts(report->out, html);
}

static void html_label(html_report *report, const jrn_element *element)
{
    html_text(report, element_label(element));
}

/* <tag class="...">text</tag> with the text escaped. */
static void html_wrap(html_report *report, const char *open, const char *text, const char *close)
{
    html_raw(report, open);
    html_text(report, text);
    html_raw(report, close);
}

/* The chip class for an emotion: e0 (lowest fifth of the scale) to e4 (highest). */
static int html_emotion_step(const jrn_model *model, double value)
{
    double span = model->emotion_high - model->emotion_low;
    double fraction = span > 0 ? (value - model->emotion_low) / span : 0.5;
    int step = (int)(fraction * 4.0 + 0.5);
    return step < 0 ? 0 : step > 4 ? 4 : step;
}

static void html_emotion_chip(html_report *report, bool known, double value)
{
    if (!known) {
        html_raw(report, "<span class=\"quiet\">—</span>");
        return;
    }
    strbuf_printf(report->out, "<span class=\"chip e%d\">", html_emotion_step(report->model, value));
    html_text(report, report_emotion_text(report->arena, report->model, value));
    html_raw(report, "</span>");
}

static void html_effort(html_report *report, int effort)
{
    if (effort <= 0) {
        html_raw(report, "<span class=\"quiet\">—</span>");
        return;
    }
    strbuf_printf(report->out, "<span class=\"effort%s\" title=\"effort %d of 5\">",
                  effort >= 4 ? " hard" : "", effort);
    for (int dot = 1; dot <= 5; dot++)
        html_raw(report, dot <= effort ? "<span class=\"on\">●</span>" : "<span class=\"off\">○</span>");
    strbuf_printf(report->out, " <span class=\"quiet\">%d/5</span></span>", effort);
}

static void html_badge(html_report *report, const char *kind, const char *name, const char *text)
{
    strbuf_printf(report->out, "<span class=\"badge %s\">%s</span>", kind, name);
    if (text != NULL) html_wrap(report, "<span class=\"why\">", text, "</span> ");
}

static void html_flags(html_report *report, const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight)
        html_badge(report, "mixed", "inconsistent", NULL);
    if (touchpoint->is_pain) html_badge(report, "pain", "pain", touchpoint->pain);
    if (touchpoint->is_delight) html_badge(report, "delight", "delight", touchpoint->delight);
    if (touchpoint->is_truth) html_badge(report, "truth", "★ moment of truth", touchpoint->truth);
}

static const char *html_heat_row_class(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight) return "mixed";
    if (touchpoint->is_pain) return "pain";
    if (touchpoint->is_delight) return "delight";
    return "plain";
}

static void html_owner(html_report *report, const jrn_touchpoint *touchpoint)
{
    bool inherited;
    const jrn_team *owner = report_touchpoint_owner(touchpoint, &inherited);
    if (owner == NULL) {
        html_raw(report, "<span class=\"badge pain\">no owner</span>");
        return;
    }
    html_label(report, &owner->base);
    if (inherited) html_raw(report, " <span class=\"quiet\">(stage owner)</span>");
}

/* The colours as CSS variables. Without --theme the page follows the reader's colour
 * scheme and prints in the print theme; the figures (curve and graph) keep the light
 * theme's colours on their own light ground, so they read the same everywhere. */
static void html_theme_variables(html_report *report)
{
    html_raw(report, ":root{");
    theme_css_variables(report->theme, report->arena, report->out);
    strbuf_printf(report->out, "--figure:%s;--figure-ink:%s}\n", report->theme->background, report->theme->text);
    if (!report->follows_reader) return;
    html_raw(report, "@media screen and (prefers-color-scheme:dark){:root{");
    theme_css_variables(theme_builtin("dark"), report->arena, report->out);
    html_raw(report, "}}\n@media print{:root{");
    theme_css_variables(theme_builtin("print"), report->arena, report->out);
    html_raw(report, "}}\n");
}

static void html_head(html_report *report)
{
    html_raw(report, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"jrnc\">\n<title>");
    html_text(report, report_map_title(report->model));
    html_raw(report, " — journey map report</title>\n<style>\n");
    html_theme_variables(report);
    html_raw(report, html_style);
    html_raw(report, "</style>\n</head>\n<body>\n");
}

static void html_stat(html_report *report, size_t count, const char *one, const char *many)
{
    strbuf_printf(report->out, "<span><b>%zu</b> %s</span>", count, count == 1 ? one : many);
}

static void html_banner(html_report *report)
{
    const jrn_model *model = report->model;
    const jrn_map *map = &model->map;
    html_wrap(report, "<header class=\"top\">\n<h1>", report_map_title(model), "</h1>\n<div class=\"meta\">");
    const char *separator = "";
    if (map->owner != NULL) {
        html_wrap(report, "Owner <b>", element_label(&map->owner->base), "</b>");
        separator = " · ";
    }
    if (map->has_reviewed) {
        html_raw(report, separator);
        html_wrap(report, "Reviewed <b>", report_date_text(report->arena, map->reviewed), "</b>");
        separator = " · ";
    }
    if (map->has_version) {
        html_raw(report, separator);
        html_wrap(report, "Version <b>", map->version_text != NULL ? map->version_text
                                         : number_text(report->arena, map->version), "</b>");
    }
    html_raw(report, "</div>\n");
    if (map->description != NULL) html_wrap(report, "<p class=\"description\">", map->description, "</p>\n");
    const report_heat *total = &report->facts->total_heat;
    html_raw(report, "<div class=\"stats\">");
    html_stat(report, model->stage_count, "stage", "stages");
    html_stat(report, model->touchpoint_count, "touchpoint", "touchpoints");
    html_stat(report, model->persona_count, "persona", "personas");
    html_stat(report, model->journey_count, "journey", "journeys");
    html_stat(report, total->pains, "pain point", "pain points");
    html_stat(report, total->delights, "moment of delight", "moments of delight");
    html_stat(report, total->truths, "moment of truth", "moments of truth");
    html_stat(report, model->kpi_count, "KPI", "KPIs");
    html_raw(report, "</div>\n</header>\n");
}

static void html_nav(html_report *report)
{
    html_raw(report, "<nav><a href=\"#struggle\">Where customers struggle</a><a href=\"#curve\">Emotion curve</a>"
                     "<a href=\"#canvas\">Canvas</a><a href=\"#heat\">Heat map</a><a href=\"#graph\">Journey graph</a>");
    if (report->has_blueprint) html_raw(report, "<a href=\"#blueprint\">Service blueprint</a>");
    html_raw(report, "<a href=\"#pains\">Pain points</a><a href=\"#truths\">Moments of truth</a>"
                     "<a href=\"#stages\">Stages</a><a href=\"#personas\">Personas</a>"
                     "<a href=\"#journeys\">Journeys</a><a href=\"#kpis\">KPIs</a>");
    if (report->actuals != NULL) html_raw(report, "<a href=\"#reported\">What customers report</a>");
    html_raw(report, "<a href=\"#actions\">Triggers &amp; opportunities</a>"
                     "<a href=\"#accountability\">Accountability</a></nav>\n<main>\n");
}

static void html_section_open(html_report *report, const char *anchor, const char *title, const char *lead)
{
    strbuf_printf(report->out, "<section id=\"%s\">\n<h2>%s</h2>\n", anchor, title);
    if (lead != NULL) strbuf_printf(report->out, "<p class=\"lead\">%s</p>\n", lead);
}

static void html_section_close(html_report *report)
{
    html_raw(report, "</section>\n");
}

/* The gap from now to the aspiration as a bar across the emotion scale. */
static void html_gap_bar(html_report *report, const jrn_stage *stage)
{
    const jrn_model *model = report->model;
    double span = model->emotion_high - model->emotion_low;
    if (span <= 0) return;
    double left = (stage->emotion - model->emotion_low) / span * 100.0;
    double width = report_stage_gap(stage) / span * 100.0;
    strbuf_printf(report->out,
                  "<div class=\"gapbar\"><span>now</span><span class=\"track\">"
                  "<span class=\"fill\" style=\"left:%.1f%%;width:%.1f%%\"></span></span>"
                  "<span>aim</span><b>gap %s</b></div>\n",
                  left, width, report_signed_text(report->arena, report_stage_gap(stage)));
}

static void html_card_gaps(html_report *report)
{
    const report_facts *facts = report->facts;
    if (facts->ranked_gap_count == 0) {
        html_raw(report, "<div class=\"card calm\"><div class=\"kicker\">Emotion gap</div>"
                         "<div class=\"big\">No gap recorded</div><p class=\"quiet\">No stage has an "
                         "emotion below its aspiration.</p></div>\n");
        return;
    }
    const jrn_stage *stage = facts->ranked_gaps[0];
    html_raw(report, "<div class=\"card warn\"><div class=\"kicker\">Widest emotion gap</div>");
    html_wrap(report, "<div class=\"big\">", element_label(&stage->base), "</div>");
    html_raw(report, "<div>Customers feel ");
    html_emotion_chip(report, true, stage->emotion);
    html_raw(report, " — the aim is ");
    html_emotion_chip(report, true, stage->aspiration);
    html_raw(report, "</div>\n");
    html_gap_bar(report, stage);
    if (facts->ranked_gap_count > 1) {
        html_raw(report, "<p class=\"quiet\">Also short of the aim: ");
        for (size_t i = 1; i < facts->ranked_gap_count; i++) {
            if (i > 1) html_raw(report, ", ");
            html_label(report, &facts->ranked_gaps[i]->base);
            strbuf_printf(report->out, " (%s)",
                          report_signed_text(report->arena, report_stage_gap(facts->ranked_gaps[i])));
        }
        html_raw(report, "</p>");
    }
    html_raw(report, "</div>\n");
}

static void html_card_pains(html_report *report)
{
    const report_facts *facts = report->facts;
    html_raw(report, "<div class=\"card alert\"><div class=\"kicker\">Hardest pain points</div>");
    if (facts->ranked_pain_count == 0) {
        html_raw(report, "<div class=\"big\">None marked</div></div>\n");
        return;
    }
    html_raw(report, "<ol>");
    size_t shown = facts->ranked_pain_count < 3 ? facts->ranked_pain_count : 3;
    for (size_t i = 0; i < shown; i++) {
        const jrn_touchpoint *touchpoint = facts->ranked_pains[i];
        html_wrap(report, "<li><b>", element_label(&touchpoint->base), "</b> ");
        html_wrap(report, "<span class=\"quiet\">in ", element_label(&touchpoint->stage->base), "</span>");
        if (touchpoint->pain != NULL) html_wrap(report, "<div class=\"why\">“", touchpoint->pain, "”</div>");
        if (touchpoint->effort > 0 || touchpoint->has_emotion || touchpoint->is_truth) {
            html_raw(report, "<div>");
            if (touchpoint->effort > 0) html_effort(report, touchpoint->effort);
            html_raw(report, " ");
            if (touchpoint->has_emotion) html_emotion_chip(report, true, touchpoint->emotion);
            if (touchpoint->is_truth) html_badge(report, "truth", "★ truth", NULL);
            html_raw(report, "</div>");
        }
        html_raw(report, "</li>");
    }
    html_raw(report, "</ol>");
    if (facts->ranked_pain_count > shown)
        strbuf_printf(report->out, "<p class=\"quiet\"><a href=\"#pains\">%zu more pain point%s</a> "
                      "below.</p>", facts->ranked_pain_count - shown,
                      facts->ranked_pain_count - shown == 1 ? "" : "s");
    html_raw(report, "</div>\n");
}

static void html_card_truths(html_report *report)
{
    const report_facts *facts = report->facts;
    html_raw(report, "<div class=\"card truth\"><div class=\"kicker\">Moments of truth at risk</div>");
    strbuf_printf(report->out, "<div class=\"big\">%zu of %zu</div>", facts->truths_at_risk, facts->truth_count);
    html_raw(report, "<p class=\"quiet\">Touchpoints with the most impact on loyalty that are also a pain "
                     "point or felt negatively.</p><ul>");
    for (size_t i = 0; i < facts->truth_count; i++) {
        const jrn_touchpoint *truth = facts->truths[i];
        bool at_risk = truth->is_pain || (truth->has_emotion && truth->emotion < 0);
        if (!at_risk) continue;
        html_wrap(report, "<li><b>", element_label(&truth->base), "</b> ");
        html_wrap(report, "<span class=\"quiet\">in ", element_label(&truth->stage->base), "</span></li>");
    }
    html_raw(report, "</ul></div>\n");
}

static void html_card_owners(html_report *report)
{
    size_t unowned = report->facts->unowned_count;
    strbuf_printf(report->out, "<div class=\"card %s\"><div class=\"kicker\">Ownership</div>"
                  "<div class=\"big\">%zu without an owner</div>", unowned > 0 ? "alert" : "calm", unowned);
    html_raw(report, "<p class=\"quiet\">Touchpoints with neither an owner of their own nor a stage owner "
                     "to fall back on. See the accountability matrix.</p></div>\n");
}

/* An emotion in words: its label ("unhappy") when the scale names it, else the number. */
static const char *html_emotion_words(html_report *report, double value)
{
    const char *label = model_emotion_label(report->model, value);
    return label != NULL ? label : number_text(report->arena, value);
}

/* One plain sentence a newcomer can read first: the hardest pain point and the widest gap. */
static void html_headline(html_report *report)
{
    const report_facts *facts = report->facts;
    if (facts->ranked_pain_count == 0 && facts->ranked_gap_count == 0) return;
    html_raw(report, "<p class=\"headline\">");
    if (facts->ranked_pain_count > 0) {
        const jrn_touchpoint *pain = facts->ranked_pains[0];
        html_wrap(report, "Customers struggle most at <b>", element_label(&pain->base), "</b>");
        html_wrap(report, " (", element_label(&pain->stage->base), ")");
        if (pain->pain != NULL) html_wrap(report, ": “", pain->pain, "”");
        if (pain->effort > 0) strbuf_printf(report->out, ", effort %d of 5", pain->effort);
        if (pain->has_emotion) html_wrap(report, ", feeling ", html_emotion_words(report, pain->emotion), "");
        html_raw(report, ". ");
    }
    if (facts->ranked_gap_count > 0) {
        const jrn_stage *stage = facts->ranked_gaps[0];
        html_wrap(report, "The widest gap between how customers feel and how we want them to feel is in <b>",
                  element_label(&stage->base), "</b>: ");
        html_wrap(report, "", html_emotion_words(report, stage->emotion), " now, ");
        html_wrap(report, "", html_emotion_words(report, stage->aspiration), " is the aim.");
    }
    html_raw(report, "</p>\n");
}

static void html_struggle(html_report *report)
{
    html_section_open(report, "struggle", "Where customers struggle", NULL);
    html_headline(report);
    html_raw(report, "<div class=\"cards\">\n");
    html_card_pains(report);
    html_card_gaps(report);
    html_card_truths(report);
    html_card_owners(report);
    html_raw(report, "</div>\n");
    html_section_close(report);
}

static void html_curve(html_report *report)
{
    html_section_open(report, "curve", "Emotion curve",
                      "How customers feel now at each stage (solid line) against how we want them to feel "
                      "(dashed line); the shaded bars are the gap. Marks are touchpoints: a square is pain, "
                      "a disc delight, a diamond both, a hollow ring neither; an outer ring marks a moment of truth.");
    html_raw(report, "<div class=\"figure\" tabindex=\"0\">\n");
    report_svg_emotion_curve(report->out, report->arena, report->model, report->theme);
    html_raw(report, "</div>\n");
    report_emotion_table(report->out, report->arena, report->model);
    html_section_close(report);
}

/* The heat class of a cell: red when pains outweigh delights, green the other way,
 * orange when even, pale when only neutral touchpoints; darker with more. */
static const char *html_heat_class(const report_heat *heat)
{
    static const char *const pain[] = {"hp1", "hp2", "hp3"};
    static const char *const delight[] = {"hd1", "hd2", "hd3"};
    if (heat->touchpoints == 0) return "h0";
    if (heat->pains == 0 && heat->delights == 0) return "hn";
    if (heat->pains == heat->delights) return "hm";
    size_t lead = heat->pains > heat->delights ? heat->pains - heat->delights : heat->delights - heat->pains;
    size_t step = lead > 3 ? 2 : lead - 1;
    return heat->pains > heat->delights ? pain[step] : delight[step];
}

static void html_heat_cell(html_report *report, const report_heat *heat)
{
    strbuf_printf(report->out, "<td class=\"cell %s\">", html_heat_class(heat));
    if (heat->touchpoints == 0) {
        html_raw(report, "—</td>");
        return;
    }
    const char *separator = "";
    if (heat->pains > 0 || heat->delights > 0 || heat->truths > 0) {
        if (heat->pains) { strbuf_printf(report->out, "<b>%zu</b> pain", heat->pains); separator = " · "; }
        if (heat->delights) {
            strbuf_printf(report->out, "%s<b>%zu</b> delight", separator, heat->delights);
            separator = " · ";
        }
        if (heat->truths) strbuf_printf(report->out, "%s<b>%zu</b>&#8239;★", separator, heat->truths);
        strbuf_printf(report->out, "<span class=\"sub\">of %zu touchpoint%s</span>",
                      heat->touchpoints, heat->touchpoints == 1 ? "" : "s");
    } else {
        strbuf_printf(report->out, "%zu neutral", heat->touchpoints);
    }
    if (heat->via_journeys) strbuf_printf(report->out, "<span class=\"sub\">%zu via journeys</span>", heat->via_journeys);
    if (heat->unassigned) strbuf_printf(report->out, "<span class=\"sub\">%zu unassigned</span>", heat->unassigned);
    html_raw(report, "</td>");
}

static void html_heat_map(html_report *report)
{
    const jrn_model *model = report->model;
    html_section_open(report, "heat", "Heat map",
                      "Pain points, moments of delight and moments of truth per stage and persona. "
                      "A touchpoint counts for the personas it names; one that names none counts for "
                      "the personas whose journeys visit it (via journeys), and for every persona when "
                      "no journey visits it (unassigned).");
    size_t personas = report->facts->heat_persona_count;
    if (personas < model->persona_count)
        strbuf_printf(report->out, "<p>The first %zu of %zu personas have a column.</p>\n", personas,
                      model->persona_count);
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table class=\"heat\"><thead><tr><th>Stage</th>");
    for (size_t p = 0; p < personas; p++)
        html_wrap(report, "<th>", element_label(&model->personas[p]->base), "</th>");
    html_raw(report, "<th>All touchpoints</th></tr></thead>\n<tbody>\n");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        strbuf_printf(report->out, "<tr><td>%s%s ", stage->parent ? "↳ " : "",
                      report->facts->stage_numbers[s]);
        html_label(report, &stage->base);
        html_raw(report, "</td>");
        for (size_t p = 0; p < personas; p++)
            html_heat_cell(report, report_persona_heat(report->facts, stage, model->personas[p]));
        html_heat_cell(report, &report->facts->stage_heat[s]);
        html_raw(report, "</tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n<div class=\"legend\">"
                     "<span><i class=\"hp3\"></i>more pain than delight (darker: more)</span>"
                     "<span><i class=\"hd2\"></i>more delight than pain</span>"
                     "<span><i class=\"hm\"></i>as much pain as delight</span>"
                     "<span><i class=\"hn\"></i>neither pain nor delight</span><span>★ moment of truth</span>"
                     "<span><i class=\"h0\"></i>no touchpoint</span></div>\n");
    html_section_close(report);
}

static void html_canvas(html_report *report, const char *svg)
{
    html_section_open(report, "canvas", "Journey-map canvas",
                      "Stages across, lanes down: what customers do, the touchpoints (numbered; red pain, "
                      "green delight, a thick border for a moment of truth), what they think and say, how they feel "
                      "(&#9632; the stage now, &#9633; the aspiration, the shaded gap between them, &#9679; "
                      "each touchpoint by its number), pains, delights, opportunities, KPIs and owners; a stage's own "
                      "notes come first, in bold. "
                      "Scroll the box to move around.");
    html_raw(report, "<input type=\"checkbox\" id=\"canvas-zoom\" class=\"zoom\">"
                     "<label for=\"canvas-zoom\" class=\"zoom\">Fit to the page</label>\n"
                     "<div class=\"graph canvas\" tabindex=\"0\">\n");
    html_raw(report, svg);
    html_raw(report, "</div>\n");
    html_section_close(report);
}

static void html_graph(html_report *report, const char *svg)
{
    html_section_open(report, "graph", "Journey graph",
                      "Stages left to right with their touchpoints; coloured arrows are the personas' "
                      "journeys, dashed arrows go back to an earlier stage. Scroll the box to move around; "
                      "hover a touchpoint for its owner, effort and emotion.");
    /* The graph opens at its natural size, readable, scrolling inside its box; a checkbox
     * and CSS fit it to the page for the overview: no script. */
    html_raw(report, "<input type=\"checkbox\" id=\"graph-zoom\" class=\"zoom\">"
                     "<label for=\"graph-zoom\" class=\"zoom\">Fit to the page</label>\n"
                     "<div class=\"graph\" tabindex=\"0\">\n");
    html_raw(report, svg);
    html_raw(report, "</div>\n");
    html_section_close(report);
}

/* The service blueprint, when the map has work behind the scenes (svg: NULL otherwise). */
static void html_blueprint(html_report *report, const char *svg)
{
    if (svg == NULL) return;
    html_section_open(report, "blueprint", "Service blueprint",
                      "What customers do and see, and the work behind it: frontstage touchpoints above the "
                      "line of visibility, backstage work and support processes below, arrows from the work "
                      "to what it makes happen. Red hops take longer than customers tolerate; fail points "
                      "are marked.");
    html_raw(report, "<input type=\"checkbox\" id=\"blueprint-zoom\" class=\"zoom\">"
                     "<label for=\"blueprint-zoom\" class=\"zoom\">Fit to the page</label>\n"
                     "<div class=\"graph\" tabindex=\"0\">\n");
    html_raw(report, svg);
    html_raw(report, "</div>\n");
    html_section_close(report);
}

static void html_pains(html_report *report)
{
    const report_facts *facts = report->facts;
    html_section_open(report, "pains", "Pain points, hardest first",
                      "Ranked by customer effort (highest first), then emotion (lowest first).");
    if (facts->ranked_pain_count == 0) {
        html_raw(report, "<p class=\"quiet\">No pain point is marked.</p>");
        html_section_close(report);
        return;
    }
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>#</th><th>Pain point</th><th>Stage</th>"
                     "<th>Effort</th><th>Emotion</th><th>What hurts</th><th>Owner</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < facts->ranked_pain_count; i++) {
        const jrn_touchpoint *touchpoint = facts->ranked_pains[i];
        strbuf_printf(report->out, "<tr class=\"pain\"><td>%zu</td>", i + 1);
        html_wrap(report, "<td><b>", element_label(&touchpoint->base), "</b>");
        if (touchpoint->is_truth) html_raw(report, " <span class=\"badge truth\">★ moment of truth</span>");
        html_wrap(report, "</td><td>", element_label(&touchpoint->stage->base), "</td><td>");
        html_effort(report, touchpoint->effort);
        html_raw(report, "</td><td>");
        html_emotion_chip(report, touchpoint->has_emotion, touchpoint->emotion);
        html_wrap(report, "</td><td>", touchpoint->pain, "</td><td>");
        html_owner(report, touchpoint);
        html_raw(report, "</td></tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
    html_section_close(report);
}

static void html_truths(html_report *report)
{
    const report_facts *facts = report->facts;
    html_section_open(report, "truths", "Moments of truth",
                      "The touchpoints with the most impact on loyalty.");
    if (facts->truth_count == 0) {
        html_raw(report, "<p class=\"quiet\">No moment of truth is marked.</p>");
        html_section_close(report);
        return;
    }
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Moment of truth</th><th>Stage</th>"
                     "<th>Emotion</th><th>Heat</th><th>Why it matters</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < facts->truth_count; i++) {
        const jrn_touchpoint *touchpoint = facts->truths[i];
        strbuf_printf(report->out, "<tr class=\"%s\">", html_heat_row_class(touchpoint));
        html_wrap(report, "<td><b>", element_label(&touchpoint->base), "</b></td>");
        html_wrap(report, "<td>", element_label(&touchpoint->stage->base), "</td><td>");
        html_emotion_chip(report, touchpoint->has_emotion, touchpoint->emotion);
        html_raw(report, "</td><td>");
        if (touchpoint->is_pain) html_badge(report, "pain", "pain", NULL);
        if (touchpoint->is_delight) html_badge(report, "delight", "delight", NULL);
        html_wrap(report, "</td><td>", touchpoint->truth, "</td></tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
    html_section_close(report);
}

static void html_touchpoint_notes(html_report *report, const jrn_touchpoint *touchpoint)
{
    struct { const char *name; const char *text; } notes[] = {
        {"Does", touchpoint->notes->does}, {"Thinks", touchpoint->notes->thinks}, {"Feels", touchpoint->notes->feels},
        {"Trigger", touchpoint->notes->trigger},
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (notes[i].text == NULL) continue;
        strbuf_printf(report->out, "<div class=\"note\"><b>%s:</b> ", notes[i].name);
        html_text(report, notes[i].text);
        html_raw(report, "</div>");
    }
    for (size_t o = 0; o < touchpoint->notes->opportunities.count; o++)
        html_wrap(report, "<div class=\"note\"><b>Opportunity:</b> ", touchpoint->notes->opportunities.items[o], "</div>");
    for (size_t q = 0; q < touchpoint->notes->quotes.count; q++)
        html_wrap(report, "<div class=\"note\"><i>“", touchpoint->notes->quotes.items[q], "”</i></div>");
    if (touchpoint->notes->sources.count > 0)
        html_wrap(report, "<div class=\"note\">Source: ",
                  report_join_texts(report->arena, &touchpoint->notes->sources, "; "), "</div>");
}

static void html_touchpoint_row(html_report *report, const jrn_touchpoint *touchpoint)
{
    strbuf_printf(report->out, "<tr class=\"%s\">", html_heat_row_class(touchpoint));
    html_wrap(report, "<td><b>", element_label(&touchpoint->base), "</b>");
    if (touchpoint->is_backstage) html_raw(report, " <span class=\"badge back\">backstage</span>");
    html_touchpoint_notes(report, touchpoint);
    html_raw(report, "</td><td>");
    for (size_t c = 0; c < touchpoint->channel_count; c++)
        html_wrap(report, "<span class=\"chip\">", element_label(&touchpoint->channels[c]->base), "</span>");
    html_raw(report, "</td><td>");
    report_audience audience = report_touchpoint_audience(report->facts, touchpoint);
    if (audience == AUDIENCE_JOURNEYS) html_raw(report, "<span class=\"quiet\">via journeys</span>");
    if (audience == AUDIENCE_EVERYONE) html_raw(report, "<span class=\"quiet\">all</span>");
    for (size_t p = 0; p < touchpoint->persona_count; p++)
        html_wrap(report, p > 0 ? ", " : "", element_label(&touchpoint->personas[p]->base), "");
    html_raw(report, "</td><td>");
    html_owner(report, touchpoint);
    html_raw(report, "</td><td>");
    html_emotion_chip(report, touchpoint->has_emotion, touchpoint->emotion);
    html_raw(report, "</td><td>");
    html_effort(report, touchpoint->effort);
    html_raw(report, "</td><td>");
    html_flags(report, touchpoint);
    html_raw(report, "</td></tr>\n");
}

/* The stage's own notes under its heading: what it is, what customers do, think and
 * feel there, its pain and delight, the ideas for it, their own words and the evidence. */
static void html_stage_notes(html_report *report, const jrn_stage *stage)
{
    if (stage->description != NULL) html_wrap(report, "<div class=\"note\">", stage->description, "</div>\n");
    const struct { const char *name; const char *text; } notes[] = {
        {"Does", stage->does}, {"Thinks", stage->thinks}, {"Feels", stage->feels},
        {"Pain", stage->pain}, {"Delight", stage->delight},
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (notes[i].text == NULL) continue;
        strbuf_printf(report->out, "<div class=\"note\"><b>%s:</b> ", notes[i].name);
        html_wrap(report, "", notes[i].text, "</div>\n");
    }
    if (stage->opportunities.count > 0)
        html_wrap(report, "<div class=\"note\"><b>Opportunities:</b> ",
                  report_join_texts(report->arena, &stage->opportunities, "; "), "</div>\n");
    for (size_t i = 0; i < stage->quotes.count; i++)
        html_wrap(report, "<blockquote>“", stage->quotes.items[i], "”</blockquote>\n");
    if (stage->sources.count > 0)
        html_wrap(report, "<div class=\"note\">Source: ", report_join_texts(report->arena, &stage->sources, "; "),
                  "</div>\n");
}

static void html_stage_head(html_report *report, const jrn_stage *stage)
{
    const jrn_team *owner = report_stage_owner(stage);
    strbuf_printf(report->out, "<div class=\"stagehead\"><h3><span class=\"num\">%s</span>",
                  report->facts->stage_numbers[stage->base.index]);
    html_label(report, &stage->base);
    html_raw(report, "</h3>");
    if (owner != NULL) html_wrap(report, "<span class=\"quiet\">owner <b>", element_label(&owner->base), "</b></span>");
    if (stage->has_emotion || stage->has_aspiration) {
        html_raw(report, "<span>now ");
        html_emotion_chip(report, stage->has_emotion, stage->emotion);
        html_raw(report, " → aim ");
        html_emotion_chip(report, stage->has_aspiration, stage->aspiration);
        html_raw(report, "</span>");
    }
    if (stage->loop_count > 0) {
        html_raw(report, "<span class=\"quiet\">loops back to ");
        for (size_t l = 0; l < stage->loop_count; l++) {
            if (l > 0) html_raw(report, ", ");
            html_label(report, &stage->loops[l].target->base);
        }
        html_raw(report, "</span>");
    }
    html_raw(report, "</div>\n");
    if (stage->goal != NULL) html_wrap(report, "<div class=\"note\"><b>Goal:</b> ", stage->goal, "</div>\n");
    html_stage_notes(report, stage);
}

static void html_stage(html_report *report, const jrn_stage *stage)
{
    strbuf_printf(report->out, "<div class=\"stage%s\">\n", stage->parent ? " sub" : "");
    html_stage_head(report, stage);
    if (stage->touchpoint_count == 0) {
        html_raw(report, "<p class=\"quiet\">No touchpoints.</p></div>\n");
        return;
    }
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table class=\"touchpoints\"><thead><tr>"
                     "<th style=\"width:25%\">Touchpoint</th><th style=\"width:12%\">Channels</th>"
                     "<th style=\"width:12%\">Personas</th><th style=\"width:12%\">Owner</th>"
                     "<th style=\"width:10%\">Emotion</th><th style=\"width:9%\">Effort</th>"
                     "<th>Pain / delight / truth</th></tr></thead><tbody>\n");
    for (size_t t = 0; t < stage->touchpoint_count; t++) html_touchpoint_row(report, stage->touchpoints[t]);
    html_raw(report, "</tbody></table></div>\n</div>\n");
}

static void html_stages(html_report *report)
{
    html_section_open(report, "stages", "Stages and touchpoints",
                      "The spine in order; each touchpoint with its channels, owner, emotion, effort and heat.");
    for (size_t s = 0; s < report->model->stage_count; s++) html_stage(report, report->model->stages[s]);
    html_section_close(report);
}

static void html_persona_list(html_report *report, const char *name, const jrn_text_list *texts)
{
    if (texts->count == 0) return;
    strbuf_printf(report->out, "<dt>%s</dt>", name);
    for (size_t i = 0; i < texts->count; i++) html_wrap(report, "<dd>", texts->items[i], "</dd>");
}

static void html_persona(html_report *report, const jrn_persona *persona)
{
    html_wrap(report, "<div class=\"card persona\"><h3>", element_label(&persona->base), "</h3>");
    if (persona->segment_count > 0)
        html_wrap(report, "<div class=\"quiet\">",
                  report_join_segments(report->arena, persona->segments, persona->segment_count, " · "), "</div>");
    html_raw(report, "<dl>");
    if (persona->role != NULL) html_wrap(report, "<dt>Role</dt><dd>", persona->role, "</dd>");
    html_persona_list(report, "Goals", &persona->goals);
    html_persona_list(report, "Needs", &persona->needs);
    html_persona_list(report, "Traits", &persona->traits);
    html_persona_list(report, "Attitudes", &persona->attitudes);
    html_persona_list(report, "Behaviours", &persona->behaviors);
    html_persona_list(report, "Motivations", &persona->motivations);
    html_persona_list(report, "Pains", &persona->pains);
    html_persona_list(report, "Expectations", &persona->expectations);
    html_raw(report, "</dl>");
    if (persona->quote != NULL) html_wrap(report, "<blockquote>“", persona->quote, "”</blockquote>");
    html_raw(report, "</div>\n");
}

static void html_segments(html_report *report)
{
    const jrn_model *model = report->model;
    if (model->segment_count == 0) return;
    html_raw(report, "<h3>Segments</h3><div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Segment</th><th>Size</th>"
                     "<th>Description</th><th>Note</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < model->segment_count; i++) {
        const jrn_segment *segment = model->segments[i];
        html_wrap(report, "<tr><td><b>", element_label(&segment->base), "</b></td>");
        html_wrap(report, "<td>", segment->size, "</td>");
        html_wrap(report, "<td>", segment->description, "</td>");
        html_wrap(report, "<td>", segment->note, "</td></tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
}

static void html_personas(html_report *report)
{
    html_section_open(report, "personas", "Segments and personas", NULL);
    html_segments(report);
    html_raw(report, "<h3>Personas</h3><div class=\"personas\">\n");
    for (size_t p = 0; p < report->model->persona_count; p++) html_persona(report, report->model->personas[p]);
    html_raw(report, "</div>\n");
    html_section_close(report);
}

/* A hop's conversion rate, delay and loop, on its arrow. */
static void html_hop(html_report *report, const jrn_hop *hop)
{
    html_raw(report, "<span class=\"hop\"><span class=\"arrow\">→</span>");
    if (hop->has_rate) html_wrap(report, "<span class=\"chip\">", report_rate_text(report->arena, hop->rate), "</span>");
    if (hop->has_after)
        html_wrap(report, "<span class=\"chip\">after ", report_duration_text(report->arena, hop->after), "</span>");
    if (hop->goes_back)
        html_raw(report, hop->is_declared_loop ? "<span class=\"badge back\">loops back</span>"
                                               : "<span class=\"badge mixed\">loops back (undeclared)</span>");
    html_raw(report, "</span>");
}

/* One path of a journey: its steps with each hop between them; a branch says where from. */
static void html_journey_path(html_report *report, const jrn_journey *journey, const report_path *path)
{
    html_raw(report, path->branches ? "<div class=\"steps branch\"><span class=\"quiet\">from</span>"
                                    : "<div class=\"steps\">");
    html_wrap(report, "<span class=\"step\">", element_label(&journey->hops[path->first].from->base), "</span>");
    for (size_t h = path->first; h < path->first + path->count; h++) {
        html_hop(report, &journey->hops[h]);
        html_wrap(report, "<span class=\"step\">", element_label(&journey->hops[h].to->base), "</span>");
    }
    html_raw(report, "</div>\n");
}

static void html_journey(html_report *report, const jrn_journey *journey)
{
    html_wrap(report, "<h3>", element_label(&journey->base), "</h3>");
    if (journey->persona_count > 0)
        html_wrap(report, "<div class=\"quiet\">for ",
                  report_join_personas(report->arena, journey->personas, journey->persona_count, ", "), "</div>");
    if (journey->goal != NULL) html_wrap(report, "<div class=\"note\"><b>Goal:</b> ", journey->goal, "</div>");
    size_t path_count;
    const report_path *paths = report_journey_paths(report->arena, report->model, journey, &path_count);
    html_raw(report, "<div class=\"paths\">\n");
    if (path_count == 0 && journey->step_count > 0)
        html_wrap(report, "<div class=\"steps\"><span class=\"step\">", element_label(&journey->steps[0]->base),
                  "</span></div>\n");
    for (size_t p = 0; p < path_count; p++) html_journey_path(report, journey, &paths[p]);
    html_raw(report, "</div>\n");
}

static void html_journeys(html_report *report)
{
    html_section_open(report, "journeys", "Journeys",
                      "Each persona's paths through the touchpoints, one line per path: a branch starts "
                      "from a step an earlier line reached. Arrows carry the conversion rate, the time "
                      "it takes and loops back.");
    if (report->model->journey_count == 0) html_raw(report, "<p class=\"quiet\">No journeys declared.</p>");
    for (size_t j = 0; j < report->model->journey_count; j++) html_journey(report, report->model->journeys[j]);
    html_section_close(report);
}

static void html_kpi_place(html_report *report, const jrn_kpi *kpi)
{
    switch (kpi->owner_kind) {
    case KPI_ON_STAGE: html_wrap(report, "stage <b>", element_label(&kpi->on_stage->base), "</b>"); break;
    case KPI_ON_TOUCHPOINT:
        html_wrap(report, "touchpoint <b>", element_label(&kpi->on_touchpoint->base), "</b>");
        break;
    case KPI_ON_JOURNEY: html_wrap(report, "journey <b>", element_label(&kpi->on_journey->base), "</b>"); break;
    }
}

/* Actual, status and trend cells of a KPI's row. */
static void html_kpi_actual(html_report *report, const jrn_kpi *kpi)
{
    report_kpi_actual actual = report_kpi_actual_of(report->actuals, kpi);
    html_wrap(report, "<td>", report_actual_text(report->arena, &actual), "</td>");
    html_raw(report, actual.status == KPI_STATUS_MET      ? "<td><span class=\"badge met\">"
                     : actual.status == KPI_STATUS_MISSED ? "<td><span class=\"badge missed\">"
                                                          : "<td><span class=\"quiet\">");
    html_text(report, report_status_text(actual.status));
    html_wrap(report, "</span></td><td>", report_trend_text(report->arena, &actual), "</td>");
}

static void html_kpis(html_report *report)
{
    const jrn_model *model = report->model;
    html_section_open(report, "kpis", "KPIs", "What is measured, where, how often, by whom and why.");
    if (model->kpi_count == 0) {
        html_raw(report, "<p class=\"quiet\">No KPIs declared.</p>");
        html_section_close(report);
        return;
    }
    if (report->actuals != NULL)
        html_wrap(report, "<p>Measured data: ", report_kpi_summary(report->arena, model, report->actuals), ".</p>\n");
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Metric</th><th>Measured at</th><th>Target</th>"
                     "<th>Every</th><th>Owner</th><th>Why</th>");
    if (report->actuals != NULL) html_raw(report, "<th>Actual</th><th>Status</th><th>Trend</th>");
    html_raw(report, "</tr></thead><tbody>\n");
    for (size_t k = 0; k < model->kpi_count; k++) {
        const jrn_kpi *kpi = model->kpis[k];
        const char *better = better_name(kpi->metric->better);
        html_wrap(report, "<tr><td><b>", element_label(&kpi->metric->base), "</b></td><td>");
        html_kpi_place(report, kpi);
        html_raw(report, "</td><td>");
        if (kpi->has_target) html_text(report, kpi->target.text);
        if (kpi->has_target && better != NULL) html_wrap(report, " <span class=\"quiet\">(", better, " is better)</span>");
        html_wrap(report, "</td><td>", frequency_name(kpi->every), "</td>");
        html_wrap(report, "<td>", kpi->owner ? element_label(&kpi->owner->base) : NULL, "</td>");
        html_wrap(report, "<td>", kpi->why, "</td>");
        if (report->actuals != NULL) html_kpi_actual(report, kpi);
        html_raw(report, "</tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
    html_section_close(report);
}

/* The gap analysis of the internal view against the customer view: the map's emotion
 * beside what customers report, wherever the data has a report. */
static void html_reported_emotion_row(html_report *report, const jrn_element *element, bool has_emotion,
                                      double emotion)
{
    const jrn_actual *reported = data_reported_emotion(report->actuals, element);
    if (reported == NULL) return;
    html_wrap(report, "<tr><td>", element->kind == KIND_STAGE ? "stage " : "touchpoint ", "<b>");
    html_label(report, element);
    html_raw(report, "</b></td>");
    html_wrap(report, "<td>", has_emotion ? report_emotion_text(report->arena, report->model, emotion) : NULL, "</td>");
    html_wrap(report, "<td>", report_reported_emotion_text(report->arena, report->model, reported), "</td>");
    double gap = has_emotion ? reported->latest.value.value - emotion : 0;
    html_raw(report, gap <= -2 ? "<td class=\"gap\"><span class=\"badge missed\">"
                     : gap >= 2 ? "<td class=\"gap\"><span class=\"badge met\">" : "<td class=\"gap\"><span>");
    if (has_emotion) html_text(report, report_signed_text(report->arena, gap));
    html_raw(report, "</span></td></tr>\n");
}

static void html_reported_emotions(html_report *report)
{
    const jrn_model *model = report->model;
    if (report->actuals == NULL) return;
    html_section_open(report, "reported", "What customers report",
                      "The emotion the map assumes beside the one customers report: the internal view against "
                      "the customer view.");
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Where</th><th>The map says</th>"
                     "<th>Customers report</th><th>Gap</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < model->stage_count; i++)
        html_reported_emotion_row(report, &model->stages[i]->base, model->stages[i]->has_emotion,
                                  model->stages[i]->emotion);
    for (size_t i = 0; i < model->touchpoint_count; i++)
        html_reported_emotion_row(report, &model->touchpoints[i]->base, model->touchpoints[i]->has_emotion,
                                  model->touchpoints[i]->emotion);
    html_raw(report, "</tbody></table></div>\n");
    html_section_close(report);
}

static void html_triggers(html_report *report)
{
    const report_facts *facts = report->facts;
    html_raw(report, "<h3>Proactive-service triggers</h3>");
    if (facts->trigger_count == 0) {
        html_raw(report, "<p class=\"quiet\">None declared.</p>\n");
        return;
    }
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>When</th><th>At touchpoint</th><th>Stage</th><th>Who acts</th>"
                     "</tr></thead><tbody>\n");
    for (size_t i = 0; i < facts->trigger_count; i++) {
        const jrn_touchpoint *touchpoint = facts->triggers[i];
        html_wrap(report, "<tr><td><b>", touchpoint->notes->trigger, "</b></td>");
        html_wrap(report, "<td>", element_label(&touchpoint->base), "</td>");
        html_wrap(report, "<td>", element_label(&touchpoint->stage->base), "</td><td>");
        html_owner(report, touchpoint);
        html_raw(report, "</td></tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
}

static void html_opportunities(html_report *report)
{
    const report_facts *facts = report->facts;
    html_raw(report, "<h3>Opportunities</h3>");
    if (facts->opportunity_count == 0 && report_stage_opportunity_count(report->model) == 0) {
        html_raw(report, "<p class=\"quiet\">None declared.</p>\n");
        return;
    }
    html_raw(report, "<div class=\"scroll\" tabindex=\"0\"><table><thead><tr><th>Opportunity</th><th>Touchpoint</th><th>Stage</th></tr></thead><tbody>\n");
    /* the stages' own first, in spine order, then the touchpoints' */
    for (size_t s = 0; s < report->model->stage_count; s++) {
        const jrn_stage *stage = report->model->stages[s];
        for (size_t o = 0; o < stage->opportunities.count; o++) {
            html_wrap(report, "<tr><td>", stage->opportunities.items[o], "</td>");
            html_raw(report, "<td class=\"quiet\">the stage as a whole</td>");
            html_wrap(report, "<td>", element_label(&stage->base), "</td></tr>\n");
        }
    }
    for (size_t i = 0; i < facts->opportunity_count; i++) {
        const jrn_touchpoint *touchpoint = facts->opportunities[i];
        for (size_t o = 0; o < touchpoint->notes->opportunities.count; o++) {
            html_wrap(report, "<tr><td>", touchpoint->notes->opportunities.items[o], "</td>");
            html_wrap(report, "<td>", element_label(&touchpoint->base), "</td>");
            html_wrap(report, "<td>", element_label(&touchpoint->stage->base), "</td></tr>\n");
        }
    }
    html_raw(report, "</tbody></table></div>\n");
}

static void html_actions(html_report *report)
{
    html_section_open(report, "actions", "Triggers and opportunities",
                      "Signals that call for proactive service, and ideas for improving the experience.");
    html_triggers(report);
    html_opportunities(report);
    html_section_close(report);
}

static void html_duty_cell(html_report *report, const report_duty *duty)
{
    bool empty = !duty->owns_stage && duty->touchpoint_count == 0 && duty->kpi_count == 0;
    html_raw(report, empty ? "<td class=\"empty\">" : "<td>");
    if (duty->owns_stage) html_raw(report, "<div class=\"own\">owns the stage</div>");
    for (size_t t = 0; t < duty->touchpoint_count; t++)
        html_wrap(report, "<div>", element_label(&duty->touchpoints[t]->base), "</div>");
    for (size_t k = 0; k < duty->kpi_count; k++)
        html_wrap(report, "<div><span class=\"chip\">KPI ", element_label(&duty->kpis[k]->metric->base), "</span></div>");
    html_raw(report, "</td>");
}

static void html_accountability(html_report *report)
{
    const jrn_model *model = report->model;
    html_section_open(report, "accountability", "Accountability matrix",
                      "What each team answers for in each stage: the stage itself, its touchpoints (a "
                      "touchpoint without an owner falls to its stage's owner) and its KPIs.");
    size_t stages = report->facts->duty_stage_count;
    if (stages < model->stage_count)
        strbuf_printf(report->out, "<p>The first %zu of %zu stages have a column.</p>\n", stages, model->stage_count);
    /* Room for whole words in every stage's column: the table scrolls in its box instead. */
    strbuf_printf(report->out, "<div class=\"scroll\" tabindex=\"0\"><table class=\"duty\" style=\"min-width:%zupx\"><thead><tr>"
                  "<th>Team</th>", 140 + 135 * stages);
    for (size_t s = 0; s < stages; s++) html_wrap(report, "<th>", element_label(&model->stages[s]->base), "</th>");
    html_raw(report, "</tr></thead><tbody>\n");
    for (size_t t = 0; t <= model->team_count; t++) {
        const jrn_team *team = t < model->team_count ? model->teams[t] : NULL;
        if (team == NULL && report->facts->unowned_count == 0) break;
        html_raw(report, team != NULL ? "<tr>" : "<tr class=\"nobody\">");
        html_wrap(report, "<td><b>", team != NULL ? element_label(&team->base) : "No owner", "</b></td>");
        for (size_t s = 0; s < stages; s++)
            html_duty_cell(report, report_duty_of(report->facts, team, model->stages[s]));
        html_raw(report, "</tr>\n");
    }
    html_raw(report, "</tbody></table></div>\n");
    html_section_close(report);
}

static void html_foot(html_report *report)
{
    html_raw(report, "</main>\n<footer>Generated by jrnc from ");
    html_text(report, report_map_title(report->model));
    html_raw(report, ". A living document: review it at least once a year.</footer>\n</body>\n</html>\n");
}

bool emit_html(const jrn_model *model, const jrn_emit_options *options, jrn_strbuf *out,
               jrn_diag_list *diags)
{
    jrn_arena *arena = arena_new();
    html_report report = {out, arena, model, report_facts_build(arena, model), options ? options->actuals : NULL,
                          dot_style_theme(options), options == NULL || !options->theme_chosen, false};
    jrn_strbuf graph = STRBUF_INIT, canvas = STRBUF_INIT, blueprint = STRBUF_INIT;
    bool has_blueprint = model_has_blueprint(model);
    bool ok = report_svg_pictures(model, options, &graph, &canvas, has_blueprint ? &blueprint : NULL, diags);
    report.has_blueprint = has_blueprint;
    if (ok) {
        html_head(&report);
        if (options != NULL && options->page_header != NULL) html_raw(&report, options->page_header);
        html_banner(&report);
        html_nav(&report);
        html_struggle(&report);
        html_curve(&report);
        html_canvas(&report, strbuf_text(&canvas));
        html_heat_map(&report);
        html_graph(&report, strbuf_text(&graph));
        html_blueprint(&report, has_blueprint ? strbuf_text(&blueprint) : NULL);
        html_pains(&report);
        html_truths(&report);
        html_stages(&report);
        html_personas(&report);
        html_journeys(&report);
        html_kpis(&report);
        html_reported_emotions(&report);
        html_actions(&report);
        html_accountability(&report);
        html_foot(&report);
    }
    strbuf_free(&graph);
    strbuf_free(&canvas);
    strbuf_free(&blueprint);
    arena_free(arena);
    return ok;
}
