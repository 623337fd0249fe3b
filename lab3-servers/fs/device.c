/*
 * device.c - device files. A character or block special inode holds a
 * device number (major, minor) in zone[0]; the major picks the driver
 * (driver.c knows which, and sends every request).
 *
 * Data moves through FS's own device buffer, which FS grants to the
 * driver for each request; FS copies between it and the caller with
 * SYS_VIRCOPY. A driver that cannot answer yet (the console with no input)
 * replies -ESUSPEND: FS leaves the caller waiting and, once the driver
 * notifies it, asks DEV_STATUS for the finished requests (DEV_REVIVE).
 *
 * Entry points: device_open, device_close, device_read, device_write,
 * device_notified, device_cancel.
 */

#include "fs.h"

#define DEVICE_CHUNK 4096	/* bytes per driver request */

static uint8_t device_buffer[DEVICE_CHUNK];

/*
 * Send the driver of major one request about minor on count bytes of the
 * device buffer. Returns the driver's result (bytes, -ESUSPEND, -error),
 * or -ENXIO / -EIO when there is no driver or it cannot be reached.
 */
static int device_request(int major, int type, uint32_t minor, uint32_t position,
			  uint32_t count, uint32_t id, uint32_t flags)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.type = type;
	m.payload.dev_io.minor = minor;
	m.payload.dev_io.position = position;
	m.payload.dev_io.count = count;
	m.payload.dev_io.id = id;
	m.payload.dev_io.flags = flags;
	return driver_call(major, &m, GRANT_DEVICE, device_buffer, DEVICE_CHUNK);
}

/* The major device number of the device file inode: its driver. */
static int major_of(const struct inode *inode)
{
	return DEV_MAJOR(inode->disk.zone[0]);
}

/* The minor device number of the device file inode. */
static uint32_t minor_of(const struct inode *inode)
{
	return DEV_MINOR(inode->disk.zone[0]);
}

/* DEV_OPEN for a device file being opened. OK or -error (-ENXIO: no driver). */
int device_open(struct inode *inode, int flags)
{
	int result = device_request(major_of(inode), DEV_OPEN, minor_of(inode), 0, 0, 0,
				    flags & O_NONBLOCK);
	if (result == -ESUSPEND)
		return -EIO;	/* an open is answered at once: never leave the caller waiting */
	return result < 0 ? result : OK;
}

/* DEV_CLOSE: the last descriptor of an open device file was closed. */
void device_close(struct inode *inode)
{
	device_request(major_of(inode), DEV_CLOSE, minor_of(inode), 0, 0, 0, 0);
}

/* Leave caller waiting for the driver: its DEV_REVIVE will finish the call. */
static int suspend_on_driver(struct process *caller, bool writing, struct open_file *file,
			     uint32_t buffer, uint32_t count)
{
	caller->suspended = writing ? SUSPENDED_DEVICE_WRITE : SUSPENDED_DEVICE_READ;
	caller->suspended_file = file;
	caller->suspended_buffer = buffer;
	caller->suspended_count = count;
	caller->suspended_done = 0;
	caller->suspended_major = major_of(file->inode);
	caller->suspended_minor = minor_of(file->inode);
	return NO_REPLY;
}

/*
 * Move count bytes between buffer in caller and the device of file, a
 * chunk at a time. Returns the bytes moved, -error when none were, or
 * NO_REPLY when the driver will answer later.
 */
static int device_transfer(struct process *caller, struct open_file *file, bool writing,
			   uint32_t buffer, uint32_t count)
{
	int major = major_of(file->inode);
	uint32_t minor = minor_of(file->inode);
	uint32_t id = ENDPOINT_SLOT(caller->endpoint);
	uint32_t done = 0;
	int result = OK;

	while (done < count) {
		uint32_t chunk = MIN(count - done, (uint32_t) DEVICE_CHUNK);
		if (writing) {
			result = copy_from_user(caller->endpoint, device_buffer, buffer + done,
						chunk);
			if (result != OK)
				break;
		}
		result = device_request(major, writing ? DEV_WRITE : DEV_READ, minor,
					file->offset, chunk, id, file->flags & O_NONBLOCK);
		if (result == -ESUSPEND) {
			if (done == 0)
				return suspend_on_driver(caller, writing, file, buffer, chunk);
			/* Some bytes moved already: answer with those. */
			device_request(major, DEV_CANCEL, minor, 0, 0, id, 0);
			result = OK;
			break;
		}
		if (result < 0)
			break;
		uint32_t moved = MIN((uint32_t) result, chunk);
		if (!writing) {
			result = copy_to_user(caller->endpoint, buffer + done, device_buffer, moved);
			if (result != OK)
				break;
		}
		done += moved;
		file->offset += moved;
		if (moved < chunk)
			break;	/* a short count: all there is for now */
	}
	return done > 0 ? (int) done : result;
}

/* read() of a device file: bytes read, -error, or NO_REPLY. */
int device_read(struct process *caller, struct open_file *file, uint32_t buffer,
		uint32_t count)
{
	return device_transfer(caller, file, false, buffer, count);
}

/* write() of a device file: bytes written, -error, or NO_REPLY. */
int device_write(struct process *caller, struct open_file *file, uint32_t buffer,
		 uint32_t count)
{
	return device_transfer(caller, file, true, buffer, count);
}

/* The process waiting (in FS) on the driver of major under id, or NULL. */
static struct process *waiting_on(int major, uint32_t id)
{
	if (id >= PROCESS_SLOTS)
		return NULL;
	struct process *process = &processes[id];
	if (!process->in_use || process->suspended_major != major)
		return NULL;
	if (process->suspended != SUSPENDED_DEVICE_READ &&
	    process->suspended != SUSPENDED_DEVICE_WRITE)
		return NULL;
	return process;
}

/*
 * A finished request: a read's data (result bytes, in the device buffer)
 * goes to the caller, then the caller gets its reply.
 */
static void revive(struct process *process, int result)
{
	if (result > 0) {
		uint32_t moved = MIN((uint32_t) result, process->suspended_count);
		if (process->suspended == SUSPENDED_DEVICE_READ &&
		    copy_to_user(process->endpoint, process->suspended_buffer, device_buffer,
				 moved) != OK)
			result = -EFAULT;
		else
			process->suspended_file->offset += moved;
	}
	finish_suspended(process, result);
}

/* The driver of major notified FS: collect its finished requests (DEV_STATUS). */
void device_notified(int major)
{
	message m;

	for (;;) {
		memset(&m, 0, sizeof(m));
		m.type = DEV_STATUS;
		m.payload.dev_io.count = DEVICE_CHUNK;
		if (driver_call(major, &m, GRANT_DEVICE, device_buffer, DEVICE_CHUNK) != DEV_REVIVE)
			return;
		struct process *process = waiting_on(major, m.payload.dev_io.id);
		if (process != NULL)
			revive(process, m.payload.dev_io.result);
	}
}

/*
 * Stop waiting for the driver on behalf of process (it got a signal or
 * is exiting): DEV_CANCEL. Returns what the call should answer: the
 * bytes the driver had done, or -EINTR. No reply is sent here.
 */
int device_cancel(struct process *process)
{
	uint32_t id = ENDPOINT_SLOT(process->endpoint);
	int result = device_request(process->suspended_major, DEV_CANCEL,
				    process->suspended_minor, 0, process->suspended_count,
				    id, 0);
	if (result > 0 && process->suspended == SUSPENDED_DEVICE_READ) {
		uint32_t moved = MIN((uint32_t) result, process->suspended_count);
		if (copy_to_user(process->endpoint, process->suspended_buffer, device_buffer,
				 moved) != OK)
			result = -EFAULT;
	}
	process->suspended = NOT_SUSPENDED;
	return result > 0 ? result : -EINTR;
}
