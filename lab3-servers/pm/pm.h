/*
 * pm.h - the process manager's own definitions: its process table, the
 * zombies, and the functions its files share.
 *
 * PM is a user-mode server. It keeps what POSIX says about a process
 * (pid, parent, exit status, signals, break, timers); the kernel keeps
 * only what it needs to run one (registers, pages, privileges). PM changes
 * the kernel's side through the process calls of lab 3 (syslib.h).
 *
 * Files:
 *   main.c     start-up, the request loop and its dispatch table, replies,
 *              requests to FS
 *   process.c  the process table, pids and zombies
 *   fork.c     fork                          (a hole: lab3:fork)
 *   exec.c     exec: reading an ELF program  (a hole: lab3:exec)
 *   exit.c     exit, waitpid, and what a death does to parent and children
 *   signal.c   kill, sigaction and friends, delivery, faults
 *   time.c     time, alarm, sleep, and PM's one kernel alarm
 *   memory.c   brk
 *   info.c     getpid, procinfo, getparam, shutdown
 */
#ifndef CAIRN_PM_H
#define CAIRN_PM_H

#include "syslib.h"
#include "servers.h"
#include "posix.h"
#include "memlayout.h"

/* ---- the user address space (the kernel's layout, lab 3) ---- */
#define USER_TOP        0xB0000000U	/* user addresses are below this */
#define EXEC_STACK_SIZE (64 * 1024)	/* the stack PM maps for an exec'd program */
#define STACK_GAP       (64 * 1024)	/* never mapped: between heap and stack */
#define BREAK_LIMIT     (USER_TOP - EXEC_STACK_SIZE - STACK_GAP)	/* brk stays below */
/*
 * PM does not load the boot programs (the kernel does), so it does not
 * know where init's bss ends. init's heap starts here instead, far above
 * any small static program and far below its stack.
 */
#define BOOT_HEAP_START 0x40000000U


#define ZOMBIE_MAX    64	/* dead processes whose parent has not waited yet */
#define PID_MAX       30000	/* pids count up to here, then wrap */

/* What struct process_info's flags mean (the kernel's BLOCKED_* bits). */
#define KERNEL_BLOCKED_IPC       0x03	/* sending or receiving */
#define KERNEL_BLOCKED_SLOT_FREE 0x04	/* the slot holds no process */

/*
 * A handler's result that means "do not reply now": the caller stays
 * blocked in its SENDREC (wait, sleep, pause), or must never get a reply
 * (exec, exit, sigreturn), or has died.
 */

/* Why a process is kept waiting for PM's reply. */
enum suspension {
	NOT_SUSPENDED,
	SUSPENDED_WAIT,		/* in waitpid, for wait_pid */
	SUSPENDED_SLEEP,	/* in sleep, until sleep_until */
	SUSPENDED_PAUSE,	/* in pause, until a handled signal */
};

/* What a process does with one signal (sigaction). */
struct signal_action {
	uint32_t handler;	/* SIG_DFL, SIG_IGN or a function's address */
	sigset_t mask;		/* blocked too while the handler runs */
	uint32_t flags;		/* SA_* */
};

/* PM's record of one live process; the entry of its kernel slot. */
struct process {
	bool in_use;
	bool user;		/* init or a descendant: an ordinary process */
	pid_t pid;
	pid_t parent;		/* 0 for the boot processes' missing parent */
	endpoint_t endpoint;
	char name[PROCESS_NAME_LENGTH];

	enum suspension suspended;
	pid_t wait_pid;		/* SUSPENDED_WAIT: a pid, or -1 for any child */
	uint32_t sleep_until;	/* SUSPENDED_SLEEP: the tick it ends at */
	uint32_t alarm_tick;	/* when SIGALRM is due; 0: no alarm */

	uint32_t initial_break;	/* the end of the program's data: brk's floor */
	uint32_t break_address;	/* the current break */

	struct signal_action actions[NSIG];
	sigset_t blocked;	/* the signal mask */
	sigset_t pending;	/* raised, not delivered yet */
	uint32_t trampoline;	/* where handlers return to (the C library's) */
};

/* A process that has exited and waits for its parent to collect it. */
struct zombie {
	bool in_use;
	pid_t pid;
	pid_t parent;
	int status;		/* its wait status (W_EXITCODE) */
	char name[PROCESS_NAME_LENGTH];
};

extern struct process processes[PROCESS_SLOTS];
extern struct zombie zombies[ZOMBIE_MAX];

#define SIGNAL_BIT(signal) (1U << (signal))

/* ---- main.c ---- */
void reply(endpoint_t endpoint, message *m, int result);
void reply_result(endpoint_t endpoint, int result);
int pm_unwritten(const char *why);
int fs_request(int type, message *m);
int fs_pm_request(int type, endpoint_t endpoint, endpoint_t parent);

/* ---- process.c ---- */
struct process *process_by_endpoint(endpoint_t endpoint);
struct process *process_by_pid(pid_t pid);
struct process *process_create(endpoint_t endpoint);
void process_free(struct process *process);
pid_t pid_allocate(void);
struct zombie *zombie_add(const struct process *process, int status);
struct zombie *zombie_find(pid_t parent, pid_t pid);
void zombie_remove(struct zombie *zombie);
bool has_child(pid_t parent, pid_t pid);

/* ---- the request handlers: each returns the reply's result, or NO_REPLY ---- */
int do_fork(struct process *caller, message *m);
int do_exec(struct process *caller, message *m);
int do_exit(struct process *caller, message *m);
int do_waitpid(struct process *caller, message *m);
int do_getpid(struct process *caller, message *m);
int do_kill(struct process *caller, message *m);
int do_sigaction(struct process *caller, message *m);
int do_sigprocmask(struct process *caller, message *m);
int do_sigpending(struct process *caller, message *m);
int do_sigreturn(struct process *caller, message *m);
int do_pause(struct process *caller, message *m);
int do_brk(struct process *caller, message *m);
int do_time(struct process *caller, message *m);
int do_alarm(struct process *caller, message *m);
int do_sleep(struct process *caller, message *m);
int do_procinfo(struct process *caller, message *m);
int do_shutdown(struct process *caller, message *m);
int do_ttysignal(struct process *caller, message *m);
int do_getparam(struct process *caller, message *m);

/* ---- exit.c ---- */
void process_exit(struct process *process, int status);
void wait_check(struct process *parent);

/* ---- signal.c ---- */
void signal_raise(struct process *process, int signal);
bool signal_deliverable(const struct process *process);
void signal_retry_all(void);
void signal_faults(void);
bool signal_is_ignored(const struct process *process, int signal);
void signals_reset_on_exec(struct process *process);
const char *signal_name(int signal);

/* ---- time.c ---- */
uint32_t ticks_now(void);
uint32_t sleep_milliseconds_left(const struct process *process);
void timers_expire(void);
void timers_update(void);

#endif /* CAIRN_PM_H */
