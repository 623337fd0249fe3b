/*
 * trap.h - the saved state of an interrupted context and the trap table.
 *
 * Defined in trapentry.S (the entry stubs that build a trap_frame),
 * idt.c (idt_init) and trap.c (trap_dispatch, trap_set_handler, trap_print).
 */
#ifndef CAIRN_TRAP_H
#define CAIRN_TRAP_H

#ifndef __ASSEMBLER__
#include "types.h"
#endif

/* Exception vectors the CPU defines. */
#define T_DIVIDE       0
#define T_DEBUG        1
#define T_NMI          2
#define T_BREAKPOINT   3
#define T_OVERFLOW     4
#define T_BOUND        5
#define T_INVALID_OP   6
#define T_NO_DEVICE    7
#define T_DOUBLE_FAULT 8
#define T_INVALID_TSS  10
#define T_NO_SEGMENT   11
#define T_STACK        12
#define T_PROTECTION   13
#define T_PAGE_FAULT   14
#define T_FPU_ERROR    16
#define T_ALIGNMENT    17
#define T_MACHINE      18
#define T_SIMD         19

#define IRQ_BASE       32	/* IRQ 0 arrives as vector 32 after pic_init */
#define IRQ_COUNT      16
#define T_SYSCALL      48	/* the one vector user mode may use (lab 2) */
#define TRAP_VECTORS   49	/* vectors 0 .. 48 have entry stubs */

#define EFLAGS_IF      0x00000200	/* IF: interrupts enabled */

/* Offsets in struct trap_frame that trapentry.S uses (checked in trap.c). */
#define TRAP_FRAME_EIP 56
#define TRAP_FRAME_CS  60

#ifndef __ASSEMBLER__	/* C only; the numbers above serve assembly too */

/* What trapentry.S pushes, lowest address first. */
struct trap_frame {
	/* pushal */
	uint32_t edi, esi, ebp, esp_ignored, ebx, edx, ecx, eax;
	uint32_t gs, fs, es, ds;
	uint32_t vector;
	uint32_t error_code;	/* the CPU's, or 0 for vectors without one */
	/* pushed by the CPU */
	uint32_t eip;
	uint32_t cs;
	uint32_t eflags;
	/* pushed by the CPU only when the trap came from user mode */
	uint32_t user_esp;
	uint32_t user_ss;
};

typedef void (*trap_handler_t)(struct trap_frame *frame);

/* Entry stubs, one per vector, in trapentry.S. */
extern const uint32_t trap_entry_points[TRAP_VECTORS];
/*
 * trapentry.S's exit path: with %esp at a struct trap_frame, restore it and
 * iret. Lab 2 jumps here (never calls) to run a process.
 */
extern const char trap_return[];

void gdt_init(void);
void idt_init(void);
/*
 * Let handler take vector from now on (replaces any earlier handler). For
 * an exception vector it gets only the traps from user mode (trap.c).
 */
void trap_set_handler(int vector, trap_handler_t handler);
/* Called by trapentry.S for every trap; dispatches through the table. */
void trap_dispatch(struct trap_frame *frame);
/* Print the trap's name, registers and symbolised eip. */
void trap_print(const struct trap_frame *frame);
const char *trap_name(int vector);

#endif /* !__ASSEMBLER__ */

#endif /* CAIRN_TRAP_H */
