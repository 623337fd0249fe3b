/*
 * cairn.h - Cairn's own calls, outside POSIX (cairn.c): stopping the
 * machine, the boot parameters, and the process table (for ps).
 */
#ifndef _CAIRN_H
#define _CAIRN_H

#include <types.h>
#include <servers.h>	/* struct pm_procinfo */

/* Flush stdio, sync the file system and stop the machine; code is the
 * emulator's exit status. Returns only on failure (-1, errno set). */
int shutdown(int code);

/* The boot parameter key's value into buffer (size bytes, NUL-terminated).
 * Returns the value's length, or -1 (errno ENOENT when it is not set). */
int getparam(const char *key, char *buffer, size_t size);

/* The index-th process (0, 1, ...) into *info. Returns 0, or -1 with
 * errno ESRCH past the last one. */
int procinfo(int index, struct pm_procinfo *info);

#endif /* _CAIRN_H */
