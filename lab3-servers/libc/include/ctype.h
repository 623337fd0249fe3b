/* ctype.h - classifying and converting ASCII characters (ctype.c). Each
 * takes an unsigned char value or EOF. */
#ifndef _CTYPE_H
#define _CTYPE_H

int isdigit(int c);
int isxdigit(int c);
int isalpha(int c);
int isalnum(int c);
int isupper(int c);
int islower(int c);
int isspace(int c);
int isblank(int c);
int isprint(int c);
int isgraph(int c);
int ispunct(int c);
int iscntrl(int c);
int isascii(int c);
int toupper(int c);
int tolower(int c);

#endif /* _CTYPE_H */
