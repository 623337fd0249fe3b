/*
 * driver.c - a process with hardware privileges: LPT1's ports 0x378-0x37A
 * and IRQ 7, and nothing else. It waits in RECEIVE(ANY) for the tester's
 * requests (tests.h) and answers each with a SEND.
 *
 * DRIVER_TRY_PORTS shows the kernel guarding ports: writing and reading
 * back LPT1's data latch works, port 0x60 (the keyboard controller) is
 * refused, and so is a SYS_VDEVIO vector that mixes the two, before any of
 * its writes is done.
 *
 * DRIVER_TRY_IRQ shows interrupts reaching a driver as notifications: it
 * takes IRQ 7, makes the printer port raise it, and waits for HARDWARE.
 */

#include "tests.h"

#define LPT1_DATA      0x378
#define LPT1_CONTROL   0x37A
#define KEYBOARD_DATA  0x60	/* not the driver's */
#define KEYBOARD_IRQ   1	/* not the driver's either */
#define LPT1_IRQ       7

/* LPT1 control register bits. */
#define LPT_STROBE     0x01	/* pulse to hand the printer the data byte */
#define LPT_INIT       0x04	/* 0 resets the printer */
#define LPT_SELECT     0x08
#define LPT_IRQ_ENABLE 0x10	/* raise IRQ 7 when the printer acknowledges */

/* Answer the tester's SENDREC (the driver may send to the tester only). */
static void reply(message *answer)
{
	answer->type = OK;
	int result = ipc_send(TESTER, answer);
	if (result != OK)
		uprintf("driver: reply failed: %s\n", error_name(result));
}

/* Answer, then SEND the tester one more message it has not asked for yet. */
static void send_later(message *m)
{
	uint32_t value = m->payload.words.word[0];
	reply(m);
	message out;
	make_message(&out, DRIVER_SEND_LATER, value, 0);
	int result = ipc_send(TESTER, &out);
	if (result != OK)
		uprintf("driver: send failed: %s\n", error_name(result));
}

/*
 * Reply words: 0 result of writing value to LPT1_DATA, 1 result of reading
 * it back, 2 the value read, 3 result of reading KEYBOARD_DATA, 4 result of
 * a vector writing both, 5 LPT1_DATA read again (still value if the vector
 * wrote nothing).
 */
static void try_ports(message *m)
{
	uint32_t value = m->payload.words.word[0] & 0xff;
	uint32_t read_back = 0, forbidden = 0, after = 0;
	uint32_t *word = m->payload.words.word;
	memset(word, 0, sizeof(m->payload.words));

	word[0] = sys_devio_out(LPT1_DATA, DEVIO_BYTE, value);
	word[1] = sys_devio_in(LPT1_DATA, DEVIO_BYTE, &read_back);
	word[2] = read_back;
	word[3] = sys_devio_in(KEYBOARD_DATA, DEVIO_BYTE, &forbidden);
	struct port_value vector[2] = {
		{ LPT1_DATA, value ^ 0xff },
		{ KEYBOARD_DATA, 0 },
	};
	word[4] = sys_vdevio(1, DEVIO_BYTE, vector, 2);
	sys_devio_in(LPT1_DATA, DEVIO_BYTE, &after);
	word[5] = after;
	reply(m);
}

/*
 * Reply words: 0 result of taking the keyboard's IRQ (not ours), 1 result
 * of taking IRQ 7, 2 the source of the notification that followed, 3 its
 * interrupt bitmap. A byte is "printed" with interrupts enabled: the
 * printer's acknowledgement raises IRQ 7, which the kernel turns into a
 * notification from HARDWARE.
 */
static void try_irq(message *m)
{
	uint32_t *word = m->payload.words.word;
	memset(word, 0, sizeof(m->payload.words));

	word[0] = sys_irqctl(IRQ_SET_POLICY, KEYBOARD_IRQ);
	word[1] = sys_irqctl(IRQ_SET_POLICY, LPT1_IRQ);
	if ((int) word[1] == OK) {
		message notification;
		uint32_t online = LPT_INIT | LPT_SELECT | LPT_IRQ_ENABLE;
		sys_devio_out(LPT1_DATA, DEVIO_BYTE, 'A');
		sys_devio_out(LPT1_CONTROL, DEVIO_BYTE, online);	/* interrupts on first */
		sys_devio_out(LPT1_CONTROL, DEVIO_BYTE, online | LPT_STROBE);
		sys_devio_out(LPT1_CONTROL, DEVIO_BYTE, online);
		ipc_receive(HARDWARE, &notification);
		word[2] = notification.source;
		word[3] = notification.payload.notification.interrupts;
		sys_devio_out(LPT1_CONTROL, DEVIO_BYTE, LPT_INIT | LPT_SELECT);
		sys_irqctl(IRQ_REMOVE, LPT1_IRQ);
	}
	reply(m);
}

/* Answer value + 1: the tester checks that a high-priority process runs. */
static void ping(message *m)
{
	m->payload.words.word[0]++;
	reply(m);
}

/* Notifications need nothing done. */
static void ignore(message *m)
{
}

/* Every request driver knows, and what it does with it. */
static const struct request_handler requests[] = {
	{ DRIVER_SEND_LATER, send_later },
	{ DRIVER_TRY_PORTS, try_ports },
	{ DRIVER_PING, ping },
	{ DRIVER_TRY_IRQ, try_irq },
	{ NOTIFY_MESSAGE, ignore },
};

/* Serve the tester's requests for ever. */
int main(void)
{
	serve_forever("driver", requests, ARRAY_SIZE(requests));
}
