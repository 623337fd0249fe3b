/*
 * debug.h - naming addresses and walking the stack.
 *
 * Defined in symbols.c (symbol_lookup, from the kernel.sym boot module)
 * and backtrace.c (backtrace_print).
 */
#ifndef CAIRN_DEBUG_H
#define CAIRN_DEBUG_H

#include "types.h"

/*
 * The name of the function containing address, and address's offset in it;
 * "?" (offset 0) when the address is not in the kernel's text.
 */
const char *symbol_lookup(uint32_t address, uint32_t *offset);

/*
 * Print one line per stack frame, starting with the frame whose saved
 * frame pointer is ebp, until the chain ends at ebp == 0:
 *   "  ebp 0x%08x  eip 0x%08x  %s+0x%x"
 */
void backtrace_print(uint32_t ebp);

#endif /* CAIRN_DEBUG_H */
