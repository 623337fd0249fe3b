/*
 * super.c - the superblock: read it once at mount, check that its numbers
 * describe a MINIX v3 file system this FS can serve, and keep what the
 * rest of FS needs (where the bitmaps, the inode table and the data zones
 * begin) in `super`.
 *
 * Entry points: super_read, super_free_zones.
 */

#include "fs.h"

struct super_info super;

/* Print why the file system cannot be mounted; returns -EIO. */
static int refuse(const char *why)
{
	uprintf("fs: cannot mount the root file system: bad superblock: %s\n", why);
	return -EIO;
}

/* Blocks needed to hold count bits of a bitmap. */
static uint32_t bitmap_blocks(uint32_t count)
{
	return (count + BITS_PER_BLOCK - 1) / BITS_PER_BLOCK;
}

/*
 * Read and check the superblock of the root device and fill `super`.
 * Returns OK, or -EIO (after printing why) for a device that cannot be
 * read or holds no file system this FS understands.
 */
int super_read(void)
{
	struct buffer *buffer;
	struct disk_super disk;

	if (block_get(SUPER_BLOCK, &buffer) != OK)
		return refuse("the disk cannot be read");
	memcpy(&disk, buffer->data, sizeof(disk));

	if (disk.magic != SUPER_MAGIC_V3)
		return refuse("bad magic number (not a MINIX v3 file system)");
	if (disk.block_size != BLOCK_SIZE)
		return refuse("the block size is not 1024");
	if (disk.log_zone_size != 0)
		return refuse("zones bigger than a block are not supported");
	if (disk.inodes == 0 || disk.imap_blocks == 0 || disk.zmap_blocks == 0)
		return refuse("no inodes or no bitmaps");

	uint32_t table_blocks = (disk.inodes + INODES_PER_BLOCK - 1) / INODES_PER_BLOCK;
	uint32_t data_start = 2 + disk.imap_blocks + disk.zmap_blocks + table_blocks;
	if (disk.first_data_zone < data_start || disk.first_data_zone >= disk.zones)
		return refuse("the data zones overlap the inode table");
	if (bitmap_blocks(disk.inodes + 1) > disk.imap_blocks)
		return refuse("the inode bitmap is too small");
	if (bitmap_blocks(disk.zones - disk.first_data_zone + 1) > disk.zmap_blocks)
		return refuse("the zone bitmap is too small");

	super.inodes = disk.inodes;
	super.zones = disk.zones;
	super.imap_start = 2;
	super.imap_blocks = disk.imap_blocks;
	super.zmap_start = 2 + disk.imap_blocks;
	super.zmap_blocks = disk.zmap_blocks;
	super.inode_table = super.zmap_start + disk.zmap_blocks;
	super.first_data_zone = disk.first_data_zone;
	return OK;
}

/* How many data zones are free (for the mount message). */
uint32_t super_free_zones(void)
{
	int free = bitmap_count_free(super.zmap_start, super.zmap_blocks,
				     super.zones - super.first_data_zone + 1);
	return free < 0 ? 0 : free;
}
