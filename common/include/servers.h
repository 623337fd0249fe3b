/*
 * servers.h - the system processes of lab 3 on and how to talk to them:
 * their boot endpoints, and the request and reply messages of PM (process
 * manager), FS (file system), DS (data store) and device drivers.
 *
 * Included by messages.h, so every payload below is a member of the message
 * union (m.payload.pm_exec ...) and checked to fit in 56 bytes.
 *
 * Conventions, for every protocol here:
 *  - A request is a SENDREC to the server; the reply's type is the result:
 *    a value >= 0 (a pid, a count, a file descriptor) or a negative error
 *    number (errors.h). Values beyond one word come back in the payload.
 *  - Addresses in a request are in the caller's address space. PM and FS
 *    reach a user's memory with SYS_VIRCOPY; drivers only ever get grants.
 *  - A path is an address and a length (without the NUL), at most PATH_MAX.
 *  - A server that cannot answer at once (wait, a pipe, the console) keeps
 *    the caller blocked in its SENDREC and replies later: its handler
 *    returns NO_REPLY, which (being negative) no count or pid can equal.
 */
/* Outside the guard: messages.h includes this file from the middle of
 * itself, once endpoint_t and grant_id_t exist. */
#include "ipc.h"

#ifndef CAIRN_SERVERS_H
#define CAIRN_SERVERS_H

#include "types.h"
#include "errors.h"
#include "posix.h"

/* A handler's result meaning "no reply yet" (PM's and FS's request loops). */
#define NO_REPLY (-ESUSPEND)

/* ---- boot endpoints (generation 0, so the slot number) ----
 * Slots 3-7 hold lab 2's IPC test programs in a lab-2 image; a lab-3 image
 * leaves them empty. Later labs add drivers from slot 16 on. */
#define PM_ENDPOINT      8
#define FS_ENDPOINT      9
#define DS_ENDPOINT     10
#define MEMORY_ENDPOINT 11	/* the memory driver: RAM disk, null, zero */
#define TTY_ENDPOINT    12	/* the console driver */
#define INIT_ENDPOINT   13	/* init: pid 1 */
#define INIT_PID         1

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

/* ---- FS: the file system (types 0x200 ...) ---- */
#define FS_BASE      0x200
#define FS_OPEN      (FS_BASE + 0)	/* fs_path (flags, mode) -> fd */
#define FS_CLOSE     (FS_BASE + 1)	/* fs_fd */
#define FS_READ      (FS_BASE + 2)	/* fs_io -> bytes read */
#define FS_WRITE     (FS_BASE + 3)	/* fs_io -> bytes written */
#define FS_LSEEK     (FS_BASE + 4)	/* fs_seek -> new offset */
#define FS_STAT      (FS_BASE + 5)	/* fs_path (buffer: struct stat) */
#define FS_FSTAT     (FS_BASE + 6)	/* fs_io (buffer: struct stat) */
#define FS_MKDIR     (FS_BASE + 7)	/* fs_path (mode) */
#define FS_RMDIR     (FS_BASE + 8)	/* fs_path */
#define FS_UNLINK    (FS_BASE + 9)	/* fs_path */
#define FS_LINK      (FS_BASE + 10)	/* fs_path2: existing, new */
#define FS_RENAME    (FS_BASE + 11)	/* fs_path2: old, new */
#define FS_CHDIR     (FS_BASE + 12)	/* fs_path */
#define FS_GETCWD    (FS_BASE + 13)	/* fs_io (fd unused) -> length */
#define FS_DUP       (FS_BASE + 14)	/* fs_fd -> new fd */
#define FS_DUP2      (FS_BASE + 15)	/* fs_fd (fd, fd2) -> fd2 */
#define FS_PIPE      (FS_BASE + 16)	/* -> 0, fds in fs_fd (fd: read end, fd2: write end) */
#define FS_GETDENTS  (FS_BASE + 17)	/* fs_io -> bytes of struct dirent records, 0 at the end */
#define FS_SYNC      (FS_BASE + 18)	/* write every dirty block */
#define FS_UMASK     (FS_BASE + 19)	/* fs_path.mode -> old mask */
#define FS_CHMOD     (FS_BASE + 20)	/* fs_path (mode) */
#define FS_FCNTL     (FS_BASE + 21)	/* fs_fd (fd, fd2 = F_*, flags = argument) */
#define FS_MKNOD     (FS_BASE + 22)	/* fs_path (mode, device) */
#define FS_TRUNCATE  (FS_BASE + 23)	/* fs_path (flags = new length) */
/* From PM only: */
#define FS_PM_FORK   (FS_BASE + 32)	/* fs_pm: the child shares the parent's files */
#define FS_PM_EXIT   (FS_BASE + 33)	/* fs_pm: close all of endpoint's files */
#define FS_PM_EXEC   (FS_BASE + 34)	/* fs_pm + path: open the program for PM -> PM's fd */
#define FS_PM_EXECDONE (FS_BASE + 35)	/* fs_pm: close endpoint's FD_CLOEXEC files */
#define FS_PM_CANCEL (FS_BASE + 36)	/* fs_pm: if endpoint is suspended in FS, reply EINTR */
#define FS_PM_START  (FS_BASE + 37)	/* fs_pm: endpoint is a new boot user process (init) */

#define OPEN_MAX 20			/* file descriptors per process */

struct fs_path {
	uint32_t path;
	uint32_t path_length;
	int32_t flags;		/* O_* */
	uint32_t mode;		/* permission bits (open, mkdir, chmod, umask, mknod) */
	uint32_t buffer;	/* FS_STAT: where the struct stat goes */
	uint32_t device;	/* FS_MKNOD */
};
struct fs_path2 {
	uint32_t path;
	uint32_t path_length;
	uint32_t path2;
	uint32_t path2_length;
};
struct fs_fd {
	int32_t fd;
	int32_t fd2;
	int32_t flags;
};
struct fs_io {
	int32_t fd;
	uint32_t buffer;
	uint32_t count;
};
struct fs_seek {
	int32_t fd;
	int32_t offset;
	int32_t whence;
};
struct fs_pm {
	endpoint_t endpoint;	/* the process acted on (the child, for FORK) */
	endpoint_t parent;	/* FS_PM_FORK */
	uint32_t path;		/* FS_PM_EXEC: in endpoint's memory */
	uint32_t path_length;
};

/* ---- DS: the data store (types 0x300 ...) ----
 * A name maps to one 32-bit value, usually an endpoint ("memory" -> the
 * memory driver's endpoint). Only system processes may publish. A
 * subscriber gets a notification from DS when a name it watches changes,
 * then asks DS_CHECK for the changes one at a time. */
#define DS_BASE      0x300
#define DS_PUBLISH   (DS_BASE + 0)	/* ds_entry */
#define DS_LOOKUP    (DS_BASE + 1)	/* ds_entry (name) -> value in it; ENOENT */
#define DS_DELETE    (DS_BASE + 2)	/* ds_entry (name) */
#define DS_SUBSCRIBE (DS_BASE + 3)	/* ds_entry: name is a prefix to watch */
#define DS_CHECK     (DS_BASE + 4)	/* -> a changed ds_entry; ENOENT when none is left */
#define DS_NAME_LENGTH 32		/* with the NUL */
struct ds_entry {
	char name[DS_NAME_LENGTH];
	uint32_t value;
	uint32_t flags;		/* reply of DS_CHECK: DS_DELETED if it is gone */
};
#define DS_DELETED 1

/* ---- device drivers (types 0x400 ...) ----
 * FS is every driver's only client. Data moves through a grant FS made
 * for the driver. Block devices answer every request at once. A
 * character device that cannot (no input yet) replies -ESUSPEND and later
 * notifies FS; FS then sends DEV_STATUS and gets one finished request per
 * reply (DEV_REVIVE), until DEV_NO_STATUS. */
#define DEV_BASE      0x400
#define DEV_OPEN      (DEV_BASE + 0)	/* dev_io (minor) */
#define DEV_CLOSE     (DEV_BASE + 1)	/* dev_io (minor) */
#define DEV_READ      (DEV_BASE + 2)	/* dev_io -> bytes */
#define DEV_WRITE     (DEV_BASE + 3)	/* dev_io -> bytes */
#define DEV_CANCEL    (DEV_BASE + 4)	/* dev_io (minor, id) -> bytes done, or -EINTR */
#define DEV_STATUS    (DEV_BASE + 5)	/* dev_io (grant, count: room for data) */
#define DEV_REVIVE    (DEV_BASE + 6)	/* reply to DEV_STATUS: dev_io (id, result) */
#define DEV_NO_STATUS (DEV_BASE + 7)	/* reply to DEV_STATUS: nothing finished */
#define DEV_IOCTL     (DEV_BASE + 8)	/* dev_io (minor, position: the request, grant
					 * and count: its argument) -> a result */
#define DEV_HEARTBEAT (DEV_BASE + 9)	/* -> OK while the driver serves (lab 5's RS asks) */
#define DEV_LAST      DEV_HEARTBEAT
struct dev_io {
	uint32_t minor;
	uint32_t position;	/* byte offset (block devices) */
	uint32_t count;		/* bytes */
	grant_id_t grant;	/* FS's grant for the driver */
	uint32_t id;		/* FS's name for the request (a suspended reader) */
	int32_t result;		/* DEV_REVIVE: bytes, or a negative error */
	uint32_t flags;		/* O_NONBLOCK */
};

/* A driver publishes its endpoint in DS as "dev.MAJOR" (decimal), for
 * every major it serves; FS watches that prefix to find the drivers. */
#define DEVICE_DS_PREFIX "dev."

/* Device numbers (major, minor). */
#define MEMORY_MAJOR 1		/* minors: 0 RAM disk, 3 null, 5 zero */
#define TTY_MAJOR    4		/* minor 0: the console */
#define RAMDISK_MINOR 0
#define NULL_MINOR    3
#define ZERO_MINOR    5
#define ROOT_DEVICE  MAKE_DEV(MEMORY_MAJOR, RAMDISK_MINOR)

#endif /* CAIRN_SERVERS_H */
