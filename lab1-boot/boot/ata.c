/*
 * ata.c - the loader's disk reads: the primary IDE controller, polled.
 *
 * The boot sector used the BIOS to read the disk; the loader, in protected
 * mode, can no longer call it and talks to the controller itself: the
 * master drive on the primary channel (ports 0x1f0-0x1f7), 28-bit LBA
 * addresses, command READ SECTORS, one 512-byte sector per data transfer,
 * waiting on the status register instead of an interrupt. QEMU and Bochs
 * emulate this controller alike.
 *
 * Entry points: ata_read (sectors), boot_file_read (bytes of a boot file).
 */
#include "loader.h"
#include "x86.h"
#include "string.h"

/* Primary channel registers. */
#define ATA_DATA         0x1f0	/* 16 bits wide */
#define ATA_ERROR        0x1f1
#define ATA_SECTOR_COUNT 0x1f2	/* 0 means 256 */
#define ATA_LBA_LOW      0x1f3	/* LBA bits 0-7 */
#define ATA_LBA_MIDDLE   0x1f4	/* bits 8-15 */
#define ATA_LBA_HIGH     0x1f5	/* bits 16-23 */
#define ATA_DRIVE        0x1f6	/* drive select, LBA bits 24-27 */
#define ATA_STATUS       0x1f7	/* read: status; write: command */
#define ATA_COMMAND      0x1f7
#define ATA_ALTERNATE_STATUS 0x3f6	/* status without side effects */

#define DRIVE_MASTER_LBA 0xe0	/* master, LBA addressing */
#define COMMAND_READ_SECTORS 0x20

/* Status register bits. */
#define STATUS_BUSY          0x80
#define STATUS_DRIVE_FAULT   0x20
#define STATUS_DATA_REQUEST  0x08	/* a sector is ready to transfer */
#define STATUS_ERROR         0x01

#define SECTORS_PER_COMMAND 256		/* the most one READ SECTORS moves */
#define WAIT_LIMIT 10000000		/* status reads before giving up */

/*
 * Wait until the drive is not busy and has a sector ready for us; stop
 * the loader with a message if it reports an error or never gets there.
 */
static void ata_wait_for_data(uint32_t lba)
{
	for (uint32_t tries = 0; tries < WAIT_LIMIT; tries++) {
		uint8_t status = inb(ATA_STATUS);
		if (status & STATUS_BUSY)
			continue;
		if (status & (STATUS_ERROR | STATUS_DRIVE_FAULT))
			loader_error("disk: reading sector %u failed (status 0x%x, error 0x%x)",
				     lba, status, inb(ATA_ERROR));
		if (status & STATUS_DATA_REQUEST)
			return;
	}
	loader_error("disk: no answer when reading sector %u", lba);
}

/*
 * Read count sectors, starting at sector lba, into buffer (which must
 * have room for count * SECTOR_SIZE bytes). Stops the loader on an error.
 */
void ata_read(uint32_t lba, uint32_t count, void *buffer)
{
	uint8_t *destination = buffer;

	while (count > 0) {
		uint32_t sectors = MIN(count, SECTORS_PER_COMMAND);

		outb(ATA_DRIVE, DRIVE_MASTER_LBA | ((lba >> 24) & 0x0f));
		outb(ATA_SECTOR_COUNT, sectors & 0xff);	/* 256 is sent as 0 */
		outb(ATA_LBA_LOW, lba & 0xff);
		outb(ATA_LBA_MIDDLE, (lba >> 8) & 0xff);
		outb(ATA_LBA_HIGH, (lba >> 16) & 0xff);
		outb(ATA_COMMAND, COMMAND_READ_SECTORS);
		/* The status is valid 400 ns after a command: four reads. */
		for (int i = 0; i < 4; i++)
			inb(ATA_ALTERNATE_STATUS);

		for (uint32_t i = 0; i < sectors; i++) {
			ata_wait_for_data(lba + i);
			insw(ATA_DATA, destination, SECTOR_SIZE / 2);
			destination += SECTOR_SIZE;
		}
		lba += sectors;
		count -= sectors;
	}
}

/*
 * Copy length bytes, starting at byte offset of file, to destination.
 * Whole sectors go straight to destination; a partial sector at either
 * end is read into a buffer and the wanted part copied out.
 */
void boot_file_read(const struct boot_file *file, uint32_t offset,
		    void *destination, uint32_t length)
{
	static uint8_t sector[SECTOR_SIZE];
	uint8_t *to = destination;

	if (offset > file->size || length > file->size - offset)
		loader_error("read of %u bytes at %u is past the end of %s (%u bytes)",
			     length, offset, file->name, file->size);
	while (length > 0) {
		uint32_t lba = file->lba + offset / SECTOR_SIZE;
		uint32_t within = offset % SECTOR_SIZE;
		uint32_t bytes;

		if (within == 0 && length >= SECTOR_SIZE) {
			uint32_t whole = length / SECTOR_SIZE;
			ata_read(lba, whole, to);
			bytes = whole * SECTOR_SIZE;
		} else {
			ata_read(lba, 1, sector);
			bytes = MIN(length, SECTOR_SIZE - within);
			memcpy(to, sector + within, bytes);
		}
		to += bytes;
		offset += bytes;
		length -= bytes;
	}
}
