/*
 * proc.c - the process table: one struct proc per slot, and the endpoints
 * that name them.
 *
 * Slots 0 .. FIRST_USER_SLOT-1 hold the kernel's tasks SYSTEM, HARDWARE
 * and CLOCK. They are never scheduled; they exist so that the kernel can
 * be named as a message's source and appear in process listings. The boot
 * processes take fixed slots from FIRST_USER_SLOT on (bootimage.c).
 *
 * An endpoint is (generation << 8) | slot. A slot's generation goes up
 * each time its process dies, so an endpoint kept by someone after the
 * death names nobody (proc_from_endpoint returns NULL), even once the slot
 * holds a new process. The boot processes have generation 0, so their
 * endpoints are their slots.
 *
 * Entry points: proc_table_init, proc_from_endpoint, proc_allocate_slot,
 * proc_kill.
 */

#include "kernel.h"
#include "memory.h"
#include "string.h"
#include "proc.h"

struct proc process_table[PROCESS_SLOTS];
struct proc *current;

static const char *const kernel_task_names[FIRST_USER_SLOT] = {
	[SYSTEM] = "system",
	[HARDWARE] = "hardware",
	[CLOCK] = "clock",
};

/* Make every slot free and put the kernel tasks in their slots. */
void proc_table_init(void)
{
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct proc *process = &process_table[slot];

		memset(process, 0, sizeof(*process));
		process->slot = slot;
		process->endpoint = MAKE_ENDPOINT(0, slot);
		process->blocked = BLOCKED_SLOT_FREE;
	}
	for (int slot = 0; slot < FIRST_USER_SLOT; slot++) {
		strlcpy(process_table[slot].name, kernel_task_names[slot], PROCESS_NAME_LENGTH);
		process_table[slot].blocked = BLOCKED_STOPPED;
	}
	current = NULL;
}

/* The process endpoint names, or NULL when it names none (any more). */
struct proc *proc_from_endpoint(endpoint_t endpoint)
{
	struct proc *process;

	if (endpoint < 0)
		return NULL;
	if (ENDPOINT_SLOT(endpoint) >= PROCESS_SLOTS)
		return NULL;
	process = &process_table[ENDPOINT_SLOT(endpoint)];
	if (process->blocked & BLOCKED_SLOT_FREE)
		return NULL;
	if (process->endpoint != endpoint)
		return NULL;	/* an older generation: that process died */
	return process;
}

/*
 * Take slot for a new process called name, or return NULL if the slot is
 * not free or no page is left for its kernel stack. The process gets the
 * slot's current generation, a kernel stack, no address space, and stays
 * blocked NOT_STARTED until its creator has filled in its frame.
 */
struct proc *proc_allocate_slot(int slot, const char *name)
{
	struct proc *process;
	struct page *stack;

	if (slot < FIRST_USER_SLOT || slot >= PROCESS_SLOTS)
		return NULL;
	process = &process_table[slot];
	if (!(process->blocked & BLOCKED_SLOT_FREE) || (stack = page_alloc()) == NULL)
		return NULL;

	/* One page of kernel stack; its lowest word marks the end (sched.c checks it). */
	stack->references = 1;
	*(uint32_t *) page_to_virtual(stack) = KERNEL_STACK_END_MARK;
	process->kernel_stack = (uint32_t) page_to_virtual(stack) + PAGE_SIZE;
	process->frame = (struct trap_frame *) (process->kernel_stack - sizeof(struct trap_frame));

	strlcpy(process->name, name, PROCESS_NAME_LENGTH);
	process->endpoint = MAKE_ENDPOINT(process->generation, slot);
	process->blocked = BLOCKED_NOT_STARTED;
	process->priority = USER_PRIORITY;
	process->quantum = DEFAULT_QUANTUM;
	process->ticks_left = DEFAULT_QUANTUM;
	process->receive_from = NONE;
	process->send_to = NONE;
	return process;
}

/*
 * Free everything process holds and its slot. It is no longer in a ready
 * queue, and the CPU is not on its kernel stack nor (address.c sees to
 * it) in its address space.
 */
static void free_process(void *argument)
{
	struct proc *process = argument;
	struct page *stack;
	uint32_t generation = (process->generation + 1) % GENERATION_LIMIT;
	int slot = process->slot;

	if (process->page_directory != 0)
		address_space_destroy(process->page_directory);
	stack = physical_to_page(VIRT_TO_PHYS(process->kernel_stack - PAGE_SIZE));
	stack->references = 0;
	page_free(stack);

	/* A fresh slot, one generation on: old endpoints of it are now stale. */
	memset(process, 0, sizeof(*process));
	process->slot = slot;
	process->generation = generation;
	process->endpoint = MAKE_ENDPOINT(generation, slot);
	process->blocked = BLOCKED_SLOT_FREE;
}

/* The same, then run another process: the dying one was current. */
static void free_current_process(void *argument)
{
	free_process(argument);
	schedule();
}

/*
 * End process: nobody stays blocked on it, its IRQs and alarm are gone,
 * its memory and slot are free. Prints nothing: the caller says why.
 * When process is current, this never returns: its kernel stack, which
 * the CPU is running on, is about to be freed, so the rest happens on the
 * boot stack and ends in schedule().
 */
void proc_kill(struct proc *process)
{
	if (process->slot < FIRST_USER_SLOT)
		panic("proc_kill: %s is a kernel task", process->name);
	proc_block(process, BLOCKED_STOPPED);	/* out of its ready queue */
	ipc_cleanup(process);
	irq_release(process);
	process->alarm_tick = 0;

	if (process == current) {
		current = NULL;
		call_on_boot_stack(free_current_process, process);
	}
	free_process(process);
}
