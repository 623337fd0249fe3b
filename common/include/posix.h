/*
 * posix.h - the POSIX-facing ABI shared by the C library and the servers
 * (lab 3): open flags, file modes, struct stat, directory entries, signal
 * numbers and wait statuses. One definition, so a program and FS or PM
 * can never disagree about a bit or a field.
 *
 * The C library's <fcntl.h>, <sys/stat.h>, <signal.h>, <dirent.h> and
 * <sys/wait.h> include this file; servers include it directly.
 */
#ifndef CAIRN_POSIX_H
#define CAIRN_POSIX_H

#include "types.h"

typedef int32_t pid_t;
typedef int32_t off_t;
typedef uint16_t mode_t;
typedef uint32_t ino_t;
typedef uint16_t dev_t;		/* (major << 8) | minor */
typedef uint16_t nlink_t;
typedef uint16_t uid_t;
typedef uint16_t gid_t;
typedef int32_t time_t;

#define MAKE_DEV(major, minor) ((dev_t) (((major) << 8) | (minor)))
#define DEV_MAJOR(dev) (((dev) >> 8) & 0xFF)
#define DEV_MINOR(dev) ((dev) & 0xFF)

/* ---- open(2) flags (Linux i386 values) ---- */
#define O_RDONLY    0x0000
#define O_WRONLY    0x0001
#define O_RDWR      0x0002
#define O_ACCMODE   0x0003
#define O_CREAT     0x0040
#define O_EXCL      0x0080
#define O_NOCTTY    0x0100
#define O_TRUNC     0x0200
#define O_APPEND    0x0400
#define O_NONBLOCK  0x0800
#define O_DIRECTORY 0x10000

/* lseek whence */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* fcntl(2) */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define FD_CLOEXEC 1

/* ---- file modes: the MINIX inode's i_mode bits ---- */
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  0004000
#define S_ISGID  0002000
#define S_ISVTX  0001000
#define S_IRWXU  00700
#define S_IRUSR  00400
#define S_IWUSR  00200
#define S_IXUSR  00100
#define S_IRWXG  00070
#define S_IRWXO  00007
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)

/* What stat(2) and fstat(2) fill in (FS copies it to the caller). */
struct stat {
	dev_t st_dev;		/* device of the file system holding it */
	uint16_t st_pad;
	ino_t st_ino;
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;		/* device files: the device */
	uint16_t st_pad2;
	off_t st_size;
	time_t st_atime;
	time_t st_mtime;
	time_t st_ctime;
	uint32_t st_blksize;	/* 1024 */
	uint32_t st_blocks;	/* 512-byte blocks allocated */
};

/* ---- directories: getdents(2) fills a buffer with these ---- */
#define NAME_MAX 60		/* MINIX v3 directory entries: 64 bytes, 60 of name */
#define PATH_MAX 256
struct dirent {
	ino_t d_ino;
	off_t d_off;		/* offset of the next entry in the directory */
	uint16_t d_reclen;	/* bytes of this record, a multiple of 4 */
	char d_name[NAME_MAX + 1];	/* NUL-terminated; the record may end sooner */
};

/* ---- signals (Linux i386 numbers) ---- */
#define SIGHUP    1
#define SIGINT    2
#define SIGQUIT   3
#define SIGILL    4
#define SIGTRAP   5
#define SIGABRT   6
#define SIGBUS    7
#define SIGFPE    8
#define SIGKILL   9
#define SIGUSR1  10
#define SIGSEGV  11
#define SIGUSR2  12
#define SIGPIPE  13
#define SIGALRM  14
#define SIGTERM  15
#define SIGCHLD  17
#define SIGCONT  18
#define SIGSTOP  19
#define NSIG     32		/* signals are 1 .. NSIG-1 */

typedef uint32_t sigset_t;	/* bit n: signal n */
typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t) 0)
#define SIG_IGN ((sighandler_t) 1)
#define SIG_ERR ((sighandler_t) -1)

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SA_RESTART 0x10000000	/* accepted, not honoured: calls return EINTR */
#define SA_NODEFER 0x40000000

/*
 * What a process's stack holds when the kernel starts a signal handler
 * (SYS_SIGSEND), from the new stack pointer up:
 *   return address (the library's trampoline), signal number,
 *   then a struct sigcontext, the registers to resume with.
 * The trampoline asks PM for sigreturn with the context's address.
 */
struct sigcontext {
	uint32_t edi, esi, ebp, ebx, edx, ecx, eax;
	uint32_t eip, eflags, esp;
	sigset_t mask;		/* the signal mask to restore */
	uint32_t signal;
};

/* ---- wait statuses (Linux encoding) ---- */
#define WNOHANG 1
#define W_EXITCODE(code, signal) (((code) & 0xFF) << 8 | ((signal) & 0x7F))
#define WIFEXITED(s)   (((s) & 0x7F) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xFF)
#define WIFSIGNALED(s) (((s) & 0x7F) != 0)
#define WTERMSIG(s)    ((s) & 0x7F)

/* Execution: ARG_MAX bytes of arguments and environment together. */
#define ARG_MAX 8192

#endif /* CAIRN_POSIX_H */
