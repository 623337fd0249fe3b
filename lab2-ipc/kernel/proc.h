/*
 * proc.h - processes: the process table, privileges, scheduling, and the
 * address-space helpers the IPC code copies messages with.
 *
 * Defined in proc.c (the table, endpoints, proc_kill), sched.c (ready
 * queues, quantum, schedule), address.c (address spaces, user copies),
 * privilege.c (privilege records), bootimage.c and bootprograms.c (the
 * boot processes), switch.S (leaving the kernel), usertrap.c (traps from
 * user mode), and used by ipc.c and system.c.
 *
 * Conventions: functions that can fail return OK or a negative error
 * number from errors.h. The kernel never blocks inside itself: a process
 * that must wait is marked blocked and the kernel runs another one.
 */
#ifndef CAIRN_PROC_H
#define CAIRN_PROC_H

#include "types.h"
#include "ipc.h"
#include "errors.h"
#include "trap.h"

#define PRIORITY_LEVELS  8	/* 0 is the highest */
#define USER_PRIORITY    4	/* ordinary user processes */
#define DEFAULT_QUANTUM  5	/* clock ticks */
/* The lowest word of every kernel stack; schedule() panics if it changed. */
#define KERNEL_STACK_END_MARK 0x57ACE11D
#define GENERATION_LIMIT (1 << 23)	/* generations wrap here: endpoints stay positive */

/* Why a process cannot run; 0 means it is ready (or running). */
#define BLOCKED_SENDING   0x01	/* in SEND: waiting for destination to receive */
#define BLOCKED_RECEIVING 0x02	/* in RECEIVE: waiting for a message */
#define BLOCKED_SLOT_FREE 0x04	/* the slot holds no process */
#define BLOCKED_STOPPED   0x08	/* stopped by the kernel (kernel tasks, dying) */
#define BLOCKED_NOT_STARTED 0x10	/* created, not yet made runnable */
#define BLOCKED_FAULTED   0x20	/* lab 3: faulted; stopped until its signal
				 * manager (PM) runs a handler or ends it */

/* ---- privileges: what a process may do (privilege.c) ---- */
#define MAX_IO_RANGES     4
#define MAX_MEMORY_RANGES 2

/* A bit of allowed_traps for each IPC primitive. */
#define TRAP_BIT(primitive) (1U << (primitive))
#define ALL_TRAPS (TRAP_BIT(IPC_SEND) | TRAP_BIT(IPC_RECEIVE) | TRAP_BIT(IPC_SENDREC) | \
		   TRAP_BIT(IPC_NOTIFY) | TRAP_BIT(IPC_SENDNB))

struct io_range {
	uint16_t first;		/* first port */
	uint16_t last;		/* last port, inclusive */
};

struct memory_range {
	physaddr_t first;
	physaddr_t last;	/* inclusive */
};

struct privilege {
	bool system;			/* false: an ordinary user process */
	uint32_t allowed_traps;		/* TRAP_BIT(primitive) */
	uint32_t allowed_targets[PROCESS_SLOTS / 32];	/* bit n: may send to slot n */
	uint32_t allowed_calls[(KERNEL_CALL_COUNT + 31) / 32];	/* bit per SYS_* */
	struct io_range io[MAX_IO_RANGES];
	int io_count;
	uint32_t irqs;			/* bit n: may take IRQ n */
	struct memory_range memory[MAX_MEMORY_RANGES];
	int memory_count;
	bool signal_manager;		/* gets the fault reports (lab 3: PM) */
	/* Where the grant table is in the process's memory (SYS_SETGRANT). */
	uint32_t grant_table;
	uint32_t grant_count;
};

/* ---- the process table ---- */
struct proc {
	/*
	 * Saved user context. It always sits at the top of the process's
	 * kernel stack: the CPU switches to that stack (the TSS's esp0) on
	 * every trap from user mode, and trapentry.S saves the registers
	 * there; switch.S returns to user mode through it.
	 */
	struct trap_frame *frame;
	uint32_t kernel_stack;		/* top of its kernel stack: one page, so no
					 * big buffers on the stack in the kernel */
	physaddr_t page_directory;	/* its address space (address.c) */

	endpoint_t endpoint;
	int slot;
	uint32_t generation;
	char name[PROCESS_NAME_LENGTH];
	uint32_t blocked;		/* BLOCKED_* flags; 0: in a ready queue */

	/* scheduling (sched.c) */
	int priority;
	int quantum;			/* ticks per turn */
	int ticks_left;			/* of the current turn */
	struct proc *next_ready;	/* link in its ready queue */
	uint32_t user_ticks;		/* clock ticks that found it in user mode */
	uint32_t system_ticks;		/* ... in the kernel: 0, the kernel runs with interrupts off */

	/* message passing (ipc.c) */
	uint32_t message_address;	/* the caller's message buffer (user address) */
	endpoint_t receive_from;	/* ANY or an endpoint while BLOCKED_RECEIVING */
	endpoint_t send_to;		/* while BLOCKED_SENDING */
	bool in_sendrec;		/* the SEND of a SENDREC: RECEIVE follows */
	struct proc *senders;		/* processes blocked sending to this one */
	struct proc *next_sender;	/* link in the destination's senders list */
	uint64_t pending_notifications;	/* bit n: slot n notified us */
	uint32_t pending_interrupts;	/* IRQs to report with HARDWARE's notify */

	/* alarms (system.c) */
	uint32_t alarm_tick;		/* 0: none; else the tick it fires at */

	struct privilege privilege;
};

/* Slots 0 .. FIRST_USER_SLOT-1 are the kernel's tasks: never scheduled. */
extern struct proc process_table[PROCESS_SLOTS];
/* The process the CPU runs; NULL while the kernel idles or chooses. */
extern struct proc *current;

/* ---- proc.c ---- */
/* Empty the table and set up the kernel tasks; before any process exists. */
void proc_table_init(void);
/*
 * The process named by endpoint (a kernel task included), or NULL if the
 * slot is out of range, free, or holds a newer generation.
 */
struct proc *proc_from_endpoint(endpoint_t endpoint);
/*
 * Take the given free slot (the boot processes' fixed slots), or NULL.
 * The process has a kernel stack (frame points into it), no address space,
 * and is blocked NOT_STARTED.
 */
struct proc *proc_allocate_slot(int slot, const char *name);
/*
 * End a process: wake its IPC partners with an error (ipc_cleanup),
 * release its IRQs (irq_release), free its memory and its slot. Prints
 * nothing. When process is current it never returns: it schedules.
 */
void proc_kill(struct proc *process);

/* ---- sched.c ---- */
/* Set / clear a BLOCKED_* reason; a process is ready iff none is set. */
void proc_block(struct proc *process, uint32_t reason);
void proc_unblock(struct proc *process, uint32_t reason);
/*
 * Run the highest-priority ready process (idling until there is one).
 * Never returns: it leaves the current kernel stack for good. Every trap
 * from user mode ends here (usertrap.c, the clock tick); an interrupt
 * handler that woke a process may end with it too, but only when it
 * interrupted user mode (frame->cs & 3): else it interrupted the idle
 * loop, which looks again by itself.
 */
void schedule(void) __attribute__((noreturn));

/* ---- switch.S ---- */
/* Return to user mode through frame (trapentry.S's trap_return). */
void switch_to_user(struct trap_frame *frame) __attribute__((noreturn));
/* Abandon the current stack: call function(argument) on the boot stack. */
void call_on_boot_stack(void (*function)(void *), void *argument)
	__attribute__((noreturn));

/* ---- address.c: address spaces and copies to/from user memory ---- */
#define USER_TOP 0xB0000000U	/* user addresses are below this */
#define USER_STACK_SIZE (16 * 1024)	/* boot processes' stack, ending at USER_TOP */
#define PTE_NOT_OWNED 0x200	/* an available PTE bit: the page is borrowed
				 * (physical memory a driver may map), never freed */
#define PTE_COPY_ON_WRITE 0x400	/* another available bit: shared read-only
				 * until written (lab 3's fork) */
physaddr_t address_space_create(void);	/* kernel part mapped, user part empty; 0: no memory */
void address_space_clear(physaddr_t page_directory);	/* free the user part */
void address_space_destroy(physaddr_t page_directory);
/* The page-table entry of address, making its page table when create is
 * set (NULL: no table, or no memory for one). */
uint32_t *page_table_entry(physaddr_t page_directory, uint32_t address, bool create);
/* Give the address space its own writable copy of a PTE_COPY_ON_WRITE page
 * (false: not such a page, or no memory). */
bool address_space_unshare(physaddr_t page_directory, uint32_t address);
/* Map [address, address+bytes) writable for the user; new pages are zeroed,
 * pages already mapped stay. ENOMEM, or EFAULT beyond USER_TOP. */
int address_space_map(physaddr_t page_directory, uint32_t address, uint32_t bytes);
/* Copy between user memory of process and the kernel; EFAULT when any byte
 * is at or above USER_TOP or not mapped (some bytes may have been copied). */
int copy_from_user(const struct proc *process, void *to, uint32_t from, uint32_t bytes);
int copy_to_user(const struct proc *process, uint32_t to, const void *from, uint32_t bytes);
/* Copy directly between two processes' user memory (EFAULT as above). */
/* Whether user mode of process may read (or also write) the whole range. */
bool user_range_ok(const struct proc *process, uint32_t address, uint32_t bytes, bool writing);
int copy_between(const struct proc *from, uint32_t from_address,
		 const struct proc *to, uint32_t to_address, uint32_t bytes);

/* ---- privilege.c ---- */
bool may_send_to(const struct proc *from, const struct proc *to);
bool may_call(const struct proc *process, int call);
bool may_use_port(const struct proc *process, uint32_t port, uint32_t size);
bool may_use_irq(const struct proc *process, int irq);
void privilege_allow_send(struct privilege *privilege, int slot);
void privilege_allow_call(struct privilege *privilege, int call);

/* ---- bootimage.c: the processes started at boot ---- */
/*
 * One boot program: which module to run, in which slot, and its privilege
 * record as data. Put one in the table with BOOT_PROGRAM(variable) = {...}.
 */
struct boot_program {
	const char *name;		/* its boot module; also the process's name */
	int slot;			/* its endpoint is MAKE_ENDPOINT(0, slot) */
	int priority;
	int quantum;			/* clock ticks per turn */
	bool system;			/* false: an ordinary user process */
	uint32_t traps;			/* TRAP_BIT(primitive) for each it may use */
	bool send_to_all;		/* may send to every slot ... */
	const char *const *send_to;	/* ... or to these programs (NULL ends) */
	bool call_all;			/* may make every kernel call ... */
	const int *calls;		/* ... or these SYS_* (0 ends) */
	struct io_range io[MAX_IO_RANGES];
	int io_count;
	uint32_t irqs;			/* bit n: may take IRQ n */
	const char *memory_module;	/* may map this boot module's physical
					 * memory (lab 3's RAM disk), or NULL */
	bool signal_manager;		/* gets the reports of other processes'
					 * faults (lab 3: PM) */
};

/* An entry of the boot_programs table (kernel.h's TABLE_ENTRY). */
#define BOOT_PROGRAM(variable)						\
	static const struct boot_program variable TABLE_ENTRY(boot_programs)

/* ---- usertrap.c ---- */
/*
 * A fault handler gets an exception in user mode (current is the process
 * that faulted) and returns true when it dealt with it (the process may
 * go on, or waits), false to pass it on. Handlers are tried in the order
 * they were added; when none deals with the fault, the process is killed.
 * Lab 3 adds two: copy on write (address.c) and signals (PM decides).
 */
typedef bool (*fault_handler_t)(struct trap_frame *frame);
void usertrap_add_fault_handler(fault_handler_t handler);

/* ---- ipc.c ---- */
/* Carry out the IPC trap of current (usertrap.c's T_SYSCALL handler calls
 * it, then schedule()): the result goes to current->frame->eax, or later,
 * when a blocked current is woken. */
void ipc_trap(struct trap_frame *frame);
/* Wake everyone blocked on a dying process with an error. */
void ipc_cleanup(struct proc *dying);
/* End process's SEND or RECEIVE at once, leaving its registers alone. */
void ipc_abandon(struct proc *process);
/* Kernel-originated notification (HARDWARE, CLOCK, SYSTEM) to process. */
void notify_from_kernel(endpoint_t source, struct proc *destination);
/* Deliver a message from the kernel to process (the SYSTEM task's replies). */
int deliver_from_kernel(struct proc *destination, const message *m);

/* ---- kcall_irq.c and system.c ---- */
/* Drop every IRQ policy of a dying process. */
void irq_release(struct proc *process);
/* Send the CLOCK notification of every alarm due at tick now (sched.c's
 * tick hook calls it on every tick). */
void alarms_tick(uint32_t now);

#endif /* CAIRN_PROC_H */
