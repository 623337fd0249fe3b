/*
 * exec.c - running a program in this process (PM_EXEC).
 *
 * The library lays out the new program's initial stack in a buffer,
 * exactly as _start (crt0.S) will find it, but as if it began at address
 * 0: argc, the argv pointers, NULL, the envp pointers, NULL, then the
 * strings they point to. PM copies it to the top of the new stack and
 * adds that address to every pointer.
 *
 * Entry points: execve execv execvp execl execlp.
 */
#include "syscall.h"
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>

#define EXECL_MAX_ARGUMENTS 64

/* The frame: static, because exec must work however full the heap is. */
static uint32_t frame[ARG_MAX / sizeof(uint32_t)];

/* How many pointers vector holds before its NULL (none if it is NULL). */
static int vector_length(char *const vector[])
{
	int count = 0;
	if (vector != NULL)
		while (vector[count] != NULL)
			count++;
	return count;
}

/*
 * Lay out argc, argv and envp in frame. Returns the frame's length in
 * bytes (a multiple of 4), or -1 with errno E2BIG if it would not fit.
 */
static int build_frame(char *const argv[], char *const envp[])
{
	int argc = vector_length(argv);
	int envc = vector_length(envp);
	size_t words = 1 + (argc + 1) + (envc + 1);
	size_t length = words * sizeof(uint32_t);

	for (int i = 0; i < argc; i++)
		length += strlen(argv[i]) + 1;
	for (int i = 0; i < envc; i++)
		length += strlen(envp[i]) + 1;
	length = ROUND_UP(length, sizeof(uint32_t));
	if (length > sizeof(frame)) {
		errno = E2BIG;
		return -1;
	}

	char *strings = (char *) frame;
	uint32_t offset = words * sizeof(uint32_t);	/* of the next string */
	uint32_t *pointer = frame;
	*pointer++ = argc;
	for (int i = 0; i < argc; i++) {
		*pointer++ = offset;
		strcpy(strings + offset, argv[i]);
		offset += strlen(argv[i]) + 1;
	}
	*pointer++ = 0;
	for (int i = 0; i < envc; i++) {
		*pointer++ = offset;
		strcpy(strings + offset, envp[i]);
		offset += strlen(envp[i]) + 1;
	}
	*pointer++ = 0;
	while (offset < length)		/* the padding, zeroed */
		strings[offset++] = '\0';
	return length;
}

/*
 * Replace this process's program with the one at path, started with the
 * arguments argv and the environment envp. Returns only on failure: -1.
 */
int execve(const char *path, char *const argv[], char *const envp[])
{
	message m;
	message_init(&m, PM_EXEC);
	if (path_argument(path, &m.payload.pm_exec.path, &m.payload.pm_exec.path_length) < 0)
		return -1;
	int length = build_frame(argv, envp);
	if (length < 0)
		return -1;
	m.payload.pm_exec.frame = (uint32_t) frame;
	m.payload.pm_exec.frame_length = length;
	stdio_flush_all();
	pm_call(&m);		/* on success the new program runs instead */
	return -1;
}

/* execve with this process's environment. */
int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * execv, but a file name without '/' is looked for in each directory of
 * the PATH environment variable (default "/bin"), in order. Returns only
 * on failure: -1 (ENOENT when no directory had it).
 */
int execvp(const char *file, char *const argv[])
{
	if (file == NULL || *file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != NULL)
		return execv(file, argv);

	const char *search = getenv("PATH");
	if (search == NULL)
		search = "/bin";
	int error = ENOENT;
	char path[PATH_MAX + 1];
	for (;;) {
		const char *end = strchr(search, ':');
		size_t directory_length = end != NULL ? (size_t) (end - search) : strlen(search);
		/* An empty entry means the working directory. */
		if (directory_length == 0)
			snprintf(path, sizeof(path), "%s", file);
		else
			snprintf(path, sizeof(path), "%.*s/%s", (int) directory_length, search, file);
		execv(path, argv);
		if (errno != ENOENT && errno != ENOTDIR)
			error = errno;	/* it exists but would not run: say why */
		if (end == NULL)
			break;
		search = end + 1;
	}
	errno = error;
	return -1;
}

/*
 * Collect execl's arguments, from first to the NULL, into argv (room for
 * EXECL_MAX_ARGUMENTS + 1). Returns 0, or -1 with errno E2BIG.
 */
static int collect_arguments(char **argv, const char *first, va_list args)
{
	int count = 0;
	for (const char *argument = first; argument != NULL;
	     argument = va_arg(args, const char *)) {
		if (count == EXECL_MAX_ARGUMENTS) {
			errno = E2BIG;
			return -1;
		}
		argv[count++] = (char *) argument;
	}
	argv[count] = NULL;
	return 0;
}

/* execv with the arguments listed, ending with NULL. */
int execl(const char *path, const char *argument, ...)
{
	char *argv[EXECL_MAX_ARGUMENTS + 1];
	va_list args;
	va_start(args, argument);
	int result = collect_arguments(argv, argument, args);
	va_end(args);
	if (result < 0)
		return -1;
	return execv(path, argv);
}

/* execvp with the arguments listed, ending with NULL. */
int execlp(const char *file, const char *argument, ...)
{
	char *argv[EXECL_MAX_ARGUMENTS + 1];
	va_list args;
	va_start(args, argument);
	int result = collect_arguments(argv, argument, args);
	va_end(args);
	if (result < 0)
		return -1;
	return execvp(file, argv);
}
