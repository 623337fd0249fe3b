/*
 * idt.c - the interrupt descriptor table: which code runs for which vector.
 *
 * Entry n of the IDT is a gate that tells the CPU where to go on interrupt
 * or exception n: a code segment and an address (here always the kernel
 * code segment and the entry stub trapentry.S made for n), plus the lowest
 * privilege a program needs to raise the vector itself with "int $n".
 *
 * Entry points: idt_init (from kernel_main).
 */

#include "kernel.h"
#include "trap.h"
#include "gdt.h"
#include "x86.h"

/* One 8-byte gate, as the CPU reads it. */
struct gate_descriptor {
	uint16_t handler_low;		/* handler address bits 0-15 */
	uint16_t selector;		/* code segment of the handler */
	uint8_t  zero;
	uint8_t  kind;			/* present, privilege, GATE_INTERRUPT */
	uint16_t handler_high;		/* handler address bits 16-31 */
};

_Static_assert(sizeof(struct gate_descriptor) == 8, "a gate is 8 bytes");

#define GATE_PRESENT   0x80
#define GATE_INTERRUPT 0x0E	/* 32-bit interrupt gate: clears IF on entry */
#define PRIVILEGE_SHIFT 5	/* the gate's privilege level sits in bits 5-6 */

#define IDT_ENTRIES 256		/* the CPU knows 256 vectors */

/* Gates past TRAP_VECTORS stay zero: not present, so they fault. */
static struct gate_descriptor idt[IDT_ENTRIES];

/*
 * Point vector's gate at handler, in the kernel code segment. Code running
 * at privilege level privilege (0 kernel, 3 user) or better may raise the
 * vector with an int instruction; hardware interrupts and exceptions ignore
 * it. An interrupt gate turns interrupts off on entry, so trap handlers
 * never interrupt each other.
 */
static inline void set_gate(int vector, uint32_t handler, int privilege)
{
	struct gate_descriptor *gate = &idt[vector];

	gate->handler_low = handler & 0xFFFF;
	gate->selector = KERNEL_CS;
	gate->zero = 0;
	gate->kind = GATE_PRESENT | (privilege << PRIVILEGE_SHIFT) | GATE_INTERRUPT;
	gate->handler_high = handler >> 16;
}

/*
 * Fill the gates of vectors 0 .. TRAP_VECTORS-1 with the entry stubs and
 * load the IDT. gdt_init() must have run (the gates name KERNEL_CS).
 */
void idt_init(void)
{
	/* LAB 1: your code here.
	 * Hint: one set_gate() per vector below TRAP_VECTORS, with the stub
	 * address from trap_entry_points[]. Privilege 0 keeps user mode out;
	 * T_BREAKPOINT and T_SYSCALL get 3. Then lidt() a struct
	 * table_pointer (x86.h): the table's size minus one, its address. */
	/* SOLUTION BEGIN lab1:idt */
	struct table_pointer idt_pointer = { sizeof(idt) - 1, (uint32_t) idt };

	for (int vector = 0; vector < TRAP_VECTORS; vector++) {
		int privilege = 0;

		if (vector == T_BREAKPOINT || vector == T_SYSCALL)
			privilege = 3;
		set_gate(vector, trap_entry_points[vector], privilege);
	}
	lidt(&idt_pointer);
	/* SOLUTION ELSE
	panic("LAB 1: idt_init() is not written yet");
	   SOLUTION END */

	kprintf("idt: %d vectors\n", TRAP_VECTORS);
}
