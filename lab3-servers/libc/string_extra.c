/*
 * string_extra.c - the string functions of <string.h> that the kit's
 * common/lib/string.c (shared with the kernel and the loader) does not
 * have. strerror and strsignal are in error.c.
 *
 * Entry points: memchr strrchr strcpy strncpy strcat strncat strlcat
 * strdup strndup strstr strspn strcspn strpbrk strtok strtok_r strcasecmp
 * strncasecmp.
 */
#include <string.h>
#include <stdlib.h>
#include <ctype.h>

/* The first of count bytes at s equal to byte, or NULL. */
void *memchr(const void *s, int byte, size_t count)
{
	const uint8_t *p = s;
	for (; count > 0; count--, p++) {
		if (*p == (uint8_t) byte)
			return (void *) p;
	}
	return NULL;
}

/* The last c in s (c may be '\0': then the terminator), or NULL. */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	do {
		if (*s == (char) c)
			last = s;
	} while (*s++ != '\0');
	return (char *) last;
}

/* Copy source, with its NUL, to destination. Returns destination. */
char *strcpy(char *destination, const char *source)
{
	char *d = destination;
	while ((*d++ = *source++) != '\0')
		;
	return destination;
}

/* Copy at most count characters of source, then fill with NULs up to
 * count (no NUL at all if source is that long). Returns destination. */
char *strncpy(char *destination, const char *source, size_t count)
{
	size_t i = 0;
	for (; i < count && source[i] != '\0'; i++)
		destination[i] = source[i];
	for (; i < count; i++)
		destination[i] = '\0';
	return destination;
}

/* Append source to destination. Returns destination. */
char *strcat(char *destination, const char *source)
{
	strcpy(destination + strlen(destination), source);
	return destination;
}

/* Append at most count characters of source, then a NUL. Returns destination. */
char *strncat(char *destination, const char *source, size_t count)
{
	char *d = destination + strlen(destination);
	for (; count > 0 && *source != '\0'; count--)
		*d++ = *source++;
	*d = '\0';
	return destination;
}

/* Append source to the string in a buffer of size bytes, always ending
 * with a NUL. Returns the length it tried to make (>= size: cut short). */
size_t strlcat(char *destination, const char *source, size_t size)
{
	size_t length = strnlen(destination, size);
	if (length == size)
		return size + strlen(source);
	return length + strlcpy(destination + length, source, size - length);
}

/* A malloc'd copy of s, or NULL. */
char *strdup(const char *s)
{
	return strndup(s, strlen(s));
}

/* A malloc'd copy of at most limit characters of s, NUL-terminated, or NULL. */
char *strndup(const char *s, size_t limit)
{
	size_t length = strnlen(s, limit);
	char *copy = malloc(length + 1);
	if (copy == NULL)
		return NULL;
	memcpy(copy, s, length);
	copy[length] = '\0';
	return copy;
}

/* The first place needle occurs in haystack, or NULL. */
char *strstr(const char *haystack, const char *needle)
{
	size_t needle_length = strlen(needle);
	for (; *haystack != '\0'; haystack++) {
		if (strncmp(haystack, needle, needle_length) == 0)
			return (char *) haystack;
	}
	return needle_length == 0 ? (char *) haystack : NULL;
}

/* How many characters s starts with that are all in accept. */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;
	while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
		n++;
	return n;
}

/* How many characters s starts with that are all not in reject. */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;
	while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
		n++;
	return n;
}

/* The first character of s that is in accept, or NULL. */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *) s : NULL;
}

/*
 * Split a string into tokens separated by any of delimiters: the first
 * call passes the string, later calls NULL and continue where *saved
 * says. Each token is NUL-terminated in place. Returns it, or NULL when
 * no token is left.
 */
char *strtok_r(char *s, const char *delimiters, char **saved)
{
	if (s == NULL)
		s = *saved;
	s += strspn(s, delimiters);
	if (*s == '\0') {
		*saved = s;
		return NULL;
	}
	char *end = s + strcspn(s, delimiters);
	if (*end != '\0')
		*end++ = '\0';
	*saved = end;
	return s;
}

/* strtok_r with one hidden position for the whole program. */
char *strtok(char *s, const char *delimiters)
{
	static char *saved = "";
	return strtok_r(s, delimiters, &saved);
}

/* strncmp, ignoring case. */
int strncasecmp(const char *a, const char *b, size_t limit)
{
	for (; limit > 0; limit--, a++, b++) {
		int x = tolower((uint8_t) *a), y = tolower((uint8_t) *b);
		if (x != y || x == '\0')
			return x - y;
	}
	return 0;
}

/* strcmp, ignoring case. */
int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t) -1);
}
