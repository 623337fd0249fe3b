/*
 * peer.c - the tester's partner: a server that does what it is asked.
 *
 * It waits in RECEIVE(ANY) and handles each request (tests.h) through the
 * table below: answer a ping, send or notify later, sleep, try a send or a
 * kernel call its privileges forbid, offer a grant. Requests that came by
 * SENDREC are answered with a SEND to the requester, who is waiting for
 * exactly that reply.
 *
 * Peer is a system process with priority 2 (like the tester); it may send
 * to the tester, itself and user, and make only a few kernel calls.
 */

#include "tests.h"

/* The requester waits in the RECEIVE half of its SENDREC: answer it OK. */
static void reply(endpoint_t requester, message *answer)
{
	answer->type = OK;
	int result = ipc_send(requester, answer);
	if (result != OK)
		uprintf("peer: reply to %d failed: %s\n", requester, error_name(result));
}

/* Answer a ping: the word transformed, so a stale reply shows. */
static void ping(message *m)
{
	m->payload.words.word[0] = pingpong_answer(m->payload.words.word[0]);
	reply(m->source, m);
}

/* Answer first, then SEND count messages the tester will RECEIVE later. */
static void send_later(message *m)
{
	uint32_t count = m->payload.words.word[0];
	uint32_t base = m->payload.words.word[1];
	reply(m->source, m);
	for (uint32_t i = 0; i < count; i++) {
		message out;
		make_message(&out, PEER_SEND_LATER, i, pingpong_answer(base + i));
		int result = ipc_send(TESTER, &out);
		if (result != OK)
			uprintf("peer: send %u failed: %s\n", i, error_name(result));
	}
}

/* NOTIFY the tester count times; it is not receiving, so they coalesce. */
static void notify_tester(message *m)
{
	for (uint32_t i = 0; i < m->payload.words.word[0]; i++)
		ipc_notify(TESTER);
}

/* Block in RECEIVE from CLOCK: a process busy elsewhere, not receiving. */
static void sleep_ticks(message *m)
{
	message alarm;
	sys_setalarm(m->payload.words.word[0], NULL);
	ipc_receive(CLOCK, &alarm);
}

/* SEND the tester a message it is not yet waiting for: peer blocks. */
static void send_to_tester(message *m)
{
	message out;
	make_message(&out, PEER_SEND_TO_TESTER, m->payload.words.word[0], 0);
	int result = ipc_send(TESTER, &out);
	if (result != OK)
		uprintf("peer: send to tester failed: %s\n", error_name(result));
}

/*
 * SEND a note to the endpoint asked for (peer blocks until it is taken, or
 * fails), then tell the tester how that SEND ended.
 */
static void send_and_report(message *m)
{
	message out;
	make_message(&out, PEER_NOTE, 0, 0);
	int result = ipc_send(m->payload.words.word[0], &out);
	make_message(&out, PEER_SEND_AND_REPORT, (uint32_t) result, 0);
	ipc_send(TESTER, &out);
}

/* Driver is not among peer's targets; user is, but is not receiving. */
static void try_targets(message *m)
{
	message out;
	make_message(&out, PEER_NOTE, 0, 0);
	int to_driver = ipc_send(DRIVER, &out);
	make_message(&out, PEER_NOTE, 0, 0);
	int to_user = ipc_sendnb(USER, &out);
	make_message(&out, OK, to_driver, to_user);
	reply(m->source, &out);
}

/* SYS_DEVIO is not in peer's call mask. */
static void try_devio(message *m)
{
	uint32_t value;
	message out;
	make_message(&out, OK, sys_devio_in(0x80, DEVIO_BYTE, &value), 0);
	reply(m->source, &out);
}

/*
 * Offer the tester GRANT_BYTES bytes made from the seed it sends, readable
 * only; plus a grant to user (not to the tester) and a small write-only one.
 */
static uint8_t granted[GRANT_BYTES];
static uint8_t writable[16];
static struct grant grant_table[GRANT_TABLE_SIZE];

static void make_grants(message *m)
{
	uint32_t state = random_start(m->payload.words.word[0], SALT_GRANTS);
	for (int i = 0; i < GRANT_BYTES; i += 4) {
		uint32_t word = random_next(&state);
		memcpy(&granted[i], &word, 4);
	}
	memset(grant_table, 0, sizeof(grant_table));	/* entry 0 stays invalid */
	grant_table[1] = (struct grant) { GRANT_VALID | GRANT_READ, TESTER,
					  (uint32_t) granted, GRANT_BYTES };
	grant_table[2] = (struct grant) { GRANT_VALID | GRANT_READ | GRANT_WRITE, USER,
					  (uint32_t) granted, GRANT_BYTES };
	grant_table[3] = (struct grant) { GRANT_VALID | GRANT_WRITE, TESTER,
					  (uint32_t) writable, sizeof(writable) };
	message out;
	make_message(&out, OK, sys_setgrant(grant_table, GRANT_TABLE_SIZE), 0);
	reply(m->source, &out);
}

/* Requests that need nothing done, and notifications. */
static void ignore(message *m)
{
}

/* Every request peer knows, and what it does with it. */
static const struct request_handler requests[] = {
	{ PEER_PING, ping },
	{ PEER_SEND_LATER, send_later },
	{ PEER_NOTIFY, notify_tester },
	{ PEER_SLEEP, sleep_ticks },
	{ PEER_SEND_TO_TESTER, send_to_tester },
	{ PEER_TRY_TARGETS, try_targets },
	{ PEER_TRY_DEVIO, try_devio },
	{ PEER_MAKE_GRANTS, make_grants },
	{ PEER_SEND_AND_REPORT, send_and_report },
	{ PEER_NOTE, ignore },
	{ NOTIFY_MESSAGE, ignore },
};

/* Serve requests for ever: RECEIVE(ANY), then the table's handler. */
int main(void)
{
	serve_forever("peer", requests, ARRAY_SIZE(requests));
}
