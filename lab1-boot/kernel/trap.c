/*
 * trap.c - what the kernel does with a trap once trapentry.S has saved the
 * interrupted context in a struct trap_frame.
 *
 * A table maps each vector to a handler. Code that owns a vector registers
 * its handler with trap_set_handler: the clock takes IRQ 0, the console
 * IRQ 4, and later labs add the system call and the exceptions of user
 * processes. A handler of an exception vector (0-31) sees only traps from
 * user mode: an exception in the kernel is always handled here, as is a
 * vector without a handler:
 *   - a breakpoint (int3) in the kernel prints the registers and resumes,
 *   - a spurious interrupt is ignored,
 *   - anything else is a kernel bug: print the trap and panic.
 *
 * End of interrupt: trap_dispatch acknowledges a hardware interrupt at the
 * PIC before it calls the handler, so handlers need not (and one that
 * never returns, like a context switch in lab 2, does not leave the PIC
 * waiting). Interrupts stay off until the return from the trap.
 *
 * Entry points: trap_dispatch (from trapentry.S), trap_set_handler,
 * trap_print, trap_name.
 */

#include "kernel.h"
#include "trap.h"
#include "devices.h"
#include "debug.h"
#include "x86.h"

_Static_assert(offsetof(struct trap_frame, eip) == TRAP_FRAME_EIP, "trapentry.S's eip offset");
_Static_assert(offsetof(struct trap_frame, cs) == TRAP_FRAME_CS, "trapentry.S's cs offset");

static trap_handler_t handlers[TRAP_VECTORS];

/* The CPU's names for its exceptions, by vector. */
static const char *const exception_names[] = {
	[T_DIVIDE] = "divide error",
	[T_DEBUG] = "debug",
	[T_NMI] = "non-maskable interrupt",
	[T_BREAKPOINT] = "breakpoint",
	[T_OVERFLOW] = "overflow",
	[T_BOUND] = "bound range exceeded",
	[T_INVALID_OP] = "invalid opcode",
	[T_NO_DEVICE] = "device not available",
	[T_DOUBLE_FAULT] = "double fault",
	[9] = "coprocessor segment overrun",
	[T_INVALID_TSS] = "invalid TSS",
	[T_NO_SEGMENT] = "segment not present",
	[T_STACK] = "stack fault",
	[T_PROTECTION] = "general protection",
	[T_PAGE_FAULT] = "page fault",
	[15] = "reserved",
	[T_FPU_ERROR] = "floating-point error",
	[T_ALIGNMENT] = "alignment check",
	[T_MACHINE] = "machine check",
	[T_SIMD] = "SIMD floating-point exception",
};

static const char *const irq_names[IRQ_COUNT] = {
	"irq 0", "irq 1", "irq 2", "irq 3", "irq 4", "irq 5", "irq 6", "irq 7",
	"irq 8", "irq 9", "irq 10", "irq 11", "irq 12", "irq 13", "irq 14", "irq 15",
};

/* A short name for what vector means. */
const char *trap_name(int vector)
{
	if (vector >= 0 && vector < (int) ARRAY_SIZE(exception_names))
		return exception_names[vector];
	if (vector >= IRQ_BASE && vector < IRQ_BASE + IRQ_COUNT)
		return irq_names[vector - IRQ_BASE];
	if (vector == T_SYSCALL)
		return "system call";
	if (vector < IRQ_BASE)
		return "reserved";
	return "unknown";
}

/* Let handler take vector from now on (replaces any earlier handler). */
void trap_set_handler(int vector, trap_handler_t handler)
{
	if (vector < 0 || vector >= TRAP_VECTORS)
		panic("trap_set_handler: no vector %d", vector);
	handlers[vector] = handler;
}

static bool from_user_mode(const struct trap_frame *frame)
{
	return (frame->cs & 3) == 3;
}

/*
 * Print "trap N (name) at eip ADDRESS function+offset", then the
 * registers the trap interrupted.
 */
void trap_print(const struct trap_frame *frame)
{
	uint32_t offset;
	const char *function = symbol_lookup(frame->eip, &offset);
	/* The CPU pushes no esp for a trap inside the kernel: the trapped code's
	 * stack pointer is just past what the CPU pushed. */
	uint32_t esp = from_user_mode(frame) ? frame->user_esp : (uint32_t) &frame->user_esp;

	kprintf("trap %d (%s) at eip 0x%08x %s+0x%x\n",
		frame->vector, trap_name(frame->vector), frame->eip, function, offset);
	kprintf("  eax 0x%08x  ebx 0x%08x  ecx 0x%08x  edx 0x%08x\n",
		frame->eax, frame->ebx, frame->ecx, frame->edx);
	kprintf("  esi 0x%08x  edi 0x%08x  ebp 0x%08x  esp 0x%08x\n",
		frame->esi, frame->edi, frame->ebp, esp);
	kprintf("  eflags 0x%08x  cs 0x%04x  error code 0x%x",
		frame->eflags, frame->cs, frame->error_code);
	if (frame->vector == T_PAGE_FAULT)
		kprintf("  cr2 0x%08x", read_cr2());
	kprintf("\n");
}

/* A hardware interrupt: acknowledge it at the PIC, then call its handler. */
static void dispatch_interrupt(struct trap_frame *frame)
{
	int irq = frame->vector - IRQ_BASE;

	if (pic_is_spurious(irq))
		return;
	pic_end_of_interrupt(irq);
	if (handlers[frame->vector] != NULL)
		handlers[frame->vector](frame);
	else
		kprintf("trap: irq %d has no handler\n", irq);
}

/* Called by trapentry.S for every trap, with interrupts off. */
void trap_dispatch(struct trap_frame *frame)
{
	int vector = frame->vector;

	if (vector >= IRQ_BASE && vector < IRQ_BASE + IRQ_COUNT) {
		dispatch_interrupt(frame);
		return;
	}
	/* An exception in the kernel is the kernel's own: never a handler's. */
	if (handlers[vector] != NULL && (vector >= IRQ_BASE || from_user_mode(frame))) {
		handlers[vector](frame);
		return;
	}
	if (vector == T_BREAKPOINT && !from_user_mode(frame)) {
		trap_print(frame);
		return;		/* int3 is a trap: eip is already past it */
	}

	trap_print(frame);
	panic("unhandled trap %d (%s) in %s", vector, trap_name(vector),
	      from_user_mode(frame) ? "user mode" : "the kernel");
}
