/*
 * errors.h - error numbers, shared by the kernel, servers and programs.
 *
 * Calls return a negative error number (or 0 / a count on success). The
 * POSIX numbers match Linux's, so tools and students read them alike; the
 * message-passing errors start at 100.
 */
#ifndef CAIRN_ERRORS_H
#define CAIRN_ERRORS_H

#define OK            0
#define EPERM         1	/* operation not permitted (privilege record) */
#define ENOENT        2
#define ESRCH         3	/* no such process */
#define EINTR         4
#define EIO           5
#define ENXIO         6
#define E2BIG         7
#define ENOEXEC       8
#define EBADF         9
#define ECHILD       10
#define EAGAIN       11
#define ENOMEM       12
#define EACCES       13
#define EFAULT       14	/* a bad address was passed */
#define EBUSY        16
#define EEXIST       17
#define EXDEV        18
#define ENODEV       19
#define ENOTDIR      20
#define EISDIR       21
#define EINVAL       22
#define ENFILE       23
#define EMFILE       24
#define ENOTTY       25
#define EFBIG        27
#define ENOSPC       28
#define ESPIPE       29
#define EROFS        30
#define EMLINK       31
#define EPIPE        32
#define EDOM         33
#define ERANGE       34
#define EDEADLK      35
#define ENAMETOOLONG 36
#define ENOSYS       38	/* no such call */
#define ENOTEMPTY    39

/* Message passing (lab 2). */
#define ELOCKED      101	/* the send or receive would deadlock */
#define ESRCDIED     102	/* the process we received from died */
#define EDSTDIED     103	/* the process we sent to died */
#define ENOTREADY    104	/* SENDNB: the destination is not receiving */
#define EDEADEPT     105	/* a stale or unknown endpoint */
#define ECALLDENIED  106	/* the privilege record forbids this kernel call */
#define ETRAPDENIED  107	/* ... this IPC primitive */
#define EBADREQUEST  108	/* unknown request type */
#define ERESTARTED   109	/* a driver was restarted: retry (lab 5) */
#define ESUSPEND     110	/* a driver will finish the request later (servers.h) */

#endif /* CAIRN_ERRORS_H */
