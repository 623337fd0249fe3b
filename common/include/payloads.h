/*
 * payloads.h - the message union: every payload struct, so that
 * m.payload.NAME is the payload of a message of NAME's types, and a
 * compile-time check that all of them fit in MESSAGE_PAYLOAD_SIZE bytes.
 *
 * The kernel (built with CAIRN_KERNEL) sees only its own payloads: it
 * never includes a server protocol, and treats the rest as bytes. The
 * union is a closed list because C's unions are: a lab that adds a
 * protocol adds its header here and to servers.h, and its payloads here.
 */
#ifndef CAIRN_PAYLOADS_H
#define CAIRN_PAYLOADS_H

#include "messages.h"
#ifndef CAIRN_KERNEL
#include "protocol/pm.h"
#include "protocol/fs.h"
#include "protocol/ds.h"
#include "protocol/device.h"
#endif

union message_payload {
	uint8_t bytes[MESSAGE_PAYLOAD_SIZE];
	struct message_words words;
	struct notification notification;
	struct kcall_devio devio;
	struct kcall_vdevio vdevio;
	struct kcall_irqctl irqctl;
	struct kcall_setgrant setgrant;
	struct kcall_safecopy safecopy;
	struct kcall_privctl privctl;
	struct kcall_setalarm setalarm;
	struct kcall_times times;
	struct kcall_getinfo getinfo;
	struct kcall_kill kill;
	struct kcall_diagnostics diagnostics;
	struct kcall_shutdown shutdown;
	struct kcall_fork fork;
	struct kcall_exec exec;
	struct kcall_exit exit;
	struct kcall_memmap memmap;
	struct kcall_vircopy vircopy;
	struct kcall_sigsend sigsend;
	struct kcall_sigreturn sigreturn;
	struct kcall_getksig getksig;
#ifndef CAIRN_KERNEL
	struct pm_exec pm_exec;
	struct pm_exit pm_exit;
	struct pm_wait pm_wait;
	struct pm_getpid pm_getpid;
	struct pm_kill pm_kill;
	struct pm_sigaction pm_sigaction;
	struct pm_sigmask pm_sigmask;
	struct pm_sigreturn pm_sigreturn;
	struct pm_brk pm_brk;
	struct pm_time pm_time;
	struct pm_alarm pm_alarm;
	struct pm_sleep pm_sleep;
	struct pm_procinfo pm_procinfo;
	struct pm_shutdown pm_shutdown;
	struct pm_param pm_param;
	struct fs_path fs_path;
	struct fs_path2 fs_path2;
	struct fs_fd fs_fd;
	struct fs_io fs_io;
	struct fs_seek fs_seek;
	struct fs_pm fs_pm;
	struct ds_entry ds_entry;
	struct dev_io dev_io;
#endif
};

_Static_assert(sizeof(union message_payload) == MESSAGE_PAYLOAD_SIZE,
	       "every payload fits in 56 bytes");

#endif /* CAIRN_PAYLOADS_H */
