/*
 * fs.h - the file-system server's shared declarations: the on-disk format
 * of a MINIX file system v3 (1 KiB blocks), and FS's in-memory tables
 * (block cache, inodes, open files, processes, pipes, devices).
 *
 * The disk, block by block:
 *   0                boot block (unused)
 *   1                superblock
 *   2 ...            inode bitmap (imap_blocks), then zone bitmap
 *                    (zmap_blocks)
 *   then             the inode table: 16 inodes of 64 bytes per block
 *   first_data_zone  the data zones, up to zones - 1
 * Bit 0 of each bitmap is always set and names nothing: inode bit i is
 * inode i, zone bit i is zone first_data_zone + i - 1. Inode 1 is "/".
 */
#ifndef CAIRN_FS_H
#define CAIRN_FS_H

#include "syslib.h"

/* ---- on-disk format ---- */
#define BLOCK_SIZE       1024
#define SUPER_MAGIC_V3   0x4d5a
#define SUPER_BLOCK      1	/* the superblock is block 1 */
#define ROOT_INODE       1
#define BITS_PER_BLOCK   (BLOCK_SIZE * 8)
#define DIRECT_ZONES     7	/* zone[0..6] */
#define INDIRECT_ZONE    7	/* zone[7]: a block of zone numbers */
#define DOUBLE_ZONE      8	/* zone[8]: a block of indirect blocks */
#define ZONE_SLOTS       10	/* zone[9] (triple indirect) is never used */
#define ZONES_PER_BLOCK  (BLOCK_SIZE / 4)	/* 32-bit zone numbers */
#define MAX_FILE_BLOCKS  (DIRECT_ZONES + ZONES_PER_BLOCK + \
			  ZONES_PER_BLOCK * ZONES_PER_BLOCK)
#define LINK_MAX         0xFFFF

/* The superblock as it lies on the disk (at byte 1024). */
struct disk_super {
	uint32_t inodes;
	uint16_t pad0;
	uint16_t imap_blocks;
	uint16_t zmap_blocks;
	uint16_t first_data_zone;
	uint16_t log_zone_size;	/* must be 0: a zone is one block */
	uint16_t pad1;
	uint32_t max_size;
	uint32_t zones;		/* blocks on the device, data zones included */
	uint16_t magic;
	uint16_t pad2;
	uint16_t block_size;
	uint8_t disk_version;
} __attribute__((packed));

/* An inode as it lies in the inode table. */
struct disk_inode {
	uint16_t mode;		/* S_IF* type and permission bits */
	uint16_t links;
	uint16_t uid;
	uint16_t gid;
	uint32_t size;
	uint32_t atime;
	uint32_t mtime;
	uint32_t ctime;
	uint32_t zone[ZONE_SLOTS];	/* device files: zone[0] is the dev_t */
};
_Static_assert(sizeof(struct disk_inode) == 64, "a v3 inode is 64 bytes");
#define INODES_PER_BLOCK (BLOCK_SIZE / sizeof(struct disk_inode))

/* A directory entry: 4-byte inode number (0: free) and a 60-byte name,
 * NUL-padded (not terminated when it is 60 bytes long). */
struct disk_dirent {
	uint32_t inode;
	char name[NAME_MAX];
};
_Static_assert(sizeof(struct disk_dirent) == 64, "a v3 entry is 64 bytes");
#define DIRENTS_PER_BLOCK (BLOCK_SIZE / sizeof(struct disk_dirent))

/* ---- main.c ---- */
extern bool fs_broken;		/* set by fs_panic or a bad superblock */
/* Print "fs: panic: why", serve every later request with EIO; returns -EIO. */
int fs_panic(const char *why);
/* Send reply to endpoint without blocking (a caller that gave up is dropped). */
void reply_to(endpoint_t endpoint, int result, message *reply);
/* One request or notification: do it and reply unless it suspended. */
void fs_handle(message *m);
/* Startup: find the memory driver, mount the root; OK or an error. */
int fs_startup(void);

/* ---- cache.c: the block cache ---- */
struct buffer {
	uint32_t block;		/* which disk block the data holds */
	bool valid;		/* data holds the block */
	bool dirty;		/* data differs from the disk */
	struct buffer *newer, *older;	/* the LRU list */
	uint8_t data[BLOCK_SIZE];
};
/*
 * A buffer returned by block_get/block_get_zeroed stays valid until the
 * next call to either: use it (and block_dirty it) before fetching
 * another block.
 */
void cache_init(void);
int block_get(uint32_t block, struct buffer **out);
int block_get_zeroed(uint32_t block, struct buffer **out);
void block_dirty(struct buffer *buffer);
int cache_sync(void);
/* Read or write one block straight through the driver. */
int disk_transfer(int request, uint32_t block, void *data);

/* ---- super.c ---- */
struct super_info {
	uint32_t inodes;	/* inode numbers are 1 .. inodes */
	uint32_t zones;		/* zone numbers are first_data_zone .. zones-1 */
	uint32_t imap_start;	/* first block of the inode bitmap */
	uint32_t imap_blocks;
	uint32_t zmap_start;
	uint32_t zmap_blocks;
	uint32_t inode_table;	/* first block of the inode table */
	uint32_t first_data_zone;
};
extern struct super_info super;
extern struct inode *root_inode;	/* "/", held from mount on */
int super_read(void);
uint32_t super_free_zones(void);

/* ---- alloc.c ---- */
int alloc_inode(void);
void free_inode(uint32_t number);
int alloc_zone(void);
void free_zone(uint32_t zone);
int bitmap_count_free(uint32_t start, uint32_t blocks, uint32_t bits);

/* ---- inode.c ---- */
struct inode {
	uint32_t number;	/* 0: this slot is free */
	int references;		/* open files, cwds and lookups in progress */
	struct disk_inode disk;	/* the on-disk copy */
};
int inode_get(uint32_t number, struct inode **out);
void inode_hold(struct inode *inode);
void inode_put(struct inode *inode);
int inode_update(struct inode *inode);
int inode_new(uint16_t mode, struct inode **out);
int inode_truncate(struct inode *inode, uint32_t size);
bool zone_in_range(uint32_t zone);
uint32_t now(void);

/* ---- bmap.c ---- */
int read_map(struct inode *inode, uint32_t index);
int write_map(struct inode *inode, uint32_t index);
int clear_map(struct inode *inode, uint32_t index);
void free_indirect_blocks(struct inode *inode, uint32_t first_unused);

/* ---- dir.c ---- */
int dir_lookup(struct inode *dir, const char *name, int length);
int dir_add(struct inode *dir, const char *name, int length, uint32_t number);
int dir_remove(struct inode *dir, const char *name, int length);
int dir_set(struct inode *dir, const char *name, int length, uint32_t number);
int dir_is_empty(struct inode *dir);
int dir_name_of(struct inode *dir, uint32_t number, char *name);
int dir_make(struct inode *dir, uint32_t parent);
int dir_read_entry(struct inode *dir, uint32_t position, struct disk_dirent *entry);

/* ---- path.c ---- */
struct process;
int path_fetch(endpoint_t owner, uint32_t address, uint32_t length, char *path);
int path_lookup(struct process *process, const char *path, struct inode **out);
int path_parent(struct process *process, const char *path, struct inode **dir,
		char *name, int *length);
int path_lookup_request(struct process *caller, message *m, struct inode **out);

/* ---- pipe.c ---- */
#define PIPE_SIZE 4096
struct pipe {
	bool in_use;
	uint8_t data[PIPE_SIZE];
	uint32_t start;		/* index of the oldest byte */
	uint32_t count;		/* bytes in data */
	int readers;		/* open files on each end */
	int writers;
};

/* ---- process.c: processes and open files; the handlers of file.c,
 * link.c, attributes.c, context.c, cache.c, pipe.c and pm.c ---- */
struct open_file {
	int references;		/* descriptors pointing here (0: free) */
	int flags;		/* O_* given to open */
	uint32_t offset;
	struct inode *inode;	/* NULL for a pipe */
	struct pipe *pipe;	/* NULL unless a pipe */
};

/* Why a process is waiting for FS (no reply yet). */
enum suspension {
	NOT_SUSPENDED,
	SUSPENDED_PIPE_READ,
	SUSPENDED_PIPE_WRITE,
	SUSPENDED_DEVICE_READ,
	SUSPENDED_DEVICE_WRITE,
};

struct process {		/* one per process slot (PROCESS_SLOTS, ipc.h) */
	bool in_use;
	endpoint_t endpoint;
	struct open_file *fd[OPEN_MAX];
	bool close_on_exec[OPEN_MAX];
	struct inode *cwd;
	uint16_t umask;
	/* The call FS has not answered yet. */
	enum suspension suspended;
	struct open_file *suspended_file;
	uint32_t suspended_buffer;	/* in the caller */
	uint32_t suspended_count;	/* bytes still wanted */
	uint32_t suspended_done;	/* bytes already moved */
	int suspended_major;		/* SUSPENDED_DEVICE_*: its driver's major */
	uint32_t suspended_minor;
};
extern struct process processes[PROCESS_SLOTS];

/* FS's entry for endpoint, or NULL when it has none (no new one made). */
struct process *process_find(endpoint_t endpoint);
struct process *process_of(endpoint_t endpoint);
struct process *process_start(endpoint_t endpoint);
void process_exit(struct process *process);
int fd_install(struct process *process, struct open_file *file, int lowest);
struct open_file *fd_file(struct process *process, int fd);
struct open_file *open_file_new(int flags);
void fd_close(struct process *process, int fd);
void open_file_release(struct open_file *file);
int open_inode(struct process *process, struct inode *inode, int flags);

/* Request handlers: each returns the reply's type (or NO_REPLY). */
int do_open(struct process *caller, message *m);
int do_close(struct process *caller, message *m);
int do_read(struct process *caller, message *m);
int do_write(struct process *caller, message *m);
int do_lseek(struct process *caller, message *m);
int do_stat(struct process *caller, message *m);
int do_fstat(struct process *caller, message *m);
int do_mkdir(struct process *caller, message *m);
int do_rmdir(struct process *caller, message *m);
int do_unlink(struct process *caller, message *m);
int do_link(struct process *caller, message *m);
int do_rename(struct process *caller, message *m);
int do_chdir(struct process *caller, message *m);
int do_getcwd(struct process *caller, message *m);
int do_dup(struct process *caller, message *m);
int do_dup2(struct process *caller, message *m);
int do_getdents(struct process *caller, message *m);
int do_sync(struct process *caller, message *m);
int do_umask(struct process *caller, message *m);
int do_chmod(struct process *caller, message *m);
int do_fcntl(struct process *caller, message *m);
int do_mknod(struct process *caller, message *m);
int do_truncate(struct process *caller, message *m);
int do_pipe(struct process *caller, message *m);
int do_pm_fork(struct process *caller, message *m);
int do_pm_exit(struct process *caller, message *m);
int do_pm_exec(struct process *caller, message *m);
int do_pm_execdone(struct process *caller, message *m);
int do_pm_cancel(struct process *caller, message *m);
int do_pm_start(struct process *caller, message *m);

/* pipe.c */
int pipe_read(struct process *caller, struct open_file *file, uint32_t buffer,
	      uint32_t count);
int pipe_write(struct process *caller, struct open_file *file, uint32_t buffer,
	       uint32_t count);
void pipe_close_end(struct open_file *file);
struct pipe *pipe_new(void);

/* ---- driver.c: the drivers, by major; the one call path to them ---- */
/* FS's grant table: one entry for disk blocks, one for device data. */
#define GRANT_DISK   0
#define GRANT_DEVICE 1
int grants_init(void);
grant_id_t grant_buffer(grant_id_t id, endpoint_t grantee, void *address,
			uint32_t size);
void drivers_init(void);
void ds_notified(void);
int root_driver_wait(void);
endpoint_t driver_endpoint(int major);
int driver_major(endpoint_t endpoint);
int driver_call(int major, message *m, grant_id_t grant, void *buffer, uint32_t size);

/* ---- device.c ---- */
int device_open(struct inode *inode, int flags);
void device_close(struct inode *inode);
int device_read(struct process *caller, struct open_file *file, uint32_t buffer,
		uint32_t count);
int device_write(struct process *caller, struct open_file *file, uint32_t buffer,
		 uint32_t count);
void device_notified(int major);
int device_cancel(struct process *process);

void finish_suspended(struct process *process, int result);

#endif /* CAIRN_FS_H */
