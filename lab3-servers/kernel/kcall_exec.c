/*
 * kcall_exec.c - SYS_EXEC and SYS_EXIT: the kernel's part of exec() and
 * exit(). PM does the rest (reading the program through FS, the stack,
 * the process's place in the process tree).
 *
 * SYS_EXEC starts a process afresh at an entry point with a new stack
 * pointer, once PM has filled its memory with the program (SYS_MEMMAP,
 * SYS_VIRCOPY). The process was blocked in its SENDREC to PM, the exec
 * request; that call is simply over: it never returns, the new program
 * runs instead. SYS_EXIT ends a process (PM keeps its exit status).
 *
 * Entry points: the handlers do_exec and do_exit through KERNEL_CALL.
 */

#include "kernel.h"
#include "gdt.h"
#include "string.h"
#include "proc.h"
#include "system.h"

/*
 * The process a process call from caller acts on: live, not a kernel
 * task, not the caller itself. NULL otherwise.
 */
static struct proc *other_process(const struct proc *caller, endpoint_t endpoint)
{
	struct proc *target = proc_from_endpoint(endpoint);

	if (target == NULL || target->slot < FIRST_USER_SLOT || target == caller)
		return NULL;
	return target;
}

/* SYS_EXEC: target starts at eip with stack pointer esp, called name. */
static int do_exec(struct proc *caller, message *m)
{
	const struct kcall_exec *request = &m->payload.exec;
	struct proc *target = other_process(caller, request->target);
	struct trap_frame *frame;

	if (target == NULL)
		return -EDEADEPT;
	if (request->eip >= USER_TOP || request->esp > USER_TOP)
		return -EFAULT;

	/* Whatever IPC it was in is over (the SENDREC of the exec request). */
	if (target->blocked & (BLOCKED_SENDING | BLOCKED_RECEIVING))
		ipc_abandon(target);

	frame = target->frame;
	memset(frame, 0, sizeof(*frame));
	frame->ds = frame->es = frame->fs = frame->gs = USER_DS;
	frame->cs = USER_CS;
	frame->user_ss = USER_DS;
	frame->eip = request->eip;
	frame->user_esp = request->esp;
	frame->eflags = EFLAGS_IF | 0x2;

	memcpy(target->name, request->name, PROCESS_NAME_LENGTH - 1);
	target->name[PROCESS_NAME_LENGTH - 1] = '\0';
	target->privilege.grant_table = 0;	/* its old memory is gone */
	target->privilege.grant_count = 0;
	target->alarm_tick = 0;
	return OK;
}
KERNEL_CALL(SYS_EXEC, do_exec);

/* SYS_EXIT: end target; its slot is free for a new process. */
static int do_exit(struct proc *caller, message *m)
{
	struct proc *target = other_process(caller, m->payload.exit.target);

	if (target == NULL)
		return -EDEADEPT;
	proc_kill(target);
	return OK;
}
KERNEL_CALL(SYS_EXIT, do_exit);
