/*
 * loader_entry.S - the loader's first instructions: the last work that
 * needs the BIOS, then the switch to 32-bit protected mode.
 *
 * The boot sector jumps here (LOADER_ADDRESS) in 16-bit real mode with the
 * boot drive in %dl. While the BIOS can still be called, this file
 *   1. turns on the A20 line: with it off, address line 20 is held at 0,
 *      so 1 MiB reads as 0 again (an 8086 habit) and the kernel, which
 *      lives at 1 MiB, could not be loaded;
 *   2. asks the BIOS for the map of physical memory (INT 15h, EAX=E820),
 *      one region per call, into bios_memory_map[].
 * Then it loads a flat GDT (code and data segments that cover all 4 GiB
 * from address 0), turns on protected mode and calls loader_main() in C.
 * It reports no errors itself: loader_main() checks a20_enabled and
 * bios_memory_count and prints a clear message on COM1.
 *
 * Entry point: loader_start. Defined here for loader.c: boot_drive,
 * a20_enabled, bios_memory_map, bios_memory_count.
 */
#include "bootimage.h"

#define STACK_TOP        BOOT_DIRECTORY_ADDRESS	/* grows down from there */
#define CODE_SELECTOR    0x08		/* GDT entry 1 */
#define DATA_SELECTOR    0x10		/* GDT entry 2 */
#define CR0_PROTECTION_ENABLE 0x1
#define E820_ENTRY_SIZE  24		/* sizeof(struct boot_memory_region) */
#define E820_SIGNATURE   0x534d4150	/* "SMAP", in %edx and back in %eax */
#define SYSTEM_CONTROL_PORT_A 0x92	/* bit 1: A20, bit 0: reset (!) */
#define KEYBOARD_DATA    0x60
#define KEYBOARD_STATUS  0x64		/* bit 1: controller busy */
#define KEYBOARD_WRITE_OUTPUT_PORT 0xd1	/* command: next data byte is the output port */
#define OUTPUT_PORT_A20_ON 0xdf		/* A20 on, reset line released */

	.code16
	.section .text.entry, "ax"	/* loader.ld puts this first, at LOADER_ADDRESS */
	.globl loader_start
loader_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$STACK_TOP, %sp
	movb	%dl, boot_drive
	cld

	/* Zero .bss (the memory map below is collected into it). It ends
	 * below 64 KiB (loader.ld checks), so 16-bit offsets reach it. */
	movw	$bss_start, %di
	movw	$bss_end, %cx
	subw	%di, %cx
	xorb	%al, %al
	rep stosb
	sti

	/* 1. The A20 line. Try the fast way first, then the keyboard
	 * controller, which drives A20 on the original PC/AT. */
	call	a20_check
	jne	a20_on
	inb	$SYSTEM_CONTROL_PORT_A, %al
	orb	$0x02, %al		/* A20 on */
	andb	$0xfe, %al		/* and never write 1 to the reset bit */
	outb	%al, $SYSTEM_CONTROL_PORT_A
	call	a20_check
	jne	a20_on
	call	keyboard_wait
	movb	$KEYBOARD_WRITE_OUTPUT_PORT, %al
	outb	%al, $KEYBOARD_STATUS
	call	keyboard_wait
	movb	$OUTPUT_PORT_A20_ON, %al
	outb	%al, $KEYBOARD_DATA
	call	keyboard_wait
	call	a20_check
	je	a20_done		/* still off: loader_main() reports it */
a20_on:
	movb	$1, a20_enabled
a20_done:

	/* 2. The memory map. Each call fills one 24-byte entry at %es:%di
	 * and sets %ebx to where to continue; %ebx = 0 after the last one.
	 * Carry set means no E820 support, or no more entries. */
	xorl	%ebx, %ebx
	movw	$bios_memory_map, %di
e820_next:
	movl	$0xe820, %eax
	movl	$E820_SIGNATURE, %edx
	movl	$E820_ENTRY_SIZE, %ecx
	int	$0x15
	jc	e820_done
	cmpl	$E820_SIGNATURE, %eax
	jne	e820_done
	incl	bios_memory_count
	addw	$E820_ENTRY_SIZE, %di
	testl	%ebx, %ebx
	jz	e820_done
	cmpl	$BOOT_MAX_MEMORY, bios_memory_count
	jb	e820_next
e820_done:

	/* 3. Protected mode: no BIOS calls from here on, so no interrupts
	 * either until the kernel has its own interrupt table. */
	cli
	lgdtl	gdt_pointer
	movl	%cr0, %eax
	orl	$CR0_PROTECTION_ENABLE, %eax
	movl	%eax, %cr0
	/* A far jump loads %cs with the code selector: now 32-bit code. */
	ljmp	$CODE_SELECTOR, $protected_mode

	.code32
protected_mode:
	movw	$DATA_SELECTOR, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	$STACK_TOP, %esp
	xorl	%ebp, %ebp		/* ends a backtrace's chain of frames */
	call	loader_main
1:	hlt				/* loader_main() does not return */
	jmp	1b

	.code16
/*
 * Is the A20 line on? Write different bytes at 0x000500 and 0x100500
 * (segment 0xffff, offset 0x0510); with A20 off they are the same byte.
 * Returns ZF clear (jne) when A20 is on. Needs %ds = 0.
 */
a20_check:
	pushw	%es
	movw	$0xffff, %ax
	movw	%ax, %es
	movb	$0x00, 0x0500
	movb	$0xff, %es:0x0510
	cmpb	$0xff, 0x0500
	popw	%es
	ret

/*
 * Wait until the keyboard controller can take a byte (status bit 1
 * clear), giving up after 65535 tries in case there is none.
 */
keyboard_wait:
	movw	$0xffff, %cx
1:	inb	$KEYBOARD_STATUS, %al
	testb	$0x02, %al
	jz	2f
	loop	1b
2:	ret

/*
 * The GDT: the null descriptor the CPU requires, then a code and a data
 * segment, each with base 0 and limit 4 GiB, so a selector:offset is just
 * the offset. Descriptor fields: limit 0xfffff in 4 KiB units (G bit),
 * 32-bit (D bit), access 0x9a = present, ring 0, code, readable; 0x92 =
 * present, ring 0, data, writable. The kernel replaces it with its own.
 */
	.data
	.p2align 3
gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* CODE_SELECTOR */
	.quad	0x00cf92000000ffff	/* DATA_SELECTOR */
gdt_pointer:
	.word	gdt_pointer - gdt - 1	/* limit: size - 1 */
	.long	gdt			/* base */

	.globl boot_drive
boot_drive:
	.byte	0

	.bss
	.globl a20_enabled, bios_memory_count, bios_memory_map
a20_enabled:
	.byte	0
	.p2align 3
bios_memory_count:
	.long	0
	.p2align 3
bios_memory_map:
	.space	BOOT_MAX_MEMORY * E820_ENTRY_SIZE
