/*
 * fault.c - a program that misbehaves on purpose, to watch PM turn a CPU
 * fault into a signal: the process dies (or runs its handler), the system
 * goes on.
 *
 *   fault null      write through a null pointer (SIGSEGV)
 *   fault kernel    write into the kernel's half of memory (SIGSEGV)
 *   fault divide    divide by zero (SIGFPE)
 *   fault illegal   execute an invalid instruction (SIGILL)
 *   fault catch     catch SIGSEGV with a handler, which exits with 42
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void caught(int signal)
{
	printf("fault: caught signal %d\n", signal);
	fflush(stdout);
	_exit(42);
}

int main(int argc, char *argv[])
{
	volatile int zero = 0, seven = 7;	/* volatile: a real division, at run time */
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "catch") == 0) {
		signal(SIGSEGV, caught);
		what = "null";
	}
	if (strcmp(what, "null") == 0)
		*(volatile int *) 0 = 1;
	else if (strcmp(what, "kernel") == 0)
		*(volatile int *) 0xC0100000 = 1;
	else if (strcmp(what, "divide") == 0)
		printf("%d\n", seven / zero);
	else if (strcmp(what, "illegal") == 0)
		__asm__ volatile("ud2");
	else {
		fprintf(stderr, "usage: fault null|kernel|divide|illegal|catch\n");
		return 2;
	}
	printf("fault: still alive after '%s'?\n", what);
	return 1;
}
