/*
 * crt0.S - where every user program starts: _start, the ELF entry point.
 *
 * The kernel enters _start in user mode with %esp at the top of the
 * program's stack. _start calls main(); a boot process has nowhere to
 * return to (lab 2 has no exit call), so when main returns the program
 * waits in RECEIVE from ANY for ever, ignoring what arrives.
 */

	.text
	.globl _start
_start:
	xorl	%ebp, %ebp		/* the outermost frame: backtraces stop here */
	call	main

	/* main returned: block in RECEIVE(ANY) for ever (ipc.h: ANY is -1). */
wait_forever:
	pushl	$unwanted_message
	pushl	$-1
	call	ipc_receive
	addl	$8, %esp
	jmp	wait_forever

	.bss
	.balign	4
unwanted_message:
	.space	64			/* MESSAGE_SIZE */
