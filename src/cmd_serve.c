/* cmd_serve.c — `jrnc serve FILE [--port N] [--host HOST] [--open] [--view VIEW] [--data CSV]`:
 * the map's HTML report on a local web server, compiled again at every save of the map or
 * what it reads, and redrawn in every open page. Ctrl-C ends it with status 0. */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jrn/commands.h"
#include "jrn/data_cli.h"
#include "jrn/serve.h"
#include "jrn/view_catalog.h"
#include "jrn/terminal_text.h"
#include "jrn/watch_files.h"

extern char **environ;

/* The port when --port is not given. */
enum { SERVE_DEFAULT_PORT = 7467 };

static const char serve_help[] =
    "Usage: jrnc serve [OPTIONS] FILE\n"
    "Serve the journey map FILE's HTML report on a local web server and redraw it in every\n"
    "open page within a second of each save of FILE, a file it 'use's or a --data file\n"
    "(the page keeps its scroll position). When the map has errors the page shows them,\n"
    "located as on the terminal, over the last good picture. The report's views (the full\n"
    "map, the canvas, the spine, the flow, the service blueprint, each journey, each\n"
    "persona) are one click apart. Prints the\n"
    "page's address on standard output. Ctrl-C stops the server (exit status 0).\n"
    "\n"
    "Options:\n"
    "      --port N       the port to listen on (default 7467); 0 takes any free port\n"
    "      --host ADDR    the address to listen on (default 127.0.0.1, this machine only);\n"
    "                     any other lets whoever reaches it read the map (a warning says so)\n"
    "      --open         open the page in the browser (xdg-open or sensible-browser)\n"
    "      --view VIEW    the view a page opens on: full (default), canvas, spine, flow,\n"
    "                     blueprint, journey=ID, persona=ID\n"
    "      --data FILE    measured data, CSV (repeatable; watched too)\n"
    "      --today DATE   data dated after DATE is warned about (YYYY-MM-DD; default today)\n"
    "  -I DIR             also look for 'use'd files in DIR (repeatable)\n"
    "      --no-prelude   do not load the standard prelude (std/prelude)\n"
    "      --use-root DIR 'use' reads files only under DIR (repeatable)\n"
    "      --color=WHEN   colour diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 after Ctrl-C (SIGINT or SIGTERM); 2 for bad usage, a port in use or an\n"
    "address that cannot be listened on. Errors in the map are shown, not fatal.\n";

typedef struct serve_request {
    const char *file;
    const char *view;
    const char **data_files;     /* in the cli arena */
    size_t data_count;
    const char *port;
    const char *host;
    bool open;
} serve_request;

static int serve_take(jrn_cli *cli, void *request_pointer, jrn_cli_option option, const char *value)
{
    serve_request *request = request_pointer;
    switch (option) {
    case CLI_ARGUMENT:
        if (request->file != NULL)
            return cli_usage_error("serve", "one map at a time (got '%s' and '%s')", request->file, value);
        request->file = value;
        break;
    case CLI_VIEW: request->view = value; break;
    case CLI_DATA: ARENA_PUSH(cli->arena, request->data_files, request->data_count, value); break;
    case CLI_PORT: request->port = value; break;
    case CLI_HOST: request->host = value; break;
    case CLI_OPEN: request->open = true; break;
    default: break;
    }
    return CLI_GO_ON;
}

static const jrn_cli_command serve_command = {
    "serve", serve_help,
    CLI_COMPILE_OPTIONS | CLI_TAKES(CLI_VIEW) | CLI_DATA_OPTIONS | CLI_TAKES(CLI_PORT) | CLI_TAKES(CLI_HOST) |
        CLI_TAKES(CLI_OPEN),
    serve_take,
};

/* One line on stderr: "jrnc serve: " and message (which may quote names). Every output of
 * the server's is made under the site's lock (see serve_page.c: pages are drawn in child
 * processes, which must not inherit a stdio lock held). */
static void serve_say(jrn_serve_site *site, const char *message)
{
    if (site != NULL) pthread_mutex_lock(&site->lock);
    fputs("jrnc serve: ", stderr);
    terminal_text_print(stderr, message);
    fputc('\n', stderr);
    fflush(stderr);
    if (site != NULL) pthread_mutex_unlock(&site->lock);
}

static bool serve_parse_port(const char *text, unsigned *port)
{
    char *end;
    unsigned long value = strtoul(text, &end, 10);
    if (*text < '0' || *text > '9' || *end != '\0' || value > 65535) return false;
    *port = (unsigned)value;
    return true;
}

static bool serve_is_loopback(const struct sockaddr *address)
{
    if (address->sa_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)(const void *)address)->sin_addr.s_addr) >> 24) == 127;
    if (address->sa_family == AF_INET6) {
        const struct in6_addr *ip = &((const struct sockaddr_in6 *)(const void *)address)->sin6_addr;
        return IN6_IS_ADDR_LOOPBACK(ip) ||
               (IN6_IS_ADDR_V4MAPPED(ip) && ip->s6_addr[12] == 127);
    }
    return false;
}

/* The socket the server listens on, bound here so a port in use is said plainly: a
 * listening socket, with *port the port it got and *loopback whether only this machine
 * reaches it; or -1 after appending why to error. */
static int serve_listen(const char *host, unsigned *port, bool *loopback, bool *ipv6, jrn_strbuf *error)
{
    struct addrinfo hints = {0}, *found = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char service[8];
    snprintf(service, sizeof service, "%u", *port);
    int problem = getaddrinfo(host, service, &hints, &found);
    if (problem != 0) {
        strbuf_printf(error, "--host '%s': %s", host, gai_strerror(problem));
        return -1;
    }
    int listener = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int yes = 1;
    if (listener >= 0) setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (listener < 0 || bind(listener, found->ai_addr, found->ai_addrlen) != 0 || listen(listener, 64) != 0) {
        int cause = errno;
        if (cause == EADDRINUSE)
            strbuf_printf(error, "port %u on %s is in use; choose another with --port N, or --port 0 for any free port",
                          *port, host);
        else if (cause == EACCES)
            strbuf_printf(error, "port %u on %s needs privileges; choose one above 1023, or --port 0", *port, host);
        else if (cause == EADDRNOTAVAIL)
            strbuf_printf(error, "--host '%s' is no address of this machine", host);
        else
            strbuf_printf(error, "cannot listen on %s port %u: %s", host, *port, strerror(cause));
        if (listener >= 0) close(listener);
        freeaddrinfo(found);
        return -1;
    }
    *loopback = serve_is_loopback(found->ai_addr);
    *ipv6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);
    struct sockaddr_storage bound;
    socklen_t length = sizeof bound;
    if (getsockname(listener, (struct sockaddr *)&bound, &length) == 0)
        *port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                                   : ((struct sockaddr_in *)&bound)->sin_port);
    return listener;
}

/* Starts a browser on url, its signals as usual (jrnc blocks Ctrl-C to read it itself);
 * the child's pid, or -1 after a warning. */
static pid_t serve_open_browser(jrn_serve_site *site, const char *url)
{
    static const char *const openers[] = {"xdg-open", "sensible-browser"};
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    pid_t child = -1;
    for (size_t i = 0; i < sizeof openers / sizeof openers[0] && child < 0; i++) {
        char *argv[] = {(char *)openers[i], (char *)url, NULL};
        pid_t pid;
        if (posix_spawnp(&pid, openers[i], NULL, &attributes, argv, environ) == 0) child = pid;
    }
    posix_spawnattr_destroy(&attributes);
    if (child < 0) serve_say(site, "--open: neither xdg-open nor sensible-browser is here; open the address yourself");
    return child;
}

/* Diagnostics text for the page (no colour) appended to page, and printed as usual. */
static void serve_report_diags(const jrn_cli *cli, jrn_serve_site *site, const jrn_diag_list *diags,
                               jrn_strbuf *page)
{
    pthread_mutex_lock(&site->lock);
    diag_render_text(diags, stderr, cli->color);
    pthread_mutex_unlock(&site->lock);
    serve_put_diags(diags, page);
}

/* Compiles the map (and its data), publishes the result and watches what it read. */
static void serve_compile(jrn_cli *cli, const serve_request *request, jrn_serve_site *site, jrn_watch *watch,
                          bool first)
{
    watch_add(watch, request->file);
    for (size_t i = 0; i < request->data_count; i++) watch_add(watch, request->data_files[i]);
    jrn_compilation *compilation = compile_new();
    bool ok = compile_file(compilation, request->file, &cli->compile);
    for (size_t i = 0; i < compilation->file_count; i++) watch_add(watch, compilation->files[i].source->path);
    diag_sort(&compilation->diags);
    jrn_strbuf errors = STRBUF_INIT;
    serve_report_diags(cli, site, &compilation->diags, &errors);
    jrn_actuals *actuals = NULL;
    if (ok && request->data_count > 0) {
        jrn_diag_list data_diags;
        diag_list_init(&data_diags, compilation->arena);
        ok = data_cli_collect(compilation, request->data_files, request->data_count, cli->today, &actuals, &data_diags) ==
             EXIT_CLEAN;
        serve_report_diags(cli, site, &data_diags, &errors);
    }
    jrn_strbuf message = STRBUF_INIT;
    watch_commit(watch, &message);
    if (message.length > 0) {
        message.data[--message.length] = '\0';
        serve_say(site, strbuf_text(&message));
        strbuf_clear(&message);
    }
    if (ok) {
        serve_site_publish(site, compilation, actuals, NULL);
        if (!first) strbuf_printf(&message, "'%s' redrawn", request->file);
    } else {
        serve_site_publish(site, NULL, NULL, strbuf_text(&errors));
        compile_free(compilation);
        strbuf_printf(&message, "'%s' has errors: the page shows them over the last good picture", request->file);
    }
    if (message.length > 0) serve_say(site, strbuf_text(&message));
    strbuf_free(&message);
    strbuf_free(&errors);
}

/* Checks the request; CLI_GO_ON or the exit status. */
static int serve_check(const serve_request *request, unsigned *port)
{
    if (request->file == NULL) return cli_usage_error("serve", "no input file");
    if (strcmp(request->file, "-") == 0) return cli_usage_error("serve", "standard input cannot be watched: name a file");
    if (request->view != NULL && !view_catalog_knows_kind(request->view))
        return cli_usage_error("serve", "--view takes full, canvas, spine, flow, blueprint, journey=ID or persona=ID, not '%s'",
                               request->view);
    *port = SERVE_DEFAULT_PORT;
    if (request->port != NULL && !serve_parse_port(request->port, port))
        return cli_usage_error("serve", "--port takes a number from 0 to 65535, not '%s'", request->port);
    return CLI_GO_ON;
}

/* Compiles at every save until Ctrl-C. */
static void serve_loop(jrn_cli *cli, const serve_request *request, jrn_serve_site *site, jrn_watch *watch,
                       pid_t browser)
{
    while (watch_wait(watch) == WATCH_CHANGED) {
        serve_compile(cli, request, site, watch, false);
        if (browser > 0 && waitpid(browser, NULL, WNOHANG) != 0) browser = -1;
    }
    if (browser > 0) waitpid(browser, NULL, WNOHANG);
}

int cmd_serve(jrn_cli *cli, int argc, char **argv)
{
    serve_request request = {0};
    unsigned port = 0;
    int status = cli_parse(cli, &serve_command, argc, argv, &request);
    if (status == CLI_GO_ON) status = serve_check(&request, &port);
    if (status != CLI_GO_ON) return status;
    const char *host = request.host != NULL ? request.host : "127.0.0.1";
    bool loopback = false, ipv6 = false;
    jrn_strbuf error = STRBUF_INIT;
    /* The drawing helper first, while this process has no thread but this one. */
    serve_draw_setup setup = {request.file, &cli->compile, request.data_files, request.data_count, cli->today};
    jrn_serve_drawer *drawer = serve_drawer_start(&setup, &error);
    int listener = drawer != NULL ? serve_listen(host, &port, &loopback, &ipv6, &error) : -1;
    /* Ctrl-C is blocked (read from a descriptor) before the server's threads start, so
     * they inherit that and the stop is always this thread's. */
    jrn_watch *watch = listener >= 0 ? watch_new(&error) : NULL;
    if (watch == NULL) {
        if (listener >= 0) close(listener);
        serve_drawer_stop(drawer);
        serve_say(NULL, strbuf_text(&error));
        strbuf_free(&error);
        return EXIT_USAGE;
    }
    if (!loopback) {
        jrn_strbuf warning = STRBUF_INIT;
        strbuf_printf(&warning, "warning: listening on %s: anyone who can reach this machine on port %u can read the map",
                      host, port);
        serve_say(NULL, strbuf_text(&warning));
        strbuf_free(&warning);
    }
    jrn_serve_site site;
    serve_site_init(&site, request.file, request.view, drawer);
    serve_compile(cli, &request, &site, watch, true);
    jrn_serve_http *http = serve_http_start(&site, listener, ipv6, loopback, &error);
    if (http == NULL) {
        serve_say(NULL, strbuf_text(&error));
        status = EXIT_USAGE;
    } else {
        jrn_strbuf url = STRBUF_INIT;
        strbuf_printf(&url, ipv6 ? "http://[%s]:%u/" : "http://%s:%u/", host, port);
        pthread_mutex_lock(&site.lock);
        printf("%s\n", strbuf_text(&url));
        fflush(stdout);
        pthread_mutex_unlock(&site.lock);
        jrn_strbuf message = STRBUF_INIT;
        strbuf_printf(&message, "serving '%s' at %s (Ctrl-C stops)", request.file, strbuf_text(&url));
        serve_say(&site, strbuf_text(&message));
        strbuf_free(&message);
        pid_t browser = request.open ? serve_open_browser(&site, strbuf_text(&url)) : -1;
        strbuf_free(&url);
        serve_loop(cli, &request, &site, watch, browser);
        serve_http_stop(http);
        status = EXIT_CLEAN;
    }
    strbuf_free(&error);
    serve_site_dispose(&site);
    serve_drawer_stop(drawer);
    watch_free(watch);
    return status;
}
