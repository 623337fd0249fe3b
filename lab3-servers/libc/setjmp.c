/*
 * setjmp.c - non-local jumps (setjmp.h), in assembly: only the registers
 * the C calling convention says a function must preserve need saving
 * (ebx, esi, edi, ebp), plus the stack pointer and the return address.
 *
 * jmp_buf layout: [0] ebx, [1] esi, [2] edi, [3] ebp, [4] esp (as the
 * caller sees it after setjmp returns), [5] the return address.
 *
 * Entry points: setjmp longjmp siglongjmp.
 */
#include <setjmp.h>
#include <signal.h>

/*
 * int setjmp(jmp_buf environment): save the registers; return 0.
 * void longjmp(jmp_buf environment, int value): restore them and jump to
 * the saved return address with eax = value (1 if value is 0), so that
 * setjmp seems to return a second time.
 */
__asm__(
	"	.text\n"
	"	.globl setjmp\n"
	"setjmp:\n"
	"	movl	4(%esp), %eax\n"	/* environment */
	"	movl	%ebx, 0(%eax)\n"
	"	movl	%esi, 4(%eax)\n"
	"	movl	%edi, 8(%eax)\n"
	"	movl	%ebp, 12(%eax)\n"
	"	leal	4(%esp), %ecx\n"	/* esp once setjmp has returned */
	"	movl	%ecx, 16(%eax)\n"
	"	movl	(%esp), %ecx\n"		/* the return address */
	"	movl	%ecx, 20(%eax)\n"
	"	xorl	%eax, %eax\n"
	"	ret\n"
	"\n"
	"	.globl longjmp\n"
	"longjmp:\n"
	"	movl	4(%esp), %edx\n"	/* environment */
	"	movl	8(%esp), %eax\n"	/* value */
	"	testl	%eax, %eax\n"
	"	jnz	1f\n"
	"	incl	%eax\n"			/* setjmp never seems to return 0 twice */
	"1:	movl	0(%edx), %ebx\n"
	"	movl	4(%edx), %esi\n"
	"	movl	8(%edx), %edi\n"
	"	movl	12(%edx), %ebp\n"
	"	movl	16(%edx), %esp\n"
	"	jmp	*20(%edx)\n"
);

/* longjmp, restoring first the signal mask sigsetjmp saved (if it did). */
void siglongjmp(sigjmp_buf environment, int value)
{
	if (environment->mask_saved)
		sigprocmask(SIG_SETMASK, &environment->mask, NULL);
	longjmp(environment->jump, value);
}
