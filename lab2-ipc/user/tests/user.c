/*
 * user.c - an ordinary user process: no kernel calls, and only SENDREC,
 * only to the tester (which stands in for the servers of lab 3).
 *
 * It says hello to the tester, then carries out each order the reply
 * brings, and reports the results with the next SENDREC:
 *   USER_TRY_CALLS     a kernel call (ECALLDENIED) and a SEND (ETRAPDENIED)
 *   USER_BAD_POINTERS  SENDRECs whose message is in the kernel and at an
 *                      unmapped address (EFAULT, and the process lives)
 *   USER_CRASH         a write to an unmapped page: the kernel kills it
 */

#include "tests.h"

#define KERNEL_ADDRESS   0xC0000000U	/* KERNBASE: never a user address */
#define UNMAPPED_ADDRESS 0x10U		/* page 0 is never mapped */

/* Reply words: the kernel call's result, the SEND's result. */
static void try_calls(message *report)
{
	message m;
	memset(&m, 0, sizeof(m));
	uint32_t ticks;
	int call = sys_getinfo(GET_TICKS, &ticks, sizeof(ticks));
	make_message(&m, USER_REPORT, 0, 0);
	int send = ipc_send(TESTER, &m);
	make_message(report, USER_REPORT, call, send);
}

/* Reply words: the results of the two SENDRECs with bad message addresses. */
static void bad_pointers(message *report)
{
	int kernel = ipc_sendrec(TESTER, (message *) KERNEL_ADDRESS);
	int unmapped = ipc_sendrec(TESTER, (message *) UNMAPPED_ADDRESS);
	make_message(report, USER_REPORT, kernel, unmapped);
}

/* Volatile, so the compiler cannot see (and warn) where it points. */
static volatile uint32_t *volatile unmapped_word = (volatile uint32_t *) UNMAPPED_ADDRESS;

/* Write to page 0: the kernel kills us (trap 14) and nothing returns. */
static void crash(message *report)
{
	*unmapped_word = 1;
	make_message(report, USER_REPORT, 0, 0);	/* only if still alive */
}

/* Every order user knows, and what it does. */
static const struct {
	int type;
	void (*carry_out)(message *report);
} orders[] = {
	{ USER_TRY_CALLS, try_calls },
	{ USER_BAD_POINTERS, bad_pointers },
	{ USER_CRASH, crash },
};

/* Say hello, then carry out each order and report with the next SENDREC. */
int main(void)
{
	message m;
	make_message(&m, USER_HELLO, 0, 0);
	for (;;) {
		if (ipc_sendrec(TESTER, &m) != OK) {
			make_message(&m, USER_HELLO, 0, 0);
			continue;
		}
		size_t i = 0;
		while (i < ARRAY_SIZE(orders) && orders[i].type != m.type)
			i++;
		if (i < ARRAY_SIZE(orders))
			orders[i].carry_out(&m);
		else
			make_message(&m, USER_REPORT, -EBADREQUEST, 0);
	}
}
