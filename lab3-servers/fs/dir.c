/*
 * dir.c - directories. A directory is a file of 64-byte entries (struct
 * disk_dirent): an inode number (0: a free entry) and a name of up to 60
 * bytes. Its first two entries are "." (itself) and ".." (its parent).
 * The size is a multiple of 64; free entries are reused before the
 * directory grows.
 *
 * Entry points: dir_lookup, dir_add, dir_remove, dir_set, dir_is_empty,
 * dir_name_of, dir_make, dir_read_entry.
 */

#include "fs.h"

/* Does entry hold exactly the name of length bytes (not NUL-terminated)? */
static bool name_matches(const struct disk_dirent *entry, const char *name, int length)
{
	if (length > NAME_MAX || memcmp(entry->name, name, length) != 0)
		return false;
	return length == NAME_MAX || entry->name[length] == '\0';
}

/*
 * Block index of directory dir, for reading its entries: *out gets its
 * buffer, and the result is how many of dir's entries it holds (0 for a
 * hole or past the end, when *out is left alone), or -EIO.
 */
static int dir_block(struct inode *dir, uint32_t index, struct buffer **out)
{
	uint32_t start = index * BLOCK_SIZE;

	if (start >= dir->disk.size)
		return 0;
	int zone = read_map(dir, index);
	if (zone <= 0)
		return zone;	/* a hole holds no entries; or -EIO */
	if (block_get(zone, out) != OK)
		return -EIO;
	uint32_t bytes = MIN(dir->disk.size - start, (uint32_t) BLOCK_SIZE);
	return bytes / sizeof(struct disk_dirent);
}

/*
 * Search directory dir for the entry called name (length bytes, not
 * NUL-terminated). Returns its inode number, -ENOENT when there is none,
 * or -EIO when a block of the directory cannot be read.
 */
int dir_lookup(struct inode *dir, const char *name, int length)
{
	/* LAB 3: your code here.
	 * Hint: for each block index of the directory (size / BLOCK_SIZE,
	 * rounded up), dir_block() gives its buffer and how many entries it
	 * holds (or -EIO). View buffer->data as struct disk_dirent[]; an
	 * entry matches when its inode is not 0 and name_matches(). */
	return fs_panic("LAB 3: dir_lookup() is not written yet");
}

/* Where an entry lies: the zone holding it and its index there. */
struct entry_place {
	uint32_t zone;
	uint32_t slot;
};

/* What find_entry looks for. */
enum entry_wanted { BY_NAME, BY_INODE, FREE_ENTRY };

/*
 * Find an entry of dir: by name (BY_NAME), by inode number other than
 * "." and ".." (BY_INODE), or a free one (FREE_ENTRY). OK with *place
 * and a copy in *found, -ENOENT, or -EIO.
 */
static int find_entry(struct inode *dir, enum entry_wanted wanted, const char *name,
		      int length, uint32_t number, struct entry_place *place,
		      struct disk_dirent *found)
{
	uint32_t blocks = (dir->disk.size + BLOCK_SIZE - 1) / BLOCK_SIZE;

	for (uint32_t index = 0; index < blocks; index++) {
		struct buffer *buffer;
		int count = dir_block(dir, index, &buffer);
		if (count < 0)
			return count;
		struct disk_dirent *entries = (struct disk_dirent *) buffer->data;
		for (int i = 0; i < count; i++) {
			struct disk_dirent *entry = &entries[i];
			bool match;
			if (wanted == FREE_ENTRY)
				match = (entry->inode == 0);
			else if (wanted == BY_NAME)
				match = entry->inode != 0 && name_matches(entry, name, length);
			else
				match = entry->inode == number && !name_matches(entry, ".", 1) &&
					!name_matches(entry, "..", 2);
			if (match) {
				place->zone = buffer->block;
				place->slot = i;
				if (found != NULL)
					*found = *entry;
				return OK;
			}
		}
	}
	return -ENOENT;
}

/* Write entry (number, name) at place. OK or -EIO. */
static int write_entry(const struct entry_place *place, const char *name, int length,
		       uint32_t number)
{
	struct buffer *buffer;

	if (block_get(place->zone, &buffer) != OK)
		return -EIO;
	struct disk_dirent *entry = (struct disk_dirent *) buffer->data + place->slot;
	memset(entry, 0, sizeof(*entry));
	entry->inode = number;
	memcpy(entry->name, name, length);
	block_dirty(buffer);
	return OK;
}

/*
 * Add the entry name -> number to dir, in a free entry or at its end.
 * The caller has checked that name is not there yet. Returns OK,
 * -ENAMETOOLONG, -EFBIG, -ENOSPC or -EIO.
 */
int dir_add(struct inode *dir, const char *name, int length, uint32_t number)
{
	struct entry_place place;

	if (length > NAME_MAX)
		return -ENAMETOOLONG;
	int result = find_entry(dir, FREE_ENTRY, NULL, 0, 0, &place, NULL);
	if (result == -ENOENT) {
		/* No free entry: grow the directory by one. */
		uint32_t position = dir->disk.size;
		int zone = write_map(dir, position / BLOCK_SIZE);
		if (zone < 0)
			return zone;
		place.zone = zone;
		place.slot = (position % BLOCK_SIZE) / sizeof(struct disk_dirent);
		dir->disk.size += sizeof(struct disk_dirent);
	} else if (result != OK) {
		return result;
	}
	if (write_entry(&place, name, length, number) != OK)
		return -EIO;
	dir->disk.mtime = dir->disk.ctime = now();
	return inode_update(dir);
}

/* Free the entry called name in dir. OK, -ENOENT or -EIO. */
int dir_remove(struct inode *dir, const char *name, int length)
{
	struct entry_place place;

	int result = find_entry(dir, BY_NAME, name, length, 0, &place, NULL);
	if (result != OK)
		return result;
	if (write_entry(&place, "", 0, 0) != OK)
		return -EIO;
	dir->disk.mtime = dir->disk.ctime = now();
	return inode_update(dir);
}

/* Make the entry called name in dir point at number. OK, -ENOENT, -EIO. */
int dir_set(struct inode *dir, const char *name, int length, uint32_t number)
{
	struct entry_place place;

	int result = find_entry(dir, BY_NAME, name, length, 0, &place, NULL);
	if (result != OK)
		return result;
	return write_entry(&place, name, length, number);
}

/* 1 if dir holds nothing but "." and "..", 0 if it does, or -EIO. */
int dir_is_empty(struct inode *dir)
{
	struct disk_dirent entry;
	uint32_t position;

	for (position = 0; position < dir->disk.size; position += sizeof(entry)) {
		int result = dir_read_entry(dir, position, &entry);
		if (result != OK)
			return result;
		if (entry.inode != 0 && !name_matches(&entry, ".", 1) &&
		    !name_matches(&entry, "..", 2))
			return 0;
	}
	return 1;
}

/*
 * The name under which dir lists inode number (not "." or ".."), copied
 * NUL-terminated into name (NAME_MAX + 1 bytes). OK, -ENOENT or -EIO.
 */
int dir_name_of(struct inode *dir, uint32_t number, char *name)
{
	struct entry_place place;
	struct disk_dirent entry;

	int result = find_entry(dir, BY_INODE, NULL, 0, number, &place, &entry);
	if (result != OK)
		return result;
	memcpy(name, entry.name, NAME_MAX);
	name[NAME_MAX] = '\0';
	return OK;
}

/*
 * Fill the new, empty directory dir with "." and ".." (parent). Returns
 * OK, -ENOSPC or -EIO.
 */
int dir_make(struct inode *dir, uint32_t parent)
{
	int result = dir_add(dir, ".", 1, dir->number);
	if (result == OK)
		result = dir_add(dir, "..", 2, parent);
	return result;
}

/*
 * The entry at byte position (a multiple of 64) of dir into *entry; a
 * hole gives a free entry. OK or -EIO.
 */
int dir_read_entry(struct inode *dir, uint32_t position, struct disk_dirent *entry)
{
	struct buffer *buffer;

	int count = dir_block(dir, position / BLOCK_SIZE, &buffer);
	if (count < 0)
		return count;
	uint32_t slot = (position % BLOCK_SIZE) / sizeof(*entry);
	if ((int) slot >= count) {
		memset(entry, 0, sizeof(*entry));
		return OK;
	}
	*entry = ((struct disk_dirent *) buffer->data)[slot];
	return OK;
}
