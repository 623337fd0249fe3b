/*
 * types.h - fixed-size integer types and small helpers shared by the boot
 * loader, the kernel and (from lab 2 on) every user-mode program.
 *
 * Everything here is freestanding: no host header is ever included.
 */
#ifndef CAIRN_TYPES_H
#define CAIRN_TYPES_H

typedef signed char        int8_t;
typedef unsigned char      uint8_t;
typedef short              int16_t;
typedef unsigned short     uint16_t;
typedef int                int32_t;
typedef unsigned int       uint32_t;
typedef long long          int64_t;
typedef unsigned long long uint64_t;

typedef uint32_t size_t;
typedef int32_t  ssize_t;
typedef uint32_t uintptr_t;
typedef uint32_t physaddr_t;	/* a physical address */

typedef _Bool bool;
#define true  1
#define false 0

#define NULL ((void *) 0)

#define offsetof(type, member) __builtin_offsetof(type, member)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Round down / up to a multiple of n, which must be a power of two. */
#define ROUND_DOWN(x, n) ((x) & ~((n) - 1))
#define ROUND_UP(x, n)   (((x) + (n) - 1) & ~((n) - 1))

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#endif /* CAIRN_TYPES_H */
