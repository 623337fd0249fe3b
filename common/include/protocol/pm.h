/*
 * protocol/pm.h - the process manager's requests and replies (types 0x100 ...).
 * The conventions of every server protocol are in servers.h.
 */
#ifndef CAIRN_PROTOCOL_PM_H
#define CAIRN_PROTOCOL_PM_H

#include "messages.h"
#include "errors.h"
#include "posix.h"

/* ---- PM: the process manager (types 0x100 ...) ---- */
#define PM_BASE        0x100
#define PM_FORK        (PM_BASE + 0)	/* -> child pid; the child gets 0 */
#define PM_EXEC        (PM_BASE + 1)	/* pm_exec; no reply on success */
#define PM_EXIT        (PM_BASE + 2)	/* pm_exit; no reply */
#define PM_WAITPID     (PM_BASE + 3)	/* pm_wait -> pid, status in pm_wait */
#define PM_GETPID      (PM_BASE + 4)	/* -> pid, parent's pid in pm_getpid */
#define PM_KILL        (PM_BASE + 5)	/* pm_kill */
#define PM_SIGACTION   (PM_BASE + 6)	/* pm_sigaction -> old action in it */
#define PM_SIGPROCMASK (PM_BASE + 7)	/* pm_sigmask -> old mask in it */
#define PM_SIGRETURN   (PM_BASE + 8)	/* pm_sigreturn; no reply on success */
#define PM_BRK         (PM_BASE + 9)	/* pm_brk -> new break in it */
#define PM_TIME        (PM_BASE + 10)	/* -> pm_time */
#define PM_ALARM       (PM_BASE + 11)	/* pm_alarm -> seconds left on the old one */
#define PM_SLEEP       (PM_BASE + 12)	/* pm_sleep -> 0, or EINTR with time left */
#define PM_PAUSE       (PM_BASE + 13)	/* -> EINTR once a signal was handled */
#define PM_PROCINFO    (PM_BASE + 14)	/* pm_procinfo: the index-th process */
#define PM_SHUTDOWN    (PM_BASE + 15)	/* pm_shutdown: sync FS, stop the machine */
#define PM_TTYSIGNAL   (PM_BASE + 16)	/* from the console driver: pm_kill.signal
					 * to every user process but init. A SEND, not
					 * a SENDREC: while PM signals, FS may cancel a
					 * console read at the driver, which must then
					 * be free to receive (PM's reply is ignored) */
#define PM_SIGPENDING  (PM_BASE + 17)	/* -> pending signals in pm_sigmask.old_mask */
#define PM_GETPARAM    (PM_BASE + 18)	/* pm_param -> length of the value; ENOENT */

struct pm_exec {
	uint32_t path;		/* the program */
	uint32_t path_length;
	/*
	 * The new stack's contents, built by the caller as if the stack began
	 * at address 0: argc, argv[0..argc-1], NULL, envp[..], NULL, then the
	 * strings; each pointer is an offset from the frame's start (never
	 * 0: argc is there). PM puts the frame at the top of the new stack and
	 * adds that address to every pointer, leaving the two NULLs 0. At
	 * most ARG_MAX bytes.
	 */
	uint32_t frame;
	uint32_t frame_length;
};
struct pm_exit {
	int32_t status;		/* low 8 bits are the exit code */
};
struct pm_wait {
	int32_t pid;		/* -1: any child */
	int32_t options;	/* WNOHANG */
	int32_t status;		/* reply: wait status (posix.h W*) */
};
struct pm_getpid {
	int32_t parent;		/* reply */
};
struct pm_kill {
	int32_t pid;		/* > 0 one process; -1: every process but init and the caller */
	int32_t signal;		/* 0 only checks that pid exists */
};
struct pm_sigaction {
	int32_t signal;
	uint32_t handler;	/* SIG_DFL, SIG_IGN or a function; SIG_ERR only
				 * reads the action, changing nothing */
	uint32_t mask;		/* extra signals blocked while it runs */
	uint32_t flags;		/* SA_* */
	uint32_t trampoline;	/* where the handler returns to (libc's) */
	/* reply: the previous action */
	uint32_t old_handler;
	uint32_t old_mask;
	uint32_t old_flags;
};
struct pm_sigmask {
	int32_t how;		/* SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK */
	uint32_t mask;
	uint32_t old_mask;	/* reply */
};
struct pm_sigreturn {
	uint32_t context;	/* address of the struct sigcontext */
};
struct pm_brk {
	uint32_t address;	/* the new break; 0 asks for the current one */
};
struct pm_time {
	uint32_t seconds;	/* reply: since 1970 (the RTC at boot plus uptime) */
	uint32_t ticks;		/* reply: since boot */
	uint32_t hz;		/* reply: ticks per second */
};
struct pm_alarm {
	uint32_t seconds;	/* 0 cancels */
};
struct pm_sleep {
	uint32_t milliseconds;	/* reply: what was left when interrupted */
};
struct pm_procinfo {
	int32_t index;		/* 0, 1, ... until the reply is ESRCH */
	/* reply */
	int32_t pid;
	int32_t parent;
	endpoint_t endpoint;
	char state;		/* R running/ready, S waiting, Z zombie, K kernel-blocked */
	char name[PROCESS_NAME_LENGTH];
	uint32_t ticks;		/* user ticks */
	uint32_t memory;	/* bytes of user memory */
};
struct pm_param {
	uint32_t key;		/* a boot parameter's name (key=value in the image) */
	uint32_t key_length;
	uint32_t buffer;	/* where its value goes, NUL-terminated */
	uint32_t size;		/* bytes of room there */
};
struct pm_shutdown {
	int32_t code;		/* the emulator's exit status */
};

#endif /* CAIRN_PROTOCOL_PM_H */
