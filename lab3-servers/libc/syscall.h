/*
 * syscall.h - how the C library makes a system call (inside the library
 * only; programs include the standard headers).
 *
 * A system call is one message: the library fills in a request of
 * servers.h, SENDRECs it to PM or FS, and the reply's type is the result.
 * pm_call and fs_call turn that result into the C convention: a value
 * >= 0 is returned as it is; an error sets errno and returns -1.
 */
#ifndef LIBC_SYSCALL_H
#define LIBC_SYSCALL_H

#include <types.h>
#include <ipc.h>
#include <servers.h>
#include <errno.h>
#include <string.h>

/* lab2-ipc/user/ipc.S */
int ipc_sendrec(endpoint_t partner, message *m);

/* A request of the given type in a zeroed message. */
static inline void message_init(message *m, int type)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
}

/* SENDREC m to PM; the reply replaces it. Returns the result or -1 (errno). */
int pm_call(message *m);
/* The same, to FS. */
int fs_call(message *m);

/* SENDREC to FS an fs_path request (path, flags, mode) of type (file.c). */
int fs_path_call(int type, const char *path, int flags, mode_t mode);

/* SENDREC to FS an fs_io request (fd, buffer, count) of type (file.c). */
int fs_io_call(int type, int fd, const void *buffer, size_t count);

/*
 * Check a path argument and put its address and length (without the NUL)
 * into *address and *length. Returns 0, or -1 with errno EFAULT (NULL),
 * ENOENT (empty) or ENAMETOOLONG.
 */
int path_argument(const char *path, uint32_t *address, uint32_t *length);

/* Flush every stdio stream (stdio.c): before exit, fork, exec, shutdown. */
void stdio_flush_all(void);

#endif /* LIBC_SYSCALL_H */
