/*
 * file.c - the calls on file descriptors: open, close, read, write,
 * lseek, fstat and stat, getdents, dup, dup2, fcntl.
 *
 * read and write of regular files and directories go through the block
 * map and the cache here; pipes (pipe.c) and device files (device.c)
 * have their own.
 *
 * Entry points: open_inode and the do_* handlers of those calls.
 */

#include "fs.h"

/* A block of zeros: what a hole in a file reads as. */
static const uint8_t zero_block[BLOCK_SIZE];

/* Is inode a character or block special file? */
static bool is_device(const struct inode *inode)
{
	return S_ISCHR(inode->disk.mode) || S_ISBLK(inode->disk.mode);
}

/*
 * Open inode (whose reference the caller hands over) for process with
 * flags: checks, O_TRUNC, DEV_OPEN for a device, a new open file and a
 * descriptor. Returns the descriptor or -error (the reference is
 * dropped then).
 */
int open_inode(struct process *process, struct inode *inode, int flags)
{
	uint16_t mode = inode->disk.mode;
	int access = flags & O_ACCMODE;
	int result = OK;

	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		result = -ENOTDIR;
	else if (S_ISDIR(mode) && access != O_RDONLY)
		result = -EISDIR;
	else if (S_ISFIFO(mode))
		result = -ENXIO;	/* named pipes are not supported */
	else if ((flags & O_TRUNC) && S_ISREG(mode) && access != O_RDONLY)
		result = inode_truncate(inode, 0);
	else if (is_device(inode))
		result = device_open(inode, flags);
	if (result != OK) {
		inode_put(inode);
		return result;
	}

	struct open_file *file = open_file_new(flags);
	if (file == NULL) {
		if (is_device(inode))
			device_close(inode);
		inode_put(inode);
		return -ENFILE;
	}
	file->inode = inode;
	int fd = fd_install(process, file, 0);
	if (fd < 0)
		open_file_release(file);
	return fd;
}

/*
 * The inode for open(path, O_CREAT ...): the existing one (-EEXIST with
 * O_EXCL) or a new regular file made in its directory. OK with *out held.
 */
static int open_or_create(struct process *caller, const char *path, int flags,
			  uint16_t mode, struct inode **out)
{
	struct inode *dir;
	char name[NAME_MAX + 1];
	int length;

	int result = path_parent(caller, path, &dir, name, &length);
	if (result != OK)
		return result;
	int number = (length == 0) ? (int) dir->number : dir_lookup(dir, name, length);
	if (number >= 0) {
		result = (flags & O_EXCL) ? -EEXIST : inode_get(number, out);
	} else if (number != -ENOENT) {
		result = number;
	} else {
		struct inode *inode;
		result = inode_new(S_IFREG | (mode & 07777 & ~caller->umask), &inode);
		if (result == OK) {
			inode->disk.links = 1;
			result = dir_add(dir, name, length, inode->number);
			if (result != OK)
				inode->disk.links = 0;
			inode_update(inode);
			if (result == OK)
				*out = inode;
			else
				inode_put(inode);
		}
	}
	inode_put(dir);
	return result;
}

/* FS_OPEN: fs_path (path, flags, mode) -> a new descriptor. */
int do_open(struct process *caller, message *m)
{
	struct fs_path *request = &m->payload.fs_path;
	char path[PATH_MAX + 1];
	struct inode *inode;

	int result = path_fetch(m->source, request->path, request->path_length, path);
	if (result != OK)
		return result;
	if (request->flags & O_CREAT)
		result = open_or_create(caller, path, request->flags, request->mode, &inode);
	else
		result = path_lookup(caller, path, &inode);
	if (result != OK)
		return result;
	return open_inode(caller, inode, request->flags);
}

/* FS_CLOSE: fs_fd.fd. */
int do_close(struct process *caller, message *m)
{
	int fd = m->payload.fs_fd.fd;

	if (fd_file(caller, fd) == NULL)
		return -EBADF;
	fd_close(caller, fd);
	return OK;
}

/*
 * Read up to count bytes of a regular file or directory at the open
 * file's offset into buffer in the caller. Returns the bytes read (0 at
 * the end) or -EFAULT, -EIO when nothing could be read.
 */
static int file_read(endpoint_t caller, struct open_file *file, uint32_t buffer,
		     uint32_t count)
{
	struct inode *inode = file->inode;
	uint32_t done = 0;
	int result = OK;

	if (file->offset >= inode->disk.size)
		return 0;
	count = MIN(count, inode->disk.size - file->offset);
	while (done < count) {
		uint32_t within = file->offset % BLOCK_SIZE;
		uint32_t chunk = MIN(BLOCK_SIZE - within, count - done);
		const uint8_t *data = zero_block;
		int zone = read_map(inode, file->offset / BLOCK_SIZE);
		if (zone < 0) {
			result = zone;
			break;
		}
		if (zone > 0) {
			struct buffer *block;
			if (block_get(zone, &block) != OK) {
				result = -EIO;
				break;
			}
			data = block->data + within;
		}
		result = copy_to_user(caller, buffer + done, data, chunk);
		if (result != OK)
			break;
		done += chunk;
		file->offset += chunk;
	}
	return done > 0 ? (int) done : result;
}

/*
 * Write count bytes from buffer in the caller into a regular file at the
 * open file's offset (its end with O_APPEND), growing it as needed.
 * Returns the bytes written, or -error when none were.
 */
static int file_write(endpoint_t caller, struct open_file *file, uint32_t buffer,
		      uint32_t count)
{
	struct inode *inode = file->inode;
	uint32_t done = 0;
	int result = OK;

	if (file->flags & O_APPEND)
		file->offset = inode->disk.size;
	while (done < count) {
		uint32_t within = file->offset % BLOCK_SIZE;
		uint32_t chunk = MIN(BLOCK_SIZE - within, count - done);
		int zone = write_map(inode, file->offset / BLOCK_SIZE);
		if (zone < 0) {
			result = zone;
			break;
		}
		struct buffer *block;
		if (block_get(zone, &block) != OK) {
			result = -EIO;
			break;
		}
		result = copy_from_user(caller, block->data + within, buffer + done, chunk);
		if (result != OK)
			break;
		block_dirty(block);
		done += chunk;
		file->offset += chunk;
		if (file->offset > inode->disk.size)
			inode->disk.size = file->offset;
	}
	if (done > 0) {
		inode->disk.mtime = inode->disk.ctime = now();
		inode_update(inode);
	}
	return done > 0 ? (int) done : result;
}

/* FS_READ: fs_io (fd, buffer, count) -> bytes read, or NO_REPLY. */
int do_read(struct process *caller, message *m)
{
	struct fs_io *request = &m->payload.fs_io;
	struct open_file *file = fd_file(caller, request->fd);

	if (file == NULL || (file->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (request->count == 0)
		return 0;
	if (file->pipe != NULL)
		return pipe_read(caller, file, request->buffer, request->count);
	if (is_device(file->inode))
		return device_read(caller, file, request->buffer, request->count);
	if (S_ISDIR(file->inode->disk.mode))
		return -EISDIR;		/* directories are read with getdents */
	return file_read(m->source, file, request->buffer, request->count);
}

/* FS_WRITE: fs_io (fd, buffer, count) -> bytes written, or NO_REPLY. */
int do_write(struct process *caller, message *m)
{
	struct fs_io *request = &m->payload.fs_io;
	struct open_file *file = fd_file(caller, request->fd);

	if (file == NULL || (file->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (request->count == 0)
		return 0;
	if (file->pipe != NULL)
		return pipe_write(caller, file, request->buffer, request->count);
	if (is_device(file->inode))
		return device_write(caller, file, request->buffer, request->count);
	if (S_ISDIR(file->inode->disk.mode))
		return -EISDIR;
	return file_write(m->source, file, request->buffer, request->count);
}

/* FS_LSEEK: fs_seek (fd, offset, whence) -> the new offset. */
int do_lseek(struct process *caller, message *m)
{
	struct fs_seek *request = &m->payload.fs_seek;
	struct open_file *file = fd_file(caller, request->fd);
	int32_t base;

	if (file == NULL)
		return -EBADF;
	if (file->pipe != NULL)
		return -ESPIPE;
	switch (request->whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = file->offset; break;
	case SEEK_END: base = file->inode->disk.size; break;
	default: return -EINVAL;
	}
	int64_t offset = (int64_t) base + request->offset;
	if (offset < 0 || offset > 0x7FFFFFFF)
		return -EINVAL;
	file->offset = offset;
	return offset;
}

/* Fill *status from inode. */
static void fill_stat(const struct inode *inode, struct stat *status)
{
	memset(status, 0, sizeof(*status));
	status->st_dev = ROOT_DEVICE;
	status->st_ino = inode->number;
	status->st_mode = inode->disk.mode;
	status->st_nlink = inode->disk.links;
	status->st_uid = inode->disk.uid;
	status->st_gid = inode->disk.gid;
	if (is_device(inode))
		status->st_rdev = inode->disk.zone[0];
	status->st_size = inode->disk.size;
	status->st_atime = inode->disk.atime;
	status->st_mtime = inode->disk.mtime;
	status->st_ctime = inode->disk.ctime;
	status->st_blksize = BLOCK_SIZE;
	status->st_blocks = ROUND_UP(inode->disk.size, BLOCK_SIZE) / 512;
}

/* FS_FSTAT: fs_io (fd, buffer: struct stat). */
int do_fstat(struct process *caller, message *m)
{
	struct fs_io *request = &m->payload.fs_io;
	struct open_file *file = fd_file(caller, request->fd);
	struct stat status;

	if (file == NULL)
		return -EBADF;
	if (file->pipe != NULL) {
		memset(&status, 0, sizeof(status));
		status.st_mode = S_IFIFO | 0600;
		status.st_nlink = 1;
		status.st_size = file->pipe->count;
		status.st_blksize = PIPE_SIZE;
	} else {
		fill_stat(file->inode, &status);
	}
	return copy_to_user(m->source, request->buffer, &status, sizeof(status));
}

/* FS_STAT: fs_path (path, buffer: struct stat). */
int do_stat(struct process *caller, message *m)
{
	struct fs_path *request = &m->payload.fs_path;
	char path[PATH_MAX + 1];
	struct inode *inode;
	struct stat status;

	int result = path_fetch(m->source, request->path, request->path_length, path);
	if (result == OK)
		result = path_lookup(caller, path, &inode);
	if (result != OK)
		return result;
	fill_stat(inode, &status);
	inode_put(inode);
	return copy_to_user(m->source, request->buffer, &status, sizeof(status));
}

/* Bytes of a struct dirent record for a name of length bytes. */
static uint32_t record_length(uint32_t length)
{
	return ROUND_UP(offsetof(struct dirent, d_name) + length + 1, 4);
}

/*
 * FS_GETDENTS: fs_io (fd of a directory, buffer, count) -> bytes of
 * struct dirent records put in buffer, 0 at the end, -EINVAL if not even
 * one fits.
 */
int do_getdents(struct process *caller, message *m)
{
	static uint8_t records[2048];
	struct fs_io *request = &m->payload.fs_io;
	struct open_file *file = fd_file(caller, request->fd);
	uint32_t room = MIN(request->count, sizeof(records));
	uint32_t used = 0;
	struct disk_dirent entry;

	if (file == NULL)
		return -EBADF;
	if (file->pipe != NULL || !S_ISDIR(file->inode->disk.mode))
		return -ENOTDIR;
	file->offset = ROUND_DOWN(file->offset, sizeof(entry));
	while (file->offset < file->inode->disk.size) {
		if (dir_read_entry(file->inode, file->offset, &entry) != OK)
			return used > 0 ? (int) used : -EIO;
		uint32_t next = file->offset + sizeof(entry);
		if (entry.inode != 0) {
			uint32_t length = strnlen(entry.name, NAME_MAX);
			uint32_t bytes = record_length(length);
			if (used + bytes > room)
				break;
			struct dirent *record = (struct dirent *) (records + used);
			memset(record, 0, bytes);
			record->d_ino = entry.inode;
			record->d_off = next;
			record->d_reclen = bytes;
			memcpy(record->d_name, entry.name, length);
			used += bytes;
		}
		file->offset = next;
	}
	if (used == 0 && file->offset < file->inode->disk.size)
		return -EINVAL;
	int result = copy_to_user(m->source, request->buffer, records, used);
	return result == OK ? (int) used : result;
}

/* FS_DUP: fs_fd.fd -> the lowest free descriptor, sharing its file. */
int do_dup(struct process *caller, message *m)
{
	struct open_file *file = fd_file(caller, m->payload.fs_fd.fd);

	if (file == NULL)
		return -EBADF;
	int fd = fd_install(caller, file, 0);
	if (fd >= 0)
		file->references++;
	return fd;
}

/* FS_DUP2: fs_fd (fd, fd2) -> fd2, now sharing fd's file. */
int do_dup2(struct process *caller, message *m)
{
	int fd = m->payload.fs_fd.fd, fd2 = m->payload.fs_fd.fd2;
	struct open_file *file = fd_file(caller, fd);

	if (file == NULL || fd2 < 0 || fd2 >= OPEN_MAX)
		return -EBADF;
	if (fd == fd2)
		return fd2;
	fd_close(caller, fd2);
	file->references++;
	return fd_install(caller, file, fd2);
}

/* FS_FCNTL: fs_fd (fd, fd2 = F_*, flags = argument). */
int do_fcntl(struct process *caller, message *m)
{
	int fd = m->payload.fs_fd.fd, argument = m->payload.fs_fd.flags;
	struct open_file *file = fd_file(caller, fd);

	if (file == NULL)
		return -EBADF;
	switch (m->payload.fs_fd.fd2) {
	case F_DUPFD: {
		if (argument < 0 || argument >= OPEN_MAX)
			return -EINVAL;
		int new_fd = fd_install(caller, file, argument);
		if (new_fd >= 0)
			file->references++;
		return new_fd;
	}
	case F_GETFD:
		return caller->close_on_exec[fd] ? FD_CLOEXEC : 0;
	case F_SETFD:
		caller->close_on_exec[fd] = (argument & FD_CLOEXEC) != 0;
		return OK;
	case F_GETFL:
		return file->flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY);
	default:
		return -EINVAL;
	}
}
