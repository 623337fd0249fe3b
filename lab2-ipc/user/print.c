/*
 * print.c - formatted output for user programs, and the names of errors.
 *
 * A user program cannot touch the console: uprintf formats into a buffer
 * and hands it to the kernel with the SYS_DIAGNOSTICS kernel call, which
 * prints the bytes as they are.
 *
 * The formatting itself is common/lib/format.c's vsnprintf.
 *
 * Entry points: uprintf, error_name.
 */

#include "user.h"

#define PRINT_BUFFER_SIZE 256

/*
 * Print on the kernel console. Text longer than PRINT_BUFFER_SIZE - 1
 * characters is cut short. Returns the result of SYS_DIAGNOSTICS.
 */
int uprintf(const char *format, ...)
{
	char buffer[PRINT_BUFFER_SIZE];
	va_list args;
	va_start(args, format);
	int length = vsnprintf(buffer, sizeof(buffer), format, args);
	va_end(args);
	if (length > PRINT_BUFFER_SIZE - 1)
		length = PRINT_BUFFER_SIZE - 1;
	return sys_diagnostics(buffer, length);
}

/* The name of every error number of errors.h, by number. */
static const char *const error_names[] = {
	[OK] = "OK",
	[EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH", [EINTR] = "EINTR",
	[EIO] = "EIO", [ENXIO] = "ENXIO", [E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF", [ECHILD] = "ECHILD", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES", [EFAULT] = "EFAULT", [EBUSY] = "EBUSY", [EEXIST] = "EEXIST",
	[EXDEV] = "EXDEV", [ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL", [ENFILE] = "ENFILE", [EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY",
	[EFBIG] = "EFBIG", [ENOSPC] = "ENOSPC", [ESPIPE] = "ESPIPE", [EROFS] = "EROFS",
	[EMLINK] = "EMLINK", [EPIPE] = "EPIPE", [EDOM] = "EDOM", [ERANGE] = "ERANGE",
	[EDEADLK] = "EDEADLK", [ENAMETOOLONG] = "ENAMETOOLONG", [ENOSYS] = "ENOSYS",
	[ENOTEMPTY] = "ENOTEMPTY",
	[ELOCKED] = "ELOCKED", [ESRCDIED] = "ESRCDIED", [EDSTDIED] = "EDSTDIED",
	[ENOTREADY] = "ENOTREADY", [EDEADEPT] = "EDEADEPT", [ECALLDENIED] = "ECALLDENIED",
	[ETRAPDENIED] = "ETRAPDENIED", [EBADREQUEST] = "EBADREQUEST",
	[ERESTARTED] = "ERESTARTED",
	[ESUSPEND] = "ESUSPEND",
};

/*
 * "OK", "EPERM", "ELOCKED" ... for a result (-EPERM and EPERM alike);
 * "E?" for a number errors.h does not define.
 */
const char *error_name(int result)
{
	uint32_t number = result < 0 ? -(uint32_t) result : (uint32_t) result;
	if (number < ARRAY_SIZE(error_names) && error_names[number] != NULL)
		return error_names[number];
	return "E?";
}
