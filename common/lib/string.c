/*
 * string.c - memory and string functions for code with no C library:
 * the loader, the kernel, and user programs until lab 3 brings a libc.
 *
 * Plain loops, except where the string instructions make a real difference.
 */
#include "string.h"

/*
 * memset and memmove use the string instructions (rep stos, rep movs):
 * one instruction per 4 bytes when both pointers and the count allow it.
 * Clearing whole pages at boot is most of what the kernel does then.
 */
void *memset(void *destination, int byte, size_t count)
{
	uint8_t *d = destination;

	if (((uintptr_t) d | count) % 4 == 0) {
		uint32_t word = (uint8_t) byte * 0x01010101U;
		uint32_t words = count / 4;
		__asm__ volatile("cld; rep stosl"
				 : "+D"(d), "+c"(words)
				 : "a"(word)
				 : "memory");
		return destination;
	}
	while (count-- > 0)
		*d++ = (uint8_t) byte;
	return destination;
}

void *memcpy(void *destination, const void *source, size_t count)
{
	return memmove(destination, source, count);
}

/* Copy count bytes; the two ranges may overlap. */
void *memmove(void *destination, const void *source, size_t count)
{
	uint8_t *d = destination;
	const uint8_t *s = source;

	if (d < s || d >= s + count) {
		if (((uintptr_t) d | (uintptr_t) s | count) % 4 == 0) {
			uint32_t words = count / 4;
			__asm__ volatile("cld; rep movsl"
					 : "+D"(d), "+S"(s), "+c"(words)
					 :
					 : "memory");
			return destination;
		}
		while (count-- > 0)
			*d++ = *s++;
	} else {
		d += count;
		s += count;
		while (count-- > 0)
			*--d = *--s;
	}
	return destination;
}

int memcmp(const void *a, const void *b, size_t count)
{
	const uint8_t *x = a, *y = b;

	for (; count > 0; count--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

size_t strnlen(const char *s, size_t limit)
{
	size_t n = 0;

	while (n < limit && s[n] != '\0')
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (uint8_t) *a - (uint8_t) *b;
}

int strncmp(const char *a, const char *b, size_t limit)
{
	for (; limit > 0; limit--, a++, b++) {
		if (*a != *b || *a == '\0')
			return (uint8_t) *a - (uint8_t) *b;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s != '\0'; s++) {
		if (*s == (char) c)
			return (char *) s;
	}
	return c == '\0' ? (char *) s : NULL;
}

/*
 * Copy source into a buffer of size bytes, always NUL-terminated when size
 * is not zero. Returns strlen(source), so a result >= size means truncation.
 */
size_t strlcpy(char *destination, const char *source, size_t size)
{
	size_t length = strlen(source);

	if (size > 0) {
		size_t n = length < size - 1 ? length : size - 1;
		memcpy(destination, source, n);
		destination[n] = '\0';
	}
	return length;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long value = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			base = 16;
			s += 2;
		} else if (s[0] == '0') {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	while (digit_value(*s) < base) {
		value = value * base + digit_value(*s);
		s++;
	}
	if (end != NULL)
		*end = (char *) s;
	return value;
}

long strtol(const char *s, char **end, int base)
{
	bool negative = false;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+') {
		negative = *s == '-';
		s++;
	}
	long value = (long) strtoul(s, end, base);
	return negative ? -value : value;
}
