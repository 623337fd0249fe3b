/*
 * protocol/device.h - the device drivers' requests and replies (types
 * 0x400 ...), and how FS finds a driver. The conventions of every server
 * protocol are in servers.h.
 */
#ifndef CAIRN_PROTOCOL_DEVICE_H
#define CAIRN_PROTOCOL_DEVICE_H

#include "messages.h"
#include "errors.h"
#include "posix.h"

/* ---- device drivers (types 0x400 ...) ----
 * FS is every driver's only client. Data moves through a grant FS made
 * for the driver. Block devices answer every request at once. A
 * character device that cannot (no input yet) replies -ESUSPEND and later
 * notifies FS; FS then sends DEV_STATUS and gets one finished request per
 * reply (DEV_REVIVE), until DEV_NO_STATUS. */
#define DEV_BASE      0x400
#define DEV_OPEN      (DEV_BASE + 0)	/* dev_io (minor) */
#define DEV_CLOSE     (DEV_BASE + 1)	/* dev_io (minor) */
#define DEV_READ      (DEV_BASE + 2)	/* dev_io -> bytes */
#define DEV_WRITE     (DEV_BASE + 3)	/* dev_io -> bytes */
#define DEV_CANCEL    (DEV_BASE + 4)	/* dev_io (minor, id) -> bytes done, or -EINTR */
#define DEV_STATUS    (DEV_BASE + 5)	/* dev_io (grant, count: room for data) */
#define DEV_REVIVE    (DEV_BASE + 6)	/* reply to DEV_STATUS: dev_io (id, result) */
#define DEV_NO_STATUS (DEV_BASE + 7)	/* reply to DEV_STATUS: nothing finished */
#define DEV_IOCTL     (DEV_BASE + 8)	/* dev_io (minor, position: the request, grant
					 * and count: its argument) -> a result */
#define DEV_HEARTBEAT (DEV_BASE + 9)	/* -> OK while the driver serves (lab 5's RS asks) */
#define DEV_LAST      DEV_HEARTBEAT
struct dev_io {
	uint32_t minor;
	uint32_t position;	/* byte offset (block devices) */
	uint32_t count;		/* bytes */
	grant_id_t grant;	/* FS's grant for the driver */
	uint32_t id;		/* FS's name for the request (a suspended reader) */
	int32_t result;		/* DEV_REVIVE: bytes, or a negative error */
	uint32_t flags;		/* O_NONBLOCK */
};

/* A driver publishes its endpoint in DS as "dev.MAJOR" (decimal), for
 * every major it serves; FS watches that prefix to find the drivers. */
#define DEVICE_DS_PREFIX "dev."

/* Device numbers (major, minor). */
#define MEMORY_MAJOR 1		/* minors: 0 RAM disk, 3 null, 5 zero */
#define TTY_MAJOR    4		/* minor 0: the console */
#define RAMDISK_MINOR 0
#define NULL_MINOR    3
#define ZERO_MINOR    5
#define ROOT_DEVICE  MAKE_DEV(MEMORY_MAJOR, RAMDISK_MINOR)

#endif /* CAIRN_PROTOCOL_DEVICE_H */
