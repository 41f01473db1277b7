/* change_on_open.c — a test double for a file edited while jrnc reads it: preloaded
 * (LD_PRELOAD), it appends a line to CHANGE_PATH just before the CHANGE_AT-th open() of
 * that path, so a test can change the file between two of jrnc's reads of it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void change_file(const char *path)
{
    FILE *file = fopen(path, "a");
    if (file == NULL) return;
    fputs("\n# edited while jrnc was reading\n", file);
    fclose(file);
}

int open(const char *path, int flags, ...)
{
    static int (*real_open)(const char *, int, ...);
    static int opens;
    if (real_open == NULL) real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list arguments;
        va_start(arguments, flags);
        mode = (mode_t)va_arg(arguments, int);
        va_end(arguments);
    }
    const char *target = getenv("CHANGE_PATH"), *at = getenv("CHANGE_AT");
    if (target != NULL && at != NULL && strcmp(path, target) == 0 && ++opens == atoi(at)) change_file(target);
    return real_open(path, flags, mode);
}
