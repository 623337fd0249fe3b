/*
 * syscall.c - the one place where a POSIX call becomes a message, and
 * errno, where the last failed call's error is kept.
 *
 * Entry points: pm_call, fs_call, path_argument (syscall.h); errno.
 */
#include "syscall.h"

int errno;

/*
 * SENDREC m to server and wait for the reply, which replaces m. If the
 * IPC itself fails (the server is gone) its error goes to errno; if the
 * server's result is negative, that error does. Returns the result (>= 0)
 * or -1.
 */
static int server_call(endpoint_t server, message *m)
{
	int status = ipc_sendrec(server, m);
	if (status < 0) {
		errno = -status;
		return -1;
	}
	if (m->type < 0) {
		errno = -m->type;
		return -1;
	}
	return m->type;
}

/* A request to the process manager. */
int pm_call(message *m)
{
	return server_call(PM_ENDPOINT, m);
}

/* A request to the file system. */
int fs_call(message *m)
{
	return server_call(FS_ENDPOINT, m);
}

/* Check path and give its address and length, as a request carries them. */
int path_argument(const char *path, uint32_t *address, uint32_t *length)
{
	if (path == NULL) {
		errno = EFAULT;
		return -1;
	}
	size_t path_length = strnlen(path, PATH_MAX + 1);
	if (path_length == 0) {
		errno = ENOENT;
		return -1;
	}
	if (path_length > PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	*address = (uint32_t) path;
	*length = path_length;
	return 0;
}
