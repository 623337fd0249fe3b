/*
 * tty.c - the console driver: the first serial port (COM1, a 16550 UART)
 * as the character device TTY_MAJOR, minor 0, that /dev/console and
 * /dev/tty name.
 *
 * Output (DEV_WRITE) goes to the UART byte by byte, polled: the driver
 * waits until the UART can take the next byte. Each "\n" becomes "\r\n",
 * since a terminal needs both to start a fresh line.
 *
 * Input comes with interrupts: the UART raises IRQ 4 when a byte has
 * arrived, the kernel turns that into a notification from HARDWARE, and
 * the driver reads every waiting byte into the line discipline (line.c),
 * which edits and echoes them. A program reads only finished lines.
 *
 * A read (DEV_READ from FS) when no line is finished cannot be answered
 * yet, and a driver must never keep FS waiting: it replies ESUSPEND and
 * remembers the request. When a line is finished it notifies FS, which
 * then asks DEV_STATUS (with a fresh grant) and gets one finished read
 * per DEV_REVIVE reply, until DEV_NO_STATUS.
 *
 * ^C asks PM to send SIGINT to the user processes (PM_TTYSIGNAL).
 *
 * The driver library (drivers/lib/driver.h) runs the message loop and
 * publishes the driver in DS as "tty"; this file holds only the device.
 *
 * Entry point: main (start-up, then the driver library's loop). Requests:
 * DEV_OPEN, DEV_CLOSE, DEV_READ, DEV_WRITE, DEV_CANCEL, DEV_STATUS
 * (protocol/device.h).
 */

#include "driver.h"
#include "line.h"
#include "uart.h"

#define CONSOLE_MINOR 0
#define SEND_WAIT_LIMIT        100000	/* give up on a UART that never gets ready */

#define WRITE_CHUNK 256			/* bytes copied from FS at a time */
#define WAITING_READS_MAX 4

/* A read that waits for a finished line. FS's grant is not kept: DEV_STATUS brings a new one. */
struct waiting_read {
	endpoint_t requester;	/* FS */
	uint32_t id;		/* FS's name for the read */
	uint32_t count;		/* bytes asked for */
};

static struct line_discipline console;
static struct waiting_read waiting_reads[WAITING_READS_MAX];	/* oldest first */
static int waiting_count;
static bool interrupt_pending;	/* ^C was typed and PM has not heard of it yet */

/* ---- the UART ---- */

/* Read a UART register; UART_MISSING if the port cannot be read. */
static uint32_t uart_read(int reg)
{
	uint32_t value;

	if (sys_devio_in(COM1 + reg, DEVIO_BYTE, &value) != OK)
		return UART_MISSING;
	return value & 0xFF;
}

/* Write a UART register. */
static void uart_write(int reg, uint32_t value)
{
	sys_devio_out(COM1 + reg, DEVIO_BYTE, value);
}

/* Wait until the UART has room, then send one byte. */
static void uart_send(char byte)
{
	for (int tries = 0; tries < SEND_WAIT_LIMIT; tries++) {
		if (uart_read(UART_LINE_STATUS) & UART_CAN_SEND)
			break;
	}
	uart_write(UART_DATA, (uint8_t) byte);
}

/* The line discipline's echo: bytes go out exactly as given. */
static void echo_to_uart(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		uart_send(text[i]);
}

/* A program's output: as given, but every "\n" as "\r\n". */
static void write_to_uart(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n')
			uart_send('\r');
		uart_send(text[i]);
	}
}

/* ---- reads: finished lines to FS ---- */

/*
 * Copy up to room bytes of the oldest finished line into grant (of
 * grantor), and take them out of the line discipline. A line's end is
 * also the read's end. Returns the bytes copied (0 for an end of file)
 * or an error; nothing is taken when the copy fails.
 */
static int copy_line(endpoint_t grantor, grant_id_t grant, uint32_t room)
{
	const char *data;
	uint32_t bytes = MIN(line_peek(&console, &data), room);

	if (bytes > 0) {
		int result = sys_safecopyto(grantor, grant, 0, data, bytes);
		if (result != OK)
			return result;
	}
	line_consume(&console, bytes);
	return bytes;
}

/* Remember a read until a line is finished. Returns ESUSPEND (or EBUSY if full). */
static int suspend_read(endpoint_t requester, const struct dev_io *request)
{
	if (waiting_count == WAITING_READS_MAX)
		return -EBUSY;
	struct waiting_read *read = &waiting_reads[waiting_count++];
	read->requester = requester;
	read->id = request->id;
	read->count = request->count;
	return -ESUSPEND;
}

/* Forget waiting read number index (later ones move up, keeping their order). */
static void remove_waiting_read(int index)
{
	waiting_count--;
	for (int i = index; i < waiting_count; i++)
		waiting_reads[i] = waiting_reads[i + 1];
}

/* The index of requester's oldest waiting read (any id if id is NULL), or -1. */
static int find_waiting_read(endpoint_t requester, const uint32_t *id)
{
	for (int i = 0; i < waiting_count; i++) {
		if (waiting_reads[i].requester == requester &&
		    (id == NULL || waiting_reads[i].id == *id))
			return i;
	}
	return -1;
}

/* A line was finished: tell whoever has a read waiting to come for it. */
static void wake_readers(void)
{
	for (int i = 0; i < waiting_count; i++)
		driver_wake(waiting_reads[i].requester);
}

/* ---- input: bytes from the UART ---- */

/*
 * Tell PM that ^C was typed: it sends SIGINT to the user processes.
 *
 * This never blocks: to interrupt a program that is reading the console,
 * PM asks FS to cancel the read, and FS asks us (DEV_CANCEL). Were we
 * blocked sending to PM (or waiting for its answer) while PM waits for
 * FS and FS for us, the three of us would wait for each other for ever.
 * So it is a SENDNB: when PM is busy (ENOTREADY), we keep the ^C and try
 * again on a clock tick (a CLOCK alarm) or the next message, whichever
 * comes first. PM's answer arrives later in the message loop.
 */
static void tell_pm_interrupt(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.type = PM_TTYSIGNAL;
	m.payload.pm_kill.signal = SIGINT;
	int result = ipc_sendnb(PM_ENDPOINT, &m);
	if (result == -ENOTREADY || result == -ELOCKED) {
		sys_setalarm(1, NULL);	/* interrupt_pending stays set */
		return;
	}
	if (result != OK)
		uprintf("tty: cannot tell PM about ^C: %s\n", error_name(result));
	interrupt_pending = false;
}

/*
 * IRQ 4 came: hand every byte waiting in the UART to the line
 * discipline, then let the interrupt come again. (The kernel masked the
 * line when it came; a byte arriving meanwhile is kept pending by the
 * interrupt controller and interrupts once the line is unmasked.)
 */
static void receive_input(void)
{
	int events = 0;

	for (;;) {
		uint32_t status = uart_read(UART_LINE_STATUS);
		if (status == UART_MISSING || !(status & UART_BYTE_RECEIVED))
			break;
		events |= line_input(&console, (char) uart_read(UART_DATA));
	}
	sys_irqctl(IRQ_ENABLE, COM1_IRQ);

	if (events & LINE_FINISHED)
		wake_readers();
	if (events & LINE_INTERRUPT)
		interrupt_pending = true;
}

/* ---- requests from FS: each returns the reply's type ---- */

/* DEV_OPEN and DEV_CLOSE: nothing to do for the console. */
static int open_close(uint32_t minor)
{
	return minor == CONSOLE_MINOR ? OK : -ENXIO;
}

/*
 * DEV_READ: a finished line (up to count bytes of it) at once, else
 * ESUSPEND (or EAGAIN for O_NONBLOCK) and the read waits.
 */
static int do_read(endpoint_t client, const struct dev_io *request)
{
	if (request->minor != CONSOLE_MINOR)
		return -ENXIO;
	if (request->count == 0)
		return 0;
	if (line_readable(&console))
		return copy_line(client, request->grant, request->count);
	if (request->flags & O_NONBLOCK)
		return -EAGAIN;
	return suspend_read(client, request);
}

/* DEV_WRITE: send count bytes from FS's grant, a chunk at a time. */
static int do_write(endpoint_t client, const struct dev_io *request)
{
	char chunk[WRITE_CHUNK];
	uint32_t done = 0;

	if (request->minor != CONSOLE_MINOR)
		return -ENXIO;
	while (done < request->count) {
		uint32_t bytes = MIN(request->count - done, sizeof(chunk));
		int result = sys_safecopyfrom(client, request->grant, done, chunk, bytes);
		if (result != OK)
			return done > 0 ? (int) done : result;
		write_to_uart(chunk, bytes);
		done += bytes;
	}
	return done;
}

/* DEV_CANCEL: the reader was interrupted; forget its read. Always EINTR. */
static int do_cancel(endpoint_t client, const struct dev_io *request)
{
	int index = find_waiting_read(client, &request->id);

	if (index >= 0)
		remove_waiting_read(index);
	return -EINTR;
}

/*
 * DEV_STATUS: finish the oldest waiting read that a line is ready for:
 * copy the line into the new grant (count bytes of room) and give the
 * read's id and result (true: the reply is DEV_REVIVE). False when there
 * is none (DEV_NO_STATUS).
 */
static bool do_status(endpoint_t client, struct dev_io *status)
{
	int index = find_waiting_read(client, NULL);

	if (index < 0 || !line_readable(&console))
		return false;
	struct waiting_read read = waiting_reads[index];
	remove_waiting_read(index);
	status->id = read.id;
	status->result = copy_line(client, status->grant, MIN(read.count, status->count));
	return true;
}

/* ---- start-up, and what the driver library calls ---- */

/*
 * Let the UART interrupt when a byte arrives, and take IRQ 4. The speed
 * and format (115200 baud, 8N1) stay as the kernel set them. Bytes typed
 * before we took the line raised their interrupt already: read them now,
 * or the UART would never interrupt again.
 */
static void uart_init(void)
{
	uart_write(UART_FIFO_CONTROL, UART_FIFO_ON);
	uart_write(UART_MODEM_CONTROL, UART_READY);
	uart_write(UART_INTERRUPT_ENABLE, UART_RECEIVE_INTERRUPT);
	int result = sys_irqctl(IRQ_SET_POLICY, COM1_IRQ);
	if (result != OK) {
		uprintf("tty: cannot take IRQ %d: %s\n", COM1_IRQ, error_name(result));
		return;
	}
	receive_input();
}

/* A notification from HARDWARE: input on IRQ 4. */
static void interrupted(uint32_t irqs)
{
	if (irqs & (1U << COM1_IRQ))
		receive_input();
}

/* A CLOCK alarm, or any message: a ^C PM has not heard of yet is retried. */
static void retry_interrupt(void)
{
	if (interrupt_pending)
		tell_pm_interrupt();
}

/* PM's answers to our PM_TTYSIGNAL need nothing; anything else is refused. */
static void other_message(message *m)
{
	if (m->source != PM_ENDPOINT)
		driver_reply(m, -EBADREQUEST);
}

static const struct driver tty_driver = {
	.name = "tty",
	.major = TTY_MAJOR,
	.open = open_close,
	.close = open_close,
	.read = do_read,
	.write = do_write,
	.cancel = do_cancel,
	.status = do_status,
	.interrupt = interrupted,
	.alarm = retry_interrupt,
	.other = other_message,
	.after_message = retry_interrupt,
};

/* Set up the line discipline and the UART, then serve for ever. */
int main(void)
{
	line_init(&console, echo_to_uart);
	uart_init();
	driver_task(&tty_driver);
}
