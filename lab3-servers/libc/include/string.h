/*
 * string.h - memory and string functions: the kit's common/lib/string.c
 * (its header is included as it is), and what the C library adds
 * (string_extra.c, strerror in error.c).
 */
#ifndef _STRING_H
#define _STRING_H

/* The kit's own string functions (common/lib/string.c), declared in the
 * next string.h on the include path: common/include/string.h. */
#include_next <string.h>

/* the C library */
void *memchr(const void *s, int byte, size_t count);
char *strrchr(const char *s, int c);
char *strcpy(char *destination, const char *source);
char *strncpy(char *destination, const char *source, size_t count);
char *strcat(char *destination, const char *source);
char *strncat(char *destination, const char *source, size_t count);
size_t strlcat(char *destination, const char *source, size_t size);
char *strdup(const char *s);
char *strndup(const char *s, size_t limit);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *s, const char *delimiters);
char *strtok_r(char *s, const char *delimiters, char **saved);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t limit);
char *strerror(int error);
char *strsignal(int signal);

#endif /* _STRING_H */
