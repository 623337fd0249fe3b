/*
 * spinner.c - a process that never blocks once started.
 *
 * It waits for the tester's SPINNER_START, then loops for ever without a
 * system call. It has the tester's priority, so the tester, woken by an
 * alarm, runs again only if the clock preempts spinner when its quantum
 * is used up: the preemption test.
 */

#include "tests.h"

/* Wait for SPINNER_START, then spin without a system call. */
int main(void)
{
	message m;
	do {
		ipc_receive(ANY, &m);
	} while (m.type != SPINNER_START);

	volatile uint32_t laps = 0;
	for (;;)
		laps++;
}
