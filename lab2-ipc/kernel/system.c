/*
 * system.c - the SYSTEM task: how a kernel call is carried out.
 *
 * A process makes a kernel call by a SENDREC to SYSTEM whose message type
 * is a SYS_* number and whose payload holds the arguments. The SYSTEM task
 * is not a process that runs: ipc.c calls system_call() inside the
 * caller's trap, and the reply is written over the request before the
 * trap returns, so the caller never blocks.
 *
 * Checks come first, in this order (the seL4 rule: authority, then
 * arguments, then act):
 *   - an ordinary user process makes no kernel calls at all: its SENDREC
 *     fails with ECALLDENIED and nothing is written back;
 *   - the request must be readable (else the SENDREC fails with EFAULT);
 *   - the type must be a kernel-call number (else the reply's type is
 *     EBADREQUEST) that the caller's call mask allows (ECALLDENIED) and
 *     that some file registered (EBADREQUEST);
 *   - the handler then checks its own arguments.
 *
 * The handlers live in kcall_*.c, one file per group of calls, and enter
 * the kernel_calls linker table with KERNEL_CALL (system.h). At boot
 * the table is turned into an array indexed by call number.
 *
 * Entry points: system_call (ipc.c); kernel_calls_init is a KERNEL_INIT hook.
 */

#include "kernel.h"
#include "proc.h"
#include "system.h"

/* The KERNEL_CALL entries of every lab, gathered by the linker. */
TABLE_DECLARE(struct kernel_call, kernel_calls);

/* kernel_calls[n]: the entry for call KERNEL_CALL_BASE + n, or NULL. */
static const struct kernel_call *kernel_calls[KERNEL_CALL_COUNT];

/* Whether number is a kernel-call number at all. */
static bool is_kernel_call(int number)
{
	return number >= KERNEL_CALL_BASE && number < KERNEL_CALL_BASE + KERNEL_CALL_COUNT;
}

/* File every entry of the linker table under its number; two handlers
 * for one call, or a number out of range, is a kernel bug. */
static void kernel_calls_init(void)
{
	const struct kernel_call *call;

	TABLE_FOR_EACH(call, kernel_calls) {
		if (!is_kernel_call(call->number))
			panic("kernel call %s: no call number 0x%x", call->name, call->number);
		if (kernel_calls[call->number - KERNEL_CALL_BASE] != NULL)
			panic("kernel call 0x%x: both %s and %s", call->number,
			      kernel_calls[call->number - KERNEL_CALL_BASE]->name, call->name);
		kernel_calls[call->number - KERNEL_CALL_BASE] = call;
	}
}
KERNEL_INIT(kernel_calls_init, INIT_STAGE_TRAPS);

/* Carry out request m of caller; the result becomes the reply's type. */
static int carry_out(struct proc *caller, message *m)
{
	int number = m->type;

	if (!is_kernel_call(number))
		return -EBADREQUEST;
	if (!may_call(caller, number))
		return -ECALLDENIED;
	const struct kernel_call *call = kernel_calls[number - KERNEL_CALL_BASE];
	if (call == NULL)
		return -EBADREQUEST;
	return call->handler(caller, m);
}

/*
 * The kernel call of caller, whose request is at caller->message_address:
 * carry it out and write the reply (type = result, source = SYSTEM) over
 * the request. Returns the SENDREC's own result: OK once a reply is
 * written, EFAULT or ECALLDENIED when there was none.
 */
int system_call(struct proc *caller)
{
	message m;

	if (!caller->privilege.system)
		return -ECALLDENIED;
	if (copy_from_user(caller, &m, caller->message_address, sizeof(m)) != OK)
		return -EFAULT;
	m.type = carry_out(caller, &m);
	m.source = SYSTEM;
	return deliver_from_kernel(caller, &m);
}
