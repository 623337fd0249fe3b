/* sys/types.h - pid_t, off_t, mode_t ... (posix.h), size_t and ssize_t. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <types.h>
#include <posix.h>

#endif /* _SYS_TYPES_H */
