/*
 * fork.c - fork(): a new process that is a copy of its parent.
 *
 * Three parties each keep their own part of a process, so each must copy
 * the parent's:
 *   - the kernel: memory, registers, privileges (SYS_FORK);
 *   - PM: a new entry with a new pid, the parent's signal actions, mask
 *     and break (this file);
 *   - FS: the open files and working directory (FS_PM_FORK).
 * The kernel leaves the child blocked, waiting for a reply to the very
 * SENDREC its parent made; PM then answers both, each with its own value:
 * the child's pid to the parent, 0 to the child.
 *
 * Entry point: do_fork (PM_FORK).
 */

#include "pm.h"

/*
 * PM_FORK from caller: make its child. Returns the child's pid (for the
 * parent; the child has already been answered 0), or -EAGAIN / -ENOMEM
 * with nothing left behind.
 */
int do_fork(struct process *caller, message *m)
{
	/* LAB 3: your code here.
	 * Hint: sys_fork() makes the kernel's copy; process_create() the new
	 * entry, which starts as a copy of *caller before you fix what must
	 * differ (pid_allocate(), parent, endpoint, timers, pending signals).
	 * Then FS_PM_FORK with fs_pm_request(); undo with sys_exit() and
	 * process_free() if it fails. reply_result() answers the child. */
	/* SOLUTION BEGIN lab3:fork */
	endpoint_t child_endpoint;
	struct process *child;
	pid_t pid = pid_allocate();
	int result;

	if (pid == 0)
		return -EAGAIN;
	result = sys_fork(caller->endpoint, &child_endpoint);
	if (result != OK)
		return result == -ENOMEM ? -ENOMEM : -EAGAIN;
	child = process_create(child_endpoint);
	if (child == NULL) {
		sys_exit(child_endpoint);
		return -EAGAIN;
	}

	/* The parent's signal actions, mask, trampoline and break ... */
	*child = *caller;
	/* ... but a process of its own, with no timers and nothing pending. */
	child->pid = pid;
	child->parent = caller->pid;
	child->endpoint = child_endpoint;
	child->suspended = NOT_SUSPENDED;
	child->alarm_tick = 0;
	child->pending = 0;

	result = fs_pm_request(FS_PM_FORK, child_endpoint, caller->endpoint);
	if (result < 0) {
		sys_exit(child_endpoint);
		process_free(child);
		return -EAGAIN;
	}
	reply_result(child_endpoint, 0);
	return pid;
	/* SOLUTION ELSE
	return pm_unwritten("LAB 3: do_fork() is not written yet");
	   SOLUTION END */
}
