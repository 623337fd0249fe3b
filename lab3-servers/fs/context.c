/*
 * context.c - a process's own context in FS: its working directory
 * (chdir, getcwd) and its file-creation mask (umask).
 *
 * Entry points: do_chdir, do_getcwd, do_umask.
 */

#include "fs.h"

/* FS_CHDIR: fs_path (path of a directory). */
int do_chdir(struct process *caller, message *m)
{
	struct inode *inode;

	int result = path_lookup_request(caller, m, &inode);
	if (result != OK)
		return result;
	if (!S_ISDIR(inode->disk.mode)) {
		inode_put(inode);
		return -ENOTDIR;
	}
	inode_put(caller->cwd);
	caller->cwd = inode;
	return OK;
}

/*
 * FS_GETCWD: fs_io (buffer, count) -> length of the working directory's
 * absolute path, put NUL-terminated in buffer (-ERANGE if it does not
 * fit). Found by climbing ".." to "/", looking up each name on the way.
 */
int do_getcwd(struct process *caller, message *m)
{
	struct fs_io *request = &m->payload.fs_io;
	char path[PATH_MAX + 1];
	char name[NAME_MAX + 1];
	int start = PATH_MAX;	/* the path is built backwards from the end */
	struct inode *current = caller->cwd;
	int result = OK;

	path[PATH_MAX] = '\0';
	inode_hold(current);
	while (current != root_inode && result == OK) {
		struct inode *parent;
		int number = dir_lookup(current, "..", 2);
		result = number < 0 ? number : inode_get(number, &parent);
		if (result != OK)
			break;
		result = dir_name_of(parent, current->number, name);
		inode_put(current);
		current = parent;
		if (result != OK)
			break;
		int length = strlen(name);
		if (length + 1 > start) {
			result = -ENAMETOOLONG;
			break;
		}
		start -= length;
		memcpy(path + start, name, length);
		path[--start] = '/';
	}
	inode_put(current);
	if (result != OK)
		return result;
	if (start == PATH_MAX)
		path[--start] = '/';
	int length = PATH_MAX - start;
	if ((uint32_t) length + 1 > request->count)
		return -ERANGE;
	result = copy_to_user(m->source, request->buffer, path + start, length + 1);
	return result == OK ? length : result;
}

/* FS_UMASK: fs_path.mode -> the old mask. */
int do_umask(struct process *caller, message *m)
{
	int old = caller->umask;
	caller->umask = m->payload.fs_path.mode & 0777;
	return old;
}
