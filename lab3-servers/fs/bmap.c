/*
 * bmap.c - the block map of an inode: which zone holds block `index` of a
 * file (byte position index * 1024).
 *
 *   index 0 .. 6          zone[0 .. 6]                  (direct)
 *   index 7 .. 262        zone[7] -> a block of 256 zone numbers
 *   index 263 .. 65798    zone[8] -> 256 indirect blocks -> 256 each
 *
 * A zone number of 0 is a hole: the block reads as zeros and has no zone.
 *
 * Entry points: read_map (find, for reading), write_map (find or
 * allocate, for writing), clear_map and free_indirect_blocks (for
 * truncation).
 */

#include "fs.h"

/*
 * Entry slot of the indirect block `block`: a zone number, 0 for a hole,
 * or -EIO when the block cannot be read or the entry is not a data zone
 * (a corrupt file system).
 */
static int indirect_entry(uint32_t block, uint32_t slot)
{
	struct buffer *buffer;

	if (block_get(block, &buffer) != OK)
		return -EIO;
	uint32_t zone = ((uint32_t *) buffer->data)[slot];
	if (zone != 0 && !zone_in_range(zone))
		return -EIO;
	return zone;
}

/* Store zone in entry slot of the indirect block `block`. OK or -EIO. */
static int set_indirect_entry(uint32_t block, uint32_t slot, uint32_t zone)
{
	struct buffer *buffer;

	if (block_get(block, &buffer) != OK)
		return -EIO;
	((uint32_t *) buffer->data)[slot] = zone;
	block_dirty(buffer);
	return OK;
}

/*
 * The zone holding block index of inode, for reading: a zone number, 0
 * when that block is a hole (or past the largest possible file), or
 * -EIO when an indirect block cannot be read or names no data zone.
 */
int read_map(struct inode *inode, uint32_t index)
{
	/* LAB 3: your code here.
	 * Hint: an index below DIRECT_ZONES is inode->disk.zone[index].
	 * Subtract DIRECT_ZONES: below ZONES_PER_BLOCK, it is entry index of
	 * the block zone[INDIRECT_ZONE] (indirect_entry()). Subtract again:
	 * zone[DOUBLE_ZONE] names indirect blocks of ZONES_PER_BLOCK entries
	 * each. A 0 at any step means a hole: return 0. */
	return fs_panic("LAB 3: read_map() is not written yet");
}

/* A freshly allocated zone, zeroed in the cache. Its number, or -error. */
static int new_zone(void)
{
	struct buffer *buffer;
	int zone = alloc_zone();

	if (zone < 0)
		return zone;
	if (block_get_zeroed(zone, &buffer) != OK) {
		free_zone(zone);
		return -EIO;
	}
	return zone;
}

/* The zone in inode->disk.zone[slot], allocated if missing; or -error. */
static int inode_slot_zone(struct inode *inode, int slot)
{
	if (inode->disk.zone[slot] != 0)
		return inode->disk.zone[slot];
	int zone = new_zone();
	if (zone < 0)
		return zone;
	inode->disk.zone[slot] = zone;
	if (inode_update(inode) != OK)
		return -EIO;
	return zone;
}

/* Entry slot of indirect block `block`, allocated if missing; or -error. */
static int indirect_slot_zone(uint32_t block, uint32_t slot)
{
	int zone = indirect_entry(block, slot);
	if (zone != 0)
		return zone;	/* a zone, or -EIO */
	zone = new_zone();
	if (zone < 0)
		return zone;
	if (set_indirect_entry(block, slot, zone) != OK)
		return -EIO;
	return zone;
}

/*
 * The zone holding block index of inode, for writing: allocated (zeroed)
 * with any indirect blocks on the way when it is a hole. Returns the zone
 * number, or -EFBIG past the largest file, -ENOSPC, -EIO.
 */
int write_map(struct inode *inode, uint32_t index)
{
	if (index < DIRECT_ZONES)
		return inode_slot_zone(inode, index);
	index -= DIRECT_ZONES;

	if (index < ZONES_PER_BLOCK) {
		int indirect = inode_slot_zone(inode, INDIRECT_ZONE);
		if (indirect < 0)
			return indirect;
		return indirect_slot_zone(indirect, index);
	}
	index -= ZONES_PER_BLOCK;

	if (index >= ZONES_PER_BLOCK * ZONES_PER_BLOCK)
		return -EFBIG;
	int double_indirect = inode_slot_zone(inode, DOUBLE_ZONE);
	if (double_indirect < 0)
		return double_indirect;
	int indirect = indirect_slot_zone(double_indirect, index / ZONES_PER_BLOCK);
	if (indirect < 0)
		return indirect;
	return indirect_slot_zone(indirect, index % ZONES_PER_BLOCK);
}

/*
 * Free the zone holding block index of inode (if any) and make that
 * block a hole. Indirect blocks stay (see free_indirect_blocks).
 * Returns OK or -EIO.
 */
int clear_map(struct inode *inode, uint32_t index)
{
	if (index < DIRECT_ZONES) {
		free_zone(inode->disk.zone[index]);
		inode->disk.zone[index] = 0;
		return inode_update(inode);
	}
	int zone = read_map(inode, index);
	if (zone <= 0)
		return zone;
	/* Find the indirect block that points at it, and clear the entry. */
	uint32_t indirect;
	index -= DIRECT_ZONES;
	if (index < ZONES_PER_BLOCK) {
		indirect = inode->disk.zone[INDIRECT_ZONE];
	} else {
		index -= ZONES_PER_BLOCK;
		int found = indirect_entry(inode->disk.zone[DOUBLE_ZONE],
					   index / ZONES_PER_BLOCK);
		if (found <= 0)
			return -EIO;
		indirect = found;
	}
	if (set_indirect_entry(indirect, index % ZONES_PER_BLOCK, 0) != OK)
		return -EIO;
	free_zone(zone);
	return OK;
}

/*
 * After clear_map has freed every block from first_unused on, free the
 * indirect blocks that now cover only holes.
 */
void free_indirect_blocks(struct inode *inode, uint32_t first_unused)
{
	uint32_t double_start = DIRECT_ZONES + ZONES_PER_BLOCK;
	uint32_t double_indirect = inode->disk.zone[DOUBLE_ZONE];

	if (double_indirect != 0) {
		for (uint32_t i = 0; i < ZONES_PER_BLOCK; i++) {
			if (double_start + i * ZONES_PER_BLOCK < first_unused)
				continue;	/* still covers blocks in use */
			int indirect = indirect_entry(double_indirect, i);
			if (indirect <= 0)
				continue;
			set_indirect_entry(double_indirect, i, 0);
			free_zone(indirect);
		}
		if (first_unused <= double_start) {
			free_zone(double_indirect);
			inode->disk.zone[DOUBLE_ZONE] = 0;
		}
	}
	if (first_unused <= DIRECT_ZONES && inode->disk.zone[INDIRECT_ZONE] != 0) {
		free_zone(inode->disk.zone[INDIRECT_ZONE]);
		inode->disk.zone[INDIRECT_ZONE] = 0;
	}
	inode_update(inode);
}
