/*
 * exit.c - ending the program: the functions registered with atexit run
 * (the last registered first), stdio's buffers are written out, and PM
 * ends the process (_exit, process.c).
 *
 * Entry points: exit atexit abort assertion_failed (assert.h).
 */
#include "syscall.h"
#include <stdlib.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>

#define ATEXIT_MAX 32

static void (*exit_functions[ATEXIT_MAX])(void);
static int exit_function_count;

/* Have function called by exit. Returns 0, or -1 when the table is full. */
int atexit(void (*function)(void))
{
	if (exit_function_count == ATEXIT_MAX)
		return -1;
	exit_functions[exit_function_count++] = function;
	return 0;
}

/* End the program properly: atexit functions, then stdio, then _exit. */
void exit(int status)
{
	while (exit_function_count > 0)
		exit_functions[--exit_function_count]();
	stdio_flush_all();
	_exit(status);
}

/* End the program with SIGABRT (which even a handler cannot stop, since
 * the signal is sent again with the default action in place). */
void abort(void)
{
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(128 + SIGABRT);
}

/* assert's failure: say which condition failed where, then abort. */
void assertion_failed(const char *condition, const char *file, int line)
{
	fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, condition);
	abort();
}
