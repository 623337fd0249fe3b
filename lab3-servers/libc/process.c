/*
 * process.c - the system calls on processes, each one request to PM
 * (servers.h, PM_*): fork, exit, wait, and who am I.
 *
 * Entry points: fork _exit _Exit waitpid wait getpid getppid getuid
 * geteuid getgid getegid.
 */
#include "syscall.h"
#include <unistd.h>
#include <stdlib.h>
#include <sys/wait.h>

/*
 * A copy of this process. Returns the child's pid in the parent, 0 in the
 * child, or -1. Output still in stdio's buffers is written first, or
 * parent and child would each write it later.
 */
pid_t fork(void)
{
	stdio_flush_all();
	message m;
	message_init(&m, PM_FORK);
	return pm_call(&m);
}

/* End this process at once, with status's low 8 bits as its exit code.
 * PM never replies. */
void _exit(int status)
{
	for (;;) {		/* if PM ever did answer, ask again */
		message m;
		message_init(&m, PM_EXIT);
		m.payload.pm_exit.status = status;
		pm_call(&m);
	}
}

/* _exit by its C99 name. */
void _Exit(int status)
{
	_exit(status);
}

/*
 * Wait for the child pid (-1: any child) to end, or with WNOHANG only
 * look. Its wait status (W* macros) goes to *status unless NULL. Returns
 * the child's pid, 0 (WNOHANG, none ended yet) or -1 (ECHILD: no such
 * child; EINTR: a signal was handled).
 */
pid_t waitpid(pid_t pid, int *status, int options)
{
	message m;
	message_init(&m, PM_WAITPID);
	m.payload.pm_wait.pid = pid;
	m.payload.pm_wait.options = options;
	int child = pm_call(&m);
	if (child > 0 && status != NULL)
		*status = m.payload.pm_wait.status;
	return child;
}

/* Wait for any child. */
pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

/* This process's pid. */
pid_t getpid(void)
{
	message m;
	message_init(&m, PM_GETPID);
	return pm_call(&m);
}

/* The parent's pid. */
pid_t getppid(void)
{
	message m;
	message_init(&m, PM_GETPID);
	if (pm_call(&m) < 0)
		return -1;
	return m.payload.pm_getpid.parent;
}

/*
 * There is one user, root: every process has user and group 0, real and
 * effective. getuid, geteuid, getgid and getegid all return 0.
 */
uid_t getuid(void)
{
	return 0;
}

/* 0: see getuid. */
uid_t geteuid(void)
{
	return 0;
}

/* 0: see getuid. */
gid_t getgid(void)
{
	return 0;
}

/* 0: see getuid. */
gid_t getegid(void)
{
	return 0;
}
