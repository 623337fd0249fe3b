/* fcntl.h - opening files and changing descriptors (file.c); the O_*,
 * F_* and FD_CLOEXEC values are posix.h's. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <types.h>
#include <posix.h>

int open(const char *path, int flags, ...);	/* mode_t mode with O_CREAT */
int creat(const char *path, mode_t mode);
int fcntl(int fd, int command, ...);		/* int argument */

#endif /* _FCNTL_H */
