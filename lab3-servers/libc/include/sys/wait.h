/* sys/wait.h - waiting for children (process.c); WNOHANG and the W*
 * status macros are posix.h's. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <types.h>
#include <posix.h>

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

#endif /* _SYS_WAIT_H */
