/*
 * kcall_fork.c - SYS_FORK: a new process that is a copy of another.
 *
 * PM calls it for a user's fork(). The child gets a free slot (a new
 * endpoint), a copy of every user page of the parent, the parent's
 * registers, priority and privilege record. The parent is blocked in its
 * SENDREC to PM, waiting for the reply; the child is made to wait for the
 * same reply, at the same message address: so when PM answers each of
 * them (the child's pid to the parent, 0 to the child), both return from
 * the same fork() call, each with its own answer. Until then the child
 * cannot run, which gives PM time to set it up.
 *
 * Entry points: the handler do_fork through KERNEL_CALL.
 */

#include "kernel.h"
#include "memory.h"
#include "string.h"
#include "proc.h"
#include "system.h"

/*
 * Give child's address space a copy of each user page of parent's:
 * a fresh page with the same contents at the same address; a borrowed
 * page (PTE_NOT_OWNED) is shared, not copied. Returns OK or -ENOMEM.
 */
static int copy_address_space(physaddr_t child, physaddr_t parent)
{
	const uint32_t *directory = PHYS_TO_VIRT(parent);

	for (uint32_t i = 0; i < DIRECTORY_INDEX(USER_TOP); i++) {
		const uint32_t *table;

		if (!(directory[i] & PTE_PRESENT))
			continue;
		table = PHYS_TO_VIRT(PTE_ADDRESS(directory[i]));
		for (uint32_t j = 0; j < 1024; j++) {
			uint32_t address = (i << 22) | (j << 12);
			uint32_t *entry;
			struct page *page;

			if (!(table[j] & PTE_PRESENT))
				continue;
			entry = page_table_entry(child, address, true);
			if (entry == NULL)
				return -ENOMEM;
			if (table[j] & PTE_NOT_OWNED) {
				*entry = table[j];
				continue;
			}
			if ((page = page_alloc()) == NULL)
				return -ENOMEM;
			page->references = 1;
			memcpy(page_to_virtual(page), PHYS_TO_VIRT(PTE_ADDRESS(table[j])), PAGE_SIZE);
			*entry = page_to_physical(page) | (table[j] & 0xFFF);
		}
	}
	return OK;
}

/* The first free slot for a new process, or -1. */
static int free_slot(void)
{
	for (int slot = FIRST_USER_SLOT; slot < PROCESS_SLOTS; slot++) {
		if (process_table[slot].blocked & BLOCKED_SLOT_FREE)
			return slot;
	}
	return -1;
}

/*
 * SYS_FORK: copy the parent into a free slot; the child's endpoint goes
 * back in the reply. EAGAIN: no free slot; ENOMEM: no memory for it.
 */
static int do_fork(struct proc *caller, message *m)
{
	struct proc *parent = proc_from_endpoint(m->payload.fork.parent);
	struct proc *child;
	int slot = free_slot();

	if (parent == NULL || parent->slot < FIRST_USER_SLOT || parent == caller)
		return -EDEADEPT;
	if (slot < 0 || (child = proc_allocate_slot(slot, parent->name)) == NULL)
		return -EAGAIN;

	child->page_directory = address_space_create();
	if (child->page_directory == 0 ||
	    copy_address_space(child->page_directory, parent->page_directory) != OK) {
		proc_kill(child);
		return -ENOMEM;
	}
	*child->frame = *parent->frame;
	child->priority = parent->priority;
	child->quantum = parent->quantum;
	child->ticks_left = parent->quantum;
	child->privilege = parent->privilege;
	child->privilege.grant_table = 0;	/* grants name the parent's endpoint */
	child->privilege.grant_count = 0;

	/* Waiting, like the parent, for the caller's reply to the SENDREC. */
	child->message_address = parent->message_address;
	child->in_sendrec = true;
	child->receive_from = caller->endpoint;
	proc_block(child, BLOCKED_RECEIVING);
	proc_unblock(child, BLOCKED_NOT_STARTED);

	m->payload.fork.child = child->endpoint;
	return OK;
}
KERNEL_CALL(SYS_FORK, do_fork);
