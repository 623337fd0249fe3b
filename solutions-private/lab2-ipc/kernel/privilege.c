/*
 * privilege.c - what a process may do, read from its privilege record.
 *
 * Each process carries a struct privilege (proc.h): which IPC primitives
 * it may use, which slots it may send to, which kernel calls it may make,
 * which I/O ports and IRQ lines it may touch. The records are data: the
 * boot processes get theirs from the boot-program table (bootprograms.c),
 * and the kernel only ever asks the questions below, before it acts.
 * Sets of slots and calls are bitmaps kept in arrays of 32-bit words:
 * bit n (bit n % 32 of word n / 32) stands for slot n, or for kernel call
 * KERNEL_CALL_BASE + n.
 *
 * Entry points: may_send_to, may_call, may_use_port, may_use_irq,
 * privilege_allow_send, privilege_allow_call.
 */

#include "kernel.h"
#include "proc.h"

/* Whether call is a kernel-call number at all. */
static bool is_kernel_call(int call)
{
	return call >= KERNEL_CALL_BASE && call < KERNEL_CALL_BASE + KERNEL_CALL_COUNT;
}

/* Let the owner of privilege send to the process in slot. */
void privilege_allow_send(struct privilege *privilege, int slot)
{
	if (slot >= 0 && slot < PROCESS_SLOTS)
		privilege->allowed_targets[slot / 32] |= 1U << (slot % 32);
}

/* Let the owner of privilege make kernel call (a SYS_* number). */
void privilege_allow_call(struct privilege *privilege, int call)
{
	int bit = call - KERNEL_CALL_BASE;

	if (is_kernel_call(call))
		privilege->allowed_calls[bit / 32] |= 1U << (bit % 32);
}

/* Whether from's record lets it send a message to to. */
bool may_send_to(const struct proc *from, const struct proc *to)
{
	/* LAB 2: your code here.
	 * Hint: allowed_targets in from->privilege has bit n set when from
	 * may send to slot n; look at the bit of to->slot. Like allowed_calls
	 * below, it is an array of 32-bit words: word n / 32, bit n % 32. */
	/* SOLUTION BEGIN lab2:privilege */
	int slot = to->slot;

	return (from->privilege.allowed_targets[slot / 32] & (1U << (slot % 32))) != 0;
	/* SOLUTION ELSE
	panic("LAB 2: may_send_to() is not written yet");
	   SOLUTION END */
}

/* Whether process's record lets it make kernel call (a SYS_* number). */
bool may_call(const struct proc *process, int call)
{
	/* LAB 2: your code here.
	 * Hint: a number that is_kernel_call() rejects is never allowed.
	 * Otherwise call - KERNEL_CALL_BASE is its bit in allowed_calls[],
	 * an array of 32-bit words: word bit / 32, bit bit % 32 of it. */
	/* SOLUTION BEGIN lab2:privilege */
	int bit = call - KERNEL_CALL_BASE;

	if (!is_kernel_call(call))
		return false;
	return (process->privilege.allowed_calls[bit / 32] & (1U << (bit % 32))) != 0;
	/* SOLUTION ELSE
	panic("LAB 2: may_call() is not written yet");
	   SOLUTION END */
}

/* Whether every port from port to port + size - 1 lies in one of process's ranges. */
bool may_use_port(const struct proc *process, uint32_t port, uint32_t size)
{
	const struct privilege *privilege = &process->privilege;
	uint32_t last = port + size - 1;

	if (size == 0 || last < port)
		return false;
	for (int i = 0; i < privilege->io_count; i++) {
		if (port >= privilege->io[i].first && last <= privilege->io[i].last)
			return true;
	}
	return false;
}

/* Whether process may take interrupts on irq. */
bool may_use_irq(const struct proc *process, int irq)
{
	return irq >= 0 && irq < 32 && (process->privilege.irqs & (1U << irq)) != 0;
}
