/*
 * entry.S - the kernel's first instructions: turn paging on and call C.
 *
 * The loader jumps to kernel_entry (at its physical address: kernel.ld
 * makes that the ELF entry point) with
 *   - the CPU in 32-bit protected mode, flat segments, paging off,
 *   - %eax = BOOT_INFO_MAGIC, %ebx = the physical address of a struct
 *     boot_info (bootimage.h).
 * The kernel is linked at KERNBASE + 1 MiB but sits at physical 1 MiB, so
 * until paging is on, only code that uses no absolute address may run.
 *
 * boot_page_directory maps the first 16 MiB of physical memory twice: at
 * virtual 0, so the instruction after the one that turns paging on can
 * still be fetched, and at KERNBASE, where the kernel is linked. vm_init()
 * later replaces it with a page directory that maps all RAM.
 *
 * Entry points: kernel_entry (from the loader). Exports boot_stack and
 * boot_stack_top, the stack kernel_main runs on (kernel.h).
 */

#include "memlayout.h"
#include "bootimage.h"

/* Bits of a page-directory entry for a 4 MiB page. */
#define PDE_PRESENT    0x001
#define PDE_WRITABLE   0x002
#define PDE_LARGE_PAGE 0x080
#define BOOT_PDE_FLAGS (PDE_PRESENT | PDE_WRITABLE | PDE_LARGE_PAGE)

#define CR0_WRITE_PROTECT 0x00010000	/* honour read-only pages in ring 0 too */
#define CR0_PAGING        0x80000000
#define CR4_LARGE_PAGES   0x00000010	/* PSE: 4 MiB pages in the directory */

#define BOOT_MAPPED_LARGE_PAGES 4	/* 4 x 4 MiB = the first 16 MiB */
#define KERNEL_DIRECTORY_INDEX  (KERNBASE >> 22)	/* entry for KERNBASE */

/* The physical address of a kernel symbol, usable before paging is on. */
#define PHYSICAL(symbol) ((symbol) - KERNBASE)

	.text
	.globl kernel_entry
kernel_entry:
	cli				/* no interrupts until the IDT exists */
	cld				/* C code expects string ops to go up */

	/* Let the page directory hold 4 MiB pages. */
	movl %cr4, %ecx
	orl $CR4_LARGE_PAGES, %ecx
	movl %ecx, %cr4

	/* Load the boot page directory and turn paging on. */
	movl $PHYSICAL(boot_page_directory), %ecx
	movl %ecx, %cr3
	movl %cr0, %ecx
	orl $(CR0_PAGING | CR0_WRITE_PROTECT), %ecx
	movl %ecx, %cr0

	/*
	 * Still running at a low address, through the mapping at 0. An
	 * indirect jump (an absolute address, unlike a relative jmp) moves
	 * %eip up to where the kernel is linked.
	 */
	movl $kernel_entry_high, %ecx
	jmp *%ecx

kernel_entry_high:
	movl $boot_stack_top, %esp
	/* A zero frame pointer is where every backtrace ends. */
	xorl %ebp, %ebp

	/* kernel_main(magic, boot_info_physical); it never returns. */
	pushl %ebx
	pushl %eax
	call kernel_main
1:	cli
	hlt
	jmp 1b

/*
 * The boot page directory, filled in by the assembler: entries 0-3 and
 * 768-771 (KERNBASE >> 22) map 4 MiB pages at physical 0, 4, 8, 12 MiB;
 * every other entry is not present.
 */
	.data
	.p2align PAGE_SHIFT
	.globl boot_page_directory
boot_page_directory:
	.set physical_address, 0
	.rept BOOT_MAPPED_LARGE_PAGES
	.long physical_address | BOOT_PDE_FLAGS
	.set physical_address, physical_address + LARGE_PAGE_SIZE
	.endr
	.fill KERNEL_DIRECTORY_INDEX - BOOT_MAPPED_LARGE_PAGES, 4, 0

	.set physical_address, 0
	.rept BOOT_MAPPED_LARGE_PAGES
	.long physical_address | BOOT_PDE_FLAGS
	.set physical_address, physical_address + LARGE_PAGE_SIZE
	.endr
	.fill 1024 - KERNEL_DIRECTORY_INDEX - BOOT_MAPPED_LARGE_PAGES, 4, 0

/* The boot stack: kernel_main and everything it calls run on it. */
	.bss
	.p2align PAGE_SHIFT
	.globl boot_stack, boot_stack_top
boot_stack:
	.space KERNEL_STACK_SIZE
boot_stack_top:
