/*
 * usertrap.c - traps that come from a process: the IPC system call and
 * the CPU's exceptions.
 *
 * The system call (int $48) goes to ipc.c; like every trap from user
 * mode, it then ends in schedule() (sched.c explains why), which resumes
 * the caller unless it blocked or a process of higher priority is ready.
 *
 * An exception in user mode is the process's own fault: a bad pointer,
 * a division by zero, a forbidden instruction. The fault handlers added
 * with usertrap_add_fault_handler get it first, in order (from lab 3: a
 * write to a page shared copy on write, then a signal); when none deals
 * with it, the kernel kills that one process, says so on the console, and
 * the system goes on. An exception in the kernel is a kernel bug: lab 1's
 * trap.c panics, handlers or not.
 *
 * Entry points: the KERNEL_INIT hook usertrap_init,
 * usertrap_add_fault_handler.
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

#define FAULT_HANDLERS_MAX 4

static fault_handler_t fault_handlers[FAULT_HANDLERS_MAX];	/* in the order added */
static int fault_handler_count;

void usertrap_add_fault_handler(fault_handler_t handler)
{
	if (fault_handler_count == FAULT_HANDLERS_MAX)
		panic("usertrap: more than %d fault handlers", FAULT_HANDLERS_MAX);
	fault_handlers[fault_handler_count++] = handler;
}

/*
 * An exception in user mode: the first fault handler that deals with it
 * decides; without one, kill the process that caused it. (trap.c keeps
 * exceptions in the kernel to itself: they panic, as in lab 1.)
 */
static void exception(struct trap_frame *frame)
{
	for (int i = 0; i < fault_handler_count; i++) {
		if (fault_handlers[i](frame))
			schedule();	/* never returns */
	}
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
