/*
 * gdt.h - the segment selectors of the kernel's GDT (gdt.c).
 *
 * Segments are flat (base 0, limit 4 GiB): paging, not segmentation,
 * protects memory. They exist because the CPU needs them to tell kernel
 * mode (privilege 0) from user mode (privilege 3), and the task-state
 * segment tells the CPU which stack to use when a trap leaves user mode.
 *
 * A selector is the descriptor's byte offset in the GDT; its low two bits
 * are the privilege level the selector asks for.
 */
#ifndef CAIRN_GDT_H
#define CAIRN_GDT_H

#define KERNEL_CS    0x08	/* GDT entry 1: kernel code, privilege 0 */
#define KERNEL_DS    0x10	/* GDT entry 2: kernel data and stack */
#define USER_CS      0x1B	/* GDT entry 3: user code, privilege 3 */
#define USER_DS      0x23	/* GDT entry 4: user data and stack */
#define TSS_SELECTOR 0x28	/* GDT entry 5: the task-state segment */

#ifndef __ASSEMBLER__
#include "types.h"

/*
 * Make esp0 the stack the CPU switches to on a trap from user mode.
 * Lab 2 calls it with the kernel stack of each process it runs.
 */
void tss_set_kernel_stack(uint32_t esp0);
#endif

#endif /* CAIRN_GDT_H */
