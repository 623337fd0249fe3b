/*
 * bootservers.c - lab 3's boot image: the servers, the first drivers and
 * init, each in its fixed slot (endpoints.h) with the least privilege it
 * needs.
 *
 *   slot  8  pm      process manager: the process calls, signals, time
 *   slot  9  fs      file system: copies to and from any user (VIRCOPY)
 *   slot 10  ds      data store: replies and notifications only
 *   slot 11  memory  RAM disk, null, zero: the RAM disk's physical memory
 *   slot 12  tty     serial console: COM1's ports and IRQ 4
 *   slot 13  init    pid 1, an ordinary user process: SENDREC to PM and FS
 *
 * Every process init forks inherits init's privilege record, so no user
 * process can do more than ask PM and FS.
 *
 * Entry points: none; bootimage.c reads the table.
 */

#include "kernel.h"
#include "endpoints.h"
#include "proc.h"

#define SYSTEM_TRAPS (TRAP_BIT(IPC_SEND) | TRAP_BIT(IPC_RECEIVE) | TRAP_BIT(IPC_SENDREC) | \
		      TRAP_BIT(IPC_NOTIFY) | TRAP_BIT(IPC_SENDNB))

BOOT_PROGRAM(pm_program) = {
	.name = "pm", .slot = PM_ENDPOINT, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true, .traps = SYSTEM_TRAPS,
	.send_to_all = true,		/* replies to every user process */
	.calls = (const int[]) { SYS_FORK, SYS_EXEC, SYS_EXIT, SYS_MEMMAP, SYS_VIRCOPY,
				 SYS_SIGSEND, SYS_SIGRETURN, SYS_GETKSIG, SYS_SETALARM,
				 SYS_TIMES, SYS_GETINFO, SYS_DEVIO, SYS_DIAGNOSTICS,
				 SYS_SHUTDOWN, 0 },
	.io = { { 0x70, 0x71 } }, .io_count = 1,	/* the real-time clock */
	.signal_manager = true,		/* faults of other processes become its signals */
};

BOOT_PROGRAM(fs_program) = {
	.name = "fs", .slot = FS_ENDPOINT, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true, .traps = SYSTEM_TRAPS,
	.send_to_all = true,		/* replies to every user process */
	.calls = (const int[]) { SYS_VIRCOPY, SYS_SETGRANT, SYS_SAFECOPYFROM, SYS_SAFECOPYTO,
				 SYS_SETALARM, SYS_TIMES, SYS_GETINFO, SYS_DEVIO,
				 SYS_DIAGNOSTICS, 0 },
	.io = { { 0x70, 0x71 } }, .io_count = 1,	/* file times */
};

BOOT_PROGRAM(ds_program) = {
	.name = "ds", .slot = DS_ENDPOINT, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true, .traps = SYSTEM_TRAPS,
	.send_to_all = true,		/* replies and notifications to subscribers */
	.calls = (const int[]) { SYS_GETINFO, SYS_DIAGNOSTICS, 0 },
};

BOOT_PROGRAM(memory_program) = {
	.name = "memory", .slot = MEMORY_ENDPOINT, .priority = 1, .quantum = DEFAULT_QUANTUM,
	.system = true, .traps = SYSTEM_TRAPS,
	.send_to = (const char *const[]) { "fs", "ds", NULL },
	.calls = (const int[]) { SYS_SETGRANT, SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_MEMMAP,
				 SYS_GETINFO, SYS_DIAGNOSTICS, 0 },
	.memory_module = "rootfs",	/* the RAM disk, and no other memory */
};

BOOT_PROGRAM(tty_program) = {
	.name = "tty", .slot = TTY_ENDPOINT, .priority = 1, .quantum = DEFAULT_QUANTUM,
	.system = true, .traps = SYSTEM_TRAPS,
	.send_to = (const char *const[]) { "fs", "ds", "pm", NULL },
	.calls = (const int[]) { SYS_DEVIO, SYS_VDEVIO, SYS_IRQCTL, SYS_SETGRANT,
				 SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_GETINFO,
				 SYS_SETALARM, SYS_DIAGNOSTICS, 0 },
	.io = { { 0x3F8, 0x3FF } }, .io_count = 1,
	.irqs = 1U << 4,
};

BOOT_PROGRAM(init_program) = {
	.name = "init", .slot = INIT_ENDPOINT, .priority = USER_PRIORITY,
	.quantum = DEFAULT_QUANTUM,
	.system = false, .traps = TRAP_BIT(IPC_SENDREC),
	.send_to = (const char *const[]) { "pm", "fs", NULL },
};
