/*
 * link.c - the calls that make, remove and change names: mkdir, mknod,
 * rmdir, unlink, link, rename. (attributes.c changes what an inode holds,
 * context.c a process's working directory and umask.)
 *
 * Link counts: a file has one link per directory entry naming it; a
 * directory has two (its entry in the parent and its own ".") plus one
 * per subdirectory (whose ".." names it).
 *
 * Entry points: the do_* handlers of those calls.
 */

#include "fs.h"

/* A path fetched from the caller and split at its last component. */
struct parent_and_name {
	struct inode *dir;	/* held */
	char name[NAME_MAX + 1];
	int length;
};

/* Fetch the path at (address, length) of m's sender and split it. */
static int fetch_parent(struct process *caller, endpoint_t source, uint32_t address,
			uint32_t length, struct parent_and_name *where)
{
	char path[PATH_MAX + 1];

	int result = path_fetch(source, address, length, path);
	if (result != OK)
		return result;
	return path_parent(caller, path, &where->dir, where->name, &where->length);
}

/* Is the name "." or ".."? */
static bool is_dot_or_dotdot(const char *name, int length)
{
	return (length == 1 && name[0] == '.') ||
	       (length == 2 && name[0] == '.' && name[1] == '.');
}

/* The inode named name in dir, held; -ENOENT, -EIO ... */
static int child_of(struct inode *dir, const char *name, int length, struct inode **out)
{
	int number = dir_lookup(dir, name, length);
	if (number < 0)
		return number;
	return inode_get(number, out);
}

/*
 * Make a new inode of mode (type | permissions) with the entry name in
 * where->dir; directories get "." and "..". Returns OK or -error.
 */
static int make_node(struct parent_and_name *where, uint16_t mode, uint32_t device)
{
	struct inode *dir = where->dir, *inode;

	if (where->length == 0)
		return -EEXIST;		/* "/" */
	int number = dir_lookup(dir, where->name, where->length);
	if (number >= 0)
		return -EEXIST;
	if (number != -ENOENT)
		return number;
	if (S_ISDIR(mode) && dir->disk.links >= LINK_MAX)
		return -EMLINK;
	int result = inode_new(mode, &inode);
	if (result != OK)
		return result;
	inode->disk.links = 1;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->disk.zone[0] = device;
	if (S_ISDIR(mode)) {
		result = dir_make(inode, dir->number);
		inode->disk.links = 2;
	}
	if (result == OK)
		result = dir_add(dir, where->name, where->length, inode->number);
	if (result == OK && S_ISDIR(mode)) {
		dir->disk.links++;
		inode_update(dir);
	}
	if (result != OK)
		inode->disk.links = 0;	/* inode_put frees it */
	inode_update(inode);
	inode_put(inode);
	return result;
}

/* FS_MKDIR: fs_path (path, mode). */
int do_mkdir(struct process *caller, message *m)
{
	struct fs_path *request = &m->payload.fs_path;
	struct parent_and_name where;

	int result = fetch_parent(caller, m->source, request->path, request->path_length,
				  &where);
	if (result != OK)
		return result;
	result = make_node(&where, S_IFDIR | (request->mode & 07777 & ~caller->umask), 0);
	inode_put(where.dir);
	return result;
}

/* FS_MKNOD: fs_path (path, mode with its type, device). */
int do_mknod(struct process *caller, message *m)
{
	struct fs_path *request = &m->payload.fs_path;
	struct parent_and_name where;
	uint16_t type = request->mode & S_IFMT;

	if (type == 0)
		type = S_IFREG;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO)
		return -EINVAL;
	int result = fetch_parent(caller, m->source, request->path, request->path_length,
				  &where);
	if (result != OK)
		return result;
	result = make_node(&where, type | (request->mode & 07777 & ~caller->umask),
			   request->device);
	inode_put(where.dir);
	return result;
}

/*
 * Remove the entry where->name, an empty directory (rmdir) or anything
 * else (unlink), and drop the links it held.
 */
static int remove_entry(struct parent_and_name *where, bool directory)
{
	struct inode *dir = where->dir, *inode;

	if (where->length == 0)
		return directory ? -EBUSY : -EISDIR;	/* "/" */
	if (is_dot_or_dotdot(where->name, where->length))
		return directory ? (where->length == 1 ? -EINVAL : -ENOTEMPTY) : -EISDIR;
	int result = child_of(dir, where->name, where->length, &inode);
	if (result != OK)
		return result;
	if (directory && !S_ISDIR(inode->disk.mode))
		result = -ENOTDIR;
	else if (!directory && S_ISDIR(inode->disk.mode))
		result = -EISDIR;
	else if (inode == root_inode)
		result = -EBUSY;
	else if (directory)
		result = dir_is_empty(inode) == 1 ? OK : -ENOTEMPTY;
	if (result == OK)
		result = dir_remove(dir, where->name, where->length);
	if (result == OK) {
		if (directory) {
			inode->disk.links = 0;
			dir->disk.links--;
			inode_update(dir);
		} else {
			inode->disk.links--;
		}
		inode->disk.ctime = now();
		inode_update(inode);
	}
	inode_put(inode);
	return result;
}

/* FS_RMDIR (directory) and FS_UNLINK: fs_path (path). */
static int do_remove(struct process *caller, message *m, bool directory)
{
	struct fs_path *request = &m->payload.fs_path;
	struct parent_and_name where;

	int result = fetch_parent(caller, m->source, request->path, request->path_length,
				  &where);
	if (result != OK)
		return result;
	result = remove_entry(&where, directory);
	inode_put(where.dir);
	return result;
}

/* FS_RMDIR: fs_path (an empty directory). */
int do_rmdir(struct process *caller, message *m)
{
	return do_remove(caller, m, true);
}

/* FS_UNLINK: fs_path (anything but a directory). */
int do_unlink(struct process *caller, message *m)
{
	return do_remove(caller, m, false);
}

/* FS_LINK: fs_path2 (existing path, new path). */
int do_link(struct process *caller, message *m)
{
	struct fs_path2 *request = &m->payload.fs_path2;
	char path[PATH_MAX + 1];
	struct parent_and_name where;
	struct inode *inode;

	int result = path_fetch(m->source, request->path, request->path_length, path);
	if (result == OK)
		result = path_lookup(caller, path, &inode);
	if (result != OK)
		return result;
	if (S_ISDIR(inode->disk.mode))
		result = -EPERM;
	else if (inode->disk.links >= LINK_MAX)
		result = -EMLINK;
	else
		result = fetch_parent(caller, m->source, request->path2,
				      request->path2_length, &where);
	if (result == OK) {
		if (where.length == 0)
			result = -EEXIST;
		else if (dir_lookup(where.dir, where.name, where.length) >= 0)
			result = -EEXIST;
		else
			result = dir_add(where.dir, where.name, where.length, inode->number);
		if (result == OK) {
			inode->disk.links++;
			inode->disk.ctime = now();
			inode_update(inode);
		}
		inode_put(where.dir);
	}
	inode_put(inode);
	return result;
}

/*
 * Is directory ancestor on the way from dir up to "/" (dir included)?
 * 1 if so, 0 if not, or -EIO.
 */
static int is_ancestor(struct inode *ancestor, struct inode *dir)
{
	struct inode *current = dir;

	inode_hold(current);
	for (;;) {
		if (current == ancestor) {
			inode_put(current);
			return 1;
		}
		if (current == root_inode) {
			inode_put(current);
			return 0;
		}
		struct inode *parent;
		int result = child_of(current, "..", 2, &parent);
		inode_put(current);
		if (result != OK)
			return -EIO;
		current = parent;
	}
}

/*
 * rename's work, with both paths split and the source inode held:
 * replace any target, enter the new name, remove the old one, and for a
 * directory moved elsewhere, point its ".." at the new parent.
 */
static int move(struct parent_and_name *from, struct parent_and_name *to,
		struct inode *inode)
{
	bool directory = S_ISDIR(inode->disk.mode);
	struct inode *target = NULL;

	if (directory && from->dir != to->dir) {
		int inside = is_ancestor(inode, to->dir);
		if (inside != 0)
			return inside < 0 ? inside : -EINVAL;
	}
	int result = child_of(to->dir, to->name, to->length, &target);
	if (result == OK) {
		if (target == inode) {
			inode_put(target);
			return OK;	/* two names of one file: nothing to do */
		}
		if (directory && !S_ISDIR(target->disk.mode))
			result = -ENOTDIR;
		else if (!directory && S_ISDIR(target->disk.mode))
			result = -EISDIR;
		else if (directory && dir_is_empty(target) != 1)
			result = -ENOTEMPTY;
		if (result == OK)
			result = dir_set(to->dir, to->name, to->length, inode->number);
		if (result == OK) {
			if (directory) {
				target->disk.links = 0;
				to->dir->disk.links--;	/* target's ".." is gone */
			} else {
				target->disk.links--;
			}
			inode_update(target);
		}
		inode_put(target);
	} else if (result == -ENOENT) {
		result = dir_add(to->dir, to->name, to->length, inode->number);
	}
	if (result != OK)
		return result;

	result = dir_remove(from->dir, from->name, from->length);
	if (result == OK && directory && from->dir != to->dir) {
		result = dir_set(inode, "..", 2, to->dir->number);
		from->dir->disk.links--;
		to->dir->disk.links++;
	}
	inode_update(from->dir);
	inode_update(to->dir);
	inode->disk.ctime = now();
	inode_update(inode);
	return result;
}

/* FS_RENAME: fs_path2 (old path, new path), within the file system. */
int do_rename(struct process *caller, message *m)
{
	struct fs_path2 *request = &m->payload.fs_path2;
	struct parent_and_name from, to;
	struct inode *inode;

	int result = fetch_parent(caller, m->source, request->path, request->path_length,
				  &from);
	if (result != OK)
		return result;
	result = fetch_parent(caller, m->source, request->path2, request->path2_length, &to);
	if (result != OK) {
		inode_put(from.dir);
		return result;
	}
	if (from.length == 0 || to.length == 0)
		result = -EBUSY;	/* "/" */
	else if (is_dot_or_dotdot(from.name, from.length) ||
		 is_dot_or_dotdot(to.name, to.length))
		result = -EINVAL;
	else
		result = child_of(from.dir, from.name, from.length, &inode);
	if (result == OK) {
		result = move(&from, &to, inode);
		inode_put(inode);
	}
	inode_put(from.dir);
	inode_put(to.dir);
	return result;
}
