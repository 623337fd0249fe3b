/*
 * tester.c - the lab-2 test suite: it drives every scenario and prints
 * what happened, for the grader (grade/lab2.py) to check.
 *
 * The boot parameter `test` names one scenario (without it, every one runs
 * in turn); `seed` picks the random values a student could otherwise
 * hard-code. Each scenario prints its result lines and then "NAME: ok" or
 * "NAME: FAIL why"; the run ends with "tester: done" and SYS_SHUTDOWN 0.
 * `test=bench` measures the cost of IPC in instructions instead (run it
 * under QEMU's -icount, where the time-stamp counter counts instructions).
 *
 * The other boot programs serve the tester (tests.h): peer, user, driver,
 * spinner. The user process sends its hello at boot; the tester receives
 * it first, and from then on keeps the user waiting for a reply, so it
 * never sends to the tester unasked.
 */

#include "tests.h"

static uint32_t seed = 1;

/* ---- helpers ---- */

/* Why the running scenario failed: formatted into one static buffer. */
static char failure_text[200];

static const char *failure(const char *format, ...) __attribute__((format(printf, 1, 2)));
static const char *failure(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(failure_text, sizeof(failure_text), format, args);
	va_end(args);
	return failure_text;
}

/* SENDREC a request to who; the reply replaces m. The IPC or reply result. */
static int ask(endpoint_t who, message *m, int type, uint32_t word0, uint32_t word1)
{
	make_message(m, type, word0, word1);
	int result = ipc_sendrec(who, m);
	return result != OK ? result : m->type;
}

/* SEND a request that gets no reply. */
static int tell(endpoint_t who, int type, uint32_t word0)
{
	message m;
	make_message(&m, type, word0, 0);
	return ipc_send(who, &m);
}

/* Block for ticks clock ticks in RECEIVE from CLOCK (an alarm wakes us). */
static int sleep_ticks(uint32_t ticks)
{
	int result = sys_setalarm(ticks, NULL);
	if (result != OK)
		return result;
	message m;
	result = ipc_receive(CLOCK, &m);
	if (result == OK && (m.source != CLOCK || m.type != NOTIFY_MESSAGE))
		return -EBADREQUEST;
	return result;
}

/* The user process's hello: from now on it waits for our orders. */
static bool user_waiting;

static void greet_user(void)
{
	message m;
	memset(&m, 0, sizeof(m));
	int result = ipc_receive(USER, &m);
	if (result == OK && m.type == USER_HELLO)
		user_waiting = true;
	else
		uprintf("tester: no hello from user (%s, type 0x%x)\n",
			error_name(result), m.type);
}

/* Give the waiting user process an order; the report replaces m. */
static int order_user(message *m, int order)
{
	if (!user_waiting)
		return -ESRCH;
	make_message(m, order, 0, 0);
	int result = ipc_send(USER, m);
	if (result != OK)
		return result;
	result = ipc_receive(USER, m);
	if (result == OK && m->type != USER_REPORT)
		return -EBADREQUEST;
	return result;
}

/* ---- the scenarios: each returns NULL when it passed, else why not ---- */

/* The tester runs as the first boot process. */
static const char *test_boot(void)
{
	struct process_info self;
	int result = sys_getinfo(GET_SELF, &self, sizeof(self));
	if (result != OK)
		return failure("SYS_GETINFO GET_SELF: %s", error_name(result));
	uprintf("boot: tester is endpoint %d\n", self.endpoint);
	if (self.endpoint != TESTER)
		return failure("the tester should be endpoint %d", TESTER);
	return NULL;
}

/* Round trips to peer: SENDREC, and peer's SEND of the reply. */
static const char *test_pingpong(void)
{
	uint32_t trips = 200 + seed % 300;
	uint32_t state = random_start(seed, SALT_PINGPONG);
	uint32_t checksum = 0;
	for (uint32_t i = 0; i < trips; i++) {
		uint32_t word = random_next(&state);
		message m;
		int result = ask(PEER, &m, PEER_PING, word, 0);
		if (result != OK)
			return failure("round trip %u: %s", i, error_name(result));
		if (m.source != PEER)
			return failure("round trip %u: the reply came from %d, not peer (%d)",
				       i, m.source, PEER);
		if (m.payload.words.word[0] != pingpong_answer(word))
			return failure("round trip %u: sent %08x, peer's answer should be %08x, got %08x",
				       i, word, pingpong_answer(word), m.payload.words.word[0]);
		checksum ^= m.payload.words.word[0];
	}
	uprintf("pingpong: %u round trips, checksum %08x\n", trips, checksum);
	return NULL;
}

/*
 * RECEIVE from one endpoint takes only its messages: driver queues a SEND
 * to us first, then peer sends count messages, which we RECEIVE from peer;
 * only then RECEIVE(ANY) takes driver's.
 */
static const char *test_receive(void)
{
	uint32_t count = 1 + seed % 5;
	uint32_t state = random_start(seed, SALT_RECEIVE);
	uint32_t base = random_next(&state);
	uint32_t driver_value = random_next(&state);
	message m;
	int result = ask(DRIVER, &m, DRIVER_SEND_LATER, driver_value, 0);
	if (result != OK)
		return failure("driver's answer: %s", error_name(result));
	result = ask(PEER, &m, PEER_SEND_LATER, count, base);
	if (result != OK)
		return failure("peer's answer: %s", error_name(result));
	for (uint32_t i = 0; i < count; i++) {
		result = ipc_receive(PEER, &m);
		if (result != OK)
			return failure("RECEIVE from peer, message %u: %s", i, error_name(result));
		if (m.source != PEER || m.type != PEER_SEND_LATER)
			return failure("RECEIVE from peer got type 0x%x from %d", m.type, m.source);
		if (m.payload.words.word[0] != i ||
		    m.payload.words.word[1] != pingpong_answer(base + i))
			return failure("message %u from peer has the wrong contents", i);
	}
	result = ipc_receive(ANY, &m);
	if (result != OK)
		return failure("RECEIVE from ANY: %s", error_name(result));
	if (m.source != DRIVER || m.payload.words.word[0] != driver_value)
		return failure("RECEIVE from ANY got type 0x%x from %d, not driver's message",
			       m.type, m.source);
	uprintf("receive: %u from peer, then driver's from ANY\n", count);
	return NULL;
}

/*
 * A NOTIFY to a process receiving from the notifier arrives at once; many
 * NOTIFYs to a process that is not receiving coalesce into one.
 */
static const char *test_notify(void)
{
	int notifies = 2 + seed % 6;
	message m;
	int result = tell(PEER, PEER_NOTIFY, 1);
	if (result == OK)
		result = ipc_receive(PEER, &m);
	if (result != OK)
		return failure("one NOTIFY while receiving: %s", error_name(result));
	if (m.source != PEER || m.type != NOTIFY_MESSAGE)
		return failure("expected a NOTIFY_MESSAGE from peer, got type 0x%x from %d",
			       m.type, m.source);

	/* Peer notifies while we wait for CLOCK only. */
	result = tell(PEER, PEER_NOTIFY, notifies);
	if (result == OK)
		result = sleep_ticks(3);
	if (result != OK)
		return failure("waiting while peer notifies: %s", error_name(result));
	/* Count what is pending from peer: an alarm ends the count. */
	result = sys_setalarm(5, NULL);
	int received = 0;
	for (;;) {
		if (result == OK)
			result = ipc_receive(ANY, &m);
		if (result != OK)
			return failure("RECEIVE from ANY: %s", error_name(result));
		if (m.source == CLOCK)
			break;
		if (m.source != PEER || m.type != NOTIFY_MESSAGE)
			return failure("unexpected type 0x%x from %d", m.type, m.source);
		received++;
	}
	uprintf("notify: %d notification%s for %d notifies\n", received,
		received == 1 ? "" : "s", notifies);
	if (received != 1)
		return failure("%d NOTIFYs before a RECEIVE should arrive as 1 notification",
			       notifies);
	return NULL;
}

/* SENDNB fails while peer is busy in RECEIVE from CLOCK, then succeeds. */
static const char *test_sendnb(void)
{
	message m;
	int result = tell(PEER, PEER_SLEEP, 5);
	if (result != OK)
		return failure("asking peer to sleep: %s", error_name(result));
	make_message(&m, PEER_NOTE, 0, 0);
	int busy = ipc_sendnb(PEER, &m);
	result = sleep_ticks(15);
	if (result != OK)
		return failure("sleeping: %s", error_name(result));
	make_message(&m, PEER_NOTE, 0, 0);
	int ready = ipc_sendnb(PEER, &m);
	uprintf("sendnb: %s then %s\n", error_name(busy), error_name(ready));
	if (busy != -ENOTREADY)
		return failure("SENDNB to a busy peer should fail with ENOTREADY");
	if (ready != OK)
		return failure("SENDNB to a peer in RECEIVE(ANY) should succeed");
	return NULL;
}

/* Peer blocks sending to us; our SEND to peer would close the cycle. */
static const char *test_deadlock(void)
{
	message m;
	int result = tell(PEER, PEER_SEND_TO_TESTER, seed);
	if (result == OK)
		result = sleep_ticks(3);
	if (result != OK)
		return failure("setting up: %s", error_name(result));
	make_message(&m, PEER_NOTE, 0, 0);
	int locked = ipc_send(PEER, &m);
	uprintf("deadlock: %s\n", error_name(locked));
	result = ipc_receive(PEER, &m);
	if (result != OK || m.type != PEER_SEND_TO_TESTER || m.payload.words.word[0] != seed)
		return failure("RECEIVE of peer's blocked message: %s, type 0x%x",
			       error_name(result), m.type);
	if (locked != -ELOCKED)
		return failure("SEND to a process that is sending to us must fail with ELOCKED");
	return NULL;
}

/* Peer's privilege record does not list driver among its targets. */
static const char *test_targets(void)
{
	message m;
	int result = ask(PEER, &m, PEER_TRY_TARGETS, 0, 0);
	if (result != OK)
		return failure("peer's answer: %s", error_name(result));
	int to_driver = m.payload.words.word[0];
	int to_user = m.payload.words.word[1];
	uprintf("targets: %s\n", error_name(to_driver));
	if (to_driver != -EPERM)
		return failure("peer's SEND to driver should fail with EPERM");
	if (to_user == -EPERM)
		return failure("peer may send to user, yet its SENDNB got EPERM");
	return NULL;
}

/* Kernel calls outside the call mask, and a primitive a user may not use. */
static const char *test_calls(void)
{
	message m;
	int result = ask(PEER, &m, PEER_TRY_DEVIO, 0, 0);
	if (result != OK)
		return failure("peer's answer: %s", error_name(result));
	int peer_devio = m.payload.words.word[0];
	result = order_user(&m, USER_TRY_CALLS);
	if (result != OK)
		return failure("user's report: %s", error_name(result));
	int user_call = m.payload.words.word[0];
	int user_send = m.payload.words.word[1];
	uprintf("calls: %s %s %s\n", error_name(peer_devio), error_name(user_call),
		error_name(user_send));
	if (peer_devio != -ECALLDENIED)
		return failure("peer's SYS_DEVIO should fail with ECALLDENIED");
	if (user_call != -ECALLDENIED)
		return failure("a user process's kernel call should fail with ECALLDENIED");
	if (user_send != -ETRAPDENIED)
		return failure("a user process's SEND should fail with ETRAPDENIED");
	return NULL;
}

/* Let record allow kernel call (a SYS_* number). */
static void record_allow_call(struct privilege_record *record, int call)
{
	int bit = call - KERNEL_CALL_BASE;

	record->calls[bit / 32] |= 1U << (bit % 32);
}

/*
 * Give driver, through SYS_PRIVCTL, a whole record: its boot record (with
 * SYS_VDEVIO, which test_ports granted), holding LPT1's ports only when
 * io_count is 1. Then ask it to try its ports: its first result.
 */
static int try_ports_with_record(uint32_t io_count)
{
	struct privilege_record record;
	message m;

	memset(&record, 0, sizeof(record));
	record.system = 1;
	record.traps = (1U << IPC_SEND) | (1U << IPC_RECEIVE) | (1U << IPC_SENDREC) |
		       (1U << IPC_NOTIFY);
	record.targets[TESTER / 32] = 1U << (TESTER % 32);	/* its answers */
	record_allow_call(&record, SYS_DEVIO);
	record_allow_call(&record, SYS_VDEVIO);
	record_allow_call(&record, SYS_IRQCTL);
	record_allow_call(&record, SYS_DIAGNOSTICS);
	record_allow_call(&record, SYS_GETINFO);
	record.irqs = 1U << 7;
	record.io_count = io_count;
	record.io[0].first = 0x378;
	record.io[0].last = 0x37A;
	int result = sys_privctl(DRIVER, PRIV_SET_RECORD, (int32_t) (uint32_t) &record);
	if (result != OK)
		return result;
	result = ask(DRIVER, &m, DRIVER_TRY_PORTS, 0x5a, 0);
	return result != OK ? result : (int32_t) m.payload.words.word[0];
}

/*
 * A whole privilege record replaces the driver's (what RS does when it
 * starts a driver): without LPT1's ports in it, the driver's own port is
 * refused; with them again, it works (and the driver has its boot
 * privileges back for the scenarios after this one).
 */
static const char *test_record(void)
{
	int without = try_ports_with_record(0);
	int with = try_ports_with_record(1);

	uprintf("record: %s %s\n", error_name(without), error_name(with));
	if (without != -EPERM)
		return failure("with a record without port 0x378, the driver's write should "
			       "fail with EPERM, not %s", error_name(without));
	if (with != OK)
		return failure("with a record holding port 0x378 again, it should work, not %s",
			       error_name(with));
	return NULL;
}

/*
 * Driver's own ports work; others are refused, even inside a vector.
 * Driver's boot record does not list SYS_VDEVIO: the tester, which may make
 * every call, first grants it that one call with SYS_PRIVCTL.
 */
static const char *test_ports(void)
{
	uint32_t state = random_start(seed, SALT_PORTS);
	uint32_t value = random_next(&state) & 0xff;
	int result = sys_privctl(DRIVER, PRIV_ALLOW_CALL, SYS_VDEVIO);
	if (result != OK)
		return failure("SYS_PRIVCTL letting driver call SYS_VDEVIO: %s",
			       error_name(result));
	message m;
	result = ask(DRIVER, &m, DRIVER_TRY_PORTS, value, 0);
	if (result != OK)
		return failure("driver's answer: %s", error_name(result));
	int32_t *word = (int32_t *) m.payload.words.word;
	uprintf("ports: %s %s %s\n", error_name(word[0]), error_name(word[3]),
		error_name(word[4]));
	if (word[0] != OK || word[1] != OK)
		return failure("writing and reading LPT1's port 0x378 should work");
	if ((uint32_t) word[2] != value)
		return failure("wrote 0x%02x to port 0x378, read back 0x%02x", value, word[2]);
	if (word[3] != -EPERM)
		return failure("reading port 0x60 should fail with EPERM");
	if (word[4] != -EPERM)
		return failure("a SYS_VDEVIO with port 0x60 in it should fail with EPERM");
	if ((uint32_t) word[5] != value)
		return failure("the refused SYS_VDEVIO still wrote port 0x378");
	return test_record();
}

/*
 * The safe copies the grants scenario tries after the good ones, and the
 * result each must have. Peer's table (peer.c): 0 not valid, 1 readable by
 * us, 2 a grant to user, 3 writable (not readable) by us.
 */
static const struct grant_check {
	const char *what;
	int call;			/* SYS_SAFECOPYFROM or SYS_SAFECOPYTO */
	grant_id_t grant;
	uint32_t offset;
	uint32_t bytes;
	int expected;
} grant_checks[] = {
	{ "8 bytes at offset 60 of 64", SYS_SAFECOPYFROM, 1, GRANT_BYTES - 4, 8, -EPERM },
	{ "SAFECOPYTO into a read-only grant", SYS_SAFECOPYTO, 1, 0, 8, -EPERM },
	{ "offset 0xfffffffc, 8 bytes (wraps around)", SYS_SAFECOPYFROM, 1, 0xfffffffcU, 8, -EPERM },
	{ "a grant to another process", SYS_SAFECOPYFROM, 2, 0, 8, -EPERM },
	{ "a grant entry without GRANT_VALID", SYS_SAFECOPYFROM, 0, 0, 8, -EPERM },
	{ "SAFECOPYFROM from a write-only grant", SYS_SAFECOPYFROM, 3, 0, 8, -EPERM },
	{ "SAFECOPYTO into a writable grant", SYS_SAFECOPYTO, 3, 0, 16, OK },
	{ "grant id past the table", SYS_SAFECOPYFROM, GRANT_TABLE_SIZE, 0, 8, -EINVAL },
	{ "grant id -1", SYS_SAFECOPYFROM, -1, 0, 8, -EINVAL },
};

/* Safe copies through peer's grants: allowed ones work, others are refused. */
static const char *test_grants(void)
{
	message m;
	int result = ask(PEER, &m, PEER_MAKE_GRANTS, seed, 0);
	if (result == OK)
		result = m.payload.words.word[0];
	if (result != OK)
		return failure("peer's SYS_SETGRANT: %s", error_name(result));

	uint8_t expected[GRANT_BYTES];
	uint32_t state = random_start(seed, SALT_GRANTS);
	for (int i = 0; i < GRANT_BYTES; i += 4) {
		uint32_t word = random_next(&state);
		memcpy(&expected[i], &word, 4);
	}
	uint8_t copy[GRANT_BYTES];
	memset(copy, 0, sizeof(copy));
	result = sys_safecopyfrom(PEER, 1, 0, copy, GRANT_BYTES);
	if (result != OK)
		return failure("SAFECOPYFROM of the whole grant: %s", error_name(result));
	if (memcmp(copy, expected, GRANT_BYTES) != 0)
		return failure("SAFECOPYFROM copied the wrong bytes");
	memset(copy, 0, sizeof(copy));
	result = sys_safecopyfrom(PEER, 1, 16, copy, 8);
	if (result != OK || memcmp(copy, &expected[16], 8) != 0)
		return failure("SAFECOPYFROM of 8 bytes at offset 16: %s", error_name(result));

	int results[ARRAY_SIZE(grant_checks)];
	for (size_t i = 0; i < ARRAY_SIZE(grant_checks); i++) {
		const struct grant_check *check = &grant_checks[i];
		if (check->call == SYS_SAFECOPYTO)
			results[i] = sys_safecopyto(PEER, check->grant, check->offset,
						    copy, check->bytes);
		else
			results[i] = sys_safecopyfrom(PEER, check->grant, check->offset,
						      copy, check->bytes);
	}
	uprintf("grants: checksum %08x, out of range %s, read-only %s\n",
		bytes_checksum(expected, GRANT_BYTES), error_name(results[0]),
		error_name(results[1]));
	for (size_t i = 0; i < ARRAY_SIZE(grant_checks); i++)
		if (results[i] != grant_checks[i].expected)
			return failure("%s: should give %s, got %s", grant_checks[i].what,
				       error_name(grant_checks[i].expected),
				       error_name(results[i]));
	return NULL;
}

/* A SEND to the endpoint of a process that has died is refused. */
static const char *test_stale(void)
{
	/* Driver answers, then blocks SENDing to us; peer blocks SENDing to it. */
	message m;
	int result = ask(DRIVER, &m, DRIVER_SEND_LATER, seed, 0);
	if (result == OK)
		result = sys_privctl(PEER, PRIV_ALLOW_SEND, DRIVER);
	if (result == OK)
		result = tell(PEER, PEER_SEND_AND_REPORT, DRIVER);
	if (result == OK)
		result = sleep_ticks(2);	/* peer runs and blocks */
	if (result != OK)
		return failure("setting up driver and peer: %s", error_name(result));

	result = sys_kill(DRIVER);
	if (result != OK)
		return failure("SYS_KILL of driver: %s", error_name(result));
	make_message(&m, PEER_NOTE, 0, 0);
	int stale = ipc_send(DRIVER, &m);

	/* Peer's SEND to the dead driver ended; driver's SEND to us is gone. */
	result = ipc_receive(PEER, &m);
	int peer_send = result == OK ? (int) m.payload.words.word[0] : result;
	result = sys_setalarm(2, NULL);
	if (result == OK)
		result = ipc_receive(ANY, &m);
	bool dropped = result == OK && m.source == CLOCK;
	uprintf("stale: %s, blocked sender woken with %s, dead sender's message %s\n",
		error_name(stale), error_name(peer_send), dropped ? "dropped" : "delivered");
	if (stale != -EDEADEPT)
		return failure("a SEND to a dead process's endpoint should fail with EDEADEPT");
	if (peer_send != -EDSTDIED)
		return failure("peer, blocked sending to driver when it died, should get EDSTDIED");
	if (!dropped)
		return failure("the message driver was blocked sending should die with it");
	return NULL;
}

/* Bad message addresses fail the call; a bad access kills only the caller. */
static const char *test_badpointer(void)
{
	message m;
	int result = order_user(&m, USER_BAD_POINTERS);
	if (result != OK)
		return failure("user's report: %s", error_name(result));
	int kernel = m.payload.words.word[0];
	int unmapped = m.payload.words.word[1];

	make_message(&m, USER_CRASH, 0, 0);
	result = ipc_send(USER, &m);
	if (result != OK)
		return failure("ordering the crash: %s", error_name(result));
	user_waiting = false;
	/* Wait for user alone: it faults and dies, which must wake us. */
	int woken = ipc_receive(USER, &m);
	make_message(&m, PEER_NOTE, 0, 0);
	int dead = ipc_sendnb(USER, &m);

	uint32_t word = seed;
	result = ask(PEER, &m, PEER_PING, word, 0);
	bool alive = result == OK && m.payload.words.word[0] == pingpong_answer(word);
	uprintf("badpointer: %s %s, user %s, receiver woken with %s, system %s\n",
		error_name(kernel), error_name(unmapped),
		dead == -EDEADEPT ? "killed" : "not killed", error_name(woken),
		alive ? "alive" : "not answering");
	if (kernel != -EFAULT || unmapped != -EFAULT)
		return failure("a SENDREC with a message at 0xc0000000 or 0x10 should fail with EFAULT");
	if (dead != -EDEADEPT)
		return failure("after its page fault user should be dead (SENDNB: EDEADEPT, not %s)",
			       error_name(dead));
	if (woken != -ESRCDIED)
		return failure("a RECEIVE from user, who died, should end with ESRCDIED");
	if (!alive)
		return failure("peer did not answer a ping after user was killed");
	return NULL;
}

/* An interrupt reaches the driver that took its line, as a notification. */
static const char *test_interrupts(void)
{
	message m;
	int result = ask(DRIVER, &m, DRIVER_TRY_IRQ, 0, 0);
	if (result != OK)
		return failure("asking driver: %s", error_name(result));
	uint32_t *word = m.payload.words.word;
	uprintf("interrupts: IRQ 1 %s, IRQ 7 %s, notification from %s with 0x%08x\n",
		error_name(word[0]), error_name(word[1]),
		(int) word[2] == HARDWARE ? "HARDWARE" : "someone else", word[3]);
	if ((int) word[0] != -EPERM)
		return failure("taking IRQ 1, which its record does not list, should fail with EPERM");
	if ((int) word[1] != OK)
		return failure("taking IRQ 7, which its record lists, should succeed");
	if ((int) word[2] != HARDWARE || word[3] != 1U << 7)
		return failure("IRQ 7 should arrive as a notification from HARDWARE with bit 7 set");
	return NULL;
}

/* Woken by an alarm, we run again only if the clock preempts spinner. */
static const char *test_preemption(void)
{
	message m;
	make_message(&m, SPINNER_START, 0, 0);
	int result = ipc_send(SPINNER, &m);
	if (result == OK)
		result = sleep_ticks(10);
	if (result != OK)
		return failure("starting spinner and sleeping: %s", error_name(result));
	struct kcall_times times;
	result = sys_times(SPINNER, &times);
	if (result != OK)
		return failure("SYS_TIMES of spinner: %s", error_name(result));
	uprintf("preemption: alarm after spinner ran\n");
	if (times.user_ticks == 0)
		return failure("spinner has run no tick in user mode");

	/* Strict priority: driver (priority 1) must run ahead of spinner (2). */
	uint32_t value = seed & 0xffff;
	make_message(&m, DRIVER_PING, value, 0);
	result = ipc_sendrec(DRIVER, &m);
	if (result != OK || m.payload.words.word[0] != value + 1)
		return failure("driver (priority 1) did not answer while spinner spun: %s",
			       error_name(result));
	uprintf("preemption: driver answered while spinner spun\n");
	return NULL;
}

/* ---- the benchmark ---- */

#define BENCH_ROUNDS 1000

/* The time-stamp counter, low 32 bits: instructions under -icount shift=0. */
static inline uint32_t timestamp(void)
{
	uint32_t low, high;
	asm volatile("rdtsc" : "=a" (low), "=d" (high));
	return low;
}

/* Instructions per operation, averaged over BENCH_ROUNDS of each. */
static const char *test_bench(void)
{
	/* A loop of two instructions a lap shows what one counter step is. */
	uint32_t laps = 10000;
	uint32_t start = timestamp();
	asm volatile("1: decl %0\n\tjnz 1b" : "+r" (laps));
	uint32_t calibration = timestamp() - start;

	message m;
	start = timestamp();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		ask(PEER, &m, PEER_PING, i, 0);
	uint32_t sendrec = (timestamp() - start) / BENCH_ROUNDS;

	uint32_t ticks;
	start = timestamp();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		sys_getinfo(GET_TICKS, &ticks, sizeof(ticks));
	uint32_t kernel_call_cost = (timestamp() - start) / BENCH_ROUNDS;

	/* Peer sleeps, so every NOTIFY just sets its pending bit. */
	tell(PEER, PEER_SLEEP, 2);
	start = timestamp();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		ipc_notify(PEER);
	uint32_t notify = (timestamp() - start) / BENCH_ROUNDS;
	sleep_ticks(5);

	uprintf("bench: calibration %u for 20000 instructions\n", calibration);
	uprintf("bench: sendrec %u notify %u kernelcall %u switch %u\n",
		sendrec, notify, kernel_call_cost, sendrec / 2);
	return NULL;
}

/* ---- the scenario table ---- */

static const struct {
	const char *name;
	const char *(*run)(void);
	bool in_all;		/* run when no test is named */
} scenarios[] = {
	{ "boot", test_boot, true },
	{ "pingpong", test_pingpong, true },
	{ "receive", test_receive, true },
	{ "notify", test_notify, true },
	{ "sendnb", test_sendnb, true },
	{ "deadlock", test_deadlock, true },
	{ "targets", test_targets, true },
	{ "calls", test_calls, true },
	{ "ports", test_ports, true },
	{ "interrupts", test_interrupts, true },
	{ "grants", test_grants, true },
	{ "badpointer", test_badpointer, true },
	{ "preemption", test_preemption, true },	/* spinner spins from then on */
	{ "stale", test_stale, true },		/* kills driver */
	{ "bench", test_bench, false },
};

/* Run the scenario the boot parameter test names (or all), then shut down. */
int main(void)
{
	char name[32], seed_text[16];
	bool all = sys_getparam("test", name, sizeof(name)) != OK;
	if (sys_getparam("seed", seed_text, sizeof(seed_text)) == OK)
		seed = strtoul(seed_text, NULL, 0);
	greet_user();

	bool found = false;
	for (size_t i = 0; i < ARRAY_SIZE(scenarios); i++) {
		if (all ? !scenarios[i].in_all : strcmp(name, scenarios[i].name) != 0)
			continue;
		found = true;
		const char *why = scenarios[i].run();
		if (why == NULL)
			uprintf("%s: ok\n", scenarios[i].name);
		else
			uprintf("%s: FAIL %s\n", scenarios[i].name, why);
	}
	if (!found)
		uprintf("tester: no test called %s\n", name);
	uprintf("tester: done\n");
	sys_shutdown(0);
	return 0;
}
