/*
 * memory.c - brk(): moving the end of a process's heap.
 *
 * A program's heap starts at its initial break, the end of its highest
 * segment (exec.c), and grows towards the stack. PM maps whole pages as
 * the break rises and frees them as it falls; the bytes between the break
 * and the end of its page are mapped too, since memory comes in pages.
 * The break never comes within STACK_GAP of the stack, so a stack that
 * overflows faults instead of running into the heap.
 *
 * Entry point: do_brk (PM_BRK).
 */

#include "pm.h"

/*
 * Map or unmap the pages of endpoint between two page-aligned heap ends.
 * Returns OK, or -ENOMEM with nothing changed.
 */
static int resize_heap(endpoint_t endpoint, uint32_t old_end, uint32_t new_end)
{
	int result;

	if (new_end < old_end)
		return sys_memmap(endpoint, MEMMAP_UNMAP, new_end, old_end - new_end, 0);
	if (new_end == old_end)
		return OK;
	result = sys_memmap(endpoint, MEMMAP_MAP, old_end, new_end - old_end, 0);
	if (result != OK) {
		/* The kernel keeps the pages it managed to map: give them back. */
		sys_memmap(endpoint, MEMMAP_UNMAP, old_end, new_end - old_end, 0);
		return -ENOMEM;
	}
	return OK;
}

/*
 * PM_BRK (struct pm_brk): move the caller's break to address, or just
 * tell it (address 0). Returns 0 with the break in pm_brk.address, or
 * -ENOMEM when address is below the initial break, too close to the
 * stack, or there is no memory for it.
 */
int do_brk(struct process *caller, message *m)
{
	uint32_t address = m->payload.pm_brk.address;
	int result;

	if (address != 0) {
		if (address < caller->initial_break || address >= BREAK_LIMIT)
			return -ENOMEM;
		result = resize_heap(caller->endpoint, ROUND_UP(caller->break_address, PAGE_SIZE),
				     ROUND_UP(address, PAGE_SIZE));
		if (result != OK)
			return -ENOMEM;
		caller->break_address = address;
	}
	m->payload.pm_brk.address = caller->break_address;
	return 0;
}
