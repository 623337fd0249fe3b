/* stdbool.h - bool, true and false: the kit's types.h defines them. */
#ifndef _STDBOOL_H
#define _STDBOOL_H

#include <types.h>

#define __bool_true_false_are_defined 1

#endif /* _STDBOOL_H */
