/*
 * ctype.c - classifying ASCII characters. Each function takes a character
 * as an unsigned char value (or EOF) and answers non-zero for yes.
 *
 * Entry points: the functions of <ctype.h>.
 */
#include <ctype.h>

/* '0' to '9'. */
int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* A hexadecimal digit: 0-9, a-f, A-F. */
int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 'A' to 'Z'. */
int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* 'a' to 'z'. */
int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

/* A letter. */
int isalpha(int c)
{
	return isupper(c) || islower(c);
}

/* A letter or a digit. */
int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

/* Space, tab, newline, vertical tab, form feed, carriage return. */
int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Space or tab: what separates words on a line. */
int isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* Printable: space to '~'. */
int isprint(int c)
{
	return c >= ' ' && c <= '~';
}

/* Printable and not a space. */
int isgraph(int c)
{
	return c > ' ' && c <= '~';
}

/* Printable, not a space, not a letter or digit. */
int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

/* A control character: below space, and DEL. */
int iscntrl(int c)
{
	return (c >= 0 && c < ' ') || c == 0x7F;
}

/* 0 to 127. */
int isascii(int c)
{
	return c >= 0 && c <= 0x7F;
}

/* The capital letter of a small letter; anything else is returned as it is. */
int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

/* The small letter of a capital letter; anything else as it is. */
int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}
