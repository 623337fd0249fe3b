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
#include "uart.h"

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
	outb(COM1 + UART_LINE_CONTROL, UART_DIVISOR_ACCESS);
	outb(COM1 + UART_DIVISOR_LOW, (UART_CLOCK / BAUD_RATE) & 0xff);
	outb(COM1 + UART_DIVISOR_HIGH, (UART_CLOCK / BAUD_RATE) >> 8);
	outb(COM1 + UART_LINE_CONTROL, UART_8N1);
	outb(COM1 + UART_FIFO_CONTROL, UART_FIFO_ON);
	outb(COM1 + UART_MODEM_CONTROL, UART_DTR_RTS);
}

/* Send one byte; a '\n' goes out as "\r\n" so terminals start a new line. */
void serial_putc(int c)
{
	if (c == '\n')
		serial_putc('\r');
	wait_for_line_status(UART_CAN_SEND);
	outb(COM1 + UART_DATA, (uint8_t) c);
}

/*
 * Wait until every byte written has left the UART. Call it before stopping
 * the machine, or the emulator may quit with the last bytes unsent.
 */
void serial_flush(void)
{
	wait_for_line_status(UART_ALL_SENT);
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
