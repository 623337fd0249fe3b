/*
 * process.c - what FS knows about each process: its file-descriptor table,
 * working directory and umask, kept per endpoint slot, and the shared
 * table of open files that descriptors point into. Two descriptors share
 * one open file (and so its offset) after dup or fork; each open() makes
 * a new one.
 *
 * Entry points: process_find, process_of, process_start, process_exit, fd_install,
 * fd_file, fd_close, open_file_new, open_file_release, finish_suspended.
 */

#include "fs.h"

#define OPEN_FILES 128

struct process processes[PROCESS_SLOTS];
static struct open_file open_files[OPEN_FILES];

/*
 * A fresh entry for endpoint: no descriptors, working directory "/",
 * umask 022. Whatever its slot held before (a process that died without
 * FS hearing of it) is closed first. NULL for an endpoint FS cannot keep.
 */
struct process *process_start(endpoint_t endpoint)
{
	int slot = ENDPOINT_SLOT(endpoint);

	if (endpoint < 0 || slot >= PROCESS_SLOTS)
		return NULL;
	struct process *process = &processes[slot];
	if (process->in_use)
		process_exit(process);
	memset(process, 0, sizeof(*process));
	process->in_use = true;
	process->endpoint = endpoint;
	process->cwd = root_inode;
	inode_hold(root_inode);
	process->umask = 022;
	process->suspended = NOT_SUSPENDED;
	return process;
}

/* FS's entry for endpoint, or NULL when it has none (or one of an older
 * process in the same slot). */
struct process *process_find(endpoint_t endpoint)
{
	int slot = ENDPOINT_SLOT(endpoint);

	if (endpoint < 0 || slot >= PROCESS_SLOTS)
		return NULL;
	struct process *process = &processes[slot];
	if (process->in_use && process->endpoint == endpoint)
		return process;
	return NULL;
}

/*
 * FS's entry for endpoint; one made fresh (process_start) if FS has none
 * yet or only one of an older process in the same slot.
 */
struct process *process_of(endpoint_t endpoint)
{
	struct process *process = process_find(endpoint);

	return process != NULL ? process : process_start(endpoint);
}

/*
 * Forget process: a call of it still waiting in FS is dropped (without a
 * reply), its descriptors closed, its working directory released.
 */
void process_exit(struct process *process)
{
	if (process->suspended == SUSPENDED_DEVICE_READ ||
	    process->suspended == SUSPENDED_DEVICE_WRITE)
		device_cancel(process);
	process->suspended = NOT_SUSPENDED;
	for (int fd = 0; fd < OPEN_MAX; fd++)
		fd_close(process, fd);
	inode_put(process->cwd);
	process->cwd = NULL;
	process->in_use = false;
}

/* A free open-file entry with one reference and flags; NULL if none. */
struct open_file *open_file_new(int flags)
{
	for (int i = 0; i < OPEN_FILES; i++) {
		struct open_file *file = &open_files[i];
		if (file->references == 0) {
			memset(file, 0, sizeof(*file));
			file->references = 1;
			file->flags = flags;
			return file;
		}
	}
	return NULL;
}

/*
 * Drop one reference to file; the last one closes what it is open on (a
 * pipe end, a device, an inode).
 */
void open_file_release(struct open_file *file)
{
	if (--file->references > 0)
		return;
	if (file->pipe != NULL) {
		pipe_close_end(file);
		return;
	}
	uint16_t mode = file->inode->disk.mode;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		device_close(file->inode);
	inode_put(file->inode);
	file->inode = NULL;
}

/*
 * Put file in the lowest free descriptor of process at or above lowest.
 * Returns the descriptor, or -EMFILE when none is free (the caller still
 * owns its reference to file).
 */
int fd_install(struct process *process, struct open_file *file, int lowest)
{
	for (int fd = lowest; fd < OPEN_MAX; fd++) {
		if (process->fd[fd] == NULL) {
			process->fd[fd] = file;
			process->close_on_exec[fd] = false;
			return fd;
		}
	}
	return -EMFILE;
}

/* The open file behind descriptor fd of process, or NULL if none. */
struct open_file *fd_file(struct process *process, int fd)
{
	if (fd < 0 || fd >= OPEN_MAX)
		return NULL;
	return process->fd[fd];
}

/* Close descriptor fd of process if it is open. */
void fd_close(struct process *process, int fd)
{
	struct open_file *file = fd_file(process, fd);

	if (file == NULL)
		return;
	process->fd[fd] = NULL;
	process->close_on_exec[fd] = false;
	open_file_release(file);
}

/* Reply result to process's suspended call and forget the suspension. */
void finish_suspended(struct process *process, int result)
{
	message reply;

	memset(&reply, 0, sizeof(reply));
	process->suspended = NOT_SUSPENDED;
	reply_to(process->endpoint, result, &reply);
}
