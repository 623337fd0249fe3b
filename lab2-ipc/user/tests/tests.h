/*
 * tests.h - the protocol of the lab-2 test programs, and the numbers both
 * the tester and the grader compute from the seed.
 *
 * The tester (tester.c) runs the scenarios; the other boot programs serve
 * it: peer.c (a server that does what it is asked), user.c (an ordinary
 * user process), driver.c (a process with I/O ports), spinner.c (a loop
 * that never blocks). Each request below is a message type; its
 * arguments and results are plain words (payload.words.word[]).
 */
#ifndef CAIRN_TESTS_H
#define CAIRN_TESTS_H

#include "user.h"

/* The boot processes, in the slot order of the kernel's boot-program table. */
#define TESTER  (FIRST_USER_SLOT + 0)
#define PEER    (FIRST_USER_SLOT + 1)
#define USER    (FIRST_USER_SLOT + 2)
#define DRIVER  (FIRST_USER_SLOT + 3)
#define SPINNER (FIRST_USER_SLOT + 4)

/*
 * Requests to peer. "SENDREC" requests get a reply; "SEND" requests are
 * sent with SEND (or SENDNB) and get none.
 */
enum peer_request {
	PEER_PING = 0x100,	/* SENDREC w: reply pingpong_answer(w) */
	PEER_SEND_LATER,	/* SENDREC count, base: reply, then SEND count
				 * messages {i, pingpong_answer(base + i)} */
	PEER_NOTIFY,		/* SEND count: NOTIFY the tester count times */
	PEER_SLEEP,		/* SEND ticks: wait in RECEIVE from CLOCK */
	PEER_SEND_TO_TESTER,	/* SEND value: SEND the tester {value} */
	PEER_TRY_TARGETS,	/* SENDREC: reply {SEND to driver, SENDNB to user} */
	PEER_TRY_DEVIO,		/* SENDREC: reply {SYS_DEVIO's result} */
	PEER_MAKE_GRANTS,	/* SENDREC seed: offer grants (peer.c); reply
				 * {SYS_SETGRANT's result} */
	PEER_NOTE,		/* SEND: nothing to do */
	PEER_SEND_AND_REPORT,	/* SEND endpoint: SEND it a note, then SEND the
				 * tester {that SEND's result} */
};

/* Requests to driver (all SENDREC). */
enum driver_request {
	DRIVER_SEND_LATER = 0x200,	/* value: reply, then SEND the tester {value} */
	DRIVER_TRY_PORTS,		/* value: reply the results, see driver.c */
	DRIVER_PING,			/* value: reply value + 1 at once */
	DRIVER_TRY_IRQ,			/* reply the results, see driver.c */
};

/* The user process's side: it SENDRECs reports, the tester replies orders. */
enum user_protocol {
	USER_HELLO = 0x300,	/* user -> tester, first thing */
	USER_REPORT,		/* user -> tester: results of an order */
	USER_TRY_CALLS,		/* order: a kernel call and a SEND */
	USER_BAD_POINTERS,	/* order: SENDREC with bad message addresses */
	USER_CRASH,		/* order: touch an unmapped page */
};

/* A request type and the function that serves it (peer.c, driver.c). */
struct request_handler {
	int type;
	void (*handle)(message *m);
};

/*
 * Serve requests for ever (serve.c): RECEIVE from ANY, then call the
 * handler of the message's type; name is the program's, for errors.
 */
void serve_forever(const char *name, const struct request_handler *handlers, size_t count)
	__attribute__((noreturn));

/* The one request spinner waits for before it spins. */
#define SPINNER_START 0x400

/* What the grant test's table holds (peer.c). */
#define GRANT_BYTES      64
#define GRANT_TABLE_SIZE 4

/*
 * Random numbers the grader can compute too: xorshift32, started from the
 * boot parameter seed mixed with one salt per use.
 */
static inline uint32_t random_start(uint32_t seed, uint32_t salt)
{
	uint32_t state = seed ^ salt;
	return state != 0 ? state : 1;
}

static inline uint32_t random_next(uint32_t *state)
{
	uint32_t x = *state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

#define SALT_PINGPONG 0x70696e67	/* "ping" */
#define SALT_RECEIVE  0x72656376	/* "recv" */
#define SALT_PORTS    0x706f7274	/* "port" */
#define SALT_GRANTS   0x6772616e	/* "gran" */

/* What peer answers to PEER_PING w (Knuth's multiplicative hash, plus one). */
static inline uint32_t pingpong_answer(uint32_t w)
{
	return w * 2654435761U + 1;
}

/* A checksum of bytes: c = c * 31 + byte, 32-bit. */
static inline uint32_t bytes_checksum(const uint8_t *bytes, uint32_t count)
{
	uint32_t sum = 0;
	for (uint32_t i = 0; i < count; i++)
		sum = sum * 31 + bytes[i];
	return sum;
}

/* Fill a message's words (the rest zero) and set its type. */
static inline void make_message(message *m, int type, uint32_t word0, uint32_t word1)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->payload.words.word[0] = word0;
	m->payload.words.word[1] = word1;
}

#endif /* CAIRN_TESTS_H */
