/*
 * syslib.h - the library of lab 3's system processes (PM, FS, DS, the
 * drivers), on top of lab 2's user.h: wrappers for the process calls this
 * lab adds to the kernel, and the client side of the data store.
 *
 * Every function returns OK (0), a value >= 0 where it says so, or a
 * negative error number (errors.h).
 */
#ifndef CAIRN_SYSLIB_H
#define CAIRN_SYSLIB_H

#include "user.h"
#include "posix.h"
#include "servers.h"

/* ---- kernel calls (syslib.c) ---- */
/* Copy parent; the new process's endpoint goes to *child. */
int sys_fork(endpoint_t parent, endpoint_t *child);
/* Start target at eip with stack pointer esp, called name. */
int sys_exec(endpoint_t target, uint32_t eip, uint32_t esp, const char *name);
/* End target and free its slot. */
int sys_exit(endpoint_t target);
/* MEMMAP_CLEAR, _MAP, _UNMAP, _PHYSICAL (SELF only) on target's memory. */
int sys_memmap(endpoint_t target, int request, uint32_t address, uint32_t bytes,
	       uint32_t physical);
/* Bytes of user memory target has. */
int sys_memsize(endpoint_t target, uint32_t *bytes);
/* Copy bytes from (source, source_address) to (destination, ...). */
int sys_vircopy(endpoint_t source, uint32_t source_address,
		endpoint_t destination, uint32_t destination_address, uint32_t bytes);
/*
 * A server's copies between its own memory and a caller's, in the
 * kernel's order (process, to, from, bytes). OK, or -EFAULT when who may
 * not use that address: the caller's mistake, never the server's crash.
 */
int copy_from_user(endpoint_t who, void *to, uint32_t from, uint32_t bytes);
int copy_to_user(endpoint_t who, uint32_t to, const void *from, uint32_t bytes);
/* Run handler(signal) in target (see struct kcall_sigsend). */
int sys_sigsend(endpoint_t target, int signal, uint32_t handler, uint32_t trampoline,
		sigset_t mask);
/* Resume target from the sigcontext at context; its mask to *mask. */
int sys_sigreturn(endpoint_t target, uint32_t context, sigset_t *mask);
/* The next process the kernel raised signals for (ENOENT: none). */
int sys_getksig(struct kcall_getksig *signals);

/* ---- time (syslib.c) ---- */
/*
 * Seconds since 1970-01-01 UTC: the CMOS real-time clock, read once
 * (ports 0x70-0x71: the caller's privilege record must list them), plus
 * the clock ticks since then. 0 if the clock cannot be read.
 */
uint32_t clock_time(void);

/* ---- the data store, as a client (syslib.c) ---- */
int ds_publish(const char *name, uint32_t value);
/* The value of name into *value; ENOENT when nobody published it. */
int ds_lookup(const char *name, uint32_t *value);
int ds_delete(const char *name);
/* Be notified (from DS_ENDPOINT) when a name starting with prefix changes. */
int ds_subscribe(const char *prefix);
/* One change since the last call: name, value and DS_DELETED in *entry. */
int ds_check(struct ds_entry *entry);

#endif /* CAIRN_SYSLIB_H */
