/*
 * messages.h - the kernel's message ABI: endpoints, grants, the kernel
 * calls and their payloads, notifications, declared once. (The servers'
 * protocols are in servers.h; payloads.h gathers every payload into the
 * message union.)
 *
 * A sender and a receiver of the same type use the same struct, so no
 * field is ever picked by a magic offset.
 *
 * Kernel calls are SENDRECs to SYSTEM whose type is a SYS_* number; the
 * reply's type is the result (OK or a negative error number) and its
 * payload holds any values returned.
 */
#ifndef CAIRN_MESSAGES_H
#define CAIRN_MESSAGES_H

#include "types.h"
#include "clock.h"	/* HZ: the unit of every tick count below */

typedef int32_t endpoint_t;

/* The process table's size: every slot number is below it. Servers that
 * keep an entry per process (PM, FS) size their tables with it too. */
#define PROCESS_SLOTS 64

#define MESSAGE_PAYLOAD_SIZE 56	/* a message's bytes after source and type */

/* ---- kernel call numbers (lab 2 unless marked) ---- */
#define KERNEL_CALL_BASE  0x600
#define SYS_DEVIO         (KERNEL_CALL_BASE + 0)	/* one port in or out */
#define SYS_VDEVIO        (KERNEL_CALL_BASE + 1)	/* a vector of port writes/reads */
#define SYS_IRQCTL        (KERNEL_CALL_BASE + 2)	/* take, enable, disable an IRQ */
#define SYS_SETGRANT      (KERNEL_CALL_BASE + 3)	/* where my grant table is */
#define SYS_SAFECOPYFROM  (KERNEL_CALL_BASE + 4)	/* copy from a grant to me */
#define SYS_SAFECOPYTO    (KERNEL_CALL_BASE + 5)	/* copy from me to a grant */
#define SYS_PRIVCTL       (KERNEL_CALL_BASE + 6)	/* change a process's privileges */
#define SYS_SETALARM      (KERNEL_CALL_BASE + 7)	/* a CLOCK notification later */
#define SYS_TIMES         (KERNEL_CALL_BASE + 8)	/* clock ticks, process times */
#define SYS_GETINFO       (KERNEL_CALL_BASE + 9)	/* copy out kernel information */
#define SYS_KILL          (KERNEL_CALL_BASE + 10)	/* end a process */
#define SYS_DIAGNOSTICS   (KERNEL_CALL_BASE + 11)	/* print on the kernel console */
#define SYS_SHUTDOWN      (KERNEL_CALL_BASE + 12)	/* stop the machine */
#define SYS_FORK          (KERNEL_CALL_BASE + 13)	/* lab 3: copy a process */
#define SYS_EXEC          (KERNEL_CALL_BASE + 14)	/* lab 3: new program image */
#define SYS_EXIT          (KERNEL_CALL_BASE + 15)	/* lab 3: free a process slot */
#define SYS_MEMMAP        (KERNEL_CALL_BASE + 16)	/* lab 3: grow or shrink memory */
#define SYS_VIRCOPY       (KERNEL_CALL_BASE + 17)	/* lab 3: PM/FS copy between processes */
#define SYS_SIGSEND       (KERNEL_CALL_BASE + 18)	/* lab 3: start a signal handler */
#define SYS_SIGRETURN     (KERNEL_CALL_BASE + 19)	/* lab 3: resume after a handler */
#define SYS_GETKSIG       (KERNEL_CALL_BASE + 20)	/* lab 3: signals the kernel raised */
#define KERNEL_CALL_COUNT 21

/* SYS_DEVIO / SYS_VDEVIO */
#define DEVIO_BYTE 1
#define DEVIO_WORD 2
#define DEVIO_LONG 4
struct kcall_devio {
	uint32_t port;
	uint32_t value;		/* to write; the value read, in the reply */
	uint8_t size;		/* DEVIO_BYTE, _WORD or _LONG */
	uint8_t write;		/* 1: out, 0: in */
};
/* One element of a SYS_VDEVIO vector, in the caller's memory. */
struct port_value {
	uint32_t port;
	uint32_t value;
};
struct kcall_vdevio {
	uint32_t vector;	/* address of count struct port_value */
	uint32_t count;		/* at most VDEVIO_MAX */
	uint8_t size;
	uint8_t write;
};
#define VDEVIO_MAX 64

/* SYS_IRQCTL */
#define IRQ_SET_POLICY 1	/* interrupts on irq become notifications to me */
#define IRQ_ENABLE     2
#define IRQ_DISABLE    3
#define IRQ_REMOVE     4
struct kcall_irqctl {
	uint32_t request;
	uint32_t irq;
};

/* SYS_SETGRANT: a table of struct grant in the grantor's own memory. */
#define GRANT_VALID 0x1
#define GRANT_READ  0x2		/* the grantee may copy from the range */
#define GRANT_WRITE 0x4		/* the grantee may copy into the range */
struct grant {
	uint32_t flags;
	endpoint_t grantee;
	uint32_t address;	/* in the grantor's address space */
	uint32_t size;
};
typedef int32_t grant_id_t;	/* an index into the grantor's table */
struct kcall_setgrant {
	uint32_t table;		/* address of the table, or 0 for none */
	uint32_t count;		/* entries in it */
};

/* SYS_SAFECOPYFROM / SYS_SAFECOPYTO */
struct kcall_safecopy {
	endpoint_t grantor;
	grant_id_t grant;
	uint32_t offset;	/* into the granted range */
	uint32_t address;	/* in the caller's address space */
	uint32_t bytes;
};

/* SYS_PRIVCTL */
#define PRIV_ALLOW_SEND    1	/* let target send to endpoint */
#define PRIV_ALLOW_CALL    2	/* let target make kernel call */
#define PRIV_SET_RECORD    3	/* give target the whole record at argument */
struct kcall_privctl {
	endpoint_t target;
	uint32_t request;
	int32_t argument;	/* an endpoint, a kernel call number, or the
				 * address of a struct privilege_record */
};

/*
 * A whole privilege record, as PRIV_SET_RECORD gives it (a server that
 * starts drivers, such as lab 5's RS, keeps one per service). It replaces
 * everything the target was allowed, but its grant table.
 */
#define PRIVILEGE_IO_RANGES     4
#define PRIVILEGE_MEMORY_RANGES 2
struct privilege_record {
	uint32_t system;		/* 0: an ordinary user process */
	uint32_t traps;			/* bit n: may use IPC primitive n */
	uint32_t targets[PROCESS_SLOTS / 32];		/* bit n: may send to slot n */
	uint32_t calls[(KERNEL_CALL_COUNT + 31) / 32];	/* bit n: call KERNEL_CALL_BASE + n */
	uint32_t io_count;
	struct { uint16_t first, last; } io[PRIVILEGE_IO_RANGES];	/* ports, inclusive */
	uint32_t irqs;			/* bit n: may take IRQ n */
	uint32_t memory_count;
	struct { uint32_t first, last; } memory[PRIVILEGE_MEMORY_RANGES];	/* physical */
};

/* SYS_SETALARM: a notification from CLOCK after ticks (0 cancels). */
struct kcall_setalarm {
	uint32_t ticks;
	uint32_t previous;	/* reply: ticks that were left on the old alarm */
};

/* SYS_TIMES */
struct kcall_times {
	endpoint_t target;	/* SELF or an endpoint */
	uint32_t ticks;		/* reply: ticks since boot */
	uint32_t user_ticks;	/* reply: target's ticks in user mode */
	uint32_t system_ticks;	/* reply: ticks the kernel spent for target */
};

/* SYS_GETINFO */
#define GET_PROCESSES  1	/* the process table, as struct process_info[] */
#define GET_BOOT_INFO  2	/* struct boot_info */
#define GET_TICKS      3	/* uint32_t */
#define GET_PARAM      4	/* the boot parameter named at address: value replaces it */
#define GET_SELF       5	/* struct process_info of the caller */
struct kcall_getinfo {
	uint32_t what;
	uint32_t address;	/* where to copy to, in the caller */
	uint32_t size;		/* bytes of room there */
};
/* A process's name (its program's), with the NUL. */
#define PROCESS_NAME_LENGTH 16

/* What SYS_GETINFO tells about a process. */
struct process_info {
	endpoint_t endpoint;
	char name[PROCESS_NAME_LENGTH];
	uint32_t flags;		/* nonzero: blocked (why, as the kernel's flags) */
	uint32_t priority;
	uint32_t user_ticks;
	uint32_t system_ticks;
};

/* SYS_KILL */
struct kcall_kill {
	endpoint_t target;
	uint32_t signal;	/* unused: SYS_KILL always ends the target (signals are PM's) */
};

/* SYS_DIAGNOSTICS: print length bytes at address on the console. */
struct kcall_diagnostics {
	uint32_t address;
	uint32_t length;	/* at most DIAGNOSTICS_MAX */
};
#define DIAGNOSTICS_MAX 1024

/* SYS_SHUTDOWN */
struct kcall_shutdown {
	int32_t code;		/* the emulator's exit code */
};

/* ---- lab 3: the process calls (PM's, and SYS_VIRCOPY for FS too) ---- */

/* SYS_FORK: a copy of parent in a free slot. The child's address space,
 * registers and privileges are the parent's; it is left waiting for the
 * caller's reply to the SENDREC the parent made, so it runs only once
 * the caller (PM) answers it. */
struct kcall_fork {
	endpoint_t parent;
	endpoint_t child;	/* reply */
};

/* SYS_EXEC: start target afresh at eip with the stack pointer esp, under a
 * new name; its memory must already hold the program (SYS_MEMMAP,
 * SYS_VIRCOPY). Any SENDREC it was in is over: nobody replies to it. */
struct kcall_exec {
	endpoint_t target;
	uint32_t eip;
	uint32_t esp;
	char name[PROCESS_NAME_LENGTH];
};

/* SYS_EXIT: end target and free its slot (PM keeps the zombie). */
struct kcall_exit {
	endpoint_t target;
};

/* SYS_MEMMAP: change target's user memory. */
#define MEMMAP_CLEAR    1	/* unmap and free every user page */
#define MEMMAP_MAP      2	/* zeroed writable pages over [address, +bytes) */
#define MEMMAP_UNMAP    3	/* free the pages wholly inside [address, +bytes) */
#define MEMMAP_PHYSICAL 4	/* caller only: map [physical, +bytes) at address,
				 * within a memory range of its privilege record */
#define MEMMAP_SIZE     5	/* reply bytes: target's user memory */
struct kcall_memmap {
	endpoint_t target;	/* SELF, or an endpoint */
	uint32_t request;
	uint32_t address;
	uint32_t bytes;		/* reply of MEMMAP_SIZE */
	uint32_t physical;
};

/* SYS_VIRCOPY: copy bytes between two processes' user memory (either
 * may be SELF). */
struct kcall_vircopy {
	endpoint_t source;
	uint32_t source_address;
	endpoint_t destination;
	uint32_t destination_address;
	uint32_t bytes;
};

/* SYS_SIGSEND: run handler(signal) in target, which must not be blocked in
 * IPC (EBUSY): its registers and mask go on its stack as a struct
 * sigcontext (posix.h), under the return address trampoline. */
struct kcall_sigsend {
	endpoint_t target;
	uint32_t signal;
	uint32_t handler;
	uint32_t trampoline;
	uint32_t mask;		/* the mask to restore afterwards */
};

/* SYS_SIGRETURN: target resumes with the registers of the sigcontext at
 * context (checked: user segments, interrupts on); its SENDREC to the
 * caller is over. The reply gives the context's mask. */
struct kcall_sigreturn {
	endpoint_t target;
	uint32_t context;
	uint32_t mask;		/* reply */
};

/* SYS_GETKSIG: one process the kernel raised signals for (a fault: it is
 * stopped until SYS_SIGSEND or SYS_EXIT); ENOENT when none is left. The
 * kernel notifies PM (from SYSTEM) when there is one. */
struct kcall_getksig {
	endpoint_t target;	/* reply */
	uint32_t signals;	/* reply: bit n for signal n */
	uint32_t eip;		/* reply: where it faulted */
	uint32_t address;	/* reply: cr2 for a page fault */
};


/* A notification: which interrupts (from HARDWARE) and the time. */
struct notification {
	uint32_t interrupts;	/* bit n: IRQ n happened (source HARDWARE) */
	uint32_t ticks;		/* clock ticks at delivery */
};

/* Plain words, for tests and simple protocols. */
struct message_words {
	uint32_t word[14];
};

#endif /* CAIRN_MESSAGES_H */
