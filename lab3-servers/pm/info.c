/*
 * info.c - the requests that tell about processes and the system, or stop
 * it: getpid, procinfo (for ps), getparam (boot parameters), shutdown.
 * System processes may make them too.
 *
 * Entry points: do_getpid, do_procinfo, do_getparam, do_shutdown.
 */

#include "pm.h"

#define PARAM_KEY_MAX   31	/* a boot parameter's name, without the NUL */
#define PARAM_VALUE_MAX 256	/* room for its value, with the NUL */

/* PM_GETPID: the caller's pid; its parent's pid in pm_getpid.parent. */
int do_getpid(struct process *caller, message *m)
{
	m->payload.pm_getpid.parent = caller->parent;
	return caller->pid;
}

/*
 * The one-letter state of process for ps: S while PM or another server
 * keeps it waiting, K when the kernel holds it for another reason (a
 * fault), R when it can run. kernel_flags is what the kernel says.
 */
static char process_state(const struct process *process, const struct process *caller,
			  uint32_t kernel_flags)
{
	if (process->suspended != NOT_SUSPENDED)
		return 'S';
	if (process == caller)
		return 'R';	/* it waits for this very reply */
	if (kernel_flags & KERNEL_BLOCKED_IPC)
		return 'S';
	return kernel_flags != 0 ? 'K' : 'R';
}

/* What the kernel's process table says about endpoint's blocking (0: none). */
static uint32_t kernel_flags_of(endpoint_t endpoint)
{
	static struct process_info table[PROCESS_SLOTS];
	int count = sys_getinfo(GET_PROCESSES, table, sizeof(table));

	for (int i = 0; i < count; i++) {
		if (table[i].endpoint == endpoint)
			return table[i].flags;
	}
	return 0;
}

/* Fill info for the live process process. */
static void describe_process(const struct process *process, const struct process *caller,
			     struct pm_procinfo *info)
{
	struct kcall_times times;
	uint32_t memory = 0;

	info->pid = process->pid;
	info->parent = process->parent;
	info->endpoint = process->endpoint;
	info->state = process_state(process, caller, kernel_flags_of(process->endpoint));
	strlcpy(info->name, process->name, sizeof(info->name));
	info->ticks = sys_times(process->endpoint, &times) == OK ? times.user_ticks : 0;
	sys_memsize(process->endpoint, &memory);
	info->memory = memory;
}

/* Fill info for a zombie: no endpoint, no time, no memory any more. */
static void describe_zombie(const struct zombie *zombie, struct pm_procinfo *info)
{
	info->pid = zombie->pid;
	info->parent = zombie->parent;
	info->endpoint = NONE;
	info->state = 'Z';
	strlcpy(info->name, zombie->name, sizeof(info->name));
	info->ticks = 0;
	info->memory = 0;
}

/*
 * PM_PROCINFO (struct pm_procinfo): the index-th process, counting live
 * ones in slot order and then zombies. Returns 0 with the process in
 * pm_procinfo, or -ESRCH past the last one.
 */
int do_procinfo(struct process *caller, message *m)
{
	struct pm_procinfo *info = &m->payload.pm_procinfo;
	int index = info->index;

	if (index < 0)
		return -ESRCH;
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		if (processes[slot].in_use && index-- == 0) {
			describe_process(&processes[slot], caller, info);
			return 0;
		}
	}
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		if (zombies[i].in_use && index-- == 0) {
			describe_zombie(&zombies[i], info);
			return 0;
		}
	}
	return -ESRCH;
}

/*
 * PM_GETPARAM (struct pm_param): the boot parameter named by the key,
 * NUL-terminated (and cut short to fit) in the caller's buffer. Returns
 * the value's whole length, -ENOENT if it is not set, -EINVAL for a key
 * longer than PARAM_KEY_MAX, -EFAULT for a bad address.
 */
int do_getparam(struct process *caller, message *m)
{
	const struct pm_param *request = &m->payload.pm_param;
	static char key[PARAM_KEY_MAX + 1];
	static char value[PARAM_VALUE_MAX];
	uint32_t length, copied;
	int result;

	if (request->key_length == 0 || request->key_length > PARAM_KEY_MAX)
		return -EINVAL;
	if (copy_from_user(caller->endpoint, key, request->key, request->key_length) != OK)
		return -EFAULT;
	key[request->key_length] = '\0';
	result = sys_getparam(key, value, sizeof(value));
	if (result < 0)
		return result;
	length = strlen(value);
	if (request->size > 0) {
		copied = MIN(length, request->size - 1);
		value[copied] = '\0';
		if (copy_to_user(caller->endpoint, request->buffer, value, copied + 1) != OK)
			return -EFAULT;
	}
	return length;
}

/*
 * PM_SHUTDOWN (struct pm_shutdown): have FS write every dirty block, then
 * stop the machine with the code as the emulator's exit status. Returns
 * only if the kernel refused.
 */
int do_shutdown(struct process *caller, message *m)
{
	int code = m->payload.pm_shutdown.code;
	message sync;

	memset(&sync, 0, sizeof(sync));
	fs_request(FS_SYNC, &sync);
	return sys_shutdown(code);
}
