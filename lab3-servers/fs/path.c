/*
 * path.c - path names: copy one from a caller, and walk it component by
 * component from "/" (absolute) or the caller's working directory
 * (relative). "." and ".." are ordinary entries of every directory, so
 * they need no special case ("/.." is "/": the root's ".." is itself).
 *
 * Entry points: path_fetch, path_lookup, path_lookup_request, path_parent.
 */

#include "fs.h"

/*
 * Copy the path of length bytes at address in owner's memory into path
 * (PATH_MAX + 1 bytes), NUL-terminated. Returns OK, -ENOENT (empty),
 * -ENAMETOOLONG or -EFAULT.
 */
int path_fetch(endpoint_t owner, uint32_t address, uint32_t length, char *path)
{
	if (length == 0)
		return -ENOENT;
	if (length > PATH_MAX)
		return -ENAMETOOLONG;
	if (copy_from_user(owner, path, address, length) != OK)
		return -EFAULT;
	path[length] = '\0';
	if (path[0] == '\0')
		return -ENOENT;
	return OK;
}

/* Length of the component starting at path (up to a '/' or the end). */
static int component_length(const char *path)
{
	int length = 0;
	while (path[length] != '\0' && path[length] != '/')
		length++;
	return length;
}

/*
 * Walk path for process. With want_parent, stop before the last
 * component: *out is the directory that should hold it and name/length
 * the component (length 0 for "/"). Otherwise *out is the inode the whole
 * path names. Returns OK (*out held) or -ENOENT, -ENOTDIR, -ENAMETOOLONG,
 * -EIO.
 */
static int walk(struct process *process, const char *path, bool want_parent,
		struct inode **out, char *name, int *length)
{
	struct inode *current = (path[0] == '/') ? root_inode : process->cwd;

	inode_hold(current);
	if (want_parent)
		*length = 0;
	for (;;) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			break;
		int component = component_length(path);
		const char *rest = path + component;
		while (*rest == '/')
			rest++;
		if (component > NAME_MAX) {
			inode_put(current);
			return -ENAMETOOLONG;
		}
		if (!S_ISDIR(current->disk.mode)) {
			inode_put(current);
			return -ENOTDIR;
		}
		if (want_parent && *rest == '\0') {
			memcpy(name, path, component);
			name[component] = '\0';
			*length = component;
			break;
		}
		int number = dir_lookup(current, path, component);
		struct inode *next = NULL;
		if (number >= 0)
			number = inode_get(number, &next);
		inode_put(current);
		if (number < 0)
			return number;
		current = next;
		path = rest;
	}
	*out = current;
	return OK;
}

/*
 * The inode that path names, held (inode_put it). OK or -error; a path
 * ending in '/' must name a directory ("file/" is ENOTDIR, as in POSIX).
 */
int path_lookup(struct process *process, const char *path, struct inode **out)
{
	size_t length = strlen(path);
	int result = walk(process, path, false, out, NULL, NULL);

	if (result == OK && length > 0 && path[length - 1] == '/' &&
	    !S_ISDIR((*out)->disk.mode)) {
		inode_put(*out);
		return -ENOTDIR;
	}
	return result;
}

/*
 * The directory that holds path's last component, held, and that
 * component in name (NAME_MAX + 1 bytes) and *length (0 when path is
 * "/"). OK or -error.
 */
int path_parent(struct process *process, const char *path, struct inode **dir,
		char *name, int *length)
{
	return walk(process, path, true, dir, name, length);
}

/* The inode named by the path of m's fs_path payload, held; for the
 * calls that take just a path (chmod, truncate, chdir). */
int path_lookup_request(struct process *caller, message *m, struct inode **out)
{
	struct fs_path *request = &m->payload.fs_path;
	char path[PATH_MAX + 1];

	int result = path_fetch(m->source, request->path, request->path_length, path);
	if (result != OK)
		return result;
	return path_lookup(caller, path, out);
}
