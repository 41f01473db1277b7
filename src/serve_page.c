/* serve_page.c — the pages `jrnc serve` sends: the HTML report of one view of the map
 * (drawn by serve_drawer.c), with a bar to switch views, the errors of the last save over the last good
 * picture, and the script that redraws the page in place when the map is saved. */
#include "jrn/serve.h"
#include "jrn/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/report_format.h"
#include "jrn/view_catalog.h"

static char *serve_strdup(const char *text)
{
    size_t length = strlen(text) + 1;
    char *copy = memory_calloc(length, 1);
    memcpy(copy, text, length);
    return copy;
}

/* The script hears of saves over Server-Sent Events (/events), fetches the page again and
 * puts its body in place of the old one, keeping where the page and the graph's box were
 * scrolled to and whether the graph was fitted. A browser opens only a few connections
 * to one server, so the tabs of one browser share one event stream: the tab holding a
 * Web Lock listens and tells the others over a BroadcastChannel (when the lock goes with
 * its tab, another takes over). Where those are missing (an address that is not this
 * machine's is no secure context) each shown tab listens, and a hidden one catches up
 * when shown. */
static const char serve_script[] =
    "(function(){\n"
    "var meta=function(d){return Number(d.querySelector('meta[name=jrnc-generation]').content)};\n"
    "var generation=meta(document),busy=false,again=false;\n"
    "var saved=sessionStorage.getItem('jrnc-scroll');\n"
    "if(saved){sessionStorage.removeItem('jrnc-scroll');var p=saved.split(',');"
    "addEventListener('load',function(){scrollTo(Number(p[0]),Number(p[1]))})}\n"
    "function redraw(){\n"
    " if(busy){again=true;return}busy=true;\n"
    " fetch(location.href,{cache:'no-store'}).then(function(r){if(!r.ok)throw r.status;return r.text()})"
    ".then(function(text){\n"
    "  var doc=new DOMParser().parseFromString(text,'text/html');\n"
    "  var x=scrollX,y=scrollY,g=document.querySelector('.graph'),gx=g?g.scrollLeft:0,gy=g?g.scrollTop:0;\n"
    "  var z=document.getElementById('graph-zoom'),zoomed=z?z.checked:false;\n"
    "  document.title=doc.title;document.body.replaceWith(doc.body);\n"
    "  generation=meta(doc);document.querySelector('meta[name=jrnc-generation]').content=String(generation);\n"
    "  z=document.getElementById('graph-zoom');if(z)z.checked=zoomed;\n"
    "  g=document.querySelector('.graph');if(g){g.scrollLeft=gx;g.scrollTop=gy}\n"
    "  scrollTo(x,y);busy=false;if(again){again=false;redraw()}\n"
    " }).catch(function(){sessionStorage.setItem('jrnc-scroll',scrollX+','+scrollY);location.reload()});\n"
    "}\n"
    "function heard(g){if(g!==generation)redraw()}\n"
    "function listen(told){var s=new EventSource('/events?since='+generation);"
    "s.onmessage=function(e){told(Number(e.data))};return s}\n"
    "if(navigator.locks&&window.BroadcastChannel){\n"
    " var channel=new BroadcastChannel('jrnc-events'),latest=0;\n"
    " channel.onmessage=function(e){if(e.data==='ask'){if(latest)channel.postMessage(latest)}else heard(Number(e.data))};\n"
    " navigator.locks.request('jrnc-events',function(){latest=generation;return new Promise(function(){"
    "listen(function(g){latest=g;channel.postMessage(g);heard(g)})})});\n"
    " channel.postMessage('ask');\n"
    "}else{\n"
    " var source=null;\n"
    " var connect=function(){if(!source)source=listen(heard)};\n"
    " document.addEventListener('visibilitychange',function(){"
    "if(document.hidden){if(source){source.close();source=null}}else connect()});\n"
    " if(!document.hidden)connect();\n"
    "}\n"
    "})();\n";

static const char serve_style[] =
    "#jrnc-bar{position:fixed;right:12px;bottom:12px;z-index:50;max-width:calc(100vw - 24px);"
    "overflow-x:auto;white-space:nowrap;background:#111827;color:#f9fafb;border-radius:8px;"
    "padding:6px 10px;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.25)}"
    "#jrnc-bar a{color:#d1d5db;margin-left:10px;text-decoration:none}"
    "#jrnc-bar a[aria-current]{color:#fff;font-weight:700;text-decoration:underline}"
    "#jrnc-bar .live{color:#34d399}"
    "#jrnc-errors{position:fixed;left:12px;right:12px;top:12px;z-index:60;max-height:45vh;overflow:auto;"
    "background:#fef2f2;color:#7f1d1d;border:2px solid #dc2626;border-radius:8px;padding:8px 12px;"
    "font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.25)}"
    "#jrnc-errors pre{margin:6px 0 0;white-space:pre-wrap;font:12px/1.45 ui-monospace,monospace;color:#111827}"
    "@media print{#jrnc-bar,#jrnc-errors{display:none}}";

static const jrn_view_entry *serve_find_view(const jrn_view_entry *views, size_t count, const char *key)
{
    for (size_t i = 0; key != NULL && i < count; i++) {
        if (strcmp(views[i].key, key) == 0) return &views[i];
    }
    return NULL;
}

/* key percent-encoded for a query string: ids are identifiers, but nothing is assumed. */
static void serve_put_query_value(jrn_strbuf *out, const char *key)
{
    for (const unsigned char *at = (const unsigned char *)key; *at != '\0'; at++) {
        bool plain = (*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || (*at >= '0' && *at <= '9') ||
                     strchr("-_.~=", *at) != NULL;
        if (plain) strbuf_putc(out, (char)*at);
        else strbuf_printf(out, "%%%02X", *at);
    }
}

/* What goes into <head>: the generation the page shows, the bar's style, the script. */
static void serve_put_head(const jrn_serve_site *site, jrn_strbuf *out)
{
    strbuf_printf(out, "<meta name=\"jrnc-generation\" content=\"%llu\">\n<style>%s</style>\n",
                  (unsigned long long)site->generation, serve_style);
    strbuf_printf(out, "<script nonce=\"%s\">\n%s</script>\n", site->nonce, serve_script);
}

/* The bar: live, and a link per view, the one shown marked. */
static void serve_put_bar(jrn_strbuf *out, const jrn_view_entry *views, size_t count, const char *shown)
{
    strbuf_puts(out, "<div id=\"jrnc-bar\"><span class=\"live\">&#9679; live</span>");
    for (size_t i = 0; i < count; i++) {
        strbuf_puts(out, "<a href=\"/?view=");
        serve_put_query_value(out, views[i].key);
        strbuf_puts(out, strcmp(views[i].key, shown) == 0 ? "\" aria-current=\"page\">" : "\">");
        report_put_html(out, views[i].label, false);
        strbuf_puts(out, "</a>");
    }
    strbuf_puts(out, "</div>\n");
}

/* The errors, as the terminal shows them, over the picture. */
static void serve_put_errors(const jrn_serve_site *site, jrn_strbuf *out, const char *errors, bool has_picture)
{
    strbuf_puts(out, "<div id=\"jrnc-errors\" role=\"alert\"><b>");
    report_put_html(out, site->map_path, false);
    strbuf_puts(out, has_picture ? " has errors</b>: the picture below is the last good one; it is redrawn "
                                   "when the map is fixed."
                                 : " has errors</b>: the page shows the map once it compiles.");
    strbuf_puts(out, "<pre>");
    report_put_html(out, errors, true);
    strbuf_puts(out, "</pre></div>\n");
}

/* A page with no report: the map has never compiled, or the view could not be drawn. */
static void serve_put_error_page(const jrn_serve_site *site, jrn_strbuf *out, const char *errors)
{
    strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    report_put_html(out, site->map_path, false);
    strbuf_puts(out, " — errors</title>\n");
    serve_put_head(site, out);
    strbuf_puts(out, "</head>\n<body>\n<div id=\"jrnc-bar\"><span class=\"live\">&#9679; live</span></div>\n");
    serve_put_errors(site, out, errors, false);
    strbuf_puts(out, "</body>\n</html>\n");
}

void serve_put_diags(const jrn_diag_list *diags, jrn_strbuf *out)
{
    for (const jrn_diag *diag = diags->first; diag != NULL; diag = diag->next) diag_render_one_text(diag, out, false);
}

/* The report with the head, bar and errors put in: after "<head>"'s contents and at the
 * top of <body>. emit_html writes both tags once and escapes every user text, so the
 * first of each is the document's own. */
static void serve_put_report(const jrn_serve_site *site, jrn_strbuf *out, const char *report,
                             const jrn_view_entry *views, size_t count, const char *shown)
{
    const char *head_end = strstr(report, "</head>");
    const char *body = head_end != NULL ? strstr(head_end, "<body>\n") : NULL;
    if (body == NULL) {
        strbuf_puts(out, report);
        return;
    }
    strbuf_append(out, report, (size_t)(head_end - report));
    serve_put_head(site, out);
    body += strlen("<body>\n");
    strbuf_append(out, head_end, (size_t)(body - head_end));
    serve_put_bar(out, views, count, shown);
    if (site->errors.length > 0) serve_put_errors(site, out, strbuf_text(&site->errors), true);
    strbuf_puts(out, body);
}

/* The view of the model key asks for; the default view or the whole map when it names
 * none the map has (a journey renamed since the page was opened). */
static const jrn_view_entry *serve_resolve_view(const jrn_serve_site *site, const jrn_view_entry *views, size_t count,
                                            const char *key)
{
    const jrn_view_entry *view = serve_find_view(views, count, key);
    if (view == NULL) view = serve_find_view(views, count, site->default_view);
    return view != NULL ? view : &views[0];
}

/* The drawing of view for the last good compilation, drawn once (by the drawing helper,
 * serve_drawer.c): errors in later saves show over it without drawing it again. */
static const serve_drawing *serve_drawing_get(jrn_serve_site *site, const jrn_view_entry *view)
{
    for (size_t i = 0; i < site->drawing_count; i++) {
        if (strcmp(site->drawings[i].view, view->key) == 0) return &site->drawings[i];
    }
    serve_drawing drawing = {serve_strdup(view->key), false, STRBUF_INIT};
    drawing.drawn = serve_drawer_draw(site->drawer, site->good, view->key, &drawing.text);
    MEMORY_PUSH(site->drawings, site->drawing_count, drawing);
    return &site->drawings[site->drawing_count - 1];
}

void serve_drawings_clear(jrn_serve_site *site)
{
    for (size_t i = 0; i < site->drawing_count; i++) {
        free(site->drawings[i].view);
        strbuf_free(&site->drawings[i].text);
    }
    free(site->drawings);
    site->drawings = NULL;
    site->drawing_count = 0;
}

void serve_pages_clear(jrn_serve_site *site)
{
    for (size_t i = 0; i < site->page_count; i++) {
        free(site->pages[i].view);
        strbuf_free(&site->pages[i].html);
    }
    free(site->pages);
    site->pages = NULL;
    site->page_count = 0;
}

const jrn_strbuf *serve_page_get(jrn_serve_site *site, const char *view)
{
    jrn_arena *arena = arena_new();
    size_t count = 0;
    jrn_view_entry *views = site->good != NULL ? view_catalog(arena, site->good->model, &count) : NULL;
    /* Pages are kept by the view they show, never by what a client asked for: they stay
     * as few as the map's views. */
    const jrn_view_entry *shown = site->good != NULL ? serve_resolve_view(site, views, count, view) : NULL;
    const char *key = shown != NULL ? shown->key : "errors";
    for (size_t i = 0; i < site->page_count; i++) {
        if (strcmp(site->pages[i].view, key) == 0) {
            arena_free(arena);
            return &site->pages[i].html;
        }
    }
    serve_page page = {serve_strdup(key), STRBUF_INIT};
    const serve_drawing *drawing = shown != NULL ? serve_drawing_get(site, shown) : NULL;
    if (drawing != NULL && drawing->drawn)
        serve_put_report(site, &page.html, strbuf_text(&drawing->text), views, count, shown->key);
    else if (drawing != NULL) serve_put_error_page(site, &page.html, strbuf_text(&drawing->text));
    else serve_put_error_page(site, &page.html, strbuf_text(&site->errors));
    arena_free(arena);
    MEMORY_PUSH(site->pages, site->page_count, page);
    return &site->pages[site->page_count - 1].html;
}
