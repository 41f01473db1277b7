/* serve.h — `jrnc serve`'s parts: the site (the last good compilation, the errors of the
 * last one, the pages built from them, a generation number bumped at every save), the
 * pages (serve_page.c: the HTML report of one view with the live-reload script, the view
 * bar and the errors), and the HTTP server (serve_http.c, libmicrohttpd). The site is
 * shared by the server's threads and the watching thread under its lock. */
#ifndef JRN_SERVE_H
#define JRN_SERVE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "jrn/compile.h"
#include "jrn/data.h"
#include "jrn/strbuf.h"

/* serve_drawer.c: the process that draws the pages (see there why one apart). */
typedef struct jrn_serve_drawer jrn_serve_drawer;

/* One page built for the current generation, by the view it shows. */
typedef struct serve_page {
    char *view;                  /* "full", "spine", "flow", "journey=ID", "persona=ID" */
    jrn_strbuf html;
} serve_page;

/* One view drawn from the last good compilation (kept while it is the last good one). */
typedef struct serve_drawing {
    char *view;
    bool drawn;                  /* text is the report's HTML; else why it could not be drawn */
    jrn_strbuf text;
} serve_drawing;

typedef struct jrn_serve_site {
    pthread_mutex_t lock;        /* guards everything below; held while a page is built
                                  * (Graphviz, which lays the graph out, is not thread-safe) */
    pthread_cond_t changed;      /* broadcast when generation moves or stopping is set */
    uint64_t generation;         /* one more at every compilation published */
    bool stopping;
    jrn_compilation *good;       /* the last compilation without errors (owned), or NULL */
    const jrn_actuals *actuals;  /* its --data, in good's arena, or NULL */
    jrn_strbuf errors;           /* the last compilation's diagnostics when it failed, as the
                                  * terminal shows them without colour; empty when it did not */
    const char *map_path;        /* the map as named on the command line */
    const char *default_view;    /* --view, or "full" */
    char nonce[33];              /* the Content-Security-Policy nonce of the page's script */
    serve_page *pages;           /* built for this generation */
    size_t page_count;
    serve_drawing *drawings;     /* drawn for good */
    size_t drawing_count;
    jrn_serve_drawer *drawer;    /* draws every view (not owned) */
} jrn_serve_site;

void serve_site_init(jrn_serve_site *site, const char *map_path, const char *default_view,
                     jrn_serve_drawer *drawer);
void serve_site_dispose(jrn_serve_site *site);
/* Shows a new compilation: good (taken over, may be NULL when it failed) replaces the last
 * good one when not NULL; errors (may be NULL) is what the page shows above it. Wakes
 * every open page. */
void serve_site_publish(jrn_serve_site *site, jrn_compilation *good, const jrn_actuals *actuals,
                        const char *errors);

/* serve_page.c */
/* The page of view (NULL or unknown: the default view) for the current generation, built
 * once per generation and view. The caller holds site->lock; the text lives until it is
 * released and the next publish. */
const jrn_strbuf *serve_page_get(jrn_serve_site *site, const char *view);
/* Frees the pages of a generation (the caller holds site->lock). */
void serve_pages_clear(jrn_serve_site *site);
/* Frees the drawings of the last good compilation (the caller holds site->lock). */
void serve_drawings_clear(jrn_serve_site *site);

/* serve_drawer.c */
/* What a drawing compiles the map with, besides the texts the server sends: as the server
 * compiles it. */
typedef struct serve_draw_setup {
    const char *map_path;
    const jrn_compile_options *compile;
    const char *const *data_files;
    size_t data_count;
    jrn_date today;
} serve_draw_setup;
/* Forks the drawing helper; setup must stay unchanged while it runs. Call it before any
 * thread starts. NULL after appending why to error. */
jrn_serve_drawer *serve_drawer_start(const serve_draw_setup *setup, jrn_strbuf *error);
/* Draws view (a key of view_catalog's) of good, as the HTML report, into text (true); or
 * puts why it could not be drawn there (false). One drawing at a time. */
bool serve_drawer_draw(jrn_serve_drawer *drawer, const jrn_compilation *good, const char *view, jrn_strbuf *text);
/* Ends the helper (after any drawing under way) and waits for it. */
void serve_drawer_stop(jrn_serve_drawer *drawer);

/* serve_http.c */
typedef struct jrn_serve_http jrn_serve_http;
/* Serves site on listener (a bound, listening socket, taken over; ipv6 when it is one)
 * from threads of its own; loopback_only limits the Host header to loopback names (no
 * page elsewhere whose name was rebound to 127.0.0.1 can read). NULL after appending why
 * to error. */
jrn_serve_http *serve_http_start(jrn_serve_site *site, int listener, bool ipv6, bool loopback_only,
                                 jrn_strbuf *error);
/* diags as the terminal shows them, without colour, appended to out. */
void serve_put_diags(const jrn_diag_list *diags, jrn_strbuf *out);
/* Ends every open event stream, stops the server and waits for its threads. */
void serve_http_stop(jrn_serve_http *http);

#endif
