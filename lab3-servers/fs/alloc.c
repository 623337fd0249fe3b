/*
 * alloc.c - allocate and free inodes and zones in the two bitmaps.
 *
 * A bitmap is a run of blocks holding one bit per inode (or zone); a set
 * bit means "in use". Bit 0 of each map is set by mkfs and names nothing,
 * so inode bit i is inode i, and zone bit i is zone first_data_zone + i - 1.
 *
 * Entry points: alloc_inode, free_inode, alloc_zone, free_zone,
 * bitmap_count_free.
 */

#include "fs.h"

/* Is bit (counted in the block) set in a bitmap block's data? */
static bool bit_is_set(const uint8_t *data, uint32_t bit)
{
	return (data[bit / 8] >> (bit % 8)) & 1;
}

/* Mark bit (counted in the block) in use. */
static void set_bit(uint8_t *data, uint32_t bit)
{
	data[bit / 8] |= 1 << (bit % 8);
}

/* Mark bit (counted in the block) free. */
static void clear_bit(uint8_t *data, uint32_t bit)
{
	data[bit / 8] &= ~(1 << (bit % 8));
}

/*
 * Clear bit number bit of the bitmap that begins at block start (used
 * for freeing). Returns OK or -EIO.
 */
static int bitmap_clear(uint32_t start, uint32_t bit)
{
	struct buffer *buffer;

	if (block_get(start + bit / BITS_PER_BLOCK, &buffer) != OK)
		return -EIO;
	clear_bit(buffer->data, bit % BITS_PER_BLOCK);
	block_dirty(buffer);
	return OK;
}

/* How many of the bits 1 .. bits-1 of a bitmap are clear; or -EIO. */
int bitmap_count_free(uint32_t start, uint32_t blocks, uint32_t bits)
{
	int free = 0;
	struct buffer *buffer;

	for (uint32_t block = 0; block < blocks; block++) {
		if (block_get(start + block, &buffer) != OK)
			return -EIO;
		for (uint32_t bit = 0; bit < BITS_PER_BLOCK; bit++) {
			uint32_t number = block * BITS_PER_BLOCK + bit;
			if (number != 0 && number < bits && !bit_is_set(buffer->data, bit))
				free++;
		}
	}
	return free;
}

/*
 * Find a clear bit in the inode bitmap, set it, and return its inode
 * number (1 .. super.inodes). -ENOSPC when every inode is in use, -EIO
 * if the bitmap cannot be read.
 */
int alloc_inode(void)
{
	struct buffer *buffer;

	for (uint32_t block = 0; block < super.imap_blocks; block++) {
		if (block_get(super.imap_start + block, &buffer) != OK)
			return -EIO;
		for (uint32_t bit = 0; bit < BITS_PER_BLOCK; bit++) {
			uint32_t number = block * BITS_PER_BLOCK + bit;
			if (number == 0 || number > super.inodes)
				continue;
			if (!bit_is_set(buffer->data, bit)) {
				set_bit(buffer->data, bit);
				block_dirty(buffer);
				return number;
			}
		}
	}
	return -ENOSPC;
}

/* Mark inode number free in the inode bitmap. */
void free_inode(uint32_t number)
{
	if (number == 0 || number > super.inodes)
		return;
	bitmap_clear(super.imap_start, number);
}

/*
 * Find a clear bit in the zone bitmap, set it, and return the number of
 * the zone it stands for (first_data_zone .. zones - 1). -ENOSPC when
 * every zone is in use, -EIO if the bitmap cannot be read. The zone's
 * contents are left as they are: the caller zeroes it.
 */
int alloc_zone(void)
{
	/* LAB 3: your code here.
	 * Hint: like alloc_inode(), walk the super.zmap_blocks blocks from
	 * super.zmap_start with block_get(), skipping bit 0 and every bit
	 * past the last zone; bit i names zone super.first_data_zone + i - 1.
	 * set_bit() and block_dirty() the one you take. */
	return fs_panic("LAB 3: alloc_zone() is not written yet");
}

/* Mark zone free in the zone bitmap. */
void free_zone(uint32_t zone)
{
	if (!zone_in_range(zone))
		return;
	bitmap_clear(super.zmap_start, zone - super.first_data_zone + 1);
}
