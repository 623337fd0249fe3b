/*
 * setjmp.h - non-local jumps (setjmp.c): setjmp saves where it was called
 * from, and longjmp returns there a second time, with a non-zero value.
 * sigsetjmp/siglongjmp also save and restore the signal mask, which is
 * what a jump out of a signal handler needs (the handled signal is
 * blocked until the handler returns, and a longjmp never returns).
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <types.h>
#include <posix.h>

/* The callee-saved registers: ebx, esi, edi, ebp, esp, and eip. */
typedef uint32_t jmp_buf[6];

int setjmp(jmp_buf environment) __attribute__((returns_twice));
void longjmp(jmp_buf environment, int value) __attribute__((noreturn));

typedef struct {
	jmp_buf jump;
	int mask_saved;
	sigset_t mask;
} sigjmp_buf[1];

int sigprocmask(int how, const sigset_t *set, sigset_t *old_set);

/* A macro, so that setjmp runs in the caller's own frame. */
#define sigsetjmp(environment, save_mask) \
	((environment)->mask_saved = (save_mask) && \
		sigprocmask(SIG_BLOCK, NULL, &(environment)->mask) == 0, \
	 setjmp((environment)->jump))
void siglongjmp(sigjmp_buf environment, int value) __attribute__((noreturn));

#endif /* _SETJMP_H */
