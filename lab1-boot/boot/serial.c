/*
 * serial.c - the loader's output: COM1, a 16550 UART, polled.
 *
 * The loader has no screen driver and no interrupts, so it talks through
 * the first serial port, waiting for the UART before each byte. QEMU
 * (-nographic or -serial) and Bochs (com1: ...) show it on the host.
 *
 * Entry points: serial_init, serial_putc, serial_printf, serial_vprintf,
 * serial_flush.
 */
#include "loader.h"
#include "x86.h"
#include "format.h"

#define COM1 0x3f8

/* UART registers, as offsets from the port base. */
#define UART_DATA             0	/* send / receive; divisor low byte while DLAB */
#define UART_INTERRUPT_ENABLE 1	/* divisor high byte while DLAB */
#define UART_FIFO_CONTROL     2
#define UART_LINE_CONTROL     3
#define UART_MODEM_CONTROL    4
#define UART_LINE_STATUS      5

#define LINE_CONTROL_DIVISOR_LATCH 0x80	/* DLAB: data/IER hold the divisor */
#define LINE_CONTROL_8N1           0x03	/* 8 data bits, no parity, 1 stop bit */
#define FIFO_ENABLE_AND_CLEAR      0x07
#define MODEM_CONTROL_DTR_RTS      0x03
#define LINE_STATUS_TRANSMIT_EMPTY 0x20	/* may take the next byte */
#define LINE_STATUS_TRANSMITTER_IDLE 0x40	/* every byte has been sent */
#define BAUD_DIVISOR               1	/* 115200 baud = 115200 / 1 */

#define SERIAL_PRINT_MAX    160	/* characters of one serial_printf */
#define TRANSMIT_WAIT_LIMIT 100000	/* give up on a UART that never gets ready */

/* Wait until the line status register shows bit, or give up. */
static void wait_for_line_status(uint8_t bit)
{
	for (int tries = 0; tries < TRANSMIT_WAIT_LIMIT; tries++) {
		if (inb(COM1 + UART_LINE_STATUS) & bit)
			return;
	}
}

/* Set COM1 to 115200 baud, 8N1, FIFOs on, interrupts off. */
void serial_init(void)
{
	outb(COM1 + UART_INTERRUPT_ENABLE, 0);
	outb(COM1 + UART_LINE_CONTROL, LINE_CONTROL_DIVISOR_LATCH);
	outb(COM1 + UART_DATA, BAUD_DIVISOR & 0xff);
	outb(COM1 + UART_INTERRUPT_ENABLE, BAUD_DIVISOR >> 8);
	outb(COM1 + UART_LINE_CONTROL, LINE_CONTROL_8N1);
	outb(COM1 + UART_FIFO_CONTROL, FIFO_ENABLE_AND_CLEAR);
	outb(COM1 + UART_MODEM_CONTROL, MODEM_CONTROL_DTR_RTS);
}

/* Send one byte; a '\n' goes out as "\r\n" so terminals start a new line. */
void serial_putc(int c)
{
	if (c == '\n')
		serial_putc('\r');
	wait_for_line_status(LINE_STATUS_TRANSMIT_EMPTY);
	outb(COM1 + UART_DATA, (uint8_t) c);
}

/*
 * Wait until every byte written has left the UART. Call it before stopping
 * the machine, or the emulator may quit with the last bytes unsent.
 */
void serial_flush(void)
{
	wait_for_line_status(LINE_STATUS_TRANSMITTER_IDLE);
}

/* Format with common/lib/format.c, then send; long text is cut short. */
void serial_vprintf(const char *format, va_list args)
{
	char text[SERIAL_PRINT_MAX];

	vsnprintf(text, sizeof(text), format, args);
	for (const char *c = text; *c != '\0'; c++)
		serial_putc(*c);
}

void serial_printf(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	serial_vprintf(format, args);
	va_end(args);
}
