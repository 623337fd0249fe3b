/*
 * driver.c - the driver library's request loop (driver.h says what it
 * does for a driver).
 *
 * Entry points: driver_task, driver_wake, driver_reply.
 */

#include "driver.h"

/* DEV_OPEN and DEV_CLOSE of a driver with nothing to do for them. */
static int always_ok(uint32_t minor)
{
	(void) minor;
	return OK;
}

/* The reply's type for request m of driver; DEV_STATUS fills m's dev_io. */
static int carry_out(const struct driver *driver, message *m)
{
	struct dev_io *request = &m->payload.dev_io;

	switch (m->type) {
	case DEV_OPEN:
		return (driver->open ? driver->open : always_ok)(request->minor);
	case DEV_CLOSE:
		return (driver->close ? driver->close : always_ok)(request->minor);
	case DEV_READ:
		return driver->read ? driver->read(m->source, request) : -EINVAL;
	case DEV_WRITE:
		return driver->write ? driver->write(m->source, request) : -EINVAL;
	case DEV_IOCTL:
		return driver->ioctl ? driver->ioctl(m->source, request) : -ENOTTY;
	case DEV_CANCEL:
		return driver->cancel ? driver->cancel(m->source, request) : -EINTR;
	case DEV_STATUS:
		return driver->status && driver->status(m->source, request) ?
		       DEV_REVIVE : DEV_NO_STATUS;
	case DEV_HEARTBEAT:
		return OK;
	}
	return -EBADREQUEST;
}

/* Whether m is one of the device requests (protocol/device.h, DEV_*). */
static bool is_device_request(const message *m)
{
	return m->type >= DEV_BASE && m->type <= DEV_LAST;
}

void driver_reply(message *m, int result)
{
	m->type = result;
	ipc_sendnb(m->source, m);
}

void driver_wake(endpoint_t client)
{
	ipc_notify(client);	/* repeated notifies coalesce */
}

/* Tell DS our endpoint, under driver's name and as the driver of its major. */
static void publish(const struct driver *driver)
{
	struct process_info self;
	char major_name[DS_NAME_LENGTH];

	snprintf(major_name, sizeof(major_name), "%s%d", DEVICE_DS_PREFIX, driver->major);
	int result = sys_getinfo(GET_SELF, &self, sizeof(self));
	if (result >= 0)
		result = ds_publish(driver->name, self.endpoint);
	if (result >= 0)
		result = ds_publish(major_name, self.endpoint);
	if (result < 0)
		uprintf("%s: cannot publish in DS: %s\n", driver->name, error_name(result));
}

/* A notification: interrupts from HARDWARE, an alarm from CLOCK. */
static void notified(const struct driver *driver, const message *m)
{
	if (m->source == HARDWARE && driver->interrupt)
		driver->interrupt(m->payload.notification.interrupts);
	else if (m->source == CLOCK && driver->alarm)
		driver->alarm();
}

void driver_task(const struct driver *driver)
{
	publish(driver);
	for (;;) {
		message m;
		int result = ipc_receive(ANY, &m);
		if (result != OK) {
			uprintf("%s: receive failed: %s\n", driver->name, error_name(result));
			continue;
		}
		if (m.type == NOTIFY_MESSAGE)
			notified(driver, &m);
		else if (is_device_request(&m))
			driver_reply(&m, carry_out(driver, &m));
		else if (driver->other)
			driver->other(&m);
		else
			driver_reply(&m, -EBADREQUEST);
		if (driver->after_message)
			driver->after_message();
	}
}
