/* output.c — atomic output: a temporary sibling file renamed over the target. */
#include "jrn/output.h"

#include <errno.h>
#include <fcntl.h>
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

/* Devices and FIFOs (-o /dev/null, -o /dev/stdout, a named pipe) are written in place:
 * renaming a file over them would replace the device. */
static bool output_write_in_place(const char *path, const char *data, size_t length,
                                  const char **error_text)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0) {
        *error_text = strerror(errno);
        return false;
    }
    bool ok = output_write_all(fd, data, length);
    int saved_errno = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (!ok) *error_text = strerror(saved_errno);
    return ok;
}

/* Writes a temporary sibling of path and renames it into place; an existing file's
 * permissions are kept. */
static bool output_write_replacing(const char *path, const struct stat *existing,
                                   const char *data, size_t length, const char **error_text)
{
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
    /* mkstemp creates 0600; give the file the mode it had, or the one a plain create would. */
    if (existing != NULL) {
        fchmod(fd, existing->st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
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

bool output_write(const char *path, const char *data, size_t length, const char **error_text)
{
    if (path == NULL || strcmp(path, "-") == 0) {
        if (!output_write_all(STDOUT_FILENO, data, length)) {
            *error_text = strerror(errno);
            return false;
        }
        return true;
    }
    struct stat existing;
    bool exists = stat(path, &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode)) {
        if (S_ISDIR(existing.st_mode)) {
            *error_text = strerror(EISDIR);
            return false;
        }
        return output_write_in_place(path, data, length, error_text);
    }
    /* Through a symbolic link, the file it points to is replaced, not the link. */
    char *resolved = exists ? realpath(path, NULL) : NULL;
    if (resolved != NULL) path = resolved;
    bool ok = output_write_replacing(path, exists ? &existing : NULL, data, length, error_text);
    free(resolved);
    return ok;
}
