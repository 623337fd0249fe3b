/*
 * switch.S - the two ways the kernel leaves the code it is running and
 * never comes back: into a process (switch_to_user) or onto the boot stack
 * (call_on_boot_stack), where sched.c chooses the next process.
 *
 * Entry points: switch_to_user, call_on_boot_stack.
 */

/*
 * void switch_to_user(struct trap_frame *frame)
 * Make frame the stack and take trapentry.S's way out of a trap: restore
 * the registers saved in frame and iret into user mode. The caller has
 * loaded the process's page directory and its kernel stack into the TSS.
 */
	.text
	.globl switch_to_user
switch_to_user:
	movl 4(%esp), %esp
	jmp trap_return

/*
 * void call_on_boot_stack(void (*function)(void *), void *argument)
 * Drop everything on the current stack, start again at the top of the
 * boot stack and call function(argument) there. function must not return.
 */
	.globl call_on_boot_stack
call_on_boot_stack:
	movl 4(%esp), %eax		/* function */
	movl 8(%esp), %ecx		/* argument */
	movl $boot_stack_top, %esp
	xorl %ebp, %ebp			/* backtraces stop here */
	pushl %ecx
	call *%eax
1:	hlt				/* not reached: function never returns */
	jmp 1b
