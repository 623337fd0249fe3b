/*
 * memory.c - the memory driver: three block devices that live in memory.
 *
 *   minor 0 (RAMDISK_MINOR)  the RAM disk: the boot module "rootfs", which
 *                            the loader copied into memory; FS mounts it
 *                            as the root file system
 *   minor 3 (NULL_MINOR)     /dev/null: reads find nothing, writes vanish
 *   minor 5 (ZERO_MINOR)     /dev/zero: reads give zeros, writes vanish
 *
 * At start the driver asks the kernel where "rootfs" is in physical
 * memory and maps it into its own address space (the kernel allows
 * exactly that range). From then on a read or write is a copy between
 * the mapped disk and a grant FS made on its buffer: the driver never
 * sees FS's memory otherwise.
 *
 * FS is the only client. Every request is answered at once. The driver
 * library (drivers/lib/driver.h) runs the request loop and publishes the
 * driver in DS as "memory"; this file holds only the devices.
 *
 * Entry point: main (start-up, then the driver library's loop). Requests:
 * DEV_OPEN, DEV_CLOSE, DEV_READ, DEV_WRITE (protocol/device.h).
 */

#include "driver.h"
#include "bootimage.h"

#define PAGE_SIZE 4096
#define RAMDISK_ADDRESS 0x40000000	/* where the disk is mapped in this driver */

/* The RAM disk: bytes of it at disk (size 0 when there is no "rootfs"). */
static uint8_t *disk;
static uint32_t disk_size;

/* What /dev/zero's reads copy from: one page of zeros. */
static const uint8_t zeros[PAGE_SIZE];

/* ---- start-up ---- */

/* The boot module called name in info, or NULL. */
static const struct boot_module *find_module(const struct boot_info *info, const char *name)
{
	for (uint32_t i = 0; i < info->module_count && i < BOOT_MAX_MODULES; i++) {
		if (strncmp(info->modules[i].name, name, BOOT_NAME_LENGTH) == 0)
			return &info->modules[i];
	}
	return NULL;
}

/*
 * Find the boot module "rootfs" and map it at RAMDISK_ADDRESS, whole
 * pages (the loader puts every module on a page boundary). Sets disk and
 * disk_size; returns OK or an error (the disk then stays empty).
 */
static int map_ramdisk(void)
{
	static struct boot_info info;	/* a few KiB: better not on the stack */

	int result = sys_getinfo(GET_BOOT_INFO, &info, sizeof(info));
	if (result < 0) {
		uprintf("memory: cannot get the boot info: %s\n", error_name(result));
		return result;
	}
	const struct boot_module *module = find_module(&info, "rootfs");
	if (module == NULL || module->end <= module->start) {
		uprintf("memory: no boot module \"rootfs\": the RAM disk is empty\n");
		return -ENOENT;
	}

	uint32_t bytes = module->end - module->start;
	result = sys_memmap(SELF, MEMMAP_PHYSICAL, RAMDISK_ADDRESS, ROUND_UP(bytes, PAGE_SIZE),
			    module->start);
	if (result != OK) {
		uprintf("memory: cannot map the RAM disk: %s\n", error_name(result));
		return result;
	}
	disk = (uint8_t *) RAMDISK_ADDRESS;
	disk_size = bytes;
	uprintf("memory: RAM disk of %u KiB at physical 0x%08x\n", disk_size / 1024,
		module->start);
	return OK;
}

/* ---- the devices ---- */

/* DEV_OPEN and DEV_CLOSE: nothing to do for a device that exists. */
static int open_close(uint32_t minor)
{
	bool known = minor == RAMDISK_MINOR || minor == NULL_MINOR || minor == ZERO_MINOR;
	return known ? OK : -ENXIO;
}

/*
 * Copy count bytes of the RAM disk from position into FS's grant. A read
 * that reaches past the end stops there; at the end it reads 0 bytes.
 * Returns the bytes read or an error.
 */
static int ramdisk_read(endpoint_t grantor, const struct dev_io *request)
{
	if (request->position >= disk_size || request->count == 0)
		return 0;
	uint32_t bytes = MIN(request->count, disk_size - request->position);
	int result = sys_safecopyto(grantor, request->grant, 0, disk + request->position, bytes);
	return result == OK ? (int) bytes : result;
}

/*
 * Copy count bytes from FS's grant into the RAM disk at position. A write
 * that reaches past the end writes what fits; one that starts at or past
 * the end gets ENOSPC. Returns the bytes written or an error.
 */
static int ramdisk_write(endpoint_t grantor, const struct dev_io *request)
{
	if (request->count == 0)
		return 0;
	if (request->position >= disk_size)
		return -ENOSPC;
	uint32_t bytes = MIN(request->count, disk_size - request->position);
	int result = sys_safecopyfrom(grantor, request->grant, 0, disk + request->position, bytes);
	return result == OK ? (int) bytes : result;
}

/* Fill count bytes of FS's grant with zeros, a page at a time. */
static int zero_read(endpoint_t grantor, const struct dev_io *request)
{
	uint32_t done = 0;

	while (done < request->count) {
		uint32_t bytes = MIN(request->count - done, sizeof(zeros));
		int result = sys_safecopyto(grantor, request->grant, done, zeros, bytes);
		if (result != OK)
			return result;
		done += bytes;
	}
	return done;
}

/* DEV_READ: bytes read (0 at the end) or an error. */
static int do_read(endpoint_t caller, const struct dev_io *request)
{
	switch (request->minor) {
	case RAMDISK_MINOR:
		return ramdisk_read(caller, request);
	case NULL_MINOR:
		return 0;
	case ZERO_MINOR:
		return zero_read(caller, request);
	}
	return -ENXIO;
}

/* DEV_WRITE: bytes written or an error. null and zero take everything. */
static int do_write(endpoint_t caller, const struct dev_io *request)
{
	switch (request->minor) {
	case RAMDISK_MINOR:
		return ramdisk_write(caller, request);
	case NULL_MINOR:
	case ZERO_MINOR:
		return request->count;
	}
	return -ENXIO;
}

static const struct driver memory_driver = {
	.name = "memory",
	.major = MEMORY_MAJOR,
	.open = open_close,
	.close = open_close,
	.read = do_read,
	.write = do_write,
};

/* Map the RAM disk, then serve FS for ever. */
int main(void)
{
	map_ramdisk();
	driver_task(&memory_driver);
}
