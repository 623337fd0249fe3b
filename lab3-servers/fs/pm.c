/*
 * pm.c - the requests only the process manager may make: it tells FS
 * about new processes (fork, a boot process), exec and exit, and asks FS
 * to give up on a call when a signal interrupts it. Each names the
 * process acted on in fs_pm.endpoint.
 *
 * Entry points: do_pm_fork, do_pm_exit, do_pm_exec, do_pm_execdone,
 * do_pm_cancel, do_pm_start.
 */

#include "fs.h"

/* FS_PM_FORK: the child gets the parent's descriptors (sharing the open
 * files), working directory and umask. */
int do_pm_fork(struct process *caller, message *m)
{
	struct process *parent = process_of(m->payload.fs_pm.parent);
	struct process *child = process_start(m->payload.fs_pm.endpoint);

	(void) caller;
	if (parent == NULL || child == NULL)
		return -EINVAL;
	for (int fd = 0; fd < OPEN_MAX; fd++) {
		child->fd[fd] = parent->fd[fd];
		child->close_on_exec[fd] = parent->close_on_exec[fd];
		if (child->fd[fd] != NULL)
			child->fd[fd]->references++;
	}
	inode_put(child->cwd);
	child->cwd = parent->cwd;
	inode_hold(child->cwd);
	child->umask = parent->umask;
	return OK;
}

/* FS_PM_EXIT: close every file of the process and forget it. */
int do_pm_exit(struct process *caller, message *m)
{
	struct process *process = process_find(m->payload.fs_pm.endpoint);

	(void) caller;
	if (process != NULL)
		process_exit(process);
	return OK;
}

/*
 * FS_PM_EXEC: open, for PM, the program at path (in the memory and
 * working directory of fs_pm.endpoint). It must be a regular file with an
 * execute bit. Returns PM's new descriptor, read-only.
 */
int do_pm_exec(struct process *caller, message *m)
{
	struct fs_pm *request = &m->payload.fs_pm;
	struct process *process = process_of(request->endpoint);
	char path[PATH_MAX + 1];
	struct inode *inode;

	if (process == NULL)
		return -EINVAL;
	int result = path_fetch(request->endpoint, request->path, request->path_length, path);
	if (result == OK)
		result = path_lookup(process, path, &inode);
	if (result != OK)
		return result;
	if (!S_ISREG(inode->disk.mode) || (inode->disk.mode & 0111) == 0) {
		inode_put(inode);
		return -EACCES;
	}
	return open_inode(caller, inode, O_RDONLY);
}

/* FS_PM_EXECDONE: the new program runs: close its FD_CLOEXEC descriptors. */
int do_pm_execdone(struct process *caller, message *m)
{
	struct process *process = process_find(m->payload.fs_pm.endpoint);

	(void) caller;
	if (process == NULL)
		return OK;		/* it has no files */
	for (int fd = 0; fd < OPEN_MAX; fd++)
		if (process->close_on_exec[fd])
			fd_close(process, fd);
	return OK;
}

/*
 * FS_PM_CANCEL: if the process waits in FS (a pipe, a device), stop
 * waiting and answer it: -EINTR, or the bytes already moved.
 */
int do_pm_cancel(struct process *caller, message *m)
{
	struct process *process = process_find(m->payload.fs_pm.endpoint);

	(void) caller;
	if (process == NULL)
		return OK;		/* nothing of it waits in FS */
	int result;
	switch (process->suspended) {
	case NOT_SUSPENDED:
		return OK;
	case SUSPENDED_DEVICE_READ:
	case SUSPENDED_DEVICE_WRITE:
		result = device_cancel(process);
		break;
	default:
		result = process->suspended_done > 0 ? (int) process->suspended_done : -EINTR;
		break;
	}
	finish_suspended(process, result);
	return OK;
}

/* FS_PM_START: a boot user process (init): no descriptors, cwd "/". */
int do_pm_start(struct process *caller, message *m)
{
	(void) caller;
	return process_start(m->payload.fs_pm.endpoint) != NULL ? OK : -EINVAL;
}
