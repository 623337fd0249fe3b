/*
 * attributes.c - the calls that change what an inode holds, found by
 * path: chmod (its permission bits) and truncate (its length).
 *
 * Entry points: do_chmod, do_truncate.
 */

#include "fs.h"

/* FS_CHMOD: fs_path (path, mode): the permission bits only. */
int do_chmod(struct process *caller, message *m)
{
	struct inode *inode;

	int result = path_lookup_request(caller, m, &inode);
	if (result != OK)
		return result;
	inode->disk.mode = (inode->disk.mode & S_IFMT) | (m->payload.fs_path.mode & 07777);
	inode->disk.ctime = now();
	result = inode_update(inode);
	inode_put(inode);
	return result;
}

/* FS_TRUNCATE: fs_path (path, flags = the new length). */
int do_truncate(struct process *caller, message *m)
{
	struct inode *inode;
	int32_t length = m->payload.fs_path.flags;

	if (length < 0)
		return -EINVAL;
	int result = path_lookup_request(caller, m, &inode);
	if (result != OK)
		return result;
	if (S_ISDIR(inode->disk.mode))
		result = -EISDIR;
	else if (!S_ISREG(inode->disk.mode))
		result = -EINVAL;
	else
		result = inode_truncate(inode, length);
	inode_put(inode);
	return result;
}
