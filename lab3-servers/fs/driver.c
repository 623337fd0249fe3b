/*
 * driver.c - FS's side of the device drivers, all in one place: which
 * driver serves each major device number, FS's grants, and the one call
 * path from FS to a driver.
 *
 * Drivers are not listed here. Each publishes its endpoint in DS as
 * "dev.MAJOR" (the driver library does it; protocol/device.h): FS
 * subscribes to every name starting with "dev." and keeps the table below
 * up to date, so a driver a later lab adds needs no change to FS, and a
 * driver restarted with a new endpoint is found again when it publishes
 * that.
 *
 * Every request to a driver goes through driver_call. A request to a
 * driver whose endpoint went stale (it died and came back under a new one)
 * fails there and nowhere else: that is the place where a request can be
 * sent again once DS names the new endpoint (lab 5).
 *
 * Entry points: grants_init, grant_buffer, drivers_init, ds_notified,
 * root_driver_wait, driver_endpoint, driver_major, driver_call.
 */

#include "fs.h"

#define MAJORS 64			/* device numbers' majors: 0 .. MAJORS - 1 */

/* The endpoint serving each major, NONE until DS tells. */
static endpoint_t majors[MAJORS];
static struct grant grant_table[2];

/* Tell the kernel where FS's grant table is. OK or -error. */
int grants_init(void)
{
	return sys_setgrant(grant_table, ARRAY_SIZE(grant_table));
}

/*
 * Let grantee read and write size bytes at address, through grant id
 * (GRANT_DISK or GRANT_DEVICE), replacing what that grant allowed
 * before. Returns id, to put in the request.
 */
grant_id_t grant_buffer(grant_id_t id, endpoint_t grantee, void *address, uint32_t size)
{
	grant_table[id].flags = GRANT_VALID | GRANT_READ | GRANT_WRITE;
	grant_table[id].grantee = grantee;
	grant_table[id].address = (uint32_t) address;
	grant_table[id].size = size;
	return id;
}

/* The endpoint of the driver for major, or NONE. */
endpoint_t driver_endpoint(int major)
{
	return major >= 0 && major < MAJORS ? majors[major] : NONE;
}

/* The major endpoint serves, or -1 when it is no driver's. */
int driver_major(endpoint_t endpoint)
{
	for (int major = 0; endpoint != NONE && major < MAJORS; major++)
		if (majors[major] == endpoint)
			return major;
	return -1;
}

/* Record a change of the DS name "dev.MAJOR": the driver is now at endpoint. */
static void driver_moved(const char *name, endpoint_t endpoint)
{
	const char *digits = name + strlen(DEVICE_DS_PREFIX);
	int major = 0;

	if (strncmp(name, DEVICE_DS_PREFIX, strlen(DEVICE_DS_PREFIX)) != 0 || *digits == '\0')
		return;
	for (; *digits >= '0' && *digits <= '9' && major < MAJORS; digits++)
		major = major * 10 + (*digits - '0');
	if (*digits == '\0' && major < MAJORS)
		majors[major] = endpoint;
}

/* Watch the drivers' names in DS (DS reports those published already too). */
void drivers_init(void)
{
	for (int major = 0; major < MAJORS; major++)
		majors[major] = NONE;
	int result = ds_subscribe(DEVICE_DS_PREFIX);
	if (result != OK)
		uprintf("fs: cannot watch the drivers in DS: %s\n", error_name(result));
}

/* DS notified FS: read every change it has for us. */
void ds_notified(void)
{
	struct ds_entry entry;

	while (ds_check(&entry) == OK) {
		entry.name[DS_NAME_LENGTH - 1] = '\0';
		driver_moved(entry.name, (entry.flags & DS_DELETED) ? NONE : (endpoint_t) entry.value);
	}
}

/*
 * Wait (for DS's notifications only: every other sender waits in the
 * kernel meanwhile) until the root device's driver is known. Returns OK.
 */
int root_driver_wait(void)
{
	message m;

	while (driver_endpoint(DEV_MAJOR(ROOT_DEVICE)) == NONE) {
		if (ipc_receive(DS_ENDPOINT, &m) != OK)
			continue;
		if (m.type == NOTIFY_MESSAGE)
			ds_notified();
	}
	return OK;
}

/*
 * Send request m (a DEV_* with its dev_io filled in but for the grant) to
 * the driver of major, granting it size bytes at buffer through grant.
 * Returns the reply's type (the driver's result), -ENXIO when no driver
 * serves major, or -EIO when the driver cannot be reached.
 */
int driver_call(int major, message *m, grant_id_t grant, void *buffer, uint32_t size)
{
	endpoint_t driver = driver_endpoint(major);

	if (driver == NONE)
		return -ENXIO;
	m->payload.dev_io.grant = grant_buffer(grant, driver, buffer, size);
	if (ipc_sendrec(driver, m) != OK)
		return -EIO;
	return m->type;
}
