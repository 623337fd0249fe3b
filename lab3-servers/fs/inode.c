/*
 * inode.c - the in-memory inode table. An inode in use (by an open file,
 * a process's working directory, or a call in progress) has one entry
 * here holding a copy of its on-disk inode; every change is written back
 * to the cached inode-table block at once (inode_update).
 *
 * An inode whose link count dropped to 0 is freed (zones and inode) when
 * its last reference goes: an unlinked file stays readable while open.
 *
 * Entry points: inode_get, inode_hold, inode_put, inode_update, inode_new,
 * inode_truncate, zone_in_range, now.
 */

#include "fs.h"

#define INODE_SLOTS 64

static struct inode inodes[INODE_SLOTS];

/* Seconds since 1970, for the inode times. */
uint32_t now(void)
{
	return clock_time();
}

/* Is zone a data zone of this file system? */
bool zone_in_range(uint32_t zone)
{
	return zone >= super.first_data_zone && zone < super.zones;
}

/* Files whose zone[] lists data zones (device files keep a dev_t there). */
static bool has_zones(const struct inode *inode)
{
	uint16_t mode = inode->disk.mode;
	return S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode);
}

/* The block holding inode number, and the inode's offset in it. */
static uint32_t inode_block(uint32_t number, uint32_t *offset)
{
	uint32_t index = number - 1;
	*offset = (index % INODES_PER_BLOCK) * sizeof(struct disk_inode);
	return super.inode_table + index / INODES_PER_BLOCK;
}

/* A free entry of the table, or NULL when all are taken. */
static struct inode *free_slot(void)
{
	for (int i = 0; i < INODE_SLOTS; i++)
		if (inodes[i].references == 0)
			return &inodes[i];
	return NULL;
}

/*
 * Inode number, with one more reference: found in the table or read from
 * the disk. Returns OK with *out; -EIO for a number out of range, a free
 * inode or a corrupt one (zone numbers outside the data zones); -ENFILE
 * when the table is full.
 */
int inode_get(uint32_t number, struct inode **out)
{
	struct buffer *buffer;
	uint32_t offset;

	if (number == 0 || number > super.inodes)
		return -EIO;
	for (int i = 0; i < INODE_SLOTS; i++) {
		if (inodes[i].references > 0 && inodes[i].number == number) {
			inodes[i].references++;
			*out = &inodes[i];
			return OK;
		}
	}
	struct inode *inode = free_slot();
	if (inode == NULL)
		return -ENFILE;
	if (block_get(inode_block(number, &offset), &buffer) != OK)
		return -EIO;
	memcpy(&inode->disk, buffer->data + offset, sizeof(inode->disk));
	if (inode->disk.mode == 0)
		return -EIO;	/* a directory entry names a free inode */
	inode->number = number;
	if (has_zones(inode)) {
		for (int z = 0; z < ZONE_SLOTS - 1; z++) {
			uint32_t zone = inode->disk.zone[z];
			if (zone != 0 && !zone_in_range(zone)) {
				uprintf("fs: inode %u is corrupt (zone %u)\n", number, zone);
				inode->number = 0;
				return -EIO;
			}
		}
	}
	inode->references = 1;
	*out = inode;
	return OK;
}

/* One more reference to an inode the caller already holds. */
void inode_hold(struct inode *inode)
{
	inode->references++;
}

/* Copy the in-memory inode to its cached inode-table block. OK or -EIO. */
int inode_update(struct inode *inode)
{
	struct buffer *buffer;
	uint32_t offset;

	if (block_get(inode_block(inode->number, &offset), &buffer) != OK)
		return -EIO;
	memcpy(buffer->data + offset, &inode->disk, sizeof(inode->disk));
	block_dirty(buffer);
	return OK;
}

/*
 * Drop one reference. The last one of an inode with no links left frees
 * its zones and the inode itself.
 */
void inode_put(struct inode *inode)
{
	if (inode == NULL || --inode->references > 0)
		return;
	if (inode->disk.links == 0) {
		inode_truncate(inode, 0);
		memset(&inode->disk, 0, sizeof(inode->disk));
		inode_update(inode);
		free_inode(inode->number);
	}
	inode->number = 0;
}

/*
 * A new inode of the given mode (type and permissions), with no links
 * yet, size 0 and the current time, held once. Returns OK with *out, or
 * -ENOSPC, -ENFILE, -EIO.
 */
int inode_new(uint16_t mode, struct inode **out)
{
	struct inode *inode = free_slot();
	if (inode == NULL)
		return -ENFILE;
	int number = alloc_inode();
	if (number < 0)
		return number;
	memset(&inode->disk, 0, sizeof(inode->disk));
	inode->number = number;
	inode->references = 1;
	inode->disk.mode = mode;
	inode->disk.atime = inode->disk.mtime = inode->disk.ctime = now();
	if (inode_update(inode) != OK) {
		free_inode(number);
		inode->references = 0;
		inode->number = 0;
		return -EIO;
	}
	*out = inode;
	return OK;
}

/*
 * Zero the bytes of the block holding position size from there to the
 * block's end, so that growing the file later shows zeros. OK or -EIO.
 */
static int zero_tail(struct inode *inode, uint32_t size)
{
	struct buffer *buffer;
	uint32_t within = size % BLOCK_SIZE;

	if (within == 0)
		return OK;
	int zone = read_map(inode, size / BLOCK_SIZE);
	if (zone <= 0)
		return zone;	/* a hole reads as zeros already, or -EIO */
	if (block_get(zone, &buffer) != OK)
		return -EIO;
	memset(buffer->data + within, 0, BLOCK_SIZE - within);
	block_dirty(buffer);
	return OK;
}

/*
 * Set inode's size to size: a smaller size frees the zones (and indirect
 * blocks) past the new end; a bigger one leaves a hole that reads as
 * zeros. Returns OK, -EFBIG or -EIO.
 */
int inode_truncate(struct inode *inode, uint32_t size)
{
	if (size > (uint32_t) MAX_FILE_BLOCKS * BLOCK_SIZE)
		return -EFBIG;
	if (!has_zones(inode)) {
		inode->disk.size = 0;
		return inode_update(inode);
	}
	if (size < inode->disk.size) {
		uint32_t first_unused = (size + BLOCK_SIZE - 1) / BLOCK_SIZE;
		uint32_t old_blocks = (inode->disk.size + BLOCK_SIZE - 1) / BLOCK_SIZE;
		for (uint32_t index = first_unused; index < old_blocks; index++)
			if (clear_map(inode, index) != OK)
				return -EIO;
		free_indirect_blocks(inode, first_unused);
		if (zero_tail(inode, size) != OK)
			return -EIO;
	}
	inode->disk.size = size;
	inode->disk.mtime = inode->disk.ctime = now();
	return inode_update(inode);
}
