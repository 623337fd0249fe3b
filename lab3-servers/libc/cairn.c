/*
 * cairn.c - Cairn's calls outside POSIX (cairn.h): requests to PM that
 * stop the machine, read a boot parameter, or read the process table.
 *
 * Entry points: shutdown getparam procinfo.
 */
#include "syscall.h"
#include <cairn.h>

/*
 * Stop the machine. Like exit, it first writes out what stdio still holds
 * (PM then has FS write its dirty blocks). Returns only on failure: -1.
 */
int shutdown(int code)
{
	stdio_flush_all();
	message m;
	message_init(&m, PM_SHUTDOWN);
	m.payload.pm_shutdown.code = code;
	return pm_call(&m) < 0 ? -1 : 0;
}

/* The boot parameter key into buffer. Returns its length or -1 (ENOENT). */
int getparam(const char *key, char *buffer, size_t size)
{
	message m;
	message_init(&m, PM_GETPARAM);
	if (key == NULL || buffer == NULL) {
		errno = EFAULT;
		return -1;
	}
	m.payload.pm_param.key = (uint32_t) key;
	m.payload.pm_param.key_length = strlen(key);
	m.payload.pm_param.buffer = (uint32_t) buffer;
	m.payload.pm_param.size = size;
	return pm_call(&m);
}

/* The index-th process into *info. Returns 0 or -1 (ESRCH: no more). */
int procinfo(int index, struct pm_procinfo *info)
{
	message m;
	message_init(&m, PM_PROCINFO);
	m.payload.pm_procinfo.index = index;
	if (pm_call(&m) < 0)
		return -1;
	*info = m.payload.pm_procinfo;
	return 0;
}
