/*
 * cache.c - the block cache: CACHE_BUFFERS blocks of the root device kept
 * in FS's memory, the least recently used one reused first. Writes stay in
 * the cache (dirty) until the buffer is reused or FS_SYNC asks for them.
 *
 * Blocks travel to and from the memory driver's RAM disk: FS grants the
 * driver its block buffer and sends DEV_READ or DEV_WRITE.
 *
 * Entry points: cache_init, block_get, block_get_zeroed, block_dirty,
 * cache_sync, disk_transfer; do_sync (FS_SYNC).
 */

#include "fs.h"

#define CACHE_BUFFERS 128

static struct buffer buffers[CACHE_BUFFERS];
static struct buffer *newest;	/* head of the LRU list */
static struct buffer *oldest;	/* tail: reused first */

/* Put every buffer on the LRU list, all empty. */
void cache_init(void)
{
	newest = oldest = NULL;
	for (int i = 0; i < CACHE_BUFFERS; i++) {
		struct buffer *buffer = &buffers[i];
		buffer->valid = false;
		buffer->dirty = false;
		buffer->older = newest;
		buffer->newer = NULL;
		if (newest != NULL)
			newest->newer = buffer;
		else
			oldest = buffer;
		newest = buffer;
	}
}

/*
 * Read (DEV_READ) or write (DEV_WRITE) one block of the root device
 * through its driver. Returns OK, or -EIO whatever went wrong.
 */
int disk_transfer(int request, uint32_t block, void *data)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.type = request;
	m.payload.dev_io.minor = DEV_MINOR(ROOT_DEVICE);
	m.payload.dev_io.position = block * BLOCK_SIZE;
	m.payload.dev_io.count = BLOCK_SIZE;
	if (driver_call(DEV_MAJOR(ROOT_DEVICE), &m, GRANT_DISK, data, BLOCK_SIZE) != BLOCK_SIZE)
		return -EIO;
	return OK;
}

/* Move buffer to the newest end of the LRU list. */
static void mark_used(struct buffer *buffer)
{
	if (buffer == newest)
		return;
	/* unlink */
	if (buffer->newer != NULL)
		buffer->newer->older = buffer->older;
	if (buffer->older != NULL)
		buffer->older->newer = buffer->newer;
	if (buffer == oldest)
		oldest = buffer->newer;
	/* relink at the head */
	buffer->older = newest;
	buffer->newer = NULL;
	newest->newer = buffer;
	newest = buffer;
}

/* Write buffer back if dirty. Returns OK or -EIO. */
static int write_back(struct buffer *buffer)
{
	if (!buffer->valid || !buffer->dirty)
		return OK;
	int result = disk_transfer(DEV_WRITE, buffer->block, buffer->data);
	if (result == OK)
		buffer->dirty = false;
	return result;
}

/*
 * The buffer for block, in the cache or reusing the least recently used
 * one (written back first if dirty). read says whether to fill it from
 * the disk; otherwise it is zeroed. Returns OK with *out, or -EIO.
 */
static int find_buffer(uint32_t block, bool read, struct buffer **out)
{
	struct buffer *buffer;

	for (buffer = newest; buffer != NULL; buffer = buffer->older)
		if (buffer->valid && buffer->block == block)
			break;
	if (buffer == NULL) {
		buffer = oldest;
		if (write_back(buffer) != OK)
			return -EIO;
		buffer->valid = false;
		if (read) {
			if (disk_transfer(DEV_READ, block, buffer->data) != OK)
				return -EIO;
		}
		buffer->block = block;
		buffer->valid = true;
		buffer->dirty = false;
	}
	if (!read) {
		memset(buffer->data, 0, BLOCK_SIZE);
		buffer->dirty = true;
	}
	mark_used(buffer);
	*out = buffer;
	return OK;
}

/* Block's contents, from the cache or the disk. OK with *out, or -EIO. */
int block_get(uint32_t block, struct buffer **out)
{
	return find_buffer(block, true, out);
}

/* A buffer for block full of zeros (a freshly allocated zone): no read. */
int block_get_zeroed(uint32_t block, struct buffer **out)
{
	return find_buffer(block, false, out);
}

/* The caller changed buffer's data: it must reach the disk some day. */
void block_dirty(struct buffer *buffer)
{
	buffer->dirty = true;
}

/* Write every dirty buffer to the disk. Returns OK or -EIO. */
int cache_sync(void)
{
	int result = OK;

	for (int i = 0; i < CACHE_BUFFERS; i++)
		if (write_back(&buffers[i]) != OK)
			result = -EIO;
	return result;
}

/* FS_SYNC: write every dirty block. */
int do_sync(struct process *caller, message *m)
{
	(void) caller;
	(void) m;
	return cache_sync();
}
