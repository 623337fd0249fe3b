/*
 * vm.c - the kernel's own address space.
 *
 * entry.S turned paging on with a makeshift page directory of 4 MiB pages
 * that also maps low memory at address 0. vm_init replaces it with the
 * kernel's page directory, built from 4 KiB page tables: every physical
 * page the kernel knows (pages[]) appears at KERNBASE + its address,
 * present and writable for the kernel only, and nothing is mapped below
 * KERNBASE. From lab 2 on, each process gets a page directory of its own
 * whose entries from DIRECTORY_INDEX(KERNBASE) up are copied from this one,
 * so all processes share the kernel's page tables.
 *
 * Entry points: vm_init, kernel_page_directory.
 */
#include "kernel.h"
#include "memory.h"
#include "x86.h"

physaddr_t kernel_page_directory;

/* A zeroed page for a page directory or a page table; the kernel keeps it. */
static uint32_t *page_table_alloc(void)
{
	struct page *page = page_alloc();

	if (page == NULL)
		panic("vm_init: out of memory for page tables");
	page->references = 1;
	return page_to_virtual(page);
}

/*
 * Build the kernel's page directory, mapping [0, page_count pages) at
 * KERNBASE, and switch to it. Needs page_init; the page tables come from
 * page_alloc and are never freed.
 */
void vm_init(void)
{
	uint32_t *directory = page_table_alloc();
	uint32_t *table = NULL;
	physaddr_t top = page_count * PAGE_SIZE;
	physaddr_t address;

	for (address = 0; address < top; address += PAGE_SIZE) {
		uint32_t virtual_address = KERNBASE + address;

		/* Each page table maps 4 MiB: start a new one at each boundary. */
		if (TABLE_INDEX(virtual_address) == 0) {
			table = page_table_alloc();
			directory[DIRECTORY_INDEX(virtual_address)] =
				VIRT_TO_PHYS(table) | PTE_PRESENT | PTE_WRITABLE;
		}
		table[TABLE_INDEX(virtual_address)] =
			address | PTE_PRESENT | PTE_WRITABLE;
	}

	kernel_page_directory = VIRT_TO_PHYS(directory);
	write_cr3(kernel_page_directory);
	kprintf("paging: %u MiB mapped at 0x%08x\n", top >> 20, KERNBASE);
}
