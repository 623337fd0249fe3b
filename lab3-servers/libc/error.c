/*
 * error.c - what error and signal numbers mean, in words.
 *
 * Entry points: strerror strsignal perror.
 */
#include <string.h>
#include <errno.h>
#include <stdio.h>
#include <signal.h>

/* A sentence for each error number of errors.h. */
static const char *const error_messages[] = {
	[OK] = "Success",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Invalid cross-device link",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Numerical result out of range",
	[EDEADLK] = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOCKED] = "IPC would deadlock",
	[ESRCDIED] = "IPC source died",
	[EDSTDIED] = "IPC destination died",
	[ENOTREADY] = "IPC destination not ready",
	[EDEADEPT] = "Dead or unknown endpoint",
	[ECALLDENIED] = "Kernel call denied",
	[ETRAPDENIED] = "IPC primitive denied",
	[EBADREQUEST] = "Bad request",
	[ERESTARTED] = "Driver restarted",
	[ESUSPEND] = "Request suspended",
};

/* A sentence saying what error means (in a static buffer if unknown). */
char *strerror(int error)
{
	static char unknown[32];
	if (error >= 0 && error < (int) ARRAY_SIZE(error_messages) &&
	    error_messages[error] != NULL)
		return (char *) error_messages[error];
	snprintf(unknown, sizeof(unknown), "Unknown error %d", error);
	return unknown;
}

/* A word or two for each signal (posix.h). */
static const char *const signal_names[NSIG] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGCHLD] = "Child exited", [SIGCONT] = "Continued", [SIGSTOP] = "Stopped",
};

/* What signal means (in a static buffer if unknown). */
char *strsignal(int signal)
{
	static char unknown[32];
	if (signal > 0 && signal < NSIG && signal_names[signal] != NULL)
		return (char *) signal_names[signal];
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", signal);
	return unknown;
}

/* "prefix: what errno means" on stderr (just the meaning if prefix is
 * NULL or empty). */
void perror(const char *prefix)
{
	const char *message = strerror(errno);
	if (prefix != NULL && *prefix != '\0')
		fprintf(stderr, "%s: %s\n", prefix, message);
	else
		fprintf(stderr, "%s\n", message);
}
