/*
 * page.c - the physical page allocator.
 *
 * The loader hands over the BIOS's memory map (boot_info.memory). From it
 * the kernel learns how much RAM there is and keeps one struct page per
 * physical page in pages[]. Free pages are linked through next_free into
 * one list: page_alloc takes from its head and page_free pushes back on it.
 *
 * Before the free list exists, boot_alloc hands out memory by moving a
 * pointer forward from the end of the kernel and its boot modules; pages[]
 * itself comes from there. Everything below page_first_free stays in use.
 *
 * Entry points: memory_print_map, boot_alloc, page_init, page_alloc,
 * page_free, page_free_count, page_check, page_print_summary,
 * page_to_physical, physical_to_page, page_to_virtual.
 */
#include "kernel.h"
#include "memory.h"
#include "string.h"
#include "x86.h"

/*
 * How much of physical memory the boot page directory maps at KERNBASE
 * (entry.S): boot_alloc must stay below this until page_init maps the rest.
 */
#define BOOT_MAPPED_LIMIT (16 * 1024 * 1024)

struct page *pages;
uint32_t page_count;
physaddr_t page_first_free;	/* 0 until page_init: boot_alloc still open */

static struct page *free_list;	/* head of the free pages, or NULL */
static char *boot_alloc_next;	/* next byte boot_alloc hands out (virtual) */

extern char end[];		/* kernel.ld: first byte after the kernel */
extern uint32_t boot_page_directory[];	/* entry.S: the page directory in use */

static const char *const memory_type_names[] = {
	[MEMORY_USABLE]   = "usable",
	[MEMORY_RESERVED] = "reserved",
	[MEMORY_ACPI]     = "acpi",
	[MEMORY_NVS]      = "nvs",
	[MEMORY_BAD]      = "bad",
};

/* Print one line per region of the BIOS memory map, end exclusive. */
void memory_print_map(void)
{
	uint32_t i;

	for (i = 0; i < boot_info.memory_count; i++) {
		const struct boot_memory_region *region = &boot_info.memory[i];
		uint64_t end_address = region->base + region->length;

		if (region->type < ARRAY_SIZE(memory_type_names) &&
		    memory_type_names[region->type] != NULL)
			kprintf("memory: 0x%08llx-0x%08llx %s\n", region->base,
				end_address, memory_type_names[region->type]);
		else
			kprintf("memory: 0x%08llx-0x%08llx type %u\n", region->base,
				end_address, region->type);
	}
}

/*
 * Whether the page at physical address lies wholly inside one usable
 * region of the memory map.
 */
static bool page_is_usable(physaddr_t address)
{
	uint64_t page_start = address, page_end = page_start + PAGE_SIZE;
	uint32_t i;

	for (i = 0; i < boot_info.memory_count; i++) {
		const struct boot_memory_region *region = &boot_info.memory[i];

		if (region->type == MEMORY_USABLE && region->base <= page_start &&
		    page_end <= region->base + region->length)
			return true;
	}
	return false;
}

/*
 * Hand out bytes of zeroed kernel memory, rounded up to whole pages, from
 * just past the kernel and the boot modules. Only before page_init has
 * closed it; the memory is never given back.
 */
void *boot_alloc(uint32_t bytes)
{
	char *result;
	uint32_t size = ROUND_UP(bytes, PAGE_SIZE);

	if (page_first_free != 0)
		panic("boot_alloc: called after page_init");
	if (boot_alloc_next == NULL) {
		uint32_t start = MAX((uint32_t) end, KERNBASE + boot_info.modules_end);
		boot_alloc_next = (char *) ROUND_UP(start, PAGE_SIZE);
	}
	if (size > KERNBASE + BOOT_MAPPED_LIMIT - (uint32_t) boot_alloc_next)
		panic("boot_alloc: %u bytes do not fit below %u MiB",
		      bytes, BOOT_MAPPED_LIMIT >> 20);
	result = boot_alloc_next;
	boot_alloc_next += size;
	memset(result, 0, size);
	return result;
}

/*
 * The boot page directory maps only the first BOOT_MAPPED_LIMIT bytes at
 * KERNBASE. Map all of [0, top) there with 4 MiB pages, so that page_alloc
 * can reach every page until vm_init builds the kernel's real page tables.
 */
static void boot_map_all_memory(physaddr_t top)
{
	physaddr_t address;

	for (address = 0; address < top; address += LARGE_PAGE_SIZE)
		boot_page_directory[DIRECTORY_INDEX(KERNBASE + address)] =
			address | PTE_PRESENT | PTE_WRITABLE | PTE_LARGE;
	write_cr3(read_cr3());	/* forget stale translations */
}

/*
 * Size pages[] to the highest usable address, allocate it, close
 * boot_alloc, and put every free page (memory.h says which) on the free
 * list; every other page is marked in use.
 */
void page_init(void)
{
	uint64_t top = 0;
	uint32_t i;

	for (i = 0; i < boot_info.memory_count; i++) {
		const struct boot_memory_region *region = &boot_info.memory[i];

		if (region->type == MEMORY_USABLE)
			top = MAX(top, region->base + region->length);
	}
	top = MIN(top, (uint64_t) PHYS_MAP_LIMIT);
	page_count = top / PAGE_SIZE;
	pages = boot_alloc(page_count * sizeof(struct page));

	/* From here on boot_alloc refuses: what it handed out stays below. */
	page_first_free = VIRT_TO_PHYS(boot_alloc_next);
	boot_map_all_memory(page_count * PAGE_SIZE);

	/* LAB 1: your code here.
	 * Hint: for each i below page_count, the page at page_to_physical(&pages[i])
	 * is free when it is at or above page_first_free and page_is_usable()
	 * says so: push it on free_list (next_free, flags = PAGE_FREE).
	 * Give every other page references = 1 so nobody ever frees it. */
	/* SOLUTION BEGIN lab1:page */
	for (i = 0; i < page_count; i++) {
		struct page *page = &pages[i];
		physaddr_t address = page_to_physical(page);

		if (address >= page_first_free && page_is_usable(address)) {
			page->flags = PAGE_FREE;
			page->next_free = free_list;
			free_list = page;
		} else {
			page->references = 1;
		}
	}
	/* SOLUTION ELSE
	panic("LAB 1: page_init() is not written yet");
	   SOLUTION END */
}

/*
 * Take the page at the head of the free list and fill it with zeros.
 * Returns NULL when no page is free. The page's references stay 0: the
 * caller counts itself in when it keeps the page.
 */
struct page *page_alloc(void)
{
	/* LAB 1: your code here.
	 * Hint: unlink the head of free_list (NULL when the list is empty),
	 * clear PAGE_FREE in its flags and next_free, and zero its memory
	 * through page_to_virtual() with memset(). */
	/* SOLUTION BEGIN lab1:page */
	struct page *page = free_list;

	if (page == NULL)
		return NULL;
	free_list = page->next_free;
	page->next_free = NULL;
	page->flags &= ~PAGE_FREE;
	memset(page_to_virtual(page), 0, PAGE_SIZE);
	return page;
	/* SOLUTION ELSE
	panic("LAB 1: page_alloc() is not written yet");
	   SOLUTION END */
}

/* Put page back on the free list. Nobody may refer to it any more. */
void page_free(struct page *page)
{
	if (page->references != 0)
		panic("page_free: page 0x%08x still has %u references",
		      page_to_physical(page), page->references);
	if (page->flags & PAGE_FREE)
		panic("page_free: page 0x%08x is already free",
		      page_to_physical(page));

	/* LAB 1: your code here.
	 * Hint: the opposite of page_alloc(): mark it PAGE_FREE and push
	 * it on the head of free_list. */
	/* SOLUTION BEGIN lab1:page */
	page->flags |= PAGE_FREE;
	page->next_free = free_list;
	free_list = page;
	/* SOLUTION ELSE
	panic("LAB 1: page_free() is not written yet");
	   SOLUTION END */
}

/* Count the pages on the free list. */
uint32_t page_free_count(void)
{
	const struct page *page;
	uint32_t count = 0;

	for (page = free_list; page != NULL; page = page->next_free)
		count++;
	return count;
}

/* Print how much memory is free, in the format page_check's caller reads. */
void page_print_summary(void)
{
	uint32_t count = page_free_count();

	kprintf("pages: %u free (%u KiB), first free page 0x%08x\n",
		count, count * (PAGE_SIZE / 1024), page_first_free);
}

/* Whether [start, end) and [other_start, other_end) share a byte. */
static bool ranges_overlap(uint32_t start, uint32_t end,
			   uint32_t other_start, uint32_t other_end)
{
	return start < other_end && other_start < end;
}

/*
 * Panic unless the page page_alloc just returned may really be handed
 * out: it is one of pages[], inside usable RAM, at or above
 * page_first_free, and outside the kernel, the boot modules and pages[].
 */
static void check_allocated_page(const struct page *page)
{
	physaddr_t address, address_end;
	uint32_t i;

	if (page < pages || page >= pages + page_count)
		panic("page_check: page_alloc returned 0x%08x, not an entry of pages[]",
		      (uint32_t) page);
	address = page_to_physical(page);
	address_end = address + PAGE_SIZE;
	if (page->references != 0)
		panic("page_check: page 0x%08x handed out twice", address);
	if (!page_is_usable(address))
		panic("page_check: page 0x%08x is not usable RAM", address);
	if (address < page_first_free)
		panic("page_check: page 0x%08x is below the first free page 0x%08x",
		      address, page_first_free);
	if (ranges_overlap(address, address_end,
			   boot_info.kernel_start, boot_info.kernel_end))
		panic("page_check: page 0x%08x is inside the kernel", address);
	for (i = 0; i < boot_info.module_count; i++) {
		const struct boot_module *module = &boot_info.modules[i];

		if (ranges_overlap(address, address_end, module->start, module->end))
			panic("page_check: page 0x%08x is inside boot module %s",
			      address, module->name);
	}
	if (ranges_overlap(address, address_end, VIRT_TO_PHYS(pages),
			   VIRT_TO_PHYS(pages + page_count)))
		panic("page_check: page 0x%08x is inside pages[]", address);
}

/*
 * Allocate every free page, checking each one, then free them all again
 * and check that the allocator is back where it started. Prints the
 * summary line and "page_check: ok". Must run before anyone holds pages.
 */
void page_check(void)
{
	uint32_t free_before = page_free_count();
	uint32_t allocated = 0;
	struct page *taken = NULL;	/* the allocated pages, linked by next_free */
	struct page *page;

	while ((page = page_alloc()) != NULL) {
		check_allocated_page(page);
		if (page->next_free != NULL || (page->flags & PAGE_FREE))
			panic("page_check: page 0x%08x still looks free after page_alloc",
			      page_to_physical(page));
		page->references = 1;	/* taken, so a second hand-out shows */
		page->next_free = taken;
		taken = page;
		allocated++;
	}
	if (allocated != free_before)
		panic("page_check: allocated %u pages but %u were free",
		      allocated, free_before);

	while (taken != NULL) {
		page = taken;
		taken = page->next_free;
		page->next_free = NULL;
		page->references = 0;
		page_free(page);
	}
	if (page_free_count() != free_before)
		panic("page_check: %u pages free after freeing, %u before",
		      page_free_count(), free_before);

	page_print_summary();
	kprintf("page_check: ok\n");
}

/* The physical address page describes. */
physaddr_t page_to_physical(const struct page *page)
{
	return (physaddr_t) (page - pages) * PAGE_SIZE;
}

/* The entry of pages[] for the page holding physical address. */
struct page *physical_to_page(physaddr_t address)
{
	if (address / PAGE_SIZE >= page_count)
		panic("physical_to_page: 0x%08x is beyond the last page", address);
	return &pages[address / PAGE_SIZE];
}

/* Where the kernel reaches page's memory: its physical address + KERNBASE. */
void *page_to_virtual(const struct page *page)
{
	return PHYS_TO_VIRT(page_to_physical(page));
}
