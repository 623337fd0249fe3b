/*
 * bootprograms.c - lab 2's boot image: the programs of the IPC test suite,
 * each in a fixed slot, each with only the privileges its tests need.
 *
 *   slot 3  tester   runs the test scenarios; may do anything except
 *                    touch devices (only the POST port 0x80)
 *   slot 4  peer     the tester's partner in message and grant tests
 *   slot 5  user     an ordinary user process: SENDREC to the tester only
 *   slot 6  driver   a device driver: the printer port's registers and IRQ
 *   slot 7  spinner  waits for one message, then runs without blocking
 *                    (the preemption test)
 *
 * Entry points: none; bootimage.c reads the table.
 */

#include "kernel.h"
#include "proc.h"

BOOT_PROGRAM(tester_program) = {
	.name = "tester", .slot = 3, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true,
	.traps = ALL_TRAPS,
	.send_to_all = true,
	.call_all = true,
	.io = { { 0x80, 0x80 } }, .io_count = 1,
};

BOOT_PROGRAM(peer_program) = {
	.name = "peer", .slot = 4, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true,
	.traps = ALL_TRAPS,
	.send_to = (const char *const[]) { "tester", "peer", "user", NULL },
	.calls = (const int[]) { SYS_DIAGNOSTICS, SYS_SETGRANT, SYS_SAFECOPYFROM,
				 SYS_SAFECOPYTO, SYS_GETINFO, SYS_SETALARM, SYS_TIMES, 0 },
};

BOOT_PROGRAM(user_program) = {
	.name = "user", .slot = 5, .priority = USER_PRIORITY, .quantum = DEFAULT_QUANTUM,
	.system = false,
	.traps = TRAP_BIT(IPC_SENDREC),
	.send_to = (const char *const[]) { "tester", NULL },
};

BOOT_PROGRAM(driver_program) = {
	.name = "driver", .slot = 6, .priority = 1, .quantum = DEFAULT_QUANTUM,
	.system = true,
	.traps = TRAP_BIT(IPC_SEND) | TRAP_BIT(IPC_RECEIVE) | TRAP_BIT(IPC_SENDREC) |
		 TRAP_BIT(IPC_NOTIFY),
	.send_to = (const char *const[]) { "tester", NULL },
	.calls = (const int[]) { SYS_DEVIO, SYS_IRQCTL, SYS_DIAGNOSTICS, SYS_GETINFO, 0 },
	.io = { { 0x378, 0x37A } }, .io_count = 1,
	.irqs = 1U << 7,
};

BOOT_PROGRAM(spinner_program) = {
	.name = "spinner", .slot = 7, .priority = 2, .quantum = DEFAULT_QUANTUM,
	.system = true,
	.traps = TRAP_BIT(IPC_RECEIVE),
};
