/* stddef.h - size_t, NULL, offsetof (from the kit's types.h) and ptrdiff_t. */
#ifndef _STDDEF_H
#define _STDDEF_H

#include <types.h>

typedef int32_t ptrdiff_t;

#endif /* _STDDEF_H */
