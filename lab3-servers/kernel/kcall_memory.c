/*
 * kcall_memory.c - SYS_MEMMAP and SYS_VIRCOPY: memory for PM's exec and
 * brk, physical memory for a driver, and copies between processes.
 *
 * The kernel keeps no memory policy: PM decides where a program's
 * segments, heap and stack go and asks for pages with MEMMAP_MAP, drops
 * them with MEMMAP_UNMAP, or empties an address space for a new program
 * with MEMMAP_CLEAR. A driver whose privilege record lists a range of
 * physical memory (the memory driver: the RAM disk's boot module) maps it
 * into its own address space with MEMMAP_PHYSICAL; those pages are marked
 * PTE_NOT_OWNED, so no address space ever frees them.
 *
 * SYS_VIRCOPY copies between any two processes' user memory: only PM and
 * FS may make it, which is how read() and write() move a user's data
 * (drivers only ever see grants).
 *
 * Entry points: the handlers do_memmap and do_vircopy through KERNEL_CALL.
 */

#include "kernel.h"
#include "memory.h"
#include "x86.h"
#include "proc.h"
#include "system.h"

/* The process endpoint names for caller (SELF: the caller), or NULL when
 * it is not a live process outside the kernel. */
static struct proc *process_of(struct proc *caller, endpoint_t endpoint)
{
	struct proc *process = endpoint == SELF ? caller : proc_from_endpoint(endpoint);

	if (process == NULL || process->slot < FIRST_USER_SLOT)
		return NULL;
	return process;
}

/* Free the pages wholly inside [address, address + bytes) of process. */
static int unmap_range(struct proc *process, uint32_t address, uint32_t bytes)
{
	uint32_t page = ROUND_UP(address, PAGE_SIZE);

	if (bytes > USER_TOP || address > USER_TOP - bytes)
		return -EFAULT;
	for (; page + PAGE_SIZE <= address + bytes; page += PAGE_SIZE) {
		uint32_t *entry = page_table_entry(process->page_directory, page, false);

		if (entry == NULL || !(*entry & PTE_PRESENT))
			continue;
		if (!(*entry & PTE_NOT_OWNED)) {
			struct page *frame = physical_to_page(PTE_ADDRESS(*entry));

			if (--frame->references == 0)
				page_free(frame);
		}
		*entry = 0;
		if (read_cr3() == process->page_directory)
			invlpg(page);
	}
	return OK;
}

/* Whether [physical, physical + bytes) lies in one of process's memory ranges. */
static bool may_map_physical(const struct proc *process, uint32_t physical, uint32_t bytes)
{
	const struct privilege *privilege = &process->privilege;

	if (bytes == 0 || physical + bytes - 1 < physical)
		return false;
	for (int i = 0; i < privilege->memory_count; i++) {
		if (physical >= privilege->memory[i].first &&
		    physical + bytes - 1 <= privilege->memory[i].last)
			return true;
	}
	return false;
}

/* Map [physical, +bytes) at address in process, borrowed (never freed). */
static int map_physical(struct proc *process, uint32_t address, uint32_t bytes, uint32_t physical)
{
	if ((address | physical) & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!may_map_physical(process, physical, bytes))
		return -EPERM;
	if (bytes > USER_TOP || address > USER_TOP - bytes)
		return -EFAULT;
	for (uint32_t offset = 0; offset < bytes; offset += PAGE_SIZE) {
		uint32_t *entry = page_table_entry(process->page_directory, address + offset, true);

		if (entry == NULL)
			return -ENOMEM;
		if (*entry & PTE_PRESENT)
			return -EBUSY;
		*entry = (physical + offset) | PTE_PRESENT | PTE_WRITABLE | PTE_USER | PTE_NOT_OWNED;
	}
	return OK;
}

/* Bytes of user memory mapped in process. */
static uint32_t memory_size(const struct proc *process)
{
	const uint32_t *directory = PHYS_TO_VIRT(process->page_directory);
	uint32_t pages = 0;

	for (uint32_t i = 0; i < DIRECTORY_INDEX(USER_TOP); i++) {
		const uint32_t *table;

		if (!(directory[i] & PTE_PRESENT))
			continue;
		table = PHYS_TO_VIRT(PTE_ADDRESS(directory[i]));
		for (uint32_t j = 0; j < PAGE_TABLE_ENTRIES; j++)
			pages += (table[j] & PTE_PRESENT) != 0;
	}
	return pages * PAGE_SIZE;
}

/* SYS_MEMMAP: one change to the target's user memory (messages.h). */
static int do_memmap(struct proc *caller, message *m)
{
	struct kcall_memmap *request = &m->payload.memmap;
	struct proc *target = process_of(caller, request->target);

	if (target == NULL)
		return -EDEADEPT;
	switch (request->request) {
	case MEMMAP_CLEAR:
		if (target == caller)
			return -EINVAL;		/* it would pull the floor from under it */
		address_space_clear(target->page_directory);
		return OK;
	case MEMMAP_MAP:
		return address_space_map(target->page_directory, request->address, request->bytes);
	case MEMMAP_UNMAP:
		return unmap_range(target, request->address, request->bytes);
	case MEMMAP_PHYSICAL:
		if (target != caller)
			return -EPERM;
		return map_physical(target, request->address, request->bytes, request->physical);
	case MEMMAP_SIZE:
		request->bytes = memory_size(target);
		return OK;
	}
	return -EINVAL;
}
KERNEL_CALL(SYS_MEMMAP, do_memmap);

/* SYS_VIRCOPY: copy between two processes' user memory. */
static int do_vircopy(struct proc *caller, message *m)
{
	const struct kcall_vircopy *request = &m->payload.vircopy;
	struct proc *source = process_of(caller, request->source);
	struct proc *destination = process_of(caller, request->destination);

	if (source == NULL || destination == NULL)
		return -EDEADEPT;
	return copy_between(source, request->source_address,
			    destination, request->destination_address, request->bytes);
}
KERNEL_CALL(SYS_VIRCOPY, do_vircopy);
