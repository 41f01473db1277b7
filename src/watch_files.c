/* watch_files.c — waits for a save of any file a compilation read: inotify on the files'
 * folders (so a file replaced by rename is still seen), a signalfd for Ctrl-C, and a quiet
 * time that makes an editor's burst of writes one change. */
#include "jrn/watch_files.h"
#include "jrn/memory.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A change counts once no further change came for WATCH_QUIET_MS, or WATCH_LIMIT_MS after
 * it came however busy the folder is: a save shows within well under a second. */
enum { WATCH_QUIET_MS = 40, WATCH_LIMIT_MS = 400 };

/* What a folder is watched for: its files written, replaced, created, removed or touched,
 * and the folder itself going away. */
static const uint32_t watch_mask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

/* One watched folder and the names in it that matter. */
typedef struct watch_folder {
    int descriptor;          /* inotify's watch descriptor: one per folder, however spelt */
    char **names;
    size_t name_count;
} watch_folder;

struct jrn_watch {
    int inotify_fd;
    int signal_fd;
    sigset_t stop_signals;
    sigset_t previous_mask;
    struct sigaction previous_actions[2];   /* SIGINT's and SIGTERM's on entry */
    watch_folder *folders;
    size_t folder_count;
    char **pending;          /* paths added since the last commit */
    size_t pending_count;
};

static char *watch_strdup(const char *text)
{
    size_t length = strlen(text) + 1;
    char *copy = memory_calloc(length, 1);
    memcpy(copy, text, length);
    return copy;
}

jrn_watch *watch_new(jrn_strbuf *error)
{
    jrn_watch *watch = memory_calloc(1, sizeof *watch);
    sigemptyset(&watch->stop_signals);
    sigaddset(&watch->stop_signals, SIGINT);
    sigaddset(&watch->stop_signals, SIGTERM);
    /* A signal ignored on entry (a shell without job control starts background commands
     * with SIGINT ignored) would never reach the descriptor: `kill -INT` must still stop
     * the watch, so ignoring gives way to the default, which blocking then holds off. */
    static const int stops[2] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < 2; i++) {
        sigaction(stops[i], NULL, &watch->previous_actions[i]);
        if (watch->previous_actions[i].sa_handler == SIG_IGN) {
            struct sigaction taken = {.sa_handler = SIG_DFL};
            sigemptyset(&taken.sa_mask);
            sigaction(stops[i], &taken, NULL);
        }
    }
    pthread_sigmask(SIG_BLOCK, &watch->stop_signals, &watch->previous_mask);
    watch->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    watch->signal_fd = signalfd(-1, &watch->stop_signals, SFD_NONBLOCK | SFD_CLOEXEC);
    if (watch->inotify_fd < 0 || watch->signal_fd < 0) {
        strbuf_printf(error, "cannot watch files: %s", strerror(errno));
        watch_free(watch);
        return NULL;
    }
    return watch;
}

static void watch_free_folders(watch_folder *folders, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        for (size_t n = 0; n < folders[i].name_count; n++) free(folders[i].names[n]);
        free(folders[i].names);
    }
    free(folders);
}

static void watch_free_pending(jrn_watch *watch)
{
    for (size_t i = 0; i < watch->pending_count; i++) free(watch->pending[i]);
    free(watch->pending);
    watch->pending = NULL;
    watch->pending_count = 0;
}

void watch_free(jrn_watch *watch)
{
    if (watch == NULL) return;
    if (watch->inotify_fd >= 0) close(watch->inotify_fd);
    if (watch->signal_fd >= 0) close(watch->signal_fd);
    watch_free_folders(watch->folders, watch->folder_count);
    watch_free_pending(watch);
    /* A second Ctrl-C that came while stopping would kill the process once unblocked:
     * it is taken first, so stopping stays clean. */
    struct timespec now = {0, 0};
    while (sigtimedwait(&watch->stop_signals, NULL, &now) > 0) continue;
    static const int stops[2] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < 2; i++) sigaction(stops[i], &watch->previous_actions[i], NULL);
    pthread_sigmask(SIG_SETMASK, &watch->previous_mask, NULL);
    free(watch);
}

void watch_add(jrn_watch *watch, const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0) return;
    MEMORY_PUSH(watch->pending, watch->pending_count, watch_strdup(path));
    struct stat info;
    if (lstat(path, &info) == 0 && S_ISLNK(info.st_mode)) {
        char *target = realpath(path, NULL);
        if (target != NULL) MEMORY_PUSH(watch->pending, watch->pending_count, target);
    }
}

/* path's folder ("." for a bare name) into folder (PATH_MAX bytes); returns the name. */
static const char *watch_split(const char *path, char *folder)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        strcpy(folder, ".");
        return path;
    }
    size_t length = slash == path ? 1 : (size_t)(slash - path);
    if (length >= PATH_MAX) length = PATH_MAX - 1;
    memcpy(folder, path, length);
    folder[length] = '\0';
    return slash + 1;
}

static watch_folder *watch_find_folder(watch_folder *folders, size_t count, int descriptor)
{
    for (size_t i = 0; i < count; i++) {
        if (folders[i].descriptor == descriptor) return &folders[i];
    }
    return NULL;
}

static bool watch_folder_has(const watch_folder *folder, const char *name)
{
    for (size_t n = 0; n < folder->name_count; n++) {
        if (strcmp(folder->names[n], name) == 0) return true;
    }
    return false;
}

void watch_commit(jrn_watch *watch, jrn_strbuf *warning)
{
    watch_folder *folders = NULL;
    size_t count = 0;
    /* Adding a watch on a folder already watched returns its descriptor: the new set is
     * in place before any old folder is let go, so no change falls between the two. */
    for (size_t i = 0; i < watch->pending_count; i++) {
        char folder_path[PATH_MAX];
        const char *name = watch_split(watch->pending[i], folder_path);
        if (name[0] == '\0') continue;
        int descriptor = inotify_add_watch(watch->inotify_fd, folder_path, watch_mask);
        if (descriptor < 0) {
            strbuf_printf(warning, "cannot watch the folder '%s' of '%s': %s\n", folder_path, watch->pending[i],
                          strerror(errno));
            continue;
        }
        watch_folder *folder = watch_find_folder(folders, count, descriptor);
        if (folder == NULL) {
            MEMORY_PUSH(folders, count, ((watch_folder){descriptor, NULL, 0}));
            folder = &folders[count - 1];
        }
        if (!watch_folder_has(folder, name)) MEMORY_PUSH(folder->names, folder->name_count, watch_strdup(name));
    }
    for (size_t i = 0; i < watch->folder_count; i++) {
        if (watch_find_folder(folders, count, watch->folders[i].descriptor) == NULL)
            inotify_rm_watch(watch->inotify_fd, watch->folders[i].descriptor);
    }
    watch_free_folders(watch->folders, watch->folder_count);
    watch->folders = folders;
    watch->folder_count = count;
    watch_free_pending(watch);
}

/* Reads every queued event; true when one concerns a watched file (or events were lost,
 * or a watched folder went away: then anything may have changed). */
static bool watch_read_events(jrn_watch *watch)
{
    bool relevant = false;
    char buffer[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t length = read(watch->inotify_fd, buffer, sizeof buffer);
        if (length <= 0) return relevant;
        for (char *at = buffer; at < buffer + length;) {
            const struct inotify_event *event = (const struct inotify_event *)(void *)at;
            at += sizeof *event + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                relevant = true;
                continue;
            }
            const watch_folder *folder = watch_find_folder(watch->folders, watch->folder_count, event->wd);
            if (folder == NULL) continue;
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) relevant = true;
            else if (event->len > 0 && watch_folder_has(folder, event->name)) relevant = true;
        }
    }
}

static int64_t watch_now_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

jrn_watch_event watch_wait(jrn_watch *watch)
{
    int64_t first_change = -1;
    for (;;) {
        int timeout = -1;
        if (first_change >= 0) {
            int64_t left = WATCH_LIMIT_MS - (watch_now_ms() - first_change);
            if (left <= 0) return WATCH_CHANGED;
            timeout = left < WATCH_QUIET_MS ? (int)left : WATCH_QUIET_MS;
        }
        struct pollfd descriptors[2] = {{watch->signal_fd, POLLIN, 0}, {watch->inotify_fd, POLLIN, 0}};
        int ready = poll(descriptors, 2, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) return WATCH_STOP;
        if (ready == 0) return WATCH_CHANGED;
        if (descriptors[0].revents != 0) {
            struct signalfd_siginfo signal_info;
            if (read(watch->signal_fd, &signal_info, sizeof signal_info) > 0) return WATCH_STOP;
        }
        if (descriptors[1].revents != 0 && watch_read_events(watch) && first_change < 0)
            first_change = watch_now_ms();
    }
}
