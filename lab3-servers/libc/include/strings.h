/* strings.h - case-insensitive comparison (declared in string.h too). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <string.h>

#endif /* _STRINGS_H */
