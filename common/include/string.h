/*
 * string.h - memory and string functions (common/lib/string.c), used by
 * the loader, the kernel and user programs alike.
 */
#ifndef CAIRN_STRING_H
#define CAIRN_STRING_H

#include "types.h"

void *memset(void *destination, int byte, size_t count);
void *memcpy(void *destination, const void *source, size_t count);
void *memmove(void *destination, const void *source, size_t count);
int memcmp(const void *a, const void *b, size_t count);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t limit);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t limit);
char *strchr(const char *s, int c);
size_t strlcpy(char *destination, const char *source, size_t size);

/* Parse an integer in the given base (0: 0x.. hex, 0.. octal, else decimal). */
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);

#endif /* CAIRN_STRING_H */
