/*
 * stdarg.h - variable argument lists. The kit already has this header in
 * common/include (used by format.c); #include_next takes that one, the
 * next stdarg.h on the include path, so the two can never differ.
 */
#ifndef _STDARG_H
#define _STDARG_H

#include_next <stdarg.h>

#endif /* _STDARG_H */
