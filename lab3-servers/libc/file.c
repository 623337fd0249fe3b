/*
 * file.c - the system calls on files and file descriptors: each is one
 * request to FS (servers.h, FS_*).
 *
 * Entry points: open creat close read write lseek dup dup2 pipe fcntl
 * stat lstat fstat isatty access unlink link rename truncate chmod umask
 * mknod sync.
 */
#include "syscall.h"
#include <fcntl.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

/* A request on one path, with its flags and mode: open, mkdir, chmod ...
 * Returns the result or -1. */
int fs_path_call(int type, const char *path, int flags, mode_t mode)
{
	message m;
	message_init(&m, type);
	if (path_argument(path, &m.payload.fs_path.path, &m.payload.fs_path.path_length) < 0)
		return -1;
	m.payload.fs_path.flags = flags;
	m.payload.fs_path.mode = mode;
	return fs_call(&m);
}

/* A request on two paths: link and rename. */
static int two_path_call(int type, const char *path, const char *path2)
{
	message m;
	message_init(&m, type);
	struct fs_path2 *request = &m.payload.fs_path2;
	if (path_argument(path, &request->path, &request->path_length) < 0 ||
	    path_argument(path2, &request->path2, &request->path2_length) < 0)
		return -1;
	return fs_call(&m);
}

/* A request on file descriptors: close, dup, dup2, fcntl. */
static int fd_call(int type, int fd, int fd2, int flags)
{
	message m;
	message_init(&m, type);
	m.payload.fs_fd.fd = fd;
	m.payload.fs_fd.fd2 = fd2;
	m.payload.fs_fd.flags = flags;
	return fs_call(&m);
}

/* A request moving count bytes between buffer and fd: read, write ... */
int fs_io_call(int type, int fd, const void *buffer, size_t count)
{
	message m;
	message_init(&m, type);
	m.payload.fs_io.fd = fd;
	m.payload.fs_io.buffer = (uint32_t) buffer;
	m.payload.fs_io.count = count;
	return fs_call(&m);
}

/* Open path (flags O_*; with O_CREAT, a third argument: the mode).
 * Returns the new file descriptor or -1. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list args;
		va_start(args, flags);
		mode = (mode_t) va_arg(args, int);
		va_end(args);
	}
	return fs_path_call(FS_OPEN, path, flags, mode);
}

/* Create (or truncate) path for writing. Returns a descriptor or -1. */
int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

/* Close fd. Returns 0 or -1. */
int close(int fd)
{
	return fd_call(FS_CLOSE, fd, 0, 0);
}

/* Read up to count bytes. Returns how many (0 at the end) or -1. */
ssize_t read(int fd, void *buffer, size_t count)
{
	return fs_io_call(FS_READ, fd, buffer, count);
}

/* Write count bytes. Returns how many were written or -1. */
ssize_t write(int fd, const void *buffer, size_t count)
{
	return fs_io_call(FS_WRITE, fd, buffer, count);
}

/* Move fd's position (SEEK_SET, SEEK_CUR, SEEK_END). Returns it or -1. */
off_t lseek(int fd, off_t offset, int whence)
{
	message m;
	message_init(&m, FS_LSEEK);
	m.payload.fs_seek.fd = fd;
	m.payload.fs_seek.offset = offset;
	m.payload.fs_seek.whence = whence;
	return fs_call(&m);
}

/* A new descriptor (the lowest free) for fd's open file; or -1. */
int dup(int fd)
{
	return fd_call(FS_DUP, fd, 0, 0);
}

/* Make fd2 a descriptor for fd's open file, closing fd2 first. Returns fd2 or -1. */
int dup2(int fd, int fd2)
{
	return fd_call(FS_DUP2, fd, fd2, 0);
}

/* A pipe: fds[0] reads what fds[1] writes. Returns 0 or -1. */
int pipe(int fds[2])
{
	message m;
	message_init(&m, FS_PIPE);
	if (fs_call(&m) < 0)
		return -1;
	fds[0] = m.payload.fs_fd.fd;
	fds[1] = m.payload.fs_fd.fd2;
	return 0;
}

/* F_DUPFD, F_GETFD, F_SETFD, F_GETFL on fd, with an int argument. */
int fcntl(int fd, int command, ...)
{
	va_list args;
	va_start(args, command);
	int argument = va_arg(args, int);
	va_end(args);
	return fd_call(FS_FCNTL, fd, command, argument);
}

/* What FS knows of path's inode, into *status. Returns 0 or -1. */
int stat(const char *path, struct stat *status)
{
	message m;
	message_init(&m, FS_STAT);
	if (path_argument(path, &m.payload.fs_path.path, &m.payload.fs_path.path_length) < 0)
		return -1;
	m.payload.fs_path.buffer = (uint32_t) status;
	return fs_call(&m);
}

/* There are no symbolic links: lstat is stat. */
int lstat(const char *path, struct stat *status)
{
	return stat(path, status);
}

/* stat for an open file. */
int fstat(int fd, struct stat *status)
{
	return fs_io_call(FS_FSTAT, fd, status, sizeof(*status));
}

/* 1 if fd is a terminal (a character device), else 0 (errno ENOTTY). */
int isatty(int fd)
{
	struct stat status;
	if (fstat(fd, &status) < 0)
		return 0;
	if (!S_ISCHR(status.st_mode)) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

/*
 * Whether path exists (F_OK) and allows mode (R_OK, W_OK, X_OK). There is
 * only one user, who may do anything, except run a file that has no x
 * bit. Returns 0 or -1.
 */
int access(const char *path, int mode)
{
	struct stat status;
	if (stat(path, &status) < 0)
		return -1;
	if ((mode & X_OK) && !S_ISDIR(status.st_mode) &&
	    (status.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

/* Remove the directory entry path (not a directory). Returns 0 or -1. */
int unlink(const char *path)
{
	return fs_path_call(FS_UNLINK, path, 0, 0);
}

/* Make new_path another name of existing. Returns 0 or -1. */
int link(const char *existing, const char *new_path)
{
	return two_path_call(FS_LINK, existing, new_path);
}

/* Give old_path the name new_path. Returns 0 or -1. */
int rename(const char *old_path, const char *new_path)
{
	return two_path_call(FS_RENAME, old_path, new_path);
}

/* Cut (or extend with zeros) path to length bytes. Returns 0 or -1. */
int truncate(const char *path, off_t length)
{
	return fs_path_call(FS_TRUNCATE, path, length, 0);
}

/* Set path's permission bits. Returns 0 or -1. */
int chmod(const char *path, mode_t mode)
{
	return fs_path_call(FS_CHMOD, path, 0, mode);
}

/* Set the bits that new files do not get; returns the old mask. */
mode_t umask(mode_t mask)
{
	message m;
	message_init(&m, FS_UMASK);
	m.payload.fs_path.mode = mask;
	return (mode_t) fs_call(&m);
}

/* Make a device file (mode S_IFCHR or S_IFBLK | permissions). Returns 0 or -1. */
int mknod(const char *path, mode_t mode, dev_t device)
{
	message m;
	message_init(&m, FS_MKNOD);
	if (path_argument(path, &m.payload.fs_path.path, &m.payload.fs_path.path_length) < 0)
		return -1;
	m.payload.fs_path.mode = mode;
	m.payload.fs_path.device = device;
	return fs_call(&m);
}

/* Write every dirty block to the disk. */
void sync(void)
{
	message m;
	message_init(&m, FS_SYNC);
	fs_call(&m);
}
