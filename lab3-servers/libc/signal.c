/*
 * signal.c - signals: handlers, masks and sending (requests to PM), the
 * signal sets, and the trampoline every handler returns through.
 *
 * How a handler runs: PM asks the kernel (SYS_SIGSEND) to push onto this
 * process's stack a struct sigcontext (the registers it was interrupted
 * with), the signal number, and a return address: signal_trampoline,
 * which sigaction told PM about. The handler runs as handler(signal) and
 * its "ret" lands in the trampoline, with %esp at the signal number; the
 * sigcontext is just above. The trampoline hands that address to PM
 * (PM_SIGRETURN), and PM has the kernel resume the interrupted code from
 * it. PM does not reply: the SENDREC never returns.
 *
 * Entry points: sigaction signal kill raise sigprocmask sigpending
 * sigemptyset sigfillset sigaddset sigdelset sigismember.
 */
#include "syscall.h"
#include <signal.h>
#include <unistd.h>

void signal_trampoline(void);
void signal_return(struct sigcontext *context) __attribute__((noreturn));

__asm__(
	"	.text\n"
	"	.globl signal_trampoline\n"
	"signal_trampoline:\n"
	"	leal	4(%esp), %eax\n"	/* the sigcontext, above the signal number */
	"	pushl	%eax\n"
	"	call	signal_return\n"	/* never returns */
);

/*
 * Ask PM to resume from context (called by the trampoline). If PM ever
 * refused, the interrupted code could not go on: end the process.
 */
void signal_return(struct sigcontext *context)
{
	message m;
	message_init(&m, PM_SIGRETURN);
	m.payload.pm_sigreturn.context = (uint32_t) context;
	pm_call(&m);
	_exit(128 + (int) context->signal);
}

/* Whether signal is a signal number (1 .. NSIG-1); if not, errno EINVAL. */
static bool valid_signal(int signal)
{
	if (signal <= 0 || signal >= NSIG) {
		errno = EINVAL;
		return false;
	}
	return true;
}

/*
 * Set what happens on signal to *action (unless NULL), and put the
 * previous action into *old_action (unless NULL). Returns 0 or -1.
 */
int sigaction(int signal, const struct sigaction *action, struct sigaction *old_action)
{
	message m;
	message_init(&m, PM_SIGACTION);
	struct pm_sigaction *request = &m.payload.pm_sigaction;
	request->signal = signal;
	if (action == NULL) {
		request->handler = (uint32_t) SIG_ERR;	/* only asking: PM changes nothing */
	} else {
		request->handler = (uint32_t) action->sa_handler;
		request->mask = action->sa_mask;
		request->flags = action->sa_flags;
	}
	request->trampoline = (uint32_t) signal_trampoline;
	if (pm_call(&m) < 0)
		return -1;
	if (old_action != NULL) {
		old_action->sa_handler = (sighandler_t) request->old_handler;
		old_action->sa_mask = request->old_mask;
		old_action->sa_flags = request->old_flags;
	}
	return 0;
}

/* Run handler on signal (or SIG_DFL, SIG_IGN). Returns the previous
 * handler, or SIG_ERR. */
sighandler_t signal(int signal, sighandler_t handler)
{
	struct sigaction action = { .sa_handler = handler };
	struct sigaction old_action;
	if (sigaction(signal, &action, &old_action) < 0)
		return SIG_ERR;
	return old_action.sa_handler;
}

/* Send signal to pid (> 0), or to every process but init and me (-1).
 * Signal 0 only checks that pid exists. Returns 0 or -1. */
int kill(pid_t pid, int signal)
{
	message m;
	message_init(&m, PM_KILL);
	m.payload.pm_kill.pid = pid;
	m.payload.pm_kill.signal = signal;
	return pm_call(&m) < 0 ? -1 : 0;
}

/* Send signal to myself. */
int raise(int signal)
{
	return kill(getpid(), signal);
}

/*
 * Block (SIG_BLOCK), unblock (SIG_UNBLOCK) the signals of *set, or make
 * *set the mask (SIG_SETMASK); the old mask goes to *old_set. With set
 * NULL, only the old mask is asked for. Returns 0 or -1.
 */
int sigprocmask(int how, const sigset_t *set, sigset_t *old_set)
{
	message m;
	message_init(&m, PM_SIGPROCMASK);
	m.payload.pm_sigmask.how = set != NULL ? how : SIG_BLOCK;
	m.payload.pm_sigmask.mask = set != NULL ? *set : 0;
	if (pm_call(&m) < 0)
		return -1;
	if (old_set != NULL)
		*old_set = m.payload.pm_sigmask.old_mask;
	return 0;
}

/* The signals that arrived while blocked, into *set. Returns 0 or -1. */
int sigpending(sigset_t *set)
{
	message m;
	message_init(&m, PM_SIGPENDING);
	if (pm_call(&m) < 0)
		return -1;
	*set = m.payload.pm_sigmask.old_mask;
	return 0;
}

/*
 * A signal set is a word, bit n for signal n. The set functions return 0,
 * or -1 (errno EINVAL) for a number that is no signal.
 */

/* No signal at all. */
int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

/* Every signal. */
int sigfillset(sigset_t *set)
{
	*set = ~(sigset_t) 1;	/* bit 0 is no signal */
	return 0;
}

/* Add signal to *set. */
int sigaddset(sigset_t *set, int signal)
{
	if (!valid_signal(signal))
		return -1;
	*set |= (sigset_t) 1 << signal;
	return 0;
}

/* Take signal out of *set. */
int sigdelset(sigset_t *set, int signal)
{
	if (!valid_signal(signal))
		return -1;
	*set &= ~((sigset_t) 1 << signal);
	return 0;
}

/* 1 if signal is in *set, 0 if not, -1 if it is no signal. */
int sigismember(const sigset_t *set, int signal)
{
	if (!valid_signal(signal))
		return -1;
	return (*set >> signal) & 1;
}
