/* dirent.h - reading directories (directory.c); struct dirent is posix.h's. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <types.h>
#include <posix.h>

typedef struct directory_stream DIR;	/* directory.c's business */

DIR *opendir(const char *path);
struct dirent *readdir(DIR *directory);
void rewinddir(DIR *directory);
int closedir(DIR *directory);
int dirfd(DIR *directory);

/* The system call under readdir: fill buffer with struct dirent records;
 * returns their total size, 0 at the end of the directory. */
int getdents(int fd, void *buffer, size_t size);

#endif /* _DIRENT_H */
