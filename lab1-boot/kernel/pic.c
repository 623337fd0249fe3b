/*
 * pic.c - the two 8259A programmable interrupt controllers.
 *
 * Devices raise interrupt request lines (IRQ 0-15): lines 0-7 go to the
 * master PIC, lines 8-15 to the slave, whose output is the master's line 2
 * (the cascade). The PIC tells the CPU a vector number for each line. The
 * BIOS leaves IRQ 0-7 at vectors 8-15, where the CPU's own exceptions
 * are, so pic_init moves them to IRQ_BASE (32) and up.
 *
 * Each line can be masked (ignored). After pic_init every line is masked
 * except the cascade; a driver unmasks its own with pic_enable. A PIC
 * delivers no more interrupts of a line, or of any lower-priority line,
 * until it gets an end of interrupt for it (trap_dispatch sends that).
 *
 * Entry points: pic_init, pic_enable, pic_disable, pic_end_of_interrupt,
 * pic_is_spurious.
 */

#include "kernel.h"
#include "trap.h"
#include "devices.h"
#include "x86.h"

#define MASTER_COMMAND 0x20
#define MASTER_DATA    0x21	/* after initialisation: the mask */
#define SLAVE_COMMAND  0xA0
#define SLAVE_DATA     0xA1

#define CASCADE_IRQ 2		/* the master's line the slave is wired to */

/* Initialisation command words, sent in this order. */
#define ICW1_START   0x11	/* start initialising: edge triggered, cascaded, ICW4 follows */
#define ICW4_8086    0x01	/* 8086 mode, ordinary end of interrupt */

/* Operation commands. */
#define END_OF_INTERRUPT 0x20	/* the interrupt being served is finished */
#define READ_IN_SERVICE  0x0B	/* the next read of the command port gives the in-service bits */

/* Bit n set: IRQ n is masked. */
static uint16_t irq_mask = 0xFFFF & ~(1 << CASCADE_IRQ);

static void write_mask(void)
{
	outb(MASTER_DATA, irq_mask & 0xFF);
	outb(SLAVE_DATA, irq_mask >> 8);
}

/* Move IRQ 0-15 to vectors IRQ_BASE .. IRQ_BASE+15, all masked but the cascade. */
void pic_init(void)
{
	outb(MASTER_COMMAND, ICW1_START);
	outb(SLAVE_COMMAND, ICW1_START);
	/* ICW2: the vector of line 0. */
	outb(MASTER_DATA, IRQ_BASE);
	outb(SLAVE_DATA, IRQ_BASE + 8);
	/* ICW3: the master gets a bit mask of its slave lines, the slave its line. */
	outb(MASTER_DATA, 1 << CASCADE_IRQ);
	outb(SLAVE_DATA, CASCADE_IRQ);
	outb(MASTER_DATA, ICW4_8086);
	outb(SLAVE_DATA, ICW4_8086);

	write_mask();
}

/* Let interrupts of line irq through. */
void pic_enable(int irq)
{
	irq_mask &= ~(1 << irq);
	write_mask();
}

/* Mask line irq. */
void pic_disable(int irq)
{
	irq_mask |= 1 << irq;
	write_mask();
}

/* Tell the PIC(s) the interrupt of line irq is served; a slave line needs both. */
void pic_end_of_interrupt(int irq)
{
	if (irq >= 8)
		outb(SLAVE_COMMAND, END_OF_INTERRUPT);
	outb(MASTER_COMMAND, END_OF_INTERRUPT);
}

/*
 * Whether an interrupt on line irq is spurious: a request that went away
 * before the CPU took it, which a PIC reports as its lowest-priority line
 * (7 or 15) without marking it in service. It must get no end of interrupt;
 * but for a spurious 15 the master did serve its cascade line, so the
 * master gets one here.
 */
bool pic_is_spurious(int irq)
{
	uint16_t command = irq == 7 ? MASTER_COMMAND : SLAVE_COMMAND;

	if (irq != 7 && irq != 15)
		return false;
	outb(command, READ_IN_SERVICE);
	if (inb(command) & (1 << 7))
		return false;
	if (irq == 15)
		outb(MASTER_COMMAND, END_OF_INTERRUPT);
	return true;
}
