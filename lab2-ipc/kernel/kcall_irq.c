/*
 * kcall_irq.c - interrupts for drivers: SYS_IRQCTL, and how an interrupt
 * becomes a message.
 *
 * A driver that takes an IRQ line (IRQ_SET_POLICY) becomes its owner. When
 * the interrupt comes, the kernel masks the line at the PIC, sets the
 * line's bit in the owner's pending_interrupts and sends the owner a
 * notification from HARDWARE. The driver, when it has served the device,
 * unmasks the line again with IRQ_ENABLE. Masking first means a device
 * that keeps interrupting cannot flood the kernel before its driver runs.
 *
 * A line belongs to one process at a time; the caller's privilege record
 * must list it (may_use_irq), else EPERM. When the owner dies, proc_kill
 * calls irq_release, which masks the line and forgets the owner.
 *
 * Entry points: the handler do_irqctl through KERNEL_CALL, irq_release.
 */

#include "kernel.h"
#include "devices.h"
#include "trap.h"
#include "proc.h"
#include "system.h"

/* The process that took each IRQ line, or NULL. */
static struct proc *irq_owner[IRQ_COUNT];

/*
 * The trap handler of a line that has an owner (trap.c has already sent
 * the end of interrupt): mask the line, tell the owner. If the interrupt
 * came in user mode, schedule: the owner may outrank the process that was
 * running. (In the idle loop, returning is enough: it looks again.)
 */
static void irq_notify_owner(struct trap_frame *frame)
{
	int irq = frame->vector - IRQ_BASE;
	struct proc *owner = irq_owner[irq];

	pic_disable(irq);
	if (owner == NULL)
		return;
	owner->pending_interrupts |= 1U << irq;
	notify_from_kernel(HARDWARE, owner);
	if ((frame->cs & 3) == 3)
		schedule();
}

/* Forget irq's owner and its handler, with the line masked. */
static void irq_remove(int irq)
{
	pic_disable(irq);
	trap_set_handler(IRQ_BASE + irq, NULL);
	irq_owner[irq] = NULL;
}

/*
 * SYS_IRQCTL: IRQ_SET_POLICY takes the line (unmasked: interrupts now
 * become notifications), IRQ_ENABLE and IRQ_DISABLE unmask and mask it,
 * IRQ_REMOVE gives it up. Only the owner may change a line after
 * SET_POLICY; a line some other process owns is EBUSY.
 */
static int do_irqctl(struct proc *caller, message *m)
{
	int request = m->payload.irqctl.request;
	uint32_t irq = m->payload.irqctl.irq;

	if (irq >= IRQ_COUNT)
		return -EINVAL;
	if (!may_use_irq(caller, irq))
		return -EPERM;
	if (irq_owner[irq] != NULL && irq_owner[irq] != caller)
		return -EBUSY;
	if (request != IRQ_SET_POLICY && irq_owner[irq] != caller)
		return -EINVAL;		/* take the line first */

	switch (request) {
	case IRQ_SET_POLICY:
		irq_owner[irq] = caller;
		trap_set_handler(IRQ_BASE + irq, irq_notify_owner);
		pic_enable(irq);
		return OK;
	case IRQ_ENABLE:
		pic_enable(irq);
		return OK;
	case IRQ_DISABLE:
		pic_disable(irq);
		return OK;
	case IRQ_REMOVE:
		irq_remove(irq);
		return OK;
	}
	return -EINVAL;
}
KERNEL_CALL(SYS_IRQCTL, do_irqctl);

/* Give up every line process owns (proc_kill, before its slot is freed). */
void irq_release(struct proc *process)
{
	for (int irq = 0; irq < IRQ_COUNT; irq++) {
		if (irq_owner[irq] == process)
			irq_remove(irq);
	}
}
