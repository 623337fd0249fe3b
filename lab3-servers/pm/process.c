/*
 * process.c - PM's process table, pids and zombies.
 *
 * A live process has the entry of its kernel slot: processes[slot of its
 * endpoint]. A process that has exited gives its slot back at once (the
 * kernel may reuse it for the next fork), so what is left of it, the
 * zombie, lives in a separate table, found by pid, until its parent
 * collects the exit status with waitpid.
 *
 * Entry points: process_by_endpoint, process_by_pid, process_create,
 * process_free, pid_allocate, zombie_add, zombie_find, zombie_remove,
 * has_child.
 */

#include "pm.h"

struct process processes[PROCESS_SLOTS];
struct zombie zombies[ZOMBIE_MAX];

static pid_t last_pid = INIT_PID;	/* the pid given most recently */

/* The live process at endpoint (this very generation), or NULL. */
struct process *process_by_endpoint(endpoint_t endpoint)
{
	int slot = ENDPOINT_SLOT(endpoint);
	struct process *process;

	if (endpoint < 0 || slot >= PROCESS_SLOTS)
		return NULL;
	process = &processes[slot];
	if (!process->in_use || process->endpoint != endpoint)
		return NULL;
	return process;
}

/* The live process with pid, or NULL (zombies are not live). */
struct process *process_by_pid(pid_t pid)
{
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		if (processes[slot].in_use && processes[slot].pid == pid)
			return &processes[slot];
	}
	return NULL;
}

/*
 * A fresh, zeroed entry for the process at endpoint: no pid yet, every
 * signal SIG_DFL, nothing blocked. NULL if the slot is out of range or
 * still holds a live process.
 */
struct process *process_create(endpoint_t endpoint)
{
	int slot = ENDPOINT_SLOT(endpoint);
	struct process *process;

	if (endpoint < 0 || slot >= PROCESS_SLOTS || processes[slot].in_use)
		return NULL;
	process = &processes[slot];
	memset(process, 0, sizeof(*process));
	process->in_use = true;
	process->endpoint = endpoint;
	process->suspended = NOT_SUSPENDED;
	return process;
}

/* Forget a process that is gone from the kernel. */
void process_free(struct process *process)
{
	memset(process, 0, sizeof(*process));
}

/* Whether some process, live or zombie, has pid. */
static bool pid_in_use(pid_t pid)
{
	if (process_by_pid(pid) != NULL)
		return true;
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		if (zombies[i].in_use && zombies[i].pid == pid)
			return true;
	}
	return false;
}

/*
 * A pid nobody has: counting up from the last one given, wrapping to 2
 * after PID_MAX (pid 1 is init's for ever), skipping those in use.
 * Returns 0 when every pid is taken (it cannot happen with 64 slots and
 * 64 zombies, but the loop must end).
 */
pid_t pid_allocate(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		last_pid = last_pid >= PID_MAX ? INIT_PID + 1 : last_pid + 1;
		if (!pid_in_use(last_pid))
			return last_pid;
	}
	return 0;
}

/*
 * Keep what the parent of process will want from waitpid: its pid and
 * status. Returns the zombie, or NULL when the table is full (the status
 * is lost; the parent will get ECHILD).
 */
struct zombie *zombie_add(const struct process *process, int status)
{
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		struct zombie *zombie = &zombies[i];

		if (zombie->in_use)
			continue;
		zombie->in_use = true;
		zombie->pid = process->pid;
		zombie->parent = process->parent;
		zombie->status = status;
		strlcpy(zombie->name, process->name, sizeof(zombie->name));
		return zombie;
	}
	uprintf("pm: no room for the zombie of pid %d\n", process->pid);
	return NULL;
}

/* A zombie child of parent with pid (-1: any), or NULL. */
struct zombie *zombie_find(pid_t parent, pid_t pid)
{
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		struct zombie *zombie = &zombies[i];

		if (zombie->in_use && zombie->parent == parent &&
		    (pid == -1 || zombie->pid == pid))
			return zombie;
	}
	return NULL;
}

/* The parent has collected the zombie: it is gone for good. */
void zombie_remove(struct zombie *zombie)
{
	memset(zombie, 0, sizeof(*zombie));
}

/* Whether parent has a child, live or zombie, with pid (-1: any). */
bool has_child(pid_t parent, pid_t pid)
{
	if (zombie_find(parent, pid) != NULL)
		return true;
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		const struct process *process = &processes[slot];

		if (process->in_use && process->parent == parent &&
		    (pid == -1 || process->pid == pid))
			return true;
	}
	return false;
}
