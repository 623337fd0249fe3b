/*
 * ipc.S - the five message-passing primitives, as C functions.
 *
 *   int ipc_send(endpoint_t destination, message *m);
 *   int ipc_receive(endpoint_t source, message *m);
 *   int ipc_sendrec(endpoint_t partner, message *m);
 *   int ipc_sendnb(endpoint_t destination, message *m);
 *   int ipc_notify(endpoint_t destination);
 *
 * Each traps into the kernel with `int $48` (T_SYSCALL): %eax holds the
 * primitive (IPC_SEND .. IPC_SENDNB of ipc.h), %ebx the endpoint, %ecx the
 * message address; the kernel leaves the result (OK or a negative error
 * number) in %eax, which is what the function returns. NOTIFY carries no
 * message, so ipc_notify passes 0 as the address.
 *
 * %ebx is callee-saved in the C calling convention, so it is restored.
 */

#define T_SYSCALL   48
#define IPC_SEND    1
#define IPC_RECEIVE 2
#define IPC_SENDREC 3
#define IPC_NOTIFY  4
#define IPC_SENDNB  5

	.text

	.globl ipc_send
ipc_send:
	movl	$IPC_SEND, %eax
	jmp	ipc_trap

	.globl ipc_receive
ipc_receive:
	movl	$IPC_RECEIVE, %eax
	jmp	ipc_trap

	.globl ipc_sendrec
ipc_sendrec:
	movl	$IPC_SENDREC, %eax
	jmp	ipc_trap

	.globl ipc_sendnb
ipc_sendnb:
	movl	$IPC_SENDNB, %eax
	jmp	ipc_trap

	.globl ipc_notify
ipc_notify:
	pushl	%ebx
	movl	8(%esp), %ebx		/* destination */
	xorl	%ecx, %ecx		/* no message */
	movl	$IPC_NOTIFY, %eax
	int	$T_SYSCALL
	popl	%ebx
	ret

/* %eax = primitive; the arguments (endpoint, message) are still the caller's. */
ipc_trap:
	pushl	%ebx
	movl	8(%esp), %ebx		/* endpoint */
	movl	12(%esp), %ecx		/* message */
	int	$T_SYSCALL
	popl	%ebx
	ret
