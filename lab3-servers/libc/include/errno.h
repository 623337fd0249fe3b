/*
 * errno.h - the error number of the last failed call. The numbers are the
 * kit's (errors.h): a server replies -ENOENT, the library sets errno to
 * ENOENT and returns -1.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <errors.h>

extern int errno;

#endif /* _ERRNO_H */
