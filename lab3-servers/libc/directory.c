/*
 * directory.c - directories: the calls that make, remove and enter them
 * (requests to FS), and the stream of entries readdir walks.
 *
 * FS_GETDENTS fills a buffer with struct dirent records (posix.h), each
 * d_reclen bytes long; readdir hands them out one at a time and asks for
 * the next bufferful when they run out.
 *
 * Entry points: mkdir rmdir chdir getcwd getdents opendir readdir
 * rewinddir closedir dirfd.
 */
#include "syscall.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIRECTORY_BUFFER_SIZE 1024

struct directory_stream {
	int fd;
	size_t length;		/* bytes of records in buffer */
	size_t position;	/* where the next record starts */
	union {			/* records hold 32-bit fields: keep them aligned */
		char bytes[DIRECTORY_BUFFER_SIZE];
		struct dirent first;
	} buffer;
};

/* Make the directory path. Returns 0 or -1. */
int mkdir(const char *path, mode_t mode)
{
	return fs_path_call(FS_MKDIR, path, 0, mode);
}

/* Remove the empty directory path. Returns 0 or -1. */
int rmdir(const char *path)
{
	return fs_path_call(FS_RMDIR, path, 0, 0);
}

/* Make path the working directory. Returns 0 or -1. */
int chdir(const char *path)
{
	return fs_path_call(FS_CHDIR, path, 0, 0);
}

/*
 * The working directory's absolute path into buffer (size bytes). With
 * buffer NULL, into a new malloc'd one (the caller frees it). Returns the
 * buffer, or NULL (errno ERANGE if it is too small).
 */
char *getcwd(char *buffer, size_t size)
{
	char *allocated = NULL;
	if (buffer == NULL) {
		if (size == 0)
			size = PATH_MAX + 1;
		buffer = allocated = malloc(size);
		if (buffer == NULL)
			return NULL;
	}
	if (fs_io_call(FS_GETCWD, 0, buffer, size) < 0) {
		free(allocated);
		return NULL;
	}
	return buffer;
}

/* The next records of the directory open on fd, into buffer. Returns
 * their total length, 0 at the end, or -1. */
int getdents(int fd, void *buffer, size_t size)
{
	return fs_io_call(FS_GETDENTS, fd, buffer, size);
}

/* Open the directory path for readdir. Returns the stream or NULL. */
DIR *opendir(const char *path)
{
	DIR *directory = malloc(sizeof(*directory));
	if (directory == NULL)
		return NULL;
	directory->fd = open(path, O_RDONLY | O_DIRECTORY);
	if (directory->fd < 0) {
		free(directory);
		return NULL;
	}
	directory->length = 0;
	directory->position = 0;
	return directory;
}

/*
 * The next entry of the directory, or NULL at its end (or on an error,
 * with errno set). The entry stays valid until the next call.
 */
struct dirent *readdir(DIR *directory)
{
	if (directory->position >= directory->length) {
		int length = getdents(directory->fd, directory->buffer.bytes,
				      sizeof(directory->buffer.bytes));
		if (length <= 0)
			return NULL;
		directory->length = length;
		directory->position = 0;
	}
	struct dirent *entry =
		(struct dirent *) (directory->buffer.bytes + directory->position);
	if (entry->d_reclen == 0) {	/* a broken record: never loop on it */
		directory->position = directory->length;
		errno = EIO;
		return NULL;
	}
	directory->position += entry->d_reclen;
	return entry;
}

/* Start again from the directory's first entry. */
void rewinddir(DIR *directory)
{
	lseek(directory->fd, 0, SEEK_SET);
	directory->length = 0;
	directory->position = 0;
}

/* Close the directory stream. Returns 0 or -1. */
int closedir(DIR *directory)
{
	int result = close(directory->fd);
	free(directory);
	return result;
}

/* The file descriptor under the stream. */
int dirfd(DIR *directory)
{
	return directory->fd;
}
