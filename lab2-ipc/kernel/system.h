/*
 * system.h - the SYSTEM task: kernel calls, and how a lab adds one.
 *
 * A kernel call is a SENDREC to SYSTEM whose message type is a SYS_*
 * number (messages.h). system.c checks the caller's call mask, finds the
 * handler in the kernel_calls linker table and sends the reply. Each
 * kcall_*.c file adds its handlers with one line per call:
 *
 *	KERNEL_CALL(SYS_DEVIO, do_devio);
 *
 * A handler runs at once and never blocks: it reads its arguments from
 * the request's payload, writes any values it returns into the same
 * payload, and returns OK or a negative error number, which becomes the
 * reply's type.
 */
#ifndef CAIRN_SYSTEM_H
#define CAIRN_SYSTEM_H

#include "proc.h"

typedef int (*kernel_call_handler_t)(struct proc *caller, message *m);

/* One entry of the kernel_calls table (kernel.h's TABLE_ENTRY). */
struct kernel_call {
	int number;			/* SYS_* */
	kernel_call_handler_t handler;
	const char *name;
};

/*
 * number must be written as its SYS_* name: the entry is named after it,
 * so a second handler for one call fails to compile.
 */
#define KERNEL_CALL(number, handler)					\
	static const struct kernel_call kernel_call_##number		\
	TABLE_ENTRY(kernel_calls) = { (number), (handler), #handler }

/*
 * Carry out the kernel call whose request is at the caller's
 * message_address, and write the reply over the request. Returns the
 * IPC result of the caller's SENDREC: OK when a reply was written (the
 * call's own result is the reply's type), or an error when there was no
 * request to answer (EFAULT, ECALLDENIED for an ordinary user process).
 */
int system_call(struct proc *caller);

#endif /* CAIRN_SYSTEM_H */
