/*
 * kcall_fork.c - SYS_FORK: a new process that is a copy of another.
 *
 * PM calls it for a user's fork(). The child gets a free slot (a new
 * endpoint), the parent's user pages (shared copy on write: see
 * share_address_space), the parent's registers, priority and privilege
 * record. The parent is blocked in its
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
#include "x86.h"
#include "string.h"
#include "proc.h"
#include "system.h"

/*
 * Give child's address space the parent's user pages, copy on write: each
 * page the parent owns is now mapped read-only in both, marked
 * PTE_COPY_ON_WRITE, with one more reference; the first write to it (a
 * page fault, or the kernel writing on the process's behalf) gives the
 * writer a page of its own (address_space_unshare). Fork copies page
 * tables, not memory. A borrowed page (PTE_NOT_OWNED) is simply shared.
 * Returns OK or -ENOMEM.
 */
static int share_address_space(physaddr_t child, physaddr_t parent)
{
	const uint32_t *directory = PHYS_TO_VIRT(parent);

	for (uint32_t i = 0; i < DIRECTORY_INDEX(USER_TOP); i++) {
		uint32_t *table;

		if (!(directory[i] & PTE_PRESENT))
			continue;
		table = PHYS_TO_VIRT(PTE_ADDRESS(directory[i]));
		for (uint32_t j = 0; j < PAGE_TABLE_ENTRIES; j++) {
			uint32_t address = (i << 22) | (j << 12);
			uint32_t *entry;

			if (!(table[j] & PTE_PRESENT))
				continue;
			entry = page_table_entry(child, address, true);
			if (entry == NULL)
				return -ENOMEM;
			if (!(table[j] & PTE_NOT_OWNED)) {
				if (table[j] & PTE_WRITABLE)
					table[j] = (table[j] & ~PTE_WRITABLE) | PTE_COPY_ON_WRITE;
				physical_to_page(PTE_ADDRESS(table[j]))->references++;
			}
			*entry = table[j];
		}
	}
	if (read_cr3() == parent)
		write_cr3(parent);	/* the parent's pages just became read-only */
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
	    share_address_space(child->page_directory, parent->page_directory) != OK) {
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
	child->privilege.signal_manager = false;	/* one manager: the boot image's */

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
