/* descriptor.h — whole transfers on open descriptors (files, pipes between jrnc's
 * processes, sockets): every byte or a failure, again after an interrupted or short read,
 * write or send. */
#ifndef JRN_DESCRIPTOR_H
#define JRN_DESCRIPTOR_H

#include <stdbool.h>
#include <stddef.h>

/* Writes every byte; false (errno says why) when it cannot. */
bool descriptor_write_all(int fd, const void *data, size_t length);

/* The same on a socket with send(MSG_NOSIGNAL): when the other end is gone the send fails
 * instead of a SIGPIPE ending the process. */
bool descriptor_send_all(int socket, const void *data, size_t length);

/* Reads exactly length bytes; false at the end of the input (or an error) before that. */
bool descriptor_read_all(int fd, void *data, size_t length);

#endif
