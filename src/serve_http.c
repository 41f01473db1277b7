/* serve_http.c — `jrnc serve`'s HTTP server (libmicrohttpd, a thread per connection): two
 * fixed routes, "/" (the report, ?view=KEY) and "/events" (Server-Sent Events: the
 * generation, sent at every save); nothing else, so no path reaches a file.
 *
 * libmicrohttpd is loaded when the server starts (library.h), not linked: it brings
 * GnuTLS and eight more libraries. */
#include "jrn/serve.h"
#include "jrn/library.h"
#include "jrn/memory.h"

#include <errno.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* An idle event stream gets a comment this often, so a closed tab is noticed and its
 * thread ends. */
enum { SERVE_KEEPALIVE_SECONDS = 15 };
/* Connections at once (each open tab holds one for its event stream). */
enum { SERVE_CONNECTION_LIMIT = 256 };
/* A connection that sends or takes nothing this long is closed (a stalled client). */
enum { SERVE_IDLE_SECONDS = 60 };

/* The functions of libmicrohttpd the server calls, as loaded; their types are the header's. */
typedef struct serve_mhd {
    __typeof__(&MHD_start_daemon) start_daemon;
    __typeof__(&MHD_stop_daemon) stop_daemon;
    __typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
    __typeof__(&MHD_create_response_from_callback) create_response_from_callback;
    __typeof__(&MHD_add_response_header) add_response_header;
    __typeof__(&MHD_queue_response) queue_response;
    __typeof__(&MHD_destroy_response) destroy_response;
    __typeof__(&MHD_lookup_connection_value) lookup_connection_value;
} serve_mhd;

struct jrn_serve_http {
    serve_mhd mhd;
    struct MHD_Daemon *daemon;
    jrn_serve_site *site;
    bool loopback_only;
};

/* One open event stream: what its page has seen. */
typedef struct serve_stream {
    jrn_serve_site *site;
    uint64_t seen;
    bool greeted;            /* the retry interval has been sent */
} serve_stream;

/* Copies text into the stream's buffer (at most max bytes: a few dozen are asked for). */
static ssize_t serve_stream_put(char *buffer, size_t max, const char *text)
{
    size_t length = strlen(text);
    if (length > max) length = max;
    memcpy(buffer, text, length);
    return (ssize_t)length;
}

/* A page's event stream: the current generation whenever it is not the one the page
 * shows; a comment now and then; the end when the server stops. The connection has a
 * thread of its own, so waiting here holds up no other client. */
static ssize_t serve_stream_read(void *context, uint64_t position, char *buffer, size_t max)
{
    (void)position;
    serve_stream *stream = context;
    jrn_serve_site *site = stream->site;
    if (!stream->greeted) {
        stream->greeted = true;
        return serve_stream_put(buffer, max, "retry: 500\n\n");
    }
    pthread_mutex_lock(&site->lock);
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += SERVE_KEEPALIVE_SECONDS;
    int waited = 0;
    while (!site->stopping && site->generation == stream->seen && waited != ETIMEDOUT)
        waited = pthread_cond_timedwait(&site->changed, &site->lock, &until);
    bool stopping = site->stopping;
    bool changed = site->generation != stream->seen;
    stream->seen = site->generation;
    pthread_mutex_unlock(&site->lock);
    if (stopping) return MHD_CONTENT_READER_END_OF_STREAM;
    if (!changed) return serve_stream_put(buffer, max, ": waiting for a save\n\n");
    char event[48];
    snprintf(event, sizeof event, "data: %llu\n\n", (unsigned long long)stream->seen);
    return serve_stream_put(buffer, max, event);
}

static enum MHD_Result serve_queue(const serve_mhd *mhd, struct MHD_Connection *connection, unsigned status,
                                   struct MHD_Response *response)
{
    mhd->add_response_header(response, "Cache-Control", "no-store");
    mhd->add_response_header(response, "X-Content-Type-Options", "nosniff");
    mhd->add_response_header(response, "Referrer-Policy", "no-referrer");
    enum MHD_Result result = mhd->queue_response(connection, status, response);
    mhd->destroy_response(response);
    return result;
}

static enum MHD_Result serve_text(const serve_mhd *mhd, struct MHD_Connection *connection, unsigned status,
                                  const char *text)
{
    struct MHD_Response *response =
        mhd->create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
    if (response == NULL) return MHD_NO;
    mhd->add_response_header(response, "Content-Type", "text/plain; charset=utf-8");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) mhd->add_response_header(response, "Allow", "GET, HEAD");
    return serve_queue(mhd, connection, status, response);
}

static enum MHD_Result serve_answer_page(const serve_mhd *mhd, jrn_serve_site *site, struct MHD_Connection *connection)
{
    const char *view = mhd->lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "view");
    pthread_mutex_lock(&site->lock);
    const jrn_strbuf *page = serve_page_get(site, view);
    /* Copied: the page may be rebuilt at the next save while a slow client still reads. */
    struct MHD_Response *response =
        mhd->create_response_from_buffer(page->length, page->data, MHD_RESPMEM_MUST_COPY);
    jrn_strbuf policy = STRBUF_INIT;
    strbuf_printf(&policy, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           "script-src 'nonce-%s'; connect-src 'self'; base-uri 'none'; form-action 'none'",
                  site->nonce);
    pthread_mutex_unlock(&site->lock);
    if (response == NULL) {
        strbuf_free(&policy);
        return MHD_NO;
    }
    mhd->add_response_header(response, "Content-Type", "text/html; charset=utf-8");
    mhd->add_response_header(response, "Content-Security-Policy", strbuf_text(&policy));
    strbuf_free(&policy);
    return serve_queue(mhd, connection, MHD_HTTP_OK, response);
}

static enum MHD_Result serve_answer_events(const serve_mhd *mhd, jrn_serve_site *site,
                                           struct MHD_Connection *connection)
{
    serve_stream *stream = memory_calloc(1, sizeof *stream);
    stream->site = site;
    /* A page says which generation it shows; a save that came while it loaded is sent at
     * once. Without it the stream waits for the next save. */
    const char *since = mhd->lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "since");
    char *end = NULL;
    unsigned long long shown = since != NULL ? strtoull(since, &end, 10) : 0;
    pthread_mutex_lock(&site->lock);
    stream->seen = since != NULL && end != since && *end == '\0' ? (uint64_t)shown : site->generation;
    pthread_mutex_unlock(&site->lock);
    struct MHD_Response *response =
        mhd->create_response_from_callback(MHD_SIZE_UNKNOWN, 256, serve_stream_read, stream, free);
    if (response == NULL) {
        free(stream);
        return MHD_NO;
    }
    mhd->add_response_header(response, "Content-Type", "text/event-stream; charset=utf-8");
    return serve_queue(mhd, connection, MHD_HTTP_OK, response);
}

/* The Host header names this machine's loopback (127.0.0.1, localhost, [::1], with or
 * without a port): a page elsewhere whose name was rebound to 127.0.0.1 cannot read. */
static bool serve_host_is_loopback(const char *host)
{
    if (host == NULL) return false;
    static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t length = strlen(names[i]);
        if (strncasecmp(host, names[i], length) == 0 && (host[length] == '\0' || host[length] == ':')) return true;
    }
    return false;
}

/* The route a request's URI names, read from the URI as sent (before decoding, which
 * would make "/%00" or "/%2e" look like "/"): its path must be one of the two, whole. */
typedef enum serve_route { SERVE_ROUTE_NONE, SERVE_ROUTE_PAGE, SERVE_ROUTE_EVENTS } serve_route;
static const serve_route serve_routes[] = {SERVE_ROUTE_NONE, SERVE_ROUTE_PAGE, SERVE_ROUTE_EVENTS};

static void *serve_route_of(void *context, const char *uri, struct MHD_Connection *connection)
{
    (void)context;
    (void)connection;
    size_t path_length = strcspn(uri, "?#");
    serve_route route = SERVE_ROUTE_NONE;
    if (path_length == 1 && uri[0] == '/') route = SERVE_ROUTE_PAGE;
    else if (path_length == 7 && strncmp(uri, "/events", 7) == 0) route = SERVE_ROUTE_EVENTS;
    return (void *)&serve_routes[route];
}

static enum MHD_Result serve_answer(void *context, struct MHD_Connection *connection, const char *url,
                                    const char *method, const char *version, const char *upload_data,
                                    size_t *upload_data_size, void **request_state)
{
    (void)url;
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    jrn_serve_http *http = context;
    serve_route route = *request_state != NULL ? *(const serve_route *)*request_state : SERVE_ROUTE_NONE;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return serve_text(&http->mhd, connection, MHD_HTTP_METHOD_NOT_ALLOWED, "jrnc serve answers GET only\n");
    if (http->loopback_only &&
        !serve_host_is_loopback(http->mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Host")))
        return serve_text(&http->mhd, connection, MHD_HTTP_FORBIDDEN, "jrnc serve answers requests for 127.0.0.1 only\n");
    /* Fixed routes: no part of a URL ever becomes a file name. */
    if (route == SERVE_ROUTE_PAGE) return serve_answer_page(&http->mhd, http->site, connection);
    if (route == SERVE_ROUTE_EVENTS) return serve_answer_events(&http->mhd, http->site, connection);
    return serve_text(&http->mhd, connection, MHD_HTTP_NOT_FOUND, "not found: jrnc serve has / and /events only\n");
}

/* Loads libmicrohttpd into mhd; false after appending why to error. */
static bool serve_load_mhd(serve_mhd *mhd, jrn_strbuf *error)
{
    const jrn_library_symbol wanted[] = {
        {"MHD_start_daemon", (void **)&mhd->start_daemon},
        {"MHD_stop_daemon", (void **)&mhd->stop_daemon},
        {"MHD_create_response_from_buffer", (void **)&mhd->create_response_from_buffer},
        {"MHD_create_response_from_callback", (void **)&mhd->create_response_from_callback},
        {"MHD_add_response_header", (void **)&mhd->add_response_header},
        {"MHD_queue_response", (void **)&mhd->queue_response},
        {"MHD_destroy_response", (void **)&mhd->destroy_response},
        {"MHD_lookup_connection_value", (void **)&mhd->lookup_connection_value},
    };
    jrn_strbuf why = STRBUF_INIT;
    bool loaded = library_load(JRN_MHD_SONAME, wanted, sizeof wanted / sizeof wanted[0], &why);
    if (!loaded) strbuf_printf(error, "cannot start the web server: %s", strbuf_text(&why));
    strbuf_free(&why);
    return loaded;
}

jrn_serve_http *serve_http_start(jrn_serve_site *site, int listener, bool ipv6, bool loopback_only,
                                 jrn_strbuf *error)
{
    jrn_serve_http *http = memory_calloc(1, sizeof *http);
    http->site = site;
    http->loopback_only = loopback_only;
    if (!serve_load_mhd(&http->mhd, error)) {
        close(listener);
        free(http);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
    if (ipv6) flags |= MHD_USE_IPv6;
    http->daemon = http->mhd.start_daemon(flags,
                                          0, NULL, NULL, serve_answer, http,
                                          MHD_OPTION_LISTEN_SOCKET, listener,
                                          MHD_OPTION_URI_LOG_CALLBACK, serve_route_of, NULL,
                                          MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONNECTION_LIMIT,
                                          MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_SECONDS,
                                          MHD_OPTION_END);
    if (http->daemon == NULL) {
        strbuf_printf(error, "cannot start the web server (libmicrohttpd)");
        close(listener);
        free(http);
        return NULL;
    }
    return http;
}

void serve_http_stop(jrn_serve_http *http)
{
    if (http == NULL) return;
    jrn_serve_site *site = http->site;
    pthread_mutex_lock(&site->lock);
    site->stopping = true;
    pthread_cond_broadcast(&site->changed);
    pthread_mutex_unlock(&site->lock);
    /* The daemon closes the listening socket it was given. */
    http->mhd.stop_daemon(http->daemon);
    free(http);
}
