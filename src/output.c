/* output.c — atomic output: a temporary sibling file renamed over the target. */
#include "jrn/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool output_write_all(int fd, const char *data, size_t length)
{
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += written;
        length -= (size_t)written;
    }
    return true;
}

bool output_write(const char *path, const char *data, size_t length, const char **error_text)
{
    if (path == NULL || strcmp(path, "-") == 0) {
        if (!output_write_all(STDOUT_FILENO, data, length)) {
            *error_text = strerror(errno);
            return false;
        }
        return true;
    }
    size_t path_length = strlen(path);
    char *temporary = malloc(path_length + 16);
    if (temporary == NULL) {
        *error_text = "out of memory";
        return false;
    }
    snprintf(temporary, path_length + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(temporary);
    if (fd < 0) {
        *error_text = strerror(errno);
        free(temporary);
        return false;
    }
    /* mkstemp creates 0600; give the file the mode a plain create would. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    bool ok = output_write_all(fd, data, length) && fsync(fd) == 0;
    int saved_errno = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok && rename(temporary, path) != 0) {
        ok = false;
        saved_errno = errno;
    }
    if (!ok) {
        unlink(temporary);
        *error_text = strerror(saved_errno);
    }
    free(temporary);
    return ok;
}
