/* watch_files.h — waiting for a save: the files a compilation read, watched with inotify
 * through their folders, and Ctrl-C (SIGINT, SIGTERM) read as an event rather than a
 * death. Shared by `jrnc watch` and `jrnc serve`. */
#ifndef JRN_WATCH_FILES_H
#define JRN_WATCH_FILES_H

#include <stdbool.h>

#include "jrn/strbuf.h"

typedef struct jrn_watch jrn_watch;

typedef enum jrn_watch_event {
    WATCH_CHANGED,   /* a watched file changed and the burst of writes is over */
    WATCH_STOP,      /* SIGINT or SIGTERM arrived */
} jrn_watch_event;

/* Blocks SIGINT and SIGTERM in the calling thread (threads started after inherit that)
 * and opens the inotify and signal descriptors. NULL after appending why to error. */
jrn_watch *watch_new(jrn_strbuf *error);
/* Closes the descriptors and restores the signal mask watch_new found. */
void watch_free(jrn_watch *watch);

/* Adds path to the set the next watch_commit watches (copied; "-" is skipped). A symbolic
 * link is watched both as the name and as the file it reaches. */
void watch_add(jrn_watch *watch, const char *path);
/* Watches exactly the files added since the last commit, through their folders: an editor
 * that saves by writing a new file and renaming it over the old one is seen, as is one
 * that truncates and writes in place. Folders no longer needed are let go; a folder that
 * cannot be watched is named in warning (one line each), and the rest still are. */
void watch_commit(jrn_watch *watch, jrn_strbuf *warning);

/* Waits until a watched file is written, replaced, created, removed or renamed and then
 * no further change comes for a short quiet time (an editor's burst of writes is one
 * change), or until a stop signal. */
jrn_watch_event watch_wait(jrn_watch *watch);

#endif
