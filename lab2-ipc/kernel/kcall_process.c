/*
 * kcall_process.c - kernel calls about processes and time: SYS_KILL,
 * SYS_PRIVCTL, SYS_SETALARM, SYS_SHUTDOWN; and the alarms.
 *
 * An alarm is one tick number per process (alarm_tick, 0 for none). The
 * clock's tick hook (sched.c) calls alarms_tick on every tick; a process
 * whose alarm is due gets a notification from CLOCK, which it receives
 * like any other (RECEIVE from ANY or from CLOCK).
 *
 * Entry points: the handlers through KERNEL_CALL, alarms_tick.
 */

#include "kernel.h"
#include "devices.h"
#include "proc.h"
#include "system.h"
#include "string.h"

/*
 * The process endpoint names, for a call that acts on it: a live process
 * and not a kernel task; SELF names the caller. NULL otherwise.
 */
static struct proc *target_process(struct proc *caller, endpoint_t endpoint)
{
	struct proc *target = endpoint == SELF ? caller : proc_from_endpoint(endpoint);

	if (target == NULL || target->slot < FIRST_USER_SLOT)
		return NULL;
	return target;
}

/*
 * SYS_KILL: end the target process (lab 2 has no signals: every signal
 * ends it). A process may kill itself; then no reply comes.
 */
static int do_kill(struct proc *caller, message *m)
{
	struct proc *target = target_process(caller, m->payload.kill.target);

	if (target == NULL)
		return -EDEADEPT;
	kprintf("process %s (endpoint %d) killed by %s\n", target->name, target->endpoint, caller->name);
	proc_kill(target);
	return OK;
}
KERNEL_CALL(SYS_KILL, do_kill);

/*
 * PRIV_SET_RECORD: replace target's privileges with the record at address
 * in caller's memory (the grant table stays). EFAULT or EINVAL for a
 * record that cannot be read or does not fit the kernel's.
 */
static int set_record(struct proc *caller, struct proc *target, uint32_t address)
{
	struct privilege_record record;
	struct privilege *privilege = &target->privilege;

	if (copy_from_user(caller, &record, address, sizeof(record)) != OK)
		return -EFAULT;
	if (record.io_count > MAX_IO_RANGES || record.memory_count > MAX_MEMORY_RANGES)
		return -EINVAL;
	privilege->system = record.system != 0;
	privilege->allowed_traps = record.traps & ALL_TRAPS;
	memcpy(privilege->allowed_targets, record.targets, sizeof(privilege->allowed_targets));
	memcpy(privilege->allowed_calls, record.calls, sizeof(privilege->allowed_calls));
	privilege->io_count = record.io_count;
	for (uint32_t i = 0; i < record.io_count; i++)
		privilege->io[i] = (struct io_range) { record.io[i].first, record.io[i].last };
	privilege->irqs = record.irqs;
	privilege->memory_count = record.memory_count;
	for (uint32_t i = 0; i < record.memory_count; i++)
		privilege->memory[i] = (struct memory_range) { record.memory[i].first,
							      record.memory[i].last };
	return OK;
}

/*
 * SYS_PRIVCTL: widen the target's privilege record by one entry: let it
 * send to an endpoint's slot (PRIV_ALLOW_SEND) or make one kernel call
 * (PRIV_ALLOW_CALL); or give it a whole record (PRIV_SET_RECORD). Only
 * callers whose call mask has SYS_PRIVCTL get here.
 */
static int do_privctl(struct proc *caller, message *m)
{
	const struct kcall_privctl *request = &m->payload.privctl;
	struct proc *target = target_process(caller, request->target);
	int argument = request->argument;

	if (target == NULL)
		return -EDEADEPT;
	switch (request->request) {
	case PRIV_ALLOW_SEND:
		if (proc_from_endpoint(argument) == NULL)
			return -EDEADEPT;
		privilege_allow_send(&target->privilege, ENDPOINT_SLOT(argument));
		return OK;
	case PRIV_ALLOW_CALL:
		if (argument < KERNEL_CALL_BASE || argument >= KERNEL_CALL_BASE + KERNEL_CALL_COUNT)
			return -EINVAL;
		privilege_allow_call(&target->privilege, argument);
		return OK;
	case PRIV_SET_RECORD:
		return set_record(caller, target, (uint32_t) argument);
	}
	return -EINVAL;
}
KERNEL_CALL(SYS_PRIVCTL, do_privctl);

/*
 * SYS_SETALARM: a CLOCK notification for the caller in ticks clock ticks
 * (0 cancels). It replaces any earlier alarm; the reply says how many
 * ticks that one had left (0: none).
 */
static int do_setalarm(struct proc *caller, message *m)
{
	struct kcall_setalarm *request = &m->payload.setalarm;
	uint32_t now = clock_ticks();

	request->previous = 0;
	if (caller->alarm_tick != 0 && (int32_t) (caller->alarm_tick - now) > 0)
		request->previous = caller->alarm_tick - now;
	caller->alarm_tick = 0;
	if (request->ticks != 0) {
		caller->alarm_tick = now + request->ticks;
		if (caller->alarm_tick == 0)
			caller->alarm_tick = 1;	/* 0 means "none": fire a tick late */
	}
	return OK;
}
KERNEL_CALL(SYS_SETALARM, do_setalarm);

/* SYS_SHUTDOWN: stop the machine; code is the emulator's exit status. */
static int do_shutdown(struct proc *caller, message *m)
{
	(void) caller;
	machine_exit(m->payload.shutdown.code);
}
KERNEL_CALL(SYS_SHUTDOWN, do_shutdown);

/*
 * Every clock tick, at tick now (sched.c's tick hook): each process whose
 * alarm is due loses it and gets a notification from CLOCK. Counting in
 * signed differences keeps this right when the tick counter wraps.
 */
void alarms_tick(uint32_t now)
{
	for (int slot = FIRST_USER_SLOT; slot < PROCESS_SLOTS; slot++) {
		struct proc *process = &process_table[slot];

		if (process->alarm_tick == 0 || (process->blocked & BLOCKED_SLOT_FREE))
			continue;
		if ((int32_t) (now - process->alarm_tick) >= 0) {
			process->alarm_tick = 0;
			notify_from_kernel(CLOCK, process);
		}
	}
}
