/* serve_site.c — what `jrnc serve` shows, shared by the watching thread (which publishes
 * each compilation) and the server's threads (which read pages and wait for changes). */
#include "jrn/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

/* A fresh nonce at every start: a script the map smuggled into the page could not guess
 * it, so the page's Content-Security-Policy runs jrnc's script only. */
static void serve_site_make_nonce(jrn_serve_site *site)
{
    unsigned char bytes[16] = {0};
    if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        for (size_t i = 0; i < sizeof bytes; i++) bytes[i] = (unsigned char)(now.tv_nsec >> (i % 4 * 8)) ^ (unsigned char)i;
    }
    for (size_t i = 0; i < sizeof bytes; i++) snprintf(site->nonce + 2 * i, 3, "%02x", bytes[i]);
}

void serve_site_init(jrn_serve_site *site, const char *map_path, const char *default_view,
                     jrn_serve_drawer *drawer)
{
    *site = (jrn_serve_site){0};
    pthread_mutex_init(&site->lock, NULL);
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    /* Waits time out by the monotonic clock: a clock change does not stall event streams. */
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&site->changed, &attributes);
    pthread_condattr_destroy(&attributes);
    site->map_path = map_path;
    site->drawer = drawer;
    site->default_view = default_view != NULL ? default_view : "full";
    serve_site_make_nonce(site);
}

void serve_site_dispose(jrn_serve_site *site)
{
    serve_pages_clear(site);
    serve_drawings_clear(site);
    compile_free(site->good);
    strbuf_free(&site->errors);
    pthread_cond_destroy(&site->changed);
    pthread_mutex_destroy(&site->lock);
}

void serve_site_publish(jrn_serve_site *site, jrn_compilation *good, const jrn_actuals *actuals,
                        const char *errors)
{
    pthread_mutex_lock(&site->lock);
    /* Under the lock: no page is being built from the compilation freed here. */
    if (good != NULL) {
        serve_drawings_clear(site);
        compile_free(site->good);
        site->good = good;
        site->actuals = actuals;
    }
    strbuf_clear(&site->errors);
    if (errors != NULL) strbuf_puts(&site->errors, errors);
    serve_pages_clear(site);
    site->generation++;
    pthread_cond_broadcast(&site->changed);
    pthread_mutex_unlock(&site->lock);
}
