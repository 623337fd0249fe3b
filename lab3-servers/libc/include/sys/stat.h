/* sys/stat.h - struct stat and the S_* mode bits (posix.h), and the calls
 * on a file's inode (file.c, directory.c). */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <types.h>
#include <posix.h>

/* posix.h gives the owner's bits one by one; these are the others. */
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

int stat(const char *path, struct stat *status);
int lstat(const char *path, struct stat *status);	/* no links: stat */
int fstat(int fd, struct stat *status);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
mode_t umask(mode_t mask);
int mknod(const char *path, mode_t mode, dev_t device);

#endif /* _SYS_STAT_H */
