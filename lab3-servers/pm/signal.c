/*
 * signal.c - signals: what processes ask for (kill, sigaction,
 * sigprocmask, sigpending, sigreturn, pause) and how PM delivers them.
 *
 * A raised signal is first made pending. It is delivered when it is not
 * blocked, and what delivery does depends on its action:
 *   - ignored (SIG_IGN, or SIG_DFL of SIGCHLD / SIGCONT): dropped;
 *   - SIG_DFL of any other signal: the process dies of it (there is no
 *     job control and no core dump: SIGSTOP ends it too, like SIGKILL);
 *   - a handler: (1) a call the process is suspended in at PM (wait,
 *     sleep, pause) ends with EINTR; (2) FS is asked to do the same
 *     (FS_PM_CANCEL) for a call suspended there; (3) the kernel pushes
 *     the registers on the process's stack and starts the handler
 *     (SYS_SIGSEND), and the signal and the action's mask are blocked
 *     until the handler returns through sigreturn.
 * Step (3) fails with EBUSY while the process is in the middle of an IPC
 * (for instance sending PM a request PM has not received yet). The
 * signal then stays pending, and PM tries again after every message it
 * handles and on a one-tick alarm (time.c); when the process's request
 * does arrive, main.c interrupts it with EINTR first.
 *
 * init (pid 1) is protected: a signal it has no handler for is ignored.
 *
 * Faults arrive from the kernel (SYS_GETKSIG) as signals too; they cannot
 * be ignored or blocked, since the faulting instruction would only fault
 * again.
 *
 * Entry points: do_kill, do_sigaction, do_sigprocmask, do_sigpending,
 * do_sigreturn, do_pause, do_ttysignal; signal_raise,
 * signal_deliverable, signal_retry_all, signal_faults,
 * signal_is_ignored, signals_reset_on_exec, signal_name.
 */

#include "pm.h"

/* Signals no process can catch, block or ignore. */
#define UNSTOPPABLE_SIGNALS (SIGNAL_BIT(SIGKILL) | SIGNAL_BIT(SIGSTOP))

/* The name of a signal number, for messages on the console. */
const char *signal_name(int signal)
{
	static const char *const names[NSIG] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
		[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
		[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
	};

	if (signal <= 0 || signal >= NSIG || names[signal] == NULL)
		return "?";
	return names[signal];
}

/* Whether signal is a signal number a request may name. */
static bool signal_is_valid(int signal)
{
	return signal > 0 && signal < NSIG;
}

/*
 * Whether delivering signal to process would do nothing at all. init is
 * special: the system cannot go on without it, so it only ever gets the
 * signals it has a handler for (SIGKILL included).
 */
bool signal_is_ignored(const struct process *process, int signal)
{
	uint32_t handler = process->actions[signal].handler;

	if (process->pid == INIT_PID)
		return handler == (uint32_t) SIG_DFL || handler == (uint32_t) SIG_IGN;
	if (signal == SIGKILL || signal == SIGSTOP)
		return false;
	if (handler == (uint32_t) SIG_IGN)
		return true;
	return handler == (uint32_t) SIG_DFL && (signal == SIGCHLD || signal == SIGCONT);
}

/* Whether process has a pending signal it does not block. */
bool signal_deliverable(const struct process *process)
{
	return (process->pending & ~process->blocked) != 0;
}

/* The lowest signal of a nonempty set. */
static int lowest_signal(sigset_t set)
{
	int signal = 1;

	while (!(set & SIGNAL_BIT(signal)))
		signal++;
	return signal;
}

/*
 * End the call process is suspended in at PM, if any, with EINTR; a sleep
 * also reports the milliseconds that were left.
 */
static void interrupt_pm_call(struct process *process)
{
	message m;

	if (process->suspended == NOT_SUSPENDED)
		return;
	memset(&m, 0, sizeof(m));
	if (process->suspended == SUSPENDED_SLEEP)
		m.payload.pm_sleep.milliseconds = sleep_milliseconds_left(process);
	process->suspended = NOT_SUSPENDED;
	reply(process->endpoint, &m, -EINTR);
}

/*
 * Run process's handler for signal: interrupt what it waits for, then
 * have the kernel start the handler. Returns OK, -EBUSY when the process
 * is in an IPC (try later), or another error (its stack is unusable).
 */
static int start_handler(struct process *process, int signal)
{
	const struct signal_action *action = &process->actions[signal];
	int result;

	interrupt_pm_call(process);
	fs_pm_request(FS_PM_CANCEL, process->endpoint, NONE);
	result = sys_sigsend(process->endpoint, signal, action->handler,
			     process->trampoline, process->blocked);
	if (result != OK)
		return result;
	process->pending &= ~SIGNAL_BIT(signal);
	process->blocked |= action->mask;
	if (!(action->flags & SA_NODEFER))
		process->blocked |= SIGNAL_BIT(signal);
	process->blocked &= ~UNSTOPPABLE_SIGNALS;
	return OK;
}

/*
 * Deliver the pending, unblocked signals of process, lowest first, until
 * none is left, one has to wait (EBUSY), or the process has died.
 */
static void signal_check(struct process *process)
{
	while (signal_deliverable(process)) {
		int signal = lowest_signal(process->pending & ~process->blocked);
		int result;

		if (signal_is_ignored(process, signal)) {
			process->pending &= ~SIGNAL_BIT(signal);
			continue;
		}
		if (process->actions[signal].handler == (uint32_t) SIG_DFL) {
			process_exit(process, W_EXITCODE(0, signal));
			return;
		}
		result = start_handler(process, signal);
		if (result == -EBUSY)
			return;		/* still pending: signal_retry_all tries again */
		if (result != OK) {
			uprintf("pm: pid %d (%s): no room on its stack for a %s handler: killed\n",
				process->pid, process->name, signal_name(signal));
			process_exit(process, W_EXITCODE(0, SIGSEGV));
			return;
		}
	}
}

/*
 * Raise signal for the user process process: drop it if ignored, else
 * make it pending and deliver what can be delivered. The process may be
 * gone when this returns.
 */
void signal_raise(struct process *process, int signal)
{
	if (!process->user || !signal_is_valid(signal))
		return;
	if (signal_is_ignored(process, signal))
		return;
	process->pending |= SIGNAL_BIT(signal);
	signal_check(process);
}

/* Try again every delivery that had to wait for a process's IPC to end. */
void signal_retry_all(void)
{
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct process *process = &processes[slot];

		if (process->in_use && process->user && signal_deliverable(process))
			signal_check(process);
	}
}

/*
 * The kernel stopped process because it raised signal (a fault at eip).
 * A fault cannot be ignored or blocked: the process would only fault
 * again. So either its handler runs, or it dies of the signal.
 */
static void signal_fault(struct process *process, int signal, uint32_t eip)
{
	struct signal_action *action = &process->actions[signal];

	if (!process->user) {
		uprintf("pm: system process %s (endpoint %d) faulted: "
			"signal %d (%s) at eip 0x%08x\n",
			process->name, process->endpoint, signal, signal_name(signal), eip);
		process_exit(process, W_EXITCODE(0, signal));
		return;
	}
	if (action->handler == (uint32_t) SIG_IGN || (process->blocked & SIGNAL_BIT(signal))) {
		action->handler = (uint32_t) SIG_DFL;
		process->blocked &= ~SIGNAL_BIT(signal);
	}
	if (action->handler == (uint32_t) SIG_DFL) {
		uprintf("pm: pid %d (%s) killed by signal %d (%s) at eip 0x%08x\n",
			process->pid, process->name, signal, signal_name(signal), eip);
		process_exit(process, W_EXITCODE(0, signal));
		return;
	}
	process->pending |= SIGNAL_BIT(signal);
	signal_check(process);
}

/*
 * The kernel's notification from SYSTEM: fetch each process it stopped
 * for a fault and deliver its signals.
 */
void signal_faults(void)
{
	struct kcall_getksig raised;

	while (sys_getksig(&raised) == OK) {
		struct process *process = process_by_endpoint(raised.target);

		if (process == NULL) {
			uprintf("pm: unknown process %d faulted: ended\n", raised.target);
			sys_exit(raised.target);
			continue;
		}
		for (int signal = 1; signal < NSIG; signal++) {
			if (!(raised.signals & SIGNAL_BIT(signal)))
				continue;
			signal_fault(process, signal, raised.eip);
			if (process_by_endpoint(raised.target) != process)
				break;	/* it died of this one */
		}
	}
}

/* exec: handlers were in the old program, so caught signals go back to SIG_DFL. */
void signals_reset_on_exec(struct process *process)
{
	for (int signal = 1; signal < NSIG; signal++) {
		struct signal_action *action = &process->actions[signal];

		if (action->handler != (uint32_t) SIG_IGN) {
			action->handler = (uint32_t) SIG_DFL;
			action->mask = 0;
			action->flags = 0;
		}
	}
}

/* Whether a zombie has pid (kill may name one: it just does nothing). */
static bool is_zombie(pid_t pid)
{
	for (int i = 0; i < ZOMBIE_MAX; i++) {
		if (zombies[i].in_use && zombies[i].pid == pid)
			return true;
	}
	return false;
}

/*
 * Raise signal for every user process but init and except (0: nobody
 * excepted). Returns how many there were.
 */
static int signal_all(int signal, pid_t except)
{
	int count = 0;

	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct process *process = &processes[slot];

		if (!process->in_use || !process->user || process->pid == INIT_PID ||
		    process->pid == except)
			continue;
		count++;
		if (signal != 0)
			signal_raise(process, signal);
	}
	return count;
}

/*
 * PM_KILL (struct pm_kill): signal one process (pid > 0) or every user
 * process but init and the caller (pid -1). Signal 0 only checks that
 * the process exists. Returns 0, -EINVAL, -ESRCH, or -EPERM for a system
 * process. With no process groups, other pids are -EINVAL.
 */
int do_kill(struct process *caller, message *m)
{
	int signal = m->payload.pm_kill.signal;
	pid_t pid = m->payload.pm_kill.pid;
	struct process *target;

	if (signal < 0 || signal >= NSIG)
		return -EINVAL;
	if (pid == -1)
		return signal_all(signal, caller->pid) > 0 ? 0 : -ESRCH;
	if (pid <= 0)
		return -EINVAL;
	target = process_by_pid(pid);
	if (target == NULL)
		return is_zombie(pid) ? 0 : -ESRCH;
	if (!target->user)
		return -EPERM;
	if (signal != 0)
		signal_raise(target, signal);
	return 0;
}

/*
 * PM_TTYSIGNAL from the console driver: a key like ^C raised
 * pm_kill.signal for every user process but init (the shell ignores
 * SIGINT itself). Returns 0, or -EPERM from anyone but the driver.
 */
int do_ttysignal(struct process *caller, message *m)
{
	int signal = m->payload.pm_kill.signal;

	if (caller->endpoint != TTY_ENDPOINT)
		return -EPERM;
	if (!signal_is_valid(signal))
		return -EINVAL;
	signal_all(signal, 0);
	return 0;
}

/*
 * PM_SIGACTION (struct pm_sigaction): set what the caller does on a
 * signal, and where its handlers return to. The previous action comes
 * back in the same struct. Returns 0 or -EINVAL (SIGKILL and SIGSTOP
 * keep their default).
 */
int do_sigaction(struct process *caller, message *m)
{
	struct pm_sigaction *request = &m->payload.pm_sigaction;
	int signal = request->signal;
	struct signal_action *action;

	if (!signal_is_valid(signal) || (UNSTOPPABLE_SIGNALS & SIGNAL_BIT(signal)))
		return -EINVAL;
	action = &caller->actions[signal];
	request->old_handler = action->handler;
	request->old_mask = action->mask;
	request->old_flags = action->flags;
	if (request->handler == (uint32_t) SIG_ERR)
		return 0;		/* only asking */

	action->handler = request->handler;
	action->mask = request->mask & ~UNSTOPPABLE_SIGNALS;
	action->flags = request->flags;
	if (request->trampoline != 0)
		caller->trampoline = request->trampoline;

	/* A pending signal now ignored is discarded (POSIX). */
	if (signal_is_ignored(caller, signal))
		caller->pending &= ~SIGNAL_BIT(signal);
	return 0;
}

/*
 * PM_SIGPROCMASK (struct pm_sigmask): block, unblock or set the caller's
 * signal mask; the old one comes back in old_mask. Unblocking may let
 * pending signals in: they are delivered once the reply is out (after
 * every request, main.c retries deliveries). Returns 0 or -EINVAL.
 */
int do_sigprocmask(struct process *caller, message *m)
{
	struct pm_sigmask *request = &m->payload.pm_sigmask;
	sigset_t mask = request->mask & ~UNSTOPPABLE_SIGNALS;

	request->old_mask = caller->blocked;
	switch (request->how) {
	case SIG_BLOCK:
		caller->blocked |= mask;
		break;
	case SIG_UNBLOCK:
		caller->blocked &= ~mask;
		break;
	case SIG_SETMASK:
		caller->blocked = mask;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/* PM_SIGPENDING: the caller's pending signals, in pm_sigmask.old_mask. */
int do_sigpending(struct process *caller, message *m)
{
	m->payload.pm_sigmask.old_mask = caller->pending;
	return 0;
}

/*
 * PM_SIGRETURN (struct pm_sigreturn): a handler has returned; the kernel
 * resumes the caller with the registers saved in its sigcontext, and the
 * mask saved there is the caller's again. No reply: the caller goes on
 * where the signal interrupted it. A context the kernel refuses leaves
 * nothing to go back to: the caller dies of SIGSEGV.
 */
int do_sigreturn(struct process *caller, message *m)
{
	sigset_t mask;
	int result = sys_sigreturn(caller->endpoint, m->payload.pm_sigreturn.context, &mask);

	if (result != OK) {
		uprintf("pm: pid %d (%s): bad signal context: killed\n", caller->pid, caller->name);
		process_exit(caller, W_EXITCODE(0, SIGSEGV));
		return NO_REPLY;
	}
	caller->blocked = mask & ~UNSTOPPABLE_SIGNALS;
	return NO_REPLY;	/* pending signals it unblocked: main.c delivers them */
}

/* PM_PAUSE: suspend the caller until a handled signal ends it with EINTR. */
int do_pause(struct process *caller, message *m)
{
	caller->suspended = SUSPENDED_PAUSE;
	return NO_REPLY;
}
