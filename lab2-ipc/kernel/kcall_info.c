/*
 * kcall_info.c - kernel calls that report: SYS_TIMES, SYS_GETINFO, and
 * SYS_DIAGNOSTICS, which prints a process's text on the kernel console.
 *
 * Data goes to the caller's memory at the address it names, never more
 * than the room it says it has.
 *
 * Entry points: the handlers through KERNEL_CALL.
 */

#include "kernel.h"
#include "string.h"
#include "devices.h"
#include "proc.h"
#include "system.h"

/* The longest key SYS_GETINFO GET_PARAM looks up, with its NUL. */
#define PARAM_KEY_MAX 64

/* What SYS_GETINFO tells about process. */
static void describe(const struct proc *process, struct process_info *info)
{
	memset(info, 0, sizeof(*info));
	info->endpoint = process->endpoint;
	strlcpy(info->name, process->name, sizeof(info->name));
	info->flags = process->blocked;
	info->priority = process->priority;
	info->user_ticks = process->user_ticks;
	info->system_ticks = process->system_ticks;
}

/* SYS_TIMES: ticks since boot, and the target's (or the caller's) times. */
static int do_times(struct proc *caller, message *m)
{
	struct kcall_times *request = &m->payload.times;
	struct proc *target = request->target == SELF ? caller : proc_from_endpoint(request->target);

	if (target == NULL)
		return -EDEADEPT;
	request->ticks = clock_ticks();
	request->user_ticks = target->user_ticks;
	request->system_ticks = target->system_ticks;
	return OK;
}
KERNEL_CALL(SYS_TIMES, do_times);

/*
 * GET_PROCESSES: one struct process_info per slot in use (kernel tasks
 * included), in slot order, as many as fit in size bytes. Returns how
 * many it wrote.
 */
static int get_processes(struct proc *caller, uint32_t address, uint32_t size)
{
	uint32_t room = size / sizeof(struct process_info);
	uint32_t written = 0;
	struct process_info info;

	for (int slot = 0; slot < PROCESS_SLOTS && written < room; slot++) {
		if (process_table[slot].blocked & BLOCKED_SLOT_FREE)
			continue;
		describe(&process_table[slot], &info);
		if (copy_to_user(caller, address + written * sizeof(info), &info, sizeof(info)) != OK)
			return -EFAULT;
		written++;
	}
	return written;
}

/*
 * GET_PARAM: the caller's buffer holds a NUL-terminated key; replace it
 * with the boot parameter's value. ENOENT when there is no such
 * parameter, ERANGE when the value does not fit in size bytes.
 */
static int get_param(struct proc *caller, uint32_t address, uint32_t size)
{
	char key[PARAM_KEY_MAX];
	uint32_t key_room = MIN(size, sizeof(key));

	if (key_room == 0)
		return -EINVAL;
	if (copy_from_user(caller, key, address, key_room) != OK)
		return -EFAULT;
	if (strnlen(key, key_room) == key_room)
		return -EINVAL;		/* no NUL: not a key we could hold */

	const char *value = boot_param(key);
	if (value == NULL)
		return -ENOENT;
	if (strlen(value) + 1 > size)
		return -ERANGE;
	return copy_to_user(caller, address, value, strlen(value) + 1);
}

/* Copy bytes of data to address if size bytes of room hold them all. */
static int copy_out(struct proc *caller, uint32_t address, uint32_t size,
		    const void *data, uint32_t bytes)
{
	if (size < bytes)
		return -EINVAL;
	return copy_to_user(caller, address, data, bytes);
}

/* SYS_GETINFO: copy one kind of kernel information to the caller. */
static int do_getinfo(struct proc *caller, message *m)
{
	const struct kcall_getinfo *request = &m->payload.getinfo;
	uint32_t ticks = clock_ticks();
	struct process_info self;

	switch (request->what) {
	case GET_PROCESSES:
		return get_processes(caller, request->address, request->size);
	case GET_BOOT_INFO:
		return copy_out(caller, request->address, request->size, &boot_info, sizeof(boot_info));
	case GET_TICKS:
		return copy_out(caller, request->address, request->size, &ticks, sizeof(ticks));
	case GET_PARAM:
		return get_param(caller, request->address, request->size);
	case GET_SELF:
		describe(caller, &self);
		return copy_out(caller, request->address, request->size, &self, sizeof(self));
	}
	return -EINVAL;
}
KERNEL_CALL(SYS_GETINFO, do_getinfo);

/*
 * SYS_DIAGNOSTICS: print the caller's text on the console as it is (no
 * prefix, no newline added); at most DIAGNOSTICS_MAX bytes, longer text
 * is cut there.
 */
static int do_diagnostics(struct proc *caller, message *m)
{
	/* Static, not on the one-page kernel stack: one trap at a time. */
	static char text[DIAGNOSTICS_MAX];
	uint32_t length = MIN(m->payload.diagnostics.length, DIAGNOSTICS_MAX);

	if (copy_from_user(caller, text, m->payload.diagnostics.address, length) != OK)
		return -EFAULT;
	for (uint32_t i = 0; i < length; i++)
		console_putc(text[i]);
	return OK;
}
KERNEL_CALL(SYS_DIAGNOSTICS, do_diagnostics);
