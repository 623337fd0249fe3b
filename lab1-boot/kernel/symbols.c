/*
 * symbols.c - naming code addresses, for backtraces and trap reports.
 *
 * The build runs `nm -n` on the kernel and ships the result as the boot
 * module "kernel.sym": plain text, one function per line, sorted by
 * address:
 *     c0100a3c kernel_main
 * A function extends from its address up to the next line's address, so
 * the name of an address is the last line at or below it.
 *
 * Entry point: symbol_lookup.
 */
#include "kernel.h"
#include "debug.h"
#include "string.h"

#define SYMBOL_NAME_MAX 64		/* longer names are cut short */
#define ADDRESS_DIGITS  8		/* "c0100a3c" */

extern char etext[];			/* kernel.ld: end of the kernel's code */

/* Where the line starting at line ends: at its newline, or at text_end. */
static const char *line_end(const char *line, const char *text_end)
{
	while (line < text_end && *line != '\n')
		line++;
	return line;
}

/*
 * The name of the function that contains address, and (in *offset) how far
 * into it address is. Returns "?" with offset 0 when the symbol module is
 * missing or address is outside the kernel's code. The name lives in a
 * static buffer, valid until the next call.
 */
const char *symbol_lookup(uint32_t address, uint32_t *offset)
{
	static char name[SYMBOL_NAME_MAX];
	const struct boot_module *module = boot_module("kernel.sym");
	const char *line, *text_end, *best_line = NULL;
	uint32_t best_address = 0;
	size_t length;

	*offset = 0;
	if (module == NULL || address >= (uint32_t) etext)
		return "?";

	text_end = PHYS_TO_VIRT(module->end);
	for (line = PHYS_TO_VIRT(module->start); line + ADDRESS_DIGITS < text_end;
	     line = line_end(line, text_end) + 1) {
		uint32_t symbol_address = strtoul(line, NULL, 16);

		if (symbol_address > address)
			break;
		best_line = line;
		best_address = symbol_address;
	}
	if (best_line == NULL)
		return "?";

	/* The name follows the address and a space, up to the newline. */
	best_line += ADDRESS_DIGITS + 1;
	length = line_end(best_line, text_end) - best_line;
	length = MIN(length, SYMBOL_NAME_MAX - 1);
	memcpy(name, best_line, length);
	name[length] = '\0';
	*offset = address - best_address;
	return name;
}
