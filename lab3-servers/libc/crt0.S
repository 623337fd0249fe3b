/*
 * crt0.S - where every program over the C library starts: _start, the
 * ELF entry point.
 *
 * exec (PM) leaves the stack as a C program expects to find its
 * arguments: %esp points at argc, above it argv[0] .. argv[argc-1], NULL,
 * then the environment envp[0] .., NULL. _start sets environ, calls
 * main(argc, argv, envp), and passes main's return value to exit(), which
 * flushes stdio and ends the process.
 *
 * A boot process (init) is started by the kernel, not by exec: its stack
 * is empty, %esp exactly USER_TOP. _start then calls main(0, {NULL},
 * {NULL}).
 */

#define USER_TOP 0xB0000000

	.text
	.globl _start
_start:
	xorl	%ebp, %ebp		/* the outermost frame: backtraces stop here */
	cmpl	$USER_TOP, %esp
	je	no_arguments

	movl	(%esp), %eax		/* argc */
	leal	4(%esp), %ebx		/* argv */
	leal	8(%esp,%eax,4), %ecx	/* envp: after argv's argc pointers and NULL */
	jmp	call_main

no_arguments:
	xorl	%eax, %eax
	movl	$empty_argv, %ebx
	movl	$empty_envp, %ecx

call_main:
	movl	%ecx, environ
	andl	$-16, %esp		/* the ABI's alignment at a call */
	subl	$4, %esp		/* so that it holds after three pushes */
	pushl	%ecx
	pushl	%ebx
	pushl	%eax
	call	main
	movl	%eax, (%esp)
	call	exit			/* never returns */
1:	jmp	1b

	.data
	.balign	4
empty_argv:
	.long	0
empty_envp:
	.long	0
