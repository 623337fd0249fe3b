/*
 * user.h - the user library of lab 2: what every user program may call.
 *
 *   ipc.S    the five IPC primitives (ipc_send ... ipc_notify)
 *   kcall.c  kernel_call and one sys_* wrapper per lab-2 kernel call
 *   print.c  uprintf (printing through SYS_DIAGNOSTICS), error_name
 * and, from common/, string.h and format.h (snprintf, vsnprintf).
 *
 * Every function returns OK (0) or a negative error number of errors.h,
 * unless it says otherwise.
 */
#ifndef CAIRN_USER_H
#define CAIRN_USER_H

#include "types.h"
#include "stdarg.h"
#include "string.h"
#include "errors.h"
#include "ipc.h"
#include "format.h"	/* snprintf, vsnprintf */

/* ---- message passing (ipc.S) ---- */
int ipc_send(endpoint_t destination, message *m);
int ipc_receive(endpoint_t source, message *m);
int ipc_sendrec(endpoint_t partner, message *m);
int ipc_sendnb(endpoint_t destination, message *m);
int ipc_notify(endpoint_t destination);

/* ---- kernel calls (kcall.c) ---- */
/*
 * SENDREC m to SYSTEM with type; the reply replaces m. Returns the IPC
 * error if the trap itself failed, else the reply's type (the result).
 */
int kernel_call(int type, message *m);

int sys_devio_in(uint32_t port, int size, uint32_t *value);
int sys_devio_out(uint32_t port, int size, uint32_t value);
/* count port/value pairs, all read (write 0) or all written (write 1). */
int sys_vdevio(int write, int size, struct port_value *vector, uint32_t count);
int sys_irqctl(int request, int irq);
int sys_setgrant(struct grant *table, uint32_t count);
int sys_safecopyfrom(endpoint_t grantor, grant_id_t grant, uint32_t offset,
		     void *address, uint32_t bytes);
int sys_safecopyto(endpoint_t grantor, grant_id_t grant, uint32_t offset,
		   const void *address, uint32_t bytes);
int sys_privctl(endpoint_t target, int request, int argument);
/* A CLOCK notification after ticks (0 cancels); previous may be NULL. */
int sys_setalarm(uint32_t ticks, uint32_t *previous);
int sys_times(endpoint_t target, struct kcall_times *times);
int sys_getinfo(int what, void *address, uint32_t size);
/* The boot parameter key, NUL-terminated, into buffer (ENOENT if unset). */
int sys_getparam(const char *key, char *buffer, uint32_t size);
int sys_kill(endpoint_t target);
int sys_diagnostics(const char *text, uint32_t length);
int sys_shutdown(int code);

/* ---- output (print.c) ---- */
int uprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* "OK", "EPERM", "ELOCKED" ... for a result, negative or not. */
const char *error_name(int result);

#endif /* CAIRN_USER_H */
