/*
 * gdt.c - the global descriptor table and the task-state segment.
 *
 * The loader's GDT only served to enter protected mode; the kernel's own
 * also has the user-mode segments and a TSS, which lab 2 needs to run
 * processes. The selectors are in gdt.h.
 *
 * Entry points: gdt_init (from kernel_main), tss_set_kernel_stack.
 */

#include "kernel.h"
#include "trap.h"
#include "gdt.h"
#include "x86.h"

/* One 8-byte segment descriptor, as the CPU reads it. */
struct segment_descriptor {
	uint16_t limit_low;		/* limit bits 0-15 */
	uint16_t base_low;		/* base bits 0-15 */
	uint8_t  base_middle;		/* base bits 16-23 */
	uint8_t  access;		/* present, privilege, kind: SEGMENT_* */
	uint8_t  limit_high_and_size;	/* limit bits 16-19, then SIZE_* */
	uint8_t  base_high;		/* base bits 24-31 */
};

/* Bits of the access byte. */
#define SEGMENT_PRESENT     0x80
#define SEGMENT_PRIVILEGE_3 0x60	/* user mode may use it */
#define SEGMENT_CODE_OR_DATA 0x10	/* a memory segment, not a system one */
#define SEGMENT_CODE        0x0A	/* executable and readable */
#define SEGMENT_DATA        0x02	/* writable */
#define SEGMENT_TSS         0x09	/* a 32-bit task-state segment, not busy */

/* Bits of the high nibble of limit_high_and_size. */
#define SIZE_4K_UNITS 0x80		/* the limit counts 4 KiB pages */
#define SIZE_32_BIT   0x40		/* 32-bit code and stack */

/*
 * The task-state segment. The CPU reads only esp0 and ss0 (on a trap from
 * user mode) and io_map_offset; the rest is for hardware task switching,
 * which this kernel does not use.
 */
struct task_state {
	uint32_t previous_task;
	uint32_t esp0;			/* kernel stack pointer for traps */
	uint32_t ss0;			/* kernel stack segment for traps */
	uint32_t unused[22];		/* esp1 .. gs and the LDT selector */
	uint16_t debug_trap;
	uint16_t io_map_offset;		/* past the end: no I/O bitmap */
};

_Static_assert(sizeof(struct segment_descriptor) == 8, "a descriptor is 8 bytes");
_Static_assert(sizeof(struct task_state) == 104, "the TSS is 104 bytes");

#define GDT_ENTRIES 6	/* null, kernel code, kernel data, user code, user data, TSS */

static struct segment_descriptor gdt[GDT_ENTRIES];
static struct task_state task_state;

/* A descriptor for the segment [base, base + limit] with the given bits. */
static struct segment_descriptor make_descriptor(uint32_t base, uint32_t limit,
						 uint8_t access, uint8_t size)
{
	struct segment_descriptor descriptor;

	descriptor.limit_low = limit & 0xFFFF;
	descriptor.base_low = base & 0xFFFF;
	descriptor.base_middle = (base >> 16) & 0xFF;
	descriptor.access = access;
	descriptor.limit_high_and_size = ((limit >> 16) & 0x0F) | size;
	descriptor.base_high = base >> 24;
	return descriptor;
}

/* A flat segment: base 0, limit 4 GiB (0xFFFFF units of 4 KiB). */
static struct segment_descriptor flat_segment(uint8_t kind_and_privilege)
{
	return make_descriptor(0, 0xFFFFF,
			       SEGMENT_PRESENT | SEGMENT_CODE_OR_DATA | kind_and_privilege,
			       SIZE_4K_UNITS | SIZE_32_BIT);
}

/*
 * Build the GDT and the TSS, load them, and reload every segment register
 * so none still refers to the loader's table. Interrupts must be off.
 */
void gdt_init(void)
{
	struct table_pointer gdt_pointer;

	gdt[KERNEL_CS >> 3] = flat_segment(SEGMENT_CODE);
	gdt[KERNEL_DS >> 3] = flat_segment(SEGMENT_DATA);
	gdt[USER_CS >> 3] = flat_segment(SEGMENT_CODE | SEGMENT_PRIVILEGE_3);
	gdt[USER_DS >> 3] = flat_segment(SEGMENT_DATA | SEGMENT_PRIVILEGE_3);

	task_state.esp0 = (uint32_t) boot_stack_top;
	task_state.ss0 = KERNEL_DS;
	task_state.io_map_offset = sizeof(task_state);
	gdt[TSS_SELECTOR >> 3] = make_descriptor((uint32_t) &task_state,
						 sizeof(task_state) - 1,
						 SEGMENT_PRESENT | SEGMENT_TSS, 0);

	gdt_pointer.limit = sizeof(gdt) - 1;
	gdt_pointer.base = (uint32_t) gdt;
	lgdt(&gdt_pointer);

	/* Data segments take a mov; %cs changes only with a far jump. */
	__asm__ volatile("movw %w0, %%ds\n\t"
			 "movw %w0, %%es\n\t"
			 "movw %w0, %%fs\n\t"
			 "movw %w0, %%gs\n\t"
			 "movw %w0, %%ss\n\t"
			 "ljmp %1, $1f\n"
			 "1:"
			 : : "r"(KERNEL_DS), "i"(KERNEL_CS) : "memory");
	ltr(TSS_SELECTOR);
	/* No local descriptor table: a selector that asks for one faults. */
	__asm__ volatile("lldt %w0" : : "r"(0));
}

/* Make esp0 the stack the CPU switches to on a trap from user mode. */
void tss_set_kernel_stack(uint32_t esp0)
{
	task_state.esp0 = esp0;
}
