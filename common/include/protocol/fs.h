/*
 * protocol/fs.h - the file system's requests and replies (types 0x200 ...).
 * The conventions of every server protocol are in servers.h.
 */
#ifndef CAIRN_PROTOCOL_FS_H
#define CAIRN_PROTOCOL_FS_H

#include "messages.h"
#include "errors.h"
#include "posix.h"

/* ---- FS: the file system (types 0x200 ...) ---- */
#define FS_BASE      0x200
#define FS_OPEN      (FS_BASE + 0)	/* fs_path (flags, mode) -> fd */
#define FS_CLOSE     (FS_BASE + 1)	/* fs_fd */
#define FS_READ      (FS_BASE + 2)	/* fs_io -> bytes read */
#define FS_WRITE     (FS_BASE + 3)	/* fs_io -> bytes written */
#define FS_LSEEK     (FS_BASE + 4)	/* fs_seek -> new offset */
#define FS_STAT      (FS_BASE + 5)	/* fs_path (buffer: struct stat) */
#define FS_FSTAT     (FS_BASE + 6)	/* fs_io (buffer: struct stat) */
#define FS_MKDIR     (FS_BASE + 7)	/* fs_path (mode) */
#define FS_RMDIR     (FS_BASE + 8)	/* fs_path */
#define FS_UNLINK    (FS_BASE + 9)	/* fs_path */
#define FS_LINK      (FS_BASE + 10)	/* fs_path2: existing, new */
#define FS_RENAME    (FS_BASE + 11)	/* fs_path2: old, new */
#define FS_CHDIR     (FS_BASE + 12)	/* fs_path */
#define FS_GETCWD    (FS_BASE + 13)	/* fs_io (fd unused) -> length */
#define FS_DUP       (FS_BASE + 14)	/* fs_fd -> new fd */
#define FS_DUP2      (FS_BASE + 15)	/* fs_fd (fd, fd2) -> fd2 */
#define FS_PIPE      (FS_BASE + 16)	/* -> 0, fds in fs_fd (fd: read end, fd2: write end) */
#define FS_GETDENTS  (FS_BASE + 17)	/* fs_io -> bytes of struct dirent records, 0 at the end */
#define FS_SYNC      (FS_BASE + 18)	/* write every dirty block */
#define FS_UMASK     (FS_BASE + 19)	/* fs_path.mode -> old mask */
#define FS_CHMOD     (FS_BASE + 20)	/* fs_path (mode) */
#define FS_FCNTL     (FS_BASE + 21)	/* fs_fd (fd, fd2 = F_*, flags = argument) */
#define FS_MKNOD     (FS_BASE + 22)	/* fs_path (mode, device) */
#define FS_TRUNCATE  (FS_BASE + 23)	/* fs_path (flags = new length) */
/* From PM only: */
#define FS_PM_FORK   (FS_BASE + 32)	/* fs_pm: the child shares the parent's files */
#define FS_PM_EXIT   (FS_BASE + 33)	/* fs_pm: close all of endpoint's files */
#define FS_PM_EXEC   (FS_BASE + 34)	/* fs_pm + path: open the program for PM -> PM's fd */
#define FS_PM_EXECDONE (FS_BASE + 35)	/* fs_pm: close endpoint's FD_CLOEXEC files */
#define FS_PM_CANCEL (FS_BASE + 36)	/* fs_pm: if endpoint is suspended in FS, reply EINTR */
#define FS_PM_START  (FS_BASE + 37)	/* fs_pm: endpoint is a new boot user process (init) */

#define OPEN_MAX 20			/* file descriptors per process */

struct fs_path {
	uint32_t path;
	uint32_t path_length;
	int32_t flags;		/* O_* */
	uint32_t mode;		/* permission bits (open, mkdir, chmod, umask, mknod) */
	uint32_t buffer;	/* FS_STAT: where the struct stat goes */
	uint32_t device;	/* FS_MKNOD */
};
struct fs_path2 {
	uint32_t path;
	uint32_t path_length;
	uint32_t path2;
	uint32_t path2_length;
};
struct fs_fd {
	int32_t fd;
	int32_t fd2;
	int32_t flags;
};
struct fs_io {
	int32_t fd;
	uint32_t buffer;
	uint32_t count;
};
struct fs_seek {
	int32_t fd;
	int32_t offset;
	int32_t whence;
};
struct fs_pm {
	endpoint_t endpoint;	/* the process acted on (the child, for FORK) */
	endpoint_t parent;	/* FS_PM_FORK */
	uint32_t path;		/* FS_PM_EXEC: in endpoint's memory */
	uint32_t path_length;
};

#endif /* CAIRN_PROTOCOL_FS_H */
