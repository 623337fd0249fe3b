/*
 * printf.c - formatted output on streams and file descriptors. The
 * formatting is vsnprintf's (common/lib/format.c); this file finds room
 * for the text and writes it: into a buffer on the stack, or, for text
 * longer than that, a malloc'd one of the exact size, so that no line is
 * ever cut short.
 *
 * Entry points: printf fprintf dprintf sprintf vprintf vfprintf vdprintf
 * vsprintf. (snprintf and vsnprintf are format.c's.)
 */
#include "syscall.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define PRINTF_BUFFER_SIZE 512

/*
 * Format into small (PRINTF_BUFFER_SIZE bytes) if the text fits, else
 * into a malloc'd buffer. Returns the text (small, or one the caller
 * frees) and its length in *length; if memory runs out, the text is cut
 * to what fits in small.
 */
static char *format_text(char *small, int *length, const char *format, va_list args)
{
	va_list second_pass;
	va_copy(second_pass, args);
	char *text = small;
	*length = vsnprintf(small, PRINTF_BUFFER_SIZE, format, args);
	if (*length >= PRINTF_BUFFER_SIZE) {
		char *big = malloc(*length + 1);
		if (big != NULL) {
			vsnprintf(big, *length + 1, format, second_pass);
			text = big;
		} else {
			*length = PRINTF_BUFFER_SIZE - 1;
		}
	}
	va_end(second_pass);
	return text;
}

/* printf on stream. Returns the number of characters written, or -1. */
int vfprintf(FILE *stream, const char *format, va_list args)
{
	char small[PRINTF_BUFFER_SIZE];
	int length;
	char *text = format_text(small, &length, format, args);
	size_t written = fwrite(text, 1, length, stream);
	if (text != small)
		free(text);
	return length == 0 || written == (size_t) length ? length : -1;
}

/* vfprintf on stdout. */
int vprintf(const char *format, va_list args)
{
	return vfprintf(stdout, format, args);
}

/* vfprintf with the arguments listed. */
int fprintf(FILE *stream, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vfprintf(stream, format, args);
	va_end(args);
	return length;
}

/* fprintf on stdout. Returns the number of characters written, or -1. */
int printf(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vfprintf(stdout, format, args);
	va_end(args);
	return length;
}

/* printf straight to the file descriptor fd, bypassing stdio's buffers. */
int vdprintf(int fd, const char *format, va_list args)
{
	char small[PRINTF_BUFFER_SIZE];
	int length;
	char *text = format_text(small, &length, format, args);
	int done = 0;
	while (done < length) {
		ssize_t written = write(fd, text + done, length - done);
		if (written <= 0)
			break;
		done += written;
	}
	if (text != small)
		free(text);
	return done == length ? length : -1;
}

/* vdprintf with the arguments listed. */
int dprintf(int fd, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vdprintf(fd, format, args);
	va_end(args);
	return length;
}

/* printf into buffer, which the caller promises is big enough. */
int vsprintf(char *buffer, const char *format, va_list args)
{
	return vsnprintf(buffer, 0x7FFFFFFF, format, args);
}

/* vsprintf with the arguments listed. Prefer snprintf: it knows the size. */
int sprintf(char *buffer, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vsprintf(buffer, format, args);
	va_end(args);
	return length;
}
