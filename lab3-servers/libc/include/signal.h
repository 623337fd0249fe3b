/*
 * signal.h - signals (signal.c). The numbers, sigset_t, SIG_DFL/IGN/ERR,
 * SIG_BLOCK ... and SA_* are posix.h's.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <types.h>
#include <posix.h>

typedef int sig_atomic_t;

struct sigaction {
	sighandler_t sa_handler;
	sigset_t sa_mask;	/* also blocked while the handler runs */
	int sa_flags;		/* SA_NODEFER; SA_RESTART is accepted */
};

sighandler_t signal(int signal, sighandler_t handler);
int sigaction(int signal, const struct sigaction *action, struct sigaction *old_action);
int kill(pid_t pid, int signal);
int raise(int signal);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signal);
int sigdelset(sigset_t *set, int signal);
int sigismember(const sigset_t *set, int signal);
int sigprocmask(int how, const sigset_t *set, sigset_t *old_set);
int sigpending(sigset_t *set);

#endif /* _SIGNAL_H */
