/*
 * usertrap.c - traps that come from a process: the IPC system call and
 * the CPU's exceptions.
 *
 * The system call (int $48) goes to ipc.c; like every trap from user
 * mode, it then ends in schedule() (sched.c explains why), which resumes
 * the caller unless it blocked or a process of higher priority is ready.
 *
 * An exception in user mode is the process's own fault: a bad pointer,
 * a division by zero, a forbidden instruction. The kernel kills that one
 * process, says so on the console, and the system goes on (from lab 3 a
 * fault handler registered with usertrap_set_fault_handler decides
 * instead). An exception in the kernel is a kernel bug: lab 1's trap.c
 * panics, handlers or not.
 *
 * Entry points: the KERNEL_INIT hook usertrap_init,
 * usertrap_set_fault_handler.
 */

#include "kernel.h"
#include "trap.h"
#include "proc.h"

#define EXCEPTION_VECTORS 20	/* 0 .. T_SIMD: what the CPU defines */

/* int $48 from a process: one IPC primitive, then run whoever is next. */
static void system_call_trap(struct trap_frame *frame)
{
	ipc_trap(frame);
	schedule();
}

/*
 * An exception in user mode: kill the process that caused it. (trap.c
 * keeps exceptions in the kernel to itself: they panic, as in lab 1.)
 */
static trap_handler_t fault_handler;	/* NULL: kill the process */

void usertrap_set_fault_handler(trap_handler_t handler)
{
	fault_handler = handler;
}

static void exception(struct trap_frame *frame)
{
	if (fault_handler != NULL)
		fault_handler(frame);	/* lab 3: PM decides (a signal) */
	kprintf("process %s (endpoint %d) killed: trap %d (%s) at eip 0x%08x\n",
		current->name, current->endpoint, frame->vector,
		trap_name(frame->vector), frame->eip);
	proc_kill(current);	/* never returns: current dies */
}

static void usertrap_init(void)
{
	for (int vector = 0; vector < EXCEPTION_VECTORS; vector++)
		trap_set_handler(vector, exception);
	trap_set_handler(T_SYSCALL, system_call_trap);
}
KERNEL_INIT(usertrap_init, INIT_STAGE_TRAPS);
