/*
 * address.c - address spaces: one page directory per process, and copies
 * between user memory and the kernel.
 *
 * A process's page directory maps its own pages below USER_TOP, for user
 * mode, and shares the kernel's page tables from KERNBASE up (its upper
 * entries are copies of kernel_page_directory's), so the kernel runs in
 * every address space. Each user page and each page table is a page from
 * page_alloc with one reference: the address space's. (From lab 3, fork
 * shares user pages copy on write: such a page has one reference per
 * address space that maps it.)
 *
 * The kernel reaches any physical page at KERNBASE + its address. The
 * copy functions use that: they look each user page up in the process's
 * page tables and copy through the kernel's mapping, page by page, so they
 * work whichever address space the CPU has loaded, and a bad address is
 * an EFAULT for the caller, never a page fault in the kernel.
 *
 * Copy on write: a write fault on such a page is dealt with here (a fault
 * handler of usertrap.c's, added first), before anyone calls it a fault.
 *
 * Entry points: address_space_create, address_space_clear,
 * address_space_destroy, address_space_map, address_space_unshare,
 * page_table_entry, copy_from_user, copy_to_user, copy_between.
 */

#include "kernel.h"
#include "memory.h"
#include "errors.h"
#include "string.h"
#include "x86.h"
#include "proc.h"

#define USER_PAGE (PTE_PRESENT | PTE_WRITABLE | PTE_USER)

/* A zeroed page with one reference, by its physical address; 0 if none. */
static physaddr_t take_page(void)
{
	struct page *page = page_alloc();

	if (page == NULL)
		return 0;
	page->references = 1;
	return page_to_physical(page);
}

/* Drop one reference to the page at address; free it when none is left. */
static void release_page(physaddr_t address)
{
	struct page *page = physical_to_page(address);

	if (--page->references == 0)
		page_free(page);
}

/*
 * A new page directory: the kernel's part shared, the user part empty.
 * Returns its physical address, or 0 when memory ran out.
 */
physaddr_t address_space_create(void)
{
	physaddr_t page_directory = take_page();
	uint32_t *directory = PHYS_TO_VIRT(page_directory);
	uint32_t *kernel_directory = PHYS_TO_VIRT(kernel_page_directory);

	if (page_directory == 0)
		return 0;
	for (uint32_t i = DIRECTORY_INDEX(KERNBASE); i < PAGE_TABLE_ENTRIES; i++)
		directory[i] = kernel_directory[i];
	return page_directory;
}

/*
 * Free every user page and every user page table of page_directory,
 * leaving its user part empty. Pages marked PTE_NOT_OWNED (memory the
 * address space only borrows) are unmapped, not freed.
 */
void address_space_clear(physaddr_t page_directory)
{
	uint32_t *directory = PHYS_TO_VIRT(page_directory);

	for (uint32_t i = 0; i < DIRECTORY_INDEX(USER_TOP); i++) {
		uint32_t *table;

		if (!(directory[i] & PTE_PRESENT))
			continue;
		table = PHYS_TO_VIRT(PTE_ADDRESS(directory[i]));
		for (uint32_t j = 0; j < PAGE_TABLE_ENTRIES; j++) {
			if ((table[j] & PTE_PRESENT) && !(table[j] & PTE_NOT_OWNED))
				release_page(PTE_ADDRESS(table[j]));
		}
		release_page(PTE_ADDRESS(directory[i]));
		directory[i] = 0;
	}
	if (read_cr3() == page_directory)
		write_cr3(page_directory);	/* forget the old translations */
}

/*
 * Free the whole address space: its user part, then the directory
 * itself. If the CPU is in it, it moves to the kernel's first.
 */
void address_space_destroy(physaddr_t page_directory)
{
	if (read_cr3() == page_directory)
		write_cr3(kernel_page_directory);
	address_space_clear(page_directory);
	release_page(page_directory);
}

/*
 * The page-table entry for address in page_directory, creating its page
 * table when create is set. NULL when there is no table (or no memory).
 */
uint32_t *page_table_entry(physaddr_t page_directory, uint32_t address, bool create)
{
	uint32_t *directory = PHYS_TO_VIRT(page_directory);
	uint32_t *entry = &directory[DIRECTORY_INDEX(address)];
	uint32_t *table;

	if (!(*entry & PTE_PRESENT)) {
		physaddr_t new_table;

		if (!create || (new_table = take_page()) == 0)
			return NULL;
		*entry = new_table | USER_PAGE;
	}
	table = PHYS_TO_VIRT(PTE_ADDRESS(*entry));
	return &table[TABLE_INDEX(address)];
}

/*
 * Give the user [address, address + bytes): every page it touches that is
 * not mapped yet gets a zeroed page, writable in user mode. Returns OK,
 * -EFAULT when the range reaches USER_TOP, -ENOMEM when memory ran out
 * (the pages mapped so far stay; address_space_destroy frees them).
 */
int address_space_map(physaddr_t page_directory, uint32_t address, uint32_t bytes)
{
	uint32_t page_address = ROUND_DOWN(address, PAGE_SIZE);
	uint32_t end;

	if (bytes > USER_TOP || address > USER_TOP - bytes)
		return -EFAULT;
	end = ROUND_UP(address + bytes, PAGE_SIZE);

	for (; page_address < end; page_address += PAGE_SIZE) {
		uint32_t *entry = page_table_entry(page_directory, page_address, true);
		physaddr_t page;

		if (entry == NULL)
			return -ENOMEM;
		if (*entry & PTE_PRESENT)
			continue;
		if ((page = take_page()) == 0)
			return -ENOMEM;
		*entry = page | USER_PAGE;
	}
	return OK;
}

/*
 * A page marked PTE_COPY_ON_WRITE (lab 3's fork shares pages that way) is
 * mapped read-only in every address space that shares it. Before the
 * first write to it, by the process or by the kernel on its behalf, the
 * process gets a page of its own: a copy, or the page itself once nobody
 * else holds it. Returns true when address's page is now writable,
 * false when it is not such a page or no memory is left.
 */
bool address_space_unshare(physaddr_t page_directory, uint32_t address)
{
	uint32_t *entry = page_table_entry(page_directory, address, false);
	const uint32_t shared = PTE_PRESENT | PTE_COPY_ON_WRITE;
	struct page *page;

	if (entry == NULL || (*entry & shared) != shared)
		return false;
	page = physical_to_page(PTE_ADDRESS(*entry));
	if (page->references > 1) {
		physaddr_t copy = take_page();

		if (copy == 0)
			return false;
		memcpy(PHYS_TO_VIRT(copy), PHYS_TO_VIRT(PTE_ADDRESS(*entry)), PAGE_SIZE);
		page->references--;
		*entry = copy | (*entry & 0xFFF);
	}
	*entry = (*entry | PTE_WRITABLE) & ~PTE_COPY_ON_WRITE;
	if (read_cr3() == page_directory)
		invlpg(ROUND_DOWN(address, PAGE_SIZE));
	return true;
}

/* Page-fault error code: the page was present (1), the access a write (2). */
#define PAGE_FAULT_WRITE_PROTECTION 0x3

/*
 * A fault handler (usertrap.c): a write to a page shared copy on write is
 * no fault. The process gets its own page and writes again.
 */
static bool copy_on_write_fault(struct trap_frame *frame)
{
	return frame->vector == T_PAGE_FAULT &&
	       (frame->error_code & PAGE_FAULT_WRITE_PROTECTION) == PAGE_FAULT_WRITE_PROTECTION &&
	       address_space_unshare(current->page_directory, read_cr2());
}

/* Copy on write comes before any other fault handler: it is no fault. */
static void copy_on_write_init(void)
{
	usertrap_add_fault_handler(copy_on_write_fault);
}
KERNEL_INIT(copy_on_write_init, INIT_STAGE_TRAPS);

/*
 * Where the byte at user address of process is in the kernel's view of
 * memory (all RAM at KERNBASE), or NULL when its page is not mapped with
 * every flag in need. A copy-on-write page about to be written is
 * unshared first. address must be below USER_TOP.
 */
static inline uint8_t *user_to_kernel(const struct proc *process, uint32_t address,
				      uint32_t need)
{
	const uint32_t *directory = PHYS_TO_VIRT(process->page_directory);
	uint32_t table_entry = directory[DIRECTORY_INDEX(address)];
	uint32_t page_entry;

	if (!(table_entry & PTE_PRESENT))
		return NULL;
	page_entry = ((const uint32_t *) PHYS_TO_VIRT(PTE_ADDRESS(table_entry)))[TABLE_INDEX(address)];
	if ((page_entry & need) != need) {
		if (!(need & PTE_WRITABLE) || !(page_entry & PTE_COPY_ON_WRITE) ||
		    !address_space_unshare(process->page_directory, address))
			return NULL;
		return user_to_kernel(process, address, need);	/* its own page now */
	}
	return (uint8_t *) PHYS_TO_VIRT(PTE_ADDRESS(page_entry)) + (address & (PAGE_SIZE - 1));
}

/* Whether [address, address + bytes) is wholly below USER_TOP. */
static inline bool below_user_top(uint32_t address, uint32_t bytes)
{
	return bytes <= USER_TOP && address <= USER_TOP - bytes;
}

/*
 * Whether user mode of process may touch every byte of [address, address
 * + bytes): read them, or also write them when writing is set. Checks
 * each page the range touches; copies nothing.
 */
bool user_range_ok(const struct proc *process, uint32_t address, uint32_t bytes, bool writing)
{
	uint32_t need = PTE_PRESENT | PTE_USER | (writing ? PTE_WRITABLE : 0);
	uint32_t page;

	if (bytes == 0)
		return true;
	if (!below_user_top(address, bytes))
		return false;
	for (page = ROUND_DOWN(address, PAGE_SIZE); page < address + bytes; page += PAGE_SIZE) {
		if (user_to_kernel(process, page, need) == NULL)
			return false;
	}
	return true;
}

/*
 * Copy bytes from (from, from_address) to (to, to_address), where each
 * side is a process's user memory, or kernel memory when its process is
 * NULL. Each step copies up to the nearer end of a user page; a message
 * (64 bytes) usually takes one step. Inline: each of the three copy
 * functions below gets its own version, without the checks of a side
 * that is the kernel's.
 */
static inline int copy_memory(const struct proc *from, uint32_t from_address,
			      const struct proc *to, uint32_t to_address, uint32_t bytes)
{
	const uint32_t read = PTE_PRESENT | PTE_USER;
	const uint32_t write = PTE_PRESENT | PTE_USER | PTE_WRITABLE;

	if ((from != NULL && !below_user_top(from_address, bytes)) ||
	    (to != NULL && !below_user_top(to_address, bytes)))
		return -EFAULT;

	while (bytes > 0) {
		uint32_t step = bytes;
		uint8_t *source = (uint8_t *) from_address;
		uint8_t *destination = (uint8_t *) to_address;

		if (from != NULL) {
			source = user_to_kernel(from, from_address, read);
			step = MIN(step, PAGE_SIZE - (from_address & (PAGE_SIZE - 1)));
		}
		if (to != NULL) {
			destination = user_to_kernel(to, to_address, write);
			step = MIN(step, PAGE_SIZE - (to_address & (PAGE_SIZE - 1)));
		}
		if (source == NULL || destination == NULL)
			return -EFAULT;
		memmove(destination, source, step);
		from_address += step;
		to_address += step;
		bytes -= step;
	}
	return OK;
}

/* Copy bytes from user address from of process into the kernel at to. */
int copy_from_user(const struct proc *process, void *to, uint32_t from, uint32_t bytes)
{
	return copy_memory(process, from, NULL, (uint32_t) to, bytes);
}

/* Copy bytes from the kernel at from to user address to of process. */
int copy_to_user(const struct proc *process, uint32_t to, const void *from, uint32_t bytes)
{
	return copy_memory(NULL, (uint32_t) from, process, to, bytes);
}

/* Copy bytes from one process's user memory into another's. */
int copy_between(const struct proc *from, uint32_t from_address,
		 const struct proc *to, uint32_t to_address, uint32_t bytes)
{
	return copy_memory(from, from_address, to, to_address, bytes);
}
