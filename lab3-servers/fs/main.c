/*
 * main.c - the file-system server: startup and the request loop.
 *
 * FS serves the FS_* requests of servers.h over the MINIX v3 file system
 * on the RAM disk. It learns the memory driver's endpoint from the data
 * store, mounts the root, then receives requests forever: each is handled
 * by one function of the table below and answered with ipc_sendnb, unless
 * the handler returned NO_REPLY (the caller waits on a pipe or a device and
 * is answered later). Notifications come from DS (a driver moved) and from
 * drivers (a suspended request finished).
 *
 * Entry points: main, fs_startup, fs_handle, fs_panic, reply_to.
 */

#include "fs.h"

bool fs_broken;
struct inode *root_inode;

/* One request type: its handler, and whether only PM may send it. */
struct request_kind {
	int (*handler)(struct process *caller, message *m);
	bool from_pm_only;
};

static const struct request_kind request_kinds[] = {
	[FS_OPEN - FS_BASE] = { do_open, false },
	[FS_CLOSE - FS_BASE] = { do_close, false },
	[FS_READ - FS_BASE] = { do_read, false },
	[FS_WRITE - FS_BASE] = { do_write, false },
	[FS_LSEEK - FS_BASE] = { do_lseek, false },
	[FS_STAT - FS_BASE] = { do_stat, false },
	[FS_FSTAT - FS_BASE] = { do_fstat, false },
	[FS_MKDIR - FS_BASE] = { do_mkdir, false },
	[FS_RMDIR - FS_BASE] = { do_rmdir, false },
	[FS_UNLINK - FS_BASE] = { do_unlink, false },
	[FS_LINK - FS_BASE] = { do_link, false },
	[FS_RENAME - FS_BASE] = { do_rename, false },
	[FS_CHDIR - FS_BASE] = { do_chdir, false },
	[FS_GETCWD - FS_BASE] = { do_getcwd, false },
	[FS_DUP - FS_BASE] = { do_dup, false },
	[FS_DUP2 - FS_BASE] = { do_dup2, false },
	[FS_PIPE - FS_BASE] = { do_pipe, false },
	[FS_GETDENTS - FS_BASE] = { do_getdents, false },
	[FS_SYNC - FS_BASE] = { do_sync, false },
	[FS_UMASK - FS_BASE] = { do_umask, false },
	[FS_CHMOD - FS_BASE] = { do_chmod, false },
	[FS_FCNTL - FS_BASE] = { do_fcntl, false },
	[FS_MKNOD - FS_BASE] = { do_mknod, false },
	[FS_TRUNCATE - FS_BASE] = { do_truncate, false },
	[FS_PM_FORK - FS_BASE] = { do_pm_fork, true },
	[FS_PM_EXIT - FS_BASE] = { do_pm_exit, true },
	[FS_PM_EXEC - FS_BASE] = { do_pm_exec, true },
	[FS_PM_EXECDONE - FS_BASE] = { do_pm_execdone, true },
	[FS_PM_CANCEL - FS_BASE] = { do_pm_cancel, true },
	[FS_PM_START - FS_BASE] = { do_pm_start, true },
};

/*
 * Something FS cannot go on from (or a piece a student has not written
 * yet): say so, and answer every later request with EIO instead of
 * crashing. Returns -EIO, for the caller to pass on.
 */
int fs_panic(const char *why)
{
	uprintf("fs: panic: %s\n", why);
	fs_broken = true;
	return -EIO;
}

/* Answer endpoint with result (the reply's type) and reply's payload. */
void reply_to(endpoint_t endpoint, int result, message *reply)
{
	reply->type = result;
	ipc_sendnb(endpoint, reply);	/* a caller no longer waiting is dropped */
}

/* A notification: from DS (a driver's endpoint changed) or a driver. */
static void handle_notification(message *m)
{
	int major = driver_major(m->source);

	if (m->source == DS_ENDPOINT)
		ds_notified();
	else if (major >= 0)
		device_notified(major);
	else	/* a request carrying this type (a user's SENDREC): refuse it */
		reply_to(m->source, -EBADREQUEST, m);
}

/*
 * Handle one message. The request message doubles as the reply: handlers
 * that return values besides the result (FS_PIPE) put them in its payload.
 */
void fs_handle(message *m)
{
	int index = m->type - FS_BASE;
	int result;

	if (m->type == NOTIFY_MESSAGE) {
		handle_notification(m);
		return;
	}
	if (index < 0 || index >= (int) ARRAY_SIZE(request_kinds) ||
	    request_kinds[index].handler == NULL) {
		result = -ENOSYS;
	} else if (request_kinds[index].from_pm_only && m->source != PM_ENDPOINT) {
		result = -EPERM;
	} else if (fs_broken) {
		result = -EIO;
	} else {
		struct process *caller = process_of(m->source);
		if (caller == NULL)
			result = -EINVAL;
		else
			result = request_kinds[index].handler(caller, m);
		if (fs_broken)
			result = -EIO;	/* the handler hit a panic */
	}
	if (result != NO_REPLY)
		reply_to(m->source, result, m);
}

/*
 * Find the memory driver through DS, read the superblock and the root
 * directory. Returns OK, or -EIO when there is no file system to serve
 * (fs_broken is then set and every request will get EIO).
 */
int fs_startup(void)
{
	cache_init();
	if (grants_init() != OK)
		uprintf("fs: the kernel refused the grant table\n");
	drivers_init();
	root_driver_wait();
	if (super_read() != OK) {
		fs_broken = true;
		return -EIO;
	}
	if (inode_get(ROOT_INODE, &root_inode) != OK || !S_ISDIR(root_inode->disk.mode)) {
		uprintf("fs: cannot mount the root file system: no root directory\n");
		fs_broken = true;
		return -EIO;
	}
	uprintf("fs: root file system: %u blocks, %u inodes, %u blocks free\n",
		super.zones, super.inodes, super_free_zones());
	return OK;
}

/* Mount, then serve requests for ever. */
int main(void)
{
	message m;

	fs_startup();
	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		fs_handle(&m);
	}
}
