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
	return pm_unwritten("LAB 3: do_fork() is not written yet");
}
