/*
 * memory.c - the program break: where the heap (the memory after the
 * program's bss, which malloc carves up) ends. PM maps pages as the break
 * grows (PM_BRK).
 *
 * Entry points: brk sbrk.
 */
#include "syscall.h"
#include <unistd.h>

static uint32_t current_break;	/* 0 until PM was first asked */

/* Ask PM to move the break to address (0: only tell where it is).
 * Returns the break PM reports, or 0 on failure (errno set). */
static uint32_t set_break(uint32_t address)
{
	message m;
	message_init(&m, PM_BRK);
	m.payload.pm_brk.address = address;
	if (pm_call(&m) < 0)
		return 0;
	return m.payload.pm_brk.address;
}

/* Move the break to address. Returns 0, or -1 (ENOMEM). */
int brk(void *address)
{
	uint32_t reached = set_break((uint32_t) address);
	if (reached == 0)
		return -1;
	if (reached < (uint32_t) address) {
		errno = ENOMEM;
		return -1;
	}
	current_break = (uint32_t) address;
	return 0;
}

/* Move the break by increment bytes. Returns the old break, or
 * (void *) -1 (ENOMEM). */
void *sbrk(intptr_t increment)
{
	if (current_break == 0) {
		current_break = set_break(0);
		if (current_break == 0)
			return (void *) -1;
	}
	uint32_t old_break = current_break;
	if (increment != 0 && brk((void *) (old_break + increment)) < 0)
		return (void *) -1;
	return (void *) old_break;
}
