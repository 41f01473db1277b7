/* output.c — writes a result whole or not at all, the way a careful editor saves: never
 * over an input, a read-only file, another hard link's text or the file's owner. */
#include "jrn/output.h"
#include "jrn/descriptor.h"
#include "jrn/memory.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

/* Symbolic links followed before giving up, as the kernel does (ELOOP). */
enum { OUTPUT_LINK_LIMIT = 40 };

/* The temporary sibling's name: "." NAME ".jrnc-XXXXXX", NAME cut to fit a file name. */
static const char output_temporary_suffix[] = ".jrnc-XXXXXX";

void output_inputs_add(jrn_output_inputs *inputs, const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0) return;
    if (inputs->count == inputs->capacity) {
        inputs->capacity = inputs->capacity ? inputs->capacity * 2 : 8;
        inputs->paths = memory_realloc_array(inputs->paths, inputs->capacity, sizeof *inputs->paths);
    }
    inputs->paths[inputs->count++] = path;
}

void output_inputs_free(jrn_output_inputs *inputs)
{
    free(inputs->paths);
    *inputs = (jrn_output_inputs)OUTPUT_INPUTS_INIT;
}

static bool output_fail(jrn_strbuf *error, int error_number)
{
    strbuf_puts(error, strerror(error_number));
    return false;
}

/* The descriptor a path names: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N,
 * /proc/thread-self/fd/N or /proc/PID/fd/N of this process; -1 for any other path. */
static int output_descriptor_named(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0) return STDOUT_FILENO;
    if (strcmp(path, "/dev/stderr") == 0) return STDERR_FILENO;
    const char *number = NULL;
    char own[64];
    snprintf(own, sizeof own, "/proc/%ld/fd/", (long)getpid());
    const char *prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", own};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes && number == NULL; i++) {
        size_t prefix_length = strlen(prefixes[i]);
        if (strncmp(path, prefixes[i], prefix_length) == 0) number = path + prefix_length;
    }
    if (number == NULL || *number < '0' || *number > '9') return -1;
    char *end;
    long fd = strtol(number, &end, 10);
    return *end == '\0' && fd <= INT_MAX ? (int)fd : -1;
}

/* The folder part of path ("." for a bare name, "/" for a name in the root). */
static void output_folder_of(const char *path, jrn_strbuf *folder)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) strbuf_putc(folder, '.');
    else if (slash == path) strbuf_putc(folder, '/');
    else strbuf_append(folder, path, (size_t)(slash - path));
}

/* True when path's folder (or path) is a kernel file system: /proc and /sys hold no
 * files that can be replaced, and their links are not names of files. */
static bool output_on_kernel_files(const char *path)
{
    struct statfs info;
    if (statfs(path, &info) != 0) return false;
    return info.f_type == PROC_SUPER_MAGIC || info.f_type == SYSFS_MAGIC;
}

typedef enum output_target_kind {
    TARGET_DESCRIPTOR,   /* an open descriptor of this process */
    TARGET_KERNEL_LINK,  /* a /proc link: written by opening it */
    TARGET_FILE,         /* the end of the links: an existing file or a name to create */
} output_target_kind;

/* Follows the symbolic links from path to where the output goes: *target receives the
 * final name (which may not exist: a dangling link's target is created). Returns 0 or an
 * errno value. */
static int output_resolve(const char *path, jrn_strbuf *target, output_target_kind *kind,
                          int *descriptor)
{
    strbuf_puts(target, path);
    for (int followed = 0; followed <= OUTPUT_LINK_LIMIT; followed++) {
        *descriptor = output_descriptor_named(strbuf_text(target));
        if (*descriptor >= 0) {
            *kind = TARGET_DESCRIPTOR;
            return 0;
        }
        struct stat info;
        if (lstat(strbuf_text(target), &info) != 0) {
            *kind = TARGET_FILE;
            return errno == ENOENT ? 0 : errno;
        }
        if (!S_ISLNK(info.st_mode)) {
            *kind = TARGET_FILE;
            return 0;
        }
        jrn_strbuf folder = STRBUF_INIT;
        output_folder_of(strbuf_text(target), &folder);
        if (output_on_kernel_files(strbuf_text(&folder))) {
            strbuf_free(&folder);
            *kind = TARGET_KERNEL_LINK;
            return 0;
        }
        char link[PATH_MAX];
        ssize_t length = readlink(strbuf_text(target), link, sizeof link - 1);
        if (length < 0) {
            strbuf_free(&folder);
            return errno;
        }
        link[length] = '\0';
        strbuf_clear(target);
        if (link[0] != '/') {
            strbuf_append(target, strbuf_text(&folder), folder.length);
            strbuf_putc(target, '/');
        }
        strbuf_puts(target, link);
        strbuf_free(&folder);
    }
    return ELOOP;
}

/* True when the file is one of inputs (same device and inode); names it in error. */
static bool output_is_input(const struct stat *file, const jrn_output_inputs *inputs,
                            jrn_strbuf *error)
{
    for (size_t i = 0; inputs != NULL && i < inputs->count; i++) {
        struct stat input;
        if (stat(inputs->paths[i], &input) != 0) continue;
        if (input.st_dev == file->st_dev && input.st_ino == file->st_ino) {
            strbuf_printf(error, "it is an input of this run ('%s'); jrnc never writes over "
                                 "its inputs: choose another output file", inputs->paths[i]);
            return true;
        }
    }
    return false;
}

typedef enum output_mode {
    OUTPUT_DESCRIPTOR,  /* an open descriptor of this process: each part written as it comes */
    OUTPUT_TEMPORARY,   /* a temporary sibling, renamed over the target by output_finish */
    OUTPUT_DEVICE,      /* a device, FIFO or kernel file: opened and written whole at the finish */
    OUTPUT_INTO,        /* an existing file kept (its links, its owner): rewritten whole at the finish */
} output_mode;

struct jrn_output {
    output_mode mode;
    int fd;                      /* DESCRIPTOR (not ours to close), TEMPORARY */
    jrn_strbuf target;           /* the file written: TEMPORARY, DEVICE, INTO */
    jrn_strbuf temporary;        /* TEMPORARY: the sibling's name */
    struct stat existing;        /* INTO: the file as it was found */
    jrn_strbuf held;             /* DEVICE, INTO: the parts so far */
    int failure;                 /* the errno of the first part that could not be written, or 0 */
    struct sigaction previous;   /* SIGXFSZ's handling before output_open */
};

/* Closes fd, keeping the first failure in *ok / *saved_errno. */
static void output_close(int fd, bool *ok, int *saved_errno)
{
    if (close(fd) != 0 && *ok) {
        *ok = false;
        *saved_errno = errno;
    }
}

/* Devices, FIFOs and kernel files: opened and written, never created or replaced. */
static bool output_write_device(const char *path, const char *data, size_t length, jrn_strbuf *error)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY);
    if (fd < 0) return output_fail(error, errno);
    bool ok = descriptor_write_all(fd, data, length);
    int saved_errno = errno;
    output_close(fd, &ok, &saved_errno);
    return ok || output_fail(error, saved_errno);
}

/* Writes the complete text into the existing regular file itself (its links, owner and
 * every attribute stay): space is reserved first, so a full disk fails before the old
 * text is touched. */
static bool output_write_into(const char *path, const struct stat *existing, const char *data,
                              size_t length, jrn_strbuf *error)
{
    int fd = open(path, O_WRONLY | O_NOCTTY);
    if (fd < 0) return output_fail(error, errno);
    struct stat opened;
    if (fstat(fd, &opened) != 0 || opened.st_dev != existing->st_dev || opened.st_ino != existing->st_ino) {
        close(fd);
        strbuf_puts(error, "the file changed while it was being written; nothing was written");
        return false;
    }
    if (length > (size_t)existing->st_size) {
        int reserved = posix_fallocate(fd, 0, (off_t)length);
        if (reserved == ENOSPC || reserved == EFBIG || reserved == EDQUOT) {
            close(fd);
            return output_fail(error, reserved);
        }
    }
    bool ok = descriptor_write_all(fd, data, length) && ftruncate(fd, (off_t)length) == 0 && fsync(fd) == 0;
    int saved_errno = errno;
    output_close(fd, &ok, &saved_errno);
    if (!ok) {
        strbuf_printf(error, "%s (the file was being rewritten in place and may be incomplete)",
                      strerror(saved_errno));
    }
    return ok;
}

/* The hidden temporary sibling's name for path: "." NAME ".jrnc-XXXXXX" in path's folder,
 * NAME cut (at a character boundary) so the whole fits in NAME_MAX bytes. */
static void output_temporary_name(const char *path, jrn_strbuf *temporary)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    if (slash != NULL) strbuf_append(temporary, path, (size_t)(name - path));
    size_t room = NAME_MAX - 1 - (sizeof output_temporary_suffix - 1);
    size_t name_length = strlen(name);
    if (name_length > room) {
        name_length = room;
        while (name_length > 0 && ((unsigned char)name[name_length] & 0xC0) == 0x80) name_length--;
    }
    strbuf_putc(temporary, '.');
    strbuf_append(temporary, name, name_length);
    strbuf_puts(temporary, output_temporary_suffix);
}

typedef enum output_replace_result {
    REPLACE_STARTED,
    REPLACE_FAILED,
    REPLACE_NOT_KEEPING,   /* renaming would lose the owner or cannot create a sibling */
} output_replace_result;

/* Creates the temporary sibling of output's target that output_finish renames over it:
 * with an existing file, its mode is kept, and REPLACE_NOT_KEEPING is returned, nothing
 * left behind, when its owner and group cannot be or when the folder takes no new file. */
static output_replace_result output_start_replace(jrn_output *output, const struct stat *existing,
                                                  jrn_strbuf *error)
{
    output_temporary_name(strbuf_text(&output->target), &output->temporary);
    char *name = output->temporary.data;
    int fd = mkstemp(name);
    if (fd < 0) {
        int saved_errno = errno;
        bool folder_refuses = saved_errno == EACCES || saved_errno == EPERM;
        if (existing != NULL && folder_refuses) return REPLACE_NOT_KEEPING;
        output_fail(error, saved_errno);
        return REPLACE_FAILED;
    }
    int mode_failure = 0;
    if (existing != NULL) {
        struct stat created;
        bool same_owner = fstat(fd, &created) == 0 && created.st_uid == existing->st_uid &&
                          created.st_gid == existing->st_gid;
        if (!same_owner && fchown(fd, existing->st_uid, existing->st_gid) != 0) {
            close(fd);
            unlink(name);
            return REPLACE_NOT_KEEPING;
        }
        /* After fchown, which clears set-user-ID and set-group-ID bits. */
        if (fchmod(fd, existing->st_mode & 07777) != 0) mode_failure = errno;
    } else {
        /* mkstemp creates 0600: give the mode a plain create would. */
        mode_t mask = umask(0);
        umask(mask);
        if (fchmod(fd, 0666 & ~mask) != 0) mode_failure = errno;
    }
    if (mode_failure != 0) {
        close(fd);
        unlink(name);
        output_fail(error, mode_failure);
        return REPLACE_FAILED;
    }
    output->mode = OUTPUT_TEMPORARY;
    output->fd = fd;
    return REPLACE_STARTED;
}

/* Devices, FIFOs and kernel files: written in place at the finish, never replaced. */
static bool output_start_device(jrn_output *output)
{
    output->mode = OUTPUT_DEVICE;
    return true;
}

static bool output_start_into(jrn_output *output, const struct stat *existing)
{
    output->mode = OUTPUT_INTO;
    output->existing = *existing;
    return true;
}

/* An existing regular file: refused when it is an input or cannot be written; replaced
 * by renaming when that keeps everything; otherwise written into. */
static bool output_start_existing(jrn_output *output, const struct stat *existing,
                                  const jrn_output_inputs *inputs, jrn_strbuf *error)
{
    const char *path = strbuf_text(&output->target);
    if (output_is_input(existing, inputs, error)) return false;
    bool kernel_file = output_on_kernel_files(path);
    if ((existing->st_mode & 0222) == 0) {
        if (kernel_file) strbuf_puts(error, "it is a read-only file of the kernel");
        else strbuf_printf(error, "it is read-only (mode %04o); make it writable or choose another "
                                  "output file", (unsigned)(existing->st_mode & 07777));
        return false;
    }
    if (access(path, W_OK) != 0) {
        strbuf_printf(error, "%s: you may not write it; jrnc replaces only files you can write",
                      strerror(errno));
        return false;
    }
    if (kernel_file) return output_start_device(output);
    if (existing->st_nlink > 1) return output_start_into(output, existing);
    output_replace_result replaced = output_start_replace(output, existing, error);
    if (replaced == REPLACE_NOT_KEEPING) return output_start_into(output, existing);
    return replaced == REPLACE_STARTED;
}

/* An open descriptor: refused when it is one of inputs. */
static bool output_start_descriptor(jrn_output *output, int fd, const jrn_output_inputs *inputs,
                                    jrn_strbuf *error)
{
    struct stat info;
    if (fstat(fd, &info) != 0) return output_fail(error, errno);
    if (S_ISREG(info.st_mode) && output_is_input(&info, inputs, error)) return false;
    output->mode = OUTPUT_DESCRIPTOR;
    output->fd = fd;
    return true;
}

/* Decides where path's output goes, and how (the output's mode). */
static bool output_start(jrn_output *output, const char *path, const jrn_output_inputs *inputs,
                         jrn_strbuf *error)
{
    if (path == NULL || strcmp(path, "-") == 0) return output_start_descriptor(output, STDOUT_FILENO, inputs, error);
    output_target_kind kind;
    int descriptor;
    int failure = output_resolve(path, &output->target, &kind, &descriptor);
    if (failure != 0) return output_fail(error, failure);
    if (kind == TARGET_DESCRIPTOR) return output_start_descriptor(output, descriptor, inputs, error);
    if (kind == TARGET_KERNEL_LINK) return output_start_device(output);
    struct stat existing;
    if (stat(strbuf_text(&output->target), &existing) != 0) {
        if (errno != ENOENT) return output_fail(error, errno);
        return output_start_replace(output, NULL, error) == REPLACE_STARTED;
    }
    if (S_ISDIR(existing.st_mode)) return output_fail(error, EISDIR);
    if (!S_ISREG(existing.st_mode)) return output_start_device(output);
    return output_start_existing(output, &existing, inputs, error);
}

static void output_free(jrn_output *output)
{
    sigaction(SIGXFSZ, &output->previous, NULL);
    strbuf_free(&output->target);
    strbuf_free(&output->temporary);
    strbuf_free(&output->held);
    free(output);
}

jrn_output *output_open(const char *path, const jrn_output_inputs *inputs, jrn_strbuf *error)
{
    jrn_output *output = memory_calloc(1, sizeof *output);
    output->fd = -1;
    /* Past a file size limit, a write fails with EFBIG (reported, the temporary removed)
     * instead of the signal killing the process and leaving the temporary behind. */
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, &output->previous);
    if (!output_start(output, path, inputs, error)) {
        output_free(output);
        return NULL;
    }
    return output;
}

/* Whether output takes its whole text at the finish instead of each part as it comes. */
static bool output_holds(const jrn_output *output)
{
    return output->mode == OUTPUT_DEVICE || output->mode == OUTPUT_INTO;
}

bool output_put(jrn_output *output, const char *data, size_t length)
{
    if (output->failure != 0) return false;
    if (output_holds(output)) {
        strbuf_append(&output->held, data, length);
    } else if (!descriptor_write_all(output->fd, data, length)) {
        output->failure = errno;
        return false;
    }
    return true;
}

/* Ends a temporary sibling: flushed to disk and renamed over the target, or removed. */
static bool output_finish_replace(jrn_output *output, jrn_strbuf *error)
{
    const char *name = strbuf_text(&output->temporary);
    bool ok = output->failure == 0;
    int saved_errno = output->failure;
    if (ok && fsync(output->fd) != 0) {
        ok = false;
        saved_errno = errno;
    }
    output_close(output->fd, &ok, &saved_errno);
    if (ok && rename(name, strbuf_text(&output->target)) != 0) {
        ok = false;
        saved_errno = errno;
    }
    if (!ok) {
        unlink(name);
        output_fail(error, saved_errno);
    }
    return ok;
}

/* Completes output with data, its last part, and frees it: a held output writes its
 * text from data itself when nothing was put before (no copy of a whole result). */
static bool output_complete(jrn_output *output, const char *data, size_t length, jrn_strbuf *error)
{
    if (!output_holds(output)) {
        output_put(output, data, length);
    } else if (output->held.length > 0) {
        strbuf_append(&output->held, data, length);
        data = output->held.data;
        length = output->held.length;
    }
    bool ok;
    const char *target = strbuf_text(&output->target);
    switch (output->mode) {
    case OUTPUT_DESCRIPTOR: ok = output->failure == 0 || output_fail(error, output->failure); break;
    case OUTPUT_TEMPORARY: ok = output_finish_replace(output, error); break;
    case OUTPUT_DEVICE: ok = output_write_device(target, data, length, error); break;
    default: ok = output_write_into(target, &output->existing, data, length, error); break;
    }
    output_free(output);
    return ok;
}

bool output_finish(jrn_output *output, jrn_strbuf *error)
{
    return output_complete(output, "", 0, error);
}

void output_abandon(jrn_output *output)
{
    if (output->mode == OUTPUT_TEMPORARY) {
        close(output->fd);
        unlink(strbuf_text(&output->temporary));
    }
    output_free(output);
}

bool output_write(const char *path, const char *data, size_t length,
                  const jrn_output_inputs *inputs, jrn_strbuf *error)
{
    jrn_output *output = output_open(path, inputs, error);
    return output != NULL && output_complete(output, data, length, error);
}
