/*
 * main.c - the process manager's start-up and request loop.
 *
 * PM learns the boot processes from the kernel, tells FS that init exists,
 * then serves for ever: receive a message, look its type up in the
 * dispatch table, run the handler, reply. Three kinds of message arrive:
 *   - requests (PM_*) from processes, answered with ipc_sendnb so that PM
 *     never blocks on a user process that stopped listening;
 *   - a notification from CLOCK: one of PM's timers is due (time.c);
 *   - a notification from SYSTEM: the kernel stopped a process that
 *     faulted (signal.c).
 * After each message PM retries the signals it could not deliver yet and
 * sets its kernel alarm for the next timer.
 *
 * Also here, for every file of PM: replies, copies to and from a user's
 * memory, and requests to FS.
 *
 * Entry points: main; reply, reply_result, pm_unwritten, fs_request,
 * fs_pm_request.
 */

#include "pm.h"

/* One request type: who may make it and which function handles it. */
struct pm_call {
	int (*handle)(struct process *caller, message *m);
	bool user_only;		/* only init and its descendants may ask */
};

#define USER_ONLY true
#define ANY_PROCESS false

/* The dispatch table, indexed by request type minus PM_BASE. */
static const struct pm_call pm_calls[] = {
	[PM_FORK - PM_BASE]        = { do_fork, USER_ONLY },
	[PM_EXEC - PM_BASE]        = { do_exec, USER_ONLY },
	[PM_EXIT - PM_BASE]        = { do_exit, USER_ONLY },
	[PM_WAITPID - PM_BASE]     = { do_waitpid, USER_ONLY },
	[PM_GETPID - PM_BASE]      = { do_getpid, ANY_PROCESS },
	[PM_KILL - PM_BASE]        = { do_kill, USER_ONLY },
	[PM_SIGACTION - PM_BASE]   = { do_sigaction, USER_ONLY },
	[PM_SIGPROCMASK - PM_BASE] = { do_sigprocmask, USER_ONLY },
	[PM_SIGRETURN - PM_BASE]   = { do_sigreturn, USER_ONLY },
	[PM_BRK - PM_BASE]         = { do_brk, USER_ONLY },
	[PM_TIME - PM_BASE]        = { do_time, ANY_PROCESS },
	[PM_ALARM - PM_BASE]       = { do_alarm, USER_ONLY },
	[PM_SLEEP - PM_BASE]       = { do_sleep, USER_ONLY },
	[PM_PAUSE - PM_BASE]       = { do_pause, USER_ONLY },
	[PM_PROCINFO - PM_BASE]    = { do_procinfo, ANY_PROCESS },
	[PM_SHUTDOWN - PM_BASE]    = { do_shutdown, ANY_PROCESS },
	[PM_TTYSIGNAL - PM_BASE]   = { do_ttysignal, ANY_PROCESS },	/* checks for tty */
	[PM_SIGPENDING - PM_BASE]  = { do_sigpending, USER_ONLY },
	[PM_GETPARAM - PM_BASE]    = { do_getparam, ANY_PROCESS },
};

/*
 * Send m to endpoint as the reply to its SENDREC, with result as its type.
 * SENDNB: if the process is not waiting for it any more, the reply is
 * dropped rather than blocking PM.
 */
void reply(endpoint_t endpoint, message *m, int result)
{
	m->type = result;
	ipc_sendnb(endpoint, m);
}

/* Reply to endpoint with result and an empty payload. */
void reply_result(endpoint_t endpoint, int result)
{
	message m;

	memset(&m, 0, sizeof(m));
	reply(endpoint, &m, result);
}

/*
 * What a part of PM that is not written yet does: say so on the console
 * and fail. Returns -ENOSYS.
 */
int pm_unwritten(const char *why)
{
	uprintf("pm: %s\n", why);
	return -ENOSYS;
}

/*
 * SENDREC m to FS with type; FS's reply replaces m. Returns the IPC error
 * if the message could not be exchanged, else the reply's result.
 */
int fs_request(int type, message *m)
{
	int result;

	m->type = type;
	result = ipc_sendrec(FS_ENDPOINT, m);
	if (result != OK)
		return result;
	return m->type;
}

/* One of the FS_PM_* requests about endpoint (parent: FS_PM_FORK only). */
int fs_pm_request(int type, endpoint_t endpoint, endpoint_t parent)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.payload.fs_pm.endpoint = endpoint;
	m.payload.fs_pm.parent = parent;
	return fs_request(type, &m);
}

/*
 * Make PM's entry for the boot process described by info: init gets pid
 * 1 and is the one user process; the others (PM itself too) are system
 * processes and get the next pids.
 */
static void add_boot_process(const struct process_info *info)
{
	struct process *process = process_create(info->endpoint);

	if (process == NULL)
		return;
	strlcpy(process->name, info->name, sizeof(process->name));
	process->parent = 0;
	if (info->endpoint == INIT_ENDPOINT) {
		process->pid = INIT_PID;
		process->user = true;
		process->initial_break = BOOT_HEAP_START;
		process->break_address = BOOT_HEAP_START;
	} else {
		process->pid = pid_allocate();
	}
}

/*
 * Learn the processes the kernel started from the boot image, then tell
 * FS that init is a user process (it gets its standard files there).
 */
static void pm_init(void)
{
	/* Static: too large for a boot process's small stack. */
	static struct process_info boot_processes[PROCESS_SLOTS];
	int count = sys_getinfo(GET_PROCESSES, boot_processes, sizeof(boot_processes));
	int result;

	if (count < 0) {
		uprintf("pm: cannot read the process table: %s\n", error_name(count));
		return;
	}
	for (int i = 0; i < count; i++) {
		const struct process_info *info = &boot_processes[i];

		if (ENDPOINT_SLOT(info->endpoint) < FIRST_USER_SLOT ||
		    (info->flags & KERNEL_BLOCKED_SLOT_FREE) || info->name[0] == '\0')
			continue;	/* a kernel task, or nobody */
		add_boot_process(info);
	}
	if (process_by_endpoint(INIT_ENDPOINT) == NULL) {
		uprintf("pm: there is no init\n");
		return;
	}
	result = fs_pm_request(FS_PM_START, INIT_ENDPOINT, NONE);
	if (result < 0)
		uprintf("pm: FS refused to start init: %s\n", error_name(result));
}

/*
 * A notification: from CLOCK when a timer is due, from SYSTEM when the
 * kernel stopped a faulting process. Others are not expected.
 */
static void handle_notification(const message *m)
{
	switch (m->source) {
	case CLOCK:
		timers_expire();
		break;
	case SYSTEM:
		signal_faults();
		break;
	default:
		/* Not a notification PM expects: a user's SENDREC of a request
		 * with this type, say. Refuse it; a real notification's
		 * sender is not waiting, and the reply is dropped. */
		reply_result(m->source, -EBADREQUEST);
		break;
	}
}

/*
 * Whether a pending signal may cut a request of this type short with
 * EINTR: not exit (the process goes anyway) nor sigreturn (no reply).
 */
static bool interruptible(int type)
{
	return type != PM_EXIT && type != PM_SIGRETURN;
}

/*
 * Run one request from m->source and reply to it, unless the handler says
 * NO_REPLY.
 */
static void handle_request(message *m)
{
	endpoint_t source = m->source;
	struct process *caller = process_by_endpoint(source);
	unsigned int index = m->type - PM_BASE;
	const struct pm_call *call;
	int result;

	if (caller == NULL) {
		reply_result(source, -EPERM);	/* not a process PM knows */
		return;
	}
	if (index >= ARRAY_SIZE(pm_calls) || pm_calls[index].handle == NULL) {
		reply_result(source, -ENOSYS);
		return;
	}
	call = &pm_calls[index];
	if (call->user_only && !caller->user) {
		reply_result(source, -EPERM);
		return;
	}
	/*
	 * A signal could not be delivered while the caller was sending this
	 * request: the request is interrupted, and the main loop delivers
	 * the signal right after this reply.
	 */
	if (caller->user && interruptible(m->type) && signal_deliverable(caller)) {
		reply_result(source, -EINTR);
		return;
	}
	result = call->handle(caller, m);
	if (result != NO_REPLY && process_by_endpoint(source) != NULL)
		reply(source, m, result);	/* unless the caller died meanwhile */
}

/* PM's main loop: never returns. */
int main(void)
{
	message m;
	int result;

	pm_init();
	for (;;) {
		result = ipc_receive(ANY, &m);
		if (result != OK) {
			uprintf("pm: receive failed: %s\n", error_name(result));
			continue;
		}
		if (m.type == NOTIFY_MESSAGE)
			handle_notification(&m);
		else
			handle_request(&m);
		signal_retry_all();
		timers_update();
	}
}
