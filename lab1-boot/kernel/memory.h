/*
 * memory.h - physical pages and the kernel's page tables.
 *
 * Defined in page.c (page_*: the physical page allocator, boot_alloc) and
 * vm.c (vm_init: the kernel's own address space).
 *
 * Free pages: every 4 KiB page lying wholly inside a usable E820 region,
 * at or above the first free address (page_first_free, which is past
 * the low 1 MiB, the kernel image, the boot modules and everything
 * boot_alloc handed out) and below PHYS_MAP_LIMIT.
 */
#ifndef CAIRN_MEMORY_H
#define CAIRN_MEMORY_H

#include "types.h"

/* One per physical page; pages[i] describes physical address i*PAGE_SIZE. */
struct page {
	struct page *next_free;	/* link in the free list while free */
	uint16_t references;	/* users of the page; 0 while free */
	uint16_t flags;		/* PAGE_FREE */
};

#define PAGE_FREE 0x0001	/* flags: the page is on the free list */

extern struct page *pages;	/* the array, from boot_alloc */
extern uint32_t page_count;	/* entries in pages[]: top of RAM / PAGE_SIZE */
extern physaddr_t page_first_free;

/* Print the boot memory map ("memory: ..." lines). */
void memory_print_map(void);
/* Bump-allocate bytes of zeroed kernel memory; only before page_init. */
void *boot_alloc(uint32_t bytes);
/* Build the free list from the boot memory map. */
void page_init(void);
/*
 * Take a free page (zeroed), or NULL when none is left. Its references
 * count is 0: whoever keeps a pointer to the page counts itself in.
 */
struct page *page_alloc(void);
/* Give back a page nobody refers to any more (references == 0). */
void page_free(struct page *page);
uint32_t page_free_count(void);
/* Check the allocator's invariants; panics on the first broken one. */
void page_check(void);
/* Print "pages: N free (K KiB), first free page 0x...". */
void page_print_summary(void);

physaddr_t page_to_physical(const struct page *page);
struct page *physical_to_page(physaddr_t address);
void *page_to_virtual(const struct page *page);

/*
 * Page directory and page table entries: the physical address of a page
 * (or of a page table) in the upper 20 bits, these flags in the lower 12.
 */
#define PTE_PRESENT    0x001
#define PTE_WRITABLE   0x002
#define PTE_USER       0x004
#define PTE_LARGE      0x080	/* directory entry maps a 4 MiB page */
#define PTE_ADDRESS(entry) ((entry) & ~0xFFFU)

/* A page directory and a page table each hold this many entries. */
#define PAGE_TABLE_ENTRIES 1024

/* Which directory entry, and which entry of its table, map address. */
#define DIRECTORY_INDEX(address) (((uint32_t) (address) >> 22) & 0x3FF)
#define TABLE_INDEX(address)     (((uint32_t) (address) >> 12) & 0x3FF)

/* Replace the boot page table with the kernel's own (all RAM at KERNBASE). */
void vm_init(void);
/* The kernel's page directory, physical; later labs copy its upper part. */
extern physaddr_t kernel_page_directory;

#endif /* CAIRN_MEMORY_H */
