/* descriptor.c — whole transfers on open descriptors (descriptor.h). */
#include "jrn/descriptor.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

/* One read, write or send of up to length bytes at data. */
typedef ssize_t descriptor_step(int fd, char *data, size_t length);

static ssize_t descriptor_write_step(int fd, char *data, size_t length)
{
    return write(fd, data, length);
}

static ssize_t descriptor_send_step(int fd, char *data, size_t length)
{
    return send(fd, data, length, MSG_NOSIGNAL);
}

static ssize_t descriptor_read_step(int fd, char *data, size_t length)
{
    return read(fd, data, length);
}

/* Steps until length bytes have moved; a step that moves nothing (the end of the input)
 * or fails other than by an interruption ends it. */
static bool descriptor_transfer(int fd, char *data, size_t length, descriptor_step *step)
{
    while (length > 0) {
        ssize_t moved = step(fd, data, length);
        if (moved < 0 && errno == EINTR) continue;
        if (moved <= 0) return false;
        data += moved;
        length -= (size_t)moved;
    }
    return true;
}

bool descriptor_write_all(int fd, const void *data, size_t length)
{
    return descriptor_transfer(fd, (char *)data, length, descriptor_write_step);
}

bool descriptor_send_all(int socket, const void *data, size_t length)
{
    return descriptor_transfer(socket, (char *)data, length, descriptor_send_step);
}

bool descriptor_read_all(int fd, void *data, size_t length)
{
    return descriptor_transfer(fd, data, length, descriptor_read_step);
}
