/*
 * unistd.h - the POSIX system calls: files and directories (file.c,
 * directory.c), processes (process.c, exec.c), memory (memory.c), time
 * (time.c), and getopt (getopt.c).
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <types.h>
#include <posix.h>

typedef int32_t intptr_t;

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* access() */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

extern char **environ;

/* files */
ssize_t read(int fd, void *buffer, size_t count);
ssize_t write(int fd, const void *buffer, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
int isatty(int fd);
int access(const char *path, int mode);
int unlink(const char *path);
int link(const char *existing, const char *new_path);
int truncate(const char *path, off_t length);
void sync(void);

/* directories */
int chdir(const char *path);
char *getcwd(char *buffer, size_t size);
int rmdir(const char *path);

/* processes */
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *argument, ...);
int execlp(const char *file, const char *argument, ...);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);

/* memory */
int brk(void *address);
void *sbrk(intptr_t increment);

/* time */
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int microseconds);
unsigned int alarm(unsigned int seconds);
int pause(void);

/* command-line options */
int getopt(int argc, char *const argv[], const char *options);
extern char *optarg;
extern int optind, opterr, optopt;

#endif /* _UNISTD_H */
