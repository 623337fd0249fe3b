/*
 * trapentry.S - where the CPU enters the kernel on every trap: one small
 * entry stub per vector, then a common path into C.
 *
 * On a trap the CPU pushes eflags, cs and eip (and, from user mode, the
 * user's esp and ss first), for some exceptions an error code, and jumps
 * to the handler the IDT names for the vector (idt.c). Each stub here makes
 * the stack look the same for every vector (an error code, 0 when the CPU
 * gave none, then the vector number) and jumps to trap_common, which saves
 * the rest of a struct trap_frame (trap.h) and calls trap_dispatch().
 *
 * Entry points: trap_entry_<vector> for vectors 0 .. TRAP_VECTORS-1, and
 * the table trap_entry_points[] of their addresses, which idt_init() reads.
 */

#include "trap.h"
#include "gdt.h"

/*
 * trap_entry vector, cpu_pushes_error_code: one stub, plus its address
 * as the next entry of trap_entry_points[] (the stubs must come in
 * vector order).
 */
.macro trap_entry vector, cpu_pushes_error_code
	.text
	.globl trap_entry_\vector
trap_entry_\vector:
	.if \cpu_pushes_error_code == 0
	pushl $0			/* the error code the CPU did not push */
	.endif
	pushl $\vector
	jmp trap_common

	.section .rodata.trap_entry_points, "a"
	.long trap_entry_\vector
.endm

	.section .rodata.trap_entry_points, "a"
	.p2align 2
	.globl trap_entry_points
trap_entry_points:

/* The CPU pushes an error code for vectors 8, 10-14 and 17 only. */
	.irp vector, 0, 1, 2, 3, 4, 5, 6, 7
	trap_entry \vector, 0
	.endr
	trap_entry 8, 1			/* double fault */
	trap_entry 9, 0
	.irp vector, 10, 11, 12, 13, 14	/* TSS, segment, stack, protection, page */
	trap_entry \vector, 1
	.endr
	trap_entry 15, 0
	trap_entry 16, 0
	trap_entry 17, 1		/* alignment check */
	.irp vector, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	trap_entry \vector, 0
	.endr
	/* IRQ 0-15 (after pic_init) and the system call. */
	.irp vector, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48
	trap_entry \vector, 0
	.endr

	.section .rodata.trap_entry_points, "a"
trap_entry_points_end:
	.if (trap_entry_points_end - trap_entry_points) != TRAP_VECTORS * 4
	.error "trapentry.S: one stub per vector, 0 .. TRAP_VECTORS-1"
	.endif

/*
 * The common path. On entry the stack holds, from the top: vector, error
 * code, eip, cs, eflags (user esp, user ss). Interrupts are off: every
 * gate is an interrupt gate.
 */
	.text
trap_common:
	/* Save the rest of the trap frame, in struct trap_frame order. */
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	pushal
	movl %esp, %eax			/* %eax = the struct trap_frame */

	/* Run the kernel with its own data segments and string ops going up. */
	movw $KERNEL_DS, %dx
	movw %dx, %ds
	movw %dx, %es
	cld

	/*
	 * Make the interrupted instruction look like a caller, so that a
	 * backtrace from inside trap_dispatch() shows where the trap came
	 * from: push the trap's eip as a return address and the interrupted
	 * %ebp as its saved frame pointer. A trap from user mode ends the
	 * chain instead: the kernel does not follow user frame pointers.
	 */
	pushl TRAP_FRAME_EIP(%eax)
	testl $3, TRAP_FRAME_CS(%eax)	/* privilege level of the trapped code */
	jz 1f
	xorl %ebp, %ebp
1:	pushl %ebp
	movl %esp, %ebp

	pushl %eax
	call trap_dispatch
	addl $12, %esp			/* the argument and the made-up frame */

	/*
	 * Back to the interrupted context, exactly as it was saved. Lab 2
	 * also comes here to start or resume a process: trap_return expects
	 * %esp to point at that process's struct trap_frame.
	 */
	.globl trap_return
trap_return:
	popal
	popl %gs
	popl %fs
	popl %es
	popl %ds
	addl $8, %esp			/* the vector and the error code */
	iret
