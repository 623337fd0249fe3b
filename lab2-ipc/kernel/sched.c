/*
 * sched.c - scheduling: which ready process runs, and switching to it.
 *
 * Ready processes wait in PRIORITY_LEVELS queues, one per priority (0 is
 * the highest). A process is in its queue exactly when its blocked flags
 * are 0 (proc_block / proc_unblock keep it so); the running process stays
 * at the head of its queue. The next process to run is the head of the
 * highest-priority queue that is not empty: strict priority between
 * levels. When a process has used up its quantum of clock ticks, it moves
 * to the tail of its queue: round robin within a level.
 *
 * How the kernel leaves a trap. Each process has its own kernel stack,
 * and a trap from user mode saves the process's registers at the top of
 * it (proc.h: frame). The kernel never waits in the middle of its own
 * code: a process that must wait is only marked blocked. So every trap
 * from user mode ends in schedule(), which chooses a process and
 * returns to user mode through that process's saved frame, throwing away
 * whatever the kernel had on the stack. When no process is ready, the
 * kernel idles (interrupts on, hlt) on the boot stack, which belongs to
 * no process; a dying process's trap ends there too, so that its stack
 * can be freed. Interrupts that arrive while the kernel idles return to
 * the idle loop.
 *
 * Entry points: proc_block, proc_unblock, schedule; the clock tick hook
 * and the start of scheduling are KERNEL_INIT hooks.
 */

#include "kernel.h"
#include "memlayout.h"
#include "devices.h"
#include "gdt.h"
#include "x86.h"
#include "proc.h"

/* Head and tail of each ready queue, linked through next_ready. */
static struct proc *ready_head[PRIORITY_LEVELS];
static struct proc *ready_tail[PRIORITY_LEVELS];

/* Append process to the tail of its priority's queue. */
static void enqueue(struct proc *process)
{
	int priority = process->priority;

	process->next_ready = NULL;
	if (ready_head[priority] == NULL)
		ready_head[priority] = process;
	else
		ready_tail[priority]->next_ready = process;
	ready_tail[priority] = process;
}

/* Take process out of its priority's queue; it must be in it. */
static void dequeue(struct proc *process)
{
	int priority = process->priority;
	struct proc **link = &ready_head[priority];
	struct proc *previous = NULL;

	while (*link != process) {
		previous = *link;
		link = &(*link)->next_ready;
	}
	*link = process->next_ready;
	if (ready_tail[priority] == process)
		ready_tail[priority] = previous;
	process->next_ready = NULL;
}

/* Add reason to why process cannot run; a ready process leaves its queue. */
void proc_block(struct proc *process, uint32_t reason)
{
	if (process->blocked == 0)
		dequeue(process);
	process->blocked |= reason;
}

/* Take reason away; with none left, process joins its queue's tail. */
void proc_unblock(struct proc *process, uint32_t reason)
{
	if (process->blocked == 0)
		return;
	process->blocked &= ~reason;
	if (process->blocked == 0)
		enqueue(process);
}

/*
 * The process that should run next: the head of the highest-priority
 * queue that has one, or NULL when no process is ready.
 */
static struct proc *pick_next(void)
{
	/* LAB 2: your code here.
	 * Hint: look at ready_head[] from priority 0 (the highest) up to
	 * PRIORITY_LEVELS - 1 and return the first head that is not NULL.
	 * Round robin is done for you: sched_tick() moves a process whose
	 * quantum is used up to the tail of its queue. */
	panic("LAB 2: pick_next() is not written yet");
}

/* Return to user mode in process: its address space, its kernel stack. */
static void __attribute__((noreturn)) run(struct proc *process)
{
	current = process;
	if (read_cr3() != process->page_directory)
		write_cr3(process->page_directory);
	tss_set_kernel_stack(process->kernel_stack);
	switch_to_user(process->frame);
}

/*
 * On the boot stack, with interrupts off: halt until an interrupt makes
 * a process ready, then run it.
 */
static void idle(void *unused)
{
	struct proc *next;

	current = NULL;
	while ((next = pick_next()) == NULL) {
		sti_hlt();	/* an interrupt handler may wake a process */
		cli();
	}
	run(next);
}

/*
 * Leave the current kernel stack for good and run the best ready process
 * (current again, most often), or idle on the boot stack when there is
 * none. First check that current's trap did not run off the end of its
 * stack.
 */
void schedule(void)
{
	struct proc *next;

	if (current != NULL &&
	    *(uint32_t *) (current->kernel_stack - PAGE_SIZE) != KERNEL_STACK_END_MARK)
		panic("process %s overflowed its kernel stack", current->name);
	next = pick_next();
	if (next == NULL)
		call_on_boot_stack(idle, NULL);	/* never returns */
	run(next);
}

/*
 * Every clock tick (clock.c calls it after counting the tick): fire the
 * alarms that are due, charge the running process, and when its quantum
 * is used up, send it to the tail of its queue. A tick that interrupted
 * a process ends in schedule(), so a process an alarm just woke runs now
 * if its priority is higher. A tick that interrupted the idle loop
 * returns to it.
 */
static void sched_tick(struct trap_frame *frame)
{
	alarms_tick(clock_ticks());
	if ((frame->cs & 3) != 3)
		return;		/* the kernel was idle */

	current->user_ticks++;
	if (--current->ticks_left <= 0) {
		current->ticks_left = current->quantum;
		if (current->blocked == 0) {
			dequeue(current);
			enqueue(current);
		}
	}
	schedule();
}

static void sched_init(void)
{
	clock_add_tick_hook(sched_tick);
}
KERNEL_INIT(sched_init, INIT_STAGE_DEVICES);

/* The last step of booting: run the first process; never returns. */
static void sched_start(void)
{
	schedule();
}
KERNEL_INIT(sched_start, INIT_STAGE_START);
