/* stdint.h - fixed-size integers (from the kit's types.h) and their limits. */
#ifndef _STDINT_H
#define _STDINT_H

#include <types.h>

typedef int32_t intptr_t;
typedef int64_t intmax_t;
typedef uint64_t uintmax_t;

#define INT8_MIN   (-128)
#define INT8_MAX   127
#define UINT8_MAX  255
#define INT16_MIN  (-32768)
#define INT16_MAX  32767
#define UINT16_MAX 65535
#define INT32_MIN  (-2147483647 - 1)
#define INT32_MAX  2147483647
#define UINT32_MAX 4294967295U
#define INT64_MAX  9223372036854775807LL
#define INT64_MIN  (-INT64_MAX - 1)
#define UINT64_MAX 18446744073709551615ULL
#define INTPTR_MIN  INT32_MIN
#define INTPTR_MAX  INT32_MAX
#define UINTPTR_MAX UINT32_MAX
#define SIZE_MAX    UINT32_MAX

#endif /* _STDINT_H */
