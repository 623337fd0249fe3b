/*
 * format.h - printf-style formatting into a buffer (common/lib/format.c),
 * for the loader and user programs; the kernel uses kprintf.
 */
#ifndef CAIRN_FORMAT_H
#define CAIRN_FORMAT_H

#include "types.h"
#include "stdarg.h"

/*
 * Format into buffer (size bytes, always NUL-terminated when size > 0).
 * Returns the length the whole text would have, like C's vsnprintf.
 */
int vsnprintf(char *buffer, size_t size, const char *format, va_list args);
int snprintf(char *buffer, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* CAIRN_FORMAT_H */
