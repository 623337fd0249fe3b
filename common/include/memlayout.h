/*
 * memlayout.h - the virtual and physical memory map of the system.
 *
 * Physical:  0 .. 1 MiB       BIOS, boot sector, loader (reused once booted)
 *            1 MiB ..          the kernel image, then the boot modules
 * Virtual:   0 .. KERNBASE     user space (from lab 2 on)
 *            KERNBASE ..       all physical memory, mapped 1:1 + KERNBASE,
 *                              up to PHYS_MAP_LIMIT
 */
#ifndef CAIRN_MEMLAYOUT_H
#define CAIRN_MEMLAYOUT_H

#define PAGE_SIZE        4096
#define PAGE_SHIFT       12
#define LARGE_PAGE_SIZE  (4 * 1024 * 1024)

#define KERNBASE         0xC0000000U
#define KERNEL_LOAD_PHYS 0x00100000U	/* the kernel's first byte, physical */
#define PHYS_MAP_LIMIT   0x30000000U	/* at most 768 MiB of RAM is mapped */

#define KERNEL_STACK_SIZE (4 * PAGE_SIZE)

#ifndef __ASSEMBLER__
/* Convert between a kernel virtual address and its physical address. */
#define PHYS_TO_VIRT(pa) ((void *) ((uint32_t) (pa) + KERNBASE))
#define VIRT_TO_PHYS(va) ((uint32_t) (va) - KERNBASE)
#endif

#endif /* CAIRN_MEMLAYOUT_H */
