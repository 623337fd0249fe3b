/*
 * driver.h - the driver library: what every device driver shares, so that
 * a driver's own files hold only its device's code.
 *
 * A driver describes itself in a struct driver (its DS name and the
 * functions its device needs) and calls driver_task, which never returns:
 * it publishes the driver's endpoint in DS under the name and as
 * "dev.MAJOR" (FS finds the driver of a major that way, and finds it
 * again after a restart), then receives messages for ever and dispatches
 * them:
 *
 *   DEV_OPEN, DEV_CLOSE     open, close (NULL: always OK)
 *   DEV_READ, DEV_WRITE     read, write: bytes moved through FS's grant,
 *                           -ESUSPEND to finish later (see below), or an
 *                           error
 *   DEV_IOCTL               ioctl (NULL: -ENOTTY)
 *   DEV_CANCEL              cancel: a suspended request's caller was
 *                           interrupted; forget it
 *   DEV_STATUS              status: finish one suspended request into the
 *                           fresh grant (reply DEV_REVIVE), or none is
 *                           finished (reply DEV_NO_STATUS)
 *   DEV_HEARTBEAT           answered OK by the library: the driver is
 *                           alive and serving (the reincarnation server
 *                           of lab 5 asks)
 *   a notification          from HARDWARE: interrupt(bits of the IRQs);
 *                           from CLOCK: alarm(); from anyone else: ignored
 *   any other message       other(m), or EBADREQUEST when it is NULL
 *
 * Every request gets exactly one reply, sent with SENDNB: FS waits in
 * SENDREC, and a client that gave up is not worth blocking the driver for.
 * A request that must wait (a read with no input yet) returns -ESUSPEND;
 * the driver keeps what it needs and, once the request can finish, calls
 * driver_wake(client), and the client asks DEV_STATUS.
 *
 * Entry points: driver_task, driver_wake, driver_reply.
 */
#ifndef CAIRN_DRIVER_H
#define CAIRN_DRIVER_H

#include "syslib.h"

struct driver {
	const char *name;	/* its name in messages and in DS */
	int major;		/* the device major it serves: DS "dev.MAJOR" */
	int (*open)(uint32_t minor);
	int (*close)(uint32_t minor);
	int (*read)(endpoint_t client, const struct dev_io *request);
	int (*write)(endpoint_t client, const struct dev_io *request);
	int (*ioctl)(endpoint_t client, const struct dev_io *request);
	int (*cancel)(endpoint_t client, const struct dev_io *request);
	bool (*status)(endpoint_t client, struct dev_io *status);
	void (*interrupt)(uint32_t irqs);
	void (*alarm)(void);
	void (*other)(message *m);
	void (*after_message)(void);	/* work left for later, after each message */
};

/* Publish driver in DS and serve its requests for ever. */
void driver_task(const struct driver *driver) __attribute__((noreturn));
/* A suspended request of client can finish: client should ask DEV_STATUS. */
void driver_wake(endpoint_t client);
/* Answer m with result as the reply's type (for other()). */
void driver_reply(message *m, int result);

#endif /* CAIRN_DRIVER_H */
