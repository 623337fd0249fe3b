/*
 * exit.c - the end of a process: exit(), death by a signal, and waitpid().
 *
 * When a process ends, whether it called exit or a signal killed it:
 *   - the kernel frees its slot (SYS_EXIT) and FS closes its files;
 *   - its children get init (pid 1) as their new parent, and init is
 *     told (SIGCHLD) about the zombies among them, so it collects them;
 *   - it becomes a zombie: only its pid and wait status remain, until its
 *     parent collects them with waitpid. A parent already waiting gets
 *     the reply at once; every parent gets SIGCHLD (ignored by default).
 *
 * Entry points: do_exit (PM_EXIT), do_waitpid (PM_WAITPID), process_exit,
 * wait_check.
 */

#include "pm.h"

/*
 * If parent waits in waitpid for a child that is now a zombie, give it
 * the child's pid and status and forget the zombie.
 */
void wait_check(struct process *parent)
{
	struct zombie *zombie;
	message m;

	if (parent->suspended != SUSPENDED_WAIT)
		return;
	zombie = zombie_find(parent->pid, parent->wait_pid);
	if (zombie == NULL)
		return;
	memset(&m, 0, sizeof(m));
	m.payload.pm_wait.pid = zombie->pid;
	m.payload.pm_wait.status = zombie->status;
	parent->suspended = NOT_SUSPENDED;
	reply(parent->endpoint, &m, zombie->pid);
	zombie_remove(zombie);
}

/*
 * The children of the process with pid, live or zombie, now belong to
 * init. If zombies were among them, init must come and collect them.
 */
static void give_children_to_init(pid_t pid)
{
	struct process *init = process_by_pid(INIT_PID);
	bool zombies_given = false;

	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		if (processes[slot].in_use && processes[slot].parent == pid)
			processes[slot].parent = INIT_PID;
	}
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		if (zombies[i].in_use && zombies[i].parent == pid) {
			zombies[i].parent = INIT_PID;
			zombies_given = true;
		}
	}
	if (zombies_given && init != NULL) {
		wait_check(init);
		signal_raise(init, SIGCHLD);
	}
}

/*
 * End process with a wait status (W_EXITCODE): free its kernel slot and
 * its files, hand its children to init, leave a zombie for its parent
 * and tell the parent. The entry is gone when this returns.
 */
void process_exit(struct process *process, int status)
{
	struct process *parent;
	endpoint_t endpoint = process->endpoint;

	sys_exit(endpoint);
	if (!process->user) {
		/* A system process: no files in FS, no parent to wait for it. */
		process_free(process);
		return;
	}
	fs_pm_request(FS_PM_EXIT, endpoint, NONE);
	if (process->pid == INIT_PID)
		uprintf("pm: init died (status 0x%x)\n", status);
	give_children_to_init(process->pid);

	parent = process_by_pid(process->parent);
	if (parent != NULL)
		zombie_add(process, status);	/* nobody else would collect it */
	process_free(process);
	if (parent != NULL) {
		wait_check(parent);
		signal_raise(parent, SIGCHLD);
	}
}

/* PM_EXIT: the caller ends with the exit code in the low 8 bits. No reply. */
int do_exit(struct process *caller, message *m)
{
	process_exit(caller, W_EXITCODE(m->payload.pm_exit.status, 0));
	return NO_REPLY;
}

/*
 * PM_WAITPID (struct pm_wait): collect a zombie child with the pid asked
 * for (-1: any; with no process groups, 0 and other negative pids mean
 * any too). Returns its pid with its status in pm_wait.status; 0 with
 * WNOHANG if no child has ended yet; -ECHILD if there is no such child;
 * otherwise NO_REPLY: the caller waits until a child ends.
 */
int do_waitpid(struct process *caller, message *m)
{
	struct pm_wait *request = &m->payload.pm_wait;
	pid_t pid = request->pid > 0 ? request->pid : -1;
	struct zombie *zombie = zombie_find(caller->pid, pid);

	if (zombie != NULL) {
		pid = zombie->pid;
		request->pid = pid;
		request->status = zombie->status;
		zombie_remove(zombie);
		return pid;
	}
	if (!has_child(caller->pid, pid))
		return -ECHILD;
	if (request->options & WNOHANG) {
		request->status = 0;
		return 0;
	}
	caller->suspended = SUSPENDED_WAIT;
	caller->wait_pid = pid;
	return NO_REPLY;
}
